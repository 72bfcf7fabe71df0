"""A budget table whose rows stand in groups under a heading row ("Budget 2027", "Ram 2028"):
each cell of a group says its group's heading, in its search passage and in its figure.

Before: the rows of both groups read "Socialnämnden · Utfall · 12 300 tkr" whatever group
they stood in (two passages and two figures alike but for the number, neither saying the
year or the kind).
"""

from __future__ import annotations

from pathlib import Path

from test_pdf import draw

from namndkoll.extract.figures import find_figures
from namndkoll.ingest.pdf import read_pdf
from namndkoll.search.chunking import row_of, table_chunks

ROWS = [("Nämnd", "Utfall tkr", "Prognos tkr"),
        ("Budget 2027", "", ""),
        ("Socialnämnden", "12 300", "12 900"),
        ("Tekniska nämnden", "8 100", "8 000"),
        ("Summa", "20 400", "20 900"),
        ("Ram 2028", "", ""),
        ("Socialnämnden", "13 100", "13 500"),
        ("Tekniska nämnden", "8 400", "8 300"),
        ("Summa", "21 500", "21 800"),
        ("Totalt båda åren", "41 900", "42 700")]


def _budget(tmp_path: Path) -> Path:
    """The table ruled on every side (rows 24 pt high) under a title, a line of prose after it."""
    page = [(60, 60, "Nämndernas ramar")]
    rule = []
    for r, row in enumerate(ROWS):
        y = 100 + 24 * r
        page += [(65 + 150 * c, y + 16, cell) for c, cell in enumerate(row) if cell]
        rule.append((60, y, 510, y))
    bottom = 100 + 24 * len(ROWS)
    rule.append((60, bottom, 510, bottom))
    rule += [(x, 100, x, bottom) for x in (60, 210, 360, 510)]
    page.append((60, bottom + 40, "Kommentar efter tabellen."))
    return draw(tmp_path / "budget.pdf", [page], lines=[rule])


def test_each_row_says_the_heading_of_its_group_in_passages_and_figures(tmp_path: Path) -> None:
    doc = read_pdf(_budget(tmp_path))
    (table,) = doc.pages[0].tables
    assert ("Ram 2028", "", "") in table.rows, table.rows
    passages = [c.text for c in table_chunks(doc)]
    soc = [p for p in passages if "Socialnämnden" in p]
    assert len(soc) == 2, passages
    assert "Budget 2027 · Socialnämnden · Utfall · 12 300 tkr" in soc[0].splitlines(), soc[0]
    assert "Ram 2028 · Socialnämnden · Prognos · 13 500 tkr" in soc[1].splitlines(), soc[1]
    # a group's sum belongs to it; the total after both groups to neither
    assert any("Ram 2028 · Summa · Utfall · 21 500 tkr" in p for p in passages), passages
    total = next(p for p in passages if "Totalt båda åren" in p)
    assert "Budget" not in total and "Ram 2028" not in total, total
    figs = {f.text: f for f in find_figures(doc) if f.table}
    f = figs.get("Ram 2028 | Socialnämnden | Utfall tkr: 13 100")
    assert f is not None and (f.kind, f.value, f.unit) == ("amount", 13_100_000, "SEK"), list(figs)
    assert "Budget 2027 | Tekniska nämnden | Prognos tkr: 8 000" in figs, list(figs)


def test_a_grouped_rows_passage_still_finds_its_row(tmp_path: Path) -> None:
    """The web page boxes a hit's row on the page image: every passage maps back to its row."""
    doc = read_pdf(_budget(tmp_path))
    tables = doc.pages[0].tables
    for c in table_chunks(doc):
        assert row_of(tables, c.text) == c.table, c.text
