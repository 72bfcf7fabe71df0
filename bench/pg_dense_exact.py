#!/usr/bin/env python3
"""The dense side's exact scan of a filter's rows on the 1M PostgreSQL bench corpus: ways of
running the same statement side by side, on one connection, interleaved per call.

A filtered search whose filter leaves at most ``EXACT_FILTERED`` vectors compares every one of
them (``pg_index.knn(exact=True)``): at 1M passages a municipality and four years leave ~43k.
Each variant runs that statement for the bench's 49 questions (bench/scale.py's filters, the
store's 50 candidates); every round runs every question with every variant, the order rotating
per call, after one untimed round. Prints p50 / p95 per variant, its ratio to ``bitmap`` (the
plan main's code gets), and whether each variant returned the same (chunk id, distance) list.

Variants (the plan and settings, the statement is the same):
- ``bitmap``: as main: the planner's bitmap heap scan of the filter index;
- ``index``: ``SET LOCAL enable_bitmapscan = off`` in a transaction (round trips counted):
  a plain scan of the filter index, the rows in index order;
- ``parallel``: main's statement with parallel costs at 0, so two workers share the scan;
- ``hnsw``: pgvector's HNSW walk with the filter and iterative scans (ef_search 1000), as an
  unfiltered search goes: approximate, so its lists are compared with ``bitmap``'s;
- ``inner``: ``<#>`` (negative inner product) instead of ``<=>``, for the cost of the distance
  alone (its order is the cosine's only for unit vectors; not a candidate for the product).

``--parts``: where the statement's time goes, by statements that each do one step more over the
same rows (the bitmap alone; the heap tuples visited; the vector read; its distance; the top-50
sort), interleaved the same way.

usage: nice python bench/pg_dense_exact.py [--rounds 3] [--variants bitmap index] [--parts]
"""

from __future__ import annotations

import argparse
import sys
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
from pgvector.psycopg import register_vector

SCHEMA = "scale_1000000"
K = 50  # hybrid.rank's candidates
WHERE = "municipality = ANY(%s) AND year >= %s AND year <= %s"
COS = f"SELECT chunk_id, embedding <=> %s AS d FROM chunk_vectors WHERE {WHERE} ORDER BY d, chunk_id LIMIT %s"
SETTINGS = {
    "bitmap": [],
    "index": ["SET LOCAL enable_bitmapscan = off"],
    "parallel": ["SET LOCAL parallel_setup_cost = 0", "SET LOCAL parallel_tuple_cost = 0"],
    "inner": [],
    # pgvector's filtered HNSW walk (the unfiltered search's path), at the 1M corpus's ef_search
    "hnsw": ["SET LOCAL hnsw.ef_search = 1000", "SET LOCAL hnsw.iterative_scan = relaxed_order"],
}
HNSW = ("WITH near AS MATERIALIZED (SELECT chunk_id, embedding::vector(384) <=> %s AS d FROM chunk_vectors"
        f" WHERE {WHERE} ORDER BY embedding::vector(384) <=> %s LIMIT %s) SELECT chunk_id, d FROM near ORDER BY d, chunk_id")


PARTS = {
    "the filter's bitmap: count(*)": f"SELECT count(*) FROM chunk_vectors WHERE {WHERE}",
    "+ each heap tuple: count(*) with chunk_id > 0": f"SELECT count(*) FROM chunk_vectors WHERE {WHERE} AND chunk_id > 0",
    "+ the vector read: sum(vector_dims(embedding))": f"SELECT sum(vector_dims(embedding)) FROM chunk_vectors WHERE {WHERE}",
    "+ the distance: min(embedding <=> q)": f"SELECT min(embedding <=> %s) FROM chunk_vectors WHERE {WHERE}",
    "+ the top-50 sort: the statement": COS,
}


def parts(conn: Any, qs: list, vecs: dict, rounds: int) -> None:
    times: dict[str, list[float]] = defaultdict(list)
    names = list(PARTS)
    for rnd in range(rounds + 1):
        for i, (q, m, y) in enumerate(qs):
            v = np.asarray(vecs[q], dtype=np.float32)
            for name in names[i % len(names):] + names[:i % len(names)]:
                stmt = PARTS[name]
                asks_q = "%s" in stmt.split(" FROM ")[0]  # the query vector in the select list
                args = ([v] if asks_q else []) + [[m], y, y + 3] + ([K] if "LIMIT" in stmt else [])
                t = time.perf_counter()
                conn.execute(stmt, args).fetchall()
                if rnd:
                    times[name].append(time.perf_counter() - t)
    print("| step (43k rows) | p50 / p95 ms |")
    print("|---|---|")
    for name in names:
        print(f"| {name} | {pct(times[name], 50)} / {pct(times[name], 95)} |")


def run_one(conn: Any, variant: str, v: np.ndarray, m: str, y: int) -> list[tuple[int, float]]:
    stmt = COS.replace("<=>", "<#>") if variant == "inner" else HNSW if variant == "hnsw" else COS
    args = [v, [m], y, y + 3, v, K] if variant == "hnsw" else [v, [m], y, y + 3, K]
    if not SETTINGS[variant]:
        return conn.execute(stmt, args).fetchall()  # type: ignore[no-any-return]
    with conn.transaction():
        for s in SETTINGS[variant]:
            conn.execute(s)
        return conn.execute(stmt, args).fetchall()  # type: ignore[no-any-return]


def pct(xs: list[float], p: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, p)), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--variants", nargs="+", default=["bitmap", "index", "parallel"], choices=list(SETTINGS))
    ap.add_argument("--parts", action="store_true", help="where the statement's time goes (no variants)")
    ap.add_argument("--explain", action="store_true", help="EXPLAIN (ANALYZE, BUFFERS) of each variant, first question")
    args = ap.parse_args()
    url = scale.schema_url(scale.server_url(), SCHEMA)
    qs, vecs = scale.queries()
    times: dict[str, list[float]] = defaultdict(list)
    same: dict[str, int] = defaultdict(int)
    top10: dict[str, int] = defaultdict(int)  # the first 10 ids identical
    found: dict[str, int] = defaultdict(int)  # of the base's first 10, how many are in the list
    with psycopg.connect(url, autocommit=True) as conn:
        register_vector(conn)
        if args.parts:
            parts(conn, qs, vecs, args.rounds)
            return
        if args.explain:
            q, m, y = qs[0]
            v = np.asarray(vecs[q], dtype=np.float32)
            for var in args.variants:
                with conn.transaction():
                    for s in SETTINGS[var]:
                        conn.execute(s)
                    stmt = COS.replace("<=>", "<#>") if var == "inner" else HNSW if var == "hnsw" else COS
                    a = [v, [m], y, y + 3, v, K] if var == "hnsw" else [v, [m], y, y + 3, K]
                    plan = conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + stmt, a).fetchall()
                print(f"=== {var}", file=sys.stderr)
                for r in plan:
                    if "Sort Key" not in r[0]:
                        print(r[0], file=sys.stderr)
        for rnd in range(args.rounds + 1):  # round 0: untimed (cold pages, plans)
            for i, (q, m, y) in enumerate(qs):
                v = np.asarray(vecs[q], dtype=np.float32)
                order = args.variants[i % len(args.variants):] + args.variants[:i % len(args.variants)]
                got = {}
                for var in order:
                    t = time.perf_counter()
                    got[var] = run_one(conn, var, v, m, y)
                    if rnd:
                        times[var].append(time.perf_counter() - t)
                if rnd == 1:
                    base = [(int(a), float(b)) for a, b in got[args.variants[0]]]
                    for var in args.variants:
                        mine = [(int(a), float(b)) for a, b in got[var]]
                        same[var] += mine == base
                        top10[var] += [a for a, _ in mine[:10]] == [a for a, _ in base[:10]]
                        found[var] += len({a for a, _ in base[:10]} & {a for a, _ in mine})
    base = times[args.variants[0]]
    print(f"{len(qs)} questions x {args.rounds} rounds, k {K}; same list as {args.variants[0]} (of {len(qs)})")
    print("| variant | p50 / p95 ms | ratio p50 / p95 | same lists | same top 10 | base's top 10 found |")
    print("|---|---|---|---|---|---|")
    for var in args.variants:
        xs = times[var]
        print(f"| {var} | {pct(xs, 50)} / {pct(xs, 95)} | {pct(xs, 50) / pct(base, 50):.2f} / "
              f"{pct(xs, 95) / pct(base, 95):.2f} | {same[var]} | {top10[var]} | {found[var] / (10 * len(qs)):.3f} |")


if __name__ == "__main__":
    main()
