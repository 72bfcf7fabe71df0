"""`namndkoll figures --unit bananer` printed "0 figures" and nothing else: a unit no stored
figure has read as an empty corpus. It now says, in one line on stderr (as an unknown
--committee does), which units are stored; the web's /figures page lists them as links. A
real PDF made with reportlab, ingested whole."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()

PROTOCOL = (
    "Lunds kommun\nSocialnämnden\nProtokoll\nSammanträdesdatum: 2025-03-12\n"
    "§ 21 Dnr SN 2025/14\nVerksamhetsplan\n"
    "Förvaltningen har 40 platser i Lunds kommun och en budget på 12 mnkr.\n"
    "Beslut\nSocialnämnden beslutar att godkänna verksamhetsplanen.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("units")
    pdf = make_pdf(tmp / "lund-sn-2025-03-12-protokoll.pdf", [PROTOCOL])
    path = tmp / "u.db"
    rep = ingest([pdf], db=path, index=False)
    assert rep.count("ingested") == 1, rep.results
    return str(path)


def test_an_unknown_unit_lists_the_stored_units_on_stderr(db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--unit", "bananer", "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == []  # --json stays clean
    assert "no stored figure has the unit 'bananer'; stored units: " in out.stderr
    assert {"SEK", "plats"} <= set(out.stderr.split("stored units: ")[1].strip().split(", "))
    # with --kind, the units of that kind
    out = runner.invoke(app, ["figures", "--db", db, "--unit", "platser", "--kind", "amount"])
    assert "no stored amount figure has the unit 'platser'; stored units: SEK" in out.stderr


def test_a_stored_unit_however_typed_gets_no_hint(db: str) -> None:
    out = runner.invoke(app, ["figures", "--db", db, "--unit", "platser"])
    assert out.exit_code == 0 and "40" in out.stdout and not out.stderr
    # empty for another reason (the year): the unit is not blamed
    out = runner.invoke(app, ["figures", "--db", db, "--unit", "kr", "--year", "1999"])
    assert out.exit_code == 0 and "0 figures" in out.stdout and "stored units" not in out.stderr


def test_the_figures_page_lists_the_stored_units(db: str, tmp_path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    with TestClient(create_app(db, cache_dir=tmp_path / "c", upload_dir=tmp_path / "u")) as client:
        html = client.get("/figures", params={"unit": "bananer"}).text
        assert "Ingen lagrad siffra har enheten ”bananer”" in html
        assert 'href="?unit=SEK">SEK</a>' in html
        assert "Lagrade enheter" not in client.get("/figures", params={"unit": "plats"}).text


def test_the_api_says_it_in_a_header_and_keeps_its_list(db: str, tmp_path) -> None:
    pytest.importorskip("fastapi")
    from urllib.parse import unquote

    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    with TestClient(create_app(db, cache_dir=tmp_path / "c", upload_dir=tmp_path / "u")) as client:
        r = client.get("/api/figures", params={"unit": "bananer"})
        assert r.status_code == 200 and r.json() == []
        hint = unquote(r.headers["x-namndkoll-hint"])
        assert hint.startswith("no stored figure has the unit 'bananer'; stored units: ") and "plats" in hint
        csv_r = client.get("/api/figures", params={"unit": "bananer", "format": "csv"})
        assert "stored units" in csv_r.headers["x-namndkoll-hint"]
        assert "x-namndkoll-hint" not in client.get("/api/figures", params={"unit": "platser"}).headers
