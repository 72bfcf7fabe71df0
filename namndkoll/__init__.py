"""namndkoll: Swedish municipal committee records made searchable, quotable and countable.

The Python API (the CLI is a thin layer over it)::

    import namndkoll
    report = namndkoll.ingest(["protokoll/"], db="lund.db", jobs=2)
    doc = namndkoll.read_document("kf-2023-11-09.pdf")      # nothing stored
    ext = namndkoll.extract_document(doc)                     # figures, parties, decisions ...
    hits = namndkoll.search_db("förskoleplatser", db="lund.db", committee="Förskolenämnden")
    rows = namndkoll.members(db="lund.db", party="S")        # who voted with their party, how often
    namndkoll.watch_add("hemtjänst", db="lund.db")            # a saved topic
    new = namndkoll.watch_run(db="lund.db")                   # what is new on each since the last run
    namndkoll.redact_add("Anna Berg", db="lund.db")          # a name removed on request, now and later

Heavy libraries (spaCy, torch, pdfplumber) load only when a function needs them.
"""

from __future__ import annotations

import sys
import types
from typing import Any

__version__ = "0.1.0"

__all__ = ["__version__", "blocs", "compare_db", "documents", "extract_document", "extracted", "ingest",
           "members", "read_document", "redact_add", "redact_list", "redact_remove", "search_db", "show", "stats",
           "votes", "watch_add", "watch_list", "watch_remove", "watch_run"]

_API = {"blocs", "documents", "extracted", "ingest", "members", "read_document", "redact_add", "redact_list",
        "redact_remove", "show", "stats", "votes", "watch_add", "watch_list", "watch_remove", "watch_run"}


class _Package(types.ModuleType):
    """The package module, whose API names stay the API's functions. Importing a subpackage
    binds it to its parent's attribute of that name: the first ``namndkoll.ingest(...)`` or
    ``namndkoll.read_document(...)`` of a session imported ``namndkoll/ingest/`` (the PDF stage)
    and so replaced the function ``namndkoll.ingest``, and the next ``namndkoll.ingest([...])``
    failed with "'module' object is not callable". The subpackage stays in ``sys.modules``
    (``from namndkoll.ingest import read_document`` works as before)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:  # lazy, so `import namndkoll` stays instant
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "extract_document":
        from .extract import extract_document

        return extract_document
    if name in ("search_db", "compare_db"):
        from . import search

        return getattr(search, name)
    raise AttributeError(f"module 'namndkoll' has no attribute {name!r}")
