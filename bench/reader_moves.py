#!/usr/bin/env python3
"""Which questions a reader change moves, and through which passages (issue 8/11, twenty-second
session: the footnote marks of h-sup157).

Three steps on copies of the evaluation index (never the one in /work/notes):

1. ``reread DB``: every document the copy stores read again with this checkout's reader, from the
   paths the copy names (an index built in another checkout names that checkout's files:
   search_eval.py would store them a second time under this checkout's paths), and what changed
   embedded. A copy re-read by the unchanged code is the control: it must show nothing moved.
2. ``record DB OUT.json``: every tunable question's search on DB, the list a user is shown
   (judged, copies folded, ``as_shown.shown_list``) and the order with abstention off, each
   passage named by document and chunk index, with its text, score, similarity, keywords and the
   reranker's chance. Tunable splits only (``search_misses.TUNABLE``): blind ones are refused.
3. ``compare BEFORE.json AFTER.json [--dbs BEFORE.db AFTER.db]``: per split recall@1/@5/MRR as
   shown, answered and refused, before -> after, and every question whose gold rank as shown or
   whose refusal changed, with both shown lists; passages whose text changed between the two
   databases are starred.

usage: nice python bench/reader_moves.py reread bench/out/after.db
       nice python bench/reader_moves.py record bench/out/after.db bench/out/after.json
       python bench/reader_moves.py compare bench/out/before.json bench/out/after.json \\
           --dbs bench/out/before.db bench/out/after.db
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def reread(db: Path) -> None:
    import search_eval  # type: ignore[import-not-found]

    from namndkoll.corpus.db import open_db

    conn = open_db(db)
    sources = [Path(r[0]) for r in conn.execute("SELECT source FROM documents ORDER BY id")]
    conn.close()
    search_eval.pdf_sources = lambda: sources
    t = time.time()
    print(search_eval.build(db, search_eval.get_embedder(None)), f"{time.time() - t:.0f} s")


def record(db: Path, out: Path, splits: list[str]) -> None:
    from as_shown import candidates, shown_list  # type: ignore[import-not-found]
    from search_eval import get_embedder, split_questions  # type: ignore[import-not-found]

    from namndkoll.corpus import as_store
    from namndkoll.corpus.db import open_db
    from namndkoll.search.rerank import reranker_for

    emb = get_embedder(None)
    conn = open_db(db)
    store = as_store(conn)
    model = reranker_for(emb.model_id)
    where = {r[0]: (Path(r[1]).name, r[2], r[3]) for r in conn.execute(
        "SELECT c.id, d.source, c.idx, c.text FROM chunks c JOIN documents d ON d.id = c.document_id")}

    def named(r: Any, gold: set[int]) -> dict[str, Any]:
        doc, idx, text = where[r.chunk_id]
        return {"doc": doc, "idx": idx, "text": text, "conf": r.confidence, "score": round(r.score, 5),
                "sim": round(r.similarity or 0.0, 5), "kw": round(r.keywords, 5), "p": round(r.answer or 0.0, 5),
                "gold": r.chunk_id in gold}

    res = []
    t = time.time()
    for split in splits:
        for q in split_questions(split):
            ordered, _rows, _terms, _question, group_of, gold = candidates(store, emb, model, q)
            res.append({"split": split, "q": q["q"], "answerable": q.get("answerable", True),
                        "shown": [named(r, gold) for r in shown_list(ordered, group_of, True)],
                        "off": [named(r, gold) for r in shown_list(ordered, group_of, False)]})
        print(f"  {split}: {len(res)} questions, {time.time() - t:.0f} s", file=sys.stderr, flush=True)
    conn.close()
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


def _texts(db: Path) -> dict[tuple[str, int], str]:
    conn = sqlite3.connect(db)
    try:
        return {(Path(s).name, i): t for s, i, t in conn.execute(
            "SELECT d.source, c.idx, c.text FROM chunks c JOIN documents d ON d.id = c.document_id")}
    finally:
        conn.close()


def _gold_at(shown: list[dict[str, Any]]) -> int | None:
    return next((i for i, e in enumerate(shown) if e["gold"]), None)


def compare(before: Path, after: Path, dbs: list[Path] | None) -> None:
    a_all = json.loads(before.read_text(encoding="utf-8"))
    b_all = json.loads(after.read_text(encoding="utf-8"))
    changed: set[tuple[str, int]] = set()
    if dbs:
        ta, tb = _texts(dbs[0]), _texts(dbs[1])
        changed = {k for k in tb if ta.get(k) != tb[k]}
        print(f"passages whose text changed: {len(changed)}")
    per: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for a, b in zip(a_all, b_all, strict=True):
        if a["q"] != b["q"]:
            raise SystemExit("the two records hold other questions")
        for tag, x in (("a", a), ("b", b)):
            m = per[x["split"]]
            if x["answerable"]:
                g = _gold_at(x["shown"])
                m[tag + "n"] += 1
                m[tag + "ans"] += bool(x["shown"])
                if g is not None:
                    m[tag + "r1"] += g == 0
                    m[tag + "r5"] += g < 5
                    m[tag + "mrr"] += 1 / (g + 1)
            else:
                m[tag + "neg"] += 1
                m[tag + "ref"] += not x["shown"]
        ga, gb = _gold_at(a["shown"]), _gold_at(b["shown"])
        if (a["answerable"] and ga != gb) or (not a["answerable"] and bool(a["shown"]) != bool(b["shown"])):
            print(f"\n## {a['split']} {'ANS' if a['answerable'] else 'NEG'} gold as shown {ga} -> {gb}: {a['q']}")
            for label, x in (("before", a), ("after", b)):
                print(f"  {label}:")
                for i, e in enumerate(x["shown"][:6]):
                    star = "*" if (e["doc"], e["idx"]) in changed else " "
                    print(f"   {star}{i} {e['conf'] or '-':4s} sim={e['sim']:.4f} kw={e['kw']:.3f} p={e['p']:.4f} "
                          f"gold={int(e['gold'])} {e['doc'][:45]}#{e['idx']} {' '.join(e['text'].split())[:80]!r}")
    print("\nsplit   as shown r@1/r@5/MRR, answered, refused: before -> after")
    for split, m in per.items():
        print(f"{split:6s}  {_figures(m, 'a')}  ->  {_figures(m, 'b')}")


def _figures(m: dict[str, float], t: str) -> str:
    n = max(m[t + "n"], 1)
    return (f"{m[t + 'r1'] / n:.3f}/{m[t + 'r5'] / n:.3f}/{m[t + 'mrr'] / n:.3f} "
            f"{m[t + 'ans'] / n:.3f} {m[t + 'ref']:.0f}/{m[t + 'neg']:.0f}")


def main() -> None:
    from search_misses import TUNABLE  # type: ignore[import-not-found]

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="step", required=True)
    p = sub.add_parser("reread", help="re-read every stored document with this checkout's reader")
    p.add_argument("db", type=Path)
    p = sub.add_parser("record", help="every tunable question's shown list on DB")
    p.add_argument("db", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--splits", nargs="+", default=list(TUNABLE), choices=TUNABLE)
    p = sub.add_parser("compare", help="two records, per question")
    p.add_argument("before", type=Path)
    p.add_argument("after", type=Path)
    p.add_argument("--dbs", nargs=2, type=Path, help="the two databases: star the passages whose text changed")
    args = ap.parse_args()
    if args.step == "reread":
        reread(args.db)
    elif args.step == "record":
        record(args.db, args.out, args.splits)
    else:
        compare(args.before, args.after, args.dbs)


if __name__ == "__main__":
    main()
