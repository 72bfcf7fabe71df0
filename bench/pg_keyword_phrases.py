#!/usr/bin/env python3
"""The PostgreSQL keyword side counting phrases as FTS5 does (a form or stem of several words
in a row), beside another checkout's ``pg_keywords`` (``--base``), on bench/pg_migrate_words.py's
fresh corpus (schema mig_fresh: the search eval passages repeated, 100k by default; run that
first), on one connection, interleaved per call.

Calls: the keyword side of each question of the tunable splits (``keyword_plan``'s terms, as a
search asks), unfiltered and filtered on the question's first passage's municipality. Prints
p50 / p95 per version and whether both return the same (chunk id, score) lists.

The corpus has no word statistics (chunk_terms): every word's count is 0 there, so no question's
candidates are narrowed to its rarer words (``_preselection``) and the calls are slower than on a
corpus that ``optimize()`` has run on; both versions alike.

usage: nice python bench/pg_keyword_phrases.py [--base main] [--rounds 2] [--questions 200]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from pg_keyword_side import base_module
from scale import pct, schema_url, server_url
from search_misses import TUNABLE

from namndkoll.corpus import opened, pg_keywords
from namndkoll.search.plan import keyword_plan


def questions() -> list[str]:
    out = []
    for split in TUNABLE:
        data = json.loads((HERE / "questions" / f"{split}.json").read_text(encoding="utf-8"))
        out += [q["q"] for q in (data if isinstance(data, list) else data["questions"])]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="main")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--schema", default="mig_fresh")
    ap.add_argument("--questions", type=int, default=200, help="the first N questions of the tunable splits")
    args = ap.parse_args()
    base = base_module(args.base)
    url = schema_url(server_url(), args.schema)
    times: dict[str, list[float]] = {"base": [], "this": []}
    same = differ = 0
    with opened(url) as st:
        conn = st.conn
        towns = [r[0] for r in conn.execute("SELECT DISTINCT municipality FROM chunks WHERE municipality IS NOT NULL"
                                            " ORDER BY 1")]
        calls: list[tuple[Any, Any]] = []
        for i, q in enumerate(questions()[: args.questions]):
            terms = keyword_plan(st, q)
            f = st.resolve_filters()
            calls.append((terms, f))
            calls.append((terms, replace(f, municipalities=(towns[i % len(towns)],))))
        for r in range(-1, args.rounds):
            for i, (terms, f) in enumerate(calls):
                out = {}
                order = [("base", base.keyword), ("this", pg_keywords.keyword)]
                if (i + r) % 2:
                    order.reverse()
                for name, fn in order:
                    t = time.perf_counter()
                    out[name] = fn(conn, terms, 100, f)
                    if r >= 0:
                        times[name].append(time.perf_counter() - t)
                if r == -1:
                    a, b = out["base"], out["this"]
                    ok = [x[0] for x in a] == [x[0] for x in b] and all(abs(x[1] - y[1]) < 1e-9 for x, y in zip(a, b))
                    same += ok
                    differ += not ok
    print(json.dumps({"calls": len(calls), "rounds": args.rounds, "base": args.base, "same_results": same,
                      "different_results": differ,
                      "base_p50_p95_ms": [pct(times["base"], 50), pct(times["base"], 95)],
                      "this_p50_p95_ms": [pct(times["this"], 50), pct(times["this"], 95)],
                      "sum_s": [round(sum(times["base"]), 2), round(sum(times["this"]), 2)]}, indent=1))


if __name__ == "__main__":
    main()
