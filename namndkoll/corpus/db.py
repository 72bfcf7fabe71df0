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
    return Path(default_db())


def default_db() -> str:
    """``$NAMNDKOLL_DB`` as written (a path, or a ``postgresql://`` URL, which a Path would make
    "postgresql:/…") or ``namndkoll.db``."""
    return os.environ.get("NAMNDKOLL_DB", DEFAULT_DB)


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


# PRAGMA application_id of a namndkoll corpus ("NKLL"): tells our files from other SQLite files
APPLICATION_ID = 0x4E4B4C4C
WAL_SIZE_LIMIT = 64 * 2**20  # bytes of WAL kept on disk after a checkpoint restarts it
_SQLITE_MAGIC = b"SQLite format 3\x00"


def connect(path: str | Path, *, readonly: bool = False) -> Any:
    """A raw connection with sqlite-vec loaded, WAL and foreign keys on (no migrations).

    ``readonly``: the file must exist and is opened with ``mode=ro`` (nothing is created: no
    folder, no file, no table); otherwise the file and its folder are created when missing."""
    mod = _sqlite_module()
    path = Path(path)
    if readonly and not path.exists():
        raise CorpusError(f"no database at {path}: run `namndkoll ingest PDF... --db {path}` first, "
                          "or give the right --db")
    if path.exists():
        _check_sqlite_file(path)
    try:
        if readonly:
            conn = mod.connect(f"{path.resolve().as_uri()}?mode=ro{_immutable(path)}", uri=True, timeout=30,
                               check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = mod.connect(str(path), timeout=30, check_same_thread=False)
    except (mod.Error, OSError) as exc:
        raise CorpusError(f"cannot open database {path}: {exc}") from exc
    conn.row_factory = mod.Row
    conn.isolation_level = None  # we issue BEGIN/COMMIT ourselves: one transaction per document
    try:
        conn.enable_load_extension(True)
        _load_sqlite_vec(conn, mod)
        conn.enable_load_extension(False)
    except (ImportError, AttributeError, mod.Error) as exc:
        conn.close()
        raise ExtensionLoadError(f"cannot load sqlite-vec ({exc}): `pip install sqlite-vec`; {_FIX}") from exc
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            # a WAL that grew while a long read held it (a copy's snapshot) shrinks back to
            # this when it restarts, instead of keeping its largest size on disk for good
            conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
    except mod.Error as exc:
        conn.close()
        raise _open_error(path, exc) from exc
    return conn


def _immutable(path: Path) -> str:
    """``&immutable=1`` for a WAL database that cannot be opened read-only otherwise: SQLite
    needs its -shm file, and creates it, unless the folder is read-only (a corpus on a CD or a
    share). Then no writer can be at work on it either (it would have made the -shm file), so
    reading it as unchanging is safe."""
    try:
        with open(path, "rb") as f:
            wal = f.read(20)[18:20] == b"\x02\x02"  # file format versions 2: WAL
    except OSError:
        return ""
    shm = path.with_name(path.name + "-shm")
    if wal and not shm.exists() and not os.access(path.parent, os.W_OK):
        return "&immutable=1"
    return ""


def _check_sqlite_file(path: Path) -> None:
    """A file that is there must be a SQLite database (an empty file counts as a new one)."""
    if path.is_dir():
        raise CorpusError(f"{path} is a folder, not a database file: give a file name with --db")
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        raise CorpusError(f"cannot read database {path} ({exc.strerror}): check its permissions") from exc
    if head and head != _SQLITE_MAGIC:
        raise CorpusError(f"{path} is not a SQLite database (nor a namndkoll corpus): give another --db")


def _open_error(path: Path, exc: Exception) -> CorpusError:
    msg = str(exc)
    low = msg.lower().replace(" ", "")
    if "readonly" in low or "read-only" in low:
        return CorpusError(f"cannot write to {path}: the file or its folder is read-only "
                           "(check the permissions, or copy the database somewhere writable)")
    if "notadatabase" in low or "malformed" in low:
        return CorpusError(f"{path} is not a usable SQLite database ({msg}): give another --db")
    return CorpusError(f"cannot use database {path}: {msg}")


def _load_sqlite_vec(conn: Any, mod: Any) -> None:
    """sqlite-vec's extension, loaded from the package's folder without importing the package,
    whose ``__init__`` imports numpy (0.1-0.3 s a command that lists documents need not pay);
    as the package loads it where that fails."""
    import importlib.util

    spec = importlib.util.find_spec("sqlite_vec")
    where = list(spec.submodule_search_locations or ()) if spec else []
    if where:
        try:
            conn.load_extension(os.path.join(where[0], "vec0"))  # what sqlite_vec.loadable_path() names
            return
        except mod.Error:
            pass
    import sqlite_vec

    sqlite_vec.load(conn)


def open_db(path: str | Path | None = None, *, readonly: bool = False) -> Any:
    """Open a namndkoll corpus at ``path``: for writing (created and migrated as needed), or
    ``readonly`` (it must exist and be a namndkoll corpus; nothing in the file changes, except
    that an older namndkoll's corpus is brought up to date once when the file is writable).
    Another application's database, or a newer namndkoll's corpus, is refused with a message."""
    path = Path(path or default_db_path())
    if not readonly and path.is_file() and path.stat().st_size:
        # look before writing: opening for writing switches the file to WAL, and another
        # application's database must stay exactly as it is
        probe = connect(path, readonly=True)
        try:
            check_corpus(probe, path, allow_new=True)
        finally:
            probe.close()
    conn = connect(path, readonly=readonly)
    try:
        pending = check_corpus(conn, path, allow_new=not readonly)
        if pending and readonly:
            conn.close()
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                raise CorpusError(f"{path} was made by an older namndkoll and is read-only here: open it "
                                  "once where it is writable (any namndkoll command) to upgrade it")
            migrate_file(path)
            conn = connect(path, readonly=True)
        elif pending:
            migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def migrate_file(path: Path) -> None:
    conn = connect(path)
    try:
        migrate(conn)
    finally:
        conn.close()


def known_schema() -> int:
    """The newest migration this namndkoll knows."""
    return max(n for n, _name, _sql in _migrations())


def check_corpus(conn: Any, path: Path, *, allow_new: bool) -> bool:
    """Is ``conn`` a namndkoll corpus this version can use? Returns whether migrations are
    pending; raises CorpusError for another application's database, a newer namndkoll's
    corpus, or (``allow_new`` false) a database with nothing in it."""
    try:
        tables = _tables(conn)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except Exception as exc:
        raise _open_error(path, exc) from exc
    if not tables and app_id == 0:
        if not allow_new:
            raise CorpusError(f"{path} holds no namndkoll corpus yet: run `namndkoll ingest PDF... "
                              f"--db {path}` first")
        return True
    ours = app_id == APPLICATION_ID or (
        "_migrations" in tables
        and conn.execute("SELECT 1 FROM _migrations WHERE number = 1 AND name = 'core'").fetchone() is not None)
    if not ours:
        shown = ", ".join(sorted(tables)[:5]) + (" …" if len(tables) > 5 else "")
        raise CorpusError(f"{path} is a SQLite database of another application (tables: {shown}), "
                          "not a namndkoll corpus; it was left unchanged: give another --db")
    have = (conn.execute("SELECT coalesce(max(number), 0) FROM _migrations").fetchone()[0]
            if "_migrations" in tables else 0)
    known = known_schema()
    refuse_newer(conn, str(path), tables, have, known)
    return have < known


def refuse_newer(conn: Any, where: str, tables: set[str], have: int, known: int) -> None:
    """CorpusError when the corpus at ``where`` has migrations past the ``known`` ones (a newer
    namndkoll made it), naming that version where the corpus recorded it; either backend."""
    if have <= known:
        return
    made_by = ""
    if "corpus_info" in tables:
        row = conn.execute("SELECT value FROM corpus_info WHERE key = 'namndkoll_version'").fetchone()
        made_by = f" {row[0]}" if row else ""
    from .. import __version__

    raise CorpusError(f"{where} was made by a newer namndkoll{made_by} (schema {have}; namndkoll "
                      f"{__version__} knows up to {known}): upgrade namndkoll to use it")


@contextlib.contextmanager
def transaction(conn: Any) -> Iterator[Any]:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on any error: all or nothing."""
    conn.execute("BEGIN IMMEDIATE")
    # read the schema first: when another connection changed it (the first `index` creates
    # the vec0 table) and the first statement here is a DELETE that cascades, SQLite 3.50 with
    # sqlite-vec 0.1.9 reports "no such table: documents" instead of reloading it
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def numbered_sql(folder: str) -> list[tuple[int, str, str]]:
    """The numbered migrations ("0007_page_layout.sql") in this package's ``folder``, in order,
    as (number, name, SQL): ``migrations`` for SQLite, ``pg_migrations`` for PostgreSQL."""
    found = []
    for res in importlib.resources.files(__package__).joinpath(folder).iterdir():
        m = re.match(r"(\d{4})_(\w+)\.sql$", res.name)
        if m:
            found.append((int(m.group(1)), m.group(2), res.read_text(encoding="utf-8")))
    return sorted(found)


def _migrations() -> list[tuple[int, str, str]]:
    return numbered_sql("migrations")


def migrate(conn: Any) -> list[int]:
    """Apply every numbered migration not yet applied, each in its own transaction.

    Another process may be creating or upgrading the same file at this moment (two commands
    started at once on a new corpus, a reader opening it while an ingest creates it): the file
    is marked as a namndkoll corpus before its first table is made, so the other never finds a
    lone, empty ``_migrations`` table and takes the file for another application's; and each
    migration is looked up again under its transaction's write lock, so one the other applied
    meanwhile is not run twice ("table documents already exists")."""
    from .. import __version__

    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(
            "CREATE TABLE IF NOT EXISTS _migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL DEFAULT (datetime('now')))"
        )
    except Exception as exc:
        raise _open_error(Path(conn_path(conn)), exc) from exc
    done = {r[0] for r in conn.execute("SELECT number FROM _migrations")}
    applied = []
    for number, name, sql in _migrations():
        if number in done:
            continue
        with transaction(conn):
            if conn.execute("SELECT 1 FROM _migrations WHERE number = ?", (number,)).fetchone():
                continue  # another process applied it since `done` was read
            for stmt in _split_sql(sql):
                conn.execute(stmt)
            conn.execute("INSERT INTO _migrations(number, name) VALUES (?, ?)", (number, name))
        applied.append(number)
    if applied and "corpus_info" in _tables(conn):
        with transaction(conn):
            conn.execute("INSERT OR REPLACE INTO corpus_info (key, value) VALUES ('namndkoll_version', ?)",
                         (__version__,))
    return applied


def conn_path(conn: Any) -> str:
    row = conn.execute("PRAGMA database_list").fetchone()
    return str(row[2]) if row else "?"


def _tables(conn: Any) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}


def _split_sql(sql: str) -> list[str]:
    """Statements of a migration file; trigger bodies (BEGIN ... END;) stay whole."""
    stmts: list[str] = []
    buf: list[str] = []
    depth = 0
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
