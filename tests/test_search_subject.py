"""A vote passage found by its § subject (search/subject.py, issue 11): the chunk that records
a vote ("Omröstningen utfaller med 40 Ja mot 41 Nej") never names what was voted on; its §
title and decision do. "Hur röstade fullmäktige om … Karlastaden?" must find it all the same.

Texts: Göteborg kommunfullmäktige 2024-05-23 § 214 (the vote on reviewing Framtiden's
Karlastaden deal) and 2024-10-10 § 409 (another vote, tests/test_search_answer_kinds.py)."""

from __future__ import annotations

from pathlib import Path

from test_search import indexed, protocol
from test_search_answer_kinds import KF_409, md

from namndkoll.corpus import as_store
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.judge import KEYWORD_WEAK
from namndkoll.search.subject import with_item_votes

KF_214 = """§ 214 Ärendenummer SLK-2024-00142
Redovisning av Göteborgs Stadshus AB:s ägardialoger december 2023
Beslut
Enligt yrkande från M, D, L och KD:
1. Kommunstyrelsen får i uppdrag att genomföra en oberoende extern granskning av
Förvaltnings AB Framtidens affär i Karlastaden med avseende på
informationsprocessen och om ärendet är av sådan betydelse eller vikt att det borde
lyftas till kommunfullmäktige för beslut.
Yrkanden
Daniel Bernmar (V) och Jonas Attenius (S) yrkar bifall till kommunstyrelsens förslag.
Axel Darvik (L) och Axel Josefson (M) yrkar bifall till yrkande från M, D, L och KD.
Propositionsordning
Ordföranden ställer propositioner på yrkandena och finner att kommunstyrelsens förslag
har bifallits. Omröstning begärs.
Omröstning
Godkänd voteringsproposition: "Ja för bifall till kommunstyrelsens förslag. Nej för bifall
till yrkandet från Axel Darvik m.fl."
Omröstningen utfaller med 40 Ja mot 41 Nej. Hur var och en röstar framgår av bilaga 9.
"""
QUERY = "Hur röstade fullmäktige om att granska Framtidens affär i Karlastaden?"


def test_a_vote_passage_holds_the_words_of_its_subject(db_path: Path):
    docs = [protocol("kf-2024-05-23.pdf", [KF_214], md("2024-05-23")),
            protocol("kf-2024-10-10.pdf", [KF_409], md("2024-10-10"))]
    with indexed(db_path, docs) as (conn, emb):
        store = as_store(conn)
        ranked, terms = rank(store, QUERY, emb, store.resolve_filters())
        ranked, rows, _ = evidence(store, QUERY, ranked, terms)
        votes = {rows[r.chunk_id]["document_id"]: r for r in ranked
                 if rows[r.chunk_id]["section"] == "omrostning"}
        karlastaden = next(d for d, r in votes.items() if "bilaga 9" in rows[r.chunk_id]["text"])
        other = next(d for d in votes if d != karlastaden)
        # its own words name no Karlastaden; its § does
        assert "Karlastaden" not in rows[votes[karlastaden].chunk_id]["text"]
        assert votes[karlastaden].keywords >= KEYWORD_WEAK > votes[other].keywords
        hits = search(conn, QUERY, emb, limit=5)
        assert hits and "40 Ja mot 41 Nej. Hur var och en röstar framgår av bilaga 9" in hits[0].text


def test_the_vote_passages_of_a_found_section_are_brought_in(db_path: Path):
    with indexed(db_path, [protocol("kf-2024-05-23.pdf", [KF_214], md("2024-05-23"))]) as (conn, emb):
        store = as_store(conn)
        rows = store.chunk_rows(list(range(1, store.chunk_total() + 1)))
        decision = next(c for c, r in rows.items() if "Karlastaden" in r["text"])
        vote = next(c for c, r in rows.items() if r["section"] == "omrostning")
        ranked, _ = rank(store, QUERY, emb, store.resolve_filters())
        only = [r for r in ranked if r.chunk_id == decision]
        found = with_item_votes(store, only, store.resolve_filters(), None)
        ids = [r.chunk_id for r in found]
        assert ids[0] == decision and vote in ids[1:] and all(r.inside for r in found[1:])
        # a filter on sections is kept: no vote passage where only decisions are searched
        beslut = store.resolve_filters(sections=("beslut",))
        assert [r.chunk_id for r in with_item_votes(store, only, beslut, None)] == [decision]
