"""What a count counts, in the records of bodies outside the protocols we started with (an
interpreting service's annual report, a parking-fee schedule, an audit report quoting the law,
a personnel plan's tables): `namndkoll figures --kind count` listed "313 000 uppdrag" as four
"uppdra", "351 auktoriserade tolkar" as "auktorisera", list numbers before "längre" as counts of
"länge", "6 kapitlet" as six chapters, and a table's "Antal uppdrag" column under its row label
("arabisk"). Read from text, from tables and from a real PDF made with reportlab."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.extract.figure_tables import table_figures
from namndkoll.extract.figures import iter_figures, normalize_spaces
from namndkoll.types import Page, Table

runner = CliRunner()


def found(text: str) -> list[tuple[str, float, str]]:
    t = normalize_spaces(text)
    return [(kind, value, unit) for _s, _e, kind, value, unit, _q, _p, _to in iter_figures(t)]


@pytest.mark.parametrize(("text", "want"), [
    # a participle or comparative before the noun qualifies it: the noun is what is counted
    ("114 av förbundets 351 auktoriserade tolkar innehar", [("count", 351.0, "tolk")]),
    ("Den anger tre prioriterade utvecklingsområden, med", [("count", 3.0, "utvecklingsområde")]),
    ("Nämnden fattade tre tidigare beslut i frågan", [("count", 3.0, "beslut")]),
    ("Kommunen har 4 beviljade ansökningar", [("count", 4.0, "ansökning")]),
    # a noun in -ag is no old past tense of a verb: "uppdrag" is not "uppdra"
    ("Förbundet utförde 311 710 tolkuppdrag och 800 uppdrag", [("count", 311_710.0, "tolkuppdrag"),
                                                              ("count", 800.0, "uppdrag")]),
    ("Föreningen fick 12 bidrag", [("count", 12.0, "bidrag")]),
    # a footnote mark glued to a number in thousands groups is no fourth digit of the group
    ("Under 2025 har förbundet utfört nära 313 0004 uppdrag, vilket är", [("count", 313_000.0, "uppdrag")]),
    # a strong past tense after a participle is a verb, not the counted noun
    ("Två anställda erhöll nya tjänster", [("count", 2.0, "anställd")]),
    # unchanged: a participle standing alone is the counted people
    ("stadens 55 000 anställda", [("count", 55_000.0, "anställd")]),
    ("skolan har 12 lärare och", [("count", 12.0, "lärare")]),
])
def test_the_counted_noun(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize("text", [
    "21 längre tid än 24 timmar i följd på vardagar",  # a fee schedule's item 21, not 21 "länge"
    "38 längre än tillåten tid",
    "Kommunallag (2017:725) 6 kapitlet, 6§.",  # chapter 6, not six chapters
    "enligt 2 stycket i paragrafen",
])
def test_no_count(text: str) -> None:
    assert [f for f in found(text) if f[0] == "count"] == []


def _table(rows: tuple[tuple[str, ...], ...]) -> list[tuple[str, float, str]]:
    text = "\n".join(" ".join(r) for r in rows) + "\n"
    page = Page(number=1, text=text, start=0, tables=(Table(page=1, rows=rows),))
    return [(f.kind, f.value, f.unit) for f in table_figures(page, page.tables[0], normalize_spaces(text))]


def test_an_antal_column_counts_its_own_noun_not_the_row_label() -> None:
    rows = (("Språk", "Antal uppdrag", "Antal tolkar"), ("Arabiska", "89 945", "227"), ("Somaliska", "20 100", "80"))
    assert _table(rows) == [("count", 89_945.0, "uppdrag"), ("count", 227.0, "tolk"),
                            ("count", 20_100.0, "uppdrag"), ("count", 80.0, "tolk")]


def test_an_antal_header_skips_participles_and_totals() -> None:
    assert _table((("År", "Antal utförda uppdrag"), ("2025", "312 510"))) == [("count", 312_510.0, "uppdrag")]
    # a header word broken over two header lines
    rows = (("År", "Antal utförda | översättnings- | uppdrag"), ("2025", "800"))
    assert _table(rows) == [("count", 800.0, "översättningsuppdrag")]
    assert _table((("", "2021"), ("Totalt antal timavlönade", "1154"))) == [("count", 1154.0, "timavlönad")]
    rows = (("Team", "Anställda förskollärare utan legitimation, totalt antal"), ("Team Norra", "3"))
    assert _table(rows) == [("count", 3.0, "förskollärare")]


def test_a_row_label_still_names_what_a_bare_antal_column_counts() -> None:
    assert _table((("Anställning", "Antal"), ("Extratjänst", "100"))) == [("count", 100.0, "extratjänst")]


ANNUAL_REPORT = (
    "Tolkförmedlingen\nÅrsredovisning 2025\n"
    "Under 2025 har förbundet utfört nära 313 0004 uppdrag, vilket är\n"
    "marginellt mindre än budgeterat. 114 av förbundets 351 auktoriserade tolkar\n"
    "innehar även sjukvårdstolkkompetens, enligt 6 kapitlet i lagen.\n"
)


def test_figures_of_a_real_pdf_count_the_nouns(tmp_path) -> None:
    pdf = make_pdf(tmp_path / "tolk-arsredovisning-2025.pdf", [ANNUAL_REPORT])
    db = tmp_path / "t.db"
    rep = ingest([pdf], db=db, index=False)
    assert rep.count("ingested") == 1, rep.results
    out = runner.invoke(app, ["figures", "--db", str(db), "--kind", "count", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert sorted((r["value"], r["unit"]) for r in rows) == [(351.0, "tolk"), (313_000.0, "uppdrag")]
    assert all(r["page"] == 1 for r in rows)
