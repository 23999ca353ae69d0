-- Counters of top-level sessions that the session engine keeps exact in the transaction that
-- changes the sessions (see SessionCounts): per meeting, and per app and bucket, where a bucket
-- is the app's total (kind 't', bucket 0), a UTC creation day (kind 'd', epoch day) or a peak
-- concurrency (kind 'p'). A bucket is split over stripes, each transaction adding to one stripe
-- it picks at random: concurrent batches then rarely wait on each other's counter rows, which
-- they would otherwise hold until commit. A bucket's value is the sum of its stripes.
ALTER TABLE meetings ADD COLUMN session_count BIGINT NOT NULL DEFAULT 0;

CREATE TABLE session_buckets (
    app_id   VARCHAR(36) NOT NULL,
    kind     CHAR(1)     NOT NULL,
    bucket   BIGINT      NOT NULL,
    stripe   INTEGER     NOT NULL,
    sessions BIGINT      NOT NULL,
    PRIMARY KEY (app_id, kind, bucket, stripe)
);

-- Stores written before this migration: count what is there.
INSERT INTO session_buckets (app_id, kind, bucket, stripe, sessions)
SELECT app_id, 't', 0, 0, COUNT(*) FROM sessions WHERE parent_session_id IS NULL GROUP BY app_id;
INSERT INTO session_buckets (app_id, kind, bucket, stripe, sessions)
SELECT app_id, 'd', created_at / 86400000, 0, COUNT(*) FROM sessions WHERE parent_session_id IS NULL
 GROUP BY app_id, created_at / 86400000;
INSERT INTO session_buckets (app_id, kind, bucket, stripe, sessions)
SELECT app_id, 'p', peak_count, 0, COUNT(*) FROM sessions WHERE parent_session_id IS NULL
 GROUP BY app_id, peak_count;
UPDATE meetings SET session_count = (SELECT COUNT(*) FROM sessions s
 WHERE s.app_id = meetings.app_id AND s.meeting_id = meetings.id AND s.parent_session_id IS NULL)
 WHERE EXISTS (SELECT 1 FROM sessions s WHERE s.app_id = meetings.app_id AND s.meeting_id = meetings.id);

-- The app's total moved into the buckets (kind 't').
ALTER TABLE apps DROP COLUMN session_count;
