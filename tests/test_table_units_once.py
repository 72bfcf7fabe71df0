"""A table whose unit its page says once: its row passages say the unit after each value.

Alingsås' budget frames 2027–2029 (pp. 2–4, "NÄMND | Ram inkl PKV | …") state no unit in the table;
the page's text writes its amounts in tkr ("Ingaredsskolan (6 000 tkr)"), and the figures read the
cells in tkr, but the passages said "Ram inkl PKV · 1 049 382", a number without its unit; the
frames of 2028 and 2029, on pages of their own under the same header, likewise. A line "Belopp
i tkr" on the page or a title "…, tkr" says it the same way.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks
from namndkoll.types import Document, Page, Table, with_offsets

COLS = (70.0, 250.0, 350.0, 450.0)
LINE = 16.0


def _frames_pdf(path: Path, pages: list[tuple[list[str], list[tuple[str, ...]]]]) -> Path:
    """Pages of text lines over a ruled table each (the table's rows, the first its header)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for lines, rows in pages:
        c.setFont(font, 10)
        y = 60.0
        for text in lines:
            c.drawString(70, h - y, text)
            y += 16
        y += 10
        for row in rows:
            for j, cell in enumerate(row):
                c.rect(COLS[j], h - y - LINE, COLS[j + 1] - COLS[j], LINE)
                if j == 0 or not cell[:1].isdigit():
                    c.drawString(COLS[j] + 3, h - y - LINE + 5, cell)
                else:
                    c.drawRightString(COLS[j + 1] - 3, h - y - LINE + 5, cell)
            y += LINE
        c.showPage()
    c.save()
    return path


FRAMES = (
    ("NÄMND", "Ram inkl PKV", "Statsbidrag"),
    ("Socialnämnden", "274 077", "9 192"),
    ("Tekniska nämnden", "88 604", "0"),
)


def _frames(text: str, caption: str = "") -> Document:
    pages = [Page(1, text, tables=(Table(1, FRAMES, (100.0, 137.5, 500.0, 331.0), (), caption),)),
             Page(2, "Ramar 2028", tables=(Table(2, FRAMES, (100.0, 137.5, 500.0, 331.0)),))]
    return Document("ramar.pdf", hashlib.sha256(text.encode()).hexdigest(), with_offsets(pages))


def test_frames_whose_page_writes_its_amounts_in_tkr_say_tkr_after_each_value(tmp_path: Path) -> None:
    pdf = _frames_pdf(tmp_path / "ramar.pdf", [
        (["Ram 2027", "Ramjusteringar gällande lokalkostnader:", "Barn- och ungdomsnämnden, Ingaredsskolan (6 000 tkr)",
          "Kommunstyrelsen, lokalkostnad kommunhuset (4 000 tkr)"], list(FRAMES)),
        (["Ram 2028"], list(FRAMES))])
    doc = read_pdf(pdf)
    assert [len(p.tables) for p in doc.pages] == [1, 1]
    soc = [c.text for c in table_chunks(doc) if c.text.startswith("Socialnämnden")]
    assert len(soc) == 2
    assert all("Ram inkl PKV · 274 077 tkr" in t and "Statsbidrag · 9 192 tkr" in t for t in soc), soc
    figs = [f for f in find_figures(doc) if f.table and f.text.startswith("Socialnämnden | Ram inkl PKV")]
    assert [(f.page, f.value) for f in figs] == [(1, 274_077_000.0), (2, 274_077_000.0)]


def test_a_table_whose_unit_the_page_says_once_says_it_after_each_value() -> None:
    for text, caption in (("Ramar 2027\n• Ingaredsskolan (6 000 tkr)\n• Kommunhuset (4 000 tkr)", ""),
                          ("Ramar 2027\nBelopp i tkr", ""), ("Ramar 2027", "Ramar per nämnd, tkr")):
        doc = _frames(text, caption)
        chunks = table_chunks(doc)
        soc = [c.text for c in chunks if c.text.startswith("Socialnämnden")]
        assert len(soc) == 2, text
        # the same frames on the next page, under the same header, are in the same unit
        assert all("Ram inkl PKV · 274 077 tkr" in t and "Statsbidrag · 9 192 tkr" in t for t in soc), (text, soc)
        figs = [f for f in find_figures(doc) if f.table and f.text.startswith("Socialnämnden | Ram inkl PKV")]
        assert [f.value for f in figs] == [274_077_000.0] * 2, text  # as the figures read it
    # a page whose text writes amounts in plain kronor and in tkr states no one unit: none is said
    doc = _frames("Ramar 2027\nAvgiften är 500 kr.\nIngaredsskolan (6 000 tkr)")
    soc = next(c.text for c in table_chunks(doc) if c.text.startswith("Socialnämnden"))
    assert "Ram inkl PKV · 274 077\n" in soc and "tkr" not in soc
