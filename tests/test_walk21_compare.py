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
