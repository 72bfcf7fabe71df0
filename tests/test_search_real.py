"""The search stage with the real default embedder (multilingual-e5-small), when installed.

Skipped while ``namndkoll.search.embed`` (or its model) is not available on this machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import DOCS

from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus, search


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory):
    try:
        from namndkoll.search.embed import get_embedder

        emb = get_embedder(None)
        emb.embed(["test"], kind="query")
    except Exception as exc:  # noqa: BLE001 - not installed yet, or no model files here
        pytest.skip(f"real embedder not available: {exc}")
    path: Path = tmp_path_factory.mktemp("real") / "corpus.db"
    conn = open_db(path)
    for d in DOCS:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, emb)
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
