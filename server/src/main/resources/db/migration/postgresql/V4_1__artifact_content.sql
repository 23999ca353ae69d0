-- The bytes of an uploaded artifact (NULL for a link recorded from a webhook).
ALTER TABLE artifacts ADD COLUMN content BYTEA;
