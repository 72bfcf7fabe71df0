#!/usr/bin/env python3
"""Cold-start wall time of `namndkoll search` beside `namndkoll documents` (the floor: Python,
the CLI and opening the corpus), each a fresh process, alternating, median of N.

``--base DIR`` also times another checkout's namndkoll (e.g. the commit before a change) on the
same corpus, in the same alternating rounds. Each command runs in its checkout's folder: ``python -m``
puts the current folder first on the path, so a base run started from this checkout timed this
checkout's code. Beside the wall time, the CPU seconds each process used (user + system, its
threads together), which a machine shared with other work changes far less.

usage: python bench/search_cold.py --db sample.db [--rounds 5] [--base /tmp/base] [--more]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
QUERY = "Vem blev ny ersättare för Vänsterpartiet?"


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def timed(code_dir: Path, args: list[str]) -> tuple[float, float]:
    """Wall and CPU seconds of one ``namndkoll ARGS`` run with ``code_dir``'s code."""
    # bytecode written on the warm-up run, as an installed package has it
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(code_dir)}
    t, c = time.perf_counter(), _cpu()
    subprocess.run([sys.executable, "-m", "namndkoll.cli", *args], env=env, check=True, cwd=code_dir,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t, _cpu() - c


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--base", type=Path, help="another checkout to time beside this one")
    ap.add_argument("--more", action="store_true", help="also `namndkoll --help` and `namndkoll figures`")
    args = ap.parse_args()
    args.db = str(Path(args.db).resolve())  # each run starts in its checkout's folder
    commands: dict[str, list[str]] = {
        "documents": ["documents", "--db", args.db],
        "search": ["search", QUERY, "--db", args.db, "--limit", "3"],
    }
    if args.more:
        commands["--help"] = ["--help"]
        commands["figures"] = ["figures", "--db", args.db, "--limit", "15"]
    runs: dict[str, tuple[Path, list[str]]] = {}
    for name, cmd in commands.items():
        runs[name] = (REPO, cmd)
        if args.base and (name != "documents" or args.more):
            runs[f"{name} (base)"] = (args.base, cmd)
    for code, cmd in runs.values():  # warm the page cache and write any one-time files
        timed(code, cmd)
    times: dict[str, list[float]] = {k: [] for k in runs}
    cpus: dict[str, list[float]] = {k: [] for k in runs}
    load0 = os.getloadavg()[0]
    for _ in range(args.rounds):
        for k, (code, cmd) in runs.items():
            wall, cpu = timed(code, cmd)
            times[k].append(wall)
            cpus[k].append(cpu)
    print(f"load average {load0:.1f} -> {os.getloadavg()[0]:.1f}; {args.rounds} alternating rounds; "
          f"query {QUERY!r}\n")
    print("| command | median s | min s | all | CPU s median |\n|---|---|---|---|---|")
    for k, v in times.items():
        print(f"| {k} | {statistics.median(v):.2f} | {min(v):.2f} | {', '.join(f'{x:.2f}' for x in v)} "
              f"| {statistics.median(cpus[k]):.2f} |")


if __name__ == "__main__":
    main()
