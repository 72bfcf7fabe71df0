"""The one registry of Swedish party codes: today's code, the party's name, the word stem that
finds it in running text, and the older or other spellings that map to it.

Every stage that names a party takes it from here (extract/ to read "(S)" and "Vänsterpartiet",
corpus/ and search/ to filter by party, the CLI to validate ``--party``), so adding a local
party or an old code is one edit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Party:
    code: str  # today's code as protocols write it: S, M, SD, C, V, KD, L, MP, Fi, D
    name: str  # "Socialdemokraterna"
    stem: str  # casefolded stem of the name in running text ("socialdemokrat")
    national: bool = True  # False for a local party (only where the document names it)
    former: tuple[str, ...] = ()  # older codes that mean this party today ("FP" -> L)


PARTIES: dict[str, Party] = {p.code: p for p in (
    Party("S", "Socialdemokraterna", "socialdemokrat"),
    Party("M", "Moderaterna", "moderat"),
    Party("SD", "Sverigedemokraterna", "sverigedemokrat"),
    Party("C", "Centerpartiet", "centerpartiet"),
    Party("V", "Vänsterpartiet", "vänsterpartiet"),
    Party("KD", "Kristdemokraterna", "kristdemokrat"),
    # Folkpartiet liberalerna (FP) renamed itself Liberalerna (L) in 2015
    Party("L", "Liberalerna", "liberalerna", former=("FP",)),
    Party("MP", "Miljöpartiet", "miljöpartiet"),
    Party("Fi", "Feministiskt initiativ", "feministiskt initiativ"),
    # Demokraterna: a local party in Göteborg (and a few other municipalities)
    Party("D", "Demokraterna", "demokraterna", national=False),
)}

NATIONAL: tuple[str, ...] = tuple(c for c, p in PARTIES.items() if p.national)

_BY_FOLDED: dict[str, str] = {}
for _p in PARTIES.values():
    _BY_FOLDED[_p.code.casefold()] = _p.code
    for _f in _p.former:
        _BY_FOLDED[_f.casefold()] = _p.code


def canonical_code(code: str) -> str | None:
    """Today's code for ``code`` in any case or an older form ("s" -> "S", "fp" -> "L",
    "FI" -> "Fi"); None if it is no party code this registry knows."""
    return _BY_FOLDED.get(code.strip().strip("()").casefold())


def code_pattern(*, former: bool = False) -> str:
    """A regex alternation of the codes, longest first (``SD`` before ``S``)."""
    codes = list(PARTIES) + ([f for p in PARTIES.values() for f in p.former] if former else [])
    return "|".join(re.escape(c) for c in sorted(codes, key=lambda c: (-len(c), c)))
