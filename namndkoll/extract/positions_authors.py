"""Who a position is by: the party the document gives each named member, the signatories and
byline of a party's own document, and whether a document is a party's motion.

Split out of positions.py (which finds the statements) so each stays readable; both read the
same name and "Name (P)" patterns defined here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..registry import canonical_code, code_pattern, without_roles
from ..types import Document, Person
from .parties import iter_party_spans as _party_spans
from .parties import local_parties
from .people import GENITIVE_OWNED

UP = "A-ZÀ-ÖØ-ÞŠŽČĆĐŁŚŹŻ"
NAME = rf"[{UP}][\w'’.-]+(?:[ \t\n]+(?:(?:af|av|von|van|de|der|al|el|bin)[ \t\n]+)?[{UP}][\w'’-]+){{1,3}}"
_ANY_CODE = code_pattern(former=True, lower=True)
# "Ulf Richeberg (FB,) Thomas Eneström (S), …": a comma slipped inside the bracket is no party's
PERSON_RE = re.compile(
    rf"(?P<name>{NAME})(?:[ \t\n]+(?:m\.[ \t]?fl\.?|med[ \t]+flera))?[ \t\n]*\((?P<code>{_ANY_CODE}),?\)")
BARE_NAME_RE = re.compile(NAME)
# what follows a name in the genitive and its party ("Johan Tolinssons (S) m.fl. yrkande",
# "Peter Lundins (C) förslag"): the member whose proposal a statement backs or opposes
_GENITIVE_OWNER_RE = re.compile(r"[ \t\n]*" + GENITIVE_OWNED)


def genitive_owner(m: re.Match[str], text: str) -> bool:
    """Whether the "Name (P)" ``m`` is a member in the genitive whose yrkande, förslag or
    motion the sentence names ("stödjer Johan Tolinssons (S) m.fl. yrkande"): not who states it."""
    return m.group("name").rstrip().endswith("s") and _GENITIVE_OWNER_RE.match(text, m.end()) is not None


# key prefix in ``known`` of a local party's name ("Fokus Bjärred" for FB): a party, not a person
PARTY_KEY = "party:"
# key prefix in ``known`` of a code written once or twice after a name the document gives
# another party at least three times as often ("slip:Thomas Eneström|M" -> "S")
SLIP_KEY = "slip:"


def local_party_named(actor: str, known: dict[str, str]) -> bool:
    """Whether ``actor`` is a name the document gives one of its local parties ("Fokus Bjärred")."""
    return any(PARTY_KEY + norm(m.group()) in known for m in BARE_NAME_RE.finditer(actor))


def party_of_names(doc: Document, people: Sequence[Person]) -> dict[str, str]:
    """Name -> party code of everyone whose party the document states somewhere, and
    PARTY_KEY + name -> code of the names the document gives its local parties."""
    known: dict[str, str] = {}
    for name, code in local_parties(doc.text).items():
        if name != code and " " in name:
            known[PARTY_KEY + norm(name)] = code
    written: dict[str, Counter[str]] = {}
    for m in PERSON_RE.finditer(doc.text):
        if not genitive_owner(m, doc.text):
            written.setdefault(strip_role(m.group("name")), Counter())[canonical_or_written(m.group("code"))] += 1
    for name, seen in written.items():
        known[name] = seen.most_common(1)[0][0]
    # the party the document gives a name most often, not the last mention's: "Ulf Richeberg (F)"
    # in the statements and "(FB)" in a vote list, or a slip "(M)" among many "(S)"
    found: dict[str, Counter[str]] = {}
    for p in people:
        if p.party:
            found.setdefault(norm(p.name), Counter())[p.party] += 1
    for name, seen in found.items():
        known[name] = seen.most_common(1)[0][0]
    for name, seen in (written | found).items():
        top, n = seen.most_common(1)[0]
        for code, k in seen.items():
            if code != top and n >= 3 * k and n >= 4:
                known[SLIP_KEY + name + "|" + code] = top
    return known


def author_parties(doc: Document, known: dict[str, str]) -> tuple[str, ...]:
    """The party that signed a party document: its signature, else its title, else the one
    party of the people named in it."""
    text = doc.text.rstrip()
    muni = doc.metadata.municipality
    tail = text[-400:]
    codes = list(dict.fromkeys(c for _s, _e, c in _party_spans(tail, municipality=muni)))
    if not codes and doc.metadata.title:
        codes = list(dict.fromkeys(c for _s, _e, c in _party_spans(doc.metadata.title, municipality=muni)))
    if not codes and (by := _BYLINE.search(text[:600])):
        # "Initiativ i kommunstyrelsen / 11 maj 2026 / av Jens Christian Berlin (L)": the byline
        codes = list(dict.fromkeys(c for _s, _e, c in _party_spans(by.group("by"), municipality=muni)))
    if not codes:
        codes = list(dict.fromkeys(known[n] for n in signatories(text, known) if n in known))
    return tuple(codes)


# a party document's byline under its heading: "av Jens Christian Berlin (L)", "Från
# Vänsterpartiet", "Inlämnad av Anna Berg (S) och Bo Ek (S)"
_BYLINE = re.compile(r"(?im)^[ \t]*(?:inlämnad[ \t]+av|undertecknad[ \t]+av|av|från)[ \t]+(?P<by>[^\n]{3,160})$")


def signatories(text: str, known: dict[str, str]) -> tuple[str, ...]:
    tail = text.rstrip()[-400:]
    names = [strip_role(m.group("name")) for m in PERSON_RE.finditer(tail)]
    for line in tail.splitlines()[-8:]:
        s = line.strip()
        if re.fullmatch(r"[A-ZÅÄÖÉ][a-zåäöé-]+(?: [A-ZÅÄÖÉ][a-zåäöé-]+){1,3}", s) and not any(
                True for _ in _party_spans(s)):
            names.append(s)
    return tuple(dict.fromkeys(names))


_DOC_PREFIX = re.compile(r"(?:Svar på |Besvarande av )?(?:[Mm]otion|Interpellation|Fråga|Initiativärende|Skrivelse"
                         r"|Yrkande|Reservation)(?:en)?[ \t\n]+(?:av|från)[ \t\n]+")


def strip_role(name: str) -> str:
    name = _DOC_PREFIX.sub("", name, count=1) if _DOC_PREFIX.match(name) else name
    return without_roles(name)


def norm(name: str) -> str:
    return " ".join(name.split())


def canonical_or_written(code: str) -> str:
    return canonical_code(code) or code


def party_motion(text: str, known: dict[str, str]) -> bool:
    """A document that proposes decisions to an assembly and is signed by a party's members
    ("Förslag till beslut i kommunfullmäktige: … / Anton César (S), Leif Hansson (S)")."""
    tail = text.rstrip()[-300:]
    if not PERSON_RE.search(tail) or re.search(_TITLE_WORDS_RE, tail):
        return False
    return bool(re.search(r"(?i)förslag till beslut i (?:kommun|region)?fullmäktige|\byrkar (?:vi|jag)\b"
                          r"|\bföreslår (?:vi|jag)\b|^\s*motion\b", text))


_TITLE_WORDS_RE = r"(?i)\b(?:handläggare|direktör|chef|sekreterare|tjänsteskrivelse|godkännare)\b"
