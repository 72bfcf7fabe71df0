"""Figures a researcher pulled from other municipalities' records and found wrong:

- "4 visar" was a count of 4 "vise": a verb in the present after a number counts nothing, as
  the past ("80 nådde") and the -å verbs ("5 stycken avstår") already did. The lemma table
  reads some presents in -ar as nouns ("visar" -> vise, "granskar" -> granskare) and the
  compounds of ge and se as their base forms ("uppger" -> uppge, "anser" -> anse).
- "2,5 -3,5 mkr" (a range typed with a space before the dash) was a minus 3.5 million: in a
  sentence a number, a space and a dash glued to a higher number with a unit is a range; in a
  table row ("Socialnämnden 2,5 -3,5 mnkr") it is still a value and a signed one.
"""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from test_walk64_figures import found
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.extract.figures import iter_figures, normalize_spaces

runner = CliRunner()


@pytest.mark.parametrize("text", [
    "Resultatet i enkäten för 2025 jämfört med mätning 4 visar att andelen nöjda har ökat.",
    "Av de tillfrågade ungdomarna 23 uppger att de trivs i skolan.",
    "Av de 40 svarande anser 12 att det fungerar bra, 8 anser att det fungerar dåligt.",
    "Av deltagarna 30 förblir i kommunen efter utbildningen.",
    "Totalt 3 granskar ärendena innan de går till nämnden.",
])
def test_a_verb_in_the_present_after_a_number_counts_nothing(text: str) -> None:
    assert [f for f in found(text) if f[1] == "count" and f[3] != "svarande"] == []


@pytest.mark.parametrize(("text", "unit"), [
    ("Förmedlingen har 54 tolkar i arabiska.", "tolk"),
    ("Av deltagarna var 30 killar.", "kille"),
    ("Vid inventeringen fanns 12 stolpar i parken.", "stolpe"),
    ("Totalt 12 arbetare anställdes.", "arbetare"),
])
def test_nouns_of_their_own_are_still_counted(text: str, unit: str) -> None:
    assert any(kind == "count" and u == unit for _t, kind, _v, u in found(text)), found(text)


def test_figures_in_a_real_pdf_have_no_verb_as_unit(tmp_path) -> None:
    page = ("Alingsås kommun\nBarn- och ungdomsnämnden\nProtokoll\nSammanträdesdatum: 2026-06-16\n"
            "§ 44 Dnr 2026.156 BUN\nElevenkät 2026\n"
            "Elevenkäten besvarades av 412 elever. Jämfört med mätning 4 visar resultatet\n"
            "att tryggheten har ökat. Av eleverna i årskurs 9 uppger 23 att de saknar en vuxen\n"
            "att prata med, och 8 anser att undervisningen är för svår.\n")
    pdf = make_pdf(tmp_path / "alingsas-bun-2026-06-16.pdf", [page])
    db = str(tmp_path / "f.db")
    assert not ingest([pdf], db=db, index=False).failed
    out = runner.invoke(app, ["figures", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    counts = {(r["value"], r["unit"]) for r in json.loads(out.output) if r["kind"] == "count"}
    assert (412.0, "elev") in counts
    assert not {u for _v, u in counts} & {"vise", "visa", "uppge", "anse"}, counts


@pytest.mark.parametrize(("text", "want"), [
    ("Kostnaden för insatsen beräknas till 2,5 -3,5 mkr per år.", (2.5e6, 3.5e6, "SEK")),
    ("Nämnden bedömer att det behövs ca 15 –20 platser till.", (15.0, 20.0, "plats")),
])
def test_a_range_with_a_space_before_the_dash_is_a_range_in_a_sentence(text: str, want: tuple) -> None:
    t = normalize_spaces(text)
    assert [(v, to, u) for _s, _e, _k, v, u, _q, _p, to in iter_figures(t)] == [want]


@pytest.mark.parametrize("text", [
    "Socialnämnden 2,5 -3,5 mnkr",
    "Resultat 2,5 -3,5 mnkr",
    "Budget 2026 12,0 2,5 -3,5 mnkr",
    "Utfall 15 -3 mnkr",
])
def test_a_table_rows_minus_stays_a_minus(text: str) -> None:
    assert [(v, to) for _s, _e, _k, v, _u, _q, _p, to in iter_figures(normalize_spaces(text))] == [(-3.5e6 if "3,5" in text else -3e6, None)]


def test_a_range_in_a_real_pdf_is_stored_as_a_range(tmp_path) -> None:
    page = ("Alingsås kommun\nKommunstyrelsen\nProtokoll\nSammanträdesdatum: 2026-06-01\n"
            "§ 12 Dnr 2026.101 KS\nUtökad hemtjänst\n"
            "Kostnaden för den utökade hemtjänsten beräknas till 2,5 -3,5 mkr per år och\n"
            "finansieras inom kommunstyrelsens ram.\n")
    pdf = make_pdf(tmp_path / "alingsas-ks-2026-06-01.pdf", [page])
    db = str(tmp_path / "r.db")
    assert not ingest([pdf], db=db, index=False).failed
    out = runner.invoke(app, ["figures", "--db", db, "--kind", "amount", "--json"])
    assert out.exit_code == 0, out.output
    assert [(r["value"], r["value_to"]) for r in json.loads(out.output)] == [(2.5e6, 3.5e6)]
