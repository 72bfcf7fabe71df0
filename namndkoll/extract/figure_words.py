"""What a word after a number is when it is no counted noun: a verb ("2023 visar", "tre elever
fick"), an adjective or participle that qualifies the noun after it ("tre nya platser", "351
auktoriserade tolkar"), a comparative or superlative, a neuter noun in its definite singular
("6 kapitlet"). Read from the lemma table's forms (``figure_lemmas``).
"""

from __future__ import annotations

from .figure_lemmas import lemmas

_ADJ_EXTRA = {"olika", "extra", "nya", "hela", "fler", "mest", "nyanlända", "heltids", "deltids", "ordinarie",
              "ytterligare", "särskilda", "egna", "lediga", "nuvarande", "befintliga", "tillfälliga"}


def looks_like_verb(word: str) -> bool:
    """Present/passive verbs and supines after a number ('2023 visar', 'Under 2021 bedöms', '2
    varit') are no counted nouns."""
    w = word.lower()
    table = lemmas()
    lem = table.get(w)
    if not lem or lem == w:
        return False
    if len(w) >= 3 and (lem.endswith("a") and not w.startswith(lem[:-1]) or lem in _SHORT_VERBS):
        return True  # a strong past tense: "två anställda erhöll", "tre elever fick" (not "kvinnor")
    if len(w) >= 5 and w.endswith(("it", "at")) and (lem.endswith("a") or lem in _SHORT_VERBS):
        return True  # a supine: "2 varit öppen", "har 2025 ökat"
    if w.endswith(("dde", "ddes", "tte", "ttes")) and w.startswith(lem):
        return True  # the past of a verb in a long vowel: "80 nådde", "90 uppnåddes" (nå, uppnå)
    if lem.endswith("å") and len(w) >= 4 and (not w.startswith(lem) or w == lem + "r"):
        return True  # a verb in -å: "4 stycken avstod", "5 stycken avstår" (avstå), "uppgick" (uppgå)
    if w == lem + "r" and any(lem.endswith(v) and table.get(lem[:-len(v)] + past) == lem
                              for v, past in _STRONG_PASTS.items()):
        return True  # a compound of ge, se, bli whose past the table knows: "23 uppger", "8 anser" (ange, anse)
    if _is_first_conjugation_present(w, lem):
        return True  # "4 visar att" (visa, not "vise"), "3 arbetar deltid" (arbeta, not "arbetare")
    if not lem.endswith("a"):
        return False
    return w.endswith(("r", "s")) and not w.endswith("or")


def _is_first_conjugation_present(w: str, lem: str) -> bool:
    """``w`` in -ar is the present of a verb in -a the table knows by its past and supine
    (visade, visat -> visa), and the noun the table reads instead has no plural in -ar of its
    own: an agent noun in -are ("granskar" -> granskare, whose plural is granskare; not when the
    stem is a noun of its own, "tolken" -> tolk, as lemma reads "tolkar") or a noun whose base form the
    table itself reads as that verb ("visar" -> vise -> visa). A noun of its own stays counted:
    "30 tankar" (tanke), "4 killar" (kille), "54 tolkar" (tolk)."""
    if len(w) < 5 or not w.endswith("ar") or lem.endswith("a"):
        return False
    table = lemmas()
    verb = w[:-1]
    if table.get(w[:-2] + "ade") != verb or table.get(w[:-2] + "at") != verb:
        return False
    return lem == w + "e" and table.get(w[:-2] + "en") != w[:-2] or table.get(lem) == verb


def is_definite_singular(word: str) -> bool:
    """A neuter noun in its definite singular ("kapitlet", "stycket", "avsnittet"): after a
    number it names the one numbered ("6 kapitlet", "2 stycket"), it counts nothing."""
    w = word.lower()
    lem = lemmas().get(w, "")
    return len(w) >= 5 and w.endswith("et") and bool(lem) and lem != w and not lem.endswith("et")


# the short verbs' strong pasts, by which the table knows a compound as a verb ("uppgav" -> uppge)
_STRONG_PASTS = {"ge": "gav", "se": "såg", "bli": "blev"}
_SHORT_VERBS = {"bli", "ha", "få", "gå", "se", "stå", "slå", "ge", "dö", "dra", "ta", "tas"}


def _is_comparative(word: str) -> bool:
    """A comparative ("längre", "större", "tidigare"): it qualifies a noun and counts none
    ("21 längre tid än", "tre tidigare beslut"); an agent noun in -are ("lärare") is its own lemma."""
    w = word.lower()
    lem = lemmas().get(w, "")
    return len(w) >= 5 and w.endswith("re") and bool(lem) and lem != w and not lem.endswith("re")


def _is_past_participle(word: str) -> bool:
    """A past participle of a verb in its plural or definite form ("prioriterade", "utförda",
    "auktoriserade", "köpta"), which the lemma table reads as the verb itself."""
    w = word.lower()
    table = lemmas()
    for i in range(max(1, len(w) - 4)):  # the word, or a compound's tail ("timavlönade", "inhyrda")
        tail = w[i:]
        lem = table.get(tail, "")
        if lem and ((tail.endswith("ade") and lem == tail[:-3] + "a")
                    or (tail.endswith(("da", "ta", "na")) and lem == tail[:-2] + "a")):
            return True
    return False


def _is_superlative(word: str) -> bool:
    """A superlative in -aste ("de tre senaste åren", "fyra viktigaste områdena"): it qualifies a
    noun, and alone it counts none (not "sen", "viktig")."""
    w = word.lower()
    lem = lemmas().get(w, "")
    return len(w) >= 6 and w.endswith("aste") and bool(lem) and lem != w and w.startswith(lem)


def looks_like_adjective(word: str) -> bool:
    w = word.lower()
    if w in _ADJ_EXTRA or _is_superlative(w):
        return True
    if len(w) >= 7 and w.endswith(("ande", "ende")):
        return True  # a present participle: "fem övergripande mål" (but "fem boende" alone is a noun)
    if _is_comparative(w) or _is_past_participle(w):
        return True  # "tre tidigare beslut", "351 auktoriserade tolkar", "tre prioriterade områden"
    table = lemmas()
    lem = table.get(w, "")
    if lem:
        if w == lem + "a" or _doubles_its_consonant(w, lem):
            return True  # "nya" <- "ny", "befintliga" <- "befintlig", "allmänna" <- "allmän"
        if lem.endswith(("en", "el", "er")) and w == lem[:-2] + lem[-1] + "a":
            return True  # contracted: "sex öppna tidsresor" <- "öppen", "två enkla" <- "enkel"
        # a superlative: "rikets 5 bästa kommuner" <- "god", "3 största" <- "stor"
        return w.endswith("sta") and len(w) >= 5 and not lem.endswith("a")
    # a compound whose tail is one: "fullstora" <- "stor", "nybyggda" <- "byggd"
    return any(table.get(w[i:], "") + "a" == w[i:] for i in range(2, len(w) - 3))


def is_plain_adjective(word: str) -> bool:
    """An adjective that names no one when it stands alone ("nya", "stora"), unlike a
    participle ("anställda", "inskrivna")."""
    w = word.lower()
    if _is_comparative(w) or _is_superlative(w):
        return True  # "38 längre än tillåten tid": a list's number before a comparative
    lem = lemmas().get(w, "")
    if _doubles_its_consonant(w, lem):
        return True  # "13 allmänna", "två gemensamma": an adjective in -m/-n, its consonant doubled
    return bool(lem) and w == lem + "a" and not lem.endswith(("d", "t", "en"))


def _doubles_its_consonant(w: str, lem: str) -> bool:
    """An adjective in -m or -n whose plural doubles it: "allmänna" <- "allmän", "gemensamma"
    <- "gemensam", "tomma" <- "tom"."""
    return bool(lem) and lem[-1] in "mn" and w == lem + lem[-1] + "a"
