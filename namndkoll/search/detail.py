"""The detail a question asks beyond its topic, and whether a passage states it (issue 11, the
ninth session's near misses on other municipalities' records: the document covers the topic, not
the detail asked). Each rule only withholds "high" (``asked.asked_of``):

- **the post with what it is for.** "Vem var verksamhetschef för elevhälsans psykologiska
  insatser …" is not answered by the appointment of a "verksamhetschef för elevhälsans
  medicinska insatser": where every mention of the post with a "för …" says it is for something
  else, the passage names another post's holder (``post_for_asked``).
- **a name asked by its kind.** "Vilken bank …", "Vilket företag …", "Vilken församling …" ask
  a name: a passage holding no proper name besides the question's own words ("kontokort med
  kredit från kommunens upphandlade bank") does not state it (``name_stated``).
- **what someone said.** "Vad svarade X om …" asks X's words: a passage in which no sentence
  has X saying something ("X besvarar frågan", "att frågan är besvarad") does not state them
  (``words_stated``).
- **the labelled alternative asked.** "Vad kostar alternativ E …" is not answered by a passage
  naming alternatives B and C only (``label_named``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..registry import party_code_of
from .terms import STOPWORDS

if TYPE_CHECKING:
    from .question import Question

__all__ = ["label_asked", "label_named", "name_asked", "name_stated", "post_for_asked", "post_qualifier",
           "query_words", "said_by", "words_stated"]

_WORD = re.compile(r"[\wåäöÅÄÖ]+(?:-[\wåäöÅÄÖ]+)*-?")
# where the "för …" after a post stops in a question ("… insatser efter 1 maj 2024?")
_QUAL_END = re.compile(r"\s+(?:efter|från|fr\.o\.m\.|sedan|under|innan|före|den|år|i|på|vid|\d)\b|[?.,;:!]|$",
                       re.IGNORECASE)


def _content(words: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(words) if len(w) >= 4 and w.casefold() not in STOPWORDS]


def _same(a: str, b: str) -> bool:
    """The same word in another ending: a shared beginning of five letters (or the whole shorter)."""
    n = min(5, len(a), len(b))
    return a[:n] == b[:n] and (n == 5 or a == b)


def post_qualifier(query: str, post: str | None) -> tuple[str, ...]:
    """The content words of what a question's post is for ("verksamhetschef för elevhälsans
    psykologiska insatser efter …" -> ("elevhälsans", "psykologiska", "insatser")); () when none."""
    if post is None:
        return ()
    m = re.search(r"(?<![\wåäö])" + re.escape(post) + r"\s+för\s+", query, re.IGNORECASE)
    if m is None:
        return ()
    rest = query[m.end():]
    end = _QUAL_END.search(rest)
    return tuple(_content(rest[:end.start() if end else len(rest)]))


def post_for_asked(question: Question, text: str) -> bool:
    """Whether a passage may name the holder of the post asked with what it is for: not when every
    mention of the post itself (not a compound: "verksamhetschefsuppdraget") with a "för …" says
    it is for something else (a word asked missing and one not asked in its place)."""
    if not question.post_for or question.post is None:
        return True
    head = re.escape(question.post.split()[-1])
    rx = re.compile(r"(?<![\wåäö])" + head + r"(?:en|ens|s|er|erna)?\s+för\s+([^.;:\n]*(?:\n[^.;:\n]*)?)",
                    re.IGNORECASE)
    verdicts = []
    for m in rx.finditer(text):
        said = _content(" ".join(m.group(1).split()[:6]))
        missing = [w for w in question.post_for if not any(_same(w, s) for s in said)]
        other = [s for s in said if not any(_same(s, w) for w in question.post_for)]
        verdicts.append(bool(missing and other))
    return not verdicts or not all(verdicts)


# "Vilken bank …", "Vilket företag …": a kind of organisation or place known by its own name
_NAME_Q = re.compile(r"^\W*(?:vilken|vilket)\s+(bank|företag|bolag|leverantör|entreprenör|konsult\w*|byrå|firma|"
                     r"revisionsbyrå|aktör|operatör|förening|församling|organisation|kommun|skola|stad|land)\b",
                     re.IGNORECASE)
# a proper name: a capitalised word inside a line and after no sentence's end, or "… AB"
_PROPER = re.compile(r"(?<=[\wåäö,)] )(?-i:[A-ZÅÄÖ][\wåäöéü-]+)|\b[\wåäö]+\s+AB\b")
_MONTHS = frozenset(["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
                     "oktober", "november", "december"])


def query_words(query: str) -> frozenset[str]:
    """The words of a query, lower case (a name the question itself gives is no answer)."""
    return frozenset(w.casefold() for w in _WORD.findall(query))


def name_asked(query: str) -> str | None:
    """The kind whose name a "Vilken bank/Vilket företag …" question asks, lower case; else None."""
    m = _NAME_Q.search(query)
    return m.group(1).casefold() if m else None


def name_stated(question: Question, text: str) -> bool:
    """Whether a passage holds a proper name besides the question's own words, for a question
    asking a name by its kind (``Question.name_of``)."""
    if question.name_of is None:
        return True
    query_words = question.query_words
    for m in _PROPER.finditer(text):
        word = m.group(0).split()[0].casefold()
        if word not in query_words and word not in _MONTHS and not any(_same(word, q) for q in query_words):
            return True
    return False


# "Vad svarade/sa/sade/anförde X om …": the person whose words are asked
_SAID_Q = re.compile(r"^\W*vad\s+(?:svarade|svarar|sa|sade|säger|anförde|yttrade|framförde|förklarade|"
                     r"menade|tyckte)\s+((?-i:[A-ZÅÄÖ][\wåäö-]+)(?:\s+(?-i:[A-ZÅÄÖ][\wåäö-]+))*)", re.IGNORECASE)
# someone saying something: a verb of saying and then what was said ("att …", ": …", a quotation)
_SAYS = re.compile(r"\b(?:svara\w*|besvara\w*|svar|sa|sade|säger|anför\w*|framför\w*|förklara\w*|menar|menade|"
                   r"uppge\w*|uppgav|påpeka\w*|betona\w*|konstatera\w*|framhåll\w*|framhöll)\b[^.]{0,80}?"
                   r"(?:\batt\b|:\s*\S|[”\"«])", re.IGNORECASE)


def said_by(query: str) -> str | None:
    """The person whose words "Vad svarade Charlott Enocson om …" asks; None for other questions."""
    m = _SAID_Q.search(query)
    return m.group(1) if m else None


# a body or an office among the names "Vad svarade X …" may hold ("Kommunstyrelsen", "KS
# revisorerna"): its answer is a yttrande in other words than a person's
_BODY_WORD = re.compile(r"(?:nämnd|styrelse|fullmäktige|förvaltning|revisor|kontor|bolag|direktion)\w*$", re.IGNORECASE)


def person_said(question: Question) -> bool:
    """Whether a question asks what a person said ("Vad svarade Jonas Attenius om …"): its
    ``said_by`` names no party ("Vad sa Moderaterna …": a party's view is its yrkanden and
    reservations, ``Question.opinion``), no body and no code in capitals ("KS")."""
    name = question.said_by
    if name is None or name.isupper() or party_code_of(name) is not None:
        return False
    return not any(_BODY_WORD.search(w) for w in name.split())


def words_stated(question: Question, text: str) -> bool:
    """Whether some sentence of a passage has the person asked (by a name of theirs) say
    something, for a question asking what someone said (``Question.said_by``)."""
    if question.said_by is None:
        return True
    names = [re.escape(n) for n in question.said_by.split() if len(n) > 2]
    who = re.compile(r"(?<![\wåäö])(?:" + "|".join(names) + r")(?![\wåäö])", re.IGNORECASE)
    flat = " ".join(text.split())
    return any(who.search(s) and _SAYS.search(s) for s in re.split(r"(?<=[.!?])\s+", flat))


# "alternativ E", "etapp 2", "scenario B": a labelled one of several; and the numbered reports of
# one year ("delårsrapport 2", "tertialrapport 1": Lomma's KF § 32 and § 78 are delårsrapport 1 and
# 2 for 2025, the same words and year otherwise)
_LABEL = (r"(alternativ|alternativet|etapp|etappen|fas|fasen|scenario|scenariot|variant|varianten|förslag|"
          r"delårsrapport|delårsrapporten|tertialrapport|tertialrapporten)\s+([A-ZÅÄÖ]|\d{1,2})")


def label_asked(query: str) -> tuple[str, str] | None:
    """The kind and label of "alternativ E", "etapp 2" in a question; None when none."""
    m = re.search(r"(?<![\wåäö])" + _LABEL + r"(?![\wåäö])", query, re.IGNORECASE)
    if m is None or (m.group(2).isalpha() and m.group(2).islower()):
        return None
    return m.group(1).casefold()[:3], m.group(2)


def label_named(question: Question, text: str) -> bool:
    """Whether a passage names the labelled alternative asked, or no labelled one of its kind."""
    if question.label is None:
        return True
    kind, label = question.label
    found = [m.group(2) for m in re.finditer(r"(?<![\wåäö])" + _LABEL + r"(?![\wåäö])", text, re.IGNORECASE)
             if m.group(1).casefold()[:3] == kind and not (m.group(2).isalpha() and m.group(2).islower())]
    return not found or label in found
