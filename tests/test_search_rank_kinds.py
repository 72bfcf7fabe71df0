"""Ranking answerable questions (issue 11, h-rank67): the kind of answer a question asks decides
between passages of one §, and each side's first candidates reach the reranker.

Texts: Göteborg kommunfullmäktige's protocol of 2024-10-10, § 405
(../shared/data/protocols/goteborg-kf/kf-2024-10-10.txt), copied as the protocol gives it but for
the § title, joined on one line as the reader joins it (the test's ``protocol`` takes one line)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_search import FakeEmbedder, indexed, protocol, report

from namndkoll.search import hybrid
from namndkoll.search.hybrid import search
from namndkoll.search.question import on_day, read_question
from namndkoll.search.rerank import FEATURES, Reranker, states_kind
from namndkoll.types import Metadata

KF_405 = """§ 405 Ärendenummer SLK-2024-00793
Överenskommelse - Förverkligande av den gemensamma sträckningen Göteborg–Borås
Beslut
Enligt kommunstyrelsens förslag:
1. Överenskommelsen ”Förverkligande av den gemensamma sträckningen
Göteborg-Borås” och dess finansiella åtaganden för Göteborgs Stad, i enlighet med
bilaga 2, godkänns.
2. Kommunstyrelsen ges mandat att fatta beslut om kommande avtal i enlighet med
överenskommelse i bilaga 2.
Yrkanden
Jonas Attenius (S), Axel Josefson (M), Karin Pleijel (MP), Eva Flyborg (L),
Hans Arby (C) och Karin Karlsson (V) yrkar bifall till kommunstyrelsens förslag.
Jörgen Fogelklou (SD) yrkar bifall till förslaget från SD i kommunstyrelsen.
"""
BESLUT, YRKANDEN = KF_405.split("Yrkanden\n")


def test_which_parties_is_answered_by_a_passage_naming_parties():
    q = read_question("vilka partier stod bakom överenskommelsen göteborg borås")
    assert "party" in q.kinds
    assert not states_kind(q, BESLUT)  # "Enligt kommunstyrelsens förslag": no party
    assert states_kind(q, "Yrkanden\n" + YRKANDEN)
    assert states_kind(q, "Ledamöterna från SD reserverar sig mot beslutet.")
    # a question asking no party is not held to one
    assert states_kind(read_question("vad beslutade fullmäktige om överenskommelsen göteborg borås"), BESLUT)


@pytest.fixture
def kf(db_path: Path):
    md = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-10-10")
    with indexed(db_path, [protocol("kf-2024-10-10.pdf", [KF_405], md)]) as built:
        yield built


def rerank_beslut_first(monkeypatch) -> None:
    """A reranker that likes a § 's Beslut best, as the shipped one does here (0.16 against 0.01)."""
    coef = np.array([3.0 if f == "keywords_title" else 0.0 for f in FEATURES])
    fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -2.0)
    monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)


def test_which_parties_first_the_yrkanden(kf, monkeypatch):
    conn, emb = kf
    rerank_beslut_first(monkeypatch)
    hits = search(conn, "vilka partier stod bakom överenskommelsen göteborg borås", emb, abstention=False)
    assert hits[0].section == "yrkanden", [h.section for h in hits]


# Alingsås kommunfullmäktige 2018-03-28, page 1 (who took part) and § titles of the same protocol
# (../shared/data/pdf: alingsas_kf_2018-03-28_protokoll.pdf)
KF_FRONT = """Plats och tid Grand Hotel, Alingsås Paragrafer §§27-68
kl. 18:00-22:40
Beslutande Kristina Grapenholm (L) (ordförande)
Lennart Allbro (S) (vice ordförande)"""
KF_TITLES = ["Avsägelse av kommunalt uppdrag som ledamot i kommunfullmäktige",
             "Kommunalt kompletteringsval - Ledamot i samhällsbyggnadsnämnden",
             "Revisionsberättelse för år 2017 Alingsås kommun",
             "Årsredovisning för 2017 Alingsås kommun",
             "Tillsynsavgifter för vissa receptfria läkemedel, folköl, tobak och e-cigaretter",
             "Revidering av reglemente och organisation för ungdomsfullmäktige"]


class MeaningOf(FakeEmbedder):
    """The fake embedder, but a query means ``target``: a meaning side that puts that passage
    first whatever words it shares with the query."""

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target

    def embed(self, texts, *, kind: str = "passage"):  # type: ignore[no-untyped-def,override]
        return super().embed([self.target] * len(texts) if kind == "query" else texts, kind=kind)


def test_the_meaning_sides_first_passage_is_judged(db_path: Path, monkeypatch):
    """"Vem var ordförande i kommunfullmäktige i Alingsås 2018?": the page of who took part was
    fourth on the meaning side, but the keywords ("alingsås", "2018", "kommunfullmäktige") found
    a hundred passages of the protocol that the fusion put above it, so the reranker never saw it."""
    md = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")
    # (a corpus under fifty passages: every query word is searched, none left out as common)
    pages = [KF_FRONT] + [f"§ {27 + i} 2018.{100 + i} KS\n{KF_TITLES[i % len(KF_TITLES)]}\nOrdföranden finner att "
                          f"kommunfullmäktige i Alingsås beslutar den 28 mars 2018 enligt förslaget." for i in range(40)]
    emb = MeaningOf(KF_FRONT)
    with indexed(db_path, [protocol("alingsas_kf_2018-03-28_protokoll.pdf", pages, md)]) as (conn, _fake):
        monkeypatch.setattr(hybrid, "RERANK_DEPTH", 5)  # the first five of forty, as fifty of a big corpus
        weighed: list[set[int]] = []
        real = hybrid.evidence

        def spy(store_, query, ranked, *args, **kwargs):  # type: ignore[no-untyped-def]
            weighed.append({r.chunk_id for r in ranked})
            return real(store_, query, ranked, *args, **kwargs)

        monkeypatch.setattr(hybrid, "evidence", spy)
        query = "Vem var ordförande i kommunfullmäktige i Alingsås 2018?"
        store = hybrid.as_store(conn)
        ranked, _terms = hybrid.rank(store, query, emb, store.resolve_filters(), candidates=100)
        front = next(r for r in ranked if r.dense_rank == 0)
        assert ranked.index(front) >= 5, ranked.index(front)  # the fusion puts it below the depth judged
        search(conn, query, emb, limit=1)
        assert front.chunk_id in weighed[0]


# Göteborg kommunfullmäktige 2024-02-01, § 31 (../shared/data/protocols/goteborg-kf/kf-2024-02-01.txt;
# the § title joined on one line, as the reader joins it)
KF_31 = """§ 31 Ärendenummer SLK-2023-00416
Motion av Simona Mohamsson (L) och Axel Darvik (L) om att införa utbildningsgaranti för placerade barn
Beslut
Enligt kommunstyrelsens förslag:
Den av Simona Mohamsson och Axel Darvik väckta motionen avslås.
Yrkanden
Jonas Nilsson (V) och Hillevi Werring (MP) yrkar bifall till kommunstyrelsens förslag.
Simona Mohamsson (L), Jessica Blixt (D), Jörgen Fogelklou (SD) och
Rickard Eriksson (M) yrkar bifall till förslaget från M, D, L och KD i kommunstyrelsen.
Omröstning
Godkänd voteringsproposition: "Ja för bifall till kommunstyrelsens förslag. Nej för bifall
till yrkandet från Simona Mohamsson m.fl."
Omröstningen utfaller med 43 Ja mot 38 Nej. Hur var och en röstar framgår av bilaga 9.
"""


def test_what_came_of_a_matter_is_asked_of_its_decision(db_path: Path, monkeypatch):
    """"Hur gick det med …" asks what was decided, as "Vad beslutade …" does: the § 's Beslut
    ("motionen avslås") first, not its Omröstning, which the reranker put first (dev5)."""
    query = "Hur gick det med Liberalernas motion om utbildningsgaranti för placerade barn?"
    assert read_question(query).decision
    assert read_question("Vad hände med SD:s motion om högre ersättning till vigselförrättare?").decision
    assert not read_question("Hur gick omröstningen om motionen om utbildningsgaranti?").decision
    md = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-02-01")
    omrostning = KF_31[KF_31.index("Omröstning\n"):]
    with indexed(db_path, [protocol("kf-2024-02-01.pdf", [KF_31], md)]) as (conn, _fake):
        coef = np.array([4.0 if f == "similarity" else 0.0 for f in FEATURES])
        fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -2.0)
        monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)  # the meaning side decides
        hits = search(conn, query, MeaningOf(omrostning), abstention=False)
        assert hits[0].section == "beslut", [h.section for h in hits]
        assert "omrostning" in [h.section for h in hits]


# the pages of who took part in Alingsås kommunstyrelse's meeting of 2026-06-01 and barn- och
# ungdomsnämnden's of 2026-06-16 (../shared/data/pdf: alingsas_ks_2026-06-01_protokoll.pdf,
# alingsas_bun_2026-06-16_protokoll.pdf, page 1; as the reader stores them)
KS_SIGN = """Utses att justera Anton César
Justeringens plats och Protokollet justeras på distans.
tidSekreterare
Ulrika Månsson
Ordförande
Jan-Erik Wallin (M)
Justerande
Anton César
Protokollet är justerat. Justeringen har tillkännagivits på Alingsås kommuns digitala anslagstavla."""
BUN_SIGN = """Utses att justera Camilla Stensson (S)
Justeringens plats och Protokollet justeras på distans.
tid
Sekreterare
Karin Berg
Ordförande
Thomas Thim (M)
Justerande
Camilla Stensson (S)
Protokollet är justerat. Justeringen har tillkännagivits på Alingsås kommuns digitala anslagstavla."""


def test_the_day_a_question_names_is_its_meetings(db_path: Path, monkeypatch):
    query = "Vem var sekreterare på kommunstyrelsens sammanträde i Alingsås 1 juni 2026?"
    assert read_question(query).day == "06-01"
    assert read_question("vem justerar kf protokollet 2024-10-10").day == "10-10"
    assert read_question("Vem var ordförande i kommunfullmäktige i Alingsås 2018?").day is None
    assert on_day("06-01", "beslutade den 1 juni 2026 att", "2026-06-16")
    assert not on_day("06-01", BUN_SIGN, "2026-06-16") and on_day("06-01", KS_SIGN, "2026-06-01")
    docs = [report("alingsas_ks_2026-06-01_protokoll.pdf", [KS_SIGN],
                   Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01")),
            report("alingsas_bun_2026-06-16_protokoll.pdf", [BUN_SIGN],
                   Metadata("Barn- och ungdomsnämnden protokoll", "Alingsås", "Barn- och ungdomsnämnden",
                            "protokoll", "2026-06-16"))]
    with indexed(db_path, docs) as (conn, _fake):
        coef = np.array([4.0 if f == "similarity" else 0.0 for f in FEATURES])
        fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -2.0)
        monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)  # the meaning side decides
        hits = search(conn, query, MeaningOf(BUN_SIGN), abstention=False)  # ... and likes the other day
        assert "Ulrika Månsson" in hits[0].text, [h.source for h in hits]


# Alingsås kommunfullmäktige 2018-03-28, § 34 and § 44 (../shared/data/pdf:
# alingsas_kf_2018-03-28_protokoll.pdf; § titles joined on one line)
KF_34_44 = """§ 34 2018.142 KS
Avsägelse av kommunalt uppdrag som ledamot vid samhällsbyggnadsnämnden - Dennis Jalonen (V)
Ärendebeskrivning
Dennis Jalonen (V) har i skrivelse den 8 mars 2018 avsagt sig uppdraget som
ledamot i samhällsbyggnadsnämnden.
§ 44 2018.218 KS
Kommunalt kompletteringsval - Ledamot i samhällsbyggnadsnämnden efter Dennis Jalonen (V), Martin Persson (S)
Beslut
Kommunfullmäktiges beslut:
Martin Pehrsson (S) utses till ledamot i samhällsbyggnadsnämnden för tiden fram till
och med den 31 december 2018.
"""


def test_whose_place_was_taken_is_the_one_replaced(db_path: Path, monkeypatch):
    """"Vem tog över Dennis Jalonens plats …" asks his successor, as "Vem ersatte Dennis Jalonen"
    does: the election "efter Dennis Jalonen (V)" first, not the § of his resignation (dev6)."""
    query = "Vem tog över Dennis Jalonens plats i samhällsbyggnadsnämnden?"
    assert read_question(query).replaced == "Dennis Jalonen"
    assert read_question("Vem blev Anna Bergs efterträdare i nämnden?").replaced == "Anna Berg"
    assert read_question("Vem är Göteborgs Stads ordförande?").replaced is None
    md = Metadata("Kommunfullmäktige protokoll", "Alingsås", "Kommunfullmäktige", "protokoll", "2018-03-28")
    resigns = KF_34_44[:KF_34_44.index("§ 44")]
    with indexed(db_path, [protocol("alingsas_kf_2018-03-28_protokoll.pdf", [KF_34_44], md)]) as (conn, _fake):
        coef = np.array([4.0 if f == "similarity" else 0.0 for f in FEATURES])
        fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -2.0)
        monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)  # the meaning side decides
        hits = search(conn, query, MeaningOf(resigns), abstention=False)  # ... and likes the resignation
        assert "Martin Pehrsson (S) utses" in hits[0].text, [h.text[:30] for h in hits]
