"""The web page's filters, as a journalist used them over several municipalities: a Kommun
typed as the body calls itself ("Göteborgs Stad", "Alingsås kommun") or by its short form
("VGR") gave "Inga siffror med de filtren" and nothing more, where the command line says
"did you mean Göteborg?"; the compare page even said there was nothing on the topic "i
korpusen" when only the filter had left everything out. Each empty list under a Kommun no
stored document is from now says which body was meant, with a link that filters by it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from test_decisions_votes_positions import make_doc
from test_lists import _store_all

from namndkoll.types import Document
from namndkoll.web.app import create_app

KS = """§ 12
Budget 2027
Beslut
Kommunstyrelsen beslutar att anslå 3,5 mkr till 40 nya förskoleplatser.
Omröstning
Godkänd voteringsproposition: "Ja för bifall till förslaget och Nej för avslag."
Anna Ek (S) och Bo Ek (S) röstar Ja (2).
Cia Berg (M) röstar Nej (1).
"""


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    from test_search import FakeEmbedder

    db = tmp_path_factory.mktemp("w64web") / "corpus.db"
    d = make_doc(KS, items=True, municipality="Göteborg", committee="Kommunstyrelsen", date="2026-05-20",
                 doc_type="protokoll", title="Kommunstyrelsen, protokoll 2026-05-20")
    _store_all(db, [Document("/records/ks-2026-05-20.pdf", "5" * 64, d.pages, d.metadata, d.items)])
    # an embedder: the compare page searches (a corpus with no index says so instead)
    return TestClient(create_app(db, read_only=True, warm=False, embedder=FakeEmbedder()))


@pytest.mark.parametrize("path", ["/figures", "/decisions", "/votes", "/members", "/blocs"])
def test_an_official_name_is_answered_with_the_stored_one(client: TestClient, path: str) -> None:
    page = client.get(path, params={"municipality": "Göteborgs Stad"})
    assert page.status_code == 200
    assert "Inget dokument är från ”Göteborgs Stad”" in page.text
    assert 'Menade du <a href="?municipality=G%C3%B6teborg">Göteborg</a>?' in page.text
    # the whole stored name, any case, lists the rows and says nothing more
    assert "Inget dokument är från" not in client.get(path, params={"municipality": "GÖTEBORG"}).text


def test_an_unknown_name_lists_the_stored_bodies(client: TestClient) -> None:
    page = client.get("/figures", params={"municipality": "VGR", "unit": "SEK"})
    assert "Inget dokument är från ”VGR”" in page.text
    assert 'Lagrade: <a href="?municipality=G%C3%B6teborg&amp;unit=SEK">Göteborg</a>.' in page.text


def test_compare_says_the_filter_not_the_corpus_left_it_out(client: TestClient) -> None:
    page = client.get("/compare", params={"topic": "budget", "municipality": "Göteborgs Stad"})
    assert page.status_code == 200
    assert "i korpusen" not in page.text and "med de filtren" in page.text
    assert "Menade du <a" in page.text and ">Göteborg</a>?" in page.text


def test_a_genitive_is_the_bodys_name(client: TestClient) -> None:
    """"Göteborgs" and "Kommunstyrelsens", as Swedish writes a body before what it owns
    ("Kommunstyrelsens beslut"), found nothing on the page or the command line."""
    page = client.get("/decisions", params={"municipality": "Göteborgs", "committee": "Kommunstyrelsens"})
    assert "3,5 mkr" in page.text or "förskoleplatser" in page.text
    assert "Inget dokument är från" not in page.text
    rows = client.get("/api/votes", params={"municipality": "goteborgs", "committee": "kommunstyrelsens"}).json()
    assert [r["item"] for r in rows] == ["§ 12"]
