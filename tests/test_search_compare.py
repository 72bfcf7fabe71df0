"""compare as a matrix on a real protocol excerpt (Göteborg KF 2023-01-26 §§ 17-18), with the
positions the real extract stage stores: the right parties in the right §, each stance once."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import DOCS, indexed

from namndkoll.search import compare
from namndkoll.search.compare import comparison_json


@pytest.fixture
def extracted(db_path: Path):
    with indexed(db_path, DOCS, extract=True) as built:
        yield built


def test_matrix_has_the_right_parties_in_the_right_item(extracted):
    conn, emb = extracted
    res = compare(conn, "klimatanpassningsplan", emb, by="party", mode="keyword")
    rows = {r.item: r for r in res.items if r.source == "kf-2023-01-26.pdf"}
    assert "17" in rows
    row = rows["17"]
    assert row.title.startswith("Delrapportering i uppdraget att ta fram en klimatanpassningsplan")
    assert row.decision and "klimatanpassningsplan" in row.decision
    # § 17: SD reserves itself; MP, D, L and M moved approval; V and S said nothing here
    assert "reservation" in {s.kind for s in row.stances["SD"]}
    assert {"MP", "D", "L", "M"} <= set(row.stances)
    assert "V" not in row.stances and "S" not in row.stances
    sd = [s for s in row.stances["SD"] if s.kind == "reservation"]
    assert len(sd) == 1 and "Ledamöterna från SD reserverar sig" in sd[0].text  # quoted once
    assert sd[0].page == 2 and "§ 17" in sd[0].citation and sd[0].citation.endswith("s. 2")
    assert row.votes and row.votes[0]["yes"] == 70 and row.votes[0]["no"] == 9


def test_each_item_is_one_row_and_the_json_is_a_matrix(extracted):
    conn, emb = extracted
    res = compare(conn, "reservation", emb, by="party", mode="keyword")
    keys = [(r.document_id, r.item) for r in res.items]
    assert len(keys) == len(set(keys))  # a § is one row however many of its passages matched
    v_rows = [r for r in res.items if "V" in r.stances]
    assert any(r.item == "18" for r in v_rows) and not any(r.item == "17" for r in v_rows)
    out = comparison_json(res)
    assert set(out) >= {"topic", "parties", "items", "groups"}
    for party, g in out["groups"].items():
        for i in g["items"]:
            assert party in out["items"][i]["stances"]
    by_year = compare(conn, "reservation", emb, by="year", mode="keyword")
    assert set(by_year.groups) <= {"2016", "2023"}
    assert sum(g.count for g in by_year.groups.values()) == len(by_year.items)
