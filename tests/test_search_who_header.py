"""A right answer to a "Vem …" question shown only as a weak match (issue 11, dev6/dev7): the page
of who took part in a meeting names its body only in the running header the reader strips, runs
on into the table of contents, and a question's verb particle ("kom in som ersättare") weighed as
a word the answer must hold.

Texts (excerpts, ../shared): Alingsås tekniska nämnd 2026-06-15 (the page of who took part and
the table of contents after it), Alingsås barn- och ungdomsnämnd 2026-06-16 (the same page), and
Göteborg kommunfullmäktige 2024 § 388 (a new ersättare "i stället för")."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.asked import lists_no_holder
from namndkoll.search.grounds import body_terms, by_own_committee, record_terms
from namndkoll.search.hybrid import evidence, rank
from namndkoll.search.plan import keyword_plan
from namndkoll.search.question import read_question
from namndkoll.types import Metadata

TN_PRESENCE = """Jonas Karlsson (punkt K, L, trafikingenjör) §32
Utses att justera Lars-Ivan Gustafsson (S)
Justeringens plats och Protokollet justeras på distans.
tid
Sekreterare
Peter Porss
Ordförande
Ingela Andreén (L)
Justerande
Lars-Ivan Gustafsson (S)
Protokollet är justerat. Justeringen har tillkännagivits på Alingsås kommuns digitala anslagstavla.§ 32 Information och föredragningar
§ 33 Strategiska vägval storregional kollektivtrafik
§ 34 Genomlysning 2026-2027
§ 35 Renhållningstaxa
§ 36 VA-taxa 2027"""
TOC = """§ 32 Information och föredragningar
§ 33 Strategiska vägval storregional kollektivtrafik
§ 34 Genomlysning 2026-2027
§ 35 Renhållningstaxa"""
BUN_PRESENCE = """Plats och tid Campus Alingsås/Utbildningens Hus, Paragrafer §§41-49
Beslutande Thomas Thim (M) (ordförande)
Camilla Stensson (S) (vice ordförande)
Annika Olofsson (S)
Utses att justera Camilla Stensson (S)
Sekreterare Karin Berg
Ordförande Thomas Thim (M)
Justerande Camilla Stensson (S)"""
KF_388 = """§ 388 Anmälan av länsstyrelsens beslut att utse Özlem Sigirci (V) till ny ersättare i
kommunfullmäktige i stället för Jenny Perez Grannas (V). Länsstyrelsen har beslutat in i
protokollet att utse Özlem Sigirci (V)."""
KS_BUN = ("§ 40 Kommunstyrelsen noterar att barn- och ungdomsnämnden redovisar ett underskott, och att tekniska "
          "nämndens sammanträde flyttas.")
TN_ATTENDING = """Plats och tid Skräddaren Paragrafer §§32-41
Beslutande Ingela Andreen (L) (ordförande)
Lars-Ivan Gustafsson (S) (vice ordförande)
Morgan Fredvi (S) §§32-33
Roger Andersson (S) §§34-41 ersätter Morgan Fredvi (S)
Roland Alm (KD) ersätter Andreas Idén (C)"""


@pytest.fixture
def store(db_path: Path):  # type: ignore[no-untyped-def]
    conn = open_db(db_path)
    bun = Metadata("Protokoll", "Alingsås", "Barn- och ungdomsnämnden", "protokoll", "2026-06-16")
    ks = Metadata("Protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01")
    tn = Metadata("Protokoll", "Alingsås", "Tekniska nämnden", "protokoll", "2026-06-15")
    kf = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-10-10")
    for d in (report("alingsas_bun_2026-06-16.pdf", [BUN_PRESENCE], bun),
              report("alingsas_ks_2026-06-01.pdf", [BUN_PRESENCE.replace("Karin Berg", "Anci Eyoum")], ks),
              report("alingsas_ks_2026-06-01_p40.pdf", [KS_BUN], ks), report("goteborg_kf_2024-10-10.pdf", [KF_388], kf),
              report("alingsas_tn_2026-06-15.pdf", [TN_ATTENDING], tn),
              report("alingsas_tn_2026-06-15_bilaga.pdf", [TN_ATTENDING], replace(tn, doc_type="bilaga"))):
        with transaction(conn):
            replace_document(conn, d)
    index_corpus(conn, FakeEmbedder())
    yield as_store(conn)
    conn.close()


def _keywords(store, query: str, source: str) -> float:  # type: ignore[no-untyped-def]
    ranked, terms = rank(store, query, None, store.resolve_filters(), mode="keyword", candidates=20)
    ranked, rows, _q = evidence(store, query, ranked, terms)
    return next(r.keywords for r in ranked if rows[r.chunk_id]["source"] == source)


def test_a_verbs_particle_is_no_word_the_answer_must_hold(store):
    # "Vem kom in som ersättare i fullmäktige efter Jenny Perez Grannas?": the answer says "till
    # ny ersättare … i stället för"; "in" weighed as a term left it at 0.989 of the keyword
    # weight, under the bar of every term (0.99), and weak (dev6)
    words = [t.word for t in keyword_plan(store, "Vem kom in som ersättare i fullmäktige efter Jenny Perez Grannas?")]
    assert "in" not in words and "ersättare" in words


def test_the_page_of_who_took_part_runs_on_into_the_table_of_contents():
    # "vem justerade tekniska nämndens protokoll i juni 2026": the page names the justerare beside
    # "Justerande", and the § titles after it on the same chunk made it a list (never trusted)
    q = read_question("vem justerade tekniska nämndens protokoll i juni 2026")
    assert not lists_no_holder(q, TN_PRESENCE, "", None)
    assert lists_no_holder(q, TOC, "", None)  # a table of contents alone stays one
    assert lists_no_holder(q, TN_PRESENCE, "", "beslutsunderlag")  # and so does a list of documents


def test_the_body_asked_is_held_by_its_own_records_header():
    q = read_question("Vem är sekreterare i barn- och ungdomsnämnden i Alingsås?")
    words = ["sekreterare", "barn", "ungdomsnämnden", "alingsås"]
    assert body_terms(q, words) == {1, 2}
    assert by_own_committee(q, "Barn- och ungdomsnämnden") and not by_own_committee(q, "Kommunstyrelsen")
    tn = read_question("vem justerade tekniska nämndens protokoll i juni 2026")
    assert body_terms(tn, ["justerade", "tekniska", "nämndens", "protokoll"]) == {1, 2}
    # not for a figure: an arvode is stated of the body beside its name, not on the page of who took part
    arvode = read_question("arvode ordförande barn- och ungdomsnämnden alingsås")
    assert body_terms(arvode, ["arvode", "ordförande", "barn", "ungdomsnämnden", "alingsås"]) == set()


def test_the_secretary_of_the_body_asked_holds_every_word_on_its_own_page(store):
    query = "Vem är sekreterare i barn- och ungdomsnämnden i Alingsås?"
    # the nämnd's own page (before: "barn", "ungdomsnämnden" not held, the header stripped)
    assert _keywords(store, query, "alingsas_bun_2026-06-16.pdf") == pytest.approx(1.0)
    # the same page in kommunstyrelsen's protocol names no barn- och ungdomsnämnd
    assert _keywords(store, query, "alingsas_ks_2026-06-01.pdf") < 0.6


def test_the_meeting_asked_is_held_by_its_protocols_pages(store):
    # "Vem ersatte Andreas Idén på tekniska nämndens sammanträde?" (dev7): the page of who took
    # part names neither the nämnd nor the sammanträde in its own words, both in the header
    query = "Vem ersatte Andreas Idén på tekniska nämndens sammanträde?"
    q = read_question(query)
    assert record_terms(q, ["ersatte", "andreas", "idén", "tekniska", "nämndens", "sammanträde"]) == {5}
    assert record_terms(read_question("antal sammanträden tekniska nämnden 2026"), ["sammanträden"]) == set()
    assert _keywords(store, query, "alingsas_tn_2026-06-15.pdf") == pytest.approx(1.0)  # before: 0.77
    # the same lines in an appendix are no protocol's page: its header names no sammanträde
    assert _keywords(store, query, "alingsas_tn_2026-06-15_bilaga.pdf") < 0.99
