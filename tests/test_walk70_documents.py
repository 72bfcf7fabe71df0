"""Joining lists in a script, as a journalist did: `documents --json` and `--csv` called a
document's key `id`, while figures, decisions, votes, positions and search all call it
`document_id`, so a join on `document_id` found no document. The documents list gives
`document_id` too (and keeps `id`); so does the web's /api/documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document
from namndkoll.web.app import create_app

runner = CliRunner()

KS = """§ 12
Budget 2027
Beslut
Kommunstyrelsen beslutar att anslå 3,5 mkr till 40 nya förskoleplatser.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("w70docs") / "corpus.db"
    d = make_doc(KS, items=True, municipality="Göteborg", committee="Kommunstyrelsen", date="2026-05-20",
                 doc_type="protokoll", title="Kommunstyrelsen, protokoll 2026-05-20")
    _store_all(path, [Document("/records/ks-2026-05-20.pdf", "7" * 64, d.pages, d.metadata, d.items)])
    return path


def test_documents_and_figures_join_on_document_id(db: Path) -> None:
    docs = json.loads(runner.invoke(app, ["documents", "--db", str(db), "--json"]).stdout)
    figures = json.loads(runner.invoke(app, ["figures", "--db", str(db), "--json"]).stdout)
    assert figures and {f["document_id"] for f in figures} <= {d["document_id"] for d in docs}
    assert all(d["document_id"] == d["id"] for d in docs)
    rows = list(csv.DictReader(io.StringIO(runner.invoke(app, ["documents", "--db", str(db), "--csv"]).stdout)))
    assert [r["document_id"] for r in rows] == [str(d["document_id"]) for d in docs]


def test_the_web_api_gives_document_id_too(db: Path) -> None:
    from test_search import FakeEmbedder

    client = TestClient(create_app(db, read_only=True, warm=False, embedder=FakeEmbedder()))
    (doc,) = client.get("/api/documents").json()
    assert doc["document_id"] == doc["id"]
