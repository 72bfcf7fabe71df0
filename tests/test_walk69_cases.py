"""A nämndsekreterare preparing a meeting follows a case by its diarienummer. Alingsås' tekniska
nämnd lists the kommunstyrelse's decisions it was sent under '§ 41 Meddelanden' ('§ 105 2026.220
KS Stadsskogen etapp 4 …'): the case page of 2026.220 KS then showed that protocol as a step of
the case with every decision of the meeting (VA-taxa, renhållningstaxa …) and the citation
'Tekniska nämnden, Alingsås, protokoll 2026-06-15, dnr 2026.220 KS, s. 1' — no §, the wrong
page, and a number that is not the §'s. A protocol that names a case only in passing is shown
through the § and page where it names it, with that §'s own decisions and numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_batch import make_pdf

from namndkoll import api

KS = """Alingsås kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2026-06-01
§ 105 Dnr 2026.220 KS
Stadsskogen etapp 4, markanvisningstävling 2
Ärendebeskrivning
Kommunen har genomfört en markanvisningstävling för Stadsskogen etapp 4.
Beslut
Kommunstyrelsen beslutar
att mark- och exploateringschef får i uppdrag att underteckna markanvisningsavtal.
"""

TN_1 = """Alingsås kommun
Tekniska nämnden
Protokoll
Sammanträdesdatum: 2026-06-15
§ 36 Dnr 2026.116 TEN
VA-taxa 2027
Ärendebeskrivning
Förvaltningen har tagit fram ett förslag till VA-taxa för 2027.
Beslut
Tekniska nämnden beslutar
att VA-taxa för 2027 godkänns.
"""

TN_2 = """Alingsås kommun
Tekniska nämnden
Protokoll
Sammanträdesdatum: 2026-06-15
§ 41 Dnr 2026.002 TEN
Meddelanden 2026
Ärendebeskrivning
Följande beslut från kommunstyrelsen anmäls:
§ 105 2026.220 KS Stadsskogen etapp 4, markanvisningstävling 2
§ 89 2026.112 KS Inskränkning av verksamhetsområde Vässenbo
Beslut
Tekniska nämnden beslutar
att lägga meddelandena till handlingarna.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("w69cases")
    make_pdf(tmp / "ks-2026-06-01.pdf", [KS])
    make_pdf(tmp / "tn-2026-06-15.pdf", [TN_1, TN_2])
    path = tmp / "corpus.db"
    report = api.ingest([tmp / "ks-2026-06-01.pdf", tmp / "tn-2026-06-15.pdf"], db=path, index=False)
    assert not report.failed, report.failed
    return path


def test_a_protocol_naming_the_case_in_passing_is_shown_through_that_paragraph(db: Path) -> None:
    case = api.case_view("2026.220 KS", db=db)
    by_body = {e["committee"]: e for e in case.entries}
    assert set(by_body) == {"Kommunstyrelsen", "Tekniska nämnden"}
    ks, tn = by_body["Kommunstyrelsen"], by_body["Tekniska nämnden"]
    assert not ks.get("mentioned") and ks["item"] == "105" and ks["decisions"]
    # the tekniska nämnd's protocol: § 41 on page 2, not the meeting's VA-taxa of § 36
    assert tn.get("mentioned") and tn["item"] == "41" and tn["page_start"] == 2
    assert not any("VA-taxa" in " ".join(d["clauses"]) + (d["quote"] or "") for d in tn["decisions"])
    assert tn["citation"] == "Tekniska nämnden, Alingsås, protokoll 2026-06-15 § 41, dnr 2026.002 TEN, s. 2"
    assert case.bodies == ["Kommunstyrelsen"]  # the path it took: not 'Kommunstyrelsen → Tekniska nämnden'


def test_the_case_page_says_where_the_case_is_only_named(db: Path) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(db, read_only=True, warm=False))
    page = client.get("/cases/2026.220 KS").text
    assert "Nämner 2026.220 KS i § 41" in page
    assert "VA-taxa för 2027 godkänns" not in page


def test_a_protocol_extract_with_its_number_in_the_letterhead_stays_that_case(tmp_path: Path) -> None:
    """A protokollsutdrag whose diarienummer stands above its one § (in the letterhead) is that
    §'s case, not a passing mention."""
    text = KS.replace("§ 105 Dnr 2026.220 KS\n", "Dnr 2026.220 KS\nProtokollsutdrag\n§ 105\n")
    make_pdf(tmp_path / "utdrag.pdf", [text])
    db = tmp_path / "c.db"
    assert not api.ingest([tmp_path / "utdrag.pdf"], db=db, index=False).failed
    (entry,) = api.case_view("2026.220 KS", db=db).entries
    assert not entry.get("mentioned") and entry["decisions"]
    assert "dnr 2026.220 KS" in entry["citation"]
