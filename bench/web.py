#!/usr/bin/env python3
"""Latency of `namndkoll serve` at 100k chunks: p50/p95 of /api/search (the real e5 model warm
in the server, embedding every query) and of a page image (first render, then cached), each
beside a baseline measured in the same run: the same search called in-process without HTTP,
and the same PNG read straight from the cache folder. Then 20 concurrent clients (search,
page images and HTML pages mixed) against the one server on SQLite in WAL mode: errors counted.

The corpus is built as bench/search.py builds its corpora (real chunks with their real
vectors, replicated with a little noise over 10 municipalities, 8 committees, 10 years), from
bench/out/search-eval.db when it is there, else from the bundled sample ingested with the real
model (68 distinct passages: a harsher keyword side, every term matching ~1/68 of the corpus).
The sample PDFs are added as documents (no chunks) so that their pages can be rendered.
The server runs in its own process (uvicorn), the clients here with httpx.

With --postgresql the server serves bench/scale.py's PostgreSQL corpus of that size instead
(the sample's documents added to it for their pages).

usage: nice python bench/web.py [--chunks 100000] [--requests 60] [--clients 20] [--postgresql]
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_NUM_THREADS", "1")  # as `namndkoll serve` runs, for the baseline too

import argparse
import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from search import MUNICIPALITIES, build, real_chunks

from namndkoll import api
from namndkoll.corpus import opened


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.array(xs) * 1000, p)) if xs else float("nan")


def source_db(arg: Path | None) -> Path:
    if arg:
        return arg
    if (OUT / "search-eval.db").exists():
        return OUT / "search-eval.db"
    src = OUT / "web-sample.db"
    if not src.exists():
        print(
            "building the source corpus from sample/ with the real model ...",
            file=sys.stderr,
            flush=True,
        )
        api.ingest([REPO / "sample"], db=src)
    return src


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path | str, cache: Path, port: int) -> subprocess.Popen[bytes]:
    code = (
        "import sys, uvicorn; from namndkoll.web import create_app; "
        f"uvicorn.run(create_app({str(db)!r}, read_only=True, cache_dir={str(cache)!r}), "
        f"host='127.0.0.1', port={port}, log_level='warning')"
    )
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "OMP_NUM_THREADS": "1",
    }  # as `namndkoll serve` sets it
    return subprocess.Popen([sys.executable, "-c", code], env=env)


def wait_ready(client: object, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        if proc.poll() is not None:
            sys.exit(f"the server exited with {proc.returncode}")
        with contextlib.suppress(OSError, httpx.HTTPError):  # not listening yet
            if client.get("/api/health").status_code == 200:  # type: ignore[attr-defined]
                return
        time.sleep(0.2)
    sys.exit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--chunks", type=int, default=100_000)
    ap.add_argument("--source", type=Path, default=None)
    ap.add_argument(
        "--requests",
        type=int,
        default=49,
        help="timed requests per measurement (distinct questions)",
    )
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--per-client", type=int, default=15, help="requests per concurrent client")
    ap.add_argument("--postgresql", action="store_true",
                    help="serve bench/scale.py's PostgreSQL corpus of --chunks (built there first)")
    args = ap.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    src = source_db(args.source)
    texts, vecs, model_id, _center = real_chunks(src)
    db: Path | str
    if args.postgresql:
        import scale  # bench/scale.py: its server and corpora

        db = scale.schema_url(scale.server_url(), f"scale_{args.chunks}")
        with opened(db) as store:
            if store.chunk_total() < args.chunks * 0.9:
                sys.exit(f"no PostgreSQL corpus of {args.chunks} chunks: run bench/scale.py --sizes "
                         f"{args.chunks} --build-only first")
    else:
        db = OUT / f"web-{args.chunks}.db"
        build(db, args.chunks, texts, vecs, model_id)
    with opened(db) as store:
        have = [d for d in store.list_documents() if d.source.startswith(str(REPO / "sample"))]
    if not have:
        api.ingest(
            [REPO / "sample"], db=db, index=False, extract=False
        )  # pages to render, no chunks
    with opened(db, write=True) as store:
        journal = ("postgresql" if args.postgresql
                   else store.conn.execute("PRAGMA journal_mode").fetchone()[0])  # type: ignore[attr-defined]
        sample = [d for d in store.list_documents() if d.source.startswith(str(REPO / "sample"))]
        doc = max(sample, key=lambda d: d.pages)
        pages = store.load_document(doc.id).pages
        chunks = store.chunk_total()

    questions = [
        q["q"]
        for q in json.loads((REPO / "bench/questions.json").read_text(encoding="utf-8"))
        if q.get("answerable", True)
    ]
    plan = [(q, MUNICIPALITIES[i % 10], 2017 + i % 5) for i, q in enumerate(questions)]
    # each question once: the server remembers recent query vectors, a repeat would skip the model
    plan = plan[: args.requests]

    cache = OUT / "web-cache"
    if cache.exists():
        import shutil

        shutil.rmtree(cache)
    port = free_port()
    proc = start_server(db, cache, port)
    base = f"http://127.0.0.1:{port}"
    try:
        client = httpx.Client(base_url=base, timeout=120)
        wait_ready(client, proc)
        # warm: the model (loaded at start-up), the page cache of SQLite
        for q, m, y in [("uppvärmning av servern", "Lund", 2019)] * 3:
            client.get("/api/search", params={"q": q, "municipality": m, "from": y, "to": y + 3})

        # baseline: the same searches in this process, no HTTP, the same model warm
        from namndkoll.search import search
        from namndkoll.search.embed import get_embedder

        emb = get_embedder(model_id)
        emb.embed(["uppvärmning"], kind="query")
        direct, http_s, http_unf = [], [], []
        with opened(db) as store:
            for q, m, y in plan:
                t = time.perf_counter()
                # as /api/search does: ten hits ranked, facets over up to 50
                search(store, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=50, breadth=10)
                direct.append(time.perf_counter() - t)
        errors = 0
        for q, m, y in plan:
            t = time.perf_counter()
            r = client.get(
                "/api/search", params={"q": q, "municipality": m, "from": y, "to": y + 3}
            )
            http_s.append(time.perf_counter() - t)
            errors += r.status_code != 200
        for q, _m, _y in plan:  # the same questions again, unfiltered: their vectors are remembered
            t = time.perf_counter()
            r = client.get("/api/search", params={"q": q})
            http_unf.append(time.perf_counter() - t)
            errors += r.status_code != 200

        # page images: each page once (rendered), then again (cached); baseline: the PNG from disk
        first, cached, disk = [], [], []
        spans = [(p.number, p.start, min(p.end, p.start + 400)) for p in pages if p.text]
        for n, a, b in spans:
            t = time.perf_counter()
            r = client.get(f"/documents/{doc.id}/pages/{n}.png", params={"highlight": f"{a}-{b}"})
            first.append(time.perf_counter() - t)
            errors += r.status_code != 200
        for _ in range(max(1, args.requests // len(spans))):
            for n, a, b in spans:
                t = time.perf_counter()
                r = client.get(
                    f"/documents/{doc.id}/pages/{n}.png", params={"highlight": f"{a}-{b}"}
                )
                cached.append(time.perf_counter() - t)
                errors += r.status_code != 200
        files = sorted(cache.rglob("*.png"))
        for _ in range(max(1, args.requests // max(len(files), 1))):
            for f in files:
                t = time.perf_counter()
                f.read_bytes()
                disk.append(time.perf_counter() - t)

        # 20 clients at once: search (filtered and not), page images, the HTML search page
        load: list[float] = []
        failures: list[str] = []
        lock = threading.Lock()

        def worker(k: int) -> None:
            with httpx.Client(base_url=base, timeout=120) as c:
                for i in range(args.per_client):
                    q, m, y = plan[(k * 7 + i) % len(plan)]
                    q = f"{q} {k} {i}"  # a new question each time: the model runs for every search
                    n, a, b = spans[(k + i) % len(spans)]
                    kind = i % 4
                    url, params = (
                        ("/api/search", {"q": q, "municipality": m, "from": y, "to": y + 3}),
                        ("/api/search", {"q": q}),
                        (f"/documents/{doc.id}/pages/{n}.png", {"highlight": f"{a}-{b}"}),
                        ("/search", {"q": q}),
                    )[kind]
                    t = time.perf_counter()
                    try:
                        r = c.get(url, params=params)
                        ok = r.status_code == 200
                        why = f"{url} -> {r.status_code}"
                    except Exception as exc:  # noqa: BLE001 - counted, not raised
                        ok, why = False, f"{url} -> {type(exc).__name__}"
                    with lock:
                        load.append(time.perf_counter() - t)
                        if not ok:
                            failures.append(why)

        t0 = time.perf_counter()
        threads = [threading.Thread(target=worker, args=(k,)) for k in range(args.clients)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=30)

    res = {
        "chunks": chunks,
        "source": src.name,
        "journal_mode": journal,
        "requests": len(plan),
        "direct_search_p50_ms": pct(direct, 50),
        "direct_search_p95_ms": pct(direct, 95),
        "api_search_p50_ms": pct(http_s, 50),
        "api_search_p95_ms": pct(http_s, 95),
        "api_search_unfiltered_remembered_p50_ms": pct(http_unf, 50),
        "api_search_unfiltered_remembered_p95_ms": pct(http_unf, 95),
        "http_over_direct_p50": pct(http_s, 50) / pct(direct, 50),
        "page_first_p50_ms": pct(first, 50),
        "page_first_p95_ms": pct(first, 95),
        "page_cached_p50_ms": pct(cached, 50),
        "page_cached_p95_ms": pct(cached, 95),
        "png_from_disk_p50_ms": pct(disk, 50),
        "png_from_disk_p95_ms": pct(disk, 95),
        "sequential_errors": errors,
        "concurrent_clients": args.clients,
        "concurrent_requests": len(load),
        "concurrent_errors": len(failures),
        "concurrent_p50_ms": pct(load, 50),
        "concurrent_p95_ms": pct(load, 95),
        "concurrent_requests_per_s": len(load) / wall,
        "first_failures": failures[:5],
    }
    (OUT / f"web-latency{'-pg' if args.postgresql else ''}.json").write_text(json.dumps(res, indent=2))
    print(json.dumps(res, indent=2))


if __name__ == "__main__":
    main()
