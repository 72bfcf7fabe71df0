"""How the search reads each question of a split: what ``read_question`` and ``focus_of`` give
(kinds, unit, focus, years, places, the query terms kept), one line a question, to be read by a
person for misreadings (issue 11: a yes/no question read as asking money, a plural noun taken for
a verb). It runs no search and needs no database: the places come from the organisation table.

    PYTHONPATH=$PWD python bench/question_audit.py --splits dev dev2 test other-dev \\
        --db bench/out/search-eval-default-pdf.db bench/out/search-other-default.db

Never run it on the held-out splits while a rule is being tuned (``heldout*.json``)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from namndkoll.corpus.passages import bodies as stored_bodies
from namndkoll.search.question import read_question
from namndkoll.search.terms import query_terms

QUESTIONS = Path(__file__).parent / "questions"


def reading(query: str, bodies: Sequence[str] = ()) -> dict[str, object]:
    """What the search reads in ``query``, as plain values; ``bodies``: the corpus's own."""
    q = read_question(query, bodies)
    return {"kinds": sorted(q.kinds), "unit": q.unit, "focus": list(q.focus), "years": list(q.years),
            "places": [p.phrase for p in q.places], "price": q.price, "count": q.count,
            "body": q.body, "past": q.past, "terms": [t.word for t in query_terms(query)]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["dev", "dev2", "test", "other-dev"])
    ap.add_argument("--json", action="store_true", help="one JSON object a line instead of text")
    ap.add_argument("--questions-only", action="store_true", help="skip keyword queries")
    ap.add_argument("--db", nargs="*", default=[], help="search databases whose bodies count as places "
                    "(as the search reads them: 'Tolkförmedling Väst', 'Nykarleby'); read only")
    args = ap.parse_args(argv)
    bodies: set[str] = set()
    for db in args.db:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            bodies |= set(stored_bodies(conn))
    for split in args.splits:
        if split.startswith(("heldout", "other-heldout")):
            print(f"refusing held-out split {split}", file=sys.stderr)
            return 2
        items = json.loads((QUESTIONS / f"{split}.json").read_text("utf-8"))
        for n, item in enumerate(items):
            if args.questions_only and item.get("style") == "keywords":
                continue
            r = reading(item["q"], sorted(bodies))
            if args.json:
                print(json.dumps({"split": split, "n": n, "q": item["q"], **r}, ensure_ascii=False))
                continue
            flags = " ".join(f for f, on in (("price", r["price"]), ("count", r["count"]),
                                              ("past", r["past"])) if on)
            print(f"{split}#{n} {item['q']}\n    kinds={','.join(r['kinds']) or '-'} unit={r['unit'] or '-'}"  # type: ignore[arg-type]
                  f" focus={'/'.join(r['focus']) or '-'} years={r['years'] or '-'}"  # type: ignore[arg-type]
                  f" places={'|'.join(r['places']) or '-'} body={r['body'] or '-'} {flags}\n"  # type: ignore[arg-type]
                  f"    terms={' '.join(r['terms'])}")  # type: ignore[arg-type]
    return 0


if __name__ == "__main__":
    sys.exit(main())
