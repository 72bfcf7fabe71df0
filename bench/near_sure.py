#!/usr/bin/env python3
"""The near misses a search shows as sure or weak, and what a check on the passage's extracted
facts would make of them (issue 11, twenty-first session): the ordered candidates of every
question of the tunable splits are cached once (``--cache``; minutes), then judged again with and
without a candidate check (seconds, ``--cached``), per split: answered share, shown recall@1 /
recall@5 / MRR, and near misses refused / weak / sure; every answerable question whose first
answer moves down as shown, and every near miss shown sure, with its top passage.

usage: python bench/near_sure.py --db bench/out/eval-s21.db [--splits dev ...] [--cached] [--list]
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from as_shown import candidates, shown_list  # type: ignore[import-not-found]
from search_misses import TUNABLE  # type: ignore[import-not-found]

from namndkoll.search.ranked import Ranked

ROW_FIELDS = ("text", "section", "item", "title", "context", "date", "committee", "municipality", "document_id",
              "doc_type")


def pipeline(db: Path, splits: list[str], model: str | None) -> list[dict[str, Any]]:
    """Per question, as bench/as_shown.py's ``candidates`` (the query dated as a search dates it),
    with the rows of the ordered candidates and what the judge reads."""
    from search_eval import get_embedder, split_questions  # type: ignore[import-not-found]

    from namndkoll.corpus import as_store
    from namndkoll.corpus.db import open_db
    from namndkoll.search.question import dated_query
    from namndkoll.search.rerank import reranker_for

    emb = get_embedder(model)
    store = as_store(open_db(db))
    rmodel = reranker_for(emb.model_id)
    out = []
    for split in splits:
        for q in split_questions(split):
            ordered, rows, terms, question, group_of, gold = candidates(store, emb, rmodel, q, dated_query(q["q"]))
            out.append({"split": split, "q": q["q"], "answerable": q.get("answerable", True),
                        "kind": q.get("kind"), "ordered": ordered, "gold": gold, "group_of": group_of,
                        "question": question, "terms": terms, "model": emb.model_id,
                        "rows": {cid: {f: row[f] for f in ROW_FIELDS} for cid, row in rows.items()
                                 if cid in {r.chunk_id for r in ordered}}})
            print(f"  {split}: {q['q'][:70]}", file=sys.stderr, flush=True)
    return out


def shown(it: dict[str, Any], judged: bool, limit: int = 10, check: Any = None) -> list[Ranked]:
    """What the search shows for a cached question (``check``: a candidate check applied to its
    ordered candidates first)."""
    ordered = check(it, it["ordered"]) if check is not None else it["ordered"]
    return shown_list(ordered, it["group_of"], judged, limit, it["model"])


def describe(r: Ranked, it: dict[str, Any]) -> str:
    row = it["rows"].get(r.chunk_id, {})
    return (f"{r.confidence or '-':4s} p={r.answer or 0:.3f} sim={r.similarity or 0:.3f} kw={r.keywords:.2f} "
            f"gold={int(r.chunk_id in it['gold'])} §{row.get('item')} {row.get('section')} "
            f"{(row.get('title') or '')[:50]!r} | {' '.join((row.get('text') or '').split())[:600]!r}")


def metrics(items: list[dict[str, Any]], check: Any = None) -> dict[str, dict[str, Any]]:
    per: dict[str, dict[str, Any]] = {}
    for it in items:
        m = per.setdefault(it["split"], {"n": 0, "neg": 0, "s1": 0, "s5": 0, "smrr": 0.0, "answered": 0,
                                         "near": [0, 0, 0], "off": [0, 0, 0], "weak_first": 0})
        if it["answerable"]:
            m["n"] += 1
            on = shown(it, True, check=check)
            m["answered"] += bool(on)
            m["weak_first"] += bool(on) and on[0].confidence == "weak"
            at = next((i for i, r in enumerate(on) if r.chunk_id in it["gold"]), None)
            if at is not None:
                m["s1"] += at == 0
                m["s5"] += at < 5
                m["smrr"] += 1 / (at + 1)
        else:
            m["neg"] += 1
            on = shown(it, True, 1, check=check)
            row = m["near" if it["kind"] == "near-miss" else "off"]
            row[0 if not on else 1 if on[0].confidence == "weak" else 2] += 1
    return per


def report(per: dict[str, dict[str, Any]]) -> None:
    for split, m in per.items():
        n = max(m["n"], 1)
        print(f"{split:6s} shown {m['s1'] / n:.3f}/{m['s5'] / n:.3f}/{m['smrr'] / n:.3f} answered "
              f"{m['answered']}/{m['n']} weak-first {m['weak_first']} near {'/'.join(map(str, m['near']))} "
              f"off {'/'.join(map(str, m['off']))}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", nargs="+", default=list(TUNABLE))
    ap.add_argument("--db", type=Path, default=OUT / "eval-s21.db")
    ap.add_argument("--model", default=None)
    ap.add_argument("--cache", type=Path, default=OUT / "near-sure.pkl")
    ap.add_argument("--cached", action="store_true", help="judge the cached candidates again only")
    ap.add_argument("--list", action="store_true", help="every unanswerable question shown, with its top passages")
    args = ap.parse_args()
    if not set(args.splits) <= set(TUNABLE):
        sys.exit("tunable splits only (bench/search_misses.py TUNABLE)")
    if args.cached:
        items = [it for it in pickle.loads(args.cache.read_bytes()) if it["split"] in args.splits]
    else:
        items = pipeline(args.db, args.splits, args.model)
        args.cache.write_bytes(pickle.dumps(items))
    if args.list:
        for it in items:
            if not it["answerable"]:
                on = shown(it, True, 2)
                if on:
                    print(f"\n## NEG {it['split']} {it['kind']} {on[0].confidence}: {it['q']}")
                    for i, r in enumerate(on):
                        print(f"  {i} {describe(r, it)}")
    report(metrics(items))


if __name__ == "__main__":
    main()
