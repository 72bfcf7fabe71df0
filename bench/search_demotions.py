#!/usr/bin/env python3
"""Which step of the hybrid order pushes each answer down: for every answerable question of the
chosen splits, its first answering place (as shown: ``fold_copies``, ``evaluation.is_answer`` on
each hit and its copies, the first ten) after each step of ``hybrid.final_order``:

- **fused**: the candidates as ``hybrid.gather`` returns them (the fusion of both sides, then what
  the search inside the best documents adds);
- **rerank**: the shipped reranker's order (``rerank.reranker_for``, its order head where one is
  shipped);
- then the steps of ``order.settle`` one by one: **every_term** (a passage holding every term
  first), **checks** (those failing more checks of what is asked below), **dominant** (never below
  one the reranker rates ten times less likely), **decision** (the Beslut of the first's §),
  **view** (the party's view of the first's §).

A question is *demoted* by the first step after which its answer stands lower (or outside the
ten) than before it; for a reranker demotion the features that most favour the hit shown above
the answer over the answer are named (their share of the order head's score difference). It
reads the candidates bench/search_rerank.py gathered (its cache, ``--cached`` there), so run
that first on the same splits. For reading misses and choosing what to fix; it fits nothing.

usage: python bench/search_demotions.py [--splits dev test ...] [--show N]
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from namndkoll.search import order as od
from namndkoll.search import rerank as rr
from namndkoll.search.evaluation import is_answer
from namndkoll.search.fold import fold_copies, rows_matter, rows_text
from namndkoll.search.hybrid import KEYWORD_FULL, RERANK_DEPTH, rerank

SHOWN = 10


def first_place(q: dict, ordered: list) -> int | None:  # type: ignore[type-arg]
    rows = q["rows"]
    hits = fold_copies(ordered, rows_text(rows), SHOWN, rows_matter(rows))
    doc, passage, alt = q["gold"]
    return next((i for i, (r, copies) in enumerate(hits) if is_answer(SimpleNamespace(
        source=rows[r.chunk_id]["source"], text=rows[r.chunk_id]["text"],
        also_in=tuple(SimpleNamespace(source=rows[c.chunk_id]["source"]) for c in copies)),
        doc, passage, alt)), None)


def _every_term(head: list, every_term: float) -> list:  # type: ignore[type-arg]
    """``order.settle``'s first rule alone (its code, step by step)."""
    head = list(head)
    if head and head[0].keywords < every_term and head[0].answer is not None:
        bar = od.EVERY_TERM_SHARE * head[0].answer
        lacks = od._lacking(head[0])
        full = next((r for r in head[1:] if r.keywords >= every_term and (r.answer or 0.0) >= bar
                     and od._lacking(r) <= lacks), None)
        if full is not None:
            head.remove(full)
            head.insert(0, full)
    return head


def steps(ranked: list, model: rr.Reranker, x: np.ndarray) -> list[tuple[str, list]]:  # type: ignore[type-arg]
    """The order after each step of ``hybrid.final_order`` (the last equals it)."""
    out: list[tuple[str, list]] = [("fused", list(ranked))]  # type: ignore[type-arg]
    rer = rerank(ranked, model, x)
    out.append(("rerank", rer))
    depth = od.SETTLE_DEPTH
    head, rest = _every_term(rer[:depth], KEYWORD_FULL), rer[depth:]
    out.append(("every_term", head + rest))
    before = list(head)
    checked = sorted(head, key=od._failed)
    out.append(("checks", checked + rest))
    kept = od._keep_dominant(before, checked, KEYWORD_FULL) + rest
    out.append(("dominant", kept))
    dec = od._decision_first(kept)
    out.append(("decision", dec))
    out.append(("view", od._view_first(dec)))
    return out


def why_below(q: dict, model: rr.Reranker, ordered: list, gold_at: int | None) -> str:  # type: ignore[type-arg]
    """The features that most favour the first hit shown over the best-ranked answering candidate
    in the reranker's order (their part of the score difference)."""
    rows = q["rows"]
    ids = [r.chunk_id for r in q["ranked"]]
    doc, passage, alt = q["gold"]
    gold = next((r for r in ordered if is_answer(SimpleNamespace(source=rows[r.chunk_id]["source"],
                                                                  text=rows[r.chunk_id]["text"], also_in=()),
                                                 doc, passage, alt)), None)
    if gold is None or not ordered:
        return ""
    head = model.order if model.order is not None else model
    x = q["x"] if head.columns is None else q["x"][:, list(head.columns)]
    names = rr.FEATURES if head.columns is None else [rr.FEATURES[i] for i in head.columns]
    z = (x - head.mean) / head.scale
    top, g = ids.index(ordered[0].chunk_id), ids.index(gold.chunk_id)
    diff = head.coef * (z[top] - z[g])
    idx = np.argsort(-diff)[:3]
    return ", ".join(f"{names[i]} {diff[i]:+.2f}" for i in idx if diff[i] > 0) + f" (total {diff.sum():+.2f})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", nargs="+", default=["dev"])
    ap.add_argument("--model", default="default")
    ap.add_argument("--show", type=int, default=200, help="demoted questions printed per split")
    args = ap.parse_args()
    from search_rerank import SCORED, with_features  # type: ignore[import-not-found]

    model = rr.reranker_for("multilingual-e5-small-int8" if args.model == "default" else args.model)
    assert model is not None
    counts: Counter[str] = Counter()
    counts_25: Counter[str] = Counter()
    up: Counter[str] = Counter()
    down: Counter[str] = Counter()
    fmt: Callable[[int | None], str] = lambda p: "—" if p is None else str(p + 1)
    for s in args.splits:
        if s not in SCORED:
            sys.exit(f"{s}: not a tunable split; use one of {', '.join(SCORED)}")
        cache = OUT / f"rerank-candidates-{args.model}-{RERANK_DEPTH}-{s}.pkl"
        if not cache.exists():
            sys.exit(f"{cache.name} missing: run bench/search_rerank.py --splits {s} first")
        qs = [with_features(q) for q in pickle.loads(cache.read_bytes())]
        print(f"## {s}")
        shown = 0
        for q in qs:
            if not q["answerable"]:
                continue
            st = steps(q["ranked"], model, q["x"])
            places = [(name, first_place(q, o)) for name, o in st]
            final = places[-1][1]
            for (_, a), (name, b) in itertools.pairwise(places):
                a10, b10 = 99 if a is None else a, 99 if b is None else b
                up[name] += b10 < a10
                down[name] += b10 > a10
            if final == 0:
                continue
            worse = None
            for (_, a), (name, b) in itertools.pairwise(places):
                if a is not None and (b is None or b > a):
                    worse = name
                    break
            key = worse or "not demoted"
            counts[key] += 1
            if final is not None and final < 5:
                counts_25[key] += 1
            if shown < args.show:
                shown += 1
                line = " ".join(f"{n} {fmt(p)}" for n, p in places)
                extra = f"  [{why_below(q, model, st[1][1], None)}]" if worse == "rerank" else ""
                print(f"  {key:12s} {line} | {q['q'][:90]}{extra}")
    print("each step, answers moved up / down (every answerable question): "
          + ", ".join(f"{n} {up[n]}/{down[n]}" for n in up))
    print("demoted by (final rank 2-10 or gone): " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    print("of those at final rank 2-5: " + ", ".join(f"{k} {v}" for k, v in counts_25.most_common()))


if __name__ == "__main__":
    main()
