"""A ruled table's cells of two lines: a column header printed on two lines, a row label on two
lines.

Intraservice's delårsrapport (p. 11, "Resultatredovisning i sammandrag", Belopp i mnkr) heads
its columns "Avvik" over "else", "Utfall" over "fg år", "Fg" over "prognos", each line in a box of
its own with a ruling band between them: its figures were named "Period | Avvik | else". Its row
"Kommuninterna" over "bidrag" draws each "0" in one box across both lines and the gutters beside
its column: pdfplumber gives such a merged cell in the first column it spans, one left of the
other rows' figures, and the zeros were named "Belopp i mnkr | Utfall", "Period" …
"""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.ingest.pdf_tables import joined_lines
from namndkoll.tables import body_cells

LINE = 14.0
LABEL = (70.0, 180.0)
STEP = 80.0  # each value column: a gutter, the figures' box, a gutter
GUTTER = 6.0


def _value_box(k: int) -> tuple[float, float]:
    x = LABEL[1] + k * STEP
    return x + GUTTER, x + STEP - GUTTER


def _report_pdf(path: Path, heads: list[tuple[str, str]], rows: list[tuple[str, ...]],
                two_line: tuple[str, str, str] | None = None, text: str = "", gutters: bool = False) -> Path:
    """A ruled table drawn as report tools draw it: a top row "Belopp i tkr | Period" (Period across
    the value columns), then header lines of two, a column whose head has two lines boxed per line
    and the others one box across both, the label column's header cut by a ruling band between
    the lines; body rows of boxes per gutter and figure; ``two_line``: a row (label line 1, line
    2, value) whose label takes two lines and whose values are boxed across the gutters;
    ``gutters``: each head's gutters boxed apart, across both lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 9)
    c.drawString(70, h - 60, "Resultatredovisning i sammandrag för förvaltningen under perioden.")
    if text:
        c.drawString(70, h - 74, text)
    n = len(heads)
    right = LABEL[1] + n * STEP
    y = 100.0

    def box(x0: float, top: float, x1: float, bottom: float) -> None:
        c.rect(x0, h - bottom, x1 - x0, bottom - top)

    # top row: the label column's header and "Period" across the figures' columns
    box(LABEL[0], y, LABEL[1], y + LINE)
    box(LABEL[1], y, LABEL[1] + GUTTER, y + LINE)
    box(LABEL[1] + GUTTER, y, right, y + LINE)
    c.drawString(LABEL[0] + 3, h - y - LINE + 4, "Belopp i tkr")
    c.drawString(LABEL[1] + GUTTER + 3, h - y - LINE + 4, "Period")
    y += LINE
    # two header lines; the label column's box cut by a band between them
    box(LABEL[0], y, LABEL[1], y + 4)
    box(LABEL[0], y + 4, LABEL[1], y + 2 * LINE - 4)
    box(LABEL[0], y + 2 * LINE - 4, LABEL[1], y + 2 * LINE)
    for k, (first, second) in enumerate(heads):
        x0, x1 = LABEL[1] + k * STEP, LABEL[1] + (k + 1) * STEP
        if gutters:
            box(x0, y, x0 + GUTTER, y + 2 * LINE)
            box(x1 - GUTTER, y, x1, y + 2 * LINE)
            x0, x1 = x0 + GUTTER, x1 - GUTTER
        if second:
            box(x0, y, x1, y + LINE)
            box(x0, y + LINE, x1, y + 2 * LINE)
        else:
            box(x0, y, x1, y + 2 * LINE)
        x1 = LABEL[1] + (k + 1) * STEP
        c.drawRightString(x1 - GUTTER - 2, h - y - LINE + 4, first)
        if second:
            c.drawRightString(x1 - GUTTER - 2, h - y - 2 * LINE + 4, second)
    y += 2 * LINE
    body = [(r, 1) for r in rows]
    if two_line:
        body.insert(len(body) - 1, ((two_line[0], *(two_line[2],) * n), 2))
    for row, lines in body:
        bottom = y + lines * LINE
        if lines == 1:
            box(LABEL[0], y, LABEL[1], bottom)
            c.drawString(LABEL[0] + 3, h - bottom + 4, row[0])
            for k, cell in enumerate(row[1:]):
                a, b = _value_box(k)
                box(LABEL[1] + k * STEP, y, a, bottom)
                box(a, y, b, bottom)
                box(b, y, LABEL[1] + (k + 1) * STEP, bottom)
                c.drawRightString(b - 2, h - bottom + 4, cell)
        else:
            assert two_line
            box(LABEL[0], y, LABEL[1], y + LINE)
            box(LABEL[0], y + LINE, LABEL[1], bottom)
            c.drawString(LABEL[0] + 3, h - y - LINE + 4, two_line[0])
            c.drawString(LABEL[0] + 3, h - bottom + 4, two_line[1])
            for k, cell in enumerate(row[1:]):
                box(LABEL[1] + k * STEP, y, LABEL[1] + (k + 1) * STEP, bottom)  # across the gutters
                c.drawRightString(_value_box(k)[1] - 2, h - y - LINE - 3, cell)
        y = bottom
    c.showPage()
    c.save()
    return path


HEADS = [("Utfall", "fg år"), ("Budget", ""), ("Avvik", "else")]
ROWS = [("Intäkter", "346,2", "375,7", "-2,1"), ("Kostnader", "-347,1", "-382,1", "21,6"),
        ("Resultat", "8,6", "3,0", "19,5")]


def test_a_column_header_on_two_lines_is_one_header(tmp_path: Path) -> None:
    [table] = read_pdf(_report_pdf(tmp_path / "t.pdf", HEADS, ROWS)).pages[0].tables
    assert table.rows[:2] == (("Belopp i tkr", "Period", "", ""), ("", "Utfall fg år", "Budget", "Avvikelse"))
    assert table.rows[2:] == tuple(ROWS)
    assert [(c.label, c.column, c.text) for c in body_cells(table)[2]] == [
        ("Resultat", "Period | Utfall fg år", "8,6"), ("Resultat", "Period | Budget", "3,0"),
        ("Resultat", "Period | Avvikelse", "19,5")]


def test_heads_all_of_two_lines_between_gutters_are_one_header_each(tmp_path: Path) -> None:
    # Alingsås' kompetensförsörjningsplan: every head has two lines, only the gutters between
    # the heads are drawn across both ("Övriga visstids-" over "anställda", "Totalt" over "antal")
    heads = [("Visstids-", "anställda"), ("Totalt", "antal"), ("Avvik", "else")]
    [table] = read_pdf(_report_pdf(tmp_path / "t.pdf", heads, ROWS, gutters=True)).pages[0].tables
    assert table.rows[1] == ("", "Visstidsanställda", "Totalt antal", "Avvikelse")
    assert table.rows[2:] == tuple(ROWS)


def test_a_row_label_on_two_lines_keeps_its_cells_in_their_columns(tmp_path: Path) -> None:
    pdf = _report_pdf(tmp_path / "t.pdf", HEADS, ROWS, two_line=("Kommuninterna", "bidrag", "0"))
    [table] = read_pdf(pdf).pages[0].tables
    assert table.rows[2:] == (ROWS[0], ROWS[1], ("Kommuninterna bidrag", "0", "0", "0"), ROWS[2])
    row = next(cells for cells in body_cells(table) if cells[0].label == "Kommuninterna bidrag")
    assert [c.column for c in row] == ["Period | Utfall fg år", "Period | Budget", "Period | Avvikelse"]
    figs = [f for f in find_figures(read_pdf(pdf)) if f.table and f.text.startswith("Kommuninterna")]
    assert [f.text for f in figs] == ["Kommuninterna bidrag | Period | Utfall fg år: 0",
                                      "Kommuninterna bidrag | Period | Budget: 0",
                                      "Kommuninterna bidrag | Period | Avvikelse: 0"]


def test_lines_of_a_cell_join_into_a_word_only_where_they_make_one() -> None:
    assert joined_lines("Avvik", "else") == "Avvikelse"  # "else" is no word: one word cut in two
    assert joined_lines("Sjukvårds-", "auktoriserade") == "Sjukvårdsauktoriserade"
    assert joined_lines("Fg", "prognos") == "Fg prognos"
    assert joined_lines("Utfall", "fg år") == "Utfall fg år"
    assert joined_lines("Kommuninterna", "bidrag") == "Kommuninterna bidrag"  # two words stay two
    assert joined_lines("Utfall", "2025") == "Utfall 2025"
