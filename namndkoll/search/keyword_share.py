"""How much of a query a passage holds, by the words: the IDF-weighted share of its terms
(``keyword_evidence``), that share beside the places it names (``beyond_places``), and whether it
holds the query's rare terms in the query's context (``rare_match``): the keyword evidence
``hybrid.evidence`` gives each candidate and ``judge`` weighs."""

from __future__ import annotations

import math
from collections.abc import Collection, Sequence

from .terms import Matcher, Term, idf

__all__ = ["RARE_CORPUS", "RARE_PASSAGES", "beyond_places", "held_share", "keyword_evidence", "rare_bar",
           "rare_in_context", "rare_match"]

# a query term that few passages hold is a rare one (a name, a place, a case's own word): a
# passage holding the query's rarest terms is always shown, at least as weak (``rare_match``;
# dev: "Varför skrev Bengt Bivall under missivet …": the passage naming him held half the
# query's weight, and the meaning side put it at 0.815, so it was refused). "Few" is
# RARE_PASSAGES passages in a corpus of RARE_CORPUS, and grows as the square root of the corpus
# (``rare_bar``): one passage up to about 60, 9 at 4,500, 130 at a million. Before, a share of
# the corpus (0.2 %): one passage up to 1,000, and 2,000 at a million, where a town's name is
# rare; and every document added moved it (issue 11: 87 table passages more made "servera", in
# 9 of 4,567 passages, rare, and "Vad vill Fi att skolbespisningen på Gotland ska servera?" was
# refused)
RARE_PASSAGES = 9.0
RARE_CORPUS = 4500


def rare_bar(total: int) -> float:
    """How many passages at most hold a rare word in a corpus of ``total`` passages."""
    return max(1.0, RARE_PASSAGES * math.sqrt(total / RARE_CORPUS))


def keyword_evidence(terms: Sequence[Term], total: int, text: str, matcher: Matcher | None = None) -> float:
    """The IDF-weighted share of ``terms`` that ``text`` holds (0 when there are no terms);
    ``matcher``: ``Matcher(terms)`` made once for many texts."""
    if not terms:
        return 0.0
    return held_share([idf(t.df, total) for t in terms], (matcher or Matcher(terms)).held(text))


def held_share(weights: Sequence[float], held: Sequence[bool]) -> float:
    """The share of the terms' ``weights`` (IDF) that the ``held`` terms carry (0 for no terms)."""
    return sum(w for w, h in zip(weights, held) if h) / sum(weights) if weights else 0.0


def beyond_places(weights: Sequence[float], held: Sequence[bool], places: Collection[int]) -> float | None:
    """The share of the query's weight, its ``places`` (term indexes) left out, that the ``held``
    terms carry: how much of what the query asks about, not where, a passage holds (None when
    the query names no place, or nothing but places)."""
    rest = [i for i in range(len(weights)) if i not in places]
    if not places or not rest:
        return None
    return held_share([weights[i] for i in rest], [held[i] for i in rest])


def rare_match(held: Sequence[bool], dfs: Sequence[int], places: Collection[int], bar: float,
               titled: Sequence[bool], parties: Collection[int] = (), states: bool = True) -> bool:
    """Whether a passage holding the query terms ``held`` (each in ``dfs`` passages; ``bar``:
    ``rare_bar``) is a match on the query's rare terms, always shown: it holds every term at most
    ``bar`` passages hold, one at least no place (``places``: a rare place held by the passage's
    body is no strong match on what is asked), in the query's context (``rare_in_context``);
    or, where it states the kind of answer asked (``states``), the query's rarest terms: every
    term fewer passages hold than a rare term it holds. So a word of the question the answer
    does not use ("servera" for "… ska ha en vegetabilisk kost") hides no passage holding the
    rarer words, and a word becoming rare as documents are added never hides a passage shown
    before (a bar that grows with the corpus only adds rare matches); the near miss that
    holds the rarest words and no figure ("Hur många deltagare fick jobb genom ESF-projektet
    IRIS i Lund?" and a passage naming the project, without "jobb") is none. The party a query
    names (``parties``: term indexes) is no rare word but must be held, whatever its spelling:
    by the passage's own words, or by the paper it stands in, when that paper is one party's
    (``hybrid.evidence``)."""
    if not all(held[i] for i in parties):
        return False
    places = set(places) | set(parties)
    rare = [i for i, d in enumerate(dfs) if d <= bar]
    if (any(i not in places for i in rare) and all(held[i] for i in rare)
            and rare_in_context(held, places, rare, titled)):
        return True
    if not states:
        return False
    levels = [dfs[i] for i, h in enumerate(held) if h and i not in places and dfs[i] <= bar
              and all(held[j] for j, d in enumerate(dfs) if d <= dfs[i])]
    return bool(levels) and rare_in_context(held, places, [i for i, d in enumerate(dfs) if d <= max(levels)], titled)


def rare_in_context(held: Sequence[bool], places: Collection[int], rare: Collection[int], titled: Sequence[bool]) -> bool:
    """Whether a passage holding the query's ``rare`` terms holds them in the query's context: two
    of the query's terms that are no place, every term, or a rare one its document's or §'s
    title holds too (``titled``: the matter's own word, "skolbespisningen" of the motion
    "Vegetabilisk kost som grund i skolbespisningen"). One rare word alone
    may be a word the corpus happens to hold once (issue 11: "Vilket är världens högsta berg?"
    and a motion's "15 procent av världens utsläpp"); a name is asked with what it did
    ("Bengt Bivall" … "missivet"), a case word with its subject."""
    return (all(held) or sum(1 for i, h in enumerate(held) if h and i not in places) >= 2
            or any(titled[i] for i in rare if i not in places))
