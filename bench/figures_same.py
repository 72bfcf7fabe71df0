"""Whether a refactoring of the figure readers changed what they read: the same calls on the
same texts, written out so two checkouts' answers can be compared byte for byte.

    # once: read every reachable PDF and text into documents (pages, tables, § items; any checkout)
    python bench/figures_same.py docs bench/out/fig-docs.pkl
    # with each checkout on PYTHONPATH: every answer, one JSON line per figure or word
    PYTHONPATH=/tmp/base python bench/figures_same.py answers bench/out/fig-docs.pkl > before.jsonl
    PYTHONPATH=$PWD python bench/figures_same.py answers bench/out/fig-docs.pkl > after.jsonl
    cmp before.jsonl after.jsonl

The documents are the PDFs in ../shared/data/pdf and pdf-other, the structure gold's dev PDFs
(/work/gold-pdfs/dev), the openings' PDFs and sources (/work/gold-pdfs/openings*), read by
``read_pdf`` without OCR (pdfium's page text, pdfplumber's tables), and the texts split into
pages at form feeds: the Göteborg KF protocols (../shared/data/protocols/goteborg-kf) and the
openings' .txt files. Held-out PDFs and texts are never read.

Each document is asked through ``find_figures`` (every Figure: kind, value, unit or counted
noun, span, quote, table place), and each page's normalised text through ``iter_figures`` with
``sentence_around`` for every figure. Then every distinct word of all the texts goes through
``lemma`` and ``count_unit``, and after a number ("3 {word}", "1 {word}", "tre nya {word}"), and
every two words that follow each other on a line after "3 " ("3 {word} {next}"), so the
counted-noun rules are exercised on the whole vocabulary, not only where a number happens to
stand before a word.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from itertools import pairwise
from pathlib import Path
from typing import Any

from same import ROOT, emit, gold_pdfs, opening_texts

DATA = ROOT.parent / "shared" / "data"
_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü]+(?:-[A-Za-zÅÄÖåäöÉéÜü]+)*")


def _texts() -> list[Path]:
    """The Göteborg KF protocols' texts and the openings' text copies."""
    kf = DATA / "protocols" / "goteborg-kf"
    found = set(kf.rglob("*.txt")) if kf.is_dir() else set()
    return sorted(found | set(opening_texts()))


def read_docs(out: Path) -> int:
    """Every reachable document with its pages, tables and § items, pickled as (name, Document)."""
    from dataclasses import replace

    from namndkoll.errors import NamndkollError
    from namndkoll.ingest.pdf import read_pdf
    from namndkoll.ingest.sanitize import sanitize_document
    from namndkoll.ingest.structure import find_items
    from namndkoll.types import PAGE_SEP, Document, Page, with_offsets

    docs: list[tuple[str, Any]] = []
    for pdf in gold_pdfs():
        try:
            doc = sanitize_document(read_pdf(pdf, ocr=False))
        except NamndkollError as exc:
            print(f"skip {pdf}: {exc}", file=sys.stderr)
            continue
        docs.append((str(pdf), replace(doc, items=find_items(doc.text, doc.pages))))
        print(f"{len(docs):4} {pdf.name}", file=sys.stderr)
    for txt in _texts():
        parts = txt.read_text(encoding="utf-8", errors="replace").split("\f")
        pages = with_offsets([Page(i + 1, t) for i, t in enumerate(parts) if t.strip()] or [Page(1, "")])
        items = find_items(PAGE_SEP.join(p.text for p in pages), pages)
        docs.append((f"{txt} (text)", Document(str(txt), "", tuple(pages), items=items)))
    out.write_bytes(pickle.dumps(docs))
    print(f"{len(docs)} documents -> {out}", file=sys.stderr)
    return 0


def answers(pickled: Path) -> int:
    """One JSON line per figure and per word, in a fixed order."""
    from namndkoll.extract.figure_text import (
        count_unit,
        iter_figures,
        lemma,
        normalize_spaces,
        sentence_around,
    )
    from namndkoll.extract.figures import find_figures

    docs = pickle.loads(pickled.read_bytes())
    words: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for name, doc in docs:
        for f in find_figures(doc):
            emit(name, "find_figures", "", f)
        for page in doc.pages:
            body = normalize_spaces(page.text)
            for line in body.splitlines():
                found = _WORD.findall(line)
                words.update(found)
                pairs.update(pairwise(found))
            for fig in iter_figures(body):
                emit(name, "iter_figures", str(page.number), (fig, sentence_around(body, fig[0], fig[1])))
    for w in sorted(words):
        lem = lemma(w)
        emit(w, "lemma", "", (lem, count_unit(lem)))
        for text in (f"3 {w}", f"1 {w}", f"tre nya {w}"):
            emit(w, "iter_figures", text, list(iter_figures(text)))
    for w1, w2 in sorted(pairs):
        text = f"3 {w1} {w2}"
        emit(w1, "iter_figures", text, list(iter_figures(text)))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=("docs", "answers"))
    ap.add_argument("pickle", type=Path)
    a = ap.parse_args()
    return read_docs(a.pickle) if a.step == "docs" else answers(a.pickle)


if __name__ == "__main__":
    sys.exit(main())
