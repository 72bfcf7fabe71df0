"""Build and refresh the search index: chunk new documents, embed only what has no vector yet.

Incremental and interruptible: each document's chunks are written in one transaction and
vectors are committed batch by batch, so stopping midway keeps everything already embedded
and the next run goes on from there. A passage whose text did not change when its document
was replaced gets its old vector back instead of being embedded again.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..corpus import as_store
from ..corpus.base import Store
from ..errors import ModelError, NotFoundError
from ..marks import without_marks
from ..types import Chunk, Document
from .chunking import CHUNKER, chunk_document, chunk_hash
from .embedder import Embedder

ProgressFn = Callable[[int, int], None]  # (chunks embedded so far, chunks to embed)
CENTER_SAMPLE = 256  # passages embedded before the first insert, to centre the sign bits


@dataclass(frozen=True)
class IndexReport:
    model_id: str
    dimensions: int
    documents_chunked: int  # documents (re)chunked in this run
    chunks: int  # chunks in the index after the run
    embedded: int  # chunks embedded by the model in this run
    reused: int  # chunks that got the vector of an identical earlier passage
    seconds: float
    # listed to chunk, then replaced or removed by another writer (a second ingest) before this
    # run wrote their passages: not chunked here, the new version is the other writer's
    documents_left: int = 0
    # passages other runs were embedding when this one ended without waiting for them (--no-wait)
    left_to_others: int = 0


def embed_text(text: str, context: str = "") -> str:
    """What the model sees of a chunk: its § item's (or document's) title, then the text,
    whitespace (line and page breaks) collapsed. A Beslut section often never names its
    topic ("Den väckta motionen avslås"); the title does. Footnote marks left out ("riktlinje ¹
    avseende" is read "riktlinje avseende": ``marks.py``)."""
    flat = re.sub(r"\s+", " ", without_marks(text)).strip()
    ctx = re.sub(r"\s+", " ", without_marks(context)).strip()
    return f"{ctx}: {flat}" if ctx and ctx not in flat else flat


def chunk_contexts(doc: Document, chunks: list[Chunk]) -> list[str]:
    """The title each chunk is read under: its § item's, else the document's."""
    titles = {it.number: it.title for it in doc.items}
    return [(f"§ {c.item} {titles.get(c.item, '')}".strip() if c.item else (doc.metadata.title or ""))
            for c in chunks]


@dataclass(frozen=True)
class IndexPart:
    """One document's passages and their vectors, made where the document was read (a
    cluster worker), stored with the document by whoever writes it."""

    model_id: str
    dimensions: int
    chunker: str
    chunks: tuple[Chunk, ...]
    hashes: tuple[str, ...]
    contexts: tuple[str, ...]
    vectors: np.ndarray
    reused: int = 0  # passages that kept the vector of the same text in the document's old version


def embed_document(doc: Document, embedder: Embedder, known: Mapping[str, np.ndarray] | None = None, *,
                   beat: Callable[[], None] | None = None, batch_size: int = 64) -> IndexPart:
    """Chunk ``doc`` and embed its passages, as index_corpus would (same chunks, hashes, texts).
    ``known``: vectors by text hash (the passages of the version this one replaces); a passage
    whose text is among them keeps its vector and is not embedded again, as index_corpus
    re-uses the vectors of a replaced document. ``beat()`` between batches of ``batch_size``
    passages: the caller's claim on the document lives on while a long one is embedded."""
    chunks = chunk_document(doc)
    ctx = chunk_contexts(doc, chunks)
    hashes = [chunk_hash(c, x) for c, x in zip(chunks, ctx)]
    vecs = np.zeros((len(chunks), embedder.dimensions), dtype=np.float32)
    known = known or {}
    new = []
    for i, h in enumerate(hashes):
        v = known.get(h)
        if v is not None and v.shape == (embedder.dimensions,):
            vecs[i] = v
        else:
            new.append(i)
    for a in range(0, len(new), batch_size if beat is not None else max(len(new), 1)):
        if a and beat is not None:
            beat()
        part = new[a:a + batch_size] if beat is not None else new
        vecs[part] = _embed(embedder, [embed_text(chunks[i].text, ctx[i]) for i in part])
    return IndexPart(embedder.model_id, embedder.dimensions, CHUNKER, tuple(chunks), tuple(hashes), tuple(ctx),
                     vecs, len(chunks) - len(new))


def stored_vectors(store: Store, document_id: int, model_id: str) -> dict[str, np.ndarray]:
    """The vectors of a stored document's passages by text hash (for ``embed_document``'s
    ``known``); none when the index holds another model's vectors."""
    rec = store.get_model()
    if rec is None or rec.model_id != model_id:
        return {}
    _chunker, rows = store.load_chunks(document_id)
    return {h: np.asarray(v, dtype=np.float32) for _c, h, _x, v in rows if v is not None}


def store_index_part(store: Store, document_id: int, part: IndexPart) -> None:
    """Write a document's passages and vectors (inside the document's transaction). ModelError
    if the index holds another model's vectors; the first part records the model and, when
    none is recorded yet, centres the sign bits on its vectors' mean."""
    rec = store.check_model(part.model_id, part.dimensions)
    if rec is None:
        store.set_model(part.model_id, part.dimensions)
        rec = store.get_model()
    assert rec is not None
    center = rec.center
    if center is None and len(part.vectors):
        center = part.vectors.mean(axis=0).astype(np.float32)
        store.set_center(center)
    store.replace_chunks(document_id, part.chunks, part.hashes, part.chunker, part.contexts)
    if len(part.vectors):
        store.insert_vectors(store.chunk_ids(document_id), part.vectors, center)


WAIT_POLL_S = 1.0  # how often a run waiting for other runs' passages looks again


def index_corpus(
    store: Store | Any, embedder: Embedder, *, progress: ProgressFn | None = None, rebuild: bool = False,
    batch_size: int = 32, wait: bool = True, note: Callable[[str], None] | None = None,
) -> IndexReport:
    """Chunk documents not yet chunked and embed every chunk without a vector.

    Passages another live run is embedding (a second `index` or ingest at once) are left to it;
    once nothing else is left this run waits for them (``wait``), looking every
    ``WAIT_POLL_S``, until they are stored or their run stops (a crash, or no heartbeat for the
    lapse) and it takes them over, so that the index is whole when it returns. ``note(line)``
    says so once per change of who holds them; without ``wait`` the run ends and
    ``left_to_others`` counts them.

    Raises ModelError if the index holds vectors of another model (unless ``rebuild``,
    which drops every vector and embeds everything again with ``embedder``)."""
    from ..corpus.claims import lapse_s

    lapse_s()  # a bad $NAMNDKOLL_CLAIM_LAPSE_S is said before anything is done
    t0 = time.perf_counter()
    store = as_store(store)
    if rebuild:
        with store.transaction():
            store.drop_vectors()
    rec = store.check_model(embedder.model_id, embedder.dimensions)
    if rec is None:
        with store.transaction():
            if store.get_model() is None:  # another `index` may have recorded it meanwhile
                store.set_model(embedder.model_id, embedder.dimensions)
        rec = store.check_model(embedder.model_id, embedder.dimensions)
        assert rec is not None

    chunked, left = _chunk_documents(store)

    total = store.count_unembedded()
    done = embedded = reused = left_to_others = 0
    said = ""  # the runs the last line about other runs' passages named
    if progress and total:
        progress(0, total)
    center = rec.center
    while True:
        # the batch is this run's until its vectors are stored: a second ingest or index run at
        # once takes other passages, none is embedded twice (both backends: claims as rows)
        with store.claim_unembedded(CENTER_SAMPLE if center is None else batch_size) as batch:
            if not batch:
                held = store.claimed_elsewhere()
                if not held:
                    break
                said = _say_held(held, wait, said, note)
                if not wait:
                    left_to_others = sum(h.passages for h in held)
                    break
                if progress:  # the other runs' passages stored count: the bar moves as they work
                    progress(max(done, min(total, total - store.count_unembedded())), total)
                time.sleep(WAIT_POLL_S)
                continue
            ids = [b[0] for b in batch]
            old = store.recycled(b[2] for b in batch)
            vecs = np.zeros((len(batch), embedder.dimensions), dtype=np.float32)
            new = [i for i, b in enumerate(batch) if b[2] not in old]
            for i, b in enumerate(batch):
                if b[2] in old and old[b[2]].shape[0] == embedder.dimensions:
                    vecs[i] = old[b[2]]
            if new:
                from ..workers import beating

                # the batch's claims beat while it is embedded: a model slower than the lapse
                # (or a short lapse) must not let a waiting run take them over and embed them again
                with beating(store.beat):
                    out = _embed(embedder, [embed_text(batch[i][1], batch[i][3]) for i in new])
                vecs[new] = out
            with store.transaction():
                if center is None:
                    # e5 vectors share a large common component; the sign bits of the raw
                    # vectors are nearly all alike, those of (vector - mean) discriminate
                    center = vecs.mean(axis=0).astype(np.float32)
                    store.set_center(center)
                # an `ingest` may have replaced documents since the batch was read: vectors of
                # chunks that are gone are kept by text hash, nothing embedded is thrown away
                store.insert_vectors(ids, vecs, center, [b[2] for b in batch])
        embedded += len(new)
        reused += len(batch) - len(new)
        done += len(batch)
        if progress:
            progress(done, total)
    with store.transaction():
        # kept vectors wait for documents replaced (by a concurrent ingest) but not chunked yet
        if not store.documents_to_chunk(CHUNKER):
            store.clear_recycled()
    if chunked or embedded or reused:
        store.optimize()
    if progress and total and done < total and not left_to_others:
        progress(total, total)  # what other runs embedded while this one waited counts as done
    return IndexReport(embedder.model_id, embedder.dimensions, chunked, store.chunk_total(),
                       embedded, reused, time.perf_counter() - t0, left, left_to_others)


def _say_held(held: list[Any], wait: bool, said: str, note: Callable[[str], None] | None) -> str:
    """One line on the passages other runs are embedding (``claims.Held``, most first), given to
    ``note`` unless the same runs were named last (``said``: their tokens, returned): the count
    alone changing as they store their batches is no news."""
    n = sum(h.passages for h in held)
    who = str(held[0]) if len(held) == 1 else f"{len(held)} other runs ({'; '.join(map(str, held[:3]))}" + (
        ", …)" if len(held) > 3 else ")")
    they, are, them = ("it", "is", "it") if n == 1 else ("they", "are", "them")
    what = (f"{n} {'passage is' if n == 1 else 'passages are'} being embedded by {who}; "
            + (f"waiting until {they} {are} stored, or until that run stops and this one takes {them} over"
               " (--no-wait: end now) …" if wait
               else f"not waiting (--no-wait): that run stores {them}, `namndkoll index --status` shows what is left"))
    runs = " ".join(sorted(h.run for h in held))
    if note is not None and runs != said:
        note(what)
    return runs


def _chunk_documents(store: Store) -> tuple[int, int]:
    """Chunk the documents that wait for it, each in a transaction of its own; (documents
    chunked, documents another writer replaced or removed meanwhile). Reading and chunking are
    done outside the transaction, so a second ingest may replace a document in between: the
    version read is then not written (its passages would stand for text the corpus no longer
    holds) and the new version is left to whoever stored it, or the next index run."""
    chunked = left = 0
    for doc_id in store.documents_to_chunk(CHUNKER):
        try:
            doc = store.load_document(doc_id)
        except NotFoundError:
            left += 1  # replaced (under a new id) or removed since it was listed
            continue
        chunks = chunk_document(doc)
        ctx = chunk_contexts(doc, chunks)
        hashes = [chunk_hash(c, x) for c, x in zip(chunks, ctx)]
        with store.transaction():
            # another index run (a second ingest at once) may have chunked it since: "done"
            state = store.chunk_state(doc_id, CHUNKER, sha256=doc.sha256, reader=doc.reader)
            if state == "todo":
                store.replace_chunks(doc_id, chunks, hashes, CHUNKER, ctx)
                chunked += 1
            elif state == "gone":
                left += 1
    return chunked, left


def _embed(embedder: Embedder, texts: list[str]) -> np.ndarray:
    out = np.asarray(embedder.embed(texts, kind="passage"), dtype=np.float32)
    if out.shape != (len(texts), embedder.dimensions):
        raise ModelError(
            f"{embedder.model_id} returned vectors of shape {out.shape}, expected "
            f"({len(texts)}, {embedder.dimensions}): the model files may be damaged; reinstall them")
    return out


def index_status(store: Store | Any) -> dict[str, Any]:
    """Model, counts and what is still to do: what `namndkoll index --status` shows."""
    store = as_store(store)
    rec = store.get_model()
    counts = store.index_counts()
    return {
        "model": rec.model_id if rec else None,
        "dimensions": rec.dimensions if rec else None,
        **counts,
        "documents_to_chunk": len(store.documents_to_chunk(CHUNKER)),
        "chunks_to_embed": counts["chunks"] - counts["embedded"],
    }
