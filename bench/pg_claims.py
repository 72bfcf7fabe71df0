#!/usr/bin/env python3
"""What an index run's passage claims cost on a large PostgreSQL corpus (issue 13).

Builds, once, a schema of the bench server (bench/scale.py) with ``--stored`` passages that have
their vectors and ``--waiting`` more that wait for one (``chunks_todo``; short synthetic texts, no
vectors: the claim queries read ``chunks_todo`` and the claimed passages' rows only), then times
``pg_index.claim_unembedded`` (a batch claimed in a transaction of its own) and
``release_unembedded`` in four situations:

- ``free``: no claim held;
- ``contested``: ``--runs-at-once`` other live runs each hold a batch of 256 at the head;
- ``crashed``: a crashed run's claims (10,000, its session gone) at the head, taken over;
- ``all_held``: every waiting passage held by a live run (the claim finds nothing).

and EXPLAIN (ANALYZE, BUFFERS) of the claim in each.

usage: nice python bench/pg_claims.py [--stored 1000000] [--waiting 100000] [--batch 32] [--rounds 30]
Writes bench/out/pg-claims.json. Run it with PYTHONPATH set to the code to measure.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

import same  # bench/same.py: the claim benches' timing loop
import scale  # bench/scale.py: the bench PostgreSQL server


def build(url: str, stored: int, waiting: int) -> dict[str, Any]:
    from namndkoll.corpus import opened

    with opened(url, write=True) as st:
        have = st.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        if have == stored + waiting:
            st.conn.execute("UPDATE chunks_todo SET claimed_by = NULL, claimed_pid = NULL, claimed_at = NULL"
                            " WHERE claimed_by IS NOT NULL")
            return {"built": False}
        t0 = time.perf_counter()
        with st.transaction():
            st.conn.execute("DELETE FROM documents")
            st.conn.execute("INSERT INTO documents (source, sha256) VALUES ('bench/claims.pdf', 'x')")
            st.conn.execute(
                'INSERT INTO chunks (document_id, idx, start, "end", page_start, page_end, text, hash)'
                " SELECT (SELECT id FROM documents), g, 0, 1, 1, 1, 'stycke ' || g, md5(g::text)"
                " FROM generate_series(1, %s) g", (stored + waiting,))
            st.conn.execute("INSERT INTO chunks_todo SELECT id FROM chunks ORDER BY id DESC LIMIT %s", (waiting,))
        st.conn.execute("VACUUM ANALYZE chunks")
        st.conn.execute("VACUUM ANALYZE chunks_todo")
        return {"built": True, "build_s": round(time.perf_counter() - t0, 1)}


def timed(url: str, batch: int, rounds: int) -> dict[str, Any]:
    """Median and worst of ``rounds`` claims of ``batch`` passages and their releases
    (``same.claim_rounds``), then the claim's plan."""
    from namndkoll.corpus import opened, pg_index

    owner = uuid.uuid4().hex
    with opened(url, write=True) as st:

        def claim() -> list[Any]:
            with st.transaction():
                return pg_index.claim_unembedded(st.conn, batch, owner)

        out = same.claim_rounds(claim, lambda ids: pg_index.release_unembedded(st.conn, ids, owner), rounds)
        plan = explain(st.conn, batch, owner)
    return {**out, "plan": plan}


def explain(conn: Any, batch: int, owner: str) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of the claim query, rolled back."""
    from namndkoll.corpus.pg_claims import live

    sql = ("WITH pick AS (SELECT t.chunk_id FROM chunks_todo t WHERE t.claimed_by IS NULL"
           " OR NOT (" + live("t", "claimed_pid") + ")"
           " ORDER BY t.chunk_id LIMIT %s FOR UPDATE OF t SKIP LOCKED)"
           " UPDATE chunks_todo t SET claimed_by = %s, claimed_at = now()"
           " FROM pick WHERE t.chunk_id = pick.chunk_id RETURNING t.chunk_id")
    with conn.transaction():
        lines = [r[0] for r in conn.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, (batch, owner))]
        conn.execute("ROLLBACK")  # the plan's UPDATE undone
    return lines


def hold(url: str, runs: int, each: int) -> list[Any]:
    """``runs`` live sessions each holding a claimed batch of ``each`` (kept open: returned)."""
    import psycopg

    from namndkoll.corpus import pg_index

    held = []
    for _ in range(runs):
        conn = psycopg.connect(url, autocommit=True)
        with conn.transaction():
            pg_index.claim_unembedded(conn, each, uuid.uuid4().hex)
        held.append(conn)
    return held


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stored", type=int, default=1_000_000)
    ap.add_argument("--waiting", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--runs-at-once", type=int, default=8)
    ap.add_argument("--schema", default="claims_bench")
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    import psycopg

    import namndkoll

    url = scale.schema_url(scale.server_url(), args.schema)
    out: dict[str, Any] = {"code": str(Path(namndkoll.__file__).parent.parent), "label": args.label,
                           "stored": args.stored, "waiting": args.waiting, "batch": args.batch}
    out["build"] = build(url, args.stored, args.waiting)
    out["free"] = timed(url, args.batch, args.rounds)
    held = hold(url, args.runs_at_once, 256)
    out["contested"] = timed(url, args.batch, args.rounds)
    for c in held:
        c.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE chunks_todo SET claimed_by = NULL, claimed_pid = NULL, claimed_at = NULL")
        # a crashed run: its session (a pid no backend has) is gone
        conn.execute("UPDATE chunks_todo SET claimed_by = 'crashed', claimed_pid = 2147483000, claimed_at = now()"
                     " WHERE chunk_id IN (SELECT chunk_id FROM chunks_todo ORDER BY chunk_id LIMIT 10000)")
    out["crashed"] = timed(url, args.batch, args.rounds)
    held = hold(url, 1, args.waiting)
    out["all_held"] = timed(url, args.batch, max(3, args.rounds // 10))
    for c in held:
        c.close()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("UPDATE chunks_todo SET claimed_by = NULL, claimed_pid = NULL, claimed_at = NULL")
    OUT.mkdir(exist_ok=True)
    name = "pg-claims" + (f"-{args.label}" if args.label else "") + ".json"
    (OUT / name).write_text(json.dumps(out, indent=1))
    print(json.dumps({k: ({kk: vv for kk, vv in v.items() if kk != "plan"} if isinstance(v, dict) else v)
                      for k, v in out.items()}, indent=1))


if __name__ == "__main__":
    main()
