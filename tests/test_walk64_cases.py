"""Following a case by its diarienummer across Alingsås' bodies, as a journalist does:
`documents --dnr 2026.13` listed the documents of 2026.130, 2026.131 … too (the number was
matched as the beginning of longer ones), and the web's case page for "2026.131" drew one
timeline "Tekniska nämnden → Barn- och ungdomsnämnden" from two different cases, 2026.131 TEN
(parking in Nolhaga) and 2026.131 BUN, without a word. A number matches whole, or up to a
separator; where it begins several numbers the page lists them, each with its body."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document, Item

runner = CliRunner()


def _protocol(sha: str, committee: str, date: str, number: str, title: str, dnr: str) -> Document:
    text = f"§ {number} {dnr}\n{title}\nBeslut\nNämnden beslutar i enlighet med förvaltningens förslag.\n"
    d = make_doc(text, municipality="Alingsås", committee=committee, date=date, doc_type="protokoll",
                 title=f"{committee}, protokoll {date}")
    item = Item(number, title, 0, len(text), 1, 1, (), (dnr,))
    return Document(f"/records/{sha}.pdf", sha * 64, d.pages, d.metadata, (item,))


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("w64cases") / "corpus.db"
    _store_all(path, [
        _protocol("1", "Tekniska nämnden", "2026-06-15", "39", "Tidsreglering av 30 parkeringsplatser i Nolhaga",
                  "2026.131 TEN"),
        _protocol("2", "Barn- och ungdomsnämnden", "2026-06-16", "45", "Riktat stöd till mindre skolenheter",
                  "2026.131 BUN"),
        _protocol("3", "Tekniska nämnden", "2026-06-15", "38", "Mopedparkering i Nolhaga", "2026.130 TEN"),
        _protocol("4", "Socialnämnden", "2026-06-16", "12", "Delegationsordning", "AMN 2020-0104-1.4"),
    ])
    return str(path)


def _docs(db: str, dnr: str) -> list[str]:
    out = runner.invoke(app, ["documents", "--db", db, "--dnr", dnr, "--json"])
    assert out.exit_code == 0, out.output
    return sorted(d["committee"] + " " + ";".join(d["diarienummer"]) for d in json.loads(out.stdout))


def test_a_number_is_matched_whole_not_as_the_beginning_of_a_longer_one(db: str) -> None:
    assert _docs(db, "2026.13") == []
    assert _docs(db, "2026.130 TEN") == ["Tekniska nämnden 2026.130 TEN"]
    assert _docs(db, "2026.131 ten") == ["Tekniska nämnden 2026.131 TEN"]
    # up to a separator it still follows the case: the number without its series, a case's
    # number without the document's own serial
    assert len(_docs(db, "2026.131")) == 2
    assert _docs(db, "amn 2020 0104") == ["Socialnämnden AMN 2020-0104-1.4"]
    assert _docs(db, "AMN 2020-010") == []


def test_the_case_page_says_when_a_number_begins_several(db: str) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(Path(db), read_only=True, warm=False))
    assert client.get("/api/cases/2026.13").json()["entries"] == []
    case = client.get("/api/cases/2026.131").json()
    assert [n["dnr"] for n in case["numbers"]] == ["2026.131 TEN", "2026.131 BUN"]
    page = client.get("/cases/2026.131").text
    assert "är början på 2 diarienummer" in page and 'href="/cases/2026.131%20TEN"' in page
    one = client.get("/cases/2026.131 TEN")
    assert "är början på" not in one.text and "Tidsreglering" in one.text
