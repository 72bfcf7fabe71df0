"""Figures in running Swedish text: the numbers with a unit (a currency, a percent, a unit of
measure, a counted noun), the numbers ruled out by their context, and the sentence a figure
stands in. ``figures.py`` reads a document with these and ``figure_tables.py``.

Matching runs on the document text with regular expressions: spaCy's tokenizer splits
"1 500 000" and "t kr" apart, and plain regexes over the whole text are several times faster.
This module reads one figure from a number and its words; the rules it asks live beside it:
``figure_numbers`` (the numbers), ``figure_context`` (units, qualifiers, identifier words),
``figure_nouns`` (the counted noun), ``figure_words`` (verbs and adjectives after a number),
``figure_lemmas`` (a noun's base form) and ``figure_ranges`` ("2-3 mnkr", a spaced minus).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..measures import measure_at
from .figure_context import (
    APPROX,
    BARE_SCALE,
    EURO,
    PER_RE,
    PER_SHORT,
    QUALIFIERS,
    SCALE_VALUES,
    UNITS,
    WITH_OTHERS,
    is_identifier_context,
    words_before,
)
from .figure_lemmas import lemma, lemma_table
from .figure_nouns import (
    FILE_SIZES,
    KRONA,
    KRONA_ADJECTIVES,
    MONTHS,
    NEXT_NUMBER,
    NOT_COUNTED,
    NOUN_RE,
    NUMBERED_PARTS,
    STYCK,
    TIME_TAILS,
    count_unit,
    english_head,
    english_words,
    glued_preposition,
    is_debris,
    is_floor,
    is_singular_with_plural,
)
from .figure_numbers import (
    FOOTNOTE_MARK,
    NUMBER_RE,
    ONE,
    PHONE,
    digits_value,
    is_year,
    normalize_spaces,
    number_value,
)
from .figure_words import (
    is_definite_singular,
    is_plain_adjective,
    looks_like_adjective,
    looks_like_verb,
)

__all__ = ["count_unit", "digits_value", "is_year", "iter_figures", "lemma", "lemma_table", "normalize_spaces",
           "sentence_around"]


def iter_figures(text: str) -> Iterator[tuple[int, int, str, float, str, str | None, str | None, float | None]]:
    """(start, end, kind, value, unit, qualifier, per, value_to) of every figure in ``text``,
    in reading order; ``value_to`` is a range's high end ("2-3 mnkr": value 2e6, value_to 3e6),
    None for one number. ``text`` must have its fixed-width spaces normalised
    (``normalize_spaces``)."""
    from .figure_ranges import ranges as range_figures
    from .figure_ranges import signed

    ranges = list(range_figures(text))
    covered = [(r[0], r[1]) for r in ranges] + [m.span() for m in PHONE.finditer(text)]
    out = list(ranges)
    for m in NUMBER_RE.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue  # a range's low or high end, or the "tusen" of "120 tusen kronor": one figure
        fig = figure(text, m, m.start())
        if fig is not None:
            out.append((*signed(text, m, fig), None))
            covered.append((m.start(), fig[1]))
    out += [f for fig in out for f in _listed_before(text, fig)]
    yield from sorted(out, key=lambda f: (f[0], f[1]))


# the numbers of a list that ends in a figure and shares its unit: "höjas med 0,01 respektive
# 0,06 procentenheter", "3, 4 och 5 mnkr" (the figure's own number last); sign and decimals kept
_LISTED_NUM = r"[-−–+]?(?:\d{1,3}(?: \d{3})+|\d+)(?:,\d+)?"
_LISTED_BEFORE = re.compile(rf"(?<![\w§.,/:-])((?:{_LISTED_NUM} ?, ?)*{_LISTED_NUM}) (?:och|respektive|resp\.|eller) $")
_LISTED_ONE = re.compile(_LISTED_NUM)
_NOT_AN_AMOUNT_BEFORE = re.compile(r"(?:§|\b(?:nr|nummer|punkt|punkterna|paragraf|kap\.?|sid|sidan|s\.|bilaga|bilagorna|år|åren|"
                                   r"vecka|veckorna|dnr|kl\.?|klockan|den|version))\s*$", re.IGNORECASE)


def _listed_before(text: str, fig: tuple[int, int, str, float, str, str | None, str | None, float | None]
                   ) -> list[tuple[int, int, str, float, str, str | None, str | None, float | None]]:
    start, _end, kind, value, unit, _qual, per, value_to = fig
    if value_to is not None or not value:
        return []
    own = _LISTED_ONE.match(text, start)
    lm = _LISTED_BEFORE.search(text, max(0, start - 160), start)
    if own is None or lm is None or lm.end() != start or _NOT_AN_AMOUNT_BEFORE.search(text, max(0, lm.start() - 40), lm.start()):
        return []
    own_value = _listed_value(own.group())
    if not own_value:
        return []
    scale = value / own_value
    found: list[tuple[int, int, str, float, str, str | None, str | None, float | None]] = []
    for nm in _LISTED_ONE.finditer(text, lm.start(1), lm.end(1)):
        written = nm.group()
        if re.fullmatch(r"(?:19|20)\d\d", written):
            return []  # "2026 och 5 mnkr": a year, not the list's first amount
        found.append((nm.start(), nm.end(), kind, _listed_value(written) * scale, unit, None, per, None))
    return found


def _listed_value(written: str) -> float:
    sign = -1.0 if written[:1] in "-−–" else 1.0
    return sign * float(written.lstrip("-−–+").replace(" ", "").replace(",", "."))


def figure(text: str, m: re.Match[str], lead: int) -> tuple[int, int, str, float, str, str | None, str | None] | None:
    """The figure the number ``m`` makes, or None; ``lead`` is where its words start (the
    number itself, or a range's first number): the words before it are its context."""
    value = number_value(m)
    if value is None:
        return None
    end = m.end()
    if text[end:end + 1].isdigit():
        end += 1  # the footnote mark of "313 0004 uppdrag" (see figure_numbers._FOOTNOTE)
    elif fm := FOOTNOTE_MARK.match(text, end):
        end = fm.end()  # the mark the PDF reader sets apart: "313 000 ⁴ uppdrag" (ingest/pdf_runs.py)
    word = m.group("word")
    raw = m.group("num") or ""
    kind: str | None = None
    unit = ""
    mult = 1.0
    for rx, k, mul in UNITS:
        um = rx.match(text, end)
        if um:
            kind, mult, end = k, mul, um.end()
            unit = "SEK" if k == "amount" else ("procentenhet" if "enhet" in um.group().lower() else "%")
            break
    if kind is None:
        sm = BARE_SCALE.match(text, end)
        if sm:
            mult = SCALE_VALUES[sm.group("scale").lower()]
            end = sm.end()
        if em := EURO.match(text, end):
            kind, unit, end = "amount", "EUR", em.end()
            mult *= 1e6 if em.group("million") else 1e3 if em.group("thousand") else 1.0
    sign = m.group("sign")
    if sign and kind not in ("amount", "percent"):
        return None  # "-3 platser", "+2": a signed number is a figure only as kronor or percent
    if sign and sign != "+":
        value = -value
    if kind is None and word and word.lower() in ONE and mult == 1.0:
        return None  # "en", "ett": the article, unless a unit follows
    prev = words_before(text, lead)
    if kind is None or kind == "percent":
        # identifiers: § 9, nr 3, sida 4, kl 9, Storgatan 12, 13 april, år 2021 ...
        strong = prev and prev[0][1].lower().rstrip(".") in ("§", "nr", "sida", "sidan", "kl")
        if is_identifier_context(prev) and (kind is None or strong):
            return None
        if raw and text[m.end():m.end() + 1] in ".)" and kind is None:
            return None  # list numbering "1." / "2)"
    if kind is None and WITH_OTHERS.match(text, end):
        return None  # "Björksäter 1 m fl", "Tomten 4 m.fl.": a property's number "and others", no metre
    if kind is None and (ms := measure_at(text, end)) is not None:
        # a length, area, volume, weight or energy: measured, not counted
        if raw and is_year(raw) and not (prev and prev[0][1].lower() in APPROX):
            return None  # as for a count: "2 000 m²" is written with its space
        kind, unit, end = "measure", ms[0], ms[1]
    listed = False  # "2 st rektor": a list's singular after "st" counts as a plural does
    if kind is None and (st := STYCK.match(text, end)) and NOUN_RE.match(text, st.end()):
        end, listed = st.end(), True  # "30 st parkeringsplatser", "12 stycken lägenheter": the noun after "st" counts
    if kind is None and (nm := NOUN_RE.match(text, end)) and nm.group("noun").lower() in KRONA_ADJECTIVES and (
            cur := KRONA.match(text, nm.end())):
        # "1 svensk krona per kommuninvånare", "5 miljoner svenska kronor": an amount, not a
        # count of "svensk"; "100 danska kronor" is no amount in SEK and is left out
        if not nm.group("noun").lower().startswith("svensk"):
            return None
        kind, unit, end = "amount", "SEK", cur.end()
    if kind is None:
        nm = NOUN_RE.match(text, end)
        skipped = 0
        while nm and skipped < 2 and looks_like_adjective(nm.group("noun")):
            nxt = NOUN_RE.match(text, nm.end())
            if not nxt or nxt.group("noun").lower() in NOT_COUNTED or looks_like_verb(nxt.group("noun")):
                break  # a noun made of an adjective: "300 anställda", "fem boende flyttar"
            nm, skipped = nxt, skipped + 1
        if nm and is_plain_adjective(nm.group("noun")):
            return None  # "medan två nya har tillkommit": the counted noun is elsewhere
        if not nm:
            if mult > 1:  # "2 miljarder": an amount in kronor
                kind, unit = "amount", "SEK"
            else:
                return None
        elif english := english_head(text, nm):
            if raw and is_year(raw) and not (prev and prev[0][1].lower() in APPROX):
                return None
            kind, unit, end = "count", english[0], english[1]  # "3 major incidents": incident
        else:
            noun = nm.group("noun")
            if glued := glued_preposition(noun):
                noun = noun[:-len(glued)]  # "400 personeri": OCR ran "personer i" together
            lem = lemma(noun)
            low = noun.lower()
            if (low in NOT_COUNTED or lem in NOT_COUNTED or lem in MONTHS
                    or lem.endswith(TIME_TAILS) or looks_like_verb(noun) or len(lem) < 2
                    or is_definite_singular(noun) or low in FILE_SIZES or is_floor(text, nm)
                    or is_debris(text, nm)
                    or (low in NUMBERED_PARTS and NEXT_NUMBER.match(text, nm.end()))
                    or (value >= 2 and value.is_integer() and not listed and low not in english_words()
                        and is_singular_with_plural(noun))):
                if mult > 1:
                    kind, unit = "amount", "SEK"
                else:
                    return None
            else:
                if raw and is_year(raw) and not (prev and prev[0][1].lower() in APPROX):
                    return None  # "Budget 2023 kommunstyrelsen": a year; "ca 2000 personer" is written "2 000"
                kind, unit, end = "count", count_unit(lem), nm.start("noun") + len(noun)
    if raw and is_year(raw) and kind == "amount" and prev and prev[0][1].lower() in ("år", "året", "budget", "under", "för"):
        return None
    qualifier = None
    start = lead
    if prev:
        two = f"{prev[1][1]} {prev[0][1]}".lower() if len(prev) > 1 else ""
        if two in QUALIFIERS:
            qualifier, start = QUALIFIERS[two], prev[1][0]
        elif prev[0][1].lower() in QUALIFIERS:
            qualifier, start = QUALIFIERS[prev[0][1].lower()], prev[0][0]
        if qualifier == "under" and kind in ("count", "measure"):
            qualifier, start = None, lead
    per = None
    pm = PER_RE.match(text, end)
    if pm:
        p = (pm.group("per") or pm.group("per2") or "").lower()
        per = PER_SHORT.get(p) or lemma(p)
        end = pm.end() if p in PER_SHORT or not pm.group("dot") else pm.end() - 1
    return start, end, kind, value * mult, unit, qualifier, per


# ---- sentences ------------------------------------------------------------------------

_SENT_END = re.compile(r"(?<=[.!?:;])\s+(?=[A-ZÅÄÖ\-–•\d\"”])|\n\s*\n|\f|\n(?=\s*[-–•]\s)")


def sentence_around(text: str, start: int, end: int, *, limit: int = 400) -> str:
    """The sentence that holds ``text[start:end]``, on one line, at most ``limit`` characters."""
    lo = max(0, start - limit)
    left = text[lo:start]
    last = None
    for last in _SENT_END.finditer(left):
        pass
    s = lo + last.end() if last else lo
    right = text[end:end + limit]
    nm = _SENT_END.search(right)
    e = end + (nm.start() if nm else len(right))
    # a section heading on a line of its own ends it: a figure in a § title without a full stop
    # ran on into "Ärendebeskrivning På Nolhagaparkeringen finns …"
    from ..ingest.sections import section_kind

    nl = text.find("\n", end, e)
    while nl != -1:
        line_end = text.find("\n", nl + 1, e)
        if section_kind(text[nl + 1:e if line_end == -1 else line_end]):
            e = nl
            break
        nl = line_end
    # a short line without closing punctuation before the figure is a heading, not the sentence;
    # the tail of a line whose earlier sentence ended mid-line is the sentence's start ("… (200
    # km/h) är\ndock inte i linje med målet (250 km/h)." was quoted from "dock")
    while (nl := text.find("\n", s, start)) >= 0:
        line = text[s:nl].strip()
        starts_line = not text[text.rfind("\n", 0, s) + 1:s].strip()
        if starts_line and len(line) < 55 and not line.endswith((",", "-", "–", "och", "att")):
            s = nl + 1
        else:
            break
    return " ".join(text[s:e].split())
