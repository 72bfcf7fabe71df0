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

One session at a time rewrites (an advisory lock it only tries: another opener goes on at once
and searches meanwhile).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

KEY = "pg_words_todo"
LOCK = 0x4E4B5744  # pg_advisory_lock key of the rewrite ("NKWD"), beside pg_schema.MIGRATION_LOCK
# passages a transaction rewrites: ~0.5 s each on the 2-core bench machine, so a writer that
# wants one of their rows (a document replaced meanwhile) waits about that long at most
BATCH = 2_000

Report = Callable[[int, int], None]  # (passages done, passages in all)

_report: list[Report] = []


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
    batch = batch or BATCH
    from psycopg.errors import DeadlockDetected  # (psycopg only here: the CLI imports this module)
    if not conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK,)).fetchone()[0]:
        return None
    try:
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
                upto, n = _batch(conn, done, last, batch)
            except DeadlockDetected:  # a writer replacing a document of the batch's: once more
                upto, n = _batch(conn, done, last, batch)
            if upto is None:
                break
            done = upto
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
    finally:
        with contextlib.suppress(Exception):  # a connection lost: its session's lock went with it
            conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK,))
    return rewritten


def _batch(conn: Any, done: int, last: int, batch: int) -> tuple[int | None, int]:
    """One transaction: the next ``batch`` passages after ``done`` rewritten and ``done`` moved
    on past them; (None, 0) once none are left (the record of the rewrite removed)."""
    with conn.transaction():
        # their rows locked in id order first, as a writer deleting a document's passages goes
        ids = [r[0] for r in conn.execute("SELECT id FROM chunks WHERE id > %s AND id <= %s ORDER BY id LIMIT %s"
                                          " FOR UPDATE", (done, last, batch))]
        if not ids:
            conn.execute("DELETE FROM corpus_info WHERE key = %s", (KEY,))
            return None, 0
        # a passage whose words come out the same is left as it is (no new row version, no index
        # entries): 59% of the search eval corpus's passages
        conn.execute("UPDATE chunks SET tsv = w FROM (SELECT id, namndkoll_chunk_words(text, context) AS w"
                     " FROM chunks WHERE id > %s AND id <= %s) n"
                     " WHERE chunks.id = n.id AND chunks.tsv IS DISTINCT FROM n.w", (done, ids[-1]))
        conn.execute("UPDATE corpus_info SET value = %s WHERE key = %s", (f"{ids[-1]} {last}", KEY))
    return ids[-1], len(ids)
