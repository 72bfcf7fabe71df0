"""Control characters in document text, made visible before anything is stored.

A PDF's text layer says whatever its ToUnicode map says: ESC (terminal escape sequences:
clear screen, window title, hyperlinks), BS/CR/DEL (overwrite what was shown), C1 controls
and bidi overrides (U+202E shows "exe.pdf" as "fdp.exe"). None of them is text a reader
wrote. Each becomes a visible stand-in of the same length — the Control Pictures (␛, ␈, ␡)
for C0 and DEL, U+FFFD for C1 and bidi controls — so every character offset, page span and
line box computed by the reader stays valid. The document's hash is of the original bytes
(``Document.sha256``), so nothing about the file itself is lost; a warning says how many
characters were replaced.
"""

from __future__ import annotations

import dataclasses
import re

from ..types import Document, Item, Table

__all__ = ["clean", "sanitize_document"]

_MAP: dict[int, str] = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
_MAP[0x0D] = "\n"  # a carriage return is a line break in a PDF's text, not an overwrite
_MAP[0x7F] = "\u2421"  # ␡
_MAP.update({c: "\ufffd" for c in range(0x80, 0xA0)})
_MAP.update({c: "\ufffd" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_FIND = re.compile("[" + "".join(re.escape(chr(c)) for c in _MAP) + "]")


def clean(text: str) -> tuple[str, int]:
    """``text`` with every control character replaced by its visible stand-in (same length),
    and how many were replaced."""
    n = len(_FIND.findall(text))
    return (text.translate(_MAP), n) if n else (text, 0)


def sanitize_document(doc: Document) -> Document:
    """``doc`` with control characters made visible in page text, running headers and
    footers, tables, metadata and § items; a warning when there were any."""
    fix = _Counter()
    pages = tuple(
        dataclasses.replace(
            p, text=fix(p.text), header=fix(p.header), footer=fix(p.footer),
            tables=tuple(Table(t.page, tuple(tuple(fix(x) for x in row) for row in t.rows), t.bbox, t.cells,
                               fix(t.caption))
                         for t in p.tables))
        for p in doc.pages)
    md = doc.metadata
    metadata = dataclasses.replace(
        md, title=fix.opt(md.title), municipality=fix.opt(md.municipality),
        committee=fix.opt(md.committee), date=fix.opt(md.date), kind=fix.opt(md.kind),
        diarienummer=tuple(fix(d) for d in md.diarienummer))
    items = tuple(_item(it, fix) for it in doc.items)
    if not fix.count:
        return doc
    note = (f"{fix.count} control character{'s' if fix.count != 1 else ''} in the text (terminal "
            "escapes, overwrites or bidi overrides) shown as \u241b, \u2408 or \ufffd: the text "
            "layer may have been tampered with")
    return dataclasses.replace(doc, pages=pages, metadata=metadata, items=items,
                               warnings=(*doc.warnings, note))


class _Counter:
    """``clean`` that counts what it replaced over a whole document."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, text: str) -> str:
        out, n = clean(text)
        self.count += n
        return out

    def opt(self, text: str | None) -> str | None:
        return None if text is None else self(text)


def _item(it: Item, fix: _Counter) -> Item:
    sections = tuple(dataclasses.replace(s, title=fix(s.title)) for s in it.sections)
    return dataclasses.replace(it, title=fix(it.title), sections=sections,
                               diarienummer=tuple(fix(d) for d in it.diarienummer))
