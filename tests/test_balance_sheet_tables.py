"""A balance sheet set as right-aligned figures without ruling: "Bokslut" over "2025" heading
each value column, a column of note numbers set centred under "Not", and the rows in groups
with an empty line between them ("Summa anläggningstillgångar", an empty line, then
"Omsättningstillgångar").

The groups were read apart (the empty line ended the table) and the note numbers, centred, did
not end at one edge ("8" ends half a digit left of "10"), so the rows with a note were not read
as rows at all: the first groups were no table, their figures and passages named no year, and
the note numbers that were read counted as amounts ("Not 11" as 11 tkr). Now the groups are
one table headed "Bokslut 2025 | Bokslut 2024", a note number is no figure, and every row's
passage and figures name their year.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

NOTE_MID, EDGES = (340.0, (420.0, 480.0))  # the note column's middle, the value columns' right edges
PITCH = 18.0

# (line number, label, note, figures); a line number skipped is an empty line
ROWS: list[tuple[int, str, str, tuple[str, str] | None]] = [
    (0, "Anläggningstillgångar", "", None),
    (1, "Maskiner och inventarier", "4", ("1 250", "1 410")),
    (2, "Byggnader", "5", ("8 730", "9 020")),
    (3, "Summa anläggningstillgångar", "", ("9 980", "10 430")),
    (5, "Omsättningstillgångar", "", None),
    (6, "Kundfordringar", "7", ("12 604", "11 877")),
    (7, "Kassa och bank", "13", ("5 318", "4 102")),
    (8, "Summa omsättningstillgångar", "", ("17 922", "15 979")),
    (10, "SUMMA TILLGÅNGAR", "", ("27 902", "26 409")),
]


def footer_rule(c: Any) -> None:
    """The report's page decoration: a footer rule of six strokes."""
    for k in range(6):
        c.line(72 + 75 * k, 50, 140 + 75 * k, 50)


def draw_figures(c: Any, edges: tuple[float, ...], y: float, figures: tuple[str, ...] | None, font: str) -> None:
    """A row's figures right-aligned at their columns' ``edges`` (10 pt), with a thin gap inside
    a thousands group: each group drawn by itself."""
    for x1, fig in zip(edges, figures or ("", ""), strict=True):
        right = x1
        for part in reversed(fig.split(" ") if fig else []):
            c.drawRightString(right, y, part)
            right -= c.stringWidth(part, font, 10) + 2.0


def _balance(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    footer_rule(c)
    c.setFont(font, 13)
    c.drawString(72, h - 80, "Balansräkning")
    c.setFont(font, 10)
    c.drawString(74, h - 112, "(tkr)")
    for x1 in EDGES:
        c.drawRightString(x1, h - 128, "Bokslut")
    c.drawString(74, h - 134, "TILLGÅNGAR")
    c.drawCentredString(NOTE_MID, h - 134, "Not")
    for x1, year in zip(EDGES, ("2025", "2024"), strict=True):
        c.drawRightString(x1, h - 140, year)
    top = 160.0
    for n, label, note, figures in ROWS:
        y = h - top - n * PITCH
        c.drawString(74, y, label)
        if note:
            c.drawCentredString(NOTE_MID, y, note)
        draw_figures(c, EDGES, y, figures, font)
    c.showPage()
    c.save()
    return path


def test_every_row_of_a_balance_sheet_names_its_year_in_figures_and_passages(tmp_path: Path) -> None:
    doc = read_pdf(_balance(tmp_path / "balans.pdf"))
    figs = {f.text: f for f in find_figures(doc) if f.table}
    # each row says its group ("Omsättningstillgångar"); the sum of both groups says none
    f = figs.get("Omsättningstillgångar | Kassa och bank | Bokslut 2025: 5 318")
    assert f is not None and (f.kind, f.value, f.unit) == ("amount", 5_318_000, "SEK"), list(figs)
    assert figs["Anläggningstillgångar | Maskiner och inventarier | Bokslut 2024: 1 410"].value == 1_410_000
    assert figs["SUMMA TILLGÅNGAR | Bokslut 2024: 26 409"].value == 26_409_000
    # a note's number is no amount
    assert not [t for t in figs if "Not" in t or t.endswith((": 13", ": 7"))], list(figs)
    passages = [ch.text for ch in table_chunks(doc)]
    group = ""
    for n, label, note, figures in ROWS:
        if not figures:
            group = label
        elif label.startswith("SUMMA"):
            assert any(f"\n{label} · Bokslut 2025 · {figures[0]}" in p for p in passages), passages
        else:
            heads = group if group.casefold() not in label.casefold() else ""
            line = " · ".join(x for x in (heads, label, "Bokslut 2025", figures[0]) if x)
            assert any(line in p for p in passages), (line, passages)
