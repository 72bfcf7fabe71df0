"""Migration 0020's rewrite of the passages' keyword words (``chunks.tsv``), in batches.

The migration itself only changes the schema (the column becomes a plain one that a trigger
fills for every passage written from then on) and records in ``corpus_info`` which passages
still hold the words as the old parser read them: ``pg_words_todo`` = "DONE LAST", the ids up
to DONE rewritten, those up to LAST to be. ``resume`` rewrites the rest ``BATCH`` passages a
transaction, each commit moving DONE on: a crash or Ctrl-C leaves a consistent corpus (every
passage's words either the old or the new ones, DONE saying which), and the next open goes on
from DONE. Readers are never locked out meanwhile (an UPDATE locks its rows against writers
only, one batch at a time); until it ends a keyword search reads the passages not yet done as
before the upgrade.

One session at a time rewrites, a batch at a time: each batch's transaction takes an advisory
lock it only tries (``pg_try_advisory_xact_lock``; another opener goes on at once and searches
meanwhile) and reads under it how far the rewrite came. Nothing outlives a transaction, so it
runs as well through a pooler in transaction mode (PgBouncer), where a session's lock held from
the first batch to the last could be released from another server connection than the one
holding it, and stayed held: every later rewrite was skipped while that one lived. Within one
process one thread rewrites (a progress report that opens the corpus again does not start a
second rewrite inside the first).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

KEY = "pg_words_todo"
LOCK = 0x4E4B5744  # advisory lock key each batch holds ("NKWD"), beside pg_schema.MIGRATION_LOCK
# passages a transaction rewrites: ~0.5 s each on the 2-core bench machine, so a writer that
# wants one of their rows (a document replaced meanwhile) waits about that long at most
BATCH = 2_000

Report = Callable[[int, int], None]  # (passages done, passages in all)

_report: list[Report] = []
_rewriting = threading.Lock()  # this process's rewrite, in one thread


def on_progress(report: Report | None) -> None:
    """Whom a rewrite tells its progress (the CLI's bar on stderr); None: nobody."""
    _report[:] = [report] if report is not None else []


def pending(conn: Any) -> tuple[int, int] | None:
    """(DONE, LAST) of a rewrite not finished, or None."""
    row = conn.execute("SELECT value FROM corpus_info WHERE key = %s", (KEY,)).fetchone()
    if row is None:
        return None
    done, last = (int(x) for x in row[0].split())
    return done, last


def resume(conn: Any, *, batch: int | None = None) -> int | None:
    """Rewrite the passages not yet done, if any and if no other session is at it: how many
    passages it went through now (0: none were left), or None when another session holds it.
    ``conn`` is in autocommit mode (each batch is a transaction of its own)."""
    if pending(conn) is None:
        return 0
    if not _rewriting.acquire(blocking=False):  # this process rewrites already (another thread, or a report)
        return None
    try:
        return _resume(conn, batch or BATCH)
    finally:
        _rewriting.release()


def _resume(conn: Any, batch: int) -> int | None:
    from psycopg.errors import DeadlockDetected  # (psycopg only here: the CLI imports this module)
    with conn.transaction():
        if not _locked(conn):
            return None
        todo = pending(conn)  # again, under the lock: another session may have just finished
        if todo is None:
            return 0
        done, last = todo
        total, left = conn.execute("SELECT count(*), count(*) FILTER (WHERE id > %s) FROM chunks WHERE id <= %s",
                                   (done, last)).fetchone()
    report = _report[0] if _report else None
    finished = total - left
    if report is not None:
        report(finished, total)
    rewritten = 0
    while True:
        try:
            n = _batch(conn, batch)
        except DeadlockDetected:  # a writer replacing a document of the batch's: once more
            n = _batch(conn, batch)
        if n is None:  # another session took it on between two batches of ours (or finished it)
            return rewritten
        if n == 0:
            break
        rewritten += n
        finished = min(total, finished + n)
        if report is not None:
            report(finished, total)
    if report is not None:
        report(total, total)
    # the old row versions' room made free, and the planner's statistics of the new words
    # and of the table's size: a keyword search's weights (BM25's idf) read the passages'
    # number from them, so that the answers are a fresh corpus's (at 100k passages, without
    # this VACUUM its estimate was 93,987 and 2 of 61 questions' keyword lists differed)
    conn.execute("VACUUM ANALYZE chunks")
    return rewritten


def _locked(conn: Any) -> bool:
    """Inside a transaction: the rewrite's lock taken for it, unless another session holds it."""
    return bool(conn.execute("SELECT pg_try_advisory_xact_lock(%s)", (LOCK,)).fetchone()[0])


def _batch(conn: Any, batch: int) -> int | None:
    """One transaction: the next ``batch`` passages after DONE rewritten and DONE moved on past
    them; how many. 0 once none are left (the record of the rewrite removed), None when another
    session holds the rewrite or has finished it."""
    with conn.transaction():
        todo = pending(conn) if _locked(conn) else None
        if todo is None:
            return None
        done, last = todo
        # their rows locked in id order first, as a writer deleting a document's passages goes
        ids = [r[0] for r in conn.execute("SELECT id FROM chunks WHERE id > %s AND id <= %s ORDER BY id LIMIT %s"
                                          " FOR UPDATE", (done, last, batch))]
        if not ids:
            conn.execute("DELETE FROM corpus_info WHERE key = %s", (KEY,))
            return 0
        # a passage whose words come out the same is left as it is (no new row version, no index
        # entries): 59% of the search eval corpus's passages
        conn.execute("UPDATE chunks SET tsv = w FROM (SELECT id, namndkoll_chunk_words(text, context) AS w"
                     " FROM chunks WHERE id > %s AND id <= %s) n"
                     " WHERE chunks.id = n.id AND chunks.tsv IS DISTINCT FROM n.w", (done, ids[-1]))
        conn.execute("UPDATE corpus_info SET value = %s WHERE key = %s", (f"{ids[-1]} {last}", KEY))
    return len(ids)
