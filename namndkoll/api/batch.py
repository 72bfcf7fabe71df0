"""The Python API, batch side: ingest PDFs into a corpus, locally or on a Dask cluster
(``files.py`` finds the files and names them; ``copying.py`` copies a corpus between backends)."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..corpus import claims, opened
from ..corpus.base import Store
from ..corpus.claims import Holder
from ..display import relative_path, shown_path
from ..errors import IngestError, NamndkollError
from ..types import Document, Extraction
from .files import FileResult, Status, find_files, sha256_file, source_name


@dataclass(frozen=True)
class Task:
    """A file to read: where it is, the name it is stored under, its hash and page count."""

    path: str  # as the file system has it (may hold bytes that are not UTF-8)
    source: str
    sha: str
    pages: int
    old_id: int | None


@dataclass(frozen=True)
class Unchanged:
    """A file another writer stored while this ingest read it or waited to read it (two ingests
    at once into one corpus): nothing was embedded or written for it."""

    document_id: int | None
    message: str


@dataclass(frozen=True)
class IngestReport:
    results: tuple[FileResult, ...]
    seconds: float  # reading, extracting and storing (the search index not counted)
    pages: int  # pages read this run (unchanged files not counted)
    index: Any = None  # the search stage's report when the index was refreshed
    older_reader: int = 0  # unchanged files an older namndkoll read, left as they were (see ``reread``)

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


def process_file(path: str, ocr: bool | None = None, extract: bool = True) -> tuple[Document, Extraction | None]:
    """Read and extract one PDF (runs in a worker process). Raises NamndkollError on bad input."""
    from ..ingest import read_document

    doc = read_document(path, ocr=ocr)
    ext = None
    if extract:
        from ..extract import extract_document

        ext = extract_document(doc)
    return doc, ext


def process_file_safely(path: str, ocr: bool | None, extract: bool) -> tuple[Document, Extraction | None] | str:
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


def warm_worker(extract: bool) -> None:
    """Load the reader and the extraction models in a new worker, once, before its first file
    (so that the memory allowed per file is what reading the file costs)."""
    from ..ingest import pdf  # noqa: F401 - the import is the point

    if extract:
        from ..extract import extract_document
        from ..types import Page, with_offsets

        extract_document(Document("warm-up", "", with_offsets([Page(1, "Kommunfullmäktige beslutar att "
                                                                        "bevilja 100 tkr till Göteborg.")])))


def _stored_meanwhile(store: Store, doc: Document) -> Unchanged | None:
    """Inside the document's transaction: after waiting for any other writer of the same content
    (PostgreSQL: ``hold_content``; SQLite's write transaction waits for every other writer),
    whether that content is stored by now (``_stored_now``). The ingest looked before it read
    the file; another ingest (a process of its own, on either backend) may have stored it since:
    this looks again where it counts, so that two ingests of one file write it once."""
    store.hold_content(doc.sha256)
    return _stored_now(store, doc.source, doc.sha256, doc.reader or None)


def _stored_now(store: Store, source: str, sha: str, reader: str | None) -> Unchanged | None:
    """Whether content ``sha`` is stored by now — under ``source`` by the reader ``reader``, or
    under another name — as another ingest running at the same time left it. Outside a
    transaction it is a cheap look before reading a file (a file is never read under a lock: a
    slow or hung reader must not hold up other writers); inside one, after ``hold_content``,
    it decides."""
    old = store.lookup_source(source)
    if old and old[1] == sha and store.reader_of(old[0]) == reader:
        return Unchanged(old[0], "already ingested (by another ingest running at the same time)")
    dup = store.source_with_sha(sha, exclude=source)
    if dup:
        return Unchanged(None, f"same content as {shown_path(dup)} (stored by another ingest running at the same time)")
    return None


NOT_READ = ": not read again"  # said of a file another ingest stored while this one waited to read it


def claim_to_read(store: Store, source: str, sha: str, reader: str | None, *, poll: float = 0.5,
           wait: bool = True) -> Unchanged | None | Holder:
    """Before reading the file of content ``sha`` (to be stored under ``source`` by ``reader``)
    and embedding it, outside any transaction: None once this writer has claimed the content
    (``Store.claim_content``), Unchanged when another writer stored it meanwhile. While another
    writer's claim is live this waits, polling with no transaction open (or, not ``wait``,
    answers who holds it: a ``claims.Holder``), so that two ingests of one file at once read and
    embed it once."""
    while True:
        with store.transaction():
            store.hold_content(sha)
            already = _stored_now(store, source, sha, reader)
            if already is not None:
                return Unchanged(already.document_id, already.message + NOT_READ)
            if store.claim_content(sha):
                return None
            if not wait:
                return store.content_holder(sha) or Holder("", "", None)
        time.sleep(poll)


def store_document(store: Store, doc: Document, ext: Extraction | None, part: Any = None) -> int | Unchanged:
    """Write one document and everything found in it (and, from a cluster worker, its passages
    and vectors: ``search.index.IndexPart``) in one short transaction. Unchanged, and nothing
    written, when another ingest running at the same time stored it first."""
    with store.transaction():
        already = _stored_meanwhile(store, doc)
        if already is not None:
            return already
        doc_id = store.replace_document(doc)
        if ext is not None:
            store.save_extraction(doc_id, doc, ext)
        if part is not None:
            from ..search.index import store_index_part

            store_index_part(store, doc_id, part)
        from .redact import apply_rules

        apply_rules(store, [doc_id])  # names removed on request (`redact`) never reach a reader
    return doc_id


@dataclass
class _Listing:
    """The files of one ingest sorted out before any is read: a result for each that will not
    be read, a task for each that will."""

    results: list[FileResult] = field(default_factory=list)
    todo: list[Task] = field(default_factory=list)
    older: int = 0  # unchanged files an older namndkoll read, left as they were
    seen_sha: dict[str, str] = field(default_factory=dict)  # content listed for reading -> its source


@dataclass
class _Tally:
    """What the files read this run add up to, for the report and the index's summary."""

    pages: int = 0  # pages read and stored
    documents: int = 0  # documents a cluster's workers embedded
    passages: int = 0  # passages they embedded
    reused: int = 0  # passages that kept the vectors of the document they replace


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
    reread: bool = False,
    wait: bool = True,
) -> IngestReport:
    """Ingest PDFs (files or folders) into the corpus at ``db`` (a SQLite file or a
    ``postgresql://`` URL).

    Idempotent: a file whose content is already stored under the same path is skipped, a
    changed file replaces its old version. ``reread``: also read again an unchanged file that
    another version of namndkoll read (``ingest.version``: a newer reader's §§, metadata and
    figures replace the old ones); without it such files are counted in ``older_reader``. Each document is written in one transaction, so
    an interrupted batch leaves every finished document whole and no partial one.

    Files are read in worker processes, each file within ``max_file_seconds`` and
    ``max_file_memory_mb`` (None: ``$NAMNDKOLL_MAX_FILE_SECONDS`` /
    ``$NAMNDKOLL_MAX_FILE_MEMORY_MB`` or the defaults; 0: no limit); a file beyond them is
    reported and the batch goes on. ``cluster`` (``local:N`` or ``tcp://HOST:8786``): read,
    extract and embed on Dask workers instead (namndkoll/cluster.py). ``wait``: when another run
    is embedding passages this one would (a second ingest or `index` at once), wait until they
    are stored (``search.index_corpus``; ``progress.extra["note"]`` is told) or end at once.
    """
    from ..corpus.claims import lapse_s
    from ..workers import Limits

    lapse_s()  # a bad $NAMNDKOLL_CLAIM_LAPSE_S is said now, not swallowed by a claim that only saves work
    if cluster:  # a typo ("lokal:2") fails now, not after Dask tried to reach it for 20 s
        from ..cluster import check_address

        cluster = check_address(cluster)
    paths = list(paths)
    if paths and not any(os.path.lexists(p) for p in paths):
        # nothing to read: say so before the store is opened, so a typo makes no empty database
        # that every later command then reads as "0 documents"
        named = ", ".join(shown_path(Path(p)) for p in paths[:3]) + (", …" if len(paths) > 3 else "")
        raise IngestError(f"no such file or folder: {named}; check the path (nothing was ingested)")
    t0 = time.perf_counter()
    limits = Limits.resolve(max_file_seconds, max_file_memory_mb)
    progress = progress or Progress()
    tally = _Tally()
    claimed: set[str] = set()  # content this ingest claimed before reading it: released once written
    with opened(db, write=True) as store:
        removed = _places_removed(store)
        listing = _list_files(store, paths, reread=reread)
        todo = listing.todo
        # the readers start before the progress bar's thread: a fork is then of one thread
        with (contextlib.nullcontext() if cluster else
              _readers(len(todo), jobs=jobs, extract=extract, limits=limits)) as pool:
            progress.start(len(todo), sum(t.pages for t in todo))
            if cluster:
                runner = _cluster_runner(store, todo, address=cluster, db=db, ocr=ocr, extract=extract, index=index,
                                         model=model, claimed=claimed, note=progress.extra.get("note"))
            else:
                assert pool is not None  # readers exist whenever no cluster reads
                runner = _local_runner(store, pool, todo, jobs=jobs, ocr=ocr, extract=extract, claimed=claimed,
                                       note=progress.extra.get("note"))
            listing.results.extend(_read_all(store, runner, todo, progress=progress, tally=tally, claimed=claimed))
        progress.done()
        read_seconds = time.perf_counter() - t0
        index_report = _index_after(store, listing.results, index=index, model=model, progress=progress,
                                    done=(tally.documents, tally.passages, read_seconds, tally.reused) if cluster
                                    else None, wait=wait)
        if _places_removed(store) > removed:  # a name removed on request was written, then rewritten:
            store.after_redaction()  # its old copies cleared from the file, as after `redact add`
    return IngestReport(tuple(listing.results), read_seconds, tally.pages, index_report, listing.older)


def _places_removed(store: Store) -> int:
    """How many places the corpus's redaction rules have changed, all told."""
    return sum(int(r["places"]) for r in store.redaction_rules())


def _list_files(store: Store, paths: Iterable[str | Path], *, reread: bool) -> _Listing:
    """Every file under ``paths`` sorted out before any reader starts (``find_files``, then
    ``_sort_out``): listing hashes the files and counts their pages, and writes nothing."""
    listing = _Listing()
    for path, early in find_files(paths):
        if early is not None:
            listing.results.append(early)
        else:
            _sort_out(store, path, listing, reread=reread)
    return listing


def _sort_out(store: Store, path: Path, listing: _Listing, *, reread: bool) -> None:
    """Whether the file at ``path`` is read, added to ``listing``: not when it cannot be hashed,
    when its content is stored under its name by this reader (or by an older one, unless
    ``reread``: counted in ``older``), or when the same content is stored or listed under
    another name (a copy is stored once); otherwise a task, which replaces the document stored
    under its name if there is one."""
    from ..ingest.version import reader_version

    shown = shown_path(path)
    hashed = _hashed(path, shown)
    if isinstance(hashed, FileResult):
        listing.results.append(hashed)
        return
    source, sha = hashed
    old = store.lookup_source(source)
    if old and old[1] == sha:
        if store.reader_of(old[0]) == reader_version():
            listing.results.append(FileResult(shown, "unchanged", "already ingested", document_id=old[0]))
            return
        if not reread:
            listing.older += 1
            listing.results.append(FileResult(shown, "unchanged", "already ingested, by an older namndkoll",
                                              document_id=old[0]))
            return
    dup = listing.seen_sha.get(sha) or store.source_with_sha(sha, exclude=source)
    if dup:
        listing.results.append(FileResult(shown, "unchanged", f"same content as {shown_path(dup)}"))
        return
    listing.seen_sha[sha] = source
    from ..ingest import page_count

    listing.todo.append(Task(os.fspath(path), source, sha, page_count(path), old[0] if old else None))


def _hashed(path: Path, shown: str) -> tuple[str, str] | FileResult:
    """The name the file at ``path`` is stored under and its content's hash, or a failed result
    saying why it cannot be read (an empty file is not hashed: it is never a PDF)."""
    try:
        source = source_name(path)
        if path.stat().st_size == 0:
            return FileResult(shown, "failed", "empty file (0 bytes): re-download or re-export it")
        sha = sha256_file(path)
    except OSError as exc:
        return FileResult(shown, "failed", f"cannot read file: {exc.strerror or exc}")
    return source, sha


def _cluster_runner(store: Store, todo: list[Task], *, address: str, db: str | Path | None, ocr: bool | None,
                    extract: bool, index: bool, model: str | None, claimed: set[str],
                    note: Callable[[str], None] | None = None) -> Iterator[tuple[Task, Any]]:
    """The tasks read, extracted and embedded on the Dask cluster at ``address``
    (namndkoll/cluster.py), as they finish. Workers embed with the model the index holds unless
    ``model`` says otherwise. With PostgreSQL the workers write themselves (and claim each
    file's content before reading it); with SQLite the client writes, and sends each replaced
    document's vectors along, so that the workers embed only the passages whose text changed
    (as a local ingest). A client that writes claims each file's content before it sends it
    (``_claimer``, added to ``claimed``) and beats while the workers read: another ingest or
    cluster on the same file reads none of them again. Either way a file that waits for another
    ingest reading it is said once per waiting spell (``note``, ``_Waiting``): by the client's
    claim, or by the workers' ``BUSY`` answers where they claim."""
    from .. import cluster as dask_cluster

    waiting = _Waiting(note)
    rec = store.get_model() if index else None
    writes = store.backend != "sqlite"
    known = None
    if rec is not None and model is None and not writes:
        from ..search.index import stored_vectors

        model_id = rec.model_id

        def known(t: Task) -> Any:
            return stored_vectors(store, t.old_id, model_id) if t.old_id is not None else None
    return dask_cluster.run(todo, address=address, db=str(db) if db is not None else None, ocr=ocr,
                            extract=extract, index=index, model=model or (rec.model_id if rec else None),
                            writes=writes, known=known, before=None if writes else _claimer(store, claimed, waiting),
                            beat=None if writes else store.beat, busy=waiting.told if writes else None)


def _local_runner(store: Store, pool: Any, todo: list[Task], *, jobs: int, ocr: bool | None,
                  extract: bool, claimed: set[str], note: Callable[[str], None] | None = None
                  ) -> Iterator[tuple[Task, Any]]:
    """The tasks read by the worker processes of ``pool``, as they finish. When a reader is free
    for a file its content is claimed first (``claim_to_read``, added to ``claimed``): a file another
    ingest stored since it was listed is not read again, and one another ingest is reading now
    is put off until the other files are given out, then found stored (or read here, should the
    other ingest fail or die), saying so (``note``) once it waits for them. The claims'
    heartbeat goes on while the readers read."""
    return pool.map(_tasks(todo, jobs=jobs, ocr=ocr, extract=extract),
                    before=_claimer(store, claimed, _Waiting(note)), beat=store.beat)


class _Waiting:
    """The files of one ingest put off because another ingest is reading them, and what it says
    of them: ``note(line)`` once per waiting spell. A spell begins when a file put off is offered
    again and is still being read by another ingest (every other file given out by then, so
    this ingest now waits for it): one line names the files it waits for and who reads them
    (run, host and pid, as the claim records them). It ends when none is put off any more, and
    the next one is told again. Not once per poll. The same for every runner: the local readers
    and a cluster's client claim the files themselves, a cluster's workers that write answer
    ``BUSY`` with the holder."""

    def __init__(self, note: Callable[[str], None] | None) -> None:
        self.note = note
        self.put_off: dict[str, tuple[str, Holder]] = {}  # content put off -> its file, shown, and its holder
        self.said = False  # this spell told

    def told(self, t: Task, holder: Holder | None) -> None:
        """The answer for ``t``: ``holder`` reads it now (put off), or None (read, or stored)."""
        if holder is None:
            if self.put_off.pop(t.sha, None) is not None and not self.put_off:
                self.said = False
            return
        again = t.sha in self.put_off
        self.put_off[t.sha] = (shown_path(relative_path(t.source)), holder)
        if again and not self.said and self.note is not None:
            self.note(_waiting_line(list(self.put_off.values())))
            self.said = True


def _claimer(store: Store, claimed: set[str], waiting: _Waiting | None = None) -> Callable[[Task], Any]:
    """``before(task)`` for a runner that gives files to readers: the file's content claimed
    (``claim_to_read``, without waiting; added to ``claimed``) when a reader is free for it. None: read
    it; ``workers.LATER``: another ingest is reading it, put it off (``waiting`` is told, and says
    so once per waiting spell); Unchanged: stored by another ingest since it was listed, not read."""
    from ..ingest.version import reader_version
    from ..workers import LATER

    reader = reader_version()
    waiting = waiting or _Waiting(None)

    def before(t: Task) -> Any:
        try:
            got = claim_to_read(store, t.source, t.sha, reader, wait=False)
        except Exception:  # noqa: BLE001 - the claim only saves work: read it, the write says what is wrong
            got = None
        if isinstance(got, Holder):
            waiting.told(t, got)
            return LATER
        waiting.told(t, None)
        if got is None:
            claimed.add(t.sha)
        return got

    return before


def _waiting_line(files: list[tuple[str, Holder]]) -> str:
    """What an ingest waiting for files other ingests are reading says, on one line: how many,
    who reads them (``claims.Holder``: run, host, pid where the claim records them), which."""
    n = len(files)
    named = ", ".join(f for f, _ in files[:3]) + (", …" if n > 3 else "")
    holders = list(dict.fromkeys(str(h) for _, h in files if h.run))
    if not holders:
        who, that = "another ingest", "that ingest stops"
    elif len(holders) == 1:
        who, that = f"another ingest, {holders[0]}", "that ingest stops"
    else:
        who = f"{len(holders)} other ingests ({'; '.join(holders[:3])}" + (", …)" if len(holders) > 3 else ")")
        that = "those ingests stop"
    they, are, them = ("it", "is", "it") if n == 1 else ("they", "are", "them")
    lapse = claims.lapse_s()  # how long at most: a reader that hangs (stopped, not dead) beats no more
    bound = f"{lapse / 60:g} min" if lapse >= 120 and lapse % 60 == 0 else f"{lapse:g} s"
    return (f"{n} {'file is' if n == 1 else 'files are'} being read by {who}: {named}; waiting until "
            f"{they} {are} stored, or until {that} and this one reads {them} (one that hangs is taken over "
            f"after {bound} without a heartbeat, ${claims.LAPSE_ENV}) …")


def _read_all(store: Store, runner: Iterator[tuple[Task, Any]], todo: list[Task], *, progress: Progress,
              tally: _Tally, claimed: set[str] | None = None) -> list[FileResult]:
    """Each task's result as its reader finishes it (advancing ``progress``), listed in the
    order the tasks were given, whichever finished first. The claim on each file's content
    (``claimed``) is given up once its result is written, and every one left at the end."""
    claimed = claimed if claimed is not None else set()
    given = {id(t): i for i, t in enumerate(todo)}
    read: list[tuple[int, FileResult]] = []
    try:
        for task, out in runner:
            try:
                res = _outcome(store, task, out, tally)
            finally:
                if task.sha in claimed:
                    claimed.discard(task.sha)
                    store.release_content(task.sha)
            read.append((given[id(task)], res))
            progress.advance(res)
    finally:
        for sha in claimed:
            store.release_content(sha)
    return [res for _, res in sorted(read, key=lambda x: x[0])]


def _outcome(store: Store, task: Task, out: Any, tally: _Tally) -> FileResult:
    """The result of one task from what its reader sent back: a message (the file failed), an
    Unchanged (a cluster worker found it stored meanwhile), a cluster worker's report that it
    stored it (PostgreSQL), or the document read, which is stored here (``_write``)."""
    shown = shown_path(relative_path(task.source))
    status: Status = "replaced" if task.old_id else "ingested"
    if isinstance(out, str):
        return FileResult(shown, "failed", _message(out), pages=task.pages)
    if isinstance(out, Unchanged):
        return FileResult(shown, "unchanged", out.message, document_id=out.document_id)
    if hasattr(out, "document_id"):
        tally.pages += out.pages
        tally.documents += 1
        tally.passages += out.passages
        tally.reused += out.reused
        return FileResult(shown, status, "", out.pages, out.document_id, tuple(_message(w) for w in out.warnings))
    return _write(store, task, out, shown=shown, status=status, tally=tally)


def _write(store: Store, task: Task, out: Any, *, shown: str, status: Status, tally: _Tally) -> FileResult:
    """Store a document read here, or on a cluster's worker for a client that writes (SQLite:
    with its passages and vectors), in one transaction (``store_document``). A store error fails this
    file only; a document another ingest stored meanwhile is unchanged."""
    doc, ext, *part = out
    doc = dataclasses.replace(doc, source=task.source)
    try:
        stored = store_document(store, doc, ext, *part)
    except NamndkollError as exc:
        return FileResult(shown, "failed", f"not stored: {exc}", pages=len(doc.pages))
    if isinstance(stored, Unchanged):  # another ingest stored it meanwhile
        return FileResult(shown, "unchanged", stored.message, document_id=stored.document_id)
    tally.pages += len(doc.pages)
    res = FileResult(shown, status, "", len(doc.pages), stored, tuple(_message(w) for w in doc.warnings))
    if part and part[0] is not None:
        tally.documents += 1
        tally.passages += len(part[0].chunks) - part[0].reused
        tally.reused += part[0].reused
    return res


def _index_after(store: Store, results: list[FileResult], *, index: bool, model: str | None, progress: Progress,
                 done: tuple[int, int, float, int] | None, wait: bool = True) -> Any:
    """The index refreshed (``_refresh_index``) when this run stored a document, or an earlier
    one left documents unchunked or passages unembedded (killed while it embedded, or
    --no-index); None when ``index`` is off or nothing waits."""
    if index and (any(r.status in ("ingested", "replaced") for r in results) or _index_behind(store)):
        return _refresh_index(store, model=model, progress=progress, done=done, wait=wait)
    return None


def _message(text: str) -> str:
    """A message on one line, with nothing that cannot be printed (a file name inside it
    may hold any bytes)."""
    from ..display import one_line

    return one_line(text.encode("utf-8", errors="backslashreplace").decode("utf-8"))


def _readers(files: int, *, jobs: int, extract: bool, limits: Any) -> Any:
    """Worker processes that read the files (``namndkoll.workers``): ``jobs`` of them, fewer
    for a smaller batch, none when there is nothing to read."""
    from ..workers import Pool

    return Pool(process_file_safely, jobs=min(jobs, files), limits=limits, warm=functools.partial(warm_worker, extract))


def _tasks(todo: list[Task], *, jobs: int, ocr: bool | None, extract: bool) -> list[tuple[Task, tuple[Any, ...]]]:
    """With several jobs the biggest files go first, so that one long file does not run
    alone at the end of the batch."""
    order = sorted(todo, key=lambda t: -t.pages) if jobs > 1 else todo
    return [(t, (t.path, ocr, extract)) for t in order]


def _index_behind(store: Store) -> bool:
    """Whether stored documents wait to be chunked or passages to be embedded."""
    from ..search.chunking import CHUNKER

    return bool(store.documents_to_chunk(CHUNKER)) or store.count_unembedded() > 0


def _refresh_index(store: Store, *, model: str | None, progress: Progress,
                   done: tuple[int, int, float, int] | None = None, wait: bool = True) -> Any:
    """Chunk and embed what the index lacks. After a cluster run (``done``: documents and
    passages its workers embedded, seconds, passages that kept their old vectors) that is
    usually nothing: the model is not loaded here unless something is left."""
    from ..search import embedder_for, index_corpus
    from ..search.chunking import CHUNKER

    if done is not None and not store.documents_to_chunk(CHUNKER) and not store.count_unembedded():
        from ..search.index import IndexReport

        rec = store.get_model()
        if rec is not None:
            store.optimize()
            return IndexReport(rec.model_id, rec.dimensions, done[0], store.chunk_total(), done[1], done[3], done[2])
    # no --model: keep the model the index was built with (the default one for a new index)
    return index_corpus(store, embedder_for(store, model), progress=progress.extra.get("index"), wait=wait,
                        note=progress.extra.get("note"))

