"""Ruled tables whose boxes do not follow their rows, read a row a line.

A budget page that boxes each block of lines ("Plan 2031" over "Bidrag 2030   51 200" over
"Indexering 2,5 %   1 280" …) as one cell across the label and value columns, with each member's
share in a box of its own beside the block's sum ("Bidrag 2031 | 53 080 | Kungsbyn | 40 010",
and "Ålunda | 13 070" on the next block's first line), was read as rows whose one cell ran a
block's labels and amounts together, and the members' shares were named by the sum's label
alone ("Bidrag 2031 | …: 40 010") or by the next block. Each line is now a row, each amount named
by the label right before it, after its row's ("Bidrag 2031 | Ålunda | …: 13 070") (Alingsås
Vårgårda räddningstjänstförbund's budget 2027, p. 2).

A striped table whose last shaded rows the ruling draws with other column edges than the rows
above (Tolkförmedling Väst's årsredovisning 2025, p. 24: "Sjukfrånvaro i åldrarna …" under "År |
2025 | 2024 | 2023") was read as a second table without the years over its columns; it is now
read on in the columns of the table above it, under the same header.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
GOLD = Path("/work/gold-pdfs")

LEFT, MID, RIGHT = (72, 300, 383), (383, 465), (465, 517)  # label | value, member | share
LINE = 15.0


def _block_pdf(path: Path) -> Path:
    """An A4 page: "Belopp i tkr", then a ruled table: a title box, and per plan a box of four
    lines (heading, then label and amount on each line) across the label and value columns, a
    sum row (label | amount) with the first member's share boxed beside it, and the second
    member's share boxed under that, beside the next block's first line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 10)
    c.drawString(72, h - 60, "Förbundets medlemsbidrag fördelas efter invånarantal.")
    c.drawString(72, h - 80, "Belopp i tkr")
    y = 100.0

    def box(x0: float, x1: float, top: float, height: float) -> None:
        c.rect(x0, h - top - height, x1 - x0, height, stroke=1, fill=0)

    def pair(top: float, label: str, value: str, xs: tuple[float, ...]) -> None:
        c.drawString(xs[0] + 3, h - top - 11, label)
        c.drawRightString(xs[-1] - 3, h - top - 11, value)

    box(LEFT[0], LEFT[2], y, LINE)
    c.drawString(LEFT[0] + 3, h - y - 11, "Förbundet")
    y += LINE
    plans = [("Plan 2031", [("Bidrag 2030", "51 200"), ("Indexering 2,5 %", "1 280"), ("Nytt larmsystem", "600")],
              ("Bidrag 2031", "53 080"), ("Kungsbyn", "40 010"), ("Ålunda", "13 070")),
             ("Plan 2032", [("Bidrag 2031", "53 080"), ("Indexering 2,8 %", "1 486"), ("Övningsfält", "220")],
              ("Bidrag 2032", "54 786"), ("Kungsbyn", "41 300"), ("Ålunda", "13 486"))]
    second: tuple[str, str] | None = None
    for heading, lines, total, first, other in plans:
        # the block: heading and three lines, one box; after a sum, a line more on top, beside
        # which the last member's share stands in boxes of its own
        top = y + (LINE if second is not None else 0)
        box(LEFT[0], LEFT[2], y, top - y + 4 * LINE + 4)
        c.drawString(LEFT[0] + 3, h - top - 11, heading)
        for k, (label, value) in enumerate(lines, 1):
            c.drawString(LEFT[0] + 3, h - top - 11 - k * LINE, label)
            c.drawRightString(LEFT[1] + 80, h - top - 11 - k * LINE, value)
        if second is not None:
            box(MID[0], MID[1], y, LINE)
            box(RIGHT[0], RIGHT[1], y, LINE)
            pair(y, *second, (MID[0], RIGHT[1]))
        y = top + 4 * LINE + 4
        box(LEFT[0], LEFT[1], y, LINE)
        box(LEFT[1], LEFT[2], y, LINE)
        box(MID[0], MID[1], y, LINE)
        box(RIGHT[0], RIGHT[1], y, LINE)
        c.drawString(LEFT[0] + 3, h - y - 11, total[0])
        c.drawRightString(LEFT[2] - 3, h - y - 11, total[1])
        pair(y, *first, (MID[0], RIGHT[1]))
        y += LINE
        second = other
    box(MID[0], MID[1], y, LINE)
    box(RIGHT[0], RIGHT[1], y, LINE)
    pair(y, *second, (MID[0], RIGHT[1]))  # type: ignore[misc]
    c.showPage()
    c.save()
    return path


def _said(doc) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """Each table figure's cell text -> the headers it was read under ("row | column")."""
    out: dict[str, list[str]] = {}
    for f in find_figures(doc):
        if f.table:
            out.setdefault(f.text.rsplit(": ", 1)[-1], []).append(f.sentence)
    return out


def test_a_boxed_block_of_lines_is_a_row_a_line_and_each_share_is_named_by_its_member(tmp_path: Path) -> None:
    doc = read_pdf(_block_pdf(tmp_path / "b.pdf"), ocr=False)
    table = doc.pages[0].tables[0]
    assert ("Bidrag 2030", "51 200", "", "") in table.rows, table.rows
    assert ("Indexering 2,5 %", "1 280", "", "") in table.rows, table.rows
    assert ("", "", "Ålunda", "13 070") in table.rows, table.rows
    said = _said(doc)
    # each member's share under the member's name and the year's sum, not the next block's,
    # after the heading of its block ("Plan 2031"): the same "Bidrag 2031 | 53 080" in two
    # blocks is told apart by it
    assert said["40 010"] == ["Plan 2031 | Bidrag 2031 | Kungsbyn | Förbundet"], said
    assert said["13 070"] == ["Plan 2031 | Bidrag 2031 | Ålunda | Förbundet"], said
    assert said["41 300"] == ["Plan 2032 | Bidrag 2032 | Kungsbyn | Förbundet"], said
    assert said["13 486"] == ["Plan 2032 | Bidrag 2032 | Ålunda | Förbundet"], said
    assert said["53 080"] == ["Plan 2031 | Bidrag 2031 | Förbundet", "Plan 2032 | Bidrag 2031 | Förbundet"], said
    assert said["51 200"] == ["Plan 2031 | Bidrag 2030 | Förbundet"], said
    assert said["600"] == ["Plan 2031 | Nytt larmsystem | Förbundet"], said
    # an amount under a label that states a rate is an amount, in tkr, not a percentage
    share = next(f for f in find_figures(doc) if f.text.endswith(": 1 280"))
    assert (share.kind, share.value, share.unit) == ("amount", 1_280_000, "SEK"), share
    # and each cell's figure points at its own box and its own text in the stored table
    ring = next(f for f in find_figures(doc) if f.text.endswith(": 13 070"))
    assert ring.bbox is not None and ring.bbox[0] >= RIGHT[0] - 1
    # search: the member's share is found by its member's name and year in the row's passage
    passages = [ch.text for ch in table_chunks(doc)]
    assert any("Plan 2031 · Bidrag 2031 · Ålunda · Förbundet · 13 070" in p for p in passages), passages


def test_alingsas_vargarda_budget_shares_are_named_by_their_municipality() -> None:
    path = GOLD / "openings9src" / "avrf-budget-2027.pdf"
    if not path.exists():
        pytest.skip("/work/gold-pdfs is not present")
    doc = read_pdf(path, ocr=False)
    figures = [f for f in find_figures(doc) if f.table and f.page == 2]
    said = {(f.sentence, f.value) for f in figures}
    assert ("Medlemsbidrag 2027 | Alingsås | Räddningstjänstförbundet", 69_994_000) in said, said
    assert ("Medlemsbidrag 2027 | Vårgårda | Räddningstjänstförbundet", 20_367_000) in said, said
    assert ("Medlemsbidrag 2029 | Vårgårda | Räddningstjänstförbundet", 21_215_000) in said, said
    assert ("Medlemsbidrag 2026 | Räddningstjänstförbundet", 86_759_000) in said, said
    assert ("Ledningssystem | Räddningstjänstförbundet", 1_000_000) in said, said
    assert not any(f.value == 20_367_000 and "Ram 2028" in f.sentence for f in figures)


COLS = (80, 88, 330, 338, 346, 380, 388, 396, 430, 438, 446, 480)  # label, then 3 values, thin gaps between
WIDE = (80, 338, 388, 438, 480)  # the same columns drawn without the gaps
HEAD = ("Mått", "2026", "2025", "2024")
ROWS = [("Personalomsättning totalt", "8,4%", "9,9%", "7,2%"), ("Personalomsättning chefer", "3,1%", "12,5%", "4,0%"),
        ("Personalomsättning kvinnor", "8,8%", "10,2%", "6,9%"), ("Personalomsättning män", "7,0%", "8,6%", "7,9%"),
        ("Personalomsättning under 30 år", "14,2%", "15,0%", "11,3%"),
        ("Personalomsättning 30 - 49 år", "6,6%", "7,7%", "6,1%"),
        ("Personalomsättning 50 år och äldre", "5,2%", "6,3%", "5,8%")]


def _stripes_pdf(path: Path) -> Path:
    """An A4 page: the head and every other row shaded, each cell a filled box with a frame (and
    thin boxes between the cells), the last two rows shaded and drawn as four boxes a row (no thin
    boxes), the caption under."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    c.setFont(font, 9)
    c.drawString(72, h - 60, "Personalomsättningen har minskat i alla grupper utom bland chefer.")
    y = 100.0
    rows = (HEAD, *ROWS)
    for i, row in enumerate(rows):
        wide = i >= len(rows) - 2
        if i % 2 == 0 or wide:
            c.setFillGray(0.85)
            for x0, x1 in pairwise(WIDE if wide else COLS):
                c.rect(x0, h - y - 16, x1 - x0, 16, stroke=1, fill=1)
            c.setFillGray(0)
        c.drawString(COLS[1] + 2, h - y - 11, row[0])
        for x, cell in zip((COLS[5], COLS[8], COLS[11]), row[1:], strict=True):
            c.drawRightString(x - 3, h - y - 11, cell)
        y += 16
    c.drawString(COLS[1] + 2, h - y - 11, "Tabell 5 Personalomsättning per grupp")
    c.showPage()
    c.save()
    return path


def test_a_striped_tables_last_rows_drawn_apart_keep_the_years_over_them(tmp_path: Path) -> None:
    doc = read_pdf(_stripes_pdf(tmp_path / "s.pdf"), ocr=False)
    said = {f.text for f in find_figures(doc) if f.table}
    assert "Personalomsättning 30 - 49 år | 2026: 6,6%" in said, said
    assert "Personalomsättning 50 år och äldre | 2024: 5,8%" in said, said
    tables = doc.pages[0].tables  # one table, as `namndkoll show --json` gives it
    assert len(tables) == 1, [t.rows for t in tables]
    assert tables[0].rows == (HEAD, *ROWS), tables[0].rows
    assert tables[0].caption == "Tabell 5 Personalomsättning per grupp"


def test_tolkformedling_vasts_sick_leave_by_age_keeps_its_years() -> None:
    path = SHARED / "pdf-other" / "tfv_arsredovisning_2025.pdf"
    if not path.exists():
        pytest.skip("../shared is not present")
    doc = read_pdf(path, ocr=False)
    said = {f.text for f in find_figures(doc) if f.table and f.page == 24}
    assert "Sjukfrånvaro i åldrarna 29 år eller yngre | 2025: 6,0%" in said, said
    assert "Sjukfrånvaro i åldrarna 50 år eller äldre | 2023: 6,3%" in said, said
    assert doc.pages[23].tables[0].caption == "Tabell 8 Översikt sjukfrånvaro"
