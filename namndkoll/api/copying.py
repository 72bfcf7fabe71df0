"""Copying a corpus between backends: a SQLite file <-> a PostgreSQL URL, either way."""

from __future__ import annotations

import contextlib
import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..corpus import opened
from ..corpus.base import Store
from ..corpus.store import StoredDocument
from ..display import relative_path, shown_path
from ..types import Document, Extraction
from .batch import FileResult, Progress


@dataclass(frozen=True)
class CopyReport:
    copied: int
    unchanged: int  # already in the target with the same content (by hash)
    vectors: int  # passages whose vectors were copied
    to_embed: int  # passages left without a vector (the target's index has another model)
    seconds: float
    newer: int = 0  # replaced in the source after the copy listed it: the version there then was copied
    gone: int = 0  # removed from the source after the copy listed it: not copied


@dataclass(frozen=True)
class _Read:
    """One document of the source as one snapshot holds it."""

    stored: StoredDocument
    doc: Document
    ext: Extraction
    chunker: str | None
    chunks: list[Any]


def copy_corpus(src: str | Path, dst: str | Path, *, progress: Progress | None = None) -> CopyReport:
    """Copy every document of the corpus at ``src`` to ``dst`` (SQLite file <-> PostgreSQL URL,
    either way): pages, § items, extractions, passages and, when the target's index has the
    same embedding model (or none yet), their vectors; nothing is embedded again. Per
    document in one transaction; a document already in ``dst`` with the same hash is skipped,
    so an interrupted copy is simply run again.

    The source may be in use by an ingest meanwhile. Each document is read in one snapshot, so
    it is copied whole, one version of it: a SQLite file in WAL mode in one snapshot for the
    whole copy (the corpus as it was when the copy began; its writers go on), PostgreSQL (or a
    SQLite file with a rollback journal) in one per document (a whole-copy one would hold up
    its clean-up or its writers for hours): a document replaced after the listing is copied as
    it is when its turn comes (``newer``), one removed meanwhile is skipped (``gone``)."""
    t0 = time.perf_counter()
    progress = progress or Progress()
    copied = unchanged = vectors = to_embed = newer = gone = 0
    with opened(src) as a, opened(dst, write=True) as b, (
            a.snapshot() if a.long_snapshots() else contextlib.nullcontext()):
        # in the order they were stored: a passage found in two documents (an extract and its
        # protocol) ties with its copy, and ties go to the first stored in both backends
        docs = sorted(a.list_documents(), key=lambda d: d.id)
        same_model, center = _prepare_model(a, b)
        _carry_rules(a, b)
        progress.start(len(docs), sum(d.pages for d in docs))
        for listed in docs:
            shown = shown_path(relative_path(listed.source))  # as an ingest names it: control characters escaped
            old = b.lookup_source(listed.source)
            got = None
            if not (old and old[1] == listed.sha256):
                with a.snapshot():  # the one held for the whole copy, or one for this document
                    got = _read(a, listed)
                if got is None:
                    gone += 1
                    progress.advance(FileResult(shown, "skipped", "removed from the source while copying"))
                    continue
                newer += got.stored.sha256 != listed.sha256
            if got is None or (old and old[1] == got.stored.sha256):
                unchanged += 1
                res = FileResult(shown, "unchanged", "already in the target", 0, old[0] if old else None)
            else:
                doc_id, n_vectors = _write(b, got, same_model=same_model, center=center)
                copied += 1
                vectors += n_vectors
                to_embed += len(got.chunks) - n_vectors
                res = FileResult(shown, "replaced" if old else "ingested", "", got.stored.pages, doc_id)
            progress.advance(res)
        progress.done()
    return CopyReport(copied, unchanged, vectors, to_embed, time.perf_counter() - t0, newer, gone)


def _carry_rules(a: Store, b: Store) -> None:
    """The source's names removed on request (``redact``) kept by the target too, applied to
    what it holds already, so that its later ingests remove them as the source's would."""
    from ..corpus.extractions import name_key
    from ..corpus.redactions import Tally
    from .redact import apply_rules

    have = {name_key(r["name"]) for r in b.redaction_rules()}
    new = [r for r in a.redaction_rules() if name_key(r["name"]) not in have]
    if not new:
        return
    with b.transaction():
        added = [b.add_redaction(r["name"], r["reason"], r["created_at"]) for r in new]
        apply_rules(b, None, [(r["id"], r["name"]) for r in added])
        # what each rule removed in the source stays counted: the copied documents come rewritten,
        # and a served copy's `redact list` said "0 places in 0 documents" of a rule that had worked
        b.count_redactions(Tally(carried={r["id"]: (int(s["places"]), int(s["documents"]))
                                         for r, s in zip(added, new)}))
    b.after_redaction()


def _prepare_model(a: Store, b: Store) -> tuple[bool, Any]:
    """Whether the source's vectors fit the target's index (its model set from the source's
    when it has none yet), and the target's centre (its sign bits are centred on it)."""
    rec_a, rec_b = a.get_model(), b.get_model()
    same_model = rec_a is not None and (rec_b is None or (rec_b.model_id, rec_b.dimensions)
                                        == (rec_a.model_id, rec_a.dimensions))
    if rec_a is not None and rec_b is None:
        with b.transaction():
            b.set_model(rec_a.model_id, rec_a.dimensions)
            if rec_a.center is not None:
                b.set_center(rec_a.center)
    rec_b = b.get_model()
    return same_model, (rec_b.center if rec_b is not None else None)


def _read(a: Store, listed: StoredDocument) -> _Read | None:
    """The document stored for ``listed``'s source now (inside a snapshot): the listed version,
    a newer one, or None when it was removed since the listing."""
    now = a.lookup_source(listed.source)
    if now is None:
        return None
    stored = listed if (now[0], now[1]) == (listed.id, listed.sha256) else a.get_stored(now[0])
    doc = a.load_document(stored.id)
    # the document's numbers as stored (load_document gives those outside any § only, which
    # would be written first and change the order `documents` lists them in)
    doc = dataclasses.replace(doc, metadata=dataclasses.replace(doc.metadata, diarienummer=stored.diarienummer))
    chunker, chunks = a.load_chunks(stored.id)
    return _Read(stored, doc, a.load_extraction(stored.id), chunker, list(chunks))


def _write(b: Store, got: _Read, *, same_model: bool, center: Any) -> tuple[int, int]:
    """``got`` into the target in one transaction: its id there and the vectors copied."""
    have: list[tuple[int, Any]] = []
    with b.transaction():
        doc_id = b.replace_document(got.doc)
        b.set_ingested_at(doc_id, got.stored.ingested_at)  # when it was read, not when copied
        b.save_extraction(doc_id, got.doc, got.ext)
        if got.chunker is not None:
            chunks = got.chunks
            b.replace_chunks(doc_id, [c[0] for c in chunks], [c[1] for c in chunks], got.chunker,
                             [c[2] for c in chunks])
            have = [(cid, c[3]) for cid, c in zip(b.chunk_ids(doc_id), chunks) if c[3] is not None and same_model]
            if have:
                import numpy as np

                b.insert_vectors([h[0] for h in have], np.stack([h[1] for h in have]), center)
        from .redact import apply_rules

        apply_rules(b, [doc_id])  # the target's own rules (`redact`), if it has any
    return doc_id, len(have)
