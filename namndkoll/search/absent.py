"""What a question constrains that a passage's whole context lacks (issue 11, near misses shown).

Most near misses left on screen hold every rare word of the query: the topic is there, but the
question also names *whose* or *which* — a person, a party, a municipality, a nämnd — and that is
nowhere near the passage. Such a passage cannot answer, however well it matches the rest:
"Vem ersätter Lars-Ivan Gustafsson som vice ordförande i tekniska nämnden?" and a § in which
Pär-Göran Björkman leaves that post; "sjukfrånvaro alingsås kommun 2025" and Tolkförmedling
Väst's own sick-leave table (the förbund's report names Alingsås only in its list of members).

The test is made against the widest honest context of the passage, so that a chunk border never
hides an answer: the passage, its § title, the rest of its § (every passage of the same § of the
same document), or, outside a §, the passages right around it; and the document's own metadata
(its body, its committee, its title). A constraint counts as *absent* only when none of that
names it. ``judge.judge`` drops such a candidate even when it holds the query's rare terms: what
it holds is about someone or somewhere else.

Constraints read from the question (each general, none keyed to a document):
- **a person or another proper name** written as two or more capitalised words ("Jan-Erik
  Wallin", "Elisabet Lann", "Norra Stenebyvägen"), not a place the question names; each word
  must be held (a genitive "-s" allowed); and a single capitalised word inside the question
  ("Saltholmen", "Ukrainamotionen"), not a place or a party, held by its first ``NAME_PREFIX``
  letters (in a compound, in the genitive, inflected: "Ukraina", "ukrainska").
- **a party**, by its name ("Centerpartiet", "Sverigedemokraternas") or its code ("SD", "KD"; a
  single letter only in capitals): its name or its code as protocols write it ("(C)", "från C",
  "C, M och L", "C:s", a vote list's "C 12").
- **a municipality or region** the question names: the document is that body's own, or the
  context names it (also in the genitive: "Alingsås kommuns"); one of them is enough here where
  the question names several ("Hur mycket av Tolkförmedling Västs överskott får Alingsås …": the
  förbund's own report may state what all members get); ``question.place_consistent`` asks
  besides that the document name every one of them somewhere.
- **a figure**, for a figure question: some sentence of the context holds one (``grounds.figure_in``:
  not a date, a § number, a case number or a year).
- **the post asked of a body** ("Vem är ordförande i socialnämnden …", ``Question.post``): the
  body's own record naming the post, or the post within ``POST_NEAR`` characters of the body
  ("utses till vice ordförande i tekniska nämnden").
- **the one replaced**, for "Vem ersatte X …" (``Question.replaced``): some part of the context
  names X as the one replaced ("i stället för X", "efter X", "ersätter X", or X leaving the post
  where someone is elected); a § that names X only as the one appointed, or present, names no
  successor of X.
- **the nämnd, styrelse, förvaltning or koncern** a question asks a figure or a person of
  (``Question.body``): the document is that body's, or the context names it (or refers back to
  it: "nämnden"); and the assembly or board a "Vem …" question asks a post in ("ordförande i
  kommunfullmäktige", "i regionstyrelsen", "i valberedningen"): its own records, or a context
  naming it ("Vem är ordförande i kommunfullmäktige i Kungsbacka?" and a regional report naming
  Kungsbacka among railway works).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..corpus.base import Store
from ..registry import PARTIES, party_in_text
from .asked import ELECTS, body_rx
from .grounds import states
from .question import Place, Question, mentions_place, same_body
from .terms import STOPWORDS, fold, party_code

__all__ = ["Constraints", "absent_from", "absent_in_context", "constraints_of"]

# a proper name written as two or more capitalised words: "Jan-Erik Wallin", "Norra Stenebyvägen"
_PROPER = re.compile(r"(?<![\wåäöÅÄÖ])[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
                     r"(?:\s+[A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)+")
_TOKEN = re.compile(r"[\wåäöÅÄÖéü]+(?:-[\wåäöÅÄÖéü]+)*")
# words after a place that make it its body's name ("Göteborgs Stad", "Alingsås kommun")
_PLACE_WORDS = frozenset(["stad", "stads", "kommun", "kommuns", "region", "regionen", "regionens"])
# the passages on either side of a passage outside a § read as its context
AROUND = 2
# the passages of a § read before and after a candidate (a § is seldom longer)
ITEM_SPAN = 40
# a single capitalised word inside a question ("Saltholmen", "Ukrainamotionen"), held by its first
# NAME_PREFIX letters
_CAPITAL = re.compile(r"(?<![\wåäöÅÄÖ-])[A-ZÅÄÖ][a-zåäöéü]+(?![\wåäöÅÄÖ-])")
NAME_PREFIX = 6
# the party codes of one letter: a party only where written in capitals ("C", not "c")
_SINGLE = frozenset(code for code in PARTIES if len(code) == 1)
# the assembly or board a "Vem …" question asks a member or post of ("ordförande i
# regionstyrelsen", "ersättare i kommunfullmäktige"): Question.body leaves these to the voter and
# decider rules
_WHO_BODY = re.compile(r"\b(?:i|för|till)\s+((?:kommun|region|stads)?(?:fullmäktige|styrelsen)|valberedningen|"
                       r"direktionen)(?![\wåäö])", re.IGNORECASE)
# characters between a post and the body it is of ("vice ordförande i tekniska nämnden")
POST_NEAR = 60


@dataclass(frozen=True)
class Constraints:
    names: tuple[tuple[str, ...], ...] = ()  # proper names, each as its folded words
    parties: tuple[str, ...] = ()  # party codes ("C", "SD")
    places: tuple[Place, ...] = ()
    body: str | None = None
    # the assembly or board a "Vem …" question asks about ("fullmäktige", "regionstyrels"), a stem
    assembly: str | None = None
    replaced: str | None = None  # the one whose successor "Vem ersatte X …" asks (Question.replaced)
    kind: bool = False  # a figure or a date is asked

    def __bool__(self) -> bool:
        return bool(self.names or self.parties or self.places or self.body or self.assembly or self.replaced
                    or self.kind)


def constraints_of(query: str, question: Question) -> Constraints:
    """What ``query`` (read as ``question``) constrains a passage to name."""
    place_words = {fold(w.casefold()) for p in question.places for w in _TOKEN.findall(p.phrase)}
    names = []
    for m in _PROPER.finditer(query):
        words = [fold(w.casefold()) for w in _TOKEN.findall(m.group(0))]
        # a question's first word ("Vem", "Hur") and words such as "Stad" are no part of a name
        if m.start() == 0 or query[:m.start()].strip() == "":
            words = words[1:]
        words = [w for w in words if w not in STOPWORDS]
        if len(words) < 2 or all(w in place_words or w in _PLACE_WORDS for w in words):
            continue
        names.append(tuple(words))
    covered = {w for n in names for w in n}
    for m in _CAPITAL.finditer(query):
        w = fold(m.group(0).casefold())
        if (query[:m.start()].strip() and w not in covered and w not in STOPWORDS and w not in place_words
                and w not in _PLACE_WORDS and party_code(w) is None and len(w) >= 4
                # a party's name in any form ("Miljöpartiets motion") is the party rule's to check
                and party_code(m.group(0).casefold()) is None):
            # its first six letters: a name in a compound ("Ukrainamotionen" and "Ukraina", "ukrainska")
            # (in the genitive, without its -s: "Higabs köp" and "Higab")
            names.append((w.removesuffix("s")[:NAME_PREFIX] + "*",))
    parties = []
    for tok in _TOKEN.findall(query):
        code = party_code(tok.casefold())
        if code is None and len(tok) == 1 and tok.isupper() and tok in _SINGLE:
            code = tok
        if code is not None and code not in parties:
            parties.append(code)
    body = question.body if question.body and question.kinds & {"figure", "who"} else None
    assembly = None
    if "who" in question.kinds and (board := _WHO_BODY.search(query)):
        found = board.group(1).casefold()
        assembly = "fullmäktige" if found.endswith("fullmäktige") else found.removesuffix("en")
    return Constraints(tuple(names), tuple(parties), question.places, body, assembly, question.replaced,
                       bool(question.kinds & {"figure", "date"}))


@lru_cache(maxsize=64)
def _party_rx(code: str) -> re.Pattern[str]:
    """A party held by a text: its name, or its code as records write it (the registry's
    ``party_in_text``: "(C)", "från C", "C, M och L", "C:s", "C 12", "(FI)", "Berg (fp)")."""
    if code in PARTIES:
        return party_in_text(code)
    return re.compile(r"\(" + re.escape(code) + r"\)")


# the spellings of one Swedish name sound alike (``spoken``): a silent h after a vowel ("Pehrsson",
# "Ohlsson", "Dahl"), c for k ("Carlsson"), w for v ("Wallin"), ph for f ("Philip")
_SILENT_H = re.compile(r"(?<=[aeiouy])h(?=[bcdfgjklmnpqrstvwxz])")
_C_AS_K = re.compile(r"ck|c(?=[aoukl])")
_SPOKEN = str.maketrans({"w": "v", "z": "s"})


def spoken(folded: str) -> str:
    """``folded`` (lower case, rings and dots off) with the letters two spellings of one name
    differ by written one way: a question typing "Martin Persson" names the "Martin Pehrsson (S)"
    of the protocol, which itself spells him both ways (Alingsås KF 2018-03-28, § 35 and § 44)."""
    return _C_AS_K.sub("k", _SILENT_H.sub("", folded.replace("ph", "f"))).translate(_SPOKEN)


def _holds_name(words: tuple[str, ...], folded: str) -> bool:
    """Every word of a name in ``folded`` text, with or without a genitive -s ("Dennis Jalonens
    plats" and "Dennis Jalonen (V)"), as spelt or as it sounds (``spoken``: "Persson" and
    "Pehrsson"); a word ending in "*" (``NAME_PREFIX`` letters of a single capitalised word)
    from the start of any word."""
    return _holds_spelt(words, folded) or _holds_spelt(tuple(spoken(w) for w in words), spoken(folded))


def _holds_spelt(words: tuple[str, ...], folded: str) -> bool:
    return all(re.search(r"(?<![\w])" + re.escape(w[:-1]), folded) if w.endswith("*") else
               re.search(r"(?<![\w])" + re.escape(w.removesuffix("s")) + r"(?:s|:s)?(?![\w])", folded)
               for w in words)


def absent_from(c: Constraints, text: str, row: Mapping[str, Any], question: Question | None = None,
                parts: Sequence[tuple[str, str | None]] | None = None) -> tuple[str, ...]:
    """The kinds of constraint (``"name"``, ``"party"``, ``"place"``, ``"body"``, ``"successor"``,
    ``"post"``, ``"kind"``) that neither ``text`` (the passage's whole context, its § title first)
    nor its document's metadata in ``row`` holds; () when the passage may answer. ``parts``: the
    context's passages with their sections (default: the passage of ``row`` alone)."""
    meta = " ".join(str(row[f] or "") for f in ("title", "committee", "municipality"))
    whole = text + "\n" + meta
    out = []
    if c.names and any(not _holds_name(n, fold(whole.casefold())) for n in c.names):
        out.append("name")
    if any(not _party_rx(p).search(whole) for p in c.parties):
        out.append("party")
    body = row["municipality"]
    if c.places and all(not (body is not None and body in p.names) and not mentions_place(p, whole) for p in c.places):
        out.append("place")
    if c.body is not None and not _records_of(c.body, row["committee"]) and not body_rx(c.body).search(whole):
        out.append("body")
    if c.assembly is not None and c.assembly not in f"{row['committee'] or ''}\n{whole}".casefold():
        out.append("body")
    # "Vem ersatte X …": a context naming X only as the one appointed, or present (a list of who
    # attended writes "Bentzer, Maja"), names no successor of X (``asked.successor_named``'s cues,
    # there for the passage alone)
    if question is not None and question.replaced and not _replaced_in(question.replaced, whole) \
            and not _left_and_elected(question.replaced, whole):
        out.append("successor")
    if question is not None and question.post and "body" not in out and (c.body or c.assembly):
        rx = body_rx(c.body) if c.body else re.compile(re.escape(c.assembly or ""), re.IGNORECASE)
        own = c.body is not None and _records_of(c.body, row["committee"]) \
            or c.assembly is not None and c.assembly in str(row["committee"] or "").casefold()
        if not _post_named(question.post, rx, whole, own=own):
            out.append("post")
    # a figure or a date asked: some passage of the context states one (of the unit asked: an
    # amount for "Vad kostar …", a share for "Hur stor andel …"; grounds.states)
    if c.kind and question is not None and not any(
            _states(question, t, sec) for t, sec in (parts if parts is not None else [(row["text"], row["section"])])):
        out.append("kind")
    return tuple(out)


def _records_of(body: str, committee: str | None) -> bool:
    """Whether a document of ``committee`` is the record of ``body`` (a question's nämnd or
    styrelse, ``Question.body``)."""
    return bool(committee) and same_body(body.split()[-1], committee)


def _post_named(post: str, body: re.Pattern[str], whole: str, *, own: bool) -> bool:
    """Whether ``whole`` names ``post`` of the body ``body`` finds: anywhere, in the body's own
    record (``own``), else within ``POST_NEAR`` characters of the body's name ("utses till vice
    ordförande i tekniska nämnden")."""
    named = re.compile(r"(?<![\wåäö])" + re.escape(post), re.IGNORECASE)
    return own and bool(named.search(whole)) or any(
        body.search(whole[max(m.start() - POST_NEAR, 0):m.end() + POST_NEAR]) for m in named.finditer(whole))


@lru_cache(maxsize=4096)
def _states(question: Question, text: str, section: str | None) -> bool:
    # remembered: the passages of a § stand in the context of each of its candidates
    return states(question, text, section)


def _name_rx(name: str) -> str:
    """A regex of ``name`` with any white space between its words."""
    return r"\s+".join(re.escape(w) for w in name.split())


def _replaced_in(name: str, text: str) -> bool:
    """Whether ``text`` names ``name`` as the one replaced: "i stället för X", "efter X",
    "ersätter X" (``asked.successor_named``'s cues)."""
    who = _name_rx(name)
    return bool(re.search(r"\b(?:i\s+stället\s+för|istället\s+för|efter|ersätter|ersätta|ersatte|efterträder|efterträdde)\s+"
                          + who, text, re.IGNORECASE))


def _left_and_elected(name: str, text: str) -> bool:
    """Whether ``text`` says that ``name`` left a post ("Anders Sandberg (S) har i skrivelse den
    26 mars 2018 avsagt sig sitt uppdrag …", "Avsägelse från X av uppdrag som ledamot") and elects
    someone ("… utses till ny ledamot"): the § of a fyllnadsval names the successor of the one
    who left."""
    who = _name_rx(name)
    return bool(ELECTS.search(text)) and bool(re.search(
        r"\b(?:avsägelse|entledigande|befrielse|avgång)\s+(?:från|av|för)\s+" + who + "|" + who
        + r"(?:\s*\([^)]{1,12}\))?\s+(?:har\s+)?[^.]{0,60}?\b(?:avsäger|avsagt|avgår|avgått|entledigas)\b",
        text, re.IGNORECASE))


def absent_in_context(store: Store, c: Constraints, question: Question, rows: Mapping[int, Any],
                      texts: Mapping[int, str]) -> dict[int, tuple[str, ...]]:
    """``absent_from`` for every candidate of ``rows`` (``texts``: each one's passage with its §
    title): first its own words, then, for those lacking something, its whole context, read in one
    query of ``store`` and judged once per § (every passage of a § has the same context)."""
    if not c:
        return {}
    lacks = {cid: absent_from(c, texts[cid], row, question) for cid, row in rows.items()}
    wider = [cid for cid, miss in lacks.items() if miss]
    if not wider:
        return lacks
    around = dict(store.chunk_rows(sorted(_scope_ids(rows, wider) - set(wider)))) | {cid: rows[cid] for cid in wider}
    judged: dict[Any, tuple[str, ...]] = {}
    signed: dict[int, bool] = {}  # per document: the search asks one paper for several passages
    for cid in wider:
        row = rows[cid]
        key = (row["document_id"], row["item"]) if row["item"] is not None else cid
        if key not in judged:
            parts = _scope_parts(cid, rows, around)
            text = "\n".join([row["context"] or "", *(t for t, _s in parts)])
            judged[key] = absent_from(c, text, row, question, parts)
        lacks[cid] = judged[key]
        if row["item"] is None and "party" in lacks[cid]:
            doc = row["document_id"]
            if doc not in signed:
                signed[doc] = _signed_by(store, doc, c.parties)
            if signed[doc]:
                lacks[cid] = tuple(k for k in lacks[cid] if k != "party")
    return lacks


def _signed_by(store: Store, document_id: int, parties: Sequence[str]) -> bool:
    """Whether a document without § items (a motion, a reservation, a party's budget) names each
    of ``parties`` by its name anywhere: such a paper is one party's, and it signs with its name
    pages after the passage that answers (Region Gotland's motion on vegetabilisk kost, its
    figure on page 1, "Elin Bååth, Feministiskt initiativ" on page 2). By name only: the
    keyword index finds a code such as "Fi" only as the start of other words ("finns")."""
    return all(store.document_mentions(document_id, sorted({PARTIES[p].name, *PARTIES[p].stems}))
               for p in parties if p in PARTIES)


def _scope_ids(rows: Mapping[int, Any], ids: Sequence[int]) -> set[int]:
    """The chunk ids to read for the context of each of ``ids`` (each a key of ``rows``)."""
    out: set[int] = set()
    for cid in ids:
        span = ITEM_SPAN if rows[cid]["item"] is not None else AROUND
        out.update(range(max(cid - span, 0), cid + span + 1))
    return out


def _scope_parts(cid: int, rows: Mapping[int, Any], around: Mapping[int, Any]) -> list[tuple[str, str | None]]:
    """The passages of candidate ``cid``'s context, each with its section, in their order: every
    passage of its § (the same document and item) among ``around``, or outside a § itself and the
    ``AROUND`` passages on either side."""
    row = rows[cid]
    doc, item = row["document_id"], row["item"]
    if item is not None:
        ids = sorted(i for i, r in around.items() if r["document_id"] == doc and r["item"] == item)
    else:
        ids = [i for i in range(cid - AROUND, cid + AROUND + 1) if i in around and around[i]["document_id"] == doc]
    return [(around[i]["text"], around[i]["section"]) for i in ids]
