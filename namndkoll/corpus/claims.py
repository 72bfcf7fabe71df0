"""Claims on passages being embedded and content being read (SQLite, ``migrations/0017_claims.sql``; PostgreSQL's are
``pg_claims.py``).

An index run claims a batch of waiting passages in a short write transaction, embeds it with no
transaction open (the write lock is free meanwhile: an ingest or another run writes on), then
stores the vectors in another short one and gives the claims up. A second run skips passages a
live run claimed. SQLite has no session to ask about, so a run names itself by its process: the
host, the pid and the process's start time (a pid the system gave to another process since does
not count), and a heartbeat it refreshes at every batch and every file. On the claimer's own
host its process decides (gone, or its pid now another process's: dead at once); from another
host that shares the file (or where the system tells no start time) a claim is dead once its
heartbeat is older than the lapse (``lapse_s``: ``LAPSE_S``, or ``$NAMNDKOLL_CLAIM_LAPSE_S``). An ingest claims a file's content the same way before
reading it (``claim_content``). Claims only save work: ``index.insert_vectors`` with hashes
stores a vector only where the passage still holds the text embedded and has none yet, so a
claim lost or taken over costs an embedding, never a wrong vector or a failed run.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
import uuid
from dataclasses import dataclass
from typing import Any

from ..errors import NamndkollError

# a claim from another host whose run has not beaten for this long is taken over: well above one
# batch's embedding (32 passages, or the 256 of the first batch: seconds to a minute on a CPU)
# with the model's loading before it, and above most files' reading
LAPSE_S = 600.0
LAPSE_ENV = "NAMNDKOLL_CLAIM_LAPSE_S"  # another lapse, in seconds (tests; a cluster whose files read for longer)
BEAT_S = 60.0  # a claimer at work beats this often at least (and four times per lapse where it is shorter)


def lapse_s() -> float:
    """How long a claim lives after its claimer's last heartbeat: ``$NAMNDKOLL_CLAIM_LAPSE_S``
    where set (read at each use: a test, or every process of a cluster, sets it), else
    ``LAPSE_S``."""
    raw = os.environ.get(LAPSE_ENV, "").strip()
    if not raw:
        return LAPSE_S
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise NamndkollError(f"${LAPSE_ENV} is {raw!r}: set it to a number of seconds above 0 (default {LAPSE_S:g}),"
                             " or unset it")
    return value


def beat_every() -> float:
    """How often a claimer at work refreshes its claims' heartbeat: every ``BEAT_S``, or four
    times per lapse where the lapse is shorter, so that a claim at work never looks lapsed."""
    return min(BEAT_S, lapse_s() / 4)


def _boot_id() -> str:
    try:
        with open("/proc/sys/kernel/random/boot_id", encoding="ascii") as f:
            return f.read().strip()
    except OSError:
        return ""


def process_started(pid: int) -> str:
    """When process ``pid`` started, as this system tells it ("" where it does not: no /proc):
    the boot and the clock ticks since it (field 22 of /proc/PID/stat)."""
    try:
        with open(f"/proc/{int(pid)}/stat", encoding="ascii", errors="replace") as f:
            stat = f.read()
    except OSError:
        return ""
    fields = stat[stat.rfind(")") + 2:].split()  # after "pid (comm) ": the comm may hold spaces
    return f"{_boot_id()}:{fields[19]}" if len(fields) > 19 else ""


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists on this host (``os.kill(pid, 0)``)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process: it exists
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class Claimer:
    """Who claims: a token of its own, and the process it runs in."""

    owner: str
    host: str
    pid: int
    started: str

    @classmethod
    def here(cls) -> Claimer:
        pid = os.getpid()
        return cls(uuid.uuid4().hex, socket.gethostname(), pid, process_started(pid))


def alive(row: Any, me: Claimer, now: float) -> bool:
    """Whether the claimer in ``row`` (owner, host, pid, started, beat) is at work still."""
    owner, host, pid, started, beat = row
    if owner == me.owner:
        return True
    if host == me.host and started:  # the process itself tells: gone, or its pid given to another
        return pid_alive(int(pid)) and process_started(int(pid)) == started
    if now - float(beat) > lapse_s():
        return False  # no heartbeat for too long: crashed on another host that shares the file
    return host != me.host or pid_alive(int(pid))


@dataclass(frozen=True)
class Holder:
    """Who holds a claim: the run (the start of its token), its host and process (None where
    not known), as a waiting run names it."""

    run: str
    host: str
    pid: int | None

    def __str__(self) -> str:
        where = f" on host {self.host}" if self.host else ""
        return f"run {self.run}{where}" + (f" (pid {self.pid})" if self.pid else "")


@dataclass(frozen=True)
class Held:
    """Passages waiting for a vector that another live run is embedding now: how many, and the
    run (the start of its token), its host and process (None where not known)."""

    passages: int
    run: str
    host: str
    pid: int | None

    def __str__(self) -> str:
        return str(Holder(self.run, self.host, self.pid))


def held(conn: Any, me: Claimer) -> list[Held]:
    """Inside a write transaction: the waiting passages other live runs have claimed, by run,
    most first (the claims of runs no longer at work removed first, by ``beat``)."""
    beat(conn, me)
    return [Held(int(r[0]), str(r[1])[:8], str(r[2]), int(r[3])) for r in conn.execute(
        "SELECT count(*), k.owner, k.host, k.pid FROM chunk_claims c JOIN claimers k ON k.owner = c.owner"
        " WHERE c.owner != ? GROUP BY k.owner ORDER BY count(*) DESC, k.owner", (me.owner,))]


def beat(conn: Any, me: Claimer) -> None:
    """Inside a write transaction: ``me`` registered, its heartbeat now; the claims of claimers
    no longer at work removed, with them."""
    now = time.time()
    conn.execute("INSERT INTO claimers (owner, host, pid, started, beat) VALUES (?, ?, ?, ?, ?)"
                 " ON CONFLICT (owner) DO UPDATE SET beat = excluded.beat",
                 (me.owner, me.host, me.pid, me.started, now))
    dead = [r[0] for r in conn.execute("SELECT owner, host, pid, started, beat FROM claimers").fetchall()
            if not alive(tuple(r), me, now)]
    for owner in dead:
        _forget(conn, owner)


def _forget(conn: Any, owner: str) -> None:
    """Claimer ``owner``'s row and every claim it holds, removed."""
    for table in ("chunk_claims", "content_claims", "claimers"):
        conn.execute(f"DELETE FROM {table} WHERE owner = ?", (owner,))


def claim_unembedded(conn: Any, limit: int, me: Claimer) -> list[tuple[int, str, str, str]]:
    """Inside a write transaction: (id, text, hash, context) of up to ``limit`` passages waiting
    for a vector that no live run has claimed, oldest first, now claimed for ``me``."""
    beat(conn, me)
    rows = [(r[0], r[1], r[2], r[3]) for r in conn.execute(
        "SELECT c.id, c.text, c.hash, c.context FROM chunks c WHERE c.embedded = 0"
        " AND NOT EXISTS (SELECT 1 FROM chunk_claims k WHERE k.chunk_id = c.id) ORDER BY c.id LIMIT ?", (limit,))]
    conn.executemany("INSERT INTO chunk_claims (chunk_id, owner) VALUES (?, ?)", [(r[0], me.owner) for r in rows])
    return rows


def release(conn: Any, ids: list[int], me: Claimer) -> None:
    """``me``'s claims on ``ids`` given up (stored, or left for the next run), in a statement of
    its own."""
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        conn.execute(f"DELETE FROM chunk_claims WHERE owner = ? AND chunk_id IN ({','.join('?' * len(part))})",
                     [me.owner, *part])


def claim_content(conn: Any, sha: str, me: Claimer) -> bool:
    """Inside a write transaction: content ``sha`` claimed for ``me`` (to read and embed it);
    False when a live claimer holds it."""
    beat(conn, me)
    row = conn.execute("SELECT owner FROM content_claims WHERE sha256 = ?", (sha,)).fetchone()
    if row is not None and row[0] != me.owner:
        return False  # ``beat`` removed the claims of claimers no longer at work: this one is
    conn.execute("INSERT OR REPLACE INTO content_claims (sha256, owner) VALUES (?, ?)", (sha, me.owner))
    return True


def content_holder(conn: Any, sha: str, me: Claimer) -> Holder | None:
    """Inside the transaction in which ``claim_content`` found ``sha`` held: who holds it
    (another claimer, alive: ``beat`` removed the others); None where no other claimer does."""
    row = conn.execute("SELECT k.owner, k.host, k.pid FROM content_claims c JOIN claimers k ON k.owner = c.owner"
                       " WHERE c.sha256 = ? AND c.owner != ?", (sha, me.owner)).fetchone()
    return Holder(str(row[0])[:8], str(row[1]), int(row[2]) or None) if row is not None else None


def release_content(conn: Any, sha: str, me: Claimer) -> None:
    """``me``'s claim on ``sha``, if it holds it, removed (a statement of its own)."""
    conn.execute("DELETE FROM content_claims WHERE sha256 = ? AND owner = ?", (sha, me.owner))


def leave(conn: Any, me: Claimer) -> None:
    """``me`` is done (its store closes): its row, and any claim left, removed."""
    with contextlib.suppress(Exception):  # a closing store reports nothing; the next run cleans up
        _forget(conn, me.owner)
