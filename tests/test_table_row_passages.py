"""A table row's search passage says each number once.

A forecast table of one value column ("Nämnd | Prognos 2026, mnkr") gave each row's passage as
the row as written and then its cell with its headers, the unit twice ("Kulturnämnden -1,4" over
"Kulturnämnden · Prognos 2026, mnkr · -1,4 mnkr"): a hit quoted every number twice. A row that is
only its label and one value is now that cell's line alone, the unit said once after the value,
still found by its label and value; the page's image still marks the row.
"""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import row_of, table_chunks

ROWS = (("Nämnd", "Prognos 2026, mnkr"), ("Kulturnämnden", "-1,4"), ("Fritidsnämnden", "0,6"),
        ("Miljönämnden", "-2,2"), ("Valnämnden", "0,1"))


def _forecast(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    c.drawString(72, h - 80, "Nämndernas prognoser efter oktober visar ett samlat underskott.")
    xs, top, step = (72.0, 260.0, 420.0), 110.0, 20.0
    for i, row in enumerate(ROWS):
        y = h - top - step * i
        c.drawString(xs[0] + 4, y - 14, row[0])
        c.drawRightString(xs[2] - 4, y - 14, row[1])
    for i in range(len(ROWS) + 1):
        c.line(xs[0], h - top - step * i, xs[2], h - top - step * i)
    for x in xs:
        c.line(x, h - top, x, h - top - step * len(ROWS))
    c.showPage()
    c.save()
    return path


def test_a_row_of_one_value_says_its_number_once_with_its_headers(tmp_path: Path) -> None:
    doc = read_pdf(_forecast(tmp_path / "prognos.pdf"), ocr=False)
    passages = {c.text.split(" · ", 1)[0]: c for c in table_chunks(doc) if c.section == "table"}
    assert set(passages) >= {"Kulturnämnden", "Fritidsnämnden", "Miljönämnden", "Valnämnden"}, passages
    kultur = passages["Kulturnämnden"].text
    assert kultur == "Kulturnämnden · Prognos 2026 · -1,4 mnkr", kultur
    assert all(c.text.count(value) == 1 for (label, value), c in
               ((r, passages[r[0]]) for r in ROWS[1:])), [c.text for c in passages.values()]
    # the page image's row box is still found from the passage
    tables = list(doc.pages[0].tables)
    t, r = row_of(tables, kultur) or (None, None)
    assert t == 0 and tables[0].rows[r][0] == "Kulturnämnden"
