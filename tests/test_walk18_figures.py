"""What the eighteenth session's walk found in `namndkoll figures` (docs/walks/eighteenth-session.md),
on PDFs drawn here in other names: a budget's table that states no unit, on the page after the text
that writes the same amounts in tkr — as a journalist pulls a kommunalförbund's member fees."""

from __future__ import annotations

from pathlib import Path

from test_pdf import draw

from namndkoll.extract import find_figures
from namndkoll.ingest import read_document


def _ruled(rows: list[tuple[str, str]], top: float) -> tuple[list[tuple[float, float, str]], list[tuple]]:
    """A two-column ruled table from ``top``: (strings, lines)."""
    strings, lines = [], []
    for i, (label, value) in enumerate(rows):
        y = top + 20 * i
        strings += [(62, y + 14, label), (300, y + 14, value)]
        lines.append((60, y, 400, y))
    bottom = top + 20 * len(rows)
    lines += [(60, bottom, 400, bottom), (60, top, 60, bottom), (290, top, 290, bottom), (400, top, 400, bottom)]
    return strings, lines


def test_a_table_without_a_unit_takes_the_one_the_text_writes_its_amounts_in(tmp_path: Path) -> None:
    text = [(60, 60, "Budget 2026 för Fjällby räddningstjänstförbund"),
            (60, 80, "Medlemsbidraget för 2026 uppgår samlat till 48 215tkr."),
            (60, 94, "Bidraget fördelas mellan Fjällby och Åsby efter befolkningens storlek.")]
    strings, lines = _ruled([("Medlemsbidrag 2025", "46 900"), ("Uppräkning 2026", "1 315"),
                             ("Medlemsbidrag 2026", "48 215")], 120)
    pdf = draw(tmp_path / "budget.pdf", [text, [(60, 90, "Räddningstjänstförbundet"), *strings]],
               lines=[[], lines])
    doc = read_document(pdf)
    cells = {f.text: (f.kind, f.value, f.unit) for f in find_figures(doc) if f.table}
    # the table repeats "48 215", written 48 215tkr in the text: every cell is in tkr
    assert cells and all(v[0] == "amount" and v[2] == "SEK" for v in cells.values())
    assert sorted(v[1] for v in cells.values()) == [1_315_000, 46_900_000, 48_215_000]


def test_no_unit_for_a_table_that_repeats_no_amount_of_the_text(tmp_path: Path) -> None:
    text = [(60, 60, "Medlemsbidraget för 2026 uppgår samlat till 48 215tkr.")]
    strings, lines = _ruled([("Antal larm 2025", "1 204"), ("Antal larm 2026", "1 180")], 120)
    pdf = draw(tmp_path / "larm.pdf", [text, [(60, 90, "Larmstatistik"), *strings]], lines=[[], lines])
    assert not [f for f in find_figures(read_document(pdf)) if f.table and f.kind == "amount"]


def test_a_row_label_with_a_measure_in_it_still_labels_its_row() -> None:
    # a taxa's rows: the offence, with a distance in its words, and the fee
    from namndkoll.types import Document, Metadata, Page, Table, with_offsets

    rows = (("Avgifter för felparkering i Norrby", ""),
            ("11 på gångbana (3 kap. 48 §)", "700 kr"),
            ("12 inom ett avstånd av 12 m före en busshållplats (3 kap. 53 §)", "900 kr"))
    page = Page(1, "Taxa för felparkering", tables=(Table(1, rows, (50.0, 100.0, 500.0, 200.0)),))
    doc = Document("t.pdf", "0" * 64, with_offsets([page]), Metadata())
    fees = {f.value: f.text for f in find_figures(doc) if f.table and f.kind == "amount"}
    # the 900 kr is the fee for stopping before a bus stop, named so: not the table's title
    assert fees[900].startswith("12 inom ett avstånd av 12 m före en busshållplats")
    assert fees[700].startswith("11 på gångbana")


def test_a_resultatrakning_repeating_the_texts_tkr_is_read_in_tkr_without_its_note_numbers() -> None:
    # an annual report: the text writes the year's income in tkr; the resultaträkning on a
    # later page states no unit and numbers its rows' notes in a column of its own
    from namndkoll.types import Document, Metadata, Page, Table, with_offsets

    text = Page(1, "Förbundets intäkter uppgick till 118 402 tkr under året.\n")
    rows = (("", "", "2024", "2023"),
            ("Verksamhetens intäkter", "1", "118 402", "112 950"),
            ("Verksamhetens kostnader", "2", "-117 008", "-113 420"),
            ("Finansiella kostnader", "3", "-61", "-75"))
    table = Page(2, "Resultaträkning\n", tables=(Table(2, rows, (50.0, 100.0, 500.0, 200.0)),))
    doc = Document("t.pdf", "0" * 64, with_offsets([text, table]), Metadata())
    cells = sorted(f.value for f in find_figures(doc) if f.table)
    assert cells == [-117_008_000, -113_420_000, -75_000, -61_000, 112_950_000, 118_402_000]
