"""The keyword side of the PostgreSQL search index: chunks' words in a ``tsvector`` (GIN),
ranked by BM25, and the word statistics the query planner asks for (``pg_index.py`` holds
the vectors, the filters and the session cache).

The index holds the words as written, case-folded (``to_tsvector('simple', …)``, GIN); the
query is the one the SQLite side runs through FTS5 (``keywords.py``) — each word's crude stem
(search/hybrid.py) as a prefix, a split compound by all its parts — and the ranking is FTS5's
BM25 (text 1.0, § title 0.5), so both backends answer alike.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .index import Filters
from .keywords import MIN_STEM, as_prefix
from .pg_index import COUNT_BELOW, TOKEN, cached, estimate, filtered_rows, filters_where, forget
from .pg_store import C

TEXT_WEIGHTS = "{0, 0, 0.5, 1.0}"  # ts_rank weights D, C, B (the § title), A (the text)
K1, B = 1.2, 0.75  # BM25, as SQLite's FTS5 computes it
RERANK = 4  # keyword candidates ranked cheaply per one scored exactly (BM25 reads each row's words)
PRESELECT = 20_000  # passages a question's keyword side ranks at most, about (see _preselection)


Word = tuple[str, bool]  # a word and whether it is a prefix
# what BM25 counts as one (FTS5's phrase): one word, or words in a row ("e-tjänst": 'e' then a
# word starting 'tjänst'), the last of them maybe a prefix
Phrase = tuple[Word, ...]


def _phrases(terms: Sequence[Any]) -> tuple[str, list[tuple[int, Phrase]]]:
    """A tsquery (text for to_tsquery('simple', …)) of the query terms and the phrases BM25
    counts, each with the number of its alternative — the same query ``keywords.fts_query`` gives
    FTS5: each word's stem as a prefix (a short word whole), or all the parts of a split compound.
    As in FTS5's query, an alternative written twice is one, but a phrase in two alternatives is
    counted in each (a part two compounds share), and the parts of a compound count only in
    passages holding all of them (FTS5 scores the phrases of an AND that matched only)."""
    groups = _term_queries(terms)
    alts = list(dict.fromkeys(alt for _, term_alts in groups for alt in term_alts))
    return (" | ".join(q for q, _ in groups),
            [(i, p) for i, (_, ps) in enumerate(alts) for p in ps])


def _phrase_query(words: Sequence[str], prefix: bool) -> tuple[str, Phrase]:
    """A tsquery of words in a row (the last a prefix or not) and the phrase BM25 counts."""
    return (" <-> ".join(f"'{w}'" for w in words) + (":*" if prefix else ""),
            tuple((w, prefix and i == len(words) - 1) for i, w in enumerate(words)))


def _term_queries(terms: Sequence[Any]) -> list[tuple[str, list[tuple[str, tuple[Phrase, ...]]]]]:
    """Per query term: its tsquery (its forms OR-ed) and its alternatives, each its tsquery and
    its phrases: the word (its words in a row), the AND of a compound's parts, another form."""
    groups: list[tuple[str, list[tuple[str, tuple[Phrase, ...]]]]] = []
    for t in terms:
        alts: list[tuple[str, tuple[Phrase, ...]]] = []
        prefix = as_prefix(t)
        words = TOKEN.findall((t.stem if prefix else t.word).lower())
        if words:
            q, phrase = _phrase_query(words, prefix)
            alts.append((q, (phrase,)))
        parts = [p for part in t.parts for p in TOKEN.findall(part.lower())]
        if parts:
            alts.append(("(" + " & ".join(f"'{p}':*" for p in parts) + ")", tuple(((p, True),) for p in parts)))
        # other forms of the word (search/hybrid.py: typo repair) and a party's code for its name
        extra = [(a, len(a) >= MIN_STEM) for a in getattr(t, "alts", ())]
        extra += [(w, False) for w in getattr(t, "whole", ())]  # other words, whole ("start" for "startade")
        if getattr(t, "party", None):  # "Vänsterpartiet" is "(V)" in a protocol
            extra.append((t.party.casefold(), False))
        for word, pre in extra:
            ws = TOKEN.findall(word.lower())
            if ws:  # a form of several words ("e-tjänst") is those words in a row, as FTS5 reads it
                q, phrase = _phrase_query(ws, pre)
                alts.append((q, (phrase,)))
        alts = list(dict.fromkeys(alts))
        if alts:
            groups.append(("(" + " | ".join(q for q, _ in alts) + ")", alts))
    return groups


def keyword(conn: Any, terms: Sequence[Any], k: int, f: Filters) -> list[tuple[int, float]]:
    """(chunk_id, BM25 score, higher is better) of the best keyword matches of the query terms.

    The GIN index finds the chunks; ``ts_rank`` (idf-weighted, length-normalised) keeps the
    best ``RERANK * k`` of them cheaply; those are scored by BM25 from their words and
    positions (text 1.0, § title 0.5, k1 1.2, b 0.75), as FTS5's bm25() does. Only the words
    that start with a query word are paired with the query's words (``^@``: an exact word starts
    with itself): the pairing tested every word of 400 passages against every query word (at 1M
    passages, keyword side p50 41 -> 27 ms, p95 97 -> 64 ms, the same scores)."""
    if f.empty or not terms:
        return []
    match, counted = _phrases(terms)
    if not counted:
        return []
    total = max(estimate(conn, "chunks", "SELECT count(*) FROM chunks"), 1)
    idf = []
    held: dict[Phrase, int] = {}
    for _, phrase in counted:
        if phrase not in held:
            held[phrase] = _phrase_chunks(conn, phrase, total)
        n = held[phrase]
        v = math.log((total - n + 0.5) / (n + 0.5))
        idf.append(v if v > 0 else 1e-6)
    phrases = [p for _, p in counted]
    alt_of = [a for a, _ in counted]
    alt_size = [alt_of.count(a) for a in alt_of]
    match = _preselection(conn, _term_queries(terms), held, total, f) or match
    avg = _avg_tokens(conn, total)
    where, args = filters_where(f, "c.", "id")
    found, found_args = "c.tsv @@ to_tsquery('simple', %s)", [match]
    qualified = _municipality_query(conn, match, f)
    if qualified:  # the GIN walks the filter's municipalities' words only
        found, found_args = "namndkoll_municipality_words(c.municipality, c.tsv) @@ %s::tsquery", [qualified]
        if "<" in qualified:  # those words have no positions (no phrase matches there): their
            # index finds the passages with all of a phrase's words, the passage's own words the phrase
            found_args = [re.sub(r"<\d*-?>", "&", qualified)]
            found += " AND ts_match_vq(c.tsv, to_tsquery('simple', %s))"  # (not through its index)
            found_args.append(match)
    pre = " + ".join(f"{w!r} * ts_rank('{TEXT_WEIGHTS}', c.tsv, to_tsquery('simple', %s), 1)" for w in idf)
    pre_args = [_phrase_query([w for w, _ in p], p[-1][1])[0] for p in phrases]
    # the phrases' words, one row each: the phrase's number, the word's place in it, its length
    toks = [(i, j, len(p), w, pre) for i, p in enumerate(phrases, 1) for j, (w, pre) in enumerate(p)]
    words = list(dict.fromkeys(w for *_, w, _ in toks))
    # a phrase occurs where its words stand one after the other in one column (the same weight);
    # each occurrence is counted (text 1.0, § title 0.5), and a phrase counts where every phrase
    # of its alternative occurs (the parts of a compound)
    rows = conn.execute(
        "WITH cand AS (SELECT c.id, c.tsv, c.ntokens FROM (SELECT c.id, c.tsv || ''::tsvector AS tsv, c.ntokens"
        " FROM chunks c WHERE " + found
        + "".join(f" AND {w}" for w in where) + f" OFFSET 0) c ORDER BY {pre} DESC, c.id LIMIT %s),"
        " ph AS (SELECT * FROM unnest(%s::float8[], %s::int[], %s::int[]) WITH ORDINALITY AS p(idf, alt, size, i)),"
        " tok AS (SELECT * FROM unnest(%s::int[], %s::int[], %s::int[], %s::text[], %s::bool[])"
        "         AS t(i, j, n, pat, pre)),"
        " occ AS (SELECT cand.id, tok.i, o.pos - tok.j AS at, o.w, count(DISTINCT tok.j) = max(tok.n) AS whole"
        "   FROM cand CROSS JOIN LATERAL (SELECT * FROM unnest(cand.tsv) x WHERE x.lexeme ^@ ANY(%s::text[])) u"
        "   CROSS JOIN LATERAL unnest(u.positions, u.weights) o(pos, w)"
        "   JOIN tok ON CASE WHEN tok.pre THEN starts_with(u.lexeme, tok.pat) ELSE u.lexeme = tok.pat END"
        "   GROUP BY cand.id, tok.i, o.pos - tok.j, o.w),"
        " tf AS (SELECT occ.id, ph.i, ph.idf, ph.alt, ph.size, sum(CASE occ.w WHEN 'A' THEN 1.0 ELSE 0.5 END) AS tf"
        "   FROM occ JOIN ph ON ph.i = occ.i WHERE occ.whole GROUP BY occ.id, ph.i, ph.idf, ph.alt, ph.size),"
        " whole AS (SELECT tf.*, cand.ntokens, count(*) OVER (PARTITION BY tf.id, tf.alt) AS found"
        "   FROM tf JOIN cand ON cand.id = tf.id)"
        f" SELECT id, sum(idf * tf * {K1 + 1} / (tf + {K1} * ({1 - B} + {B} * ntokens / %s::float8))) AS r"
        " FROM whole WHERE found = size GROUP BY id ORDER BY r DESC, id LIMIT %s",
        [*found_args, *args, *pre_args, RERANK * k, idf, alt_of, alt_size,
         [t[0] for t in toks], [t[1] for t in toks], [t[2] for t in toks], [t[3] for t in toks], [t[4] for t in toks],
         words, avg, k],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


MUNICIPALITY_WORDS_UP_TO = 8  # municipalities a filter names for which their own words are searched


def _municipality_query(conn: Any, match: str, f: Filters) -> str | None:
    """The tsquery over the words qualified by municipality (``'Lund|bygg':*``, migration 0013)
    that finds what ``match`` finds in the filter's municipalities, or None: no municipality
    filter (or a long list), or a corpus without that index. The words are normalised by the
    server's ``to_tsquery`` as the plain query is, so both find the same passages."""
    munis = f.municipalities
    if not munis or len(munis) > MUNICIPALITY_WORDS_UP_TO or not cached(conn, "municipality_words", lambda: bool(
            conn.execute("SELECT to_regclass('chunks_municipality_words')").fetchone()[0])):
        return None
    text = conn.execute("SELECT to_tsquery('simple', %s)::text", (match,)).fetchone()[0]
    if not text:
        return None
    lexeme = re.compile(r"'((?:[^'\\]|''|\\.)*)'")  # a quoted lexeme of tsquery's output
    parts = []
    for m in sorted(munis):
        m_esc = m.replace("\\", "\\\\").replace("'", "''")
        parts.append("(" + lexeme.sub(_qualified(m_esc), text) + ")")
    return " | ".join(parts)


def _qualified(municipality: str) -> Callable[[re.Match[str]], str]:
    """A tsquery lexeme ``'bygg'`` as the same word of ``municipality`` (``'Lund|bygg'``)."""
    return lambda x: f"'{municipality}|{x.group(1)}'"


def _preselection(conn: Any, groups: Sequence[tuple[str, list[tuple[str, tuple[Phrase, ...]]]]],
                  held: dict[Phrase, int], total: int, f: Filters) -> str | None:
    """The tsquery that finds the candidates when all the query's words would find more than
    ``PRESELECT`` passages (under the filter, estimated): the rarest words', as many as stay
    under it (at least one). None: all the words.

    Ranking reads every candidate's words, so on a big corpus one common word (one passage in
    50) made the ranking read tens of thousands of passages; a passage that holds none of the
    rarer words seldom ranks among the best, and every candidate is still scored on all the
    words. A different candidate set on a big corpus only (below ``PRESELECT`` matches nothing
    changes)."""
    counts = [sum(held.get(p, 0) for _, ps in alts for p in ps) for _, alts in groups]
    if len(groups) < 2 or sum(counts) <= PRESELECT:
        return None
    rows = filtered_rows(conn, f)
    share = min(1.0, rows / total) if rows is not None else 1.0
    if sum(counts) * share <= PRESELECT:
        return None
    kept: set[int] = set()
    found = 0.0
    for i in sorted(range(len(groups)), key=lambda i: counts[i]):
        if kept and found + counts[i] * share > PRESELECT:
            break
        kept.add(i)
        found += counts[i] * share
    return " | ".join(alt for i, (alt, _) in enumerate(groups) if i in kept)


def _phrase_chunks(conn: Any, phrase: Phrase, total: int) -> int:
    """Chunks holding the phrase (a word, or a word starting with it; words in a row): counted
    through the GIN index on a small corpus, as FTS5 counts them; from the word statistics on a
    big one (words in a row: the rarest word's count, which holds them all at most)."""
    if total <= STATS_FROM:
        return cached(conn, ("phrase", phrase), lambda: int(conn.execute(  # type: ignore[no-any-return]
            "SELECT count(*) FROM chunks WHERE tsv @@ to_tsquery('simple', %s)",
            (_phrase_query([w for w, _ in phrase], phrase[-1][1])[0],)).fetchone()[0]))
    return min(prefix_doc_count(conn, word) if prefix else term_doc_counts(conn, [word]).get(word, 0)
               for word, prefix in phrase)


def _avg_tokens(conn: Any, total: int) -> float:
    def avg() -> float:
        if total > STATS_FROM:
            row = conn.execute("SELECT value FROM corpus_info WHERE key = 'pg_avg_tokens'").fetchone()
            if row:
                return float(row[0])
        return float(conn.execute("SELECT coalesce(avg(ntokens), 1) FROM chunks").fetchone()[0] or 1)

    return cached(conn, "avg_tokens", avg)  # type: ignore[no-any-return]


STATS_FROM = COUNT_BELOW  # chunks from which word statistics come from term_stats (see optimize)


def _stats_table(conn: Any) -> str:
    """term_stats on a big corpus once optimize() has filled it, else the per-document rows."""
    def which() -> str:
        if estimate(conn, "chunks", "SELECT count(*) FROM chunks") > STATS_FROM and conn.execute(
                "SELECT 1 FROM term_stats LIMIT 1").fetchone():
            return "term_stats"
        return "chunk_terms"

    return cached(conn, "stats_table", which)  # type: ignore[no-any-return]


def term_doc_counts(conn: Any, terms: Iterable[str]) -> dict[str, int]:
    """How many chunks hold each exact word."""
    ts = sorted(set(terms))
    if not ts:
        return {}
    table = _stats_table(conn)
    return cached(conn, ("terms", tuple(ts)), lambda: {r[0]: int(r[1]) for r in conn.execute(  # type: ignore[no-any-return]
        f"SELECT term, sum(chunks) FROM {table} WHERE term = ANY(%s) GROUP BY term", (ts,))})


def prefix_doc_count(conn: Any, prefix: str) -> int:
    """Chunks holding any word that starts with ``prefix`` (an upper bound: summed per word)."""
    def count() -> int:
        row = conn.execute(f"SELECT coalesce(sum(chunks), 0) FROM {_stats_table(conn)} WHERE term >= %s AND term < %s",
                           (prefix, prefix + "\uffff")).fetchone()
        return int(row[0])

    return cached(conn, ("prefix", prefix), count)  # type: ignore[no-any-return]


def optimize(conn: Any) -> None:
    """After a batch of writes: sum the word statistics into term_stats (on a big corpus) and
    refresh the planner's statistics. One at a time (an advisory lock); others skip it.

    All in one transaction, the lock the transaction's: behind PgBouncer in transaction mode a
    session's lock, taken by one statement and released by a later one, stayed on the server
    connection that took it when the release ran on another, and every other writer's refresh
    was skipped while that server connection lived."""
    try:
        with conn.transaction():
            if not conn.execute("SELECT pg_try_advisory_xact_lock(hashtext('namndkoll.optimize'))").fetchone()[0]:
                return
            if estimate(conn, "chunks", "SELECT count(*) FROM chunks") > STATS_FROM / 2:
                conn.execute("DELETE FROM term_stats")
                conn.execute("INSERT INTO term_stats (term, chunks) SELECT term, sum(chunks) FROM chunk_terms"
                             " GROUP BY term")
                conn.execute("INSERT INTO corpus_info (key, value) SELECT 'pg_avg_tokens', avg(ntokens)::text FROM chunks"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
            for table in ("chunks", "chunk_vectors", "chunk_terms", "term_stats", "documents"):
                conn.execute(f"ANALYZE {table}")
    finally:
        forget(conn)


def vocabulary(conn: Any, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
    """(word, chunks holding it) of the indexed words starting with ``prefix``."""
    return [(r[0], int(r[1])) for r in conn.execute(
        f"SELECT term, sum(chunks) FROM {_stats_table(conn)} WHERE term >= %s AND term < %s GROUP BY term"
        f" ORDER BY term{C} LIMIT %s", (prefix, prefix + "\uffff", limit))]


def document_mentions(conn: Any, document_id: int, names: Sequence[str]) -> bool:
    """Whether a passage of the document names any of ``names``, as a word or the start of one
    ("Göteborg" finds "Göteborgs"; ``keywords.document_mentions``)."""
    words = [r"\s+".join(re.escape(w) for w in re.findall(r"\w+", n.casefold())) for n in names]
    words = [w for w in dict.fromkeys(words) if w]
    if not words:
        return False
    return conn.execute(
        "SELECT 1 FROM chunks WHERE document_id = %s AND lower(text) ~ %s LIMIT 1",
        (document_id, r"\m(" + "|".join(words) + ")")).fetchone() is not None
