"""Ingest on a Dask cluster: ``namndkoll ingest PATH... --cluster local:N | tcp://HOST:8786``.

Files, not pages, are handed out (futures, collected as they finish); each worker loads the NER pipeline and the embedding model once (a
``WorkerPlugin``), then reads, extracts and, when indexing, chunks and embeds each file it is
given. Who writes: with PostgreSQL every worker writes its documents straight to the
database, one short transaction per document once it has embedded it (no transaction is open
while it reads or embeds), each of its threads (``dask worker --nthreads N``) on a connection of
its own; with a SQLite file the results travel back and the client is the
one writer. Either way api.ingest keeps the progress bar, the summary, the
skip-by-hash and the failure messages of a local ingest: this module only replaces the
process pool.

Workers must see the files at the paths the client gives (a shared folder or mount) and
reach the database at the URL given with --db.
"""

from __future__ import annotations

import contextlib
import difflib
import logging
import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .errors import NamndkollError

_INSTALL = "Dask is not installed: pip install 'namndkoll[cluster]'"
# how long a scheduler without workers is given for its first one to join (a script that
# starts the scheduler and the workers together), then the ingest stops and says so
WAIT_FOR_WORKERS = 60.0
CONNECT_S = 20.0  # to reach a scheduler and hear its handshake
PLUGIN = "namndkoll"


@dataclass(frozen=True)
class Written:
    """A document a worker stored itself (PostgreSQL): what the client's summary needs."""

    document_id: int
    pages: int
    warnings: tuple[str, ...]
    passages: int = 0  # passages embedded and stored with it
    reused: int = 0  # passages that kept the vector of their old version (not embedded again)


@dataclass(frozen=True)
class Busy:
    """A worker's answer for a file another ingest is reading now (its content claimed): not
    read; the client offers it again once the other files are sent (``run``), and then finds it
    stored, or reads it should the other ingest fail. ``holder``: who reads it
    (``corpus.claims.Holder``), for the line the client says while it waits."""

    holder: Any = None


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _PluginBase
except ImportError:  # Dask is an optional extra; connect() says how to install it
    _PluginBase = object  # type: ignore[assignment,misc]


class NamndkollWorker(_PluginBase):  # type: ignore[misc,valid-type]
    """Loads what every file needs once per worker: the extract pipeline, the embedder, and
    (PostgreSQL) database connections: one per task running at once (``task_store``).

    A worker started with ``--nthreads N`` runs N files at once on one plugin. A psycopg
    connection is one server session: two threads' transactions on it interleave into one
    (the second thread's ``BEGIN`` became a savepoint inside the first's, a commit ended the
    other's, and a worker's session was left idle in a transaction that held every document's
    advisory lock, so the ingest hung), and a content claim's owner token was shared by all.
    So each task takes a store of its own for the file it reads (its heartbeat thread beats on
    that store while the task reads, when the task itself does not use it), and gives it back
    for the next task once its transactions are over."""

    name = PLUGIN  # registered anew by each ingest (its database and model), replacing the last

    def __init__(self, *, db: str | None, model: str | None, extract: bool, index: bool, writes: bool) -> None:
        self.db, self.model, self.extract, self.index, self.writes = db, model, extract, index, writes
        self.embedder: Any = None
        self._lock: Any = None  # made in setup: a lock and a thread-local do not travel to the worker
        self._free: list[Any] = []  # stores no task uses now
        self._opened: list[Any] = []  # every store opened, closed at teardown
        self._current: Any = None

    def setup(self, worker: Any = None) -> None:
        import threading

        from .api.batch import warm_worker

        self._lock, self._current = threading.Lock(), threading.local()
        warm_worker(self.extract)  # the reader and the extract pipeline load now, not on the first file
        if self.index:
            from .search.embed import get_embedder

            self.embedder = get_embedder(self.model)
        if self.writes:  # one now: a database that cannot be reached fails here, not on each file
            self._free.append(self._open())

    def _open(self) -> Any:
        from .corpus import open_store

        store = open_store(self.db, write=True)
        with self._lock:
            self._opened.append(store)
        return store

    @contextlib.contextmanager
    def task_store(self) -> Iterator[Any]:
        """A store for this task alone (None when the client writes), given back afterwards;
        one whose connection was lost is closed instead, and the next task opens another."""
        if not self.writes:
            yield None
            return
        with self._lock:
            store = self._free.pop() if self._free else None
        if store is None:
            store = self._open()
        self._current.store = store
        try:
            yield store
        finally:
            self._current.store = None
            if store.conn.closed or store.conn.info.transaction_status.name != "IDLE":
                with self._lock:
                    self._opened.remove(store)
                with contextlib.suppress(Exception):
                    store.close()
            else:
                with self._lock:
                    self._free.append(store)

    @property
    def store(self) -> Any:
        """The store of the task running on this thread (None outside a task, or when the client writes)."""
        return getattr(self._current, "store", None) if self._current is not None else None

    def teardown(self, worker: Any = None) -> None:
        with self._lock:
            opened, self._opened, self._free = self._opened, [], []
        for store in opened:
            with contextlib.suppress(Exception):
                store.close()


def process_on_worker(path: str, source: str, ocr: bool | None, extract: bool, index: bool,
                      old_id: int | None = None, known: Any = None, sha: str | None = None) -> Any:
    """Read one file on a worker: (Document, Extraction, IndexPart | None) for the client to
    write, Written when the worker stored it (as ``source``), ``api.batch.Unchanged`` when
    another ingest running at the same time stored the same content first. The passages of the
    version it replaces keep their vectors (``known``: by text hash, sent by a client that
    writes itself; a worker that writes looks up the version stored when it embeds, which may be
    newer than the client's ``old_id``): a changed file or a ``--reread`` after an upgrade
    embeds only the passages whose text changed.

    A worker that writes keeps no transaction open while it reads, extracts or embeds: before
    reading it claims ``sha`` (the file's hash, taken by the client; ``api.batch.claim_to_read``): a
    file stored by now is not read; one another writer is reading or embedding comes back
    ``BUSY`` at once (the worker is free for another file; the client sends it again later, when
    it is found stored and not read again), so that it is read and embedded once; then it reads,
    embeds, and writes the document in one short transaction that looks again under the
    content's lock. The claim's heartbeat goes on while the file is read (``workers.beating``)
    and between embedding batches, so that a file read for longer than the lapse is not taken
    over and read again by another ingest. (A client that writes, SQLite, claims before it
    sends the file: ``api.batch._cluster_runner``.)"""
    from distributed import get_worker

    state: Any = get_worker().plugins[PLUGIN]
    with state.task_store() as store:
        return _claim_and_read(state, store, path, source, ocr, extract, index, known, sha)


def _claim_and_read(state: Any, store: Any, path: str, source: str, ocr: bool | None, extract: bool, index: bool,
                    known: Any, sha: str | None) -> Any:
    """``process_on_worker`` with the task's own store (None when the client writes)."""
    from .api.batch import Unchanged, claim_to_read

    claimed: str | None = None  # the content this worker claimed: given up once written (or not)
    if store is not None and sha is not None:
        from .ingest.version import reader_version

        try:
            got = claim_to_read(store, source, sha, reader_version(), wait=False)
        except Exception:  # noqa: BLE001 - the claim only saves work: read it unclaimed, the write says what is wrong
            got = None
        else:
            claimed = sha if got is None else None
        if isinstance(got, Unchanged):
            return got  # not read: another ingest stored it since the client looked
        if got is not None:
            return Busy(got)  # another ingest reads it now: the worker goes on with another file
    try:
        return _read_and_store(state, store, path, source, ocr, extract, index, known, claimed)
    finally:
        if claimed is not None:
            store.release_content(claimed)


def _read_and_store(state: Any, store: Any, path: str, source: str, ocr: bool | None, extract: bool, index: bool,
                    known: Any, claimed: str | None) -> Any:
    """``process_on_worker`` once the content is claimed (``claimed``) or was not looked up."""
    import dataclasses

    from .api.batch import Unchanged, claim_to_read, process_file_safely, store_document
    from .workers import beating

    try:  # a claim made before reading is kept alive while the file is read (minutes, for some)
        with beating(store.beat if store is not None and claimed is not None else None):
            out = process_file_safely(path, ocr, extract)
    except MemoryError:
        return "out of memory while reading this file: ingest it alone, or give the workers more memory"
    if isinstance(out, str):
        return out
    doc, ext = out
    doc = dataclasses.replace(doc, source=source)
    embeds = index and state.embedder is not None
    if store is None:  # the client writes (SQLite): the vectors go back with the document
        return doc, ext, _embed(doc, state.embedder, known) if embeds else None
    part = None
    late = embeds and claimed is None  # not claimed before reading (no hash from the client)
    try:
        if late:
            got = claim_to_read(store, doc.source, doc.sha256, doc.reader or None)
            if isinstance(got, Unchanged):
                return got  # another ingest running at the same time stored it: nothing embedded
        try:
            if embeds:
                part = _embed(doc, state.embedder, _vectors_now(store, source, state.embedder.model_id), store.beat)
            doc_id = store_document(store, doc, ext, part)
        finally:
            if late:
                store.release_content(doc.sha256)
    except NamndkollError as exc:
        return f"not stored: {exc}"
    except Exception as exc:  # noqa: BLE001 - one file must not stop the batch
        return f"not stored ({type(exc).__name__}: {exc}); ingest it alone to see more"
    if not isinstance(doc_id, int):
        return doc_id  # stored by another writer whose claim had lapsed: this embedding is not kept
    return Written(doc_id, len(doc.pages), doc.warnings, len(part.chunks) - part.reused if part is not None else 0,
                   part.reused if part is not None else 0)


def _embed(doc: Any, embedder: Any, known: Any, beat: Any = None) -> Any:
    from .search.index import embed_document

    return embed_document(doc, embedder, known, beat=beat)


def _vectors_now(store: Any, source: str, model_id: str) -> Any:
    """The vectors of the version of ``source`` stored now, by text hash (another ingest may
    have replaced it since the client looked)."""
    from .search.index import stored_vectors

    old = store.lookup_source(source)
    return stored_vectors(store, old[0], model_id) if old else None


# the schemes a Dask scheduler listens on (distributed.comm's backends)
SCHEMES = ("tcp", "tls", "ucx", "inproc", "ws", "wss")
_LOCAL = re.compile(r"local(?::(\d+))?")
# HOST[:PORT] for tcp and tls, "[::1]:8786" too, a path for inproc ("inproc://10.0.0.2/5338/1")
_URL = re.compile(rf"(?:{'|'.join(SCHEMES)})://[^\s/]\S*")


def check_address(address: str) -> str:
    """``address`` if it is ``local``, ``local:N`` (N > 0) or a scheduler URL
    (``tcp://HOST:8786``); a NamndkollError naming the accepted forms otherwise, at once: Dask
    would read "lokal:2" as host lokal, port 2, and try to reach it for 20 s."""
    m = _LOCAL.fullmatch(address.strip())
    if m and (m.group(1) is None or int(m.group(1)) > 0):
        return address.strip()
    if _URL.fullmatch(address.strip()):
        return address.strip()
    raise NamndkollError(f"--cluster {address!r} is no cluster address: {_nearest(address.strip())}write local:N (N worker "
                         "processes here, e.g. local:4) or a scheduler's URL, e.g. tcp://HOST:8786")


def _nearest(address: str) -> str:
    """"did you mean …? " for an address one slip from an accepted one, else ""."""
    scheme, sep, rest = address.partition("://")
    if sep:  # "tpc://host:8786"
        near = difflib.get_close_matches(scheme.casefold(), SCHEMES, n=1, cutoff=0.6)
        return f"did you mean {near[0]}://{rest}? " if near and _URL.fullmatch(f"{near[0]}://{rest}") else ""
    head, _, n = address.partition(":")
    if n.isdigit() and int(n) > 0 and difflib.get_close_matches(head.casefold(), ["local"], cutoff=0.75):
        return f"did you mean local:{n}? "  # "lokal:2"
    if re.fullmatch(r"[^\s:/]+:\d+", address) and head.casefold() != "local":
        return f"did you mean tcp://{address}? "  # "sched:8786": Dask's default scheme, written out
    return ""


class _NoHandshake(Exception):
    pass


def _handshake(address: str) -> None:
    """Reach ``address`` and hear a Dask scheduler's handshake within ``CONNECT_S``, else a
    NamndkollError on one line. Dask's own connect waits for the handshake with no timeout: a
    server that takes the connection and says nothing (the dashboard's web server, port 8787, one
    off from the scheduler's 8786) held ``Client`` for ever, and one that answered in HTTP ended
    in a traceback (its first bytes read as a frame length: "Unable to allocate 3.07 EiB").
    Nothing answering at all is the caller's OSError, as before."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from distributed.comm import CommClosedError
    from distributed.comm import connect as comm_connect
    from distributed.security import Security

    args = Security().get_connection_args("client")  # as Client's own: tls:// with dask's configured certificates

    async def hear() -> None:
        try:
            comm = await asyncio.wait_for(comm_connect(address, timeout=CONNECT_S, **args), CONNECT_S * 1.5)
        except TimeoutError as exc:  # before OSError, which it is: connected, and then nothing said
            raise _NoHandshake(f"no Dask handshake in {CONNECT_S:g} s") from exc
        except CommClosedError as exc:  # connected (connect retries those until its timeout), then no handshake
            raise _NoHandshake(f"it closed the connection without a Dask handshake: {exc}") from exc
        except (OSError, ValueError):  # nothing answers there (connect's own timeout): the caller's message
            raise
        except Exception as exc:  # what it said is no Dask message (MemoryError, msgpack's errors ...)
            raise _NoHandshake(f"it said something else: {type(exc).__name__}") from exc
        await comm.close()

    with ThreadPoolExecutor(1) as pool:  # a loop of its own, whether or not the caller runs one
        try:
            pool.submit(asyncio.run, hear()).result()
        except _NoHandshake as exc:
            raise NamndkollError(f"{address} answers, but not as a Dask scheduler ({exc}): is it the dashboard's "
                                 "port (8787)? `dask scheduler` listens on 8786 unless --port says otherwise; "
                                 "give its address as --cluster tcp://HOST:8786") from exc


def connect(address: str) -> tuple[Any, Any]:
    """(client, cluster or None) for ``local:N`` (N worker processes on this machine) or a
    scheduler address (``tcp://HOST:8786``)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise NamndkollError(_INSTALL) from exc
    address = check_address(address)
    if address.startswith("local"):
        _, _, n = address.partition(":")
        cluster = LocalCluster(n_workers=int(n or 1), threads_per_worker=1, processes=True,
                               dashboard_address=":0", silence_logs=logging.ERROR)
        return Client(cluster), cluster
    try:
        _handshake(address)
        client = Client(address, timeout=f"{CONNECT_S:g}s")
    except (OSError, TimeoutError, ValueError) as exc:  # ValueError: no address ("missing port number")
        raise NamndkollError(f"cannot reach the Dask scheduler at {address} ({exc}): start it with "
                             "`dask scheduler` and workers with `dask worker ADDRESS`, or use --cluster local:N") from exc
    try:  # tasks sent to a scheduler without workers would wait for ever
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise NamndkollError(f"the Dask scheduler at {address} has no workers (none joined in "
                             f"{WAIT_FOR_WORKERS:g} s): start them with `dask worker {address}`") from exc
    return client, None


def run(todo: list[Any], *, address: str, db: str | None, ocr: bool | None,
        extract: bool, index: bool, model: str | None, writes: bool,
        known: Callable[[Any], Any] | None = None, before: Callable[[Any], Any] | None = None,
        beat: Callable[[], None] | None = None,
        busy: Callable[[Any, Any], None] | None = None) -> Iterator[tuple[Any, Any]]:
    """Process files on the cluster in order of completion, like api._run: two files per
    worker thread in flight (biggest first), so memory stays bounded on a big batch. ``known``: for
    a task replacing a document, the old version's vectors by text hash (a client that
    writes itself has the store; workers that write look them up themselves).

    ``before(task)``, on the client just before a task is sent (a client that writes claims
    the file's content then): None sends it; ``workers.LATER`` puts it off (another ingest is
    reading that file), to be offered again once the others are sent, every ``LATER_POLL_S``
    (a worker that writes answers ``BUSY`` for such a file, which is put off the same way);
    anything else is that task's result, and it is not sent. ``beat()``, on the client every
    ``workers.beat_every()`` while tasks are out: its claims on the files being read live on.
    ``busy(task, holder)``, on each answer of a worker: who reads the file when the worker
    answered ``BUSY`` (``Busy.holder``), else None (the client says once per waiting spell
    what it waits for: ``api.batch._Waiting``)."""
    if not todo:
        return
    try:
        from distributed import wait
    except ImportError as exc:
        raise NamndkollError(_INSTALL) from exc
    from .workers import LATER, LATER_POLL_S, beat_every

    client, cluster = connect(address)
    try:
        plugin = NamndkollWorker(db=db, model=model, extract=extract, index=index, writes=writes)
        client.register_plugin(plugin, name=PLUGIN)
        threads = _threads(client)
        queue = deque(sorted(todo, key=lambda t: -t.pages))  # api.Task: biggest files first
        later: list[Any] = []  # put off (``before``, or a worker's BUSY): another ingest reads them now
        sent: dict[str, int] = {}  # how often each file was sent (a file sent again needs a new key)
        running: dict[Any, Any] = {}
        out: list[tuple[Any, Any]] = []  # answered, to be yielded

        def send() -> None:
            while queue and len(running) < threads * 2:
                t = queue.popleft()
                got = before(t) if before is not None else None
                if got is LATER:
                    later.append(t)
                elif got is not None:
                    out.append((t, got))
                else:
                    old_vectors = known(t) if known is not None and index and t.old_id is not None else None
                    n = sent[t.sha] = sent.get(t.sha, 0) + 1
                    fut = client.submit(process_on_worker, t.path, t.source, ocr, extract, index, t.old_id,
                                        old_vectors, t.sha, pure=False,
                                        key=f"ingest-{t.sha}" + (f"-{n}" if n > 1 else ""))
                    running[fut] = t

        every = beat_every() if beat is not None else None
        beaten = time.monotonic()
        send()
        while out or running or queue or later:
            yield from out
            out.clear()
            if not (running or queue or later):
                break
            timeout = LATER_POLL_S if later and not queue else None
            if every is not None:
                until = max(0.0, beaten + every - time.monotonic())
                timeout = until if timeout is None else min(timeout, until)
            done = _first_done(wait, list(running), timeout)
            if every is not None and beat is not None and time.monotonic() - beaten >= every:
                beat()
                beaten = time.monotonic()
            for fut in done:
                t = running.pop(fut)
                try:
                    res = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker killed by the OS, a lost connection
                    res = f"the worker reading this file failed ({type(exc).__name__}); try it alone with --jobs 1"
                if busy is not None:
                    busy(t, res.holder if isinstance(res, Busy) else None)
                if isinstance(res, Busy):
                    later.append(t)  # another ingest reads it: sent again once the others are
                else:
                    out.append((t, res))
            if later and not queue:  # every other file sent: offer those put off again
                queue.extend(later)
                later.clear()
            send()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _threads(client: Any) -> int:
    """How many tasks the cluster's workers run at once, all together (``dask worker --nthreads``
    each): two files per thread are kept in flight, so that a thread that finishes one finds the next."""
    workers = client.scheduler_info().get("workers", {}).values()
    return max(sum(int(w.get("nthreads") or 1) for w in workers), 1)


def _first_done(wait: Callable[..., Any], futures: list[Any], timeout: float | None) -> list[Any]:
    """The futures among ``futures`` that have finished, once one has or ``timeout`` seconds
    have passed (``distributed.wait``); none when nothing is out (after sleeping the timeout)."""
    if not futures:
        time.sleep(timeout or 0.0)
        return []
    try:
        wait(futures, timeout=timeout, return_when="FIRST_COMPLETED")
    except TimeoutError:
        return []
    except Exception:  # noqa: BLE001 - a cancelled future: its result() says so to the caller
        return [f for f in futures if f.status != "pending"]
    return [f for f in futures if f.status != "pending"]
