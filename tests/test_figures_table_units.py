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


def _page_with_lines(lines: list[tuple[str, float, float, float]], table: Table) -> Page:
    """A page whose text is ``lines`` (text, x0, top, x1), each 10 points high."""
    from namndkoll.types import Line

    text, laid, pos = "", [], 0
    for t, x0, top, x1 in lines:
        laid.append(Line(pos, pos + len(t), x0, top, x1, top + 10))
        text += t + "\n"
        pos += len(t) + 1
    return Page(1, text, tables=(table,), lines=tuple(laid))


def test_a_table_without_header_rows_takes_the_header_lines_above_its_columns():
    # TFV's driftsredovisning: only the sum rows are ruled; the headers stand above as text
    cols = ((74.0, 335.0), (336.0, 379.0), (384.0, 427.0), (432.0, 476.0))
    rows = (("Summa verksamhetens kostnader", "231 543", "233 760", "224 402"),
            ("ÅRETS RESULTAT", "+315", "0", "-3 950"))
    cells = tuple(tuple((x0, 652.0 + 34 * i, x1, 669.0 + 34 * i) for x0, x1 in cols) for i in range(2))
    table = Table(1, rows, (71.0, 652.0, 479.0, 703.0), cells)
    page = _page_with_lines([
        ("Årets resultat blev 315 tkr att jämföra med budgeterat nollresultat.", 71, 303, 290),
        ("Utfall Budget Utfall", 356, 332, 476),
        ("Belopp i tkr", 74, 339, 122),
        ("2025 2025 2024", 359, 347, 476),
        ("INTÄKTER", 74, 364, 116),
        ("Försäljning av förmedlingstjänster 248 789 233 760 228 992", 74, 381, 476),
        ("Finansiella kostnader 1 872 1 825 1 809", 74, 640, 476),
    ], table)
    cells_read = {f.text: f.value for f in find_figures(doc(page)) if f.table}
    assert cells_read["Summa verksamhetens kostnader | Utfall | 2025: 231 543"] == 231_543_000
    assert cells_read["Summa verksamhetens kostnader | Budget | 2025: 233 760"] == 233_760_000
    assert cells_read["ÅRETS RESULTAT | Utfall | 2024: -3 950"] == -3_950_000


def test_a_value_drawn_twice_is_one_figure_under_its_header_two_equal_values_are_two():
    # Intraservice's nyckeltal: the finder split each value column in two, "87,5% | 87,5%"
    drawn = Table(1, (("Mått", "", "Utfall perioden 2026", "", "Prognos helår 2026"),
                      ("Incidenter lösta inom 4 timmar", "87,5%", "87,5%", "85 %", "85 %")), (0.0, 0.0, 1.0, 1.0))
    # Göteborg's stadsrevision: the outcome equals the budget
    equal = Table(1, (("tkr", "Utfall 2024", "Budget 2024", "Utfall 2023"),
                      ("Kommunbidrag", "42 296", "42 296", "39 926")), (0.0, 0.0, 1.0, 1.0))
    got = [f.text for f in find_figures(doc(Page(1, "Nyckeltal", tables=(drawn, equal))))]
    assert got == ["Incidenter lösta inom 4 timmar | Utfall perioden 2026: 87,5%",
                   "Incidenter lösta inom 4 timmar | Prognos helår 2026: 85 %",
                   "Kommunbidrag | Utfall 2024: 42 296", "Kommunbidrag | Budget 2024: 42 296",
                   "Kommunbidrag | Utfall 2023: 39 926"]


def test_rows_the_ruling_left_as_text_are_read_into_the_tables_columns():
    # TFV's "Översikt": a zebra-striped table whose plain rows are page text and whose lower
    # part has no header row
    cols = ((71.0, 240.0), (249.0, 292.0), (303.0, 346.0), (357.0, 400.0))
    def cells(top: float, n: int) -> tuple[tuple[tuple[float, float, float, float], ...], ...]:
        return tuple(tuple((x0, top + 16 * i, x1, top + 16 * i + 15) for x0, x1 in cols) for i in range(n))
    upper = Table(1, (("Förbundet (tkr)", "2025", "2024", "2023"),
                      ("Verksamhetens intäkter", "231 858", "220 452", "221 686")), (71.0, 411.0, 400.0, 442.0),
                  cells(411.0, 2))
    lower = Table(1, (("Likviditet (%)", "147%", "171%", "176%"), ("Långfristig skuld", "0", "0", "0")),
                  (71.0, 496.0, 400.0, 528.0), cells(496.0, 2))
    page = _page_with_lines([
        ("Verksamhetens kostnader 231 543 -224 402 -221 901", 71, 448, 400),
        ("Årets resultat 315 -3 950 -215", 71, 465, 400),
        ("Övriga intäkter 29 160", 71, 481, 400),  # 29 160, or 29 and 160 in two of the columns?
    ], upper)
    page = Page(1, page.text, tables=(upper, lower), lines=page.lines)
    got = {f.text: f.value for f in find_figures(doc(page)) if f.table}
    assert got["Årets resultat | 2025: 315"] == 315_000
    assert got["Årets resultat | 2024: -3 950"] == -3_950_000
    assert got["Årets resultat | 2023: -215"] == -215_000
    assert got["Verksamhetens kostnader | 2023: -221 901"] == -221_901_000
    assert got["Likviditet (%) | 2024: 171%"] == 171
    assert not any(t.startswith("Övriga intäkter") for t in got)
