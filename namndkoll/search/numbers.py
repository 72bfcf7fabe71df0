"""The numbers a question states, and whether a passage states the same ones (issue 11,
twenty-second session).

People ask with numbers: a vote's tally ("7 ja-röster och 8 nej-röster"), an amount ("3,5
mnkr"), a count of places ("120 platser"), a § number. The keyword side takes no word shorter
than two letters and weighs "114" as any word, so the § that says exactly "Med 7 ja-röster och 8
nej-röster" stood below BUN's "Med 6 ja-röster och 7 nej-röster" (walk 22, check 6). Here a
number is read as a whole token, its thousands spaces and decimal comma normalised ("1 550" is
"1550", "3,5" is "3,5" and never "3" or "5"), with the word it counts, the one right after it
("7 ja", "3,5 mnkr"). A passage holds it when it states that number (a single digit only beside
the word it counts: never every "7" of a page), and states another when it gives the word the
question counts another number ("6 ja-röster" for "7 ja-röster"). A year, a date, a range and a
diarienummer are no such numbers: years are weighed where the query's years are
(``question.mentions_year``), and "2021-2025" is a span, not a count.

This is kept apart from the query's words (``terms.py``): it changes no word's widening, and
the one thing it adds to the keyword side is a search for the numbers no query word finds
(``number_phrases``: "7 ja", "3 5 mnkr"); ``order.settle`` and the judge read the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .terms import Term

__all__ = ["Stated", "number_phrases", "numbers_evidence", "stated_numbers"]

# a number standing as a token of its own: digits with thousands groups ("1 550", "12 000 000")
# and a decimal comma, not a piece of a date, a range, a dnr or a code ("2021-06-15", "1:55", "X50");
# a minus sign before it is no range ("Resultat -3,5 mnkr")
_NUMBER = re.compile(r"(?<![\w§.,:/])(?<!\w-)(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:,(\d+))?(?![\w]|[.,:/-]\d)")
# the word right after a number: what it counts ("ja-röster", "mnkr", "platser")
_COUNTED = re.compile(r"\s*(?:[-–]\s*)?([^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# words after a number that count nothing (the question's own frame: "7 och 8", "3 eller 4")
_NOT_COUNTED = frozenset(["och", "eller", "av", "till", "mot", "i", "på", "för", "med", "om", "som", "att", "än",
                          "vilken", "vilket", "vilka", "vem", "hur", "när", "var", "vad"])
# a day of a month is a date, weighed where the query's day is (``question.on_day``): "1 juni 2026"
_MONTHS = frozenset(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                     "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                     "sept", "okt", "nov", "dec"])
# a word that names the number after it, which counts nothing: "etapp 4", "§ 114", "kvartal 1"
_LABELS = frozenset(["etapp", "etappen", "kvartal", "punkt", "bilaga", "nr", "nummer", "fas", "del", "kapitel",
                     "kap", "steg", "ärende", "paragraf", "version", "sida", "s", "vecka", "v", "område", "zon",
                     "klass", "nivå", "tertial", "år", "året", "plan", "kv", "kvarter", "kvarteret", "linje"])
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")


@dataclass(frozen=True)
class Stated:
    value: str  # normalised: "1550", "3,5"
    counted: str | None  # the word it counts, lower case, as typed ("ja", "mnkr"); None when none

    @property
    def single(self) -> bool:
        """A single digit: counted only beside its word ("7 ja"), never alone."""
        return len(self.value) == 1


def _numbers(text: str) -> list[tuple[str, str | None]]:
    """(value, counted word) of every number token of ``text``."""
    out = []
    for m in _NUMBER.finditer(text):
        value = re.sub(r"[ \u00a0]", "", m.group(1)) + (f",{m.group(2)}" if m.group(2) else "")
        after = _COUNTED.match(text, m.end())
        word = after.group(1).lower() if after else None
        before = _WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        if word in _MONTHS:
            continue
        if (before and before.group(1).lower() in _LABELS) or text[max(0, m.start() - 2):m.start()].strip() == "§":
            word = None  # a label's number: held whole, never counted
        out.append((value, word if word not in _NOT_COUNTED else None))
    return out


def stated_numbers(query: str) -> tuple[Stated, ...]:
    """The numbers ``query`` states: every number token but a year, a single digit only beside
    the word it counts ("7 ja-röster", not the "1" of "kvartal 1")."""
    out: list[Stated] = []
    for value, word in _numbers(query):
        if _YEAR.fullmatch(value):
            continue  # a year beside a word ("2024 års budget") is still a year
        if len(value) == 1 and word is None:
            continue
        s = Stated(value, word)
        if s not in out:
            out.append(s)
    return tuple(out)


def _counts(word: str, counted: str) -> bool:
    """Whether a passage's word after a number is the word the question counts: a short word
    itself ("ja", "nej", "kr"; "ja-röster" counts "ja"), a longer one by its first four letters
    ("platser" and "platsen", "röster" and "rösterna")."""
    if min(len(counted), len(word)) < 4:
        return word == counted
    return word[:4] == counted[:4]


def numbers_evidence(stated: tuple[Stated, ...], text: str) -> int:
    """What a passage states of the numbers a question states: 1 when it holds every one of
    them (a single digit beside the word it counts), -1 when it gives a word the question counts
    another number and never the question's ("Med 6 ja-röster" for "7 ja-röster"), else 0 (and 0
    when the question states none)."""
    if not stated:
        return 0
    found = _numbers(text)
    held = all(any(v == s.value and (not s.single or (w is not None and _counts(w, s.counted or "")))
                   for v, w in found) for s in stated)
    if held:
        return 1
    other = any(s.counted and not any(v == s.value and w is not None and _counts(w, s.counted) for v, w in found)
                and any(w is not None and v != s.value and _counts(w, s.counted) for v, w in found)
                for s in stated)
    return -1 if other else 0


def number_phrases(stated: tuple[Stated, ...]) -> list[Term]:
    """Keyword terms for the numbers the query states that no query word finds: a single digit
    with the word it counts, as words in a row ("7 ja" finds "Med 7 ja-röster", the word a
    prefix as the keyword side takes a word), a decimal number as its two numbers in a row
    ("3,5 mnkr" is "3 5 mnkr*", as the index splits "3,5"). A number of two digits or more is a
    query word already (``terms.query_terms``). For the keyword side's search only: which terms a
    passage holds is still read from the query's words."""
    out = []
    for s in stated:
        if not (s.single or "," in s.value) or (s.single and not s.counted):
            continue
        phrase = " ".join([*s.value.split(","), *([s.counted] if s.counted else [])])
        out.append(Term(phrase, phrase))
    return out
