"""A table's cells take the unit the text around it states (tables86: Alingsås's "Underlag
ramar 2027-2029" gives each nämnd's ram in a table headed "Ram inkl PKV | … | Statsbidrag"
with no unit; the bullets on the page say "(6 000 tkr)", and the same table for 2028 and 2029
stands alone on the next pages: none of its 150 amounts was read)."""

from __future__ import annotations

from namndkoll.extract import find_figures
from namndkoll.types import Document, Metadata, Page, Table, with_offsets

HEAD = ("NÄMND", "Ram inkl PKV", "Ram förändringar", "Statsbidrag")


def ramar(year: str, rows: tuple[tuple[str, ...], ...]) -> Table:
    return Table(1, ((year, "", "", ""), HEAD, *rows), (100.0, 137.0, 795.0, 331.0))


def doc(*pages: Page) -> Document:
    return Document("t.pdf", "0" * 64, with_offsets(list(pages)), Metadata())


BULLETS = ("Ram 2027\n• Ramökningar från föregående budget\n"
           "• Barn- och ungdomsnämnden, Ingaredsskolan (6 000 tkr)\n"
           "• Kommunstyrelsen, lokalkostnad kommunhuset (4 000 tkr)\n")


def test_the_pages_unit_and_the_same_table_on_later_pages():
    d = doc(Page(1, BULLETS, tables=(ramar("2027", (("Socialnämnden", "274 077", "-50", "9 192"),
                                                     ("Bygg- och miljönämnden", "18 394", "0", "0"))),)),
            Page(2, "Ram 2028", tables=(ramar("2028", (("Socialnämnden", "282 629", "0", "9 205"),)),)))
    cells = {(f.page, f.text): f.value for f in find_figures(d) if f.table}
    assert cells[(1, "Socialnämnden | 2027 | Ram inkl PKV: 274 077")] == 274_077_000
    assert cells[(1, "Socialnämnden | 2027 | Ram förändringar: -50")] == -50_000
    # two zeros side by side are two columns' values, not one value drawn twice
    assert cells[(1, "Bygg- och miljönämnden | 2027 | Ram förändringar: 0")] == 0
    assert cells[(1, "Bygg- och miljönämnden | 2027 | Statsbidrag: 0")] == 0
    assert cells[(2, "Socialnämnden | 2028 | Ram inkl PKV: 282 629")] == 282_629_000


def test_no_unit_taken_from_text_that_mixes_scales_or_for_a_table_of_counts():
    mixed = BULLETS + "• Bidrag 500 kr per elev\n"
    d = doc(Page(1, mixed, tables=(ramar("2027", (("Socialnämnden", "274 077", "-50", "9 192"),)),)))
    assert not [f for f in find_figures(d) if f.table]
    counts = Table(1, (("Enhet", "Antal elever", "Antal lärare"), ("Skola A", "274", "19")), (0.0, 0.0, 1.0, 1.0))
    d = doc(Page(1, BULLETS, tables=(counts,)))
    assert all(f.kind == "count" for f in find_figures(d) if f.table)
