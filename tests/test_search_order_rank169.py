"""The first places of the hybrid order (``order.settle``, twenty-third session, issue 11): the
later record of a matter a body handled at two meetings goes first where the reranker cannot tell
the two apart, and the restore of a passage holding the query's rare words does not put it back
above one holding every word that passes the checks it fails.

Texts: Göteborg kommunfullmäktige 2023-09-07 § 10 and 2023-11-23 § 59 (kf-2023-09-07.pdf p. 13,
kf-2023-11-23.pdf p. 29, shortened)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from test_search import indexed, protocol
from test_search_order import Cand, names

from namndkoll.corpus import as_store
from namndkoll.search.hybrid import evidence, rank
from namndkoll.search.order import settle
from namndkoll.types import Metadata

KF_10 = """§ 10 1440/22
Redovisning av uppdrag att utreda inrättandet av en
trygghets- och larmcentral med befogenhet att samordna
stadens larm, kameror, trygghetsvärdar och ordningsvakter
Beslut
Enligt återremissyrkande från M, D, L och KD i kommunstyrelsen:
Ärendet återremitteras till stadsledningskontoret som får i uppdrag att utreda
möjligheten att inrätta en central trygghetscentral likt den som finns i Stockholm.
"""
KF_59 = """§ 59 Ärendenummer SLK-2022-01440
Redovisning av uppdrag att utreda inrättandet av en
trygghets- och larmcentral med befogenhet att samordna
stadens larm, kameror, trygghetsvärdar och ordningsvakter
Beslut
Enligt kommunstyrelsens förslag:
Redovisningen av kommunfullmäktiges uppdrag givet i budget 2023 om att utreda
inrättandet av en trygghets- och larmcentral, antecknas och förklaras fullgjort.
"""
KF = ("Göteborg", "Kommunfullmäktige")


def _beslut(name: str, date: str, answer: float, **kw: object) -> Cand:
    # each meeting its own protocol (document id from the month)
    return Cand(name, **{"keywords": 0.88, "answer": answer, "item_of": (int(date[5:7]), "10"),
                         "record": (*KF, "beslut", date), **kw})  # type: ignore[arg-type]


def test_the_later_record_of_the_same_matter_goes_first():
    """"Blev det någon trygghets- och larmcentral i Göteborg?": the Beslut of September sending the
    matter back stood above that of November deciding it, the reranker's chances 0.57 and 0.42."""
    sept, nov = _beslut("sept", "2023-09-07", 0.57), _beslut("nov", "2023-11-23", 0.42)
    other = Cand("other", keywords=0.5, answer=0.3)
    assert names(settle([sept, other, nov], 0.99)) == ["nov", "sept", "other"]
    # the latest of several meetings
    dec = _beslut("dec", "2023-12-07", 0.30)
    assert names(settle([sept, nov, dec], 0.99))[0] == "dec"
    # an earlier record stays below
    assert names(settle([nov, sept], 0.99)) == ["nov", "sept"]


def test_the_later_record_only_of_the_same_body_section_and_words():
    sept = _beslut("sept", "2023-09-07", 0.57)
    # another section of the later meeting (its Yrkanden), another body's record
    yrkanden = Cand("yrk", keywords=0.88, answer=0.5, item_of=(2, "59"), record=(*KF, "yrkanden", "2023-11-23"))
    ks = Cand("ks", keywords=0.88, answer=0.5, item_of=(3, "5"), record=("Göteborg", "Kommunstyrelsen", "beslut",
                                                                         "2023-11-01"))
    assert names(settle([sept, yrkanden, ks], 0.99)) == ["sept", "yrk", "ks"]
    # fewer of the query's words, less than half the first's chance, a check failed, or not the
    # year the question names where the first names it: the reranker's order stands
    for later in (_beslut("nov", "2023-11-23", 0.42, keywords=0.7), _beslut("nov", "2023-11-23", 0.2),
                  _beslut("nov", "2023-11-23", 0.42, asked=False), _beslut("nov", "2023-11-23", 0.42, year_named=False)):
        assert names(settle([sept, later], 0.99)) == ["sept", "nov"]


def test_a_rare_words_passage_is_not_put_back_above_one_with_every_word_passing_its_checks():
    """"Vilka ville bifalla motionen om laddstationer för elcyklar?": the § 's Ärendet (every rare
    word, no name of who wanted it: p = 0.30) was put back above the proposals at the meeting naming
    them (every word: p = 0.028), a tenth as likely by a hair."""
    arendet = Cand("ärendet", keywords=0.88, answer=0.302, rare=True, kind_stated=False)
    forslag = Cand("förslag", keywords=1.0, answer=0.028)
    assert names(settle([arendet, forslag], 0.99)) == ["förslag", "ärendet"]
    # a passage with every word is still put back above one the reranker rates far less likely
    assert names(settle([replace(arendet, keywords=1.0), forslag], 0.99)) == ["ärendet", "förslag"]


def test_a_section_passage_carries_its_record(db_path: Path):
    """The evidence names the record a § passage stands in: body, section and the meeting's day."""
    docs = [protocol("kf-2023-09-07.pdf", [KF_10], Metadata("Kommunfullmäktige protokoll", *KF, "protokoll",
                                                            "2023-09-07")),
            protocol("kf-2023-11-23.pdf", [KF_59], Metadata("Kommunfullmäktige protokoll", *KF, "protokoll",
                                                            "2023-11-23"))]
    with indexed(db_path, docs) as (conn, fake):
        store = as_store(conn)
        query = "Blev det någon trygghets- och larmcentral i Göteborg?"
        ranked, terms = rank(store, query, fake, store.resolve_filters())
        out, rows, _question = evidence(store, query, ranked, terms)
        records = {r.record for r in out if rows[r.chunk_id]["section"] == "beslut"}
        assert records == {(*KF, "beslut", "2023-09-07"), (*KF, "beslut", "2023-11-23")}
