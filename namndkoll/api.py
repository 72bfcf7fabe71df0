"""The Python API: ingest a batch of PDFs into a corpus, list and show what is stored.

The CLI is a thin layer over these functions. Stages do not import each other; this module
is where they meet: ingest -> extract -> corpus (-> search index).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import stat
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .corpus import opened
from .corpus.base import Store
from .corpus.store import StoredDocument
from .display import shown_path
from .errors import NamndkollError
from .types import Document, Extraction

Status = Literal["ingested", "replaced", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class FileResult:
    path: str  # as shown to a person: relative when under the current folder, odd bytes escaped
    status: Status
    message: str = ""
    pages: int = 0
    document_id: int | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Task:
    """A file to read: where it is, the name it is stored under, its hash and page count."""

    path: str  # as the file system has it (may hold bytes that are not UTF-8)
    source: str
    sha: str
    pages: int
    old_id: int | None


@dataclass(frozen=True)
class IngestReport:
    results: tuple[FileResult, ...]
    seconds: float  # reading, extracting and storing (the search index not counted)
    pages: int  # pages read this run (unchanged files not counted)
    index: Any = None  # the search stage's report when the index was refreshed

    def count(self, status: Status) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def failed(self) -> tuple[FileResult, ...]:
        return tuple(r for r in self.results if r.status == "failed")


@dataclass
class Progress:
    """Callbacks for a progress display; the CLI plugs a rich bar in here."""

    start: Callable[[int, int], None] = lambda files, pages: None
    advance: Callable[[FileResult], None] = lambda result: None
    done: Callable[[], None] = lambda: None
    extra: dict[str, Any] = field(default_factory=dict)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, FileResult | None]]:
    """PDFs under ``paths`` (folders recursively, sorted), with a result for each thing that
    is not ingestable: a file that is no PDF, a folder that cannot be read, a broken link.
    Nothing here raises for one bad entry: each becomes its own result and the walk goes on."""
    for p in map(Path, paths):
        try:
            st = p.stat()
        except FileNotFoundError:
            broken = p.is_symlink()
            yield p, FileResult(shown_path(p), "failed", "broken link: what it points to is gone" if broken
                                else "no such file or folder: check the path")
            continue
        except OSError as exc:
            yield p, FileResult(shown_path(p), "failed", f"cannot read it ({exc.strerror}): check the permissions")
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p)
        elif stat.S_ISREG(st.st_mode):
            yield p, None  # named explicitly: try it whatever its suffix, the reader says if it is no PDF
        else:
            yield p, FileResult(shown_path(p), "skipped", "not a regular file (a device, pipe or socket)")


def _walk(folder: Path) -> list[tuple[Path, FileResult | None]]:
    """Every file under ``folder``, sorted by path; symlinked folders are followed once."""
    found: list[tuple[Path, FileResult | None]] = []
    seen: set[tuple[int, int]] = set()
    stack = [folder]
    while stack:
        d = stack.pop()
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen:
                continue  # a link back to a folder already walked
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(d) as it:
                entries = list(it)
        except OSError as exc:
            found.append((d, FileResult(shown_path(d), "failed", f"cannot read this folder ({exc.strerror}): "
                                        "its files were not ingested; check its permissions")))
            continue
        for e in entries:
            path = Path(e.path)
            try:
                if e.is_dir():
                    stack.append(path)
                elif e.is_file():
                    found.append((path, None if path.suffix.lower() == ".pdf" else FileResult(
                        shown_path(path), "skipped", "not a PDF: only .pdf files are ingested")))
                elif e.is_symlink():
                    found.append((path, FileResult(shown_path(path), "failed",
                                                   "broken link: what it points to is gone")))
                else:
                    found.append((path, FileResult(shown_path(path), "skipped",
                                                   "not a regular file (a device, pipe or socket)")))
            except OSError as exc:
                found.append((path, FileResult(shown_path(path), "failed",
                                               f"cannot read it ({exc.strerror}): check the permissions")))
    return sorted(found, key=lambda t: os.fsencode(t[0]))


def source_name(path: Path) -> str:
    """The name a file is stored under: its absolute path, with bytes that are not UTF-8
    written as ``\\xNN`` (SQLite keeps text as UTF-8; such names come from old or foreign
    file systems)."""
    return os.fsencode(path.resolve()).decode("utf-8", errors="backslashreplace")


def process_file(path: str, ocr: bool | None = None, extract: bool = True) -> tuple[Document, Extraction | None]:
    """Read and extract one PDF (runs in a worker process). Raises NamndkollError on bad input."""
    from .ingest import read_document

    doc = read_document(path, ocr=ocr)
    ext = None
    if extract:
        from .extract import extract_document

        ext = extract_document(doc)
    return doc, ext


def _safe_process(path: str, ocr: bool | None, extract: bool) -> tuple[Document, Extraction | None] | str:
    """process_file, but an error comes back as its one-line message (workers must not die).
    MemoryError goes up: the worker reports the memory limit that was hit."""
    try:
        return process_file(path, ocr, extract)
    except MemoryError:
        raise
    except NamndkollError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch
        return f"could not read this PDF ({type(exc).__name__}: {exc}); it may be damaged: re-export or re-download it"


def _warm(extract: bool) -> None:
    """Load the reader and the extraction models in a new worker, once, before its first file
    (so that the memory allowed per file is what reading the file costs)."""
    from .ingest import pdf  # noqa: F401 - the import is the point

    if extract:
        from .extract import extract_document
        from .types import Page, with_offsets

        extract_document(Document("warm-up", "", with_offsets([Page(1, "Kommunfullmäktige beslutar att "
                                                                        "bevilja 100 tkr till Göteborg.")])))


def _store(store: Store, doc: Document, ext: Extraction | None, part: Any = None) -> int:
    """Write one document and everything found in it (and, from a cluster worker, its
    passages and vectors: ``search.index.IndexPart``) in one transaction."""
    with store.transaction():
        doc_id = store.replace_document(doc)
        if ext is not None:
            store.save_extraction(doc_id, doc, ext)
        if part is not None:
            from .search.index import store_index_part

            store_index_part(store, doc_id, part)
    return doc_id


def ingest(
    paths: Iterable[str | Path],
    *,
    db: str | Path | None = None,
    jobs: int = 1,
    ocr: bool | None = None,
    extract: bool = True,
    index: bool = True,
    model: str | None = None,
    progress: Progress | None = None,
    max_file_seconds: float | None = None,
    max_file_memory_mb: int | None = None,
    cluster: str | None = None,
) -> IngestReport:
    """Ingest PDFs (files or folders) into the corpus at ``db`` (a SQLite file or a
    ``postgresql://`` URL).

    Idempotent: a file whose content is already stored under the same path is skipped, a
    changed file replaces its old version. Each document is written in one transaction, so
    an interrupted batch leaves every finished document whole and no partial one.

    Files are read in worker processes, each file within ``max_file_seconds`` and
    ``max_file_memory_mb`` (None: ``$NAMNDKOLL_MAX_FILE_SECONDS`` /
    ``$NAMNDKOLL_MAX_FILE_MEMORY_MB`` or the defaults; 0: no limit); a file beyond them is
    reported and the batch goes on. ``cluster`` (``local:N`` or ``tcp://HOST:8786``): read,
    extract and embed on Dask workers instead (namndkoll/cluster.py).
    """
    from .workers import Limits

    t0 = time.perf_counter()
    limits = Limits.resolve(max_file_seconds, max_file_memory_mb)
    progress = progress or Progress()
    results: list[FileResult] = []
    todo: list[Task] = []
    with opened(db, write=True) as store:
        seen_sha: dict[str, str] = {}
        for path, early in find_files(paths):
            if early is not None:
                results.append(early)
                continue
            shown = shown_path(path)
            try:
                source = source_name(path)
                if path.stat().st_size == 0:
                    results.append(FileResult(shown, "failed", "empty file (0 bytes): re-download or re-export it"))
                    continue
                sha = sha256_file(path)
            except OSError as exc:
                results.append(FileResult(shown, "failed", f"cannot read file: {exc.strerror or exc}"))
                continue
            old = store.lookup_source(source)
            if old and old[1] == sha:
                results.append(FileResult(shown, "unchanged", "already ingested", document_id=old[0]))
                continue
            dup = seen_sha.get(sha) or store.source_with_sha(sha, exclude=source)
            if dup:
                results.append(FileResult(shown, "unchanged", f"same content as {shown_path(dup)}"))
                continue
            seen_sha[sha] = source
            from .ingest import page_count

            todo.append(Task(os.fspath(path), source, sha, page_count(path), old[0] if old else None))

        pages_read = 0
        embedded = [0, 0]  # documents and passages a cluster's workers embedded
        # the readers start before the progress bar's thread: a fork is then of one thread
        with (contextlib.nullcontext() if cluster else
              _readers(len(todo), jobs=jobs, extract=extract, limits=limits)) as pool:
            progress.start(len(todo), sum(t.pages for t in todo))
            if cluster:
                from . import cluster as dask_cluster

                rec = store.get_model() if index else None
                # workers embed with the model the index holds unless --model says otherwise
                runner = dask_cluster.run(todo, address=cluster, db=str(db) if db is not None else None, ocr=ocr,
                                          extract=extract, index=index, model=model or (rec.model_id if rec else None),
                                          writes=store.backend != "sqlite")
            else:
                runner = pool.map(_tasks(todo, jobs=jobs, ocr=ocr, extract=extract))
            for task, out in runner:
                shown = shown_path(_display_path(task.source))
                status: Status = "replaced" if task.old_id else "ingested"
                if isinstance(out, str):
                    res = FileResult(shown, "failed", _message(out), pages=task.pages)
                elif hasattr(out, "document_id"):  # a cluster worker stored it (PostgreSQL)
                    pages_read += out.pages
                    embedded[0] += 1
                    embedded[1] += out.passages
                    res = FileResult(shown, status, "", out.pages, out.document_id,
                                     tuple(_message(w) for w in out.warnings))
                else:
                    doc, ext, *part = out
                    doc = dataclasses.replace(doc, source=task.source)
                    try:
                        doc_id = _store(store, doc, ext, *part)
                    except NamndkollError as exc:
                        res = FileResult(shown, "failed", f"not stored: {exc}", pages=len(doc.pages))
                    else:
                        pages_read += len(doc.pages)
                        res = FileResult(shown, status, "", len(doc.pages), doc_id,
                                         tuple(_message(w) for w in doc.warnings))
                        if part and part[0] is not None:
                            embedded[0] += 1
                            embedded[1] += len(part[0].chunks)
                results.append(res)
                progress.advance(res)
        progress.done()
        read_seconds = time.perf_counter() - t0

        index_report = None
        if index and any(r.status in ("ingested", "replaced") for r in results):
            index_report = _refresh_index(store, model=model, progress=progress,
                                          done=(embedded[0], embedded[1], read_seconds) if cluster else None)
    return IngestReport(tuple(results), read_seconds, pages_read, index_report)


def _display_path(source: str) -> str:
    try:
        rel = os.path.relpath(source)
    except ValueError:
        return source
    return source if rel.startswith("..") else rel


def _message(text: str) -> str:
    """A message on one line, with nothing that cannot be printed (a file name inside it
    may hold any bytes)."""
    from .display import one_line

    return one_line(text.encode("utf-8", errors="backslashreplace").decode("utf-8"))


def _readers(files: int, *, jobs: int, extract: bool, limits: Any) -> Any:
    """Worker processes that read the files (``namndkoll.workers``): ``jobs`` of them, fewer
    for a smaller batch, none when there is nothing to read."""
    from .workers import Pool

    return Pool(_safe_process, jobs=min(jobs, files), limits=limits, warm=functools.partial(_warm, extract))


def _tasks(todo: list[Task], *, jobs: int, ocr: bool | None, extract: bool) -> list[tuple[Task, tuple[Any, ...]]]:
    """With several jobs the biggest files go first, so that one long file does not run
    alone at the end of the batch."""
    order = sorted(todo, key=lambda t: -t.pages) if jobs > 1 else todo
    return [(t, (t.path, ocr, extract)) for t in order]


def _refresh_index(store: Store, *, model: str | None, progress: Progress,
                   done: tuple[int, int, float] | None = None) -> Any:
    """Chunk and embed what the index lacks. After a cluster run (``done``: documents and
    passages its workers embedded, seconds) that is usually nothing: the model is not loaded
    here unless something is left."""
    from .search import embedder_for, index_corpus
    from .search.chunking import CHUNKER

    if done is not None and not store.documents_to_chunk(CHUNKER) and not store.count_unembedded():
        from .search.index import IndexReport

        rec = store.get_model()
        if rec is not None:
            store.optimize()
            return IndexReport(rec.model_id, rec.dimensions, done[0], store.chunk_total(), done[1], 0, done[2])
    # no --model: keep the model the index was built with (the default one for a new index)
    return index_corpus(store, embedder_for(store, model), progress=progress.extra.get("index"))


# ---- copying a corpus between backends -------------------------------------------------------

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
                ext = a.load_extraction(sd.id)
                chunker, chunks = a.load_chunks(sd.id)
                with b.transaction():
                    doc_id = b.replace_document(doc)
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


# ---- reading the corpus -------------------------------------------------------------------

def documents(
    *, db: str | Path | None = None, municipality: str | None = None, committee: str | None = None,
    doc_type: str | None = None, year: int | None = None, dnr: str | None = None,
) -> list[StoredDocument]:
    """Stored documents matching every filter given (``dnr``: follow a case by diarienummer)."""
    with opened(db) as store:
        return store.list_documents(municipality=municipality, committee=committee,
                                    doc_type=doc_type, year=year, dnr=dnr)


def show(ref: str, *, db: str | Path | None = None) -> Document:
    """A stored document by id, path or a unique part of its path/title."""
    with opened(db) as store:
        return store.load_document(store.resolve(ref))


def stats(*, db: str | Path | None = None) -> dict[str, Any]:
    with opened(db) as store:
        return store.corpus_stats()


def read_document(path: str | Path, *, ocr: bool | None = None) -> Document:
    """Read one PDF (nothing stored): pages, metadata, § items."""
    from .ingest import read_document as _read

    return _read(path, ocr=ocr)


def as_dict(obj: Any) -> Any:
    return dataclasses.asdict(obj)


# ---- what extract/ stored (namndkoll figures | decisions | votes | positions | people) -------

LISTS = ("figures", "decisions", "votes", "positions", "people")


def extracted(what: str, *, db: str | Path | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Stored ``what`` (one of ``LISTS``) matching ``filters`` (municipality, committee, year,
    party, kind, unit, document, limit — those that apply), each row with its document, §
    item, page, quote and a copy-ready citation."""
    from .search.cite import format_citation
    from .types import Metadata

    if what not in LISTS:
        raise NamndkollError(f"cannot list {what!r}: choose one of {', '.join(LISTS)}")
    with opened(db) as store:
        rows = store.list_extracted(what, **filters)
    for r in rows:
        md = Metadata(r["title"], r["municipality"], r["committee"], r["doc_type"], r["date"])
        r["citation"] = format_citation(md, item=(r["item"] or "").lstrip("§ ") or None, page=r["page"],
                                        page_end=r["page"], source=r["source"])
    return rows


# ---- the web pages (namndkoll serve) ------------------------------------------------------
# One function per page: each opens the corpus, asks the stages and returns plain data that a
# template (or the JSON API) shows as it is. No HTML here, and no SQL in web/.

FACETS = ("municipality", "committee", "type", "year", "party")


@dataclass(frozen=True)
class SearchPage:
    query: str
    hits: list[Any]  # types.Hit, best first (at most ``limit``)
    total: int  # good hits found (at most the facet pool), before ``limit``
    facets: dict[str, list[tuple[str, int]]]  # facet -> (value, hits) over all good hits, most first
    parties: dict[int, tuple[str, ...]]  # chunk id -> party codes the passage states or names
    options: dict[str, list[str]]  # values the filters can take in this corpus
    model: str | None  # the index's embedding model (None: no search index yet)


class _RememberedQueries:
    """An embedder that remembers the vectors of recent queries: a click on a facet, a page
    of the compare matrix or a reload asks the same question again, and embedding it is most
    of a search's time."""

    def __init__(self, inner: Any, size: int = 512) -> None:
        self.inner, self.size = inner, size
        self.model_id, self.dimensions = inner.model_id, inner.dimensions
        self.vectors: dict[str, Any] = {}

    def embed(self, texts: Any, *, kind: str = "passage") -> Any:
        import numpy as np

        if kind != "query" or len(texts) != 1:
            return self.inner.embed(texts, kind=kind)
        key = texts[0]
        if key in self.vectors:
            self.vectors[key] = self.vectors.pop(key)  # most recent last
        else:
            self.vectors[key] = np.asarray(self.inner.embed(texts, kind=kind), dtype=np.float32)
            while len(self.vectors) > self.size:
                self.vectors.pop(next(iter(self.vectors)))
        return self.vectors[key]


_remembered: dict[int, _RememberedQueries] = {}


def _embedder(store: Store, embedder: Any) -> Any:
    """The server's embedder (or the index's own model), remembering recent query vectors."""
    if embedder is None:
        from .search import embedder_for

        embedder = embedder_for(store)
    if id(embedder) not in _remembered or _remembered[id(embedder)].inner is not embedder:
        _remembered[id(embedder)] = _RememberedQueries(embedder)
    return _remembered[id(embedder)]


def _hit_parties(store: Store, hits: list[Any]) -> dict[int, tuple[str, ...]]:
    """Parties per hit, as the party filter of search finds them: stored positions and
    mentions inside the passage, "(S)" after a name, or the party's name in the text."""
    from .registry import PARTIES

    stored = store.chunk_party_codes([h.chunk_id for h in hits])
    out: dict[int, tuple[str, ...]] = {}
    for h in hits:
        low = h.text.casefold()
        found = set(stored.get(h.chunk_id, ())) | {
            c for c, p in PARTIES.items() if f"({c})" in h.text or p.stem in low}
        out[h.chunk_id] = tuple(sorted(found))
    return out


def _options(store: Store) -> dict[str, list[str]]:
    from .registry import PARTIES

    st = store.corpus_stats()
    return {"municipality": [k for k in st["by_municipality"] if k != "unknown"],
            "committee": [k for k in st["by_committee"] if k != "unknown"],
            "type": [k for k in st["by_type"] if k != "unknown"],
            "year": sorted((k for k in st["by_year"] if k != "unknown"), reverse=True),
            "party": list(PARTIES)}


def search_page(
    query: str, *, db: str | Path | None = None, embedder: Any = None, municipality: str | None = None,
    committee: str | None = None, party: str | None = None, doc_type: str | None = None,
    year_from: int | None = None, year_to: int | None = None, limit: int = 20, pool: int = 50,
) -> SearchPage:
    """Hybrid search with facet counts: the good hits (at most ``pool``) are counted by
    municipality, committee, type, year and party; the first ``limit`` are returned."""
    from collections import Counter

    from .search import search

    with opened(db) as store:
        options = _options(store)
        rec = store.get_model()
        if not query.strip():
            return SearchPage(query, [], 0, {}, {}, options, rec.model_id if rec else None)
        emb = _embedder(store, embedder) if rec is not None else None
        hits = search(store, query, emb, municipality=municipality, committee=committee, party=party,
                      doc_type=doc_type, year_from=year_from, year_to=year_to,
                      limit=max(limit, pool), mode="hybrid" if emb is not None else "keyword")
        parties = _hit_parties(store, hits)
    counts: dict[str, Counter[str]] = {f: Counter() for f in FACETS}
    for h in hits:
        md = h.metadata
        for facet, value in (("municipality", md.municipality), ("committee", md.committee),
                             ("type", md.doc_type), ("year", (md.date or "")[:4] or None)):
            if value:
                counts[facet][value] += 1
        counts["party"].update(parties[h.chunk_id])
    facets = {f: sorted(c.items(), key=lambda kv: (-kv[1], kv[0])) for f, c in counts.items() if c}
    return SearchPage(query, hits[:limit], len(hits), facets, parties, options,
                      rec.model_id if rec else None)


@dataclass(frozen=True)
class DocumentView:
    stored: StoredDocument
    document: Document
    page: int  # the page shown (1-based)
    highlight: tuple[int, int] | None  # document offsets of the passage to mark, when on this page
    segments: list[tuple[str, bool]]  # the page's clean text cut at the highlight: (text, marked)
    on_page: dict[str, list[dict[str, Any]]]  # figures, decisions, votes, positions on this page
    original: bool  # the original PDF is where it was ingested from, unchanged


def _clip(page: Any, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` (document offsets) cut to ``page``; None when it does not touch the page."""
    if span is None:
        return None
    a, b = max(span[0], page.start), min(span[1], page.end)
    return (a, b) if a < b else None


def document_view(document_id: int, *, db: str | Path | None = None, page: int | None = None,
                  item: str | None = None, highlight: tuple[int, int] | None = None) -> DocumentView:
    """A stored document at one page (``page``, else the page of ``item`` or of ``highlight``,
    else 1), with the highlighted passage cut out of the page text and what extract found on it."""
    from .errors import NotFoundError

    with opened(db) as store:
        stored = store.get_stored(document_id)
        doc = store.load_document(document_id)
        if not doc.pages:
            raise NotFoundError(f"document {document_id} has no pages")
        if page is None and item is not None:
            it = next((i for i in doc.items if i.number == item.lstrip("§ ")), None)
            if it is None:
                raise NotFoundError(f"document {document_id} has no § {item}")
            page, highlight = it.page_start, highlight or (it.start, it.end)
        if page is None:
            page = doc.page_of(highlight[0]) if highlight else 1
        if not 1 <= page <= len(doc.pages):
            raise NotFoundError(f"document {document_id} has {len(doc.pages)} pages, not {page}")
        on_page = {what: [r for r in store.list_extracted(what, document=document_id) if r["page"] == page]
                   for what in ("figures", "decisions", "votes", "positions")}
    p = doc.pages[page - 1]
    span = _clip(p, highlight)
    if span is None:
        segments = [(p.text, False)]
    else:
        a, b = span[0] - p.start, span[1] - p.start
        segments = [(s, m) for s, m in ((p.text[:a], False), (p.text[a:b], True), (p.text[b:], False)) if s]
    return DocumentView(stored, doc, page, span, segments, on_page, _original_ok(stored) is not None)


# the original file is checked against the stored hash once per (path, size, mtime)
_verified: dict[tuple[str, int, int], str] = {}


def _original_ok(stored: StoredDocument) -> Path | None:
    """The original PDF of a stored document if it is still where it was read from, unchanged."""
    path = Path(stored.source)
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _verified:
        try:
            _verified[key] = sha256_file(path)
        except OSError:
            return None
    return path if _verified[key] == stored.sha256 else None


def original_pdf(document_id: int, *, db: str | Path | None = None) -> tuple[Path, str]:
    """(path, file name) of a stored document's original PDF, by id only; NotFoundError when
    the file is gone or changed since it was read."""
    from .errors import NotFoundError

    with opened(db) as store:
        stored = store.get_stored(document_id)
    path = _original_ok(stored)
    if path is None:
        raise NotFoundError(f"the original PDF of document {document_id} is no longer at {stored.source} "
                            "(or has changed since it was read): ingest it again")
    return path, path.name


PAGE_SCALES = {"thumb": 0.5, "page": 1.5, "large": 2.5}
_image_cache: dict[tuple[str, int, str, int, int], bytes] = {}
_IMAGE_CACHE_MAX = 256


def span_boxes(page: Any, start: int, end: int) -> tuple[tuple[float, float, float, float], ...]:
    """Boxes (PDF points, top-left origin) covering page-relative offsets ``start``–``end`` of a
    page whose layout is known (``Page.lines``); a line partly inside is cut in proportion to
    its characters."""
    out = []
    for ln in page.lines:
        a, b = max(start, ln.start), min(end, ln.end)
        if a >= b or ln.end <= ln.start:
            continue
        width = (ln.x1 - ln.x0) / (ln.end - ln.start)
        out.append((ln.x0 + (a - ln.start) * width, ln.top, ln.x0 + (b - ln.start) * width, ln.bottom))
    return tuple(out)


def page_image(document_id: int, number: int, *, db: str | Path | None = None,
               highlight: tuple[int, int] | None = None, size: str = "page",
               cache_dir: str | Path | None = None) -> bytes:
    """PNG of page ``number`` of a stored document, the ``highlight`` span (document offsets)
    boxed: from the page's layout when stored (``Page.lines``), else found in the PDF's text
    layer. Cached in memory and on disk by the document's hash, page, size and span."""
    from .errors import NotFoundError
    from .ingest.pdf import find_text_boxes, render_page

    if size not in PAGE_SCALES:
        raise NotFoundError(f"no image size {size!r}: choose one of {', '.join(PAGE_SCALES)}")
    with opened(db) as store:
        stored = store.get_stored(document_id)
        if not 1 <= number <= stored.pages:
            raise NotFoundError(f"document {document_id} has {stored.pages} pages, not {number}")
    # keyed by the span asked for: a cached image costs no reading of the document
    span = highlight or (0, 0)
    key = (stored.sha256, number, size, *span)
    if key in _image_cache:
        return _image_cache[key]
    folder = Path(cache_dir) if cache_dir else _data_home() / "cache" / "pages"
    cached = folder / stored.sha256 / f"{number}-{size}-{span[0]}-{span[1]}.png"
    try:
        data = cached.read_bytes()
    except OSError:
        path = _original_ok(stored)
        if path is None:
            raise NotFoundError(f"the original PDF of document {document_id} is no longer at {stored.source} "
                                "(or has changed): its pages cannot be shown; ingest it again") from None
        boxes: tuple[tuple[float, float, float, float], ...] = ()
        if highlight is not None:
            with opened(db) as store:
                page = store.load_document(document_id).pages[number - 1]
            on_page = _clip(page, highlight)
            if on_page is not None:
                a, b = on_page[0] - page.start, on_page[1] - page.start
                boxes = span_boxes(page, a, b) if page.lines else find_text_boxes(
                    path, number, page.text[a:b].split("\n"))
        data = render_page(path, number, scale=PAGE_SCALES[size], boxes=boxes)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        except OSError:
            pass  # a read-only data folder: the memory cache still serves it
    if len(_image_cache) >= _IMAGE_CACHE_MAX:
        _image_cache.pop(next(iter(_image_cache)))
    _image_cache[key] = data
    return data


def _data_home() -> Path:
    from .search.embed import data_home

    return data_home()


# ---- compare matrix, cases, basket, status ------------------------------------------------

KIND_LABELS = {
    "reservation": "reservation", "sarskilt_uttalande": "särskilt uttalande",
    "sarskilt_yttrande": "särskilt yttrande", "protokollsanteckning": "anteckning",
    "yrkande": "yrkande", "yrkanden": "yrkande", "omrostning": "omröstning", "motion": "motion",
    "skrivelse": "skrivelse",
}


@dataclass(frozen=True)
class MatrixCell:
    kind: str  # reservation, yrkande, omröstning, anteckning, ... (Swedish label)
    quote: str
    document_id: int
    page: int
    start: int
    end: int


@dataclass
class MatrixRow:
    group: str  # the committee or year (by committee|year); "" by party
    document_id: int
    title: str
    committee: str | None
    date: str | None
    item: str | None
    citation: str
    cells: dict[str, list[MatrixCell]] = field(default_factory=dict)  # party code -> what it did


@dataclass(frozen=True)
class CompareMatrix:
    topic: str
    by: str
    parties: list[str]  # columns, the most active party first
    rows: list[MatrixRow]  # items, grouped by ``by`` and oldest first within a group
    total: int  # passages found on the topic
    unattributed: int  # of which no party could be told


def compare_matrix(topic: str, *, by: str = "party", db: str | Path | None = None, embedder: Any = None,
                   municipality: str | None = None, committee: str | None = None, party: str | None = None,
                   year_from: int | None = None, year_to: int | None = None, limit: int = 50) -> CompareMatrix:
    """The positions on a topic as a matrix: one row per § item (or document), one column per
    party, each cell what that party did there (reservation, yrkande, omröstning, anteckning ...)
    with the page to cite; rows grouped by committee or year when ``by`` says so."""
    from collections import Counter

    from .search import compare
    from .search.cite import quote

    if by not in ("party", "committee", "year"):
        raise NamndkollError("by must be party, committee or year")
    with opened(db) as store:
        if store.get_model() is None and embedder is None:
            return CompareMatrix(topic, by, [], [], 0, 0)
        res = compare(store, topic, _embedder(store, embedder), by="party", municipality=municipality,
                      committee=committee, party=party, year_from=year_from, year_to=year_to, limit=limit)
    rows: list[MatrixRow] = []
    active: Counter[str] = Counter()
    for item in res.items:  # one row per matching § item, each party's stances quoted once
        group = "" if by == "party" else (item.committee or "okänd nämnd") if by == "committee" else (
            (item.date or "")[:4] or "okänt år")
        row = MatrixRow(group, item.document_id, item.title or Path(item.source).name, item.committee,
                        item.date, item.item, item.citation)
        for code, stances in item.stances.items():
            row.cells[code] = [MatrixCell(KIND_LABELS.get(st.kind, st.kind), quote(st.text, max_chars=300),
                                          item.document_id, st.page, st.start, st.end) for st in stances]
            active[code] += 1
        if row.cells:
            rows.append(row)
    ordered = sorted(rows, key=lambda r: (r.group, r.date or "9999", r.document_id, r.item or ""))
    return CompareMatrix(topic, by, [c for c, _ in active.most_common()], ordered, res.total, res.unattributed)


def _stage(committee: str | None, doc_type: str | None) -> tuple[int, str]:
    """Where a document stands in a case's path: nämnd -> KS -> KF (revision beside them)."""
    low = (committee or "").casefold()
    if "fullmäktige" in low:
        return 3, "KF"
    if "kommunstyrelse" in low or "regionstyrelse" in low or "förbundsstyrelse" in low:
        return 2, "KS"
    if "revision" in low or doc_type == "revisionsrapport":
        return 1, "revision"
    if doc_type in ("motion", "reservation", "skrivelse", "sarskilt_yttrande"):
        return 0, "parti"
    return 1, "nämnd"


@dataclass(frozen=True)
class CaseView:
    dnr: str
    entries: list[dict[str, Any]]  # one per document or § item naming the case, oldest first
    bodies: list[str]  # the bodies it passed through, in order


def case_view(dnr: str, *, db: str | Path | None = None) -> CaseView:
    """A case followed by its diarienummer through every document and body that names it,
    oldest first (same date: nämnd before KS before KF), with its decisions and votes."""
    from .search.cite import format_citation
    from .types import Metadata

    with opened(db) as store:
        entries = store.case_entries(dnr)
    for e in entries:
        rank, stage = _stage(e["committee"], e["doc_type"])
        e["stage"], e["rank"] = stage, rank
        md = Metadata(e["title"], e["municipality"], e["committee"], e["doc_type"], e["date"])
        page = e["page_start"] or 1
        e["citation"] = format_citation(md, item=e["item"], page=page, page_end=page,
                                        diarienummer=(e["dnr"],), source=e["source"])
    entries.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["rank"]))
    bodies = list(dict.fromkeys(e["committee"] or e["stage"] for e in entries))
    return CaseView(dnr, entries, bodies)


BASKET_KINDS = {"c": "passage", "f": "figures", "d": "decisions", "v": "votes", "p": "positions"}


def basket_items(refs: list[str], *, db: str | Path | None = None) -> list[dict[str, Any]]:
    """The basket's entries in the order given: ``refs`` like "c12" (a search passage by chunk
    id), "f3" (figure), "d4" (decision), "v5" (vote), "p6" (position). Each with quote,
    citation, document, page and span; a ref no longer in the corpus comes back ``missing``."""
    from .search.cite import format_citation, quote
    from .search.hybrid import hits_for_chunks
    from .types import Metadata

    wanted: dict[str, list[int]] = {}
    for r in refs:
        if r[:1] in BASKET_KINDS and r[1:].isdigit():
            wanted.setdefault(r[0], []).append(int(r[1:]))
    found: dict[str, dict[str, Any]] = {}
    with opened(db) as store:
        for h in hits_for_chunks(store, wanted.get("c", [])):
            found[f"c{h.chunk_id}"] = {
                "kind": "passage", "label": "citat", "quote": quote(h.text, max_chars=1200), "citation": h.citation,
                "document_id": h.document_id, "page": h.page, "start": h.start, "end": h.end,
                "title": h.metadata.title, "source": h.source}
        for k in "fdvp":
            for row in store.extracted_by_ids(BASKET_KINDS[k], wanted.get(k, [])):
                md = Metadata(row["title"], row["municipality"], row["committee"], row["doc_type"],  # type: ignore[arg-type]
                              row["date"])
                item = (row["item"] or "").lstrip("§ ") or None
                text = {"f": row.get("quote") or row.get("text"), "d": row.get("quote"),
                        "v": row.get("quote"), "p": row.get("quote")}[k] or ""
                label = {"f": f"siffra: {row.get('text', '')}", "d": "beslut", "v": "omröstning",
                         "p": KIND_LABELS.get(row.get("kind", ""), row.get("kind", ""))}[k]
                found[f"{k}{row['id']}"] = {
                    "kind": BASKET_KINDS[k], "label": label, "quote": quote(text, max_chars=1200),
                    "citation": format_citation(md, item=item, page=row["page"], page_end=row["page"],
                                                source=row["source"]),
                    "document_id": row["document_id"], "page": row["page"], "start": row["start"], "end": row["end"],
                    "title": row["title"], "source": row["source"]}
    return [{"ref": r, **found[r]} if r in found else {"ref": r, "missing": True} for r in refs]


def corpus_status(*, db: str | Path | None = None) -> dict[str, Any]:
    """What the corpus holds (by municipality, body, type, year), pages needing OCR, documents
    with missing metadata, and the search index's model and size."""
    from .search.index import index_status

    with opened(db) as store:
        st = store.corpus_stats()
        idx = index_status(store)
        docs = store.list_documents()
        location = store.location
    missing = []
    for d in docs:
        lacks = [name for name, v in (("kommun", d.municipality), ("nämnd", d.committee),
                                      ("typ", d.doc_type), ("datum", d.date)) if not v]
        if lacks:
            missing.append({"id": d.id, "title": d.title, "source": d.source, "missing": lacks})
    file = not location.startswith(("postgresql:", "postgres:"))  # a served corpus has no file to measure
    size = sum(p.stat().st_size for p in Path(location).parent.glob(Path(location).name + "*")
               if p.is_file()) if file and location and Path(location).exists() else 0
    return {**st, "index": idx, "missing_metadata": missing, "db_bytes": size, "db": location}


# ---- uploads --------------------------------------------------------------------------------

def upload_folder() -> Path:
    return _data_home() / "uploads"


def save_upload(name: str, data: bytes, *, folder: str | Path | None = None) -> Path:
    """Keep an uploaded PDF under the data folder (``$NAMNDKOLL_HOME/uploads/<hash>/<name>``):
    only the sanitised base of ``name`` is used, never a path. NotAPdfError if it is no PDF."""
    import re as _re

    from .errors import EmptyFileError, NotAPdfError

    if not data:
        raise EmptyFileError(f"{name}: empty file (0 bytes)")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError(f"{name}: not a PDF (no %PDF header); only PDF files can be ingested")
    base = _re.sub(r"[^\w.-]+", "-", Path(name.replace("\\", "/")).name, flags=_re.UNICODE).strip(".-")
    base = (base[:-4] if base.lower().endswith(".pdf") else base)[:100] or "dokument"
    sha = hashlib.sha256(data).hexdigest()
    target = Path(folder or upload_folder()) / sha[:16] / f"{base}.pdf"
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    return target


def ingest_uploads(paths: list[Path], *, db: str | Path | None = None, embedder: Any = None,
                   progress: Progress | None = None) -> IngestReport:
    """``ingest`` of uploaded files, then the search index refreshed with ``embedder`` (the
    one the server keeps warm; default: the index's own model)."""
    report = ingest(paths, db=db, index=False, progress=progress)
    if any(r.status in ("ingested", "replaced") for r in report.results):
        from .search import index_corpus

        with opened(db, write=True) as store:
            emb = _embedder(store, embedder)
            idx = index_corpus(store, emb, progress=(progress.extra.get("index") if progress else None))
        report = dataclasses.replace(report, index=idx)
    return report

# ---- roll calls: who voted how (namndkoll votes --member, namndkoll members) ---------------

def votes(*, db: str | Path | None = None, member: str | None = None, municipality: str | None = None,
          committee: str | None = None, year: int | None = None, document: int | None = None,
          limit: int | None = None) -> list[dict[str, Any]]:
    """Stored votes, each with its ``roll_call`` (every member's vote where the protocol lists
    them) and a ``note`` where the members do not add up to the stated result.

    ``member``: only the votes whose roll call lists that name, matched whole in any case and
    spacing ("aslan akbas"), each row with ``member_vote``; a part of a name ("Akbas") matches
    nothing, and a name no roll call lists is an error that names the members it is part of.
    """
    rows = extracted("votes", db=db, member=member, municipality=municipality, committee=committee,
                     year=year, document=document, limit=limit)
    if member and not rows:
        check_member(db, member)
    return rows


def members(*, db: str | Path | None = None, party: str | None = None, committee: str | None = None,
            municipality: str | None = None, year: int | None = None, member: str | None = None,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Every member of the stored roll calls (one municipality's name is one member): votes
    listed, ja / nej / avstår, absences, and how often they voted with the majority of the other
    members of their party present in the same vote (``with_party``, ``against_party``,
    ``with_party_share``; a vote where no other party member voted, or they split evenly, is not
    counted). ``party`` picks the members shown, not the votes the majorities come from."""
    with opened(db) as store:
        rows = store.list_members(party=party, committee=committee, municipality=municipality, year=year,
                                  member=member, limit=limit)
    if member and not rows:
        check_member(db, member)
    return rows


def check_member(db: str | Path | None, member: str) -> None:
    """A name no roll call lists is an error that says which stored names it is part of."""
    from .corpus.extractions import name_key

    with opened(db) as store:
        names = store.member_names(member)
    if any(name_key(n) == name_key(member) for n in names):
        return  # listed, only not under these filters
    hint = (f"did you mean {', '.join(names)}? (names are matched whole, in any case)" if names
            else "check the spelling; `namndkoll members` lists every member of the stored roll calls")
    raise NamndkollError(f"no roll call lists {member!r}: {hint}")
