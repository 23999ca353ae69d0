-- Sorting by minutes merges settled sessions (sessions_by_minutes) with the few that have peers
-- present, whose minutes grow with time; this index finds those few without a table scan.
CREATE INDEX sessions_with_peers ON sessions (app_id, closed_ms) WHERE parent_session_id IS NULL AND live_count > 0;
