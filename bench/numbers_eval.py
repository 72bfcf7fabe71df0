#!/usr/bin/env python3
"""What the numbers a question states change (issue 11, twenty-second session; search/numbers.py):
every question of the tunable splits that states a number (``numbers.stated_numbers`` of the
query as a search dates it) searched with the rule off and on, keyword and hybrid, as
``evaluation.evaluate`` counts them: the first answer's rank measured and as shown, answered or
refused. A question stating no number takes the same path either way (every candidate's
``numbers`` is 0 and ``order.numbers_stated`` moves nothing), so a split's figures change only by
these questions' rows: bench/search_eval.py's table before, plus what differs here, is the table after.

usage: python bench/numbers_eval.py --db bench/out/eval-s22.db [--splits dev ...] [--modes keyword hybrid]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from search_eval import get_embedder, split_questions  # type: ignore[import-not-found]
from search_misses import TUNABLE  # type: ignore[import-not-found]

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db
from namndkoll.search import hybrid
from namndkoll.search.evaluation import answers
from namndkoll.search.numbers import stated_numbers
from namndkoll.search.question import dated_query


def row(store, emb, q, mode):  # type: ignore[no-untyped-def]
    """(measured rank, shown rank, shown confidence) of one question; ranks None when absent."""
    def first(hits):  # type: ignore[no-untyped-def]
        return next((i for i, h in enumerate(hits) if answers(h, q)), None)
    if q.get("answerable", True):
        shown = hybrid.search(store, q["q"], emb, mode=mode, limit=10)
        return (first(hybrid.search(store, q["q"], emb, mode=mode, limit=10, abstention=False)), first(shown),
                shown[0].confidence if shown else "refused")
    shown = hybrid.search(store, q["q"], emb, mode=mode, limit=1)
    return None, None, shown[0].confidence if shown else "refused"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=REPO / "bench" / "out" / "eval-s22.db")
    ap.add_argument("--splits", nargs="+", default=list(TUNABLE))
    ap.add_argument("--modes", nargs="+", default=["keyword", "hybrid"])
    ap.add_argument("--model", default=None)
    args = ap.parse_args()
    if not set(args.splits) <= set(TUNABLE):
        sys.exit("tunable splits only (bench/search_misses.py TUNABLE)")
    emb = get_embedder(args.model)
    store = as_store(open_db(args.db))
    on = hybrid.stated_numbers
    changed = 0
    for split in args.splits:
        for q in split_questions(split):
            if not stated_numbers(dated_query(q["q"])):
                continue
            for mode in args.modes:
                hybrid.stated_numbers = lambda _q: ()  # type: ignore[assignment,misc]
                before = row(store, emb, q, mode)
                hybrid.stated_numbers = on
                after = row(store, emb, q, mode)
                changed += before != after
                ans = "ANS" if q.get("answerable", True) else f"NEG {q.get('kind', '')}"
                print(f"{split:6s} {mode:7s} {ans:12s} {'same' if before == after else 'MOVED'} "
                      f"measured {before[0]} -> {after[0]}, shown {before[1]} -> {after[1]}, "
                      f"{before[2]} -> {after[2]}  {q['q'][:80]}", flush=True)
    print(f"rows changed: {changed}")


if __name__ == "__main__":
    main()
