"""What a passage says of the thing asked, read against what the question asks of it (issue 11,
twenty-first session): the near misses shown as sure held every word of the query and said
something else of it. A passage is trusted only where its facts of the thing asked are the ones
asked; otherwise it is shown as weak at most (``Ranked.facts``), never refused for it, so no
answer is hidden by these checks:

- **the bound asked.** "Hur högt får … egna kapital som mest bli?" asks an upper bound: a
  passage whose sentences naming what is asked state only a lower one ("lägsta nivå på eget
  kapital ska vara 22 mkr") answers another question (``bound_beside``).
- **the model asked.** "Hur många cyklar får plats på Västtrafiks X50-tåg?" names a model by
  its code: a passage naming only another code of the same series ("De kommande X80-tågen har
  plats för sex cyklar") is about that one (``code_beside``).
- **the party asked.** "Hur många ledamöter röstade för Centerpartiets yrkande …": a stance or
  vote passage that names whose yrkande it is, and names parties, none of them the one asked
  ("… avslag på tilläggsyrkandet från M, D, L och KD"), is another party's (``party_beside``).
- **the year asked, beside the thing.** "Hur många svar kom in på tolkenkäten 2024?" and a
  passage of the 2025 annual report whose sentences on the tolkenkät name no year, its 2024
  standing only in a sentence on something else ("Sedan december 2024 erbjuder förbundet …"):
  the passage is about its report's year (``year_beside``).
- **the cost of the thing, not of a study of it.** "Vad kostar den nya utflyktslekplatsen i
  Bergsjön?" and "… tilldelas 500 tkr för 2024 för att göra förstudie om en ny utflyktslekplats":
  the money is the förstudie's (``cost_not_study``).
"""

from __future__ import annotations

import re

from ..registry import PARTIES, party_in_text
from .grounds import sentences, without_axes, without_numbering
from .question import Question
from .terms import Matcher

__all__ = ["bound_asked", "bound_beside", "code_beside", "cost_not_study", "party_beside", "rarest", "stance_parties", "year_beside"]

# an upper or a lower bound, as a question asks it or a passage states it
_UPPER = re.compile(r"\b(?:som\s+mest|som\s+högst|högst|högsta|maximal\w*|maximum|max|tak(?:et)?|övre\s+gräns\w*|"
                    r"överstiga|överskrida)\b", re.IGNORECASE)
_LOWER = re.compile(r"\b(?:som\s+minst|som\s+lägst|minst|lägst|lägsta|minimal\w*|minimum|minimi\w*|golv(?:et)?|"
                    r"nedre\s+gräns\w*|understiga)\b", re.IGNORECASE)


def bound_asked(query: str) -> str | None:
    """"upper" when the query asks an upper bound ("som mest", "högst", "max"), "lower" for a
    lower one ("som minst", "lägsta", "minst"), None for neither or both."""
    up, low = bool(_UPPER.search(query)), bool(_LOWER.search(query))
    return "upper" if up and not low else "lower" if low and not up else None


def bound_beside(bound: str | None, text: str, thing: Matcher | None) -> bool:
    """Whether a passage may state the bound asked (``bound_asked``): False when its sentences
    holding a word of what is asked (``thing``) state only the other bound and the passage never
    names the one asked."""
    if bound is None or thing is None:
        return True
    asked, other = (_UPPER, _LOWER) if bound == "upper" else (_LOWER, _UPPER)
    if asked.search(text):
        return True
    return not any(other.search(s) for s in sentences(text) if any(thing.held(s)))


# a model or series by its code: letters and a number ("X50", "X80", "E6"); not a year or a §
_CODE = re.compile(r"(?<![\w-])([A-ZÅÄÖ]{1,3})-?(\d{1,4})(?![\d,.:])(?=[\s\-–,.;:)]|$)")


def _codes(text: str) -> set[tuple[str, str]]:
    return {(m.group(1).upper(), m.group(2)) for m in _CODE.finditer(text)}


def code_beside(query: str, text: str) -> bool:
    """Whether a passage names the model codes the query names ("X50"): False when it names
    none of them but another of the same series (its letters, another number: "X80")."""
    asked = {c for c in _codes(query.upper()) if not 1900 <= int(c[1]) < 2100}
    if not asked:
        return True
    named = _codes(text.upper())
    if named & asked:
        return True
    return not any(series == s and number != n for series, number in named for s, n in asked)


# whose yrkande or proposal a passage names: "tilläggsyrkandet från M, D, L och KD", "yrkande
# från S och V", "M:s yrkande"
_WHOSE = re.compile(r"\b(?:\w*yrkande\w*|\w*förslag\w*|reservation\w*)\s+från\s+((?:[A-ZÅÄÖ]{1,3}(?:\s*,\s*|\s+och\s+))*"
                    r"[A-ZÅÄÖ]{1,3})\b")


# ... or by its mover's name ("yrkandet från Jörgen Fogelklou"), whose party the § says where it
# names the mover with it ("Jörgen Fogelklou (SD) yrkar …")
_WHOSE_NAME = re.compile(r"\b(?:\w*yrkande\w*|\w*förslag\w*|reservation\w*)\s+från\s+"
                         r"((?-i:[A-ZÅÄÖ][a-zåäöéü-]+(?:\s+[A-ZÅÄÖ][a-zåäöéü-]+){1,2}))")


# a question asking a party's yrkande or reservation ("Centerpartiets yrkande", "mp:s yrkande"),
# not its motion: the vote on a party's motion is between other proposals
_ASKS_MOTION = re.compile(r"\b\w*(?:yrkande|reservation)\w*", re.IGNORECASE)


def stance_parties(query: str, parties: tuple[str, ...]) -> tuple[str, ...]:
    """The parties whose yrkande or reservation ``query`` asks about (``parties``: those it names),
    () when it asks none."""
    return parties if _ASKS_MOTION.search(query) else ()


def party_beside(parties: tuple[str, ...], text: str, context: str | None = None) -> bool:
    """Whether a passage may state the stance of the parties a question asks about
    (``parties``, codes): False when it names whose yrkande or proposal it records, by party
    codes ("… avslag på tilläggsyrkandet från M, D, L och KD") or by a mover whose party its §
    (``context``: the § text before a vote or stance passage, ``subject.with_subject``) names
    beside the mover ("yrkandet från Jörgen Fogelklou" and "Jörgen Fogelklou (SD) yrkar …"), none
    of them asked, and names none of the asked parties itself."""
    if not parties or any(party_in_text(p).search(text) for p in parties if p in PARTIES):
        return True
    whose = {code for m in _WHOSE.finditer(text) for code in re.split(r"\s*,\s*|\s+och\s+", m.group(1))}
    around = f"{text}\n{context or ''}"
    for m in _WHOSE_NAME.finditer(text):
        mover = re.search(re.escape(m.group(1)) + r"\s*\(([A-ZÅÄÖ]{1,3})\)", around)
        if mover is not None:
            whose.add(mover.group(1))
    whose &= set(PARTIES)
    return not whose or bool(whose & set(parties))


_YEAR = re.compile(r"(?<![\d.,:/-])((?:19|20)\d\d)(?!\d|[.,:]\d)")


def year_beside(question: Question, text: str, title: str | None, thing: Matcher | None,
                section: str | None) -> bool:
    """Whether a passage's sentences holding a word of what a question asks (``thing``) are of
    the year it asks: False when none of them names a year, the year asked stands only in
    sentences on something else, and the passage's title names another year first (its
    report's year: "Årsredovisning 2025" for "… tolkenkäten 2024?"). True for questions naming
    no year, table rows (their columns name the years), and passages whose sentences never hold
    a word of what is asked."""
    if not question.years or thing is None or section == "table":
        return True
    parts = sentences(without_numbering(without_axes(text)))
    naming = [s for s in parts if any(thing.held(s))]
    if not naming or any(_YEAR.search(s) for s in naming):
        return True
    first = _YEAR.search(title or "")
    return first is None or int(first.group(1)) in question.years



def rarest(thing: Matcher | None) -> Matcher | None:
    """The rarest word of what is asked (``thing``: ``grounds.thing_of``), by the passages holding
    it: what sets the thing asked apart ("utflyktslekplatsen" of "Vad kostar den nya
    utflyktslekplatsen i Bergsjön?")."""
    if thing is None or not thing.terms:
        return None
    return Matcher([min(thing.terms, key=lambda t: t.df)])


# a study of a thing, not the thing: a förstudie, an utredning, a projektering, a kostnadsanalys
_STUDY = re.compile(r"\b(?:förstudie\w*|utred\w*|projekter\w*|förprojekter\w*|kartlägg\w*|kostnadsanalys\w*)",
                    re.IGNORECASE)
# a question of what a thing costs ("Vad kostar …", "Vad skulle … kosta?", "kostnad")
_COST_ASKED = re.compile(r"\bkost", re.IGNORECASE)
# ... and a cost stated, a figure after it ("Förstudien visar att bron kostar 40 mnkr"): the
# thing's cost, though a study names it
_COST_STATED = re.compile(r"\bkost\w*\D{0,60}?\d", re.IGNORECASE)


def cost_not_study(question: Question, query: str, text: str, section: str | None, rare: Matcher | None) -> bool:
    """Whether a passage may state what the thing a money question asks the cost of costs: False
    when each of its sentences naming the thing's rarest word (``rarest``) names a study of it
    ("Stadsmiljönämnden tilldelas 500 tkr för 2024 för att göra förstudie om en ny
    utflyktslekplats i Bergsjön" for "Vad kostar den nya utflyktslekplatsen i Bergsjön?"): the
    money is the study's. True where the query asks of a study itself, for table rows and for
    passages not naming the word."""
    if rare is None or section == "table" or _STUDY.search(query):
        return True
    if not (question.price or _COST_ASKED.search(query)):
        return True
    naming = [s for s in sentences(text) if any(rare.held(s))]
    return not naming or any(not _STUDY.search(s) or _COST_STATED.search(s) for s in naming)
