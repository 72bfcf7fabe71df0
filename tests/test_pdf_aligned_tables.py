"""Tables set by right-aligned figures, without ruling, read from the words' positions.

An annual report's operating statement ("Belopp i tkr" over "Utfall / Budget / Utfall" and
"2026 / 2026 / 2025", its figures right-aligned under them with a thin space in each thousands
group) was read from line boxes: "152 804 148 000 139 655" could not be told apart into three
numbers, and a row with an empty cell ("Övriga bidrag 31 … 212": 31 in the first column, 212
in the third) not at all. Now each figure is one number however its thousands are set apart,
each in the column whose right edge it ends at, under a header of its two lines read as one
("Budget 2026"), and the group heading under the header ("INKOMSTER") heads no column."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

EDGES = (330.0, 400.0, 470.0)  # the right edges of the three columns
HEAD = [("Utfall", "Budget", "Utfall"), ("2026", "2026", "2025")]
ROWS = [("INKOMSTER", None), ("Hyresintäkter", ("152 804", "148 000", "139 655")),
        ("Övriga bidrag", ("31", "", "212")), ("Återbetalda avgifter", ("-4 120", "0", "-2 310")),
        ("Summa inkomster", ("148 715", "148 000", "137 557")), ("UTGIFTER", None),
        ("Lönekostnader", ("61 406", "63 200", "58 902")), ("Lokalhyror", ("9 874", "9 900", "9 511"))]


def _statement(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 11)
    c.drawString(72, h - 60, "Resultatet för året blev något bättre än budgeterat, främst genom lägre lönekostnader.")
    y = 100.0
    c.setFont(font, 10)
    c.drawString(72, h - y - 7, "Belopp i tkr")
    for i, line in enumerate(HEAD):
        for x1, word in zip(EDGES, line, strict=True):
            c.drawRightString(x1, h - y - 14 * i, word)
    y += 36
    for label, figures in ROWS:
        c.drawString(72, h - y, label)
        for x1, fig in zip(EDGES, figures or ("", "", ""), strict=True):
            if fig:  # a thin gap inside a thousands group: each group drawn by itself
                parts = fig.split(" ")
                right = x1
                for part in reversed(parts):
                    c.drawRightString(right, h - y, part)
                    right -= c.stringWidth(part, font, 10) + 2.2
        y += 17
    c.drawString(72, h - y - 20, "Lönekostnaderna blev lägre än budgeterat på grund av vakanser under året.")
    c.showPage()
    c.save()
    return path


def test_right_aligned_figures_are_read_into_their_columns(tmp_path: Path) -> None:
    doc = read_pdf(_statement(tmp_path / "r.pdf"))
    tables = doc.pages[0].tables
    rows = [r for t in tables for r in t.rows]
    assert ("Hyresintäkter", "152 804", "148 000", "139 655") in rows, rows
    assert ("Övriga bidrag", "31", "", "212") in rows, rows
    assert ("Återbetalda avgifter", "-4 120", "0", "-2 310") in rows, rows
    assert ("Lokalhyror", "9 874", "9 900", "9 511") in rows, rows
    passages = [ch.text for ch in table_chunks(doc)]
    bidrag = next(p for p in passages if "Övriga bidrag ·" in p)
    assert "Övriga bidrag · Utfall 2026 · 31" in bidrag and "Övriga bidrag · Utfall 2025 · 212" in bidrag, bidrag
    hyror = next(p for p in passages if "Lokalhyror ·" in p)
    assert "Lokalhyror · Budget 2026 · 9 900" in hyror, hyror
    assert "Hyresintäkter" not in doc.pages[0].text and "Resultatet för året" in doc.pages[0].text


def test_figures_in_prose_lines_make_no_table(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / "p.pdf"
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(_font(), 10)
    for i, text in enumerate(["Intäkterna uppgick till 152 804 tkr och utgifterna till 148 715 tkr.",
                              "Av dessa var 61 406 tkr lönekostnader och 9 874 tkr lokalhyror.",
                              "Budgeten för 2027 är 150 000 tkr och prognosen 149 500 tkr."]):
        c.drawString(72, h - 80 - 14 * i, text)
    c.showPage()
    c.save()
    doc = read_pdf(path)
    assert doc.pages[0].tables == () and "61 406 tkr lönekostnader" in doc.pages[0].text
