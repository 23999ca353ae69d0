-- The top-level sessions of given meetings (associated_id, and search once it has found the
-- matching meetings) counted and paged from the index alone: sessions_by_meeting also holds
-- breakout sessions, whose parent is only in the table row.
CREATE INDEX sessions_top_by_meeting ON sessions (app_id, meeting_id, created_at, id) WHERE parent_session_id IS NULL;
