"""Figures a researcher pulled into a spreadsheet from other municipalities' records and found
wrong (sentences as the real records write them: Alingsås BUN 2018, AVRF's PM, Göteborg's
Stadsrevisionen, Tolkförmedling Väst's förbundsordning and årsredovisning, Region
Stockholm's calicivirus programme, Göteborg's funktionsstöd roll call):

- a phone number's last digit group was a count of the next word ("0322-61 69 32 alternativt"
  was 32 "alternativ", "031-365 00 00 stadsrevisionen@…" 0 "stadsrevision");
- "1 svensk krona per kommuninvånare" was a count of 1 "svensk", not an amount of 1 kr;
- "åa" (årsarbetare) was a unit of its own, so `figures --unit årsarbetare` missed every
  "2,3 åa";
- counted nouns under wrong words: "2 st rektor" as "rekta", "1 nej-röst" as "röste",
  "viruspartiklar" as "viruspartikl".
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from namndkoll.extract.figures import iter_figures, normalize_spaces

runner = CliRunner()


def found(text: str) -> list[tuple[str, str, float, str]]:
    t = normalize_spaces(text)
    return [(t[s:e], kind, value, unit) for s, e, kind, value, unit, _q, _per, _to in iter_figures(t)]


@pytest.mark.parametrize("text", [
    "kontakta Ante Mikacic Räddningschef AVRF på 0322-61 69 32 alternativt 0724-65 62 49.",
    "031-365 00 00 stadsrevisionen@stadsrevisionen.goteborg.se",
    "Ring 08-123 456 78 eller 070-1234567 eller +46 31 365 00 00 om ni har frågor",
])
def test_no_number_of_a_phone_number_is_a_figure(text: str) -> None:
    assert found(text) == []


def test_numbers_beside_a_phone_number_still_count() -> None:
    got = found("Ring 031-365 00 00 om de 12 platserna; kostnaden är 0,5 mkr för 0-5 år.")
    assert ("12 platserna", "count", 12.0, "plats") in got
    assert ("0,5 mkr", "amount", 500_000.0, "SEK") in got


def test_a_swedish_krona_is_an_amount() -> None:
    assert found("Varje medlem tillskjuter 1 svensk krona per kommuninvånare som andelskapital.") == [
        ("1 svensk krona per kommuninvånare", "amount", 1.0, "SEK")]
    assert found("Bidraget är 5 miljoner svenska kronor.") == [
        ("5 miljoner svenska kronor", "amount", 5_000_000.0, "SEK")]
    assert found("Beloppet är 100 danska kronor.") == []  # no amount in SEK
    assert found("Där deltog 3 svenska medborgare.") == [("3 svenska medborgare", "count", 3.0, "medborgare")]
