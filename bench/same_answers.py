#!/usr/bin/env python3
"""Same answers from both backends (issue 13).

1. Ingest: the bundled sample/ and ../shared/data/pdf-other/ read and extracted (no index)
   into SQLite (local, --jobs 2), into PostgreSQL (local) and into PostgreSQL through
   ``--cluster local:2`` (the workers write): everything a user can read back — documents,
   pages (tables and layout), § items, every extraction record (votes with their roll calls),
   the lists, members and blocs — must be identical (ids and timestamps aside).
2. Copy: the search index ``--db`` copied with ``namndkoll copy`` into PostgreSQL and from there
   into a new SQLite file: the same again, and the passages (table rows among them), their
   contexts and vectors.
3. Search: every question of the ``--splits`` (bench/questions/<split>.json) searched on the
   SQLite index and on its PostgreSQL copy, per mode: top-5 overlap (the same passages, by
   document and span, abstention off), recall@5 per backend, and with abstention on whether each
   refuses alike and shows the same hits. The default splits are the tunable ones; the
   held-out, fresh and blind ones are refused (this compares backends, it scores nothing).

usage: nice python bench/same_answers.py [--db bench/out/search-eval-default-pdf.db]
       [--splits dev test ...] [--modes hybrid keyword dense] [--skip-ingest] [--skip-copy]
       [--skip-search]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
OUT = HERE / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import scale  # bench/scale.py: the bench PostgreSQL server

from namndkoll.api import copy_corpus, ingest
from namndkoll.corpus import opened
from namndkoll.search.evaluation import answers
from namndkoll.search.hybrid import search

TUNABLE = ("dev", "test", "dev2", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev14", "dev15",
           "dev16")
# held-out, fresh and blind splits: run only by search_eval for the integrator, never here
NOT_HERE = ("heldout", "other-heldout", "dev3", "dev4", "dev12", "dev13", "dev17", "dev18", "dev19", "dev20",
            "dev21", "other-dev3", "other-dev4", "other-dev5")
IDS = ("id", "document_id", "vote_id", "chunk_id", "ingested_at")


def _plain(v: Any) -> Any:
    """``v`` with database ids dropped at every depth (they differ between stores)."""
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items() if k not in IDS}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


def _rows(xs: Any) -> list[str]:
    return [json.dumps(_plain(x), ensure_ascii=False, sort_keys=True, default=repr) for x in xs]


def snapshot(db: str, *, chunks: bool = False) -> dict:
    """Everything a user can read back from the corpus at ``db``, as sorted rows per kind
    (ids aside): documents as listed, pages (text, header, footer, tables, layout), § items
    with their sections, every extraction record (votes with their roll calls), the lists the
    CLI shows, members and blocs; with ``chunks`` also the passages (table rows among them),
    their contexts and vectors."""
    out: dict = defaultdict(list)
    with opened(db) as st:
        for d in st.list_documents():
            name = Path(d.source).name
            out["documents"].append(json.dumps([name] + _rows([asdict(d)]), ensure_ascii=False))
            doc = st.load_document(d.id)
            out["metadata"].append(json.dumps([name] + _rows([asdict(doc.metadata)]), ensure_ascii=False))
            out["pages"] += [json.dumps([name, r]) for r in _rows(asdict(p) for p in doc.pages)]
            out["tables"] += [json.dumps([name, r]) for p in doc.pages
                              for r in _rows(asdict(t) for t in st.page_tables(d.id, p.number))]
            out["items"] += [json.dumps([name, r]) for r in _rows(asdict(it) for it in doc.items)]
            ext = st.load_extraction(d.id)
            for f in fields(ext):
                out[f"extraction.{f.name}"] += [json.dumps([name, r])
                                                for r in _rows(asdict(x) for x in getattr(ext, f.name))]
            if chunks:
                chunker, cs = st.load_chunks(d.id)
                out["chunks"] += [json.dumps([name, chunker, r]) for r in
                                  _rows({"chunk": asdict(c), "hash": h, "context": ctx} for c, h, ctx, _ in cs)]
                out["vectors"] += [json.dumps([name, c.start, c.end, c.table, None if v is None else
                                               hashlib.sha256(np.asarray(v, dtype=np.float32).tobytes()).hexdigest()])
                                   for c, _h, _ctx, v in cs]
        for what in ("figures", "votes", "positions", "decisions", "people"):
            out[f"list.{what}"] = _rows({k: v for k, v in r.items() if k != "source"} for r in st.list_extracted(what))
        out["members"] = _rows(st.list_members())
        out["blocs"] = _rows([st.list_blocs()])
        if chunks:
            rec = st.get_model()
            out["model"] = _rows([None if rec is None else {
                "model_id": rec.model_id, "dimensions": rec.dimensions,
                "center": None if rec.center is None else [round(float(x), 7) for x in rec.center]}])
    return {k: sorted(v) for k, v in out.items()}


def compare(snaps: dict[str, dict], ref: str) -> dict:
    """Per store and kind: identical, or how many rows differ from the reference store's (and
    the first such row of each side, to find the bug)."""
    base = snaps[ref]
    result: dict = {"counts": {k: len(v) for k, v in base.items()}}
    for name, snap in snaps.items():
        if name == ref:
            continue
        per: dict = {}
        for k in sorted(set(base) | set(snap)):
            a, b = base.get(k, []), snap.get(k, [])
            if a == b:
                per[k] = "identical"
                continue
            only_a = sorted((Counter(a) - Counter(b)).elements())
            only_b = sorted((Counter(b) - Counter(a)).elements())
            per[k] = {"rows differ": len(only_a) + len(only_b), f"only in {ref}": only_a[:2],
                      f"only in {name}": only_b[:2]}
        result[name] = per
    return result


def _drop(base: str, *schemas: str) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        for s in schemas:
            conn.execute(f"DROP SCHEMA IF EXISTS {s} CASCADE")


def same_ingest(base: str) -> dict:
    paths = [REPO / "sample", SHARED / "data/pdf-other"]
    _drop(base, "same_local", "same_cluster")
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
        result = {**compare(snaps, "sqlite --jobs 2"), "seconds": times}
        # the extracted corpus (roll calls, tables, figures ...) copied to PostgreSQL and back
        result["copy"] = round_trip(base, runs["sqlite --jobs 2"][0], "same_copy", tmp)[0]
    _drop(base, "same_local", "same_cluster", "same_copy")
    return result


def round_trip(base: str, lite: str, schema: str, tmp: str) -> tuple[dict, str]:
    """``lite`` copied (``namndkoll copy``) into a fresh PostgreSQL schema and from there into a
    new SQLite file, the three compared with passages and vectors; and the PostgreSQL URL."""
    _drop(base, schema)
    url = scale.schema_url(base, schema)
    t0 = time.time()
    print(f"copied to PostgreSQL: {copy_corpus(lite, url)} ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    back_db = str(Path(tmp) / f"{schema}-back.db")
    print(f"copied back to SQLite: {copy_corpus(url, back_db)}", file=sys.stderr, flush=True)
    snaps = {"sqlite": snapshot(lite, chunks=True), "postgresql (copy)": snapshot(url, chunks=True),
             "sqlite (copied back)": snapshot(back_db, chunks=True)}
    return compare(snaps, "sqlite"), url


class Memo:
    """The real embedder, each text embedded once (both backends get the same vectors)."""

    def __init__(self) -> None:
        from search_eval import get_embedder

        self.inner = get_embedder(None)
        self.model_id, self.dimensions = self.inner.model_id, self.inner.dimensions
        self.cache: dict[tuple[str, str], np.ndarray] = {}

    def embed(self, texts, *, kind="passage"):  # type: ignore[no-untyped-def]
        missing = [t for t in dict.fromkeys(texts) if (kind, t) not in self.cache]
        if missing:
            for t, v in zip(missing, self.inner.embed(missing, kind=kind)):
                self.cache[(kind, t)] = np.asarray(v, dtype=np.float32)
        return np.stack([self.cache[(kind, t)] for t in texts])


def _key(h: Any) -> tuple:
    """A hit by document, span and text (a table's rows share their table's span)."""
    return (Path(h.source).name, h.start, h.end, hashlib.sha256(h.text.encode()).hexdigest()[:12])


def same_search(lite: str, url: str, splits: tuple[str, ...], modes: tuple[str, ...]) -> dict:
    """Top-5 overlap, recall@5 and refusals per backend over the questions of ``splits``."""
    qs = [q for s in splits for q in json.loads((HERE / "questions" / f"{s}.json").read_text(encoding="utf-8"))]
    emb = Memo()
    out: dict = {"splits": list(splits), "questions": len(qs),
                 "answerable": sum(q.get("answerable", True) for q in qs)}
    with opened(lite) as a, opened(url) as b:
        for mode in modes:
            e = None if mode == "keyword" else emb
            overlaps: list[float] = []
            found = {"sqlite": 0, "postgresql": 0}
            refused = {"sqlite": [0, 0], "postgresql": [0, 0]}  # answerable, unanswerable
            refused_alike = shown_alike = 0
            diffs: list[dict] = []
            t0 = time.time()
            for i, q in enumerate(qs):
                ans = q.get("answerable", True)
                tops, shown = [], []
                for name, st in (("sqlite", a), ("postgresql", b)):
                    hits = search(st, q["q"], e, mode=mode, limit=10, abstention=False)  # type: ignore[arg-type]
                    tops.append([_key(h) for h in hits[:5]])
                    found[name] += ans and any(answers(h, q) for h in hits[:5])
                    seen = search(st, q["q"], e, mode=mode, limit=10)  # type: ignore[arg-type]
                    shown.append([(*_key(h), h.confidence) for h in seen])
                    refused[name][0 if ans else 1] += not seen
                overlaps.append(len(set(tops[0]) & set(tops[1])) / max(len(tops[0]), len(tops[1]), 1))
                refused_alike += (not shown[0]) == (not shown[1])
                shown_alike += shown[0] == shown[1]
                if tops[0] != tops[1] or shown[0] != shown[1]:
                    diffs.append({"q": q["q"], "top5": tops, "shown": shown})
                if (i + 1) % 100 == 0:
                    print(f"  {mode}: {i + 1}/{len(qs)} ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
            n_ans, n_neg = out["answerable"], len(qs) - out["answerable"]
            out[mode] = {
                "top5_overlap_mean": round(sum(overlaps) / len(overlaps), 3),
                "top5_overlap_min": round(min(overlaps), 3),
                "top5_identical": f"{sum(o == 1 for o in overlaps)}/{len(qs)}",
                "recall@5": {k: round(v / max(n_ans, 1), 3) for k, v in found.items()},
                "refused": {k: f"answerable {v[0]}/{n_ans}, unanswerable {v[1]}/{n_neg}" for k, v in refused.items()},
                "refuses_alike": f"{refused_alike}/{len(qs)}", "shows_the_same": f"{shown_alike}/{len(qs)}",
                "differences": diffs, "seconds": round(time.time() - t0)}
            print(json.dumps({k: v for k, v in out[mode].items() if k != "differences"}), file=sys.stderr, flush=True)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-copy", action="store_true", help="no copy round trip check (the search half copies anyway)")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--db", default=str(OUT / "search-eval-default-pdf.db"),
                    help="the SQLite search index to copy and compare (bench/search_eval.py's; a copy, never "
                         "rebuilt here)")
    ap.add_argument("--splits", nargs="+", default=list(TUNABLE), metavar="SPLIT",
                    help=f"question files of bench/questions/ (default the tunable ones: {' '.join(TUNABLE)})")
    ap.add_argument("--modes", nargs="+", default=["hybrid", "keyword", "dense"],
                    choices=["hybrid", "keyword", "dense"])
    ap.add_argument("--out", default=str(OUT / "same-answers.json"))
    ap.add_argument("--schema", default="same_search", help="the PostgreSQL schema the index is copied into")
    args = ap.parse_args()
    barred = [s for s in args.splits if s in NOT_HERE]
    if barred:
        sys.exit(f"{', '.join(barred)}: held-out, fresh or blind splits are not run here; choose from "
                 f"{' '.join(TUNABLE)}")
    if not (args.skip_copy and args.skip_search) and not Path(args.db).exists():
        sys.exit(f"{args.db} does not exist: copy bench/search_eval.py's index there or pass --db")
    base = scale.server_url()
    report: dict = {}
    url = None
    if not (args.skip_copy and args.skip_search):
        with tempfile.TemporaryDirectory() as tmp:
            report["copy"], url = round_trip(base, args.db, args.schema, tmp)
        print(json.dumps(report["copy"], indent=1, ensure_ascii=False)[:20000], flush=True)
    if not args.skip_search and url:
        report["search"] = same_search(args.db, url, tuple(args.splits), tuple(args.modes))
    if not args.skip_ingest:
        report["ingest"] = same_ingest(base)
        print(json.dumps(report["ingest"], indent=1, ensure_ascii=False)[:20000], flush=True)
    Path(args.out).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: ({m: {kk: vv for kk, vv in r.items() if kk != "differences"} if isinstance(r, dict) else r
                           for m, r in v.items()} if k == "search" else v) for k, v in report.items()},
                     indent=1, ensure_ascii=False)[:30000])


if __name__ == "__main__":
    main()
