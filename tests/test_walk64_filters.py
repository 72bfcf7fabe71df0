"""Filters typed as a Swedish researcher writes them: `--type tjänsteskrivelse` (or
"Årsredovisning", "särskilt yttrande") was refused with a list of ASCII codes
("'tjänsteskrivelse' is not one of … 'tjansteskrivelse' …"), and `--party Socialdemokraterna`
with "no party code namndkoll knows", though the party's name is what the records write.
Both are now read as the stored code; anything else is still a usage error that lists them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_decisions_votes_positions import make_doc
from test_lists import _store_all
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.types import Document, Item

runner = CliRunner()

TS = """Tjänsteskrivelse
Svar på motion gällande att stärka stödet till det ukrainska folket
Förvaltningen föreslår att motionen anses besvarad.
"""
KS = """§ 102
Motion om stöd till det ukrainska folket
Beslut
Kommunstyrelsen föreslår att motionen anses besvarad.
Reservation
Anton César (S) och Leif Hansson (S) reserverar sig mot beslutet.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("w64filters") / "corpus.db"
    ts = make_doc(TS, municipality="Alingsås", committee="Kommunstyrelsen", date="2026-05-11",
                  doc_type="tjansteskrivelse", title="Svar på motion")
    ks = make_doc(KS, items=True, municipality="Alingsås", committee="Kommunstyrelsen", date="2026-06-01",
                  doc_type="protokoll", title="Kommunstyrelsen, protokoll 2026-06-01")
    _store_all(path, [Document("/records/ts.pdf", "1" * 64, ts.pages, ts.metadata, ts.items),
                      Document("/records/ks.pdf", "2" * 64, ks.pages, ks.metadata, ks.items)])
    return str(path)


@pytest.mark.parametrize("typed", ["tjänsteskrivelse", "Tjänsteskrivelse", "TJANSTESKRIVELSE", "tjansteskrivelse"])
def test_type_as_swedish_writes_it(db: str, typed: str) -> None:
    out = runner.invoke(app, ["documents", "--db", db, "--type", typed, "--json"])
    assert out.exit_code == 0, out.output
    assert [d["doc_type"] for d in json.loads(out.stdout)] == ["tjansteskrivelse"]


def test_an_unknown_type_is_still_a_usage_error(db: str) -> None:
    out = runner.invoke(app, ["documents", "--db", db, "--type", "protokol"])
    assert out.exit_code == 2 and "tjansteskrivelse" in out.output


@pytest.mark.parametrize("typed", ["S", "s", "Socialdemokraterna", "socialdemokraterna"])
def test_party_by_its_name(db: str, typed: str) -> None:
    out = runner.invoke(app, ["positions", "--db", db, "--party", typed, "--json"])
    assert out.exit_code == 0, out.output
    rows = json.loads(out.stdout)
    assert rows and all("S" in r["parties"] for r in rows)


def test_an_unknown_party_is_still_a_usage_error(db: str) -> None:
    out = runner.invoke(app, ["positions", "--db", db, "--party", "Piratpartiet"])
    assert out.exit_code == 2 and "S M SD C V KD L MP" in out.output


def test_search_takes_them_too(db: str, tmp_path: Path) -> None:
    out = runner.invoke(app, ["search", "ukrainska", "--db", db, "--type", "Tjänsteskrivelse",
                              "--party", "Socialdemokraterna", "--mode", "keyword"])
    assert "Invalid value" not in out.output, out.output


FI = """39 §
Sammanträdets laglighet och beslutförhet
Ordförande öppnar sammanträdet och konstaterar att välfärdsnämnden är lagligt sammankallad.
Välfärdsnämndens beslut:
Välfärdsnämnden konstaterar att sammanträdet är lagligt sammankallat och beslutfört.
40 §
Val av protokolljusterare
Välfärdsnämndens beslut:
Till protokolljusterare valdes Anna Berg och Bo Ek.
"""


def test_show_item_as_the_protocol_writes_it(tmp_path: Path) -> None:
    """A Finland-Swedish protocol writes "39 §": `show DOC --item "39 §"` answered "no § 39 §
    in this document; it has §§ 39, 40 …". The § sign and spaces are left out on both sides."""
    db = str(tmp_path / "fi.db")
    d = make_doc(FI, municipality="Nykarleby", committee="Välfärdsnämnden", date="2022-09-15",
                 doc_type="protokoll", title="Välfärdsnämnden, protokoll 2022-09-15")
    starts = [(m.start(), m.group(1)) for m in re.finditer(r"(?m)^(\d+) §$", FI)]
    items = tuple(Item(num, FI[s:].split("\n")[1], s, starts[n + 1][0] if n + 1 < len(starts) else len(FI), 1, 1)
                  for n, (s, num) in enumerate(starts))
    assert [i.number for i in items] == ["39", "40"]
    _store_all(db, [Document("/records/nykarleby.pdf", "3" * 64, d.pages, d.metadata, items)])
    for typed in ("40 §", "§ 40", "§40", "40"):
        out = runner.invoke(app, ["show", "1", "--db", db, "--item", typed])
        assert out.exit_code == 0, (typed, out.output)
        assert "Val av protokolljusterare" in out.output and "laglighet" not in out.output
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    page = TestClient(create_app(db, read_only=True, warm=False)).get("/documents/1", params={"item": "40 §"})
    assert page.status_code == 200 and "Val av protokolljusterare" in page.text


@pytest.mark.parametrize("cmd", [["search", "budget"], ["compare", "budget"], ["cite", "budget"]])
def test_a_year_range_that_runs_backwards_is_a_usage_error(db: str, cmd: list[str]) -> None:
    """`search budget --from 2027 --to 2020` answered "no good match" (exit 0), as if the corpus
    held nothing on the topic, where the range itself held no year."""
    out = runner.invoke(app, [*cmd, "--db", db, "--from", "2027", "--to", "2020"])
    assert out.exit_code == 2, out.output
    assert "--from 2027 is after --to 2020" in out.output and "no good match" not in out.output


@pytest.mark.parametrize("call", ["search_db", "compare_db", "cite_db", "search_page"])
def test_the_python_api_refuses_a_backwards_year_range_too(db: str, call: str) -> None:
    """A script's ``search_db("budget", year_from=2027, year_to=2020)`` returned ``[]`` (and
    ``compare_db`` an empty comparison), read as "the corpus holds nothing on it", where the CLI
    and the web already said the range held no year."""
    from namndkoll import search
    from namndkoll.api import pages
    from namndkoll.errors import NamndkollError

    fn = getattr(pages if call == "search_page" else search, call)
    with pytest.raises(NamndkollError, match="--from 2027 is after --to 2020"):
        fn("budget", db=db, year_from=2027, year_to=2020)


@pytest.mark.parametrize("cmd", [["search", "  "], ["compare", ""]])
def test_an_empty_query_is_a_usage_error(db: str, cmd: list[str]) -> None:
    out = runner.invoke(app, [*cmd, "--db", db])
    assert out.exit_code == 2 and "no good match" not in out.output, out.output


def test_the_web_says_so_in_swedish(db: str) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(db, read_only=True, warm=False))
    for path, q in (("/search", "q"), ("/compare", "topic")):
        page = client.get(path, params={q: "budget", "from": "2027", "to": "2020"})
        assert page.status_code == 400 and "Från 2027 är efter Till 2020" in page.text
    assert "Från 2027" in client.get("/api/search", params={"q": "budget", "from": "2027", "to": "2020"}).json()["error"]


def test_no_match_says_when_the_documents_are_not_indexed(db: str) -> None:
    """A researcher who ingested with --no-index (or whose ingest stopped while it embedded)
    got "no good match" from search and compare, as if the records held nothing on the topic,
    and the compare page said so "i korpusen"."""
    for cmd in (["search", "ukrainska"], ["compare", "ukrainska"]):
        out = runner.invoke(app, [*cmd, "--db", db])
        assert out.exit_code == 0, out.output
        assert "note: 2 stored documents are not in the search index yet" in out.output
        assert "run `namndkoll index`" in out.output
    # ... and compare's spreadsheet and JSON outputs too, on stderr, their own output clean: an
    # empty CSV with no word had looked like "no party said anything"
    for flag in ("--csv", "--json"):
        out = runner.invoke(app, ["compare", "ukrainska", "--db", db, flag])
        assert out.exit_code == 0, out.output
        assert "not in the search index yet" in out.stderr and "not in the search index" not in out.stdout
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    page = TestClient(create_app(db, read_only=True, warm=False)).get("/compare", params={"topic": "ukrainska"})
    assert "Korpusen har inget sökindex ännu" in page.text and "i korpusen." not in page.text


def test_a_year_filter_on_a_list_says_what_it_left_out(tmp_path: Path) -> None:
    """`figures --year 2026` left out Alingsås' "Underlag ramar 2027-2029", whose PDF states no
    date, without a word; search and compare already said how many undated documents a year
    filter leaves out."""
    db = str(tmp_path / "y.db")
    undated = make_doc("Underlag ramar 2027-2029\nRamen för tekniska nämnden är 45 mkr.\n",
                       municipality="Alingsås", committee=None, date=None, doc_type="other", title="Underlag ramar")
    dated = make_doc(TS, municipality="Alingsås", committee="Kommunstyrelsen", date="2026-05-11",
                     doc_type="tjansteskrivelse", title="Svar på motion")
    _store_all(db, [Document("/records/ramar.pdf", "5" * 64, undated.pages, undated.metadata, ()),
                    Document("/records/ts.pdf", "6" * 64, dated.pages, dated.metadata, ())])
    for cmd in (["figures"], ["decisions"], ["documents"], ["positions", "--csv"]):
        out = runner.invoke(app, [*cmd, "--db", db, "--year", "2026"])
        assert out.exit_code == 0, out.output
        assert "note: 1 document has no date and was left out by the year filter" in out.output, cmd
    assert "no date" not in runner.invoke(app, ["figures", "--db", db]).output


def test_the_web_tables_say_it_too(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    db = str(tmp_path / "yw.db")
    undated = make_doc("Underlag ramar 2027-2029\nRamen för tekniska nämnden är 45 mkr.\n",
                       municipality="Alingsås", committee=None, date=None, doc_type="other", title="Underlag ramar")
    _store_all(db, [Document("/records/ramar.pdf", "7" * 64, undated.pages, undated.metadata, ())])
    client = TestClient(create_app(db, read_only=True, warm=False))
    assert "1 dokument saknar datum" in client.get("/figures", params={"year": "2026"}).text
    assert "saknar datum" not in client.get("/figures").text


def test_the_web_filters_take_a_partys_name_and_a_type_as_written(db: str) -> None:
    """The web's Parti and Typ fields are free text: "Socialdemokraterna" and "tjänsteskrivelse"
    listed nothing ("Inga ståndpunkter med de filtren")."""
    from fastapi.testclient import TestClient

    from namndkoll.web.app import create_app

    client = TestClient(create_app(db, read_only=True, warm=False))
    by_code = client.get("/api/positions", params={"party": "S"}).json()
    assert by_code and client.get("/api/positions", params={"party": "Socialdemokraterna"}).json() == by_code
    assert "Anton César" in client.get("/positions", params={"party": "socialdemokraterna"}).text
    docs = client.get("/api/documents", params={"type": "Tjänsteskrivelse"}).json()
    assert [d["doc_type"] for d in docs] == ["tjansteskrivelse"]


def test_members_without_a_party_can_be_asked_for(tmp_path: Path) -> None:
    """`people --party -` was refused ("'-' is no party code namndkoll knows"), though the
    lists store an independent's party as "-" (Boris Jernskiegg (-) in Alingsås 2026)."""
    db = str(tmp_path / "ind.db")
    d = make_doc("§ 116\nDetaljplan för förskola vid Nolhaga allé\nYrkanden\n"
                 "Boris Jernskiegg (-) och Anna Berg (S) föreslår att planförslaget antas.\n",
                 items=True, municipality="Alingsås", committee="Kommunfullmäktige", date="2026-06-10",
                 doc_type="protokoll", title="Kommunfullmäktige, protokoll 2026-06-10")
    _store_all(db, [Document("/records/kf.pdf", "8" * 64, d.pages, d.metadata, d.items)])
    for typed in ("-", "(-)", "politisk vilde"):
        out = runner.invoke(app, ["people", "--db", db, "--party", typed, "--json"])
        assert out.exit_code == 0, out.output
        assert {(r["name"], r["party"]) for r in json.loads(out.stdout)} == {("Boris Jernskiegg", "-")}
    out = runner.invoke(app, ["people", "--db", db, "--party", "Piratpartiet"])
    assert out.exit_code == 2 and "or - for members without a party" in out.output


def test_an_untitled_protocols_hit_is_named_by_its_body_and_date(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`search` headed a hit in Nykarleby's välfärdsnämnd protocol (no title read) with its file
    name, "nykarleby_FI_valfardsnamnden_2022-09-15.pdf"; the web names it "Välfärdsnämnden,
    Nykarleby, protokoll 2022-09-15", as the citation does."""
    from namndkoll.types import Hit, Metadata

    md = Metadata(None, "Nykarleby", "Välfärdsnämnden", "protokoll", "2022-09-15")
    hit = Hit(chunk_id=1, document_id=1, source="/x/nykarleby_FI_valfardsnamnden_2022-09-15.pdf", metadata=md,
              item="44", section=None, page=11, page_end=11, start=0, end=10, text="Rekrytering av välfärdschef",
              score=0.9, citation="Välfärdsnämnden, Nykarleby, protokoll 2022-09-15 § 44, s. 11")
    monkeypatch.setattr("namndkoll.search.search_db", lambda *a, **k: [hit])
    out = runner.invoke(app, ["search", "välfärdschef", "--db", db])
    assert out.exit_code == 0, out.output
    assert out.output.splitlines()[0].startswith("1. Välfärdsnämnden, Nykarleby, protokoll 2022-09-15")
    assert ".pdf" not in out.output.splitlines()[0]


def test_an_undated_uppfoljning_is_found_by_the_year_its_title_names(tmp_path: Path) -> None:
    """An uppföljning and a budget frame whose PDFs state no date ("Fördjupad månadsuppföljning
    2026", "Underlag ramar 2027-2029") carry the year their titles name — a year, no made-up day —
    so `figures --year` finds them."""
    from test_structure_templates import draw

    from namndkoll.ingest import read_document

    pdf = tmp_path / "pdf"
    pdf.mkdir()
    draw(pdf / "uppfoljning.pdf", [[(60, 60, "Fördjupad månadsuppföljning 2026", 18, True),
                                    (60, 90, "Alingsås kommun"),
                                    (60, 120, "Prognosen för helåret visar ett underskott på 12,5 mnkr."),
                                    (60, 136, "Kommunstyrelsens verksamheter redovisar ett överskott på 3,1 mnkr.")]])
    draw(pdf / "ramar.pdf", [[(60, 60, "Underlag ramar 2027-2029", 18, True),
                              (60, 90, "Budgetram för tekniska nämnden är 45 mnkr för 2027."),
                              (60, 106, "Budgetram för socialnämnden är 612 mnkr för 2027.")]])
    up = read_document(pdf / "uppfoljning.pdf", ocr=False).metadata
    assert (up.date, up.year) == (None, 2026)
    ramar = read_document(pdf / "ramar.pdf", ocr=False).metadata
    assert (ramar.date, ramar.year) == (None, 2027)  # a range's first year
    db = str(tmp_path / "y.db")
    assert runner.invoke(app, ["ingest", str(pdf), "--db", db, "--no-index", "-q"]).exit_code == 0
    out = runner.invoke(app, ["figures", "--db", db, "--year", "2026", "--json"])
    assert out.exit_code == 0, out.output
    assert any(f["value"] == 12_500_000 for f in json.loads(out.stdout)), out.output
    out = runner.invoke(app, ["figures", "--db", db, "--year", "2027", "--json"])
    assert any(f["value"] == 45_000_000 for f in json.loads(out.stdout)), out.output


@pytest.mark.parametrize("title, doc_type, kind, year", [
    ("Budget 2027 och flerårsplan 2028-2029", "other", "budget", 2027),
    ("Delårsrapport augusti 2025", "other", "delårsrapport", 2025),
    ("Årsredovisning 2025", "arsredovisning", None, 2025),
    ("Biblioteksplan 2027-2030", "other", "plan", None),  # a plan states its adoption date, or none
    ("Svar på motion 2025.503 KS", "tjansteskrivelse", None, None),
    ("Budgetuppföljning", "other", "uppföljning", None),
])
def test_which_undated_papers_take_their_titles_year(title, doc_type, kind, year) -> None:
    from namndkoll.ingest.metadata import title_year

    assert title_year(title, doc_type, kind) == year
