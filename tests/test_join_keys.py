"""The join keys of every machine output: a script that lists votes, searches, compares and
follows a case must be able to join them on ``document_id`` and ``item_number`` — the same
field names with the same meaning everywhere (CLI ``--json``/``--csv`` and the web's /api).

Before: the lists wrote the § "§ 4", search, compare and case entries "4" (/api/cases both in
one response), and a search hit carried its document id only as ``document.id``.

The corpus is real PDFs (reportlab) of a KS and a KF protocol of one case, ingested and
extracted whole (tests/test_web.py); the index uses the fake embedder of test_search.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_search import FakeEmbedder
from test_web import build_corpus, doc_id
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.search.judge import CALIBRATIONS, Calibration

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_corpus(tmp_path_factory.mktemp("join"))


@pytest.fixture
def db(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(0.2, 0.1, 0.2))
    return corpus


def _cli(args: list[str]) -> str:
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    return r.stdout


def _keys(rows: list[dict], kf: int) -> set[tuple[int, str | None]]:
    return {(int(r["document_id"]), r["item_number"]) for r in rows if int(r["document_id"]) == kf}


def test_lists_search_compare_and_cases_agree_on_document_id_and_item_number(db: Path):
    kf = doc_id(db, "kf-2023-11-09")
    budget = (kf, "4")  # KF § 4: the budget, voted 44–37, M's reservation

    # the lists: "§ 4" stays in `item` (tables, existing readers), "4" is the key
    votes = json.loads(_cli(["votes", "--db", str(db), "--json"]))
    assert budget in _keys(votes, kf)
    assert next(v for v in votes if v["document_id"] == kf)["item"] == "§ 4"
    for what in ("decisions", "positions"):
        assert budget in _keys(json.loads(_cli([what, "--db", str(db), "--json"])), kf), what
    figures = json.loads(_cli(["figures", "--db", str(db), "--json"]))
    assert (kf, "5") in _keys(figures, kf)  # 14 500 tkr in § 5
    for what in ("votes", "figures"):
        rows = list(csv.DictReader(io.StringIO(_cli([what, "--db", str(db), "--csv"]))))
        assert {(int(r["document_id"]), r["item_number"]) for r in rows if int(r["document_id"]) == kf} >= (
            {budget} if what == "votes" else {(kf, "5")}), what

    # search: document_id flat (document.id kept), the same § key
    hits = json.loads(_cli(["search", "budget 2024", "--db", str(db), "--json", "--mode", "keyword"]))
    assert all(h["document_id"] == h["document"]["id"] for h in hits)
    assert budget in _keys(hits, kf)
    rows = list(csv.DictReader(io.StringIO(
        _cli(["search", "budget 2024", "--db", str(db), "--csv", "--mode", "keyword"]))))
    assert budget in {(int(r["document_id"]), r["item_number"]) for r in rows}

    # compare
    matrix = json.loads(_cli(["compare", "budget 2024", "--db", str(db), "--json"]))
    assert budget in _keys(matrix["items"], kf)


def test_api_cases_gives_one_item_number_for_an_entry_and_what_it_holds(db: Path, tmp_path: Path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    kf = doc_id(db, "kf-2023-11-09")
    with TestClient(create_app(db, embedder=FakeEmbedder(), cache_dir=tmp_path / "cache",
                               upload_dir=tmp_path / "uploads")) as client:
        case = client.get("/api/cases/SLK-2023-00068").json()
        entry = next(e for e in case["entries"] if e["document_id"] == kf)
        assert entry["item"] == "4" and entry["item_number"] == "4"
        inside = entry["decisions"] + entry["votes"] + entry["positions"]
        assert inside and {(r["document_id"], r["item_number"]) for r in inside} == {(kf, "4")}

        # the same key from /api/search, /api/compare and the tables
        hits = client.get("/api/search", params={"q": "budget 2024", "limit": 50}).json()["hits"]
        assert all(h["document_id"] == h["document"]["id"] for h in hits)
        assert (kf, "4") in _keys(hits, kf)
        rows = client.get("/api/compare", params={"topic": "budget 2024"}).json()["rows"]
        assert (kf, "4") in _keys(rows, kf)
        assert (kf, "4") in _keys(client.get("/api/votes").json(), kf)
        sheet = client.get("/api/votes", params={"format": "csv"}).content.decode("utf-8-sig")
        assert (str(kf), "4") in {(r["dokument-id"], r["item_number"]) for r in csv.DictReader(io.StringIO(sheet))}
