"""Figures in running Swedish text: the numbers with a unit (a currency, a percent, a unit of
measure, a counted noun), the numbers ruled out by their context, and the sentence a figure
stands in. ``figures.py`` reads a document with these and ``figure_tables.py``.

Matching runs on the document text with regular expressions: spaCy's tokenizer splits
"1 500 000" and "t kr" apart, and plain regexes over the whole text are several times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

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
from .figure_lemmas import lemma, lemma_table, lemmas, swedish_bases
from .figure_numbers import (
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


_MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
           "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "okt", "nov", "dec"}
# nouns that count time (durations are not quantities a reader tallies) or are no noun at all
_NOT_COUNTED = {
    "dag", "dygn", "vecka", "månad", "år", "kvartal", "termin", "läsår", "halvår", "timme", "minut",
    "sekund", "gång", "ggr", "tid", "procent", "procentenhet", "kr", "kronor", "krona", "tkr", "mkr",
    "mnkr", "st", "styck", "stycken", "och", "eller", "till", "av", "i", "på", "med", "för", "som",
    "är", "var", "har", "hade", "om", "från", "per", "mot", "att", "en", "ett", "de", "den", "det",
    "inom", "under", "över", "efter", "före", "vid", "ska", "skall", "kan", "kommer", "blir", "blev",
    "bör", "får", "samt", "men", "så", "än", "utan", "enligt", "då", "där", "när", "jämfört",
    "respektive", "resp", "alt", "ca", "cirka", "mer", "fler", "färre", "mindre", "minst", "högst",
    "sig", "inte", "också", "även", "nu", "totalt", "vilket", "vilka", "vilken", "ja", "nej",
    "sammanlagt", "redan", "bara", "endast", "hela", "gånger", "olika", "andra", "första", "sista",
    "år.", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
    "oktober", "november", "december", "tusen", "miljoner", "miljon", "miljarder", "miljard",
    "upp", "ut", "in", "ner", "bort", "fram", "tillbaka", "igen", "dessa", "detta", "denna",
    "års", "åren", "årig", "åriga", "årigt", "mån", "tim", "min", "sek", "st.", "kap",
    "ovan", "nedan", "ovanstående", "nedanstående", "ff", "resp.", "osv", "etc",
    "både", "båda", "antingen", "varken",  # "klockan 8 och 18 både vardag och helg": no 18 "båda"
    "utifrån", "bland", "mellan", "kring", "runt", "hos", "genom", "trots", "sedan", "dock",  # "ca 30 utifrån"
    "vardera", "mest",  # "flera hundra vardera", "de tolv mest …": the counted noun, if any, is elsewhere
}
# the size of a linked file ("Närvaro.pdf (118 kb)") counts nothing a reader tallies
_FILE_SIZES = {"kb", "kbyte", "kib", "mb", "mbyte", "mib", "gb", "byte", "bytes"}
# a number before an identifier word that is itself numbered refers to a place: "vid 59 punkt 2"
# is § 59 point 2 with its sign lost (web copies, OCR), not 59 points; singular forms only, so
# that "3 bilagor 2 av dem nya" still counts three
_NUMBERED_PARTS = {"punkt", "bilaga", "kap", "kap.", "kapitel", "paragraf", "mom", "mom.", "moment"}
_NEXT_NUMBER = re.compile(r"[ \t]+\d")
_FLOOR_AFTER = re.compile(r"[ \t]+(?:upp|ned|ner)(?![\wåäö])", re.IGNORECASE)


def _is_floor(text: str, nm: re.Match[str]) -> bool:
    """A floor in an address: "Storgatan 20, 3 tr", "2 trappor upp" (trappor = floors), no count."""
    low = nm.group("noun").lower()
    return low in ("tr", "trp") or (low in ("trappor", "trappa", "tr.") and bool(_FLOOR_AFTER.match(text, nm.end())))


# compounds of time units are durations too: "kalenderdagar", "arbetsveckor", "läsår"
_TIME_TAILS = ("dag", "dygn", "vecka", "månad", "timme", "minut", "sekund", "kvartal", "termin", "år",
               "intervall")  # "med 1–3 årsintervall": how often, not how many
# counted nouns as the records abbreviate them: stored under the word, so that `--unit
# årsarbetare` finds "2,3 åa" as well as "39,8 årsarbetare"
_COUNT_ABBREVIATIONS = {"åa": "årsarbetare", "lgh": "lägenhet", "pers": "person"}


def count_unit(lem: str) -> str:
    """The unit a counted noun is stored under: its lemma, or the word an abbreviation stands for."""
    return _COUNT_ABBREVIATIONS.get(lem, lem)


_KRONA_ADJECTIVES = {"svensk", "svenska", "danska", "dansk", "norska", "norsk", "isländska", "isländsk"}
_KRONA = re.compile(r"[ \t]+(?:kronor|krona|kr)(?![\wåäö])", re.IGNORECASE)
_STYCK = re.compile(r"[ \t]*(?:st\.?|styck|stycken)(?=[ \t])", re.IGNORECASE)
_NOUN_RE = re.compile(
    r"\s+(?P<noun>(?:[A-ZÅÄÖ]{2,}-?)?[a-zåäöéü][a-zåäöéü]*(?:-[a-zåäöéü]+)*)(?![\wåäö])"
)


_PLURAL_S = re.compile(r"[ \t]+(?P<noun>[a-z]{3,}s)(?![\wåäö\-])")


def _english() -> dict[str, str]:
    return lemma_table("en")


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    en = _english()
    return frozenset(en) | frozenset(en.values())


def _english_head(text: str, nm: re.Match[str]) -> tuple[str, int] | None:
    """(the head noun's base form, where it ends) when the words after a number are an English
    noun phrase, as Swedish records quote one ("3 major incidents", "12 key findings"): an
    English word that is no Swedish form, then an English plural. Counted as its head
    ("incident"), not as the first word's Swedish lemma ("major" -> "maja")."""
    first = nm.group("noun")
    if not first.isascii() or not first.islower() or len(first) < 3 or first in lemmas():
        return None
    if first not in _english_words():
        return None
    pm = _PLURAL_S.match(text, nm.end())
    if pm is None:
        return None
    head = pm.group("noun")
    single = _english().get(head)
    if not single or single == head or not head.startswith(single[:-1]):
        return None  # no English plural ("finns", "prioriteras", "kontorets" are no English words)
    sv = lemmas()
    if sv.get(head, head[:-1]) != head[:-1] or head in swedish_bases():
        return None  # a Swedish word as well, and not as a genitive: "tio barn vars" (vara)
    return single, pm.end()


_VOWELS = frozenset("aeiouyåäöéü")
_GLUED_WORDS = ("i", "på", "av", "och")


_GLUED_NOISE = re.compile(r"[,;:=~_|][^\s]")


def _is_debris(text: str, nm: re.Match[str]) -> bool:
    """A "word" without a vowel glued to more marks ("1 vv,vv ===" of a scanned page): OCR
    noise, no noun. An abbreviation standing free ("68 pbb.", "3 lgh") is left as it is."""
    return not _VOWELS & set(nm.group("noun").lower()) and bool(_GLUED_NOISE.match(text, nm.end()))


def _glued_preposition(word: str) -> str | None:
    """The short word OCR or a web copy glued to a plural ("personeri" is "personer i",
    "platserpå" "platser på"): the lemma table knows the word without it as a plural form and
    does not know the whole."""
    w = word.lower()
    table = lemmas()
    if w in table or w in swedish_bases():
        return None
    for g in _GLUED_WORDS:
        head = w[:-len(g)]
        if w.endswith(g) and len(head) >= 4 and head.endswith(("ar", "er", "or", "na", "en")) and (
                table.get(head, head) != head):
            return g
    return None


def _is_singular_with_plural(word: str) -> bool:
    """A noun in its singular whose plural the lemma table knows as another word ("anläggning"
    -> anläggningar, "svarsfrekvens" by its tail "frekvens" -> frekvenser, "kvinna" ->
    kvinnor): after two or more it is no count, the number belongs to something else ("NTI 5
    svarsfrekvens", an agenda's page "13 allmänna VA-anläggning"). A noun whose plural is its
    singular ("10 mål", "3 rum", "5 lärare") is not one."""
    w = word.lower().rsplit("-", 1)[-1]
    table = lemmas()
    for i in range(len(w)):  # the word, or a compound's longest known tail of five letters or more
        tail = w[i:]
        if i and len(tail) < 5:
            break  # "ända" is no tail of "nyanlända"
        forms = [tail + "ar", tail + "er", tail + "or"]
        if tail.endswith("a"):
            forms.append(tail[:-1] + "or")  # "kvinna" -> kvinnor; "-ar", "-er" would be a verb's present
        elif tail.endswith("e"):
            forms += [tail[:-1] + "ar", tail[:-1] + "er"]  # "pojke" -> pojkar
        if table.get(tail + "et") == tail:
            return False  # a neuter reading whose plural is the word itself: "4 vindsplan" (plan, planet)
        if any(table.get(f) == tail for f in forms):
            return True
        if tail in table or any(v == tail for v in (table.get(tail + "n"), table.get(tail + "en"))):
            return False  # a known word without a plural of its own
    return False


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
        fig = _figure(text, m, m.start())
        if fig is not None:
            out.append((*signed(text, m, fig), None))
            covered.append((m.start(), fig[1]))
    yield from sorted(out, key=lambda f: (f[0], f[1]))


def _figure(text: str, m: re.Match[str], lead: int) -> tuple[int, int, str, float, str, str | None, str | None] | None:
    """The figure the number ``m`` makes, or None; ``lead`` is where its words start (the
    number itself, or a range's first number): the words before it are its context."""
    value = number_value(m)
    if value is None:
        return None
    end = m.end()
    if text[end:end + 1].isdigit():
        end += 1  # the footnote mark of "313 0004 uppdrag" (see figure_numbers._FOOTNOTE)
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
    if kind is None and (st := _STYCK.match(text, end)) and _NOUN_RE.match(text, st.end()):
        end, listed = st.end(), True  # "30 st parkeringsplatser", "12 stycken lägenheter": the noun after "st" counts
    if kind is None and (nm := _NOUN_RE.match(text, end)) and nm.group("noun").lower() in _KRONA_ADJECTIVES and (
            cur := _KRONA.match(text, nm.end())):
        # "1 svensk krona per kommuninvånare", "5 miljoner svenska kronor": an amount, not a
        # count of "svensk"; "100 danska kronor" is no amount in SEK and is left out
        if not nm.group("noun").lower().startswith("svensk"):
            return None
        kind, unit, end = "amount", "SEK", cur.end()
    if kind is None:
        nm = _NOUN_RE.match(text, end)
        skipped = 0
        while nm and skipped < 2 and looks_like_adjective(nm.group("noun")):
            nxt = _NOUN_RE.match(text, nm.end())
            if not nxt or nxt.group("noun").lower() in _NOT_COUNTED or looks_like_verb(nxt.group("noun")):
                break  # a noun made of an adjective: "300 anställda", "fem boende flyttar"
            nm, skipped = nxt, skipped + 1
        if nm and is_plain_adjective(nm.group("noun")):
            return None  # "medan två nya har tillkommit": the counted noun is elsewhere
        if not nm:
            if mult > 1:  # "2 miljarder": an amount in kronor
                kind, unit = "amount", "SEK"
            else:
                return None
        elif english := _english_head(text, nm):
            if raw and is_year(raw) and not (prev and prev[0][1].lower() in APPROX):
                return None
            kind, unit, end = "count", english[0], english[1]  # "3 major incidents": incident
        else:
            noun = nm.group("noun")
            if glued := _glued_preposition(noun):
                noun = noun[:-len(glued)]  # "400 personeri": OCR ran "personer i" together
            lem = lemma(noun)
            low = noun.lower()
            if (low in _NOT_COUNTED or lem in _NOT_COUNTED or lem in _MONTHS
                    or lem.endswith(_TIME_TAILS) or looks_like_verb(noun) or len(lem) < 2
                    or is_definite_singular(noun) or low in _FILE_SIZES or _is_floor(text, nm)
                    or _is_debris(text, nm)
                    or (low in _NUMBERED_PARTS and _NEXT_NUMBER.match(text, nm.end()))
                    or (value >= 2 and value.is_integer() and not listed and low not in _english_words()
                        and _is_singular_with_plural(noun))):
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
