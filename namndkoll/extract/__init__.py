"""Extract stage: Document -> figures, parties, people, decisions, votes, positions, entities.

``extract_document`` is what ingest calls for every document; the finders are public for
callers that need one kind only. Nothing outside this package imports spaCy.

The names below load their modules on first use: a search imports one small module of this
package (``figure_lemmas``), and importing the package used to compile every finder's
patterns first (people, votes, decisions: ~0.3 s of a cold ``namndkoll search``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .figures import find_figures
    from .parties import PARTIES, find_parties, party_code
    from .people import find_people
    from .pipeline import extract_document

__all__ = ["PARTIES", "extract_document", "find_figures", "find_parties", "find_people", "party_code"]

_WHERE = {"find_figures": "figures", "PARTIES": "parties", "find_parties": "parties", "party_code": "parties",
          "find_people": "people", "extract_document": "pipeline"}


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(f"{__name__}.{_WHERE[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
