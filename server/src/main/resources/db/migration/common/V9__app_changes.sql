-- A number per app that every committed change to what its session lists show makes larger:
-- the engine's batches (sessions, their breakout rooms and counters) and meeting writes
-- (titles). A process that remembers a list answer keeps it only while the number it read
-- before computing the answer is unchanged (see SessionReader). Striped like session_buckets:
-- a transaction adds 1 to one stripe it picks at random; the number is the sum of the stripes.
CREATE TABLE app_changes (
    app_id  VARCHAR(36) NOT NULL,
    stripe  INTEGER     NOT NULL,
    changes BIGINT      NOT NULL,
    PRIMARY KEY (app_id, stripe)
);
