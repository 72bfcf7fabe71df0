"""Which passage of a document answers: evidence that tells apart the passages of one document.

On the dev questions, when the right document is found but another of its passages ranks above
the answer, what ranks above it is most often (docs/benchmarks.md, Round 5):

- a passage holding the query's words that only say *which document* it is: the body's name,
  the committee, the year, words of the document's title ("Vem var ordförande i
  kommunfullmäktige i Alingsås 2018?": every passage of that protocol is Alingsås's
  kommunfullmäktige's of 2018, and only the list of those present names the ordförande). A term
  the document's own title, body, committee or date holds is therefore counted as held by every
  passage of it (``keywords_doc``), so that within the document the other terms decide;
- a list of § titles (a protocol's table of contents), of documents (Beslutsunderlag) or of
  recipients (Expedieras): they repeat the words of a § and state nothing;
- a passage with a figure, but not of the kind asked: "Hur stor andel …" wants a percentage,
  "Vad kostar …", "Hur stort bidrag …" an amount of money, "Hur många språk …" a count written
  beside what it counts ("149 olika språk");
- a passage naming one of the years asked, where the answer names each of them (a table row
  "2021 … 2025" for "intäkter 2021-2025").

These are features of the reranker (``rerank.FEATURES``), weighted as the fit on dev finds,
never filters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from .question import Question, years_in
from .terms import MIN_STEM, stem

__all__ = ["PASSAGE_FEATURES", "document_text", "focus_pattern_of", "passage_features"]

PASSAGE_FEATURES = ("keywords_doc", "listing", "unit_q", "unit_ok", "focus_figure", "years_held")

_PERCENT = re.compile(r"\d\s*(%|procent)", re.IGNORECASE)
_MONEY = re.compile(r"\d\s*(kr\b|kronor|tkr|mnkr|mkr|mdkr|t\s?kr\b|tusen kronor|miljon\w*|miljard\w*|"
                    r"kr/|kronor/)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w§])(?<!§ )\d+(?:[ ,.]\d+)*(?!\w)")  # not a § number
_YEARLIKE = re.compile(r"^(19|20)\d\d$")
# a list of § titles ("§ 51 Val av … § 52 Information § 53 …"), a protocol's table of contents
_PARAGRAPH = re.compile(r"§\s*\d+")
LISTING_SECTIONS = frozenset(["beslutsunderlag", "expedieras"])
NEAR = 30  # characters between a focus word and its figure ("149 olika språk", "25 stycken mopeder")


def document_text(row: Mapping[str, Any]) -> str:
    """What says which document a passage is in: its title, body, committee and year."""
    def field(key: str) -> str:  # a row without a document's fields (a bare passage) says nothing
        try:
            return str(row[key] or "")
        except (KeyError, IndexError):
            return ""

    return " ".join(v for v in (field("title"), field("municipality"), field("committee"), field("date")[:4]) if v)


def is_listing(text: str, section: str | None) -> bool:
    """A list of § titles, of documents or of recipients: words of a §, no statement."""
    return section in LISTING_SECTIONS or len(_PARAGRAPH.findall(text)) >= 3


# a noun's endings: "språk", "språken", "tolkarna", "bidraget" (not "bidragit", "språktolk")
_ENDINGS = r"(?:|a|an|e|en|n|et|t|er|ar|or|na|erna|arna|orna|s|ns|ens|ets|ers|ars|ors|ernas|arnas|ornas)"


def _focus_rx(words: Sequence[str]) -> re.Pattern[str] | None:
    """A focus word, alone or as the last part of a compound, with a noun's ending; lower case."""
    stems = [stem(w) if len(w) >= MIN_STEM else w for w in words]
    if not stems:
        return None
    return re.compile(r"(?<![\wåäö])(?:[\wåäö]{3,})?(?:" + "|".join(re.escape(s) for s in stems) + ")"
                      + _ENDINGS + r"(?![\wåäö])")


def focus_figure(text: str, focus: re.Pattern[str] | None) -> bool:
    """Whether a number (not a year) stands within ``NEAR`` characters of a focus word."""
    if focus is None:
        return False
    low = text.lower()
    nums = [(m.start(), m.end()) for m in _NUMBER.finditer(low)
            if not _YEARLIKE.match(m.group(0))]
    if not nums:
        return False
    for f in focus.finditer(low):
        if any(-NEAR <= f.start() - e <= NEAR or -NEAR <= s - f.end() <= NEAR for s, e in nums):
            return True
    return False


def passage_features(
    text: str, section: str | None, row: Mapping[str, Any], held: Sequence[bool], held_doc: Sequence[bool],
    weights: Sequence[float], question: Question, focus: re.Pattern[str] | None,
) -> tuple[float, ...]:
    """``PASSAGE_FEATURES`` of one candidate. ``held``: the query terms the passage or its §
    title holds; ``held_doc``: those its document's title, body, committee or year holds."""
    total = float(sum(weights))
    share = sum(w for w, a, b in zip(weights, held, held_doc, strict=True) if a or b) / total if total else 0.0
    unit = question.unit if "figure" in question.kinds else None
    unit_ok = bool(unit == "percent" and _PERCENT.search(text)) or bool(unit == "money" and _MONEY.search(text))
    years = set(question.years)
    years_held = len(years & years_in(text)) / len(years) if years else 0.0
    return (share, float(is_listing(text, section)), float(unit is not None), float(unit_ok),
            float(focus_figure(text, focus)), years_held)


def focus_pattern_of(question: Question) -> re.Pattern[str] | None:
    return _focus_rx(question.focus) if "figure" in question.kinds else None
