"""A ruled table whose value cells are drawn twice, a box with a padded box inside it
(Intraservice's delårsrapport 2026 p. 5: "Mått/nyckeltal | Utfall perioden 2026 | Prognos helår
2026 | …"; Simrishamn's tidplan for budget 2027-2031: "Datum | Aktivitet"), was read with every
value twice, once per box, and every column twice: "87,5% | 87,5% | 85 % | 85 % | …" under nine
columns (the twenty-fourth session's leftover "a ruled table read twice"). Two neighbouring
columns whose texts are the same from boxes one inside the other, or stand in one of them only,
are one column."""

from __future__ import annotations

from pathlib import Path

from namndkoll.ingest.pdf import read_pdf
from namndkoll.ingest.pdf_tables import _without_twins

H = 842.0
HEAD = ("Mått/nyckeltal", "Utfall perioden 2026", "Prognos helår 2026", "Utfall helår 2025", "Utfall helår 2024")
ROWS = [("Antal incidenter lösta inom SLA", "87,5%", "85 %", "87 %", "85 %"),
        ("Antal Major Incidents", "7", "-", "55", "34")]


def _report(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(595, H), invariant=True)
    xs = [114, 255.5, 312.3, 369, 425.7, 482.2]
    ys = [76.6, 114.7, 142.2, 159.0]
    c.setLineWidth(0.5)
    for y in ys:
        c.line(xs[0], H - y, xs[-1], H - y)
    for x in xs:
        c.line(x, H - ys[0], x, H - ys[-1])
    for i in range(3):
        top, bottom = ys[i], ys[i + 1]
        pad = 10 if i == 1 else 0  # the first row's value box ends above the cell's foot
        for k in range(1, 5):
            # as Word draws the report's cells: a box filling the cell and another, padded left and
            # right, inside it around the value
            c.setFillColorRGB(0.9, 0.9, 0.9) if i == 0 else c.setFillColorRGB(1, 1, 1)
            c.rect(xs[k] + 0.3, H - bottom, xs[k + 1] - xs[k] - 0.6, bottom - top - 0.3, stroke=0, fill=1)
            c.rect(xs[k] + 5.3, H - (bottom - pad), xs[k + 1] - xs[k] - 10.6, bottom - top - pad - 0.3, stroke=0, fill=1)
    c.setFillColorRGB(0, 0, 0)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(xs[0] + 5, H - 98, HEAD[0])
    for k, t in enumerate(HEAD[1:], 1):
        for n, word in enumerate(t.split()):
            c.drawCentredString((xs[k] + xs[k + 1]) / 2, H - 86 - 9 * n, word)
    c.setFont("Helvetica", 8)
    for i, row in enumerate(ROWS):
        top = ys[i + 1]
        c.drawString(xs[0] + 5, H - top - 11, row[0])
        for k in range(1, 5):
            c.drawRightString(xs[k + 1] - 8, H - top - 11, row[k])
    c.setFont("Helvetica", 10)
    c.drawString(114, H - 200, "Utfallet för lösningsgrad ligger på 87,5 % lösta incidenter inom SLA.")
    c.showPage()
    c.save()
    return path


def test_a_value_drawn_in_a_box_within_its_cell_is_read_once(tmp_path: Path) -> None:
    tables = read_pdf(_report(tmp_path / "intraservice.pdf")).pages[0].tables
    assert len(tables) == 1
    rows = tables[0].rows
    assert [r[1:] for r in rows[1:]] == [r[1:] for r in ROWS]
    assert all(len(r) == 5 for r in rows)


def test_twins_need_boxes_one_inside_the_other() -> None:
    box = (10.0, 10.0, 50.0, 20.0)
    inner = (12.0, 11.0, 48.0, 19.0)
    beside = (50.0, 10.0, 90.0, 20.0)
    rows = (("Utfall", ""), ("87,5%", "87,5%"))
    assert _without_twins(rows, ((box, beside), (box, inner))) == ((("Utfall",), ("87,5%",)), ((box,), (inner,)))
    # the same figure in two cells side by side is two values ("85 %" in 2025 and in 2024)
    assert _without_twins(rows, ((box, beside), (box, beside)))[0] == rows
