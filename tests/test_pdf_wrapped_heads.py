"""A header cell that wraps onto two lines inside a ruled grid is one header, not two rows.

Report tools draw a wrapped head's box per line ("Antal" over "uppdrag", "Sjukvårds-" over
"auktoriserade" over "tolkar") while the heads beside it are drawn across both lines; the ruling
then cuts the header in rows and the column was headed "Antal | uppdrag", "Sjukvårds- |
auktoriserade | tolkar", the figure in it named so. A timeline's row of its own under a header
("År 2026" under "Datum"), and a lower level of a spanning header ("Utfall", "Budget" under
"Period"), stay rows."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf
from namndkoll.tables import body_cells

COLS = (70, 200, 260, 330, 420)
LINE = 14.0


def _grid_pdf(path: Path, head: list[list[str]], rows: list[tuple[str, ...]], *, own_boxes: bool = False,
              spans: dict[int, int] | None = None) -> Path:
    """A ruled table drawn cell by cell: ``head`` gives each column's header lines; a column of
    several lines gets a box per line, the others one box across all lines (with ``own_boxes``
    every line is a row of boxes of its own). ``spans``: a top cell drawn across columns
    (first column -> last column)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 9)
    c.drawString(70, h - 60, "Tabellen visar uppdrag och tolkar per språk under året.")
    top = 90.0
    depth = max(len(lines) for lines in head)
    spans = spans or {}
    covered = {j for a, b in spans.items() for j in range(a + 1, b + 1)}
    for j, lines in enumerate(head):
        x0, x1 = COLS[j], COLS[j + 1]
        for i in range(depth):
            y0 = h - top - (i + 1) * LINE
            if j in spans and i == 0:
                c.rect(x0, y0, COLS[spans[j] + 1] - x0, LINE)  # the spanning head, over its columns
            elif j in covered and i == 0:
                continue
            elif own_boxes or j in spans or j in covered or sum(bool(t) for t in lines) > 1:
                c.rect(x0, y0, x1 - x0, LINE)  # a box per line
            elif i == 0:
                c.rect(x0, h - top - depth * LINE, x1 - x0, depth * LINE)  # one box across the lines
        for i, text in enumerate(lines):
            if text:
                c.drawString(x0 + 3, h - top - (i + 1) * LINE + 4, text)
    y = top + depth * LINE
    for row in rows:
        for j, cell in enumerate(row):
            c.rect(COLS[j], h - y - LINE, COLS[j + 1] - COLS[j], LINE)
            if j == 0:
                c.drawString(COLS[j] + 3, h - y - LINE + 4, cell)
            else:
                c.drawRightString(COLS[j + 1] - 3, h - y - LINE + 4, cell)
        y += LINE
    c.showPage()
    c.save()
    return path


ROWS = [("Arabiska", "89 945", "227", "54"), ("Persiska", "21 140", "103", "11"), ("Ukrainska", "13 693", "87", "10")]


def test_a_wrapped_header_cell_is_one_header(tmp_path: Path) -> None:
    head = [["Språk", ""], ["Antal", "uppdrag"], ["Antal", "tolkar"], ["Sjukvårds-", "auktoriserade"]]
    [table] = read_pdf(_grid_pdf(tmp_path / "t.pdf", head, ROWS)).pages[0].tables
    assert table.rows[0] == ("Språk", "Antal uppdrag", "Antal tolkar", "Sjukvårdsauktoriserade")
    assert table.rows[1:] == tuple(ROWS)
    first = body_cells(table)[0]
    assert [(c.label, c.column, c.text) for c in first] == [
        ("Arabiska", "Antal uppdrag", "89 945"), ("Arabiska", "Antal tolkar", "227"),
        ("Arabiska", "Sjukvårdsauktoriserade", "54")]
    # a row of boxes of its own under the header stays a row
    head = [["Språk", "Alla"], ["Antal", "uppdrag"], ["Antal", "tolkar"], ["Auktoriserad", "tolk"]]
    [table] = read_pdf(_grid_pdf(tmp_path / "t.pdf", head, ROWS, own_boxes=True)).pages[0].tables
    assert table.rows[:2] == (("Språk", "Antal", "Antal", "Auktoriserad"), ("Alla", "uppdrag", "tolkar", "tolk"))
    # so does a spanning header's lower level ("Utfall", "Budget" under "Period")
    head = [["Språk", ""], ["Period", "Utfall"], ["", "Budget"], ["Helår", "Prognos"]]
    [table] = read_pdf(_grid_pdf(tmp_path / "t.pdf", head, ROWS, spans={1: 2})).pages[0].tables
    assert table.rows[:2] == (("Språk", "Period", "", "Helår"), ("", "Utfall", "Budget", "Prognos"))


def test_a_header_of_three_lines_is_one_header(tmp_path: Path) -> None:
    head = [["Språk", "", ""], ["Antal", "utförda", "uppdrag"], ["Antal", "tolkar", "2025"],
            ["Andel", "godkända", "SRHR-utbildning"]]
    [table] = read_pdf(_grid_pdf(tmp_path / "t.pdf", head, ROWS)).pages[0].tables
    assert table.rows[0] == ("Språk", "Antal utförda uppdrag", "Antal tolkar 2025", "Andel godkända SRHR-utbildning")
