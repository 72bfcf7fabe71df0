"""Figures in run-on web text and OCR that a reader of other bodies' records found wrong
(sixteenth session's walk, checks 28, 29, 101, 102):

- an agenda's page or item number run into the next title ("Sid 7 gemensamma Avtal
  om skolskjuts") was a count of "gemensamma": an adjective in -m/-n doubles its
  consonant in the plural ("allmänna", "gemensamma") and counts nothing on its own;
- a number before a singular noun whose plural is another word ("NTI 5 svarsfrekvens", an
  agenda's "9 idrottsanläggning") is no count: two or more of a thing are written in the plural;
- OCR noise ("1 xx;xx ---") was a count of "xx", and a property "and others" ("Ekbacken 3 m fl")
  was a length of 3 m;
- OCR joined a plural to the next word ("kring 250 gästeri parken"): the count is of the
  plural.
"""

from __future__ import annotations

import pytest
from test_walk64_figures import found


@pytest.mark.parametrize("text", [
    "Dnr ÄRENDEN Sid Antagande av taxa 7 gemensamma Avtal om skolskjuts Föreningsbidrag",
    "Föredragningslista 4 Riktlinjer för kommunens 9 allmänna lekplats, ÖVRIGT",
    "Kundnöjdheten mäts som ett index KNI 3 svarsmätning om 72 %.",
    "Punkter 11 idrottsanläggning/bad 12 Remiss om busstrafik",
])
def test_a_number_before_a_singular_or_a_lone_adjective_counts_nothing(text: str) -> None:
    assert [f for f in found(text) if f[1] == "count"] == []


def test_ocr_noise_and_a_property_with_others_are_no_figures() -> None:
    assert found("Utdrag 1 xx;xx ---=~ 2(3) NÄMNDEN") == []
    assert found("Detaljplan för Ekbacken 3 m fl, i Tranås") == []


def test_a_plural_glued_to_the_next_word_counts_the_plural() -> None:
    assert found("Marknaden samlade kring 250 gästeri parken.") == [
        ("kring 250 gäster", "count", 250.0, "gäst")]
    assert found("Vi har 14 platserpå boendet.") == [("14 platser", "count", 14.0, "plats")]


def test_real_counts_stay_beside_the_dropped_ones() -> None:
    text = ("Huset byggs med 2 ovan mark samt 3 vindsplan. Sid 7 gemensamma Avtal om skolskjuts. "
            "Det finns 4 st kurator, 12 tjänster och 5 lärare. Av barnen är 3 nyanlända enligt "
            "definitionen. Föreningen har 40 allmänna platser och två gemensamma nämnder. "
            "Lånet är högst 68 pbb. enligt planen.")
    assert [(f[2], f[3]) for f in found(text) if f[1] == "count"] == [
        (3.0, "vindsplan"),  # plan is neuter too: its plural is plan
        (4.0, "kurator"),  # a list's singular after "st"
        (12.0, "tjänst"), (5.0, "lärare"),
        (3.0, "nyanlända"),  # "anländer" is a verb's present, not the plural of "anlända"
        (40.0, "plats"), (2.0, "nämnd"),  # the adjective skipped, not counted
        (68.0, "pbb"),  # an abbreviation standing free is no OCR noise
    ]
