#!/usr/bin/env python3
"""One client's hybrid search with the keyword side on a second connection (corpus/beside.py)
beside the same search on one connection, side by side on the same corpora: the benchmark
corpora of bench/scale.py (SQLite file and PostgreSQL schema, built there first).

Every question runs once both ways untimed first (the caches warm), then both ways in turn
(one connection, then beside; the order swapped every round), so the machine's noise falls on both alike; the hits must be the same. Filtered
(a municipality and four years, as bench/scale.py's clients) and unfiltered.

Then N concurrent client processes (bench/scale.py's load generator), one way and then the other.

usage: nice python bench/beside.py [--sizes 1000000] [--rounds 3] [--backends sqlite postgresql]
       [--clients 8] [--per-client 10]
"""

from __future__ import annotations

import argparse
import json
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

import namndkoll.corpus.postgres as pg_mod
import namndkoll.corpus.sqlite as sqlite_mod
from namndkoll.corpus import beside, opened
from namndkoll.search.hybrid import search


def set_parallel(on: bool) -> None:
    for mod in (sqlite_mod, pg_mod):
        mod.PARALLEL_FROM = beside.PARALLEL_FROM if on else 1 << 62  # type: ignore[attr-defined]


def run(db: str, qs: list, vecs: dict, model_id: str, dims: int, rounds: int) -> dict[str, Any]:
    emb = sqlite_bench.Fixed(model_id, dims, vecs)
    lat: dict[str, dict[str, list[float]]] = {w: {"one": [], "beside": []} for w in ("filtered", "unfiltered")}
    same = differ = 0
    with opened(db) as st:
        for q, m, y in qs:  # connect, and bring every question's pages into the caches, both ways
            for on in (False, True):
                set_parallel(on)
                search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
                search(st, q, emb, limit=10)
        for r in range(rounds):
            for q, m, y in qs:
                for which, kw in (("filtered", {"municipality": m, "year_from": y, "year_to": y + 3}),
                                  ("unfiltered", {})):
                    got = {}
                    for on in ((False, True) if r % 2 == 0 else (True, False)):
                        set_parallel(on)
                        t = time.perf_counter()
                        hits = search(st, q, emb, limit=10, **kw)
                        lat[which]["beside" if on else "one"].append(time.perf_counter() - t)
                        got[on] = [(h.chunk_id, h.confidence) for h in hits]
                    same += got[False] == got[True]
                    differ += got[False] != got[True]
    set_parallel(True)
    out: dict[str, Any] = {"same_hits": same, "different_hits": differ}
    for which, ways in lat.items():
        for way, xs in ways.items():
            out[f"{which}_{way}_p50_ms"] = scale.pct(xs, 50)
            out[f"{which}_{way}_p95_ms"] = scale.pct(xs, 95)
        out[f"{which}_p50_ratio"] = round(out[f"{which}_beside_p50_ms"] / out[f"{which}_one_p50_ms"], 3)
        out[f"{which}_p95_ratio"] = round(out[f"{which}_beside_p95_ms"] / out[f"{which}_one_p95_ms"], 3)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[1_000_000])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    ap.add_argument("--source", type=Path, default=scale.OUT / "search-eval.db")
    ap.add_argument("--clients", type=int, nargs="*", default=[8], help="concurrent clients, both ways")
    ap.add_argument("--per-client", type=int, default=10)
    args = ap.parse_args()
    _, vecs, model_id, _ = sqlite_bench.real_chunks(args.source)
    qs, qvecs = scale.queries()
    dims = vecs.shape[1]
    rows = []
    for n in args.sizes:
        for backend in args.backends:
            if backend == "sqlite":
                db = str(scale.OUT / f"search-{n}.db")
                if not Path(db).exists():
                    sys.exit(f"{db} is missing: build it with bench/scale.py --sizes {n} --build-only")
            else:
                db = scale.schema_url(scale.server_url(), f"scale_{n}")
            row = {"chunks": n, "backend": backend, **run(db, qs, qvecs, model_id, dims, args.rounds)}
            for c in args.clients:  # N client processes (forked: they inherit the switch), both ways
                for on in (False, True):
                    set_parallel(on)
                    got = scale.concurrent(db, c, args.per_client, qs, qvecs, model_id, dims)
                    row[f"clients_{c}_{'beside' if on else 'one'}"] = got
            set_parallel(True)
            print(json.dumps(row), flush=True)
            rows.append(row)
    (scale.OUT / "beside.json").write_text(json.dumps(rows, indent=2))
    print("| chunks | backend | filtered p50 / p95, one connection | beside | ratio p50 / p95 "
          "| unfiltered p50 / p95, one | beside | ratio p50 / p95 | same hits |")
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['chunks']:,} | {r['backend']} "
              f"| {r['filtered_one_p50_ms']} / {r['filtered_one_p95_ms']} "
              f"| {r['filtered_beside_p50_ms']} / {r['filtered_beside_p95_ms']} "
              f"| {r['filtered_p50_ratio']} / {r['filtered_p95_ratio']} "
              f"| {r['unfiltered_one_p50_ms']} / {r['unfiltered_one_p95_ms']} "
              f"| {r['unfiltered_beside_p50_ms']} / {r['unfiltered_beside_p95_ms']} "
              f"| {r['unfiltered_p50_ratio']} / {r['unfiltered_p95_ratio']} "
              f"| {r['same_hits']} of {r['same_hits'] + r['different_hits']} |")
    for r in rows:
        for c in args.clients:
            one, bes = r[f"clients_{c}_one"], r[f"clients_{c}_beside"]
            print(f"{r['backend']} {r['chunks']:,}, {c} clients: one connection p50 {one['p50_ms']} p95 "
                  f"{one['p95_ms']} ms {one['queries_per_s']} q/s; beside p50 {bes['p50_ms']} p95 {bes['p95_ms']} "
                  f"ms {bes['queries_per_s']} q/s")


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
