"""compare with an independent member (politisk vilde) among the proposers: Lomma KF 2025-10-16
§ 76 writes "Fredrik Karström (M), Gun Larsson (-), Martha Henriksson Witt (C), Martin Uncyk (KD)
yrkar att …". "-" is no party: Gun Larsson's yrkande stands in a column of her own, "Gun Larsson
(politisk vilde)", in the matrix, its JSON and the groups by party, never under a "-" column
that would add up unrelated independents as one party. Drawn with reportlab, stored, indexed
with the fake embedder and searched by keyword."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed
from test_structure_templates import draw

from namndkoll.ingest import read_document
from namndkoll.search import compare
from namndkoll.search.compare import comparison_json, independents_named


def _pdf(path: Path) -> Path:
    page = [(40, 40, "KOMMUNFULLMÄKTIGE"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "2025-10-16"),
            (40, 70, "Beslutande"), (40, 82, "Fredrik Karström (M)"), (40, 94, "Gun Larsson (-)"),
            (40, 106, "Martha Henriksson Witt (C)"), (40, 118, "Oscar Sedira (SD)"),
            (40, 150, "KF § 76"), (330, 150, "KS KF/2025:31"),
            (40, 165, "Skolans organisation i norra Lomma och Bjärred"),
            (40, 185, "Överläggning"),
            (40, 200, "Fredrik Karström (M), Gun Larsson (-), Martha Henriksson Witt (C), Martin Uncyk (KD)"),
            (40, 212, "yrkar att kommunfullmäktige ska besluta i enlighet med kommunstyrelsens förslag om"),
            (40, 224, "skolans organisation."),
            (40, 244, "Oscar Sedira (SD) yrkar att ärendet om skolans organisation ska bordläggas."),
            (40, 264, "Beslutsgång"),
            (40, 279, "Ordföranden finner att kommunfullmäktige beslutar enligt kommunstyrelsens förslag.")]
    return draw(path, [page])


@pytest.fixture
def stored(db_path: Path, tmp_path: Path):
    with indexed(db_path, [read_document(_pdf(tmp_path / "lomma-kf-2025-10-16.pdf"))], extract=True) as built:
        yield built


def test_an_independent_members_yrkande_has_a_column_of_their_own(stored):
    conn, emb = stored
    res = compare(conn, "skolans organisation", emb, by="party", mode="keyword")
    (row,) = [r for r in res.items if r.item == "76"]
    assert "-" not in row.stances and "-" not in res.parties
    gun = row.stances["Gun Larsson (politisk vilde)"]
    assert [(s.kind, s.member) for s in gun] == [("yrkande", "Gun Larsson")]
    assert "Gun Larsson (-)" in gun[0].text and gun[0].page == 1
    assert {"M", "C", "KD", "SD"} <= set(row.stances)
    assert "Gun Larsson (politisk vilde)" in res.groups and "-" not in res.groups
    out = comparison_json(res)
    assert "Gun Larsson (politisk vilde)" in out["parties"] and "-" not in out["parties"]
    (item,) = [i for i in out["items"] if i["item"] == "76"]
    assert item["stances"]["Gun Larsson (politisk vilde)"][0]["member"] == "Gun Larsson"
    # --party - finds the independents' columns
    only = compare(conn, "skolans organisation", emb, by="party", party="-", mode="keyword")
    assert list(only.groups) == ["Gun Larsson (politisk vilde)"]


def test_independents_named_leave_out_roles():
    assert independents_named("Ordförande Gun Larsson (-) och Bo Ek (–) yrkar bifall.") == ("Gun Larsson", "Bo Ek")
    assert independents_named("Anna Berg (S) yrkar bifall.") == ()
