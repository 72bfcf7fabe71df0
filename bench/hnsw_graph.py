#!/usr/bin/env python3
"""HNSW graph settings on the PostgreSQL benchmark corpus (bench/scale.py's ``scale_<n>``
schema): build an extra graph beside the store's own, and sweep ef_search over several graphs
in the same run, the graphs alternating, so their recall and latency are read side by side.

  build: ``CREATE INDEX <name>`` with the given m / ef_construction on the same expression and
         operator class as the store's index (``pg_index.HNSW_INDEX``), with 2 parallel
         maintenance workers; prints the seconds, the index's size and pgvector's notices (one
         says when the graph stopped fitting in maintenance_work_mem).
  sweep: the exact top 10 of each answerable question (a scan), then for each ef_search and each
         graph: recall@10, "within 1e-3" (ann-benchmarks' recall: a hit as near as the exact
         tenth counts), the exact neighbours no ef_search reached, and the top-10 walk's
         p50/p95. A graph is chosen by dropping the others inside a transaction that is rolled
         back (nothing is dropped for real); EXPLAIN checks the walk uses it.
  drop:  drop an extra graph (never the store's own).

usage: nice python bench/hnsw_graph.py build --m 32 --ef-construction 256 --name hnsw_m32_e256
       nice python bench/hnsw_graph.py sweep --graphs chunk_vectors_hnsw hnsw_m32_e256 --ef 800 1000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import scale  # bench/scale.py: the server, the schema, the questions

from namndkoll.corpus import opened, pg_index


def load() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def build(url: str, name: str, m: int, ef_construction: int, memory: str, workers: int) -> dict:
    """An extra HNSW graph ``name`` over the corpus's vectors; its build seconds and size."""
    import psycopg
    from psycopg import sql

    notices: list[str] = []
    with psycopg.connect(url, autocommit=True) as conn:
        conn.add_notice_handler(lambda d: notices.append(f"{time.strftime('%H:%M:%S')} {d.message_primary}"))
        dims = conn.execute("SELECT dimensions FROM embedding_model").fetchone()[0]
        conn.execute(sql.SQL("SET maintenance_work_mem = {}").format(sql.Literal(memory)))
        conn.execute(sql.SQL("SET max_parallel_maintenance_workers = {}").format(sql.Literal(workers)))
        print(json.dumps({"backend_pid": conn.execute("SELECT pg_backend_pid()").fetchone()[0],
                          "start": time.strftime("%H:%M:%S"), "load": load()}), flush=True)
        t0 = time.perf_counter()
        conn.execute(sql.SQL(
            "CREATE INDEX {} ON chunk_vectors USING hnsw ((embedding::vector({})) vector_cosine_ops)"
            " WITH (m = {}, ef_construction = {})").format(
                sql.Identifier(name), sql.Literal(dims), sql.Literal(m), sql.Literal(ef_construction)))
        secs = time.perf_counter() - t0
        size = conn.execute("SELECT pg_relation_size(to_regclass(%s))", (name,)).fetchone()[0]
    return {"graph": name, "m": m, "ef_construction": ef_construction, "maintenance_work_mem": memory,
            "workers": workers, "build_s": round(secs, 1), "size_mb": round(size / 1e6),
            "load_end": load(), "notices": notices}


def graphs_of(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'chunk_vectors'"
        " AND indexdef LIKE '%USING hnsw%'")]


def sweep(url: str, names: list[str], efs: list[int], repeat: int) -> list[dict]:
    """Recall and walk latency of each graph at each ef_search, graphs alternating per ef."""
    import psycopg

    qs, vecs = scale.queries()
    rows = []
    with opened(url, write=True) as st:  # (a read-only store's transactions cannot drop)
        conn = st.conn
        f_all = st.resolve_filters()
        dims = int(pg_index.get_model(conn).dimensions)  # type: ignore[union-attr]
        all_graphs = graphs_of(conn)
        missing = [n for n in names if n not in all_graphs]
        if missing:
            raise SystemExit(f"no such HNSW index: {missing} (there are {all_graphs})")
        t0 = time.perf_counter()
        top = {q: pg_index.knn(conn, vecs[q], 10, f_all, exact=True) for q, _, _ in qs}
        print(json.dumps({"exact_scan_s": round(time.perf_counter() - t0, 1)}), flush=True)
        exact = {q: {c for c, _ in hits} for q, hits in top.items()}
        tenth = {q: min(s for _, s in hits) for q, hits in top.items() if hits}
        reached: dict[str, set[tuple[str, int]]] = {n: set() for n in names}
        for i, ef in enumerate(efs):
            order = names if i % 2 == 0 else names[::-1]
            for name in order:
                with conn.transaction():
                    for other in all_graphs:
                        if other != name:
                            conn.execute(f'DROP INDEX "{other}"')  # rolled back below
                    conn.execute(f"SET LOCAL hnsw.ef_search = {int(ef)}")
                    plan = "\n".join(r[0] for r in conn.execute(
                        f"EXPLAIN SELECT chunk_id FROM chunk_vectors ORDER BY embedding::vector({dims}) <=> %s"
                        " LIMIT 10", (vecs[qs[0][0]],)))
                    assert name in plan, plan
                    got, near, lat = [], [], []
                    reached_now: set[tuple[str, int]] = set()
                    load0 = load()
                    for r in range(repeat + 1):
                        for q, _, _ in qs:
                            t = time.perf_counter()
                            hits = pg_index.knn(conn, vecs[q], 10, f_all, exact=False)
                            if r:  # (the first round warms the pages this graph and ef_search visit)
                                lat.append(time.perf_counter() - t)
                            elif exact[q]:
                                ids = {c for c, _ in hits}
                                got.append(len(exact[q] & ids) / len(exact[q]))
                                reached_now |= {(q, c) for c in exact[q] & ids}
                                near.append(min(10, sum(s >= tenth[q] - 1e-3 for _, s in hits)) / 10)
                    reached[name] |= reached_now
                    rows.append({"graph": name, "ef_search": ef, "hnsw_recall@10": round(float(np.mean(got)), 4),
                                 "found": len(reached_now), "of": sum(len(exact[q]) for q, _, _ in qs),
                                 "hnsw_recall@10_eps": round(float(np.mean(near)), 4),
                                 "knn_p50_ms": scale.pct(lat, 50), "knn_p95_ms": scale.pct(lat, 95),
                                 "load": f"{load0}-{load()}"})
                    print(json.dumps(rows[-1]), flush=True)
                    raise psycopg.Rollback()  # the dropped graphs come back
        total = sum(len(v) for v in exact.values())
        for name in names:
            rows.append({"graph": name, "exact_neighbours": total,
                         "never_reached": total - len(reached[name])})
            print(json.dumps(rows[-1]), flush=True)
        assert sorted(graphs_of(conn)) == sorted(all_graphs)
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("build", "sweep", "drop"))
    ap.add_argument("--chunks", type=int, default=1_000_000, help="which scale_<n> schema")
    ap.add_argument("--name", help="build/drop: the extra graph's index name")
    ap.add_argument("--m", type=int, default=pg_index.HNSW_M)
    ap.add_argument("--ef-construction", type=int, default=pg_index.HNSW_EF_CONSTRUCTION)
    ap.add_argument("--memory", default="2GB", help="maintenance_work_mem for the build")
    ap.add_argument("--workers", type=int, default=2, help="parallel maintenance workers")
    ap.add_argument("--graphs", nargs="+", default=[pg_index.HNSW_INDEX])
    ap.add_argument("--ef", type=int, nargs="+", default=[800, 1000])
    ap.add_argument("--repeat", type=int, default=2, help="timed rounds per graph and ef_search")
    args = ap.parse_args()
    url = scale.schema_url(scale.server_url(), f"scale_{args.chunks}")
    if args.action == "build":
        print(json.dumps(build(url, args.name, args.m, args.ef_construction, args.memory, args.workers)), flush=True)
    elif args.action == "sweep":
        out = sweep(url, args.graphs, args.ef, args.repeat)
        (HERE / "out" / "hnsw-graphs.json").write_text(json.dumps(out, indent=2))
    else:
        if args.name == pg_index.HNSW_INDEX:
            raise SystemExit("that is the store's own graph: drop it with the store, not here")
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP INDEX IF EXISTS "{args.name}"')


if __name__ == "__main__":
    main()
