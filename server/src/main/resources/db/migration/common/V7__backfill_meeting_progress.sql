-- Meetings whose events were recorded before the engine kept their progress (V3): point them at
-- their latest session, and mark their last applied event as "everything up to the latest event
-- time" (rank 99 sorts after every event kind). Later events continue from the latest session;
-- one at that same millisecond takes the rebuilding path, which is always correct.
UPDATE meetings
   SET last_event_at = (SELECT MAX(e.at) FROM events e WHERE e.app_id = meetings.app_id AND e.meeting_id = meetings.id),
       current_session_id = (SELECT s.id FROM sessions s WHERE s.app_id = meetings.app_id AND s.meeting_id = meetings.id
                              ORDER BY s.created_at DESC, s.id DESC LIMIT 1)
 WHERE last_event_at IS NULL
   AND EXISTS (SELECT 1 FROM events e WHERE e.app_id = meetings.app_id AND e.meeting_id = meetings.id);
UPDATE meetings SET last_event_rank = 99, last_event_id = '' WHERE last_event_at IS NOT NULL AND last_event_rank IS NULL;
