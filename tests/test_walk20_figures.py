"""What the twentieth session's walk found in `namndkoll figures` (docs/walks/twentieth-session.md),
on PDFs drawn here in other names: a journalist pulls a budget table's cells with --json / --csv and
wants each cell's page range to be the page the cell stands on."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from test_pdf import draw
from test_walk18_figures import _ruled
from typer.testing import CliRunner

from namndkoll.cli import app

runner = CliRunner()


def _budget(tmp_path: Path) -> Path:
    text = [(60, 60, "Budget 2026 för Fjällby räddningstjänstförbund"),
            (60, 80, "Medlemsbidraget för 2026 uppgår samlat till 48 215tkr.")]
    strings, lines = _ruled([("Medlemsbidrag 2025", "46 900"), ("Uppräkning 2026", "1 315"),
                             ("Medlemsbidrag 2026", "48 215")], 120)
    return draw(tmp_path / "budget.pdf", [text, [(60, 90, "Räddningstjänstförbundet"), *strings]],
                lines=[[], lines])


def test_a_table_cells_page_range_is_the_page_it_stands_on(tmp_path: Path) -> None:
    # a cell's stored span is empty (start = end = its page's first character): its page_end was
    # the page before (1 for a cell on page 2), in --json and --csv
    db = str(tmp_path / "c.db")
    out = runner.invoke(app, ["ingest", str(_budget(tmp_path)), "--db", db, "--no-index"])
    assert out.exit_code == 0, out.output
    rows = json.loads(runner.invoke(app, ["figures", "--db", db, "--json"]).output)
    cells = [r for r in rows if r["table"]]
    assert sorted(r["value"] for r in cells) == [1_315_000, 46_900_000, 48_215_000]
    assert {(r["page"], r["page_end"]) for r in cells} == {(2, 2)}
    assert all(r["page_end"] >= r["page"] for r in rows)
    table = csv.DictReader(io.StringIO(runner.invoke(app, ["figures", "--db", db, "--csv"]).output))
    pages = {(r["page"], r.get("page_end", r["page"])) for r in table if "Medlemsbidrag 2025" in r["text"]}
    assert pages == {("2", "2")}


def test_a_table_cell_at_80_columns_shows_its_label_once(tmp_path: Path) -> None:
    # a cell's quote is its row and column label, which its words already begin with: the
    # quote column printed "Medlemsbidrag 2025 | …: 46 900: Medlemsbidrag 2025 | …", the label
    # twice and, cut to 80 columns, the second copy where the rest of the first should be
    db = str(tmp_path / "c.db")
    runner.invoke(app, ["ingest", str(_budget(tmp_path)), "--db", db, "--no-index"])
    shown = runner.invoke(app, ["figures", "--db", db], env={"COLUMNS": "80"}).output
    lines = shown.splitlines()
    assert max(len(line) for line in lines) <= 80
    cell = " ".join(line.strip() for line in lines if "2025" in line or "46" in line)
    assert cell.count("Medlemsbidrag 2025") == 1, shown
    assert "46 900" in cell.replace("\u00a0", " ")
    wide = runner.invoke(app, ["figures", "--db", db, "--wide"]).output
    assert "46 900" in wide.replace("\u00a0", " ") and wide.count("Medlemsbidrag 2025") == 1, wide


def _report(tmp_path: Path) -> Path:
    page = [(60, 60, "Resultatredovisning i sammandrag"), (60, 80, "Belopp i mnkr"),
            (60, 250, "Förvaltningen visar överskott på 22,5 miljoner kronor för perioden jämfört med budget."),
            (60, 264, "Intäkterna är ca 2 miljoner kronor lägre än budgeterat.")]
    rule = []
    rows = [("", "Utfall", "Budget"), ("Intäkter", "373,6", "375,7"), ("Resultat", "22,5", "3,0")]
    for r, row in enumerate(rows):
        y = 100 + 30 * r
        page += [(65 + 150 * c, y + 18, cell) for c, cell in enumerate(row)]
        rule.append((60, y, 510, y))
    rule += [(60, 190, 510, 190)] + [(x, 100, x, 190) for x in (60, 210, 360, 510)]
    return draw(tmp_path / "delar.pdf", [page], lines=[rule])


def test_a_sentence_that_repeats_a_table_cells_amount_keeps_its_figure(tmp_path: Path) -> None:
    # the delårsrapport's "överskott på 22,5 miljoner kronor" under a table whose Resultat row
    # reads 22,5: the cell was placed on the sentence's "22,5" (the first "Resultat" of the page
    # is the heading above the table) and the sentence's figure dropped as the table's
    out = runner.invoke(app, ["extract", str(_report(tmp_path)), "--json"])
    assert out.exit_code == 0, out.output
    figs = json.loads(out.output)["figures"]
    text = {(f["text"], f["value"]) for f in figs if "|" not in f["text"]}
    cells = {(f["text"], f["value"]) for f in figs if "|" in f["text"]}
    assert ("22,5 miljoner kronor", 22_500_000) in text, figs
    assert ("ca 2 miljoner kronor", 2_000_000) in text
    assert any(v == 22_500_000 and "Resultat" in t for t, v in cells), cells


def test_each_number_of_a_respektive_list_is_a_figure_in_the_lists_unit(tmp_path: Path) -> None:
    # "höjas (med 0,01 respektive 0,06 procentenheter)": only the last number, the one written
    # beside its unit, was read; a controller comparing räntepåslag lost every other one
    page = [(60, 60, "Analysen visar att påslagen för Fjällby Bostäder AB och Fjällby Energi AB"),
            (60, 74, "behöver höjas (med 0,02 respektive 0,07 procentenheter), medan påslaget för"),
            (60, 88, "Fjällby Hamn AB behöver sänkas (med 0,04"),
            (60, 102, "procentenheter). Driften kostar 3, 4 och 5 mnkr under åren."),
            (60, 116, "Beslutet i § 3 och 12 mnkr för år 2025 och 8 mnkr därefter.")]
    out = runner.invoke(app, ["extract", str(draw(tmp_path / "ranta.pdf", [page])), "--json"])
    assert out.exit_code == 0, out.output
    got = sorted((f["value"], f["unit"]) for f in json.loads(out.output)["figures"])
    assert got == sorted([(0.02, "procentenhet"), (0.07, "procentenhet"), (0.04, "procentenhet"),
                          (3e6, "SEK"), (4e6, "SEK"), (5e6, "SEK"), (12e6, "SEK"), (8e6, "SEK")]), got
