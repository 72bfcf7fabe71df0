"""An annual report's notes: one table of right-aligned figures per note, and only the first
headed ("Utfall | Utfall" over "(tkr)" and "2025 | 2024").

Read as tables of right-aligned figures, the first note lost its unit (the "(tkr)" line between
the two header lines was taken for a heading and dropped), so none of the notes' rows gave a
figure; the notes after it, and those on the next page, named no year in their figures or their
search passages. Now the header keeps "(tkr)", and a headerless table under a headed one, or at
the top of the next page, with its value columns in the same places, takes its headers and unit.
"""

from __future__ import annotations

from pathlib import Path

from test_balance_sheet_tables import draw_figures, footer_rule
from test_pdf import _font

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import table_chunks

EDGES = (400.0, 470.0)  # the right edges of the two value columns
LABEL_X, NOTE_X = 93.0, 73.0

PAGE1: list[tuple[float, float, str, tuple[str, ...] | None]] = [
    # (top, x, label, figures)
    (72, 71, "Noter", None),
    (89, 0, "", ("Utfall", "Utfall")),
    (96, NOTE_X, "(tkr)", None),
    (102, 0, "", ("2025", "2024")),
    (118, NOTE_X, "1 Avgifter och bidrag", None),
    (135, LABEL_X, "Medlemsavgifter", ("12 400", "11 900")),
    (152, LABEL_X, "Hyresintäkter", ("3 215", "3 020")),
    (169, LABEL_X, "Övriga intäkter", ("7", "152")),
    (186, LABEL_X, "Summa intäkter", ("15 622", "15 072")),
    (220, NOTE_X, "2 Driftkostnader", None),
    (238, LABEL_X, "Löner", ("-8 120", "-7 940")),
    (255, LABEL_X, "Lokaler", ("-2 310", "-2 205")),
    (272, LABEL_X, "Material", ("-415", "-388")),
    (289, LABEL_X, "Summa driftkostnader", ("-10 845", "-10 533")),
    (330, LABEL_X, "Arvode till revisorer", None),  # a table of its own, headed by its first line
    (347, LABEL_X, "Granskning", ("-180", "-175")),
    (364, LABEL_X, "Rådgivning", ("0", "0")),
    (381, LABEL_X, "Övrigt", ("0", "0")),
    (398, LABEL_X, "Summa arvoden", ("-180", "-175")),
    (432, NOTE_X, "3 Räntor", None),
    (449, LABEL_X, "Ränteintäkter", ("6", "8")),
    (466, LABEL_X, "Övriga finansiella intäkter", ("0", "0")),
    (483, LABEL_X, "Summa räntor", ("6", "8")),
]
PAGE2: list[tuple[float, float, str, tuple[str, ...] | None]] = [
    (75, NOTE_X, "4 Fordringar", None),
    (93, LABEL_X, "Kundfordringar", ("21 480", "19 905")),
    (110, LABEL_X, "Andelskapital, medlemmar", ("2 150", "2 150")),
    (127, LABEL_X, "Övriga fordringar", ("312", "95")),
    (144, LABEL_X, "Summa fordringar", ("23 942", "22 150")),
]


def _notes(path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    for number, page in enumerate((PAGE1, PAGE2), 1):
        footer_rule(c)
        c.setFont(font, 10)
        c.drawRightString(523, 36, f"{number} (2)")
        for top, x, label, figures in page:
            y = h - top - 8
            if label:
                c.drawString(x, y, label)
            draw_figures(c, EDGES, y, figures, font)
        c.showPage()
    c.save()
    return path


def _figure(figs: list, label: str, year: str):
    found = [f for f in figs if f.text.startswith(f"{label} |") and year in f.text]
    assert len(found) == 1, (label, year, [f.text for f in figs])
    return found[0]


def test_each_note_table_takes_the_first_notes_years_and_unit(tmp_path: Path) -> None:
    doc = read_pdf(_notes(tmp_path / "noter.pdf"))
    figs = [f for f in find_figures(doc) if f.table]
    # the first note: its header "(tkr)" is its unit
    f = _figure(figs, "Medlemsavgifter", "2025")
    assert (f.kind, f.value, f.unit, f.page) == ("amount", 12_400_000, "SEK", 1)
    assert _figure(figs, "Övriga intäkter", "2024").value == 152_000
    # the notes under it on the page, a note whose first line is its own heading among them
    assert _figure(figs, "Löner", "2024").value == -7_940_000
    assert _figure(figs, "Granskning", "2025").value == -180_000
    # short figures stand right-aligned under long ones: the same columns
    assert _figure(figs, "Ränteintäkter", "2025").value == 6_000
    assert _figure(figs, "Ränteintäkter", "2024").value == 8_000
    # the next page's note: the same columns, the same years and unit
    f = _figure(figs, "Kundfordringar", "2024")
    assert (f.value, f.unit, f.page) == (19_905_000, "SEK", 2)
    # capital in shares is kronor, not a share in per cent
    f = _figure(figs, "Andelskapital, medlemmar", "2025")
    assert (f.kind, f.value, f.unit) == ("amount", 2_150_000, "SEK")


def test_each_note_tables_passages_name_the_year_and_unit(tmp_path: Path) -> None:
    doc = read_pdf(_notes(tmp_path / "noter.pdf"))
    passages = {ch.text.split("\n", 1)[0]: ch.text for ch in table_chunks(doc)}
    assert "Löner · Utfall 2025 · -8 120 tkr" in passages["Löner -8 120 -7 940"], passages
    assert "Summa räntor · Utfall 2024 · 8 tkr" in passages["Summa räntor 6 8"], passages
    assert "Kundfordringar · Utfall 2025 · 21 480 tkr" in passages["Kundfordringar 21 480 19 905"], passages
