-- Trigram indexes serve the case-insensitive substring search of the session list
-- (session id, meeting id, meeting title). pg_trgm ships with PostgreSQL's contrib; where
-- it cannot be installed, the search still works, by scanning.
DO $$
DECLARE
    trgm_schema text;
BEGIN
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
            CREATE EXTENSION pg_trgm;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm unavailable (%): search will scan instead of using trigram indexes', SQLERRM;
        RETURN;
    END;
    -- The extension may live in another schema of this database; name its operator class fully.
    SELECT n.nspname INTO trgm_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'pg_trgm';
    EXECUTE format('CREATE INDEX sessions_id_trgm ON sessions USING gin (lower(id) %I.gin_trgm_ops)', trgm_schema);
    EXECUTE format('CREATE INDEX meetings_title_trgm ON meetings USING gin (title_search %I.gin_trgm_ops)', trgm_schema);
    EXECUTE format('CREATE INDEX meetings_id_trgm ON meetings USING gin (lower(id) %I.gin_trgm_ops)', trgm_schema);
END
$$;
