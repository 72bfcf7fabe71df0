"""A body's abbreviation in a query ("kf", "ks") is the body the records name in full
(search/plan.py). Batch s50 asked "vem justerar kf protokollet 10 oktober 2024": the records write
"Kommunfullmäktige" and never "KF", so "kf", a word no passage held, weighed like the rarest word
of the corpus and the passage naming the justerare held too little of the query to be trusted."""

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

TEXTS = [
    "§ 1 Justering. Anna Berg (S) justerar kommunfullmäktiges protokoll tillsammans med ordföranden.",
    "§ 2 Taxa. Kommunstyrelsen föreslår att taxan höjs med tre procent.",
    "§ 3 Bygglov. Nämnden beviljar bygglov för en förskola.",
    "§ 4 Parkering. Förvaltningen utreder parkeringen vid stationen.",
]
MD = Metadata("Protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2026-03-02")


@pytest.fixture
def conn(db_path: Path):
    c = open_db(db_path)
    with transaction(c):
        replace_document(c, report("alingsas_kf_2026-03-02_protokoll.pdf", TEXTS, MD))
    index_corpus(c, FakeEmbedder())
    yield c
    c.close()


def test_kf_and_ks_are_held_by_the_names_written_out(conn):
    terms = keyword_plan(as_store(conn), "vem justerar kf protokollet")
    held = dict(zip([t.word for t in terms], Matcher(terms).held(TEXTS[0]), strict=True))
    assert held == {"justerar": True, "kf": True, "protokollet": True}
    ks = keyword_plan(as_store(conn), "vad föreslår ks om taxan")
    assert Matcher(ks).held(TEXTS[1]) == [True, True, True]


def test_a_keyword_search_with_an_abbreviation_finds_the_body_written_out(conn):
    hits = search(conn, "ks taxa", None, mode="keyword")
    assert hits and "Kommunstyrelsen föreslår" in hits[0].text
