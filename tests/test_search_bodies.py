"""A body typed the way people say it: "fullmäktige", "styrelsen" in a query, where the records
write "kommunfullmäktige", "regionstyrelsen" (search/plan.py). Before, a query word was matched
only at a word's start, so "När beslutade fullmäktige om den nuvarande renhållningstaxan …" did
not count "fullmäktige" as held by the very sentence that answers it ("… beslutades av
kommunfullmäktige 5 november 2025").

Texts: Alingsås tekniska nämnd 2026-06-15 § 35 (Renhållningstaxa), and made-up passages of the
same protocol around its wording."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.hybrid import search
from namndkoll.search.plan import keyword_plan
from namndkoll.search.terms import Matcher
from namndkoll.types import Metadata

ANSWER = ("§ 35 2026.112 TEN Renhållningstaxa. Tekniska nämndens avfallsverksamhet ansvarar för insamling "
          "av hushållsavfall. Nuvarande renhållningstaxa beslutades av kommunfullmäktige 5 november 2025, §218.")
OTHERS = [
    ("§ 36 Parkering. Nuvarande regler för parkering vid Nolhaga gäller tills vidare; nämndens "
     "kommunbidrag för 2026 räcker till skyltningen."),
    "§ 37 Brandvatten. Tekniska nämnden beslutade att anta planen för brandvattenförsörjning.",
    "§ 38 Mopedparkering. Det har noterats att mopeder står parkerade på Nolhagaparkeringen.",
]
MD = Metadata("Tekniska nämnden protokoll", "Alingsås", "Tekniska nämnden", "protokoll", "2026-06-15")
QUERY = "När beslutade fullmäktige om den nuvarande renhållningstaxan?"


@pytest.fixture
def conn(db_path: Path):
    conn = open_db(db_path)
    with transaction(conn):
        replace_document(conn, report("alingsas_tn_2026-06-15_protokoll.pdf", [ANSWER, *OTHERS], MD))
    index_corpus(conn, FakeEmbedder())
    yield conn
    conn.close()


def test_fullmaktige_in_a_query_is_the_kommunfullmaktige_of_the_records(conn):
    terms = keyword_plan(as_store(conn), QUERY)
    full = next(t for t in terms if t.word == "fullmäktige")
    assert "kommunfullmäktig" in full.alts
    assert all(Matcher(terms).held(ANSWER))  # every query word is in the answering sentence


def test_the_answer_holds_every_query_word_and_is_a_strong_match(conn):
    """Keyword search (no meaning side): the passage holding every query term is a good match
    whatever else; before, "fullmäktige" was missing from it and it was a weak match only."""
    hits = search(conn, QUERY, None, mode="keyword")
    assert hits and "kommunfullmäktige 5 november 2025" in hits[0].text
    assert hits[0].confidence == "high"


def test_a_body_word_is_widened_only_where_the_records_hold_the_full_name(conn):
    """"styrelsen" stays as typed on a corpus without "kommunstyrelsen"; "bidrag" is no body,
    though this corpus holds "kommunbidrag" (a municipality's grant to a committee)."""
    terms = {t.word: t for t in keyword_plan(as_store(conn), "Vad beslutade styrelsen om bidrag?")}
    assert terms["styrelsen"].alts == () and terms["bidrag"].alts == ()
