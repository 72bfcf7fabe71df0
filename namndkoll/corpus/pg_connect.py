"""A connection to a PostgreSQL server for the corpus (``postgres.py`` migrates it and wraps it
in the store): psycopg imported where it is needed, with the fix where it is missing; server-side
prepared statements unless a pooler stands between (``$NAMNDKOLL_PG_PREPARE``); errors that say
what to check, the password left out."""

from __future__ import annotations

import os
import weakref
from typing import Any

from ..errors import CorpusError, NamndkollError, UnavailableError
from . import redact

__all__ = ["INSTALL", "PREPARE_AFTER", "PREPARE_ENV", "behind_pooler", "connect", "made_as", "pooled",
           "prepare_setting", "psycopg_module", "register_vector"]

INSTALL = "install the PostgreSQL backend: pip install 'namndkoll[postgres]'"


def psycopg_module() -> Any:
    try:
        import psycopg
    except ImportError as exc:
        raise CorpusError(f"cannot open a PostgreSQL corpus: psycopg is not installed; {INSTALL}") from exc
    return psycopg


# server-side prepared statements: psycopg prepares a query after this many runs on a connection
# (its default), so that the server plans it once, not at every run
PREPARE_AFTER = 5
PREPARE_ENV = "NAMNDKOLL_PG_PREPARE"  # auto (default), on or off


_made_as: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()  # connection -> its prepare setting
_behind: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()  # connection -> pooled(conn), once


def prepare_setting() -> str:
    """``$NAMNDKOLL_PG_PREPARE``: ``auto`` (unset: prepared statements on a connection that is
    its own server session, off behind a pooler), ``on`` or ``off``; a NamndkollError on one line
    for anything else."""
    raw = os.environ.get(PREPARE_ENV, "").strip()
    value = {"": "auto", "auto": "auto", "on": "on", "off": "off"}.get(raw.casefold())
    if value is None:
        raise NamndkollError(f"${PREPARE_ENV} is {raw!r}: set it to auto (the default: prepared statements unless a "
                             "pooler such as PgBouncer is in front), on or off, or unset it")
    return value


def pooled(conn: Any) -> bool:
    """Whether a pooler stands between this client and its server session: the session's pid is
    not the one the client was told at connect (PgBouncer tells one of its own)."""
    return bool(conn.execute("SELECT pg_backend_pid()").fetchone()[0] != conn.info.backend_pid)


def behind_pooler(conn: Any) -> bool:
    """``pooled(conn)``, asked once per connection."""
    seen = _behind.get(conn)
    if seen is None:
        seen = _behind[conn] = pooled(conn)
    return seen


def connect(url: str, *, read_only: bool = False) -> Any:
    """A raw psycopg connection in autocommit mode (transactions are explicit, one per document).

    Server-side prepared statements (``PREPARE_AFTER``) on a connection that is its own server
    session; none behind a pooler: behind PgBouncer in transaction mode the next transaction may
    run on another server connection, which lacks them or has another's of the same name
    ("prepared statement "_pg3_2" already exists"). ``$NAMNDKOLL_PG_PREPARE`` (``prepare_setting``)
    decides instead where set: ``off`` for a pooler that is not seen (one that passes the
    server's pid on), ``on`` for one that keeps prepared statements itself (PgBouncer >= 1.21 with
    ``max_prepared_statements``)."""
    psycopg = psycopg_module()
    prepare = prepare_setting()
    conn = None
    try:
        params = psycopg.conninfo.conninfo_to_dict(url)
        if read_only:  # the server refuses writes too, whatever a caller tries
            params["options"] = (str(params.get("options") or "") + " -c default_transaction_read_only=on").strip()
        conn = psycopg.connect(autocommit=True, prepare_threshold=None, **params)
        if prepare == "on" or (prepare == "auto" and not behind_pooler(conn)):
            conn.prepare_threshold = PREPARE_AFTER
        _made_as[conn] = prepare
    except psycopg.Error as exc:
        if conn is not None:
            conn.close()
        msg = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UnavailableError(f"cannot connect to {redact(url)}: {msg}; check the URL, that the server runs "
                               "and that this user may log in") from exc
    return conn


def register_vector(conn: Any) -> None:
    try:
        from pgvector.psycopg import register_vector as register
    except ImportError as exc:
        conn.close()
        raise CorpusError(f"cannot use vectors in PostgreSQL: pgvector's Python adapter is missing; {INSTALL}") from exc
    register(conn)


def made_as(conn: Any) -> str | None:
    """The prepare setting ``connect`` made ``conn`` under (None for a connection made elsewhere)."""
    return _made_as.get(conn)
