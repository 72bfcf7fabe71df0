-- A claim's session pid is recorded only where the client's connection is its own server session
-- (pg_backend_pid() is the pid the client was told at connect); behind PgBouncer in transaction
-- mode it is not (each transaction may run on another server connection, which lives on after the
-- client crashed or serves the client after the one that claimed was closed), and the pid is left
-- NULL: the claim is then live while its heartbeat (claimed_at, refreshed by the claimer between
-- embedding batches and while its readers read) is younger than the lapse (pg_claims.LAPSE, ten
-- minutes), whatever pg_stat_activity says. (Number 0017 is SQLite's alone.)
ALTER TABLE content_claims ALTER COLUMN pid DROP NOT NULL;
