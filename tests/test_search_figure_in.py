"""``grounds.figure_in`` tries ``_NOT_FIGURES`` only around the digits (``_digit_left``): it must
say exactly what the plain substitution over the whole text says, on the texts where the
windows could go wrong (a match that starts a word or spaces before its digit, matches side by
side, a lookbehind or ``^`` that sees what lies before the window, digits of other scripts)."""

from __future__ import annotations

import random

import pytest

from namndkoll.search import grounds
from namndkoll.search.grounds import figure_in, without_axes


def plain(text: str) -> bool:
    """The substitution over the whole text, as figure_in did it before."""
    return bool(grounds._DIGITS.search(grounds._NOT_FIGURES.sub(" ", text)))


TRICKY = [
    "",
    "Inga siffror här.",
    "Kostnaden är 450 000 kr.",
    "Sammanträdet den 13 maj 2026 i Stadshuset",
    "Beslut 2024-05-13, § 74 och Sida 4 (14)",
    "Se s. 20. 2 Göteborgs Stads energiplan anger målen",
    "Se s.20 och s. 21 samt S.  7",
    "Erska 1:55 och Erska 1:55 12",
    "Dnr SLK-2024-00922, KS 2025.319 och SFS (2025:400)",
    "dnr slk-2024-00922 eller ks2025.319",
    "xjanuari 2024 och decembers 2025 samt januari\n\n  2026",
    "§12 §  13 § \n 14 och 15 §",
    "Figur 12, tabell 3, BILAGA 4, diagram 5, avsnitt 6, punkt 7, sidan 8",
    "kap 3, 4 kap, 5 kap. 6",
    "2025 2026 2027 1999 2100 20251 2025,5 1 2025,5",
    "12. 3 Nästa mening börjar med en siffra. 4 Fotnot",
    "3 Rubrik på första raden\n4 Rubrik på nästa\nx 5 Inte en fotnot",
    "2024-01-012025-02-02 3",
    "Ärende 10 (12) 11(13) 12 (ab)",
    "Anslaget är ٣٤ miljoner och ١٢ maj ٢٠٢٥",
    "\u017f. 20 och \u212a 2024 och \u0130stanbul 1:2 och \u212aS-2024-3",
    "Totalt 3,5 procent av 2 500 platser år 2024",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ-2024-1 sista 9",
    "Mötet 1 januari 2025 . 2025-01-01 - § 3 - s. 4 - Figur 5",
    "Kommunstyrelsen 2025-03-04 § 45 Dnr KS 2024.1234 Sida 2 (7)",
    "   \t 7",
    "a-1 b.2 c§3 d 4",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_windows_cut_what_the_whole_text_substitution_cuts(text: str) -> None:
    assert grounds._digit_left(text) == plain(text)
    assert grounds._digit_left(without_axes(text)) == plain(without_axes(text))


def test_random_texts_of_dates_references_and_figures() -> None:
    # pieces that each way of _NOT_FIGURES matches, half-matches, and what stands beside them
    pieces = ["2024", "2025-05-13", "13", "maj", "januari", "September", "§", "s.", "S.", "kap",
              "Erska", "1:55", "(14)", "(", ")", "2025.319", "2025:400", "SLK-", "ks-2024-", "Figur",
              "bilaga", "450", "000", "3,5", "12.", ".", ",", "-", ":", " ", "  ", "\n", "\n\n", ". ",
              "Nästa", "x", "é", "٣", "Ö", "%", "kr", "1", "20", "19", "99"]
    rng = random.Random(20261201)
    checked = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"]) for _ in range(rng.randint(1, 14)))
        assert grounds._digit_left(text) == plain(text), repr(text)
        checked += 1
    assert checked == 4000


def test_figure_in_still_tells_figures_from_dates() -> None:
    assert figure_in("Budgeten är 12 miljoner kronor.")
    assert not figure_in("Protokoll 2025-05-13 § 74, 4 (14)")
    assert figure_in("Det gäller tre personer.")  # a count written out
    assert not figure_in("Sammanträde den 13 maj 2026, dnr KS 2025.319")


def test_the_remembered_cuts_are_the_plain_ones() -> None:
    # sentences() and counts_focus's cut text are remembered per text: the same answer as cut
    # afresh, and a caller changing its list of sentences changes nothing remembered
    for text in TRICKY + ["Första meningen. Andra meningen!\n\nEtt stycke • en punkt", "a. B", "x\n \ny"]:
        plain_sentences = [s for s in grounds._SENTENCE_END.split(text) if s]
        got = grounds.sentences(text)
        assert got == plain_sentences
        got.append("ändrad")
        assert grounds.sentences(text) == plain_sentences
        assert grounds._figures_left(text) == grounds._NOT_FIGURES.sub(" ", without_axes(text))
