-- Names removed from the corpus on request (`namndkoll redact`): one row per rule. The name is
-- kept (as the rule was given: "Anna Berg") so that every later ingest removes it too, before
-- the document is committed; places and documents count what the rule changed so far (at
-- `redact add` and at each ingest since). The original PDFs on disk are never changed.
CREATE TABLE redactions (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    reason TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    places INTEGER NOT NULL DEFAULT 0,
    documents INTEGER NOT NULL DEFAULT 0
);
