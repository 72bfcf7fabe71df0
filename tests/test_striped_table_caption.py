"""A striped table whose last rows and caption are drawn in boxes of their own.

An annual report's table of cases per office ("Kontor | Antal ärenden | Antal handläggare") is
shaded every other row, and its last row and its caption of two lines under it ("Tabell 4 … per"
over "31 december 2024.") are drawn in white boxes, the caption's box a little wider than the
table. The caption's box gave the last part of the table a column more than the parts above, so
it was not joined to them: its rows were a table of their own with the caption as two of its
rows, and no row of the table was said with its caption, so no passage said when the figures
were counted. Now the caption is no part of the columns: the parts are one table, its caption
"Tabell 4 … per 31 december 2024." stands in each row's passage, and the last rows keep their
column heads. Likewise a head whose cells have a box per line of their own (TFV's Tabell 2) no
longer keeps the parts apart, and a row headed by its year gives figures that name the year."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from test_pdf import _font
from test_pdf_striped_tables import by_row

from namndkoll.ingest.pdf import read_pdf

HEAD = ("Kontor", "Antal ärenden", "Antal handläggare")
ROWS = [("Borås", "41 250", "118"), ("Skövde", "30 114", "92"), ("Trollhättan", "22 407", "75"),
        ("Lidköping", "18 930", "61"), ("Uddevalla", "15 208", "57"), ("Alingsås", "12 776", "40"),
        ("Falköping", "9 843", "33")]
COLUMNS = (80, 230, 330, 440)  # column edges
CAPTION = ("Tabell 4 Ärenden och handläggare på de sju största kontoren per", "31 december 2024.")


def _pdf(path: Path, head: tuple[str, ...] = HEAD, rows: list[tuple[str, ...]] | None = None) -> Path:
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
    lines = (head, *(ROWS if rows is None else rows))
    for i, row in enumerate(lines):
        last = i == len(lines) - 1
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
    passages = by_row(doc)
    caption = " ".join(CAPTION)
    for office, cases, staff in ROWS:
        mine = passages.get(f"{office} {cases} {staff}", "")
        assert caption in mine, (office, passages)
        assert f"{office} · Antal ärenden · {cases}" in mine, (office, passages)
    # the caption is no row of the table, and stays text of the page
    assert not [p for p in passages if p.startswith(("Tabell 4", "31 december"))], passages
    assert "Tabell 4" in doc.pages[0].text


def test_a_row_headed_by_its_year_gives_figures_that_name_it(tmp_path: Path) -> None:
    """A table of one row a year ("År | Antal ärenden | …" over "2024 | 41 250 | …"): each
    figure of a row names the row's year ("2024 | Antal ärenden: 41 250"); it named none, so the
    year's figure could not be told from the other years'."""
    from namndkoll.extract.figures import find_figures

    years = [("2024", "41 250", "118"), ("2023", "39 874", "112"), ("2022", "37 015", "109"),
             ("2021", "33 402", "101")]
    doc = read_pdf(_pdf(tmp_path / "ar.pdf", head=("År", "Antal ärenden", "Antal handläggare"), rows=years))
    figs = {f.text: f for f in find_figures(doc) if f.table}
    for year, cases, staff in years:
        f = figs.get(f"{year} | Antal ärenden: {cases}")
        assert f is not None and f.value == float(cases.replace(" ", "")), (year, list(figs))
        assert f"{year} | Antal handläggare: {staff}" in figs, list(figs)


def _padded_pdf(path: Path) -> Path:
    """A table of one row a year drawn as TFV's Tabell 2 is: each cell an outer box with an inner
    box per line of its text, the head's cells two lines high ("Antal" over "ärenden"), the head
    and the first year shaded together, then every other year; the years between are plain."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    cols = (71.0, 145.0, 235.0, 326.0)

    def cell_boxes(top: float, lines: int) -> None:
        c.setFillGray(0.85)
        for x0, x1 in pairwise(cols):
            c.rect(x0, h - top - 4 - 12 * lines, x1 - x0, 4 + 12 * lines, stroke=0, fill=1)
            for k in range(lines):  # a head's line boxes start at its top, as the report's
                pad = 0 if lines > 1 else 2
                c.rect(x0 + 5, h - top - pad - 12 * (k + 1), x1 - x0 - 10, 12, stroke=0, fill=1)
        c.setFillGray(0)

    top = 100.0
    cell_boxes(top, 2)
    for x0, (a, b) in zip(cols, (("År", ""), ("Antal", "ärenden"), ("Antal", "handläggare")), strict=False):
        c.drawString(x0 + 6, h - top - 11, a)
        if b:
            c.drawString(x0 + 6, h - top - 23, b)
    top += 28
    for i, row in enumerate(YEARS):
        if i % 2 == 0:
            cell_boxes(top, 1)
        for x0, cell in zip(cols, row, strict=False):
            c.drawString(x0 + 6, h - top - 11, cell)
        top += 17
    c.drawString(72, h - top - 20, "Tabell 2 Ärenden och handläggare")
    c.showPage()
    c.save()
    return path


YEARS = [("2025", "41 250", "118"), ("2024", "39 874", "112"), ("2023", "37 015", "109"),
         ("2022", "33 402", "101"), ("2021", "30 977", "96")]


def test_a_striped_table_whose_head_cells_have_boxes_of_their_own_is_one_table(tmp_path: Path) -> None:
    """The head's two-line cells, a box per line inside each, were read as small tables of their
    own standing between the head's part and the next shaded part, so the parts were not joined:
    the plain row between them (2024) was in no table and said with no column heads."""
    doc = read_pdf(_padded_pdf(tmp_path / "tabell2.pdf"))
    passages = by_row(doc)
    for year, cases, staff in YEARS:
        mine = passages.get(f"{year} {cases} {staff}", "")
        assert f"Antal ärenden · {cases}" in mine, (year, passages)
