-- Which content a cluster worker is embedding now (PostgreSQL only: SQLite has one writer).
-- A worker embeds outside any transaction, then writes the document in a short one; a second
-- writer of the same content that finds a live claim waits for it instead of embedding the
-- same passages again. A claim is live while the session that made it is connected (pid, as
-- pg_stat_activity shows it) and for at most an hour; a crashed worker's claim is ignored.
-- owner: the claiming store's own token, by which it releases the claim (behind a pooler the
-- release may run on another server connection than the claim).
CREATE TABLE content_claims (
    sha256 TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    pid INTEGER NOT NULL,
    claimed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
