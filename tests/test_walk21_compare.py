"""Walk 21 (a political secretary following topics across committees and years): `compare` on
real shapes of Alingsås protocols, drawn or built from their text in other words where it matters.
Stored, indexed with the fake embedder and searched by keyword."""

from __future__ import annotations

from pathlib import Path

from test_decisions_votes_positions import make_doc
from test_rollcall import BUN_TEXT, _bun_table
from test_search import indexed

from namndkoll.search import compare


def test_a_roll_call_vote_cites_the_page_of_its_vote_list(db_path: Path):
    """Alingsås KS 2026-06-15 § 114 (and BUN 2026-06-16 § 44): `compare parkering` showed "M:
    omröstning: 3 ja (…) — … § 114, s. 8", but p. 8 says only "Med 7 ja-röster och 8 nej-röster";
    how M's three members voted stands on the Voteringslista, p. 11. The tally per party must cite
    the page that lists the members too."""
    text = BUN_TEXT.replace("Kompetensförsörjningsplan\n", "Kompetensförsörjningsplan\nBeslut\nPlanen antas.\n")
    doc = make_doc(text, items=True, tables={2: [_bun_table(("6", "7", "0"))]}, committee="Barn- och ungdomsnämnden",
                   date="2026-06-16", doc_type="protokoll")
    with indexed(db_path, [doc], extract=True) as (conn, emb):
        res = compare(conn, "kompetensförsörjningsplan", emb, by="party", mode="keyword")
    (row,) = res.items
    (m,) = [s for s in row.stances["M"] if s.kind == "omrostning"]
    assert m.text.startswith("3 ja")  # Thim, Östh, Skoog on the list
    assert m.page == 1 and m.citation.endswith("s. 1–2")  # the result on p. 1, the list on p. 2


LONG = ("Ärendet har beretts av kommunledningskontoret, som har sett över nämndernas behov inför året "
        "och de förändringar i verksamheten som väntas, med hänsyn till befolkningens utveckling. ")


def _kf(number: int, name: str, day: str):
    text = (f"§ {number}\nBudget för {name}\nBeslut\n{LONG * 3}Kommunfullmäktige fastställer budget för {name} "
            "om 1 200 miljoner kronor.\n")
    doc = make_doc(text, items=True, committee="Kommunfullmäktige", date=day, doc_type="protokoll")
    return type(doc)(f"kf-{day}.pdf", str(number) * 64, doc.pages, doc.metadata, doc.items)


def _plan(i: int):
    text = f"§ {i}\nDetaljplan för kvarteret Eken {i}\nBeslut\nPlanen antas för bostäder i kvarteret.\n"
    doc = make_doc(text, items=True, committee="Byggnadsnämnden", doc_type="protokoll")
    return type(doc)(f"bn-{i}.pdf", f"{i:02d}" * 32, doc.pages, doc.metadata, doc.items)


def test_one_tables_rows_do_not_fill_the_first_hits(db_path: Path):
    """`search budget` over Alingsås's fördjupad månadsuppföljning (whose every cell reads
    "Driftsprognos · Kommunstyrelsen · Budget 2026 · 0,0") and Nykarleby's budget table gave 29
    table rows of three tables among the first 30 hits, and the first protocol § that decided a
    budget (Göteborg KF § 4) 41st. A table's rows past its first two wait behind the other
    passages of their confidence."""
    from namndkoll.search import search
    from namndkoll.types import Table

    header = ("Driftsprognos", "Budget 2026", "Prognos april")
    names = ("Kommunstyrelsen", "Socialnämnden", "Tekniska nämnden", "Kultur- och utbildningsnämnden",
             "Bygg- och miljönämnden", "Vård- och omsorgsnämnden", "Barn- och ungdomsnämnden")
    table = Table(1, (header, *((n, "0,0", f"-{i},0") for i, n in enumerate(names))))
    report = make_doc("Fördjupad månadsuppföljning 2026\nDriftsprognos per nämnd i miljoner kronor.\n",
                      tables={1: [table]}, title="Fördjupad månadsuppföljning 2026", doc_type="delårsrapport")
    docs = [report, _kf(4, "stadens nämnder", "2023-11-09"), _kf(7, "kommunens bolag", "2024-11-07"),
            *(_plan(i) for i in range(10, 16))]
    with indexed(db_path, docs) as (conn, emb):
        hits = search(conn, "budget", emb, mode="keyword", limit=4)
    assert sum(h.section == "table" for h in hits) == 2  # the table's two best rows, then the §§
    assert {h.item for h in hits if h.section != "table"} == {"4", "7"}


def test_the_case_page_links_the_page_of_the_vote_list(db_path: Path, tmp_path: Path):
    """/cases/2026.288 KS (Alingsås KS 2026-06-15 § 114) listed the fifteen members' votes and
    linked "s. 8" only, where the result stands; the list itself is the Voteringslista on p. 11,
    which the votes page links ("Listan i protokollet: sida 11") and the case page did not."""
    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    doc = make_doc(BUN_TEXT, items=True, tables={2: [_bun_table(("6", "7", "0"))]},
                   committee="Barn- och ungdomsnämnden", date="2026-06-16", doc_type="protokoll")
    with indexed(db_path, [doc], extract=True) as (_conn, emb):
        app = create_app(db_path, embedder=emb, cache_dir=tmp_path / "cache", upload_dir=tmp_path / "up")
        with TestClient(app) as client:
            page = client.get("/cases/2026.156 BUN")
    assert page.status_code == 200 and "Namnupprop (13)" in page.text
    assert "Listan i protokollet:" in page.text and ">sida 2</a>" in page.text


def test_a_stance_in_a_paragraph_on_the_topic_counts_though_its_words_do_not_repeat_it(db_path: Path):
    """Alingsås KS 2026-06-15 § 116 "Ramar 2027-2029": ten members of all eight parties proposed
    two additions (13 mnkr to vård- och omsorgsnämnden, 12 mnkr to barn- och ungdomsnämnden)
    without the word "budget", which the § states in its beredning ("Höstens budgetberedning …");
    `compare budget` had no row for it, only the §§ whose yrkanden said "budget"."""
    text = ("§ 116 2026.021 KS\nRamar 2027-2029 för kommunen\nÄrendebeskrivning\n"
            "Ramarna är grunden för höstens budget, som fullmäktige beslutar i november.\n"
            "Förslag till beslut på sammanträdet\n"
            "Anna Ek (S) och Bo Berg (M) föreslår att ramarna godkänns med tillägget att "
            "vård- och omsorgsnämnden tillförs 13 miljoner kronor.\n"
            "Beslut\nRamarna godkänns med tillägget.\n")
    doc = make_doc(text, items=True, committee="Kommunstyrelsen", date="2026-06-15", doc_type="protokoll")
    with indexed(db_path, [doc], extract=True) as (conn, emb):
        res = compare(conn, "budget", emb, by="party", mode="keyword")
    (row,) = res.items
    assert row.item == "116" and set(row.stances) == {"S", "M"}
    assert [s.kind for s in row.stances["S"]] == ["yrkande"] and "budget" not in row.stances["S"][0].text
    assert set(res.groups) == {"S", "M"}
