#!/usr/bin/env python3
"""The query-level evidence at the search's final decision, for every question of the splits
asked (issue 11, the learned abstention gate): what ``judge`` was given (every candidate's
evidence after the rerank) and what it decided (high / weak only / refused), with the question's
label (answerable or not, and the kind of an unanswerable one).

Each question becomes one record: its split, text, label, the pipeline's decision, the query's
terms (IDF, rare), what it asks (``Question``: kinds, years, places, …) and the first 50
candidates with their evidence and confidence (``None``: dropped). ``bench/gate_cv.py`` reads
these and fits the gate out of sample.

Run only on the splits that may be tuned on or measured (never heldout, dev6, dev7 or other-*):

    PYTHONPATH=$PWD python bench/gate_dump.py --splits dev dev2 test dev3 dev4 dev5

Writes bench/out/gate-dataset.json (the evaluation index must exist: bench/search_eval.py).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from search_eval import get_embedder, split_questions  # type: ignore[import-not-found]

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db
from namndkoll.search.evaluation import is_answer
from namndkoll.search.hybrid import RARE_SHARE, candidate_features, final_order, gather, search
from namndkoll.search.judge import calibration_for, judge
from namndkoll.search.rerank import reranker_for
from namndkoll.search.terms import idf

ALLOWED = ("dev", "dev2", "test", "dev3", "dev4", "dev5")
DEPTH = 50  # candidates kept per question


def record(store, emb, q: dict, split: str) -> dict:  # type: ignore[no-untyped-def]
    """One question's evidence at the final decision, as ``hybrid.search`` reaches it."""
    filters = store.resolve_filters()
    ranked, rows, terms, total, question = gather(store, q["q"], emb, filters, wide=10, limit=10)
    model = reranker_for(emb.model_id)
    x = candidate_features(ranked, rows, terms, total, question) if model is not None else None
    ordered = final_order(ranked, model, x)
    shown = judge(ordered, calibration_for(emb.model_id), mode="hybrid")
    conf = {r.chunk_id: r.confidence for r in shown}
    decision = "refused" if not shown else shown[0].confidence
    ans = q.get("answerable", True)
    # which candidates answer (the gold passage), from the hits as the search would give them
    golds: set[int] = set()
    if ans:
        golds = {h.chunk_id for h in search(store, q["q"], emb, limit=DEPTH, abstention=False)
                 if is_answer(h, q.get("doc", ""), q["passage"], q.get("alt_docs", ()))}
    cands = []
    for r in ordered[:DEPTH]:
        d = asdict(r)
        d.pop("item_of", None)
        d["confidence"] = conf.get(r.chunk_id)
        d["gold"] = r.chunk_id in golds
        d["section"] = rows[r.chunk_id]["section"] if r.chunk_id in rows else None
        cands.append(d)
    # candidates judged beyond the first DEPTH that were shown (rare: the inside search's)
    for r in ordered[DEPTH:]:
        if r.chunk_id in conf:
            d = asdict(r)
            d.pop("item_of", None)
            d["confidence"] = conf[r.chunk_id]
            d["gold"] = r.chunk_id in golds
            d["section"] = rows[r.chunk_id]["section"] if r.chunk_id in rows else None
            cands.append(d)
    return {
        "split": split, "q": q["q"], "answerable": ans, "kind": q.get("kind"), "decision": decision,
        "n_high": sum(r.confidence == "high" for r in shown), "n_weak": sum(r.confidence == "weak" for r in shown),
        "terms": [{"word": t.word, "df": t.df, "idf": idf(t.df, total), "rare": t.df <= max(1.0, RARE_SHARE * total)}
                  for t in terms],
        "total": total,
        "question": {"kinds": sorted(question.kinds), "years": list(question.years),
                     "places": len(question.places), "focus": list(question.focus), "unit": question.unit,
                     "people": question.people, "role": question.role, "count": question.count,
                     "decision": question.decision, "position": question.position, "price": question.price},
        "cands": cands,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--splits", nargs="+", default=list(ALLOWED), choices=ALLOWED)
    ap.add_argument("--db", type=Path, default=OUT / "search-eval-default-pdf.db")
    ap.add_argument("--out", type=Path, default=OUT / "gate-dataset.json")
    args = ap.parse_args()
    emb = get_embedder(None)
    conn = open_db(args.db)
    store = as_store(conn)
    out = []
    for split in args.splits:
        t = time.time()
        qs = split_questions(split)
        for q in qs:
            out.append(record(store, emb, q, split))
        print(f"{split}: {len(qs)} questions ({time.time() - t:.0f} s)", file=sys.stderr, flush=True)
    conn.close()
    args.out.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {len(out)} records to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
