"""Two index runs at once on one SQLite corpus (`namndkoll index` started twice, or two
`ingest` processes on one file) embed each waiting passage once.

Before: SQLite had no claims (PostgreSQL has them as rows, migration 0016): each run read the
same waiting passages and embedded them, so the second run's model time was thrown away. Now a
run claims a batch in a short write transaction (a row per passage, migration 0017), embeds it
with no transaction open and stores its vectors in another short one; the other run skips the
claimed passages. A claim is its run's while the run's process lives (same host: its pid, and
the process's start time so that a reused pid does not count) and its heartbeat, refreshed at
every batch, is younger than ``claims.LAPSE_S``: a crashed run's passages go to the next run.

Real SQLite files, two real Python processes, the deterministic fake embedder.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_search import DOCS, FakeEmbedder

from namndkoll.corpus import opened
from namndkoll.search import index_corpus

TESTS = Path(__file__).parent
ROOT = TESTS.parent
COPIES = 5  # DOCS five times over: 35 passages, batches of 2

# one index run in a process of its own; its first embedding waits (up to 10 s) until the other
# run embeds too or has finished, so that both are at work at once
RUN = r"""
import json, sys, time
from pathlib import Path
from test_search import FakeEmbedder
from namndkoll.corpus import opened
from namndkoll.search import index_corpus

db, me, other, folder = sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4])

class Meeting(FakeEmbedder):
    def embed(self, texts, *, kind="passage"):
        if kind == "passage" and self.calls == 0:
            (folder / f"{me}.embedding").touch()
            end = time.monotonic() + 10
            while time.monotonic() < end and not any(
                    (folder / f"{other}.{s}").exists() for s in ("embedding", "done")):
                time.sleep(0.02)
        time.sleep(0.05)  # a model takes its time: the runs' batches interleave
        return super().embed(texts, kind=kind)

emb = Meeting()
try:
    with opened(db, write=True) as st:
        rep = index_corpus(st, emb, batch_size=2)
finally:
    (folder / f"{me}.done").touch()
    print(json.dumps({"texts": emb.texts}))
"""


def chunked_corpus(db: Path) -> int:
    """A corpus whose passages are chunked and wait for vectors (model and centre recorded, as
    after an earlier index run); how many passages wait."""
    import numpy as np

    from namndkoll.search.index import _chunk_documents

    emb = FakeEmbedder()
    with opened(db, write=True) as st:
        for n in range(COPIES):
            for d in DOCS:
                with st.transaction():
                    st.replace_document(dataclasses.replace(
                        d, source=f"{n}-{d.source}", sha256=hashlib.sha256(f"{n}{d.sha256}".encode()).hexdigest()))
        with st.transaction():
            st.set_model(emb.model_id, emb.dimensions)
            st.set_center(np.zeros(emb.dimensions, dtype=np.float32))
        _chunk_documents(st)
        return st.count_unembedded()


def start(db: Path, me: str, other: str, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, "-c", RUN, str(db), me, other, str(folder)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def finish(p: subprocess.Popen[str]) -> dict[str, int]:
    out, err = p.communicate(timeout=120)
    assert p.returncode == 0, err.strip().splitlines()[-1:] + out.strip().splitlines()[-1:]
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_two_index_runs_at_once_embed_each_passage_once(tmp_path: Path):
    db = tmp_path / "corpus.db"
    waiting = chunked_corpus(db)
    assert waiting == 7 * COPIES
    a = start(db, "a", "b", tmp_path)
    b = start(db, "b", "a", tmp_path)
    ra, rb = finish(a), finish(b)
    # before: both runs embedded the same passages (70 embeddings for 35 passages)
    assert ra["texts"] + rb["texts"] == waiting, (ra, rb)
    assert ra["texts"] > 0 and rb["texts"] > 0  # both were at work, on different passages
    with opened(db) as st:
        counts = st.index_counts()
        assert counts["embedded"] == counts["vectors"] == waiting and st.count_unembedded() == 0
        assert st.conn.execute("SELECT count(*) FROM chunk_claims").fetchone()[0] == 0  # all given up


def _claim_left(db: Path, *, host: str, pid: int, started: str, beat_age: float) -> int:
    """A claim on the first waiting passage as a run that is no longer at work may leave it;
    the passage's id."""
    with opened(db, write=True) as st, st.transaction():
        first = st.conn.execute("SELECT min(id) FROM chunks WHERE embedded = 0").fetchone()[0]
        st.conn.execute("INSERT INTO claimers (owner, host, pid, started, beat) VALUES ('gone', ?, ?, ?, ?)",
                        (host, pid, started, time.time() - beat_age))
        st.conn.execute("INSERT INTO chunk_claims (chunk_id, owner) VALUES (?, 'gone')", (first,))
    return int(first)


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


@pytest.mark.parametrize("case", ["crashed", "pid reused", "other host, no heartbeat"])
def test_a_claim_its_run_left_behind_holds_up_no_passage(tmp_path: Path, case: str):
    """A run killed mid-batch (its process gone, or its pid since given to another process),
    or a run on another machine sharing the file that has not beaten for longer than the lapse:
    the next run embeds the passage it claimed, at once."""
    from namndkoll.corpus import claims

    db = tmp_path / "corpus.db"
    waiting = chunked_corpus(db)
    me = claims.Claimer.here()
    if case == "crashed":
        first = _claim_left(db, host=me.host, pid=_dead_pid(), started="", beat_age=0)
    elif case == "pid reused":  # a live process (this one) that is not the claimer
        first = _claim_left(db, host=me.host, pid=os.getpid(), started="another start", beat_age=0)
    else:
        first = _claim_left(db, host="elsewhere", pid=os.getpid(), started="", beat_age=claims.LAPSE_S + 5)
    with opened(db, write=True) as st:
        rep = index_corpus(st, FakeEmbedder(), batch_size=4)
        assert rep.embedded == waiting and st.count_unembedded() == 0
        assert st.conn.execute("SELECT count(*) FROM chunk_claims").fetchone()[0] == 0
        assert st.conn.execute("SELECT count(*) FROM claimers WHERE owner = 'gone'").fetchone()[0] == 0
    assert first > 0


def test_a_live_claim_on_another_host_is_left_to_its_run(tmp_path: Path):
    """A run on another machine sharing the file, with a fresh heartbeat: its passage is not
    embedded a second time (a run that does not wait leaves it to that run; one that waits
    takes it over after the lapse: tests/test_index_waits.py)."""
    db = tmp_path / "corpus.db"
    waiting = chunked_corpus(db)
    first = _claim_left(db, host="elsewhere", pid=1, started="", beat_age=0)
    with opened(db, write=True) as st:
        rep = index_corpus(st, FakeEmbedder(), batch_size=4, wait=False)
        assert rep.embedded == waiting - 1 and rep.left_to_others == 1
        assert [r[0] for r in st.conn.execute("SELECT id FROM chunks WHERE embedded = 0")] == [first]
