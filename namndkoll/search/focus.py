"""The focus of a figure question: what "Hur många/mycket/stor …", "Vad kostar …" and "Vilken
<amount> …" ask the figure of ("Hur många tolkuppdrag på polska …" -> ("tolkuppdrag", "polska")),
read from the words alone (``question.read_question`` puts it in ``Question.focus``)."""

from __future__ import annotations

import re

from .terms import IRREGULAR_VERBS, STOPWORDS, words

__all__ = ["MEASURES", "MONEY", "QUANTITY", "focus_of"]

# Read from the words alone, without a parser: Swedish puts the counted or priced noun right
# after "hur många/mycket/stor", "vad kostar" ("Hur många tolkuppdrag …", "Vad kostar hyran …").
_HOW = frozenset(["många", "mycket", "stor", "stort", "stora", "hög", "högt", "höga", "lång", "långt",
                  "dyr", "dyrt", "dyra"])
_COSTS = frozenset(["kostar", "kostade", "kostat"])
_WHICH = frozenset(["vilken", "vilket", "vilka"])
_ARTICLES = frozenset(["en", "ett", "den", "det", "de"])
# "andel av cheferna" asks about the chefs: the measure itself is seldom written beside the figure
# ("63 procent av cheferna"), nor is a unit ("Hur många kronor …": "tkr", "mnkr")
MEASURES = frozenset(["andel", "andelen", "antal", "antalet", "del", "delen", "summa", "summan", "mängd",
                       "mängden", "procent", "procentenheter", "belopp", "beloppet", "kronor", "kr", "tkr", "mnkr",
                       "miljoner", "miljarder", "tusen"])
# money itself: "Hur mycket pengar fick nämnden …" asks an amount ("Nämndens ansökan om 6 mnkr …
# godkänns"), of nothing the passage names "pengar"; the noun asked, but no focus of the search
MONEY = frozenset(["pengar", "pengarna"])
# "stora", "höga": a plural adjective, whose noun is plural ("Hur stora avskrivningar räknar …"),
# as after "många"; the -ar/-er word after them is no verb
_PLURAL_HOW = frozenset(["många", "stora", "höga", "långa", "dyra"])
# finite verbs that stand after the noun asked ("Hur mycket pengar får biblioteken")
_FINITE = frozenset(["får", "fick", "ska", "skall", "skulle", "har", "hade", "kan", "kunde", "är", "var", "blir",
                     "blev", "finns", "fanns", "kommer", "gick", "går", "behövs", "krävs", "väntas", "beräknas"])
# an adjective that stands between an indefinite article and its noun ("en ny tågstation")
_ADJECTIVES = frozenset(["ny", "nytt", "stor", "stort", "liten", "litet", "gammal", "gammalt", "egen", "eget",
                         "hel", "helt", "annan", "annat", "extra", "särskild", "särskilt", "vanlig", "vanligt",
                         "genomsnittlig", "genomsnittligt", "normal", "normalt", "enskild", "enskilt"])
# words that are no noun asked: "per" in "för en villa per år"
_FUNCTION = frozenset(["per", "samt", "cirka", "ca", "drygt", "knappt", "totalt"])
_MORE_FEWER = frozenset(["fler", "färre", "flera"])  # a comparative before the noun counted
_OF = frozenset(["av", "för", "på"])  # a phrase that narrows the noun: "hyran för X", "uppdrag på polska"
_COPULAS = frozenset(["är", "var", "blir", "blev"])
# "Vilken/Vilket X" asks a figure when X is (a compound of) an amount: "Vilken driftram …"
QUANTITY = re.compile(r"((?<!prog)(?:ram|ramen|ramar)|budget|budgeten|kostnad|kostnaden|kostnader|belopp|beloppet|bidrag|"
                       r"bidraget|hyra|hyran|avgift|avgiften|taxa|taxan|pris|priset|summa|summan|resultat|"
                       r"resultatet|ränta|räntan|ersättning|ersättningen|lön|lönen|arvode|arvodet|intäkt|intäkten|"
                       r"intäkter|överskott|överskottet|underskott|underskottet|prognos|prognosen|investering|"
                       r"investeringen|investeringar|skattesats|skattesatsen)$")
_GENITIVE = ("ens", "ets", "ans", "nas", "ns")  # "målbildens investeringar", "Ingaredsskolans nya …"
_VERB_ENDS = ("des", "tes", "as", "ts")  # "Hur mycket förstärktes …", "betalas": a verb, no noun asked
# a passive verb in the present: "höjs", "sänks", "byggs" (not "-ss": "pass")
_PASSIVE = re.compile(r"[^s\W]s$")


def _passive(toks: list[str], i: int) -> bool:
    """Whether ``toks[i]`` is a passive verb ("Hur mycket höjs taxan"), not a noun in -s that a
    verb follows ("Hur mycket moms betalas", "Hur stort hus byggs", "Hur högt pris tar …")."""
    if not _PASSIVE.search(toks[i]) or i + 1 >= len(toks):
        return False
    after = toks[i + 1]
    return not after.endswith(("s", "r")) and after not in IRREGULAR_VERBS and after not in _COPULAS


def _content(w: str) -> bool:
    return w not in STOPWORDS and w not in IRREGULAR_VERBS and not w.isdigit() and w not in _FUNCTION


def _verb_after(toks: list[str], i: int) -> bool:
    """Whether a finite verb follows ``toks[i]``, so that it is the noun asked, not the verb:
    "Hur mycket pengar får …", "Hur mycket avgifter tar …" (a verb in -ar/-er is followed by
    its subject: "Hur mycket ökar kostnaderna")."""
    return i + 1 < len(toks) and (toks[i + 1] in _FINITE or toks[i + 1] in IRREGULAR_VERBS)


def _head(toks: list[str], j: int, adjective: bool) -> int | None:
    """Where the head noun of the phrase starting at ``j`` stands: past a genitive and (after an
    article, a genitive or "hur många") an adjective in -a ("det nya kommunhuset"); None for a verb."""
    if toks[j].endswith(_VERB_ENDS) and not QUANTITY.search(toks[j]):  # "skattesats" is no verb
        return None
    indefinite = j > 0 and toks[j - 1] in ("en", "ett")
    for _ in range(2):
        w = toks[j]
        # after "en/ett" an adjective has no -a ("en villa per år": a noun) but may be "ny", "stor";
        # after "det/den/de", a genitive or "hur stor" it ends in -a or is a participle in -ade
        # ("Alingsås kommuns samlade driftsprognos")
        if j + 1 < len(toks) and _content(toks[j + 1]) and (
                w.endswith(_GENITIVE) or (indefinite and w in _ADJECTIVES)
                or (adjective and not indefinite and (w.endswith(("ade", "ande")) or
                                                     (w.endswith("a") and not w.endswith("na"))))):
            adjective = adjective or w.endswith(_GENITIVE)
            j += 1
        else:
            break
    return j


def _skip_articles(toks: list[str], j: int) -> int:
    while j < len(toks) and toks[j] in _ARTICLES:
        j += 1
    return j


def _past_owner(toks: list[str], j: int) -> int:
    """``j`` past a genitive owner ("Alingsås kommuns …", "Tolkförmedling Västs …"): the owner
    is the place rule's, the thing owned is asked."""
    for k in range(j, min(j + 2, len(toks) - 1)):  # one word or two ("Tolkförmedling Västs")
        if not _content(toks[k]) or toks[k] in _OF:
            break
        if toks[k].endswith("s") and not toks[k].endswith("ss") and _content(toks[k + 1]):
            if QUANTITY.search(toks[k]):
                return j
            k += 1  # an owner of an owner: "Göteborgs Stads koncerns resultat"
            while (k + 1 < len(toks) and toks[k].endswith("s") and not toks[k].endswith("ss")
                   and _content(toks[k + 1]) and not QUANTITY.search(toks[k])):
                k += 1
            return k
    return j


def focus_of(query: str) -> tuple[str, ...]:
    """What a figure question asks the figure of: the head noun after "hur många/mycket/stor …",
    "vad kostar …" or "vilken/vilket/vilka" + an amount, and the head of an "av/för/på" phrase
    after it. () for other questions, keyword queries, and a verb where the noun would be
    ("Hur mycket har köttkonsumtionen ökat?")."""
    toks = words(query)
    start, which, how = None, False, ""
    for i, w in enumerate(toks[:-1]):
        if (w == "hur" and toks[i + 1] in _HOW) or (w == "vad" and toks[i + 1] in _COSTS):
            start, how = i + 2, toks[i + 1]
            if w == "hur" and start < len(toks) and toks[start] in _COSTS:
                start += 1  # "Hur mycket kostar X" asks the price of X
            elif (w == "hur" and toks[i + 1] not in _PLURAL_HOW and start < len(toks)
                  and ((toks[start].endswith(("ar", "er")) and not _verb_after(toks, start))
                       or _passive(toks, start))
                  and toks[start] not in _COPULAS):
                return ()  # "Hur mycket ökar/höjs …": a verb (a plural noun follows "många", not "mycket")
            break
        if w in _WHICH or (w == "vad" and i == 0 and toks[i + 1] in _COPULAS):
            # "Vad är arvodet för …", "Vad blir avgiften …" ask an amount as "Vilken" does
            start, which = i + 1 + (w == "vad"), True
            how = "vad" if w == "vad" else ""
            break
    if start is None:
        return ()
    j = _skip_articles(toks, start)
    # "Hur mycket av Tolkförmedling Västs överskott …" asks a part of the överskott; "Hur stor blir
    # Alingsås kommuns driftsprognos …" the size of the driftsprognos (round 12)
    if j < len(toks) and ((toks[j] == "av" and how in ("mycket", "många"))
                          or (toks[j] in _COPULAS and how not in ("många", "mycket", "länge"))):
        j = _past_owner(toks, _skip_articles(toks, j + 1))
    if how == "vad":  # "Vad är Lomma kommuns prognostiserade resultat": the thing owned is asked
        j = _past_owner(toks, j)
    if j >= len(toks) or not _content(toks[j]):
        return ()
    if toks[j] in MEASURES:
        if j + 1 >= len(toks) or toks[j + 1] != "av":
            return ()
        # "Hur stor andel av Lunds kommuns anställda …" asks about the anställda, not Lund
        j = _past_owner(toks, _skip_articles(toks, j + 2))
        if j >= len(toks) or not _content(toks[j]):
            return ()
    # (twenty-fourth session) "Hur många fler persontåg …", "Hur många färre platser …" ask a
    # count of the noun after the comparative, not of "fler"
    if how == "många" and toks[j] in _MORE_FEWER and j + 1 < len(toks) and _content(toks[j + 1]):
        j += 1
    if how != "många" and (toks[j].endswith("re") or toks[j] == "mer"):
        return ()  # "Hur mycket lägre blir …": a comparison ("Hur många årsarbetare": a noun)
    h = _head(toks, j, adjective=True)
    if h is None or (which and not QUANTITY.search(toks[h])):
        return ()
    out = [toks[h]]
    if h + 1 < len(toks) and toks[h + 1] in _OF:
        k = _skip_articles(toks, h + 2)
        if k < len(toks) and _content(toks[k]):
            m = _head(toks, k, adjective=toks[k - 1] in _ARTICLES)
            if m is not None:
                out.append(toks[m])
    return tuple(out)
