#!/usr/bin/env python3
"""Where each answerable question's gold passage stands on the way to the hybrid top ten: the
keyword side (with and without the common terms the plan leaves out), the dense side (the whole
corpus ranked), the fused list, the reranker's input (the first RERANK_DEPTH and what the search
inside the best documents adds) and the final top ten (as the evaluation); with what ranks first. For reading misses
(a gold passage never a candidate, or a candidate ranked down), never for tuning on a split other
than dev.

usage: python bench/search_misses.py [--model NAME] [--db PATH] [--splits dev] [--all] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db
from namndkoll.search.evaluation import answers
from namndkoll.search.hybrid import INSIDE_DOCUMENTS, RERANK_DEPTH, rank, search
from namndkoll.search.plan import fts_terms

DEEP = 5000  # rank the whole corpus on each side
# splits already spent on tuning (dev14: after its end-of-session blind run; dev15, batch s130: after its
# four blind runs of the eighteenth and nineteenth sessions; dev16, batch s140: written as twins to tune
# refusal on, tunable from the start)
TUNABLE = ("dev", "dev2", "test", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11",
           "dev14", "dev15", "dev16")


def gold_ids(conn, q: dict) -> set[int]:  # type: ignore[no-untyped-def]
    rows = conn.execute("SELECT c.id, c.text, d.source FROM chunks c JOIN documents d ON d.id = c.document_id")
    return {cid for cid, text, source in rows
            if answers(SimpleNamespace(source=source, text=text, also_in=()), q)}


def first(ids: list[int], gold: set[int]) -> int | None:
    return next((i for i, c in enumerate(ids) if c in gold), None)


def where(db: Path, emb, qs: list[dict]) -> list[dict]:  # type: ignore[no-untyped-def]
    conn = open_db(db)
    store = as_store(conn)
    total = store.chunk_total()
    f = store.resolve_filters()
    out = []
    for q in qs:
        if not q.get("answerable", True):
            continue
        gold = gold_ids(conn, q)
        ranked, terms = rank(store, q["q"], emb, f, candidates=100, inside=INSIDE_DOCUMENTS)
        kept = fts_terms(terms, total)
        kw = [c for c, _ in store.keyword(kept, DEEP, f)]
        kw_all = [c for c, _ in store.keyword(terms, DEEP, f)] if len(kept) < len(terms) else kw
        qv = np.asarray(emb.embed([q["q"]], kind="query"), dtype=np.float32)[0]
        dense = [c for c, _ in store.knn(qv, DEEP, f)]
        fused = [r.chunk_id for r in ranked]
        depth = RERANK_DEPTH
        judged = [replace(r, inside=False) for r in ranked[:depth]] + [r for r in ranked[depth:] if r.inside]
        hits = search(conn, q["q"], emb, limit=10, abstention=False)  # as the evaluation: its top ten
        final = next((i for i, h in enumerate(hits) if answers(h, q)), None)
        top = hits[0] if hits else None
        out.append({
            "q": q["q"], "batch": q.get("batch"), "gold_chunks": sorted(gold),
            "terms": [t.word + ("*" if t.alts else "") + ("/" + "+".join(t.parts) if t.parts else "")
                      + ("" if t in kept else "(common)") for t in terms],
            "keyword": first(kw, gold), "keyword_all_terms": first(kw_all, gold), "dense": first(dense, gold),
            "fused": first(fused, gold), "judged": any(r.chunk_id in gold for r in judged),
            "inside": any(r.chunk_id in gold and r.inside for r in ranked),
            "final": final,
            "top5": [{"gold": answers(h, q),
                      "source": Path(h.source).name, "item": h.item, "section": h.section,
                      "page": h.page, "text": h.text[:140]} for h in hits[:5]],
            "top": None if top is None else {"source": Path(top.source).name, "item": top.item,
                                             "section": top.section, "same_doc": any(
                                                 Path(d).stem in top.source
                                                 for d in (q.get("doc", ""), *q.get("alt_docs", ())) if d),
                                             "text": top.text[:160]},
            "gold_text": conn.execute("SELECT text FROM chunks WHERE id = ?", (min(gold),)).fetchone()[0][:160]
            if gold else "",
        })
    conn.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--splits", nargs="+", default=["dev"], choices=TUNABLE,
                    help="tunable splits only: never dev3, dev4, dev9 (fresh) nor heldout")
    ap.add_argument("--all", action="store_true", help="every answerable question, not only those below rank 1")
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    import search_eval  # type: ignore[import-not-found]

    emb = search_eval.get_embedder(args.model)
    res = {s: where(args.db, emb, search_eval.split_questions(s)) for s in args.splits}
    if args.json:
        args.json.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    for s, rows in res.items():
        print(f"## {s}")
        for r in sorted(rows, key=lambda r: 99 if r["final"] is None else r["final"], reverse=True):
            if r["final"] == 0 and not args.all:
                continue
            fin = "—" if r["final"] is None else r["final"] + 1
            print(f"final {fin!s:>3} fused {r['fused']} kw {r['keyword']} kw_all {r['keyword_all_terms']} "
                  f"dense {r['dense']} judged {r['judged']} inside {r['inside']} | {r['q']}")
            for i, h in enumerate(r.get("top5", []), 1):
                print(f"      {i}{'*' if h['gold'] else ' '} {h['source']} §{h['item']} {h['section']} "
                      f"p{h['page']}: {h['text']!r}")
            print(f"    terms {' '.join(r['terms'])}; gold {len(r['gold_chunks'])} chunk(s): {r['gold_text']!r}")
            if r["top"]:
                print(f"    top ({'same doc' if r['top']['same_doc'] else 'other doc'}) {r['top']['source']} "
                      f"§{r['top']['item']} {r['top']['section']}: {r['top']['text']!r}")


if __name__ == "__main__":
    main()
