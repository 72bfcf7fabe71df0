#!/usr/bin/env python3
"""Two checkouts side by side on the kept 1M PostgreSQL benchmark corpus (bench/scale.py's
``scale_1000000``): one client's filtered / unfiltered / dense hybrid search p50 and p95
(``scale.single``), then 1, 8 and 32 concurrent clients of filtered hybrid search
(``scale.concurrent``: client processes released at once, latency per query and queries/s).

Each measurement runs in a fresh process whose ``namndkoll`` and ``bench/scale.py`` are the
checkout's own, so each version runs its own search code against the same server and corpus.
The versions alternate within a round and swap their order every round (the machine is shared:
read the ratios); the load average is recorded with every figure.

usage: nice python bench/pg_latency.py --base /tmp/base-checkout [--rounds 2] [--clients 1 8 32]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SCHEMA = "scale_1000000"


def worker(repo: Path, what: str, clients: int, per_client: int, repeat: int) -> dict[str, Any]:
    """One measurement with ``repo``'s own code (run in a process of its own)."""
    sys.path[:] = [str(repo / "bench"), str(repo)] + [p for p in sys.path if Path(p or ".").resolve() != HERE]
    import scale  # the checkout's bench/scale.py

    from namndkoll.corpus import opened

    url = scale.schema_url(scale.server_url(), SCHEMA)
    qs, vecs = scale.queries()
    with opened(url) as st:
        rec = st.get_model()
        assert rec is not None
    load = os.getloadavg()[0]
    if what == "single":
        out = scale.single(url, qs, vecs, rec.model_id, rec.dimensions, repeat)
    else:
        out = scale.concurrent(url, clients, per_client, qs, vecs, rec.model_id, rec.dimensions)
    import namndkoll

    return {**out, "load_before": round(load, 2), "load_after": round(os.getloadavg()[0], 2),
            "code": str(Path(namndkoll.__file__).parents[1]), "scale": scale.__file__}


def run(repo: Path, what: str, clients: int, per_client: int, repeat: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    cmd = [sys.executable, str(Path(__file__)), "--worker", str(repo), "--what", what, "--clients", str(clients),
           "--per-client", str(per_client), "--repeat", str(repeat)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(f"{repo} {what} {clients}: {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, help="the other checkout (its namndkoll and bench/scale.py)")
    ap.add_argument("--new", type=Path, default=HERE.parent, help="this checkout (default)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    ap.add_argument("--per-client", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=1, help="rounds of the 49 questions in the one-client figures")
    ap.add_argument("--no-single", action="store_true", help="only the concurrent clients")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--what", default="single", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.what, args.clients[0], args.per_client, args.repeat)))
        return
    assert args.base, "--base: the checkout to compare with"
    versions = {"base": args.base.resolve(), "new": args.new.resolve()}
    rows: list[dict[str, Any]] = []
    steps = ([("single", 1)] if not args.no_single else []) + [("clients", c) for c in args.clients]
    for r in range(args.rounds):
        for what, c in steps:
            for name in (("base", "new") if r % 2 == 0 else ("new", "base")):
                t0 = time.time()
                got = run(versions[name], what, c, args.per_client, args.repeat)
                rows.append({"round": r, "version": name, "what": what, "clients": c, **got,
                             "seconds": round(time.time() - t0, 1)})
                print(json.dumps(rows[-1]), flush=True)
    if args.out:
        args.out.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
