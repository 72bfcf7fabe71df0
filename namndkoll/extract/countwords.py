"""Counts a protocol writes in words: "Med fem ja-röster mot sex nej-röster", "tjugotre
ledamöter avstår". Swedish numbers 0-99 as one word ("trettiotvå"), any case.
"""

from __future__ import annotations

import re

_UNITS = {"noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
          "åtta": 8, "nio": 9}
_TEENS = {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
          "sjutton": 17, "arton": 18, "nitton": 19}
_TENS = {"tjugo": 20, "trettio": 30, "fyrtio": 40, "femtio": 50, "sextio": 60, "sjuttio": 70, "åttio": 80,
         "nittio": 90}


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))  # the longest first: "sexton" before "sex"


# a count as digits or as one word, not inside a longer word ("sexton", not the "sex" of "sextiotal")
NUMBER = (rf"(?<![\wåäö])(?:\d{{1,3}}|(?i:(?:{_alt(_TENS)})(?:{_alt(_UNITS)})?|{_alt(_TEENS)}|{_alt(_UNITS)}))"
          r"(?![\wåäö])")
_ONE = re.compile(rf"(?P<tens>{_alt(_TENS)})?(?P<rest>{_alt(_TEENS)}|{_alt(_UNITS)})?")


def count(s: str) -> int:
    """The number ``s`` says: "7", "fem", "Tjugotre"."""
    s = s.strip()
    if s.isdigit():
        return int(s)
    m = _ONE.fullmatch(s.casefold())
    if m is None or not (m.group("tens") or m.group("rest")):
        raise ValueError(f"not a count: {s!r}")
    rest = m.group("rest") or ""
    return _TENS.get(m.group("tens") or "", 0) + _UNITS.get(rest, _TEENS.get(rest, 0))
