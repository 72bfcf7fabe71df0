"""Typo repair leaves a correctly spelled word alone (search/plan.py). A user walk asked
"bygglov för vindkraft på månen": the corpus lacks "måne", so "månen" (the moon) was "repaired"
to "målen", one letter away, and the keyword query asked for "måle"* — passages about goals
answered a question about the moon. A real word the corpus does not hold is evidence that the
answer is not there, not a typo. Misspellings are still repaired, and so are words typed
without å/ä/ö, real words or not ("lanevolym" reads as "lane" + "volym")."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.plan import keyword_plan
from namndkoll.types import Metadata

TEXTS = [
    "§ 12 Målen för 2026. Nämnden fastställer målen för verksamheten och följer upp målen i bokslutet.",
    "§ 13 Bygglov för vindkraft. Ansökan om bygglov för två vindkraftverk avslås.",
    "§ 14 Tolkförmedling Väst. Tolkförmedling Väst redovisar lånevolym och överskott.",
    "§ 15 Motion om arbetssökande föräldrars rätt till förskola besvaras.",
    "§ 16 Beslutet upphäver nämndens tidigare beslut om taxan.",
]
MD = Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-03-02")


@pytest.fixture
def store(db_path: Path):
    conn = open_db(db_path)
    with transaction(conn):
        replace_document(conn, report("alingsas_ks_2026-03-02_protokoll.pdf", TEXTS, MD))
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


def _alts(store, query: str) -> dict[str, tuple[str, ...]]:
    return {t.word: t.alts for t in keyword_plan(store, query)}


def test_a_real_word_the_corpus_lacks_is_not_repaired_to_another(store):
    alts = _alts(store, "bygglov för vindkraft på månen")
    assert alts["månen"] == ()  # before: ("måle",), the goals answered for the moon


def test_misspellings_and_words_typed_without_dots_are_still_repaired(store):
    alts = _alts(store, "tolkformedling vast lanevolym")
    assert alts["tolkformedling"] == ("tolkförmedling",)
    assert alts["lanevolym"] == ("lånevolym",)  # "lane" + "volym" reads as a word, yet is a typo
    assert _alts(store, "arbetsökande förskola")["arbetsökande"] == ("arbetssök",)  # a letter at the joint
    assert _alts(store, "upphävdes beslutet")["upphävdes"] == ("upphäv",)  # another form of the word
