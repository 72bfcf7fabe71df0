"""The one registry of Swedish party codes: today's code, the party's name, the word stem that
finds it in running text, and the older or other spellings that map to it.

Every stage that names a party takes it from here (extract/ to read "(S)" and "Vänsterpartiet",
corpus/ and search/ to filter by party, the CLI to validate ``--party``), so adding a local
party or an old code is one edit.

Older records write codes in lower case ("(s)", "(fp)") and use names and codes of parties
that have since renamed themselves (Folkpartiet liberalerna/FP -> Liberalerna/L in 2015,
Kristdemokratiska samhällspartiet/KDS -> KD in 1996, Vänsterpartiet kommunisterna/VPK -> V
in 1990): ``canonical_code`` maps all of them to today's code, and the finders in extract/
keep the form as written beside it.

An independent member (politisk vilde) is written "(-)" in Swedish protocols: that is
``INDEPENDENT``, a party value of its own and never a party mention. A local party that is
not in this registry ("Sjukvårdspartiet", "Kommunens Väl (KV)") is kept under the name or
code the document itself gives it and never mapped to a national party.
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
    # the name in running text with its Swedish inflections and older names (a regex, matched
    # case-insensitively on word boundaries): "Socialdemokraternas", "Folkpartiet liberalerna"
    forms: str = ""
    places: tuple[str, ...] = ()  # for a local party: where its bare code means this party


PARTIES: dict[str, Party] = {p.code: p for p in (
    Party("S", "Socialdemokraterna", "socialdemokrat", former=("SAP",),
          forms=r"arbetarepartiet[- ]socialdemokraterna|socialdemokratiska\s+arbetarepartiet"
                r"|socialdemokrat(?:erna|erna?s|en|ens|er|ers|isk|iska|iskt)?"),
    Party("M", "Moderaterna", "moderat",
          forms=r"moderat(?:erna|ernas)|moderata\s+samlingspartiet?s?"),
    Party("SD", "Sverigedemokraterna", "sverigedemokrat",
          forms=r"sverigedemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?"),
    Party("C", "Centerpartiet", "centerpartiet",
          forms=r"centerpartiet?s?|centerpartist(?:en|er|erna|ernas|s)?"),
    # Vänsterpartiet kommunisterna (VPK) renamed itself Vänsterpartiet in 1990
    Party("V", "Vänsterpartiet", "vänsterpartiet", former=("VPK",),
          forms=r"vänsterpartiet(?:\s+kommunisterna)?s?|vänsterpartist(?:en|er|erna|ernas|s)?"),
    # Kristdemokratiska samhällspartiet (KDS) renamed itself Kristdemokraterna in 1996
    Party("KD", "Kristdemokraterna", "kristdemokrat", former=("KDS",),
          forms=r"kristdemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?"
                r"|kristdemokratiska\s+samhällspartiet?s?"),
    # Folkpartiet liberalerna (FP) renamed itself Liberalerna (L) in 2015
    Party("L", "Liberalerna", "liberalerna", former=("FP",),
          forms=r"liberalerna?s?|folkpartiet(?:\s+liberalerna)?s?"),
    Party("MP", "Miljöpartiet", "miljöpartiet",
          forms=r"miljöpartiet?s?(?:\s+de\s+gröna)?|miljöpartist(?:en|er|erna|ernas|s)?"),
    Party("Fi", "Feministiskt initiativ", "feministiskt initiativ", forms=r"feministiskt\s+initiativs?"),
    # Demokraterna: a local party in Göteborg (and a few other municipalities)
    Party("D", "Demokraterna", "demokraterna", national=False, forms=r"demokraterna?s?",
          places=("Göteborg", "Göteborgs")),
)}

NATIONAL: tuple[str, ...] = tuple(c for c, p in PARTIES.items() if p.national)
INDEPENDENT = "-"  # "(-)": a member without a party (politisk vilde)

_BY_FOLDED: dict[str, str] = {}
for _p in PARTIES.values():
    _BY_FOLDED[_p.code.casefold()] = _p.code
    for _f in _p.former:
        _BY_FOLDED[_f.casefold()] = _p.code


def canonical_code(code: str) -> str | None:
    """Today's code for ``code`` in any case or an older form ("s" -> "S", "fp" -> "L",
    "FI" -> "Fi", "KDS" -> "KD"); None if it is no party code this registry knows."""
    return _BY_FOLDED.get(code.strip().strip("()").strip().casefold())


# "(-)" in words: a member without a party
_INDEPENDENT_WORDS = {"vilde", "vildar", "politisk vilde", "politiska vildar", "independent", "partilös"}


def party_code_of(text: str) -> str | None:
    """Today's code for a party typed as a code ("s", "fp") or by its name ("Socialdemokraterna",
    "vänsterpartiet"); ``INDEPENDENT`` for "-", "(-)" or a word for a member without a party
    ("vilde", "partilös"); None when it is none of these."""
    if text.strip().strip("()").strip() == INDEPENDENT or " ".join(text.casefold().split()) in _INDEPENDENT_WORDS:
        return INDEPENDENT  # "(-)" in the protocols: a member without a party
    return canonical_code(text) or party_of_name(text)


def code_pattern(*, former: bool = False, lower: bool = False) -> str:
    """A regex alternation of the codes, longest first (``SD`` before ``S``); with ``former``
    the older codes too, with ``lower`` their lower-case forms ("s", "fp") as well."""
    codes = list(PARTIES) + ([f for p in PARTIES.values() for f in p.former] if former else [])
    if lower:
        codes += [c.lower() for c in codes]
    codes += [c.upper() for c in codes if c.upper() not in codes]  # "FI" for Fi
    return "|".join(re.escape(c) for c in sorted(set(codes), key=lambda c: (-len(c), c)))


def party_of_name(name: str) -> str | None:
    """Today's code for a party name in running text ("Vänsterpartiets", "Folkpartiet
    liberalerna", "Kristdemokratiska samhällspartiet"); None when it names no party here."""
    m = _NAMES_RE.fullmatch(" ".join(name.split()))
    return _GROUP_CODE[m.lastgroup] if m and m.lastgroup else None


def names_pattern() -> re.Pattern[str]:
    """The party names of every registered party (``forms``), one named group per party."""
    return _NAMES_RE


def parties_by_stem(text: str) -> set[str]:
    """Codes of the parties whose word stem begins a word of ``text`` ("Vänsterpartiets",
    "moderata"): Demokraterna's stem inside "Socialdemokraterna", "Kristdemokraterna" or
    "Sverigedemokraterna" is no mention of Demokraterna."""
    return {code for code, rx in _STEM_RES.items() if rx.search(text)}


def named_by_stem(code: str, text: str) -> bool:
    """Whether the party ``code``'s word stem begins a word of ``text`` (``parties_by_stem``
    for one party)."""
    rx = _STEM_RES.get(code)
    return rx is not None and rx.search(text) is not None


def local_here(code: str, municipality: str | None) -> bool:
    """Is ``code`` a local party of ``municipality`` (by the registry's places)?"""
    p = PARTIES.get(code)
    return bool(p and not p.national and municipality
                and any(municipality.startswith(m) for m in p.places))


_GROUP_CODE = {f"p{i}": p.code for i, p in enumerate(PARTIES.values())}
_NAMES_RE = re.compile(
    r"(?<![\wåäöÅÄÖ-])(?:" + "|".join(f"(?P<p{i}>{p.forms})" for i, p in enumerate(PARTIES.values()))
    + r")(?![\wåäöÅÄÖ])",
    re.IGNORECASE,
)
_STEM_RES = {p.code: re.compile(rf"(?<![\wåäöÅÄÖ]){re.escape(p.stem)}", re.IGNORECASE) for p in PARTIES.values()}


# The titles a protocol writes before a member's name ("Ordföranden Anna Berg (S)", "Förste vice
# ordförande …", "Ledamöterna från SD"): extract/ strips them from a position's authors and
# search/ from the independents a statement names, so both keep one list.
ROLE_WORDS = frozenset({
    "ordförande", "ordföranden", "ledamot", "ledamoten", "ledamöterna", "ersättare", "ersättaren",
    "vice", "tjänstgörande", "förste", "andre", "kommunalråd", "kommunalrådet", "oppositionsråd",
    "oppositionsrådet", "gruppledaren",
})


# the protocol's headings above a statement, on a line of their own ("Tilläggsyrkande",
# "Ändringsyrkande", "Reservation", "Protokollsanteckning"): never a person's first name
_HEADING_TAILS = ("yrkande", "yrkanden", "reservation", "anteckning", "uttalande", "yttrande", "förslag")


def without_roles(name: str) -> str:
    """``name`` without the titles or the heading before it ("Ordföranden Anna Berg" -> "Anna
    Berg", "Tilläggsyrkande Heidi Hankanen Ängberg" -> "Heidi Hankanen Ängberg"); a name of two
    words is left whole (a title is never all that is left of a person's name)."""
    words = name.split()
    while len(words) > 2 and (words[0].casefold() in ROLE_WORDS or words[0].casefold().endswith(_HEADING_TAILS)):
        words = words[1:]
    return " ".join(words)
