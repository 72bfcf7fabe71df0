-- Which passages an index run is embedding now, and which content an ingest is reading (SQLite;
-- PostgreSQL: chunks_todo.claimed_by, migration 0016, and content_claims, 0015; numbers 0015 and
-- 0016 are PostgreSQL's alone). A run claims a batch in a short write transaction, embeds it with
-- no transaction open, then stores its vectors in another short one; a second run (`namndkoll
-- index` started twice, two `ingest` processes) skips the passages another live run claimed
-- instead of embedding them too. An ingest claims a file's content before it reads it, so that a
-- second ingest of the same file reads its other files meanwhile and then finds it stored.
-- claimers: one row per run at work (owner: its token). It is live while its process is (same
-- host: pid, and the process's start time so that a reused pid does not count); from another host
-- while its heartbeat (beat, unix seconds, refreshed at every batch and file) is younger than
-- claims.LAPSE_S. A dead run's row and claims are removed by the next run that looks.
CREATE TABLE claimers (
    owner TEXT PRIMARY KEY,
    host TEXT NOT NULL,
    pid INTEGER NOT NULL,
    started TEXT NOT NULL DEFAULT '',
    beat REAL NOT NULL
);
CREATE TABLE chunk_claims (
    chunk_id INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
    owner TEXT NOT NULL
);
CREATE INDEX chunk_claims_owner ON chunk_claims(owner);
CREATE TABLE content_claims (
    sha256 TEXT PRIMARY KEY,
    owner TEXT NOT NULL
);
