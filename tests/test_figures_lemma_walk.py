"""Counted nouns a user walk found stored under a wrong lemma: "12 webbinarier" was counted as
"webbinari" (the table lacks the word, and the suffix rule cut "-er"), so `figures --unit
webbinarium` found nothing; "3 major incidents" was counted as "maja" (a Swedish verb's lemma
for the English adjective). A plural in -ier the lemma table lacks now changes as the table's
plurals of the same ending mostly do ("seminarier" -> "seminarium"), and an English noun
phrase after a number is counted as its head ("incident"). Read from text and from a real PDF
made with reportlab, through ingest and `namndkoll figures`."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.extract.figure_text import lemma
from namndkoll.extract.figures import iter_figures, normalize_spaces

runner = CliRunner()


def counted(text: str) -> list[tuple[str, float, str]]:
    t = normalize_spaces(text)
    return [(t[s:e], value, unit) for s, e, kind, value, unit, _q, _p, _to in iter_figures(t) if kind == "count"]


@pytest.mark.parametrize(("word", "want"), [
    ("webbinarier", "webbinarium"),
    ("webinarier", "webinarium"),
    ("hyresgästkriterier", "hyresgästkriterium"),  # a compound of a table word
    # the -ier plurals whose base ends in -i or -ie stay so
    ("nanoteknologier", "nanoteknologi"),
    ("mediestrategier", "mediestrategi"),
    ("skolbibliotekarier", "skolbibliotekarie"),
    ("seminarier", "seminarium"),
    ("kategorier", "kategori"),
    ("platser", "plats"),
])
def test_a_plural_in_ier_the_table_lacks_changes_as_its_kin_do(word: str, want: str) -> None:
    assert lemma(word) == want


@pytest.mark.parametrize(("text", "want"), [
    ("Under året inträffade 3 major incidents enligt rapporten.", [("3 major incidents", 3.0, "incident")]),
    ("Granskningen gav 4 key findings om styrningen.", [("4 key findings", 4.0, "finding")]),
    # Swedish stays Swedish: a pronoun or passive after the noun is no English plural
    ("Bara fem av tio barn vars vårdnadshavare har låg inkomst.", [("tio barn", 10.0, "barn")]),
    ("Det blev 4 platser som prioriteras.", [("4 platser", 4.0, "plats")]),
    ("Nämnden har 2 majorer i beredskap.", [("2 majorer", 2.0, "major")]),
])
def test_an_english_noun_phrase_is_counted_as_its_head(text: str, want: list) -> None:
    assert counted(text) == want


def test_figures_unit_finds_them_as_a_user_types_them(tmp_path) -> None:
    page = ("Region Halland\nHälso- och sjukvårdsnämnden\nProtokoll\nSammanträdesdatum: 2025-09-18\n"
            "§ 55 Dnr HSN 2025/210\nUppföljning av beredskap\n"
            "Under perioden hölls 12 webbinarier för personalen.\n"
            "Sjukhusen rapporterade 3 major incidents under sommaren.\n"
            "Beslut\nNämnden beslutar att lägga uppföljningen till handlingarna.\n")
    pdf = make_pdf(tmp_path / "hsn-2025-09-18-protokoll.pdf", [page])
    db = tmp_path / "c.db"
    assert ingest([pdf], db=db, index=False).count("ingested") == 1
    for typed, value, unit in (("webbinarier", 12.0, "webbinarium"), ("webbinarium", 12.0, "webbinarium"),
                               ("incident", 3.0, "incident")):
        out = runner.invoke(app, ["figures", "--db", str(db), "--unit", typed, "--json"])
        assert out.exit_code == 0, out.output
        assert [(f["value"], f["unit"]) for f in json.loads(out.stdout)] == [(value, unit)], typed
    out = runner.invoke(app, ["figures", "--db", str(db), "--kind", "count", "--json"])
    assert "maja" not in {f["unit"] for f in json.loads(out.stdout)}
