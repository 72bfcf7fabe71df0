"""Numbers as Swedish records write them: digits grouped by spaces or points ("1 550 000",
"1.550 kr", "2,75"), a sign, a number word ("tre", "tjugofem"), a footnote mark or a currency
glued to the digits, and the phone numbers whose digit groups are no figures. ``figure_text``
reads a figure from each number these find.
"""

from __future__ import annotations

import re

from ..marks import SUPERSCRIPT_DIGITS

# NBSP, narrow NBSP, thin, figure and other fixed-width spaces: Swedish groups thousands with them
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2009\u2007\u2002\u2003\u2004\u2005\u2006\u2008\u200a"), " ")


def normalize_spaces(text: str) -> str:
    """The same text with every fixed-width space as a plain space (offsets unchanged)."""
    return text.translate(_SPACES)


WORD_NUMBERS = {
    "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10,
    "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17,
    "arton": 18, "aderton": 18, "nitton": 19, "tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50,
    "sextio": 60, "sjuttio": 70, "åttio": 80, "nittio": 90, "hundra": 100, "etthundra": 100,
    "tvåhundra": 200, "trehundra": 300, "tusen": 1000, "ettusen": 1000,
}
for _tens in ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio"):
    for _one, _v in (("en", 1), ("ett", 1), ("två", 2), ("tre", 3), ("fyra", 4), ("fem", 5),
                     ("sex", 6), ("sju", 7), ("åtta", 8), ("nio", 9)):
        WORD_NUMBERS[_tens + _one] = WORD_NUMBERS[_tens] + _v
ONE = {"en": 1, "ett": 1}  # only before a unit (procent, miljoner kronor): "en" is also the article

NUM = (
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?=\s*(?:kr|kronor|tkr|t\s?kr|mkr|SEK|:-))"  # 1.550 kr
    r"|\d{1,3}(?: \d{3})*(?:\n[ \t]*(?=0\d\d(?!\d)|\d{3}(?: \d{3})*(?:,\d+)?[ \t]*(?:t\s?kr|tkr|mkr|mnkr|kr\b|kronor))"
    r"\d{3}(?: \d{3})*)(?:,\d+)?"  # a number a line break split: "flytta 1" / "040 tkr"
    r"|\d{1,3}(?: \d{3})+(?:,\d+)?"  # 1 550 000,5
    r"|\d+(?:,\d+)?)"
)
WORDS = "|".join(sorted(WORD_NUMBERS, key=len, reverse=True))
# a sign stuck to the number and standing free before it ("-3,0 mnkr", "−0,7 mnkr", "+5,0 mnkr");
# "2-3 mnkr" and "1-6" have a digit before the dash and stay unsigned (and unread)
_SIGN = r"(?:(?<![^\s(\[])(?P<sign>[-−–+])(?=\d)|(?<![\w§/:.,\-−–+]))"
# a currency glued to the number ("40mnkr", "500kr") ends it as a space would
GLUED = r"(?=(?:t|m|mn|md|mdr)?kr(?![\wåäö])|sek(?![\wåäö])|st\.?[ \t]+[a-zåäö])"  # and "30st parkeringsplatser"
# a footnote mark glued to a number in thousands groups: "nära 313 0004 uppdrag" is 313 000
# and footnote 4 (a group of four digits is no thousands group)
_FOOTNOTE = r"(?<=\d \d{3})(?=[1-9][ \t]+[a-zåäö])"
# a footnote mark the PDF reader set apart from the word or number it was glued to, as
# superscript digits after a space ("riktlinje ¹", "313 000 ⁴ uppdrag": ingest/pdf_runs.py)
FOOTNOTE_MARK = re.compile(rf"[ \t]?[{SUPERSCRIPT_DIGITS}]+(?![\w])")
NUMBER_RE = re.compile(
    rf"{_SIGN}{NUM}(?:{GLUED}|(?![\w/:\-−]|[.,]\d)|{_FOOTNOTE})"
    rf"|(?<![\w\-])(?P<word>{WORDS}|(?:en|ett)(?=\s+(?:procent|%|miljon|miljard|tusen)))(?![\w\-])",
    re.IGNORECASE,
)


def number_value(m: re.Match[str]) -> float | None:
    if m.group("word"):
        w = m.group("word").lower()
        return float(WORD_NUMBERS.get(w) or ONE.get(w) or 0) or None
    return digits_value(m.group("num"))


def digits_value(raw: str) -> float:
    """A number as written in Swedish: "1 550", "1.550" (a thousands point), "2,75"."""
    if "." in raw:
        raw = raw.replace(".", "")
    return float(re.sub(r"\s", "", raw).replace(",", "."))


def is_year(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100


# a Swedish phone number: an area code with a dash and the subscriber's digits in groups
# ("0322-61 69 32", "031-365 00 00", "08-123 456 78", "070-1234567") or "+46 322 61 69 32".
# Its last groups read like a count of the next word ("… 69 32 alternativt 0724-…" was 32
# "alternativ", "031-365 00 00 stadsrevisionen@…" 0 "stadsrevision"): no number in it is a figure
PHONE = re.compile(
    r"(?<![\w,.])(?:0\d{1,3}[ \t]?[-–][ \t]?(?:\d{2,3}(?:[ \t]\d{2,3}){1,3}|\d{5,8})"
    r"|\+46[ \t]?(?:\(0\)[ \t]?)?\d{1,3}(?:[ \t]?[-–][ \t]?|[ \t])\d{2,3}(?:[ \t]\d{2,3}){1,3})(?![\d,])"
)
