"""A reranker with two heads (``rerank.Reranker.order``): one fit orders the candidates, the other
is the chance of answering that the abstention reads (sixteenth session: a listwise order fit
beside the shipped pointwise chance, docs/benchmarks.md "Listwise order, pointwise bars").

Texts: the Göteborg and Lund excerpts of tests/test_search.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_search import DOCS, indexed

from namndkoll.search import hybrid
from namndkoll.search.hybrid import search
from namndkoll.search.rerank import FEATURES, Reranker, reranker_for

QUERY = "arbetsmarknadsåtgärder socialnämnden lund"
N = len(FEATURES)


def on_meaning(weight: float, intercept: float, order: Reranker | None = None) -> Reranker:
    """A fit weighing only the meaning side (the fake embedder's similarity)."""
    coef = np.array([weight if f == "similarity" else 0.0 for f in FEATURES])
    return Reranker("fake-hash", np.zeros(N), np.ones(N), coef, intercept, order=order)


@pytest.fixture
def corpus(db_path: Path):
    with indexed(db_path, DOCS) as built:
        yield built


def results(conn, emb, monkeypatch, fit: Reranker) -> tuple[list[str], list[tuple[str, str]]]:  # type: ignore[no-untyped-def]
    """The order of the hits without abstention, and what is shown with it (text, confidence)."""
    monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)
    order = [h.text for h in search(conn, QUERY, emb, abstention=False)]
    shown = [(h.text, h.confidence) for h in search(conn, QUERY, emb)]
    return order, shown


def test_the_order_head_orders_and_the_chance_decides_what_is_shown(corpus, monkeypatch):
    conn, emb = corpus
    chance = on_meaning(4.0, -2.0)
    backwards = on_meaning(-4.0, 0.0)  # an order head that prefers what the meaning side finds far
    order, shown = results(conn, emb, monkeypatch, chance)
    assert order[0].startswith("Ärende 7")  # the Lund reservation on arbetsmarknadsåtgärder
    two_order, two_shown = results(conn, emb, monkeypatch, on_meaning(4.0, -2.0, order=backwards))
    # the order is the order head's ...
    alone_order, alone_shown = results(conn, emb, monkeypatch, backwards)
    assert two_order[0] == alone_order[0] != order[0]
    # ... and what is shown, how surely, is the chance's: the Göteborg Yrkanden the order head
    # rates likely is not shown as a weak match beside the answer
    assert two_shown == shown and shown[0][0].startswith("Ärende 7") and shown[0][1] == "high"
    assert len(alone_shown) > len(shown)


def test_the_default_model_ships_an_order_head_beside_its_chance():
    model = reranker_for("namndkoll/multilingual-e5-small-int8")
    assert model is not None and model.order is not None
    x = np.random.RandomState(0).normal(size=(5, N))
    # the chance is the pointwise fit's own, the order the order head's
    assert np.allclose(model.probability(x), 1 / (1 + np.exp(-model.logits(x))))
    assert np.allclose(model.order_key(x), model.order.logits(x))
