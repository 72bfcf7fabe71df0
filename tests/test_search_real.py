"""The search stage with the real default embedder (multilingual-e5-small), when installed.

Skipped while ``namndkoll.search.embed`` (or its model) is not available on this machine."""

from __future__ import annotations

import pytest
from conftest import real_corpus
from test_search import DOCS

from namndkoll.search import search


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory):
    conn, emb = real_corpus(tmp_path_factory, DOCS)
    yield conn, emb
    conn.close()


def test_compound_query_finds_the_paraphrase_through_the_dense_side(real):
    conn, emb = real
    hits = search(conn, "förskoleplatser", emb, mode="dense", limit=3)
    assert hits and hits[0].item == "18"  # "platser i förskolan"


def test_hybrid_answers_and_abstains(real):
    conn, emb = real
    hits = search(conn, "Vad kostar ett introduktionsjobb för arbetsgivaren?", emb)
    assert hits and hits[0].source == "lund-ts-2021.pdf"
    assert search(conn, "Hur lagar man kanelbullar?", emb) == []
