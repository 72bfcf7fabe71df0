#!/usr/bin/env python3
"""What reading every file in a worker process costs: this checkout against a baseline
checkout (one that read files in the main process with --jobs 1), side by side.

Each run is a fresh interpreter doing ``namndkoll.api.ingest(files, jobs=1, index=False)``
into a new database; the variants alternate round by round so that machine noise hits both.
Reported: median wall seconds, the ratio to the baseline, and peak memory (the main
process, and the largest child: the reader worker).

  git archive <old commit> | tar -x -C /tmp/base
  python bench/reader_process.py --baseline /tmp/base --set sample --rounds 3 [--extract]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = """
import json, resource, sys, time
sys.path.insert(0, {root!r})
from namndkoll.api import ingest
files, db, extract = {files!r}, {db!r}, {extract!r}
t = time.perf_counter()
rep = ingest(files, db=db, jobs=1, extract=extract, index=False)
dt = time.perf_counter() - t
print(json.dumps({{"seconds": dt, "pages": rep.pages, "failed": rep.count("failed"),
    "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def files_of(which: str) -> list[str]:
    if which == "sample":
        return sorted(str(p) for p in (ROOT / "sample").glob("*.pdf"))
    sys.path.insert(0, str(HERE))
    from ingest import corpus  # type: ignore[import-not-found]

    return [str(p) for p in corpus(which)]


def once(root: Path, files: list[str], extract: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        code = CHILD.format(root=str(root), files=files, db=str(Path(tmp) / "b.db"), extract=extract)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", required=True, type=Path, help="a checkout that reads in the main process")
    ap.add_argument("--set", default="sample", choices=["sample", "kf", "real"])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--extract", action="store_true")
    a = ap.parse_args()
    files = files_of(a.set)
    runs: dict[str, list[dict[str, float]]] = {"baseline (in process)": [], "worker process": []}
    for r in range(a.rounds):
        for name, root in (("baseline (in process)", a.baseline), ("worker process", ROOT)):
            res = once(root, files, a.extract)
            runs[name].append(res)
            print(f"round {r + 1}: {name:22s} {res['seconds']:7.2f} s  {res['pages']} pages  "
                  f"main {res['main_mb']:.0f} MB  child {res['child_mb']:.0f} MB", file=sys.stderr)
    base = statistics.median(x["seconds"] for x in runs["baseline (in process)"])
    print(f"\nset {a.set}: {len(files)} PDFs, extract {'on' if a.extract else 'off'}, 1 job, "
          f"{a.rounds} rounds (medians)\n")
    print("| variant | seconds | ratio | peak MB main | peak MB largest child |")
    print("|---|---:|---:|---:|---:|")
    for name, rs in runs.items():
        s = statistics.median(x["seconds"] for x in rs)
        print(f"| {name} | {s:.2f} | {s / base:.3f} | {statistics.median(x['main_mb'] for x in rs):.0f} | "
              f"{statistics.median(x['child_mb'] for x in rs):.0f} |")


if __name__ == "__main__":
    main()
