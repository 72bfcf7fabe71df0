#!/usr/bin/env python3
"""Where the order a user sees (high before weak, abstention on) loses what the order with
abstention off had (issue 11, sixteenth session): every answerable question whose answer stands
lower as shown than with abstention off, and every unanswerable one shown with a "high" hit, with
the evidence of the hits involved (confidence, the reranker's chance, the checks they fail).

Runs the search pipeline once per question (``gather``, the reranker, ``order.settle``) and keeps
the ordered candidates in a cache (``--cache``; ``--cached`` re-reads it and only judges again,
seconds instead of minutes: for trying a change to ``judge.py``, never to the order before it).

usage: python bench/as_shown.py --splits dev dev2 [--cache bench/out/as-shown.pkl] [--cached]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from namndkoll.search.evaluation import answers
from namndkoll.search.ranked import Ranked

CHECKS = ("place_ok", "year_ok", "body_ok", "kind_ok", "focus_ok", "stated", "stated_near", "own_place", "decided",
          "year_own", "figure_beside", "asked", "kind_stated", "topic", "stance", "thing_beside", "year_named",
          "day_ok", "said")


def candidates(store: Any, emb: Any, rmodel: Any, q: dict[str, Any], query: str | None = None
               ) -> tuple[list[Ranked], dict[int, Any], Any, Any, dict[int, int], set[int]]:
    """One question's search up to abstention: the ordered candidates (reranked and settled),
    their rows, terms and question, the copy group of each passage (``group_of``: its lead's
    chunk id) and the passages that answer it (``gold``: a whole group when its lead answers)."""
    from namndkoll.search.fold import fold_copies, rows_matter, rows_text
    from namndkoll.search.hybrid import candidate_features, copy_of, final_order, gather, make_hit

    filters = store.resolve_filters()
    ranked, rows, terms, total, question = gather(store, query or q["q"], emb, filters, wide=10, limit=10)
    x = candidate_features(ranked, rows, terms, total, question) if rmodel is not None else None
    ordered = final_order(ranked, rmodel, x)
    groups = fold_copies(ordered, rows_text(rows), len(ordered), rows_matter(rows))
    group_of: dict[int, int] = {}
    gold: set[int] = set()
    for lead, copies in groups:
        for c in (lead, *copies):
            group_of[c.chunk_id] = lead.chunk_id
        if q.get("answerable", True):
            hit = make_hit(store, rows[lead.chunk_id], lead.score, [])
            hit = replace(hit, also_in=tuple(copy_of(make_hit(store, rows[c.chunk_id], 0.0, [])) for c in copies))
            if answers(hit, q):
                gold.update([lead.chunk_id, *(c.chunk_id for c in copies)])
    return ordered, rows, terms, question, group_of, gold


def pipeline(db: Path, splits: list[str]) -> list[dict[str, Any]]:
    """Per question: the ordered candidates (reranked and settled, before abstention), which of
    them answer it, and the copy groups a search folds them into."""
    from search_eval import get_embedder, split_questions  # type: ignore[import-not-found]

    from namndkoll.corpus import as_store
    from namndkoll.corpus.db import open_db
    from namndkoll.search.rerank import reranker_for

    emb = get_embedder(None)
    store = as_store(open_db(db))
    model = reranker_for(emb.model_id)
    out = []
    for split in splits:
        for q in split_questions(split):
            ordered, rows, _terms, _question, group_of, gold = candidates(store, emb, model, q)
            out.append({"split": split, "q": q["q"], "answerable": q.get("answerable", True),
                        "kind": q.get("kind"), "ordered": ordered, "gold": gold, "group_of": group_of,
                        "texts": {r.chunk_id: (rows[r.chunk_id]["section"], rows[r.chunk_id]["item"],
                                               rows[r.chunk_id]["title"], rows[r.chunk_id]["text"][:300])
                                  for r in ordered[:15] if r.chunk_id in rows}})
            print(f"  {split}: {q['q'][:70]}", file=sys.stderr, flush=True)
    return out


def shown_list(ordered: list[Ranked], group_of: dict[int, int], judged: bool, limit: int = 10,
               model: str = "multilingual-e5-small") -> list[Ranked]:
    """What a search shows: the first ``limit`` distinct passages (copies folded), judged with
    ``model``'s calibration when ``judged``."""
    from namndkoll.search.judge import calibration_for, judge

    lst = judge(ordered, calibration_for(model), mode="hybrid") if judged else ordered
    seen, out = set(), []
    for r in lst:
        g = group_of.get(r.chunk_id, r.chunk_id)
        if g in seen:
            continue
        seen.add(g)
        out.append(r)
        if len(out) == limit:
            break
    return out


def failed(r: Ranked) -> str:
    fails = [c for c in CHECKS if not getattr(r, c)]
    if r.absent:
        fails.append("absent:" + "+".join(r.absent))
    if r.inside:
        fails.append("inside")
    if r.unsure:  # failed for want of evidence: never refuses (surely.unsure_checks)
        fails.append("unsure:" + "+".join(r.unsure))
    return ",".join(fails) or "-"


def describe(r: Ranked, item: dict[str, Any]) -> str:
    sec, num, title, text = item["texts"].get(r.chunk_id, ("?", "?", "?", ""))
    return (f"{r.confidence or '-':4s} p={r.answer or 0:.3f} sim={r.similarity or 0:.3f} kw={r.keywords:.2f} "
            f"rare={int(r.rare)} gold={int(r.chunk_id in item['gold'])} §{num} {sec} [{failed(r)}] "
            f"{(title or '')[:40]!r} | {' '.join(text.split())[:160]!r}")


def metrics(items: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    per: dict[str, dict[str, float]] = {}
    for it in items:
        m = per.setdefault(it["split"], {"n": 0, "neg": 0, "r1": 0, "r5": 0, "mrr": 0, "s1": 0, "s5": 0,
                                         "smrr": 0, "answered": 0, "refused": 0, "neg_high": 0, "neg_weak": 0})
        if it["answerable"]:
            m["n"] += 1
            off = shown_list(it["ordered"], it["group_of"], False)
            on = shown_list(it["ordered"], it["group_of"], True)
            m["answered"] += bool(on)
            for (k1, k5, kmrr), lst in ((("r1", "r5", "mrr"), off), (("s1", "s5", "smrr"), on)):
                at = next((i for i, r in enumerate(lst) if r.chunk_id in it["gold"]), None)
                if at is not None:
                    m[k1] += at == 0
                    m[k5] += at < 5
                    m[kmrr] += 1 / (at + 1)
        else:
            m["neg"] += 1
            on = shown_list(it["ordered"], it["group_of"], True, 1)
            m["refused"] += not on
            m["neg_high"] += bool(on) and on[0].confidence == "high"
            m["neg_weak"] += bool(on) and on[0].confidence == "weak"
    return per


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", nargs="+", default=["dev"])
    ap.add_argument("--db", type=Path, default=OUT / "search-eval-default-pdf.db")
    ap.add_argument("--cache", type=Path, default=OUT / "as-shown.pkl")
    ap.add_argument("--cached", action="store_true", help="re-judge the cached candidates only")
    ap.add_argument("--list", action="store_true", help="list the questions losing rank as shown")
    args = ap.parse_args()
    if args.cached:
        items = [it for it in pickle.loads(args.cache.read_bytes()) if it["split"] in args.splits]
    else:
        items = pipeline(args.db, args.splits)
        args.cache.write_bytes(pickle.dumps(items))
    if args.list:
        for it in items:
            if it["answerable"]:
                off = shown_list(it["ordered"], it["group_of"], False)
                on = shown_list(it["ordered"], it["group_of"], True)
                a = next((i for i, r in enumerate(off) if r.chunk_id in it["gold"]), None)
                b = next((i for i, r in enumerate(on) if r.chunk_id in it["gold"]), None)
                if a is not None and (b is None or b > a):
                    print(f"\n## ANS {it['split']} off@{a} shown@{b}: {it['q']}")
                    for i, r in enumerate(on[: (b if b is not None else 4) + 1]):
                        print(f"  {i} {describe(r, it)}")
                    print(f"  (off order) {describe(off[a], it)}")
            else:
                on = shown_list(it["ordered"], it["group_of"], True, 3)
                if on and on[0].confidence == "high":
                    print(f"\n## NEG {it['split']} {it['kind']}: {it['q']}")
                    for i, r in enumerate(on):
                        print(f"  {i} {describe(r, it)}")
    for split, m in metrics(items).items():
        n = max(m["n"], 1)
        print(f"{split:6s} off {m['r1'] / n:.3f}/{m['r5'] / n:.3f}/{m['mrr'] / n:.3f} "
              f"shown {m['s1'] / n:.3f}/{m['s5'] / n:.3f}/{m['smrr'] / n:.3f} "
              f"answered {m['answered'] / n:.3f} refused {m['refused']}/{m['neg']} "
              f"(weak {m['neg_weak']}, high {m['neg_high']})")


if __name__ == "__main__":
    main()
