#!/usr/bin/env python3
"""How long a Dask worker that writes to PostgreSQL keeps a transaction open (issue 13).

Ingests PDFs with ``--cluster local:1`` into a fresh schema of the bench server (bench/scale.py)
while a monitor samples ``pg_stat_activity`` every 20 ms: for the workers' sessions, the longest
open transaction seen (now - xact_start) and the longest time seen idle in a transaction. A
transaction held across the embedding of a document lasts as long as the embedding; one that
only writes lasts as long as the write.

With ``--local`` the ingest runs without a cluster: its index stage embeds in this process (the
longest transaction of ``namndkoll ingest`` / ``namndkoll index`` into PostgreSQL).

usage: nice python bench/pg_worker_transactions.py [PDF_OR_FOLDER...] [--model e5-small] [--local]
(default: ../shared/data/pdf, the default model on CPU). Writes bench/out/pg-worker-transactions.json
(pg-local-transactions.json with --local).
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import scale  # bench/scale.py: the bench PostgreSQL server


def monitor(url: str, stop: threading.Event, seen: dict[str, float]) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        while not stop.is_set():
            for state, held, idle in conn.execute(
                    "SELECT state, extract(epoch FROM now() - xact_start),"
                    " extract(epoch FROM now() - state_change) FROM pg_stat_activity"
                    " WHERE xact_start IS NOT NULL AND pid != pg_backend_pid() AND backend_type = 'client backend'"):
                seen["longest_transaction_s"] = max(seen["longest_transaction_s"], float(held))
                if state == "idle in transaction":
                    seen["longest_idle_in_transaction_s"] = max(seen["longest_idle_in_transaction_s"], float(idle))
            time.sleep(0.02)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", default=[str(REPO.parent / "shared/data/pdf")])
    ap.add_argument("--model", default=None)
    ap.add_argument("--schema", default="worker_xact")
    ap.add_argument("--local", action="store_true", help="no cluster: the local ingest and its index stage")
    args = ap.parse_args()
    import psycopg

    import namndkoll
    from namndkoll.api import ingest

    base = scale.server_url()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"DROP SCHEMA IF EXISTS {args.schema} CASCADE")
    url = scale.schema_url(base, args.schema)
    seen = {"longest_transaction_s": 0.0, "longest_idle_in_transaction_s": 0.0}
    stop = threading.Event()
    mon = threading.Thread(target=monitor, args=(base, stop, seen), daemon=True)
    mon.start()
    t0 = time.perf_counter()
    rep = ingest(args.paths, db=url, cluster=None if args.local else "local:1", model=args.model, extract=False)
    seconds = time.perf_counter() - t0
    stop.set()
    mon.join()
    out = {"code": str(Path(namndkoll.__file__).parent.parent), "files": len(rep.results),
           "statuses": {s: rep.count(s) for s in ("ingested", "unchanged", "failed")}, "pages": rep.pages,
           "passages": rep.index.embedded if rep.index is not None else None, "seconds": round(seconds, 1), "local": args.local,
           **{k: round(v, 3) for k, v in seen.items()}}
    OUT.mkdir(exist_ok=True)
    (OUT / ("pg-local-transactions.json" if args.local else "pg-worker-transactions.json")).write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
