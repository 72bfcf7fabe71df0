"""Which namndkoll read a document: a fingerprint of the code that reads and extracts.

A corpus keeps each document as the reader of its day made it. ``ingest`` skips a file whose
bytes it has already stored, so a better reader (a § heading form, a committee name, a vote list
read right) would never reach a corpus built before it; the fingerprint is stored with each
document so that ``ingest --reread`` can read again exactly what an older reader read, and a
plain ``ingest`` can say how many such documents there are.

The fingerprint is a hash of the package's reading and extracting code and data (``ingest/``,
``extract/`` with its NER model, ``marks.py``, ``measures.py``, ``registry.py``, ``tables.py``
(the table cells figures are read from), ``types.py``): any change to
them, a release or a local edit, is another reader. Computed once per process (~60 ms: the
NER model is most of the 15 MB hashed).
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__all__ = ["reader_version"]

_PARTS = ("ingest", "extract", "marks.py", "measures.py", "registry.py", "tables.py", "types.py")


@lru_cache(maxsize=1)
def reader_version() -> str:
    """Twelve hex digits that change whenever the code or data that read a document change."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256()
    for part in _PARTS:
        base = root / part
        files = [base] if base.is_file() else sorted(
            p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc")
        for f in files:
            h.update(f.relative_to(root).as_posix().encode())
            h.update(b"\0")
            h.update(f.read_bytes())
            h.update(b"\0")
    return h.hexdigest()[:12]
