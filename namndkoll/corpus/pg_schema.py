"""The PostgreSQL corpus's schema: its numbered migrations (``pg_migrations/``, numbered like
``migrations/``), whether a database is a namndkoll corpus this version can use, and bringing
one up to date under an advisory lock that each migration's transaction holds. ``postgres.open_pg``
calls these on every connection it opens; the names stay importable from ``postgres``.
"""

from __future__ import annotations

import functools
from typing import Any

from ..errors import CorpusError
from .db import numbered_sql, refuse_newer
from .pg_connect import psycopg_module

# advisory lock key each migration's transaction holds ("NKLL", as the SQLite application_id)
MIGRATION_LOCK = 0x4E4B4C4C


def _migrations() -> list[tuple[int, str, str]]:
    return numbered_sql("pg_migrations")


@functools.cache
def known_schema() -> int:
    return max(n for n, _name, _sql in _migrations())


def _tables(conn: Any) -> set[str]:
    """The tables (views too) of the current schema, whether or not this user may read them:
    information_schema lists only those it was granted, so a reader role the owner had not
    granted anything saw an empty database and was told to ingest."""
    return {r[0] for r in conn.execute(
        "SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')")}


def _not_granted(conn: Any, where: str, exc: Exception, *, write: bool) -> CorpusError:
    """The one line for a user the corpus's owner has not granted it: what to ask for."""
    user, schema = conn.execute("SELECT current_user, current_schema()").fetchone()
    msg = str(exc).strip().splitlines()[0]
    need = ("an ingest writes as the corpus's owner (it creates and changes tables): run it as that user"
            if write else f"its owner can allow reading with: GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {user}")
    return CorpusError(f"{where} holds a namndkoll corpus that the server user {user} may not read ({msg}); {need}")


def check_corpus(conn: Any, where: str, *, allow_new: bool) -> bool:
    """Is this database (its current schema) a namndkoll corpus this version can use? Returns
    whether migrations are pending; CorpusError for another application's tables, a newer
    namndkoll's corpus, or (``allow_new`` false) an empty database."""
    tables = _tables(conn)
    if not tables:
        if not allow_new:
            raise CorpusError(f"{where} holds no namndkoll corpus yet: run `namndkoll ingest PDF... "
                              f"--db {where}` first")
        return True
    psycopg = psycopg_module()
    try:
        ours = "_migrations" in tables and conn.execute(
            "SELECT 1 FROM _migrations WHERE number = 1 AND name = 'core'").fetchone() is not None
    except psycopg.errors.InsufficientPrivilege as exc:
        raise _not_granted(conn, where, exc, write=allow_new) from exc
    if not ours:
        shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise CorpusError(f"{where} holds tables of another application ({shown}), not a namndkoll "
                          "corpus; it was left unchanged: give another database or schema with --db")
    have = conn.execute("SELECT coalesce(max(number), 0) FROM _migrations").fetchone()[0]
    known = known_schema()
    refuse_newer(conn, where, tables, have, known)
    return bool(have < known)


def migrate(conn: Any) -> list[int]:
    """Apply the migrations not yet applied, each in a transaction of its own that holds the
    migration lock (``pg_advisory_xact_lock``): workers starting at once do not migrate twice
    (the second waits, then finds it applied). Nothing outlives a transaction, so it runs as
    well through a pooler in transaction mode (PgBouncer): a session's lock, taken on one of the
    pooler's server connections and released from another, stayed held by the first, and the
    next migration through any other waited for it as long as that one lived."""
    from .. import __version__

    psycopg = psycopg_module()
    applied: list[int] = []
    try:
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            made = "_migrations" in _tables(conn)
            done = {r[0] for r in conn.execute("SELECT number FROM _migrations")} if made else set()
        for number, name, sql in _migrations():
            if number in done:
                continue
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
                if not made:  # with the first migration: a worker opening meanwhile never sees it alone, empty,
                    # and takes it for another application's table
                    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (number INTEGER PRIMARY KEY,"
                                 " name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT"
                                 " to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))")
                    made = True
                # again under the lock: another worker may have applied it meanwhile
                if conn.execute("SELECT 1 FROM _migrations WHERE number = %s", (number,)).fetchone() is None:
                    conn.execute(sql)
                    conn.execute("INSERT INTO _migrations (number, name) VALUES (%s, %s)", (number, name))
                    applied.append(number)
        if applied:
            conn.execute("INSERT INTO corpus_info (key, value) VALUES ('namndkoll_version', %s)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (__version__,))
    except psycopg.Error as exc:
        msg = str(exc).strip().splitlines()[0]
        hint = (" (the `vector` extension must be installed on the server, and created by a user allowed"
                " to: CREATE EXTENSION vector)" if "vector" in msg else "")
        raise CorpusError(f"cannot set up the namndkoll tables: {msg}{hint}") from exc
    return applied
