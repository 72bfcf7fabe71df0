"""Whether a refactoring of the metadata reader changed what it reads: the same calls on the same
pages, written out so two checkouts' answers can be compared byte for byte.

    # once: read every reachable PDF and openings text into pages and § items (any checkout)
    python bench/metadata_same.py pages bench/out/meta-pages.pkl
    # with each checkout on PYTHONPATH: every answer, one JSON line per call
    PYTHONPATH=/tmp/base python bench/metadata_same.py answers bench/out/meta-pages.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/metadata_same.py answers bench/out/meta-pages.pkl > after.jsonl
    cmp before.jsonl after.jsonl

The pages come from the PDFs in ../shared/data/pdf and pdf-other, the structure gold's dev PDFs
(/work/gold-pdfs/dev), the openings' PDFs and sources (/work/gold-pdfs/openings*), and the
openings' .txt texts split into pages at form feeds. Held-out PDFs are never read. Each document
is asked through ``read_metadata`` on four views of its pages and items (whole, without items,
its first two pages, all but its first page), ``with_file_name``, the public finders
(``find_doc_type``, ``find_kind``, ``find_date``, ``find_diarienummer``, ``is_extract``,
``find_municipality``) and ``find_committee`` for every document type and two organisation kinds,
so a rule a document's own type never reaches is still exercised on real text.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, get_args

from same import emit, gold_pdfs, opening_texts


def read_pages(out: Path) -> int:
    """Every reachable document's pages and § items, pickled as (name, source, pages, items)."""
    from namndkoll.errors import NamndkollError
    from namndkoll.ingest.pdf import read_pdf
    from namndkoll.ingest.sanitize import sanitize_document
    from namndkoll.ingest.structure import find_items
    from namndkoll.types import PAGE_SEP, Page, with_offsets

    docs: list[tuple[str, str, tuple[Page, ...], tuple[Any, ...]]] = []
    for pdf in gold_pdfs():
        try:
            pages = sanitize_document(read_pdf(pdf)).pages
        except NamndkollError as exc:
            print(f"skip {pdf}: {exc}", file=sys.stderr)
            continue
        docs.append((str(pdf), str(pdf), tuple(pages), find_items(PAGE_SEP.join(p.text for p in pages), pages)))
        print(f"{len(docs):4} {pdf.name}", file=sys.stderr)
    for txt in opening_texts():
        parts = txt.read_text(encoding="utf-8", errors="replace").split("\f")
        pages = with_offsets([Page(i + 1, t) for i, t in enumerate(parts) if t.strip()] or [Page(1, "")])
        docs.append((f"{txt} (text)", str(txt), pages, find_items(PAGE_SEP.join(p.text for p in pages), pages)))
    out.write_bytes(pickle.dumps(docs))
    print(f"{len(docs)} documents -> {out}", file=sys.stderr)
    return 0


def _views(pages: Sequence[Any], items: Sequence[Any]) -> Iterator[tuple[str, Sequence[Any], Sequence[Any]]]:
    yield "whole", pages, items
    yield "no items", pages, ()
    yield "first two pages", pages[:2], items[:1]
    yield "after page 1", pages[1:], items[1:]


def answers(pickled: Path) -> int:
    """One JSON line per call, in a fixed order."""
    from namndkoll.ingest import metadata
    from namndkoll.types import DocType

    docs = pickle.loads(pickled.read_bytes())
    doc_types: list[str | None] = [None, "other", *get_args(DocType)]
    for name, source, pages, items in docs:
        for view, pp, ii in _views(pages, items):
            if not pp:
                continue
            md = metadata.read_metadata(pp, ii, source=source)
            emit(name, "read_metadata", view, md)
            emit(name, "with_file_name", view, metadata.with_file_name(md, source))
        header = "\n".join(h for p in pages[:3] for h in (p.header, p.footer) if h)
        page1 = [ln.strip() for ln in pages[0].text.splitlines() if ln.strip()]
        lines = [ln.strip() for p in pages[:2] for ln in p.text.splitlines() if ln.strip()]
        all_lines = [ln.strip() for p in pages for ln in p.text.splitlines() if ln.strip()]
        last = [ln.strip() for ln in pages[-1].text.splitlines() if ln.strip()]
        text = "\n".join(all_lines[:400])
        first_text = "\n".join(p.text for p in pages[:3])
        top = header.splitlines() + page1[:15]
        emit(name, "find_diarienummer", "", metadata.find_diarienummer(first_text))
        emit(name, "find_kind", "", metadata.find_kind(top))
        emit(name, "find_municipality", "", metadata.find_municipality(lines))
        emit(name, "is_extract", "", metadata.is_extract(pages, len(items)))
        for has in (True, False):
            emit(name, "find_doc_type", str(has), metadata.find_doc_type(
                top, has, first_text=first_text, last_lines=last, first_line=page1[0] if page1 else ""))
        for dt in doc_types:
            for kind in (None, "kallelse", "policy"):
                emit(name, "find_date", f"{dt} {kind}", metadata.find_date(
                    header, lines, dt, kind, all_lines=all_lines, first_page=page1))
            for org_kind in (None, "kommunalforbund"):
                emit(name, "find_committee", f"{dt} {org_kind}", metadata.find_committee(
                    header, page1, dt, text=text, org_kind=org_kind, last_lines=last, more_lines=lines))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("pages", "answers"))
    ap.add_argument("pickle", type=Path)
    a = ap.parse_args()
    return read_pages(a.pickle) if a.step == "pages" else answers(a.pickle)


if __name__ == "__main__":
    sys.exit(main())
