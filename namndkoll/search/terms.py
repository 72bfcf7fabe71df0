"""Query terms for the keyword side and for judging evidence: Swedish words, crude stems,
stop words, compound parts, party names and typo repair.

The FTS5 index keeps words whole (``unicode61 remove_diacritics 0``: å/ä/ö stay letters); the
query is widened instead: each word becomes a prefix query on its stem, a long compound also
matches its parts ("förskoleplatser" -> förskol* AND plats*), a party's name also matches its
code as protocols write it ("Vänsterpartiet" -> "Maja Bentzer (V)"), and a word the corpus does
not hold is replaced by the nearest one it does when that is one letter away
("socialnämden" -> "socialnämnden").

Question words and other function words are no terms at all: "Vem blev ny ersättare för
Vänsterpartiet?" asks about ny, ersättare and Vänsterpartiet, and a passage holding those is a
full match although it never says "vem" or "blev". Nor are the words of a question's frame:
"Hur stor andel …" asks for a share, and the passage stating it never says "stor".
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from ..corpus.keywords import grouped_number
from ..registry import PARTIES, code_in_text, party_of_word

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-/.:][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
# strong verbs' past forms: a prefix of "vann" never finds "vinnare", nor "skrev" "undertecknat";
# in a question they say what kind of fact is asked for, not where it stands
IRREGULAR_VERBS = frozenset(["skrev", "skrivit", "vann", "vunnit", "lades", "lade", "lagts", "höll",
                             "hållit", "drog", "dragit", "låg", "legat", "såg", "sett", "föll", "fallit",
                             "bröt", "brutit", "steg", "stigit", "sköt", "skjutit", "bjöd", "bjudit",
                             "försvann", "valdes", "sattes", "drogs", "hölls", "gavs", "sågs"])
STOPWORDS = frozenset([
    "alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den", "denna",
    "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du", "där", "då",
    "efter", "ej", "eller", "en", "er", "era", "ert", "ett", "från", "för", "ha", "hade",
    "han", "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke",
    "in", "ingen", "inom", "inte", "jag", "ju", "kan", "kunde", "man", "med", "mellan", "men", "mig",
    "min", "mina", "mitt", "mot", "mycket", "ni", "nu", "när", "någon", "något", "några",
    "och", "om", "oss", "på", "samma", "sedan", "sig", "sin", "sina", "sitta", "själv",
    "skulle", "som", "så", "sådan", "sådana", "sådant", "till", "under", "upp", "ut", "utan",
    "vad", "var", "vara", "varför", "varit", "varje", "vars", "vart", "vem", "vi", "vid",
    "vilka", "vilkas", "vilken", "vilket", "vår", "våra", "vårt", "än", "är", "åt", "över",
    "finns", "fanns", "ska", "få", "gör", "göra", "gjorde", "sagt", "säger", "sa", "hos",
    "ger", "gav", "vems", "varifrån", "hurdan", "hurdant", "hurdana", "fick", "får", "kommer",
    "kom", "kommit", "skall", "vill", "ville", "måste", "bör", "borde", "står", "stod",
    "gäller", "gällde", "handlar", "handlade", "sägs", "sades", "kallas", "togs", "tas", "tog",
    "tagit", "fått", "gått", "går", "gick", "många", "mest", "minst", "också", "även", "bara",
    "redan", "ännu", "igen", "ca", "cirka", "enligt", "genom", "inför", "kring",
    # how people ask for a stance ("Vad tyckte M om …?"): protocols state it as yrkar, reserverar
    "tycker", "tyckte", "tyckt", "tycka", "anser", "ansåg", "ansett", "anse", "ge", "gett", "givit",
])
# longest first; a stem keeps at least MIN_STEM letters. Derivations (-het, -ning) stay:
# "trygghet" is not "trygg", and "lägenheter" must not become "lägen"
_SUFFIXES = tuple(sorted(["arnas", "ernas", "ornas", "andet", "andes", "arna", "erna", "orna", "ande",
                          "ende", "aste", "are", "ast", "eringarna", "eringar", "eringen", "ering", "erades", "erade",
                          "erats", "erat", "eras", "erar", "ades", "ade", "ats", "ens", "ets", "ars", "ers", "ors", "en", "et",
                          "ar", "er", "or", "an", "na", "as", "es", "a", "e", "s", "n"],
                         key=len, reverse=True))
MIN_STEM = 4


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A crude Swedish stem: the longest listed suffix removed, keeping ``MIN_STEM`` letters. A
    verb of the first conjugation with a short root keeps its "a" ("yrkade", "yrkar", "yrkande"
    -> "yrka"): "yrkad" would never find "yrkar", the word protocols write."""
    if not word.isalpha():
        return word
    first = next((suf for suf in _SUFFIXES if word.endswith(suf)), None)
    if first is not None and first[0] == "a" and len(word) - len(first) == MIN_STEM - 1:
        return word[: MIN_STEM - 1] + "a"
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM:
            return word[: -len(suf)]
    return word


# the noun of an -era verb ("parkering", "renoveringen", "inventeringen"): ``stem`` cuts the
# derivation off ("park", "renov", "invent"), and that prefix reaches other words' forms (issue 11,
# twenty-second session: "parkering" found "park", "parker"; "renoveringen" the company Renova;
# "inventeringen" "inventarier"). Such a word reaches its own forms and compounds ("parkering*":
# "parkeringen", "parkeringsavgift") and its verb's ("parkera*": "parkerade", "parkeras")
_ERING = ("eringarna", "eringar", "eringen", "ering")
# ... and one who does what a verb says ("ersättare", "handläggare", "deltagare"): its stem
# ("ersätt") reached the verb's other nouns ("ersättning", "handläggning", "deltagit") and words
# that only start alike ("utförligt" for "utförare"). It reaches its own forms ("ersättar*", within
# "ersätta*") and the verb's present ("ersätter": "Roland Alm (KD) ersätter Andreas Idén").
# Not an adjective's comparative ("långsammare", "billigare": the lemma table knows it as
# "långsam", "billig"), whose stem reaches the adjective's forms
_ARE = "are"
_DOERS = ("arna", "arnas", "aren", "arens", "ares")  # its definite, plural and genitive forms


def word_stems(word: str) -> tuple[str, ...]:
    """The prefixes a query word reaches its forms by: its ``stem``; for the noun of an -era
    verb whose stem cut that derivation off, the noun's and the verb's ("parkering" ->
    "parkering", "parkera": not "park", "parker", "parkförvaltning"); for a doer's noun in -are,
    the noun's and the verb's present ("ersättare" -> "ersätta", "ersätter": not
    "ersättning"), and so for its other forms ("tränarnas" -> "träna", "träner": not "trän*",
    trängsel)."""
    s = stem(word)
    if any(word == s + e for e in _ERING):
        return (s + "ering", s + "era")
    if word == s + _ARE and _a_noun(word):
        return (s + "a", s + "er")
    # the doer's other forms ("tränarna", "tränarnas", "ersättarens"): its stem cut "-arnas" off,
    # and "trän*" reached trängsel, "ersätt*" ersättning; they are the base form's. Not a noun's
    # plural in -ar ("tolkarna", which the table also takes to "tolkare": "tolken" is "tolk"),
    # nor one who lives somewhere ("göteborgarna": no verb "göteborga")
    base = sv_lemma(word) if word.isalpha() and word.endswith(_DOERS) else None
    root = base[:-3] if base else ""
    if base and base != word and base.endswith(_ARE) and word.startswith(base[:-1]) \
            and s not in (sv_lemma(s + "en"), sv_lemma(s + "et")) \
            and any(sv_lemma(root + e) == root + "a" for e in ("as", "ade", "er", "s")):
        own = word_stems(base)
        if own != (stem(base),):
            return own
    return _plural(word, s) or (s,)


def _plural(word: str, s: str) -> tuple[str, ...] | None:
    """A plural that changes the root's vowel ("städer" / "stad", "bostäder" / "bostad",
    "ledamöter" / "ledamot") and its forms ("städers", "ledamöterna"): its stem cut the plural's
    ending off, and "städ*" reached städning, städa. It reaches the plural itself and its forms
    ("städer*"); not the singular's ("ledamot*" for "ledamöter" showed near misses' passages
    with confidence: ``plan.present_stem``). None for other words."""
    lem = sv_lemma(word) if word.isalpha() else None
    if not lem or lem == word or lem[0] != word[0] or lem.startswith(s) or s.startswith(lem) or lem[-1] in "aeå":
        return None
    # (the table reads the bare plural as a verb's present: "städer" -> "städja", "händer" -> "hända")
    plural = next((word[:i] for i in range(len(word), len(s), -1) if word[:i].endswith("er")), None)
    if plural is None or fold(plural[:len(lem) - 1]) != fold(lem[:-1]):
        return None
    return (plural,)


def part_stem(word: str) -> str:
    """The stem a compound's part is found by: an -era verb's noun by its own letters
    ("parkerings|kapacitet" -> "parkering", not "park"), any other part by its ``stem`` (a
    doer's noun too: a split's tail in -are is as often no word, "lång|sammare")."""
    s = stem(word)
    return s + "ering" if any(word == s + e for e in _ERING) else s


def tail_stem(word: str) -> str:
    """The prefix a compound's last part is found by: its ``part_stem``, or the part whole where
    it is a noun's base form that its inflections begin with ("ersättar|plats" -> "plats": its
    stem "plat" reached "platina", "plattform"; "trygghets|arbete" -> "arbete", not "arbet",
    which reached "arbetsgivare", "arbetsförmedlingen"): the lemma table (spacy-lookups-data)
    takes its definite or plural form to it ("platsen", "platser" -> "plats"; "arbeten" ->
    "arbete"). Not a noun whose plural drops its last vowel ("skola" / "skolor", "timme" /
    "timmar")."""
    s = part_stem(word)
    if s == word or not word.isalpha() or word.endswith("a") or s.endswith("ering"):
        return s
    if sv_lemma(word) not in (None, word):
        return s  # an inflected form ("bohus|banan": "bana"), not the base
    if word.endswith("e") and sv_lemma(word[:-1] + "ar") == word:
        return s  # "timme" / "timmar"
    forms = ("n", "t") if word.endswith("e") else ("en", "er", "ar", "et")
    return word if any(sv_lemma(word + e) == word for e in forms) else s


def _a_noun(word: str) -> bool:
    """Whether a word in -are is a noun: the lemma table (spacy-lookups-data) takes a comparative
    to its adjective ("långsammare" -> "långsam") and knows no other base form of a noun."""
    return sv_lemma(word) in (None, word)


@lru_cache(maxsize=1 << 16)
def sv_lemma(word: str) -> str | None:
    """The Swedish lemma table's answer for ``word`` (``figure_lemmas.lemma_of``: a lookup in an
    SQLite copy of the table), remembered: the word forms of a query ask the same words for every
    question that uses them (a verb's family ~100; bounded: ``serve`` runs for months)."""
    from ..extract.figure_lemmas import lemma_of

    return lemma_of("sv", word)


@dataclass(frozen=True)
class Term:
    word: str
    stem: str
    parts: tuple[str, ...] = ()  # stems of compound parts, when the word was split
    alts: tuple[str, ...] = ()  # other stems meaning the same word (a typo repaired)
    # other words meaning it matched whole, not as prefixes: a verb's noun whose prefix reaches
    # other words' compounds ("startade": "start", "starten", not "start*": startavgift)
    whole: tuple[str, ...] = ()
    party: str | None = None  # the party code a party name stands for ("V")
    df: int = 0  # chunks holding the term (its stem, else its parts or its repair)
    any_party: bool = False  # "partier", "partiet": held by a passage naming any party ("(M)")


_PIECE = re.compile(r"[-/.:]")
# "Vilka partier reserverade sig?": a protocol names the parties by their codes ("Ledamöterna
# från M, D, L och KD reserverar sig"), rarely with the word itself
_ANY_PARTY = frozenset({"parti", "partier", "partiet", "partierna", "partiets", "partiernas", "partis"})
# a party's one-letter code only counts typed as a capital standing alone ("M, L och KD")
_PARTY_LETTER = re.compile(r"(?<![\w-])([" + "".join(c for c in PARTIES if len(c) == 1) + r"])(?![\w-])")


# the question's frame (issue 11): "Hur stor andel …", "Hur ofta …", "Hur jämn var omröstningen":
# the word after "hur" says how much is asked, not of what; the answer holds a figure, not "stor".
# Only there: "stora scenen", "Höga kusten", "högstadiet" are things asked. Comparatives
# ("högre", "lägre") stay: "kostnaden blir 2 mkr lägre" holds them. Folded forms as typed
# without å/ä/ö ("hur manga")
DEGREE_WORDS = _DEGREE = frozenset([
    "stor", "stort", "stora", "hög", "högt", "höga", "hog", "hogt", "hoga", "låg", "lågt", "låga",
    "lång", "långt", "långa", "lang", "langt", "langa", "länge", "lange",
    "kort", "korta", "ofta", "sällan", "mycket", "många", "manga", "få", "lite", "jämn", "jämnt",
    "jämna", "jamn", "jamnt", "dyr", "dyrt", "dyra", "billig", "billigt", "billiga", "liten",
    "litet", "små", "gammal", "gammalt", "gamla", "tidigt", "sent", "snabbt", "fort", "snart",
    "bred", "brett", "breda", "djup", "djupt", "djupa", "tung", "tungt", "tunga", "nära", "vanlig",
    "vanligt", "vanliga", "bra", "pass", "dags",
])
# "Vad händer med …": what is asked is the thing after the verb, and no record says "händer".
# Not "innebär", "betyder", "avses": the answer says them ("vilket innebär att", "Med X avses")
_VAD_FRAME = frozenset(["händer", "hände", "hänt", "hander", "hande", "hant"])


def frame_words(query: str) -> set[int]:
    """Indices (among the words of ``query``, as ``_WORD`` finds them) of the words that belong
    to the question's frame rather than to what it asks: a degree word right after "hur"
    ("Hur stor andel", "hur pass stor"), a verb of happening after "vad" ("Vad
    händer med", "Vad har hänt med"). A word typed with a capital inside the question
    is a name ("Hur Höga kusten-bron …") and stays."""
    raw = _WORD.findall(query)
    low = [w.casefold() for w in raw]
    shouting = query.upper() == query
    out: set[int] = set()
    for i in range(1, len(raw)):
        if raw[i] != low[i] and not shouting:
            continue
        degree = low[i] in _DEGREE and (low[i - 1] == "hur" or (i - 1 in out and low[i - 1] == "pass"))
        happening = low[i] in _VAD_FRAME and "vad" in low[max(0, i - 3):i]
        if degree or happening:
            out.add(i)
    return out


def typed_without_dots(query: str) -> bool:
    """Whether ``query`` was typed without å, ä and ö (a keyboard or a phone without them): it
    holds none of them, and a word that is a Swedish function word with them ("pa" for "på",
    "nar" for "när", "for" for "för")."""
    return not _DOTTED_LETTER.search(query) and any(w in FOLDED_STOPWORDS for w in words(query))


_DOTTED_LETTER = re.compile("[åäöÅÄÖ]")
# the function words that hold å, ä or ö, as typed without them: "pa" is "på", "nar" "när"
FOLDED_STOPWORDS = frozenset(f for f in (w.translate(str.maketrans("åäö", "aao")) for w in STOPWORDS)
                             if f not in STOPWORDS)


def query_terms(query: str) -> list[Term]:
    """The words of ``query`` that say what it is about. A word the keyword index cannot hold
    whole ("va-taxa", "SD:s", "2021-2025", "1:55": the index splits at every such sign) is
    taken as its pieces; a word of the question's frame (``frame_words``) is none, nor, in a
    query typed without å/ä/ö (``typed_without_dots``), a function word typed so ("vem skrev
    motionen om skolmat pa gotland": "pa" is "på", in a fifth of all passages, not a word of
    what is asked)."""
    seen: set[str] = set()
    out = []
    letters = {m.group(1) for m in _PARTY_LETTER.finditer(query) if m.group(1) in PARTIES}
    frame = frame_words(query)
    folded = FOLDED_STOPWORDS if typed_without_dots(query) else frozenset()
    grouped = _grouped_numbers(query)
    ws = words(query)
    inside: set[int] = set()
    for i, whole in enumerate(ws):
        if i in frame or i in inside:
            continue
        if i in grouped:  # "500 000": one number, one term (``grouped_number``)
            inside.update(range(i, grouped[i]))
            whole = " ".join(ws[i:grouped[i]])
            if whole not in seen:
                seen.add(whole)
                out.append(Term(whole, whole))
            continue
        for w in _PIECE.split(whole.strip(".:/-")):
            if w in STOPWORDS or w in folded or w in IRREGULAR_VERBS or len(w) < 2 or w in seen:
                continue
            seen.add(w)
            own = word_stems(w)
            out.append(Term(w, own[0], alts=own[1:], party=party_code(w), any_party=w in _ANY_PARTY))
    for code in sorted(letters):
        if code.casefold() not in seen:
            out.append(Term(code.casefold(), code.casefold(), party=code))
    return out


# a number written in groups of three ("500 000 kr", "1 550 000"): one number, never "500" and
# "000" (issue 11): the keyword index holds its groups as words in a row (FTS5's unicode61 and
# PostgreSQL's parser alike split at the space), so the term is that phrase on both backends
_GROUP_GAP = frozenset([" ", "\u00a0", "\u202f", "\u2009"])
_DIGITS_1_3 = re.compile(r"\d{1,3}")
_DIGITS_3 = re.compile(r"\d{3}")


def _grouped_numbers(query: str) -> dict[int, int]:
    """Where ``query``'s words (as ``_WORD`` finds them) hold a number written in groups of
    three digits: the index of its first word -> the index after its last ("kostar 1 550 000
    kr" -> {1: 4})."""
    found = list(_WORD.finditer(query))
    out: dict[int, int] = {}
    i = 0
    while i < len(found):
        j = i
        if _DIGITS_1_3.fullmatch(found[i].group()):
            while (j + 1 < len(found) and _DIGITS_3.fullmatch(found[j + 1].group())
                   and query[found[j].end():found[j + 1].start()] in _GROUP_GAP):
                j += 1
        if j > i:
            out[i] = j + 1
        i = j + 1
    return out


def joined_compounds(terms: Sequence[Term], df: Callable[[str], int]) -> list[Term]:
    """Compounds typed apart ("bidrags portalen", "förskole platser", "kompetens försörjning"):
    a word is also found joined to the word before it, when the corpus holds that compound.
    Also a word the corpus holds on its own: "försörjning" alone finds "försörjningsstöd",
    never the "kompetensförsörjning" asked for (a word's start is all the index matches)."""
    out = list(terms)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if b.party or a.party or not (a.word + b.word).isalpha():
            continue
        # as written, or with a linking -s- ("bostad försörjning" -> "bostadsförsörjning")
        for link in ("", "s") if not a.word.endswith("s") else ("",):
            joined = stem(a.word + link + b.word)
            # the stem of the compound keeps three letters of the word at least, or all of its
            # stem ("va taxa" -> "vatax"): "tolkformedling vast" is not "tolkformedlingv" (the
            # web address "tolkformedlingvast.se"), nor "per mars" "perm" (in "permanent")
            n = df(joined) if len(joined) - len(a.word + link) >= min(len(b.stem), 3) else 0
            if n:
                out[i] = replace(b, alts=(*b.alts, joined), df=b.df or n)
                break
    return out


def party_code(word: str) -> str | None:
    """The code a typed word names ("vänsterpartiets" -> "V", "folkpartiet", "fp" -> "L",
    "sossarna" -> "S", "mp:s" -> "MP"), as the registry reads a word (``party_of_word``); None
    for other words (a one-letter code alone is a letter: "s", "m")."""
    return party_of_word(word)


# ---- compounds ----------------------------------------------------------------------------

# endings a compound part may carry when it stands alone ("förskole|platser" -> "förskolan")
_PART_ENDINGS = ("", "a", "an", "en", "n", "et", "er", "ar", "or", "na", "erna", "arna")


def _part_forms(base: str) -> set[str]:
    """The word forms a compound part ``base`` may stand alone in: ``_PART_ENDINGS``, and for a
    noun in -e the definite singular in -t ("minnes|tal" -> "minnet", "områdes|chef" -> "området")."""
    return {base + e for e in _PART_ENDINGS} | ({base + "t"} if base.endswith("e") else set())


def compound_candidates(word: str) -> list[tuple[str, str, list[str], list[str]]]:
    """Every two-way split of ``word``: (head, tail, head word forms, tail word forms) to look up."""
    out = []
    for i in range(MIN_STEM, len(word) - MIN_STEM + 1):
        head, tail = word[:i], word[i:]
        # a linking -s- ("arbetsmarknad|s|konsulent") or a head's -e/-a/-o ("förskol|e|plats")
        bases = {head} | ({head[:-1]} if head[-1] in "seao" and len(head) > MIN_STEM else set())
        heads = sorted({f for b in bases for f in _part_forms(b)})
        tails = sorted({tail} | (_part_forms(stem(tail)) if len(stem(tail)) >= MIN_STEM else set()))
        out.append((head, tail, heads, tails))
    return out


def split_compound(word: str, doc_counts: Callable[[list[str]], dict[str, int]]) -> tuple[str, ...]:
    """Stems of the two parts of a compound whose parts both occur as words in the corpus
    ("förskoleplatser" -> ("förskol", "plats")); () if none. The split whose parts are most
    frequent wins (geometric mean of chunk counts, Koehn & Knight 2003): "trygghets|lägenheter",
    not "trygghetsläg|enheter". ``doc_counts`` maps exact words to the chunks holding them."""
    if len(word) < 2 * MIN_STEM or not word.isalpha():
        return ()
    cands = compound_candidates(word)
    counts = doc_counts(sorted({w for c in cands for w in c[2] + c[3]}))
    best: tuple[float, tuple[str, str]] | None = None
    for head, tail, heads, tails in cands:
        h_df = sum(counts.get(w, 0) for w in heads)
        t_df = sum(counts.get(w, 0) for w in tails)
        if not h_df or not t_df:
            continue
        score = (h_df * t_df) ** 0.5
        h_word = max(heads, key=lambda w: counts.get(w, 0))
        h_stem = part_stem(h_word) if len(stem(h_word)) >= MIN_STEM else h_word
        if best is None or score > best[0]:
            best = (score, (h_stem, tail_stem(tail)))
    return best[1] if best else ()


# ---- typos --------------------------------------------------------------------------------

def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance with transpositions, or ``limit + 1`` as soon as it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


_FOLD = str.maketrans("åäöéü", "aaoeu")


def fold(word: str) -> str:
    """The word without rings and dots, as people type it on a keyboard without them."""
    return word.translate(_FOLD)


def repair(word: str, vocabulary: Iterable[tuple[str, int]]) -> str | None:
    """The corpus word nearest to ``word`` (a typo, å/ä/ö typed as a/a/o, a letter left out),
    most frequent first among equals; None when none is close. ``vocabulary``: (word, chunks)
    pairs sharing the word's first letter."""
    if len(word) < 5 or not word.isalpha():
        return None
    limit = 1 if len(word) < 8 else 2
    folded = fold(word)
    best: tuple[int, int, str] | None = None
    for cand, df in vocabulary:
        if cand == word or not cand.isalpha():
            continue
        d = 0 if fold(cand) == folded else edit_distance(word, cand, limit)
        if d <= limit and (best is None or (d, -df) < (best[0], -best[1])):
            best = (d, df, cand)
    return best[2] if best else None


# ---- evidence -----------------------------------------------------------------------------

def idf(df: int, total: int) -> float:
    """Inverse document frequency; a term the corpus lacks weighs like one it holds once."""
    return math.log((total + 1) / (max(df, 1) + 0.5))


# a party's code as records write it ("(V)", "från M", "SD:s", "KD-gruppen", "Berg (fp)"): the
# registry's rule, built once per party (None: any party)
_CODE_RX: dict[str | None, re.Pattern[str]] = {c: re.compile(code_in_text(c)) for c in (*PARTIES, None)}


def _party_rx(code: str | None) -> re.Pattern[str]:
    return _CODE_RX[code] if code in _CODE_RX else re.compile(r"\(" + re.escape(code or "") + r"\)")


class Matcher:
    """Which query terms a passage holds (word starts of stems, compound parts, party codes).

    Texts are matched lower-cased (the stems are lower case): a case-blind Unicode pattern is
    several times slower, and a reranked search asks this of ~150 passages. The last texts'
    word positions are kept, as the evidence and the reranker ask for the same passages."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = list(terms)
        self._rx = []
        self._ci = []  # the same patterns, case-blind, for a text whose lower case changes its length
        # each term's stems as plain strings: a text holding none of them (most, for most terms)
        # is not scanned with the term's pattern, whose look-behind is tried at every character
        self._lits: list[list[str]] = []
        self._seen: dict[str, list[list[int]]] = {}
        for t in self.terms:
            prefixes = {t.stem.lower(), *(a.lower() for a in t.alts)}
            whole = {w.lower() for w in t.whole} - prefixes
            stems = sorted(prefixes | whole, key=len, reverse=True)
            # as the keyword index does: a short word whole ("sd", "va", "55") and the term's
            # ``whole`` words ("start" for "startade"), a stem as a prefix
            # (each stem first, the look-behind after it, reaching back over it to the character
            # before: the same matches as "(?<!…)(?:stem|…)", but a pattern that starts with its
            # letters lets the regex engine skip to where they stand instead of trying every
            # character: several times faster over a passage)
            body = "(?:" + "|".join(
                re.escape(s) + r"(?<![\wÅÄÖåäö]" + re.escape(s) + ")"
                + (r"(?<!\d[ \u00a0]" + re.escape(s) + r")(?![\wÅÄÖåäö]|[ \u00a0]\d)" if grouped_number(s)
                   else r"(?![\wÅÄÖåäö])" if len(s) < MIN_STEM or s in whole else "")
                for s in stems) + ")"
            parts = [re.compile(re.escape(p.lower())) for p in t.parts]
            party = _party_rx(t.party) if t.party else _party_rx(None) if t.any_party else None
            self._rx.append((re.compile(body), parts, party))
            self._lits.append(stems)
            self._ci.append(re.compile(body, re.IGNORECASE))

    def positions(self, text: str) -> list[list[int]]:
        """Where each term's word starts in ``text`` (one list per term)."""
        got = self._seen.get(text)
        if got is None:
            low = text.lower()
            if len(low) == len(text):
                got = [[m.start() for m in rx.finditer(low)] if any(s in low for s in lits) else []
                       for (rx, _p, _q), lits in zip(self._rx, self._lits, strict=True)]
            else:
                got = [[m.start() for m in rx.finditer(text)] for rx in self._ci]
            if len(self._seen) > 512:
                self._seen.clear()
            self._seen[text] = got
        return got

    def held(self, text: str) -> list[bool]:
        out = []
        low = None
        for (_word, parts, party), pos in zip(self._rx, self.positions(text), strict=True):
            ok = bool(pos)
            if not ok and parts:
                low = text.lower() if low is None else low
                ok = all(p.search(low) for p in parts)
            out.append(ok or bool(party and party.search(text)))
        return out


# ---- the focus of a figure question ---------------------------------------------------------

# a noun's endings a compound's last part may carry standing alone ("tågresa" -> "resa", "resan");
# not "-a", which makes an adjective of it ("månadskort" is not "korta resor")
_TAIL_ENDINGS = ("", "en", "n", "et", "er", "ar", "or", "na", "erna", "arna", "orna", "s", "ns", "ens", "ets")
_L = "[\\wåäöÅÄÖ]"
_LETTER = re.compile(_L)


def compound_tail(word: str, doc_counts: Callable[[list[str]], dict[str, int]]) -> str | None:
    """The longest last part of ``word`` (4 letters at least, after 3 or more) that the corpus
    holds as a word of its own ("tågresa" -> "resa", "kommunbidrag" -> "bidrag"); None if none."""
    if not word.isalpha() or len(word) < 7:
        return None
    tails = [word[i:] for i in range(3, len(word) - 3)]
    forms = {t: [t + e for e in _TAIL_ENDINGS] for t in tails}
    counts = doc_counts(sorted({f for fs in forms.values() for f in fs}))
    return next((t for t in tails if t not in STOPWORDS and any(counts.get(f, 0) for f in forms[t])), None)


class Finds(Protocol):
    """What searches a text for the focus of a figure question: a ``FocusPattern`` or a regex."""

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None: ...


class FocusPattern:
    """A focus pattern (``focus_pattern``) searched from the letters it must hold.

    The pattern itself starts with a look-behind and a run of letters (a compound's head before
    the stem), so the regex engine tries it at every character of a text; a figure question
    searches it in every candidate, the passage before and each sentence (issue 13: ~160 ms of the
    evidence of the slowest figure questions). Every match holds one of ``literals`` (the stems,
    the compound's tail), so the text is searched for those first (most sentences hold none);
    where one stands, the only place a match holding it can start is the start of its word (the
    letters before it run back to a non-letter) or the literal itself, and the pattern is matched
    there alone: the same match, the same span, as ``pattern.search``."""

    __slots__ = ("literals", "pattern")

    def __init__(self, pattern: re.Pattern[str], literals: Sequence[str]) -> None:
        self.pattern = pattern
        self.literals = tuple(literals)

    def search(self, string: str, pos: int = 0) -> re.Match[str] | None:
        starts = set()
        for lit in self.literals:
            q = string.find(lit, pos)
            while q >= 0:
                p = q
                while p > 0 and _LETTER.match(string, p - 1):
                    p -= 1
                # the compound's head is 3 letters at least; else the stem must start its word
                if p >= pos and (p == q or q - p >= 3):
                    starts.add(p)
                q = string.find(lit, q + 1)
        for p in sorted(starts):
            m = self.pattern.match(string, p)  # (its look-behind sees the text before p)
            if m:
                return m
        return None


def focus_pattern(word: str, terms: Sequence[Term], doc_counts: Callable[[list[str]], dict[str, int]]
                  ) -> FocusPattern:
    """What holds a focus word in lower-cased text: its stem (or its repaired typo) at a word's
    start or as the last part of a compound ("bidrag" in "utvecklingsbidraget"), or, for a
    compound, its own last part as a word ("tågresa": "kostnaden per resa")."""
    term = next((t for t in terms if t.word == word), None)
    own = sorted({*word_stems(word), *(term.alts if term else ())}, key=len, reverse=True)
    if len(word) < MIN_STEM:  # "ist", "va": the word itself, as the keyword side takes it
        lit = word.lower()
        return FocusPattern(re.compile(rf"(?<!{_L}){re.escape(lit)}(?!{_L})"), [lit])
    lits = [s.lower() for s in own]
    # a short root ("val" for "valet") as a word, or a compound's last part ("kommunval")
    pat = rf"(?<!{_L})(?:{_L}{{3,}})?(?:" + "|".join(
        re.escape(s) + (rf"(?!{_L})" if len(s) < MIN_STEM else "") for s in lits) + ")"
    tail = compound_tail(word, doc_counts)
    if tail:
        pat += rf"|(?<!{_L})(?:" + "|".join(re.escape(tail + e) for e in _TAIL_ENDINGS) + rf")(?!{_L})"
        lits.append(tail)  # every form of it starts with the tail itself
    return FocusPattern(re.compile(pat), lits)


def highlight_spans(text: str, terms: Sequence[Term]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` holding a word that starts with one of the query stems or parts. A
    compound's parts only where the text holds them all, as ``Matcher`` counts it: "vind" in
    "inredning av vind" is no match for "vindkraft" in a passage that never says "kraft"."""
    low = text.lower()
    stems = sorted({t.stem for t in terms} | {a for t in terms for a in (*t.alts, *t.whole)}
                   | {p for t in terms if all(q.lower() in low for q in t.parts) for p in t.parts},
                   key=len, reverse=True)
    if not stems:
        return ()
    # "sd", "v", a short noun's root ("val" for "valet"): the word itself only
    whole = {w for t in terms for w in (t.word, *t.alts) if len(w) < MIN_STEM}
    whole |= {w for t in terms for w in t.whole} - {p for t in terms for p in (t.stem, *t.alts)}
    pat = re.compile(r"(?<![\wÅÄÖåäö])(?:" + "|".join(
        re.escape(s) + (r"(?![\wÅÄÖåäö])" if s in whole else r"[\wÅÄÖåäö]*") for s in stems) + ")",
        re.IGNORECASE)
    spans = [(m.start(), m.end()) for m in pat.finditer(text)]
    for code in {t.party for t in terms if t.party}:
        spans += [(m.start(), m.end()) for m in _party_rx(code).finditer(text)]
    return tuple(sorted(spans))


def with_df(term: Term, df: int) -> Term:
    return replace(term, df=df)
