"""The one registry of Swedish party codes: today's code, the party's name, the word stems that
find it in running text, its inflected and older names, its older codes, and what people call
it when they speak ("sossarna", "vänstern", "centern").

Every stage that names a party takes it from here, each pattern built once at import: extract/
to read "(S)" and "Vänsterpartiet", ingest/ to see a party's signature, corpus/ and search/ to
filter by party, search/ to read a party in a query (``party_of_word``) and in a passage
(``party_in_text``, ``code_in_text``), the CLI and the web page to read ``--party``
(``party_code_of``). So a name the search understands is one the extract reads, a code one
backend's filter finds the other finds too, and adding a local party or an old name is one
edit. Spoken names are read only in what a user types: a record that says "vänstern" means
the political left, not Vänsterpartiet.

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
    # casefolded starts of a word that name the party in any inflection, compound or older name
    # ("socialdemokrat": "Socialdemokraternas", "socialdemokratledda"; "folkparti" for L); search
    # reads a passage or a typed word by them, the first is the party's stem
    stems: tuple[str, ...]
    national: bool = True  # False for a local party (only where the document names it)
    former: tuple[str, ...] = ()  # older codes that mean this party today ("FP" -> L)
    # the name in running text with its Swedish inflections, its members ("moderater") and its
    # older names (a regex, matched case-insensitively on word boundaries): "Socialdemokraternas",
    # "Folkpartiet liberalerna"; every form begins with one of ``stems``
    forms: str = ""
    places: tuple[str, ...] = ()  # for a local party: where its bare code means this party
    # what people call the party when they speak ("sossarna", "vänstern"), never how a record
    # names it: read in what a user types (a query, a --party), not in a document
    spoken: tuple[str, ...] = ()
    # the starts of the party's older names (casefolded): a mention written so keeps its form
    # beside today's code ("Folkpartiet liberalerna" -> L)
    older: tuple[str, ...] = ()

    @property
    def stem(self) -> str:
        return self.stems[0]


PARTIES: dict[str, Party] = {p.code: p for p in (
    Party("S", "Socialdemokraterna", ("socialdemokrat",), former=("SAP",),
          forms=r"arbetarepartiet[- ]socialdemokraterna|socialdemokratiska\s+arbetarepartiet"
                r"|socialdemokrat(?:erna|erna?s|en|ens|er|ers|isk|iska|iskt)?",
          spoken=("sosse", "sossen", "sossens", "sossar", "sossarna", "sossarnas"),
          older=("arbetarepartiet", "socialdemokratiska arbetareparti")),
    Party("M", "Moderaterna", ("moderat",),
          forms=r"moderat(?:en|ens|er|ers|erna|ernas)|moderata\s+samlingspartiet?s?",
          older=("moderata samlingsparti",)),
    Party("SD", "Sverigedemokraterna", ("sverigedemokrat",),
          forms=r"sverigedemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?"),
    Party("C", "Centerpartiet", ("centerparti",),
          forms=r"centerpartiet?s?|centerpartist(?:en|er|erna|ernas|s)?",
          spoken=("centern", "centerns")),
    # Vänsterpartiet kommunisterna (VPK) renamed itself Vänsterpartiet in 1990
    Party("V", "Vänsterpartiet", ("vänsterparti",), former=("VPK",),
          forms=r"vänsterpartiet(?:\s+kommunisterna)?s?|vänsterpartist(?:en|er|erna|ernas|s)?",
          spoken=("vänstern", "vänsterns"), older=("vänsterpartiet kommunist",)),
    # Kristdemokratiska samhällspartiet (KDS) renamed itself Kristdemokraterna in 1996
    Party("KD", "Kristdemokraterna", ("kristdemokrat",), former=("KDS",),
          # the older name first: "Kristdemokratiska" alone is only its first word
          forms=r"kristdemokratiska\s+samhällspartiet?s?"
                r"|kristdemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?",
          older=("kristdemokratiska samhällsparti",)),
    # Folkpartiet liberalerna (FP) renamed itself Liberalerna (L) in 2015. "liberal", "liberala"
    # and "liberalisering" are other words: the party is "liberaler…" or "liberalen…"
    Party("L", "Liberalerna", ("liberaler", "liberalen", "folkparti"), former=("FP",),
          forms=r"liberalerna?s?|liberal(?:en|ens|er|ers)|folkpartiet(?:\s+liberalerna)?s?"
                r"|folkpartist(?:en|er|erna|ernas|s)?",
          older=("folkparti",)),
    Party("MP", "Miljöpartiet", ("miljöparti",),
          forms=r"miljöpartiet?s?(?:\s+de\s+gröna)?|miljöpartist(?:en|er|erna|ernas|s)?"),
    Party("Fi", "Feministiskt initiativ", ("feministiskt initiativ",), forms=r"feministiskt\s+initiativs?"),
    # Demokraterna: a local party in Göteborg (and a few other municipalities); its stem stands
    # alone ("Socialdemokraterna" is no mention of it)
    Party("D", "Demokraterna", ("demokraterna",), national=False, forms=r"demokraterna?s?",
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
    """Today's code for a party typed as a code ("s", "fp"), by its name ("Socialdemokraterna",
    "vänsterpartiet", "Folkpartiet"), a word for its members ("moderater") or as people say it
    ("sossarna"): what a user may type in a filter or a query; ``INDEPENDENT`` for "-", "(-)" or
    a word for a member without a party ("vilde", "partilös"); None when it is none of these."""
    if text.strip().strip("()").strip() == INDEPENDENT or " ".join(text.casefold().split()) in _INDEPENDENT_WORDS:
        return INDEPENDENT  # "(-)" in the protocols: a member without a party
    return canonical_code(text) or party_of_name(text) or (party_of_word(text.strip()) if len(text.split()) == 1
                                                           else None)


def party_of_word(word: str) -> str | None:
    """The party one typed word names: a word beginning with a party's stem ("vänsterpartiets",
    "moderater", "centerpartigruppen", "folkpartiet"; the first word of a stem of two:
    "feministiskt"), a spoken name ("sossarna", "centern"), a code of two letters or more in any
    case, today's or older, in the genitive too ("sd", "mp:s", "fp", "vpk"); None for any other
    word and for a code of one letter (typed alone, "s" or "m" is a letter)."""
    w = word.casefold().removesuffix(":s")
    if len(w) < 2:
        return None
    for start, code in _WORD_STARTS:
        if w.startswith(start):
            return code
    return _SPOKEN.get(w) or canonical_code(w) or party_of_name(w)


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
    """Codes of the parties one of whose stems begins a word of ``text`` ("Vänsterpartiets",
    "moderater", "Folkpartiet"): Demokraterna's stem inside "Socialdemokraterna",
    "Kristdemokraterna" or "Sverigedemokraterna" is no mention of Demokraterna."""
    return {code for code, rx in _STEM_RES.items() if rx.search(text)}


def named_by_stem(code: str, text: str) -> bool:
    """Whether one of the party ``code``'s stems begins a word of ``text`` (``parties_by_stem``
    for one party)."""
    rx = _STEM_RES.get(code)
    return rx is not None and rx.search(text) is not None


def stems_pattern(code: str | None = None) -> str:
    """A regex (case-blind, on word starts) for the stems of party ``code``, of every party when
    None: what ``parties_by_stem`` finds."""
    stems = PARTIES[code].stems if code is not None else [s for p in PARTIES.values() for s in p.stems]
    return (r"(?i:(?<![\wåäöÅÄÖ])(?:" + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in stems) + "))")


def code_in_text(code: str | None = None, *, alone: bool = True) -> str:
    """A regex for party ``code`` (with its older codes; every party's when None) where a record
    writes a code as a party's: after a name ("(V)", older records in lower case: "Berg (fp)"),
    after "från", "för", "av", "och", "samt" or "partiet" ("från M"), in a list ("M, L och KD"), in the
    genitive or a compound ("SD:s", "KD-gruppen"); with ``alone`` also a code on its own: before a
    count in a vote table ("C 12") and today's code of two letters or more in any case ("SD",
    "FI") -- enough to say a passage names the party, not that it speaks for it (an attendance
    list names every party). A code of one letter standing alone is a letter ("punkt C", "S:t")."""
    parties = [PARTIES[code]] if code is not None else list(PARTIES.values())
    codes = {c for p in parties for c in (p.code, p.code.upper(), *p.former)}
    alt = "|".join(re.escape(c) for c in sorted(codes, key=lambda c: (-len(c), c)))
    low = "|".join(re.escape(c.lower()) for c in sorted(codes, key=lambda c: (-len(c), c)))
    # today's codes only: an older one standing alone is too often something else (SAP, FP)
    long = "|".join(re.escape(p.code) for p in sorted(parties, key=lambda p: -len(p.code)) if len(p.code) > 1)
    end = r"(?![\wåäöÅÄÖ]|:t\b)"
    return (rf"\((?:{alt})\)|(?<=[a-zåäöéü] )\((?:{low})\)"
            rf"|\b(?:från|för|av|och|samt|partiet)\s+(?:{alt}){end}"
            rf"|(?<![\wåäöÅÄÖ])(?:{alt})(?:,|\s+och\b|\s+samt\b|:s\b|-(?=[a-zåäö])" + (r"|\s+\d)" if alone else ")")
            + (rf"|(?<![\wåäöÅÄÖ])(?i:{long})(?![\wåäöÅÄÖ])" if long and alone else ""))


def members_pattern() -> str:
    """A regex (case-blind) for a word for a party's members in the plural: a word beginning with
    a party's stem and ending in -er ("moderater", "centerpartister", "folkpartister",
    "liberaler"), or a spoken plural ("sossar")."""
    stems = "|".join(re.escape(s) for p in PARTIES.values() for s in p.stems if " " not in s)
    spoken = "|".join(re.escape(w) for p in PARTIES.values() for w in p.spoken if w.endswith("ar"))
    return rf"(?i:(?=(?:{stems}))\w+er|{spoken})(?![\wåäöÅÄÖ])"


def party_in_text(code: str | None = None) -> re.Pattern[str]:
    """Whether a text names party ``code`` (any party when None), by its code as records write it
    (``code_in_text``) or by a word beginning with one of its stems ("Vänsterpartiet",
    "moderater", "Folkpartiet"). Built once per party."""
    return _IN_TEXT[code]


def is_older_name(written: str) -> bool:
    """Whether a party name as written is one of a party's older names ("Folkpartiet",
    "Vänsterpartiet kommunisterna", "Moderata samlingspartiet")."""
    low = " ".join(written.casefold().split())
    return low.startswith(_OLDER)


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
_STEM_RES = {p.code: re.compile(stems_pattern(p.code)) for p in PARTIES.values()}
_IN_TEXT: dict[str | None, re.Pattern[str]] = {
    c: re.compile(code_in_text(c) + "|" + stems_pattern(c)) for c in (*PARTIES, None)}
# a typed word's start -> its party, longest first; a stem of two words by its first
_WORD_STARTS = sorted(((s.split()[0], p.code) for p in PARTIES.values() for s in p.stems),
                      key=lambda x: -len(x[0]))
_SPOKEN = {w: p.code for p in PARTIES.values() for w in p.spoken}
_OLDER = tuple(o for p in PARTIES.values() for o in p.older)


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
