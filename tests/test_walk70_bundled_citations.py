"""A journalist quoting Göteborg Stadsrevisionen's revisionsberättelse 2025, which bundles the
nämnder's protocol extracts (protokollsutdrag): a search hit in Stadsfastighetsnämnden's § 27
was cited "Stadsfastighetsnämnden, Göteborg, revisionsrapport 2025-02-26 § 27" — a
revisionsrapport of Stadsfastighetsnämnden's that does not exist. The § is that nämnd's
protocol extract of its meeting of 2025-02-26, standing in Stadsrevisionen's report of
2026-04-13: the citation says so, in search, in compare and in the lists. A real PDF made with
reportlab, read by the product's ingest (which finds the bundled §'s own body and meeting)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.cli import app
from namndkoll.corpus.db import open_db
from namndkoll.search import compare, index_corpus, search

runner = CliRunner()

REPORT = ("Göteborgs Stad\nStadsrevisionen\nRevisionsberättelse 2025\nDatum: 2026-04-13\n"
          "Revisionsberättelse avseende Göteborgs Stads verksamheter under 2025\n"
          "Revisorerna tillstyrker att kommunfullmäktige beviljar ansvarsfrihet.\n")
EXTRACT = ("Stadsfastighetsnämnden\nProtokollsutdrag\nSammanträdesdatum: 2025-02-26\n"
           "§ 27 SFF-2025-00146\nYrkande från M, L och KD om att teckna ett Triple Net-avtal med Räddningsmissionen\n"
           "Beslut\n1. Stadsfastighetsnämnden ger direktören i uppdrag att upprätta ett Triple Net-avtal på 20 år med\n"
           "Räddningsmissionen för befintliga lokaler på fastigheten Gårdsten.\n"
           "Reservation\nLedamöterna från SD reserverar sig mot beslutet om Triple Net-avtal.\n")
WANT = ("Stadsfastighetsnämnden, Göteborg, protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens "
        "revisionsberättelse 2026-04-13, dnr SFF-2025-00146, s. 2")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("w70bundle")
    pdf = make_pdf(tmp / "stadsrevisionen-revisionsberattelse-2025.pdf", [REPORT, EXTRACT])
    path = tmp / "c.db"
    rep = ingest([pdf], db=path, index=False)
    assert rep.count("ingested") == 1, rep.results
    conn = open_db(path)
    index_corpus(conn, FakeEmbedder())
    conn.close()
    return path


def test_a_search_hit_in_a_bundled_extract_is_cited_as_the_bodys_protocol_extract(db: Path) -> None:
    conn = open_db(db)
    try:
        hits = search(conn, "Triple Net-avtal Räddningsmissionen", FakeEmbedder(), mode="keyword")
        cover = search(conn, "ansvarsfrihet", FakeEmbedder(), mode="keyword")
    finally:
        conn.close()
    in_extract = [h for h in hits if h.item == "27"]
    assert in_extract and all(h.citation == WANT for h in in_extract), [h.citation for h in hits]
    assert in_extract[0].metadata.committee == "Stadsfastighetsnämnden"
    # the report's own pages stay the report's
    assert cover and cover[0].citation.startswith("Stadsrevisionen, Göteborg, revisionsberättelse 2026-04-13")


def test_compare_cites_the_extract_not_a_report_of_the_nämnd(db: Path) -> None:
    conn = open_db(db)
    try:
        res = compare(conn, "Triple Net-avtal", FakeEmbedder(), by="party", mode="keyword")
    finally:
        conn.close()
    (row,) = [r for r in res.items if r.item == "27"]
    assert row.citation.startswith("Stadsfastighetsnämnden, Göteborg, protokollsutdrag 2025-02-26 § 27 i "
                                   "Stadsrevisionens revisionsberättelse 2026-04-13"), row.citation
    sd = row.stances["SD"]
    assert sd and all("protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens" in s.citation for s in sd)


def test_the_cli_json_gives_the_same_citation(db: Path) -> None:
    out = runner.invoke(app, ["search", "Triple Net-avtal Räddningsmissionen", "--db", str(db), "--mode",
                              "keyword", "--json"])
    assert out.exit_code == 0, out.output
    assert WANT in {h["citation"] for h in json.loads(out.stdout)}


def test_the_lists_cite_the_extract_too(db: Path) -> None:
    out = runner.invoke(app, ["decisions", "--db", str(db), "--json"])
    assert out.exit_code == 0, out.output
    rows = [r for r in json.loads(out.stdout) if r["item_number"] == "27"]
    assert rows and all(r["citation"].startswith(
        "Stadsfastighetsnämnden, Göteborg, protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens revisionsberättelse "
        "2026-04-13") for r in rows), [r["citation"] for r in rows]
    positions = json.loads(runner.invoke(app, ["positions", "--db", str(db), "--json"]).stdout)
    assert positions and all("protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens" in p["citation"]
                             for p in positions if p["item_number"] == "27")


def test_the_page_view_and_the_basket_cite_the_extract(db: Path) -> None:
    from namndkoll.api.pages import basket_items, document_view

    view = document_view(1, db=db, item="27")
    assert "protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens revisionsberättelse 2026-04-13" in view.citation
    cover = document_view(1, db=db, page=1)
    assert cover.citation.startswith("Stadsrevisionen, Göteborg, revisionsberättelse 2026-04-13"), cover.citation
    decisions = json.loads(runner.invoke(app, ["decisions", "--db", str(db), "--json"]).stdout)
    (entry,) = basket_items([f"d{decisions[0]['id']}"], db=db)
    assert "protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens" in entry["citation"], entry


def test_the_case_follows_the_extract_to_its_own_body_and_meeting(db: Path) -> None:
    """`/cases/SFF-2025-00146` showed Stadsrevisionen's step on 2026-04-13 (a revision) for what
    Stadsfastighetsnämnden decided on 2025-02-26."""
    from namndkoll.api.pages import case_view

    (entry,) = case_view("SFF-2025-00146", db=db).entries
    assert (entry["committee"], entry["date"], entry["stage"]) == ("Stadsfastighetsnämnden", "2025-02-26", "nämnd")
    assert entry["citation"].startswith("Stadsfastighetsnämnden, Göteborg, protokollsutdrag 2025-02-26 § 27 i ")
