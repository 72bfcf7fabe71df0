"""The first places of the hybrid order (``order.settle``) on fresh questions (issue 11, dev8–dev10):
a passage holding every word of the query that the reranker is far surer of is not put below
passages the checks of what is asked merely pass, and a party's view is answered by its own
reservation or yrkande, not by the § 's decision or vote records."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from test_search import indexed, protocol, report
from test_search_rank_kinds import MeaningOf

from namndkoll.search import hybrid
from namndkoll.search.hybrid import search
from namndkoll.search.question import read_question
from namndkoll.search.rerank import FEATURES, Reranker
from namndkoll.types import Metadata

# Göteborg KF 2024-11-07 § 451 (the budget for 2025; kf-2024-11-07.pdf p. 6, shortened) and a
# table row of Intraservice's interim report (intraservice-delarsrapport-2026-mars.pdf p. 14)
KF_451 = """§ 451 Ärendenummer SLK-2024-00922
Förslag till budget 2025 och flerårsplaner 2026–2027
Beslut
Enligt kommunstyrelsens förslag:
Särskilt beslut avseende stadsrevisionen
Stadsrevisionen tilldelas ett kommunbidrag för år 2025 på 43 753 tkr och i flerårsplaner
med 45 219 för år 2026 och med 46 756 för år 2027.
"""
ROW = """Kommunbidrag · Budget 2027 · 10,6 mnkr
Kommunbidrag · Utfall 2027 · 9,8 mnkr"""
# a third record naming the auditors: "stadsrevisionen" is then no word of one passage only
MISSIV = "Stadsrevisionen har granskat nämndernas arbete med trygghet och studiero."


def _similarity_decides(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A reranker that reads only how close a passage is: the meaning side decides its chances."""
    coef = np.array([12.0 if f == "similarity" else 0.0 for f in FEATURES])
    fit = Reranker("fake-hash", np.zeros(len(FEATURES)), np.ones(len(FEATURES)), coef, -6.0)
    monkeypatch.setattr(hybrid, "reranker_for", lambda model_id: fit)


def test_a_passage_holding_every_word_the_reranker_is_far_surer_of_stays_first(db_path: Path, monkeypatch):
    """"Hur stort kommunbidrag fick stadsrevisionen år 2027?": the budget's own sentence (every
    word of the query; a budget of 2024 is read as a plan for 2027, not what came of it) stood
    below an undated table row of another body's report that the reranker rated hundreds of
    times less likely (dev8)."""
    query = "Hur stort kommunbidrag fick stadsrevisionen år 2027?"
    docs = [protocol("kf-2024-11-07.pdf", [KF_451], Metadata("Kommunfullmäktige protokoll", "Göteborg",
                                                              "Kommunfullmäktige", "protokoll", "2024-11-07")),
            report("intraservice-delarsrapport-2026-mars.pdf", [ROW],
                   Metadata("Delårsrapport mars 2026", "Göteborg", None, "rapport", None)),
            report("stadsrevisionen-missiv.pdf", [MISSIV],
                   Metadata("Missiv", "Göteborg", "Stadsrevisionen", "rapport", "2024-05-02"))]
    with indexed(db_path, docs) as (conn, _fake):
        _similarity_decides(monkeypatch)
        hits = search(conn, query, MeaningOf(KF_451), abstention=False)
        assert "46 756 för år 2027" in hits[0].text, [h.text[:40] for h in hits]


# Göteborg KF 2024-09-12 § 350 (kf-2024-09-12.pdf pp. 20–22, shortened)
KF_350 = """§ 350 Ärendenummer SLK-2024-00486
Göteborgs Stads delårsrapport mars 2024
Beslut
Enligt yrkande från M, D, L och KD och tilläggsyrkande från C:
1. Delårsrapport mars 2024 godkänns.
2. Inköp- och upphandlingsnämnden får i uppdrag att inte verkställa beslutet i ärende
“Initiativyrkande från V, S och MP om att bojkotta varor från stater som bedriver
illegal ockupation av andra stater“.
Omröstning
Godkänd voteringsproposition: ”Ja för avslag och Nej för bifall till tilläggsyrkandet från
KD, M, D och L”.
Omröstningen utfaller med 41 Ja mot 40 Nej.
Reservation
Ledamöterna från SD reserverar sig mot beslutet till förmån för tilläggsyrkandet
beträffande kommunal mark.
Ledamöterna från V reserverar sig mot beslutet till förmån för eget yrkandet.
"""


def test_a_partys_view_is_its_reservation_not_the_decision(db_path: Path, monkeypatch):
    """"Vad tyckte V om beslutet …" asks V's view: the § 's Beslut names V's initiativyrkande and
    the reranker put it first; V's reservation states what V thought (dev8)."""
    query = "Vad tyckte V om beslutet om Göteborgs delårsrapport mars 2024?"
    assert read_question(query).opinion == "V" and read_question(query).position
    assert read_question("Vad anser Moderaterna om skolan?").opinion == "M"
    assert read_question("Vad anser revisorerna om bisysslor?").opinion is None
    assert read_question("Vad tyckte KS om förslaget?").opinion is None
    md = Metadata("Kommunfullmäktige protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-09-12")
    with indexed(db_path, [protocol("kf-2024-09-12.pdf", [KF_350], md)]) as (conn, _fake):
        _similarity_decides(monkeypatch)
        beslut = KF_350[:KF_350.index("Omröstning\n")]
        hits = search(conn, query, MeaningOf(beslut), abstention=False)
        assert hits[0].section == "reservation", [h.section for h in hits]
        assert "från V reserverar" in hits[0].text

