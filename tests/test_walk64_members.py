"""A journalist on an English keyboard: `votes --member "Asa Hartzell"` answered "no roll call
lists 'Asa Hartzell': check the spelling" for Åsa Hartzell (M), listed in three roll calls of
Göteborg's nämnden för funktionsstöd, and suggested nothing, though --municipality and
--committee take "Goteborg" or "barn- och ungdomsnamnden". A name typed without its å ä ö or
accents now finds the member, in the CLI, the Python API and the web page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

import namndkoll
from namndkoll.cli import app
from namndkoll.types import Document

runner = CliRunner()

FUNKTIONSSTOD = """§ 64
Yttrande över revisionsrapport
Omröstning
Godkänd voteringsproposition: "Ja för yttrande från (C) och Nej för yttrande från (M), (L), (D) och (KD)."
Maria Nilsson (C) och Håkan Hallengren (S) röstar Ja (2).
Åsa Hartzell (M), Mariette Höij (D) och Jörgen Knudtzon (KD) röstar Nej (3).
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("w64members") / "corpus.db"
    d = make_doc(FUNKTIONSSTOD, items=True, municipality="Göteborg", committee="Nämnden för funktionsstöd",
                 date="2026-04-08", doc_type="protokoll", title="Nämnden för funktionsstöd, protokoll 2026-04-08")
    _store_all(db, [Document("/records/nf-2026-04-08.pdf", "7" * 64, d.pages, d.metadata, d.items)])
    return db


@pytest.mark.parametrize("typed", ["Asa Hartzell", "asa hartzell", "Mariette Hoij", "JORGEN KNUDTZON"])
def test_votes_member_without_diacritics(corpus: Path, typed: str) -> None:
    out = runner.invoke(app, ["votes", "--db", str(corpus), "--member", typed, "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert [(r["item"], r["member_vote"]) for r in rows] == [("§ 64", "nej")]


def test_members_and_the_api_fold_the_name_too(corpus: Path) -> None:
    out = runner.invoke(app, ["members", "--db", str(corpus), "--member", "Asa Hartzell", "--json"])
    assert out.exit_code == 0, out.output
    assert [r["name"] for r in json.loads(out.stdout)] == ["Åsa Hartzell"]
    assert len(namndkoll.votes(db=corpus, member="Hakan Hallengren")) == 1
    assert [r["name"] for r in namndkoll.members(db=corpus, member="jorgen knudtzon")] == ["Jörgen Knudtzon"]


def test_the_web_votes_page_finds_the_member(corpus: Path) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(corpus, read_only=True, warm=False))
    page = client.get("/votes", params={"member": "asa hartzell"})
    assert page.status_code == 200 and "§ 64" in page.text and "Åsa Hartzell" in page.text
    assert len(client.get("/api/votes", params={"member": "Asa Hartzell"}).json()) == 1


def test_a_name_still_not_listed_is_an_error(corpus: Path) -> None:
    out = runner.invoke(app, ["votes", "--db", str(corpus), "--member", "Asa Hartzel"])
    assert out.exit_code == 1 and "no roll call lists 'Asa Hartzel'" in out.output
