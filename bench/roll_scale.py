"""`members` and `blocs` as the stored roll calls grow: seconds per call on corpora of N
roll-call rows, beside the plain `votes` listing of one page (100 votes) as the baseline.

    .venv/bin/python bench/roll_scale.py [--rows 10000 100000 1000000] [--db-dir /tmp] [--rounds 3]

The corpora are made here: protocols of 10 municipalities, each vote a roll call of 50
members of 8 parties whose members mostly vote their party's line (as real lists do), stored
through the product's store (a real SQLite file). Nationally (290 municipalities, ~10 years,
~50 roll calls a municipality a year of ~50 members) the roll calls are ~7 M rows.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.corpus import opened
from namndkoll.types import (
    Document,
    Extraction,
    Item,
    Metadata,
    Page,
    RollCallEntry,
    Vote,
    with_offsets,
)

PARTIES = ("S", "M", "SD", "C", "V", "KD", "L", "MP")
MEMBERS, VOTES_PER_DOC, MUNIS = 50, 10, 10


def build(path: Path, rows: int) -> None:
    rng = random.Random(rows)
    docs = max(1, rows // (MEMBERS * VOTES_PER_DOC))
    seats = [(f"Ledamot {i:02d}", PARTIES[i % len(PARTIES)]) for i in range(MEMBERS)]
    with opened(str(path), write=True) as st:
        for d in range(docs):
            muni = f"Kommun {d % MUNIS}"
            text = "\n".join(f"§ {i + 1} Ärende {i + 1}\nOmröstning." for i in range(VOTES_PER_DOC))
            pages = with_offsets([Page(1, text)])
            items = []
            pos = 0
            for i in range(VOTES_PER_DOC):
                line = f"§ {i + 1} Ärende {i + 1}\nOmröstning."
                items.append(Item(str(i + 1), f"Ärende {i + 1}", pos, pos + len(line), 1, 1))
                pos += len(line) + 1
            date = f"{2016 + d % 10}-{1 + d % 12:02d}-15"
            doc = Document(f"{muni}-{d}.pdf", f"{d:064x}", pages,
                           Metadata("Protokoll", muni, "Kommunfullmäktige", "protokoll", date), tuple(items))
            votes = []
            for i in range(VOTES_PER_DOC):
                line = {p: rng.choice(("ja", "nej")) for p in PARTIES}
                calls = tuple(RollCallEntry(n, p, line[p] if rng.random() < 0.95 else rng.choice(("ja", "nej", "avstar")))
                              for n, p in seats)
                votes.append(Vote(str(i + 1), None, None, None, None, None, 1, items[i].start, items[i].end,
                                  roll_call=calls))
            with st.transaction():
                st.save_extraction(st.replace_document(doc), doc, Extraction(votes=tuple(votes)))


def timed(fn, rounds: int) -> float:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(rounds):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return statistics.median(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--db-dir", default="/tmp")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    print("| roll-call rows | votes, one page (baseline) | members | members, one municipality | blocs |"
          " blocs, one municipality |")
    print("|---|---|---|---|---|---|")
    for rows in args.rows:
        path = Path(args.db_dir) / f"roll-scale-{rows}.db"
        if not path.exists():
            t = time.perf_counter()
            build(path, rows)
            print(f"(built {path} in {time.perf_counter() - t:.0f} s)", file=sys.stderr)
        with opened(str(path)) as st:
            base = timed(lambda: st.list_extracted("votes", limit=100), args.rounds)
            cells = [timed(f, args.rounds) for f in (
                lambda: st.list_members(), lambda: st.list_members(municipality="Kommun 3"),
                lambda: st.list_blocs(), lambda: st.list_blocs(municipality="Kommun 3"))]
        print(f"| {rows:,} | {base * 1000:.0f} ms | "
              + " | ".join(f"{c:.2f} s ({c / base:.0f}x)" for c in cells) + " |")


if __name__ == "__main__":
    main()
