"""A count given as a multiple answers "Hur många fler …" (issue 11, twenty-fourth session): "kan
tredubbla antalet persontåg" states what "Hur många fler persontåg skulle dubbelspår … ge?" asks, a
count of persontåg (not of "fler"), though it holds no number.

Texts: Västra Götalandsregionen's Utvärdering av Målbild tåg 2035 (../shared/data/pdf-other,
excerpts), and a line counting plankorsningar on another line."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed, report

from namndkoll.search import search
from namndkoll.search.focus import focus_of
from namndkoll.types import Metadata

VISKADAL = """Den ökade hastigheten på banan (200 km/h) är dock inte i linje med målet enligt målbilden.
Viskadalsbanan har å andra sidan lägre hastighet idag än 2013, på grund av höjda säkerhetskrav
(obevakade plankorsningar). I dagsläget finns inga beslut som tyder på att målen kommer att nås."""
KINNEKULLE = """Kinnekullebanan har 14 obevakade plankorsningar mellan Gårdsjö och Håkantorp, och banan
planeras för en hastighetshöjning med stöd från regional plan."""
OSLO = """Möjlighetsstudie Göteborg–Oslo
Studien visar att en utbyggnad till dubbelspår mellan Göteborg och Oslo kan tredubbla antalet
persontåg på sträckan."""


@pytest.fixture
def corpus(tmp_path: Path):
    md = Metadata("Utvärdering av Målbild tåg 2035", "Västra Götalandsregionen", "Kollektivtrafiknämnden",
                  "rapport", "2025-06-10")
    # (one document each: the pages of one would be one passage)
    docs = [report(f"malbild-{i}.pdf", [text], md) for i, text in enumerate((VISKADAL, KINNEKULLE, OSLO))]
    with indexed(tmp_path / "c.db", docs) as built:
        yield built


def test_a_multiple_counts_what_is_asked(corpus) -> None:
    q = "Hur många fler persontåg skulle dubbelspår mellan Göteborg och Oslo ge?"
    assert focus_of(q) == ("persontåg",)  # not "fler"
    conn, emb = corpus
    hits = search(conn, q, emb)
    assert hits and "tredubbla antalet" in " ".join(hits[0].text.split())
