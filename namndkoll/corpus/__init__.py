"""corpus stage: the only code that writes SQL. ``open_store(db)`` gives the backend for a
database path (SQLite, the embedded default) as a ``Store`` (``corpus/base.py``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError

if TYPE_CHECKING:
    from .base import Store

__all__ = ["as_store", "open_store", "opened"]

_URL_SCHEMES = ("postgresql://", "postgres://")


def open_store(db: str | Path | None = None, *, write: bool = False, create: bool = True) -> Store:
    """The corpus at ``db`` (a SQLite file path; default ``$NAMNDKOLL_DB`` or ./namndkoll.db).

    ``write=False`` opens it read-only: it must exist and be a namndkoll corpus, and nothing
    in it is changed. ``write=True`` migrates it as needed and creates it unless ``create`` is
    false (commands that only add to an existing corpus)."""
    if isinstance(db, str) and db.startswith(_URL_SCHEMES):
        raise CorpusError(f"no PostgreSQL backend in this namndkoll yet: give a SQLite file with --db "
                          f"(not {db.split('@')[-1]})")
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


def as_store(obj: Any) -> Store:
    """A Store from a Store or a raw SQLite connection (for scripts that opened one themselves)."""
    if hasattr(obj, "knn") and hasattr(obj, "transaction"):
        return obj  # type: ignore[no-any-return]
    from .sqlite import SqliteStore

    return SqliteStore(obj, location="(connection)")
