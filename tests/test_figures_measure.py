"""Lengths, areas, volumes, weights and energy are figures of kind "measure" with a normalised
unit, not counts: `namndkoll figures --kind count` lists the places of a protocol and not the
kilometres beside them (issue 8). Read from a real PDF made with reportlab into a real SQLite
file, and from text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.display import format_figure
from namndkoll.extract.figures import iter_figures, normalize_spaces
from namndkoll.types import Page, Table

runner = CliRunner()

PROTOCOL = (
    "Barn- och utbildningsnämnden\nProtokoll\nSammanträdesdatum: 2025-03-12\n"
    "§ 21 Dnr BUN 2025/14\nSkolskjuts och nya förskoleplatser\n"
    "Nämnden beslutar att skolskjutsen ska köra 12 km extra per dag och\n"
    "att förskolan Solrosen utökas med 40 platser.\n"
    "Den nya slingan blir 50–60 km lång.\n"
    "Beslut\nNämnden beslutar enligt förslaget.\n"
)


def found(text: str) -> list[tuple[str, float, float | None, str]]:
    t = normalize_spaces(text)
    return [(kind, value, value_to, unit) for _s, _e, kind, value, unit, _q, _p, value_to in iter_figures(t)]


@pytest.mark.parametrize(("text", "want"), [
    ("Sträckan blir 50–60 km lång.", ("measure", 50.0, 60.0, "km")),
    ("Lokalen är 1 200 kvadratmeter stor.", ("measure", 1200.0, None, "m²")),
    ("Tomten är 3 500 m² stor.", ("measure", 3500.0, None, "m²")),
    ("Byggnaden har 800 kvm BTA.", ("measure", 800.0, None, "m²")),
    ("Området omfattar 12 hektar skog.", ("measure", 12.0, None, "ha")),
    ("Det blev 40 ton avfall.", ("measure", 40.0, None, "ton")),
    ("Anläggningen producerar 2,5 MWh om dagen.", ("measure", 2.5, None, "MWh")),
    ("Förbrukningen minskade med 300 kWh.", ("measure", 300.0, None, "kWh")),
    ("Tanken rymmer 500 liter vatten.", ("measure", 500.0, None, "l")),
    ("Bassängen rymmer 90 m³ vatten.", ("measure", 90.0, None, "m³")),
    ("Muren blir 15 meter lång.", ("measure", 15.0, None, "m")),
    ("Det finns 40 platser.", ("count", 40.0, None, "plats")),
    ("Kommunen har 25 tjänster.", ("count", 25.0, None, "tjänst")),
])
def test_a_length_area_volume_weight_or_energy_is_a_measure(text: str, want: tuple) -> None:
    assert found(text) == [want]


def test_a_capital_m_or_l_after_a_number_is_no_unit() -> None:
    # "3 M" is a party's three seats in a table of mandates, not three metres
    assert [f[0] for f in found("Fördelningen blev 3 M och 2 L i nämnden.")] == []


def test_an_antal_column_of_kilometres_is_measured() -> None:
    from namndkoll.extract.figure_tables import table_figures
    rows = (("Väg", "Antal km"), ("Norra slingan", "12"), ("Södra slingan", "7"))
    page = Page(number=1, text="Väg Antal km\nNorra slingan 12\nSödra slingan 7\n", start=0,
                tables=(Table(page=1, rows=rows),))
    figs = list(table_figures(page, page.tables[0], normalize_spaces(page.text)))
    assert [(f.kind, f.value, f.unit) for f in figs] == [("measure", 12.0, "km"), ("measure", 7.0, "km")]


@pytest.fixture(scope="module")
def protocol_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("measure")
    pdf = make_pdf(tmp / "bun-2025-03-12-protokoll.pdf", [PROTOCOL])
    db = tmp / "m.db"
    rep = ingest([pdf], db=db, index=False)
    assert rep.count("ingested") == 1, rep.results
    return str(db)


def test_figures_kind_count_lists_the_places_and_not_the_kilometres(protocol_db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", protocol_db, "--kind", "count", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert [(r["value"], r["unit"]) for r in rows] == [(40.0, "plats")]


def test_figures_kind_measure_lists_the_kilometres_with_their_unit(protocol_db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", protocol_db, "--kind", "measure", "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert [(r["kind"], r["value"], r["value_to"], r["unit"]) for r in rows] == [
        ("measure", 12.0, None, "km"), ("measure", 50.0, 60.0, "km")]
    assert "12 km" in rows[0]["text"] and "50–60 km" in rows[1]["text"]
    table = runner.invoke(app, ["figures", "--db", protocol_db, "--kind", "measure", "--csv"])
    got = list(csv.DictReader(io.StringIO(table.output)))
    assert [r["unit"] for r in got] == ["km", "km"]


def test_an_unknown_kind_is_refused_and_measure_is_offered(protocol_db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", protocol_db, "--kind", "length"])
    assert out.exit_code != 0 and "measure" in out.output


def test_a_measure_is_shown_with_its_unit() -> None:
    assert format_figure({"kind": "measure", "value": 50.0, "value_to": 60.0, "unit": "km",
                        "text": "50–60 km"}) == "50–60 km"
    assert format_figure({"kind": "measure", "value": 1200.0, "unit": "m²",
                        "text": "1 200 kvadratmeter"}) == "1 200 m²"


def test_the_web_figures_page_names_the_kind_matt(protocol_db: str, tmp_path: Path) -> None:
    from test_search import FakeEmbedder

    with served(protocol_db, tmp_path, embedder=FakeEmbedder()) as client:
        _web_checks(client)


def _web_checks(client: Any) -> None:
    page = client.get("/figures", params={"kind": "measure"})
    assert page.status_code == 200
    assert '<option value="measure" selected>mått</option>' in page.text.replace("selected=\"selected\"", "selected")
    assert '<td class="c-kind">mått</td>' in page.text
    for kind, want in (("measure", [("12", "km"), ("50", "km")]), ("count", [("40", "plats")])):
        down = client.get("/figures", params={"kind": kind, "format": "csv"})
        rows = list(csv.DictReader(io.StringIO(down.content.decode("utf-8-sig"))))
        assert [(r["värde"], r["enhet"]) for r in rows] == want


def test_a_count_question_is_not_answered_by_a_length_but_a_length_question_may_be() -> None:
    # "Hur många cykelvägar …": "12 km cykelväg" measures a cykelväg and counts none; "3 nya
    # cykelvägar" counts them; "Hur många kilometer …" asks the kilometres themselves
    from namndkoll.search.grounds import counts_focus, figure_beside
    from namndkoll.search.question import read_question

    focus = re.compile(r"(?<![\wåäöÅÄÖ])(?:[\wåäöÅÄÖ]{3,})?(?:cykelväg)")
    q = read_question("Hur många cykelvägar byggs i Lund?")
    assert q.count
    length = "Under året byggs 12 km cykelväg i Lund."
    assert not counts_focus(length, focus) and not figure_beside(q, length, None, focus)
    counted = "Under året byggs 3 nya cykelvägar i Lund."
    assert counts_focus(counted, focus) and figure_beside(q, counted, None, focus)
    km = re.compile(r"(?<![\wåäöÅÄÖ])(?:kilometer)")
    assert counts_focus(length, km)
    # "Hur lång …" is no count question: any figure beside the thing asked will do
    long_q = read_question("Hur lång cykelväg byggs i Lund?")
    assert not long_q.count and figure_beside(long_q, length, None, focus)


def test_an_abbreviation_after_a_number_is_no_metre() -> None:
    assert found("Ärendet gäller 3 m.fl. fastigheter, se 2 m.m.") == []


def test_a_million_in_a_currency_is_no_metre() -> None:
    # Nykarleby's budget frame: "RAM KEHYS 15,12 m€"
    assert all(f[0] != "measure" for f in found("Skatter 15,12 m€ och 3 m kr."))


def test_a_sentence_begun_mid_line_is_quoted_from_its_start(tmp_path: Path) -> None:
    """VGR's Målbild tåg 2035 evaluation, p. 12: the sentence begins after another ends mid-line,
    and its first line is short; '250 km/h' was quoted from 'dock', the line break taken for a
    heading's end."""
    text = ("Banor som har genomgått en hastighetsökning är Västkustbanan från och med\n"
            "2025, på grund av Varbergstunneln. Den ökade hastigheten på banan (200 km/h) är\n"
            "dock inte i linje med målet enligt målbilden (250 km/h). Viskadalsbanan har å andra\n"
            "sidan lägre hastighet.")
    db = tmp_path / "vgr.db"
    ingest([make_pdf(tmp_path / "vgr-utvardering-2025.pdf", [text])], db=db, index=False)
    quotes = {f["text"]: f["quote"] for f in namndkoll_figures(db)}
    whole = "Den ökade hastigheten på banan (200 km/h) är dock inte i linje med målet enligt målbilden (250 km/h)."
    assert quotes["250 km/h"] == whole and quotes["200 km/h"] == whole


def namndkoll_figures(db: Path) -> list[dict[str, Any]]:
    from namndkoll import extracted

    return extracted("figures", db=db, kind="measure")
