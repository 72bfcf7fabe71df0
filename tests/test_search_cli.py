"""The search commands through typer's CliRunner on a real corpus (fake embedder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_search import DOCS, FakeEmbedder
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.judge import CALIBRATIONS, Calibration

runner = CliRunner()


@pytest.fixture
def db(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    conn = open_db(db_path)
    for d in DOCS:
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    conn.close()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda conn, model=None: FakeEmbedder())
    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(0.2, 0.1, 0.2))
    return db_path


def test_search_json_shape(db: Path):
    r = runner.invoke(app, ["search", "förskoleplatser", "--db", str(db), "--json", "--limit", "3"])
    assert r.exit_code == 0, r.output
    hits = json.loads(r.output)
    assert hits and {"source", "document", "item", "page", "text", "score", "citation"} <= set(hits[0])
    assert hits[0]["source"] == "kf-2023-01-26.pdf" and hits[0]["item"] == "18" and hits[0]["page"] == 2
    assert hits[0]["document"]["municipality"] == "Göteborg"
    assert hits[0]["citation"].endswith("§ 18, dnr 0311/22, s. 2")


def test_search_abstains_with_empty_json_and_a_message(db: Path):
    r = runner.invoke(app, ["search", "vem vann allsvenskan i fotboll", "--db", str(db), "--json"])
    assert r.exit_code == 0 and json.loads(r.output) == []
    r = runner.invoke(app, ["search", "vem vann allsvenskan i fotboll", "--db", str(db)])
    assert "no good match" in r.output


def test_search_csv_has_a_row_per_hit_with_citation(db: Path):
    import csv
    import io

    r = runner.invoke(app, ["search", "introduktionsjobb kostnad för arbetsgivaren", "--db", str(db), "--csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert rows and rows[0]["rank"] == "1" and rows[0]["page"]
    assert rows[0]["citation"].startswith("Socialnämnden, Lund, tjänsteskrivelse 2021-01-05")


def test_search_table_output_has_citation(db: Path):
    r = runner.invoke(app, ["search", "introduktionsjobb kostnad för arbetsgivaren", "--db", str(db), "--municipality", "Lund"])
    assert r.exit_code == 0, r.output
    assert "Socialnämnden, Lund, tjänsteskrivelse 2021-01-05, dnr SO 2020/0129, s. 1" in r.output


def test_compare_json_groups_by_party(db: Path):
    r = runner.invoke(app, ["compare", "minskning av arbetsmarknadskonsulenter", "--by", "party",
                            "--db", str(db), "--json"])
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert "V" in out["groups"] and out["groups"]["V"]["count"] >= 1
    # the matrix: items (§§ or party documents) x parties, each stance quoted with its citation
    row = out["items"][out["groups"]["V"]["items"][0]]
    assert "V" in out["parties"] and row["citation"].startswith("Socialnämnden, Lund, reservation 2016")
    assert row["stances"]["V"][0]["citation"].startswith("Socialnämnden, Lund, reservation 2016")
    assert "Vänsterpartiets slutsats" in row["stances"]["V"][0]["text"]


def test_cite_pack_markdown_and_csv(db: Path, tmp_path: Path):
    out = tmp_path / "pack.md"
    r = runner.invoke(app, ["cite", "förskoleplatser", "--pick", "1", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    text = out.read_text(encoding="utf-8")
    assert "[^1]: Kommunfullmäktige, Göteborg, protokoll 2023-01-26 § 18" in text and "[^2]" not in text
    r = runner.invoke(app, ["cite", "introduktionsjobb", "--format", "csv", "--db", str(db)])
    assert r.exit_code == 0 and r.output.startswith("n,citation,quote")


def test_index_status_and_model_guard(db: Path, monkeypatch: pytest.MonkeyPatch):
    r = runner.invoke(app, ["index", "--status", "--db", str(db), "--json"])
    st = json.loads(r.output)
    assert st["model"] == "fake-hash-v1" and st["chunks"] == st["vectors"] > 0 and st["chunks_to_embed"] == 0
    import namndkoll.search as s
    monkeypatch.setattr(s, "embedder_for", lambda conn, model=None: FakeEmbedder("other", 8))
    r = runner.invoke(app, ["index", "--db", str(db)])
    assert r.exit_code == 1 and "--rebuild" in r.output


def test_weak_matches_are_marked_in_json_and_under_a_heading(db: Path, monkeypatch: pytest.MonkeyPatch):
    # a model whose meaning side never clears its bars: a partial keyword match is weak evidence
    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(1.01, 1.01, 0.0))
    r = runner.invoke(app, ["search", "Vad beslutades om klimatanpassningsplanen och dess återrapportering?",
                            "--db", str(db), "--json"])
    hits = json.loads(r.output)
    assert hits and {h["confidence"] for h in hits} <= {"high", "weak"}
    r = runner.invoke(app, ["search", "klimatanpassningsplan återrapporteras kommunstyrelsen senast", "--db", str(db),
                            "--json"])
    assert json.loads(r.output)[0]["confidence"] == "high" and json.loads(r.output)[0]["item"] == "17"
    r = runner.invoke(app, ["search", "klimatanpassningsplan fotbollsdomare division", "--db", str(db)])
    assert "weak matches" in r.output or "no good match" in r.output


def test_compare_text_says_stance_kinds_in_swedish(db: Path, monkeypatch: pytest.MonkeyPatch):
    """Lomma KF 2025-06-05 § 38's roll call was printed 'omrostning: ”2 ja (…)”' (the stored
    ASCII key), a särskilt uttalande 'sarskilt uttalande'; the web page's cells say 'omröstning'."""
    from namndkoll.search.compare import Comparison, Group, MatrixItem, PositionHit, Stance

    cite = "Kommunfullmäktige, Lomma, protokoll 2025-06-05 § 38, s. 29"
    stances = (Stance("C", "omrostning", "2 ja (Den som önskar bifalla Robert Wengléns yrkande röstar ja)",
                      29, 0, 10, cite),
               Stance("C", "sarskilt_uttalande", "Centerpartiet vill understryka vikten av investeringar.",
                      29, 10, 20, cite))
    row = MatrixItem(1, "lomma-kf.pdf", "38", "Policy för investeringsprocessen", "2025-06-05",
                     "Kommunfullmäktige", "Lomma", cite, None, (), {"C": stances})
    group = Group("C", 1, {"2025": 1}, [PositionHit(hit=None, parties=("C",), row=row)])  # type: ignore[arg-type]
    res = Comparison("investeringar", "party", {"C": group}, 1, items=(row,), parties=("C",))
    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: res)
    r = runner.invoke(app, ["compare", "investeringar", "--db", str(db)])
    assert r.exit_code == 0, r.output
    # the party's tally is namndkoll's count, not the protocol's words: said without quotation
    # marks; the särskilt uttalande is a quote
    assert "omröstning: 2 ja (Den som" in r.output and "”2 ja" not in r.output
    assert "särskilt uttalande: ”Centerpartiet" in r.output
    assert "omrostning" not in r.output and "sarskilt" not in r.output


def test_search_csv_says_which_hits_are_weak_as_the_web_csv_does(db: Path, monkeypatch: pytest.MonkeyPatch):
    """`search --csv` dropped the confidence that the table (under "weak matches"), --json and the
    web's /api/search?format=csv all give: in a spreadsheet a weak hit read as a sure one. It
    also gave no document id (every other CSV does) and no last page of a passage over two."""
    import csv
    import io

    monkeypatch.setitem(CALIBRATIONS, "fake-hash", Calibration(1.01, 1.01, 0.0))
    args = ["search", "Vad beslutades om klimatanpassningsplanen och dess återrapportering?", "--db", str(db)]
    hits = json.loads(runner.invoke(app, [*args, "--json"]).output)
    r = runner.invoke(app, [*args, "--csv"])
    assert r.exit_code == 0, r.output
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [row["confidence"] for row in rows] == [h["confidence"] for h in hits]
    assert [(row["document_id"], row["page"], row["page_end"]) for row in rows] == [
        (str(h["document"]["id"]), str(h["page"]), str(h["page_end"])) for h in hits]


def test_cite_says_when_a_picked_hit_or_any_hit_is_missing(db: Path):
    """`cite "förskoleplatser" --pick 9` wrote a pack with its heading and nothing else (exit 0)
    when the search gave fewer hits (walk64); a query that found nothing did the same. A
    secretary pasting the pack into a statement had no quote and no word why."""
    r = runner.invoke(app, ["cite", "förskoleplatser", "--pick", "1,9", "--db", str(db)])
    assert r.exit_code == 1 and "no hit 9: the search gave" in r.output and "--limit" in r.output
    r = runner.invoke(app, ["cite", "fiskekvoter torsk Östersjön", "--db", str(db)])
    assert r.exit_code == 1 and "nothing to cite" in r.output
    r = runner.invoke(app, ["cite", "--chunk", "999999", "--db", str(db)])
    assert r.exit_code == 1 and "no passage 999999 in this corpus" in r.output


def test_cite_csv_file_opens_in_excel_with_its_letters(db: Path, tmp_path: Path):
    """Walk 21: `cite --format csv -o citat.csv` wrote UTF-8 without a byte order mark, which Excel
    reads as its ANSI code page ("Göteborg" as "GÃ¶teborg"); the web's CSV downloads have the mark.
    Printed to stdout (for scripts and pipes) the CSV stays without one."""
    import csv

    out = tmp_path / "citat.csv"
    r = runner.invoke(app, ["cite", "förskoleplatser", "--format", "csv", "--db", str(db), "-o", str(out)])
    assert r.exit_code == 0, r.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfn,citation,quote")
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig", newline="")))
    assert rows and rows[0]["municipality"] == "Göteborg" and rows[0]["citation"].startswith("Kommunfullmäktige, Göteborg")
    r = runner.invoke(app, ["cite", "förskoleplatser", "--format", "csv", "--db", str(db)])
    assert r.output.startswith("n,citation,quote")
