-- Where each meeting's event history stands, so the engine can apply in-order events on top
-- of the stored latest session instead of replaying its events: the latest session, and the
-- greatest (time, kind, id) of the events applied.
ALTER TABLE meetings ADD COLUMN current_session_id VARCHAR(64);
ALTER TABLE meetings ADD COLUMN last_event_at BIGINT;
ALTER TABLE meetings ADD COLUMN last_event_rank INTEGER;
ALTER TABLE meetings ADD COLUMN last_event_id VARCHAR(64);
