"""A case that gets a new diarienummer in each body is still one case (issue 8; USERS.md "a case
followed by diarienummer", "following one item across meetings"). Alingsås' felparkeringsavgifter
were Tekniska nämnden's 2026.067 TEN (§ 28) and then Kommunstyrelsen's 2026.266 KS (§ 113), whose
text says "Tekniska nämnden har den 18 maj 2026, § 28 behandlat ärendet" and lists "§ 28 TEN"
among its papers; a motion put to kommunfullmäktige (§ 204, 2025.446 KS) was answered by Tekniska
nämnden under 2025.300 TEN, which repeats "har till kommunfullmäktige den 24 september 2025, § 204
lämnat en motion". The case page showed one body only. A § joins when a step names it by body
and number and that names exactly one stored § — a decision cited as background, a list of
meddelanden, and a title alike do not join."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf

from namndkoll import api

TN = """Alingsås kommun
Tekniska nämnden
Protokoll
Sammanträdesdatum: 2026-05-18
§ 28 Dnr 2026.067 TEN
Revidering felparkeringsavgifter
Ärendebeskrivning
Taxan för felparkeringsavgifter behöver revideras efter ändringar i lokala trafikföreskrifter.
Beslut
Tekniska nämnden beslutar
att föreslå kommunfullmäktige att revidera felparkeringsavgifter i Alingsås kommun.
§ 29 Dnr 2026.068 TEN
Lokala trafikföreskrifter för Nolhaga
Ärendebeskrivning
Nya lokala trafikföreskrifter föreslås för Nolhaga.
Beslut
Tekniska nämnden beslutar
att föreslå kommunstyrelsen att anta föreskrifterna.
"""

TN_2 = """Alingsås kommun
Tekniska nämnden
Protokoll
Sammanträdesdatum: 2025-12-15
§ 65 Dnr 2025.300 TEN
Svar på motion gällande att införa laddstationer för cyklister
Ärendebeskrivning
Amanda Andersson (MP) har till kommunfullmäktige den 24 september 2025, § 204 lämnat en
motion gällande att införa laddstationer för Alingsås cyklister.
Beslut
Tekniska nämnden beslutar
att avstyrka motionen.
§ 66 Dnr 2025.310 TEN
Meddelanden
Ärendebeskrivning
Följande beslut anmäls:
Expediering - § 113 KS 2026-06-15 - Revidering felparkeringsavgifter
Beslut
Tekniska nämnden beslutar
att lägga meddelandena till handlingarna.
"""

KS_116 = """§ 116 Dnr 2026.280 KS
Lokala trafikföreskrifter för Nolhaga
Ärendebeskrivning
Nya lokala trafikföreskrifter föreslås för Nolhaga, så som förvaltningen beskriver.
Beslut
Kommunstyrelsen beslutar
att anta de lokala trafikföreskrifterna för Nolhaga.
Beslutsunderlag
• Tjänsteskrivelse, samhällsbyggnadsförvaltningen
"""

KS_116_PAPERS = """• § 29 TEN - Lokala trafikföreskrifter för Nolhaga
• Karta över Nolhaga
"""

KF = """Alingsås kommun
Kommunfullmäktige
Protokoll
Sammanträdesdatum: 2025-09-24
§ 204 Dnr 2025.446 KS
Motionssvar - Motion gällande att införa laddstationer för Alingsås cyklister
Ärendebeskrivning
Amanda Andersson (MP) har lämnat en motion om laddstationer för elcyklar.
Beslut
Kommunfullmäktige beslutar
att motionen remitteras till kommunstyrelsen för beredning.
§ 205 Dnr 2025.450 KS
Taxa för torghandel
Ärendebeskrivning
En ny taxa för torghandel föreslås.
Beslut
Kommunfullmäktige beslutar
att anta taxan för torghandel.
"""

KS = """Alingsås kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2026-06-15
§ 113 Dnr 2026.266 KS
Revidering felparkeringsavgifter
Ärendebeskrivning
Felparkeringsavgifter i Alingsås kommun behöver revideras.
Tekniska nämnden har den 18 maj 2026, § 28 behandlat ärendet.
Beslut
Kommunstyrelsen beslutar
att föreslå kommunfullmäktige att anta reviderade felparkeringsavgifter.
Beslutsunderlag
• § 28 TEN - Revidering felparkeringsavgifter
§ 114 Dnr 2026.270 KS
Taxa för torghandel, uppföljning
Ärendebeskrivning
Kommunfullmäktige beslutade den 24 september 2025, § 205 om en ny taxa för torghandel.
Beslut
Kommunstyrelsen beslutar
att godkänna uppföljningen.
Beslutsunderlag
• § 113 KS - Revidering felparkeringsavgifter
"""


@pytest.fixture
def corpus(db: str, tmp_path: Path) -> str:
    make_pdf(tmp_path / "tn-2026-05-18.pdf", [TN])
    make_pdf(tmp_path / "tn-2025-12-15.pdf", [TN_2])
    make_pdf(tmp_path / "kf-2025-09-24.pdf", [KF])
    make_pdf(tmp_path / "ks-2026-06-15.pdf", [KS, KS_116, KS_116_PAPERS])
    report = api.ingest(sorted(tmp_path.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    return db


def _steps(case: api.CaseView) -> list[tuple[str, str, str]]:
    return [(e["committee"], e["date"], e["item"]) for e in case.entries]


def test_a_case_is_followed_through_each_bodys_own_number(corpus: str) -> None:
    # from the kommunstyrelse's number back to the nämnd's step, and from the nämnd's forward
    ks = api.case_view("2026.266 KS", db=corpus)
    assert _steps(ks) == [("Tekniska nämnden", "2026-05-18", "28"), ("Kommunstyrelsen", "2026-06-15", "113")]
    assert ks.bodies == ["Tekniska nämnden", "Kommunstyrelsen"]
    tn = ks.entries[0]
    assert tn["dnr"] == "2026.067 TEN" and tn["page_start"] == 1 and tn["decisions"]
    assert tn["joined"]["ref"] == "Tekniska nämnden har den 18 maj 2026, § 28"
    assert (tn["joined"]["committee"], tn["joined"]["item"], tn["joined"]["page"]) == ("Kommunstyrelsen", "113", 1)
    assert "2026.067 TEN" in tn["citation"] and "§ 28" in tn["citation"]
    ten = api.case_view("2026.067 TEN", db=corpus)
    assert _steps(ten) == _steps(ks)
    assert [n["dnr"] for n in ten.numbers] == ["2026.067 TEN"]  # the number typed is no prefix of two


def test_a_paper_on_the_page_after_its_heading_still_joins(corpus: str) -> None:
    # KS § 116 names TN § 29 only among its papers, which run onto the next page
    case = api.case_view("2026.068 TEN", db=corpus)
    assert _steps(case) == [("Tekniska nämnden", "2026-05-18", "29"), ("Kommunstyrelsen", "2026-06-15", "116")]
    assert (case.entries[1]["joined"]["ref"], case.entries[1]["joined"]["page"]) == ("§ 29 TEN", 3)


def test_a_motion_is_one_case_through_the_paragraph_it_was_put_to(corpus: str) -> None:
    case = api.case_view("2025.446 KS", db=corpus)
    assert _steps(case) == [("Kommunfullmäktige", "2025-09-24", "204"), ("Tekniska nämnden", "2025-12-15", "65")]
    assert case.entries[1]["joined"]["ref"] == "kommunfullmäktige den 24 september 2025, § 204"


def test_background_decisions_and_lists_of_meddelanden_join_nothing(corpus: str) -> None:
    # KS § 114 cites KF § 205 as an earlier decision ("beslutade ... om"): another case
    assert _steps(api.case_view("2026.270 KS", db=corpus)) == [("Kommunstyrelsen", "2026-06-15", "114")]
    assert _steps(api.case_view("2025.450 KS", db=corpus)) == [("Kommunfullmäktige", "2025-09-24", "205")]
    # KS § 114 lists KS § 113 among its papers, but one body numbers a case once: 2026.270 KS
    # and 2026.266 KS are two cases of the kommunstyrelse
    assert [e["item"] for e in api.case_view("2026.266 KS", db=corpus).entries] == ["28", "113"]
    # TN § 66 Meddelanden names KS § 113 as sent on: no step of the felparkering case
    assert ("Tekniska nämnden", "2025-12-15", "66") not in _steps(api.case_view("2026.266 KS", db=corpus))


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_cli_and_web_show_each_step_with_body_date_paragraph_and_page(corpus: str) -> None:
    from typer.testing import CliRunner

    from namndkoll.cli import app

    r = CliRunner().invoke(app, ["case", "2026.266 KS", "--db", corpus, "--json"])
    assert r.exit_code == 0, r.output
    steps = json.loads(r.output)["steps"]
    assert [(s["body"], s["date"], s["item"], s["page"], s["dnr"]) for s in steps] == [
        ("Tekniska nämnden", "2026-05-18", "28", 1, "2026.067 TEN"),
        ("Kommunstyrelsen", "2026-06-15", "113", 1, "2026.266 KS")]
    assert steps[0]["joined_by"]["item"] == "113"
    r = CliRunner().invoke(app, ["case", "2026.266 KS", "--db", corpus], env={"COLUMNS": "200"})
    assert r.exit_code == 0 and "Tekniska nämnden → Kommunstyrelsen" in r.output and "2026.067 TEN" in r.output

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.web.app import create_app

    tmp = Path(corpus).parent
    client = TestClient(create_app(corpus, embedder=FakeEmbedder(), cache_dir=tmp / "cache", upload_dir=tmp / "up",
                                   warm=False))
    html = client.get("/cases/2026.266 KS").text
    assert "Tekniska nämnden § 28" in html and "under diarienummer 2026.067 TEN" in html
    assert "”§ 28 TEN”" not in html and "Tekniska nämnden har den 18 maj 2026, § 28" in html
    data = client.get("/api/cases/2026.266 KS").json()
    assert [e["item"] for e in data["entries"]] == ["28", "113"]


@pytest.mark.parametrize(("text", "found"), [
    ("Beslutsunderlag\n• § 110 KS - Initiativärende", [("KS", "110", None)]),
    ("Ärendet behandlades av KS 2026-06-15 § 114.", [("KS", "114", "2026-06-15")]),
    ("Expediering - § 63 KS - 2026-04-13 - Rutin", [("KS", "63", "2026-04-13")]),
    ("Beslutsunderlag\n• §20 BUN AU Ekonomisk uppföljning", [("BUNAU", "20", None)]),
    ("Kommunstyrelsens arbetsutskott har den 3 juni 2026, § 86 behandlat ärendet.",
     [("Kommunstyrelsens arbetsutskott", "86", "2026-06-03")]),
    ("Kommunfullmäktige beslutade den 5 november 2025, § 224 att lämna motionen till kommunstyrelsen.",
     [("Kommunfullmäktige", "224", "2025-11-05")]),
    # a decision cited as background, and an undated "§ 43 VON" outside the papers: no step
    ("Kommunfullmäktige beslutade den 25 oktober 2023, § 183 (2023.357 KS) om genomförande av F-9.", []),
    ("riktlinje antagen den 27 april 2023, § 43 VON utifrån ett uppdrag", []),
])
def test_the_reference_forms_read(text: str, found: list[tuple[str, str, str | None]]) -> None:
    from namndkoll.extract.case_refs import case_refs

    assert [(r.body, r.number, r.date) for r in case_refs(text)] == found
