#!/usr/bin/env python3
"""Same answers from both backends (issue 13).

1. Ingest: the bundled sample/ and ../shared/data/pdf-other/ read and extracted (no index)
   into SQLite (local, --jobs 2), into PostgreSQL (local) and into PostgreSQL through
   ``--cluster local:2`` (the workers write): documents, § items, figures, votes, positions,
   decisions and people must be identical (ids and timestamps aside).
2. Search: the eval corpus of bench/search_eval.py (search-eval.db: Göteborg KF protocols,
   Lund documents, Stadsrevisionen PDFs, embedded with multilingual-e5-small) copied into
   PostgreSQL with ``namndkoll copy`` (the same passages and vectors), then every question of
   bench/questions.json and bench/questions_heldout.json searched on both: top-5 overlap (the
   same passages, by document and span, abstention off) and recall@5 / abstention per backend.
   Query vectors are the real e5 ones (cached by bench/search.py).

usage: nice python bench/same_answers.py [--skip-ingest]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
OUT = HERE / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import scale  # bench/scale.py: the bench PostgreSQL server
import search as sqlite_bench  # bench/search.py: cached query vectors

from namndkoll.api import copy_corpus, ingest
from namndkoll.corpus import opened
from namndkoll.search.evaluation import evaluate
from namndkoll.search.hybrid import search


def snapshot(db: str) -> dict:
    with opened(db) as st:
        docs = st.list_documents()
        out: dict = {"documents": sorted((Path(d.source).name, d.sha256, d.pages, d.items, d.diarienummer,
                                          d.municipality, d.committee, d.doc_type, d.date) for d in docs)}
        out["items"] = sorted((Path(d.source).name, it.number, it.title, it.start, it.end, len(it.sections))
                              for d in docs for it in st.load_document(d.id).items)
        for what in ("figures", "votes", "positions", "decisions", "people"):
            out[what] = sorted(json.dumps({k: v for k, v in r.items() if k not in ("id", "document_id", "source")},
                                          ensure_ascii=False, sort_keys=True) for r in st.list_extracted(what))
    return out


def same_ingest(base: str) -> dict:
    paths = [REPO / "sample", SHARED / "data/pdf-other"]
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"sqlite --jobs 2": (str(Path(tmp) / "s.db"), {"jobs": 2}),
                "postgresql": (scale.schema_url(base, "same_local"), {}),
                "postgresql --cluster local:2": (scale.schema_url(base, "same_cluster"), {"cluster": "local:2"})}
        snaps, times = {}, {}
        for name, (db, kw) in runs.items():
            t0 = time.time()
            rep = ingest(paths, db=db, index=False, **kw)  # type: ignore[arg-type]
            times[name] = round(time.time() - t0, 1)
            print(f"{name}: {rep.count('ingested')} ingested, {rep.count('failed')} failed, {rep.pages} pages, "
                  f"{times[name]} s", file=sys.stderr, flush=True)
            snaps[name] = snapshot(db)
        ref = snaps["sqlite --jobs 2"]
        result = {"counts": {k: len(v) for k, v in ref.items()}, "seconds": times}
        for name, snap in snaps.items():
            result[name] = {k: ("identical" if snap[k] == ref[k] else
                                f"DIFFERENT ({len(set(snap[k]) ^ set(ref[k]))} rows differ)") for k in ref}
        import psycopg

        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute("DROP SCHEMA same_local CASCADE")
            conn.execute("DROP SCHEMA same_cluster CASCADE")
    return result


def same_search(base: str, db: str | None = None, splits: tuple[str, ...] = ()) -> dict:
    """Top-5 overlap and recall per backend. By default the older calibration corpus and its
    questions; with ``db`` and ``splits`` an issue-11 index (bench/search_eval.py's) and the
    question files bench/questions/<split>.json (the held-out one is better left out: nothing
    here tunes, but its figures are reported once, by search_eval)."""
    lite = db or str(OUT / "search-eval.db")
    url = scale.schema_url(base, "same_search")
    rep = copy_corpus(lite, url)
    print(f"copied: {rep}", file=sys.stderr, flush=True)
    if splits:
        qs = [q for s in splits
              for q in json.loads((HERE / "questions" / f"{s}.json").read_text(encoding="utf-8"))]
    else:
        qs = (json.loads((HERE / "questions.json").read_text(encoding="utf-8"))
              + json.loads((HERE / "questions_heldout.json").read_text(encoding="utf-8")))
    vecs = sqlite_bench.query_vectors([q["q"] for q in qs])
    out: dict = {}
    with opened(lite) as a, opened(url) as b:
        rec = a.get_model()
        emb = sqlite_bench.Fixed(rec.model_id, rec.dimensions, vecs)  # type: ignore[union-attr]
        for mode in ("hybrid", "keyword", "dense"):
            overlaps, same_abstain = [], 0
            for q in qs:
                top = []
                for st in (a, b):
                    hits = search(st, q["q"], emb if mode != "keyword" else None, mode=mode, limit=5,
                                  abstention=False)
                    top.append({(Path(h.source).name, h.start, h.end) for h in hits})
                overlaps.append(len(top[0] & top[1]) / max(len(top[0]), 1))
                shown = [bool(search(st, q["q"], emb if mode != "keyword" else None, mode=mode, limit=1))
                         for st in (a, b)]
                same_abstain += shown[0] == shown[1]
            out[mode] = {"questions": len(qs), "top5_overlap_mean": round(sum(overlaps) / len(overlaps), 3),
                         "top5_overlap_min": round(min(overlaps), 3),
                         "same_answer_or_abstention": f"{same_abstain}/{len(qs)}"}
        for name, st in (("sqlite", a), ("postgresql", b)):
            ev = evaluate(st, emb, qs, modes=("hybrid", "keyword", "dense"))
            out[f"eval_{name}"] = {m: {k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}
                                   for m, r in ev.items()}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--db", help="the SQLite index to compare (default bench/out/search-eval.db, the "
                                 "older calibration corpus); e.g. bench/out/search-eval-default-pdf.db")
    ap.add_argument("--splits", nargs="+", default=[],
                    help="question files of bench/questions/ to search with --db (e.g. dev dev2 test)")
    args = ap.parse_args()
    base = scale.server_url()
    report = {}
    if not args.skip_search:
        report["search"] = same_search(base, args.db, tuple(args.splits))
        print(json.dumps(report["search"], indent=1), flush=True)
    if not args.skip_ingest:
        report["ingest"] = same_ingest(base)
    (OUT / "same-answers.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
