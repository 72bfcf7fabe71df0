"""A second read-only connection to the same corpus, on a thread of its own.

A hybrid query asks two independent questions of the corpus: the keyword side (FTS5's bm25, or
PostgreSQL's GIN + BM25) and the dense side (sqlite-vec's scan, or pgvector). One connection
answers them one after the other; on a big corpus both take tens of milliseconds, and a
database connection runs one statement at a time. A second connection on its own thread lets
the keyword side run while the main thread scans vectors: both engines do their work outside
Python's GIL (sqlite3 and psycopg release it while a statement runs), so a query costs about
the longer of the two sides instead of their sum, on any machine with a second core.

Only for stores opened read-only (a search never writes; a write transaction's uncommitted
rows would not be seen from another connection) and only from ``PARALLEL_FROM`` passages on
(below, opening the connection costs more than the keyword side).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Future, ThreadPoolExecutor

PARALLEL_FROM = 50_000  # passages from which a hybrid query's keyword side runs beside
# second connections open at once in a process: a server with many requests in flight has no
# idle core to gain from one, and each is a connection the database counts (PostgreSQL's
# max_connections); past this many, a query asks its two sides on its own connection
MAX_BESIDE = 4
_slots = threading.BoundedSemaphore(MAX_BESIDE)


class Beside:
    """Runs calls on a second store, opened by ``opener`` on first use, from one worker thread
    (so the connection is only ever used by that thread, one call at a time)."""

    def __init__(self, opener: Callable[[], Any]) -> None:
        self._opener = opener
        self._store: Any = None
        self._pool: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()

    def submit(self, method: str, *args: Any) -> Future[Any] | None:
        """``store.method(*args)`` on the second store, as a future; None when ``MAX_BESIDE``
        second connections are already open in this process (the caller asks it itself)."""
        with self._lock:
            if self._pool is None:
                if not _slots.acquire(blocking=False):
                    return None
                from concurrent.futures import ThreadPoolExecutor

                self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="namndkoll-beside")
            return self._pool.submit(self._call, method, args)

    def _call(self, method: str, args: tuple[Any, ...]) -> Any:
        if self._store is None:
            self._store = self._opener()
        return getattr(self._store, method)(*args)

    @property
    def opened(self) -> bool:
        return self._store is not None

    def close(self) -> None:
        """Close the second store (on its own thread) and stop the thread."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is None:
            return

        def shut() -> None:
            if self._store is not None:
                store, self._store = self._store, None
                store.close()

        try:
            pool.submit(shut).result()
        finally:
            pool.shutdown(wait=True)
            _slots.release()
