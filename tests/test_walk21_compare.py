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
