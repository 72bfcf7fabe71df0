"""The final order of hybrid candidates: a logistic regression over evidence we can compute,
fitted on the dev questions (``bench/search_rerank.py``), weights shipped beside the models.

Each candidate is described by how close it is (cosine, and how far below the best candidate),
how much of the query it holds (IDF-weighted share of the terms, in the passage and in its §
title apart, the rarest term, how close together the held terms stand), where the two sides
ranked it, and whether it holds the kind of thing the question asks for: a vote result for
"Hur röstade …", a name with a party for "Vem …", a figure for "Hur mycket/många …", a date for
"När …", a party for "Vilka partier …". A passage from another body or year than the question
names, or a table row asked a figure, weighs as the fit found. A question type is a prior
here, never a filter: the weights decide how much it counts.

The model's output is also the probability that a passage answers the question, which the
abstention reads beside the keyword and meaning bars (``judge.judge``). A model may carry a second
head for the order alone (``Reranker.order``, its own weights file): a fit of which candidate of a
question answers (a softmax over each question's candidates, ``bench/search_rerank.py --fit
listwise``) ranks, and the first head's chance still sets every bar and every order rule that
reads a chance (``order.settle``), so that which questions are answered or refused, and how
surely, moves only through the order.
"""

from __future__ import annotations

import bisect
import importlib.resources
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import numpy as np

from ..marks import marks_as_digits
from ..registry import party_in_text
from .passage import (
    MONEY,
    PARTY_CODES,
    PASSAGE_FEATURES,
    PERCENT,
    document_text,
    focus_pattern_of,
    passage_features,
    role_pattern_of,
)
from .passage import NAME as _NAME
from .question import Question
from .terms import Matcher, Term, idf

__all__ = ["FEATURES", "Reranker", "features", "from_json", "holds_vote", "order_file", "reranker_for", "states_kind"]

FEATURES = (
    "similarity", "below_best", "keywords", "keywords_text", "keywords_title", "fused", "dense_rank",
    "keyword_rank", "both_sides", "rarest_held", "spread", "best_sentence", "absent_terms", "other_place",
    "other_year",
    "vote_q", "vote_ok", "who_q", "who_ok", "figure_q", "figure_ok", "date_q", "date_ok", "party_q",
    "party_ok", "table", "table_figure", "short", *PASSAGE_FEATURES,
)
MISSING_RANK = 150  # a side that did not return the candidate

_NUMBER = re.compile(r"(?<![\d§])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+)(?:[,.]\d+)?(?!\d)")
_UNIT = re.compile(r"\d\s*(%|procent|kr\b|kronor|tkr|mnkr|mkr|mdkr|miljon|miljard|st\b|stycken|personer|"
                   r"platser|timmar|dagar|kvm|km|ton|årsarbetare)", re.IGNORECASE)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\s+(januari|februari|mars|april|maj|juni|juli|augusti|"
                   r"september|oktober|november|december)\b|\b(januari|februari|mars|april|maj|juni|juli|"
                   r"augusti|september|oktober|november|december)\s+\d{4}\b", re.IGNORECASE)
# a name ("Anna Berg (S)", "Jessica Persdotter Keding") or a body or post that may be the "who"
_PERSON = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)+|\((?:" + PARTY_CODES
                     + r"|-)\)|\b\w*(nämnden|styrelsen|förvaltningen|direktör|ordförande|chef)\b", re.MULTILINE)
# a body or a post that may be the "who" besides those ``_PERSON`` names (a nämnd, a styrelse, a
# chef): a fullmäktige, a state agency ("Försäkringskassan", "Skolinspektionen", "Trafikverket"), a
# school's rektor or its teachers, a huvudman, the employer. "Vem beslutade om taxorna …" and "det
# nyvalda fullmäktige ska besluta"; "vem betalar de första 20 timmarna …" and "Försäkringskassan tar
# över först när …"; "Vem har ansvaret för studieron …" and "läggs oftast på den enskilde läraren".
# Read for the evidence only (``states_kind``), not for the reranker's ``who_ok``, whose weights
# were fitted on ``_PERSON``.
_ACTOR = re.compile(r"\w*(?:fullmäktige|kassan|myndigheten|inspektionen|verket)\b|"
                    r"\b(?:rektorn?|rektorerna|lärarna|läraren|lärare|huvudmannen|huvudmän(?:nen)?|arbetsgivaren)\b",
                    re.IGNORECASE)
_VOTE = re.compile(r"\b\d+\s+(ja|nej)\b|\bomröstning|\bvotering|\bavstår\b|\bröst(ar|ade|er)\b|"
                   r"\b(ja|nej)-röst", re.IGNORECASE)
# a passage naming a party, by its code as records write it or by its name (the registry's rule)
_PARTY = party_in_text()
_SENTENCE = re.compile(r"(?<=[.!?:;])\s+|\n\s*\n")
_YEAR = re.compile(r"^(19|20)\d\d$")
_YEAR_IN = re.compile(r"(?<!\d)(19|20)\d\d(?!\d)")


def holds_vote(text: str, section: str | None) -> bool:
    """Whether a passage records a vote or how one went (an Omröstning or Propositionsordning
    section, "40 Ja mot 38 Nej", "röstade", "votering", "avstår")."""
    return section in ("omrostning", "propositionsordning") or bool(_VOTE.search(text))




# a count written out: "fyra av åtta rekommendationer", "hälften", "samtliga", "inga"
_NUMBER_WORD = re.compile(r"\b(två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|\w+ton|tjugo\w*|trettio|fyrtio|"
                          r"femtio|\w*hundra|\w*tusen|hälften|samtliga|ingen|inga|inget)\b", re.IGNORECASE)


def states_kind(question: Question, text: str, section: str | None = None) -> bool:
    """Whether a passage states the kind of answer the question asks: a name, a body or a party
    for "Vem …" (a person's name for "Vilka ledamöter …"), a party for "Vilka partier …" / "Vilket
    parti …", a figure for "Hur många/mycket …" (an
    amount of money when a price is asked, a percentage for a share), a date or a year for "När …".
    True when the question asks none of these. A passage that does not is shown as weak at most
    (``judge.judge``): "Vilka ledamöter röstade nej …" and an Omröstning whose names are "framgår
    av bilaga 7"; "Vad kostar det att parkera vid Nolhaga per timme?" and a § counting the
    parking places. A table row states its unit in the table's head, not in the row."""
    k = question.kinds
    if "who" in k and not (_NAME.search(text) if question.people
                           else _PERSON.search(text) or _PARTY.search(text) or _ACTOR.search(text)):
        return False
    # "Vilka partier stod bakom …" is answered by a passage naming parties ("Jonas Attenius (S), …
    # yrkar bifall"), not by the § 's Beslut "Enligt kommunstyrelsens förslag"
    if "party" in k and not _PARTY.search(text):
        return False
    if "figure" in k and not (has_figure(text) or _NUMBER_WORD.search(text)):
        return False
    if "figure" in k and section != "table" and (
            (question.price and not MONEY.search(text)) or (question.unit == "percent" and not PERCENT.search(text))):
        return False
    # "När …" is answered by a year too ("år 2019 visade på brister")
    return not ("date" in k and not (_DATE.search(text) or _YEAR_IN.search(text)))


@lru_cache(maxsize=2048)
def has_figure(text: str) -> bool:
    """Whether ``text`` holds a number that is not a year (a figure, a count, an amount) or a
    number with a unit. Remembered for the last texts: the evidence (``states_kind``) and the
    reranker's features ask it of the same passages."""
    return bool(_UNIT.search(text)) or any(not _YEAR.match(_SPACE.sub("", m.group(1)))
                                           for m in _NUMBER.finditer(text))


_SPACE = re.compile(r"\s")


def term_positions(text: str, matcher: Matcher) -> list[list[int]]:
    """Where each query term's word starts in ``text`` (one list per term)."""
    return matcher.positions(text)


def spread(positions: Sequence[Sequence[int]]) -> float:
    """How far apart the held query terms stand: log of the shortest stretch of characters
    holding one of each, per term (0 when fewer than two are held)."""
    spans = [s for s in positions if s]
    if len(spans) < 2:
        return 0.0
    events = sorted((pos, i) for i, ps in enumerate(spans) for pos in ps)
    count: dict[int, int] = {}
    need, best, lo = len(spans), math.inf, 0
    for pos, i in events:
        count[i] = count.get(i, 0) + 1
        while len(count) == need:
            best = min(best, pos - events[lo][0])
            j = events[lo][1]
            count[j] -= 1
            if not count[j]:
                del count[j]
            lo += 1
    return math.log1p(best / need)


def best_sentence(text: str, positions: Sequence[Sequence[int]], weights: np.ndarray) -> float:
    """The largest IDF-weighted share of the query's terms (their words) that one sentence holds."""
    if not len(weights):
        return 0.0
    ends = [m.start() for m in _SENTENCE.finditer(text)]
    held: dict[int, set[int]] = {}
    for i, ps in enumerate(positions):
        for pos in ps:
            held.setdefault(bisect.bisect_right(ends, pos), set()).add(i)
    total = float(weights.sum())
    return max((float(sum(weights[i] for i in ts)) / total for ts in held.values()), default=0.0)


def features(
    cands: Sequence[Mapping[str, Any]], rows: Mapping[int, Mapping[str, Any]], terms: Sequence[Term], total: int,
    question: Question,
) -> np.ndarray:
    """One row of ``FEATURES`` per candidate. A candidate: chunk_id, similarity, dense_rank,
    keyword_rank, score (fused), keywords, place_ok, year_ok."""
    matcher = Matcher(terms)
    weights = np.array([idf(t.df, total) for t in terms]) if terms else np.zeros(0)
    rarest = int(np.argmin([t.df for t in terms])) if terms else -1
    absent = sum(t.df == 0 for t in terms) / max(len(terms), 1)
    best = max((c["similarity"] or 0.0 for c in cands), default=0.0)
    k = question.kinds
    out = np.zeros((len(cands), len(FEATURES)), dtype=np.float64)
    titles: dict[str, list[bool]] = {}
    docs: dict[str, list[bool]] = {}
    focus = focus_pattern_of(question)
    role = role_pattern_of(question)
    for n, c in enumerate(cands):
        row = rows[c["chunk_id"]]
        text, title, section = row["text"], row["context"] or "", row["section"] or ""
        held_text = matcher.held(text) if terms else []
        positions = term_positions(text, matcher) if terms else []
        if title not in titles:  # passages of one § share its title
            titles[title] = matcher.held(title) if terms else []
        held_title = titles[title]
        share = (lambda held: float(np.dot(weights, held) / weights.sum()) if terms else 0.0)
        # the weights were fitted on passages whose footnote marks were digits glued to the word
        # ("riktlinje1"): this feature reads a mark as it read them (``marks.py``), the evidence
        # a search weighs (``states_kind``) reads it as no figure
        figures = "figure" in k and has_figure(marks_as_digits(text))
        sim = c["similarity"] or 0.0
        vote_ok = "vote" in k and holds_vote(text, section)  # (its regex only where it is read)
        doc = document_text(row)
        if doc not in docs:  # passages of one document share what says which one it is
            docs[doc] = matcher.held(doc) if terms else []
        held = [a or b for a, b in zip(held_text, held_title, strict=True)]
        out[n] = (
            sim, sim - best, c["keywords"], share(held_text), share(held_title), c["score"],
            math.log1p(c["dense_rank"] if c["dense_rank"] is not None else MISSING_RANK),
            math.log1p(c["keyword_rank"] if c["keyword_rank"] is not None else MISSING_RANK),
            float(c["dense_rank"] is not None and c["keyword_rank"] is not None),
            float(held_text[rarest] or held_title[rarest]) if terms else 0.0,
            spread(positions), best_sentence(text, positions, weights), absent,
            float(not c["place_ok"]), float(not c["year_ok"]),
            float("vote" in k), float(vote_ok),
            float("who" in k), float("who" in k and bool(_PERSON.search(text))),
            float("figure" in k), float("figure" in k and figures),
            float("date" in k), float("date" in k and bool(_DATE.search(text))),
            float("party" in k), float("party" in k and bool(_PARTY.search(text))),
            float(section == "table"), float(section == "table" and "figure" in k), float(len(text) < 200),
            *passage_features(text, section, row, held, docs[doc], weights.tolist(), question, focus, role),
        )
    return out


@dataclass(frozen=True)
class Reranker:
    """A fitted logistic regression: standardised features, coefficients, intercept."""

    model: str  # the embedding model it was fitted for (its similarities)
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    # the columns of ``features`` it was fitted on, when that is fewer than all of FEATURES
    # (weights fitted before a feature was added keep working without it)
    columns: tuple[int, ...] | None = None
    # a second fit that orders the candidates (``order_key``), when one was shipped; this one's
    # ``probability`` stays the chance of answering that the abstention and the order rules read
    order: Reranker | None = None

    def logits(self, x: np.ndarray) -> np.ndarray:
        if self.columns is not None:
            x = x[:, list(self.columns)]
        return ((x - self.mean) / self.scale) @ self.coef + self.intercept

    def probability(self, x: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(x)))

    def order_key(self, x: np.ndarray) -> np.ndarray:
        """What the candidates are sorted by, highest first: the order head's score where there
        is one, else this fit's chance (``probability``; its ties keep the fused order)."""
        return self.probability(x) if self.order is None else self.order.logits(x)

    def to_json(self, **info: Any) -> str:
        names = list(FEATURES) if self.columns is None else [FEATURES[i] for i in self.columns]
        return json.dumps({"model": self.model, "features": names, "mean": self.mean.tolist(),
                           "scale": self.scale.tolist(), "coef": self.coef.tolist(),
                           "intercept": self.intercept, **info}, indent=1, ensure_ascii=False)


WEIGHT_FILES = {"multilingual-e5-small-static": "rerank-e5-small-static.json",
                "multilingual-e5-small": "rerank-e5-small.json"}
# the order head beside a model's chance (``Reranker.order``), where one is shipped: the weights
# file's name with this before ".json"
ORDER_SUFFIX = "-order"


def order_file(name: str) -> str:
    """The weights file of the order head shipped beside the chance's ``name``."""
    return name.removesuffix(".json") + ORDER_SUFFIX + ".json"


def from_json(text: str) -> Reranker | None:
    """A fit as ``Reranker.to_json`` wrote it; None when it names a feature we no longer compute.
    A fit on fewer features than ``FEATURES`` (weights shipped before a feature was added) reads
    only its own columns."""
    d = json.loads(text)
    if not set(d["features"]) <= set(FEATURES):
        return None  # fitted on features we no longer compute: the fixed order is safer than a wrong fit
    columns = None if tuple(d["features"]) == FEATURES else tuple(FEATURES.index(f) for f in d["features"])
    return Reranker(d["model"], np.array(d["mean"]), np.array(d["scale"]), np.array(d["coef"]),
                    float(d["intercept"]), columns)


@lru_cache(maxsize=8)
def _load(name: str) -> Reranker | None:
    res = importlib.resources.files(__package__).joinpath("models", name)
    return from_json(res.read_text("utf-8")) if res.is_file() else None


@lru_cache(maxsize=4)
def _load_with_order(name: str) -> Reranker | None:
    chance = _load(name)
    order = _load(order_file(name))
    return chance if chance is None or order is None else replace(chance, order=order)


def reranker_for(model_id: str) -> Reranker | None:
    """The weights fitted for this embedding model's similarities, if any were shipped, with
    their order head (``Reranker.order``) where one was shipped beside them."""
    for key, name in WEIGHT_FILES.items():
        if key in model_id:
            return _load_with_order(name)
    return None
