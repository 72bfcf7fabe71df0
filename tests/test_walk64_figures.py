"""Figures a researcher pulled into a spreadsheet from other municipalities' records and found
wrong (sentences as the real records write them: Alingsås BUN 2018, AVRF's PM, Göteborg's
Stadsrevisionen, Tolkförmedling Väst's förbundsordning and årsredovisning, Region
Stockholm's calicivirus programme, Göteborg's funktionsstöd roll call):

- a phone number's last digit group was a count of the next word ("0322-61 69 32 alternativt"
  was 32 "alternativ", "031-365 00 00 stadsrevisionen@…" 0 "stadsrevision");
- "1 svensk krona per kommuninvånare" was a count of 1 "svensk", not an amount of 1 kr;
- "åa" (årsarbetare) was a unit of its own, so `figures --unit årsarbetare` missed every
  "2,3 åa";
- counted nouns under wrong words: "2 st rektor" as "rekta", "1 nej-röst" as "röste",
  "viruspartiklar" as "viruspartikl".
"""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.extract.figures import iter_figures, normalize_spaces

runner = CliRunner()


def found(text: str) -> list[tuple[str, str, float, str]]:
    t = normalize_spaces(text)
    return [(t[s:e], kind, value, unit) for s, e, kind, value, unit, _q, _per, _to in iter_figures(t)]


@pytest.mark.parametrize("text", [
    "kontakta Ante Mikacic Räddningschef AVRF på 0322-61 69 32 alternativt 0724-65 62 49.",
    "031-365 00 00 stadsrevisionen@stadsrevisionen.goteborg.se",
    "Ring 08-123 456 78 eller 070-1234567 eller +46 31 365 00 00 om ni har frågor",
])
def test_no_number_of_a_phone_number_is_a_figure(text: str) -> None:
    assert found(text) == []


def test_numbers_beside_a_phone_number_still_count() -> None:
    got = found("Ring 031-365 00 00 om de 12 platserna; kostnaden är 0,5 mkr för 0-5 år.")
    assert ("12 platserna", "count", 12.0, "plats") in got
    assert ("0,5 mkr", "amount", 500_000.0, "SEK") in got


def test_a_swedish_krona_is_an_amount() -> None:
    assert found("Varje medlem tillskjuter 1 svensk krona per kommuninvånare som andelskapital.") == [
        ("1 svensk krona per kommuninvånare", "amount", 1.0, "SEK")]
    assert found("Bidraget är 5 miljoner svenska kronor.") == [
        ("5 miljoner svenska kronor", "amount", 5_000_000.0, "SEK")]
    assert found("Beloppet är 100 danska kronor.") == []  # no amount in SEK
    assert found("Där deltog 3 svenska medborgare.") == [("3 svenska medborgare", "count", 3.0, "medborgare")]


@pytest.mark.parametrize(("text", "unit"), [
    ("Antalet skolledare har utökats med volymökning under 2016 1,3 åa och 2017 med 1,0 åa.", "årsarbetare"),
    ("Det finns 2 st rektor tillika förskolechef.", "rektor"),
    ("Med 6 ja-röster mot 1 nej-röst vinner yttrande från (C).", "röst"),
    ("I en milliliter från en diarré kan det finnas fler än en miljard viruspartiklar.", "viruspartikel"),
    ("Huset har 12 lgh.", "lägenhet"),
])
def test_counted_nouns_are_stored_under_their_word(text: str, unit: str) -> None:
    counts = [u for _t, kind, _v, u in found(text) if kind == "count"]
    assert counts and all(u == unit for u in counts), counts


def test_figures_unit_arsarbetare_finds_the_abbreviation_in_a_real_pdf(tmp_path) -> None:
    page = ("Alingsås kommun\nBarn- och ungdomsnämnden\nProtokoll\nSammanträdesdatum: 2018-01-30\n"
            "§ 5 Dnr 2017.640 BUN\nSkolledarnas arbetsmiljö\n"
            "Antalet skolledare har utökats med volymökning under 2016 1,3 åa och 2017 med 1,0 åa,\n"
            "totalt 2,3 åa. Förbundet motsvarade 39,8 årsarbetare.\n"
            "Kontakt: 0322-61 69 32 alternativt 0724-65 62 49.\n")
    pdf = make_pdf(tmp_path / "alingsas-bun-2018-01-30.pdf", [page])
    db = str(tmp_path / "f.db")
    assert not ingest([pdf], db=db, index=False).failed
    out = runner.invoke(app, ["figures", "--db", db, "--unit", "årsarbetare", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert sorted(r["value"] for r in rows) == [1.0, 1.3, 2.3, 39.8]
    assert all(r["page"] == 1 and r["item_number"] == "5" for r in rows)
    # the abbreviation as typed finds them too, and the phone number gave no figure
    assert len(json.loads(runner.invoke(app, ["figures", "--db", db, "--unit", "åa", "--json"]).output)) == 4
    units = {r["unit"] for r in json.loads(runner.invoke(app, ["figures", "--db", db, "--json"]).output)}
    assert "alternativ" not in units


NYKARLEBY = """Ekonomisk prognos
Stadens har som målsättning att nivån på årsbidraget skall vara mellan 2,5- 3,5 miljoner euro.
På intäktssidan pekar prognoserna på att utfallet för 2023 blir kring 15,1 miljoner för skatterna
och för statsandelarna kring 8,9 miljoner.
1. en nivå på årsbidraget som är 3,6 miljoner euro år 2023;
"""


def test_a_document_that_counts_in_euro_has_its_bare_millions_in_euro() -> None:
    """Nykarleby's välfärdsnämnd (Finland) writes "3,6 miljoner euro" and then "kring 15,1
    miljoner för skatterna": the bare millions were stored as SEK, so a researcher's sum of
    kronor took in 27 million euro."""
    from test_decisions_votes_positions import make_doc

    from namndkoll.extract.figures import find_figures

    figs = find_figures(make_doc(NYKARLEBY, municipality="Nykarleby"))
    amounts = {f.text: f.unit for f in figs if f.kind == "amount"}
    assert amounts["kring 15,1 miljoner"] == "EUR" and amounts["kring 8,9 miljoner"] == "EUR"
    assert "SEK" not in amounts.values()
    # a Swedish document that names kronor keeps its bare millions in kronor
    swedish = NYKARLEBY.replace("3,6 miljoner euro", "3,6 miljoner kronor")
    figs = find_figures(make_doc(swedish, municipality="Alingsås"))
    assert {f.text: f.unit for f in figs if f.kind == "amount"}["kring 15,1 miljoner"] == "SEK"


@pytest.mark.parametrize("text", [
    "Med 6 ja-röster mot 1 nej-röst vinner yttrande från (C). 4 stycken avstod från att rösta.",
    "Med 5 ja-röster mot 1 nej-röst vinner yttrandet. 5 stycken avstår från att rösta.",
    "Årets eNPS 80 nådde den imponerande nivån 67 på skalan.",
    "Ambitionsnivån att medarbetarengagemanget skulle överstiga 90 uppnåddes.",
    "Bidraget baseras på ett genomsnitt av de tre senaste årens förutsättningar.",
    "För att minska antalet årsarbetare per skolledare till ca 30 utifrån nuvarande personaltäthet.",
])
def test_verbs_superlatives_and_prepositions_count_nothing(text: str) -> None:
    """A researcher's count column held 4 'avstå', 80 'nå', 90 'uppnå', 3 'sen' ("tre
    senaste") and 30 'utifrån': a verb's past or present, a superlative or a preposition after
    a number names nothing counted."""
    assert [f for f in found(text) if f[1] == "count" and f[3] != "röst"] == []


def test_a_superlative_before_its_noun_counts_the_noun() -> None:
    assert found("Strategin beskriver de fyra viktigaste områdena för gemensamma insatser.") == [
        ("fyra viktigaste områdena", "count", 4.0, "område")]
