"""A researcher's walk over the records of several municipalities: `compare` by committee
and as a spreadsheet.

Two short protocols in the form of real ones (Meetings Plus: § heading, Yrkanden,
Reservation), from two municipalities that both have a Kommunstyrelsen, each with a
reservation on the same topic."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed, protocol

from namndkoll.search import compare
from namndkoll.types import Metadata

KS_ALINGSAS = """§ 114 2026.230
Utökad parkeringskapacitet vid Nolhaga
Beslut
Kommunstyrelsen avslår initiativärendet om parkeringskapacitet.

Reservation

Jan-Erik Wallin (M) reserverar sig mot beslutet om parkeringskapacitet vid Nolhaga.
"""
KS_LERUM = """§ 41 KS2026.77
Parkeringskapacitet vid Lerums station
Beslut
Kommunstyrelsen avslår motionen om parkeringskapacitet.

Reservation

Anna Berg (S) reserverar sig mot beslutet om parkeringskapacitet vid stationen.
"""


def _docs() -> list:
    return [
        protocol("alingsas-ks.pdf", [KS_ALINGSAS],
                 Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-15")),
        protocol("lerum-ks.pdf", [KS_LERUM],
                 Metadata("Kommunstyrelsen protokoll", "Lerum", "Kommunstyrelsen", "protokoll", "2026-05-20")),
    ]


@pytest.fixture
def two_municipalities(db_path: Path):
    with indexed(db_path, _docs(), extract=True) as built:
        yield built


def test_by_committee_keeps_two_municipalities_kommunstyrelse_apart(two_municipalities):
    """`compare parkeringskapacitet --by committee` counted Alingsås' and Lerum's
    Kommunstyrelsen as one committee with 2 passages: a researcher could not tell whose
    committee said what. Each group names the body it belongs to, as a citation does."""
    conn, emb = two_municipalities
    res = compare(conn, "parkeringskapacitet", emb, by="committee", mode="keyword")
    assert set(res.groups) == {"Kommunstyrelsen, Alingsås", "Kommunstyrelsen, Lerum"}
    assert all(g.count == 1 for g in res.groups.values())
    by_party = compare(conn, "parkeringskapacitet", emb, by="party", mode="keyword")
    assert {"M", "S"} <= set(by_party.groups)


def test_web_matrix_groups_by_committee_and_municipality(two_municipalities, db_path: Path):
    """The web page's matrix (`/compare?by=committee`) grouped its rows the same way."""
    from namndkoll import api

    _conn, emb = two_municipalities
    m = api.compare_matrix("parkeringskapacitet", by="committee", db=db_path, embedder=emb)
    assert {r.group for r in m.rows} == {"Kommunstyrelsen, Alingsås", "Kommunstyrelsen, Lerum"}


def test_compare_csv_gives_one_row_per_stance_with_join_keys(two_municipalities, monkeypatch: pytest.MonkeyPatch,
                                                             db_path: Path):
    """`compare TOPIC --csv` was refused ("No such option: --csv"): a journalist who wanted
    the parties' positions in a spreadsheet had to flatten the JSON matrix by hand. One row
    per stance: group, party, kind, quote, citation, body, date, and the join keys last."""
    import csv
    import io

    from typer.testing import CliRunner

    from namndkoll.cli import app

    conn, emb = two_municipalities
    res = compare(conn, "parkeringskapacitet", emb, by="committee", mode="keyword")
    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: res)
    out = CliRunner().invoke(app, ["compare", "parkeringskapacitet", "--by", "committee", "--csv",
                                   "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert list(rows[0])[-1] == "item_number" and "document_id" in rows[0]
    got = {(r["group"], r["party"], r["kind"], r["item_number"], r["page"]) for r in rows}
    assert got == {("Kommunstyrelsen, Alingsås", "M", "reservation", "114", "1"),
                   ("Kommunstyrelsen, Lerum", "S", "reservation", "41", "1")}
    lerum = next(r for r in rows if r["party"] == "S")
    assert lerum["quote"].startswith("Anna Berg (S) reserverar sig")
    assert "§ 41" in lerum["citation"] and lerum["municipality"] == "Lerum"


def test_the_web_compare_downloads_one_row_per_stance(two_municipalities, db_path: Path):
    """The web's compare page offered JSON only; a journalist who does not use a terminal had
    no way to a spreadsheet of the parties' positions. `/api/compare?format=csv|xlsx` gives the
    rows `compare --csv` gives, and the page links them."""
    import csv
    import io

    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    _conn, emb = two_municipalities
    client = TestClient(create_app(db_path, read_only=True, embedder=emb, warm=False))
    got = client.get("/api/compare", params={"topic": "parkeringskapacitet", "by": "committee", "format": "csv"})
    assert got.status_code == 200 and got.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(got.content.decode("utf-8-sig"))))
    assert {(r["group"], r["party"], r["kind"]) for r in rows} == {
        ("Kommunstyrelsen, Alingsås", "M", "reservation"), ("Kommunstyrelsen, Lerum", "S", "reservation")}
    xlsx = client.get("/api/compare", params={"topic": "parkeringskapacitet", "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert "format=csv" in client.get("/compare", params={"topic": "parkeringskapacitet"}).text
