"""Ranking answerable questions (issue 11, h-rank67): the kind of answer a question asks decides
between passages of one §.

Texts: Göteborg kommunfullmäktige's protocol of 2024-10-10, § 405
(../shared/data/protocols/goteborg-kf/kf-2024-10-10.txt), copied as the protocol gives it but for
the § title, joined on one line as the reader joins it (the test's ``protocol`` takes one line)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_search import indexed, protocol

from namndkoll.search import hybrid
from namndkoll.search.hybrid import search
from namndkoll.search.question import read_question
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

