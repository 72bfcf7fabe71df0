"""Walk 19 (positions across bodies and years, as a political secretary): `compare` and the web
page's matrix. Drawn with reportlab in other names and bodies than the real pages; stored, indexed
with the fake embedder and searched by keyword."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import served
from test_search import indexed
from test_structure_templates import draw

from namndkoll.ingest import read_document
from namndkoll.search import compare

# Göteborg KF 2023-03-23 § 17 p. 19: "Protokollsanteckning / Mats Arnsmar (S), Roshan Yigit (S) och
# Patrik Höstmad (D) deltar inte i handläggningen av ärendet på grund av jäv." came out as D's
# protokollsanteckning in `compare bostäder` (CLI, --json, --csv and the web matrix)
LINES = [
    "§ 52 Dnr BN 2024/311",
    "Antagande av detaljplan för bostäder vid Tallbacken",
    "Beslut",
    "Detaljplanen för bostäder vid Tallbacken antas.",
    "Yrkanden",
    "Eva Lind (S) och Per Holm (M) yrkar bifall till byggnadsnämndens förslag om bostäder.",
    "Lisa Ek (SD) yrkar att ärendet om bostäder ska återremitteras.",
    "Reservation",
    "Ledamöterna från SD reserverar sig mot beslutet.",
    "Protokollsanteckning",
    "Jonas Berg (KD) och Eva Lind (S) deltar inte i handläggningen av ärendet på grund av jäv.",
]


@pytest.fixture
def stored(db_path: Path, tmp_path: Path):
    page = [(450, 40, "Kommunfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2024-04-18")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(LINES)]
    doc = read_document(draw(tmp_path / "kf-2024-04-18.pdf", [page]))
    with indexed(db_path, [doc], extract=True) as built:
        yield built


def test_a_member_stepping_aside_for_jav_is_no_stance_of_their_party(stored):
    conn, emb = stored
    res = compare(conn, "bostäder", emb, by="party", mode="keyword")
    (row,) = [r for r in res.items if r.item == "52"]
    assert "KD" not in row.stances  # KD's only mention is a member's jäv note
    assert "KD" not in res.parties and "KD" not in res.groups
    assert {s.kind for s in row.stances["SD"]} >= {"yrkande", "reservation"}
    assert [s.kind for s in row.stances["M"]] == ["yrkande"]
    assert all("jäv" not in s.text for st in row.stances.values() for s in st)


def test_the_web_matrix_says_what_each_item_decided_and_how_to_cite_it(stored, db_path: Path, tmp_path: Path):
    """The web page's matrix showed each § by body, date and title only: a secretary reading the
    parties' stances side by side could not see what was decided against them, nor copy the
    reference (`compare` in the terminal prints both)."""


    _conn, emb = stored
    with served(db_path, tmp_path, embedder=emb) as client:
        page = client.get("/compare", params={"topic": "bostäder", "by": "party"})
        assert page.status_code == 200
        assert "Beslut:</b> Detaljplanen för bostäder vid Tallbacken antas." in page.text
        assert "Kommunfullmäktige, protokoll 2024-04-18 § 52, dnr BN 2024/311, s. 1" in page.text
        (row,) = [r for r in client.get("/api/compare", params={"topic": "bostäder"}).json()["rows"]
                  if r["item"] == "52"]
        assert row["decision"] == "Detaljplanen för bostäder vid Tallbacken antas."


def test_the_basket_sheet_names_the_item_a_protocol_quote_comes_from(stored, db_path: Path, tmp_path: Path):
    """The basket's CSV column "dokument" held the document's title, which a protocol does not
    have: every quote from a protocol (a reservation, a decision, a passage) came out with it
    empty, and a sheet of quotes from twenty §§ did not say which § each row was about."""
    import csv
    import io
    import sqlite3


    _conn, emb = stored
    with sqlite3.connect(db_path) as con:
        (pid,) = con.execute("select id from positions where kind = 'reservation'").fetchone()
    with served(db_path, tmp_path, embedder=emb) as client:
        got = client.get("/basket/export", params={"format": "csv", "items": f"p{pid}"})
        (row,) = csv.DictReader(io.StringIO(got.content.decode("utf-8-sig")))
        assert row["slag"] == "reservation" and row["sida"] == "1"
        assert row["dokument"] == "§ 52 Antagande av detaljplan för bostäder vid Tallbacken"
        assert "§ 52, dnr BN 2024/311, s. 1" in row["källa"]


def test_compare_says_how_many_items_of_a_group_it_did_not_print(db_path: Path, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch):
    """`compare budget --party C` counted 8 §§ for C and printed the first 5, saying nothing of
    the other 3: a secretary who needs every reservation on a topic took the 5 for all."""
    from typer.testing import CliRunner

    from namndkoll.cli import app

    lines = []
    for n in range(7):
        lines += [f"§ {60 + n} Dnr KS 2024/{400 + n}", f"Budget för förvaltning {n + 1}", "Beslut",
                  f"Budgeten för förvaltning {n + 1} fastställs.", "Reservation",
                  f"Ledamöterna från C reserverar sig mot beslutet om budget {n + 1}."]
    pages = []
    for first in range(0, len(lines), 12):  # two §§ a page
        page = [(450, 40, "Kommunfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2024-06-13")]
        pages.append(page + [(60, 110 + 15 * i, line) for i, line in enumerate(lines[first:first + 12])])
    doc = read_document(draw(tmp_path / "kf-2024-06-13.pdf", pages))
    with indexed(db_path, [doc], extract=True) as (conn, emb):
        res = compare(conn, "budget", emb, by="party", party="C", mode="keyword")
        assert res.groups["C"].count == 7
        monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: res)
        out = CliRunner().invoke(app, ["compare", "budget", "--party", "C", "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    assert out.output.count("reservation: ”Ledamöterna från C reserverar sig") == 5
    assert "… 2 more §§ under C: --csv or --json gives every one" in out.output


def test_compare_by_committee_gives_one_vote_one_line_with_every_partys_tally(monkeypatch: pytest.MonkeyPatch,
                                                                             db_path: Path):
    """`compare … --by committee|year` printed a roll-call vote as one line per party, each with
    the proposition and the citation again: Göteborg KF 2024-05-23 § 219's two votes took 36 lines,
    and which way the vote went could only be read by adding the lines up. One vote is one line:
    every party's tally, then the proposition, cited once."""
    from typer.testing import CliRunner

    from namndkoll.cli import app
    from namndkoll.search.compare import Comparison, Group, MatrixItem, PositionHit, Stance
    from namndkoll.types import Hit, Metadata

    cite = "Regionfullmäktige, Region Norrby, protokoll 2025-02-11 § 7, dnr RS 2024/88, s. 3"
    prop = "Ja för bifall till regionstyrelsens förslag. Nej för bifall till yrkandet från Ola Ek m.fl."
    tallies = [("S", "31 ja"), ("V", "6 ja, 1 frånvarande"), ("M", "20 nej"), ("SD", "12 nej")]
    stances = {p: (Stance(p, "omrostning", f"{t} ({prop})", 3, 10, 20, cite),) for p, t in tallies}
    stances["M"] = (Stance("M", "reservation", "Ledamöterna från M reserverar sig mot beslutet.", 3, 30, 60, cite),
                    *stances["M"])
    hit = Hit(1, 1, "rf.pdf", "Omröstning", 1.0, 3, 3, "§ 7", "omrostning", 0, 10, cite, Metadata())
    row = MatrixItem(1, "rf.pdf", "7", "Tandvårdstaxa 2025", "2025-02-11", "Regionfullmäktige", "Region Norrby",
                     cite, "Tandvårdstaxan fastställs.", (), stances, (hit,))
    key = "Regionfullmäktige, Region Norrby"
    res = Comparison("tandvård", "committee", {key: Group(key, 1, {"2025": 1}, [PositionHit(hit, tuple(stances),
                                                                                            {}, row)])},
                     1, 0, (row,), tuple(stances))
    monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: res)
    out = CliRunner().invoke(app, ["compare", "tandvård", "--by", "committee", "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    assert (f"omröstning: S 31 ja · V 6 ja, 1 frånvarande · M 20 nej · SD 12 nej ({prop})\n      — {cite}"
            in out.output)
    assert out.output.count("omröstning") == 1 and out.output.count(prop) == 1
    assert "M: reservation: ”Ledamöterna från M reserverar sig mot beslutet.”" in out.output


def test_compare_counts_items_and_says_so(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The counts table headed its column "passages" while it counts §§ (two matching passages
    of one § count 1): `compare budget` showed "passages 8" above eight §§ — a researcher quoting
    the number took it for eight passages of text."""
    from typer.testing import CliRunner

    from namndkoll.cli import app

    lines = []
    for n in range(2):
        lines += [f"§ {70 + n} Dnr KS 2024/{500 + n}", f"Budget för nämnd {n + 1}", "Yrkanden",
                  f"Eva Lind (S) yrkar bifall till budget {n + 1}.", "Beslut",
                  f"Budget {n + 1} fastställs.", "Reservation",
                  f"Ledamöterna från M reserverar sig mot beslutet om budget {n + 1}."]
    page = [(450, 40, "Kommunfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2024-06-13")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(lines)]
    doc = read_document(draw(tmp_path / "kf-2024-06-13.pdf", [page]))
    with indexed(db_path, [doc], extract=True) as (conn, emb):
        res = compare(conn, "budget", emb, by="year", mode="keyword")
        assert sum(len(r.hits) for r in res.items) > len(res.items) == res.groups["2024"].count == 2
        monkeypatch.setattr("namndkoll.search.compare_db", lambda *a, **k: res)
        out = CliRunner().invoke(app, ["compare", "budget", "--by", "year", "--db", str(db_path)])
    assert out.exit_code == 0, out.output
    head, _rule, row = out.output.splitlines()[1:4]
    assert head.split() == ["year", "§§", "2024"] and row.split() == ["2024", "2", "2"]



@pytest.mark.parametrize("text", [
    # the names on bullets of their own, the sentence that says jäv after them: all go with it
    ("Protokollsanteckning\n• Anna Berg (S)\n• Per Ek (D)\ndeltar inte i handläggningen av ärendet på grund av jäv."
     " Lars Ny (M) yrkar bifall."),
    "Anna Berg (S) anser sig jävig och lämnar sammanträdet. Lars Ny (M) yrkar bifall.",
])
def test_a_jav_note_takes_every_name_it_lists_with_it(text: str) -> None:
    from namndkoll.search.compare import parties_named_in, without_jav_notes
    from namndkoll.types import Hit, Metadata

    hit = Hit(1, 1, "x.pdf", without_jav_notes(text), 1.0, 1, 1, None, None, 0, len(text), "x", Metadata())
    assert parties_named_in(hit) == ("M",)
