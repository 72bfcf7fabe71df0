"""The SQLite backend of the store interface (``base.Store``): one file, sqlite-vec + FTS5.

A thin object over one connection; the SQL itself lives in ``store.py`` (documents),
``extractions.py`` (what extract/ found) and the search index's ``index.py`` (vectors),
``keywords.py`` (FTS5) and ``passages.py`` (hits read back).
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import CorpusError, NamndkollError
from ..types import Chunk, Document, Extraction, Table
from . import claims, extractions, index, keywords, passages, redactions, store, watches
from .beside import PARALLEL_FROM, Beside
from .db import open_db, transaction
from .index import ChunkState, Filters, ModelRecord
from .store import StoredDocument

if TYPE_CHECKING:
    from concurrent.futures import Future

    import numpy as np

EXACT_LIMIT = 20_000  # above this many vectors: sign-bit coarse pass, then exact rescoring
OVERSAMPLE = 3  # coarse candidates per wanted one (vec0's KNN cost grows with k)
LISTS = ("figures", "decisions", "votes", "positions", "people")
# the clock documents.stored_at is set with (migration 0021's trigger): UTC to the millisecond
SQLITE_CLOCK = "strftime('%Y-%m-%d %H:%M:%f', 'now')"

# What the keyword index says about words (the typo repair's vocabulary, how many passages hold
# a word) and the number of passages, remembered per database file until its keyword index
# changes: FTS5 rewrites its structure record (rowid 10 of chunks_fts_data) and its totals
# (rowid 1) at every write, and the triggers write the index with every passage. A server that
# opens the file per request reads the same few words for many questions (~6 ms a question at
# 100k passages); a write by any process shows as a new version and the answers are read again.
# At most this many words in all (a vocabulary counts its words, a count one): ~20 MB, the
# vocabularies of the first letters most questions use, without holding a big corpus's whole
# vocabulary in a long-running server.
INDEX_FACT_WORDS = 200_000
_facts: OrderedDict[tuple[str, tuple[Any, ...]], tuple[bytes, Any, int]] = OrderedDict()
_facts_size = [0]
_facts_lock = threading.Lock()


class SqliteStore:
    backend = "sqlite"

    def __init__(self, conn: Any, *, location: str = "", read_only: bool = False) -> None:
        self.conn = conn
        self.location = location
        self.read_only = read_only
        self._beside: Beside | None = None
        self._claimer: claims.Claimer | None = None  # set at this store's first claim

    @classmethod
    def open(cls, path: str | Path | None, *, write: bool) -> SqliteStore:
        from .db import conn_path

        conn = open_db(path, readonly=not write)
        return cls(conn, location=conn_path(conn), read_only=not write)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise CorpusError(f"{self.location} was opened read-only: this command does not write")
        with transaction(self.conn) as conn:
            yield conn

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[None]:
        """One read transaction: in WAL mode the reads inside see the file as of its first
        read while writers go on committing (to the WAL, which cannot be checkpointed past
        this reader's mark until it ends); with a rollback journal a writer waits for it."""
        if self.conn.in_transaction:
            yield
            return
        self.conn.execute("BEGIN")
        try:
            self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts here
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def long_snapshots(self) -> bool:
        # WAL: a long read holds up no writer; a rollback journal: every writer's commit would wait
        return str(self.conn.execute("PRAGMA journal_mode").fetchone()[0]).lower() == "wal"

    def close(self) -> None:
        if self._beside is not None:
            self._beside.close()
        if self._claimer is not None:
            claims.leave(self.conn, self._claimer)
        self.conn.close()

    def _remembered(self, key: tuple[Any, ...], compute: Any) -> Any:
        """``compute()``, or its answer for this file and this version of its keyword index."""
        if not self.location or self.location == "?" or self.conn.in_transaction:
            return compute()  # an in-memory corpus, or an open write that FTS5 has not flushed
        version = b"".join(r[0] for r in self.conn.execute(
            "SELECT block FROM chunks_fts_data WHERE id IN (1, 10) ORDER BY id"))
        at = (self.location, key)
        with _facts_lock:
            have = _facts.get(at)
            if have is not None and have[0] == version:
                _facts.move_to_end(at)
                return have[1]
        value = compute()
        size = len(value) if isinstance(value, (tuple, list, dict)) else 1
        with _facts_lock:
            old = _facts.pop(at, None)
            _facts_size[0] += size - (old[2] if old else 0)
            _facts[at] = (version, value, size)
            while _facts_size[0] > INDEX_FACT_WORDS and len(_facts) > 1:
                _facts_size[0] -= _facts.popitem(last=False)[1][2]
        return value

    # ---- documents ------------------------------------------------------------------------
    def lookup_source(self, source: str) -> tuple[int, str] | None:
        return store.lookup_source(self.conn, source)

    def reader_of(self, document_id: int) -> str | None:
        return store.reader_of(self.conn, document_id)

    def source_with_sha(self, sha: str, *, exclude: str) -> str | None:
        return store.source_with_sha(self.conn, sha, exclude=exclude)

    def replace_document(self, doc: Document) -> int:
        return store.replace_document(self.conn, doc)

    def hold_content(self, sha: str) -> bool:
        return False  # one writer at a time (BEGIN IMMEDIATE): the transaction itself holds

    def claim_content(self, sha: str) -> bool:
        return claims.claim_content(self.conn, sha, self._claimer_here())

    def content_holder(self, sha: str) -> claims.Holder | None:
        return claims.content_holder(self.conn, sha, self._claimer_here())

    def release_content(self, sha: str) -> None:
        if self._claimer is not None:
            with contextlib.suppress(Exception):  # a claim left is dead once this process is
                claims.release_content(self.conn, sha, self._claimer)

    def beat(self) -> None:
        if self._claimer is None or self.conn.in_transaction:
            return
        with contextlib.suppress(Exception), self.transaction():  # busy: the next beat will do
            claims.beat(self.conn, self._claimer)

    def _claimer_here(self) -> claims.Claimer:
        if self._claimer is None:
            self._claimer = claims.Claimer.here()
        return self._claimer

    def save_extraction(self, document_id: int, doc: Document, ext: Extraction) -> None:
        extractions.save_extraction(self.conn, document_id, doc, ext)

    def load_extraction(self, document_id: int) -> Extraction:
        return extractions.load_extraction(self.conn, document_id)

    def delete_document(self, document_id: int) -> None:
        store.delete_document(self.conn, document_id)

    def set_ingested_at(self, document_id: int, when: str) -> None:
        self.conn.execute("UPDATE documents SET ingested_at = ? WHERE id = ?", (when, document_id))

    def resolve(self, ref: str | int) -> int:
        return store.resolve(self.conn, ref)

    def list_documents(self, **filters: Any) -> list[StoredDocument]:
        return store.list_documents(self.conn, **filters)

    def get_stored(self, document_id: int) -> StoredDocument:
        return store.get_stored(self.conn, document_id)

    def count_undated(self, **filters: Any) -> int:
        return store.count_undated(self.conn, **filters)

    def page_tables(self, document_id: int, page: int) -> list[Table]:
        return store.page_tables(self.conn, document_id, page)

    def ocr_read_pages(self, document_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        return store.ocr_read_pages(self.conn, document_ids)

    def load_document(self, document_id: int) -> Document:
        return store.load_document(self.conn, document_id)

    def corpus_stats(self) -> dict[str, Any]:
        return store.corpus_stats(self.conn)

    def size_bytes(self) -> int:
        where = Path(self.location)
        if not self.location or not where.exists():
            return 0
        return sum(p.stat().st_size for p in where.parent.glob(where.name + "*") if p.is_file())

    def list_extracted(self, what: str, **filters: Any) -> list[dict[str, Any]]:
        if what not in LISTS:
            raise NamndkollError(f"cannot list {what!r}: choose one of {', '.join(LISTS)}")
        lister = getattr(extractions, f"list_{what}")
        return lister(self.conn, **{k: v for k, v in filters.items() if v is not None})

    # ---- search index: model and vectors ----------------------------------------------------
    def get_model(self) -> ModelRecord | None:
        return index.get_model(self.conn)

    def set_model(self, model_id: str, dimensions: int) -> None:
        index.set_model(self.conn, model_id, dimensions)

    def set_center(self, center: np.ndarray) -> None:
        index.set_center(self.conn, center)

    def check_model(self, model_id: str, dimensions: int) -> ModelRecord | None:
        return index.check_model(self.conn, model_id, dimensions)

    def drop_vectors(self) -> None:
        index.drop_vectors(self.conn)

    def drop_chunks(self) -> None:
        index.drop_chunks(self.conn)

    def documents_to_chunk(self, chunker: str) -> list[int]:
        return index.documents_to_chunk(self.conn, chunker)

    def chunk_state(self, document_id: int, chunker: str, *, sha256: str, reader: str) -> ChunkState:
        return index.chunk_state(self.conn, document_id, chunker, sha256=sha256, reader=reader)

    def replace_chunks(self, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                       chunker: str, contexts: Sequence[str] | None = None) -> None:
        index.replace_chunks(self.conn, document_id, chunks, hashes, chunker, contexts)

    def chunk_ids(self, document_id: int) -> list[int]:
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks WHERE document_id = ? ORDER BY idx",
                                                (document_id,))]

    def load_chunks(self, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
        return index.load_chunks(self.conn, document_id)

    def count_unembedded(self) -> int:
        return index.count_unembedded(self.conn)

    def unembedded(self, limit: int) -> list[tuple[int, str, str, str]]:
        return index.unembedded(self.conn, limit)

    @contextlib.contextmanager
    def claim_unembedded(self, limit: int) -> Iterator[list[tuple[int, str, str, str]]]:
        # claimed in a short write transaction of its own (``claims``): the caller embeds with no
        # transaction open, so another run or an ingest writes meanwhile and skips these passages
        me = self._claimer_here()
        with self.transaction():
            batch = claims.claim_unembedded(self.conn, limit, me)
        try:
            yield batch
        finally:
            if batch:  # stored, or left for the next run
                with contextlib.suppress(Exception):  # the error that stopped the run is the one to report
                    claims.release(self.conn, [b[0] for b in batch], me)

    def claimed_elsewhere(self) -> list[claims.Held]:
        with self.transaction():
            return claims.held(self.conn, self._claimer_here())

    def recycled(self, hashes: Iterable[str]) -> dict[str, np.ndarray]:
        return index.recycled(self.conn, hashes)

    def clear_recycled(self) -> None:
        index.clear_recycled(self.conn)

    def insert_vectors(self, ids: Sequence[int], vectors: np.ndarray, center: np.ndarray | None,
                       hashes: Sequence[str] | None = None) -> int:
        return index.insert_vectors(self.conn, ids, vectors, center, hashes)

    def index_counts(self) -> dict[str, int]:
        return index.index_counts(self.conn)

    def optimize(self) -> None:
        """Nothing to do: SQLite's FTS5 vocabulary and vec0 stay current as rows are written."""

    # ---- search index: queries ------------------------------------------------------------
    def resolve_filters(self, **kwargs: Any) -> Filters:
        return index.resolve_filters(self.conn, **kwargs)

    def knn(self, query: np.ndarray, k: int, f: Filters) -> list[tuple[int, float]]:
        # a small index is scanned exactly; a big one is searched on sign bits first
        coarse = None
        rec = None
        if f.chunk_ids is None and index.vector_total(self.conn) > EXACT_LIMIT:
            coarse = k * OVERSAMPLE
            rec = index.get_model(self.conn)
        return index.knn(self.conn, query, k, f, coarse=coarse, center=rec.center if rec else None)

    def keyword(self, terms: Sequence[Any], k: int, f: Filters) -> list[tuple[int, float]]:
        # a number in groups only standing whole ("500 000" is not inside "1 500 000")
        return keywords.whole_numbers(lambda ts, n, g: keywords.keyword(self.conn, keywords.fts_query(ts), n, g),
                                      self.chunk_rows, terms, k, f)

    def keyword_beside(self, terms: Sequence[Any], k: int, f: Filters) -> Future[list[tuple[int, float]]] | None:
        # a file opened read-only (an in-memory or borrowed connection has no second one)
        if not self.read_only or self.location in ("", "?", "(connection)", ":memory:") \
                or self.chunk_total() < PARALLEL_FROM:
            return None
        if self._beside is None:
            location = self.location
            self._beside = Beside(lambda: SqliteStore.open(location, write=False))
        return self._beside.submit("keyword", terms, k, f)

    def term_doc_counts(self, terms: Iterable[str]) -> dict[str, int]:
        ts = tuple(sorted(set(terms)))
        return dict(self._remembered(("terms", ts), lambda: keywords.term_doc_counts(self.conn, ts)))

    def prefix_doc_count(self, prefix: str) -> int:
        return int(self._remembered(("prefix", prefix), lambda: keywords.prefix_doc_count(self.conn, prefix)))

    def chunk_total(self) -> int:
        return int(self._remembered(("chunks",), lambda: index.chunk_total(self.conn)))

    def vector_total(self) -> int:
        return index.vector_total(self.conn)

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, Any]:
        return passages.chunk_rows(self.conn, ids)

    def diarienummer_for(self, document_id: int, item: str | None) -> tuple[str, ...]:
        return passages.diarienummer_for(self.conn, document_id, item)

    def diarienummer_many(self, keys: Sequence[tuple[int, str | None]]) -> dict[tuple[int, str | None], tuple[str, ...]]:
        # in-process: a query per passage costs no round trip (PostgreSQL asks them at once)
        return {(d, i): passages.diarienummer_for(self.conn, d, i) for d, i in dict.fromkeys(keys)}

    def chunks_overlapping(self, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]:
        return passages.chunks_overlapping(self.conn, spans)

    def section_chunk_ids(self, kinds: Sequence[str]) -> list[int]:
        return passages.section_chunk_ids(self.conn, kinds)

    def doc_type_chunk_ids(self, doc_types: Sequence[str]) -> list[int]:
        return passages.doc_type_chunk_ids(self.conn, doc_types)

    def party_spans(self, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                    ) -> list[tuple[int, int, int]]:
        return passages.party_spans(self.conn, code, tables)

    def party_chunk_ids(self, code: str) -> list[int]:
        return passages.party_chunk_ids(self.conn, code)

    def positions_in(self, document_id: int, start: int, end: int
                     ) -> list[tuple[str, tuple[str, ...], str, int]]:
        return passages.positions_in(self.conn, document_id, start, end)

    # ---- the web pages (namndkoll serve) ---------------------------------------------------
    def numbered_items(self, municipality: str | None, number: str) -> list[dict[str, Any]]:
        from . import web

        return web.numbered_items(self.conn, municipality, number)

    def case_step(self, item_id: int) -> dict[str, Any] | None:
        from . import web

        return web.case_step(self.conn, item_id)

    def documents_naming_item(self, municipality: str | None, number: str, since: str | None = None,
                              until: str | None = None) -> list[tuple[int, str]]:
        from . import web

        return web.documents_naming_item(self.conn, municipality, number, since, until)

    def body_numbers(self, municipality: str | None) -> list[tuple[str, str | None]]:
        from . import web

        return web.body_numbers(self.conn, municipality)

    def case_entries(self, dnr: str) -> list[dict[str, Any]]:
        from . import web

        return web.case_entries(self.conn, dnr)

    def extracted_by_ids(self, what: str, ids: Sequence[int]) -> list[dict[str, Any]]:
        from . import web

        return web.extracted_by_ids(self.conn, what, ids)

    def chunk_party_codes(self, chunk_ids: Sequence[int]) -> dict[int, set[str]]:
        from . import web

        return web.chunk_party_codes(self.conn, chunk_ids)

    # ---- roll calls -------------------------------------------------------------------------
    def list_members(self, **filters: Any) -> list[dict[str, Any]]:
        from . import members

        return members.list_members(self.conn, **{k: v for k, v in filters.items() if v is not None})

    def list_blocs(self, **filters: Any) -> dict[str, list[dict[str, Any]]]:
        from . import members

        return members.list_blocs(self.conn, **{k: v for k, v in filters.items() if v is not None})

    def votes_version(self) -> tuple[int, ...]:
        n, top = self.conn.execute("SELECT count(*), coalesce(max(id), 0) FROM votes").fetchone()
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'redactions'").fetchone() is None:
            return int(n), int(top)  # a corpus before migration 0023, opened read-only
        rules, places = self.conn.execute("SELECT coalesce(max(id), 0), coalesce(sum(places), 0)"
                                          " FROM redactions").fetchone()
        return int(n), int(top), int(rules), int(places)  # a redaction rewrites roll calls in place

    def member_names(self, fragment: str, limit: int = 5) -> list[str]:
        from . import members

        return members.member_names(self.conn, fragment, limit)

    def document_mentions(self, document_id: int, names: Sequence[str]) -> bool:
        return keywords.document_mentions(self.conn, document_id, names)

    def documents_mentioning(self, document_ids: Sequence[int], names: Sequence[str]) -> set[int]:
        return keywords.documents_mentioning(self.conn, document_ids, names)

    def bodies(self) -> list[str]:
        return passages.bodies(self.conn)

    def vocabulary(self, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
        return list(self._remembered(("vocabulary", prefix, limit),
                                     lambda: tuple(keywords.vocabulary(self.conn, prefix, limit))))

    def figure_units(self, kind: str | None = None) -> list[tuple[str, int]]:
        return passages.figure_units(self.conn, kind)

    def item_record(self, document_id: int, item: str) -> dict[str, Any] | None:
        return passages.item_record(self.conn, document_id, item)

    def item_extractions(self, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
        return passages.item_extractions(self.conn, document_id, start, end)

    # ---- saved topics (namndkoll watch) -------------------------------------------------------
    def watch_cut(self) -> str:
        if self.read_only:  # a dry run: it marks nothing, so a document being written now can wait
            return watches.cut(self.conn, SQLITE_CLOCK)
        with self.transaction():  # BEGIN IMMEDIATE: waits for the document being written, holds the next
            return watches.cut(self.conn, SQLITE_CLOCK)

    def add_watch(self, topic: str, filters: dict[str, Any]) -> dict[str, Any]:
        with self.transaction():
            return watches.add(self.conn, topic, filters, watches.cut(self.conn, SQLITE_CLOCK))

    def list_watches(self) -> list[dict[str, Any]]:
        return watches.listed(self.conn)

    def remove_watch(self, ref: str | int) -> dict[str, Any]:
        with self.transaction():
            return watches.remove(self.conn, ref)

    def mark_watch(self, watch_id: int, until: str) -> None:
        with self.transaction():
            watches.mark(self.conn, watch_id, until)

    def newest_stored(self) -> str | None:
        return watches.newest(self.conn)

    def documents_stored(self, after: str, upto: str, **filters: Any) -> list[dict[str, Any]]:
        return watches.stored_between(
            self.conn, after, upto, **filters,
            waiting_sql="EXISTS (SELECT 1 FROM chunks k WHERE k.document_id = d.id AND k.embedded = 0)")

    # ---- names removed on request (namndkoll redact) -----------------------------------------
    def add_redaction(self, name: str, reason: str, when: str) -> dict[str, Any]:
        return redactions.add(self.conn, name, reason, when)

    def redaction_rules(self) -> list[dict[str, Any]]:
        if self.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'redactions'").fetchone() is None:
            return []  # a corpus before migration 0023, opened read-only
        return redactions.rules(self.conn)

    def remove_redaction(self, ref: str | int) -> dict[str, Any]:
        with self.transaction():
            return redactions.remove(self.conn, ref)

    def apply_redactions(self, rules: Sequence[tuple[int, str]],
                         document_ids: Sequence[int] | None = None) -> redactions.Tally:
        # what is deleted or overwritten is zeroed in the file, not left on free pages
        self.conn.execute("PRAGMA secure_delete = ON")
        return redactions.apply_rules(self.conn, rules, document_ids=document_ids)

    def count_redactions(self, tally: redactions.Tally) -> None:
        redactions.count(self.conn, tally)

    def forget_text(self, hashes: Sequence[str]) -> None:
        """Inside the redaction's transaction: the vectors kept for re-use of passages whose text
        is gone, and the keyword index's old entries (FTS5 keeps a deleted row's words in its
        segments until they are merged: 'optimize' merges them all)."""
        for i in range(0, len(hashes), 500):
            part = list(hashes[i:i + 500])
            self.conn.execute(f"DELETE FROM recycled_vectors WHERE hash IN ({','.join('?' * len(part))})", part)
        self.conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")

    def after_redaction(self) -> None:
        """After the commit: the file written anew (VACUUM), then the WAL, which holds the pages
        as they were, emptied. secure_delete zeroes only what the rule itself frees; the ingest
        left old copies of rows in the pages' unused space when it split them (a page of
        ``people`` or ``positions`` grown past 4 KiB), and those named the person too."""
        self.conn.execute("VACUUM")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
