"""A sentence's first word before a party's name is no local party (walk75: Alingsås BUN
2026-06-16 § 43, a protokollsanteckning by C, "För Centerpartiet är det dock …", put a party
"För Centerpartiet" into the search page's party facet and the position's parties)."""

from __future__ import annotations

from namndkoll.extract import find_parties
from namndkoll.extract.parties import local_parties
from namndkoll.types import Document, Metadata, Page, with_offsets


def codes(text: str) -> list[str]:
    d = Document("t.pdf", "0" * 64, with_offsets([Page(1, text)]), Metadata(municipality="Alingsås"))
    return [p.code for p in find_parties(d)]


def test_a_national_party_after_a_sentence_s_first_word_is_that_party():
    text = ("Heidi Hankanen Ängberg (C) lämnar följande protokollsanteckning: Detta uppdrag behöver "
            "enligt Centerpartiet kompletteras. För Centerpartiet är det dock tydligt att det finns behov.")
    assert local_parties(text) == {}
    assert set(codes(text)) == {"C"}


def test_a_local_party_after_a_sentence_s_first_word_keeps_its_own_name():
    assert local_parties("Enligt Skövdepartiet ska frågan utredas. Skövdepartiet yrkar bifall.") == {
        "Skövdepartiet": "Skövdepartiet"}
