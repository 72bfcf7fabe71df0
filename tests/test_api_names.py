"""`namndkoll.ingest` stays the API's function for the whole session (walk75: running the
README's Python example, the second `namndkoll.ingest([...])` of a session failed with
"'module' object is not callable": the first call, or `namndkoll.read_document`, had imported
the subpackage `namndkoll/ingest/`, and the import system bound it over the function)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_ingest_stays_callable_after_the_pdf_stage_is_imported(tmp_path: Path) -> None:
    code = f"""
import namndkoll
pdf = {str(REPO / "sample" / "lund-socialnamnden-2016-reservation-v.pdf")!r}
db = {str(tmp_path / "s.db")!r}
namndkoll.read_document(pdf)
first = namndkoll.ingest([pdf], db=db, index=False)
second = namndkoll.ingest([pdf], db=db, index=False)
print(first.count("ingested"), second.count("unchanged"))
from namndkoll.ingest import read_document
print(callable(read_document))
"""
    out = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, cwd=tmp_path,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
                         timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["1", "1", "True"]
