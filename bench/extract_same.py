"""Whether a refactoring of the extractors (positions, roll calls, votes, people, parties,
figures) changed what they read: every finding on every reachable document, one JSON line each,
so two checkouts' answers can be compared byte for byte.

    # once, any checkout: the documents bench/figures_same.py reads, then their metadata and §§
    python bench/figures_same.py docs bench/out/fig-docs.pkl
    python bench/extract_same.py docs bench/out/fig-docs.pkl bench/out/ext-docs.pkl
    # with each checkout on PYTHONPATH
    PYTHONPATH=/tmp/base python bench/extract_same.py answers bench/out/ext-docs.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/extract_same.py answers bench/out/ext-docs.pkl > after.jsonl
    cmp before.jsonl after.jsonl

The ``docs`` step gives each document its metadata and § items (``analyze``) once, so both
checkouts extract from the same input. ``answers`` asks ``find_parties``, ``find_people``,
``find_roll_calls``, ``find_votes`` (with the people found), ``find_positions`` (with the people
and parties found) and ``find_figures``, and every page's text through ``iter_people`` with and
without the document's municipality, so the people rules also run on pages outside the §§.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from dataclasses import replace
from pathlib import Path

from same import emit


def read_docs(src: Path, out: Path) -> int:
    """bench/figures_same.py's documents with their metadata and § items, pickled as (name, Document)."""
    from namndkoll.ingest.structure import analyze

    docs = []
    for name, doc in pickle.loads(src.read_bytes()):
        md, items = analyze(doc.pages, source=doc.source)
        docs.append((name, replace(doc, metadata=md, items=items)))
    out.write_bytes(pickle.dumps(docs))
    print(f"{len(docs)} documents -> {out}", file=sys.stderr)
    return 0


def answers(pickled: Path) -> int:
    """One JSON line per finding, in a fixed order."""
    from namndkoll.extract.figures import find_figures
    from namndkoll.extract.parties import find_parties
    from namndkoll.extract.people import find_people, iter_people
    from namndkoll.extract.positions import find_positions
    from namndkoll.extract.rollcall import find_roll_calls
    from namndkoll.extract.votes import find_votes

    for name, doc in pickle.loads(pickled.read_bytes()):
        parties = find_parties(doc)
        people = find_people(doc)
        for x in parties:
            emit(name, "find_parties", "", x)
        for x in people:
            emit(name, "find_people", "", x)
        for x in find_roll_calls(doc):
            emit(name, "find_roll_calls", "", x)
        for x in find_votes(doc, people):
            emit(name, "find_votes", "", x)
        for x in find_positions(doc, people, parties):
            emit(name, "find_positions", "", x)
        for x in find_figures(doc):
            emit(name, "find_figures", "", x)
        for page in doc.pages:
            for municipality in (None, doc.metadata.municipality):
                emit(name, "iter_people", f"{page.number} {municipality}",
                      list(iter_people(page.text, municipality=municipality)))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("docs", "answers"))
    ap.add_argument("paths", type=Path, nargs="+")
    a = ap.parse_args()
    return read_docs(*a.paths) if a.step == "docs" else answers(a.paths[0])


if __name__ == "__main__":
    sys.exit(main())
