"""Which of a passage's failed checks that it is about what is asked (``judge.OFF_ASKED`` and the
holder check of ``judge.off_asked``) rest on no positive evidence (issue 11, eighteenth session).

``judge.judge`` answers "no good match" when nothing is trusted and every passage left fails such a
check. A check that failed because a reader found nothing — no stance word it knows, no name it
can read, no decision sentence in the form it expects, no topic word at the start of a word — says
nothing about the passage: the answer may stand there in a form the reader misses (a count written
in words, a name in capitals, "KF" for kommunfullmäktige, "korttidssjukfrånvaron" for
"sjukfrånvaro"). Such a failure still withholds trust ("high"), but never refuses. A failure
counts towards a refusal only where the passage positively holds something else, in every written
form of what is asked:

- **another year**: its own words name other years and the asked year in no form (not as
  "2025/26", "25/26", "2025-2026", in a chart's axis, or as "i år", "nästa år", "föregående år" of
  its document's date), and neither its § title nor its document's title names it (not counting a
  meeting's date or a budget's plan years);
- **another topic** (a keyword query): no word of what is asked, anywhere in a word (inside a
  compound too), and no capitals that may abbreviate it ("ASF" for "arbetsintegrerade
  socialföretag");
- **no stance**: no word of any stance, vote or proposal by a member or party, in any inflection
  ("yrkas", "reserverat", "instämmer", "röstade", "(M) föreslår");
- **another body's decision**: the record of a known other body that names the body asked in no
  form ("KF", "fullmäktige"), or names it only as the one a proposal goes to ("föreslår
  kommunfullmäktige", "Förslag till beslut i kommunfullmäktige", "till kommunfullmäktige") or
  as passing the matter on ("lämnade motionen till kommunstyrelsen för beredning");
- **another thing a figure is of** (``Ranked.focus_ok``, a figure question's focus): the focus in
  no form anywhere in a word of the passage, its § title, the passage before it or its document's
  title (a report on home care need not say "hemtjänst" in each count it gives), no capitals
  that may abbreviate the words asked ("HME" for "Hållbart medarbetarengagemang"), and, where the
  focus asks a length of time ("Inom hur lång tid …"), no duration ("inom två år");
- **no holder of the post**: the passage and its § title name the post in no form ("ordf."
  counts), or name it only of another body (``asked.post_of_body``, which reads a body's name).

``post_of_body`` itself needs no more: it fails only where the post stands beside the name of
another body, a positive finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .durations import TIME_FOCUS, duration_in
from .grounds import PLAN_YEARS, TERM  # the spans of a text whose years are no year it is about
from .passage import NEAR_NAME, PARTY_CODES
from .question import Question
from .ranked import Ranked
from .terms import MIN_STEM, Matcher, Term, stem

__all__ = ["unsure_checks"]

# a year told relative to the document's date, and how many years from that date it points
_RELATIVE = (
    (re.compile(r"\b(?:i\s+år|innevarande\s+år|detta\s+år|årets|under\s+året|hela\s+året|året\s+som\s+gått|"
                r"hittills\s+i\s+år)\b", re.IGNORECASE), 0),
    (re.compile(r"\b(?:nästa\s+år|kommande\s+år|nästkommande\s+år|till\s+året|nästa\s+års)\b", re.IGNORECASE), 1),
    (re.compile(r"\b(?:föregående\s+år|förra\s+året|i\s+fjol|fjolårets|fjolåret|föregående\s+års)\b",
                re.IGNORECASE), -1),
)
# a full date in a title is when a meeting was held or a paper written, not a year it is about
_DATE = re.compile(r"\b(?:19|20)\d\d-\d\d-\d\d\b|\b\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d\b", re.IGNORECASE)
# a case's or a paper's number holds the year it was registered, not a year it is about
# ("SLK-2023-00068", "2018.181", "Dnr KS 2023/123", "Handling 2023 nr 228")
_CASE_NUMBER = re.compile(r"\b[A-ZÅÄÖ][A-ZÅÄÖ0-9]+[- ](?:19|20)\d\d[-:/]\d+|(?<![\d.,])(?:19|20)\d\d\.\d{2,4}\b|"
                          r"\b(?:dnr|diarienummer|ärendenummer|handling)\b\.?:?\s*(?:[A-ZÅÄÖ]+\s*)?(?:19|20)\d\d(?:[-:/.]\d+|\s+nr\s+\d+)?",
                          re.IGNORECASE)
# capitals that may abbreviate words ("ASF", "KF", "BUN"): two to six, standing alone
_CAPITALS = re.compile(r"(?<![\wÅÄÖ])[A-ZÅÄÖ]{2,6}(?![\wÅÄÖåäö])")
# any word of a stance, a vote or a proposal by a member or a party, in any inflection: wider than
# ``subject.holds_position`` on purpose (what it may miss must not refuse)
_STANCE_ANY = re.compile(
    r"\breserv\w*|\byrk\w*|\bsärskil\w*\s+(?:yttrande|uttalande)|protokollsanteckn\w*|\banteckning\w*\s+till\s+protokoll|"
    r"\binstämm\w*|\bomröstning\w*|\bröst(?:ade|ar|at|er|erna|ning\w*|a)\b|\bvoter\w*|\bavst(?:år|od|ått)\b|"
    r"\bmot\s+beslutet|\btill\s+förmån\s+för|\btillstyrk\w*|\bavstyrk\w*|\bbifall\w*|\bavslag\w*|"
    r"\b(?:ja|nej)-?röst\w*|\((?:" + PARTY_CODES + r")\)[^.]{0,80}?\b(?:föreslå\w*|föreslog|anför\w*|vill)\b",
    re.IGNORECASE)
# a body named as the one a proposal goes to, not as the one that decided
_TO_BODY = r"\b(?:föreslå\w*|föreslog|hemställ\w*\s+hos|till|förslag\s+till\s+beslut\s+i)\s+(?:att\s+)?"

# a body passing a matter on to another ("lämnade motionen till kommunstyrelsen för beredning")
_PASSED_ON = re.compile(r"[\wåäö]*\s+(?:har\s+)?(?:lämna\w*|remitter\w*|återremitter\w*|överlämna\w*|skicka\w*)\b"
                        r"[^.]{0,80}?\btill\b", re.IGNORECASE)


def _years_of(year: int) -> re.Pattern[str]:
    """The asked ``year`` in any form a text writes it: "2026", "2025/26", "25/26", "2025-2026"."""
    short = f"{year % 100:02d}"
    return re.compile(rf"(?<!\d){year}(?!\d)|(?<!\d)(?:(?:19|20)\d\d|\d\d)\s*[/–—-]\s*{short}(?!\d)")


def _relative_year(text: str, date: str | None) -> set[int]:
    """The years ``text`` names relative to its document's ``date`` ("i år", "nästa år")."""
    if not date or not re.match(r"(?:19|20)\d\d", date):
        return set()
    year = int(date[:4])
    return {year + step for rx, step in _RELATIVE if rx.search(text)}


# (twenty-fifth session) a vote record that names the matter it records: Göteborg's vote annex
# ("Bilaga 4 · Ärende: 14 · Ärendemening: Utdelning ur stiftelsen Olof och Caroline Wijks fond 2024")
_OWN_MATTER = re.compile(r"(?m)^\s*Ärendemening\s*:")


def year_surely_other(question: Question, text: str, context: str | None, title: str | None, date: str | None) -> bool:
    """Whether a passage that fails ``grounds.year_in_own_words`` or ``names_asked_year`` is
    positively of another year: the asked year in no form in its own words (a budget's plan years
    and a term's end aside, as there; a chart's axis counted), none told relative to its document's
    date, and not in its § title or its document's title (dates and plan years aside). A passage
    naming the matter it records (``_OWN_MATTER``) is about that matter's years: its § title does
    not stand in (a protocol's vote annexes are read into the § before them, whose title is
    another matter's: "Hur röstade fullmäktige om utdelningen ur Wijks fond 2023?" and the annex
    "Ärendemening: Utdelning ur … Wijks fond 2024" under "§ 245 Förteckning över anmälningsärenden"
    with the first annex's "Ärendemening: Kompletterande uppföljning per december 2023")."""
    if not question.years:
        return True
    own = PLAN_YEARS.sub(" ", TERM.sub(" ", _CASE_NUMBER.sub(" ", text)))
    if set(question.years) & _relative_year(text, date):
        return False
    titles = (context, title) if not _OWN_MATTER.search(text) else ()
    for year in question.years:
        forms = _years_of(year)
        if forms.search(own):
            return False
        if any(forms.search(PLAN_YEARS.sub(" ", _DATE.sub(" ", _CASE_NUMBER.sub(" ", t or "")))) for t in titles):
            return False
    return True


def _abbreviates(capitals: str, words: Sequence[str], span: int = 1) -> bool:
    """Whether ``capitals`` may abbreviate a run of ``words`` from one of them on: its first
    letter is that word's first, its letters stand in that order in the run, and they reach into
    at least ``span`` of its words ("ASF": "arbetsintegrerade socialföretag", two; "KF":
    "kommunfullmäktige", one)."""
    low = capitals.lower()
    for i, word in enumerate(words):
        if not word.startswith(low[0]):
            continue
        run = "".join(words[i:])
        ends = [sum(len(w) for w in words[i:j + 1]) for j in range(i, len(words))]
        at = 1
        for ch in low[1:]:
            at = run.find(ch, at)
            if at < 0:
                break
            at += 1
        else:
            if sum(1 for e in ends if e < at) + 1 >= span:
                return True
    return False


def _may_abbreviate(text: str, words: Sequence[str], span: int = 1) -> bool:
    return any(_abbreviates(m.group(0), words, span) for m in _CAPITALS.finditer(text))


def topic_surely_absent(terms: Iterable[Term], text: str) -> bool:
    """Whether a keyword query's passage that fails ``grounds.topic_held`` holds none of the words
    it asks (``terms``, those its document's title and body do not hold) in any form: no stem of
    one anywhere in a word (inside a compound: "korttidssjukfrånvaron"), no capitals that may
    abbreviate them."""
    asked = list(terms)
    low = text.lower()
    for t in asked:
        if any(len(s) > MIN_STEM and s in low for s in {t.stem.lower(), *(a.lower() for a in (*t.alts, *t.whole))}):
            return False
    # (capitals within one word, "SKR" of "sjukfrånvaro", are chance: an abbreviation of one
    # word is no common way to write a keyword query's topic)
    return not _may_abbreviate(text, [t.word.lower() for t in asked], span=2)


def stance_surely_absent(text: str) -> bool:
    """Whether a passage that fails ``subject.states_position`` holds no word of any stance, vote
    or member's proposal (``_STANCE_ANY``)."""
    return not _STANCE_ANY.search(text)


def focus_surely_absent(question: Question, text: str, title: str | None, asked: Sequence[str] = ()) -> bool:
    """Whether a figure question's passage that fails ``Ranked.focus_ok`` positively lacks what
    the figure is of: a focus word whose stem stands nowhere in a word of the passage (``text``,
    with its § title; ``hybrid`` read the passage before it) or of its document's ``title``, or,
    for a focus asking a length of time, no duration in it; and no three capitals or more in the
    passage that may abbreviate the focus with the words ``asked`` ("HME")."""
    low = f"{text}\n{title or ''}".lower()

    def held(word: str) -> bool:
        if word in TIME_FOCUS:
            return duration_in(text)
        return any(len(s) > MIN_STEM and s in low for s in {word, stem(word)})

    focus = [w.lower() for w in question.focus]
    if all(held(w) for w in focus):
        return False
    # (three capitals at least: two, "KS", "KF", "SD", name a body or a party in these records)
    words = [*focus, *(w.lower() for w in asked if w.lower() not in focus)]
    return not any(len(m.group(0)) >= 3 and _abbreviates(m.group(0), words, span=2) for m in _CAPITALS.finditer(text))


def _body_forms(body: str) -> list[re.Pattern[str]]:
    """A body as a text may name it: its distinctive words anywhere in a word ("fullmäktige" of
    "kommunfullmäktige", "ungdoms" of "barn- och ungdomsnämnden"), the whole name."""
    words = [w for w in re.findall(r"[\wåäö]+", body.casefold()) if w != "och"]
    stems = [w.removesuffix("en") for w in words]
    if body.casefold().endswith("fullmäktige"):
        stems.append("fullmäktig")
    return [re.compile(re.escape(s), re.IGNORECASE) for s in stems if len(s) > MIN_STEM and s not in ("kommun", "region")]


def decision_surely_other(question: Question, text: str, committee: str | None) -> bool:
    """Whether a passage that fails ``asked.decided_by`` is positively another body's: its
    document's body is known, and its sentences name the body asked in no form (its words,
    capitals that may abbreviate it: "KF"), or only as the one a proposal goes to or the one
    passing the matter on to another body."""
    body = question.decider
    if body is None:
        return True
    if not committee:
        return False
    forms = _body_forms(body)
    letters = [re.sub(r"[^\wåäö]", "", body.casefold())]
    for sentence in re.split(r"(?<=[.!?:])\s+", " ".join(text.split())):
        named = [m for f in forms for m in f.finditer(sentence)]
        capitals = [m for m in _CAPITALS.finditer(sentence) if _abbreviates(m.group(0), letters)]
        for m in named + capitals:
            start = m.start()
            while start > 0 and (sentence[start - 1].isalnum() or sentence[start - 1] == "-"):
                start -= 1  # the word the name stands in ("kommunfullmäktige" for "fullmäktig")
            # "Kommunstyrelsen föreslår kommunfullmäktige att …", "Förslag till beslut i
            # kommunfullmäktige", "har till kommunfullmäktige lämnat en motion": the addressee
            if re.search(_TO_BODY + r"$", sentence[max(0, start - 60):start], re.IGNORECASE):
                continue
            # "Kommunfullmäktige lämnade motionen till kommunstyrelsen för beredning": it passed the
            # matter on, for another body to prepare
            if _PASSED_ON.match(sentence, m.end()):
                continue
            return False
    return True


# what may be (part of) a name in any form: a capitalised word not opening a sentence, a line or a
# list item ("utses Anna Berg", "Berg, Anna"), a word in capitals ("ANNA BERG"), a party in
# parentheses ("Berg (S)")
_NAME_LIKE = re.compile(r"(?<![.!?:•\n\s])\s+[A-ZÅÄÖ][\wåäöéü-]+|[A-ZÅÄÖ][\wåäöéü-]*\s+[A-ZÅÄÖ][\wåäöéü-]+|"
                        r"(?<![\wÅÄÖ])[A-ZÅÄÖ]{2,}(?![\wÅÄÖåäö])|\((?:" + PARTY_CODES + r")\)")
# a list item's number, which a sentence opens after ("6. I styrelser …")
_ITEM_NUMBER = re.compile(r"(?m)^\s*(?:\d{1,2}|[a-zåäö])[.)]\s+")


def holder_surely_absent(question: Question, r: Ranked, text: str, context: str | None) -> bool:
    """Whether a passage failing the holder check of ``judge.off_asked`` positively names no
    holder of the post asked: neither it nor its § title names the post in any form (its first
    four letters start a word: "ordf."); or it names the post of another body only
    (``Ranked.post_of_body``); or nothing that may be a name in any form stands within
    ``passage.NEAR_NAME`` characters of the post in its own words ("I styrelser med sju eller fler
    ledamöter väljer styrelsen ordförande …"). A passage whose words hold what may be a name
    where the reader read none ("ANNA BERG", "Berg, Anna") gives no evidence."""
    post = question.post
    if post is None or not r.post_of_body:
        return True
    stem = re.compile(r"(?<![\wåäö])" + re.escape(post.split()[-1].lower()[:4]), re.IGNORECASE)
    if not stem.search(f"{text}\n{context or ''}"):
        return True
    own = _ITEM_NUMBER.sub("\n", text)
    names = [m.start() for m in _NAME_LIKE.finditer(own)]
    at = [m.start() for m in stem.finditer(own)]
    if not at:  # the post named by its § title only: any name in the passage may be its holder's
        return not names
    return not any(abs(n - a) <= NEAR_NAME + len(post) for a in at for n in names)


def unsure_checks(question: Question, r: Ranked, row: Mapping[str, Any], thing: Matcher | None,
                  form: str) -> tuple[str, ...]:
    """The checks of ``judge.off_asked`` that ``r`` fails on no positive evidence (see the module's
    docstring); ``row``: its stored passage, ``thing``: what the query asks (``grounds.thing_of``),
    ``form``: how it asks (``question.sentence_form``)."""
    text = row["text"]
    context = row["context"]
    out: list[str] = []
    if (not r.year_own or not r.year_named) and not year_surely_other(question, text, context, row["title"],
                                                                      row["date"]):
        out += ["year_own", "year_named"]
    if not r.topic and thing is not None and form == "keywords":
        document = " ".join(str(row[f] or "") for f in ("title", "committee", "municipality"))
        asked = [t for t, held in zip(thing.terms, thing.held(document), strict=True) if not held]
        if not topic_surely_absent(asked, f"{text}\n{context or ''}"):
            out.append("topic")
    if not r.stance and not stance_surely_absent(text):
        out.append("stance")
    if not r.decided and not decision_surely_other(question, text, row["committee"]):
        out.append("decided")
    if not r.focus_ok and not focus_surely_absent(question, f"{text}\n{context or ''}", row["title"],
                                                  [t.word for t in thing.terms] if thing is not None else ()):
        out.append("focus_ok")
    if r.holder_asked and not (r.stated and r.holder_beside) and not holder_surely_absent(question, r, text, context):
        out.append("holder")
    return tuple(out)
