"""A year no stored document is from (`figures --year 2019`, `search … --from 2030`) printed
an empty list or "no good match" and nothing else, while a misspelt municipality or committee
is answered with the names stored (walk75). It now says which years are stored. A real PDF
made with reportlab."""

from __future__ import annotations

import json

import pytest
from test_ingest_batch import make_pdf
from test_lists_body_hint import PROTOCOL
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("years")
    pdf = make_pdf(tmp / "lund-sn-2025-03-12-protokoll.pdf", [PROTOCOL])
    path = tmp / "y.db"
    assert ingest([pdf], db=path, index=False).count("ingested") == 1
    return str(path)


@pytest.mark.parametrize("command", [
    ["figures", "--year", "2019"], ["decisions", "--year", "2019"], ["documents", "--year", "2019"],
    ["votes", "--year", "2019"], ["members", "--year", "2019"], ["blocs", "--year", "2019"],
    ["search", "tolkar", "--year", "2019", "--mode", "keyword"],
])
def test_a_year_no_document_is_from_names_the_stored_years(db: str, command: list[str]) -> None:
    out = runner.invoke(app, [*command, "--db", db])
    assert out.exit_code == 0, out.output
    assert "no stored document is from 2019; stored years: 2025" in out.output, out.output


def test_a_range_says_so_and_json_stays_clean(db: str) -> None:
    out = runner.invoke(app, ["search", "tolkar", "--db", db, "--from", "2030", "--mode", "keyword"])
    assert "no stored document is from 2030 or later; stored years: 2025" in out.output
    out = runner.invoke(app, ["figures", "--db", db, "--year", "2019", "--json"])
    assert json.loads(out.stdout) == []
    assert "stored years: 2025" in out.stderr
    out = runner.invoke(app, ["figures", "--db", db, "--year", "2025"])  # a stored year: nothing more
    assert "40 platser" in out.output and "stored years" not in out.output



def test_the_web_tables_name_the_stored_years(db: str) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(db, read_only=True, warm=False))
    page = client.get("/figures", params={"year": "2019"}).text
    assert "Inget dokument är från 2019; lagrade år: 2025." in page
    assert "lagrade år" not in client.get("/figures", params={"year": "2025"}).text


def test_the_api_names_them_in_its_hint_header(db: str) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(db, read_only=True, warm=False))
    got = client.get("/api/decisions", params={"year": "2019"})
    assert got.json() == [] and got.headers["X-Namndkoll-Hint"] == "no stored document is from 2019; stored years: 2025"
    got = client.get("/api/figures", params={"municipality": "Malmö"})
    assert got.json() == [] and got.headers["X-Namndkoll-Hint"] == "no document is from 'Malm%C3%B6'; stored: Lund"
    assert "X-Namndkoll-Hint" not in client.get("/api/figures", params={"year": "2025"}).headers
