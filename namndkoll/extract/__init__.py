"""Extract stage: Document -> figures, parties, people, decisions, votes, positions, entities.

``extract_document`` is what ingest calls for every document; the finders are public for
callers that need one kind only. Nothing outside this package imports spaCy.
"""

from __future__ import annotations

from .figures import find_figures
from .parties import PARTIES, find_parties, party_code
from .people import find_people
from .pipeline import extract_document

__all__ = ["PARTIES", "extract_document", "find_figures", "find_parties", "find_people", "party_code"]
