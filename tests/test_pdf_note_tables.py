"""A note table in an annual report (labels left, two or three figure columns right, a heading
above) is read row by row: each label followed by its values, never all the labels and then all
the figures, as when the gap between the label column and the figures was taken for the gutter
of a page set in two columns."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.ingest import read_document
from namndkoll.ingest.pdf import read_pdf

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "pdf-other"

ROWS = [("Riktade bidrag", "26", "28"),
        ("Återbetalning till medlemmar av överskott", "-16 960", "-8 700"),
        ("Förmedlingstjänster", "248 789", "228 992"),
        ("Övriga intäkter", "4", "133"),
        ("Summa verksamhetens intäkter", "231 858", "220 452"),
        None,  # a sub-heading
        ("Direktionskostnader", "-638", "-609"),
        ("Sociala avgifter direktion", "-176", "-163"),
        ("Personalkostnad", "-20 960", "-20 355"),
        ("Sociala avgifter personal", "-9 221", "-8 958"),
        ("Arvoden och ersättning tolkar", "-147 505", "-142 823"),
        ("Sociala avgifter tolkar", "-36 886", "-35 830"),
        ("Tolkutbildning", "-423", "-329"),
        ("Lokalkostnader", "-3 471", "-3 317"),
        ("IT-kostnader", "-6 449", "-5 793"),
        ("Summa verksamhetens kostnader", "-229 422", "-222 343")]


def _note_pdf(path: Path, *, prose: list[tuple[str, str]] = (), extra_col: bool = False) -> Path:
    """An A4 page: a heading, the column heads, then ROWS with labels at x=93 and the figures
    right-aligned at x=428 and 477 (and 380 with ``extra_col``), as Tolkförmedling Väst's notes
    are set; with ``prose``, pairs of lines of a two-column text above the table."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    y = 60.0
    c.setFont(font, 9)
    for left, right in prose:
        c.drawString(72, h - y, left)
        c.drawString(310, h - y, right)
        y += 13
    c.setFont(font, 11)
    if prose:  # a caption across the page ends the columns' band
        y += 14
        c.drawString(72, h - y, "Noter till resultaträkningen för verksamhetsåret, i tusental kronor")
    else:
        c.drawString(72, h - y, "Noter")
    c.setFont(font, 9)
    y += 20
    c.drawString(73, h - y, "(tkr)")
    for x, head in ((428, "Bokslut 2025"), (477, "Bokslut 2024")) + (((380, "Budget 2025"),) if extra_col else ()):
        c.drawRightString(x, h - y, head)
    y += 16
    c.drawString(73, h - y, "1")
    c.drawString(93, h - y, "Verksamhetens intäkter")
    for row in ROWS:
        y += 13
        if row is None:
            c.drawString(73, h - y, "2")
            c.drawString(93, h - y, "Verksamhetens kostnader")
            continue
        label, a, b = row
        c.drawString(93, h - y, label)
        c.drawRightString(428, h - y, a)
        c.drawRightString(477, h - y, b)
        if extra_col:
            c.drawRightString(380, h - y, a)
    c.showPage()
    c.save()
    return path


def _row_line(label: str, a: str, b: str, extra_col: bool = False) -> str:
    return f"{label} {a} {a} {b}" if extra_col else f"{label} {a} {b}"


@pytest.mark.parametrize("extra_col", [False, True])
def test_a_note_tables_rows_stay_rows(tmp_path, extra_col):
    doc = read_pdf(_note_pdf(tmp_path / "n.pdf", extra_col=extra_col))
    page = doc.pages[0]
    lines = page.text.splitlines()
    for row in ROWS:
        if row is None:
            continue
        in_body = _row_line(*row, extra_col=extra_col) in lines
        in_table = any(row[0] in r and row[1] in r for t in page.tables for r in t.rows)
        assert in_body or in_table, (row, page.text)
    assert "Arvoden och ersättning tolkar -147 505" in page.text or page.tables
    # the sub-headings keep their place between the rows: in the text before the row under them,
    # or, the rows read as tables of right-aligned figures, before the table that row opens
    row6 = _row_line(*ROWS[6], extra_col=extra_col)
    if row6 in lines:
        assert lines.index("2 Verksamhetens kostnader") < lines.index(row6)
    else:
        assert "2 Verksamhetens kostnader" in lines
        assert any(t.rows[0][0] == ROWS[6][0] for t in page.tables), page.tables


def test_a_table_under_two_columns_of_prose_keeps_rows_and_columns(tmp_path):
    """A page set in two columns with a note table below: the columns are still read one after
    the other (up to the caption across the page), and the table's rows stay label-then-figures."""
    prose = [(f"Vänster spalt rad {i} om förskolans budget", f"Höger spalt rad {i} om skolans lokaler")
             for i in range(10)]
    doc = read_pdf(_note_pdf(tmp_path / "m.pdf", prose=prose))
    lines = doc.pages[0].text.splitlines()
    left = [p[0] for p in prose]
    right = [p[1] for p in prose]
    assert lines[:10] == left and lines[10:20] == right
    assert lines[20].startswith("Noter till resultaträkningen")
    rows = [" ".join(c for c in r if c) for t in doc.pages[0].tables for r in t.rows]  # or read as a table
    assert "Arvoden och ersättning tolkar -147 505 -142 823" in lines + rows
    assert "Personalkostnad -20 960 -20 355" in lines + rows


def test_tolkformedling_vast_note_table_reads_by_rows():
    path = SHARED / "tfv_arsredovisning_2025.pdf"
    if not path.exists():
        pytest.skip("../shared is not present")
    doc = read_document(path)
    page = next(p for p in doc.pages if "Arvoden och ersättning tolkar" in p.text + repr(p.tables))
    lines = page.text.splitlines()
    rows = [" ".join(c for c in r if c) for t in page.tables for r in t.rows]  # or read as a table
    assert "Arvoden och ersättning tolkar -147 505 -142 823" in lines + rows
    assert "Sociala avgifter tolkar -36 886 -35 830" in lines + rows
    assert "Riktade bidrag 26 28" in lines + rows
