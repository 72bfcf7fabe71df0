"""corpus stage: the only code that writes SQL. ``open_store(db)`` gives the backend for a
database path (SQLite, the embedded default) or a ``postgresql://`` URL (PostgreSQL with
pgvector, a served corpus) as a ``Store`` (``corpus/base.py``)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError

if TYPE_CHECKING:
    from .base import Store

__all__ = ["as_store", "db_label", "is_url", "open_store", "opened"]

_URL_SCHEMES = ("postgresql://", "postgres://")
# what would be taken for a file name and made a new SQLite corpus in folders named after it: a
# URL of another scheme ("postgresql+psycopg://", "pgsql://") or a postgresql URL mistyped
# ("postgresql:/host/db", "postgresql//host/db"); "C:/…" (one letter) is a Windows path
_NOT_A_FILE = re.compile(r"^(?:[A-Za-z][A-Za-z0-9+.-]+:/|postgres(?:ql)?(?::|//))", re.IGNORECASE)


def open_store(db: str | Path | None = None, *, write: bool = False, create: bool = True) -> Store:
    """The corpus at ``db``: a SQLite file path (the embedded default; default
    ``$NAMNDKOLL_DB`` or ./namndkoll.db) or a ``postgresql://`` URL (a served corpus).

    ``write=False`` opens it read-only: it must exist and be a namndkoll corpus, and nothing
    in it is changed. ``write=True`` migrates it as needed and creates it unless ``create`` is
    false (commands that only add to an existing corpus)."""
    if db is None:
        from .db import default_db

        env = default_db()  # not through a Path: it made "postgresql://…" "postgresql:/…", refused
        db = env if env.startswith(_URL_SCHEMES) or _NOT_A_FILE.match(env) else None
    if isinstance(db, str) and db.startswith(_URL_SCHEMES):
        from .postgres import PostgresStore

        return PostgresStore.open(db, write=write, create=create)
    if db is not None and _NOT_A_FILE.match(str(db)):
        raise CorpusError(f"--db {redact(str(db))} is neither a SQLite file nor a postgresql:// URL: write a "
                          "served corpus as postgresql://USER@HOST/DB (or postgres://…), a SQLite corpus as a path")
    from .sqlite import SqliteStore

    if write and not create:
        from .db import default_db_path

        path = Path(db or default_db_path())
        if not path.exists():
            raise CorpusError(f"no database at {path}: run `namndkoll ingest PDF... --db {path}` first, "
                              "or give the right --db")
    return SqliteStore.open(db, write=write)


@contextlib.contextmanager
def opened(db: str | Path | None = None, *, write: bool = False, create: bool = True) -> Iterator[Store]:
    """``with opened(db) as store:`` — open_store, closed on the way out."""
    st = open_store(db, write=write, create=create)
    try:
        yield st
    finally:
        st.close()


def is_url(db: object) -> bool:
    """Is ``db`` a PostgreSQL URL (rather than a SQLite file)?"""
    return isinstance(db, str) and db.startswith(_URL_SCHEMES)


def redact(url: str) -> str:
    """A URL without its password, for messages."""
    return re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", url)


def db_label(db: str | Path | None) -> str:
    """``db`` as a message may show it: a URL without its password."""
    return redact(str(db)) if is_url(db) else str(db)


def as_store(obj: Any) -> Store:
    """A Store from a Store or a raw SQLite connection (for scripts that opened one themselves)."""
    if hasattr(obj, "knn") and hasattr(obj, "transaction"):
        return obj  # type: ignore[no-any-return]
    from .sqlite import SqliteStore

    return SqliteStore(obj, location="(connection)")
