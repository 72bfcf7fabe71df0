"""All the SQL of the search index: chunks, the FTS5 keyword index, the sqlite-vec vectors
and the record of which embedding model made them.

float32 vectors live in ``chunk_embeddings`` (a plain table: exact cosine by B-tree lookup
or scan); their sign bits (of the vector minus the corpus mean) live in a ``vec0`` table,
created when the first model is recorded (its dimension is only known then), with metadata
columns for the filters: on a big corpus the Hamming KNN over 48-byte codes picks
candidates that are rescored exactly. Neither has foreign keys, so a trigger on ``chunks``
deletes a chunk's vectors with it (keeping the float vector by text hash in
``recycled_vectors`` for re-use).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import ModelError
from ..types import Chunk

VEC_TABLE = "chunk_vecs"


@dataclass(frozen=True)
class ModelRecord:
    model_id: str
    dimensions: int
    center: np.ndarray | None


@dataclass(frozen=True)
class Filters:
    """Resolved filters: exact values as stored (see ``resolve_filters``)."""

    municipalities: tuple[str, ...] | None = None
    committees: tuple[str, ...] | None = None
    doc_types: tuple[str, ...] | None = None
    year_from: int | None = None
    year_to: int | None = None
    sections: tuple[str, ...] | None = None  # SectionKind values; "" = outside any section
    chunk_ids: tuple[int, ...] | None = None  # restrict to these chunks (party, positions)

    @property
    def empty(self) -> bool:
        return any(v == () for v in (self.municipalities, self.committees, self.doc_types,
                                     self.sections, self.chunk_ids))


# ---- the model record ---------------------------------------------------------------------

def get_model(conn: Any) -> ModelRecord | None:
    row = conn.execute("SELECT model_id, dimensions, center FROM embedding_model WHERE id = 1").fetchone()
    if row is None:
        return None
    center = np.frombuffer(row[2], dtype=np.float32).copy() if row[2] else None
    return ModelRecord(row[0], int(row[1]), center)


def set_model(conn: Any, model_id: str, dimensions: int) -> None:
    """Record the model and create the vector table for its dimension (call in a transaction)."""
    conn.execute("INSERT INTO embedding_model (id, model_id, dimensions) VALUES (1, ?, ?)",
                 (model_id, int(dimensions)))
    conn.execute(
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {VEC_TABLE} USING vec0("
        " chunk_id INTEGER PRIMARY KEY,"
        # a partition per municipality: a query filtered on one scans only its codes
        " municipality TEXT PARTITION KEY,"
        f" embedding_bit bit[{int(dimensions)}],"
        " committee TEXT, doc_type TEXT, year INTEGER, section TEXT)"
    )
    # vec0 cannot take part in ON DELETE CASCADE: a trigger removes the vector with its
    # chunk, first keeping it by text hash so an unchanged passage is not embedded again
    conn.execute(
        "CREATE TRIGGER IF NOT EXISTS chunks_vec_ad AFTER DELETE ON chunks BEGIN"
        " INSERT OR IGNORE INTO recycled_vectors (hash, embedding)"
        "  SELECT old.hash, embedding FROM chunk_embeddings WHERE chunk_id = old.id;"
        " DELETE FROM chunk_embeddings WHERE chunk_id = old.id;"
        f" DELETE FROM {VEC_TABLE} WHERE chunk_id = old.id;"
        " END"
    )


def set_center(conn: Any, center: np.ndarray) -> None:
    conn.execute("UPDATE embedding_model SET center = ? WHERE id = 1",
                 (np.asarray(center, dtype=np.float32).tobytes(),))


def check_model(conn: Any, model_id: str, dimensions: int) -> ModelRecord | None:
    """The recorded model, or ModelError if the index was built with another one."""
    rec = get_model(conn)
    if rec is not None and (rec.model_id != model_id or rec.dimensions != dimensions):
        raise model_mismatch(rec, model_id, dimensions)
    return rec


def model_mismatch(rec: ModelRecord, model_id: str, dimensions: int) -> ModelError:
    """The error for a query or an index run with another model than the index holds (both backends)."""
    return ModelError(
        f"this database's search index was built with {rec.model_id} ({rec.dimensions} dims), "
        f"not {model_id} ({dimensions} dims); vectors of two models cannot be mixed: search with "
        f"`--model {rec.model_id}`, or rebuild the index with `namndkoll index --model {model_id} --rebuild`"
    )


def drop_vectors(conn: Any) -> None:
    """Forget the model and every vector (for --rebuild); chunks and keywords stay."""
    conn.execute("DROP TRIGGER IF EXISTS chunks_vec_ad")
    conn.execute(f"DROP TABLE IF EXISTS {VEC_TABLE}")
    conn.execute("DELETE FROM chunk_embeddings")
    conn.execute("DELETE FROM embedding_model")
    conn.execute("DELETE FROM recycled_vectors")
    conn.execute("UPDATE chunks SET embedded = 0")


def drop_chunks(conn: Any) -> None:
    """Forget every chunk (re-chunk everything); deletes their vectors through the trigger."""
    conn.execute("DELETE FROM chunks")
    conn.execute("DELETE FROM chunked_documents")


# ---- chunks -------------------------------------------------------------------------------

def documents_to_chunk(conn: Any, chunker: str) -> list[int]:
    """Ids of documents never chunked, or chunked by another chunker version."""
    return [r[0] for r in conn.execute(
        "SELECT d.id FROM documents d LEFT JOIN chunked_documents c ON c.document_id = d.id"
        " WHERE c.chunker IS NULL OR c.chunker != ? ORDER BY d.id", (chunker,))]


def replace_chunks(conn: Any, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                   chunker: str, contexts: Sequence[str] | None = None) -> None:
    conn.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
    d = conn.execute("SELECT municipality, committee, doc_type, year FROM documents WHERE id = ?",
                     (document_id,)).fetchone()
    conn.executemany(
        'INSERT INTO chunks (document_id, idx, item, section, start, "end", page_start, page_end, text,'
        " context, hash, municipality, committee, doc_type, year) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(document_id, i, c.item, c.section, c.start, c.end, c.page_start, c.page_end, c.text,
          contexts[i] if contexts else "", h, d[0], d[1], d[2], d[3])
         for i, (c, h) in enumerate(zip(chunks, hashes))],
    )
    conn.execute("INSERT OR REPLACE INTO chunked_documents (document_id, chunker) VALUES (?, ?)",
                 (document_id, chunker))


def load_chunks(conn: Any, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
    row = conn.execute("SELECT chunker FROM chunked_documents WHERE document_id = ?", (document_id,)).fetchone()
    rows = conn.execute(
        'SELECT c.text, c.start, c."end", c.page_start, c.page_end, c.item, c.section, c.hash, c.context,'
        " e.embedding FROM chunks c LEFT JOIN chunk_embeddings e ON e.chunk_id = c.id"
        " WHERE c.document_id = ? ORDER BY c.idx", (document_id,)).fetchall()
    return (row[0] if row else None,
            [(Chunk(*r[:7]), r[7], r[8], np.frombuffer(r[9], dtype=np.float32).copy() if r[9] else None)
             for r in rows])


def count_unembedded(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM chunks WHERE embedded = 0").fetchone()[0])


def unembedded(conn: Any, limit: int) -> list[tuple[int, str, str, str]]:
    """(id, text, hash, context) of chunks still without a vector, oldest first."""
    return [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT id, text, hash, context FROM chunks WHERE embedded = 0 ORDER BY id LIMIT ?", (limit,))]


def recycled(conn: Any, hashes: Iterable[str]) -> dict[str, np.ndarray]:
    out: dict[str, np.ndarray] = {}
    hs = list(set(hashes))
    for i in range(0, len(hs), 500):
        part = hs[i:i + 500]
        q = ",".join("?" * len(part))
        for h, blob in conn.execute(f"SELECT hash, embedding FROM recycled_vectors WHERE hash IN ({q})", part):
            out[h] = np.frombuffer(blob, dtype=np.float32)
    return out


def clear_recycled(conn: Any) -> None:
    conn.execute("DELETE FROM recycled_vectors")


def insert_vectors(conn: Any, ids: Sequence[int], vectors: np.ndarray, center: np.ndarray | None,
                   hashes: Sequence[str] | None = None) -> int:
    """Store float32 vectors of chunks (and their centred sign bits), mark them embedded;
    returns how many were stored.

    The chunks were read before they were embedded; meanwhile another process (an ingest
    replacing a document) may have deleted some, and SQLite may even have given a deleted
    chunk's id to a new one. With ``hashes`` (the text hashes the vectors were made from) a
    vector goes only to a chunk that still has that text; the others are kept by hash in
    ``recycled_vectors``, so that the passage, when it comes back, is not embedded again."""
    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    centred = vecs - center if center is not None else vecs
    meta = {r[0]: r[1:] for r in conn.execute(
        f"SELECT id, municipality, committee, doc_type, year, section, hash FROM chunks"
        f" WHERE id IN ({','.join('?' * len(ids))})", list(ids))}
    rows, gone = [], []
    for n, (cid, v, c) in enumerate(zip(ids, vecs, centred)):
        m = meta.get(cid)
        if m is None or (hashes is not None and m[5] != hashes[n]):
            if hashes is not None:
                gone.append((hashes[n], v.tobytes()))
            continue
        rows.append((cid, v.tobytes(), np.ascontiguousarray(c).tobytes(),
                     m[0] or "", m[1] or "", m[2] or "", int(m[3] or 0), m[4] or ""))
    conn.executemany("INSERT OR IGNORE INTO recycled_vectors (hash, embedding) VALUES (?, ?)", gone)
    conn.executemany(
        f"INSERT OR REPLACE INTO {VEC_TABLE} (chunk_id, embedding_bit, municipality, committee,"
        " doc_type, year, section) VALUES (?, vec_quantize_binary(?), ?, ?, ?, ?, ?)", [r[:1] + r[2:] for r in rows])
    conn.executemany("INSERT OR REPLACE INTO chunk_embeddings (chunk_id, embedding) VALUES (?, ?)",
                     [r[:2] for r in rows])
    conn.executemany("UPDATE chunks SET embedded = 1 WHERE id = ?", [(r[0],) for r in rows])
    return len(rows)


def sample_vectors(conn: Any, n: int) -> np.ndarray:
    rows = conn.execute("SELECT embedding FROM chunk_embeddings ORDER BY random() LIMIT ?", (n,)).fetchall()
    return np.array([np.frombuffer(r[0], dtype=np.float32) for r in rows], dtype=np.float32)


def requantize(conn: Any, center: np.ndarray) -> None:
    """Recompute every sign-bit vector against a new centre."""
    c = np.asarray(center, dtype=np.float32)
    rows = conn.execute("SELECT chunk_id, embedding FROM chunk_embeddings").fetchall()
    conn.executemany(
        f"UPDATE {VEC_TABLE} SET embedding_bit = vec_quantize_binary(?) WHERE chunk_id = ?",
        [((np.frombuffer(b, dtype=np.float32) - c).tobytes(), cid) for cid, b in rows])


def index_counts(conn: Any) -> dict[str, int]:
    has_vec = conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (VEC_TABLE,)).fetchone()
    return {
        "chunks": int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0]),
        "embedded": int(conn.execute("SELECT count(*) FROM chunks WHERE embedded = 1").fetchone()[0]),
        "vectors": int(conn.execute("SELECT count(*) FROM chunk_embeddings").fetchone()[0]),
        "bit_codes": int(conn.execute(f"SELECT count(*) FROM {VEC_TABLE}").fetchone()[0]) if has_vec else 0,
        "fts_rows": int(conn.execute("SELECT count(*) FROM chunks_fts").fetchone()[0]),
    }


# ---- filters ------------------------------------------------------------------------------

def resolve_filters(
    conn: Any, *, municipality: str | None = None, committee: str | None = None,
    doc_type: str | None = None, year_from: int | None = None, year_to: int | None = None,
    sections: Sequence[str] | None = None, chunk_ids: Sequence[int] | None = None,
) -> Filters:
    """Turn what a user typed (any case; committee as a part of the name) into stored values,
    since vec0 metadata columns only compare exactly."""
    from .store import like_contains

    def values(col: str, pattern: str, like: bool) -> tuple[str, ...]:
        # a committee by part of its name, its own % and _ taken literally
        op = "LIKE ? ESCAPE '\\'" if like else "= ? COLLATE NOCASE"
        arg = like_contains(pattern) if like else pattern
        return tuple(r[0] for r in conn.execute(
            f"SELECT DISTINCT {col} FROM documents WHERE {col} {op}", (arg,)))

    return Filters(
        municipalities=values("municipality", municipality, False) if municipality else None,
        committees=values("committee", committee, True) if committee else None,
        doc_types=values("doc_type", doc_type, False) if doc_type else None,
        year_from=year_from, year_to=year_to,
        sections=tuple(sections) if sections is not None else None,
        chunk_ids=tuple(chunk_ids) if chunk_ids is not None else None,
    )


def _where(f: Filters, prefix: str = "") -> tuple[list[str], list[Any]]:
    where: list[str] = []
    args: list[Any] = []
    for col, vals in (("municipality", f.municipalities), ("committee", f.committees),
                      ("doc_type", f.doc_types), ("section", f.sections)):
        if vals is not None:
            where.append(f"{prefix}{col} IN ({','.join('?' * len(vals))})")
            args += list(vals)
    if f.year_from is not None:
        where.append(f"{prefix}year >= ?")
        args.append(f.year_from)
    if f.year_to is not None:
        where.append(f"{prefix}year <= ?")
        args.append(f.year_to)
    return where, args


# ---- queries ------------------------------------------------------------------------------

MIN_STEM = 4  # as search.hybrid: a shorter word is matched whole, not as a prefix


def fts_query(terms: Sequence[Any]) -> str:
    """An FTS5 MATCH expression for query terms (``search.hybrid.Term``: word, stem, parts):
    any of the words (stem prefixes) or all the parts of a split compound."""
    alts = []
    for t in terms:
        alts.append(_prefix(t.stem) if t.stem != t.word or len(t.word) >= MIN_STEM else _exact(t.word))
        if t.parts:
            alts.append("(" + " AND ".join(_prefix(p) for p in t.parts) + ")")
        alts += [_prefix(a) if len(a) >= MIN_STEM else _exact(a) for a in getattr(t, "alts", ())]
        if getattr(t, "party", None):  # "Vänsterpartiet" is "(V)" in a protocol
            alts.append(_exact(t.party.casefold()))
    return " OR ".join(dict.fromkeys(alts))


def _prefix(s: str) -> str:
    return '"' + s.replace('"', '""') + '"*'


def _exact(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _in_ids(conn: Any, col: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """``col IN (...)``; a long list goes through a temp table (SQLite caps bound variables)."""
    if len(ids) <= 2000:
        return f"{col} IN ({','.join('?' * len(ids))})", list(ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.wanted_ids")
    conn.executemany("INSERT OR IGNORE INTO temp.wanted_ids (id) VALUES (?)", [(i,) for i in ids])
    return f"{col} IN (SELECT id FROM temp.wanted_ids)", []


def knn(conn: Any, query: np.ndarray, k: int, f: Filters, *, coarse: int | None = None,
        center: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(chunk_id, cosine similarity) of the ``k`` nearest chunks that pass the filters.

    Without ``coarse``: exact, a scan of the float32 vectors (fine up to some 20k chunks).
    With ``coarse``: that many candidates by Hamming distance on the centred sign bits in
    vec0 (metadata filters applied inside the KNN), then rescored exactly on float32."""
    if f.empty:
        return []
    q = np.ascontiguousarray(query, dtype=np.float32).tobytes()
    if coarse and f.chunk_ids is None:
        where, args = _where(f)
        qv = np.asarray(query, dtype=np.float32)
        qb = np.ascontiguousarray(qv - center if center is not None else qv).tobytes()
        sql = (f"WITH coarse AS (SELECT chunk_id FROM {VEC_TABLE} WHERE embedding_bit MATCH"
               " vec_quantize_binary(?) AND k = ?" + "".join(f" AND {w}" for w in where) + ")"
               " SELECT e.chunk_id, vec_distance_cosine(e.embedding, ?) AS d FROM coarse"
               " JOIN chunk_embeddings e ON e.chunk_id = coarse.chunk_id ORDER BY d LIMIT ?")
        rows = conn.execute(sql, [qb, max(coarse, k), *args, q, k]).fetchall()
    else:
        where, args = _where(f, "c.")
        if f.chunk_ids is not None:
            cond, ids = _in_ids(conn, "e.chunk_id", f.chunk_ids)
            where.append(cond)
            args += ids
        sql = ("SELECT e.chunk_id, vec_distance_cosine(e.embedding, ?) AS d FROM chunk_embeddings e"
               + (" JOIN chunks c ON c.id = e.chunk_id WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY d LIMIT ?")
        rows = conn.execute(sql, [q, *args, k]).fetchall()
    return [(int(r[0]), 1.0 - float(r[1])) for r in rows]


def keyword(conn: Any, match: str, k: int, f: Filters) -> list[tuple[int, float]]:
    """(chunk_id, bm25 score, higher is better) for an FTS5 MATCH expression."""
    if f.empty or not match:
        return []
    where, args = _where(f, "c.")
    if f.chunk_ids is not None:
        cond, ids = _in_ids(conn, "c.id", f.chunk_ids)
        where.append(cond)
        args += ids
    sql = ("SELECT chunks_fts.rowid, bm25(chunks_fts, 1.0, 0.5) AS r FROM chunks_fts"
           + (" JOIN chunks c ON c.id = chunks_fts.rowid" if where else "")
           + " WHERE chunks_fts MATCH ?" + "".join(f" AND {w}" for w in where)
           + " ORDER BY r LIMIT ?")
    rows = conn.execute(sql, [match, *args, k]).fetchall()
    return [(int(r[0]), -float(r[1])) for r in rows]


def term_doc_counts(conn: Any, terms: Iterable[str]) -> dict[str, int]:
    """How many chunks hold each exact term (fts5vocab)."""
    ts = list(set(terms))
    if not ts:
        return {}
    q = ",".join("?" * len(ts))
    return {r[0]: int(r[1]) for r in conn.execute(f"SELECT term, doc FROM chunks_vocab WHERE term IN ({q})", ts)}


def prefix_doc_count(conn: Any, prefix: str) -> int:
    """Chunks holding any term that starts with ``prefix`` (an upper bound: summed per term)."""
    row = conn.execute("SELECT coalesce(sum(doc), 0) FROM chunks_vocab WHERE term >= ? AND term < ?",
                       (prefix, prefix + "\uffff")).fetchone()
    return int(row[0])


def chunk_total(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])


def vector_total(conn: Any) -> int:
    # max(rowid) is O(1), count(*) is a scan: an upper bound is all the planner needs
    return int(conn.execute("SELECT coalesce(max(chunk_id), 0) FROM chunk_embeddings").fetchone()[0])


def chunk_rows(conn: Any, ids: Sequence[int]) -> dict[int, Any]:
    """Chunks with their document's source and metadata, keyed by chunk id."""
    if not ids:
        return {}
    q = ",".join("?" * len(ids))
    rows = conn.execute(
        'SELECT c.id, c.document_id, c.item, c.section, c.start, c."end", c.page_start, c.page_end,'
        " c.text, d.source, d.title, d.municipality, d.committee, d.doc_type, d.date, c.context, d.org_kind,"
        " (SELECT i.title FROM items i WHERE i.document_id = c.document_id AND i.number = c.item"
        "   AND i.start <= c.start ORDER BY i.start DESC LIMIT 1) AS item_title"
        f" FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.id IN ({q})", list(ids)).fetchall()
    return {int(r[0]): r for r in rows}


def diarienummer_for(conn: Any, document_id: int, item: str | None) -> tuple[str, ...]:
    """The diarienummer a passage may cite: its § item's own (none if the § has none: a
    protocol's other §§' numbers are not this one's); outside any §, the document's numbers
    that belong to no § (a report's, a protokollsutdrag's header)."""
    if item is not None:
        rows = conn.execute(
            "SELECT DISTINCT x.dnr FROM diarienummer x JOIN items i ON i.id = x.item_id"
            " WHERE i.document_id = ? AND i.number = ? ORDER BY x.rowid", (document_id, item)).fetchall()
        if rows:
            return tuple(r[0] for r in rows)
        n_items = conn.execute("SELECT count(*) FROM items WHERE document_id = ?", (document_id,)).fetchone()[0]
        if n_items > 1:
            return ()
    rows = conn.execute(
        "SELECT DISTINCT dnr FROM diarienummer WHERE document_id = ? AND item_id IS NULL AND dnr NOT IN"
        " (SELECT x.dnr FROM diarienummer x WHERE x.document_id = ? AND x.item_id IS NOT NULL)"
        " ORDER BY rowid", (document_id, document_id)).fetchall()
    return tuple(r[0] for r in rows)


def _names_match(names: Sequence[str]) -> str:
    """An FTS5 query for any of ``names`` as a phrase, and the words they start ("" for none)."""
    phrases = [" ".join(re.findall(r"\w+", n.casefold())) for n in names]
    return " OR ".join(dict.fromkeys(f'"{p}"*' for p in phrases if p))


def document_mentions(conn: Any, document_id: int, names: Sequence[str]) -> bool:
    """Whether a passage of the document names any of ``names`` (a name and what it starts, so
    a genitive too: "Göteborg" finds "Göteborgs"). A document's chunks are written together,
    so their ids make a range the keyword index can look in without listing every mention."""
    match = _names_match(names)
    lo, hi = conn.execute("SELECT min(id), max(id) FROM chunks WHERE document_id = ?", (document_id,)).fetchone()
    if not match or lo is None:
        return False
    return conn.execute(
        "SELECT 1 FROM chunks_fts JOIN chunks c ON c.id = chunks_fts.rowid WHERE chunks_fts MATCH ?"
        " AND chunks_fts.rowid BETWEEN ? AND ? AND c.document_id = ? LIMIT 1",
        (match, lo, hi, document_id)).fetchone() is not None


MENTION_ROWS = 200_000  # matching passages read at most to answer for many documents at once
MENTION_BATCH = 8  # up to this many documents: one query each


def documents_mentioning(conn: Any, document_ids: Sequence[int], names: Sequence[str]) -> set[int]:
    """Those of ``document_ids`` that ``document_mentions`` ``names``. For many documents the
    passages naming them are read once (their ids, in order) and each document's id range is
    looked up in them; a hit is confirmed to be the document's own passage. A name in more
    than ``MENTION_ROWS`` passages, or a few documents: one query per document."""
    ids = sorted(set(document_ids))
    match = _names_match(names)
    if not ids or not match:
        return set()
    if len(ids) <= MENTION_BATCH:
        return {d for d in ids if document_mentions(conn, d, names)}
    rows = [r[0] for r in conn.execute("SELECT rowid FROM chunks_fts WHERE chunks_fts MATCH ? ORDER BY rowid LIMIT ?",
                                       (match, MENTION_ROWS + 1))]
    if len(rows) > MENTION_ROWS:
        return {d for d in ids if document_mentions(conn, d, names)}
    marks = ",".join("?" * len(ids))
    ranges = conn.execute(f"SELECT document_id, min(id), max(id) FROM chunks WHERE document_id IN ({marks})"
                          " GROUP BY document_id", ids).fetchall()
    first: dict[int, int] = {}
    for d, lo, hi in ranges:
        i = bisect.bisect_left(rows, lo)
        if i < len(rows) and rows[i] <= hi:
            first[int(d)] = rows[i]
    if not first:
        return set()
    marks = ",".join("?" * len(first))
    owner = dict(conn.execute(f"SELECT id, document_id FROM chunks WHERE id IN ({marks})", list(first.values())))
    # a range another document's passage interleaves (not how ingest writes): ask that one alone
    return {d for d, rid in first.items() if owner.get(rid) == d or document_mentions(conn, d, names)}


def bodies(conn: Any) -> list[str]:
    """The municipalities, regions and other bodies the stored documents come from."""
    return [r[0] for r in conn.execute("SELECT DISTINCT municipality FROM documents WHERE municipality IS NOT NULL")]


def vocabulary(conn: Any, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
    """(word, chunks holding it) of the keyword index's words starting with ``prefix``."""
    return [(r[0], int(r[1])) for r in conn.execute(
        "SELECT term, doc FROM chunks_vocab WHERE term >= ? AND term < ? LIMIT ?",
        (prefix, prefix + "\uffff", limit))]


def table_exists(conn: Any, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (name,)).fetchone() is not None


def chunks_overlapping(conn: Any, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
    """For each (document_id, start, end) span, the ids of the chunks overlapping it."""
    out: dict[tuple[int, int, int], list[int]] = {}
    for span in spans:
        doc_id, start, end = span
        out[span] = [r[0] for r in conn.execute(
            'SELECT id FROM chunks WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start',
            (doc_id, end, start))]
    return out


def section_chunk_ids(conn: Any, kinds: Sequence[str]) -> list[int]:
    q = ",".join("?" * len(kinds))
    return [r[0] for r in conn.execute(f"SELECT id FROM chunks WHERE section IN ({q})", list(kinds))]


def doc_type_chunk_ids(conn: Any, doc_types: Sequence[str]) -> list[int]:
    q = ",".join("?" * len(doc_types))
    return [r[0] for r in conn.execute(f"SELECT id FROM chunks WHERE doc_type IN ({q})", list(doc_types))]


# ---- parties --------------------------------------------------------------------------------

def _columns(conn: Any, table: str) -> set[str]:
    return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}


def party_spans(conn: Any, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                ) -> list[tuple[int, int, int]]:
    """(document_id, start, end) of stored positions (and party mentions) of ``code`` (the
    extract stage's tables, when that stage has run)."""
    from .store import like_escape

    spans: list[tuple[int, int, int]] = []
    for table in tables:
        if not table_exists(conn, table):
            continue
        cols = _columns(conn, table)
        if not {"document_id", "start", "end"} <= cols:
            continue
        if "parties" in cols:  # a JSON list or a space/comma separated list of codes
            cond = ("(' ' || replace(replace(replace(replace(parties, '[', ' '), ']', ' '), '\"', ' '), ',', ' ')"
                    " || ' ') LIKE ? ESCAPE '\\'")
            arg = f"% {like_escape(code)} %"
        elif "party" in cols:
            cond, arg = "party = ?", code
        elif "code" in cols:
            cond, arg = "code = ?", code
        else:
            continue
        spans += [(r[0], r[1], r[2]) for r in conn.execute(
            f'SELECT document_id, start, "end" FROM {table} WHERE {cond}', (arg,))]
    return spans


def party_chunk_ids(conn: Any, code: str) -> list[int]:
    """Chunks that state or mention a party: stored positions/mentions overlapping the chunk,
    or, in the chunk's own text, "(S)" after a name or the party's name."""
    from ..registry import PARTIES, canonical_code
    from .store import like_contains

    code = canonical_code(code) or code
    ids: set[int] = set()
    for found in chunks_overlapping(conn, party_spans(conn, code)).values():
        ids.update(found)
    if code in PARTIES:  # an unknown code matches its stored positions and "(code)", no name
        ids.update(r[0] for r in conn.execute(
            "SELECT id FROM chunks WHERE instr(text, ?) > 0 OR text LIKE ? ESCAPE '\\'",
            (f"({code})", like_contains(PARTIES[code].stem))))
    else:
        ids.update(r[0] for r in conn.execute("SELECT id FROM chunks WHERE instr(text, ?) > 0", (f"({code})",)))
    return sorted(ids)


def positions_in(conn: Any, document_id: int, start: int, end: int) -> list[tuple[str, tuple[str, ...], str, int]]:
    """(kind, party codes, text, page) of the stored positions overlapping a span of a document."""
    if not table_exists(conn, "positions"):
        return []
    import json

    rows = conn.execute(
        'SELECT kind, parties, text, page FROM positions WHERE document_id = ? AND start < ? AND "end" > ? '
        "ORDER BY start", (document_id, end, start)).fetchall()
    return [(r[0], tuple(json.loads(r[1])), r[2], r[3]) for r in rows]


def item_record(conn: Any, document_id: int, item: str) -> dict[str, Any] | None:
    """A § item's title, span and pages, with its document's date, body and source."""
    r = conn.execute(
        'SELECT i.number, i.title, i.start, i."end", i.page_start, i.page_end FROM items i'
        " WHERE i.document_id = ? AND i.number = ? ORDER BY i.start LIMIT 1", (document_id, item)).fetchone()
    if r is None:
        return None
    return {"number": r[0], "title": r[1], "start": r[2], "end": r[3], "page_start": r[4], "page_end": r[5]}


def item_extractions(conn: Any, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
    """What extract/ stored inside a span of a document (a § item): positions, decisions, votes."""
    import json

    out: dict[str, list[dict[str, Any]]] = {"positions": [], "decisions": [], "votes": []}
    if table_exists(conn, "positions"):
        out["positions"] = [
            {"kind": r[0], "parties": json.loads(r[1]), "text": r[2], "page": r[3], "start": r[4], "end": r[5]}
            for r in conn.execute('SELECT kind, parties, text, page, start, "end" FROM positions'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    if table_exists(conn, "decisions"):
        out["decisions"] = [
            {"status": r[0], "text": r[1], "page": r[2], "start": r[3], "end": r[4]}
            for r in conn.execute('SELECT status, text, page, start, "end" FROM decisions'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    if table_exists(conn, "votes"):
        out["votes"] = [
            {"yes": r[0], "no": r[1], "abstain": r[2], "absent": r[3], "proposition": r[4], "page": r[5],
             "start": r[6], "end": r[7], "by_party": _roll_call_by_party(conn, r[8])}
            for r in conn.execute('SELECT yes, no, abstain, absent, proposition, page, start, "end", id FROM votes'
                                  ' WHERE document_id = ? AND start >= ? AND "end" <= ? ORDER BY start',
                                  (document_id, start, end))]
    return out


def _roll_call_by_party(conn: Any, vote_id: int) -> dict[str, dict[str, int]]:
    """How each party's members voted in a vote with a roll call: {party: {ja: n, nej: n, ...}}."""
    if not table_exists(conn, "roll_call"):
        return {}
    out: dict[str, dict[str, int]] = {}
    for party, vote, n in conn.execute(
            "SELECT party, vote, count(*) FROM roll_call WHERE vote_id = ? AND party IS NOT NULL"
            " GROUP BY party, vote", (vote_id,)):
        out.setdefault(party, {})[vote] = n
    return out
