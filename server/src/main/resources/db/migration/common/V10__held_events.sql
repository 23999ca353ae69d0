-- Webhook deliveries whose event is recorded but cannot be placed yet: a leave whose own join
-- has not arrived, or an end before any join of its session. Senders of webhooks are not told
-- to retry, so such an event is kept in the events table like any other (a replay places it
-- as soon as what it needs arrives) and listed here until then, for operators. A row goes away
-- in the transaction that records the missing join.
CREATE TABLE held_events (
    app_id      VARCHAR(36) NOT NULL,
    event_id    VARCHAR(64) NOT NULL,
    meeting_id  VARCHAR(64) NOT NULL,
    type        VARCHAR(24) NOT NULL,
    peer_id     VARCHAR(64),
    session_id  VARCHAR(64),
    at          BIGINT      NOT NULL,
    -- a leave: the earliest time its join can have (its joinedAt, less a second); NULL: any
    -- join at or before the leave places it
    joined_from BIGINT,
    received_at BIGINT      NOT NULL,
    -- when a process reported it as waiting too long (logged once)
    reported_at BIGINT,
    PRIMARY KEY (app_id, event_id)
);
CREATE INDEX held_events_by_meeting ON held_events (app_id, meeting_id);
CREATE INDEX held_events_by_received ON held_events (received_at);

-- Settings every process sharing this database must agree on, with the value the sessions
-- were last written with (the stale limit: see SessionEngine.applyStaleLimit).
CREATE TABLE service_settings (
    name  VARCHAR(64) NOT NULL PRIMARY KEY,
    value VARCHAR(255) NOT NULL
);
