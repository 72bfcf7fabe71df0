"""Measuring search on a question set: recall@1/@5 and MRR without abstention, the share of
answerable questions answered and of unanswerable ones refused with it, and the secondary
view where a hit from the gold passage's § counts (bench/search_eval.py, `namndkoll eval`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..corpus import as_store
from ..corpus.base import Store
from ..types import Hit
from .embedder import Embedder
from .hybrid import Mode, search, words


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i:i + n]) for i in range(max(len(ws) - n + 1, 1))}


def is_answer(hit: Hit, doc: str, passage: str, alt_docs: Sequence[str] = ()) -> bool:
    """A hit answers a question if it is in the gold document (or one of its twins) and shares
    a run of six words (all of them, if fewer) with the gold passage (chunk borders need not
    match the gold passage's)."""
    # the gold document by its name without extension: "kf-2023-01-26.txt" is also the ingested .pdf
    stems = [re.sub(r"\.(txt|pdf|md)$", "", d, flags=re.IGNORECASE) for d in (doc, *alt_docs) if d]
    # a hit standing for copies of its text elsewhere answers from any of them
    sources = [s.replace("\\", "/") for s in (hit.source, *(c.source for c in hit.also_in))]
    if stems and not any(st in source for st in stems for source in sources):
        return False
    n = min(6, len(words(passage)))
    return n > 0 and bool(_shingles(hit.text, n) & _shingles(passage, n))


def answers(hit: Hit, q: dict[str, Any]) -> bool:
    """Whether a hit answers question ``q``: by its gold ``passage`` or by one of its
    ``alt_passages`` (the same answer stated again in the gold document, e.g. an amount in the
    § text and again in the decision on the next page)."""
    passages = [q["passage"], *(a["passage"] for a in q.get("alt_passages", ()))]
    return any(is_answer(hit, q.get("doc", ""), p, q.get("alt_docs", ())) for p in passages)


def evaluate(
    store: Store | Any, embedder: Embedder | None, questions: Sequence[dict[str, Any]], *,
    modes: Sequence[Mode] = ("keyword", "dense", "hybrid"), k: int = 10,
) -> dict[str, dict[str, Any]]:
    """recall@1, recall@5 and MRR@k per mode over questions {q, doc, passage[, alt_docs]}
    (without abstention; ``shown_*`` the same in the order a user sees, with abstention: high
    matches before weak ones, what lacks evidence dropped), and with abstention: the share of answerable questions answered (and
    of those, answered only weakly) and of unanswerable ones (``"answerable": false``) refused,
    with [refused, weak only, high] per ``kind`` of unanswerable question.

    For hybrid also ``item_recall@1`` / ``item_recall@5``: a hit from the same § of the same
    document as the gold passage counts too (another section of the § stating the same
    decision), where the gold passage is found among the first 50 and stands in a §; else the
    strict match decides (a secondary view: the targets are the strict figures)."""
    store = as_store(store)
    out: dict[str, dict[str, Any]] = {}
    pos = [q for q in questions if q.get("answerable", True)]
    neg = [q for q in questions if not q.get("answerable", True)]
    for mode in modes:
        if mode != "keyword" and embedder is None:
            continue
        measured, as_shown = [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]  # recall@1, recall@5, MRR
        i1 = i5 = 0.0
        silent = weak = 0
        for q in pos:
            ranked = search(store, q["q"], embedder, mode=mode, limit=k, abstention=False)
            first = _count_rank(_first_answer(ranked, q), measured)
            if mode == "hybrid":
                at = _item_rank(store, embedder, q, ranked, first)
                i1 += at == 0
                i5 += at is not None and at < 5
            # what a user sees: high before weak, what lacks evidence dropped
            shown = search(store, q["q"], embedder, mode=mode, limit=k)
            silent += not shown
            weak += bool(shown) and shown[0].confidence == "weak"
            _count_rank(_first_answer(shown, q), as_shown)
        # per kind of unanswerable question ("off-topic", "near-miss"): refused / weak only / high
        kinds: dict[str, list[int]] = {}
        for q in neg:
            shown = search(store, q["q"], embedder, mode=mode, limit=1)
            row = kinds.setdefault(str(q.get("kind", "all")), [0, 0, 0])
            row[0 if not shown else 1 if shown[0].confidence == "weak" else 2] += 1
        refused = sum(r[0] for r in kinds.values())
        n = max(len(pos), 1)
        answered = len(pos) - silent
        r1, r5, mrr = measured
        s1, s5, smrr = as_shown
        out[mode] = {"questions": len(pos), "unanswerable": len(neg), "recall@1": r1 / n, "recall@5": r5 / n,
                     "mrr": mrr / n, "answered_when_answerable": answered / n,
                     "shown_recall@1": s1 / n, "shown_recall@5": s5 / n, "shown_mrr": smrr / n,
                     "weak_when_answered": weak / max(answered, 1),
                     # None (JSON null), not NaN, where no question is unanswerable: NaN is no JSON
                     "abstained_when_unanswerable": refused / len(neg) if neg else None,
                     **{f"unanswerable_{k}": v for k, v in sorted(kinds.items())}}
        if mode == "hybrid":
            out[mode] |= {"item_recall@1": i1 / n, "item_recall@5": i5 / n}
    return out


def _first_answer(hits: Sequence[Hit], q: dict[str, Any]) -> int | None:
    """The rank of the first hit that answers ``q`` (None when none does)."""
    return next((i for i, h in enumerate(hits)
                 if answers(h, q)), None)


def _count_rank(rank: int | None, acc: list[float]) -> int | None:
    """Add a rank to [recall@1, recall@5, reciprocal-rank sum]; ``rank`` back."""
    if rank is not None:
        acc[0] += rank == 0
        acc[1] += rank < 5
        acc[2] += 1.0 / (rank + 1)
    return rank


def _item_rank(store: Any, embedder: Embedder | None, q: dict[str, Any], ranked: Sequence[Hit],
               first: int | None) -> int | None:
    """The rank of the first hit in the gold passage's § of its document (or of the gold
    passage itself): the § is that of the gold passage's hit among the first 50."""
    deep = search(store, q["q"], embedder, mode="hybrid", limit=50, abstention=False)
    gold = next((h for h in deep if answers(h, q)), None)
    if gold is None or gold.item is None:
        return first
    return next((i for i, h in enumerate(ranked) if (h.document_id, h.item) == (gold.document_id, gold.item)
                 or i == first), None)
