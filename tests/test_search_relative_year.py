"""A year named relative to today ("förra året", "i fjol", "i år", "nästa år") is read as that
year (issue 11; h-walk69: "Vad beslutade nämnden om biblioteksplanen förra året?" put the 2026
§ first and the 2025 decision a weak third), except where it is a report's own comparison
("jämfört med förra året") or the query names a year of its own."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from test_search import indexed, protocol

from namndkoll.corpus import as_store
from namndkoll.search import hybrid, search
from namndkoll.search.question import dated_query
from namndkoll.types import Metadata

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(("typed", "read"), [
    ("Vad beslutade nämnden om biblioteksplanen förra året?", "Vad beslutade nämnden om biblioteksplanen 2025?"),
    ("Hur högt var medarbetarengagemanget i fjol?", "Hur högt var medarbetarengagemanget 2025?"),
    ("Vad kostar hämtningen i år?", "Vad kostar hämtningen 2026?"),
    ("Vad händer nästa år med taxan?", "Vad händer 2027 med taxan?"),
    # a report's own comparison, and a query with its own year, keep their words
    ("Hur mycket ökade kostnaderna jämfört med förra året?", "Hur mycket ökade kostnaderna jämfört med förra året?"),
    ("Ökade sjukfrånvaron mer än förra året?", "Ökade sjukfrånvaron mer än förra året?"),
    ("budget 2024 jämfört med förra året", "budget 2024 jämfört med förra året"),
])
def test_a_year_named_relative_to_today(typed: str, read: str) -> None:
    assert dated_query(typed, TODAY) == read


BIB = """§ {n} 2025.0{n} BUN
Biblioteksplan
Beslut
Barn- och ungdomsnämndens beslut: Biblioteksplanen {what}.
"""


def test_search_reads_last_year_as_the_year_before_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    md = Metadata("Barn- och ungdomsnämnden protokoll", "Alingsås", "Barn- och ungdomsnämnden", "protokoll")
    docs = [protocol(f"bun-{y}.pdf", [BIB.format(n=n, what=what)], replace(md, date=f"{y}-05-12"))
            for y, n, what in ((2025, 46, "antas för åren 2025-2027"), (2026, 47, "följs upp och redovisas i december"))]
    monkeypatch.setattr(hybrid, "dated_query", lambda q: dated_query(q, TODAY))
    with indexed(tmp_path / "c.db", docs) as (conn, emb):
        hits = search(as_store(conn), "Vad beslutade nämnden om biblioteksplanen förra året?", emb)
    assert hits and hits[0].metadata.date == "2025-05-12", [(h.metadata.date, h.text) for h in hits]
