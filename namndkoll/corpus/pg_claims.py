"""Claims on content being embedded (PostgreSQL, ``pg_migrations/0015_content_claims.sql``).

A cluster worker reads, extracts and embeds a document with no transaction open (minutes on
CPU workers: an open transaction meanwhile would meet ``idle_in_transaction_session_timeout``,
pin a pooled server connection and hold back vacuum), then writes it in one short transaction.
Two ingests of the same content at once would then both embed it; a claim, made in a short
transaction under the content's advisory lock, tells the second writer to wait until the first
has stored it (or given up). Claims only save work: whether a document is stored is decided
again inside the writing transaction (``api.batch._stored_meanwhile``), so a claim that is lost
or ignored costs an embedding, never a wrong or a duplicate document.
"""

from __future__ import annotations

from typing import Any

# a claim outlives its session's connection only behind a pooler (PgBouncer keeps the server
# connection): after this long it is taken over whatever pg_stat_activity says
CLAIM_LIFETIME = "1 hour"


def live(alias: str, pid: str) -> str:
    """SQL: the claim in row ``alias`` (its ``claimed_at`` and the claiming session's ``pid``
    column) is still live: younger than ``CLAIM_LIFETIME`` and its session still connected (a
    backend of that pid started no later than the claim). The one rule for a content claim
    (``claim``) and a passage's (``pg_index.claim_unembedded``)."""
    return (f"{alias}.claimed_at > now() - interval '{CLAIM_LIFETIME}'"
            f" AND EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.pid = {alias}.{pid}"
            f" AND (a.backend_start IS NULL OR a.backend_start <= {alias}.claimed_at))")


def claim(conn: Any, sha: str, owner: str) -> bool:
    """Inside a transaction holding the content's advisory lock: claim ``sha`` for ``owner`` (a
    token of the claiming store). False when another owner's claim is live (wait, then look
    again)."""
    row = conn.execute(
        "SELECT c.pid FROM content_claims c WHERE c.sha256 = %s AND c.owner != %s AND " + live("c", "pid"),
        (sha, owner)).fetchone()
    if row is not None:
        return False
    conn.execute("INSERT INTO content_claims (sha256, owner, pid) VALUES (%s, %s, pg_backend_pid())"
                 " ON CONFLICT (sha256) DO UPDATE SET owner = excluded.owner, pid = excluded.pid,"
                 " claimed_at = excluded.claimed_at", (sha, owner))
    return True


def release(conn: Any, sha: str, owner: str) -> None:
    """``owner``'s claim on ``sha``, if it still holds it, removed (autocommit: one statement)."""
    conn.execute("DELETE FROM content_claims WHERE sha256 = %s AND owner = %s", (sha, owner))
