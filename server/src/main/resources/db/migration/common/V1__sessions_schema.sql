-- Portable between SQLite and PostgreSQL: times are epoch milliseconds (BIGINT),
-- ids are bounded VARCHARs, booleans are BOOLEAN (SQLite stores 0/1).

CREATE TABLE apps (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    account_id    VARCHAR(32)  NOT NULL,
    name          VARCHAR(255) NOT NULL,
    created_at    BIGINT       NOT NULL,
    -- Number of top-level sessions, kept exact by the session engine in the same
    -- transaction that adds or removes them, so an unfiltered total_count reads one row.
    session_count BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX apps_by_account ON apps (account_id, created_at, id);

CREATE TABLE meetings (
    app_id               VARCHAR(36)   NOT NULL,
    id                   VARCHAR(64)   NOT NULL,
    title                VARCHAR(1024) NOT NULL,
    -- Lower-cased in Java (full Unicode), because SQLite's LOWER() only folds ASCII.
    title_search         VARCHAR(1024) NOT NULL,
    status               VARCHAR(8)    NOT NULL,
    keep_alive_secs      INTEGER       NOT NULL,
    record_on_start      BOOLEAN       NOT NULL,
    live_stream_on_start BOOLEAN       NOT NULL,
    persist_chat         BOOLEAN       NOT NULL,
    summarize_on_end     BOOLEAN       NOT NULL,
    transcribe_on_end    BOOLEAN       NOT NULL,
    parent_meeting_id    VARCHAR(64),
    created_at           BIGINT        NOT NULL,
    updated_at           BIGINT        NOT NULL,
    PRIMARY KEY (app_id, id)
);
CREATE INDEX meetings_by_created ON meetings (app_id, created_at, id);
CREATE INDEX meetings_by_parent ON meetings (app_id, parent_meeting_id);

-- Every accepted participant event: the source of truth that sessions are derived from.
CREATE TABLE events (
    app_id                VARCHAR(36)  NOT NULL,
    id                    VARCHAR(64)  NOT NULL,
    meeting_id            VARCHAR(64)  NOT NULL,
    type                  VARCHAR(24)  NOT NULL,
    at                    BIGINT       NOT NULL,
    peer_id               VARCHAR(64),
    session_id            VARCHAR(64),
    user_id               VARCHAR(255),
    custom_participant_id VARCHAR(255),
    display_name          VARCHAR(255),
    preset_name           VARCHAR(255),
    session_type          VARCHAR(16),
    meta                  TEXT,
    received_at           BIGINT       NOT NULL,
    PRIMARY KEY (app_id, id)
);
CREATE INDEX events_by_meeting_time ON events (app_id, meeting_id, at);
CREATE INDEX events_by_peer ON events (app_id, peer_id);

-- Derived from events by the session engine; rebuilt from a safe point when
-- events arrive out of order.
CREATE TABLE sessions (
    app_id            VARCHAR(36) NOT NULL,
    id                VARCHAR(64) NOT NULL,
    meeting_id        VARCHAR(64) NOT NULL,
    parent_session_id VARCHAR(64),
    type              VARCHAR(16) NOT NULL,
    live_count        INTEGER     NOT NULL,
    peak_count        INTEGER     NOT NULL,
    -- Participant-milliseconds of peer intervals that have closed.
    closed_ms         BIGINT      NOT NULL,
    -- Sum of the join times of the peers present now: read-time minutes are
    -- closed_ms + live_count * now - live_join_sum, without touching participant rows.
    live_join_sum     BIGINT      NOT NULL,
    created_at        BIGINT      NOT NULL,
    started_at        BIGINT      NOT NULL,
    updated_at        BIGINT      NOT NULL,
    -- The last leave (or the explicit end); NULL while peers are present.
    ended_at          BIGINT,
    -- The session is LIVE while now <= live_until (keep-alive included).
    live_until        BIGINT      NOT NULL,
    meta              TEXT,
    PRIMARY KEY (app_id, id)
);
CREATE INDEX sessions_by_created ON sessions (app_id, created_at, id) WHERE parent_session_id IS NULL;
CREATE INDEX sessions_by_meeting ON sessions (app_id, meeting_id, created_at, id);
CREATE INDEX sessions_by_live_until ON sessions (app_id, live_until) WHERE parent_session_id IS NULL;
CREATE INDEX sessions_by_peak ON sessions (app_id, peak_count, created_at, id) WHERE parent_session_id IS NULL;
CREATE INDEX sessions_by_minutes ON sessions (app_id, closed_ms, id) WHERE parent_session_id IS NULL AND live_count = 0;
CREATE INDEX sessions_by_parent ON sessions (app_id, parent_session_id) WHERE parent_session_id IS NOT NULL;

-- One row per peer and session.
CREATE TABLE participants (
    app_id                VARCHAR(36)  NOT NULL,
    session_id            VARCHAR(64)  NOT NULL,
    peer_id               VARCHAR(64)  NOT NULL,
    meeting_id            VARCHAR(64)  NOT NULL,
    user_id               VARCHAR(255),
    custom_participant_id VARCHAR(255),
    display_name          VARCHAR(255),
    preset_name           VARCHAR(255),
    joined_at             BIGINT       NOT NULL,
    left_at               BIGINT,
    -- Milliseconds of closed intervals; a present peer adds now - present_since.
    duration_ms           BIGINT       NOT NULL,
    present_since         BIGINT,
    PRIMARY KEY (app_id, session_id, peer_id)
);
CREATE INDEX participants_by_peer ON participants (app_id, peer_id);

CREATE TABLE api_tokens (
    id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    token_hash  VARCHAR(64)  NOT NULL UNIQUE,
    -- NULL: every account (the bootstrap admin token).
    account_id  VARCHAR(32),
    permission  VARCHAR(16)  NOT NULL,
    description VARCHAR(255),
    created_at  BIGINT       NOT NULL,
    revoked_at  BIGINT
);
