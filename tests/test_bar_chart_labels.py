"""A bar chart's value labels are no table.

A column chart drawn as filled boxes side by side ("Medarbetarenkät 2019–2024": one bar a year,
its value set inside the top of its bar) was read by the ruling as a grid, each label in a cell
of its own ("74 | 78" over "69", …): a table of figures with no row or column that says what
they count, whose rows became search passages of bare numbers ("74 78") and figures without a
label. Now a grid of figures alone, no word in it and no column holding two of them, is no
table.
"""

from __future__ import annotations

import re
from pathlib import Path

from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

BARS = [("2019", 69), ("2020", 74), ("2021", 78), ("2022", 81), ("2023", 86), ("2024", 86)]


def _chart(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    c.drawString(72, h - 60, "Engagemanget bland medarbetarna har ökat varje år sedan 2019.")
    base, x = h - 300, 330.0
    c.line(x - 2, base, x + 6 * 30 + 2, base)
    for year, value in BARS:
        top = base + (value - 55) * 3.0
        c.setFillGray(0.6)
        c.rect(x, base, 27, top - base, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(font, 8)
        c.drawCentredString(x + 13.5, top - 12, str(value))
        c.drawCentredString(x + 13.5, base - 10, year)
        x += 30
    c.setFont(font, 9)
    c.drawString(316, base - 28, "Figur 9 Medarbetarenkät 2019–2024")
    c.showPage()
    c.save()
    return path


def test_a_bar_charts_value_labels_make_no_table_passages_or_figures(tmp_path: Path) -> None:
    doc = read_pdf(_chart(tmp_path / "diagram.pdf"))
    bare = re.compile(r"[\d\s·\n]+")
    passages = [ch.text for ch in table_chunks(doc)]
    assert not [p for p in passages if bare.fullmatch(p)], passages
    assert not [f.text for f in find_figures(doc) if f.table], [f.text for f in find_figures(doc)]
    assert not doc.pages[0].tables, doc.pages[0].tables
