"""The search index in PostgreSQL: chunks with a ``tsvector`` (GIN), vectors in
pgvector with an HNSW index (cosine), the word statistics the query planner asks for.

Keywords: the index holds the words as written, case-folded (``to_tsvector('simple', …)``,
GIN); the query is the one the SQLite side runs through FTS5 — each word's crude stem
(search/hybrid.py) as a prefix, a split compound by all its parts — and the ranking is FTS5's
BM25 (text 1.0, § title 0.5), so both backends answer alike.

Vectors: ``embedding::vector(N)`` is indexed with HNSW once the model (N) is known; filters
are in the same table and applied inside the index scan (pgvector's iterative scan keeps
going until ``k`` rows pass them). A small corpus, or a search within given chunks, is answered
exactly by a scan, as the SQLite backend does.
"""

from __future__ import annotations

import contextlib
import math
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from psycopg import sql
from psycopg.rows import dict_row

from ..types import Chunk
from .index import Filters, ModelRecord

HNSW_INDEX = "chunk_vectors_hnsw"
# HNSW: graph degree and build effort, candidates kept per search (at least k). Measured on
# 100k replicated chunks (bench/scale.py, docs/scaling.md): m 16 / ef_construction 64 built in
# 29 s but found 0.89 of the exact top 10 at ef_search 100 (0.92 at 200); m 32 / 128 built in
# 134 s and found 0.998 at ef_search 200 (17 ms a query against 10).
HNSW_M, HNSW_EF_CONSTRUCTION = 32, 128
EF_SEARCH = 200
MIN_STEM = 4  # as search.hybrid: a shorter word is matched whole, not as a prefix
TEXT_WEIGHTS = "{0, 0, 0.5, 1.0}"  # ts_rank weights D, C, B (the § title), A (the text)
_TOKEN = re.compile(r"[^\W_]+")  # a word as FTS5's unicode61 tokenizer sees it


# ---- the session ----------------------------------------------------------------------------

# Figures a search asks for that change slowly (row counts, word statistics, the model):
# kept per connection for CACHE_S seconds, forgotten when this connection writes. A search is
# some 15 round trips fewer; another writer's documents count here a few seconds later.
CACHE_S = 10.0
_cache: dict[tuple[int, Any], tuple[float, Any]] = {}


WORD_CACHE_S = 1.0  # a word's counts: for the several asks of one query, not across queries


def cached(conn: Any, key: Any, make: Any) -> Any:
    now = time.monotonic()
    hit = _cache.get((id(conn), key))
    ttl = WORD_CACHE_S if isinstance(key, tuple) and key[0] in ("prefix", "terms", "phrase") else CACHE_S
    if hit is not None and now - hit[0] < ttl:
        return hit[1]
    value = make()
    if len(_cache) > 50_000:
        _cache.clear()
    _cache[(id(conn), key)] = (now, value)
    return value


def forget_key(conn: Any, key: Any) -> None:
    _cache.pop((id(conn), key), None)


def forget(conn: Any) -> None:
    """After this connection wrote (or closes): nothing cached for it holds any more."""
    for k in [k for k in _cache if k[0] == id(conn)]:
        del _cache[k]


def session_settings(conn: Any) -> None:
    """For every search on this connection: HNSW keeps ``EF_SEARCH`` candidates, and with
    filters goes on scanning the graph until enough rows pass them (pgvector >= 0.8)."""
    conn.execute(sql.SQL("SET hnsw.ef_search = {}").format(sql.Literal(EF_SEARCH)))
    conn.execute("SET hnsw.iterative_scan = relaxed_order")


# ---- the model record ---------------------------------------------------------------------

def get_model(conn: Any) -> ModelRecord | None:
    rec = cached(conn, "model", lambda: _get_model(conn))
    if rec is None:  # not recorded yet: another writer (a cluster worker) may record it any moment
        forget_key(conn, "model")
    return rec  # type: ignore[no-any-return]


def _get_model(conn: Any) -> ModelRecord | None:
    row = conn.execute("SELECT model_id, dimensions, center FROM embedding_model WHERE id = 1").fetchone()
    if row is None:
        return None
    center = np.frombuffer(row[2], dtype=np.float32).copy() if row[2] else None
    return ModelRecord(row[0], int(row[1]), center)


def set_model(conn: Any, model_id: str, dimensions: int) -> None:
    """Record the model and make the HNSW index for its dimension (in a transaction). Two
    writers starting at once: the first records it, the second finds it recorded."""
    conn.execute("LOCK TABLE embedding_model IN EXCLUSIVE MODE")
    if conn.execute("SELECT 1 FROM embedding_model WHERE id = 1").fetchone():
        return
    conn.execute("INSERT INTO embedding_model (id, model_id, dimensions) VALUES (1, %s, %s)",
                 (model_id, int(dimensions)))
    _create_hnsw(conn, int(dimensions))


def _create_hnsw(conn: Any, dims: int, m: int = HNSW_M, ef_construction: int = HNSW_EF_CONSTRUCTION) -> None:
    conn.execute(sql.SQL(
        "CREATE INDEX IF NOT EXISTS {} ON chunk_vectors USING hnsw ((embedding::vector({})) vector_cosine_ops)"
        " WITH (m = {}, ef_construction = {})").format(
            sql.Identifier(HNSW_INDEX), sql.Literal(dims), sql.Literal(m), sql.Literal(ef_construction)))


def build_hnsw(conn: Any, *, m: int = HNSW_M, ef_construction: int = HNSW_EF_CONSTRUCTION,
               memory: str | None = None) -> float:
    """Drop and build the HNSW index over every vector in one pass; the seconds it took."""
    rec = get_model(conn)
    if rec is None:
        return 0.0
    t0 = time.perf_counter()
    conn.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
    if memory:
        conn.execute(sql.SQL("SET maintenance_work_mem = {}").format(sql.Literal(memory)))
    _create_hnsw(conn, rec.dimensions, m, ef_construction)
    conn.execute("ANALYZE chunk_vectors")
    return time.perf_counter() - t0


BULK_INDEXES = ("chunks_tsv", "chunk_terms_term", "chunk_vectors_filters", HNSW_INDEX)


@contextlib.contextmanager
def bulk_load(conn: Any, memory: str = "1GB") -> Iterator[dict[str, float]]:
    """Load many documents with the search indexes dropped, then build each in one pass
    (much faster than growing them row by row). Yields a dict that gets each index's build
    seconds. Searches in the meantime scan."""
    defs = conn.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()"
                        " AND indexname = ANY(%s)", (list(BULK_INDEXES),)).fetchall()
    for name, _ in defs:
        conn.execute(sql.SQL("DROP INDEX IF EXISTS {}").format(sql.Identifier(name)))
    seconds: dict[str, float] = {}
    try:
        yield seconds
    finally:
        conn.execute(sql.SQL("SET maintenance_work_mem = {}").format(sql.Literal(memory)))
        for name, indexdef in defs:
            t0 = time.perf_counter()
            conn.execute(indexdef)
            seconds[name] = round(time.perf_counter() - t0, 1)
        conn.execute("RESET maintenance_work_mem")


def drop_vectors(conn: Any) -> None:
    """Forget the model and every vector (for --rebuild); chunks and keywords stay."""
    conn.execute(f"DROP INDEX IF EXISTS {HNSW_INDEX}")
    conn.execute("DELETE FROM chunk_vectors")
    conn.execute("DELETE FROM embedding_model")
    conn.execute("DELETE FROM recycled_vectors")
    conn.execute("UPDATE chunks SET embedded = 0 WHERE embedded != 0")


# ---- chunks, words and vectors ----------------------------------------------------------------

def chunk_words(text: str, context: str) -> set[str]:
    return set(_TOKEN.findall(text.lower())) | set(_TOKEN.findall(context.lower()))


def replace_chunks(conn: Any, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                   chunker: str, contexts: Sequence[str] | None = None) -> None:
    conn.execute("DELETE FROM chunks WHERE document_id = %s", (document_id,))
    conn.execute("DELETE FROM chunk_terms WHERE document_id = %s", (document_id,))
    d = conn.execute("SELECT municipality, committee, doc_type, year FROM documents WHERE id = %s",
                     (document_id,)).fetchone()
    ctx = list(contexts) if contexts else [""] * len(chunks)
    rows = [(document_id, i, c.item, c.section, c.start, c.end, c.page_start, c.page_end, c.text,
             ctx[i], h, d[0], d[1], d[2], d[3], len(_TOKEN.findall(c.text)) + len(_TOKEN.findall(ctx[i])))
            for i, (c, h) in enumerate(zip(chunks, hashes))]
    terms: dict[str, int] = {}
    for c, x in zip(chunks, ctx):
        for w in chunk_words(c.text, x):
            terms[w] = terms.get(w, 0) + 1
    with conn.cursor() as cur:
        with cur.copy('COPY chunks (document_id, idx, item, section, start, "end", page_start, page_end,'
                      " text, context, hash, municipality, committee, doc_type, year, ntokens) FROM STDIN") as cp:
            for r in rows:
                cp.write_row(r)
        with cur.copy("COPY chunk_terms (document_id, term, chunks) FROM STDIN") as cp:
            for w, n in terms.items():
                cp.write_row((document_id, w, n))
    conn.execute("INSERT INTO chunked_documents (document_id, chunker) VALUES (%s, %s)"
                 " ON CONFLICT (document_id) DO UPDATE SET chunker = excluded.chunker", (document_id, chunker))


def load_chunks(conn: Any, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
    row = conn.execute("SELECT chunker FROM chunked_documents WHERE document_id = %s", (document_id,)).fetchone()
    rows = conn.execute(
        'SELECT c.text, c.start, c."end", c.page_start, c.page_end, c.item, c.section, c.hash, c.context,'
        " v.embedding FROM chunks c LEFT JOIN chunk_vectors v ON v.chunk_id = c.id"
        " WHERE c.document_id = %s ORDER BY c.idx", (document_id,)).fetchall()
    return (row[0] if row else None,
            [(Chunk(*r[:7]), r[7], r[8], as_array(r[9]) if r[9] is not None else None) for r in rows])


def insert_vectors(conn: Any, ids: Sequence[int], vectors: np.ndarray,
                   hashes: Sequence[str] | None = None) -> int:
    """Store float32 vectors of chunks (with the chunk's filter fields), mark them embedded;
    how many were stored. With ``hashes`` (the texts the vectors were made from) a vector goes
    only to a chunk that still holds that text — another writer may have replaced the document
    since the chunks were read — and the others are kept by hash for re-use."""
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    ids = [int(i) for i in ids]
    meta = {int(r[0]): r[1:] for r in conn.execute(
        "SELECT id, municipality, committee, doc_type, year, section, hash FROM chunks WHERE id = ANY(%s)",
        (ids,))}
    keep, gone = [], []
    for n, (cid, v) in enumerate(zip(ids, vecs)):
        m = meta.get(cid)
        if m is None or (hashes is not None and m[5] != hashes[n]):
            if hashes is not None:
                gone.append((hashes[n], v))
            continue
        keep.append((cid, v, *m[:5]))
    with conn.cursor() as cur:
        if gone:
            cur.executemany("INSERT INTO recycled_vectors (hash, embedding) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                            gone)
        kept_ids = [k[0] for k in keep]
        cur.execute("DELETE FROM chunk_vectors WHERE chunk_id = ANY(%s)", (kept_ids,))
        with cur.copy("COPY chunk_vectors (chunk_id, embedding, municipality, committee, doc_type, year,"
                      " section) FROM STDIN (FORMAT BINARY)") as cp:
            cp.set_types(["int8", "vector", "text", "text", "text", "int4", "text"])
            for row in keep:
                cp.write_row(row)
        cur.execute("UPDATE chunks SET embedded = 1 WHERE id = ANY(%s)", (kept_ids,))
    return len(keep)


def as_array(v: Any) -> np.ndarray:
    """A vector as pgvector's adapter returns it (a Vector or an array) as float32."""
    return np.asarray(v.to_numpy() if hasattr(v, "to_numpy") else v, dtype=np.float32)


def index_counts(conn: Any) -> dict[str, int]:
    one = conn.execute(
        "SELECT (SELECT count(*) FROM chunks), (SELECT count(*) FROM chunks WHERE embedded = 1),"
        " (SELECT count(*) FROM chunk_vectors), (SELECT count(*) FROM chunks WHERE tsv != ''::tsvector)"
    ).fetchone()
    has_hnsw = conn.execute("SELECT 1 FROM pg_indexes WHERE indexname = %s AND schemaname = current_schema()",
                            (HNSW_INDEX,)).fetchone() is not None
    # "bit_codes" (SQLite: sign-bit codes in vec0) is here the vectors the HNSW index covers
    return {"chunks": int(one[0]), "embedded": int(one[1]), "vectors": int(one[2]),
            "bit_codes": int(one[2]) if has_hnsw else 0, "fts_rows": int(one[3])}


COUNT_BELOW = 20_000  # tables smaller than this are counted; bigger ones estimated


def estimate(conn: Any, table: str, exact_sql: str) -> int:
    """Rows of ``table``: the planner's estimate (kept by ANALYZE) once it is big — a count of
    100k rows on every query would cost more than the query — else counted."""
    def count() -> int:
        est = conn.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass(%s)", (table,)).fetchone()
        if est and est[0] is not None and est[0] >= COUNT_BELOW:
            return int(est[0])
        return int(conn.execute(exact_sql).fetchone()[0])

    return cached(conn, ("rows", table), count)  # type: ignore[no-any-return]


# ---- filters ------------------------------------------------------------------------------

def resolve_filters(
    conn: Any, *, municipality: str | None = None, committee: str | None = None,
    doc_type: str | None = None, year_from: int | None = None, year_to: int | None = None,
    sections: Sequence[str] | None = None, chunk_ids: Sequence[int] | None = None,
) -> Filters:
    """What a user typed (any case; committee as part of the name) as stored values."""
    def values(col: str, cond: str, arg: str) -> tuple[str, ...]:
        # a scan of the documents (~2 ms at 1M passages) for every query: kept CACHE_S as counts are
        return cached(conn, ("values", col, arg), lambda: tuple(r[0] for r in conn.execute(  # type: ignore[no-any-return]
            f"SELECT DISTINCT {col} FROM documents WHERE {cond} ORDER BY {col}", (arg,))))

    return Filters(
        municipalities=values("municipality", "lower(municipality) = lower(%s)", municipality)
        if municipality else None,
        committees=values("committee", "committee ILIKE %s", f"%{committee}%") if committee else None,
        doc_types=values("doc_type", "lower(doc_type) = lower(%s)", doc_type) if doc_type else None,
        year_from=year_from, year_to=year_to,
        sections=tuple(sections) if sections is not None else None,
        chunk_ids=tuple(chunk_ids) if chunk_ids is not None else None,
    )


def _where(f: Filters, prefix: str, id_col: str) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    for col, vals in (("municipality", f.municipalities), ("committee", f.committees),
                      ("doc_type", f.doc_types), ("section", f.sections)):
        if vals is not None:
            if col == "section" and "" in vals:  # "" = outside any section
                where.append(f"coalesce({prefix}section, '') = ANY(%s)")
            else:
                where.append(f"{prefix}{col} = ANY(%s)")
            args.append(list(vals))
    if f.year_from is not None:
        where.append(f"{prefix}year >= %s")
        args.append(f.year_from)
    if f.year_to is not None:
        where.append(f"{prefix}year <= %s")
        args.append(f.year_to)
    if f.chunk_ids is not None:
        where.append(f"{prefix}{id_col} = ANY(%s)")
        args.append(list(f.chunk_ids))
    return where, args


# ---- queries ------------------------------------------------------------------------------

def filtered_rows(conn: Any, f: Filters) -> int | None:
    """The planner's estimate of the vectors that pass ``f`` (None without a filter)."""
    where, args = _where(f, "", "chunk_id")
    if not where:
        return None
    key = ("filtered", f.municipalities, f.committees, f.doc_types, f.year_from, f.year_to, f.sections, f.chunk_ids)

    def plan() -> int:
        row = conn.execute("EXPLAIN (FORMAT JSON) SELECT 1 FROM chunk_vectors WHERE " + " AND ".join(where),
                           args).fetchone()
        return int(row[0][0]["Plan"]["Plan Rows"])

    return cached(conn, key, plan)  # type: ignore[no-any-return]


def knn(conn: Any, query: np.ndarray, k: int, f: Filters, *, exact: bool) -> list[tuple[int, float]]:
    """(chunk_id, cosine similarity) of the ``k`` nearest chunks that pass the filters:
    ``exact`` by a scan, else through the HNSW index with iterative scans."""
    if f.empty or k <= 0:
        return []
    rec = get_model(conn)
    if rec is None:
        return []
    q = np.ascontiguousarray(query, dtype=np.float32)
    where, args = _where(f, "", "chunk_id")
    cond = (" WHERE " + " AND ".join(where)) if where else ""
    if exact:
        # the bare column is not what the HNSW index covers: the planner scans, exactly
        rows = conn.execute(f"SELECT chunk_id, embedding <=> %s AS d FROM chunk_vectors{cond}"
                            " ORDER BY d, chunk_id LIMIT %s", [q, *args, k]).fetchall()
    else:
        dims = int(rec.dimensions)
        knn_sql = (f"WITH near AS MATERIALIZED (SELECT chunk_id, embedding::vector({dims}) <=> %s AS d"
                   f" FROM chunk_vectors{cond} ORDER BY embedding::vector({dims}) <=> %s LIMIT %s)"
                   " SELECT chunk_id, d FROM near ORDER BY d, chunk_id")
        if k <= EF_SEARCH:  # the session's settings (session_settings) do: one round trip
            rows = conn.execute(knn_sql, [q, *args, q, k]).fetchall()
        else:
            with conn.transaction():
                conn.execute(sql.SQL("SET LOCAL hnsw.ef_search = {}").format(sql.Literal(k)))
                rows = conn.execute(knn_sql, [q, *args, q, k]).fetchall()
    return [(int(r[0]), 1.0 - float(r[1])) for r in rows]


K1, B = 1.2, 0.75  # BM25, as SQLite's FTS5 computes it
RERANK = 4  # keyword candidates ranked cheaply per one scored exactly (BM25 reads each row's words)


def _phrases(terms: Sequence[Any]) -> tuple[str, list[tuple[str, bool]]]:
    """A tsquery (text for to_tsquery('simple', …)) of the query terms and its phrases
    (word, prefix?) — the same query ``index.fts_query`` gives FTS5: each word's stem as a
    prefix (a short word whole), or all the parts of a split compound."""
    alts: list[str] = []
    phrases: list[tuple[str, bool]] = []
    for t in terms:
        prefix = t.stem != t.word or len(t.word) >= MIN_STEM
        words = _TOKEN.findall((t.stem if prefix else t.word).lower())
        ors = []
        if words:
            ors.append(" <-> ".join(f"'{w}'" for w in words[:-1]) + (" <-> " if len(words) > 1 else "")
                       + f"'{words[-1]}'" + (":*" if prefix else ""))
            phrases += [(w, prefix and i == len(words) - 1) for i, w in enumerate(words)]
        parts = [p for part in t.parts for p in _TOKEN.findall(part.lower())]
        if parts:
            ors.append("(" + " & ".join(f"'{p}':*" for p in parts) + ")")
            phrases += [(p, True) for p in parts]
        # other forms of the word (search/hybrid.py: typo repair) and a party's code for its name
        extra = [(a, len(a) >= MIN_STEM) for a in getattr(t, "alts", ())]
        if getattr(t, "party", None):  # "Vänsterpartiet" is "(V)" in a protocol
            extra.append((t.party.casefold(), False))
        for word, pre in extra:
            ws = _TOKEN.findall(word.lower())
            if len(ws) == 1:
                ors.append(f"'{ws[0]}'" + (":*" if pre else ""))
                phrases.append((ws[0], pre))
        if ors:
            alts.append("(" + " | ".join(dict.fromkeys(ors)) + ")")
    return " | ".join(alts), list(dict.fromkeys(phrases))


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
    match, phrases = _phrases(terms)
    if not phrases:
        return []
    total = max(estimate(conn, "chunks", "SELECT count(*) FROM chunks"), 1)
    idf = []
    for word, prefix in phrases:
        n = _phrase_chunks(conn, word, prefix, total)
        v = math.log((total - n + 0.5) / (n + 0.5))
        idf.append(v if v > 0 else 1e-6)
    avg = _avg_tokens(conn, total)
    where, args = _where(f, "c.", "id")
    pre = " + ".join(f"{w!r} * ts_rank('{TEXT_WEIGHTS}', c.tsv, to_tsquery('simple', %s), 1)" for w in idf)
    pre_args = [f"'{w}'" + (":*" if p else "") for w, p in phrases]
    words = [w for w, _ in phrases]
    rows = conn.execute(
        "WITH cand AS (SELECT c.id, c.tsv, c.ntokens FROM chunks c WHERE c.tsv @@ to_tsquery('simple', %s)"
        + "".join(f" AND {w}" for w in where) + f" ORDER BY {pre} DESC, c.id LIMIT %s),"
        " ph AS (SELECT * FROM unnest(%s::text[], %s::bool[], %s::float8[]) WITH ORDINALITY AS p(pat, pre, idf, i)),"
        " tf AS (SELECT cand.id, ph.i, ph.idf, cand.ntokens,"
        "        sum(CASE w WHEN 'A' THEN 1.0 ELSE 0.5 END) AS tf"
        "   FROM cand CROSS JOIN LATERAL (SELECT * FROM unnest(cand.tsv) x WHERE x.lexeme ^@ ANY(%s::text[])) u"
        "   CROSS JOIN LATERAL unnest(u.weights) w"
        "   JOIN ph ON CASE WHEN ph.pre THEN starts_with(u.lexeme, ph.pat) ELSE u.lexeme = ph.pat END"
        "   GROUP BY cand.id, ph.i, ph.idf, cand.ntokens)"
        f" SELECT id, sum(idf * tf * {K1 + 1} / (tf + {K1} * ({1 - B} + {B} * ntokens / %s::float8))) AS r"
        " FROM tf GROUP BY id ORDER BY r DESC, id LIMIT %s",
        [match, *args, *pre_args, RERANK * k, words, [p for _, p in phrases], idf, words, avg, k],
    ).fetchall()
    return [(int(r[0]), float(r[1])) for r in rows]


def _phrase_chunks(conn: Any, word: str, prefix: bool, total: int) -> int:
    """Chunks holding the word (or a word starting with it): counted through the GIN index on
    a small corpus, as FTS5 counts them; from the word statistics on a big one."""
    if total <= STATS_FROM:
        return cached(conn, ("phrase", word, prefix), lambda: int(conn.execute(  # type: ignore[no-any-return]
            "SELECT count(*) FROM chunks WHERE tsv @@ to_tsquery('simple', %s)",
            (f"'{word}'" + (":*" if prefix else ""),)).fetchone()[0]))
    return prefix_doc_count(conn, word) if prefix else term_doc_counts(conn, [word]).get(word, 0)


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
    refresh the planner's statistics. One at a time (an advisory lock); others skip it."""
    if not conn.execute("SELECT pg_try_advisory_lock(hashtext('namndkoll.optimize'))").fetchone()[0]:
        return
    try:
        if estimate(conn, "chunks", "SELECT count(*) FROM chunks") > STATS_FROM / 2:
            with conn.transaction():
                conn.execute("DELETE FROM term_stats")
                conn.execute("INSERT INTO term_stats (term, chunks) SELECT term, sum(chunks) FROM chunk_terms"
                             " GROUP BY term")
                conn.execute("INSERT INTO corpus_info (key, value) SELECT 'pg_avg_tokens', avg(ntokens)::text FROM chunks"
                             " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        for table in ("chunks", "chunk_vectors", "chunk_terms", "term_stats", "documents"):
            conn.execute(f"ANALYZE {table}")
    finally:
        forget(conn)
        conn.execute("SELECT pg_advisory_unlock(hashtext('namndkoll.optimize'))")


def vocabulary(conn: Any, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
    """(word, chunks holding it) of the indexed words starting with ``prefix``."""
    return [(r[0], int(r[1])) for r in conn.execute(
        f"SELECT term, sum(chunks) FROM {_stats_table(conn)} WHERE term >= %s AND term < %s GROUP BY term"
        " ORDER BY term LIMIT %s", (prefix, prefix + "\uffff", limit))]


def document_mentions(conn: Any, document_id: int, names: Sequence[str]) -> bool:
    """Whether a passage of the document names any of ``names``, as a word or the start of one
    ("Göteborg" finds "Göteborgs"; ``index.document_mentions``)."""
    words = [r"\s+".join(re.escape(w) for w in re.findall(r"\w+", n.casefold())) for n in names]
    words = [w for w in dict.fromkeys(words) if w]
    if not words:
        return False
    return conn.execute(
        "SELECT 1 FROM chunks WHERE document_id = %s AND lower(text) ~ %s LIMIT 1",
        (document_id, r"\m(" + "|".join(words) + ")")).fetchone() is not None


def bodies(conn: Any) -> list[str]:
    """The municipalities, regions and other bodies the stored documents come from (kept
    CACHE_S: every question that names a place asks)."""
    return list(cached(conn, "bodies", lambda: tuple(r[0] for r in conn.execute(
        "SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL"))))


def item_record(conn: Any, document_id: int, item: str) -> dict[str, Any] | None:
    """A § item's number, title, span and pages (``index.item_record``)."""
    with conn.cursor(row_factory=dict_row) as cur:
        r = cur.execute('SELECT number, title, start, "end", page_start, page_end FROM items'
                        " WHERE document_id = %s AND number = %s ORDER BY start LIMIT 1", (document_id, item)).fetchone()
    return dict(r) if r else None


def item_extractions(conn: Any, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
    """Stored positions, decisions and votes inside a span of a document (``index.item_extractions``)."""
    import json

    span = (document_id, start, end)
    inside = ' WHERE document_id = %s AND start >= %s AND "end" <= %s ORDER BY start, id'
    out: dict[str, list[dict[str, Any]]] = {}
    out["positions"] = [
        {"kind": r[0], "parties": json.loads(r[1]), "text": r[2], "page": r[3], "start": r[4], "end": r[5]}
        for r in conn.execute('SELECT kind, parties, text, page, start, "end" FROM positions' + inside, span)]
    out["decisions"] = [
        {"status": r[0], "text": r[1], "page": r[2], "start": r[3], "end": r[4]}
        for r in conn.execute('SELECT status, text, page, start, "end" FROM decisions' + inside, span)]
    votes = conn.execute('SELECT yes, no, abstain, absent, proposition, page, start, "end", id FROM votes' + inside,
                         span).fetchall()
    by_party: dict[int, dict[str, dict[str, int]]] = {}
    for vid, party, vote, n in conn.execute(
            "SELECT vote_id, party, vote, count(*) FROM roll_call WHERE vote_id = ANY(%s) AND party IS NOT NULL"
            " GROUP BY vote_id, party, vote", ([int(v[8]) for v in votes],)):
        by_party.setdefault(int(vid), {}).setdefault(party, {})[vote] = int(n)
    out["votes"] = [{"yes": r[0], "no": r[1], "abstain": r[2], "absent": r[3], "proposition": r[4], "page": r[5],
                     "start": r[6], "end": r[7], "by_party": by_party.get(int(r[8]), {})} for r in votes]
    return out


def chunk_rows(conn: Any, ids: Sequence[int]) -> dict[int, Any]:
    """Chunks with their document's source and metadata, keyed by chunk id."""
    if not ids:
        return {}
    with conn.cursor(row_factory=dict_row) as cur:
        rows = cur.execute(
            'SELECT c.id, c.document_id, c.item, c.section, c.start, c."end", c.page_start, c.page_end,'
            " c.text, d.source, d.title, d.municipality, d.committee, d.doc_type, d.date, c.context, d.org_kind,"
            " (SELECT i.title FROM items i WHERE i.document_id = c.document_id AND i.number = c.item"
            "   AND i.start <= c.start ORDER BY i.start DESC LIMIT 1) AS item_title"
            " FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id = ANY(%s)",
            ([int(i) for i in ids],)).fetchall()
    out = {}
    for r in rows:
        r["id"], r["document_id"] = int(r["id"]), int(r["document_id"])
        out[r["id"]] = r
    return out


def chunks_overlapping(conn: Any, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
    """For each (document_id, start, end) span, the ids of the chunks overlapping it."""
    out: dict[tuple[int, int, int], list[int]] = {tuple(s): [] for s in spans}  # type: ignore[misc]
    if not spans:
        return out
    rows = conn.execute(
        'SELECT s.doc, s.st, s.en, c.id FROM unnest(%s::bigint[], %s::int[], %s::int[]) AS s(doc, st, en)'
        ' JOIN chunks c ON c.document_id = s.doc AND c.start < s.en AND c."end" > s.st ORDER BY c.start, c.id',
        ([s[0] for s in spans], [s[1] for s in spans], [s[2] for s in spans])).fetchall()
    for doc, st, en, cid in rows:
        out[(int(doc), int(st), int(en))].append(int(cid))
    return out


def party_spans(conn: Any, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                ) -> list[tuple[int, int, int]]:
    """(document_id, start, end) of stored positions (and party mentions) of ``code``."""
    queries = {
        "positions": 'SELECT p.document_id, p.start, p."end" FROM positions p JOIN position_parties pp'
                     " ON pp.position_id = p.id WHERE pp.code = %s ORDER BY p.id",
        "party_mentions": 'SELECT document_id, start, "end" FROM party_mentions WHERE code = %s ORDER BY id',
        "people": 'SELECT document_id, start, "end" FROM people WHERE party = %s ORDER BY id',
    }
    spans: list[tuple[int, int, int]] = []
    for table in tables:
        if table in queries:
            spans += [(int(r[0]), int(r[1]), int(r[2])) for r in conn.execute(queries[table], (code,))]
    return spans


def party_chunk_ids(conn: Any, code: str) -> list[int]:
    """Chunks that state or mention a party (as ``index.party_chunk_ids`` in SQLite)."""
    from ..registry import PARTIES, canonical_code

    code = canonical_code(code) or code
    ids: set[int] = set()
    for found in chunks_overlapping(conn, party_spans(conn, code)).values():
        ids.update(found)
    stem = PARTIES[code].stem if code in PARTIES else code
    like = "%" + stem.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    ids.update(int(r[0]) for r in conn.execute(
        "SELECT id FROM chunks WHERE strpos(text, %s) > 0 OR text ILIKE %s", (f"({code})", like)))
    return sorted(ids)


def positions_in(conn: Any, document_id: int, start: int, end: int) -> list[tuple[str, tuple[str, ...], str, int]]:
    """(kind, party codes, text, page) of the stored positions overlapping a span of a document."""
    import json

    rows = conn.execute(
        'SELECT kind, parties, text, page FROM positions WHERE document_id = %s AND start < %s AND "end" > %s'
        " ORDER BY start, id", (document_id, end, start)).fetchall()
    return [(r[0], tuple(json.loads(r[1])), r[2], r[3]) for r in rows]
