"""The SQLite search index: chunks, the sqlite-vec vectors, the record of which embedding model
made them, and the filters both query sides apply. The FTS5 keyword side is ``keywords.py``;
reading passages back for hits and citations, ``passages.py``.

float32 vectors live in ``chunk_embeddings`` (a plain table: exact cosine by B-tree lookup
or scan); their sign bits (of the vector minus the corpus mean) live in a ``vec0`` table,
created when the first model is recorded (its dimension is only known then), with metadata
columns for the filters: on a big corpus the Hamming KNN over 48-byte codes picks
candidates that are rescored exactly. Neither has foreign keys, so a trigger on ``chunks``
deletes a chunk's vectors with it (keeping the float vector by text hash in
``recycled_vectors`` for re-use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import ModelError, NamndkollError
from ..types import Chunk
from .passages import ORIGIN_ITEMS, chunk_origins

if TYPE_CHECKING:  # numpy is imported where vectors are read or written: a list of documents needs none
    import numpy as np

VEC_TABLE = "chunk_vecs"


@dataclass(frozen=True)
class ModelRecord:
    model_id: str
    dimensions: int
    center: np.ndarray | None


def check_years(year_from: int | None = None, year_to: int | None = None) -> None:
    """A NamndkollError for a year range that runs backwards (--from 2027 --to 2020): nothing
    lies between them, and "no good match" would read as if the corpus held nothing."""
    if year_from is not None and year_to is not None and year_from > year_to:
        raise NamndkollError(f"--from {year_from} is after --to {year_to}: no year lies between them; "
                             "swap them")


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
    import numpy as np

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
    import numpy as np

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


ChunkState = Literal["todo", "done", "gone"]


def chunk_state(conn: Any, document_id: int, chunker: str, *, sha256: str, reader: str) -> ChunkState:
    """Whether the version of a document an index run read (``sha256``, ``reader``) still waits
    to be chunked, inside the transaction that would chunk it. Another process may have replaced
    it since it was read: SQLite then gives the new version the old one's id when it was the
    highest, so the id alone does not tell the old version from the new."""
    row = conn.execute("SELECT sha256, coalesce(reader, '') FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None or (row[0], row[1]) != (sha256, reader):
        return "gone"
    done = conn.execute("SELECT chunker FROM chunked_documents WHERE document_id = ?", (document_id,)).fetchone()
    return "done" if done is not None and done[0] == chunker else "todo"


def replace_chunks(conn: Any, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                   chunker: str, contexts: Sequence[str] | None = None) -> None:
    conn.execute("DELETE FROM chunks WHERE document_id = ?", (document_id,))
    d = conn.execute("SELECT municipality, committee, doc_type, year FROM documents WHERE id = ?",
                     (document_id,)).fetchone()
    origins = chunk_origins(chunks, conn.execute(ORIGIN_ITEMS.format(ph="?"), (document_id,)).fetchall(), d[1], d[3])
    conn.executemany(
        'INSERT INTO chunks (document_id, idx, item, section, start, "end", page_start, page_end, text,'
        " context, hash, municipality, committee, doc_type, year) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(document_id, i, c.item, c.section, c.start, c.end, c.page_start, c.page_end, c.text,
          contexts[i] if contexts else "", h, d[0], origins[i][0], d[2], origins[i][1])
         for i, (c, h) in enumerate(zip(chunks, hashes))],
    )
    conn.execute("INSERT OR REPLACE INTO chunked_documents (document_id, chunker) VALUES (?, ?)",
                 (document_id, chunker))


def load_chunks(conn: Any, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
    import numpy as np

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
    import numpy as np

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
    ``recycled_vectors``, so that the passage, when it comes back, is not embedded again. A
    chunk that got its vector meanwhile (another run took over a claim it thought dead) keeps it:
    vec0 cannot replace a row, and the text and the model are the same."""
    import numpy as np

    vecs = np.ascontiguousarray(vectors, dtype=np.float32)
    centred = vecs - center if center is not None else vecs
    meta = {r[0]: r[1:] for r in conn.execute(
        f"SELECT id, municipality, committee, doc_type, year, section, hash, embedded FROM chunks"
        f" WHERE id IN ({','.join('?' * len(ids))})", list(ids))}
    rows, gone = [], []
    for n, (cid, v, c) in enumerate(zip(ids, vecs, centred)):
        m = meta.get(cid)
        if m is None or (hashes is not None and m[5] != hashes[n]):
            if hashes is not None:
                gone.append((hashes[n], v.tobytes()))
            continue
        if hashes is not None and m[6]:
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
    import numpy as np

    rows = conn.execute("SELECT embedding FROM chunk_embeddings ORDER BY random() LIMIT ?", (n,)).fetchall()
    return np.array([np.frombuffer(r[0], dtype=np.float32) for r in rows], dtype=np.float32)


def requantize(conn: Any, center: np.ndarray) -> None:
    """Recompute every sign-bit vector against a new centre."""
    import numpy as np

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
    stored: Callable[[str], Iterable[str]] | None = None,
) -> Filters:
    """Turn what a user typed (any case, with or without å ä ö; committee as a part of the
    name) into stored values, since vec0 metadata columns only compare exactly. ``stored``:
    a column's stored values, where a backend keeps them (``names.stored_names`` otherwise)."""
    from .names import names_like, stored_names

    def values(col: str, typed: str, part: bool) -> tuple[str, ...]:
        return names_like(stored(col) if stored else stored_names(conn, col), typed, part=part)

    return Filters(
        municipalities=values("municipality", municipality, False) if municipality else None,
        committees=values("committee", committee, True) if committee else None,
        doc_types=values("doc_type", doc_type, False) if doc_type else None,
        year_from=year_from, year_to=year_to,
        sections=tuple(sections) if sections is not None else None,
        chunk_ids=tuple(chunk_ids) if chunk_ids is not None else None,
    )


def filters_where(f: Filters, prefix: str = "") -> tuple[list[str], list[Any]]:
    """The conditions (and their arguments) of the filters on a chunk's own columns; the
    chunk ids are not among them (``in_ids``)."""
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


def chunk_where(conn: Any, f: Filters, id_col: str) -> tuple[list[str], list[Any]]:
    """The filters on the chunks table ``c`` (``filters_where``) and the filter's chunk ids on
    ``id_col``, for a query joined to ``chunks c``."""
    where, args = filters_where(f, "c.")
    if f.chunk_ids is not None:
        cond, ids = in_ids(conn, id_col, f.chunk_ids)
        where.append(cond)
        args += ids
    return where, args


def in_ids(conn: Any, col: str, ids: Sequence[int]) -> tuple[str, list[Any]]:
    """``col IN (...)``; a long list goes through a temp table (SQLite caps bound variables)."""
    if len(ids) <= 2000:
        return f"{col} IN ({','.join('?' * len(ids))})", list(ids)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_ids (id INTEGER PRIMARY KEY)")
    conn.execute("DELETE FROM temp.wanted_ids")
    conn.executemany("INSERT OR IGNORE INTO temp.wanted_ids (id) VALUES (?)", [(i,) for i in ids])
    return f"{col} IN (SELECT id FROM temp.wanted_ids)", []


# ---- vector queries -----------------------------------------------------------------------

def knn(conn: Any, query: np.ndarray, k: int, f: Filters, *, coarse: int | None = None,
        center: np.ndarray | None = None) -> list[tuple[int, float]]:
    """(chunk_id, cosine similarity) of the ``k`` nearest chunks that pass the filters.

    Without ``coarse``: exact, a scan of the float32 vectors (fine up to some 20k chunks).
    With ``coarse``: that many candidates by Hamming distance on the centred sign bits in
    vec0 (metadata filters applied inside the KNN), then rescored exactly on float32."""
    import numpy as np

    if f.empty:
        return []
    q = np.ascontiguousarray(query, dtype=np.float32).tobytes()
    if coarse and f.chunk_ids is None:
        where, args = filters_where(f)
        qv = np.asarray(query, dtype=np.float32)
        qb = np.ascontiguousarray(qv - center if center is not None else qv).tobytes()
        sql = (f"WITH coarse AS (SELECT chunk_id FROM {VEC_TABLE} WHERE embedding_bit MATCH"
               " vec_quantize_binary(?) AND k = ?" + "".join(f" AND {w}" for w in where) + ")"
               " SELECT e.chunk_id, vec_distance_cosine(e.embedding, ?) AS d FROM coarse"
               " JOIN chunk_embeddings e ON e.chunk_id = coarse.chunk_id ORDER BY d LIMIT ?")
        rows = conn.execute(sql, [qb, max(coarse, k), *args, q, k]).fetchall()
    else:
        where, args = chunk_where(conn, f, "e.chunk_id")
        sql = ("SELECT e.chunk_id, vec_distance_cosine(e.embedding, ?) AS d FROM chunk_embeddings e"
               + (" JOIN chunks c ON c.id = e.chunk_id WHERE " + " AND ".join(where) if where else "")
               + " ORDER BY d LIMIT ?")
        rows = conn.execute(sql, [q, *args, k]).fetchall()
    return [(int(r[0]), 1.0 - float(r[1])) for r in rows]


def chunk_total(conn: Any) -> int:
    return int(conn.execute("SELECT count(*) FROM chunks").fetchone()[0])


def vector_total(conn: Any) -> int:
    # max(rowid) is O(1), count(*) is a scan: an upper bound is all the planner needs
    return int(conn.execute("SELECT coalesce(max(chunk_id), 0) FROM chunk_embeddings").fetchone()[0])
