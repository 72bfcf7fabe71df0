"""Ranges in running Swedish text ("2-3 mnkr", "15–20 platser", "mellan 2 och 3 miljoner
kronor": one figure with a low and a high end) and a spaced minus that makes a labelled
outcome negative ("Avvikelse mot budget - 3,5 mnkr"). ``figure_text.iter_figures`` reads
these beside its single numbers; the high end of a range is read by its ``figure``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .figure_context import is_identifier_context, words_before
from .figure_nouns import MONTHS
from .figure_numbers import GLUED, NUM, WORD_NUMBERS, WORDS, digits_value, is_year, number_value
from .figure_text import figure

__all__ = ["ranges", "signed"]


# ---- ranges: "2-3 mnkr", "15–20 platser", "mellan 2 och 3 miljoner kronor" -------------------

_PLAIN_NUM = NUM.replace("(?P<num>", "(?:")
_WORD_NUM = rf"(?:{WORDS})(?![\wåäö])"
# the low end, a dash (unspaced, spaced on both sides, or glued to the low end and spaced
# after it: "2,5- 3,5 miljoner euro"; spaced before it and glued to the high end, "2,5 -3,5
# mkr", only in running text, see _in_running_text: "15 -3" in a table row is a minus) or a
# word, and the high end's first digit; "mellan ... och", "från ... till" bring their words
_RANGE_RE = re.compile(
    rf"(?:(?<![\wåäö\-])(?P<kw>mellan|från)\s+)?(?<![\w§/:.,\-−–+])(?P<a>{_PLAIN_NUM}|{_WORD_NUM})"
    rf"(?P<conn>[-–][ \t]?| [-–] |[ \t][-–](?=\d)|\s+(?:och|till)\s+)(?=\d|{_WORD_NUM})",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(r"[-–−+]?\d[\d\s,.]*$")
# the high end: a number as NUMBER_RE reads it, with no sign and no look behind it
_HIGH_RE = re.compile(
    rf"(?P<sign>(?!))?{NUM}(?:{GLUED}|(?![\w/:\-−–]|[.,]\d))|(?P<word>{WORDS})(?![\w\-])",
    re.IGNORECASE,
)
# words before a dash pair that make it a span of identifiers: "åk 7-9", "§§ 12-14" (with
# figure_context._ID_WORDS)
_RANGE_ID_WORDS = {"åk", "årskurs", "årskurserna", "klass", "klasserna", "sidorna", "s", "ss", "pp",
                   "paragraferna", "punkt", "punkterna", "bilagorna", "dnr", "kapitlen", "veckorna", "v"}
# "ökar från 2 till 3 mnkr", "utöka skolorganisationen från tre till fyra skolor": a change
# from one figure to another, not a range
_CHANGE = ("ök", "utök", "minsk", "reduc", "utvidg", "begräns", "förläng", "förkort", "höj", "sänk", "stig", "steg", "sjunk", "sjönk", "gå", "gick", "gått", "ändr",
           "förändr", "flytt", "väx", "vuxit", "räkna", "justera", "uppräkn")


def _plain_value(raw: str) -> float | None:
    w = raw.lower()
    if w in WORD_NUMBERS:
        return float(WORD_NUMBERS[w])
    try:
        return digits_value(raw)
    except ValueError:
        return None


def ranges(text: str) -> Iterator[tuple[int, int, str, float, str, str | None, str | None, float | None]]:
    """Ranges: a low and a high number before one unit ("2-3 mnkr", "10–15 procent",
    "mellan 2 och 3 miljoner kronor"); the high end is read as a figure of its own (unit,
    counted noun, per) in the context of the words before the low end, and the low end takes
    its unit. Years ("2024-2026"), dates, diarienummer, §/page/grade spans, phone numbers and
    durations ("2-3 veckor", which are not counted) stay out."""
    for r in _RANGE_RE.finditer(text):
        kw = (r.group("kw") or "").lower()
        conn = r.group("conn").strip().lower()
        if conn == "och" and kw != "mellan":
            continue  # "2 och 3 platser" are two numbers
        a_raw = r.group("a")
        a = _plain_value(a_raw)
        hm = _HIGH_RE.match(text, r.end())
        if a is None or hm is None:
            continue
        b = number_value(hm)
        if b is None or b <= a:
            continue  # "15-3": no range runs downwards
        a_digits = a_raw if a_raw[:1].isdigit() else ""
        if a_digits[:1] == "0" and len(a_digits) > 1 and "," not in a_digits:
            continue  # "08-123 45 67", "070-1234567": a phone number
        if is_year(a_digits):
            continue  # "2024-2026", "KS 2025-123", "fastställs för 2024 till 3 100 kronor": a year first
        prev = words_before(text, r.start())
        if prev:
            w = prev[0][1].lower().rstrip(".:,")
            if w in _RANGE_ID_WORDS or is_identifier_context(prev):
                continue
        raw_conn = r.group("conn")
        if raw_conn[0] in " \t" and raw_conn[-1] in "-–" and not _in_running_text(text, r.start()):
            continue  # "Budget 2,5 -3,5 mnkr" in a table row: a value and a signed one
        if kw == "från" and any(x.lower().startswith(_CHANGE)
                                for x in re.findall(r"[\wåäö]+", text[max(0, r.start() - 60):r.start()])[-3:]):
            continue
        fig = figure(text, hm, r.start())
        if fig is None:
            continue
        start, end, kind, value, unit, qual, per = fig
        yield start, end, kind, a * (value / b), unit, qual, per, value


def _in_running_text(text: str, start: int) -> bool:
    """The number at ``start`` stands in a sentence, not in a table row: a word of running text
    (lower case, no label of an outcome) comes right before it on its line ("beräknas till 2,5
    -3,5 mkr"), no number ("12,0 2,5 -3,5") and no row label ("Socialnämnden 2,5 -3,5 mnkr",
    "Resultat 2,5 -3,5 mnkr")."""
    line = text[text.rfind("\n", 0, start) + 1:start].rstrip()
    words = line.split()
    if not words or _NUMBER_TOKEN.match(words[-1]):
        return False
    last = words[-1].strip("(),:;")
    return last.isalpha() and last.islower() and not last.endswith(_SIGNED_LABELS)


# ---- a spaced minus: "Avvikelse mot budget - 3,5 mnkr", "Prognos: - 3 mnkr" -------------------

# words that make the figure after them a signed outcome: a dash between them and it is a minus
_SIGNED_LABELS = ("avvikelse", "avvikelsen", "prognos", "prognosen", "resultat", "resultatet", "utfall",
                  "utfallet", "differens", "differensen", "budgetavvikelse", "budgetavvikelsen")
# the few words that may stand between such a label and its figure ("Avvikelse mot budget",
# "Prognos helår 2026"); any other word ("Resultatet visar kostnader - 3 mnkr") may make the
# dash punctuation, and verbs are too many for the lemma table to tell apart
_LABEL_GLUE = {"mot", "för", "jämfört", "med", "i", "per", "av", "efter", "till", "och", "budget", "budgeten",
               "helår", "helåret", "år", "året", "perioden", "period", "tertial", "tertialet", "delår",
               "delåret", "månad", "månaden", "totalt", "netto", "nämnden", "nämndens", "kommunen",
               "kommunens", "ackumulerat", "ack", "hittills", "t", "o", "m", "tom"} | MONTHS
_PAIRED_DASH = re.compile(r"[^.\n]{0,80}?\s[-–]\s")


def signed(text: str, m: re.Match[str],
            fig: tuple[int, int, str, float, str, str | None, str | None]
            ) -> tuple[int, int, str, float, str, str | None, str | None]:
    """``fig`` made negative where a spaced dash before it is a minus: after a colon ("Prognos:
    - 3 mnkr") or a label ("Avvikelse mot budget - 3,5 mnkr"), not a dash as punctuation
    ("kostnader - 3 mnkr - som")."""
    start, end, kind, value, unit, qual, per = fig
    s = m.start()
    if kind not in ("amount", "percent") or m.group("sign") or start != s or s < 2:
        return fig
    if text[s - 2:s] not in ("- ", "– ", "− ") or (s > 2 and text[s - 3] not in " \t"):
        return fig
    line = text[max(0, s - 80):s - 2].rsplit("\n", 1)[-1].rstrip()
    if not line:
        return fig  # "- 3 mnkr" first on its line: a bullet
    if _PAIRED_DASH.match(text, end):
        return fig  # "- 3 mnkr - som": a dash pair around words
    minus = line.endswith(":")
    if not minus:
        words = re.findall(r"[\wåäöÅÄÖ]+", line)[-4:]
        for i, w in enumerate(words):
            if w.lower().endswith(_SIGNED_LABELS) and all(
                    x.isdigit() or x.lower() in _LABEL_GLUE for x in words[i + 1:]):
                minus = True
    if not minus:
        return fig
    return s - 2, end, kind, -value, unit, qual, per
