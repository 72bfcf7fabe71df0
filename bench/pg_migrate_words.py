#!/usr/bin/env python3
"""Migration 0020 (PostgreSQL keyword words read as FTS5 reads them) on a corpus written
before it: the old migration (one transaction that rewrites the table) beside the new one
(a schema change without a rewrite, then batches that commit, pg_words.py).

Corpora: N passages (default 100k), the search eval index's real passages (text and § title,
municipality, committee, type, year) repeated, in 100-passage documents, written straight into
three schemas of bench/scale.py's server (bench/out/pg): two at schema 19 (as a corpus made
before 0020), one made fresh at the newest schema. Vectors and word statistics are left out:
the migration reads and writes neither.

Measured: the seconds of the migration (old: the whole of it; new: the schema step and the
rewrite), the longest a reader waited meanwhile (a keyword count in a loop on another
connection), a first open SIGKILLed a third of the way and the next open that finishes, the
seconds to write the N passages at schema 19 (a generated column) and at
the newest (the trigger), and whether the three keyword columns are the same passage by
passage, and the keyword lists (top 100) of the questions of bench/questions.json on the
migrated corpus and the fresh one (and on the one killed mid-way).

usage: nice python bench/pg_migrate_words.py [--passages 100000] [--source bench/out/eval-s20.db]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from scale import schema_url, server_url  # bench/scale.py

from namndkoll.corpus import pg_schema, pg_store, pg_words, postgres
from namndkoll.types import Document, Metadata, Page, with_offsets

PER_DOC = 100
OLD_0020 = "namndkoll/corpus/pg_migrations/0020_fts5_words.sql"
OLD_COMMIT = "3fab276"  # main before this change: 0020 a new generated column, one transaction


def migrate_to(conn: Any, upto: int) -> None:
    """The migrations up to ``upto`` only (a corpus an older namndkoll made)."""
    every = pg_schema._migrations
    pg_schema._migrations = lambda: [m for m in every() if m[0] <= upto]  # type: ignore[assignment]
    try:
        pg_schema.migrate(conn)
    finally:
        pg_schema._migrations = every  # type: ignore[assignment]


def passages(source: Path) -> list[tuple]:
    with contextlib.closing(sqlite3.connect(source)) as c:
        return c.execute("SELECT text, context, hash, municipality, committee, doc_type, year FROM chunks"
                         " ORDER BY id").fetchall()


def fill(conn: Any, rows: list[tuple], n: int) -> float:
    """N passages (``rows`` repeated) in documents of PER_DOC; the seconds it took."""
    t0 = time.time()
    for d0 in range(0, n, PER_DOC * 50):
        with conn.transaction():
            batch: list[list[Any]] = [[] for _ in range(9)]
            for d in range(d0, min(n, d0 + PER_DOC * 50), PER_DOC):
                k = d // PER_DOC
                r0 = rows[d % len(rows)]
                md = Metadata(f"doc {k}", r0[3], r0[4], r0[5], f"{r0[6] or 2020}-03-01", org_kind="kommun")  # type: ignore[arg-type]
                doc_id = pg_store.replace_document(conn, Document(f"bench/{k}.pdf", f"{k:040x}",
                                                                  with_offsets([Page(1, "")]), md))
                for j in range(min(PER_DOC, n - d)):
                    r = rows[(d + j) % len(rows)]
                    for col, v in zip(batch, (doc_id, j, r[0], r[1], r[2], r[3], r[4], r[5], r[6])):
                        col.append(v)
            conn.execute(
                'INSERT INTO chunks (document_id, idx, start, "end", page_start, page_end, text, context, hash,'
                " municipality, committee, doc_type, year)"
                " SELECT d, i, 0, length(t), 1, 1, t, c, h, m, co, ty, y FROM unnest(%s::bigint[], %s::int[],"
                " %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::text[], %s::int[])"
                " AS u(d, i, t, c, h, m, co, ty, y)", batch)
    took = time.time() - t0
    conn.execute("VACUUM ANALYZE chunks")  # as bench/scale.py's corpora, once loaded
    return took


class Reader(threading.Thread):
    """A keyword count on its own connection, again and again: the longest one took."""

    def __init__(self, url: str) -> None:
        super().__init__(daemon=True)
        self.conn = postgres.connect(url)
        self.stop = threading.Event()
        self.longest = 0.0
        self.queries = 0

    def run(self) -> None:
        while not self.stop.is_set():
            t0 = time.time()
            self.conn.execute("SELECT count(*) FROM chunks WHERE tsv @@ to_tsquery('simple', 'bygglov:*')").fetchone()
            self.longest = max(self.longest, time.time() - t0)
            self.queries += 1
            time.sleep(0.05)

    def result(self) -> dict:
        self.stop.set()
        self.join()
        self.conn.close()
        return {"reader_longest_s": round(self.longest, 3), "reader_queries": self.queries}


def old_migration(url: str) -> dict:
    sql = subprocess.run(["git", "show", f"{OLD_COMMIT}:{OLD_0020}"], cwd=REPO, check=True,
                         capture_output=True, text=True).stdout
    conn = postgres.connect(url)
    reader = Reader(url)
    reader.start()
    time.sleep(0.5)
    t0 = time.time()
    with conn.transaction():
        conn.execute(sql)
        conn.execute("INSERT INTO _migrations (number, name) VALUES (20, 'fts5_words')")
    took = time.time() - t0
    conn.close()
    return {"migration_s": round(took, 1), **reader.result()}


def new_migration(url: str) -> dict:
    conn = postgres.connect(url)
    reader = Reader(url)
    reader.start()
    time.sleep(0.5)
    t0 = time.time()
    postgres.migrate(conn)
    schema_s = time.time() - t0
    seen: list[tuple[int, int]] = []
    pg_words.on_progress(lambda done, total: seen.append((done, total)))
    t1 = time.time()
    n = pg_words.resume(conn)
    pg_words.on_progress(None)
    rewrite_s = time.time() - t1
    conn.close()
    return {"schema_s": round(schema_s, 2), "rewrite_s": round(rewrite_s, 1),
            "migration_s": round(schema_s + rewrite_s, 1), "rewritten": n, "progress_reports": len(seen),
            **reader.result()}


def killed_migration(url: str) -> dict:
    """The first open after the upgrade in a process of its own, SIGKILLed once a third of the
    passages are done; then the next open, in this one, finishes the rewrite."""
    import os
    import signal

    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    code = "import sys\nfrom namndkoll.corpus import open_store\nopen_store(sys.argv[1], write=True)"
    child = subprocess.Popen([sys.executable, "-c", code, url], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    conn = postgres.connect(url)
    t0 = time.time()
    while True:
        time.sleep(0.2)
        todo = pg_words.pending(conn) if conn.execute("SELECT to_regclass('corpus_info')").fetchone()[0] else None
        if todo and todo[0] >= todo[1] / 3:
            break
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    killed_after = time.time() - t0
    done_then = (pg_words.pending(conn) or (0, 0))[0]
    while conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = %s",
                       (pg_words.LOCK,)).fetchone()[0]:
        time.sleep(0.1)  # the killed session's server side ends its statement, then lets go
    old = conn.execute("SELECT count(*) FROM chunks WHERE tsv IS DISTINCT FROM namndkoll_chunk_words(text, context)"
                       ).fetchone()[0]
    conn.close()
    t1 = time.time()
    from namndkoll.corpus import opened

    with opened(url, write=True) as st:
        left = pg_words.pending(st.conn)
    return {"killed_after_s": round(killed_after, 1), "done_id_then": done_then, "old_words_then": old,
            "next_open_s": round(time.time() - t1, 1), "left_after_next_open": left}


def keyword_lists(url: str, questions: list[str]) -> list[list[int]]:
    from namndkoll.corpus import opened
    from namndkoll.corpus.index import Filters
    from namndkoll.search.plan import keyword_plan

    out = []
    with opened(url) as st:
        for q in questions:
            out.append([cid for cid, _ in st.keyword(keyword_plan(st, q), 100, Filters())])  # type: ignore[attr-defined]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=100_000)
    ap.add_argument("--source", type=Path, default=HERE / "out" / "eval-s20.db")
    ap.add_argument("--questions", type=int, default=200, help="questions whose keyword lists are compared")
    args = ap.parse_args()
    rows = passages(args.source)
    base = server_url()
    import psycopg

    with psycopg.connect(base, autocommit=True) as c:
        for s in ("mig_old", "mig_new", "mig_fresh", "mig_killed"):
            c.execute(f"DROP SCHEMA IF EXISTS {s} CASCADE")
    urls = {s: schema_url(base, s) for s in ("mig_old", "mig_new", "mig_fresh", "mig_killed")}
    report: dict[str, Any] = {"passages": args.passages}
    for s in ("mig_old", "mig_new", "mig_killed"):
        conn = postgres.connect(urls[s])
        migrate_to(conn, 19)
        report[f"{s}_write_s"] = round(fill(conn, rows, args.passages), 1)
        conn.close()
        print(f"{s}: {args.passages} passages at schema 19 ({report[f'{s}_write_s']} s)", file=sys.stderr, flush=True)
    conn = postgres.connect(urls["mig_fresh"])
    postgres.migrate(conn)
    report["fresh_write_s"] = round(fill(conn, rows, args.passages), 1)
    conn.close()
    print(f"fresh: {report['fresh_write_s']} s", file=sys.stderr, flush=True)
    report["old"] = old_migration(urls["mig_old"])
    print(f"old migration: {report['old']}", file=sys.stderr, flush=True)
    report["new"] = new_migration(urls["mig_new"])
    print(f"new migration: {report['new']}", file=sys.stderr, flush=True)
    report["killed"] = killed_migration(urls["mig_killed"])
    print(f"killed mid-way: {report['killed']}", file=sys.stderr, flush=True)
    with psycopg.connect(base, autocommit=True) as c:
        for a, b in (("mig_new", "mig_fresh"), ("mig_old", "mig_fresh"), ("mig_killed", "mig_fresh")):
            report[f"tsv_differ_{a}_{b}"] = c.execute(
                f"SELECT count(*) FROM {a}.chunks x FULL JOIN {b}.chunks y USING (id)"
                " WHERE x.tsv IS DISTINCT FROM y.tsv").fetchone()[0]
    qs = [q["q"] for q in json.loads((HERE / "questions.json").read_text(encoding="utf-8"))][: args.questions]
    new, fresh = keyword_lists(urls["mig_new"], qs), keyword_lists(urls["mig_fresh"], qs)
    killed = keyword_lists(urls["mig_killed"], qs)
    report["keyword_lists"] = len(qs)
    report["keyword_lists_differ"] = sum(a != b for a, b in zip(new, fresh))
    report["keyword_lists_differ_killed"] = sum(a != b for a, b in zip(killed, fresh))
    report["keyword_hits"] = sum(len(a) for a in new)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
