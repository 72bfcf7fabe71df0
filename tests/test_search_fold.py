"""The same text in several places is one hit (search/fold.py): a § of kommunfullmäktige's
protocol and the protokollsutdrag of that § sent on to a nämnd say the same words; the search
shows the passage once, says where else it stands, and the next answer moves up."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import served
from test_search import DOCS, KF_18, FakeEmbedder, indexed, protocol
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus, search
from namndkoll.search.evaluation import is_answer
from namndkoll.search.fold import fold_copies, passage_key
from namndkoll.search.judge import CALIBRATIONS, Calibration
from namndkoll.types import Metadata

EXTRACT_MD = Metadata("Protokollsutdrag § 18 Förskoleplatser i centrum", "Göteborg", "Kommunfullmäktige",
                      "protokollsutdrag", "2023-01-26")
QUERY = "förskoleplatser i centrala Göteborg 120 platser"


@pytest.fixture
def corpus(db_path: Path):
    with indexed(db_path, [*DOCS, protocol("kf-2023-01-26-utdrag-18.pdf", [KF_18], EXTRACT_MD)]) as (conn, _emb):
        yield conn


def test_a_passage_and_its_copy_are_one_hit(corpus) -> None:  # type: ignore[no-untyped-def]
    hits = search(corpus, QUERY, FakeEmbedder(), limit=10)
    keys = [passage_key(h.text) for h in hits]
    assert len(keys) == len(set(keys)), "the same text shown twice"
    decision = next(h for h in hits if "120 platser" in h.text)
    copy_sources = {c.source for c in decision.also_in}
    other = {"kf-2023-01-26.pdf", "kf-2023-01-26-utdrag-18.pdf"} - {decision.source}
    assert copy_sources == other
    copy = decision.also_in[0]
    assert copy.page >= 1 and "§ 18" in copy.citation
    # the evaluation counts the hit for either document
    assert is_answer(decision, "kf-2023-01-26-utdrag-18.pdf", "utöka antalet platser i förskolan i centrala Göteborg")
    assert is_answer(decision, "kf-2023-01-26.pdf", "utöka antalet platser i förskolan i centrala Göteborg")


def test_a_copy_does_not_take_a_place_of_its_own(corpus) -> None:  # type: ignore[no-untyped-def]
    hits = search(corpus, QUERY, FakeEmbedder(), limit=2)
    assert len(hits) <= 2
    assert len({passage_key(h.text) for h in hits}) == len(hits)


def test_the_cli_names_where_else_the_passage_stands(corpus, db_path: Path,  # type: ignore[no-untyped-def]
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
    runner = CliRunner()
    res = runner.invoke(app, ["search", QUERY, "--db", str(db_path), "--json"])
    assert res.exit_code == 0, res.output
    decision = next(h for h in json.loads(res.output) if "120 platser" in h["text"])
    assert decision["also_in"] and set(decision["also_in"][0]) == {
        "chunk_id", "document_id", "source", "page", "citation"}
    text = runner.invoke(app, ["search", QUERY, "--db", str(db_path)])
    assert text.exit_code == 0 and "the same text also in:" in text.output
    csv = runner.invoke(app, ["search", QUERY, "--db", str(db_path), "--csv"])
    assert csv.exit_code == 0 and "also_in" in csv.output.splitlines()[0]


def test_fold_keeps_order_and_folds_only_the_same_words() -> None:
    long_a = "Kommunfullmäktige beslutar att utöka antalet platser i förskolan med 120 platser."
    texts = {1: long_a, 2: "Ärendet bordläggs till nästa sammanträde enligt ordförandens förslag.",
             3: long_a.upper().replace(" ", "  "), 4: "Beslut", 5: "Beslut", 6: long_a + " Därtill mer."}
    groups = fold_copies([1, 2, 3, 4, 5, 6], texts.get, limit=10)
    assert [(r, c) for r, c in groups] == [(1, [3]), (2, []), (4, []), (5, []), (6, [])]
    # a copy beyond the limit is still named; a new passage beyond it is not shown
    assert fold_copies([1, 2, 3, 6], texts.get, limit=1) == [(1, [3])]


def test_the_web_page_names_where_else_the_passage_stands(corpus, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]


    with served(db_path, tmp_path, embedder=FakeEmbedder()) as c:
        hits = c.get("/api/search", params={"q": QUERY}).json()["hits"]
        decision = next(h for h in hits if "120 platser" in h["text"])
        assert decision["also_in"] and decision["also_in"][0]["url"].startswith("/documents/")
        page = c.get("/", params={"q": QUERY}).text
        assert "Samma text även i:" in page
        # the count is of every hit shown, weak ones too: it calls none of them good
        assert f"{len(hits)} träffar" in page and "bra träffar" not in page


def test_compare_names_where_else_a_passage_stands(corpus) -> None:  # type: ignore[no-untyped-def]
    from namndkoll.search import compare, comparison_json

    res = comparison_json(compare(corpus, "förskoleplatser i centrum", FakeEmbedder(), by="party"))
    passages = [p for item in res["items"] for p in item["passages"]]
    copies = [c for p in passages for c in p["also_in"]]
    assert copies and {"chunk_id", "document_id", "source", "page", "citation"} <= set(copies[0])
    # the § is one row of the matrix, not one per copy of its text
    rows = [(i["title"], i["date"]) for i in res["items"] if i["item"] and "18" in i["item"]]
    assert len(rows) == len(set(rows))


def test_the_same_words_under_two_titles_are_two_passages() -> None:
    formula = "Kommunfullmäktige beslutar i enlighet med kommunstyrelsens förslag till beslut."
    texts = {1: formula, 2: formula, 3: formula, 4: formula}
    titles = {1: "Förskoleplatser i centrum", 2: "Taxa för bygglov 2024", 3: "FÖRSKOLEPLATSER  i centrum",
              4: None}
    groups = fold_copies([1, 2, 3, 4], texts.get, limit=10, matter_of=titles.get)
    # § 18's decision and its extract (same title) fold; the bygglov § is its own decision;
    # a report quoting the words (no §) folds with the first
    assert groups == [(1, [3, 4]), (2, [])]


TAXA_MD = Metadata("Protokoll kommunfullmäktige 2023-02-23", "Göteborg", "Kommunfullmäktige", "protokoll",
                   "2023-02-23")
RESERVATION = ("Vänsterpartiet reserverar sig mot beslutet. Förskolan behöver mindre barngrupper,\n"
               "inte bara fler platser.\n")


def test_two_meetings_with_the_same_words_under_other_titles_are_two_hits(db_path: Path) -> None:
    # the same reservation words under another § a month later: another decision, not a copy
    other = ("§ 4 0990/22\nFörskoleplatser i Angered\nBeslut\n\nKommunfullmäktige beslutar att bygga en"
             " ny förskola i Angered med 80 platser.\n\nReservation\n\n" + RESERVATION)
    assert RESERVATION in KF_18
    with indexed(db_path, [*DOCS, protocol("kf-2023-02-23.pdf", [other], TAXA_MD)]) as (conn, emb):
        hits = search(conn, "Vänsterpartiet reserverar sig mindre barngrupper förskolan", emb, limit=10)
    reservations = [h for h in hits if "mindre barngrupper" in h.text]
    assert {h.source for h in reservations} == {"kf-2023-01-26.pdf", "kf-2023-02-23.pdf"}
    assert all(not h.also_in for h in reservations)


def test_a_copy_whose_citation_reads_as_the_hit_s_own_is_named_by_its_file(
        db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # one protocol published under two file names: the citations are the same words
    conn = open_db(db_path)
    twice = [*DOCS, protocol("kf-2023-01-26-publicerad.pdf", [DOCS[0].pages[0].text, DOCS[0].pages[1].text],
                             DOCS[0].metadata)]
    for d in twice:
        with transaction(conn):
            replace_document(conn, d)
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    try:
        index_corpus(conn, FakeEmbedder())
        conn.close()
        monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
        runner = CliRunner()
        res = runner.invoke(app, ["search", QUERY, "--db", str(db_path), "--json"])
        decision = next(h for h in json.loads(res.output) if "120 platser" in h["text"])
        assert decision["also_in"][0]["citation"] == decision["citation"]
        text = runner.invoke(app, ["search", QUERY, "--db", str(db_path)], terminal_width=400)
        line = next(x for x in text.output.splitlines() if "the same text also in:" in x)
        copy_file = decision["also_in"][0]["source"].rsplit("/", 1)[-1]
        assert f"(file {copy_file})" in line

        with served(db_path, tmp_path, embedder=FakeEmbedder()) as c:
            hits = c.get("/api/search", params={"q": QUERY}).json()["hits"]
            hit = next(h for h in hits if "120 platser" in h["text"])
            assert hit["also_in"][0]["label"].endswith(f"(fil {copy_file})")
            assert f"(fil {copy_file})" in c.get("/", params={"q": QUERY}).text
    finally:
        CALIBRATIONS.pop("fake-hash", None)


def test_the_web_page_counts_one_hit_in_the_singular(corpus, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]


    with served(db_path, tmp_path, embedder=FakeEmbedder()) as c:
        assert len(c.get("/api/search", params={"q": "Altenhammar"}).json()["hits"]) == 1
        page = c.get("/", params={"q": "Altenhammar"}).text
        assert "1 träff." in page and "1 träffar" not in page


def test_the_web_csv_names_where_else_the_passage_stands(corpus, db_path: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Walk 20 (web): /api/search?format=csv had no also_in column, which `search --csv` has."""
    import csv
    import io


    with served(db_path, tmp_path, embedder=FakeEmbedder()) as c:
        text = c.get("/api/search", params={"q": QUERY, "format": "csv"}).content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    decision = next(r for r in rows if "120 platser" in r["text"])
    # the other document's citation (its file name where the two citations read the same)
    assert "§ 18" in decision["also_in"] and decision["also_in"] != decision["citation"]
