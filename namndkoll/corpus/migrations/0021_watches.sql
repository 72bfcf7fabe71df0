-- Saved topics (`namndkoll watch`) and when each document was stored in this corpus.
-- stored_at: when the row was written here, to the millisecond (UTC) — unlike ingested_at, which
-- `copy` carries over from the source corpus (when the document was read) and which counts whole
-- seconds. A watch shows the documents stored after its last run; a document read again (a
-- changed file, `ingest --reread`) is stored again and counts as new. Rows stored before this
-- migration take their ingested_at. SQLite cannot give an added column a default that is not a
-- constant: a trigger sets it on every insert that leaves it empty.
ALTER TABLE documents ADD COLUMN stored_at TEXT;
UPDATE documents SET stored_at = ingested_at;
CREATE TRIGGER documents_stored_at AFTER INSERT ON documents WHEN NEW.stored_at IS NULL
BEGIN
    UPDATE documents SET stored_at = strftime('%Y-%m-%d %H:%M:%f', 'now') WHERE id = NEW.id;
END;
CREATE INDEX documents_stored_at ON documents(stored_at);

-- One row per watched topic: the query as searched, the filters as `search` takes them ('' for
-- none, so that UNIQUE sees two unfiltered watches of one topic as the same), and seen_until:
-- the stored_at up to which its documents have been looked at (set when it is added, then by each
-- run that is not a dry run).
CREATE TABLE watches (
    id INTEGER PRIMARY KEY,
    topic TEXT NOT NULL,
    municipality TEXT NOT NULL DEFAULT '',
    committee TEXT NOT NULL DEFAULT '',
    doc_type TEXT NOT NULL DEFAULT '',
    party TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    seen_until TEXT NOT NULL,
    last_run_at TEXT,
    UNIQUE (topic, municipality, committee, doc_type, party)
);
