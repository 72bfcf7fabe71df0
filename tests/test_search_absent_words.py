"""Query words the corpus holds under another form (search/terms.py, search/plan.py).

- A compound the corpus lacks whole is looked for in its parts, each standing alone in one of its
  forms; a noun in -e stands alone in its definite singular in -t ("minne" -> "minnet", "område"
  -> "området"), which the parts' endings missed: such a compound weighed in the evidence like the
  rarest word of the corpus, although the corpus holds both its parts, and a passage holding every
  other word of the question fell under the keyword bar.
- A short noun's definite form ("valet", "talet", "året") is kept whole by the stemmer (its root
  is shorter than a stem may be), so "valet" never found "val av styrelse": the root is taken as a
  word of its own, whole ("val" finds neither "valde" nor "valberedningen")."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.hybrid import search
from namndkoll.search.plan import keyword_plan, short_root
from namndkoll.search.terms import Matcher, highlight_spans, split_compound
from namndkoll.types import Metadata

TEXTS = [
    "§ 1 Val av styrelse. Ledamoten yrkar att val av styrelse i bolaget bordläggs till nästa sammanträde.",
    "§ 2 Valberedningen. Valberedningen valde att lämna förslag på ordförande till nästa sammanträde.",
    "§ 3 Området. Området norr om stationen planeras för bostäder och området ska ha en chef.",
    "§ 4 Chefen. Chefen för förvaltningen redovisar budgeten.",
]
MD = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2026-03-02")


@pytest.fixture
def store(db_path: Path):
    conn = open_db(db_path)
    with transaction(conn):
        replace_document(conn, report("alingsas_kf_2026-03-02_protokoll.pdf", TEXTS, MD))
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


def test_a_compound_part_standing_alone_in_its_definite_form_splits_the_compound():
    counts = {"området": 5, "chefen": 7}
    got = split_compound("områdeschefen", lambda ws: {w: counts[w] for w in ws if w in counts})
    assert got == ("områd", "chef")  # before: (), as "området" was no form of "område"


def test_a_compound_the_corpus_holds_in_parts_weighs_like_its_parts(store):
    term = next(t for t in keyword_plan(store, "områdeschefen") if t.word == "områdeschefen")
    assert term.parts and term.df > 0  # before: no parts, df 0: weighed like the rarest word


def test_a_short_nouns_definite_form_is_found_by_its_root(store):
    assert short_root("valet") == "val" and short_root("året") == "år" and short_root("talet") == "tal"
    assert short_root("valberedningen") is None and short_root("egen") is None
    terms = keyword_plan(store, "valet av styrelse bordläggs")
    valet = next(t for t in terms if t.word == "valet")
    assert valet.alts == ("val",)
    held = Matcher([valet]).held
    assert held(TEXTS[0]) == [True]
    assert held(TEXTS[1]) == [False]  # "valberedningen", "valde": not the word "val"
    spans = highlight_spans(TEXTS[1], [valet])
    assert spans == ()


def test_the_passage_naming_the_root_is_found_and_no_other(store):
    hits = search(store, "valet", FakeEmbedder(), mode="keyword", limit=3, abstention=False)
    assert [h.text[:3] for h in hits] == ["§ 1"]  # before: none ("valet" is in no passage)
