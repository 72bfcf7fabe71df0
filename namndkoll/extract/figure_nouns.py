"""The counted noun after a number: which word a count is of ("tre tjänster", "5 OSA-platser",
"3 major incidents"), the unit it is stored under, and the words after a number that count
nothing a reader tallies: durations, months, file sizes, floors ("3 tr"), numbered parts ("vid
59 punkt 2"), OCR debris, a singular after two or more ("NTI 5 svarsfrekvens").
"""

from __future__ import annotations

import re
from functools import lru_cache

from .figure_lemmas import lemma_table, lemmas, swedish_bases

MONTHS = {"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
          "sep", "sept", "okt", "nov", "dec"}
# nouns that count time (durations are not quantities a reader tallies) or are no noun at all
NOT_COUNTED = {
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
FILE_SIZES = {"kb", "kbyte", "kib", "mb", "mbyte", "mib", "gb", "byte", "bytes"}
# a number before an identifier word that is itself numbered refers to a place: "vid 59 punkt 2"
# is § 59 point 2 with its sign lost (web copies, OCR), not 59 points; singular forms only, so
# that "3 bilagor 2 av dem nya" still counts three
NUMBERED_PARTS = {"punkt", "bilaga", "kap", "kap.", "kapitel", "paragraf", "mom", "mom.", "moment"}
NEXT_NUMBER = re.compile(r"[ \t]+\d")
_FLOOR_AFTER = re.compile(r"[ \t]+(?:upp|ned|ner)(?![\wåäö])", re.IGNORECASE)


def is_floor(text: str, nm: re.Match[str]) -> bool:
    """A floor in an address: "Storgatan 20, 3 tr", "2 trappor upp" (trappor = floors), no count."""
    low = nm.group("noun").lower()
    return low in ("tr", "trp") or (low in ("trappor", "trappa", "tr.") and bool(_FLOOR_AFTER.match(text, nm.end())))


# compounds of time units are durations too: "kalenderdagar", "arbetsveckor", "läsår"
TIME_TAILS = ("dag", "dygn", "vecka", "månad", "timme", "minut", "sekund", "kvartal", "termin", "år",
              "intervall")  # "med 1–3 årsintervall": how often, not how many
# counted nouns as the records abbreviate them: stored under the word, so that `--unit
# årsarbetare` finds "2,3 åa" as well as "39,8 årsarbetare"
_COUNT_ABBREVIATIONS = {"åa": "årsarbetare", "lgh": "lägenhet", "pers": "person"}


def count_unit(lem: str) -> str:
    """The unit a counted noun is stored under: its lemma, or the word an abbreviation stands for."""
    return _COUNT_ABBREVIATIONS.get(lem, lem)


KRONA_ADJECTIVES = {"svensk", "svenska", "danska", "dansk", "norska", "norsk", "isländska", "isländsk"}
KRONA = re.compile(r"[ \t]+(?:kronor|krona|kr)(?![\wåäö])", re.IGNORECASE)
STYCK = re.compile(r"[ \t]*(?:st\.?|styck|stycken)(?=[ \t])", re.IGNORECASE)
NOUN_RE = re.compile(
    r"\s+(?P<noun>(?:[A-ZÅÄÖ]{2,}-?)?[a-zåäöéü][a-zåäöéü]*(?:-[a-zåäöéü]+)*)(?![\wåäö])"
)


_PLURAL_S = re.compile(r"[ \t]+(?P<noun>[a-z]{3,}s)(?![\wåäö\-])")


def _english() -> dict[str, str]:
    return lemma_table("en")


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    en = _english()
    return frozenset(en) | frozenset(en.values())


def english_head(text: str, nm: re.Match[str]) -> tuple[str, int] | None:
    """(the head noun's base form, where it ends) when the words after a number are an English
    noun phrase, as Swedish records quote one ("3 major incidents", "12 key findings"): an
    English word that is no Swedish form, then an English plural. Counted as its head
    ("incident"), not as the first word's Swedish lemma ("major" -> "maja")."""
    first = nm.group("noun")
    if not first.isascii() or not first.islower() or len(first) < 3 or first in lemmas():
        return None
    if first not in english_words():
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


def is_debris(text: str, nm: re.Match[str]) -> bool:
    """A "word" without a vowel glued to more marks ("1 vv,vv ===" of a scanned page): OCR
    noise, no noun. An abbreviation standing free ("68 pbb.", "3 lgh") is left as it is."""
    return not _VOWELS & set(nm.group("noun").lower()) and bool(_GLUED_NOISE.match(text, nm.end()))


def glued_preposition(word: str) -> str | None:
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


def is_singular_with_plural(word: str) -> bool:
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
