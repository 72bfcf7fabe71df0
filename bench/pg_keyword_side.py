#!/usr/bin/env python3
"""The keyword side of the 1M PostgreSQL search, this checkout's ``pg_keywords.keyword`` beside
another checkout's (``--base``, a git ref), on the same connection, interleaved per call.

The calls are those one ``search()`` makes per bench question (bench/scale.py's questions,
filtered by municipality and years, and unfiltered), recorded once through the product's path;
each round runs every call with both versions (order alternating), so the machine's noise falls
on both. Prints p50 / p95 per side and version, their ratios, and whether the two versions
return the same (chunk id, score) lists.

usage: nice python bench/pg_keyword_side.py [--base main] [--rounds 2] [--warmup 1]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
import types
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import scale
import search as sqlite_bench

from namndkoll.corpus import opened, pg_keywords
from namndkoll.search import hybrid

SCHEMA = "scale_1000000"


def base_module(ref: str) -> types.ModuleType:
    """``pg_keywords`` as it is at ``ref``, imported beside this checkout's (same package)."""
    src = subprocess.run(["git", "show", f"{ref}:namndkoll/corpus/pg_keywords.py"], cwd=HERE.parent,
                         check=True, capture_output=True, text=True).stdout
    path = Path(tempfile.mkdtemp()) / "pg_keywords_base.py"
    path.write_text(src, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("namndkoll.corpus._pg_keywords_base", path)
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def record(url: str) -> list[tuple[str, Any, int, Any]]:
    """The keyword() calls of one search() per question, filtered and unfiltered."""
    qs, vecs = scale.queries()
    calls: list[tuple[str, Any, int, Any]] = []
    side = ["filtered"]
    original = pg_keywords.keyword

    def keep(conn: Any, terms: Any, k: int, f: Any) -> Any:
        if f.chunk_ids is None:  # the question's own keyword side, not a look-up among given passages
            calls.append((side[0], terms, k, f))
        return original(conn, terms, k, f)

    pg_keywords.keyword = keep  # type: ignore[assignment]
    try:
        with opened(url) as st:
            st.keyword_beside = lambda *a: None  # type: ignore[method-assign]
            model = st.get_model()
            assert model is not None
            emb = sqlite_bench.Fixed(model.model_id, model.dimensions, vecs)
            for q, m, y in qs:
                side[0] = "filtered"
                hybrid.search(st, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
                side[0] = "unfiltered"
                hybrid.search(st, q, emb, limit=10)
    finally:
        pg_keywords.keyword = original  # type: ignore[assignment]
    return calls


def pct(xs: list[float], p: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, p)), 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    args = ap.parse_args()
    base = base_module(args.base)
    url = scale.schema_url(scale.server_url(), SCHEMA)
    calls = record(url)
    times: dict[tuple[str, str], list[float]] = {}
    same = differ = 0
    overlap: list[float] = []  # top-5 ids shared, per call
    with opened(url) as st:
        conn = st.conn
        # untimed rounds first: the first call of a question pays the session's look-ups (word
        # statistics, estimates) and cold pages, and in round 0 the same version of each side
        # went first everywhere (calls alternate filtered / unfiltered), so it fell on one side
        for r in range(-args.warmup, args.rounds):
            for i, (side, terms, k, f) in enumerate(calls):
                out = {}
                order = [("base", base.keyword), ("this", pg_keywords.keyword)]
                if (i + r) % 2:
                    order.reverse()
                for name, fn in order:
                    t = time.perf_counter()
                    out[name] = fn(conn, terms, k, f)
                    if r >= 0:
                        times.setdefault((side, name), []).append(time.perf_counter() - t)
                if r == -args.warmup:
                    a, b = out["base"], out["this"]
                    ok = [x[0] for x in a] == [x[0] for x in b] and all(
                        abs(x[1] - y[1]) < 1e-9 for x, y in zip(a, b))
                    same += ok
                    top = {x[0] for x in a[:5]}
                    overlap.append(len(top & {x[0] for x in b[:5]}) / len(top) if top else 1.0)
                    differ += not ok
    report: dict[str, Any] = {"calls": len(calls), "rounds": args.rounds, "base": args.base,
                              "same_results": same, "different_results": differ,
                              "top5_overlap_mean": round(float(np.mean(overlap)), 3),
                              "top5_overlap_min": round(min(overlap), 2)}
    for side in ("filtered", "unfiltered"):
        b, t = times[(side, "base")], times[(side, "this")]
        report[side] = {"base_p50_p95_ms": [pct(b, 50), pct(b, 95)], "this_p50_p95_ms": [pct(t, 50), pct(t, 95)],
                        "ratio_p50_p95": [round(pct(t, 50) / pct(b, 50), 2), round(pct(t, 95) / pct(b, 95), 2)],
                        "sum_s": [round(sum(b), 2), round(sum(t), 2)]}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
