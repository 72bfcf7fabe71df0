"""One search candidate and the evidence behind its rank (``Ranked``): what ``hybrid.rank``
fuses, ``hybrid.evidence`` and the rerank fill in, ``judge.judge`` weighs, and bench and
--explain show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Mode = Literal["hybrid", "dense", "keyword"]  # the sides a search asks
Confidence = Literal["high", "weak"]


@dataclass(frozen=True)
class Ranked:
    """One candidate with the evidence behind its rank (what bench and --explain show)."""

    chunk_id: int
    score: float  # fused reciprocal-rank score, 1.0 = first on both lists
    similarity: float | None  # cosine similarity to the query (None in keyword-only mode)
    dense_rank: int | None
    keyword_rank: int | None
    keywords: float = 0.0  # IDF-weighted share of the query's terms the passage holds
    confidence: Confidence | None = None  # set by ``judge``; None = not shown
    place_ok: bool = True  # from a body the query names, or naming it (question.place_consistent)
    year_ok: bool = True  # about a year the query names (its text, title or document date)
    answer: float | None = None  # the reranker's probability that it answers the query
    kind_ok: bool = True  # holds what the query asks for where that is checked (a vote for "Hur röstade …")
    rare: bool = False  # holds the query terms that few passages hold, or its rarest ones (keyword_share.rare_match)
    focus_ok: bool = True  # names what a figure question asks the figure of (Question.focus), or no focus
    stated: bool = True  # states the kind of answer asked (a name, a figure, a date: rerank.states_kind)
    # the keyword share with the query's place counted as held by every passage of that body's own
    # documents (what abstention weighs; ``keywords`` is the passage's own, what the reranker reads)
    place_keywords: float | None = None
    # the keyword share of what the query asks about, its places left out (None: it names no
    # place, ``keyword_share.beyond_places``): a place held shows a passage only beside half of the rest
    beyond_place: float | None = None
    inside: bool = False  # found again inside the best documents with the query's common words (``rank``)
    stated_near: bool = True  # it or a neighbour states the kind of answer asked (grounds.stated_around)
    own_place: bool = True  # names the query's places itself or is their body's (grounds.names_own_place)
    body_ok: bool = True  # its document can record the vote of the body the query names (grounds.by_own_body)
    year_own: bool = True  # its own text names the query's year, or no year (grounds.year_in_own_words)
    figure_beside: bool = True  # a sentence naming what a figure question asks holds a figure (grounds)
    asked: bool = True  # states the thing asked of the body, year, post or decision asked (asked.asked_of)
    kind_stated: bool = True  # states the kind of answer asked itself (grounds.states; ``stated`` less lists)
    topic: bool = True  # a keyword query's passage holds a word of what it asks, not of its document only (grounds.topic_held)
    stance: bool = True  # states a stance where the query asks one (subject.states_position), or none is asked
    # names the party whose view the query asks ("Vad tyckte KD om …": Question.opinion), or none is asked
    party_named: bool = True
    thing_beside: bool = True  # a figure beside a word of what a figure query asks (grounds.thing_beside)
    date_beside: bool = True  # a time beside a word of what a "När …" question asks (grounds.date_beside)
    # (twenty-first session) what it says of the thing asked is what is asked of it: the bound
    # ("som mest", not "lägsta"), the model ("X50", not "X80"), the party whose yrkande, the year
    # beside the thing (``facts.py``)
    facts: bool = True
    # its own text names the query's year, or, naming none, its title's first year is it (grounds.names_asked_year)
    year_named: bool = True
    # the § it stands in (document id, item number); None outside a §
    item_of: tuple[int, str] | None = None
    decides: bool = False  # its §'s Beslut, for a question asking what was decided (Question.decision)
    views: bool = False  # states the view of the party a question asks it of (Question.opinion)
    listing: bool = False  # a list of documents or § titles, no statement (passage.lists_titles: a Beslutsunderlag)
    # what the question asks that neither the passage, its § nor its document holds: "name",
    # "party", "place", "body", "successor", "post", "kind" (absent.absent_from); such a passage
    # cannot answer
    absent: tuple[str, ...] = ()
    day_ok: bool = True  # of the day the query names, or it names none (question.on_day)
    # a stance stated in a § that names what the question asks the stance on (its rarest word
    # there: ``hybrid.matter_term``), or none asked: a reservation in another § is on another matter
    on_matter: bool = True
    # records the decision of the body a question asks the decision of ("När avslog
    # kommunfullmäktige …"): its own record, or a sentence where that body decided, not another
    # body's proposal to it (asked.decided_by), or no decider is asked
    decided: bool = True
    # the question asks who holds a named post of a named body (question.holder_asked): a passage
    # stating no person (``stated``) is about the body's other business
    holder_asked: bool = False
    # names someone beside the post a "Vem är <post> …" question asks, where its words name the
    # post (asked.holder_beside): not a rule or a task naming the post with no one beside it
    holder_beside: bool = True
    # (twenty-third session) has the person whose words the question asks ("Vad svarade Jonas
    # Attenius om …": Question.said_by) say something in it (detail.words_stated), or none is asked:
    # "Kommunstyrelsens ordförande Jonas Attenius (S) besvarar frågan." records that he answered,
    # not what he said
    said: bool = True
    # names the post asked beside the body asked, or never beside another body (asked.post_of_body):
    # "vice ordförande i tekniska nämnden" is not the post asked of barn- och ungdomsnämnden
    post_of_body: bool = True
    # the checks of ``judge.off_asked`` it fails for want of evidence, not on positive evidence of
    # something else (``surely.unsure_checks``): they withhold trust but never refuse
    unsure: tuple[str, ...] = ()
    # (twenty-second session) the numbers the question states (numbers.numbers_evidence): 1 when it
    # states them all, -1 when it gives what the question counts another number, 0 otherwise or none stated
    numbers: int = 0
    # (twenty-third session) the record a § passage stands in: (municipality, body, section, the
    # meeting's date), for the later of two records of one body (``order._later_record``); None
    # outside a § or where one of them is not known (twenty-fourth session: a § with no section
    # headings has the section "", ``order.WHOLE``)
    record: tuple[str, str, str, str] | None = None
    # (twenty-fourth session) stands in the section recording the act whose doers the question asks
    # ("Vem yrkade …": the Yrkanden; Question.act), or no act is asked
    acts: bool = False


_FIELDS = frozenset(Ranked.__dataclass_fields__)


def with_changes(r: Ranked, **changes: Any) -> Ranked:
    """``dataclasses.replace(r, **changes)`` for the evidence and the rerank, which make one per
    candidate (~110 a query): the same frozen value, without the generic replace's cost (a
    fifth of the reranker's Python). Ranked has no ``__post_init__`` to run."""
    if not changes.keys() <= _FIELDS:
        raise TypeError(f"Ranked has no field {sorted(changes.keys() - _FIELDS)}")
    new = object.__new__(Ranked)
    new.__dict__.update(r.__dict__)
    new.__dict__.update(changes)
    return new

