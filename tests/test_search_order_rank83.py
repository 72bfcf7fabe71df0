"""The first places of the hybrid order (``order.settle``) on fresh questions (issue 11, dev8–dev10):
a passage holding every word of the query that the reranker is far surer of is not put below
passages the checks of what is asked merely pass."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from test_search import indexed, protocol, report
from test_search_rank_kinds import MeaningOf

from namndkoll.search import hybrid
from namndkoll.search.hybrid import search
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
