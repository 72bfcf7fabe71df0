#!/usr/bin/env python3
"""A simulated night for `namndkoll watch` on a copy of a search index.

The index's documents are given stored times: all but the last ``--new`` (by id) stored before
the watches were added, those after. Twelve topics are watched and run (a dry run, then a run
that marks them, then one with nothing new). Reported: each topic's outcome and hits, that every
hit is in a new document, how the hits compare with ``namndkoll search`` over the whole corpus
(its top 50 kept to the new documents), and the seconds each run took. Then the same twelve
topics over every document (a watch whose last run predates them all) against ``search``: the
hit lists must be the same.

It writes to the file given: pass a copy (``cp /work/notes/s24/eval-s24.db bench/out/watch.db``).

usage: nice python bench/watch_night.py --db bench/out/watch.db [--new 5]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import namndkoll
from namndkoll.corpus import opened

TOPICS = ["hemtjänst", "budget 2027", "Nolhaga parkering", "förskoleplatser", "försörjningsstöd", "detaljplan",
          "vindkraft", "skolskjuts", "äldreboende", "revision", "bostadsbolag", "kollektivtrafik"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True, help="a COPY of a search index: its stored times are rewritten")
    ap.add_argument("--new", type=int, default=5, help="how many documents (the last by id) are tonight's")
    args = ap.parse_args()
    db = args.db
    with opened(db, write=True) as st:  # migration 0021 where needed
        if st.list_watches():
            raise SystemExit(f"{db} has watches already: give a fresh copy")
        ids = [r[0] for r in st.conn.execute("SELECT id FROM documents ORDER BY id")]
    t0 = time.perf_counter()
    for t in TOPICS:
        namndkoll.watch_add(t, db=db)
    print(f"{len(TOPICS)} watch_add: {time.perf_counter() - t0:.2f} s")
    new = set(ids[-args.new:])
    with opened(db, write=True) as st, st.transaction() as conn:
        conn.execute("UPDATE documents SET stored_at = '2025-01-01 00:00:00.000'")
        conn.execute(f"UPDATE documents SET stored_at = '2026-06-01 00:00:00.000' "
                     f"WHERE id IN ({','.join(map(str, new))})")
        conn.execute("UPDATE watches SET seen_until = '2026-01-01 00:00:00.000'")
    print(f"documents {len(ids)}, new tonight {len(new)}")

    t0 = time.perf_counter()
    res = namndkoll.watch_run(db=db, dry_run=True)
    print(f"dry run: {time.perf_counter() - t0:.1f} s (the model loaded)")
    print("outcomes:", dict(Counter(r.outcome for r in res)),
          "| every hit in a new document:", all(h.document_id in new for r in res for h in r.hits))
    for r in res:
        whole = [h for h in namndkoll.search_db(r.watch.topic, db=db, limit=50) if h.document_id in new][:10]
        mine = [h.chunk_id for h in r.hits]
        print(f"  {r.watch.topic!r}: {r.outcome}, {len(r.hits)} hits {dict(Counter(h.confidence for h in r.hits))};"
              f" search's top 50 holds {len(whole)} of the new documents' passages, {len(set(mine) & {h.chunk_id for h in whole})}"
              " of them among the watch's hits")
    t0 = time.perf_counter()
    marked = namndkoll.watch_run(db=db)
    print(f"run that marks: {time.perf_counter() - t0:.1f} s, {sum(r.marked for r in marked)} of {len(marked)} marked")
    t0 = time.perf_counter()
    after = namndkoll.watch_run(db=db)
    print(f"next run: {time.perf_counter() - t0:.2f} s, outcomes {dict(Counter(r.outcome for r in after))}")

    with opened(db, write=True) as st, st.transaction() as conn:
        conn.execute("UPDATE watches SET seen_until = '2000-01-01 00:00:00.000'")
    res = namndkoll.watch_run(db=db, dry_run=True)
    same = sum([h.chunk_id for h in r.hits] == [h.chunk_id for h in namndkoll.search_db(r.watch.topic, db=db)]
               for r in res)
    print(f"over every document: {same} of {len(res)} topics' hit lists the same as search's")


if __name__ == "__main__":
    main()
