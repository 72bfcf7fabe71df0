"""Positions: what a party (or its members) stated in a record, with who and where.

Kinds: reservations (``Ledamöterna från SD reserverar sig …``, a "Reservation" section with its
signatories), särskilda uttalanden/yttranden, protokollsanteckningar, yrkanden with the
proposers' parties (``Karin Pleijel (MP) yrkar bifall till …``), and documents written by a
party (a reservation, motion or skrivelse signed by a party: the whole text is its position).

A statement's parties come from its *actor* — the words before its verb ("Ledamöterna från M,
D, L och KD", "Sabina Music (C), … och Jenny Broman (V)") — so that a party merely mentioned
in the argument ("… yrkande från SD …") is not taken for the author. Where the actor names
people without a party, the party comes from the people found elsewhere in the document.
Jäv notes are not positions and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Document, PartyMention, Person, Position
from .decisions import item_label, iter_sentences, regions
from .parties import iter_party_spans as _party_spans

_KINDS = {"reservation": "reservation", "sarskilt_uttalande": "sarskilt_uttalande",
          "protokollsanteckning": "protokollsanteckning", "yrkanden": "yrkande"}
_DOC_KINDS = {"reservation": "reservation", "sarskilt_yttrande": "sarskilt_uttalande",
              "motion": "motion", "skrivelse": "skrivelse"}
_VERB_RE = re.compile(
    r"(?<![\wåäö])(?P<verb>reserverar|reserverade|yrkar|yrkade|antecknar|antecknade|deltar|deltog"
    r"|lämnar|lämnade|anmäler|anmälde|instämmer|instämde|avger|avgav|föreslår|ansluter)(?![\wåäö])"
)
_COLLECTIVE_RE = re.compile(
    r"\b(?:[Ll]edamöterna|[Ll]edamoten|[Rr]epresentanterna|[Ee]rsättarna|[Ee]rsättaren|[Gg]ruppen"
    r"|[Pp]artierna|[Pp]artiet|[Ff]örträdarna|[Kk]ommunalråden)\b"
)
_ROLE_WORDS = (
    "Ordföranden", "Ordförande", "Ledamoten", "Ledamot", "Ersättaren", "Kommunalrådet", "Kommunalråd",
    "Tjänstgörande", "Förste", "Andre", "Vice", "Oppositionsrådet", "Gruppledaren", "Ledamöterna",
)
_UP = "A-ZÀ-ÖØ-ÞŠŽČĆĐŁŚŹŻ"
_NAME = rf"[{_UP}][\w'’.-]+(?:[ \t\n]+(?:(?:af|av|von|van|de|der|al|el|bin)[ \t\n]+)?[{_UP}][\w'’-]+){{1,3}}"
_PERSON_RE = re.compile(rf"(?P<name>{_NAME})[ \t\n]*\((?P<code>SD|KD|MP|Fi|FI|S|M|C|V|L|D)\)")
_BARE_NAME_RE = re.compile(_NAME)
_CODE = r"(?:SD|KD|MP|Fi|S|M|C|V|L|D)"
# "från M, D, L, och KD": the serial comma before "och" is common in protocols
_FROM_LIST_RE = re.compile(
    rf"\b(?:från|för)\s+(?P<list>{_CODE}(?:\s*(?:,\s*och|,\s*samt|,|och|samt|&)\s*{_CODE})*)(?![\wåäö])"
)


def find_positions(
    doc: Document, people: Sequence[Person] = (), parties: Sequence[PartyMention] = ()
) -> tuple[Position, ...]:
    """Every position stated in ``doc`` (see the module docstring), in text order."""
    text = doc.text
    known = _party_of_names(doc, people)
    out: list[Position] = []
    taken: list[tuple[int, int]] = []

    def emit(kind: str, start: int, end: int, actor_end: int | None) -> None:
        start, end = _trim(text, start, end)
        if end <= start or re.search(r"\bjäv\b", text[start:end], re.IGNORECASE):
            return
        if any(a < end and start < b for a, b in taken):
            return
        scope = text[start:actor_end] if actor_end else text[start:end]
        codes, names = _actors(scope, known, doc.metadata.municipality)
        if actor_end is None and not codes:
            return
        if not codes and not names:
            return
        taken.append((start, end))
        out.append(Position(parties=codes, kind=kind, text=" ".join(text[start:end].split()),  # type: ignore[arg-type]
                            page=doc.page_of(start), start=start, end=end,
                            item=item_label(doc, start), people=names))

    # 1. sections: every statement of a Reservation / Särskilt uttalande / Protokollsanteckning
    #    / Yrkanden part
    for kind, s, e in regions(doc, set(_KINDS)):
        for st, en, actor_end in _statements(text, s, e, known, doc.metadata.municipality):
            if kind == "yrkanden" and actor_end is None:
                continue
            k = _KINDS[kind]
            if actor_end is not None and text.startswith("reserver", actor_end):
                k = "reservation"  # a reservation written under another heading
            emit(k, st, en, actor_end)
        if kind != "yrkanden" and not any(s <= a < e for a, _ in taken):
            emit(_KINDS[kind], s, e, None)  # a signed block: the parties of its signatories

    # 2. the same statements in running text ("… Ledamöterna från SD reserverar sig …")
    for st, en in iter_sentences(text, 0, len(text)):
        m = _actor_verb(text, st, en, known, doc.metadata.municipality)
        if m is None:
            continue
        sentence = text[st:en]
        verb = m.group("verb")
        if verb.startswith("reserver"):
            kind = "reservation"
        elif verb.startswith("yrka"):
            kind = "yrkande"
        elif re.search(r"särskil(?:t|da)\s+(?:uttalande|yttrande)", sentence, re.IGNORECASE):
            kind = "sarskilt_uttalande"
        elif re.search(r"protokollsanteckning", sentence, re.IGNORECASE):
            kind = "protokollsanteckning"
        else:
            continue
        emit(kind, st, en, m.start())

    # 3. a document written by a party: all of it is that party's position
    doc_kind = _DOC_KINDS.get(doc.metadata.doc_type or "")
    if doc_kind and text.strip():
        codes = _author_parties(doc, known)
        if codes:
            s, e = _trim(text, 0, len(text))
            out.append(Position(parties=codes, kind=doc_kind, text=" ".join(text[s:e].split()),  # type: ignore[arg-type]
                                page=doc.page_of(s), start=s, end=e, item=None,
                                people=_signatories(text, known)))
    out.sort(key=lambda p: (p.start, -p.end))
    return tuple(out)


# ---- statements -------------------------------------------------------------------------

def _statements(text: str, s: int, e: int, known: dict[str, str], muni: str | None
                ) -> list[tuple[int, int, int | None]]:
    """(start, end, actor end or None) of the statements in text[s:e]: a sentence whose
    actor is a party or a person begins one; the sentences after it belong to it."""
    out: list[list[int | None]] = []
    for st, en in iter_sentences(text, s, e):
        m = _actor_verb(text, st, en, known, muni)
        if m is not None or not out:
            out.append([st, en, m.start() if m else None])
        else:
            out[-1][1] = en
    return [(int(a), int(b), c) for a, b, c in out]  # type: ignore[arg-type]


def _actor_verb(text: str, st: int, en: int, known: dict[str, str], muni: str | None
                ) -> re.Match[str] | None:
    """The verb of a sentence whose words before it name parties or people, else None."""
    m = _VERB_RE.search(text, st, min(en, st + 500))
    if m is None:
        return None
    actor = text[st:m.start()]
    if not actor.strip() or re.search(r"\b(?:att|som|när|om|finner|ställer)\b", actor):
        return None
    if _COLLECTIVE_RE.search(actor) and any(True for _ in _party_spans(actor, municipality=muni)):
        return m
    if _PERSON_RE.search(actor):
        return m
    if any(_norm(n.group()) in known for n in _BARE_NAME_RE.finditer(actor)):
        return m
    return None


def _actors(scope: str, known: dict[str, str], muni: str | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(party codes, people) named in ``scope``, each in order of first mention."""
    codes: dict[str, None] = {}
    names: dict[str, None] = {}
    people_spans = []
    for m in _PERSON_RE.finditer(scope):
        name = _strip_role(m.group("name"))
        names[name] = None
        people_spans.append((m.start(), m.end(), _code(m.group("code"))))
    listed = [(m.start("list") + c.start(), m.start("list") + c.end(), c.group())
              for m in _FROM_LIST_RE.finditer(scope) for c in re.finditer(_CODE, m.group("list"))]
    spans = sorted([(s, e, c) for s, e, c in _party_spans(scope, municipality=muni)] + people_spans + listed)
    for _s, _e, c in spans:
        codes[c] = None
    for m in _BARE_NAME_RE.finditer(scope):
        n = _norm(m.group())
        if n in known:
            names.setdefault(n, None)
            codes.setdefault(known[n], None)
    return tuple(codes), tuple(names)


def _party_of_names(doc: Document, people: Sequence[Person]) -> dict[str, str]:
    """Name -> party code of everyone whose party the document states somewhere."""
    known: dict[str, str] = {}
    for m in _PERSON_RE.finditer(doc.text):
        known.setdefault(_strip_role(m.group("name")), _code(m.group("code")))
    for p in people:
        if p.party:
            known[_norm(p.name)] = p.party
    return known


def _author_parties(doc: Document, known: dict[str, str]) -> tuple[str, ...]:
    """The party that signed a party document: its signature, else its title, else the one
    party of the people named in it."""
    text = doc.text.rstrip()
    muni = doc.metadata.municipality
    tail = text[-400:]
    codes = list(dict.fromkeys(c for _s, _e, c in _party_spans(tail, municipality=muni)))
    if not codes and doc.metadata.title:
        codes = list(dict.fromkeys(c for _s, _e, c in _party_spans(doc.metadata.title, municipality=muni)))
    if not codes:
        codes = list(dict.fromkeys(known[n] for n in _signatories(text, known) if n in known))
    return tuple(codes)


def _signatories(text: str, known: dict[str, str]) -> tuple[str, ...]:
    tail = text.rstrip()[-400:]
    names = [_strip_role(m.group("name")) for m in _PERSON_RE.finditer(tail)]
    for line in tail.splitlines()[-8:]:
        s = line.strip()
        if re.fullmatch(r"[A-ZÅÄÖÉ][a-zåäöé-]+(?: [A-ZÅÄÖÉ][a-zåäöé-]+){1,3}", s) and not any(
                True for _ in _party_spans(s)):
            names.append(s)
    return tuple(dict.fromkeys(names))


def _strip_role(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0] in _ROLE_WORDS:
        words = words[1:]
    return " ".join(words)


def _norm(name: str) -> str:
    return " ".join(name.split())


def _code(code: str) -> str:
    return "Fi" if code.upper() == "FI" else code


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\f":
        s += 1
    while e > s and text[e - 1] in " \t\n\f":
        e -= 1
    return s, e
