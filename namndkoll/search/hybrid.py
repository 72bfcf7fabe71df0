"""Hybrid search: dense (sqlite-vec) and keywords (FTS5) fused by reciprocal rank, filtered,
and honest about how good the match is.

The flow of ``search``: ``rank`` (both sides, fused; a second keyword pass inside the best
documents) -> ``evidence`` (each candidate's keyword share and what it states of the places,
years, bodies and figures the query asks: ``grounds.py``, ``asked.py``) -> ``candidate_features``
and ``rerank`` (the fitted reranker, ``rerank.py``; ``order.settle``) -> ``judge`` (high, weak
or dropped against the calibrated bars: ``judge.py``, where abstention is described) ->
``fold_copies`` -> hits with citations. The candidate record is ``ranked.Ranked``; query terms
(Swedish stems, compounds, party names, typo repair) are made in ``terms.py``.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from ..corpus import as_store
from ..corpus.base import Store
from ..corpus.index import Filters, check_years
from ..registry import PARTIES, party_in_text
from ..types import Hit, HitCopy, Metadata
from .absent import absent_in_context, constraints_of
from .asked import asked_of, decided_by, holder_beside, lists_no_holder, post_of_body
from .cite import format_citation
from .detail import person_said, words_stated
from .durations import time_focus
from .embedder import Embedder
from .facts import (
    bound_asked,
    bound_beside,
    code_beside,
    cost_not_study,
    party_beside,
    rarest,
    stance_parties,
    year_beside,
)
from .fold import fold_copies, rows_matter, rows_text, spread_tables
from .grounds import (
    beside,
    body_terms,
    by_own_body,
    by_own_committee,
    date_beside,
    figure_beside,
    names_asked_year,
    names_own_place,
    record_terms,
    stated_around,
    states,
    thing_beside,
    thing_of,
    topic_held,
    year_in_own_words,
)
from .judge import KEYWORD_FULL, KEYWORD_WEIGHT, NO_CALIBRATION, calibration_for, judge
from .keyword_share import (
    beyond_places,
    held_share,
    keyword_evidence,
    rare_bar,
    rare_match,
)
from .numbers import number_phrases, numbers_evidence, stated_numbers
from .order import DECISION_SECTION, WHOLE, numbers_stated, settle
from .passage import lists_titles
from .plan import frame_spelled, fts_terms, keyword_plan, party_passages
from .question import (
    Place,
    Question,
    dated_query,
    mentions_place,
    mentions_year,
    on_day,
    place_consistent,
    read_question,
    sentence_form,
    stance_matter,
)
from .ranked import Confidence, Mode, Ranked, with_changes
from .rerank import Reranker, features, holds_vote, reranker_for
from .subject import (
    holds_position,
    names_party,
    states_position,
    states_view,
    with_item_votes,
    with_subject,
)
from .surely import unsure_checks
from .terms import (
    STOPWORDS,
    Matcher,
    Term,
    focus_pattern,
    highlight_spans,
    idf,
    party_code,
    query_terms,
    stem,
    words,
)

__all__ = [
    "STOPWORDS",
    "Mode",
    "Ranked",
    "Term",
    "highlight_spans",
    "keyword_evidence",  # keyword_share.py's, where bench/search_eval.py imports it from
    "keyword_plan",
    "party_code",
    "query_terms",
    "rank",
    "search",
    "stem",
    "words",
]

RRF_K = 60
DENSE_WEIGHT = 1.0  # reciprocal-rank weights of the two sides (bench/search_eval.py; the keywords'
# default weight: judge.KEYWORD_WEIGHT, a model's own: its Calibration.keyword_weight)


def rank(
    store: Store, query: str, embedder: Embedder | None, filters: Filters, *, candidates: int = 50,
    mode: Mode = "hybrid", terms: list[Term] | None = None, inside: int = 0, votes: bool = False,
    positions: bool = False,
) -> tuple[list[Ranked], list[Term]]:
    """All candidates of both sides, fused, best first (no abstention yet). With ``inside``
    (hybrid), the chunks of the first ``inside`` documents are searched again for the query's
    common terms, those the first pass left out: what that finds is marked ``Ranked.inside``
    (appended, with its similarity, when neither side returned it)."""
    if terms is None:
        terms = keyword_plan(store, query)
    dense: list[tuple[int, float]] = []
    # the keyword side runs on a second connection meanwhile, where that pays (corpus/beside.py)
    fts = fts_terms(terms, store.chunk_total()) if mode != "dense" else []
    # ... and the numbers the query states that no query word finds ("7 ja", "3 5 mnkr": numbers.py)
    numbered = fts + number_phrases(stated_numbers(query)) if mode != "dense" else fts
    beside = getattr(store, "keyword_beside", None)
    kw_later = beside(numbered, candidates, filters) if mode == "hybrid" and beside is not None else None
    if mode != "keyword":
        if embedder is None:
            raise ValueError("dense and hybrid search need an embedder")
        rec = store.check_model(embedder.model_id, embedder.dimensions)
        if rec is not None:
            qv = np.asarray(embedder.embed([query], kind="query"), dtype=np.float32)[0]
            dense = store.knn(qv, candidates, filters)
    kw = kw_later.result() if kw_later is not None else store.keyword(numbered, candidates, filters) if mode != "dense" else []
    sims = dict(dense)
    if mode == "hybrid" and embedder is not None and dense:
        # keyword-only candidates need a similarity too, for the abstention bar
        missing = [cid for cid, _ in kw if cid not in sims]
        if missing:
            sims.update(store.knn(qv, len(missing), Filters(chunk_ids=tuple(missing))))
    # a weaker dense model (the static one) leans more on the keywords
    kw_weight = calibration_for(embedder.model_id).keyword_weight if embedder is not None else KEYWORD_WEIGHT
    d_rank = {cid: i for i, (cid, _) in enumerate(dense)}
    k_rank = {cid: i for i, (cid, _) in enumerate(kw)}
    fused = []
    for cid in dict.fromkeys([c for c, _ in dense] + [c for c, _ in kw]):
        s = sum(w / (RRF_K + 1 + r[cid]) for w, r in ((DENSE_WEIGHT, d_rank), (kw_weight, k_rank)) if cid in r)
        top = (DENSE_WEIGHT + kw_weight) / (RRF_K + 1)  # first on both lists
        fused.append(Ranked(cid, s / top, sims.get(cid), d_rank.get(cid), k_rank.get(cid)))
    fused.sort(key=lambda r: (-r.score, -(r.similarity or 0.0)))
    if inside and mode == "hybrid" and dense and len(fts) < len(terms):
        fused = _inside_documents(store, fused, [t for t in terms if t not in fts], filters, inside, qv)
    if (votes or positions) and mode == "hybrid" and dense:
        fused = with_item_votes(store, fused, filters, qv, holds_position if positions else holds_vote)
    return fused, terms


INSIDE_DOCUMENTS = 3  # the first documents of the fused list searched again for the common terms
INSIDE_HITS = 5  # ... and the passages taken from each document's search


def _inside_documents(store: Store, fused: list[Ranked], terms: list[Term], filters: Filters, n: int,
                      qv: np.ndarray) -> list[Ranked]:
    """``fused`` with the best keyword matches of ``terms`` (the query's common ones) within the
    chunks of its first ``n`` documents marked ``inside``: the rare terms found the documents.
    The word that finds a passage within its document ("resultat", "ordförande") is often in
    more than COMMON_SHARE of the corpus, so the first pass left it out, and a table row or a
    list of names is far from the question for the dense side: "Resultat 22,5 3,0 19,5 …" in
    the Intraservice report the query names."""
    head = store.chunk_rows([r.chunk_id for r in fused[: 10 * n]])
    docs = list(dict.fromkeys(int(head[r.chunk_id]["document_id"]) for r in fused[: 10 * n]
                              if r.chunk_id in head))[:n]
    allowed = set(filters.chunk_ids) if filters.chunk_ids is not None else None
    found: list[int] = []
    # each document apart: a long protocol's many "ordföranden" do not crowd out a report's one
    for d in docs:
        ids = tuple(c for c in store.chunk_ids(d) if allowed is None or c in allowed)
        if ids:
            found += [cid for cid, _ in store.keyword(terms, INSIDE_HITS, replace(filters, chunk_ids=ids))]
    known = {r.chunk_id for r in fused}
    missing = [c for c in found if c not in known]
    sims = dict(store.knn(qv, len(missing), Filters(chunk_ids=tuple(missing)))) if missing else {}
    marked = set(found)
    return ([replace(r, inside=True) if r.chunk_id in marked else r for r in fused]
            + [Ranked(c, 0.0, sims.get(c), None, None, inside=True) for c in missing])


# the final order of hybrid candidates: similarity, plus the keyword evidence, plus the fused
# rank (fitted on the dev questions: MRR 0.655 -> 0.758, recall@5 0.839 -> 0.862)
RERANK_KEYWORDS = 0.3
RERANK_FUSED = 0.5
RERANK_DEPTH = 50  # candidates judged and re-ordered (100 changed nothing on dev)


def rerank(ranked: list[Ranked], model: Reranker | None = None, x: np.ndarray | None = None) -> list[Ranked]:
    """Candidates in the order of their evidence: the fused rank alone weighs a passage found
    by both sides, but not how much of the query's rare terms it holds nor how close it is.
    With a fitted ``model`` (and the candidates' ``features`` in ``x``) its order decides
    (``Reranker.order_key``) and its probability that a passage answers the query is each one's
    ``answer``; without one, a fixed mix of similarity, keywords and rank."""
    if model is not None and x is not None and len(ranked):
        p, by = model.probability(x), model.order_key(x)
        order = sorted(range(len(ranked)), key=lambda i: -by[i])
        return [with_changes(ranked[i], answer=float(p[i])) for i in order]

    def key(r: Ranked) -> float:
        return (r.similarity or 0.0) + RERANK_KEYWORDS * r.keywords + RERANK_FUSED * r.score

    return sorted(ranked, key=lambda r: -key(r))


def candidate_features(ranked: Sequence[Ranked], rows: Any, terms: Sequence[Term], total: int,
                       question: Question) -> np.ndarray:
    return features([{"chunk_id": r.chunk_id, "similarity": r.similarity, "dense_rank": r.dense_rank,
                      "keyword_rank": r.keyword_rank, "score": r.score, "keywords": r.keywords,
                      "place_ok": r.place_ok, "year_ok": r.year_ok} for r in ranked], rows, terms, total, question)


def evidence(store: Store, query: str, ranked: list[Ranked], terms: Sequence[Term], total: int | None = None,
             question: Question | None = None) -> tuple[list[Ranked], dict[int, Any], Question]:
    """The candidates with their keyword evidence and whether they fit the places and years
    the query names; their rows; and what the query asks (``question``: ``read_question`` of
    it, read here when the caller has not)."""
    rows = store.chunk_rows([r.chunk_id for r in ranked])
    total = store.chunk_total() if total is None else total
    if question is None:
        question = read_question(query, store.bodies())
    if "vote" in question.kinds or question.position:  # a vote or a stance holds its § subject's words too
        rows = with_subject(store, rows, holds_vote if "vote" in question.kinds and not question.position
                            else holds_position)
    mentions: dict[tuple[str, int], bool] = {}
    # the documents that may be asked (not a municipality's own, of another body than the
    # place; any, where the query names several places): looked up for all candidates at once,
    # not one query per document
    for p in question.places:
        docs = {int(row["document_id"]) for row in rows.values()
                if (row["org_kind"] != "kommun" or len(question.places) > 1) and row["municipality"] is not None
                and row["municipality"] not in p.names}
        if len(docs) > 1:
            named = store.documents_mentioning(sorted(docs), sorted(p.names | {p.phrase}))
            mentions.update({(p.phrase, d): d in named for d in docs})

    def doc_mentions(p: Place, document_id: int) -> bool:
        if (p.phrase, document_id) not in mentions:
            mentions[p.phrase, document_id] = store.document_mentions(document_id, sorted(p.names | {p.phrase}))
        return mentions[p.phrase, document_id]

    out = []
    matcher = Matcher(terms)
    weights = [idf(t.df, total) for t in terms]
    bar = rare_bar(total)
    # (issue 11) a party is held in any spelling, "(V)" for "Vänsterpartiet": it is as rare as the
    # party (``plan.party_passages``), not as the name typed (12 passages: a rare word)
    dfs = [party_passages(store, t.party, store.prefix_doc_count) if t.party else t.df for t in terms]
    rare = [i for i, d in enumerate(dfs) if d <= bar]
    # the query terms that name a place it asks about -> the stored bodies that place stands for
    place_terms = {i: p.names for i, t in enumerate(terms) for p in question.places if mentions_place(p, t.word)}
    # ... and those that name the body a "Vem …" question asks about, held by that body's own
    # records (``grounds.body_terms``)
    of_body = body_terms(question, [t.word for t in terms])
    of_record = record_terms(question, [t.word for t in terms])
    # (a focus asking a length of time, "tid" of "Inom hur lång tid …", is held by a duration: durations.py)
    focus = [time_focus(w, focus_pattern(w, terms, store.term_doc_counts)) for w in question.focus]
    thing = thing_of(question, terms)  # what a figure query asks, in its own words (grounds.thing_beside)
    form = sentence_form(query)  # a keyword query says what it asks in its words only (grounds.topic_held)
    texts = {cid: row["text"] + "\n" + (row["context"] or "") for cid, row in rows.items()}
    # which focus words each candidate names itself; for those it lacks, the passage before
    focus_in = {cid: [bool(f.search(t.lower())) for f in focus] for cid, t in texts.items()} if focus else {}
    no_focus = [cid for cid, hits in focus_in.items() if not all(hits)]
    stated = {r.chunk_id: states(question, rows[r.chunk_id]["text"], rows[r.chunk_id]["section"])
              for r in ranked if r.chunk_id in rows}
    no_kind = [cid for cid, s in stated.items() if not s]
    asked_rare = [i for i in rare if i not in place_terms]  # what a keyword query's figure is of (asked.py)
    holds_rare = (lambda s: any(h for i, h in enumerate(matcher.held(s)) if i in asked_rare)) if asked_rare else None
    # the passages next to those that lack the focus or the kind of answer, read in one query
    neighbours = store.chunk_rows(sorted({cid - 1 for cid in no_focus} | beside(no_kind)))
    before = _passages_before(neighbours, rows, no_focus)
    near = stated_around(question, rows, no_kind, neighbours)
    # what the question names (a person, a party, a place, a body) that a passage lacks is looked
    # for in its § and around it, read in one query, before the passage is taken to lack it
    constraints = constraints_of(query, question)
    party_terms = [i for i, t in enumerate(terms) if t.party and t.party in constraints.parties]
    lacks = absent_in_context(store, constraints, question, rows, texts)
    bound = bound_asked(query)  # an upper or lower bound asked (facts.bound_beside)
    # the parties whose yrkande or reservation is asked (facts.party_beside)
    stance_of = stance_parties(query, tuple(constraints.parties))
    rarest_thing = rarest(thing)  # the rarest word of what is asked (facts.cost_not_study)
    # (the matter of a stance asked, or, seventeenth session, of a vote asked: ``on_matter``)
    voted_on = "vote" in question.kinds and not question.position
    matter = matter_term(query, question, terms, place_terms) if question.position or voted_on else None
    numbers = stated_numbers(query)  # "7 ja-röster och 8 nej-röster" (numbers.py; order.settle)
    asks_person = person_said(question)  # "Vad svarade Jonas Attenius …" (detail.py; Ranked.said)
    for r in ranked:
        row = rows.get(r.chunk_id)
        if row is None:
            continue
        text = texts[r.chunk_id]
        said_numbers = numbers_evidence(numbers, text) if numbers else 0
        held = matcher.held(text)
        # "Vem är sekreterare i barn- och ungdomsnämnden …": the nämnd's own protocol names it in
        # the running header of every page, which the reader strips from the page of who took part
        if of_body and by_own_committee(question, row["committee"]):
            held = [h or i in of_body for i, h in enumerate(held)]
        if of_record and row["doc_type"] == "protokoll":
            held = [h or i in of_record for i, h in enumerate(held)]
        # "Vem är kommundirektör i Simrishamn?": Simrishamn's budget instructions need not repeat
        # "Simrishamn" beside "Diana Olsson Kommundirektör"
        by_body = [h or i in place_terms and row["municipality"] in place_terms[i] for i, h in enumerate(held)]
        # a stance asked by its subject: the § text that names it states no stance (order.settle)
        stance = not question.position or states_position(row)
        # (sixteenth session) ... and a stance stated in a § whose text before it never names the
        # matter asked is one on another matter: "Vilka reservationer lämnades mot
        # lokalförsörjningsplanen?" and § 44's reservation on the Kompetensförsörjningsplan
        # (seventeenth session) ... and so is a vote in a § that never names the matter asked: "Hur
        # röstade SD om Göteborgs avfallstaxa för 2024?" and a vote on the budget's tilläggsyrkanden
        # (sixteenth session) how a party voted, where a § was decided without a vote: the
        # yrkande naming that party states what it stood for ("Hur röstade SD om vatten- och
        # avloppstaxan …" and "… Emma Altenhammar (SD) … yrkar bifall")
        kind_ok = "vote" not in question.kinds or holds_vote(row["text"], row["section"]) or (
            row["section"] == "yrkanden" and any(party_in_text(p).search(row["text"]) for p in constraints.parties
                                                 if p in PARTIES))
        stated_on = kind_ok if voted_on else stance
        on_matter = matter is None or not stated_on or row["item"] is None or held[matter]
        # (issue 11, sixteenth session) a party's view asked is stated only where that party is
        # named: a vote's count ("Omröstningen utfaller med 72 Ja mot 9 Nej") names no party's
        party_named = question.opinion is None or bool(party_in_text(question.opinion).search(row["text"]))
        out.append(with_changes(
            # the rare terms held, one at least not a place: a rare place name, held by the passage's
            # body or named in passing, is no strong keyword match on what is asked (round 10:
            # "Vilken skattesats har Simrishamns kommun …", "… försörjningsstöd i Malmö?")
            r, keywords=held_share(weights, held),
            # (issue 11) ... and held in the query's context (``rare_in_context``)
            # (issue 11) ... the party the query names held by the passage, or by the paper it
            # stands in where that is one party's (a motion, without § items: ``absent``)
            rare=rare_match([h or (i in party_terms and row["item"] is None and "party" not in lacks.get(r.chunk_id, ()))
                             for i, h in enumerate(by_body)] if party_terms else by_body, dfs, place_terms, bar,
                            matcher.held(f"{row['title'] or ''}\n{row['context'] or ''}"), party_terms,
                            stated[r.chunk_id]),
            place_keywords=held_share(weights, by_body),
            beyond_place=beyond_places(weights, held, place_terms),
            focus_ok=all(h or bool(f.search(before.get(r.chunk_id, "")))
                         for h, f in zip(focus_in.get(r.chunk_id, ()), focus)),
            kind_ok=kind_ok,
            stated=stated[r.chunk_id] and not lists_no_holder(question, row["text"], row["context"], row["section"]),
            kind_stated=stated[r.chunk_id] and stance,
            stance=stance,
            party_named=party_named,
            stated_near=near.get(r.chunk_id, True),
            own_place=names_own_place(question, row), body_ok=by_own_body(question, row),
            year_own=year_in_own_words(question, row["text"], row["date"]),
            year_named=names_asked_year(question, row["text"], row["context"] or row["title"], row["date"]),
            figure_beside=figure_beside(question, row["text"], row["section"], focus[0] if focus else None),
            thing_beside=thing_beside(question, row["text"], thing),
            date_beside=date_beside(question, row["text"], thing),
            facts=(bound_beside(bound, row["text"], thing) and code_beside(query, row["text"])
                   and party_beside(stance_of, row["text"], row["context"])
                   and year_beside(question, row["text"], row["context"] or row["title"], thing, row["section"])
                   and cost_not_study(question, query, row["text"], row["section"], rarest_thing)
                   # (twenty-second session) ... nor one giving what the question counts another
                   # number ("Med 6 ja-röster" for "7 ja-röster": numbers.py)
                   and said_numbers != -1),
            topic=topic_held(question, form, text, " ".join(str(row[f] or "") for f in ("title", "committee", "municipality")),
                             thing),
            listing=lists_titles(row["text"], row["section"]),
            absent=lacks.get(r.chunk_id, ()),
            item_of=(int(row["document_id"]), str(row["item"])) if row["item"] is not None else None,
            record=_record_of(row),
            decides=question.decision and row["section"] == DECISION_SECTION,
            acts=row["section"] in question.act,
            # (not the Beslut: it states the body's decision, naming the yrkanden it follows)
            views=(question.opinion is not None and row["section"] != DECISION_SECTION and states_view(row)
                   and names_party(row["text"], question.opinion)),
            asked=asked_of(question, row["text"], row["context"], row["section"], row["committee"],
                           focus[0] if focus else None, holds_rare, row["date"]),
            day_ok=on_day(question.day, text, row["date"]),
            on_matter=on_matter,
            numbers=said_numbers,
            decided=decided_by(question, row["text"], row["committee"]),
            holder_asked=question.holder,
            holder_beside=holder_beside(question, row["text"]),
            post_of_body=post_of_body(question, row["text"]),
            said=not asks_person or words_stated(question, row["text"]),
            place_ok=place_consistent(question, row, doc_mentions),
            year_ok=not question.years or mentions_year(question.years, text + "\n" + (row["title"] or ""),
                                                        row["date"])))
        out[-1] = with_changes(out[-1], unsure=unsure_checks(question, out[-1], row, thing, form))
    return out, rows, question


# "att" and the infinitive after it ("om att söka …", "om att lägga ner …"): an infinitive ends in
# "-a" ("söka", "avgöra", "dra"); a noun after "att" is its clause's subject ("att biblioteksplanen")
_INFINITIVE = re.compile(r"\batt\s+[^\W\d_]*a(?![\w-])")


def matter_term(query: str, question: Question, terms: Sequence[Term], place_terms: Collection[int]) -> int | None:
    """The query term that names what a stance question asks the stance on: of its words after
    the stance (``question.stance_matter``), the rarest in the corpus that is no stance word, party,
    place or number ("Vilka partier reserverade sig mot nedläggningen av Strandskolan?":
    "strandskolan"); None when it names none. A word no passage holds names the matter in other
    words than the records ("färjeavtalet" for "… avtal med Västtrafik AB gällande färjetrafik"):
    the next rarest does."""
    tail = stance_matter(query)
    if tail is None:
        return None
    # (twenty-third session) an infinitive after "att" says what was to be done, not what the
    # matter is called, and the records write the act in other forms: "Hur röstade fullmäktige om
    # att söka europeisk kulturhuvudstad 2029" and § 309's "Motion … om att Göteborg ansöker att
    # bli europeisk kulturhuvudstad 2029" ("att biblioteksplanen skulle …": a noun, kept)
    words = set(re.findall(r"[^\W_][\w-]*", _INFINITIVE.sub(" ", tail.lower())))
    of_matter = [i for i, t in enumerate(terms)
                 if t.word.lower() in words and t.df > 0 and not t.word.isdigit() and t.party is None and not t.any_party
                 and i not in place_terms and not holds_position(t.word, None)]
    return min(of_matter, key=lambda i: terms[i].df) if of_matter else None


def _record_of(row: Mapping[str, Any]) -> tuple[str, str, str, str] | None:
    """The record a § passage stands in (``Ranked.record``): its body's municipality and name, its
    section and the meeting's date; None outside a § or where the body or date is not known. A §
    written as one text, with no section headings (an anmälan of länsstyrelsens beslut, a
    frågestund, an interpellation's answer), has the section ``order.WHOLE``."""
    municipality, body, section, date = row["municipality"], row["committee"], row["section"], row["date"]
    if row["item"] is None or None in (municipality, body, date):
        return None
    return str(municipality), str(body), WHOLE if section is None else str(section), str(date)


def _passages_before(prev: Mapping[int, Any], rows: dict[int, Any], lacking: Sequence[int]) -> dict[int, str]:
    """The passage just before each of the ``lacking`` candidates (those that do not name the
    focus themselves), lower-cased, from ``prev`` (chunk rows holding those before them): a chunk
    border may cut a figure from the heading that says what it is of ("Generellt -
    implementering cybersäkerhetslagen 2026 …" | "… För 2026 beräknas en tillkommande kostnad om
    ca 24 miljoner kronor")."""
    out = {}
    for cid in lacking:
        p, row = prev.get(cid - 1), rows[cid]
        # the same document's text right before (chunk ids follow the text within a document)
        if p is not None and p["document_id"] == row["document_id"] and 0 <= row["start"] - p["end"] < 50:
            out[cid] = p["text"].lower()
    return out


def gather(store: Store, query: str, embedder: Embedder | None, filters: Filters, *, wide: int, limit: int,
           mode: Mode = "hybrid") -> tuple[list[Ranked], dict[int, Any], list[Term], int, Question]:
    """The candidates ``search`` orders, with their evidence: both sides fused (``rank``, for a
    search as wide as ``wide`` hits), the first of them and what the search inside the best
    documents found, each with its ``evidence``; their rows, the query's terms, the number of
    passages and what the query asks. bench/search_rerank.py fits the reranker on these."""
    # (what it asks read with its frame as spelled: "hur manga anvandare …" asks a count as "hur
    # många" does, ``plan.frame_spelled``)
    asked = read_question(frame_spelled(query), store.bodies())
    ranked, terms = rank(store, query, embedder, filters, candidates=max(100, wide * 5), mode=mode,
                         inside=INSIDE_DOCUMENTS, votes="vote" in asked.kinds, positions=asked.position)
    total = store.chunk_total()
    # the reranker sees the first candidates and what the search inside the best documents found
    depth = max(wide * 5, RERANK_DEPTH, limit)
    # (``inside`` stays on those only the second pass brought: shown as weak matches at most)
    # ... and each side's own first SIDE_FIRST, wherever the fusion put them: a passage the meaning
    # side ranks fourth and the keywords rank 200th ("Vem var ordförande i kommunfullmäktige i
    # Alingsås 2018?" and the page of who took part) fell below fifty candidates both sides found
    # at middling ranks, and the reranker, which weighs how close it is, never saw it
    ranked = ([replace(r, inside=False) if r.inside else r for r in ranked[:depth]]
              + [r for r in ranked[depth:] if r.inside or _side_first(r)])
    ranked, rows, question = evidence(store, query, ranked, terms, total, asked)
    return ranked, rows, terms, total, question


SIDE_FIRST = 5  # each side's first five are always judged (as many as recall@5 counts)


def _side_first(r: Ranked) -> bool:
    return any(x is not None and x < SIDE_FIRST for x in (r.dense_rank, r.keyword_rank))


def final_order(ranked: list[Ranked], model: Reranker | None, x: np.ndarray | None) -> list[Ranked]:
    """The hybrid order before abstention: the reranker's (``model`` over the candidates'
    features ``x``), its first places settled by rule (``order.settle``). bench/search_rerank.py
    scores a fit by this order, the one a user sees, not by the reranker's alone: the rules were
    tuned on top of the shipped weights."""
    return settle(rerank(ranked, model, x), KEYWORD_FULL)


def search(
    store: Store | Any, query: str, embedder: Embedder | None, *, municipality: str | None = None,
    committee: str | None = None, doc_type: str | None = None, party: str | None = None,
    year: int | None = None, year_from: int | None = None, year_to: int | None = None,
    sections: Sequence[str] | None = None, chunk_ids: Sequence[int] | None = None, limit: int = 10,
    mode: Mode = "hybrid", abstention: bool = True, breadth: int | None = None,
) -> list[Hit]:
    """The best passages for ``query`` that pass every filter, best first, each with its
    confidence ("high", or "weak" after all the high ones); [] when nothing is relevant.
    ``store``: a corpus Store (or a raw SQLite connection). ``breadth``: look as widely as a
    search for that many hits does (default ``limit``) and return up to ``limit`` of what it
    finds: the web page counts facets over 50 hits but ranks as the CLI's 10, the same first ten."""
    store = as_store(store)
    query = dated_query(query)  # "förra året": the year it is, as if typed
    if year is not None:
        year_from = year_to = year
    # a range that runs backwards holds no year: an error, not [] read as "nothing on it" (every
    # search, compare, cite and web search passes here)
    check_years(year_from, year_to)
    if party:
        ids = set(store.party_chunk_ids(party))
        chunk_ids = sorted(ids & set(chunk_ids) if chunk_ids is not None else ids)
    filters = store.resolve_filters(municipality=municipality, committee=committee, doc_type=doc_type,
                                    year_from=year_from, year_to=year_to, sections=sections, chunk_ids=chunk_ids)
    wide = limit if breadth is None else breadth
    ranked, rows, terms, total, question = gather(store, query, embedder, filters, wide=wide, limit=limit,
                                                  mode=mode)
    if mode == "hybrid":
        model = reranker_for(embedder.model_id) if embedder is not None else None
        x = candidate_features(ranked, rows, terms, total, question) if model is not None else None
        ranked = final_order(ranked, model, x)
    elif mode == "keyword":  # the numbers the question states (order.numbers_stated)
        ranked = numbers_stated(ranked)
    if abstention:
        cal = calibration_for(embedder.model_id) if embedder is not None else NO_CALIBRATION
        ranked = judge(ranked, cal, mode=mode)
    ranked = spread_tables(ranked, rows)  # a table's rows past its first two after the rest
    # the same text in several places is one hit that says where else it stands
    folded = fold_copies(ranked, rows_text(rows), limit, rows_matter(rows))
    # every hit's and copy's diarienummer asked at once (one round trip, not one per passage)
    dnrs = store.diarienummer_many([(rows[x.chunk_id]["document_id"], rows[x.chunk_id]["item"])
                                    for r, copies in folded for x in (r, *copies)])
    return [replace(make_hit(store, rows[r.chunk_id], r.score, terms, r.confidence or "high", dnrs),
                    also_in=tuple(copy_of(make_hit(store, rows[c.chunk_id], c.score, [], dnrs=dnrs))
                                  for c in copies))
            for r, copies in folded]


def copy_of(hit: Hit) -> HitCopy:
    return HitCopy(hit.chunk_id, hit.document_id, hit.source, hit.page, hit.citation)


def make_hit(store: Store, row: Any, score: float, terms: list[Term], confidence: Confidence = "high",
             dnrs: Mapping[tuple[int, str | None], tuple[str, ...]] | None = None) -> Hit:
    """``dnrs``: the diarienummer already asked for (``Store.diarienummer_many``), by (document, item)."""
    md = Metadata(title=row["title"], municipality=row["municipality"], committee=row["committee"],
                  doc_type=row["doc_type"], date=row["date"], org_kind=row["org_kind"], kind=row["kind"])
    key = (row["document_id"], row["item"])
    numbers = dnrs[key] if dnrs is not None and key in dnrs else store.diarienummer_for(*key)
    # a § of another body's protocol bundled in the document: cited as that body's protocol
    # extract in the document ("protokollsutdrag … i Stadsrevisionens revisionsrapport …")
    within = (replace(md, committee=row["doc_committee"], date=row["doc_date"])
              if row["item_committee"] else None)
    citation = format_citation(md, item=row["item"], page=row["page_start"], page_end=row["page_end"],
                               diarienummer=numbers, source=row["source"], within=within)
    return Hit(
        chunk_id=row["id"], document_id=row["document_id"], source=row["source"], text=row["text"],
        score=round(score, 4), page=row["page_start"], page_end=row["page_end"], item=row["item"],
        section=row["section"], start=row["start"], end=row["end"], citation=citation,
        metadata=replace(md, diarienummer=numbers),
        highlights=highlight_spans(row["text"], terms), confidence=confidence, within=within,
    )


def hits_for_chunks(store: Store | Any, chunk_ids: Sequence[int]) -> list[Hit]:
    """Hits for chunks picked by id (from an earlier `search --json`), in the order given."""
    store = as_store(store)
    rows = store.chunk_rows(list(chunk_ids))
    dnrs = store.diarienummer_many([(rows[c]["document_id"], rows[c]["item"]) for c in chunk_ids if c in rows])
    return [make_hit(store, rows[c], 0.0, [], dnrs=dnrs) for c in chunk_ids if c in rows]
