"""A table's caption travels with its rows.

A question in the words of a table's title ("hur många tjänster …" over a table titled "Antal
tjänster per enhet") must reach the row that holds the number, though no cell says "tjänster":
the title the page sets for a table — a "Tabell 3 …" line under or over it, or a heading right
above it — is kept as the table's caption (stored on both backends) and opens each value line of
its rows' passages ("Antal tjänster per enhet · Kulturenheten · 2025 · 121"). The last line of a
paragraph above a table is not a caption."""

from __future__ import annotations

from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from test_pdf import _font
from test_pdf_striped_tables import by_row

from namndkoll.corpus import opened
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks
from namndkoll.types import Metadata, Table

HEAD = ("Enhet", "2024", "2025")
ROWS = [("Kulturenheten", "118", "121"), ("Fritidsenheten", "64", "70"), ("Stabsenheten", "23", "25")]
COLUMNS = (72, 240, 330, 420)


def _page(path: Path, above: list[tuple[str, bool, float]], *, ruled: bool = True, below: str = "") -> Path:
    """An A4 page: the lines ``above`` (text, bold, gap before it in points), then HEAD and ROWS
    (drawn in boxes when ``ruled``, else set in aligned columns), then ``below`` right under it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    y = 60.0
    for text, bold, gap in above:
        y += gap
        c.setFont("Helvetica-Bold" if bold else font, 10)
        c.drawString(72, h - y, text)
    y += 20
    c.setFont(font, 10)
    for row in (HEAD, *ROWS):
        if ruled:
            for x0, x1 in pairwise(COLUMNS):
                c.rect(x0, h - y - 5, x1 - x0, 17, stroke=1, fill=0)
        for x0, cell in zip(COLUMNS, row, strict=False):
            c.drawString(x0 + 4, h - y, cell)
        y += 17
    if below:
        c.drawString(72, h - y - 4, below)
    c.showPage()
    c.save()
    return path


def _row(doc, label: str) -> str:  # type: ignore[no-untyped-def]
    mine = [text for row, text in by_row(doc).items() if row.startswith(label)]
    assert len(mine) == 1, ([ch.text for ch in table_chunks(doc)], doc.pages[0].text)
    return mine[0]


def test_a_bold_heading_right_above_a_table_opens_each_value_of_its_rows(tmp_path: Path) -> None:
    doc = read_pdf(_page(tmp_path / "t.pdf", [
        ("Enheterna har fått fler medarbetare under året, främst inom kulturen.", False, 0),
        ("Antal tjänster per enhet", True, 24)]))
    assert doc.pages[0].tables[0].caption == "Antal tjänster per enhet"
    passage = _row(doc, "Kulturenheten")
    assert "Antal tjänster per enhet · Kulturenheten · 2025 · 121" in passage.split("\n"), passage
    assert "Antal tjänster per enhet" in doc.pages[0].text  # still text of the page too


def test_a_numbered_caption_under_an_unruled_table_is_its_caption(tmp_path: Path) -> None:
    doc = read_pdf(_page(tmp_path / "t.pdf", [
        ("Tjänsterna fördelar sig på enheterna som tabellen nedan visar för de två åren.", False, 0)],
        ruled=False, below="Tabell 4 Antal tjänster per enhet"))
    assert [t.caption for t in doc.pages[0].tables] == ["Tabell 4 Antal tjänster per enhet"]
    assert "Tabell 4 Antal tjänster per enhet · Fritidsenheten · 2024 · 64" in _row(doc, "Fritidsenheten")


def test_a_title_in_the_texts_own_font_standing_apart_is_a_caption(tmp_path: Path) -> None:
    doc = read_pdf(_page(tmp_path / "t.pdf", [
        ("Enheterna har fått fler medarbetare under året, främst inom kulturen.", False, 0),
        ("Tjänster per enhet 2024–2025", False, 24)]))
    assert doc.pages[0].tables[0].caption == "Tjänster per enhet 2024–2025"


def test_the_last_line_of_a_paragraph_above_a_table_is_no_caption(tmp_path: Path) -> None:
    doc = read_pdf(_page(tmp_path / "t.pdf", [
        ("Enheterna har fått fler medarbetare under året, främst inom kulturen där", False, 0),
        ("två nya tjänster har inrättats", False, 12)]))
    assert doc.pages[0].tables[0].caption == ""
    assert _row(doc, "Kulturenheten").split("\n")[1].startswith("Kulturenheten · ")


def test_a_caption_is_stored_and_read_back_on_both_backends(db: str) -> None:
    from test_search import report

    doc = report("c.pdf", ["Antal tjänster per enhet"], Metadata(
        "Rapport", "Alingsås", "Kulturnämnden", "rapport", "2026-03-01", (), "kommun"))
    table = Table(1, (HEAD, *ROWS), (72.0, 100.0, 420.0, 170.0), (), "Antal tjänster per enhet")
    doc = replace(doc, pages=(replace(doc.pages[0], tables=(table,)),))
    with opened(db, write=True) as st:
        with st.transaction():
            doc_id = st.replace_document(doc)
        assert st.load_document(doc_id).pages[0].tables == (table,)
        assert st.page_tables(doc_id, 1)[0].caption == "Antal tjänster per enhet"


def test_show_names_a_tables_caption(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from namndkoll.api import ingest
    from namndkoll.cli import app

    corpus = tmp_path / "t.db"
    pdf = _page(tmp_path / "t.pdf", [("Enheterna har fått fler medarbetare under året.", False, 0),
                                     ("Antal tjänster per enhet", True, 24)])
    assert ingest([pdf], db=corpus, index=False, extract=False).count("ingested") == 1
    out = CliRunner().invoke(app, ["show", "t.pdf", "--db", str(corpus), "--page", "1"]).output
    assert "[table 1 of page 1: Antal tjänster per enhet]" in out, out
