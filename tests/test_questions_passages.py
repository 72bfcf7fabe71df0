"""Every passage of bench/questions/ occurs in its document; every unanswerable question's
answer pattern occurs in none.

Needs ../shared (skipped without it). Reads the documents directly — pypdfium2 for the
PDFs, the protocol .txt (form feed = page break) for the Göteborg KF protocols — and
not through namndkoll's reader, so the gold does not depend on the code it measures.
Whitespace and case are normalised; nothing else is."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
QDIR = REPO / "bench" / "questions"
PDF_DIRS = (REPO / "sample", SHARED / "data/pdf", SHARED / "data/pdf/goteborg-stadsrevisionen",
            SHARED / "data/pdf-other")
KF_DIR = SHARED / "data/protocols/goteborg-kf"

pytestmark = pytest.mark.skipif(not (SHARED / "data").is_dir(),
                                reason="../shared (development data) is not present")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def corpus_files() -> dict[str, Path]:
    files = {p.name: p for d in PDF_DIRS for p in sorted(d.glob("*.pdf"))}
    files.update({p.name: p for p in sorted(KF_DIR.glob("kf-*.txt"))})
    return files


@cache
def pages(name: str) -> tuple[str, ...]:
    path = corpus_files()[name]
    if path.suffix == ".txt":
        raw = path.read_text(encoding="utf-8").split("\f")
    else:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            raw = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
        finally:
            pdf.close()
    return tuple(norm(t) for t in raw)


def entries() -> list[dict]:
    return [e for s in ("dev", "test", "heldout", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8",
                        "dev9", "dev10", "dev11", "dev12", "dev13", "dev14", "dev15",
                        "dev16", "dev17", "dev18", "dev19", "dev20", "dev21")
            for e in json.loads((QDIR / f"{s}.json").read_text(encoding="utf-8"))]


def test_every_passage_is_on_its_page() -> None:
    files = corpus_files()
    wrong = []
    for e in (e for e in entries() if e["answerable"]):
        for name in [e["doc"], *e.get("alt_docs", [])]:
            assert name in files, f"{name} is not a corpus document"
        doc_pages = pages(e["doc"])
        for gold in [{"page": e["page"], "passage": e["passage"]}, *e.get("alt_passages", [])]:
            p = norm(gold["passage"])
            if not (gold["page"] <= len(doc_pages) and p in doc_pages[gold["page"] - 1]):
                wrong.append(f"{e['doc']} p.{gold['page']}: {gold['passage']}")
            # a passage shorter than a sentence (a table row, a list entry) must name one place only
            if len(p.split()) < 8 and sum(page.count(p) for page in doc_pages) != 1:
                wrong.append(f"{e['doc']}: short passage {gold['passage']!r} occurs more than once")
        p = norm(e["passage"])
        for alt in e.get("alt_docs", []):
            if not any(p in page for page in pages(alt)):
                wrong.append(f"{alt} (alt): {e['passage']}")
    assert not wrong, "\n".join(wrong)


def test_unanswerable_questions_have_no_answer_in_the_corpus() -> None:
    files = corpus_files()
    text = {name: norm(" ".join(pages(name))) for name in files}
    found = []
    for e in (e for e in entries() if not e["answerable"]):
        rx = re.compile(e["absent_regex"], re.IGNORECASE)
        scope = e.get("absent_in", "").lower()
        for name, body in text.items():
            if scope in name.lower() and (m := rx.search(body)):
                found.append(f"{e['q']!r}: {name}: {m.group(0)[:80]!r}")
    assert not found, "\n".join(found)
