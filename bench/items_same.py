"""Whether a refactoring of the § reader (``ingest/structure.py``, ``ingest/item_titles.py``,
``ingest/toc.py``) changed what it reads: its public calls on every reachable document, one JSON
line per item, so two checkouts' answers can be compared byte for byte.

    # the documents bench/figures_same.py reads (once, any checkout)
    python bench/figures_same.py docs bench/out/fig-docs.pkl
    PYTHONPATH=/tmp/base python bench/items_same.py bench/out/fig-docs.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/items_same.py bench/out/fig-docs.pkl > after.jsonl
    cmp before.jsonl after.jsonl

The documents are the PDFs in ../shared/data/pdf and pdf-other, the structure gold's dev PDFs
(/work/gold-pdfs/dev), the openings' PDFs and sources (/work/gold-pdfs/openings*), and the
Göteborg KF protocols and openings' .txt texts split into pages at form feeds; held-out
documents are never read. Each document's pages go through ``find_items`` (every item whole:
number, title, span, pages, sections, diarienummer, origin), ``analyze`` (the metadata and the
items with their origins) and ``table_of_contents``; then the same on the document without its
first page, so headings and titles that open a page are read in a second position.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Sequence
from pathlib import Path

from same import emit


def answers(pickled: Path) -> int:
    from namndkoll.ingest.structure import analyze, find_items, table_of_contents
    from namndkoll.types import PAGE_SEP, Page, with_offsets

    docs = pickle.loads(pickled.read_bytes())
    for name, doc in docs:
        views: list[tuple[str, Sequence[Page]]] = [("whole", doc.pages)]
        if len(doc.pages) > 1:
            views.append(("after page 1", with_offsets(list(doc.pages[1:]))))
        for view, pages in views:
            for item in find_items(PAGE_SEP.join(p.text for p in pages), pages):
                emit(name, "find_items", view, item)
            md, items = analyze(pages, source=doc.source)
            emit(name, "analyze", view, md)
            for item in items:
                emit(name, "analyze", view, item)
            emit(name, "table_of_contents", view, table_of_contents(pages))
    return 0


if __name__ == "__main__":
    sys.exit(answers(Path(sys.argv[1])))
