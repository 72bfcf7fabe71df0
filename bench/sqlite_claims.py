#!/usr/bin/env python3
"""What an index run's passage claims cost on a large SQLite corpus (issue 13; PostgreSQL's:
bench/pg_claims.py).

Builds, once, a SQLite file with ``--stored`` passages marked embedded and ``--waiting`` more
(the newest) that wait for a vector (short synthetic texts, no vectors: the claim reads the
``chunks_todo`` partial index, ``chunk_claims`` and ``claimers`` only), then times
``claims.claim_unembedded`` (a batch claimed in a write transaction of its own, committed) and
``claims.release`` in four situations:

- ``free``: no claim held;
- ``contested``: ``--runs-at-once`` other live runs each hold a batch of 256 at the head;
- ``crashed``: a crashed run's claims (10,000 at the head, its process gone): the first claim
  removes them (reported alone), the next rounds find the head free;
- ``all_held``: every waiting passage held by a live run: the claim finds nothing, and a second
  run waits, polling ``claims.held`` (timed too) and ``count_unembedded`` once a second.

and EXPLAIN QUERY PLAN of the claim. The "other runs" are rows naming this process (so they
are alive by the same-host rule) under tokens of their own.

usage: nice python bench/sqlite_claims.py [--stored 1000000] [--waiting 100000] [--batch 32] [--rounds 30]
Writes bench/out/sqlite-claims.json (the corpus: bench/out/sqlite-claims.db, kept for the next
run). Run it with PYTHONPATH set to the code to measure.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import same  # bench/same.py: the claim benches' timing loop


def build(path: Path, stored: int, waiting: int) -> dict[str, Any]:
    from namndkoll.corpus import opened

    with opened(path, write=True) as st:
        conn = st.conn
        have = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        if have == stored + waiting:
            with st.transaction():
                conn.execute("DELETE FROM chunk_claims")
                conn.execute("DELETE FROM claimers")
            return {"built": False}
        t0 = time.perf_counter()
        with st.transaction():
            conn.execute("DELETE FROM chunks")
            conn.execute("DELETE FROM documents")
            conn.execute("INSERT INTO documents (source, sha256) VALUES ('bench/claims.pdf', 'x')")
            conn.execute(
                'INSERT INTO chunks (document_id, idx, start, "end", page_start, page_end, text, hash, embedded)'
                " WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ?)"
                " SELECT (SELECT id FROM documents), n, 0, 1, 1, 1, 'stycke ' || n, hex(randomblob(16)), n <= ?"
                " FROM g", (stored + waiting, stored))
        conn.execute("ANALYZE")
        return {"built": True, "build_s": round(time.perf_counter() - t0, 1)}


def _me(owner: str | None = None) -> Any:
    from namndkoll.corpus import claims

    me = claims.Claimer.here()
    return me if owner is None else claims.Claimer(owner, me.host, me.pid, me.started)


def timed(st: Any, batch: int, rounds: int) -> dict[str, Any]:
    """Median and worst of ``rounds`` claims of ``batch`` passages and their releases (a fresh
    claimer each run; ``same.claim_rounds``); the first claim's time alone (it removes a crashed
    run's); then what a waiting run asks: who holds the rest (``claims.held``) and how many wait."""
    from namndkoll.corpus import claims

    me = _me()

    def claim() -> list[Any]:
        with st.transaction():
            return claims.claim_unembedded(st.conn, batch, me)

    out = same.claim_rounds(claim, lambda ids: claims.release(st.conn, ids, me), rounds)
    t0 = time.perf_counter()
    with st.transaction():
        held = claims.held(st.conn, me)
    held_ms = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    todo = st.count_unembedded()
    count_ms = (time.perf_counter() - t0) * 1000
    claims.leave(st.conn, me)  # this claimer's row gone, as when its store closes
    return {**out, "held_ms": round(held_ms, 2), "held_by_others": sum(h.passages for h in held),
            "count_unembedded_ms": round(count_ms, 2), "waiting": todo}


def plan(st: Any, batch: int) -> list[str]:
    return [" ".join(map(str, r[1:])) for r in st.conn.execute(
        "EXPLAIN QUERY PLAN SELECT c.id, c.text, c.hash, c.context FROM chunks c WHERE c.embedded = 0"
        " AND NOT EXISTS (SELECT 1 FROM chunk_claims k WHERE k.chunk_id = c.id) ORDER BY c.id LIMIT ?", (batch,))]


def hold(st: Any, runs: int, each: int, *, pid: int | None = None, started: str | None = None) -> None:
    """``runs`` other runs each holding a claimed batch of ``each`` at the head (alive: this
    process under other tokens; crashed: ``pid`` of a process that is gone)."""
    from namndkoll.corpus import claims

    for _ in range(runs):
        me = _me(uuid.uuid4().hex)
        if pid is not None:
            me = claims.Claimer(me.owner, me.host, pid, started or me.started)
        with st.transaction():
            claims.claim_unembedded(st.conn, each, me)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stored", type=int, default=1_000_000)
    ap.add_argument("--waiting", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--runs-at-once", type=int, default=8)
    ap.add_argument("--db", type=Path, default=OUT / "sqlite-claims.db")
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    import subprocess

    import namndkoll
    from namndkoll.corpus import opened

    OUT.mkdir(exist_ok=True)
    out: dict[str, Any] = {"code": str(Path(namndkoll.__file__).parent.parent), "label": args.label,
                           "stored": args.stored, "waiting": args.waiting, "batch": args.batch,
                           "load": os.getloadavg()[0]}
    out["build"] = build(args.db, args.stored, args.waiting)
    with opened(args.db, write=True) as st:
        out["plan"] = plan(st, args.batch)
        out["free"] = timed(st, args.batch, args.rounds)
        hold(st, args.runs_at_once, 256)
        out["contested"] = timed(st, args.batch, args.rounds)
        with st.transaction():
            st.conn.execute("DELETE FROM chunk_claims")
            st.conn.execute("DELETE FROM claimers")
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        hold(st, 1, 10_000, pid=gone.pid)
        out["crashed"] = timed(st, args.batch, args.rounds)
        hold(st, 1, args.waiting)
        out["all_held"] = timed(st, args.batch, max(3, args.rounds // 10))
        with st.transaction():
            st.conn.execute("DELETE FROM chunk_claims")
            st.conn.execute("DELETE FROM claimers")
    out["load_after"] = os.getloadavg()[0]
    name = "sqlite-claims" + (f"-{args.label}" if args.label else "") + ".json"
    (OUT / name).write_text(json.dumps(out, indent=1))
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
