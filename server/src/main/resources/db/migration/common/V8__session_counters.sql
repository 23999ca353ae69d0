-- Counters of top-level sessions that the session engine keeps exact in the transaction that
-- changes the sessions (see SessionCounts): per meeting, and per app and bucket, where a
-- bucket is a UTC creation day (kind 'd', epoch day) or a peak concurrency (kind 'p').
-- Filtered total_counts over long ranges sum these instead of counting index entries.
ALTER TABLE meetings ADD COLUMN session_count BIGINT NOT NULL DEFAULT 0;

CREATE TABLE session_buckets (
    app_id   VARCHAR(36) NOT NULL,
    kind     CHAR(1)     NOT NULL,
    bucket   BIGINT      NOT NULL,
    sessions BIGINT      NOT NULL,
    PRIMARY KEY (app_id, kind, bucket)
);

-- Stores written before this migration: count what is there.
INSERT INTO session_buckets (app_id, kind, bucket, sessions)
SELECT app_id, 'd', created_at / 86400000, COUNT(*) FROM sessions WHERE parent_session_id IS NULL
 GROUP BY app_id, created_at / 86400000;
INSERT INTO session_buckets (app_id, kind, bucket, sessions)
SELECT app_id, 'p', peak_count, COUNT(*) FROM sessions WHERE parent_session_id IS NULL
 GROUP BY app_id, peak_count;
UPDATE meetings SET session_count = (SELECT COUNT(*) FROM sessions s
 WHERE s.app_id = meetings.app_id AND s.meeting_id = meetings.id AND s.parent_session_id IS NULL)
 WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.app_id = meetings.app_id AND s.meeting_id = meetings.id);
