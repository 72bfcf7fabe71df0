"""`namndkoll members` and `namndkoll votes --member` on a real SQLite corpus in tmp_path:
two protocols with roll calls (prose, as Göteborg kommunstyrelsen writes them) run through the
whole extraction and stored; and the Python API beside the CLI."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

import namndkoll
from namndkoll.cli import app
from namndkoll.corpus.db import open_db
from namndkoll.errors import NamndkollError
from namndkoll.types import Document

runner = CliRunner()

# vote 1: S splits 2-1, M votes together; vote 2: S splits 1-2, M splits nej/avstår
KS_1 = """§ 1
Yttrande om kollektivtrafiken
Omröstning
Godkänd voteringsproposition: "Ja för bifall till Anna Eks yrkande och Nej för avslag."
Anna Ek (S) och Bo Ek (S) röstar Ja (2).
Cia Ek (S), Dan Berg (M) och Eva Berg (M) röstar Nej (3).
"""
KS_2 = """§ 2
Motion om cykelbanor
Omröstning
Godkänd voteringsproposition: "Ja för bifall till motionen och Nej för avslag."
Anna Ek (S) röstar Ja (1).
Bo Ek (S), Cia Ek (S) och Dan Berg (M) röstar Nej (3).
Eva Berg (M) avstår från att rösta (1).
"""


def _docs() -> list[Document]:
    out = []
    for i, (text, date) in enumerate([(KS_1, "2024-01-24"), (KS_2, "2024-02-07")]):
        d = make_doc(text, items=True, municipality="Göteborg", committee="Kommunstyrelsen", date=date,
                     doc_type="protokoll", title=f"Kommunstyrelsen, protokoll {date}")
        out.append(Document(f"/records/ks-{date}.pdf", str(i) * 64, d.pages, d.metadata, d.items))
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("members") / "corpus.db"
    _store_all(db, _docs())
    return db


def _json(args: list[str]) -> list[dict]:
    result = runner.invoke(app, args + ["--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_votes_json_carries_the_roll_call(corpus):
    v1, v2 = _json(["votes", "--db", str(corpus)])
    assert (v1["item"], v1["yes"], v1["no"], v1["note"]) == ("§ 1", 2, 3, None)
    assert [(e["name"], e["party"], e["vote"]) for e in v2["roll_call"]] == [
        ("Anna Ek", "S", "ja"), ("Bo Ek", "S", "nej"), ("Cia Ek", "S", "nej"), ("Dan Berg", "M", "nej"),
        ("Eva Berg", "M", "avstar")]
    assert "§ 2" in v2["citation"]


def test_votes_of_one_member_whole_name_any_case(corpus):
    rows = _json(["votes", "--db", str(corpus), "--member", "bo  EK"])
    assert [(r["item"], r["member_vote"], r["member_party"]) for r in rows] == [("§ 1", "ja", "S"), ("§ 2", "nej", "S")]
    assert len(namndkoll.votes(db=corpus, member="Eva Berg", year=2024)) == 2


def test_a_part_of_a_name_is_an_error_that_names_the_members(corpus):
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--member", "Berg"])
    assert result.exit_code == 1
    assert "no roll call lists 'Berg'" in result.output and "Dan Berg" in result.output
    assert result.output.count("\n") == 1
    with pytest.raises(NamndkollError, match="check the spelling"):
        namndkoll.votes(db=corpus, member="Nobody Here")
    assert namndkoll.votes(db=corpus, member="Anna Ek", year=2019) == []  # listed, not that year


def test_members_with_party_majority_without_their_own_vote(corpus):
    rows = {r["name"]: r for r in _json(["members", "--db", str(corpus)])}
    got = {n: (r["party"], r["votes"], r["ja"], r["nej"], r["avstar"], r["with_party"], r["against_party"],
               r["with_party_share"]) for n, r in rows.items()}
    assert got == {
        # vote 1: the other S split 1-1 (not counted); vote 2: the other S both nej -> against
        "Anna Ek": ("S", 2, 2, 0, 0, 0, 1, 0.0),
        # split others both times: never counted
        "Bo Ek": ("S", 2, 1, 1, 0, 0, 0, None),
        # vote 1: the other S both ja -> against; vote 2: the others split 1-1
        "Cia Ek": ("S", 2, 0, 2, 0, 0, 1, 0.0),
        # vote 1: Eva nej -> with; vote 2: Eva avstår -> against
        "Dan Berg": ("M", 2, 0, 2, 0, 1, 1, 0.5),
        "Eva Berg": ("M", 2, 0, 1, 1, 1, 1, 0.5),
    }
    assert rows["Anna Ek"]["committees"] == ["Kommunstyrelsen"] and rows["Anna Ek"]["municipality"] == "Göteborg"
    assert (rows["Anna Ek"]["first_date"], rows["Anna Ek"]["last_date"]) == ("2024-01-24", "2024-02-07")


def test_members_filters_and_csv(corpus):
    m = _json(["members", "--db", str(corpus), "--party", "m"])
    assert [r["name"] for r in m] == ["Dan Berg", "Eva Berg"]
    assert _json(["members", "--db", str(corpus), "--committee", "Socialnämnden"]) == []
    result = runner.invoke(app, ["members", "--db", str(corpus), "--year", "2024", "--csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 and rows[0]["committees"] == "Kommunstyrelsen"
    assert [r["name"] for r in namndkoll.members(db=corpus, party="S")] == ["Anna Ek", "Bo Ek", "Cia Ek"]


def test_votes_csv_has_the_roll_call_in_one_cell(corpus):
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--csv"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows[0]["roll_call"] == "Anna Ek (S) ja; Bo Ek (S) ja; Cia Ek (S) nej; Dan Berg (M) nej; Eva Berg (M) nej"


def test_votes_csv_says_what_each_vote_was_about(tmp_path, corpus):
    """A spreadsheet of votes names each vote's § by its title, as --json does (walk 23: the CSV
    gave "§ 2" and a proposition, not what the § was); the column stands just before item_number,
    so every other column keeps its place, and the xlsx sheet has it too."""
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--csv"])
    header = result.stdout.splitlines()[0].split(",")
    assert header[-2:] == ["item_title", "item_number"]
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["item_number"], r["item_title"]) for r in rows] == [
        ("1", "Yttrande om kollektivtrafiken"), ("2", "Motion om cykelbanor")]
    sheet = tmp_path / "votes.xlsx"
    assert runner.invoke(app, ["votes", "--db", str(corpus), "--xlsx", str(sheet)]).exit_code == 0
    from openpyxl import load_workbook

    cells = [c.value for c in next(load_workbook(sheet).active.iter_rows(max_row=2, min_row=2))]
    assert "Motion om cykelbanor" in cells or "Yttrande om kollektivtrafiken" in cells


def test_roll_call_goes_with_its_document(tmp_path):
    db = tmp_path / "again.db"
    _store_all(db, _docs())
    _store_all(db, _docs()[:1])  # stored again: replaced, not doubled
    conn = open_db(db)
    try:
        assert conn.execute("SELECT count(*) FROM roll_call").fetchone()[0] == 10
        conn.execute("DELETE FROM documents")
        assert conn.execute("SELECT count(*) FROM roll_call").fetchone()[0] == 0
    finally:
        conn.close()


def test_members_of_an_empty_corpus(tmp_path):
    open_db(tmp_path / "empty.db").close()
    assert _json(["members", "--db", str(tmp_path / "empty.db")]) == []


def test_votes_table_says_when_the_roll_call_and_the_result_disagree(tmp_path):
    """The note was in --json and --csv only: the terminal table showed the stated counts as
    if settled."""
    d = make_doc(KS_1.replace("röstar Ja (2)", "röstar Ja (3)"), items=True, municipality="Göteborg",
                 committee="Kommunstyrelsen", date="2024-01-24", doc_type="protokoll")
    db = tmp_path / "note.db"
    _store_all(db, [Document("/records/ks.pdf", "9" * 64, d.pages, d.metadata, d.items)])
    (v,) = _json(["votes", "--db", str(db)])
    assert v["note"]
    result = runner.invoke(app, ["votes", "--db", str(db)], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert f"note, 2024-01-24 Kommunstyrelsen § 1: {v['note']}" in result.stdout
    clean = runner.invoke(app, ["votes", "--db", str(_store_all_clean(tmp_path))])
    assert "note," not in clean.stdout


def _store_all_clean(tmp_path: Path) -> Path:
    db = tmp_path / "clean.db"
    _store_all(db, _docs())
    return db


def test_votes_member_table_shows_the_members_vote_at_80_columns(corpus):
    """`votes --member` asks how one member voted: at 80 columns that column, the last, was the
    first dropped, and the table showed only the counts."""
    result = runner.invoke(app, ["votes", "--db", str(corpus), "--member", "Bo Ek"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1].split()[:5] == ["date", "committee", "§", "page", "vote"]
    rows = [line.split() for line in lines if line.startswith("2024-")]
    assert [r[r.index("§") + 3] for r in rows] == ["ja", "nej"]
    assert max(len(line) for line in lines) <= 80


def test_members_table_shows_the_share_as_a_percentage_as_blocs_does(corpus):
    """The table read "with_party_share 1" and "0.5" beside blocs' "100%" and "50%"; a reader
    took 1 for one vote. JSON and CSV keep the plain fraction."""
    result = runner.invoke(app, ["members", "--db", str(corpus), "--wide"])
    assert result.exit_code == 0, result.output
    shares = {r["name"]: r["with_party_share"] for r in _json(["members", "--db", str(corpus)])}
    lines = {n: line for line in result.stdout.splitlines() for n in shares if line.startswith(n + " ")}
    for name, share in shares.items():
        if share is not None:
            assert lines[name].rstrip().endswith(f"{share:.0%}"), lines[name]
    assert any(s is not None and 0 < s < 1 for s in shares.values()), shares


def test_members_table_at_80_columns_keeps_avstar_and_how_often_with_the_party(tmp_path, monkeypatch):
    """Walk 20 (votes): at 80 columns the table kept a bare count under "with_party" and dropped
    avstår and the share; a member whose party had no one else in the vote read "0", as if they
    never voted with it. Now "k of n" (n: the votes compared) or "–", the share, and avstår."""
    lone = """§ 3
Motion om parkering
Omröstning
Godkänd voteringsproposition: "Ja för bifall till motionen och Nej för avslag."
Anna Ek (S), Bo Ek (S) och Fia Lund (C) röstar Ja (3).
Dan Berg (M) röstar Nej (1).
Eva Berg (M) avstår från att rösta (1).
"""
    docs = _docs()
    d = make_doc(lone, items=True, municipality="Göteborg", committee="Kommunstyrelsen", date="2024-03-06",
                 doc_type="protokoll", title="Kommunstyrelsen, protokoll 2024-03-06")
    docs.append(Document("/records/ks-2024-03-06.pdf", "3" * 64, d.pages, d.metadata, d.items))
    db = tmp_path / "corpus.db"
    _store_all(db, docs)
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, ["members", "--db", str(db)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    head = lines[1]
    for column in ("ja", "nej", "avstar", "absent", "with party", "share"):
        assert f" {column} " in f" {head} ", head
    # each row from its right end: ja, nej, avstar, absent, then "k of n" and the share, or "–"
    by_name = {" ".join(line.split()[:2]): line.split() for line in lines[3:]}
    assert by_name["Fia Lund"][-5:] == ["1", "0", "0", "0", "–"]  # nobody else of C voted
    rows = {r["name"]: r for r in _json(["members", "--db", str(db)])}
    for name, r in rows.items():
        cells = by_name[name]
        counts = [str(r["ja"]), str(r["nej"]), str(r["avstar"]), str(r["absent"])]
        if r["compared"]:
            assert cells[-8:] == counts + [str(r["with_party"]), "of", str(r["compared"]),
                                           f"{r['with_party_share']:.0%}"], cells
        else:
            assert cells[-5:] == counts + ["–"], cells
    assert rows["Eva Berg"]["avstar"] == 2
