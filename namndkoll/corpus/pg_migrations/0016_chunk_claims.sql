-- Which passages an index run is embedding now (PostgreSQL only: SQLite has one writer). A run
-- claims a batch in a short transaction, embeds it with no transaction open, then stores its
-- vectors in another short one; a second run skips the passages another live run has claimed
-- instead of embedding them too. A claim is live while the session that made it is connected
-- (claimed_pid, as pg_stat_activity shows it) and for at most an hour (pg_claims.CLAIM_LIFETIME):
-- a crashed run's passages are taken by the next one. claimed_by: the claiming store's token.
ALTER TABLE chunks_todo ADD COLUMN claimed_by TEXT, ADD COLUMN claimed_pid INTEGER,
    ADD COLUMN claimed_at TIMESTAMPTZ;
