"""The twenty-third session's walk (docs/walks/twenty-third-session-case.md): a researcher and
a journalist follow one matter across meetings and bodies, export what they found and ask how
complete the corpus is. Each test fails on the main branch of that session.

The corpus is small real PDFs (reportlab): a KS protocol whose § 113 is case 2026.266 KS, and
a page with no text layer (needs OCR), ingested without OCR.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll import api
from namndkoll.cli import app

KS = """Alingsås kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2026-06-15
§ 113 Dnr 2026.266 KS
Revidering felparkeringsavgifter
Ärendebeskrivning
Felparkeringsavgifter i Alingsås kommun behöver revideras. Avgiften höjs till 1 500 kronor.
Beslut
Kommunstyrelsen beslutar
att föreslå kommunfullmäktige att anta reviderade felparkeringsavgifter.
"""

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("walk23")
    make_pdf(tmp / "ks-2026-06-15.pdf", [KS])
    db = str(tmp / "walk23.db")
    report = api.ingest(sorted(tmp.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    from test_search import FakeEmbedder

    from namndkoll.corpus import opened
    from namndkoll.search import index_corpus

    with opened(db, write=True) as store:
        index_corpus(store, FakeEmbedder())
    return db


def _cli(args: list[str]) -> str:
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    return r.stdout


def test_case_json_steps_carry_the_join_keys(corpus: str) -> None:
    """`case --json` named the § of each step `item` only; README promises `document_id` and
    `item_number` on every --json output that names a place (as /api/cases gives them)."""
    steps = json.loads(_cli(["case", "2026.266 KS", "--db", corpus, "--json"]))["steps"]
    assert steps and all("item_number" in s and "document_id" in s for s in steps)
    assert [(s["item"], s["item_number"]) for s in steps] == [("113", "113")]
    votes_like = json.loads(_cli(["decisions", "--db", corpus, "--json"]))
    assert {(d["document_id"], d["item_number"]) for d in votes_like} == {
        (s["document_id"], s["item_number"]) for s in steps}


@pytest.fixture
def searchable(corpus: str, monkeypatch: pytest.MonkeyPatch) -> str:
    from test_search import FakeEmbedder

    from namndkoll.search.judge import CALIBRATIONS, Calibration

    monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(0.2, 0.1, 0.2))
    return corpus


def test_a_search_hit_names_the_year_of_its_dated_document(searchable: str, tmp_path: Path) -> None:
    """A hit's `document` said "date": "2026-06-15", "year": null (the year was kept only for
    an undated document's title year), in `search --json` and /api/search alike: a script that
    groups hits by year put every dated one under null."""
    hits = json.loads(_cli(["search", "felparkeringsavgifter", "--db", searchable, "--json",
                            "--mode", "keyword"]))
    assert hits and all(h["document"]["date"] == "2026-06-15" and h["document"]["year"] == 2026 for h in hits)

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.web import create_app

    with TestClient(create_app(searchable, embedder=FakeEmbedder(), cache_dir=tmp_path / "cache",
                               upload_dir=tmp_path / "uploads")) as client:
        web = client.get("/api/search", params={"q": "felparkeringsavgifter"}).json()["hits"]
    assert web and all(h["document"]["year"] == 2026 for h in web)


def test_a_whole_amount_is_a_whole_number_in_csv(corpus: str, tmp_path: Path) -> None:
    """`figures --csv` wrote "1 500 kronor" as 1500.0 (882 of the walk's 904 amounts in kronor):
    a spreadsheet set to Swedish, where "." is no decimal sign, opens that as text, and the
    column does not sum. A whole number is written whole, in the CLI and the web's download."""
    rows = list(csv.DictReader(io.StringIO(_cli(["figures", "--db", corpus, "--csv", "--kind", "amount"]))))
    assert "1500" in [r["value"] for r in rows] and not any(r["value"].endswith(".0") for r in rows)

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.web import create_app

    with TestClient(create_app(corpus, embedder=FakeEmbedder(), cache_dir=tmp_path / "cache",
                               upload_dir=tmp_path / "uploads")) as client:
        sheet = client.get("/figures", params={"format": "csv", "kind": "amount"}).content.decode("utf-8-sig")
    values = [line.split(",") for line in sheet.splitlines()]
    assert any("1500" in v for v in values) and not any("1500.0" in v for v in values)


def _ocr_read_doc() -> object:
    from namndkoll.types import Document, Metadata, Page, with_offsets

    pages = with_offsets([Page(1, "§ 85 Årsredovisning 2025\nBeslut\nÅrsredovisningen godkänns."),
                          Page(2, "Anteckning\nMiljöpartiet noterar att målen ges stort utrymme.", ocr="ocr"),
                          Page(3, "Beslutsunderlag\nTjänsteskrivelse", ocr="ocr")])
    md = Metadata(None, "Alingsås", "Kommunfullmäktige", "protokoll", "2026-05-06")
    return Document("/in/skannad-kf-2026-05-06.pdf", "c" * 64, pages, md, size=10)


def test_stats_names_the_documents_read_by_ocr(db: str, tmp_path: Path) -> None:
    """`stats` and /status said "27 pages OCR'd" for the walk's corpus and never which: the
    documents whose text is partly Tesseract's, to check quotes against the page, are named
    with how many of their pages were OCR'd (the JSON's `ocr_read`), on both backends."""
    from namndkoll.corpus import opened

    with opened(db, write=True) as st, st.transaction():
        st.replace_document(_ocr_read_doc())
    data = json.loads(_cli(["stats", "--db", db, "--json"]))
    assert [(d["source"], d["pages"], d["of"]) for d in data["ocr_read"]] == [("/in/skannad-kf-2026-05-06.pdf", 2, 3)]
    text = _cli(["stats", "--db", db])
    assert "read by OCR" in text and "2 of    3 pages" in text and "skannad-kf-2026-05-06.pdf" in text

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.web import create_app

    with TestClient(create_app(db, embedder=FakeEmbedder(), cache_dir=tmp_path / "cache",
                               upload_dir=tmp_path / "uploads")) as client:
        page = client.get("/status").text
    assert "skannad-kf-2026-05-06.pdf</a>: 2 av 3 sidor lästa med OCR" in page


def test_a_search_hit_from_an_ocr_read_page_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A hit quoting a page Tesseract read (the walk: Nykarleby's § 49 "498 Budgetdirektiv" for
    "49 § Budgetdirektiv") was shown and exported as if it were the PDF's own text. `search`
    says "read by OCR (s. N): check the quote against the page" under such a hit, and --json
    gives its `ocr_pages`; a hit on a page with a text layer has none."""
    from test_search import FakeEmbedder

    from namndkoll.corpus import opened
    from namndkoll.search import index_corpus
    from namndkoll.search.judge import CALIBRATIONS, Calibration
    from namndkoll.types import Document, Metadata, Page, with_offsets

    monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(0.2, 0.1, 0.2))
    db = str(tmp_path / "ocr.db")
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(_ocr_read_doc())
            st.replace_document(Document("/in/ks.pdf", "d" * 64, with_offsets([
                Page(1, "§ 12 Parkering\nBeslut\nKommunstyrelsen avslår initiativet om parkeringsdäck.")]),
                Metadata(None, "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-15"), size=10))
        index_corpus(st, FakeEmbedder())
    hits = json.loads(_cli(["search", "Miljöpartiet noterar", "--db", db, "--json", "--mode", "keyword"]))
    assert hits and hits[0]["source"].endswith("skannad-kf-2026-05-06.pdf")
    assert hits[0]["ocr_pages"] == [p for p in range(hits[0]["page"], hits[0]["page_end"] + 1) if p >= 2] != []
    text = _cli(["search", "Miljöpartiet noterar", "--db", db, "--mode", "keyword"])
    assert "read by OCR (s. 2" in text and "check the quote against the page" in text
    plain = json.loads(_cli(["search", "parkeringsdäck", "--db", db, "--json", "--mode", "keyword"]))
    assert plain and plain[0]["source"] == "/in/ks.pdf" and plain[0]["ocr_pages"] == []
    assert "read by OCR" not in _cli(["search", "parkeringsdäck", "--db", db, "--mode", "keyword"])
    # the sheet a reporter keeps says it too: ocr_pages just before item_number, the other columns in place
    sheet = _cli(["search", "Miljöpartiet noterar", "--db", db, "--csv", "--mode", "keyword"])
    assert sheet.splitlines()[0].split(",")[-2:] == ["ocr_pages", "item_number"]
    row = next(csv.DictReader(io.StringIO(sheet)))
    assert row["ocr_pages"] == " ".join(map(str, hits[0]["ocr_pages"]))
    plain_row = next(csv.DictReader(io.StringIO(_cli(["search", "parkeringsdäck", "--db", db, "--csv", "--mode", "keyword"]))))
    assert plain_row["ocr_pages"] == ""


def test_api_search_gives_the_ocr_read_pages_too(tmp_path: Path) -> None:
    """/api/search's hits carry the same `ocr_pages` as `search --json`."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient
    from test_search import FakeEmbedder

    from namndkoll.corpus import opened
    from namndkoll.search import index_corpus
    from namndkoll.web import create_app

    db = str(tmp_path / "ocr.db")
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(_ocr_read_doc())
        index_corpus(st, FakeEmbedder())
    with TestClient(create_app(db, embedder=FakeEmbedder(), cache_dir=tmp_path / "cache",
                               upload_dir=tmp_path / "uploads")) as client:
        hits = client.get("/api/search", params={"q": "Miljöpartiet noterar"}).json()["hits"]
    assert hits and hits[0]["ocr_pages"] and set(hits[0]["ocr_pages"]) <= {2, 3}


def test_the_documents_list_says_which_are_read_by_ocr_or_not_read(tmp_path: Path) -> None:
    """`documents --json` gave each document's ocr_pages and needs_ocr_pages; its --csv (the
    export a researcher keeps) and its table did not: a scanned extract looked as read as any
    other. The CSV ends with both counts, the table says which ids hold OCR'd or unread pages."""
    from namndkoll.corpus import opened
    from namndkoll.types import Document, Metadata, Page, with_offsets

    db = str(tmp_path / "docs.db")
    with opened(db, write=True) as st, st.transaction():
        st.replace_document(_ocr_read_doc())
        st.replace_document(Document("/in/utan-text.pdf", "e" * 64, with_offsets([
            Page(1, "§ 3 Budget\\nBeslut\\nBudgeten fastställs."), Page(2, "", ocr="needs_ocr")]),
            Metadata(None, "Alingsås", "Socialnämnden", "protokoll", "2026-06-16"), size=10))
    rows = {r["source"]: r for r in csv.DictReader(io.StringIO(_cli(["documents", "--db", db, "--csv"])))}
    assert (rows["/in/skannad-kf-2026-05-06.pdf"]["ocr_pages"], rows["/in/utan-text.pdf"]["needs_ocr_pages"]) == ("2", "1")
    assert list(rows["/in/utan-text.pdf"])[-2:] == ["ocr_pages", "needs_ocr_pages"]  # the others keep their places
    text = runner.invoke(app, ["documents", "--db", db], env={"COLUMNS": "150"}).stdout
    assert "1 document (1) partly read by OCR" in text and "1 document (2) with pages not read" in text


def test_the_case_table_keeps_each_steps_body(tmp_path: Path) -> None:
    """At 120 columns `case` dropped the body column and cut every title to 16 characters while
    the `via` reference of a joined step took its whole length: the table of a case "through
    every body" named no body. The body stays and the title reads before `via`, which wraps."""
    from test_case_links import KS as KS_113
    from test_case_links import TN

    make_pdf(tmp_path / "tn-2026-05-18.pdf", [TN])
    make_pdf(tmp_path / "ks-2026-06-15.pdf", [KS_113])
    db = str(tmp_path / "case.db")
    assert not api.ingest(sorted(tmp_path.glob("*.pdf")), db=db, index=False).failed
    out = runner.invoke(app, ["case", "2026.266 KS", "--db", db], env={"COLUMNS": "120"}).stdout
    header = out.splitlines()[1].split()
    assert header[:2] == ["date", "body"] and "via" in header
    assert re.search(r"\n2026-05-18\s+Tekniska nämnden\s+28\b", out) and re.search(r"\n2026-06-15\s+Kommunstyrelsen\s+113\b", out)
    assert "Revidering felparkeringsavgifter" in out  # the title whole, not "Revidering felpa…"
    narrow = runner.invoke(app, ["case", "2026.266 KS", "--db", db], env={"COLUMNS": "80"}).stdout
    assert narrow.splitlines()[1].split()[:2] == ["date", "body"]
