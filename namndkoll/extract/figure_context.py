"""The words around a number that make it a figure or rule it out: the unit after it (kronor
and their scales, percent, euro, "per år"), the qualifier before it ("ca", "minst", "drygt")
and the identifier words before it ("§ 9", "sida 4", "Storgatan 12") or after it ("Tomten 4
m.fl."). ``figure_text`` reads a figure with these.
"""

from __future__ import annotations

import re

# unit after the number: (regex, kind, multiplier); tried in order at the number's end
UNITS: tuple[tuple[re.Pattern[str], str, float], ...] = tuple(
    (re.compile(r"\s*(?:" + p + r")(?![\wåäö])", re.IGNORECASE if ci else 0), kind, mult)
    for p, kind, mult, ci in (
        (r"t\.?\s?kr|tkr|tusen\s+kr(?:onor)?|tsek|ksek|kkr", "amount", 1e3, True),
        (r"m\.?\s?kr|mkr|mnkr|mn\s?kr|milj\.?\s?kr|miljon(?:er)?\s+kr(?:onor)?|msek", "amount", 1e6, True),
        (r"md\.?\s?kr|mdkr|mdr\.?\s?kr|miljard(?:er)?\s+kr(?:onor)?|gsek", "amount", 1e9, True),
        (r"kr|kronor|krona|SEK|:-", "amount", 1.0, False),
        (r"procentenheter|procentenhet", "percent", 1.0, True),
        (r"%|procent", "percent", 1.0, True),
    )
)
# an amount in euro (a Finland-Swedish municipality's budget, an EU grant): an amount, its unit
# "EUR", never summed with kronor; "m€", "MEUR" are a million euro, "t€", "tEUR", "k€" a thousand
EURO = re.compile(r"\s*(?:(?P<million>(?i:m€|meur|mn€))|(?P<thousand>(?i:t€|teur|k€|keur|tusen\s+euro))"
                  r"|€|(?i:euro|eur))(?![\wåäö])")
BARE_SCALE = re.compile(r"\s*(?P<scale>miljoner|miljon|miljarder|miljard|mdr)(?![\wåäö])", re.IGNORECASE)
SCALE_VALUES = {"miljoner": 1e6, "miljon": 1e6, "miljarder": 1e9, "miljard": 1e9, "mdr": 1e9}
PER_RE = re.compile(
    r"(?:(?:\s*/\s*|\s+per\s+)(?P<per>[a-zåäö]+)(?P<dot>\.)?|\s+(?:i|om)\s+(?P<per2>månaden|året|veckan|dagen|timmen|timme))(?![\wåäö])",
    re.IGNORECASE,
)
PER_SHORT = {"mån": "månad", "mån.": "månad", "år.": "år", "st": "styck", "st.": "styck",
             "månaden": "månad", "året": "år", "veckan": "vecka", "dagen": "dag", "timmen": "timme",
             "inv": "invånare", "inv.": "invånare", "capita": "invånare", "h": "timme", "tim": "timme"}

QUALIFIERS = {
    "ca": "ca", "ca.": "ca", "c:a": "ca", "cirka": "ca", "circa": "ca", "ungefär": "ca", "omkring": "omkring",
    "runt": "runt", "kring": "kring", "drygt": "drygt", "knappt": "knappt", "närmare": "närmare",
    "nästan": "nästan", "minst": "minst", "högst": "högst", "max": "högst", "maximalt": "högst",
    "över": "över", "uppemot": "uppemot", "totalt": "totalt", "sammanlagt": "totalt", "endast": "endast",
    "bara": "endast", "ytterligare": "ytterligare", "mer än": "mer än", "mindre än": "mindre än",
    "fler än": "fler än", "färre än": "färre än", "upp till": "upp till", "under": "under",
}
APPROX = {"ca", "ca.", "c:a", "cirka", "circa", "ungefär", "omkring", "drygt", "knappt", "närmare", "nästan",
          "minst", "högst", "uppemot"}

# words right before a number that make it an identifier, not a quantity: § 9, nr 3, sida 4,
# kl 9, 13 april, år 2021, bilaga 2 ...
_ID_WORDS = {
    "§", "§§", "nr", "nr.", "nummer", "no", "no.", "sida", "sidan", "sid", "sid.", "s.", "kap",
    "kap.", "kapitel", "bilaga", "bilagor", "punkt", "punkterna", "punkten", "paragraf",
    "paragrafen", "tabell", "figur", "diagram", "avsnitt", "fråga", "interpellation", "kl", "kl.",
    "klockan", "box", "rapport", "version", "år", "året", "åren", "tel", "tel.", "telefon", "mobil",
    "fax", "dnr", "dnr.", "diarienummer", "ärende", "ärendenummer", "steg", "fas", "etapp", "rad",
    "att-sats", "att-satsen", "alternativ", "mål", "målet", "protokoll", "januari", "februari",
    "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november",
    "december", "jan", "jan.", "feb", "feb.", "apr", "apr.", "jun", "jun.", "jul", "jul.", "aug",
    "aug.", "sep", "sep.", "sept", "okt", "okt.", "nov", "nov.", "dec", "dec.", "vecka", "v.",
    "lagen", "lag", "sfs", "prop", "prop.", "dir", "dir.", "sou", "ds", "budgetåret",
    "verksamhetsåret", "postnummer", "postgiro", "bankgiro", "plusgiro", "orgnr", "org.nr",
    "organisationsnummer", "ledamot", "ersättare", "grupp", "zon", "område", "linje", "buss", "väg",
    "gatan", "vägen", "torg", "torget", "plan", "platsen", "gränd", "allé", "backe", "backen",
    "stig", "leden", "gata"
}
_STREET_END = ("gatan", "vägen", "gata", "väg", "torg", "torget", "plan", "platsen", "gränd", "allé",
               "backe", "backen", "stigen", "leden", "gången", "kajen", "esplanaden")


_ID_TAILS = ("område", "området", "etapp", "etappen", "fas", "fasen", "zon", "zonen", "nivå", "nivån",
             "kategori", "kategorin", "alternativ", "alternativet")


def words_before(text: str, pos: int, n: int = 2) -> list[tuple[int, str]]:
    """The last ``n`` words before ``pos`` (same or previous line), as (offset, word)."""
    out: list[tuple[int, str]] = []
    i = pos
    while len(out) < n:
        while i > 0 and text[i - 1] in " \t\n(":
            i -= 1
            if pos - i > 12:
                return out
        j = i
        while j > 0 and not text[j - 1].isspace() and text[j - 1] != "(":
            j -= 1
        if j == i:
            break
        out.append((j, text[j:i]))
        i = j
    return out


def is_identifier_context(words: list[tuple[int, str]]) -> bool:
    if not words:
        return False
    w = words[0][1]
    low = w.lower()
    if low in _ID_WORDS or low.startswith("§") or low.rstrip(".:,") in _ID_WORDS:
        return True
    # a compound ending in an identifier word numbers a thing: "tilldelningsområde 2", "deletapp 3"
    return low.endswith(_ID_TAILS) or (w[:1].isupper() and low.endswith(_STREET_END))


# a property's number "and others" after the number: "Björksäter 1 m fl", "Tomten 4 m.fl."
WITH_OTHERS = re.compile(r"[ \t]+m\.?[ \t]?fl(?![\wåäö])", re.IGNORECASE)
