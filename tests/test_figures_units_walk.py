"""Units a researcher filters and sums by, as a user walk over real records found them wrong:
"1 person" and "kr per person" were stored with the unit "perso" (the lemma table's "son" -> "so"
read as a compound tail), so `figures --unit person` missed every "personer"; "4% Persiska"
(a language table) got the rate "per siska"; "3,5 miljoner euro" (a Finland-Swedish budget
frame) was a *count* of 3 500 000 "euro"; "6 öppna tidsresor" counted "öppen", "rikets 5 bästa
kommuner" counted "god". Read from text and from a real PDF made with reportlab."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.display import format_figure
from namndkoll.extract.figures import iter_figures, normalize_spaces

runner = CliRunner()


def found(text: str) -> list[tuple[str, float, str, str | None]]:
    t = normalize_spaces(text)
    return [(kind, value, unit, per) for _s, _e, kind, value, unit, _q, per, _to in iter_figures(t)]


@pytest.mark.parametrize(("text", "want"), [
    ("Avgiften är 100 kr per person och år", [("amount", 100.0, "SEK", "person")]),
    ("Endast 1 person deltog", [("count", 1.0, "person", None)]),
    ("Totalt 12 personer deltog", [("count", 12.0, "person", None)]),
    ("från ungefär 20 kilo till över 40 kilo per person", [("measure", 20.0, "kg", None),
                                                           ("measure", 40.0, "kg", "person")]),
    # still: a compound's known tail gives its base form, a plural in -en its singular
    ("Staden har 300 lundabor och 4 arbetsmöten", [("count", 300.0, "lundabo", None),
                                                   ("count", 4.0, "arbetsmöte", None)]),
])
def test_person_is_no_compound_of_son(text: str, want: list) -> None:
    assert found(text) == want


def test_a_rate_needs_the_word_per_not_a_word_beginning_with_it() -> None:
    assert found("Dari 4% Persiska 7%") == [("percent", 4.0, "%", None), ("percent", 7.0, "%", None)]
    assert found("Tigrinska 4 % Persiska") == [("percent", 4.0, "%", None)]
    # unchanged: "per" and "/" still name what it is per
    assert found("5 400 kr/månad och 62 kr per månad") == [("amount", 5400.0, "SEK", "månad"),
                                                          ("amount", 62.0, "SEK", "månad")]


@pytest.mark.parametrize(("text", "value"), [
    ("en nivå på årsbidraget som är 3,6 miljoner euro år 2023", 3_600_000.0),
    ("Investeringarna uppgår till 250 000 euro", 250_000.0),
    ("ramen är 15,12 m€ för nämnden", 15_120_000.0),
    ("ett bidrag om 500 EUR per ansökan", 500.0),
])
def test_euro_is_an_amount_in_euro_not_a_count(text: str, value: float) -> None:
    figs = found(text)
    assert [(k, v, u) for k, v, u, _p in figs] == [("amount", value, "EUR")]


def test_euro_is_shown_as_euro_not_kronor() -> None:
    fig = {"kind": "amount", "value": 3_600_000.0, "unit": "EUR", "text": "3,6 miljoner euro"}
    assert format_figure(fig) == "3 600 000 euro"


@pytest.mark.parametrize(("text", "want"), [
    ("Under sommaren har det ordnats 6 öppna tidsresor för barn", [("count", 6.0, "tidsresa", None)]),
    ("att Alingsås ska vara en av rikets 5 bästa kommuner", [("count", 5.0, "kommun", None)]),
    ("Nämnden har 3 största verksamheter", [("count", 3.0, "verksamhet", None)]),
])
def test_an_adjective_before_the_noun_is_not_what_is_counted(text: str, want: list) -> None:
    assert found(text) == want


@pytest.mark.parametrize("text", [
    # Alingsås tekniska nämnd 2026-06-15 § 40: a clock time before a conjunction, no count of "båda"
    "med en tidsreglering på 4 timmar mellan klockan 8 och 18 både vardag och helg godkänns",
    "Bidraget ges till 3 antingen i år eller nästa år",
])
def test_a_conjunction_after_a_number_is_no_counted_noun(text: str) -> None:
    assert [f for f in found(text) if f[0] == "count"] == []


BUDGET = (
    "Välfärdsnämnden\nProtokoll 2022-09-15\n"
    "Stadens mål är att årsbidraget ska vara 3,6 miljoner euro år 2023.\n"
    "Avgiften för lägerskolan är 100 kr per person och dag.\n"
    "Språkfördelning: Dari 4% Persiska 7%\n"
)


def test_figures_of_a_real_pdf_keep_currency_and_rate(tmp_path) -> None:
    pdf = make_pdf(tmp_path / "valfardsnamnden-2022-09-15.pdf", [BUDGET])
    db = tmp_path / "t.db"
    rep = ingest([pdf], db=db, index=False)
    assert rep.count("ingested") == 1, rep.results
    out = runner.invoke(app, ["figures", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    rows = {(r["kind"], r["value"], r["unit"], r["per"]) for r in json.loads(out.output)}
    assert ("amount", 3_600_000.0, "EUR", None) in rows
    assert ("amount", 100.0, "SEK", "person") in rows
    assert not any(r[2] == "euro" or r[3] in ("perso", "siska") for r in rows), rows
    # `--unit person` finds the rate per person; `--unit euro` the amount in euro
    out = runner.invoke(app, ["figures", "--db", str(db), "--unit", "euro", "--json"])
    assert [r["value"] for r in json.loads(out.output)] == [3_600_000.0]
    out = runner.invoke(app, ["figures", "--db", str(db), "--kind", "amount"])
    assert "3 600 000 euro" in out.output, out.output


TN_PROTOCOL = (
    "Tekniska nämnden\nProtokoll 2026-06-15\nInnehållsförteckning\n"
    "§ 38 Mopedparkering i Nolhaga\n§ 39 Tidsreglering av 30 parkeringsplatser i Nolhaga\n"
    "§ 40 Delegerade beslut 2026\n\f"
    "§ 38 2026.130 TEN\nMopedparkering i Nolhaga\nÄrendebeskrivning\nDet finns 4 parkeringsrutor i dag.\n"
    "§ 39 2026.131 TEN\nTidsreglering av 30 parkeringsplatser i Nolhaga\nBeslut\n"
    "Tidsreglering av 30 parkeringsplatser godkänns.\n"
    "§ 40 2026.001 TEN\nDelegerade beslut 2026\nBeslut\nRedovisningen godkänns.\n"
)


def test_a_table_of_contents_line_is_no_second_figure() -> None:
    """Alingsås tekniska nämnd 2026-06-15: "30 parkeringsplatser" of § 39's title was listed from
    the table of contents on page 3 too, one figure more in every count a researcher sums; the §
    itself (its title and its decision) keeps its figures."""
    from test_decisions_walk import make_doc

    from namndkoll.extract.figures import find_figures

    doc = make_doc(TN_PROTOCOL, committee="Tekniska nämnden", doc_type="protokoll")
    assert [i.number for i in doc.items] == ["38", "39", "40"]
    figs = [(f.page, f.value, f.unit) for f in find_figures(doc)]
    assert figs == [(2, 4.0, "parkeringsruta"), (2, 30.0, "parkeringsplats"), (2, 30.0, "parkeringsplats")]


@pytest.mark.parametrize(("text", "want"), [
    # Alingsås tekniska nämnd 2026-06-15 § 39: "Tidsreglering av 30st parkeringsplatser"
    ("Tidsreglering av 30st parkeringsplatser med en tidsreglering", [("count", 30.0, "parkeringsplats", None)]),
    ("Nämnden köper 30 st parkeringsplatser", [("count", 30.0, "parkeringsplats", None)]),
    ("Vi anställer 5 st. fritidsledare i år", [("count", 5.0, "fritidsledare", None)]),
    ("totalt 12 stycken lägenheter", [("count", 12.0, "lägenhet", None)]),
    # no noun after "st.": nothing is counted; a law's "2 st." is an identifier
    ("Bilarna är 5 st.\nNästa stycke.", []),
    ("enligt 6 kap. 1 § 2 st. kommunallagen", []),
])
def test_styck_between_the_number_and_its_noun(text: str, want: list) -> None:
    assert found(text) == want


def test_the_quote_of_a_figure_in_a_title_stops_at_the_next_section_heading() -> None:
    """Alingsås tekniska nämnd 2026-06-15 § 39: the figure of its title was quoted "Tidsreglering
    av 30 parkeringsplatser i Nolhaga Ärendebeskrivning På Nolhagaparkeringen finns cirka 170
    parkeringsplatser …", the section heading and the next sentence run in."""
    from namndkoll.extract.figures import sentence_around

    text = ("§ 39 2026.131 TEN\nTidsreglering av 30 parkeringsplatser i Nolhaga\nÄrendebeskrivning\n"
            "På Nolhagaparkeringen finns cirka 170 parkeringsplatser och 4 platser för rörelsehindrade.\n")
    at = text.index("30 park")
    assert sentence_around(text, at, at + 20) == "Tidsreglering av 30 parkeringsplatser i Nolhaga"
    at = text.index("170")
    assert sentence_around(text, at, at + 20) == (
        "På Nolhagaparkeringen finns cirka 170 parkeringsplatser och 4 platser för rörelsehindrade.")


def test_a_row_label_holding_andel_inside_a_word_is_no_share() -> None:
    """Nykarleby välfärdsnämnd 2022-09-15 § 49, budget frame: the row "Statsandelar" (state
    grants) made its cell "-15 151" (thousands of euro) a percentage, -15 151 %; a column or row
    of shares is headed "Andel …" or "%"."""
    from namndkoll.extract.figure_tables import table_figures
    from namndkoll.types import Page, Table

    rows = (("RESULTATRÄKNING", "RAM", "FÖRÄNDRINGS %*", "FÖRÄNDRING (22 => 23) 1000€"),
            ("Skatter Verot", "15,12 m€", "-47,3", "-13 572"),
            ("Statsandelar Valtionosuudet", "8,91 m€", "-63,0", "-15 151"),
            ("Andel behöriga", "", "", "61,5"))
    text = "\n".join(" ".join(r) for r in rows) + "\n"
    page = Page(number=1, text=text, start=0, tables=(Table(page=1, rows=rows),))
    figs = [(f.kind, f.value, f.unit) for f in table_figures(page, page.tables[0], normalize_spaces(text))]
    assert ("percent", -15151.0, "%") not in figs, figs
    assert ("percent", -63.0, "%") in figs and ("amount", 8_910_000.0, "EUR") in figs
    assert ("percent", 61.5, "%") in figs  # "Andel …" heads a share
