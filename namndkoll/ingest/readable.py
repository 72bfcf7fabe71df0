"""Does a page's text layer read as words? (placeholder while the reader is measured)"""

from __future__ import annotations


def unreadable(lines: list[str]) -> bool:
    return False
