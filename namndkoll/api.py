"""The Python API: ingest a batch of PDFs into a corpus, list and show what is stored.

The CLI is a thin layer over these functions. Stages do not import each other; this module
is where they meet: ingest -> extract -> corpus (-> search index).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from .corpus import opened
from .corpus.base import Store
from .corpus.store import StoredDocument
from .errors import NamndkollError
from .types import Document, Extraction

Status = Literal["ingested", "replaced", "unchanged", "skipped", "failed"]


@dataclass(frozen=True)
class FileResult:
    path: str
    status: Status
    message: str = ""
    pages: int = 0
    document_id: int | None = None
    warnings: tuple[str, ...] = ()


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
    """PDFs under ``paths`` (folders recursively, sorted), with a result for what is not ingestable."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file()):
                if f.suffix.lower() == ".pdf":
                    yield f, None
                else:
                    yield f, FileResult(str(f), "skipped", "not a PDF: only .pdf files are ingested")
        elif p.is_file():
            yield p, None  # named explicitly: try it whatever its suffix, the reader says if it is no PDF
        else:
            yield p, FileResult(str(p), "failed", "no such file or folder: check the path")


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
    """process_file, but an error comes back as its one-line message (workers must not die)."""
    try:
        return process_file(path, ocr, extract)
    except NamndkollError as exc:
        return str(exc)
    except MemoryError:
        return "out of memory while reading this file: ingest it alone with --jobs 1"
    except Exception as exc:  # noqa: BLE001 - a broken file must not stop the batch
        return f"could not read this PDF ({type(exc).__name__}: {exc}); it may be damaged: re-export or re-download it"


def _store(store: Store, doc: Document, ext: Extraction | None) -> int:
    """Write one document and everything found in it in one transaction."""
    with store.transaction():
        doc_id = store.replace_document(doc)
        if ext is not None:
            store.save_extraction(doc_id, doc, ext)
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
) -> IngestReport:
    """Ingest PDFs (files or folders) into the corpus at ``db``.

    Idempotent: a file whose content is already stored under the same path is skipped, a
    changed file replaces its old version. Each document is written in one transaction, so
    an interrupted batch leaves every finished document whole and no partial one.
    """
    t0 = time.perf_counter()
    progress = progress or Progress()
    results: list[FileResult] = []
    todo: list[tuple[str, str, int, int | None]] = []  # source, sha, pages, old id
    with opened(db, write=True) as store:
        seen_sha: dict[str, str] = {}
        for path, early in find_files(paths):
            if early is not None:
                results.append(early)
                continue
            source = str(path.resolve())
            try:
                if path.stat().st_size == 0:
                    results.append(FileResult(str(path), "failed", "empty file (0 bytes): re-download or re-export it"))
                    continue
                sha = sha256_file(path)
            except OSError as exc:
                results.append(FileResult(str(path), "failed", f"cannot read file: {exc.strerror or exc}"))
                continue
            old = store.lookup_source(source)
            if old and old[1] == sha:
                results.append(FileResult(str(path), "unchanged", "already ingested", document_id=old[0]))
                continue
            dup = seen_sha.get(sha) or store.source_with_sha(sha, exclude=source)
            if dup:
                results.append(FileResult(str(path), "unchanged", f"same content as {dup}"))
                continue
            seen_sha[sha] = source
            from .ingest import page_count

            todo.append((source, sha, page_count(path), old[0] if old else None))

        progress.start(len(todo), sum(t[2] for t in todo))
        pages_read = 0
        for (source, _sha, npages, old_id), out in _run(todo, jobs=jobs, ocr=ocr, extract=extract):
            shown = _display_path(source)
            if isinstance(out, str):
                res = FileResult(shown, "failed", out, pages=npages)
            else:
                doc, ext = out
                try:
                    doc_id = _store(store, doc, ext)
                except NamndkollError as exc:
                    res = FileResult(shown, "failed", f"not stored: {exc}", pages=len(doc.pages))
                else:
                    pages_read += len(doc.pages)
                    res = FileResult(shown, "replaced" if old_id else "ingested", "",
                                     len(doc.pages), doc_id, doc.warnings)
            results.append(res)
            progress.advance(res)
        progress.done()
        read_seconds = time.perf_counter() - t0

        index_report = None
        if index and any(r.status in ("ingested", "replaced") for r in results):
            index_report = _refresh_index(store, model=model, progress=progress)
    return IngestReport(tuple(results), read_seconds, pages_read, index_report)


def _display_path(source: str) -> str:
    try:
        rel = os.path.relpath(source)
    except ValueError:
        return source
    return source if rel.startswith("..") else rel


def _run(
    todo: list[tuple[str, str, int, int | None]], *, jobs: int, ocr: bool | None, extract: bool
) -> Iterator[tuple[tuple[str, str, int, int | None], tuple[Document, Extraction | None] | str]]:
    """Process files in order of completion: in this process for one job, else in a pool.
    At most a few files per worker are in flight, so memory stays bounded on big batches."""
    if jobs <= 1 or len(todo) <= 1:
        for t in todo:
            yield t, _safe_process(t[0], ocr, extract)
        return
    import multiprocessing as mp

    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx) as pool:
        # biggest files first, so that one long file does not run alone at the end of the batch
        queue = iter(sorted(todo, key=lambda t: -t[2]))
        running: dict[Future[Any], tuple[str, str, int, int | None]] = {}

        def submit_next() -> None:
            t = next(queue, None)
            if t is not None:
                running[pool.submit(_safe_process, t[0], ocr, extract)] = t

        for _ in range(jobs * 2):
            submit_next()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for fut in finished:
                t = running.pop(fut)
                try:
                    out = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker killed by the OS
                    out = f"the worker reading this file died ({type(exc).__name__}); try it alone with --jobs 1"
                submit_next()
                yield t, out


def _refresh_index(store: Store, *, model: str | None, progress: Progress) -> Any:
    from .search import embedder_for, index_corpus

    # no --model: keep the model the index was built with (the default one for a new index)
    return index_corpus(store, embedder_for(store, model), progress=progress.extra.get("index"))


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
