"""Political parties named in Swedish records: codes, full names and their inflections.

``party_code`` normalises one mention ("(S)", "Socialdemokraterna", "Vänsterpartiets", "SD",
"Fi", "(fp)") to today's code (namndkoll/registry.py); ``find_parties`` finds every mention in
a document. Single-letter codes are only read where the context makes them a party — in
parentheses, after "från"/"för", in lists of codes, or as "S-gruppen" — never from "S:t",
initials, list letters ("C. Förslag", "punkt (c)") or other abbreviations ("SE", "SKR").

Older records write codes in lower case and use former names and codes: "(s)", "(fp)",
"Folkpartiet liberalerna", "kds". The mention gets today's code and keeps the form as written
in ``PartyMention.original``. A local party the registry does not know is read where the
document names it — a name ending in "-partiet" ("Sjukvårdspartiet") or a name defined with its
code ("Kommunens Väl (KV)") — and kept under the document's own code (or name), never mapped
to a national party. An independent "(-)" is no party and no mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..registry import (
    INDEPENDENT,
    NATIONAL,
    PARTIES,
    canonical_code,
    code_pattern,
    is_older_name,
    local_here,
    names_pattern,
    party_of_name,
)
from ..types import Document, PartyMention

__all__ = ["INDEPENDENT", "PARTIES", "Mention", "find_parties", "iter_party_mentions", "iter_party_spans",
           "local_ok", "local_parties", "party_code"]

_CODE = rf"(?:{code_pattern(former=True)})"
_CODE_ANY = rf"(?:{code_pattern(former=True, lower=True)})"
_NAMES_RE = names_pattern()
_CODE_WORD = re.compile(rf"(?<![\wåäö]){_CODE_ANY}(?![\wåäö])")
_SEP = r"\s*(?:,|och|&|\+)\s*"
# "(S)", "(S och V)", "(S, V)"; lower case "(s)", "(fp, c)" only after a capitalised word
# (a name) or as a list, so that "punkt (c)" and "barnet(s)" stay no parties
_PAREN_RE = re.compile(rf"\((?P<codes>{_CODE}(?:{_SEP}{_CODE})*)\)")
_PAREN_LOWER_RE = re.compile(rf"\((?P<codes>{_CODE_ANY}(?:{_SEP}{_CODE_ANY})*)\)")
_WORD_BEFORE_RE = re.compile(r"[A-ZÅÄÖÉ][\wåäöé'-]*(?:[ \t]+|[ \t]*\n)$")
# "från SD", "för S", "Ledamöterna från SD", "SD-ledamöterna", "S:s", lists "S, V och MP"
_CONTEXT_RE = re.compile(
    rf"(?:(?<=\bfrån\s)|(?<=\bför\s)|(?<=\bav\s)|(?<=\bmed\s))(?P<c1>{_CODE})(?![\wåäöÅÄÖ:(-])"
    rf"|(?<![\wåäöÅÄÖ.])(?P<c2>{_CODE})(?:-(?:ledamot|ledamöter|gruppen|grupp|företrädar|politiker|kommunalråd|ordförande)|:s\b)"
)
_LIST_RE = re.compile(
    rf"(?<![\wåäöÅÄÖ.(])(?P<list>{_CODE}(?:\s*,\s*{_CODE})*\s+(?:och|samt|&)\s+{_CODE})(?![\wåäöÅÄÖ:.(-])"
)
# today's multi-letter national codes are safe as bare words (SE, SKR, SDG are not codes; an
# older code such as SAP or FP is too often something else)
_BARE = "|".join(c for c in NATIONAL if len(c) > 1 and c.isupper())
_BARE_RE = re.compile(rf"(?<![\wåäöÅÄÖ(-])(?P<code>{_BARE})(?![\wåäöÅÄÖ)])")

# ---- local parties the registry does not know ----------------------------------------------
# capitalised words ending in -partiet that are common nouns, not parties
_NOT_LOCAL = ("regerings", "oppositions", "majoritets", "minoritets", "samarbets", "stöd", "riksdags",
              "moder", "syster", "broder", "koalitions", "arbetar", "borgerliga", "största", "mitten",
              "ett", "vilket", "varje", "det", "detta", "samma", "andra", "ena", "egna")
# words that start a sentence before a party's name, never part of it
_LEADING_WORDS = frozenset((
    "för", "enligt", "även", "och", "men", "att", "från", "till", "med", "av", "om", "när", "då",
    "så", "nu", "hos", "mot", "inom", "under", "efter", "som", "dock", "både", "vi", "i", "på",
))
_LOCAL_NAME_RE = re.compile(r"(?<![\wåäö-])(?P<name>(?:[A-ZÅÄÖ][a-zåäöé]+[ -])?[A-ZÅÄÖ][a-zåäöé]{2,}partiet)s?(?![\wåäö])")
# "(KV)": a code in parentheses; what stands before it says whether it follows a member's name
# ("Per Olsson (KV)") or defines a party ("Kommunens Väl (KV)")
_UNKNOWN_CODE_RE = re.compile(r"\((?P<code>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5})\)")
_PERSON_BEFORE_RE = re.compile(
    r"(?<![\wåäö])[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?[ \t]+[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöé]+)?[ \t]*$"
)
_DEFINED_BEFORE_RE = re.compile(
    r"(?P<name>[A-ZÅÄÖ][\wåäöé-]+(?:[ \t]+(?:[A-ZÅÄÖ][\wåäöé-]+|i|för|och|de|på)){0,5})[ \t]*$"
)
_PARTY_WORD_RE = re.compile(r"(?i)parti(?:et)?\b|lista?n?\b|\bväl\b|folkstyre|alliansen|demokrat|invånar|framtid")
_UNKNOWN_PAREN_RE = re.compile(r"(?<=[a-zåäöé] )\((?P<code>[A-ZÅÄÖ]{1,5}|[A-ZÅÄÖ][a-zåäö][A-ZÅÄÖ]?)\)")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    code: str  # today's code, or the document's own code or name for a local party
    original: str | None = None  # the form as written when it is an older or lower-case form
    local: bool = False


def party_code(text: str, *, municipality: str | None = None) -> str | None:
    """The party code of one mention, or None: '(S)' -> 'S', 'Vänsterpartiets' -> 'V', 'Fi' -> 'Fi',
    '(fp)' -> 'L'.

    A local code such as 'D' counts only where ``municipality`` says it is a party there, or
    when ``municipality`` is None (the caller vouches for the context).
    """
    t = " ".join(text.strip().strip("()").split())
    if not t:
        return None
    code = canonical_code(t) if len(t) <= 3 and (t.isupper() or t.islower() or t == "Fi") else None
    if code is None:
        code = party_of_name(t)
    if code is None:
        return None
    if not PARTIES[code].national and municipality is not None and not local_here(code, municipality):
        return None
    return code


def local_ok(code: str, doc_text: str, municipality: str | None) -> bool:
    """A bare local code counts where the municipality has that party or its name is in the text."""
    p = PARTIES.get(code)
    if p is None or p.national or local_here(code, municipality):
        return True
    return re.search(rf"(?<![\wåäö]){re.escape(p.name)}", doc_text) is not None


def local_parties(text: str) -> dict[str, str]:
    """Written form -> code of the local parties ``text`` names that the registry does not know:
    "Sjukvårdspartiet" -> "Sjukvårdspartiet"; with "Kommunens Väl (KV)" both "Kommunens Väl"
    and "KV" -> "KV". Cached: every finder of a document asks for the same text."""
    return dict(_local_parties(text))


@lru_cache(maxsize=8)
def _local_parties(text: str) -> tuple[tuple[str, str], ...]:
    out: dict[str, str] = {}
    if "partiet" in text:
        for m in _LOCAL_NAME_RE.finditer(text):
            name = m.group("name")
            first, _, last = name.rpartition(" ")
            if first and (first.casefold() in _LEADING_WORDS or party_of_name(last)):
                # "För Centerpartiet är det …", "Enligt Skövdepartiet …": a sentence's first
                # word before the party's own name
                name = last
            low = name.casefold()
            if party_of_name(name) or any(low.startswith(p) for p in _NOT_LOCAL):
                continue
            out.setdefault(name, name)
    # every "(CODE)" the registry does not know: after a member's name, or defining a name
    members: dict[str, set[int]] = {}
    defined: list[tuple[str, int, str]] = []
    for m in _UNKNOWN_CODE_RE.finditer(text):
        code = m.group("code")
        if canonical_code(code) or code == INDEPENDENT:
            continue
        before = text[max(0, m.start() - 120):m.start()]
        if _PERSON_BEFORE_RE.search(before):
            members.setdefault(code, set()).add(m.start())
        d = _DEFINED_BEFORE_RE.search(before)
        if d:
            defined.append((code, m.start(), d.group("name")))
    for code, at, words in defined:
        name = _defined_name(words, code)
        # initials alone make "Gothenburg European Office (GEO)" a party: the code must also
        # stand after a member's name, or the name must read as a party's
        if name is None or not (members.get(code, set()) - {at} or _PARTY_WORD_RE.search(name)):
            continue
        out[name] = code
        out[code] = code
    # a code written after two or more people's names is their party; after one name, when that
    # line stands in a list of members with the registry's codes ("Bo Nors (F)" between "Paul
    # Andersson (S)" and "Oscar Sedira (SD)" under "Beslutande ledamöter")
    for code, places in members.items():
        if code not in out and (len(places) >= 2 or any(_in_member_list(text, at) for at in places)):
            out[code] = code
    # a code the document defines by name ("Sjukvårdspartiet (SJVP)") also stands for the name
    for name, code in list(out.items()):
        if name == code and name.endswith("partiet"):
            d = re.search(rf"{re.escape(name)}\s*\((?P<code>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{{0,5}})\)", text)
            if d and not canonical_code(d.group("code")):
                out[name] = out[d.group("code")] = d.group("code")
    for name, code in _initials_names(text, [c for n, c in out.items() if n == c]):
        out.setdefault(name, code)
    return tuple(out.items())


# the document's own words for a party: "Reservation från Fokus Bjärred", "Nämndinitiativ från
# Fokus Bjärred", "Fokus Bjärreds förslag"
_PARTY_CONTEXT_BEFORE_RE = re.compile(
    r"(?i:reservation|protokollsanteckning|nämndsinitiativ|nämndinitiativ|initiativärende|initiativ|motion"
    r"|yrkande|skrivelse|yttrande|förslag|ledamot|ledamöter|ersättare|gruppen?)(?:en|et|erna|ar|na)?"
    r"[ \t]+(?:från|för|av)[ \t]+$")
_PARTY_CONTEXT_AFTER_RE = re.compile(
    r"s?[ \t]+(?i:förslag|yrkande|reservation|protokollsanteckning|ledamot|ledamöter|grupp)")


def _initials_names(text: str, codes: list[str]) -> Iterator[tuple[str, str]]:
    """Names of the document's local parties that the document writes out without their code:
    a local code taken from its members' lines ("Ulf Richeberg (FB)") also stands for two to
    four capitalised words whose initials spell it ("Fokus Bjärred"), where the document calls
    those words a party ("Reservation från Fokus Bjärred", "Fokus Bjärreds förslag") and never
    writes them as a person with a code or a title ("Fredrik Berg (M)", "Fredrik Berg, rektor")."""
    for code in codes:
        if not 2 <= len(code) <= 4 or not code.isupper() or code.startswith(code[0] * 2):
            continue
        # the last word without a genitive s: "Fokus Bjärreds förslag"
        words = r"[ \t]+".join(rf"({c}[a-zåäöé]+{'?' if k == len(code) - 1 else ''})" for k, c in enumerate(code))
        rx = re.compile(rf"(?<![\wåäö-]){words}(?=s?(?![\wåäö-]))")
        party: set[str] = set()
        person: set[str] = set()
        for m in rx.finditer(text):
            name = " ".join(m.groups())
            after = text[m.end():m.end() + 40]  # from the genitive s on, if any
            line_start = text.rfind("\n", 0, m.start()) + 1
            # "Name (S)"; an attendance line "Name, förvaltningschef"
            if re.match(r"s?[ \t]*\(", after) or (not text[line_start:m.start()].strip()
                                                   and re.match(r",[ \t]*[a-zåäö]", after)):
                person.add(name)
                continue
            if (_PARTY_CONTEXT_BEFORE_RE.search(text, line_start, m.start())
                    or _PARTY_CONTEXT_AFTER_RE.match(after)):
                party.add(name)
        for name in sorted(party - person):
            yield name, code


# one line of a member list: "Paul Andersson (S)", "Jens Thystrup (M), Ordförande"
_MEMBER_LINE_RE = re.compile(r"^[ \t]*[A-ZÅÄÖÉ][\wåäöéü.-]+(?:[ \t]+[A-ZÅÄÖÉ][\wåäöéü.-]+){1,3}[ \t]*"
                             r"\((?P<code>[A-ZÅÄÖa-zåäö]{1,5})\)")


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the line of ``text`` that holds ``pos``."""
    end = text.find("\n", pos)
    return text.rfind("\n", 0, pos) + 1, len(text) if end < 0 else end


def _in_member_list(text: str, at: int) -> bool:
    """Whether the "(CODE)" at ``at`` ends a member's line whose neighbours, the line before and
    the line after, are members' lines with codes the registry knows."""
    start, end = _line_at(text, at)
    if start == 0 or end >= len(text) or not _MEMBER_LINE_RE.match(text[start:end]):
        return False
    for a, b in (_line_at(text, start - 1), _line_at(text, end + 1)):
        m = _MEMBER_LINE_RE.match(text[a:b])
        if not m or not canonical_code(m.group("code")):
            return False
    return True


def _defined_name(name: str, code: str) -> str | None:
    """The party name of a definition "Name (CODE)": a -partiet name, or words whose initials
    spell the code ("Kommunens Väl (KV)"); None for a person or a body."""
    words = name.split()
    for k in range(1, min(len(words), 5) + 1):  # the shortest tail of the words that fits
        tail = words[-k:]
        if tail[-1].endswith("partiet") and not any(tail[-1].casefold().startswith(p) for p in _NOT_LOCAL):
            return " ".join(tail)
        caps = [w for w in tail if w[0].isupper()]
        if len(caps) >= 2 and "".join(w[0] for w in caps).upper() == code.upper():
            return " ".join(tail)
    return None


def iter_party_mentions(text: str, *, municipality: str | None = None,
                        local: dict[str, str] | None = None) -> Iterator[Mention]:
    """Every party mention in ``text``, in order, without overlaps (``local``: the document's
    own parties from ``local_parties``, found in ``text`` when not given)."""
    found: list[Mention] = []
    for m in _NAMES_RE.finditer(text):
        code = party_of_name(m.group())
        if code is None:
            continue
        written = m.group()
        original = written if is_older_name(written) else None
        found.append(Mention(m.start(), m.end(), code, original))
    for rx in (_PAREN_RE, _PAREN_LOWER_RE):
        for m in rx.finditer(text):
            codes = list(_CODE_WORD.finditer(m.group("codes")))
            if rx is _PAREN_LOWER_RE and len(codes) < 2 and not (
                    m.group("codes").islower() and _WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())):
                continue  # "punkt (c)", "barnet(s)": a lower-case letter alone after no name
            off = m.start("codes")
            for c in codes:
                found.append(_code_mention(off + c.start(), off + c.end(), c.group()))
    for m in _CONTEXT_RE.finditer(text):
        g = "c1" if m.group("c1") else "c2"
        found.append(_code_mention(m.start(g), m.end(g), m.group(g)))
    for m in _LIST_RE.finditer(text):
        off = m.start("list")
        for c in _CODE_WORD.finditer(m.group("list")):
            found.append(_code_mention(off + c.start(), off + c.end(), c.group()))
    for m in _BARE_RE.finditer(text):
        found.append(Mention(m.start(), m.end(), m.group("code")))
    local = local_parties(text) if local is None else local
    if local:
        found.extend(_local_mentions(text, local))
    found.sort(key=lambda x: (x.start, -x.end))
    last_end = -1
    for f in found:
        if f.start < last_end:
            continue
        if not f.local and not local_ok(f.code, text, municipality):
            continue
        last_end = f.end
        yield f


def _code_mention(start: int, end: int, written: str) -> Mention:
    code = canonical_code(written) or written
    return Mention(start, end, code, written if written not in (code, code.upper()) else None)


def _local_mentions(text: str, local: dict[str, str]) -> Iterator[Mention]:
    names = sorted((n for n in local if len(n) > 5 or " " in n), key=len, reverse=True)
    if names:
        rx = re.compile(r"(?<![\wåäö])(?:" + "|".join(re.escape(n) for n in names) + r")s?(?![\wåäö])")
        for m in rx.finditer(text):
            yield Mention(m.start(), m.end(), local[m.group().rstrip("s") if m.group() not in local else m.group()],
                          local=True)
    codes = {c for n, c in local.items() if n == c and len(c) <= 5}
    for m in _UNKNOWN_PAREN_RE.finditer(text):
        if m.group("code") in codes:
            yield Mention(m.start("code"), m.end("code"), m.group("code"), local=True)


def iter_party_spans(text: str, *, municipality: str | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, code) of every party mention in ``text``, in order, without overlaps."""
    for m in iter_party_mentions(text, municipality=municipality):
        yield m.start, m.end, m.code


def find_parties(doc: Document) -> tuple[PartyMention, ...]:
    """Every party mention in ``doc`` with its code, page and offsets."""
    text = doc.text
    return tuple(
        PartyMention(m.code, text[m.start:m.end], doc.page_of(m.start), m.start, m.end, m.original, m.local)
        for m in iter_party_mentions(text, municipality=doc.metadata.municipality)
    )
