"""The first places of the hybrid order: what the reranker weighs too little, settled by rule
(issue 11, round 13).

The reranker (``rerank.py``) is a logistic regression fitted on a hundred dev questions. It ranks
the right document first almost always; where the answer is second, what stands above it is
most often another passage of the same case, the same report or the same protocol. Two kinds
of evidence the abstention already computes tell them apart, and the fit cannot learn them from
so few questions, so they decide by rule among the first ``SETTLE_DEPTH`` candidates (the ten
a search shows first and the evaluation counts; never deeper: a rule moves an answer the
reranker put on the first screen, it does not dig one up):

- **every word of the query.** A passage holding every content word of the query (stop words
  and question words are no terms) that the reranker puts at least half as likely as the first
  one goes first, when the first lacks a word. "mopedparkering nolhaga hur många mopeder får
  plats": the Ärendet counting the mopeds parked (no "plats") stood above the Beredning saying
  how many "får plats"; "studentstadskoordinator utreda göteborg": the § closing the
  assignment at a later meeting (no "Göteborg") above the motion's decision that gave it. It is
  the keyword side's strongest evidence, and the issue's own rule for abstention (a passage
  holding every term is always shown).
- **the thing asked, of what is asked.** A passage that states its figure or names its holder
  of another body, year, post or decision than the one the question asks (``Ranked.asked``,
  ``asked.py``: "Vem ersätter Anders Dahl som ledamot …" and the § where Anders Dahl resigns),
  or that is neither of the place the question names nor names it (``Ranked.own_place``:
  "Vem företräder Alingsås kommun i …" and another municipality's record), or that does not
  state the kind of answer asked (``Ranked.kind_stated``, ``grounds.states``: no name for
  "Vilka ville bifalla …", no amount of money for "Hur stort bidrag …", no date for "När …"),
  or, for a figure question, never names what the figure is of (``Ranked.focus_ok``: "Vilket
  resultat redovisar nämnden för Intraservice …" and the report's summary, without "resultat",
  above the table row "Resultat 22,5 3,0 19,5 …"), goes below those failing fewer of these
  checks. The abstention never trusts such a passage; the order now says so too.

- **the decision, for what was decided.** A question asking what was decided ("Vad beslutade
  kommunstyrelsen om förprojekteringen …", "vad har beslutats om laddstationer för cyklar", a
  keyword query naming a decision and its matter, "… initiativärende liberalerna beslut
  kommunstyrelsen"; ``Question.decision``) is answered by its §'s Beslut, the section stating the decision
  (``Ranked.decides``). The reranker finds the § but puts its heading, Beredning,
  Beslutsunderlag or Beslutsgång first, words of the question all; the Beslut, terse, stood
  sixth to eighth. When the first candidate stands in a § and is not its Beslut, that § 's Beslut
  goes first, from wherever it stands among the candidates: it is no other matter dug up, but the
  part of the chosen § that answers.

- **not below a far less likely passage** (issue 11, dev8–dev10). The checks read words by rule
  and misread some: "Hur stort kommunbidrag fick stadsrevisionen år 2027?" and the budget's own
  sentence, read as a plan for 2027 (a 2024 budget), went below a table row of another body the
  reranker rated hundreds of times less likely. A passage holding every query term, or every
  rare one, is put back above any the checks moved over it that the reranker rates less than a
  tenth as likely (``DOMINANT``). (A limit on every candidate, helper settle28's ratio, lost
  dev's Intraservice "Resultat" row; none of the six above that row holds every word.)
- **the party's view, for a party's view asked.** "Vad tyckte V om beslutet …" (``Question.opinion``)
  is answered by the reservation, yrkande or särskilt yttrande of the chosen § naming V
  (``Ranked.views``), not by its Beslut (naming V's initiativyrkande) or its vote records: a
  formal vote is not the position. It goes first from wherever it stands, as the Beslut does.

- **who did the act, for an act's doers asked** (twenty-fourth session). "Vem yrkade …", "Vilka
  partier reserverade sig …", "vem var jävig …" (``Question.act``) are answered by the section of
  the chosen § recording that act, where the doers are named (its Yrkanden, Reservation, Jäv,
  protokollsanteckning; ``acts``), not by its Beslut or heading: "vem var javig i detaljplanen
  for norra stenebyvagen" and § 80's Beslut above its Jäv ("Johan Zandin (V) deltar inte i
  handläggningen av ärendet på grund av jäv."). It goes first from wherever it stands, as the
  Beslut and the party's view do.

- **the numbers the question states** (twenty-second session, walk 22 check 6). "7 ja-röster och
  8 nej-röster" is answered by the § saying "Med 7 ja-röster och 8 nej-röster", not by BUN's "Med
  6 ja-röster och 7 nej-röster", which the reranker put first: it weighs no number. A passage
  giving what the question counts another number (``Ranked.numbers`` -1, ``numbers.py``) goes
  below every candidate stating the question's numbers (1), from any depth: not an answer dug
  up, but those that state positively they are not it put below it (on a corpus holding
  Göteborg's twenty KF protocols, their "70 Ja mot 9 Nej" filled the first 27 places above §
  114). The two kinds swap places only among themselves: a candidate stating no number keeps
  its place. Nothing moves when none states them, nor for a question stating no number. The keyword side's order alone
  (``search --mode keyword``) is settled so too. And as for every word of the query, the best
  passage stating every number asked goes first when the reranker puts it at least half as
  likely as a first that does not, failing no more checks (``numbers_first``).

- **the later of two records of one body** (twenty-third session, issue 11). A body handles a
  matter at several meetings — sends it back and decides it later, elects a member and fills the
  seat again, adopts next year's budget with the same headings — and the same section of each
  protocol holds the same words: "Blev det någon trygghets- och larmcentral i Göteborg?" and the
  Beslut of September 2023 sending the matter back above that of November deciding it;
  "internränta göteborg 2025" and the 2024 budget's plan for 2025 above the 2025 budget. The
  reranker cannot tell them apart (the same words, chances within a few hundredths); a question
  naming no meeting asks the matter as it stands, the later record. When the first candidate
  stands in a § and, among the first ``SETTLE_DEPTH``, the same section of a § of a later meeting
  of the same body holds at least as much of the query, has at least ``EVERY_TERM_SHARE`` of the
  first's chance and fails no more checks of what is asked, the latest such goes first
  (``_later_record``) — never one not naming a year the question names that the first names
  (``Ranked.year_named``: the budget for 2024 is not the next year's). It reads no § title, so
  it reaches two different matters of one body too (two elections of ersättare, two budgets):
  the later is then preferred as well, which is what the tunable splits' questions asked in all
  but one case read (a § of anmälningsärenden naming the detaljplan adopted at the meeting before).
  (Twenty-fourth session) A § written as one text, without section headings (``WHOLE``: an
  anmälan of länsstyrelsens beslut, a frågestund, an interpellation's answer), has no section to
  compare and was never weighed: "vem blev ersattare efter erik helgeson" and the anmälan of
  September appointing Erik Helgeson ersättare (its Beslut) above that of October appointing his
  successor (one text); "Vem ställde frågan om ruinen av Gamla Älvsborg?" and the Beslut of 2023
  on the motion above the frågestund of 2024 asking how the work goes. Such a § now stands beside
  a record of any section: the whole record of the body's handling at that meeting.

The share and the depth are round numbers, not a fit: half the first's chance, the first ten
(a user's first screen; on dev the first five gave the same order but for the Intraservice row,
and the fast model's order gains more from ten).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

__all__ = ["DECISION_SECTION", "EVERY_TERM_SHARE", "SETTLE_DEPTH", "WHOLE", "numbers_stated", "settle"]

SETTLE_DEPTH = 10  # the candidates these rules may reorder
EVERY_TERM_SHARE = 0.5  # a passage holding every term goes first from this share of the first's chance
DOMINANT = 10  # ... and the checks move it below none the reranker rates ten times less likely
DECISION_SECTION = "beslut"  # the section of a § stating its decision (namndkoll.ingest.sections)
WHOLE = ""  # the section of a § written as one text, without section headings (``Candidate.record``)


class Candidate(Protocol):
    @property
    def keywords(self) -> float: ...
    @property
    def answer(self) -> float | None: ...
    @property
    def asked(self) -> bool: ...
    @property
    def own_place(self) -> bool: ...
    @property
    def kind_stated(self) -> bool: ...
    @property
    def focus_ok(self) -> bool: ...
    @property
    def figure_beside(self) -> bool: ...
    @property
    def listing(self) -> bool: ...
    @property
    def decides(self) -> bool: ...
    @property
    def views(self) -> bool: ...
    @property
    def rare(self) -> bool: ...
    @property
    def day_ok(self) -> bool: ...
    @property
    def item_of(self) -> tuple[int, str] | None: ...
    @property
    def numbers(self) -> int: ...
    @property
    def year_named(self) -> bool: ...
    @property
    def record(self) -> tuple[str, str, str, str] | None: ...
    @property
    def acts(self) -> bool: ...


C = TypeVar("C", bound=Candidate)


def settle(ranked: Sequence[C], every_term: float, depth: int = SETTLE_DEPTH) -> list[C]:
    """``ranked`` (reranked, best first) with its first ``depth`` candidates settled: the best
    of them holding every query term (keyword share ≥ ``every_term``) first when the first lacks
    one and it has at least ``EVERY_TERM_SHARE`` of the first's chance of answering; then those
    failing more of the checks of what is asked (``asked``, ``own_place``, ``kind_stated``,
    ``focus_ok``) below those failing fewer, in order otherwise, but never a passage holding every
    term (or every rare one) below one the reranker rates ``DOMINANT`` times less likely; for a
    question asking what was decided, the Beslut of the first's § (``decides``, from anywhere in
    ``ranked``) before all of them, for a party's view asked, the passage of the first's §
    stating it (``views``), and for an act's doers asked, its section recording the act (``acts``). Without the reranker's chances (``answer`` None) only the checks, the
    decision and the view."""
    head, rest = list(ranked[:depth]), list(ranked[depth:])
    if head and head[0].keywords < every_term and head[0].answer is not None:
        bar = EVERY_TERM_SHARE * head[0].answer
        lacks = _lacking(head[0])
        full = next((r for r in head[1:] if r.keywords >= every_term and (r.answer or 0.0) >= bar
                     and _lacking(r) <= lacks), None)
        if full is not None:
            head.remove(full)
            head.insert(0, full)
    before = list(head)
    # stable: the order otherwise kept
    head.sort(key=_failed)
    # (the numbers: over every candidate, not the first ten only; see numbers_stated)
    ranked_now = numbers_stated(_keep_dominant(before, head, every_term) + rest)
    settled = _act_first(_view_first(_decision_first(numbers_first(ranked_now[:depth]) + ranked_now[depth:])))
    return _later_record(settled, depth)


def _failed(r: Candidate) -> int:
    """How many of the checks of what is asked ``r`` fails."""
    return (not r.asked) + (not r.own_place) + (not r.kind_stated) + (not r.focus_ok) + (not r.day_ok)


def _keep_dominant(before: list[C], after: list[C], every_term: float) -> list[C]:
    """``after`` (``before`` sorted by the checks) with each passage holding every query term, or
    every rare one (``rare``: a name, a case's own word), put back above those the checks moved
    over it that the reranker rates less than 1/``DOMINANT`` as likely: the checks read a
    passage's words by rule and misread some (a budget's 2027 figure read as a plan, a
    percentage beside another body's name), and a passage holding the query's words that the
    reranker is that much surer of is no misread match."""
    out = list(after)
    for r in before:
        if not (r.keywords >= every_term or r.rare) or not r.answer or not _failed(r):
            continue
        at = out.index(r)
        out.remove(r)
        # of those now above it, the ones entitled to stay: above it before, or not that much less likely
        # (twenty-third session) ... or holding every query term where it holds only the rare ones,
        # failing fewer checks: the restore keeps a passage with the query's words from a misread,
        # not above one with more of them that passes what it fails ("Vilka ville bifalla motionen
        # om laddstationer för elcyklar?": the § 's Ärendet, no name of who wanted it, back above
        # the proposals at the meeting naming them)
        entitled = [i for i, s in enumerate(out[:at]) if before.index(s) < before.index(r)
                    or (s.answer or 0.0) * DOMINANT >= r.answer
                    or (s.keywords >= every_term > r.keywords and _failed(s) < _failed(r))]
        out.insert(entitled[-1] + 1 if entitled else 0, r)
    return out


def numbers_stated(ranked: list[C]) -> list[C]:
    """``ranked`` (an order: the hybrid's, settled, or the keyword side's alone) with the
    passages stating the question's numbers (``numbers`` 1) before those giving what it counts
    another number (-1): the places the two kinds hold among the candidates are filled with the
    first kind first, each kind in its order, and every other candidate keeps its place. Nothing
    moves where no passage states the numbers asked, or none states others."""
    slots = [i for i, r in enumerate(ranked) if r.numbers]
    stating = [ranked[i] for i in slots if ranked[i].numbers == 1]
    if not stating or len(stating) == len(slots):
        return ranked
    out = list(ranked)
    for i, r in zip(slots, stating + [ranked[i] for i in slots if ranked[i].numbers == -1], strict=True):
        out[i] = r
    return out


def numbers_first(head: list[C]) -> list[C]:
    """``head`` with the best passage stating every number the question states (``numbers`` 1)
    first, when the first does not and it has ``EVERY_TERM_SHARE`` of the first's chance and
    fails no more of the checks of what is asked: the every-term rule, for the numbers."""
    if not head or head[0].numbers == 1 or head[0].answer is None:
        return head
    bar = EVERY_TERM_SHARE * head[0].answer
    best = next((r for r in head[1:] if r.numbers == 1 and (r.answer or 0.0) >= bar
                 and _failed(r) <= _failed(head[0])), None)
    if best is None:
        return head
    return [best, *(r for r in head if r is not best)]


def _own_section_first(ranked: list[C], wanted: Callable[[C], bool]) -> list[C]:
    """``ranked`` with the first candidate of its first candidate's § that is ``wanted`` first,
    when the first stands in a § and is not one: the § the reranker chose, the section that
    answers what is asked (``_decision_first``, ``_view_first``, ``_act_first``)."""
    if not ranked or ranked[0].item_of is None or wanted(ranked[0]):
        return ranked
    at = next((i for i, r in enumerate(ranked) if wanted(r) and r.item_of == ranked[0].item_of), None)
    return ranked if at is None else [ranked[at], *ranked[:at], *ranked[at + 1:]]


def _decision_first(ranked: list[C]) -> list[C]:
    """``ranked`` with the Beslut of its first candidate's § first (``decides``: set for a question
    asking what was decided only), when the first stands in a § and is not it."""
    return _own_section_first(ranked, lambda r: r.decides)


def _view_first(ranked: list[C]) -> list[C]:
    """``ranked`` with the passage of its first candidate's § stating the view of the party the
    question asks (``views``: set for "Vad tyckte V om …" only) first, when the first is not one:
    the reservation or yrkande, not the decision or the vote records of the § the reranker chose."""
    return _own_section_first(ranked, lambda r: r.views)


def _act_first(ranked: list[C]) -> list[C]:
    """``ranked`` with the section of its first candidate's § recording the act whose doers the
    question asks (``acts``: set for "Vem yrkade …", "Vilka partier reserverade sig …", "vem var
    jävig …" only) first, when the first is not one: the § the reranker chose names them there."""
    return _own_section_first(ranked, lambda r: r.acts)


def _later_record(ranked: list[C], depth: int = SETTLE_DEPTH) -> list[C]:
    """``ranked`` with the latest of its first candidate's body's records first: among the first
    ``depth``, a passage of the same section of a § of a later meeting of the same body
    (``record``; a § without sections, ``WHOLE``, stands beside any section) that holds at least as
    much of the query, has ``EVERY_TERM_SHARE`` of the first's chance, fails no more checks of what
    is asked and names the question's year where the first does (``year_named``). The reranker
    rates the two alike: the later is the matter as it stands."""
    first = ranked[0] if ranked else None
    if first is None or first.record is None or first.answer is None:
        return ranked
    record, bar = first.record, EVERY_TERM_SHARE * first.answer
    later = [r for r in ranked[1:depth] if r.record is not None and r.record[:2] == record[:2]
             and (r.record[2] == record[2] or WHOLE in (r.record[2], record[2])) and r.record[3] > record[3]
             and r.item_of != first.item_of and r.keywords >= first.keywords and (r.answer or 0.0) >= bar
             and _failed(r) <= _failed(first) and (r.year_named or not first.year_named)]
    if not later:
        return ranked
    best = max(later, key=lambda r: r.record[3] if r.record is not None else "")
    return [best, *(r for r in ranked if r is not best)]


def _lacking(r: Candidate) -> frozenset[str]:
    """What a candidate fails of what the every-term rule must not overrule: a list of § titles
    or documents (a Beslutsunderlag holds every word of its § title and states nothing), a figure
    question's figure not beside what is asked, and the checks of what is asked."""
    return frozenset(name for name, ok in (
        ("listing", not r.listing), ("figure_beside", r.figure_beside), ("asked", r.asked),
        ("own_place", r.own_place), ("kind_stated", r.kind_stated), ("focus_ok", r.focus_ok)) if not ok)
