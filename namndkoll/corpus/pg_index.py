"""The search index in PostgreSQL: chunks, vectors in pgvector with an HNSW index (cosine),
the model record, the filters, and the session cache the other pg_ modules share. The keyword
side (``tsvector``, BM25, word statistics) is ``pg_keywords.py``; passages read back for
hits and citations, ``pg_passages.py``.

Vectors: ``embedding::vector(N)`` is indexed with HNSW once the model (N) is known; filters
are in the same table and applied inside the index scan (pgvector's iterative scan keeps
going until ``k`` rows pass them). A small corpus, or a search within given chunks, is answered
exactly by a scan, as the SQLite backend does.
"""

from __future__ import annotations

import contextlib
import re
import time
import weakref
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from psycopg import sql

from ..types import Chunk
from . import index
from .index import Filters, ModelRecord
from .passages import ORIGIN_ITEMS, chunk_origins

HNSW_INDEX = "chunk_vectors_hnsw"
# HNSW: graph degree and build effort, candidates kept per search (at least k). Measured on
# 100k replicated chunks (bench/scale.py, docs/scaling.md): m 16 / ef_construction 64 built in
# 29 s but found 0.89 of the exact top 10 at ef_search 100 (0.92 at 200); m 32 / 128 built in
# 134 s and found 0.998 at ef_search 200 (17 ms a query against 10). At 1M (bench/hnsw_graph.py,
# the graphs side by side, docs/scaling.md seventh session): ef_construction 512 found every one
# of the exact top 10 (490/490) at ef_search 1000, where 256 and 128 stop at 480 and 476 (one
# question's nearest passage not reached); 512 built in 1,842 s against 1,338 s for 256 and
# 1,121 s for 128, the same size (the degree sets it); m 48 / 256 found no more than 32 / 256.
# The graph is made when a corpus gets its model and grows with every vector stored, so these
# settings hold for corpora made from now on; an older corpus keeps its graph until
# ``build_hnsw`` (``store.build_vector_index()``, ``namndkoll index --rebuild-graph``) makes it again.
HNSW_M, HNSW_EF_CONSTRUCTION = 32, 512
# Candidates HNSW keeps per search, by the corpus's size (``bench/scale.py --ef-sweep``,
# ``bench/hnsw_graph.py sweep``): at 1M vectors with the m 32 / 512 graph, ef_search 400 found
# 0.959 of the exact top 10, 800 0.980, 1000 (pgvector's maximum) 1.000, its top-10 walk p50 /
# p95 ~27 / 65 ms on this loaded machine (800: ~19 / 40); the old m 32 / 128 graph finds 0.971
# at 1000 and 0.951 at 800. At 100k, 200 already found 0.998.
EF_SEARCH, EF_SEARCH_LARGE, LARGE = 200, 1000, 250_000
TOKEN = re.compile(r"[^\W_]+")  # a word as FTS5's unicode61 tokenizer sees it


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


def closed(conn: Any) -> None:
    """This connection is closing: forget its cache (kept by ``id(conn)``, which a later
    connection may reuse) and how its graph walks are set."""
    forget(conn)
    _walks.pop(conn, None)


@dataclass(frozen=True)
class Walk:
    """How a connection's HNSW walks get their settings: ``ef`` candidates (``ef_search_for``
    the corpus's size), and whether the session holds them (``session``: set once when it
    connected) or each walk sets them for its own transaction (behind a pooler, or a connection
    ``session_settings`` never saw)."""

    ef: int
    session: bool


_walks: weakref.WeakKeyDictionary[Any, Walk] = weakref.WeakKeyDictionary()  # connection -> its Walk


def ef_search_for(vectors: float) -> int:
    """ef_search for a corpus of about ``vectors`` vectors (see ``EF_SEARCH_LARGE``)."""
    return EF_SEARCH_LARGE if vectors > LARGE else EF_SEARCH


def session_settings(conn: Any, *, pooled: bool = False) -> None:
    """For every search on this connection: HNSW keeps as many candidates as ``ef_search_for``
    gives for the corpus's size (the planner's row estimate: no count), and with filters goes on
    scanning the graph until enough rows pass them (pgvector >= 0.8).

    ``pooled`` (a pooler in front, ``pg_connect.behind_pooler``): nothing is set for the session.
    Behind PgBouncer in transaction mode a SET stays on the server connection that ran it, and
    the next statement may run on another: with PostgreSQL's defaults there (40 candidates, no
    iterative scan) a graph walk found 40 of the 100 nearest passages, and a filter kept only
    those of the 40 that pass it; the SET would serve other clients of that server connection.
    Each graph walk sets both for its own transaction instead (``knn``)."""
    est = conn.execute("SELECT reltuples FROM pg_class WHERE oid = to_regclass('chunk_vectors')").fetchone()
    ef = ef_search_for(float(est[0]) if est and est[0] is not None else 0.0)
    if not pooled:
        conn.execute(sql.SQL("SET hnsw.ef_search = {}").format(sql.Literal(ef)))
        conn.execute("SET hnsw.iterative_scan = relaxed_order")
    _walks[conn] = Walk(ef, session=not pooled)


def walk(conn: Any) -> Walk:
    """How this connection's graph walks are set (``session_settings``; unseen: per walk)."""
    return _walks.get(conn) or Walk(EF_SEARCH, session=False)


def session_ef(conn: Any) -> int:
    return walk(conn).ef


# ---- the model record ---------------------------------------------------------------------

def get_model(conn: Any) -> ModelRecord | None:
    # the record is the same table and the same query as in SQLite (``index.get_model``)
    rec = cached(conn, "model", lambda: index.get_model(conn))
    if rec is None:  # not recorded yet: another writer (a cluster worker) may record it any moment
        forget_key(conn, "model")
    return rec  # type: ignore[no-any-return]


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
    conn.execute("INSERT INTO chunks_todo SELECT id FROM chunks ON CONFLICT DO NOTHING")


# ---- chunks, words and vectors ----------------------------------------------------------------

def chunk_words(text: str, context: str) -> set[str]:
    return set(TOKEN.findall(text.lower())) | set(TOKEN.findall(context.lower()))


def chunk_state(conn: Any, document_id: int, chunker: str, *, sha256: str, reader: str) -> index.ChunkState:
    """``index.chunk_state``; the document's row is held until the transaction ends, so a second
    index run asking the same waits and then finds it chunked ("done", rather than chunking it
    again, which would send its passages to be embedded again or through ``recycled_vectors``
    just as the first run clears them), and a replace waits for the chunks to be written."""
    row = conn.execute("SELECT sha256, coalesce(reader, '') FROM documents WHERE id = %s FOR NO KEY UPDATE",
                       (document_id,)).fetchone()
    if row is None or (row[0], row[1]) != (sha256, reader):
        return "gone"  # replaced or removed since it was read: its new version is chunked by whoever sees it
    done = conn.execute("SELECT chunker FROM chunked_documents WHERE document_id = %s", (document_id,)).fetchone()
    return "done" if done is not None and done[0] == chunker else "todo"


def claim_unembedded(conn: Any, limit: int, owner: str) -> list[tuple[int, str, str, str]]:
    """(id, text, hash, context) of passages waiting for a vector that no other live writer has
    claimed, oldest first, now claimed for ``owner`` (inside a short transaction: the claim is a
    row, not a lock, and outlives it). A second writer skips them rather than embedding them too;
    a claim whose session is gone, or whose heartbeat is older than ``pg_claims.lapse()``, is taken over. Whoever stores
    the vectors checks again that each passage still holds the text embedded (``insert_vectors``
    with hashes): a document replaced meanwhile is not held up and gets no stale vector."""
    from .pg_claims import SESSION_PID, client_pid, live

    ids = [r[0] for r in conn.execute(
        "WITH pick AS (SELECT t.chunk_id FROM chunks_todo t WHERE t.claimed_by IS NULL"
        " OR NOT (" + live("t", "claimed_pid") + ")"
        " ORDER BY t.chunk_id LIMIT %s FOR UPDATE OF t SKIP LOCKED)"
        " UPDATE chunks_todo t SET claimed_by = %s, claimed_pid = " + SESSION_PID + ", claimed_at = now()"
        " FROM pick WHERE t.chunk_id = pick.chunk_id RETURNING t.chunk_id", (limit, owner, client_pid(conn)))]
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT id, text, hash, context FROM chunks WHERE id = ANY(%s) ORDER BY id", (ids,))]


def claimed_elsewhere(conn: Any, owner: str) -> list[Any]:
    """The waiting passages other live runs have claimed, by run, most first (``claims.Held``:
    its host and pid are read from its token, ``PostgresStore``'s ``uuid/host/pid``)."""
    from .claims import Held
    from .pg_claims import holder, live

    rows = conn.execute("SELECT count(*), t.claimed_by FROM chunks_todo t WHERE t.claimed_by IS NOT NULL"
                        " AND t.claimed_by != %s AND " + live("t", "claimed_pid") +
                        " GROUP BY t.claimed_by ORDER BY count(*) DESC, t.claimed_by", (owner,)).fetchall()
    return [Held(int(n), h.run, h.host, h.pid) for n, h in ((n, holder(token)) for n, token in rows)]


def release_unembedded(conn: Any, ids: Sequence[int], owner: str) -> None:
    """``owner``'s claims on the passages ``ids`` that still wait for a vector (not stored: the
    run failed, or a replace held the passage when the vectors were written) given up."""
    conn.execute("UPDATE chunks_todo SET claimed_by = NULL, claimed_pid = NULL, claimed_at = NULL"
                 " WHERE chunk_id = ANY(%s) AND claimed_by = %s", ([int(i) for i in ids], owner))


def replace_chunks(conn: Any, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                   chunker: str, contexts: Sequence[str] | None = None) -> None:
    conn.execute("DELETE FROM chunks WHERE document_id = %s", (document_id,))
    conn.execute("DELETE FROM chunk_terms WHERE document_id = %s", (document_id,))
    d = conn.execute("SELECT municipality, committee, doc_type, year FROM documents WHERE id = %s",
                     (document_id,)).fetchone()
    origins = chunk_origins(chunks, conn.execute(ORIGIN_ITEMS.format(ph="%s"), (document_id,)).fetchall(), d[1], d[3])
    ctx = list(contexts) if contexts else [""] * len(chunks)
    rows = [(document_id, i, c.item, c.section, c.start, c.end, c.page_start, c.page_end, c.text,
             ctx[i], h, d[0], origins[i][0], d[2], origins[i][1],
             len(TOKEN.findall(c.text)) + len(TOKEN.findall(ctx[i])))
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
    # every new chunk waits for its vector (a recycled one may come at once: ``insert_vectors``)
    conn.execute("INSERT INTO chunks_todo SELECT id FROM chunks WHERE document_id = %s", (document_id,))
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
    """Store float32 vectors of chunks (with the chunk's filter fields), take them off
    ``chunks_todo``; how many were stored. With ``hashes`` (the texts the vectors were made
    from) a vector goes only to a chunk that still holds that text — another writer may have
    replaced the document since the chunks were read — and the others are kept by hash for
    re-use."""
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    ids = [int(i) for i in ids]
    # with ``hashes`` the vectors were made outside this transaction: a passage that another
    # writer holds now (a replace deleting it, or a second index run storing its vector: a claim
    # taken over while its run lived on) is skipped, its vector kept by hash, rather than waited
    # for or stored twice; the rows read are held until the vectors are in
    lock = " ORDER BY id FOR NO KEY UPDATE SKIP LOCKED" if hashes is not None else ""
    meta = {int(r[0]): r[1:] for r in conn.execute(
        "SELECT id, municipality, committee, doc_type, year, section, hash FROM chunks WHERE id = ANY(%s)"
        + lock, (ids,))}
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
        cur.execute("DELETE FROM chunks_todo WHERE chunk_id = ANY(%s)", (kept_ids,))
    return len(keep)


def as_array(v: Any) -> np.ndarray:
    """A vector as pgvector's adapter returns it (a Vector or an array) as float32."""
    return np.asarray(v.to_numpy() if hasattr(v, "to_numpy") else v, dtype=np.float32)


def index_counts(conn: Any) -> dict[str, int]:
    one = conn.execute(
        "SELECT (SELECT count(*) FROM chunks), (SELECT count(*) FROM chunks) - (SELECT count(*) FROM chunks_todo),"
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
    """``index.resolve_filters`` with each column's stored values kept CACHE_S (a scan of the
    documents, ~2 ms at 1M passages, for every query otherwise), as counts are."""
    from .names import stored_names

    def stored(col: str) -> tuple[str, ...]:
        return cached(conn, ("values", col), lambda: tuple(stored_names(conn, col)))

    return index.resolve_filters(conn, municipality=municipality, committee=committee, doc_type=doc_type,
                                 year_from=year_from, year_to=year_to, sections=sections, chunk_ids=chunk_ids,
                                 stored=stored)


def filters_where(f: Filters, prefix: str, id_col: str) -> tuple[list[str], list[Any]]:
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


# ---- vector queries ------------------------------------------------------------------------------

def filtered_rows(conn: Any, f: Filters) -> int | None:
    """The planner's estimate of the vectors that pass ``f`` (None without a filter)."""
    where, args = filters_where(f, "", "chunk_id")
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
    where, args = filters_where(f, "", "chunk_id")
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
        w = walk(conn)
        if w.session and k <= w.ef:  # the session's settings (session_settings) do: one round trip
            rows = conn.execute(knn_sql, [q, *args, q, k]).fetchall()
        else:  # more candidates than the session keeps, or a transaction's server connection with no settings
            # of ours (behind a pooler): both set for this transaction alone
            with conn.transaction():
                conn.execute("SELECT set_config('hnsw.ef_search', %s, true),"
                             " set_config('hnsw.iterative_scan', 'relaxed_order', true)", (str(max(k, w.ef)),))
                rows = conn.execute(knn_sql, [q, *args, q, k]).fetchall()
    return [(int(r[0]), 1.0 - float(r[1])) for r in rows]
