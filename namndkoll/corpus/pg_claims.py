"""Claims on content being read and embedded (PostgreSQL, ``pg_migrations/0015_content_claims.sql``),
and the liveness rule that passages' claims (``pg_index.claim_unembedded``) share.

A cluster worker (or a local ingest's reader) reads, extracts and embeds a document with no
transaction open (minutes on CPU workers: an open transaction meanwhile would meet
``idle_in_transaction_session_timeout``, pin a pooled server connection and hold back vacuum),
then writes it in one short transaction. Two ingests of the same content at once would then both
read and embed it; a claim, made in a short transaction under the content's advisory lock before
the file is read, tells the second writer to wait until the first has stored it (or given up).
Claims only save work: whether a document is stored is decided again inside the writing
transaction (``api.batch._stored_meanwhile``), so a claim that is lost or ignored costs a reading
and an embedding, never a wrong or a duplicate document.

A claim is live while its claimer beats: ``claimed_at`` is refreshed (``beat``) between
embedding batches and while a local ingest's readers read, and a claim older than ``lapse()`` is
taken over (a crashed claimer behind a pooler, or one that hangs; ``lapse``). The session's pid is a fast
path for a crashed claimer, kept only where it can be trusted: recorded when the client's
connection is its own server session (``pg_backend_pid()`` equals the pid the client was told at
connect); behind PgBouncer in transaction mode it is not — the server connection that ran the
claim lives on after the client crashed, or is closed while the client works on — and the pid is
left NULL, the heartbeat alone deciding.
"""

from __future__ import annotations

from typing import Any

from .claims import Holder, lapse_s


def lapse() -> str:
    """SQL interval: a claim whose claimer has not beaten for this long is taken over
    (``claims.lapse_s``, SQLite's claims the same: ten minutes unless ``$NAMNDKOLL_CLAIM_LAPSE_S``)."""
    return f"{lapse_s():.3f} seconds"


def live(alias: str, pid: str) -> str:
    """SQL: the claim in row ``alias`` (its ``claimed_at`` and the claiming session's ``pid``
    column) is still live: its heartbeat younger than ``lapse()`` and, where its pid was recorded,
    that session still connected (a backend of that pid started no later than the claim). The
    one rule for a content claim (``claim``) and a passage's (``pg_index.claim_unembedded``)."""
    return (f"{alias}.claimed_at > now() - interval '{lapse()}'"
            f" AND ({alias}.{pid} IS NULL OR EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = {alias}.{pid}"
            f" AND (a.backend_start IS NULL OR a.backend_start <= {alias}.claimed_at)))")


# SQL taking the client's own idea of its session's pid (``conn.info.backend_pid``): the pid to
# record with a claim, or NULL where the statement runs on another server connection (a pooler)
SESSION_PID = "CASE WHEN pg_backend_pid() = %s THEN pg_backend_pid() END"


def client_pid(conn: Any) -> int:
    """The pid the server (or a pooler in front of it) told this client at connect."""
    return int(conn.info.backend_pid or 0)


def claim(conn: Any, sha: str, owner: str) -> bool:
    """Inside a transaction holding the content's advisory lock: claim ``sha`` for ``owner`` (a
    token of the claiming store). False when another owner's claim is live (wait, then look
    again)."""
    row = conn.execute(
        "SELECT c.owner FROM content_claims c WHERE c.sha256 = %s AND c.owner != %s AND " + live("c", "pid"),
        (sha, owner)).fetchone()
    if row is not None:
        return False
    conn.execute("INSERT INTO content_claims (sha256, owner, pid) VALUES (%s, %s, " + SESSION_PID + ")"
                 " ON CONFLICT (sha256) DO UPDATE SET owner = excluded.owner, pid = excluded.pid,"
                 " claimed_at = excluded.claimed_at", (sha, owner, client_pid(conn)))
    return True


def holder(token: str) -> Holder:
    """Who a claim's token names: ``PostgresStore``'s ``uuid/host/pid`` (the run is the token's
    start; host and pid those of the client that claimed, not of its server session)."""
    run, _, rest = str(token).partition("/")
    host, _, pid = rest.rpartition("/")
    return Holder(run[:8], host, int(pid) if pid.isdigit() else None)


def content_holder(conn: Any, sha: str, owner: str) -> Holder | None:
    """Inside the transaction in which ``claim`` found ``sha`` held (the content's advisory lock
    held): who holds it; None where no live claim of another owner does."""
    row = conn.execute(
        "SELECT c.owner FROM content_claims c WHERE c.sha256 = %s AND c.owner != %s AND " + live("c", "pid"),
        (sha, owner)).fetchone()
    return holder(row[0]) if row is not None else None


def beat(conn: Any, owner: str, chunk_ids: list[int] | None = None) -> None:
    """``owner``'s content claims are live still, and its claims on the passages ``chunk_ids``
    (the batch it is embedding): their heartbeat now (autocommit: a statement each)."""
    conn.execute("UPDATE content_claims SET claimed_at = now() WHERE owner = %s", (owner,))
    if chunk_ids:
        conn.execute("UPDATE chunks_todo SET claimed_at = now() WHERE chunk_id = ANY(%s) AND claimed_by = %s",
                     (chunk_ids, owner))


def release(conn: Any, sha: str, owner: str) -> None:
    """``owner``'s claim on ``sha``, if it still holds it, removed (autocommit: one statement)."""
    conn.execute("DELETE FROM content_claims WHERE sha256 = %s AND owner = %s", (sha, owner))
