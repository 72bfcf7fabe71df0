#!/usr/bin/env python3
"""The PostgreSQL `index` step, side by side with another checkout: storing embedded passages'
vectors in a served corpus whose search indexes (GIN, HNSW) are in place, as on the nights
after the first load. Each version runs in a process of its own (PYTHONPATH = its checkout) on
a corpus built by its own code in a schema of its own (bench/scale.py's replicated passages);
per round, the same ``--embed`` passages are first made to wait for a vector again (untimed),
then their vectors are stored 32 a transaction, as `namndkoll index` does.

usage: nice python bench/pg_index_step.py --base /tmp/base [--chunks 50000] [--embed 5000] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def child(chunks: int, embed: int, schema: str) -> dict:
    import namndkoll  # this version's (PYTHONPATH), before bench/scale.py puts this checkout first

    sys.path.insert(0, str(HERE))
    import numpy as np
    import scale  # bench/scale.py
    import search as sqlite_bench  # bench/search.py

    from namndkoll.corpus import opened

    url = scale.schema_url(scale.server_url(), schema)
    texts, vecs, model_id, _ = sqlite_bench.real_chunks(scale.OUT / "search-eval.db")
    scale.build_pg(url, chunks, texts, vecs, model_id, None)
    with opened(url, write=True) as st:
        ids = [r[0] for r in st.conn.execute("SELECT id FROM chunks ORDER BY id LIMIT %s", (embed,))]
        # this version's schema: chunks_todo a table (migration 0010) or, before it, an index
        todo_table = st.conn.execute("SELECT relkind FROM pg_class WHERE oid = to_regclass('chunks_todo')"
                                     ).fetchone()[0] == "r"
        center = vecs.mean(axis=0).astype(np.float32)
        with st.transaction():  # waiting again, as after an ingest of new documents (untimed)
            st.conn.execute("DELETE FROM chunk_vectors WHERE chunk_id = ANY(%s)", (ids,))
            st.conn.execute("INSERT INTO chunks_todo SELECT unnest(%s::bigint[])" if todo_table
                            else "UPDATE chunks SET embedded = 0 WHERE id = ANY(%s)", (ids,))
        st.conn.execute("VACUUM ANALYZE chunks")
        assert st.count_unembedded() == len(ids)
        t0 = time.perf_counter()
        while True:
            batch = st.unembedded(32)
            if not batch:
                break
            v = vecs[[b[0] % len(vecs) for b in batch]]
            with st.transaction():
                st.insert_vectors([b[0] for b in batch], v, center, [b[2] for b in batch])
        seconds = time.perf_counter() - t0
        size = st.conn.execute("SELECT pg_total_relation_size('chunks')").fetchone()[0]
    return {"namndkoll": str(Path(namndkoll.__file__).parent.parent), "seconds": round(seconds, 2), "passages_per_s": round(len(ids) / seconds, 1),
            "chunks_table_mb": round(size / 2**20, 1), "todo_table": todo_table}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", type=Path, required=False, help="another checkout to run beside this one")
    ap.add_argument("--chunks", type=int, default=50_000)
    ap.add_argument("--embed", type=int, default=5_000)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.chunks, args.embed, args.child)))
        return
    versions = {"this": HERE.parent}
    if args.base:
        versions["base"] = args.base.resolve()
    out: dict[str, list[dict]] = {k: [] for k in versions}
    for r in range(args.rounds):
        for name in (list(versions) if r % 2 == 0 else list(reversed(versions))):
            env = {**os.environ, "PYTHONPATH": str(versions[name])}
            res = subprocess.run([sys.executable, __file__, "--child", f"step_{name}", "--chunks", str(args.chunks),
                                  "--embed", str(args.embed)], env=env, capture_output=True, text=True, check=True)
            out[name].append(json.loads(res.stdout.strip().splitlines()[-1]))
            print(name, out[name][-1], flush=True)
    for name, rows in out.items():
        best = min(r["seconds"] for r in rows)
        line = f"{name}: {args.embed} passages' vectors stored in {best:.2f} s (best of {len(rows)})"
        if name != "this" and out["this"]:
            line += f", this / {name} = {min(r['seconds'] for r in out['this']) / best:.2f}"
        print(line)


if __name__ == "__main__":
    main()
