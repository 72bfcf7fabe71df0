"""Reading files in worker processes, each file under a limit of time and of memory.

A PDF from anyone can cost far more than it is worth: a 1 MB flate bomb inflates to
gigabytes inside pdfium, a page with tens of thousands of text runs or a page of 14,400
points takes minutes. So every file is read in a worker process (with ``--jobs 1`` too):

- while it reads one file, a worker's address space may grow by at most ``memory_mb``
  (``RLIMIT_AS``, set before each file and lifted after): an allocation beyond that fails
  inside the worker, not on the machine, and the file is reported;
- a file that takes longer than ``seconds`` has its worker killed (with anything the worker
  started, such as tesseract) and is reported;
- a worker dies with its parent (``PR_SET_PDEATHSIG`` on Linux, elsewhere a thread that
  watches the parent pid), so ``kill -9`` of an ingest leaves no reader running.

Workers load their models once (``warm``) and serve the whole batch; one that dies or is
killed is replaced and the batch goes on. Nothing here knows what a file is: ``func`` reads
it and returns a result or a one-line message.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

K = TypeVar("K")


class _Later:
    """``before``'s answer for a task to give a worker after the others (``Pool.map``)."""


LATER = _Later()
LATER_POLL_S = 0.5  # how often tasks put off are offered again while nothing else is left
BEAT_S = 60.0  # how often ``Pool.map`` calls ``beat`` while its workers read (a claim lapses after minutes)


def beat_every() -> float:
    """Seconds between heartbeats of a claimer at work: ``BEAT_S``, or four per lapse where the
    lapse (``corpus.claims.lapse_s``) is shorter."""
    from .corpus.claims import lapse_s

    return min(BEAT_S, lapse_s() / 4)


@contextlib.contextmanager
def beating(beat: Callable[[], None] | None) -> Iterator[None]:
    """``beat()`` every ``beat_every()`` seconds on a thread of its own while the block runs
    (one long read of a file, during which nothing else uses the claimer's connection); the
    thread is stopped and joined when the block ends. ``beat`` must report nothing (the
    stores' ``beat`` does not)."""
    if beat is None:
        yield
        return
    every = beat_every()
    stop = threading.Event()

    def run() -> None:
        while not stop.wait(every):
            with contextlib.suppress(Exception):  # a lost connection is reported by what comes next
                beat()

    t = threading.Thread(target=run, daemon=True, name="namndkoll-beat")
    t.start()
    try:
        yield
    finally:
        stop.set()
        t.join()

# the slowest real PDF here (a 160-page annual report) reads in 24 s; OCR of a long scan takes more
DEFAULT_SECONDS = 900.0
# reading a real PDF here grows a reader by at most 290 MB; a 1 MB flate bomb by 2 GB
DEFAULT_MEMORY_MB = 1536
WARM_UP_SECONDS = 300.0  # a new worker loading its models (15 s on a busy 2-core machine)
ENV_SECONDS = "NAMNDKOLL_MAX_FILE_SECONDS"
ENV_MEMORY = "NAMNDKOLL_MAX_FILE_MEMORY_MB"


@dataclass(frozen=True)
class Limits:
    """What reading one file may cost; 0 means no limit."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB

    @classmethod
    def resolve(cls, seconds: float | None = None, memory_mb: int | None = None) -> Limits:
        """The values given, else ``$NAMNDKOLL_MAX_FILE_SECONDS`` and
        ``$NAMNDKOLL_MAX_FILE_MEMORY_MB``, else the defaults."""
        from .errors import NamndkollError

        def pick(given: float | None, env: str, default: float) -> float:
            if given is not None:
                value = float(given)
            else:
                raw = os.environ.get(env, "").strip()
                try:
                    value = float(raw) if raw else default
                except ValueError:
                    raise NamndkollError(f"${env} must be a number (0 for no limit), not {raw!r}"
                                         ) from None
            if value < 0:
                raise NamndkollError(f"a limit cannot be negative ({env}); 0 means no limit")
            return value

        return cls(pick(seconds, ENV_SECONDS, DEFAULT_SECONDS),
                   int(pick(memory_mb, ENV_MEMORY, DEFAULT_MEMORY_MB)))

    def timeout_message(self) -> str:
        return (f"took longer than {self.seconds:g} s to read and was stopped (the limit per file: "
                f"raise it with --max-file-seconds or ${ENV_SECONDS}, 0 for none)")

    def memory_message(self) -> str:
        return (f"needs more than {self.memory_mb} MB of memory to read (the limit per file: "
                f"raise it with --max-file-memory or ${ENV_MEMORY}, 0 for none)")


class _OutOfMemory:
    """What a worker sends back when reading a file hit the memory limit."""


class _Started:
    """What a worker sends when it begins a file: the time limit counts from here, not from
    when the file was handed over (a new worker first loads its models)."""


@dataclass
class _Worker(Generic[K]):
    proc: Any
    conn: Any
    task: K | None = None
    deadline: float | None = None

    def give(self, key: K, args: tuple[Any, ...], seconds: float) -> None:
        self.conn.send(args)
        self.task = key
        # until the worker says it has started, allow for loading its models as well
        self.deadline = time.monotonic() + seconds + WARM_UP_SECONDS if seconds else None

    def kill(self) -> None:
        """The worker and whatever it started (it leads its own process group)."""
        with contextlib.suppress(OSError, AttributeError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        else:
            self.conn.close()


class Pool(Generic[K]):
    """``jobs`` worker processes running ``func``; started at once (before the caller starts
    threads such as a progress bar), stopped when the ``with`` block ends."""

    def __init__(self, func: Callable[..., Any], *, jobs: int, limits: Limits,
                 warm: Callable[[], None] | None = None) -> None:
        self.func, self.limits, self.warm = func, limits, warm
        self._ctx = _context()
        self._workers: list[_Worker[K]] = []
        try:
            self._workers = [self._start() for _ in range(max(jobs, 0))]
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> Pool[K]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for w in self._workers:
            w.stop()
        self._workers = []

    def _start(self) -> _Worker[K]:
        ours, theirs = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(target=_serve, daemon=True, name="namndkoll-reader",
                                 args=(theirs, self.func, self.warm, self.limits.memory_mb))
        proc.start()
        theirs.close()
        return _Worker(proc, ours)

    def map(self, tasks: Iterable[tuple[K, tuple[Any, ...]]], *,
            before: Callable[[K], Any] | None = None,
            beat: Callable[[], None] | None = None) -> Iterator[tuple[K, Any]]:
        """``func(*args)`` for each ``(key, args)``, yielded as ``(key, result)`` in order of
        completion (in task order with one worker). A file that broke a limit or killed its
        worker comes back as a one-line message (a ``str``); its worker is replaced.
        ``before(key)``, called when a worker is free for a task: a result other than None is
        that task's result, and the task is not given to a worker; ``LATER`` puts the task off
        (another process is reading the same file): it is offered again after the others, every
        ``LATER_POLL_S`` once nothing else is left. ``beat()``, every ``beat_every()`` while tasks are
        out: the caller is at work still (its claims on the files being read live on)."""
        from multiprocessing.connection import wait

        queue = deque(tasks)
        workers, limits = self._workers, self.limits
        settled: list[tuple[K, Any]] = []  # answered by ``before``

        def give(w: _Worker[K]) -> None:
            later: list[tuple[K, tuple[Any, ...]]] = []
            try:
                while queue:
                    key, args = queue.popleft()
                    out = before(key) if before is not None else None
                    if out is None:
                        w.give(key, args, limits.seconds)
                        return
                    if out is LATER:
                        later.append((key, args))
                    else:
                        settled.append((key, out))
            finally:
                queue.extend(later)

        if queue and not workers:
            workers.append(self._start())
        for w in workers:
            give(w)
        beaten = time.monotonic()
        every = beat_every() if beat is not None else BEAT_S
        while True:
            yield from settled
            settled.clear()
            busy = [w for w in workers if w.task is not None]
            if not busy and not queue:
                return
            deadlines = [w.deadline for w in busy if w.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            if queue and len(busy) < len(workers):  # tasks put off, a worker idle: offer them again soon
                timeout = LATER_POLL_S if timeout is None else min(timeout, LATER_POLL_S)
            if beat is not None:
                if time.monotonic() - beaten >= every:
                    beat()
                    beaten = time.monotonic()
                until = max(0.0, beaten + every - time.monotonic())
                timeout = until if timeout is None else min(timeout, until)
            if busy:
                wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout)
            else:
                time.sleep(timeout or 0.0)
            done: list[tuple[K, Any]] = []
            for w in busy:
                out, replace = _collect(w, limits)
                if out is None:
                    continue
                assert w.task is not None
                done.append((w.task, out[0]))
                w.task = w.deadline = None
                if replace:
                    w.kill()
                    workers[workers.index(w)] = w = self._start()
                give(w)
            for w in workers:
                if w.task is None and queue:
                    give(w)
            yield from done


def run(
    tasks: Iterable[tuple[K, tuple[Any, ...]]], func: Callable[..., Any], *, jobs: int,
    limits: Limits, warm: Callable[[], None] | None = None,
) -> Iterator[tuple[K, Any]]:
    """``Pool(func, ...).map(tasks)``, the pool stopped at the end."""
    with Pool[K](func, jobs=jobs, limits=limits, warm=warm) as pool:
        yield from pool.map(tasks)


def _collect(w: _Worker[Any], limits: Limits) -> tuple[tuple[Any] | None, bool]:
    """(``(result,)`` or None if the worker is still at it, whether to replace the worker)."""
    try:
        while w.conn.poll():
            out = w.conn.recv()
            if isinstance(out, _Started):
                w.deadline = time.monotonic() + limits.seconds if limits.seconds else None
                continue
            if isinstance(out, _OutOfMemory):
                # a worker that ran out of memory is not trusted with another file
                return (limits.memory_message(),), True
            return (out,), False
    except (EOFError, OSError):
        pass  # died while sending
    else:
        if w.proc.is_alive():
            if w.deadline is not None and time.monotonic() >= w.deadline:
                return (limits.timeout_message(),), True
            return None, False
    w.proc.join(1)
    return (_death_message(w.proc.exitcode, limits),), True


def _death_message(code: int | None, limits: Limits) -> str:
    how = f"exit code {code}"
    if code is not None and code < 0:
        with contextlib.suppress(ValueError):
            how = signal.Signals(-code).name
    hint = ""
    if limits.memory_mb:
        hint = (f"; it may need more than the {limits.memory_mb} MB of memory allowed per file "
                f"(raise it with --max-file-memory or ${ENV_MEMORY})")
    return (f"the reader stopped on this file ({how}){hint}; otherwise the PDF may be damaged: "
            "re-export it")


def _context() -> Any:
    import multiprocessing as mp

    # fork: a worker starts in milliseconds with what the parent imported; where there is no
    # fork (Windows), spawn (the functions passed are module-level, so they pickle)
    return mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()


# ---- inside a worker ------------------------------------------------------------------------

def _serve(conn: Any, func: Callable[..., Any], warm: Callable[[], None] | None,
           memory_mb: int) -> None:
    _die_with_parent()
    with contextlib.suppress(OSError, AttributeError):
        os.setpgid(0, 0)  # a group of its own: a timeout kills what it started too
    # Ctrl-C goes to the whole terminal group; the parent stops the workers itself
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import faulthandler

    faulthandler.disable()  # a reader that crashes is reported by the parent, in one line
    if warm is not None:
        warm()
    # garbage inherited from a forked parent is freed now, not while a file is read: the memory
    # limit is relative to the size measured before each file, and memory freed during a read
    # would let that file grow past it
    import gc

    gc.collect()
    while True:
        try:
            args = conn.recv()
        except (EOFError, OSError):
            return
        if args is None:
            return
        conn.send(_Started())
        try:
            with _address_space(memory_mb):
                out = func(*args)
        except MemoryError:
            out = _OutOfMemory()
        conn.send(out)
        if isinstance(out, _OutOfMemory):
            return


@contextlib.contextmanager
def _address_space(memory_mb: int) -> Iterator[None]:
    """The address space may grow by ``memory_mb`` inside the block (Linux: RLIMIT_AS
    relative to the current size, so models loaded before do not count)."""
    size = _address_space_size()
    if not memory_mb or size is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = size + memory_mb * 2**20
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def _address_space_size() -> int | None:
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, AttributeError):
        return None  # no /proc (macOS, Windows): no memory limit


def _die_with_parent() -> None:
    """SIGKILL when the parent dies: prctl(PR_SET_PDEATHSIG) on Linux, else a watcher thread."""
    import multiprocessing

    known = multiprocessing.parent_process()
    parent = known.pid if known is not None and known.pid else os.getppid()
    if os.getppid() != parent:  # the parent is gone already
        os._exit(1)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            pr_set_pdeathsig = 1
            if libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before prctl took effect
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:
            os._exit(1)
