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

And what a passage states that the question asks for (Round 7, dev and test read case by case):

- the holder of the post a "Vem är/var/blev …" question names: a person's name beside the post
  ("Kristina Grapenholm (L) (ordförande)") — the post ("ordförande") is in every protocol, and
  passages naming other people of the same meeting ranked above the list of those present;
- how a vote went, with its counts ("40 Ja mot 41 Nej", "Med 6 ja-röster och 7 nej-röster"), for
  "Hur röstade …", rather than the Propositionsordning that only says a vote was asked for;
- a § put off to a later meeting ("Ärendet bordläggs till sammanträdet den …"): the same case's
  title and words as its decision in the later protocol, which it ranked above.

These are features of the reranker (``rerank.FEATURES``), weighted as the fit on dev finds,
never filters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..registry import code_pattern
from .question import Question, years_in
from .terms import MIN_STEM, stem

__all__ = [
    "MONEY",
    "NAME",
    "PASSAGE_FEATURES",
    "PERCENT",
    "document_text",
    "focus_pattern_of",
    "passage_features",
    "role_name",
    "role_pattern_of",
    "tabled",
    "vote_result",
]

PASSAGE_FEATURES = ("keywords_doc", "listing", "unit_q", "unit_ok", "focus_figure", "years_held",
                    "tabled", "role_name", "vote_result")

# a share: "25 %", "5,3 procent", and a small one written out ("omkring fem procent", "en procent")
PERCENT = re.compile(r"\d\s*(%|procent)|\b(en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|femton|"
                     r"tjugo|trettio|fyrtio|femtio|hälften)\s+procent", re.IGNORECASE)
# the words after "miljoner"/"miljarder" that leave it an amount of money ("24 miljoner kronor",
# "9 miljoner till …", "38 miljoner."); any other word is what is counted: "39 miljoner resor",
# "2 miljoner invånare" are no money
_MONEY_AFTER = (r"kr|kronor|sek|euro|i|till|för|och|per|av|under|mot|på|som|samt|varav|vilket|vilka|inom|"
                r"med|om|från|år|är|var|blir|blev|har|hade|ska|skulle|kommer|beräknas|bedöms|avsätts|"
                r"avsattes|budgeterats|budgeteras|uppgår|uppgick|totalt|netto|brutto|årligen|per")
MONEY = re.compile(r"\d\s*(kr\b|kronor|tkr|mnkr|mkr|mdkr|t\s?kr\b|tusen kronor|"
                   r"(?:miljon|miljard)\w*\b(?!\s+(?!(?:" + _MONEY_AFTER + r")\b)[a-zåäö]{2,})|"
                   r"kr/|kronor/)", re.IGNORECASE)
_NUMBER = re.compile(r"(?<![\w§])(?<!§ )\d+(?:[ ,.]\d+)*(?!\w)")  # not a § number
_YEARLIKE = re.compile(r"^(19|20)\d\d$")
# a list of § titles ("§ 51 Val av … § 52 Information § 53 …"), a protocol's table of contents
_PARAGRAPH = re.compile(r"§\s*\d+")
LISTING_SECTIONS = frozenset(["beslutsunderlag", "expedieras"])
NEAR = 30  # characters between a focus word and its figure ("149 olika språk", "25 stycken mopeder")
# the party codes a name is followed by in parentheses ("Berg (S)"), as the search reads them
PARTY_CODES = code_pattern(former=True)  # today's and older codes: "(V)", "(FI)", "(FP)"
# a person's name: "Anna Berg", "Berg (S)" (not a body: "Vilka ledamöter …" asks for people)
NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)+|\b[A-ZÅÄÖ][a-zåäöéü]+\s*\((?:"
                  + PARTY_CODES + r")\)", re.MULTILINE)
# an item put off to a later meeting ("Ärendet bordläggs till sammanträdet den 23 november"): the
# same case's substantive decision is in another protocol. Not "Bordlagt den 12 oktober 2023, § 27",
# the history a decided item's own paragraph tells
_TABLED = re.compile(r"\bbordl(?:äggs|ägga|ägger|äggning|äggningen)\b", re.IGNORECASE)
_COUNT = r"(?:\d+|en|ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\w+ton|\w*tio|\w*tio\w+|\w*hundra\w*)"
# how a vote went, with its counts: "40 Ja mot 41 Nej", "Med 6 ja-röster och 7 nej-röster", "Antal Ja: 40"
_VOTE_RESULT = re.compile(r"\b\d+\s+ja\b[^.]{0,40}?\b\d+\s+nej\b|\b" + _COUNT + r"\s+(?:ja|nej)-röst|"
                          r"\bantal\s+(?:ja|nej)\s*:\s*\d+", re.IGNORECASE)
NEAR_NAME = 40  # characters between a post and the name it is held by ("Kristina Grapenholm (L) (ordförande)")


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


# a § cited in a sentence after its meeting's date: "givet av kommunfullmäktige 2022-05-19 § 22"
_CITED_PARAGRAPH = re.compile(r"\d{4}-\d\d-\d\d,?\s*§\s*\d+")


def lists_items(text: str, section: str | None) -> bool:
    """``is_listing`` without the §§ cited in sentences after their meeting's date: a list of
    uppdrag each "givet av kommunfullmäktige 2022-05-19 § 22" states what each is given ("Nämnden
    tilldelas 2 mnkr för uppdraget"), where a table of contents states nothing."""
    return section in LISTING_SECTIONS or len(_PARAGRAPH.findall(_CITED_PARAGRAPH.sub(" ", text))) >= 3


_LINE_PARAGRAPH = re.compile(r"(?m)^\s*§\s*\d+")


def lists_titles(text: str, section: str | None) -> bool:
    """A list that states nothing: a Beslutsunderlag or Expedieras list, or § titles one a line (a
    table of contents). Stricter than ``is_listing``: an Ärendebeskrivning citing "§ 204", "§ 65"
    in its sentences is a statement (order.settle's every-term rule reads this one)."""
    return section in LISTING_SECTIONS or len(_LINE_PARAGRAPH.findall(text)) >= 3


# a noun's endings: "språk", "språken", "tolkarna", "bidraget" (not "bidragit", "språktolk")
_ENDINGS = r"(?:|a|an|e|en|n|et|t|er|ar|or|na|erna|arna|orna|s|ns|ens|ets|ers|ars|ors|ernas|arnas|ornas)"
_NOUN_ENDS = sorted(_ENDINGS[3:-1].split("|")[1:], key=len, reverse=True)


def _noun(words: Sequence[str], stems: Sequence[str] | None = None) -> str:
    """A noun (any of ``words``, or of their ``stems``), alone or as the last part of a compound,
    with a noun's ending; lower case, without what may stand before it."""
    if stems is None:
        stems = [stem(w) if len(w) >= MIN_STEM else w for w in words]
    return (r"(?:[\wåäö]{3,})?(?:" + "|".join(re.escape(s) for s in stems) + ")" + _ENDINGS + r"(?![\wåäö])")


def _focus_rx(words: Sequence[str]) -> re.Pattern[str] | None:
    """A focus word, alone or as the last part of a compound, with a noun's ending; lower case."""
    return re.compile(r"(?<![\wåäö])" + _noun(words)) if words else None


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


def tabled(text: str) -> bool:
    """Whether a passage puts its item off to a later meeting (bordläggning)."""
    return bool(_TABLED.search(text))


def vote_result(text: str) -> bool:
    """Whether a passage states how a vote went, with its counts."""
    return bool(_VOTE_RESULT.search(text))


def role_name(text: str, role: re.Pattern[str] | None) -> bool:
    """Whether a person's name stands within ``NEAR_NAME`` characters of the post asked for
    (``role_pattern_of``): "Kristina Grapenholm (L) (ordförande)", "Claudia Nistor Pedrini (S),
    ordförande", "Diana Olsson Kommundirektör"."""
    if role is None:
        return False
    names = [(m.start(), m.end()) for m in NAME.finditer(text)]
    if not names:
        return False
    low = text.lower() if len(text.lower()) == len(text) else text.casefold()
    for m in role.finditer(low):
        if any(-NEAR_NAME <= m.start() - e <= NEAR_NAME or -NEAR_NAME <= s - m.end() <= NEAR_NAME
               for s, e in names):
            return True
    return False


def role_pattern_of(question: Question) -> re.Pattern[str] | None:
    """The post a "Vem är/var/blev …" question asks the holder of (``Question.role``), as a word
    or a compound's last part ("direktör": "kommundirektören"); "ordförande" is not "vice
    ordförande", but "vice ordförande" is asked as such."""
    if not question.role:
        return None
    *before, head = question.role.split()
    # the word less a noun's ending only: stem() takes "ordförande" to "ordför" (-ande), which no
    # noun ending brings back
    base = next((head[: -len(e)] for e in _NOUN_ENDS if head.endswith(e) and len(head) - len(e) >= MIN_STEM), head)
    noun = _noun([head], [base])
    if before:  # "vice ordförande"
        return re.compile(r"(?<![\wåäö])" + r"\s+".join(re.escape(w) for w in before) + r"\s+" + noun)
    return re.compile(r"(?<![\wåäö])(?<!vice )" + noun)


def passage_features(
    text: str, section: str | None, row: Mapping[str, Any], held: Sequence[bool], held_doc: Sequence[bool],
    weights: Sequence[float], question: Question, focus: re.Pattern[str] | None,
    role: re.Pattern[str] | None = None,
) -> tuple[float, ...]:
    """``PASSAGE_FEATURES`` of one candidate. ``held``: the query terms the passage or its §
    title holds; ``held_doc``: those its document's title, body, committee or year holds."""
    total = float(sum(weights))
    share = sum(w for w, a, b in zip(weights, held, held_doc, strict=True) if a or b) / total if total else 0.0
    unit = question.unit if "figure" in question.kinds else None
    unit_ok = bool(unit == "percent" and PERCENT.search(text)) or bool(unit == "money" and MONEY.search(text))
    years = set(question.years)
    years_held = len(years & years_in(text)) / len(years) if years else 0.0
    return (share, float(is_listing(text, section)), float(unit is not None), float(unit_ok),
            float(focus_figure(text, focus)), years_held, float(tabled(text)), float(role_name(text, role)),
            float("vote" in question.kinds and vote_result(text)))


def focus_pattern_of(question: Question) -> re.Pattern[str] | None:
    return _focus_rx(question.focus) if "figure" in question.kinds else None
