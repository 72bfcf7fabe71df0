"""Opening the corpus database: a SQLite build that loads sqlite-vec, WAL, migrations."""

from __future__ import annotations

import contextlib
import importlib.resources
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import CorpusError, ExtensionLoadError

DEFAULT_DB = "namndkoll.db"
_FIX = (
    "install a SQLite build that can load extensions: `pip install sqlean-py` "
    "(or pysqlite3-binary on Linux x86-64), then run the command again"
)


def default_db_path() -> Path:
    """``$NAMNDKOLL_DB`` or ``namndkoll.db`` in the current folder."""
    return Path(os.environ.get("NAMNDKOLL_DB", DEFAULT_DB))


def _sqlite_module() -> Any:
    """The first DB-API SQLite module found that can load extensions."""
    for name in ("sqlean", "pysqlite3.dbapi2"):
        try:
            mod = __import__(name, fromlist=["connect"])
        except ImportError:
            continue
        if hasattr(mod.Connection, "enable_load_extension"):
            return mod
    import sqlite3

    if hasattr(sqlite3.Connection, "enable_load_extension"):
        return sqlite3
    raise ExtensionLoadError(f"this Python's sqlite3 cannot load sqlite-vec: {_FIX}")


def connect(path: str | Path, *, readonly: bool = False) -> Any:
    """A raw connection with sqlite-vec loaded, WAL and foreign keys on (no migrations)."""
    mod = _sqlite_module()
    path = Path(path)
    if readonly and not path.exists():
        raise CorpusError(f"no database at {path}: run `namndkoll ingest PDF... --db {path}` first")
    try:
        if readonly:
            conn = mod.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = mod.connect(str(path), timeout=30, check_same_thread=False)
    except mod.Error as exc:
        raise CorpusError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = mod.Row
    conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves: one transaction per document
    try:
        import sqlite_vec

        conn.enable_load_extension(True)
        sqlite_vec.load(conn)
        conn.enable_load_extension(False)
    except (ImportError, AttributeError, mod.Error) as exc:
        raise ExtensionLoadError(f"cannot load sqlite-vec ({exc}): `pip install sqlite-vec`; {_FIX}") from exc
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 30000")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def open_db(path: str | Path | None = None, *, readonly: bool = False) -> Any:
    """Open (creating if needed) and migrate the corpus at ``path``."""
    conn = connect(path or default_db_path(), readonly=readonly)
    if not readonly:
        migrate(conn)
    return conn


@contextlib.contextmanager
def transaction(conn: Any) -> Iterator[Any]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _migrations() -> list[tuple[int, str, str]]:
    found = []
    for res in importlib.resources.files(__package__).joinpath("migrations").iterdir():
        m = re.match(r"(\d{4})_(\w+)\.sql$", res.name)
        if m:
            found.append((int(m.group(1)), m.group(2), res.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: Any) -> list[int]:
    """Apply every numbered migration not yet applied, each in its own transaction."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS _migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
    )
    done = {r[0] for r in conn.execute("SELECT number FROM _migrations")}
    applied = []
    for number, name, sql in _migrations():
        if number in done:
            continue
        with transaction(conn):
            for stmt in _split_sql(sql):
                conn.execute(stmt)
            conn.execute("INSERT INTO _migrations(number, name) VALUES (?, ?)", (number, name))
        applied.append(number)
    return applied


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file; trigger bodies (BEGIN ... END;) stay whole."""
    stmts, buf, depth = [], [], 0
    for line in sql.splitlines():
        if line.strip().startswith("--") and not buf:
            continue
        buf.append(line)
        up = line.strip().upper()
        if re.match(r"CREATE\s+TRIGGER", up):
            depth = 1
        if depth and re.match(r"END\s*;\s*$", up):
            depth = 0
            stmts.append("\n".join(buf))
            buf = []
        elif not depth and up.endswith(";"):
            stmts.append("\n".join(buf))
            buf = []
    if "\n".join(buf).strip():
        stmts.append("\n".join(buf))
    return [s for s in stmts if s.strip()]
