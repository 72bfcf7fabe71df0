"""`namndkoll blocs`: which parties vote together, counted from the stored roll calls — each
party's line in a vote (its present members' most common choice), pairs voting alike, each
party's cohesion; on both backends, and through the CLI as a table, CSV and JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.corpus.blocs import aggregate_blocs
from namndkoll.types import (
    Document,
    Extraction,
    Item,
    Metadata,
    Page,
    RollCallEntry,
    Vote,
    with_offsets,
)


def _rows(vote: int, muni: str, members: list[tuple[str, str | None, str]]) -> list[tuple]:
    return [(vote, n, n.lower(), p, v, muni, "Kommunfullmäktige", "2026-03-12") for n, p, v in members]


def test_party_lines_pairs_and_cohesion() -> None:
    rows = (
        _rows(1, "Lomma", [("A1", "M", "ja"), ("A2", "M", "ja"), ("B1", "S", "nej"), ("B2", "S", "nej"),
                           ("C1", "SD", "ja"), ("C2", "SD", "franvarande"), ("D1", "-", "nej")])
        + _rows(2, "Lomma", [("A1", "M", "ja"), ("A2", "M", "ja"), ("A3", "M", "nej"), ("B1", "S", "ja"),
                             ("B2", "S", "nej"), ("C1", "SD", "avstar")])
        # another municipality's M and S are other parties: never paired with Lomma's
        + _rows(3, "Alingsås", [("E1", "M", "ja"), ("F1", "S", "ja")]))
    res = aggregate_blocs(rows)
    pairs = {(r["municipality"], r["party_a"], r["party_b"]): (r["votes"], r["together"], r["share"])
             for r in res["pairs"]}
    # vote 2: S split 1-1 (no line); M ja against SD avstår
    assert pairs == {("Lomma", "M", "S"): (1, 0, 0.0), ("Lomma", "M", "SD"): (2, 1, 0.5),
                     ("Lomma", "S", "SD"): (1, 0, 0.0), ("Alingsås", "M", "S"): (1, 1, 1.0)}
    parties = {(r["municipality"], r["party"]): (r["votes"], r["cohesion"]) for r in res["parties"]}
    # M: 2 of 2 and 2 of 3 present members voted its line; the independent "-" is no party
    assert parties[("Lomma", "M")] == (2, 0.8) and parties[("Lomma", "S")] == (2, 0.75)  # even split: half
    assert ("Lomma", "-") not in parties and parties[("Lomma", "SD")] == (2, 1.0)
    assert res["pairs"][0]["municipality"] == "Alingsås"  # by municipality, then most together


def _doc() -> tuple[Document, Extraction]:
    text = "§ 5 Skolstruktur\nOmröstning. Ja 3, Nej 2.\n§ 6 Budget\nOmröstning. Ja 2, Nej 3."
    doc = Document("lomma-kf.pdf", "b" * 64, with_offsets([Page(1, text)]),
                   Metadata("Protokoll", "Lomma", "Kommunfullmäktige", "protokoll", "2026-03-12"),
                   (Item("5", "Skolstruktur", 0, 40, 1, 1), Item("6", "Budget", 41, len(text), 1, 1)))
    def vote(item: str, calls: list[tuple[str, str, str]]) -> Vote:
        return Vote(item, None, None, None, None, None, 1, 0, 10, roll_call=tuple(
            RollCallEntry(n, p, v) for n, p, v in calls))  # type: ignore[arg-type]
    ext = Extraction(votes=(
        vote("5", [("Anna M", "M", "ja"), ("Bo M", "M", "ja"), ("Cia C", "C", "ja"), ("Dan S", "S", "nej"),
                   ("Eva S", "S", "nej")]),
        vote("6", [("Anna M", "M", "nej"), ("Bo M", "M", "ja"), ("Cia C", "C", "nej"), ("Dan S", "S", "ja"),
                   ("Eva S", "S", "ja")])))
    return doc, ext


def test_blocs_from_a_stored_corpus_on_both_backends(db: str) -> None:
    doc, ext = _doc()
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, ext)
    with opened(db) as st:
        res = st.list_blocs()
        assert st.list_blocs(committee="Socialnämnden") == {"pairs": [], "parties": []}
    assert [(r["party_a"], r["party_b"], r["votes"], r["together"]) for r in res["pairs"]] == [
        ("C", "M", 1, 1), ("C", "S", 2, 0), ("M", "S", 1, 0)]  # M split 1-1 in § 6: paired with none
    assert {r["party"]: (r["votes"], r["cohesion"]) for r in res["parties"]} == {"C": (2, 1.0), "M": (2, 0.75), "S": (2, 1.0)}


def test_blocs_command_table_csv_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    db_path = str(tmp_path / "c.db")
    doc, ext = _doc()
    with opened(db_path, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, ext)
    runner = CliRunner()
    table = runner.invoke(app, ["blocs", "--db", db_path])
    assert table.exit_code == 0, table.output
    assert "Lomma: parties voting alike" in table.output
    line = next(ln for ln in table.output.splitlines() if ln.startswith("C "))
    assert line.split()[1:] == ["2", "100%", "·", "100%", "0%"]  # votes, united, then C, M, S
    csv = runner.invoke(app, ["blocs", "--db", db_path, "--csv"]).output.splitlines()
    assert csv[0] == "municipality,party_a,party_b,votes,together,share" and "Lomma,C,S,2,0,0" in csv
    data = json.loads(runner.invoke(app, ["blocs", "--db", db_path, "--json"]).output)
    assert {p["party"] for p in data["parties"]} == {"C", "M", "S"}
    empty = runner.invoke(app, ["blocs", "--db", db_path, "--year", "1999"])
    assert empty.exit_code == 0 and "no roll calls stored under these filters" in empty.output


def test_blocs_in_the_python_api(tmp_path: Path) -> None:
    import namndkoll

    db_path = str(tmp_path / "c.db")
    doc, ext = _doc()
    with opened(db_path, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, ext)
    assert {(r["party_a"], r["party_b"]) for r in namndkoll.blocs(db=db_path, year=2026)["pairs"]} == {
        ("C", "M"), ("C", "S"), ("M", "S")}


def test_alias_map_joins_a_members_names_only_where_they_cannot_be_two_people() -> None:
    from namndkoll.corpus.members import alias_map

    entries = [("emma altenhammar", "Göteborg", "SD", v) for v in range(1, 9)]
    entries += [("emma ylivallo altenhammar", "Göteborg", "SD", v) for v in (20, 21)]
    # two people: both in vote 30
    entries += [("anna andersson", "Göteborg", "S", 30), ("anna karin andersson", "Göteborg", "S", 30)]
    # another party, another municipality: never joined
    entries += [("emma k altenhammar", "Göteborg", "M", 40), ("emma altenhammar", "Lund", "SD", 41)]
    assert alias_map(entries) == {("emma ylivallo altenhammar", "Göteborg"): "emma altenhammar"}


def _alias_doc() -> tuple[Document, Extraction]:
    doc, ext = _doc()
    v5, v6 = ext.votes
    # the second protocol writes Anna M's middle name: the same member, never in one vote with herself
    v6 = Vote(v6.item, None, None, None, None, None, 1, v6.start, v6.end, roll_call=tuple(
        RollCallEntry("Anna Maria M", e.party, e.vote) if e.name == "Anna M" else e for e in v6.roll_call))
    return doc, Extraction(votes=(v5, v6))


def test_a_member_written_two_ways_is_one_member_and_has_all_their_votes(db: str) -> None:
    doc, ext = _alias_doc()
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, ext)
    with opened(db) as st:
        members = {m["name"]: m for m in st.list_members()}
        anna = members["Anna M"] if "Anna M" in members else members["Anna Maria M"]
        assert anna["votes"] == 2 and len([n for n in members if n.startswith("Anna")]) == 1
        assert anna["also_written"] and set(anna["also_written"]) | {anna["name"]} == {"Anna M", "Anna Maria M"}
        for name in ("Anna M", "anna  maria m"):
            votes = st.list_extracted("votes", member=name)
            assert [v["member_vote"] for v in votes] == ["ja", "nej"]  # § 5 as Anna M, § 6 as Anna Maria M
        assert [m["votes"] for m in st.list_members(member="Anna Maria M")] == [2]


def test_members_and_blocs_are_remembered_until_the_votes_change(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long-running process (the web app) counts the roll calls once per version of the
    corpus's votes: the same question again is answered from memory, a stored document's new
    votes are counted at once."""
    from dataclasses import replace

    from namndkoll import api
    from namndkoll.corpus import blocs as blocs_mod
    from namndkoll.corpus import members as members_mod

    counted = {"members": 0, "blocs": 0}
    real_members, real_blocs = members_mod.aggregate_members, blocs_mod.aggregate_blocs

    def count_members(*a, **k):  # type: ignore[no-untyped-def]
        counted["members"] += 1
        return real_members(*a, **k)

    def count_blocs(*a, **k):  # type: ignore[no-untyped-def]
        counted["blocs"] += 1
        return real_blocs(*a, **k)

    monkeypatch.setattr(members_mod, "aggregate_members", count_members)
    monkeypatch.setattr(blocs_mod, "aggregate_blocs", count_blocs)
    doc, ext = _doc()
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc), doc, ext)
    first = api.members(db=db)
    first[0]["url"] = "/added-by-a-caller"
    assert api.members(db=db) == [{k: v for k, v in r.items() if k != "url"} for r in first]
    assert api.blocs(db=db) == api.blocs(db=db)
    assert counted == {"members": 1, "blocs": 1}
    # a second protocol: its votes are counted at once
    doc2 = replace(doc, source="lomma-kf-2.pdf", sha256="c" * 64)
    with opened(db, write=True) as st, st.transaction():
        st.save_extraction(st.replace_document(doc2), doc2, ext)
    assert {m["name"]: m["votes"] for m in api.members(db=db)}["Anna M"] == 4
    assert counted["members"] == 2


def test_alias_map_joins_a_vote_list_that_writes_the_surname_first() -> None:
    """Lomma's vote lists write "Larsson Gun Yvonne", its attendance lists and other protocols
    "Gun Larsson": one member in `members`, unless the party has two names that could be her."""
    from namndkoll.corpus.members import alias_map

    entries = [("gun larsson", "Lomma", "M", v) for v in range(1, 6)]
    entries += [("larsson gun yvonne", "Lomma", "M", v) for v in (10, 11)]
    assert alias_map(entries) == {("larsson gun yvonne", "Lomma"): "gun larsson"}
    # "Yvonne Larsson" of the same party fits too: which one is meant is not known, none joined
    entries += [("yvonne larsson", "Lomma", "M", v) for v in (12, 13)]
    assert ("larsson gun yvonne", "Lomma") not in alias_map(entries)
    # other words, or both names in one vote: two people
    assert alias_map([("gun larsson", "Lomma", "S", 1), ("larsson gunilla", "Lomma", "S", 2)]) == {}
    assert alias_map([("gun larsson", "Lomma", "S", 1), ("larsson gun yvonne", "Lomma", "S", 1)]) == {}
