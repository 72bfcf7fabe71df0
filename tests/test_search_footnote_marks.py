"""What a search makes of a footnote's mark (issue 8/11): the reader keeps the mark apart
("riktlinje ¹", ``test_pdf_superscripts.py``); the search model reads the passage without it,
and a "Hur många …" question is not answered by a mark taken for a figure. Real PDFs made with
reportlab: the mark in smaller type with the text rise, as Word sets a superscript."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from test_pdf_superscripts import _pdf, _text
from test_search import FakeEmbedder

from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.ingest import read_document
from namndkoll.marks import SUPERSCRIPT_DIGITS, marks_as_digits, without_marks
from namndkoll.search import index_corpus
from namndkoll.search.question import read_question
from namndkoll.search.rerank import has_figure, states_kind


class _Reading(FakeEmbedder):
    """The fake embedder, keeping every passage it was given."""

    def __init__(self) -> None:
        super().__init__()
        self.read: list[str] = []

    def embed(self, texts: Sequence[str], *, kind: str = "passage") -> np.ndarray:
        self.read += texts
        return super().embed(texts, kind=kind)


def test_the_search_model_reads_the_word_without_its_mark_and_the_quote_keeps_it(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "rapport.pdf", [
        [("Revisionsrapport: uppföljning av tidigare granskningar", False)],
        [("Per 2024-05-27 finns numera en upprättad riktlinje", False), ("1", True),
         (" avseende mottagande i anpassad grundskola.", False)],
        [("Av genomlysningen avseende läsåret 2023/2024", False), ("6", True), (" konstateras brister.", False)],
    ])
    conn = open_db(tmp_path / "c.db")
    try:
        with transaction(conn):
            replace_document(conn, read_document(pdf, ocr=False))
        emb = _Reading()
        index_corpus(conn, emb)
        stored = " ".join(r[0] for r in conn.execute("SELECT text FROM chunks"))
    finally:
        conn.close()
    read = " ".join(emb.read)
    assert "riktlinje avseende mottagande" in read and "2023/2024 konstateras" in read
    assert not any(c in read for c in SUPERSCRIPT_DIGITS)
    assert "riktlinje ¹ avseende" in stored and "2023/2024 ⁶ konstateras" in stored


def test_a_mark_is_no_figure_that_answers_how_many(tmp_path: Path) -> None:
    text = _text(_pdf(tmp_path / "a.pdf", [
        [("Grundsärskolan är sedan 2021 integrerad i grundskolan.", False), ("1", True),
         (" Rektorerna har ansvaret för eleverna.", False)],
    ]))
    question = read_question("Hur många elever i grundsärskolan fick inte lärarledd undervisning?")
    assert "figure" in question.kinds
    assert "grundskolan. ¹ Rektorerna" in text
    assert not states_kind(question, text)
    # the reranker's weights were fitted on marks read as digits: its figure feature reads them so
    assert has_figure(marks_as_digits(text))


@pytest.mark.parametrize(("text", "without", "digits"), [
    ("riktlinje ¹ avseende", "riktlinje avseende", "riktlinje 1 avseende"),
    ("allmänna råd ². Exempelvis", "allmänna råd. Exempelvis", "allmänna råd 2. Exempelvis"),
    ("upprättad rutin ¹⁰ att", "upprättad rutin att", "upprättad rutin 10 att"),
    ("SRHR ⁶-utbildning", "SRHR-utbildning", "SRHR 6-utbildning"),
    ("3 500 m² bruttoarea", "3 500 m² bruttoarea", "3 500 m² bruttoarea"),  # a unit the PDF holds as ²
    ("1,5 m3/s", "1,5 m3/s", "1,5 m3/s"),
])
def test_marks_left_out_or_read_as_digits(text: str, without: str, digits: str) -> None:
    assert without_marks(text) == without
    assert marks_as_digits(text) == digits
