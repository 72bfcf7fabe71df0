"""Euro amounts a user walk found half read: "2,5- 3,5 miljoner euro" (the dash glued to the
low end, a space after it) was stored as 3.5 million only, where "2,5-3,5 mnkr" gives both
ends; and a table column headed "1000€", "tEUR" or "t€" gave no amount at all, where a
"tkr" column gives its cells in thousands. Read from text and from real PDFs made with
reportlab (a ruled table, as a Finland-Swedish budget prints it)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_pdf import draw, ruled_table
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.extract import extract_document
from namndkoll.extract.figures import iter_figures, normalize_spaces
from namndkoll.ingest import read_document

runner = CliRunner()


def found(text: str) -> list[tuple[str, float, str, float | None]]:
    t = normalize_spaces(text)
    return [(kind, value, unit, to) for _s, _e, kind, value, unit, _q, _p, to in iter_figures(t)]


@pytest.mark.parametrize(("text", "want"), [
    ("Kostnaden beräknas till 2,5- 3,5 miljoner euro per år.", [("amount", 2.5e6, "EUR", 3.5e6)]),
    # the same range in kronor, and the forms that were read already
    ("Kostnaden beräknas till 2,5- 3,5 mnkr.", [("amount", 2.5e6, "SEK", 3.5e6)]),
    ("Kostnaden beräknas till 2,5-3,5 miljoner euro.", [("amount", 2.5e6, "EUR", 3.5e6)]),
    ("Kostnaden beräknas till 2,5 - 3,5 m€.", [("amount", 2.5e6, "EUR", 3.5e6)]),
    ("Behovet är 10– 15 platser.", [("count", 10.0, "plats", 15.0)]),
])
def test_a_range_with_a_space_after_the_dash_gives_both_ends(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Resultat 2 -3 mnkr", [("amount", -3e6, "SEK", None)]),  # a table's minus, not a range
    ("Prognos 15- 3 mnkr", [("amount", 3e6, "SEK", None)]),  # no range runs downwards
    ("Budgeten för 2024- 2026 är fastställd.", []),  # years
    ("Ring 08- 123 45 67 för frågor.", []),  # a phone number
])
def test_what_is_no_range_stays_as_it_was(text: str, want: list) -> None:
    assert found(text) == want


def test_a_euro_range_in_a_pdf_is_one_figure_with_both_ends(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "ram.pdf", [[
        (60, 60, "Kommunstyrelsen"), (60, 80, "Tjänsteskrivelse 2025-04-02"),
        (60, 120, "Investeringen i det nya vattenverket beräknas till 2,5- 3,5 miljoner euro."),
    ]])
    out = runner.invoke(app, ["extract", str(pdf), "--json"])
    assert out.exit_code == 0, out.output
    figs = [f for f in json.loads(out.stdout)["figures"] if f["unit"] == "EUR"]
    assert [(f["value"], f["value_to"]) for f in figs] == [(2.5e6, 3.5e6)]


def _table(tmp_path: Path, name: str, heads: tuple[str, str, str]) -> Path:
    return ruled_table(tmp_path / name, "Driftsbudget per verksamhet",
                       [heads, ("Hemvården", "12 500", "13 100"), ("Småbarnspedagogik", "8 200", "7 950")])


@pytest.mark.parametrize("heads", [
    ("Verksamhet", "Budget 1000€", "Utfall 1000€"),
    ("Verksamhet", "Budget tEUR", "Utfall tEUR"),
    ("Verksamhet", "Budget t€", "Utfall t€"),
])
def test_a_column_of_thousands_of_euro_gives_amounts_in_euro(tmp_path: Path, heads: tuple[str, str, str]) -> None:
    doc = read_document(_table(tmp_path, "budget.pdf", heads))
    assert doc.pages[0].tables, "the ruled table was not read as a table"
    figs = [f for f in extract_document(doc).figures if f.table]
    assert sorted((f.kind, f.value, f.unit) for f in figs) == sorted(
        ("amount", v * 1000, "EUR") for v in (12_500, 13_100, 8_200, 7_950))


def test_a_tkr_column_is_still_kronor(tmp_path: Path) -> None:
    doc = read_document(_table(tmp_path, "tkr.pdf", ("Verksamhet", "Budget tkr", "Utfall tkr")))
    figs = [f for f in extract_document(doc).figures if f.table]
    assert {(f.unit, f.value) for f in figs} >= {("SEK", 12_500_000.0), ("SEK", 7_950_000.0)}


@pytest.mark.parametrize(("text", "want"), [
    # thousands and millions of euro in running text, as the table headers write them
    ("Kostnaden är 120 tEUR per år.", [("amount", 120_000.0, "EUR", None)]),
    ("Kostnaden är 120 t€.", [("amount", 120_000.0, "EUR", None)]),
    ("Ramen är 1,2 MEUR.", [("amount", 1_200_000.0, "EUR", None)]),
    ("Anslaget är 120-150 tEUR.", [("amount", 120_000.0, "EUR", 150_000.0)]),
    # "120 tusen kronor" is one figure: its "tusen" was read again as 1 000 kr
    ("Bidraget är 120 tusen kronor.", [("amount", 120_000.0, "SEK", None)]),
    ("Bidraget är 120 tusen euro.", [("amount", 120_000.0, "EUR", None)]),
])
def test_scaled_euro_in_text_and_one_figure_for_tusen(text: str, want: list) -> None:
    assert found(text) == want
