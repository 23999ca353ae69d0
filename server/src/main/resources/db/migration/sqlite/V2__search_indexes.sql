-- FTS5 trigram indexes serve the case-insensitive substring search of the session list
-- (session id, meeting id, meeting title). They index the tables' own rows (external
-- content) and triggers keep them in step.
CREATE VIRTUAL TABLE sessions_fts USING fts5(id, content='sessions', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER sessions_fts_insert AFTER INSERT ON sessions BEGIN
    INSERT INTO sessions_fts (rowid, id) VALUES (new.rowid, new.id);
END;
CREATE TRIGGER sessions_fts_delete AFTER DELETE ON sessions BEGIN
    INSERT INTO sessions_fts (sessions_fts, rowid, id) VALUES ('delete', old.rowid, old.id);
END;
CREATE TRIGGER sessions_fts_update AFTER UPDATE OF id ON sessions BEGIN
    INSERT INTO sessions_fts (sessions_fts, rowid, id) VALUES ('delete', old.rowid, old.id);
    INSERT INTO sessions_fts (rowid, id) VALUES (new.rowid, new.id);
END;

CREATE VIRTUAL TABLE meetings_fts USING fts5(id, title_search, content='meetings', content_rowid='rowid',
    tokenize='trigram');
CREATE TRIGGER meetings_fts_insert AFTER INSERT ON meetings BEGIN
    INSERT INTO meetings_fts (rowid, id, title_search) VALUES (new.rowid, new.id, new.title_search);
END;
CREATE TRIGGER meetings_fts_delete AFTER DELETE ON meetings BEGIN
    INSERT INTO meetings_fts (meetings_fts, rowid, id, title_search)
        VALUES ('delete', old.rowid, old.id, old.title_search);
END;
CREATE TRIGGER meetings_fts_update AFTER UPDATE OF id, title_search ON meetings BEGIN
    INSERT INTO meetings_fts (meetings_fts, rowid, id, title_search)
        VALUES ('delete', old.rowid, old.id, old.title_search);
    INSERT INTO meetings_fts (rowid, id, title_search) VALUES (new.rowid, new.id, new.title_search);
END;

INSERT INTO sessions_fts (sessions_fts) VALUES ('rebuild');
INSERT INTO meetings_fts (meetings_fts) VALUES ('rebuild');
