"""`compare TOPIC --party X` keeps every § where X took a stance on the topic, also when X's own
words never repeat the topic (walk 17, Göteborg KF: `compare återremiss` listed SD in 10 §§ —
its yrkanden, its reservation "Ledamöterna från SD reserverar sig mot beslutet." and its members'
votes on "Ja för ärendets avgörande idag och Nej för ärendets återremiss" — while `compare
återremiss --party SD` answered "no good match": the filter kept only passages that name SD, and
none of those says "återremiss"). Drawn with reportlab, other names and another body; stored,
indexed with the fake embedder and searched by keyword."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import served
from test_search import indexed
from test_structure_templates import draw

from namndkoll.ingest import read_document
from namndkoll.search import compare

LINES = [
    "§ 41 Dnr BN 2025/118",
    "Detaljplan för kvarteret Lärkan",
    "Yrkanden",
    "Eva Lind (S) yrkar bifall till byggnadsnämndens förslag.",
    "Per Holm (M) yrkar bifall till förslaget.",
    "Propositionsordning",
    "Ordföranden ställer proposition på om ärendet ska avgöras idag eller återremitteras och finner",
    "att ärendet ska avgöras idag. Omröstning begärs.",
    "Omröstning",
    "Godkänd voteringsproposition: ”Ja för ärendets avgörande idag och Nej för ärendets",
    "återremiss”.",
    "Omröstningen utfaller med 40 Ja mot 11 Nej.",
    "Beslut",
    "Detaljplanen antas.",
    "Reservation",
    "Ledamöterna från SD reserverar sig mot beslutet.",
]


@pytest.fixture
def stored(db_path: Path, tmp_path: Path):
    page = [(450, 40, "Kommunfullmäktige"), (450, 55, "Protokoll"), (450, 70, "2025-05-22")]
    page += [(60, 110 + 15 * i, line) for i, line in enumerate(LINES)]
    doc = read_document(draw(tmp_path / "kf-2025-05-22.pdf", [page]))
    with indexed(db_path, [doc], extract=True) as built:
        yield built


def test_a_party_filter_keeps_the_parties_stance_in_a_matching_item(stored):
    conn, emb = stored
    every = compare(conn, "återremiss", emb, by="party", mode="keyword")
    (row,) = [r for r in every.items if r.item == "41"]
    assert [s.kind for s in row.stances["SD"]] == ["reservation"]
    only = compare(conn, "återremiss", emb, by="party", party="SD", mode="keyword")
    assert list(only.groups) == ["SD"]
    (row,) = only.items
    assert row.item == "41"
    assert [(s.kind, s.page) for s in row.stances["SD"]] == [("reservation", 1)]
    assert "Ledamöterna från SD reserverar sig" in row.stances["SD"][0].text
    # a party with no stance in the § is not given one by the filter
    assert compare(conn, "återremiss", emb, by="party", party="KD", mode="keyword").items == ()


def test_the_web_page_takes_the_party_filter_too(stored, db_path: Path, tmp_path: Path):
    """`/compare` had no party field and `/api/compare?party=SD` was ignored (walk 17): a
    secretary could not ask the page what her own party said on a topic."""


    _conn, emb = stored
    with served(db_path, tmp_path, embedder=emb) as client:
        page = client.get("/compare", params={"topic": "återremiss", "party": "SD"})
        assert page.status_code == 200
        assert 'name="party" value="SD"' in page.text
        assert "reservation" in page.text and "Kommunfullmäktige § 41" in page.text
        only = client.get("/api/compare", params={"topic": "återremiss", "party": "SD"}).json()
        assert [r["item"] for r in only["rows"]] == ["41"] and "SD" in only["parties"]
        none = client.get("/api/compare", params={"topic": "återremiss", "party": "KD"}).json()
        assert none["rows"] == []
