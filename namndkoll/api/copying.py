"""Copying a corpus between backends: a SQLite file <-> a PostgreSQL URL, either way."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass
from pathlib import Path

from ..corpus import opened
from .batch import FileResult, Progress, _display_path


@dataclass(frozen=True)
class CopyReport:
    copied: int
    unchanged: int  # already in the target with the same content (by hash)
    vectors: int  # passages whose vectors were copied
    to_embed: int  # passages left without a vector (the target's index has another model)
    seconds: float


def copy_corpus(src: str | Path, dst: str | Path, *, progress: Progress | None = None) -> CopyReport:
    """Copy every document of the corpus at ``src`` to ``dst`` (SQLite file <-> PostgreSQL URL,
    either way): pages, § items, extractions, passages and, when the target's index has the
    same embedding model (or none yet), their vectors; nothing is embedded again. Per
    document in one transaction; a document already in ``dst`` with the same hash is skipped,
    so an interrupted copy is simply run again."""
    t0 = time.perf_counter()
    progress = progress or Progress()
    copied = unchanged = vectors = to_embed = 0
    with opened(src) as a, opened(dst, write=True) as b:
        docs = a.list_documents()
        rec_a, rec_b = a.get_model(), b.get_model()
        same_model = rec_a is not None and (rec_b is None or (rec_b.model_id, rec_b.dimensions)
                                            == (rec_a.model_id, rec_a.dimensions))
        if rec_a is not None and rec_b is None:
            with b.transaction():
                b.set_model(rec_a.model_id, rec_a.dimensions)
                if rec_a.center is not None:
                    b.set_center(rec_a.center)
        rec_b = b.get_model()
        center = rec_b.center if rec_b is not None else None  # the target's: its sign bits are centred on it
        progress.start(len(docs), sum(d.pages for d in docs))
        for sd in docs:
            old = b.lookup_source(sd.source)
            if old and old[1] == sd.sha256:
                unchanged += 1
                res = FileResult(_display_path(sd.source), "unchanged", "already in the target", 0, old[0])
            else:
                doc = a.load_document(sd.id)
                # the document's numbers as stored (load_document gives those outside any § only,
                # which would be written first and change the order `documents` lists them in)
                doc = dataclasses.replace(doc, metadata=dataclasses.replace(doc.metadata,
                                                                            diarienummer=sd.diarienummer))
                ext = a.load_extraction(sd.id)
                chunker, chunks = a.load_chunks(sd.id)
                with b.transaction():
                    doc_id = b.replace_document(doc)
                    b.set_ingested_at(doc_id, sd.ingested_at)  # when it was read, not when copied
                    b.save_extraction(doc_id, doc, ext)
                    if chunker is not None:
                        b.replace_chunks(doc_id, [c[0] for c in chunks], [c[1] for c in chunks], chunker,
                                         [c[2] for c in chunks])
                        have = [(cid, c[3]) for cid, c in zip(b.chunk_ids(doc_id), chunks)
                                if c[3] is not None and same_model]
                        if have:
                            import numpy as np

                            b.insert_vectors([h[0] for h in have], np.stack([h[1] for h in have]), center)
                        vectors += len(have)
                        to_embed += len(chunks) - len(have)
                copied += 1
                res = FileResult(_display_path(sd.source), "replaced" if old else "ingested", "", sd.pages, doc_id)
            progress.advance(res)
        progress.done()
    return CopyReport(copied, unchanged, vectors, to_embed, time.perf_counter() - t0)

