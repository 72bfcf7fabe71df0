"""Tables the ruling cuts apart, read whole.

A table whose rows are shaded every other row (zebra stripes, as Tolkförmedling Väst's
årsredovisning sets its "Faktisk arbetad tid omvandlat till årsarbetare (åa)") is read as one
table: every row, the plain ones between the stripes too, is a passage with the column heads
("2021 52,9 2,2 1,0 56,1" with "Tills vidare (åa) · 52,9"), where it was read as one table per
shaded run, the plain rows left in the prose and the last rows without their heads. Its caption
("Tabell 7 …") stays text of the page. A row label of two lines beside a value drawn across both
is one row ("Allvarlig arbetsolycka 0", not "Allvarlig 0")."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import row_text, table_chunks

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "pdf-other"

HEAD = ("År", "Tills vidare (åa)", "Visstid (åa)", "Timavlönade (åa)", "Totalt (åa)")
ROWS = [("2025", "39,8", "0,0", "0,02", "39,8"), ("2024", "42,0", "2,0", "0,1", "44,1"),
        ("2023", "47,6", "1,4", "0,9", "49,9"), ("2022", "48,8", "0,9", "0,3", "50,0"),
        ("2021", "52,9", "2,2", "1,0", "56,1")]
COLUMNS = (80, 130, 215, 297, 386, 466)  # column edges, as on the report's page 23


def _striped_pdf(path: Path) -> Path:
    """An A4 page: a paragraph, then HEAD and ROWS with the head and every other row shaded
    (a filled box with a frame drawn per cell), the rows between them plain."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    c.drawString(72, h - 60, "Antalet arbetade timmar har under året motsvarat 39,8 årsarbetare.")
    y = 100.0
    for i, row in enumerate((HEAD, *ROWS)):
        if i % 2 == 0:  # the head, 2024 and 2022 plain would be the report's 2025, 2023, 2021: any run
            c.setFillGray(0.85)
            for x0, x1 in pairwise(COLUMNS):
                c.rect(x0, h - y - 5, x1 - x0, 17, stroke=1, fill=1)
            c.setFillGray(0)
        for x0, cell in zip(COLUMNS, row, strict=False):
            c.drawString(x0 + 4, h - y, cell)
        y += 17
    c.drawString(80, h - y - 10, "Tabell 7 Faktisk arbetad tid omvandlat till årsarbetare (åa)")
    c.showPage()
    c.save()
    return path


def _passages(doc) -> list[str]:  # type: ignore[no-untyped-def]
    return [ch.text for ch in table_chunks(doc)]


def by_row(doc) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Each table row's passage, keyed by the row as written: found through the passage's own
    table and row (``Chunk.table``), not its first line, which is a long caption or, for a row of
    a label and one value, that cell's line alone."""
    out = {}
    for ch in table_chunks(doc):
        table = next(p for p in doc.pages if p.number == ch.page_start).tables[ch.table[0]]
        out[row_text(table, ch.table[1])] = ch.text
    return out


def test_every_row_of_a_striped_table_is_a_passage_with_its_column_heads(tmp_path: Path) -> None:
    doc = read_pdf(_striped_pdf(tmp_path / "s.pdf"))
    passages = by_row(doc)
    for row in ROWS:
        mine = [p for written, p in passages.items() if written == " ".join(row)]
        assert mine, (row, passages, doc.pages[0].text)
        # each value with the head of its column
        assert f"Tills vidare (åa) · {row[1]}" in mine[0], mine[0]
        assert f"Totalt (åa) · {row[4]}" in mine[0], mine[0]
    assert "Antalet arbetade timmar" in doc.pages[0].text


def test_tolkformedling_vasts_arsarbetare_table_reads_as_one_table() -> None:
    path = SHARED / "tfv_arsredovisning_2025.pdf"
    if not path.exists():
        pytest.skip("../shared is not present")
    doc = read_pdf(path)
    page = doc.pages[22]  # "22 (34)": Personal, Tabell 7
    rows = {w: p for w, p in by_row(doc).items() if w.startswith(("2021 ", "2022 ", "2023 ", "2024 ")) and "(åa)" in p}
    passages = list(rows.values())
    firsts = set(rows)
    assert {"2021 52,9 2,2 1,0 56,1", "2022 48,8 0,9 0,3 50,0", "2023 47,6 1,4 0,9 49,9",
            "2024 42,0 2,0 0,1 44,1"} <= firsts, passages
    row_2021 = rows["2021 52,9 2,2 1,0 56,1"]
    assert "Tills vidare (åa) · 52,9" in row_2021 and "Totalt (åa) · 56,1" in row_2021
    # the plain rows are no longer prose of the page, and the caption is
    assert "2022 48,8 0,9 0,3 50,0" not in page.text
    assert "Tabell 7" in page.text


def test_a_row_label_of_two_lines_stays_whole() -> None:
    """Intraservice's table of serious work accidents: "Allvarlig" over "arbetsolycka" beside a
    "0" drawn across both lines is one row, "Allvarlig arbetsolycka 0", found by its whole label."""
    path = SHARED.parent / "pdf" / "intraservice-delarsrapport-2026-mars.pdf"
    if not path.exists():
        pytest.skip("../shared is not present")
    doc = read_pdf(path)
    passages = [p for p in _passages(doc) if "arbetsolycka" in p or "personskada" in p]
    for label in ("Dödsfall på grund av arbetsolycka", "Allvarlig arbetsolycka", "Allvarligt tillbud utan personskada"):
        assert any(f" · {label} · Antal · 0" in p for p in passages), passages
