"""The keyword side's plan of a query: its terms with how many passages hold each, typos
repaired and rare compounds split where the corpus says so (``keyword_plan``), and the terms
worth asking the keyword index (``fts_terms``). Used by ``hybrid.rank`` and the evaluation."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..corpus.base import Store
from ..ingest.readable import is_word
from ..registry import PARTIES
from .terms import (
    DEGREE_WORDS,
    MIN_STEM,
    Term,
    fold,
    grouped_number,
    joined_compounds,
    query_terms,
    repair,
    split_compound,
    stem,
    sv_lemma,
    typed_without_dots,
    word_stems,
)

__all__ = ["COMMON_SHARE", "RARE_TYPO", "SPLIT_BELOW", "frame_spelled", "fts_terms", "keyword_plan", "party_passages",
           "present_stem", "short_root"]

COMMON_SHARE = 0.05  # keyword terms in more than this share of chunks are left out of the FTS query
SPLIT_BELOW = 5  # a query word in fewer chunks than this is also looked for in parts
RARE_TYPO = 10  # ... and as the same word with å/ä/ö where that is this many times more common
# a body named without its kind: "fullmäktige", "styrelsen" as people say it, "kommunfullmäktige",
# "regionstyrelsen" as the records write it (the body words only: "bidrag" is not "kommunbidrag")
BODY_PREFIXES = ("kommun", "region")
BODY_WORDS = ("fullmäktig", "styrels")


def keyword_plan(store: Store, query: str) -> list[Term]:
    """The query's terms with their chunk counts: typos repaired and compound parts where a
    word is rare, party names with their codes (``fts_terms`` drops the common ones)."""
    terms = query_terms(query)
    without_dots = typed_without_dots(query)
    counts: dict[str, int] = {}

    def df(s: str) -> int:
        if s not in counts:
            counts[s] = store.prefix_doc_count(s)
        return counts[s]

    planned = []
    for t in terms:
        t = _own_forms(store, t)
        if grouped_number(t.word):
            # "500 000": the passages holding its groups in a row are at most those holding its
            # rarest group (no store counts phrases; an upper bound, the same on both backends)
            groups = store.term_doc_counts(sorted(set(t.word.split())))
            planned.append(replace(t, df=min(groups.get(g, 0) for g in t.word.split())))
            continue
        # (an -era verb's noun reaches its verb's forms too: ``terms.word_stems``)
        held_whole = store.term_doc_counts(list(t.whole)) if t.whole else {}
        n = counted = df(t.stem) + sum(df(a) for a in t.alts) + sum(held_whole.values())
        alts: tuple[str, ...] = ()
        whole: tuple[str, ...] = ()
        if n < SPLIT_BELOW and not t.party:
            # a word the corpus lacks is a typo of the nearest one it holds; a word it holds a
            # few times may be a typo too ("tolkformedling" once, "tolkförmedling" 43 times)
            vocab = _vocabulary(store, t.word)
            if n == 0 and len(t.word) >= 5 and is_word(t.word):  # a real word, maybe no typo
                vocab = [(w, c) for w, c in vocab if _same_word(t.word, w)]
            fixed = repair(t.word, vocab) if n == 0 else repair(t.word, [
                (w, c) for w, c in vocab if c >= RARE_TYPO * max(n, 1) and fold(w) == fold(t.word)])
            if fixed:
                alts, whole = _stems(store, fixed)
                n = max(n, sum(df(a) for a in alts))
        # a word typed without å/ä/ö is also its spelling with them, where the corpus writes it so
        # far more often: in a query typed so, whatever its count ("goteborg" is in 33 passages,
        # the web addresses, "göteborg" in 1,336), and a short word the corpus lacks ("vast",
        # "mote"), which the repair above leaves (it asks five letters)
        if not alts and not t.party and (without_dots or n == 0) and t.word.isalpha() and fold(t.word) == t.word:
            dotted = dotted_spelling(store, t.word)
            if dotted:
                alts, whole = _stems(store, dotted)
                n = max(n, sum(df(a) for a in alts))
        # a word the corpus (nearly) lacks may still be there in parts: "platser i förskolan"
        parts = split_compound(t.word, store.term_doc_counts) if n < SPLIT_BELOW else ()
        if parts and n == 0:
            n = min(df(p) for p in parts)
        if t.party and n == 0:
            n = store.term_doc_counts([t.party.casefold()]).get(t.party.casefold(), 0)
        root = short_root(t.word) if not t.party and not alts else None
        held = store.term_doc_counts([root]).get(root, 0) if root else 0
        if root and held:
            alts, n = (root,), max(n, held)
        present = present_stem(t.word) if not t.party and not alts else None
        if present and df(present):
            alts, n = (present,), max(n, df(present))
        # a past or passive verb reaches the present and the nouns the records write, and the
        # noun the verb's forms ("ökade" -> "ökning", "öka*"; "antagande" -> "antogs"): forms.py.
        # In place of the strong verb's present stem, which reaches other words ("anta*": "antal")
        family = verb_family(store, t, alts if not present else ()) if not t.party and (present or not alts) else ()
        if family:
            alts, n = family, max(n, df(t.stem) + sum(df(f) for f in family))
        alts = tuple(dict.fromkeys((*t.alts, *alts)))
        # (a word whole that a prefix reaches already is that prefix's: "byggnads" beside "byggnads*")
        reach = tuple(p for p in (t.stem, *alts) if len(p) >= MIN_STEM)
        kept = tuple(w for w in dict.fromkeys((*t.whole, *whole)) if not w.startswith(reach))
        if n == counted:  # a word whole that a prefix reaches was counted with that prefix too
            n -= sum(c for w, c in held_whole.items() if w not in kept)
            if family:
                n = max(n, df(t.stem) + sum(df(f) for f in family))
        t = replace(t, parts=parts, alts=alts, whole=kept, df=n)
        planned.append(_one_prefix(store, t))
    return _with_abbreviations(_with_bodies(store, joined_compounds(planned, df), df), df)


def _stems(store: Store, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The prefixes a repaired word ("halls" typed for "hålls") reaches its forms by, as the
    word typed right does (``_own_forms``): "hålls", "hålla", "håller", not "håll*" (hållbar);
    and the words it reaches whole."""
    own = word_stems(word)
    t = _own_forms(store, Term(word, own[0], alts=own[1:]))
    return (t.stem, *t.alts), t.whole


def _own_forms(store: Store, t: Term) -> Term:
    """``t`` searched by its word itself and its verb's forms where it is a verb's form whose
    stem finds mostly other words than the verb's (``forms.own_prefixes``): "grundades" not by
    "grund*" (grundskola, grundläggande) but "grundades*", "grundas*"; "hålls" not by "håll*"
    (hållbar) but "hålls*", "hålla*", "håller*", "hållits*"."""
    from .forms import own_forms

    vocab = getattr(store, "vocabulary", None)
    if vocab is None or t.party or t.stem == t.word or not t.word.isalpha():
        return t
    own = own_forms(t.word, t.stem, vocab, store.term_doc_counts, sv_lemma)
    if own is None:
        return t
    prefixes, whole = own
    return replace(t, stem=prefixes[0], alts=(*t.alts, *prefixes[1:]), whole=(*t.whole, *whole))


def verb_family(store: Store, t: Term, alts: tuple[str, ...]) -> tuple[str, ...]:
    """The prefixes by which ``t`` reaches its verb's other forms and nouns in the corpus
    (``forms.family_prefixes``), or () where it is no verb's form or the store lists no words."""
    from .forms import family_prefixes

    vocab = getattr(store, "vocabulary", None)
    if vocab is None or not t.word.isalpha():
        return ()
    return family_prefixes(t.word, (t.stem, *t.alts, *alts), vocab, store.term_doc_counts, sv_lemma)


def _one_prefix(store: Store, t: Term) -> Term:
    """An -era verb's noun and its verb ("investering*", "investera*": ``terms.word_stems``) as
    the one prefix they share ("invester*") where the corpus holds no other word starting with
    it: the keyword index then scores the word as one, as it did the stem ("invest*"), and only
    the shorter words are left out. Where it holds one ("parker", the parks), as two."""
    if len(t.alts) < 1 or not t.stem.endswith("ering") or t.alts[0] != t.stem[:-3] + "a":
        return t
    shared = t.stem[:-3]  # "invester"
    own = (t.stem, t.alts[0])
    vocab = getattr(store, "vocabulary", None)
    if vocab is None or any(not w.startswith(own) for w, _ in vocab(shared)):
        return t
    return replace(t, stem=shared, alts=t.alts[1:])


def party_passages(store: Store, code: str, df: Callable[[str], int]) -> int:
    """About how many passages name party ``code`` in any spelling: its codes as words ("V",
    older "VPK") and the words its stems begin (``df``: "Vänsterpartiet", "vänsterpartister"),
    summed (an upper bound), at most every passage. A party typed by name, by code or as people
    say it is one party (issue 11): the protocols write "(V)" where a query says
    "Vänsterpartiet", and the name's own few passages made the party a rare word of the query
    (``hybrid.evidence``)."""
    party = PARTIES.get(code)
    codes = {code.casefold(), *(f.casefold() for f in (party.former if party else ()))}
    held = store.term_doc_counts(sorted(codes))
    stems = {s.split()[0] for s in party.stems} if party else set()
    return min(store.chunk_total(), sum(held.values()) + sum(df(s) for s in sorted(stems)))


# a noun's definite and plural endings (not a verb's "-ar", "-er": "visar" is not "vis")
_DEFINITE = ("arna", "erna", "orna", "ets", "ens", "et", "en")
_NOT_NOUNS = frozenset(["egen", "eget"])  # "i egen regi": an adjective, not "EG"


def present_stem(word: str) -> str | None:
    """The stem of a strong verb's other forms, where its past changed the root's vowel or
    consonant: "ersatte" -> "ersätt" (the records write "Roland Alm (KD) ersätter Andreas
    Idén"), "valde" -> "välj", "lade" -> "lägg", "beslöt" -> "beslut", "utsågs" -> "utse". The
    stem never finds those forms. From the lemma table (spacy-lookups-data); None where the
    lemma's stem already begins the word (a weak verb: "röstade"), is another word family, or
    is no verb's infinitive."""
    if not word.isalpha():
        return None
    lem = sv_lemma(word)
    # a verb's infinitive ends in a vowel; a noun's plural ("ledamöter" / "ledamot") is left to
    # the ranking, as it was: the root it adds matched near misses' passages with confidence
    if not lem or lem == word or lem[0] != word[0] or lem[-1] not in "aåe":
        return None
    alt = stem(lem)
    own = stem(word)
    if len(alt) < MIN_STEM or word.startswith(alt) or alt.startswith(own):
        return None
    return alt


def short_root(word: str) -> str | None:
    """The root of a short noun's definite form ("valet" -> "val", "talet" -> "tal", "året" ->
    "år"), which ``stem`` keeps whole: its root is shorter than ``MIN_STEM``, and a prefix that
    short would find every word starting with it ("val" in "valde", "valberedningen"). The
    keyword side and the evidence take the root as a word of its own; None for other words."""
    if not word.isalpha() or stem(word) != word or word in _NOT_NOUNS:
        return None
    end = next((e for e in _DEFINITE if word.endswith(e)), None)
    if end is None or not 2 <= len(word) - len(end) < MIN_STEM:
        return None
    return word[: -len(end)]


def _same_word(word: str, cand: str) -> bool:
    """Whether corpus word ``cand`` may stand for ``word``, a correctly spelled word of the
    language that the corpus lacks. Not any word a letter away: "månen" (the moon) is no typo
    of "målen", and a real word the corpus lacks says the answer is not there. Only the same
    letters with å/ä/ö (typed on a keyboard without them: "lanevolym"), another form of the
    same word (its stem begins the word, but for an ending of three letters at most:
    "upphävdes" / "upphäver"), or a compound with a letter added or left out at its joint, where
    the rest is a word ("arbetsökande" / "arbetssökande", "förskolelärare" / "förskollärare")."""
    if fold(cand) == fold(word):
        return True
    head = stem(cand)
    if word.startswith(head) and len(head) >= len(word) - 3:
        return True
    if abs(len(cand) - len(word)) != 1:
        return False
    long, short = (word, cand) if len(word) > len(cand) else (cand, word)
    return any(long[:i] + long[i + 1:] == short and is_word(short[i:]) for i in range(3, len(short) - 2))


def _with_bodies(store: Store, terms: list[Term], df: Callable[[str], int]) -> list[Term]:
    """"fullmäktige" also as "kommunfullmäktige" / "regionfullmäktige" where the corpus holds
    that word: a body typed without its kind is the body the records name in full."""
    asked = {p + t.word for t in terms if t.word.startswith(BODY_WORDS) for p in BODY_PREFIXES}
    held = store.term_doc_counts(sorted(asked)) if asked else {}
    out = []
    for t in terms:
        full = [stem(p + t.word) for p in BODY_PREFIXES if held.get(p + t.word)]
        if full:
            t = replace(t, alts=(*t.alts, *full), df=t.df + sum(df(f) for f in full))
        out.append(t)
    return out


# the bodies' names as people abbreviate them ("kf-protokollet", "beslut i KS"); the records write
# them out ("Kommunfullmäktige", "kommunstyrelsens förslag")
ABBREVIATIONS = {"kf": ("kommunfullmäktig",), "ks": ("kommunstyrels",), "rf": ("regionfullmäktig",),
                 "rs": ("regionstyrels",)}


def _with_abbreviations(terms: list[Term], df: Callable[[str], int]) -> list[Term]:
    """A body's abbreviation ("kf", "ks") also as its name written out."""
    out = []
    for t in terms:
        full = [a for a in ABBREVIATIONS.get(t.word, ()) if a not in t.alts]
        if full:
            t = replace(t, alts=(*t.alts, *full), df=t.df + sum(df(a) for a in full))
        out.append(t)
    return out


def fts_terms(terms: list[Term], total: int) -> list[Term]:
    """The terms worth an FTS query: words in more than COMMON_SHARE of the chunks rank
    nothing and make a big corpus slow (all of them if every term is that common)."""
    if total < 50:
        return terms
    kept = [t for t in terms if t.df <= COMMON_SHARE * total or t.parts]
    return kept or terms


_DOTTED = {"a": {"å", "ä"}, "o": {"ö"}, "e": {"ä"}}


def dotted_spelling(store: Store, word: str) -> str | None:
    """The corpus word that is ``word`` (typed without å/ä/ö) with its rings and dots, where
    the corpus holds it more often than the word as typed ("goteborg" -> "göteborg": 382
    passages to 33, its web addresses; "mote" -> "möte"); None when there is none, or the word as
    typed is as common: "mal" is a word of its own, and the corpus says which one it writes."""
    if len(word) < 3:
        return None
    vocab = [(w, c) for w, c in _vocabulary(store, word) if w != word and fold(w) == word]
    if not vocab:
        return None
    best, count = max(vocab, key=lambda wc: wc[1])
    own = store.term_doc_counts([word]).get(word, 0)
    return best if count > own else None


def _vocabulary(store: Store, word: str) -> list[tuple[str, int]]:
    """Indexed words that may be ``word`` mistyped: the first two letters as typed or with
    their rings or dots ("forskola" -> "förskola", "elvsborg" -> "älvsborg")."""
    firsts = {word[0]} | _DOTTED.get(word[0], set())
    seconds = {word[1]} | _DOTTED.get(word[1], set())
    vocab_fn = getattr(store, "vocabulary", None)
    if vocab_fn is None:
        return []
    out: list[tuple[str, int]] = []
    for a in firsts:
        for c in seconds:
            out += [(w, n) for w, n in vocab_fn(a + c) if abs(len(w) - len(word)) <= 2]
    return out


# the degree words of a question's frame by their spelling without å/ä/ö ("manga" -> "många";
# only after "hur": "lag" is "låg" there, a law anywhere else)
_DEGREE_UNFOLDED = {fold(w): w for w in DEGREE_WORDS if fold(w) != w}
_AFTER_HUR = re.compile(r"(?<![^\W\d_])(hur\s+)([^\W\d_]+)", re.IGNORECASE)


def frame_spelled(query: str) -> str:
    """``query`` with the degree word after "hur" as spelled with å/ä/ö ("hur manga" -> "hur
    många", "hur lang" -> "hur lång"), where it was typed without them: the frame that says a
    figure is asked, read by ``question.read_question`` (which knows the words with their dots
    only); the rest as typed. Not the whole query as spelled: the question read from "när
    ajournerades … möte" and "omröstning" moved two tunable answers down, and the meaning side
    reading the query spelled showed three unanswerable questions that were refused."""
    return _AFTER_HUR.sub(lambda m: m.group(1) + _DEGREE_UNFOLDED.get(m.group(2).casefold(), m.group(2)), query)
