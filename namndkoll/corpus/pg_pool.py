"""Read-only PostgreSQL connections kept for the next store of the same URL.

A server (``namndkoll serve``) opens a store per request, and a hybrid search on a big corpus
a second one beside it (``beside.py``). Opening one costs more than connecting: the schema
check, pgvector's type registration and the session settings took 7–20 ms per store on the
benchmark server (a local socket, 1M passages; the bare connect 2 ms), and every per-connection
cache of ``pg_index`` (the corpus's size, word statistics: kept ``CACHE_S`` seconds as on any
long-lived connection) started empty. So a read-only store's connection is kept when the store
closes, up to ``IDLE_PER_URL`` per URL and ``IDLE_TOTAL`` in all, and handed to the next read-only store of that URL after
one query that shows it still lives and its schema is still the one this namndkoll knows (a
server restarted, or a newer namndkoll migrated the corpus: then it is closed and a new one
opened as before). Connections opened for writing are never kept.

A forked child (multiprocessing, a Dask nanny) must not use its parent's sockets: after a fork
the child's list starts empty, and what it inherited is left alone (never used, never closed
there, so the parent's sessions are not ended by the child).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import threading
from collections.abc import Callable
from typing import Any

IDLE_PER_URL = 8
IDLE_TOTAL = 16  # all URLs together: the oldest kept one is closed (a server has max_connections)

_idle: list[tuple[str, Any]] = []  # (url, connection), the most recently kept last
_lock = threading.Lock()
_inherited: list[Any] = []  # a child's copies of its parent's connections: kept from the GC


def take(url: str, usable: Callable[[Any], bool]) -> Any | None:
    """A kept connection for ``url`` that ``usable(conn)`` accepts (it may query), or None."""
    while True:
        with _lock:
            at = next((i for i in range(len(_idle) - 1, -1, -1) if _idle[i][0] == url), None)
            if at is None:
                return None
            conn = _idle.pop(at)[1]
        ok = False
        with contextlib.suppress(Exception):  # a dead or changed connection: open a new one instead
            ok = _idle_ok(conn) and usable(conn)
        if ok:
            return conn
        _close(conn)


def keep(url: str, conn: Any) -> bool:
    """Keep ``conn`` for the next read-only store of ``url``; False (close it yourself) when
    it is not reusable or enough are kept for this URL."""
    if not _idle_ok(conn):
        return False
    with _lock:
        if sum(u == url for u, _ in _idle) >= IDLE_PER_URL:
            return False
        _idle.append((url, conn))
        oldest = _idle.pop(0)[1] if len(_idle) > IDLE_TOTAL else None
    if oldest is not None:
        _close(oldest)
    return True


def close_all() -> None:
    with _lock:
        conns = [c for _, c in _idle]
        _idle.clear()
    for c in conns:
        _close(c)


def idle_count(url: str) -> int:
    with _lock:
        return sum(u == url for u, _ in _idle)


def _idle_ok(conn: Any) -> bool:
    import psycopg

    return not conn.closed and conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE


def _close(conn: Any) -> None:
    from . import pg_index

    pg_index.closed(conn)  # what the store cached for it goes with it
    with contextlib.suppress(Exception):
        conn.close()


def _forked() -> None:
    global _lock
    _lock = threading.Lock()  # another thread of the parent may have held it at the fork
    _inherited.extend(c for _, c in _idle)
    _idle.clear()


os.register_at_fork(after_in_child=_forked)
atexit.register(close_all)
