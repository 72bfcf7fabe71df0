"""A document-sharing site's viewer, printed into a web copy of a PDF: "Save this PDF as:",
"WORD PNG TXT JPG", "Storlek: px", "Starta visningen från sidan:", 'Download "…"' and
"Transkript" above the document's own text. It is the site's text, never the document's:
``pdf.py`` leaves it out of the pages' text, so it is neither an item's text nor a search
passage. The name in 'Download "…"' is the document's own first words as the site read them
(often with the dates its transcript lost): it stays, without the button's word and quotes. A line is the viewer's only where the viewer
stands whole — three of its kinds of line in the document's first pages — so a report that
says "Transkript" or "Download" once keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["viewer_lines"]

_KINDS = (
    ("save", re.compile(r"^save\s+this\s+(?:pdf|document|file)\s+as\s*:?$", re.IGNORECASE)),
    ("formats", re.compile(r"^(?:(?:WORD|PNG|TXT|JPG|JPEG|PDF|DOCX?|EPUB)\s*){3,}$")),
    ("size", re.compile(r"^storlek\s*:\s*\d*\s*px$", re.IGNORECASE)),
    ("start", re.compile(r"^starta\s+visningen\s+från\s+sidan\s*:?\s*\d*$", re.IGNORECASE)),
    ("download", re.compile(r"^download\s+[\"“”]", re.IGNORECASE)),
    ("transcript", re.compile(r"^transkript$", re.IGNORECASE)),
)
_FIRST_PAGES = 3  # the viewer stands above the text: the first page, or the second after a cover
_MIN_KINDS = 3
_QUOTE_WRAP = 3  # lines a 'Download "…' name may wrap over before its closing quote


def viewer_lines(pages: Sequence[Sequence[str]]) -> list[dict[int, str | None]]:
    """For each page's lines, those that are a sharing site's viewer: index → None (the line is
    left out) or the text that stays (a file name's words); none unless the viewer stands whole
    in the first pages."""
    found: list[dict[int, str | None]] = [{} for _ in pages]
    kinds: set[str] = set()
    for p, lines in enumerate(pages[:_FIRST_PAGES]):
        for i, line in enumerate(lines):
            s = line.strip()
            for kind, rx in _KINDS:
                if m := rx.match(s):
                    kinds.add(kind)
                    found[p][i] = None
                    if kind == "download":
                        found[p].update(_file_name(lines, i, m.end()))
                    break
    if len(kinds) < _MIN_KINDS:
        return [{} for _ in pages]
    return found


def _file_name(lines: Sequence[str], i: int, start: int) -> dict[int, str | None]:
    """The words of a 'Download "…"' file name, wrapped over up to a few lines to its closing
    quote, without the button's word and the quotes."""
    out: dict[int, str | None] = {}
    first = lines[i].strip()[start:]
    closed = re.search(r"[\"“”]\s*$", first)
    out[i] = re.sub(r"[\"“”]\s*$", "", first).strip() or None
    if closed:
        return out
    for j in range(i + 1, min(i + 1 + _QUOTE_WRAP, len(lines))):
        if re.search(r"[\"“”]\s*$", lines[j]):
            out[j] = re.sub(r"[\"“”]\s*$", "", lines[j].strip()).strip() or None
            return out
    return {i: out[i]}
