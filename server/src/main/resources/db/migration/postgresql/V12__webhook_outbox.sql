-- Webhook deliveries to send (the outbox): written in the transaction of the change that
-- causes them, sent by a background sender in seq order per webhook and meeting, kept 30 days
-- after they were sent or given up on. seq is the insertion order (it differs in type between
-- the databases; the rest is the same on both).
CREATE TABLE webhook_outbox (
    seq             BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- the delivery id, sent as rtk-uuid (the same on every attempt)
    id              VARCHAR(36)   NOT NULL UNIQUE,
    app_id          VARCHAR(36)   NOT NULL,
    webhook_id      VARCHAR(36)   NOT NULL,
    meeting_id      VARCHAR(64)   NOT NULL,
    event           VARCHAR(64)   NOT NULL,
    payload         TEXT          NOT NULL,
    -- pending | sent | failed
    status          VARCHAR(8)    NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at BIGINT        NOT NULL,
    -- a sender works on it until then (0: nobody); a sender that died lets it go this way
    claimed_until   BIGINT        NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(1024),
    created_at      BIGINT        NOT NULL,
    updated_at      BIGINT        NOT NULL
);
CREATE INDEX webhook_outbox_due ON webhook_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_outbox_order ON webhook_outbox (app_id, webhook_id, meeting_id, seq) WHERE status = 'pending';
CREATE INDEX webhook_outbox_by_webhook ON webhook_outbox (app_id, webhook_id, seq);
CREATE INDEX webhook_outbox_by_update ON webhook_outbox (updated_at);
