#!/usr/bin/env python3
"""Where one search() of the 1M PostgreSQL benchmark corpus spends its time: each SQL
statement (by what it asks) and each Python stage of search/hybrid.py, with p50 / p95 per part
over the bench's questions, filtered and unfiltered; and the answers, to compare two versions.

Every statement goes through ``psycopg.Cursor.execute`` (``conn.execute`` too), which is
wrapped here to time it (execute includes the transfer of its rows: psycopg's client cursor
reads the whole result there); the stages of ``hybrid.search`` (``keyword_plan``, ``rank``,
``evidence``, ``candidate_features`` + ``rerank``, ``judge``, ``fold_copies``, ``make_hit``) are
wrapped in ``hybrid``'s namespace. A stage's "python" is its wall time less the statements run
inside it on the same thread and its inner stages (``rank`` holds ``keyword_plan``). With ``--sequential`` the keyword side runs on the query's own
connection (no second connection beside it), so the parts add up to the query; without it the
path is the product's, and the keyword side's statements are counted on their thread.

``--answers FILE`` writes each question's top 10 (chunk id, score, citation, the copies'
citations), filtered and unfiltered, as JSON;
``--compare FILE`` checks them against another run's (same ids in the same order, or a
difference only among passages of equal score, which is a tie order), and the citations (each
hit's and its folded copies').

``--explain`` prints EXPLAIN (ANALYZE, BUFFERS) of the slowest keyword and dense statements.

The server is bench/scale.py's (shared_buffers 2GB, or NAMNDKOLL_BENCH_SHARED_BUFFERS: it is
set, and the server restarted, when it differs).

usage: nice python bench/pg_profile.py [--rounds 2] [--sequential] [--answers out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import psycopg
import scale
import search as sqlite_bench

from namndkoll.corpus import opened
from namndkoll.search import hybrid

SCHEMA = "scale_1000000"

# what a statement asks, by a piece of its text (first match wins)
KINDS = [
    ("ts_rank", "keyword: GIN candidates + BM25"),
    ("tsv @@ to_tsquery", "keyword: count per word (GIN)"),
    ("WHERE term >= %s AND term < %s GROUP BY term", "plan: vocabulary (typo repair)"),
    ("WHERE term >= %s AND term < %s", "plan: prefix doc count"),
    ("WHERE term = ANY", "plan: word doc counts"),
    ("EXPLAIN (FORMAT JSON)", "dense: filter row estimate"),
    ("embedding::vector", "dense: HNSW walk"),
    ("embedding <=> %s AS d FROM chunk_vectors WHERE chunk_id = ANY", "dense: similarity of given ids"),
    ("embedding <=> %s AS d FROM chunk_vectors", "dense: exact scan (filter)"),
    ("FROM chunks c JOIN documents d", "rows: chunk rows"),
    ("diarienummer", "rows: diarienummer (citations)"),
    ("lower(text) ~", "rows: document mentions"),
    ("SELECT id FROM chunks WHERE document_id", "rows: chunk ids of a document"),
    ("DISTINCT municipality FROM documents WHERE municipality IS NOT NULL", "filters: bodies"),
    ("FROM documents WHERE", "filters: resolve"),
    ("FROM _migrations", "store: open (pool check)"),
]


def kind_of(query: Any) -> str:
    text = query.as_string(None) if hasattr(query, "as_string") else str(query)
    for piece, name in KINDS:
        if piece in text:
            return name
    return "other: " + " ".join(text.split())[:70]


class Recorder:
    """Per-query timings: statements by kind and stages (wall, and statements inside them)."""

    def __init__(self) -> None:
        self.local = threading.local()
        self.lock = threading.Lock()
        self.reset()
        self.slowest: dict[str, tuple[float, Any, Any]] = {}

    def reset(self) -> None:
        self.sql: dict[str, float] = defaultdict(float)
        self.count: dict[str, int] = defaultdict(int)
        self.stage: dict[str, float] = defaultdict(float)
        self.stage_sql: dict[str, float] = defaultdict(float)
        self.stage_child: dict[str, float] = defaultdict(float)  # wall of stages run inside it

    def stack(self) -> list[str]:
        if not hasattr(self.local, "stack"):
            self.local.stack = []
        return self.local.stack  # type: ignore[no-any-return]

    def statement(self, query: Any, params: Any, seconds: float) -> None:
        k = kind_of(query)
        if threading.current_thread() is not threading.main_thread():
            k += " [beside]"
        with self.lock:
            self.sql[k] += seconds
            self.count[k] += 1
            st = self.stack()
            if st:
                self.stage_sql[st[-1]] += seconds
            if seconds > self.slowest.get(k, (0.0, None, None))[0]:
                self.slowest[k] = (seconds, query, params)


REC = Recorder()


def instrument() -> None:
    original = psycopg.Cursor.execute

    def execute(self: Any, query: Any, params: Any = None, **kw: Any) -> Any:
        t = time.perf_counter()
        try:
            return original(self, query, params, **kw)
        finally:
            REC.statement(query, params, time.perf_counter() - t)

    psycopg.Cursor.execute = execute  # type: ignore[method-assign]

    def timed(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **kw: Any) -> Any:
            st = REC.stack()
            st.append(name)
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                st.pop()
                REC.stage[name] += time.perf_counter() - t
                if st:
                    REC.stage_child[st[-1]] += time.perf_counter() - t
        return wrapper

    for name in ("keyword_plan", "rank", "evidence", "candidate_features", "rerank", "judge", "fold_copies",
                 "make_hit"):
        setattr(hybrid, name, timed(name, getattr(hybrid, name)))


def pct(xs: list[float], p: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, p)), 1) if xs else 0.0


def run(url: str, qs: list, vecs: dict, rounds: int, sequential: bool) -> tuple[dict, dict]:
    emb = sqlite_bench.Fixed(*model_of(url), vecs)
    per: dict[str, dict[str, list[float]]] = {"filtered": defaultdict(list), "unfiltered": defaultdict(list)}
    answers: dict[str, dict[str, list[list[Any]]]] = {"filtered": {}, "unfiltered": {}}
    with opened(url) as st:
        if sequential:
            st.keyword_beside = lambda *a: None  # type: ignore[method-assign]
        for q, m, y in qs[:3]:  # warm the connection, its caches and the pages
            hybrid.search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
        for r in range(rounds):
            for q, m, y in qs:
                for name, kw in (("filtered", {"municipality": m, "year_from": y, "year_to": y + 3}),
                                 ("unfiltered", {})):
                    REC.reset()
                    t = time.perf_counter()
                    hits = hybrid.search(st, q, emb, limit=10, **kw)  # type: ignore[arg-type]
                    wall = time.perf_counter() - t
                    p = per[name]
                    p["TOTAL search()"].append(wall)
                    for k, v in REC.sql.items():
                        p["sql " + k].append(v)
                    for k, v in REC.stage.items():
                        p["stage " + k].append(v)
                        p["  python in " + k].append(v - REC.stage_sql.get(k, 0.0) - REC.stage_child.get(k, 0.0))
                    p["sql (all statements, this thread)"].append(
                        sum(v for k, v in REC.sql.items() if "[beside]" not in k))
                    p["statements"].append(sum(REC.count.values()) / 1000)  # shown x1000 below
                    if r == 0:
                        answers[name][q] = [[h.chunk_id, h.score, h.citation, [c.citation for c in h.also_in]]
                                            for h in hits]
    return per, answers


def model_of(url: str) -> tuple[str, int]:
    with opened(url) as st:
        rec = st.get_model()
        assert rec is not None
        return rec.model_id, rec.dimensions


def summary(per: dict[str, dict[str, list[float]]], n: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, parts in per.items():
        rows = {}
        for k, xs in parts.items():
            # a part that a query did not run counts 0 for it (p50 over all queries)
            xs = xs + [0.0] * (n - len(xs))
            if k == "statements":
                rows[k] = {"mean": round(float(np.mean(xs)) * 1000, 1)}
                continue
            rows[k] = {"p50_ms": pct(xs, 50), "p95_ms": pct(xs, 95), "mean_ms": round(float(np.mean(xs)) * 1000, 1)}
        out[name] = dict(sorted(rows.items(), key=lambda kv: -kv[1].get("mean_ms", 1e9)))
    return out


def compare(mine: dict, theirs: dict) -> dict[str, Any]:
    """Same top-10 ids in the same order per question; a difference among equal scores is a tie."""
    same = ties = cited = 0
    differ = []
    for name, answers in mine.items():
        for q, hits in answers.items():
            other = theirs[name].get(q)
            if other is None:
                continue
            a, b = [h[0] for h in hits], [h[0] for h in other]
            # the citations too (each hit's and its copies'), where both runs hold them
            cited += a == b and all(x[2:] == y[2:] for x, y in zip(hits, other))
            if a == b:
                same += 1
            elif sorted(a) == sorted(b) and all(
                    x[0] == y[0] or abs(x[1] - y[1]) < 1e-9 for x, y in zip(hits, other)):
                ties += 1
            else:
                differ.append({"set": name, "q": q, "mine": a, "theirs": b})
    return {"identical": same, "same_citations": cited, "tie_order_only": ties, "different": len(differ), "differences": differ}


def explain(url: str) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of each costly kind seen."""
    with psycopg.connect(url) as conn:
        from pgvector.psycopg import register_vector

        register_vector(conn)
        conn.execute("SET hnsw.ef_search = 1000")
        conn.execute("SET hnsw.iterative_scan = relaxed_order")
        for k, (s, query, params) in sorted(REC.slowest.items(), key=lambda kv: -kv[1][0])[:4]:
            print(f"\n=== {k}: {s * 1000:.1f} ms", file=sys.stderr)
            for r in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + str(query), params).fetchall():
                print(r[0], file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--sequential", action="store_true", help="the keyword side on the query's own connection")
    ap.add_argument("--answers", type=Path, help="write each question's top 10 here")
    ap.add_argument("--compare", type=Path, help="check the top 10 against this file (another run's --answers)")
    ap.add_argument("--explain", action="store_true")
    ap.add_argument("--out", type=Path, help="write the profile as JSON")
    args = ap.parse_args()
    instrument()
    url = scale.schema_url(scale.server_url(), SCHEMA)
    qs, vecs = scale.queries()
    t0 = time.time()
    per, answers = run(url, qs, vecs, args.rounds, args.sequential)
    report = {"questions": len(qs), "rounds": args.rounds, "sequential": args.sequential,
              "seconds": round(time.time() - t0, 1), "profile": summary(per, len(qs) * args.rounds)}
    if args.answers:
        args.answers.write_text(json.dumps(answers, ensure_ascii=False, indent=0))
    if args.compare:
        report["answers"] = compare(answers, json.loads(args.compare.read_text()))
    text = json.dumps(report, indent=1, ensure_ascii=False)
    if args.out:
        args.out.write_text(text)
    print(text)
    if args.explain:
        explain(url)


if __name__ == "__main__":
    main()
