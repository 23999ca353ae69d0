-- LiveKit webhooks in, and RealtimeKit's webhooks out. Portable between SQLite and
-- PostgreSQL; the outbox, whose row order differs in type per database, is V12.

-- The LiveKit API key whose secret verifies one app's LiveKit webhooks (the Authorization JWT
-- is HS256 under the secret, so the secret itself is kept). Apps without a row use the keys of
-- RTK_LIVEKIT_KEYS.
CREATE TABLE livekit_keys (
    app_id     VARCHAR(36)   NOT NULL PRIMARY KEY,
    api_key    VARCHAR(255)  NOT NULL,
    api_secret VARCHAR(1024) NOT NULL,
    updated_at BIGINT        NOT NULL
);

-- The webhooks an app has registered through Cloudflare's webhooks API.
CREATE TABLE webhook_subscriptions (
    app_id     VARCHAR(36)   NOT NULL,
    id         VARCHAR(36)   NOT NULL,
    name       VARCHAR(255)  NOT NULL,
    url        VARCHAR(2048) NOT NULL,
    -- the event names, comma-separated
    events     VARCHAR(512)  NOT NULL,
    enabled    BOOLEAN       NOT NULL,
    created_at BIGINT        NOT NULL,
    updated_at BIGINT        NOT NULL,
    PRIMARY KEY (app_id, id)
);

-- Sessions that end when their keep-alive runs out, which no event says: kept for apps whose
-- webhooks want meeting.ended, so that a sweep sends it once live_until has passed.
-- notified_at: when it was sent for this live_until (a session continued by a late event gets
-- a new live_until and is sent again when that one passes).
CREATE TABLE session_end_watch (
    app_id      VARCHAR(36) NOT NULL,
    session_id  VARCHAR(64) NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    live_until  BIGINT      NOT NULL,
    notified_at BIGINT,
    PRIMARY KEY (app_id, session_id)
);
CREATE INDEX session_end_watch_due ON session_end_watch (live_until) WHERE notified_at IS NULL;

-- Key pairs every process sharing this database must agree on (the RSA key that signs the
-- webhooks sent out), PEM text. The first process that needs one inserts it.
CREATE TABLE service_keys (
    name        VARCHAR(64) NOT NULL PRIMARY KEY,
    private_key TEXT        NOT NULL,
    public_key  TEXT        NOT NULL,
    created_at  BIGINT      NOT NULL
);
