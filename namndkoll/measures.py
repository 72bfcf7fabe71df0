"""Units of measure after a number: a length, area, volume, weight, energy or power.

"50–60 km", "1 200 kvadratmeter", "3 500 m²", "12 hektar", "40 ton", "2,5 MWh" are figures of
kind ``measure`` with the unit normalised ("kvm", "kvadratmeter" -> "m²"), not counts: a reader
who lists or sums the places, posts and households of a record must not get kilometres among
them. The text keeps the unit as written.

Shared by extraction (``extract/figure_text.py``, ``figure_tables.py``) and search
(``search/grounds.py``: a "Hur många …" question is not answered by "12 km cykelväg").
"""

from __future__ import annotations

import re

# written-out units and their abbreviations, matched without regard to case
_WORDS = {
    "kilometer": "km", "kilometers": "km", "km": "km", "mil": "mil", "meter": "m", "metrar": "m",
    "löpmeter": "m", "centimeter": "cm", "millimeter": "mm",
    "kvadratmeter": "m²", "kvadratmetrar": "m²", "kvm": "m²", "kvadratkilometer": "km²",
    "hektar": "ha", "kubikmeter": "m³", "liter": "l", "deciliter": "dl", "milliliter": "ml",
    "ton": "ton", "kilo": "kg", "kilogram": "kg", "gram": "g",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh",
    "kilowattimme": "kWh", "kilowattimmar": "kWh", "megawattimme": "MWh", "megawattimmar": "MWh",
    "gigawattimme": "GWh", "gigawattimmar": "GWh", "terawattimmar": "TWh",
}
# symbols whose case matters: "m" and "l" only in lower case (a capital "M" or "L" after a
# number is a party), "ha" (hectare) and the watt units as the SI writes them
_SYMBOLS = {
    "km²": "km²", "km2": "km²", "m²": "m²", "m2": "m²", "m³": "m³", "m3": "m³", "cm": "cm",
    "mm": "mm", "m": "m", "ha": "ha", "kg": "kg", "l": "l", "dl": "dl", "ml": "ml",
    "Wh": "Wh", "kW": "kW", "MW": "MW", "GW": "GW",
}
_ALTERNATIVES = sorted([*_SYMBOLS, *_WORDS], key=len, reverse=True)
_MEASURE_RE = re.compile(
    r"\s*(?P<unit>" + "|".join(
        (re.escape(u) if u in _SYMBOLS else f"(?i:{re.escape(u)})") for u in _ALTERNATIVES
    ) + r")(?![\wåäöÅÄÖ²³]|\.[a-zåäö])"  # not "m.fl.", "m.m.": abbreviations, no metres
    # nor "15,12 m€", "3 m kr": a million in a currency (Finland-Swedish budget frames)
    + r"(?!\s*(?:[€$£]|(?i:kr|kronor|sek|euro|eur)(?![\wåäö])))"
)


def measure_at(text: str, pos: int) -> tuple[str, int] | None:
    """The normalised unit of measure that follows ``pos`` in ``text`` and where it ends, or
    None: ``measure_at(" 3 500 m² yta", 6)`` -> ("m²", 9)."""
    m = _MEASURE_RE.match(text, pos)
    unit = measure_unit(m.group("unit")) if m else None
    return (unit, m.end()) if m and unit else None


def spellings(unit: str) -> list[str]:
    """The ways to write a normalised unit, lower case: "km" -> ["km", "kilometer", …]."""
    table = {**_WORDS, **_SYMBOLS}
    return sorted({w.lower() for w, u in table.items() if u == unit} | {unit.lower()})


def measure_unit(word: str) -> str | None:
    """The normalised unit a word writes ("kvadratmeter" -> "m²", "MWh" -> "MWh"), or None
    when the word is no unit of measure."""
    if word in _SYMBOLS:
        return _SYMBOLS[word]
    return _WORDS.get(word.lower())
