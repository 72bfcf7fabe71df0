"""Hybrid search: dense (sqlite-vec) and keywords (FTS5) fused by reciprocal rank, filtered,
and honest about having no good match.

Swedish on the keyword side: the FTS5 index keeps words whole (``unicode61
remove_diacritics 0``: å/ä/ö stay letters); the query is widened instead: each word becomes
a prefix query on its stem, and a long compound also matches its parts ("förskoleplatser"
-> förskol* AND plats*). Very common words are dropped from the keyword query (they rank
nothing and make big corpora slow).

Abstention: a chunk is shown only if its cosine similarity to the query clears a bar
calibrated for the model on the dev questions in bench/ (or, for the keyword-only mode, if
it holds most of the query's words). A query about something the corpus does not hold gets
an empty list rather than the least bad passages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from ..corpus import as_store
from ..corpus.base import Store
from ..corpus.index import Filters
from ..types import Hit, Metadata
from .cite import format_citation
from .embedder import Embedder

Mode = Literal["hybrid", "dense", "keyword"]

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-/.][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
STOPWORDS = frozenset(["alla", "allt", "att", "av", "blev", "bli", "blir", "blivit", "de", "dem", "den", "denna", "deras", "dess", "dessa", "det", "detta", "dig", "din", "dina", "ditt", "du", "där", "då", "efter", "ej", "eller", "en", "er", "era", "ert", "ett", "från", "för", "ha", "hade", "han", "hans", "har", "henne", "hennes", "hon", "honom", "hur", "här", "i", "icke", "ingen", "inom", "inte", "jag", "ju", "kan", "kunde", "man", "med", "mellan", "men", "mig", "min", "mina", "mitt", "mot", "mycket", "ni", "nu", "när", "någon", "något", "några", "och", "om", "oss", "på", "samma", "sedan", "sig", "sin", "sina", "sitta", "själv", "skulle", "som", "så", "sådan", "sådana", "sådant", "till", "under", "upp", "ut", "utan", "vad", "var", "vara", "varför", "varit", "varje", "vars", "vart", "vem", "vi", "vid", "vilka", "vilkas", "vilken", "vilket", "vår", "våra", "vårt", "än", "är", "åt", "över", "finns", "fanns", "ska", "få", "gör", "göra", "gjorde", "sagt", "säger", "sa", "vilken", "hos", "ger", "gav"])
# longest first; a stem keeps at least MIN_STEM letters. Derivations (-het, -ning) stay:
# "trygghet" is not "trygg", and "lägenheter" must not become "lägen"
_SUFFIXES = tuple(sorted(["arnas", "ernas", "ornas", "andet", "andes", "arna", "erna", "orna", "ande", "ende", "aste", "are", "ast", "ens", "ets", "ars", "ers", "ors", "en", "et", "ar", "er", "or", "an", "na", "as", "es", "a", "e", "s", "n"], key=len, reverse=True))
MIN_STEM = 4


def words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def stem(word: str) -> str:
    """A crude Swedish stem: the longest listed suffix removed, keeping ``MIN_STEM`` letters."""
    if not word.isalpha():
        return word
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= MIN_STEM:
            return word[: -len(suf)]
    return word


@dataclass(frozen=True)
class Term:
    word: str
    stem: str
    parts: tuple[str, ...] = ()  # stems of compound parts, when the word was split


def query_terms(query: str) -> list[Term]:
    seen: set[str] = set()
    out = []
    for w in words(query):
        if w in STOPWORDS or len(w) < 2 or w in seen:
            continue
        seen.add(w)
        out.append(Term(w, stem(w)))
    return out


# endings a compound part may carry when it stands alone ("förskole|platser" -> "förskolan")
_PART_ENDINGS = ("", "a", "an", "en", "n", "et", "er", "ar", "or", "na", "erna", "arna")


def compound_candidates(word: str) -> list[tuple[str, str, list[str], list[str]]]:
    """Every two-way split of ``word``: (head, tail, head word forms, tail word forms) to look up."""
    out = []
    for i in range(MIN_STEM, len(word) - MIN_STEM + 1):
        head, tail = word[:i], word[i:]
        # a linking -s- ("arbetsmarknad|s|konsulent") or a head's -e/-a/-o ("förskol|e|plats")
        bases = {head} | ({head[:-1]} if head[-1] in "seao" and len(head) > MIN_STEM else set())
        heads = sorted({b + e for b in bases for e in _PART_ENDINGS})
        tails = sorted({tail} | {stem(tail) + e for e in _PART_ENDINGS if len(stem(tail)) >= MIN_STEM})
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
        h_stem = stem(h_word) if len(stem(h_word)) >= MIN_STEM else h_word
        if best is None or score > best[0]:
            best = (score, (h_stem, stem(tail)))
    return best[1] if best else ()


def highlight_spans(text: str, terms: list[Term]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` holding a word that starts with one of the query stems or parts."""
    stems = sorted({t.stem for t in terms} | {p for t in terms for p in t.parts}, key=len, reverse=True)
    if not stems:
        return ()
    pat = re.compile(r"(?<![\wÅÄÖåäö])(?:" + "|".join(re.escape(s) for s in stems) + r")[\wÅÄÖåäö]*",
                     re.IGNORECASE)
    return tuple((m.start(), m.end()) for m in pat.finditer(text))


# ---- the query ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Calibration:
    """Cosine-similarity bars for one embedding model (bench/search_eval.py --calibrate)."""

    min_similarity: float  # the best passage must reach this, else the answer is "no good match"
    keyword_similarity: float  # then a passage that is also a keyword hit is shown from this bar ...
    margin: float  # ... and a passage found by meaning alone if it is this close to the best one
    keyword_weight: float = 1.5  # weight of the keyword list in the fusion (dense: 1.0)


# Calibrated on bench/questions.json + the gold search-pairs (54 answerable, 12 unanswerable
# questions, docs/benchmarks.md, Search): the best similarity of an answerable question was never
# below 0.867 with e5 (unanswerable: at most 0.863); the static "fast" model separates
# less well: its bar answers 89% of answerable and abstains on 11 of 12 unanswerable ones.
CALIBRATIONS: dict[str, Calibration] = {
    "multilingual-e5-small-static": Calibration(0.46, 0.35, 0.05, keyword_weight=2.0),
    "multilingual-e5-small": Calibration(0.865, 0.84, 0.03),
}
RRF_K = 60
DENSE_WEIGHT = 1.0  # reciprocal-rank weights of the two sides (bench/search_eval.py)
KEYWORD_WEIGHT = 1.5
NO_CALIBRATION = Calibration(-1.0, -1.0, 2.0, KEYWORD_WEIGHT)  # unknown model: keep what ranks
COMMON_SHARE = 0.05  # keyword terms in more than this share of chunks are dropped
SPLIT_BELOW = 5  # a query word in fewer chunks than this is also looked for in parts
KEYWORD_COVERAGE = 0.5  # keyword-only mode: share of query words a shown passage must hold


def calibration_for(model_id: str) -> Calibration:
    for key, cal in CALIBRATIONS.items():
        if key in model_id:
            return cal
    return NO_CALIBRATION


@dataclass(frozen=True)
class Ranked:
    """One candidate with the evidence behind its rank (what bench and --explain show)."""

    chunk_id: int
    score: float  # fused reciprocal-rank score, 1.0 = first on both lists
    similarity: float | None  # cosine similarity to the query (None in keyword-only mode)
    dense_rank: int | None
    keyword_rank: int | None


def keyword_plan(store: Store, query: str) -> list[Term]:
    """The query's terms, with compound parts where a word is rare; common words dropped."""
    terms = query_terms(query)
    total = store.chunk_total()
    counts: dict[str, int] = {}

    def df(s: str) -> int:
        if s not in counts:
            counts[s] = store.prefix_doc_count(s)
        return counts[s]

    planned = []
    for t in terms:
        # a word the corpus (nearly) lacks may still be there in parts: "platser i förskolan"
        rare = df(t.stem) < SPLIT_BELOW
        parts = split_compound(t.word, store.term_doc_counts) if rare else ()
        planned.append(Term(t.word, t.stem, parts))
    if total >= 50:
        kept = [t for t in planned if df(t.stem) <= COMMON_SHARE * total or t.parts]
        planned = kept or planned
    return planned


def rank(
    store: Store, query: str, embedder: Embedder | None, filters: Filters, *, candidates: int = 50,
    mode: Mode = "hybrid",
) -> tuple[list[Ranked], list[Term]]:
    """All candidates of both sides, fused, best first (no abstention yet)."""
    terms = keyword_plan(store, query)
    dense: list[tuple[int, float]] = []
    if mode != "keyword":
        if embedder is None:
            raise ValueError("dense and hybrid search need an embedder")
        rec = store.check_model(embedder.model_id, embedder.dimensions)
        if rec is not None:
            qv = np.asarray(embedder.embed([query], kind="query"), dtype=np.float32)[0]
            dense = store.knn(qv, candidates, filters)
    kw = store.keyword(terms, candidates, filters) if mode != "dense" else []
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
    return fused, terms


def abstain(ranked: list[Ranked], cal: Calibration, *, mode: Mode, coverage: Callable[[int], float]) -> list[Ranked]:
    """Drop what is not a good match; everything when even the best passage is not one."""
    if mode == "keyword":
        return [r for r in ranked if coverage(r.chunk_id) >= KEYWORD_COVERAGE]
    best = max((r.similarity for r in ranked if r.similarity is not None), default=None)
    if best is None or best < cal.min_similarity:
        # short keyword-like queries ("reservation budget") score low on meaning; a passage
        # holding every query word is still a good match
        return [r for r in ranked if r.keyword_rank is not None and coverage(r.chunk_id) >= 1.0]
    keep = []
    for r in ranked:
        s = r.similarity if r.similarity is not None else -1.0
        if (r.keyword_rank is not None and s >= cal.keyword_similarity) or s >= best - cal.margin:
            keep.append(r)
    return keep


def search(
    store: Store | Any, query: str, embedder: Embedder | None, *, municipality: str | None = None,
    committee: str | None = None, doc_type: str | None = None, party: str | None = None,
    year: int | None = None, year_from: int | None = None, year_to: int | None = None,
    sections: Sequence[str] | None = None, chunk_ids: Sequence[int] | None = None, limit: int = 10,
    mode: Mode = "hybrid", abstention: bool = True,
) -> list[Hit]:
    """The best passages for ``query`` that pass every filter, best first; [] when none is good.
    ``store``: a corpus Store (or a raw SQLite connection)."""
    store = as_store(store)
    if year is not None:
        year_from = year_to = year
    if party:
        ids = set(store.party_chunk_ids(party))
        chunk_ids = sorted(ids & set(chunk_ids) if chunk_ids is not None else ids)
    filters = store.resolve_filters(municipality=municipality, committee=committee, doc_type=doc_type,
                                    year_from=year_from, year_to=year_to, sections=sections, chunk_ids=chunk_ids)
    ranked, terms = rank(store, query, embedder, filters, candidates=max(100, limit * 5), mode=mode)
    rows = store.chunk_rows([r.chunk_id for r in ranked[: max(limit * 5, 50)]])
    if abstention:
        def coverage(cid: int) -> float:
            # the words of the passage and of its context (the § title), as the keyword index has them
            text = (rows[cid]["text"] + "\n" + rows[cid]["context"]).casefold() if cid in rows else ""
            return sum(t.stem in text or (bool(t.parts) and all(p in text for p in t.parts)) for t in terms) / max(len(terms), 1)

        cal = calibration_for(embedder.model_id) if embedder is not None else NO_CALIBRATION
        ranked = abstain(ranked, cal, mode=mode, coverage=coverage)
    return [make_hit(store, rows[r.chunk_id], r.score, terms) for r in ranked[:limit] if r.chunk_id in rows]


def make_hit(store: Store, row: Any, score: float, terms: list[Term]) -> Hit:
    md = Metadata(title=row["title"], municipality=row["municipality"], committee=row["committee"],
                  doc_type=row["doc_type"], date=row["date"])
    dnrs = store.diarienummer_for(row["document_id"], row["item"])
    citation = format_citation(md, item=row["item"], page=row["page_start"], page_end=row["page_end"],
                               diarienummer=dnrs, source=row["source"])
    return Hit(
        chunk_id=row["id"], document_id=row["document_id"], source=row["source"], text=row["text"],
        score=round(score, 4), page=row["page_start"], page_end=row["page_end"], item=row["item"],
        section=row["section"], start=row["start"], end=row["end"], citation=citation,
        metadata=Metadata(md.title, md.municipality, md.committee, md.doc_type, md.date, dnrs),
        highlights=highlight_spans(row["text"], terms),
    )


def hits_for_chunks(store: Store | Any, chunk_ids: Sequence[int]) -> list[Hit]:
    """Hits for chunks picked by id (from an earlier `search --json`), in the order given."""
    store = as_store(store)
    rows = store.chunk_rows(list(chunk_ids))
    return [make_hit(store, rows[c], 0.0, []) for c in chunk_ids if c in rows]


# ---- evaluation ---------------------------------------------------------------------------

def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    ws = words(text)
    return {tuple(ws[i:i + n]) for i in range(max(len(ws) - n + 1, 1))}


def is_answer(hit: Hit, doc: str, passage: str) -> bool:
    """A hit answers a question if it is in the gold document and shares a run of six words
    (all of them, if fewer) with the gold passage (chunk borders need not match the gold passage's)."""
    # the gold document by its name without extension: "kf-2023-01-26.txt" is also the ingested .pdf
    stem = re.sub(r"\.(txt|pdf|md)$", "", doc, flags=re.IGNORECASE)
    if stem and stem not in hit.source.replace("\\", "/"):
        return False
    n = min(6, len(words(passage)))
    return n > 0 and bool(_shingles(hit.text, n) & _shingles(passage, n))


def evaluate(
    store: Store | Any, embedder: Embedder | None, questions: Sequence[dict[str, Any]], *,
    modes: Sequence[Mode] = ("keyword", "dense", "hybrid"), k: int = 10,
) -> dict[str, dict[str, float]]:
    """recall@1, recall@5 and MRR@k per mode over questions {q, doc, passage}; questions with
    ``"answerable": false`` measure abstention instead (share answered with an empty list)."""
    store = as_store(store)
    out: dict[str, dict[str, float]] = {}
    pos = [q for q in questions if q.get("answerable", True)]
    neg = [q for q in questions if not q.get("answerable", True)]
    for mode in modes:
        r1 = r5 = mrr = 0.0
        wrongly_silent = 0
        for q in pos:
            ranked = search(store, q["q"], embedder, mode=mode, limit=k, abstention=False)
            first = next((i for i, h in enumerate(ranked) if is_answer(h, q.get("doc", ""), q["passage"])), None)
            if first is not None:
                r1 += first == 0
                r5 += first < 5
                mrr += 1.0 / (first + 1)
            if not search(store, q["q"], embedder, mode=mode, limit=1):
                wrongly_silent += 1
        silent = sum(not search(store, q["q"], embedder, mode=mode, limit=1) for q in neg)
        n = max(len(pos), 1)
        out[mode] = {"questions": len(pos), "recall@1": r1 / n, "recall@5": r5 / n, "mrr": mrr / n,
                     "answered_when_answerable": 1 - wrongly_silent / n,
                     "abstained_when_unanswerable": silent / max(len(neg), 1) if neg else float("nan")}
    return out
