-- PostgreSQL twin of migrations/0004_indexes_info.sql.
CREATE INDEX IF NOT EXISTS figures_item ON figures(item_id);
CREATE INDEX IF NOT EXISTS party_mentions_item ON party_mentions(item_id);
CREATE INDEX IF NOT EXISTS people_item ON people(item_id);
CREATE INDEX IF NOT EXISTS decisions_item ON decisions(item_id);
CREATE INDEX IF NOT EXISTS votes_item ON votes(item_id);
CREATE INDEX IF NOT EXISTS positions_item ON positions(item_id);
CREATE INDEX IF NOT EXISTS entities_item ON entities(item_id);
CREATE INDEX IF NOT EXISTS diarienummer_item ON diarienummer(item_id);
CREATE INDEX IF NOT EXISTS sections_doc ON sections(document_id);

CREATE TABLE corpus_info (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
