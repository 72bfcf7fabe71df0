"""The PostgreSQL backend of the store interface (``base.Store``): a served corpus for many
readers and several writers (a newsroom, a county, all 290 municipalities).

The same logical schema as the SQLite file, through numbered migrations of its own
(``pg_migrations/``, numbered like ``migrations/``; ``pg_schema.py`` checks and applies them);
keywords in a Swedish ``tsvector`` with a GIN index, vectors in pgvector with an HNSW index
(cosine). The SQL lives in ``pg_store.py`` (documents, extractions) and the search index's
``pg_index.py`` (vectors), ``pg_keywords.py`` (keywords) and ``pg_passages.py`` (hits read
back); ``pg_connect.py`` makes the connection, which this module migrates and wraps in the
object callers hold.

Needs ``pip install 'namndkoll[postgres]'`` (psycopg 3 and pgvector's Python adapter) and a
server with the ``vector`` extension available.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import CorpusError, NamndkollError
from ..types import Chunk, Document, Extraction, Table
from . import redact, redactions, watches
from .beside import PARALLEL_FROM, Beside
from .index import ChunkState, Filters, ModelRecord
from .keywords import whole_numbers
from .pg_connect import (
    INSTALL,
    PREPARE_AFTER,
    PREPARE_ENV,
    behind_pooler,
    connect,
    made_as,
    pooled,
    prepare_setting,
    psycopg_module,
    register_vector,
)
from .pg_schema import MIGRATION_LOCK, check_corpus, known_schema, migrate
from .store import StoredDocument

if TYPE_CHECKING:
    from concurrent.futures import Future

# the connection's names (pg_connect.py) and the schema's (pg_schema.py) stay importable from here
__all__ = ["LISTS", "MIGRATION_LOCK", "PREPARE_AFTER", "PREPARE_ENV", "PostgresStore", "check_corpus", "connect",
           "known_schema", "migrate", "open_pg", "pooled", "prepare_setting", "rewrite_words"]

try:
    from . import pg_claims, pg_index, pg_keywords, pg_passages, pg_pool, pg_store, pg_words
except ImportError as _exc:  # psycopg is an optional extra
    raise CorpusError(f"cannot open a PostgreSQL corpus: {_exc}; {INSTALL}") from _exc

LISTS = ("figures", "decisions", "votes", "positions", "people")
# the clock documents.stored_at is set with (migration 0021's default): the moment of the insert
PG_CLOCK = "to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')"


# ---- opening a corpus -------------------------------------------------------------------

def rewrite_words(conn: Any, *, may_refuse: bool = False) -> None:
    """Go on with migration 0020's rewrite of the passages' keyword words where it stopped, if
    no other session is at it (``pg_words.resume``: batches that commit, progress). A reader
    whose server user may not write (``may_refuse``) leaves it to one who may."""
    psycopg = psycopg_module()
    try:
        pg_words.resume(conn)
    except psycopg.errors.InsufficientPrivilege:
        if not may_refuse:
            raise
    except psycopg.Error as exc:
        raise CorpusError(f"cannot rewrite the keyword words (migration 0020): {str(exc).strip().splitlines()[0]};"
                          " open the corpus again to go on where it stopped") from exc


def open_pg(url: str, *, write: bool, create: bool = True) -> Any:
    """A migrated connection to the corpus at ``url`` (read-only unless ``write``)."""
    where = redact(url)
    conn = connect(url, read_only=not write)
    try:
        pending = check_corpus(conn, where, allow_new=write and create)
        if write:
            if pending:
                migrate(conn)
            rewrite_words(conn)
        elif pending or pg_words.pending(conn):
            # an older namndkoll's corpus: bring it up to date once, if this user may
            with contextlib.closing(connect(url)) as rw:
                if pending:
                    migrate(rw)
                rewrite_words(rw, may_refuse=True)
        register_vector(conn)
        pg_index.session_settings(conn, pooled=behind_pooler(conn))
    except BaseException:
        if not conn.closed:
            conn.close()
        raise
    return conn


def _still_ours(conn: Any) -> bool:
    """May a kept read-only connection serve again: made under the prepare setting of now (a
    process may change ``$NAMNDKOLL_PG_PREPARE``), alive, and the schema this version knows?"""
    return made_as(conn) == prepare_setting() and bool(conn.execute("SELECT coalesce(max(number), 0) FROM _migrations").fetchone()[0] == known_schema())


# ---- the store ----------------------------------------------------------------------------

class PostgresStore:
    backend = "postgresql"
    # below this many vectors a query is answered exactly (a scan), as SqliteStore does; above,
    # through the HNSW index
    EXACT_LIMIT = 20_000
    # a filter that leaves at most this many vectors (the planner's estimate) is answered by a
    # scan of those rows too: HNSW must walk ~ef_search / selectivity nodes to find enough that
    # pass it (1M chunks, one municipality and 4 years, k 100: HNSW p50 222 ms, scan 73 ms, and
    # the scan is exact)
    EXACT_FILTERED = 50_000

    def __init__(self, conn: Any, *, location: str = "", read_only: bool = False) -> None:
        self.conn = conn
        self.location = location
        self.read_only = read_only
        self._psycopg = psycopg_module()
        self._url: str | None = None  # to open a second connection (``keyword_beside``)
        self._beside: Beside | None = None
        # whose claims on content and passages (pg_claims): a token of its own, then the client's
        # host and pid, which another run waiting for its passages names (``claimed_elsewhere``)
        self._owner = f"{uuid.uuid4().hex}/{socket.gethostname()}/{os.getpid()}"
        self._embedding: list[int] = []  # the passages of the batch claimed now (``beat`` refreshes them)

    @classmethod
    def open(cls, url: str, *, write: bool, create: bool = True) -> PostgresStore:
        conn = None if write else pg_pool.take(url, _still_ours)
        if conn is None:
            conn = open_pg(url, write=write, create=create)
        st = cls(conn, location=redact(url), read_only=not write)
        st._url = url
        return st

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise CorpusError(f"{self.location} was opened read-only: this command does not write")
        if self.conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE:
            with self.conn.transaction():  # nested: a savepoint
                yield self.conn
            return
        try:
            with self.conn.transaction():
                yield self.conn
        except self._psycopg.Error as exc:
            raise CorpusError(f"{self.location}: {str(exc).strip().splitlines()[0]}") from exc
        finally:
            pg_index.forget(self.conn)  # counts and statistics cached for searches are stale now

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """A REPEATABLE READ, READ ONLY transaction: the reads inside see the corpus as of the
        first one (a read-only transaction never fails to serialize)."""
        if self.conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE:
            yield
            return
        self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):  # a lost connection: the error inside says more
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def long_snapshots(self) -> bool:
        # held for a whole copy of a big corpus (hours), a snapshot keeps VACUUM from removing
        # any row deleted meanwhile: every nightly replace's old passages, vectors and their
        # HNSW entries would stay until it ends
        return False

    def close(self) -> None:
        if self._beside is not None:
            self._beside.close()
        if self.read_only and self._url is not None and pg_pool.keep(self._url, self.conn):
            return  # kept for the next read-only store, with its caches (pg_pool.py)
        pg_index.closed(self.conn)
        self.conn.close()

    # ---- documents ------------------------------------------------------------------------
    def lookup_source(self, source: str) -> tuple[int, str] | None:
        return pg_store.lookup_source(self.conn, source)

    def reader_of(self, document_id: int) -> str | None:
        return pg_store.reader_of(self.conn, document_id)

    def source_with_sha(self, sha: str, *, exclude: str) -> str | None:
        return pg_store.source_with_sha(self.conn, sha, exclude=exclude)

    def replace_document(self, doc: Document) -> int:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        return pg_store.replace_document(self.conn, doc)

    def hold_content(self, sha: str) -> bool:
        pg_store.hold_content(self.conn, sha)
        return True

    def claim_content(self, sha: str) -> bool:
        return pg_claims.claim(self.conn, sha, self._owner)

    def content_holder(self, sha: str) -> Any:
        return pg_claims.content_holder(self.conn, sha, self._owner)

    def release_content(self, sha: str) -> None:
        # after a lost connection the claim dies with the session: the error that lost it is
        # the one to report
        with contextlib.suppress(self._psycopg.Error):
            pg_claims.release(self.conn, sha, self._owner)

    def beat(self) -> None:
        if self.conn.info.transaction_status.name != "IDLE":
            return  # inside a transaction the claims' rows may be its own: no heartbeat from here
        with contextlib.suppress(self._psycopg.Error):  # a lost connection is reported by what comes next
            pg_claims.beat(self.conn, self._owner, self._embedding)

    def save_extraction(self, document_id: int, doc: Document, ext: Extraction) -> None:
        pg_store.save_extraction(self.conn, document_id, doc, ext)

    def load_extraction(self, document_id: int) -> Extraction:
        return pg_store.load_extraction(self.conn, document_id)

    def delete_document(self, document_id: int) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        self.conn.execute("DELETE FROM documents WHERE id = %s", (document_id,))

    def set_ingested_at(self, document_id: int, when: str) -> None:
        self.conn.execute("UPDATE documents SET ingested_at = %s WHERE id = %s", (when, document_id))

    def resolve(self, ref: str | int) -> int:
        return pg_store.resolve(self.conn, ref)

    def list_documents(self, **filters: Any) -> list[StoredDocument]:
        return pg_store.list_documents(self.conn, **filters)

    def get_stored(self, document_id: int) -> StoredDocument:
        return pg_store.get_stored(self.conn, document_id)

    def count_undated(self, **filters: Any) -> int:
        return pg_store.count_undated(self.conn, **filters)

    def page_tables(self, document_id: int, page: int) -> list[Table]:
        return pg_store.page_tables(self.conn, document_id, page)

    def ocr_read_pages(self, document_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        return pg_store.ocr_read_pages(self.conn, document_ids)

    def load_document(self, document_id: int) -> Document:
        return pg_store.load_document(self.conn, document_id)

    def corpus_stats(self) -> dict[str, Any]:
        return pg_store.corpus_stats(self.conn)

    def size_bytes(self) -> int:
        # the tables of the corpus's schema (the first on the search path), indexes and TOAST included
        return int(self.conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')").fetchone()[0])

    def list_extracted(self, what: str, **filters: Any) -> list[dict[str, Any]]:
        if what not in LISTS:
            raise NamndkollError(f"cannot list {what!r}: choose one of {', '.join(LISTS)}")
        return pg_store.list_extracted(self.conn, what, **{k: v for k, v in filters.items() if v is not None})

    # ---- search index: model and vectors ----------------------------------------------------
    def get_model(self) -> ModelRecord | None:
        return pg_index.get_model(self.conn)

    def set_model(self, model_id: str, dimensions: int) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        pg_index.set_model(self.conn, model_id, dimensions)

    def set_center(self, center: np.ndarray) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        self.conn.execute("UPDATE embedding_model SET center = %s WHERE id = 1",
                          (np.asarray(center, dtype=np.float32).tobytes(),))

    def check_model(self, model_id: str, dimensions: int) -> ModelRecord | None:
        from .index import model_mismatch

        rec = self.get_model()
        if rec is not None and (rec.model_id != model_id or rec.dimensions != dimensions):
            raise model_mismatch(rec, model_id, dimensions)
        return rec

    def drop_vectors(self) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        pg_index.drop_vectors(self.conn)

    def drop_chunks(self) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        self.conn.execute("DELETE FROM chunks")
        self.conn.execute("DELETE FROM chunk_terms")
        self.conn.execute("DELETE FROM chunked_documents")

    def documents_to_chunk(self, chunker: str) -> list[int]:
        return [r[0] for r in self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN chunked_documents c ON c.document_id = d.id"
            " WHERE c.chunker IS NULL OR c.chunker != %s ORDER BY d.id", (chunker,))]

    def chunk_state(self, document_id: int, chunker: str, *, sha256: str, reader: str) -> ChunkState:
        return pg_index.chunk_state(self.conn, document_id, chunker, sha256=sha256, reader=reader)

    def replace_chunks(self, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                       chunker: str, contexts: Sequence[str] | None = None) -> None:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        pg_index.replace_chunks(self.conn, document_id, chunks, hashes, chunker, contexts)

    def chunk_ids(self, document_id: int) -> list[int]:
        return [int(r[0]) for r in self.conn.execute(
            "SELECT id FROM chunks WHERE document_id = %s ORDER BY idx", (document_id,))]

    def load_chunks(self, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
        return pg_index.load_chunks(self.conn, document_id)

    def count_unembedded(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM chunks_todo").fetchone()[0])

    def unembedded(self, limit: int) -> list[tuple[int, str, str, str]]:
        return [(r[0], r[1], r[2], r[3]) for r in self.conn.execute(
            "SELECT c.id, c.text, c.hash, c.context FROM chunks_todo t JOIN chunks c ON c.id = t.chunk_id"
            " ORDER BY t.chunk_id LIMIT %s", (limit,))]

    @contextlib.contextmanager
    def claim_unembedded(self, limit: int) -> Iterator[list[tuple[int, str, str, str]]]:
        # claimed in a short transaction of its own: the caller embeds with none open, then
        # stores the vectors in another (``insert_vectors`` with hashes checks each passage again)
        with self.transaction():
            batch = pg_index.claim_unembedded(self.conn, limit, self._owner)
        self._embedding = [b[0] for b in batch]
        try:
            yield batch
        finally:
            self._embedding = []
            if batch:  # what was not stored waits for the next run; after a lost connection the
                # claims die with the session, and the error that lost it is the one to report
                with contextlib.suppress(self._psycopg.Error):
                    pg_index.release_unembedded(self.conn, [b[0] for b in batch], self._owner)

    def claimed_elsewhere(self) -> list[Any]:
        return pg_index.claimed_elsewhere(self.conn, self._owner)

    def recycled(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        rows = self.conn.execute("SELECT hash, embedding FROM recycled_vectors WHERE hash = ANY(%s)",
                                 (list(set(hashes)),))
        return {r[0]: pg_index.as_array(r[1]) for r in rows}

    def clear_recycled(self) -> None:
        self.conn.execute("DELETE FROM recycled_vectors")

    def insert_vectors(self, ids: Sequence[int], vectors: np.ndarray, center: np.ndarray | None,
                       hashes: Sequence[str] | None = None) -> int:
        pg_index.forget(self.conn)  # cached counts are stale after a write
        return pg_index.insert_vectors(self.conn, ids, vectors, hashes)

    def index_counts(self) -> dict[str, int]:
        return pg_index.index_counts(self.conn)

    # ---- search index: queries ------------------------------------------------------------
    def resolve_filters(self, **kwargs: Any) -> Filters:
        return pg_index.resolve_filters(self.conn, **kwargs)

    def knn(self, query: np.ndarray, k: int, f: Filters) -> list[tuple[int, float]]:
        exact = f.chunk_ids is not None or self.vector_total() <= self.EXACT_LIMIT
        if not exact:
            rows = pg_index.filtered_rows(self.conn, f)
            exact = rows is not None and rows <= self.EXACT_FILTERED
        return pg_index.knn(self.conn, query, k, f, exact=exact)

    def keyword(self, terms: Sequence[Any], k: int, f: Filters) -> list[tuple[int, float]]:
        # a number in groups only standing whole ("500 000" is not inside "1 500 000")
        return whole_numbers(lambda ts, n, g: pg_keywords.keyword(self.conn, ts, n, g), self.chunk_rows, terms, k, f)

    def keyword_beside(self, terms: Sequence[Any], k: int, f: Filters) -> Future[list[tuple[int, float]]] | None:
        if not self.read_only or self._url is None or self.chunk_total() < PARALLEL_FROM:
            return None
        if self._beside is None:
            url = self._url
            self._beside = Beside(lambda: PostgresStore.open(url, write=False))
        return self._beside.submit("keyword", terms, k, f)

    def term_doc_counts(self, terms: Iterable[str]) -> dict[str, int]:
        return pg_keywords.term_doc_counts(self.conn, terms)

    def prefix_doc_count(self, prefix: str) -> int:
        return pg_keywords.prefix_doc_count(self.conn, prefix)

    def chunk_total(self) -> int:
        return pg_index.estimate(self.conn, "chunks", "SELECT count(*) FROM chunks")

    def vector_total(self) -> int:
        return pg_index.estimate(self.conn, "chunk_vectors", "SELECT count(*) FROM chunk_vectors")

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, Any]:
        return pg_passages.chunk_rows(self.conn, ids)

    def diarienummer_for(self, document_id: int, item: str | None) -> tuple[str, ...]:
        return pg_store.diarienummer_for(self.conn, document_id, item)

    def diarienummer_many(self, keys: Sequence[tuple[int, str | None]]) -> dict[tuple[int, str | None], tuple[str, ...]]:
        return pg_store.diarienummer_many(self.conn, keys)

    def chunks_overlapping(self, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
        return pg_passages.chunks_overlapping(self.conn, spans)

    def section_chunk_ids(self, kinds: Sequence[str]) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE section = ANY(%s) ORDER BY id",
                                                (list(kinds),))]

    def doc_type_chunk_ids(self, doc_types: Sequence[str]) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE doc_type = ANY(%s) ORDER BY id",
                                                (list(doc_types),))]

    def party_spans(self, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                    ) -> list[tuple[int, int, int]]:
        return pg_passages.party_spans(self.conn, code, tables)

    def party_chunk_ids(self, code: str) -> list[int]:
        return pg_passages.party_chunk_ids(self.conn, code)

    def positions_in(self, document_id: int, start: int, end: int
                     ) -> list[tuple[str, tuple[str, ...], str, int]]:
        return pg_passages.positions_in(self.conn, document_id, start, end)

    # ---- the web pages and roll calls --------------------------------------------------------
    def numbered_items(self, municipality: str | None, number: str) -> list[dict[str, Any]]:
        from . import pg_web

        return pg_web.numbered_items(self.conn, municipality, number)

    def case_step(self, item_id: int) -> dict[str, Any] | None:
        from . import pg_web

        return pg_web.case_step(self.conn, item_id)

    def documents_naming_item(self, municipality: str | None, number: str, since: str | None = None,
                              until: str | None = None) -> list[tuple[int, str]]:
        from . import pg_web

        return pg_web.documents_naming_item(self.conn, municipality, number, since, until)

    def body_numbers(self, municipality: str | None) -> list[tuple[str, str | None]]:
        from . import pg_web

        return pg_web.body_numbers(self.conn, municipality)

    def case_entries(self, dnr: str) -> list[dict[str, Any]]:
        from . import pg_web

        return pg_web.case_entries(self.conn, dnr)

    def extracted_by_ids(self, what: str, ids: Sequence[int]) -> list[dict[str, Any]]:
        from . import pg_web

        return pg_web.extracted_by_ids(self.conn, what, ids)

    def chunk_party_codes(self, chunk_ids: Sequence[int]) -> dict[int, set[str]]:
        from . import pg_web

        return pg_web.chunk_party_codes(self.conn, chunk_ids)

    def list_members(self, *, party: str | None = None, member: str | None = None, limit: int | None = None,
                     **filters: Any) -> list[dict[str, Any]]:
        from . import members, pg_web

        rows = pg_web.roll_rows(self.conn, **{k: v for k, v in filters.items() if v is not None})
        return members.aggregate_members(rows, party=party, member=member, limit=limit)

    def list_blocs(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        from . import blocs, pg_web

        return blocs.aggregate_blocs(pg_web.roll_rows(self.conn, **{k: v for k, v in filters.items() if v is not None}))

    def votes_version(self) -> tuple[int, ...]:
        n, top = self.conn.execute("SELECT count(*), coalesce(max(id), 0) FROM votes").fetchone()
        if self.conn.execute("SELECT to_regclass('redactions')").fetchone()[0] is None:
            return int(n), int(top)  # a corpus before migration 0023, opened read-only
        rules, places = self.conn.execute("SELECT coalesce(max(id), 0), coalesce(sum(places), 0)"
                                          " FROM redactions").fetchone()
        return int(n), int(top), int(rules), int(places)  # a redaction rewrites roll calls in place

    def member_names(self, fragment: str, limit: int = 5) -> list[str]:
        from . import pg_web

        return pg_web.member_names(self.conn, fragment, limit)

    def vocabulary(self, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
        return pg_keywords.vocabulary(self.conn, prefix, limit)

    def document_mentions(self, document_id: int, names: Sequence[str]) -> bool:
        return pg_keywords.document_mentions(self.conn, document_id, names)

    def documents_mentioning(self, document_ids: Sequence[int], names: Sequence[str]) -> set[int]:
        return {d for d in dict.fromkeys(document_ids) if pg_keywords.document_mentions(self.conn, d, names)}

    def bodies(self) -> list[str]:
        return pg_passages.bodies(self.conn)

    def figure_units(self, kind: str | None = None) -> list[tuple[str, int]]:
        return pg_passages.figure_units(self.conn, kind)

    def item_record(self, document_id: int, item: str) -> dict[str, Any] | None:
        return pg_passages.item_record(self.conn, document_id, item)

    def item_extractions(self, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
        return pg_passages.item_extractions(self.conn, document_id, start, end)

    def optimize(self) -> None:
        if not self.read_only:
            pg_keywords.optimize(self.conn)

    # ---- saved topics (namndkoll watch) -------------------------------------------------------
    def watch_cut(self) -> str:
        if self.read_only:  # a dry run: it marks nothing, so a document being written now can wait
            return watches.cut(self.conn, PG_CLOCK)
        with self.transaction() as conn:
            self._hold_documents(conn)
            return watches.cut(conn, PG_CLOCK)

    def _hold_documents(self, conn: Any) -> None:
        """Wait for the transactions writing documents now, and hold new ones until this one
        ends (SHARE conflicts with the ROW EXCLUSIVE of an INSERT, not with readers)."""
        conn.execute("LOCK TABLE documents IN SHARE MODE")

    def add_watch(self, topic: str, filters: dict[str, Any]) -> dict[str, Any]:
        with self.transaction() as conn:
            self._hold_documents(conn)
            return watches.add(conn, topic, filters, watches.cut(conn, PG_CLOCK), ph="%s")

    def list_watches(self) -> list[dict[str, Any]]:
        return watches.listed(self.conn)

    def remove_watch(self, ref: str | int) -> dict[str, Any]:
        with self.transaction() as conn:
            return watches.remove(conn, ref, ph="%s")

    def mark_watch(self, watch_id: int, until: str) -> None:
        with self.transaction() as conn:
            watches.mark(conn, watch_id, until, ph="%s")

    def newest_stored(self) -> str | None:
        return watches.newest(self.conn)

    def documents_stored(self, after: str, upto: str, **filters: Any) -> list[dict[str, Any]]:
        return watches.stored_between(
            self.conn, after, upto, **filters, ph="%s", where=pg_store.document_where,
            waiting_sql="EXISTS (SELECT 1 FROM chunks k JOIN chunks_todo t ON t.chunk_id = k.id"
                        " WHERE k.document_id = d.id)")

    # ---- names removed on request (namndkoll redact) -----------------------------------------
    def add_redaction(self, name: str, reason: str, when: str) -> dict[str, Any]:
        return redactions.add(self.conn, name, reason, when, ph="%s")

    def redaction_rules(self) -> list[dict[str, Any]]:
        if self.conn.execute("SELECT to_regclass('redactions')").fetchone()[0] is None:
            return []  # a corpus before migration 0023, opened read-only
        return redactions.rules(self.conn)

    def remove_redaction(self, ref: str | int) -> dict[str, Any]:
        with self.transaction() as conn:
            return redactions.remove(conn, ref, ph="%s")

    def apply_redactions(self, rules: Sequence[tuple[int, str]],
                         document_ids: Sequence[int] | None = None) -> redactions.Tally:
        pg_index.forget(self.conn)
        return redactions.apply_rules(self.conn, rules, ph="%s", document_ids=document_ids)

    def count_redactions(self, tally: redactions.Tally) -> None:
        redactions.count(self.conn, tally, ph="%s")

    def forget_text(self, hashes: Sequence[str]) -> None:
        """Inside the redaction's transaction: the vectors kept for re-use of passages whose text
        is gone."""
        if hashes:
            self.conn.execute("DELETE FROM recycled_vectors WHERE hash = ANY(%s)", (list(hashes),))

    def after_redaction(self) -> None:
        """After the commit: the corpus-wide word counts made again (a removed surname's count
        goes), and the old row versions, which PostgreSQL keeps until a VACUUM, removed."""
        pg_keywords.optimize(self.conn)
        if self.conn.autocommit and self.conn.info.transaction_status == self._psycopg.pq.TransactionStatus.IDLE:
            for table in ("pages", "chunks", "items", "sections", "documents", "page_tables", "figures", "people",
                          "decisions", "decision_clauses", "votes", "roll_call", "positions", "entities",
                          "chunk_vectors", "recycled_vectors", "chunk_terms", "term_stats"):
                self.conn.execute(f"VACUUM {table}")

    # ---- PostgreSQL only ----------------------------------------------------------------------
    def bulk_load(self, memory: str = "1GB") -> contextlib.AbstractContextManager[dict[str, float]]:
        """``with store.bulk_load() as seconds:`` many documents written with the search indexes
        dropped, each built in one pass at the end (``seconds``: how long each took)."""
        return pg_index.bulk_load(self.conn, memory)

    def build_vector_index(self, *, m: int = pg_index.HNSW_M, ef_construction: int = pg_index.HNSW_EF_CONSTRUCTION,
                           memory: str | None = None) -> float:
        """(Re)build the HNSW index in one pass (faster than growing it row by row on a bulk
        load); returns the seconds it took."""
        return pg_index.build_hnsw(self.conn, m=m, ef_construction=ef_construction, memory=memory)
