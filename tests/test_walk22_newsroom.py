"""Walk 22 (docs/walks/twenty-second-session-newsroom.md): a newsroom's served corpus —
PostgreSQL + pgvector, ingest on Dask workers, `copy` between backends.

Real SQLite files and a real PostgreSQL server (the ``db`` / ``pg_url`` fixtures of conftest)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import report

from namndkoll.api import copy_corpus
from namndkoll.corpus import opened
from namndkoll.types import Metadata

# "Underlag ramar 2027-2029" (Alingsås, ../shared/data/pdf-other): no date, the year its title is about
RAMAR = report("alingsas_ramar_2027-2029.pdf",
               ["Underlag ramar 2027-2029\nVård- och omsorgsnämnden 2027 Ram inkl PKV 1 049 382 tkr\n"],
               Metadata("Underlag ramar 2027-2029", "Alingsås", None, "other", None, (), "kommun", "budget",
                        year=2027))


def _stored(db: str) -> int:
    with opened(db, write=True) as st, st.transaction():
        return int(st.replace_document(RAMAR))


def test_an_undated_documents_title_year_is_read_back(db: str) -> None:
    doc_id = _stored(db)
    with opened(db) as st:
        assert st.load_document(doc_id).metadata.year == 2027
        assert st.load_document(doc_id) == RAMAR


def test_an_undated_documents_title_year_survives_a_copy(db: str, tmp_path: Path) -> None:
    """`copy` lost it: `documents --year 2027` and `figures --year 2027` found the budget in the
    corpus ingested, not in its copy (walk 22, check 15)."""
    _stored(db)
    target = str(tmp_path / "copy.db")
    copy_corpus(db, target)
    with opened(target) as st:
        assert [d.source for d in st.list_documents(year=2027)] == ["alingsas_ramar_2027-2029.pdf"]
        assert st.get_stored(st.resolve("alingsas_ramar")).year == 2027


def test_an_undated_documents_title_year_survives_a_copy_into_postgresql(tmp_path: Path, pg_url: str) -> None:
    lite = str(tmp_path / "ramar.db")
    _stored(lite)
    copy_corpus(lite, pg_url)
    with opened(pg_url) as st:
        assert [d.source for d in st.list_documents(year=2027)] == ["alingsas_ramar_2027-2029.pdf"]


def _role_without_grants(pg_server, pg_url: str, name: str) -> str:  # type: ignore[no-untyped-def]
    """``pg_url`` as the login role ``name``, which may use the schema but was granted no table."""
    import psycopg

    schema = pg_url.rsplit("search_path%3D", 1)[1].split("%2C")[0]
    with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
        conn.execute(f"DROP ROLE IF EXISTS {name}")
        conn.execute(f"CREATE ROLE {name} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {name}")
    return pg_url.replace("postgres:@", f"{name}:@", 1).replace("//postgres@", f"//{name}@", 1)


def test_a_reader_role_without_grants_is_told_to_ask_for_them_not_to_ingest(pg_server, pg_url: str) -> None:  # type: ignore[no-untyped-def]
    """A newsroom's reporters log in as a reader role; before its owner grants it the tables,
    `search` said the database "holds no namndkoll corpus yet: run `namndkoll ingest`" (the
    tables were there, the role could not see them in information_schema) — walk 22, check 28."""
    import psycopg

    from namndkoll.errors import CorpusError

    _stored(pg_url)
    reader = _role_without_grants(pg_server, pg_url, "w22reader")
    assert "w22reader" in reader
    try:
        for write in (False, True):
            try:
                with opened(reader, write=write):
                    pass
            except CorpusError as exc:
                msg = str(exc)
            else:
                raise AssertionError("opened without grants")
            assert "holds no namndkoll corpus" not in msg and "\n" not in msg
            assert "w22reader" in msg and "may not read" in msg
            # a reader is told what to grant; an ingest (which migrates tables) to run as the owner
            assert ("run it as that user" in msg) if write else ("GRANT SELECT ON ALL TABLES IN SCHEMA" in msg)
        # what the message says to run is enough for a reader
        schema = pg_url.rsplit("search_path%3D", 1)[1].split("%2C")[0]
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
            conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO w22reader")
        with opened(reader) as st:
            assert [d.source for d in st.list_documents(year=2027)] == ["alingsas_ramar_2027-2029.pdf"]
    finally:
        with psycopg.connect(pg_server.get_uri(), autocommit=True) as conn:
            conn.execute("DROP OWNED BY w22reader")
            conn.execute("DROP ROLE w22reader")


class _NotAScheduler:
    """A TCP server that is no Dask scheduler: a web server (Dask's own dashboard, port 8787,
    one off from the scheduler's 8786) that waits for a request it never gets, or that answers
    at once in HTTP."""

    def __init__(self, reply: bytes | None) -> None:
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.address = f"tcp://127.0.0.1:{self.sock.getsockname()[1]}"
        self.reply, self.conns = reply, []  # type: ignore[var-annotated]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.conns.append(conn)
            if self.reply is not None:
                conn.sendall(self.reply)

    def close(self) -> None:
        self.sock.close()
        for c in self.conns:
            c.close()


@pytest.mark.parametrize("reply", [None, b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"],
                         ids=["silent", "http"])
def test_a_cluster_address_that_is_no_scheduler_fails_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  reply: bytes | None) -> None:
    """`--cluster tcp://sched:8787` (the dashboard's port) waited for ever with nothing on the
    screen (Dask's handshake has no timeout), and a server that answered in HTTP ended in a
    traceback (numpy's "Unable to allocate 3.07 EiB"). Walk 22, check 30."""
    pytest.importorskip("distributed")
    import threading

    from test_ingest_batch import make_pdf
    from typer.testing import CliRunner

    from namndkoll import cluster
    from namndkoll.cli import app

    monkeypatch.setattr(cluster, "CONNECT_S", 2.0, raising=False)
    pdf = make_pdf(tmp_path / "ks.pdf", ["Kommunstyrelsen\nProtokoll 2026-06-15\n§ 1 Budget\n"])
    server = _NotAScheduler(reply)
    done: list = []  # type: ignore[type-arg]
    args = ["ingest", str(pdf), "--db", str(tmp_path / "c.db"), "--cluster", server.address]
    runner = threading.Thread(target=lambda: done.append(CliRunner().invoke(app, args)), daemon=True)
    runner.start()
    runner.join(60)  # it waited for ever before: fail, do not hang the suite
    server.close()
    assert done, "still waiting for the scheduler after 60 s"
    r = done[0]
    assert r.exit_code == 1, r.output
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith(f"error: {server.address} answers, but not as a Dask scheduler")
    assert "8786" in lines[0] and "dashboard" in lines[0]


def test_the_nightly_run_says_nothing_was_read_without_a_rate_of_nothing(tmp_path: Path) -> None:
    """The nightly ingest of an unchanged archive ended "0 pages in 0.2 s (0 pages/s)", and two
    pages read in 8 s "(0 pages/s)" (walk 22, checks 8 and 9): a rate that says nothing."""
    from test_ingest_batch import make_pdf
    from typer.testing import CliRunner

    from namndkoll.cli import app

    pdf = make_pdf(tmp_path / "ks.pdf", ["Kommunstyrelsen\nProtokoll 2026-06-15\n§ 1 Budget\n"])
    args = ["ingest", str(pdf), "--db", str(tmp_path / "c.db"), "--no-index"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "1 ingested" in first.stdout and "1 page in " in first.stdout and "(0 pages/s)" not in first.stdout
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0, again.output
    line = again.stdout.strip().splitlines()[-1]
    assert line.startswith("0 ingested, 1 unchanged (skipped), 0 replaced, 0 failed · no page read (")
    assert "pages/s" not in line and "0 pages" not in line


@pytest.mark.parametrize("lapse, said", [(None, "10 min"), ("120", "2 min"), ("90", "90 s")])
def test_an_ingest_waiting_for_a_hung_one_says_how_long_at_most(monkeypatch: pytest.MonkeyPatch, lapse: str | None,
                                                                said: str) -> None:
    """A nightly ingest stopped (SIGSTOP) while it read two files held them; the next one said
    it waited "until they are stored, or until those ingests stop", and took them over after the
    claims' lapse without saying that there was one, nor how long (walk 22, check 14)."""
    from namndkoll.api.batch import _waiting_line
    from namndkoll.corpus.claims import LAPSE_ENV, Holder

    if lapse is None:
        monkeypatch.delenv(LAPSE_ENV, raising=False)
    else:
        monkeypatch.setenv(LAPSE_ENV, lapse)
    line = _waiting_line([("ks.pdf", Holder("7acb03cd", "vm", 19152)), ("kf.pdf", Holder("71acf303", "vm", 19149))])
    assert line.startswith("2 files are being read by 2 other ingests (run 7acb03cd on host vm (pid 19152); ")
    assert f"one that hangs is taken over after {said} without a heartbeat" in line and "\n" not in line
