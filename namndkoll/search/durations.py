"""What answers a question asking how long ("Hur länge gäller …", "hur länge pågår …", "Inom hur
lång tid …"): a length of time, or when it ends or runs from and to (issue 11, twenty-fourth
session).

A figure question's checks (``grounds.states``, ``figure_beside``, ``thing_beside``) read a date
as no figure: "§ 95", "4 mars 2026" and "2024-01-01" say when or where, not how many. For a
duration asked, a date is what answers: "Avtalet gäller till och med den 4 mars 2026", "fram till
31.12.2022", "från och med 1 januari 2024", "under perioden 2024–2026", "tills vidare", beside
the periods written in figures or words ("under tre år", "inom två månader", "en treårsperiod").
Before, such a passage stated "no answer of the kind asked" (``Ranked.kind_stated``) and, with
nothing trusted beside it, counted as about something else: the search answered "no good match"
over the date that answers it.

"Hur lång är Vasaloppet?" and "Hur långt går en elcykel …" ask a length, not a duration: only
"länge", or "lång"/"långt" before a word of time ("Hur lång tid …", "hur lång period …"), ask one.
A length asked is stated by a length ("93 km", "50–60 km per laddning", "tre mil") or a time (a
queue's or a process's length may be told in either), not by any number: "hur lang ar gota alv"
and a vote on the Göta älv ferries, "Omröstningen utfaller med 68 Ja mot 3 Nej", state none.
"""

from __future__ import annotations

import re

from ..measures import measure_at
from .question import Question
from .terms import Finds

__all__ = ["DURATION", "TIME_FOCUS", "TimeFocus", "asks_duration", "asks_length", "duration_in", "length_in",
           "time_focus"]

# a focus asking a length of time, which a passage states in its unit, not in the word asked
TIME_FOCUS = frozenset({"tid", "tiden", "tidsperiod", "period", "perioden", "tidsfrist", "frist", "frister", "länge"})
_HOW_LONG = frozenset({"lång", "långt", "långa"})
# a compound naming a time ("uppsägningstiden", "handläggningstid", "avtalsperioden")
_TIME_ENDS = ("tid", "tiden", "tider", "tiderna", "period", "perioden", "frist", "fristen")
_COUNT = (r"(?:\d+(?:,\d+)?|en|ett|ett\s+par|några|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\w+ton|"
          r"\w*tio|ett\s+halvt|ett\s+och\s+ett\s+halvt)")
_UNITS = r"(?:år|månad\w*|veck\w*|dag\w*|dygn\w*|timm\w*|minut\w*|kvartal\w*|termin\w*|läsår\w*|halvår\w*)"
_MONTHS = (r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|"
           r"jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)(?:\.|(?![\wåäö]))")
_YEAR = r"(?:19|20)\d\d"
# a date or a year as a bound is written ("4 mars 2026", "mars 2026", "2026-03-04", "31.12.2022",
# "2026", "årsskiftet", "utgången av 2026", "vecka 12")
_WHEN = (rf"(?:den\s+)?(?:\d{{1,2}}\s+{_MONTHS}(?:\s+{_YEAR})?|{_MONTHS}\s+{_YEAR}|{_YEAR}-\d\d-\d\d|"
         rf"\d{{1,2}}\.\d{{1,2}}\.(?:{_YEAR}|\d\d)|(?:utgången|slutet|början|halvårsskiftet)\s+av\s+(?:år\s+)?\w+|"
         rf"(?:år\s+)?{_YEAR}(?![\d.,:/-]\d)(?!\s+års)|årsskiftet\b|vecka\s+\d+|{_MONTHS})")
DURATION = re.compile(
    # a period in figures or words: "under tre år", "inom två månader", "18 månader", "en treårsperiod"
    rf"(?<![\w,]){_COUNT}\s+{_UNITS}(?![\wåäö])|"
    r"(?<![\w,.])(?:\d{1,2}|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio)[-\s]?(?:års|årig|månaders|veckors)\w*|"
    # when it ends or from when it runs: "till och med 4 mars 2026", "t.o.m. 2026", "fram till
    # 31.12.2022", "fr.o.m. den 1 januari", "senast 2027", "intill utgången av 2026"
    r"\b(?:till\s+och\s+med|t\s*\.?\s*o\s*\.?\s*m\b\.?|fram\s+till|intill|från\s+och\s+med|"
    r"fr\s*\.?\s*o\s*\.?\s*m\b\.?|senast|längst|till)\s+" + _WHEN + "|"
    # a span of years or dates: "2024–2026", "2024/2025", "1 januari – 31 mars 2026"
    rf"(?<![\d.,:/-]){_YEAR}\s*[-–—/]\s*(?:{_YEAR}|\d\d)(?!\d)(?![.,:/-]\d)|"
    rf"\d{{1,2}}\s+{_MONTHS}(?:\s+{_YEAR})?\s*[-–—]\s*\d{{1,2}}\s+{_MONTHS}|"
    # no end set, or a term: "tills vidare", "tillsvidare", "under mandatperioden", "året ut"
    r"\btills?\s*vidare\b|\b(?:löper|går)\s+ut\b|\bupphör\w*|\b(?:under\s+(?:hela\s+)?|resten\s+av\s+)?mandatperiod\w*|\båret\s+ut\b|\bpermanent\w*",
    re.IGNORECASE)


def asks_duration(question: Question) -> bool:
    """Whether a question asks how long: "Hur länge …", or "Hur lång/långa …" of a time ("Inom
    hur lång tid …", "hur lång period …", "Hur lång är uppsägningstiden?"), not a length ("Hur
    lång är Vasaloppet?")."""
    degree = question.degree
    return degree == "länge" or (degree in _HOW_LONG and any(
        w in TIME_FOCUS or w.endswith(_TIME_ENDS) for w in (*question.focus, *question.query_words)))


def asks_length(question: Question) -> bool:
    """Whether a question asks a length ("Hur lång är Göta älv?", "Hur långt går en elcykel …"):
    "hur lång/långt/långa" asking no time (``asks_duration``)."""
    return question.degree in _HOW_LONG and not asks_duration(question)


_LENGTHS = frozenset({"km", "mil", "m", "cm", "mm"})
_AMOUNT = re.compile(r"(?<![\w,])(?:\d+(?:[ \u00a0]\d{3})*(?:,\d+)?|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|"
                     r"elva|tolv|\w+ton|\w*tio|\w*hundra)(?![\w,])", re.IGNORECASE)


def length_in(text: str) -> bool:
    """Whether ``text`` states a length: an amount in km, mil, m, cm or mm (``measures.measure_at``)."""
    for m in _AMOUNT.finditer(text):
        unit = measure_at(text, m.end())
        if unit is not None and unit[0] in _LENGTHS:
            return True
    return False


def duration_in(text: str) -> bool:
    """Whether ``text`` states how long: a period, a bound date or year, a span, "tills vidare"."""
    return bool(DURATION.search(text))


class TimeFocus:
    """A focus word asking a length of time ("tid" of "Inom hur lång tid …"), held where the
    word stands (``pattern``) or where a duration does: "ska täcka underskottet inom två år"
    answers "Inom hur lång tid …" without the word "tid"."""

    __slots__ = ("pattern",)

    def __init__(self, pattern: Finds) -> None:
        self.pattern = pattern

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        return self.pattern.search(string, pos) or DURATION.search(string, pos)


def time_focus(word: str, pattern: Finds) -> Finds:
    """``pattern`` for a focus word, or for one asking a length of time (``TIME_FOCUS``) the
    pattern that a duration holds too (``TimeFocus``)."""
    return TimeFocus(pattern) if word.lower() in TIME_FOCUS else pattern
