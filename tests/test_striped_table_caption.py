"""A striped table whose last rows and caption are drawn in boxes of their own.

An annual report's table of cases per office ("Kontor | Antal ärenden | Antal handläggare") is
shaded every other row, and its last row and its caption of two lines under it ("Tabell 4 … per"
over "31 december 2024.") are drawn in white boxes, the caption's box a little wider than the
table. The caption's box gave the last part of the table a column more than the parts above, so
it was not joined to them: its rows were a table of their own with the caption as two of its
rows, and no row of the table was said with its caption, so no passage said when the figures
were counted. Now the caption is no part of the columns: the parts are one table, its caption
"Tabell 4 … per 31 december 2024." stands in each row's passage, and the last rows keep their
column heads."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

HEAD = ("Kontor", "Antal ärenden", "Antal handläggare")
ROWS = [("Borås", "41 250", "118"), ("Skövde", "30 114", "92"), ("Trollhättan", "22 407", "75"),
        ("Lidköping", "18 930", "61"), ("Uddevalla", "15 208", "57"), ("Alingsås", "12 776", "40"),
        ("Falköping", "9 843", "33")]
COLUMNS = (80, 230, 330, 440)  # column edges
CAPTION = ("Tabell 4 Ärenden och handläggare på de sju största kontoren per", "31 december 2024.")


def _pdf(path: Path) -> Path:
    """HEAD and ROWS, the head and every other row shaded; the last row in white boxes and the
    caption under it in a white box 7 points wider than the table, each of its lines in a box of
    its own inside it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    c.drawString(72, h - 60, "Förbundet förmedlar tolkar från sju kontor.")
    y = 100.0
    rows = (HEAD, *ROWS)
    for i, row in enumerate(rows):
        last = i == len(rows) - 1
        if i % 2 == 0 or last:
            c.setFillGray(1.0 if last else 0.85)
            for x0, x1 in pairwise(COLUMNS):
                c.rect(x0, h - y - 5, x1 - x0, 17, stroke=0, fill=1)
            c.setFillGray(0)
        for x0, cell in zip(COLUMNS, row, strict=False):
            c.drawString(x0 + 4, h - y, cell)
        y += 17
    c.setFillGray(1.0)  # the caption's box, and a box inside it for each of its lines
    c.rect(COLUMNS[0], h - y - 5 - 11, COLUMNS[-1] + 7 - COLUMNS[0], 28, stroke=0, fill=1)
    for k in range(len(CAPTION)):
        c.rect(COLUMNS[0] + 5, h - y + 12 - 14 * (k + 1), COLUMNS[-1] - 1 - COLUMNS[0], 14, stroke=0, fill=1)
    c.setFillGray(0)
    c.setFont(font, 8)
    for k, line in enumerate(CAPTION):
        c.drawString(COLUMNS[0] + 4, h - y - k * 11, line)
    c.showPage()
    c.save()
    return path


def test_a_striped_tables_rows_are_said_with_its_caption_under_it(tmp_path: Path) -> None:
    doc = read_pdf(_pdf(tmp_path / "kontor.pdf"))
    passages = {ch.text.split("\n", 1)[0]: ch.text for ch in table_chunks(doc)}
    caption = " ".join(CAPTION)
    for office, cases, staff in ROWS:
        mine = passages.get(f"{office} {cases} {staff}", "")
        assert caption in mine, (office, passages)
        assert f"{office} · Antal ärenden · {cases}" in mine, (office, passages)
    # the caption is no row of the table, and stays text of the page
    assert not [p for p in passages if p.startswith(("Tabell 4", "31 december"))], passages
    assert "Tabell 4" in doc.pages[0].text
