#!/usr/bin/env python3
"""What planning every query anew costs: PostgreSQL connections with psycopg's server-side
prepared statements (a query prepared after its ``PREPARE_AFTER``th run on a connection, psycopg's
default) beside connections that make none (``prepare_threshold=None``, what namndkoll used for
every connection so that PgBouncer in transaction mode works), side by side in one run.

Measured, the two alternating (the order swapped every round, so that a loaded machine's drift
falls on both): the filtered hybrid search (and the unfiltered, and the filtered dense side) of
one client, p50/p95 (bench/scale.py's ``single``); 8 client processes released at once
(``concurrent``); and the time to write one document (50 passages with their vectors, in one
transaction, as an ingest's writer does) into the same corpus, each variant on a connection of
its own that writes ``--writes`` documents, alternating document by document.

The corpus: bench/scale.py's PostgreSQL corpus of ``--chunks`` passages (the eval corpus's real
passages and e5 vectors, replicated with a little noise over 10 municipalities, 8 committees,
10 years, 4 types), built in a schema of the bench server (bench/out/pg) if it is not there yet;
its build time is reported. The documents written are removed at the end.

The server's CPU per search (``--cpu-only``: one client, its connections kept, by ``/proc`` per
session; ``--crowd-only``: ``--clients`` at once, by the postmaster's ended children) tells the
variants apart where the machine's load drowns the wall times.

usage: nice python bench/pg_prepare.py [--chunks 100000] [--rounds 4] [--writes 40]
           [--cpu-only | --crowd-only | --writes-only] [--source bench/out/search-eval-default-pdf.db]
Writes bench/out/pg-prepare.json (-cpu, -crowd). 2026-12-01 (h-claims121): docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
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

import scale  # bench/scale.py
import search as sqlite_bench  # bench/search.py

from namndkoll.corpus import opened, postgres
from namndkoll.search.chunking import CHUNKER
from namndkoll.types import Chunk, Document, Metadata, Page, with_offsets

PREPARE_AFTER = 5  # psycopg's default prepare_threshold
VARIANTS = {"prepared": PREPARE_AFTER, "unprepared": None}
_variant: dict[str, Any] = {"threshold": None}
_connect = postgres.connect


def _connect_as_variant(url: str, *, read_only: bool = False) -> Any:
    """``postgres.connect``, its connection's prepare threshold that of the variant measured now
    (forked clients inherit it)."""
    conn = _connect(url, read_only=read_only)
    conn.prepare_threshold = _variant["threshold"]
    return conn


postgres.connect = _connect_as_variant  # type: ignore[assignment]


def variant_url(url: str, name: str) -> str:
    """The corpus's URL for one variant: kept connections (``pg_pool``) are kept per URL, so the
    variants never share one."""
    return f"{url}&application_name=bench_{name}"


def _ticks(conn: Any, app: str) -> dict[int, int]:
    """CPU clock ticks (user + system) each server process of the variant ``app`` has used so far
    (``/proc/PID/stat``: the bench server runs on this machine)."""
    out = {}
    for (pid,) in conn.execute("SELECT pid FROM pg_stat_activity WHERE application_name = %s", (app,)):
        try:
            with open(f"/proc/{int(pid)}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[int(pid)] = int(fields[11]) + int(fields[12])
    return out


def server_cpu(base: str, url: str, name: str, qs: list, qvecs: dict, model_id: str, dims: int,
               repeat: int) -> dict[str, Any]:
    """The server's CPU time per search (every backend of the variant: the search's connection
    and the one its keyword side runs on), by ``/proc``, over ``single``'s three searches per
    question: a machine's load changes the wall time far more than the CPU a query takes."""
    import psycopg

    app = f"bench_{name}"
    with psycopg.connect(base, autocommit=True) as conn:
        scale.single(variant_url(url, name), qs[:5], qvecs, model_id, dims, 1)  # connected and warm
        before = _ticks(conn, app)
        t0 = time.process_time()
        scale.single(variant_url(url, name), qs, qvecs, model_id, dims, repeat)
        client_s = time.process_time() - t0
        after = _ticks(conn, app)
    searches = 3 * len(qs) * repeat
    used = sum(t - before.get(pid, 0) for pid, t in after.items())
    return {"server_cpu_ms_per_search": round(used / os.sysconf("SC_CLK_TCK") * 1000 / searches, 2),
            "client_cpu_ms_per_search": round(client_s * 1000 / searches, 2), "backends": len(after),
            "searches": searches}


def _children_ticks() -> int:
    """CPU clock ticks the bench server's ended processes used (the postmaster's children
    waited for: a concurrent run's client sessions once they ended, and background workers)."""
    pid = int((scale.OUT / "pg" / "postmaster.pid").read_text().split()[0])
    with open(f"/proc/{pid}/stat", encoding="ascii") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[13]) + int(fields[14])


def crowd_cpu(url: str, name: str, clients: int, per_client: int, qs: list, qvecs: dict, model_id: str,
              dims: int) -> dict[str, Any]:
    """``scale.concurrent`` for one variant, with the server's CPU time per search (the sessions
    of the clients, counted once they have ended: each client a process with connections of its own)."""
    before = _children_ticks()
    row = scale.concurrent(variant_url(url, name), clients, per_client, qs, qvecs, model_id, dims)
    time.sleep(1.0)  # the sessions ended and reaped
    used = (_children_ticks() - before) / os.sysconf("SC_CLK_TCK")
    return {**row, "server_cpu_ms_per_search": round(used * 1000 / row["queries"], 2)}


def write_docs(url: str, names: list[str], n: int, texts: list, vecs: np.ndarray) -> dict[str, list[float]]:
    """Seconds per document written (one transaction: the document, 50 passages, their vectors),
    ``n`` per variant, alternating document by document, each variant on a store of its own; and
    (``cpu:NAME``) the server's CPU seconds per document of each variant's session."""
    import psycopg

    rng = np.random.default_rng(1)
    stores = {}
    took: dict[str, list[float]] = {name: [] for name in names}
    with contextlib.ExitStack() as stack:
        for name in names:
            _variant["threshold"] = VARIANTS[name]
            stores[name] = stack.enter_context(opened(variant_url(url, name), write=True))
        look = stack.enter_context(psycopg.connect(url, autocommit=True))
        before = {name: _ticks(look, f"bench_{name}") for name in names}
        for i in range(n):
            for name in (names if i % 2 == 0 else names[::-1]):
                st = stores[name]
                k = f"write-{name}-{i}-{os.getpid()}"
                md = Metadata(f"doc {k}", sqlite_bench.MUNICIPALITIES[i % 10], sqlite_bench.COMMITTEES[i % 8],
                              sqlite_bench.TYPES[i % 4], f"{2015 + i % 10}-03-01", org_kind="kommun")  # type: ignore[arg-type]
                idx = [(i * 50 + j) % len(texts) for j in range(50)]
                chunks = [Chunk(texts[j][0], 0, len(texts[j][0]), 1, 1, texts[j][1], texts[j][2]) for j in idx]
                v = vecs[idx] + rng.normal(0, sqlite_bench.NOISE, (50, vecs.shape[1])).astype(np.float32)
                v /= np.linalg.norm(v, axis=1, keepdims=True)
                t = time.perf_counter()
                with st.transaction():
                    sha = hashlib.sha1(k.encode()).hexdigest()
                    st.hold_content(sha)
                    st.lookup_source(f"bench/{k}.pdf")
                    st.source_with_sha(sha, exclude=f"bench/{k}.pdf")
                    doc_id = st.replace_document(Document(f"bench/{k}.pdf", sha, with_offsets([Page(1, "")]), md))
                    st.replace_chunks(doc_id, chunks, [f"{k}-{j}" for j in range(50)], CHUNKER,
                                      [texts[j][3] for j in idx])
                    st.insert_vectors(st.chunk_ids(doc_id), v.astype(np.float32), None)
                took[name].append(time.perf_counter() - t)
        for name in names:
            after = _ticks(look, f"bench_{name}")
            used = sum(t - before[name].get(pid, 0) for pid, t in after.items())
            took[f"cpu:{name}"] = [used / os.sysconf("SC_CLK_TCK") / n]
        for st in stores.values():  # the documents written removed: the corpus stays as built
            with st.transaction():
                for d in st.list_documents():
                    if d.source.startswith("bench/write-"):
                        st.delete_document(d.id)
    return took


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=1, help="passes over the questions per single-client round")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--per-client", type=int, default=20)
    ap.add_argument("--writes", type=int, default=40, help="documents written per variant")
    ap.add_argument("--source", type=Path, default=scale.OUT / "search-eval-default-pdf.db")
    ap.add_argument("--writes-only", action="store_true", help="only the time to write a document")
    ap.add_argument("--crowd-only", action="store_true",
                    help="only --clients at once, with the server's CPU per search, the variants alternating")
    ap.add_argument("--cpu-only", action="store_true",
                    help="only the server's CPU per search, the variants alternating for --rounds")
    args = ap.parse_args()

    base = scale.server_url()
    texts, vecs, model_id, _ = sqlite_bench.real_chunks(args.source)
    url = scale.schema_url(base, f"scale_{args.chunks}")
    t0 = time.time()
    built = scale.build_pg(url, args.chunks, texts, vecs, model_id, None)
    built["seconds"] = round(time.time() - t0, 1)
    print(json.dumps({"chunks": args.chunks, "build": built}), flush=True)
    qs, qvecs = scale.queries()
    dims = vecs.shape[1]
    names = list(VARIANTS)
    if args.crowd_only:
        rows: dict[str, list[dict]] = {n: [] for n in names}
        for r in range(args.rounds):
            for name in (names if r % 2 == 0 else names[::-1]):
                _variant["threshold"] = VARIANTS[name]
                rows[name].append(crowd_cpu(url, name, args.clients, args.per_client, qs, qvecs, model_id, dims))
                print(json.dumps({"round": r, "variant": name, **rows[name][-1], "load": os.getloadavg()[0]}),
                      flush=True)
        crowd = {name: {k: round(float(np.median([row[k] for row in rs])), 2)
                        for k in ("p50_ms", "p95_ms", "queries_per_s", "server_cpu_ms_per_search")}
                 for name, rs in rows.items()}
        (scale.OUT / "pg-prepare-crowd.json").write_text(json.dumps({"chunks": args.chunks, "rounds": rows,
                                                                    "median": crowd}, indent=2))
        print(json.dumps(crowd, indent=2))
        return
    if args.cpu_only:
        cpu: dict[str, list[dict]] = {n: [] for n in names}
        for r in range(args.rounds):
            for name in (names if r % 2 == 0 else names[::-1]):
                _variant["threshold"] = VARIANTS[name]
                cpu[name].append(server_cpu(base, url, name, qs, qvecs, model_id, dims, args.repeat))
                print(json.dumps({"round": r, "variant": name, **cpu[name][-1], "load": os.getloadavg()[0]}),
                      flush=True)
        summary = {name: {k: round(float(np.median([row[k] for row in rows])), 2)
                          for k in ("server_cpu_ms_per_search", "client_cpu_ms_per_search")}
                   for name, rows in cpu.items()}
        (scale.OUT / "pg-prepare-cpu.json").write_text(json.dumps({"chunks": args.chunks, "rounds": cpu,
                                                                  "median": summary}, indent=2))
        print(json.dumps(summary, indent=2))
        return
    singles: dict[str, list[dict]] = {n: [] for n in VARIANTS}
    crowds: dict[str, list[dict]] = {n: [] for n in VARIANTS}
    for r in range(0 if args.writes_only else args.rounds):
        order = names if r % 2 == 0 else names[::-1]
        for name in order:
            _variant["threshold"] = VARIANTS[name]
            singles[name].append(scale.single(variant_url(url, name), qs, qvecs, model_id, dims, args.repeat))
            crowds[name].append(scale.concurrent(variant_url(url, name), args.clients, args.per_client, qs, qvecs,
                                                 model_id, dims))
            print(json.dumps({"round": r, "variant": name, "single": singles[name][-1],
                              "concurrent": crowds[name][-1], "load": os.getloadavg()[0]}), flush=True)
    took = write_docs(url, names, args.writes, texts, vecs)

    def med(rows: list[dict], key: str) -> float | None:
        return round(float(np.median([row[key] for row in rows])), 1) if rows else None

    report: dict[str, Any] = {"chunks": args.chunks, "build": built, "rounds": args.rounds, "by_variant": {}}
    for name in names:
        w = np.array(took[name]) * 1000
        report["by_variant"][name] = {
            "prepare_threshold": VARIANTS[name],
            "single_hybrid_filtered_p50_ms": med(singles[name], "hybrid_filtered_p50_ms"),
            "single_hybrid_filtered_p95_ms": med(singles[name], "hybrid_filtered_p95_ms"),
            "single_hybrid_unfiltered_p50_ms": med(singles[name], "hybrid_unfiltered_p50_ms"),
            "single_hybrid_unfiltered_p95_ms": med(singles[name], "hybrid_unfiltered_p95_ms"),
            "single_dense_filtered_p50_ms": med(singles[name], "dense_filtered_p50_ms"),
            f"{args.clients}_clients_p50_ms": med(crowds[name], "p50_ms"),
            f"{args.clients}_clients_p95_ms": med(crowds[name], "p95_ms"),
            f"{args.clients}_clients_queries_per_s": med(crowds[name], "queries_per_s"),
            "write_per_document_p50_ms": round(float(np.percentile(w, 50)), 1),
            "write_server_cpu_ms_per_document": round(took[f"cpu:{name}"][0] * 1000, 1),
            "write_per_document_p95_ms": round(float(np.percentile(w, 95)), 1),
            "writes": len(w),
        }
    (scale.OUT / "pg-prepare.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
