#!/usr/bin/env python3
"""Cold-start wall time of `namndkoll search` beside `namndkoll documents` (the floor: Python,
the CLI and opening the corpus), each a fresh process, alternating, median of N.

``--base DIR`` also times another checkout's namndkoll (e.g. the commit before a change) on the
same corpus, in the same alternating rounds.

usage: python bench/search_cold.py --db sample.db [--rounds 5] [--base /tmp/base]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERY = "Vem blev ny ersättare för Vänsterpartiet?"


def timed(code_dir: Path, args: list[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(code_dir)}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "namndkoll.cli", *args], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--base", type=Path, help="another checkout to time beside this one")
    args = ap.parse_args()
    runs: dict[str, tuple[Path, list[str]]] = {
        "documents": (REPO, ["documents", "--db", args.db]),
        "search": (REPO, ["search", QUERY, "--db", args.db, "--limit", "3"]),
    }
    if args.base:
        runs["search (base)"] = (args.base, ["search", QUERY, "--db", args.db, "--limit", "3"])
    for code, cmd in runs.values():  # warm the page cache and write any one-time files
        timed(code, cmd)
    times: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(args.rounds):
        for k, (code, cmd) in runs.items():
            times[k].append(timed(code, cmd))
    print(f"load average {os.getloadavg()[0]:.1f}; {args.rounds} alternating rounds; query {QUERY!r}\n")
    print("| command | median s | min s | all |\n|---|---|---|---|")
    for k, v in times.items():
        print(f"| {k} | {statistics.median(v):.2f} | {min(v):.2f} | {', '.join(f'{x:.2f}' for x in v)} |")


if __name__ == "__main__":
    main()
