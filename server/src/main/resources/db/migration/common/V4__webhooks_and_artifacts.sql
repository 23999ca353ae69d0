-- RealtimeKit webhooks and session artifacts. Portable between SQLite and PostgreSQL; the
-- one column whose type differs (an uploaded file's bytes) is added per database by V4_1.

-- PEM text of the RSA public key (SPKI "PUBLIC KEY") that verifies this app's RealtimeKit
-- webhooks; NULL: the service-wide key (RTK_WEBHOOK_PUBLIC_KEY) applies.
ALTER TABLE apps ADD COLUMN webhook_public_key TEXT;

-- Every webhook delivery that passed the signature check, keyed by its rtk-uuid header: a
-- retry of a recorded delivery is acknowledged and changes nothing.
CREATE TABLE webhook_deliveries (
    app_id      VARCHAR(36)   NOT NULL,
    id          VARCHAR(64)   NOT NULL,
    event       VARCHAR(64)   NOT NULL,
    -- applied | duplicate | ignored | rejected (contradicted the recorded state)
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(1024),
    received_at BIGINT        NOT NULL,
    PRIMARY KEY (app_id, id)
);

-- A session's chat export, transcript and summary: either a link recorded from a webhook
-- (url and url_expiry exactly as RealtimeKit gave them) or an uploaded file (content, from
-- V4_1), which the service serves itself under signed links. One of each kind per session;
-- the latest recording or upload wins.
CREATE TABLE artifacts (
    app_id       VARCHAR(36)  NOT NULL,
    session_id   VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    url          TEXT,
    url_expiry   VARCHAR(64),
    content_type VARCHAR(255),
    size_bytes   BIGINT,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (app_id, session_id, kind)
);

-- Secrets every process sharing this database must agree on (the key that signs artifact
-- links). The first process that needs one inserts it; the others read that row.
CREATE TABLE service_secrets (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    secret     VARCHAR(128) NOT NULL,
    created_at BIGINT       NOT NULL
);
