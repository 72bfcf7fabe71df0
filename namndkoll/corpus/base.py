"""The store interface: every read and write of a corpus goes through one of these.

``open_store(db)`` (namndkoll/corpus/__init__.py) gives the backend for a path (SQLite, the
embedded default) or a ``postgresql://`` URL. Callers in ``api/`` and ``search/`` speak only
to this interface; the SQL of each backend stays in its own module. Rows come back as
mappings (column name -> value), documents as the dataclasses of ``types.py``.

The search index methods work on passages ("chunks"): the shared logic (query terms, fusion,
abstention, citations) is in ``search/``; a backend only answers the questions below.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Protocol

from ..types import Chunk, Document, Extraction, Table
from .index import ChunkState, Filters, ModelRecord
from .store import StoredDocument

if TYPE_CHECKING:
    from concurrent.futures import Future

    import numpy as np

Row = Mapping[str, Any]


class Store(Protocol):
    """A corpus. ``read_only`` stores refuse every write with a CorpusError."""

    backend: str  # "sqlite" | "postgresql"
    location: str  # the file or URL, for messages
    read_only: bool

    def transaction(self) -> AbstractContextManager[Any]:
        """All or nothing: the writes inside commit together or not at all."""
        ...

    def snapshot(self) -> AbstractContextManager[None]:
        """The reads inside see the corpus as it was at one moment, whatever other writers
        commit meanwhile (outside a write transaction; one inside another joins it)."""
        ...

    def long_snapshots(self) -> bool:
        """Whether one snapshot may be held for a long read (a whole copy) without holding up
        other writers or the database's clean-up."""
        ...

    def close(self) -> None: ...

    # ---- documents ------------------------------------------------------------------------
    def lookup_source(self, source: str) -> tuple[int, str] | None:
        """(id, sha256) of the document stored for ``source``."""
        ...

    def reader_of(self, document_id: int) -> str | None:
        """The fingerprint of the namndkoll that read a stored document (None: not recorded)."""
        ...

    def source_with_sha(self, sha: str, *, exclude: str) -> str | None:
        """Another stored document's source with the same content hash."""
        ...

    def replace_document(self, doc: Document) -> int:
        """Store ``doc`` (replacing the same source's earlier version); inside a transaction."""
        ...

    def hold_content(self, sha: str) -> bool:
        """Inside a transaction: another writer of a document with this content hash waits here
        until the transaction ends (PostgreSQL: True); False where the write transaction itself
        waits for every other writer and nothing is done (SQLite). Either way, look again
        afterwards whether the content is stored (``api.batch._stored_now``)."""
        ...

    def claim_content(self, sha: str) -> bool:
        """Inside a transaction, after ``hold_content``: mark this content as being read and
        embedded by this writer, which does both outside any transaction and then writes it.
        False when another writer's claim is live (do other work or wait, then look again).
        PostgreSQL: ``pg_claims``; SQLite: ``claims`` (the claiming process's liveness)."""
        ...

    def content_holder(self, sha: str) -> Any:
        """Inside the transaction in which ``claim_content`` returned False: who holds ``sha``
        (``claims.Holder``: run, host, pid), for the line a waiting ingest says; None where
        nobody else does by now."""
        ...

    def release_content(self, sha: str) -> None:
        """This writer's claim on ``sha`` removed, outside a transaction."""
        ...

    def beat(self) -> None:
        """Outside a transaction: this writer is at work still, its claims' heartbeat refreshed
        (called between embedding batches and while readers read; a claim that misses beats
        for ``claims.LAPSE_S`` is taken over by another writer)."""
        ...

    def save_extraction(self, document_id: int, doc: Document, ext: Extraction) -> None: ...

    def load_extraction(self, document_id: int) -> Extraction:
        """What save_extraction stored for a document, back as an Extraction (to copy a corpus
        between backends: saved again beside the same document it gives the same rows)."""
        ...

    def delete_document(self, document_id: int) -> None: ...

    def set_ingested_at(self, document_id: int, when: str) -> None:
        """Record when the document was first read (a copy keeps its source's time)."""
        ...

    def resolve(self, ref: str | int) -> int:
        """A document id from an id, a source path or a unique part of the path or title."""
        ...

    def list_documents(self, *, municipality: str | None = None, committee: str | None = None,
                       doc_type: str | None = None, year: int | None = None,
                       dnr: str | None = None) -> list[StoredDocument]: ...

    def count_undated(self, *, municipality: str | None = None, committee: str | None = None,
                      doc_type: str | None = None) -> int:
        """Documents matching the filters that have no date: a year filter leaves them out."""
        ...

    def get_stored(self, document_id: int) -> StoredDocument: ...

    def load_document(self, document_id: int) -> Document: ...

    def page_tables(self, document_id: int, page: int) -> list[Table]:
        """The tables of one page (rows, box, cell boxes), without loading the document."""
        ...

    def ocr_read_pages(self, document_ids: Sequence[int]) -> dict[int, frozenset[int]]:
        """The numbers of the pages Tesseract read, for each of these documents that has any
        (the pages' ``ocr`` alone, in one query: no document loaded)."""
        ...

    def corpus_stats(self) -> dict[str, Any]: ...

    def size_bytes(self) -> int:
        """What the corpus takes on disk: the SQLite file (and its WAL), or the PostgreSQL tables
        with their indexes."""
        ...

    def list_extracted(self, what: str, **filters: Any) -> list[dict[str, Any]]:
        """figures | decisions | votes | positions | people, each row with its document."""
        ...

    # ---- search index: model and vectors ----------------------------------------------------
    def get_model(self) -> ModelRecord | None: ...

    def set_model(self, model_id: str, dimensions: int) -> None: ...

    def set_center(self, center: np.ndarray) -> None: ...

    def check_model(self, model_id: str, dimensions: int) -> ModelRecord | None:
        """The recorded model; ModelError if the index was built with another one."""
        ...

    def drop_vectors(self) -> None: ...

    def drop_chunks(self) -> None: ...

    def documents_to_chunk(self, chunker: str) -> list[int]: ...

    def chunk_state(self, document_id: int, chunker: str, *, sha256: str, reader: str) -> ChunkState:
        """Inside a transaction, before ``replace_chunks`` of the version read (``sha256``,
        ``reader``): "todo" if that version still waits to be chunked by ``chunker``; "done" if
        another index run chunked it since ``documents_to_chunk`` (PostgreSQL makes a second one
        wait for the first to commit); "gone" if another writer replaced or removed it since it
        was read (SQLite may give the new version the same id)."""
        ...

    def replace_chunks(self, document_id: int, chunks: Sequence[Chunk], hashes: Sequence[str],
                       chunker: str, contexts: Sequence[str] | None = None) -> None: ...

    def chunk_ids(self, document_id: int) -> list[int]:
        """Ids of a document's chunks in their order (idx)."""
        ...

    def load_chunks(self, document_id: int) -> tuple[str | None, list[tuple[Chunk, str, str, np.ndarray | None]]]:
        """The chunker that made a document's chunks, and each chunk with its hash, context and
        vector (None when not embedded yet), in order."""
        ...

    def count_unembedded(self) -> int: ...

    def unembedded(self, limit: int) -> list[tuple[int, str, str, str]]:
        """(id, text, hash, context) of chunks without a vector, oldest first."""
        ...

    def claim_unembedded(self, limit: int) -> AbstractContextManager[list[tuple[int, str, str, str]]]:
        """``with store.claim_unembedded(n) as batch:`` ``unembedded(n)`` for this writer to
        embed and store inside the block. PostgreSQL: the rows are claimed for this writer in a
        short transaction of their own (another writer skips them: two ingests or index runs at
        once never embed the same passage twice) and the block runs with no transaction open;
        store the vectors with ``insert_vectors(..., hashes)``, which gives a vector only to a
        passage that still holds the text embedded; what is not stored is given up at the
        block's end, a crashed writer's claims once its session is gone. SQLite the same, in
        ``claims`` (a claim's run is known by its process and a heartbeat)."""
        ...

    def claimed_elsewhere(self) -> list[Any]:
        """The passages waiting for a vector that other live runs have claimed (are embedding
        now), by run, most first: ``claims.Held`` (how many, the run, its host and pid). Claims
        of runs no longer at work are not counted (the next claim takes them over)."""
        ...

    def recycled(self, hashes: Iterable[str]) -> dict[str, np.ndarray]: ...

    def clear_recycled(self) -> None: ...

    def insert_vectors(self, ids: Sequence[int], vectors: np.ndarray, center: np.ndarray | None,
                       hashes: Sequence[str] | None = None) -> int:
        """Vectors of chunks; with ``hashes`` only where the chunk still holds that text (the
        rest kept for re-use): how many were stored."""
        ...

    def index_counts(self) -> dict[str, int]: ...

    def optimize(self) -> None:
        """After a batch of writes (an index run): what keeps queries fast (PostgreSQL: word
        statistics and the planner's; SQLite: nothing)."""
        ...

    # ---- search index: queries ------------------------------------------------------------
    def resolve_filters(self, *, municipality: str | None = None, committee: str | None = None,
                        doc_type: str | None = None, year_from: int | None = None,
                        year_to: int | None = None, sections: Sequence[str] | None = None,
                        chunk_ids: Sequence[int] | None = None) -> Filters: ...

    def knn(self, query: np.ndarray, k: int, f: Filters) -> list[tuple[int, float]]:
        """(chunk id, cosine similarity) of the ``k`` nearest chunks passing the filters."""
        ...

    def keyword(self, terms: Sequence[Any], k: int, f: Filters) -> list[tuple[int, float]]:
        """(chunk id, score, higher is better) of the best keyword matches of the query terms
        (``search.hybrid.Term``: word, stem, compound parts)."""
        ...

    def keyword_beside(self, terms: Sequence[Any], k: int, f: Filters) -> Future[list[tuple[int, float]]] | None:
        """``keyword(terms, k, f)`` started on a second connection (``corpus/beside.py``), to be
        collected after the dense side; None where it would not pay (a small corpus, a store
        open for writing): then the caller asks ``keyword`` itself."""
        ...

    def term_doc_counts(self, terms: Iterable[str]) -> dict[str, int]: ...

    def prefix_doc_count(self, prefix: str) -> int: ...

    def chunk_total(self) -> int: ...

    def vector_total(self) -> int: ...

    def chunk_rows(self, ids: Sequence[int]) -> dict[int, Row]: ...

    def diarienummer_for(self, document_id: int, item: str | None) -> tuple[str, ...]: ...

    def diarienummer_many(self, keys: Sequence[tuple[int, str | None]]) -> dict[tuple[int, str | None], tuple[str, ...]]:
        """``diarienummer_for`` of each (document_id, item), asked at once."""
        ...

    def chunks_overlapping(self, spans: Sequence[tuple[int, int, int]]) -> dict[tuple[int, int, int], list[int]]: ...

    def section_chunk_ids(self, kinds: Sequence[str]) -> list[int]: ...

    def doc_type_chunk_ids(self, doc_types: Sequence[str]) -> list[int]: ...

    def party_spans(self, code: str, tables: Sequence[str] = ("positions", "party_mentions")
                    ) -> list[tuple[int, int, int]]: ...

    def party_chunk_ids(self, code: str) -> list[int]: ...

    def positions_in(self, document_id: int, start: int, end: int
                     ) -> list[tuple[str, tuple[str, ...], str, int]]: ...

    # ---- the web pages (namndkoll serve) ---------------------------------------------------
    def numbered_items(self, municipality: str | None, number: str) -> list[dict[str, Any]]:
        """Every stored § numbered ``number`` in the municipality, with its body and meeting date."""
        ...

    def case_step(self, item_id: int) -> dict[str, Any] | None:
        """One § item as a case entry, with its decisions, votes and positions."""
        ...

    def documents_naming_item(self, municipality: str | None, number: str, since: str | None = None,
                              until: str | None = None) -> list[tuple[int, str]]:
        """The pages (document id, text) of the municipality's documents that write "§ N", dated
        within ``since``–``until`` where given: where a reference may stand."""
        ...

    def body_numbers(self, municipality: str | None) -> list[tuple[str, str | None]]:
        """Each body of the municipality's §§ with each diarienummer its §§ carry."""
        ...

    def case_entries(self, dnr: str) -> list[dict[str, Any]]:
        """Every document and § item naming a diarienummer, oldest first, each with the
        decisions, votes and positions stored inside it."""
        ...

    def extracted_by_ids(self, what: str, ids: Sequence[int]) -> list[dict[str, Any]]:
        """Stored figures | decisions | votes | positions with these ids, shaped as listed."""
        ...

    def chunk_party_codes(self, chunk_ids: Sequence[int]) -> dict[int, set[str]]:
        """Per chunk, the party codes of stored positions and mentions inside its span."""
        ...

    # ---- roll calls -------------------------------------------------------------------------
    def list_members(self, *, municipality: str | None = None, committee: str | None = None,
                     year: int | None = None, party: str | None = None, member: str | None = None,
                     limit: int | None = None) -> list[dict[str, Any]]:
        """Members of the stored roll calls with their votes and how often they voted with
        their party (corpus/members.py says how that is counted)."""
        ...

    def list_blocs(self, *, municipality: str | None = None, committee: str | None = None,
                   year: int | None = None) -> dict[str, list[dict[str, Any]]]:
        """Which parties vote together in the stored roll calls: pairs and each party's
        cohesion (corpus/blocs.py says how that is counted)."""
        ...

    def votes_version(self) -> tuple[int, ...]:
        """(number of votes, highest vote id, and the redaction rules' highest id and places):
        changes whenever a document's votes are stored, replaced, removed (a replaced document's
        votes get new ids) or have a name removed (``redact``) — what a remembered
        ``members`` or ``blocs`` answer is checked against."""
        ...

    def member_names(self, fragment: str, limit: int = 5) -> list[str]:
        """Stored member names containing ``fragment`` (any case)."""

    def vocabulary(self, prefix: str, limit: int = 50_000) -> list[tuple[str, int]]:
        """(word, chunks holding it) of the indexed words starting with ``prefix`` (typo repair)."""
        ...

    def document_mentions(self, document_id: int, names: Sequence[str]) -> bool:
        """Whether a passage of the document names any of ``names`` (or a word they start: a
        genitive)."""
        ...

    def documents_mentioning(self, document_ids: Sequence[int], names: Sequence[str]) -> set[int]:
        """Those of ``document_ids`` whose passages name any of ``names`` (``document_mentions``
        for many documents at once)."""
        ...

    def bodies(self) -> list[str]:
        """The municipalities, regions and other bodies the stored documents come from."""
        ...

    def figure_units(self, kind: str | None = None) -> list[tuple[str, int]]:
        """(unit, figures) of the stored figures (of ``kind``), the most common first."""
        ...

    def item_record(self, document_id: int, item: str) -> dict[str, Any] | None:
        """A § item's number, title, start, end, page_start, page_end."""
        ...

    def item_extractions(self, document_id: int, start: int, end: int) -> dict[str, list[dict[str, Any]]]:
        """Stored positions, decisions and votes inside a span of a document (a § item)."""
        ...

    # ---- saved topics (namndkoll watch; corpus/watches.py) -----------------------------------
    def watch_cut(self) -> str:
        """The corpus's clock now (UTC, to the millisecond), taken while no document is being
        written (a read-only store: without waiting): every document stored at or before it is
        committed, every one stored after it has a later ``stored_at``."""
        ...

    def add_watch(self, topic: str, filters: dict[str, Any]) -> dict[str, Any]:
        """A new watch of ``topic`` (filters: municipality, committee, doc_type, party, year_from,
        year_to) that looks at documents stored from now on; CorpusError if it is watched already."""
        ...

    def list_watches(self) -> list[dict[str, Any]]:
        """Every watch: id, topic, filters (years too), created_at, seen_until, last_run_at."""
        ...

    def remove_watch(self, ref: str | int) -> dict[str, Any]:
        """Remove the watch with this number, or the one watch of this topic; NotFoundError."""
        ...

    def mark_watch(self, watch_id: int, until: str) -> None:
        """The watch has looked at every document stored up to ``until`` (a ``watch_cut``)."""
        ...

    def newest_stored(self) -> str | None:
        """When the newest document was stored (UTC; None: no document): how fresh the corpus is."""
        ...

    def documents_stored(self, after: str, upto: str, **filters: Any) -> list[dict[str, Any]]:
        """The documents stored after ``after`` up to ``upto`` passing the document filters
        (municipality, committee, doc_type, year_from, year_to), oldest first: id, stored_at,
        year, waiting (not yet in the search index)."""
        ...

    # ---- names removed on request (namndkoll redact; corpus/redactions.py) ---------------------
    def add_redaction(self, name: str, reason: str, when: str) -> dict[str, Any]:
        """Inside a transaction: a new rule removing ``name``; CorpusError if it has one."""
        ...

    def redaction_rules(self) -> list[dict[str, Any]]:
        """Every rule: id, name, reason, created_at, places, documents."""
        ...

    def remove_redaction(self, ref: str | int) -> dict[str, Any]:
        """Remove the rule with this number or name (later ingests keep the name); NotFoundError."""
        ...

    def apply_redactions(self, rules: Sequence[tuple[int, str]],
                         document_ids: Sequence[int] | None = None) -> Any:
        """Inside a transaction: every stored place the rules' (id, name) occur rewritten, in
        ``document_ids`` or the whole corpus (``redactions.apply_rules``); its ``Tally``."""
        ...

    def count_redactions(self, tally: Any) -> None:
        """Inside the transaction: what ``tally`` changed added to each rule's counts."""
        ...

    def forget_text(self, hashes: Sequence[str]) -> None:
        """Inside the transaction: what the search index keeps of passages with these hashes
        that are gone (vectors kept for re-use; old keyword index entries)."""
        ...

    def after_redaction(self) -> None:
        """After the commit: the old versions of the rewritten rows cleared from the file."""
        ...
