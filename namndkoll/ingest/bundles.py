"""Protocol extracts bundled in a document: an audit report or a fullmäktige handling that
carries other bodies' "Protokollsutdrag" pages, each with its own body, meeting date and §
numbering.

structure.py numbers each extract's §§ apart (``extract_blocks``) and gives each § the body
and meeting date printed over it (``page_origins``), so that a vote in Nämnden för
funktionsstöd's § 64 of 2026-04-08 is listed under that nämnd and date, not under the
auditors' report it was appended to."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from typing import Any, Protocol

from ..types import PAGE_SEP, Item, Metadata
from .body_names import COMMITTEE, canon_committee, ocr_spelling, uncapped
from .committee import find_committee

__all__ = ["EXTRACT_WORD", "HEAD_DATE", "extract_blocks", "own_origins", "page_origins"]

# a protocol extract's running head: "Protokollsutdrag", "Utdrag ur protokoll", with a page
# number or the meeting date after it (not the "Protokollsutdrag skickas till" of a decision)
EXTRACT_WORD = re.compile(
    r"^(?:(?:justerat[ \t]+)?protokollsutdrag|utdrag[ \t]+ur[ \t]+(?:sammanträdes)?protokoll(?:et)?)"
    r"(?:[ \t]+(?:\d|sida\b|sammanträdesdatum\b|datum\b|\(|\[|(?:19|20)\d\d-).*)?$", re.IGNORECASE)
# a whole protocol's running head ("Protokoll nr 3", "Sammanträdesprotokoll"): in a bundle its
# pages are one more body's record
_PROTOCOL_WORD = re.compile(r"^(?:sammanträdes)?protokoll(?:[ \t]+nr\.?[ \t]*\d+)?$", re.IGNORECASE)
HEAD_DATE = re.compile(r"(?:19|20)\d\d-[01]\d-[0-3]\d")
_HEAD_LINES = 6


class _Line(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def page(self) -> int: ...


def _heads(lines: Sequence[_Line], n: int = _HEAD_LINES) -> dict[int, list[str]]:
    """Page -> its first ``n`` non-empty lines (the running head)."""
    heads: dict[int, list[str]] = {}
    for ln in lines:
        t = ln.text.strip().strip(PAGE_SEP)
        if t and len(heads.setdefault(ln.page, [])) < n:
            heads[ln.page].append(t)
    return heads


def extract_blocks(lines: Sequence[_Line]) -> dict[int, int]:
    """Page -> block for the pages of a protocol extract bundled in a document ("Nämnden för
    funktionsstöd / Protokollsutdrag / Sammanträdesdatum: 2026-04-08" on top): runs of pages
    with the same body and meeting date in that head, numbered by their first page."""
    out: dict[int, int] = {}
    last: tuple[int, tuple[str, str]] | None = None  # (previous page, its head) of the running block
    for page, head in sorted(_heads(lines).items()):
        if not any(EXTRACT_WORD.match(t) for t in head):
            continue
        date = next((d.group() for t in head if (d := HEAD_DATE.search(t))), "")
        body = next((re.sub(r"[\d\W]+", " ", t).strip().casefold() for t in head
                     if not EXTRACT_WORD.match(t) and not HEAD_DATE.search(t)), "")
        sig = (body, date)
        block = out[last[0]] if last and last[0] == page - 1 and last[1] == sig else page
        out[page] = block
        last = (page, sig)
    return out


def page_origins(lines: Sequence[_Line]) -> dict[int, tuple[str | None, str | None]]:
    """Page -> (body, meeting date) printed in the running head of a protocol page ("Nämnden
    för funktionsstöd / Protokollsutdrag / Sammanträdesdatum: 2026-04-08", "Grundskolenämnd /
    Protokoll nr 3 / …"); pages without such a head are left out.

    A scanned extract's head as OCR reads it, beside the logo and under the registry's stamp
    ("DE Å Å Kommunstyrelsen TE» 700 /(" / "2 LINGSAS Protokoll JE,LN" / "2026-06-01"), is such a
    head too: "Protokoll" a word of a short line, the body a body's name in a line of it, spelt
    as the text spells it elsewhere ("Kommuntfullmäktige"). Where OCR lost the body and the
    word altogether ("Pra ALINGSÅS Sr a" / "2026-05-06"), a page whose head has only the date
    has the body of the page before or after it under the same date: the same meeting's."""
    out: dict[int, tuple[str | None, str | None]] = {}
    dated: dict[int, str] = {}
    text: str | None = None  # the document's text, joined only when a scanned head's body is spelt by it
    for page, scan in _heads(lines, _SCAN_HEAD_LINES).items():
        head = scan[:_HEAD_LINES]
        clean = any(EXTRACT_WORD.match(t) or _PROTOCOL_WORD.match(t) for t in head)
        # a scan's head runs longer: the registry's stamp and the logo come first as lines of scraps
        alone = next((t.strip() for t in scan if HEAD_DATE.fullmatch(t.strip())), None)
        if alone:
            dated[page] = alone  # the head's own date line, as an extract prints its meeting's
        if not clean and not any(_noisy_protocol_line(t) for t in scan):
            continue
        date = next((d.group() for t in head if (d := HEAD_DATE.search(t))), None) if clean else alone
        body_lines = [t for t in (head if clean else scan) if not (EXTRACT_WORD.match(t) or _PROTOCOL_WORD.match(t)
                                                                   or HEAD_DATE.search(t))]
        body = find_committee("\n".join(body_lines), body_lines, "protokollsutdrag") or next(
            (_capital(m.group(1)) for t in body_lines[:1] if (m := _OWNED_BODY.search(t))), None) or next(
            (canon_committee(m.group(1)) for t in body_lines if len(t.split()) <= _NOISY_WORDS
             for m in COMMITTEE.finditer(uncapped(t))), None)
        if body and not clean:
            if text is None:
                text = "\n".join(ln.text for ln in lines)
            body = ocr_spelling(body, text)  # as the document spells it elsewhere
        if body or date:
            out[page] = (body, date)
    for page, date in dated.items():
        if out.get(page, (None, None))[0] is None:
            near = [out[q] for q in (page - 1, page + 1) if q in out and out[q][0] and out[q][1] == date]
            if near:
                out[page] = near[0]
    return out


_SCAN_HEAD_LINES = 8
_NOISY_WORDS = 6  # a head line as OCR reads it beside a logo and a stamp: the word and a few scraps
_PROTOCOL_IN_LINE = re.compile(r"(?<![\wåäö])Protokoll(?![\wåäö])")


def _noisy_protocol_line(line: str) -> bool:
    """A short head line with the word "Protokoll" among OCR's scraps ("2 LINGSAS Protokoll JE,LN")."""
    return len(line.split()) <= _NOISY_WORDS and _PROTOCOL_IN_LINE.search(line) is not None


# "Göteborgs Stads grundskolenämnd": the body after its city's name, in lower case
_OWNED_BODY = re.compile(r"^[A-ZÅÄÖ][\wåäö]+s (?:[A-ZÅÄÖ][\wåäö]+s )?([a-zåäö]+(?:nämnd|nämnden|styrelsen))$")


def _capital(name: str) -> str:
    name = name[0].upper() + name[1:]
    return name + "en" if name.endswith("nämnd") else name


def own_origins(items: Sequence[Item], md: Metadata) -> tuple[Item, ...]:
    """``items`` with the body and date of those that are the document's own §§ (the same
    body and date as the document's) cleared: only another meeting's §§ keep theirs. A bundle
    of several meetings' extracts and nothing else (its §§ under two bodies or dates or more,
    none without one) has no §§ of its own: its metadata is read off its first extract, whose §§
    keep their body and date as the others do."""
    def same(a: str | None, b: str | None) -> bool:
        return a is None or (b is not None and a.casefold() == b.casefold())

    meetings = {(it.committee, it.date) for it in items}
    if len(meetings) >= 2 and all(c or d for c, d in meetings):
        return tuple(items)
    return tuple(dataclasses.replace(it, committee=None, date=None)
                 if (it.committee or it.date) and same(it.committee, md.committee) and same(it.date, md.date)
                 else it for it in items)


def with_origin(item: Item, origin: Any) -> Item:
    """``item`` with the (body, date) of the page its heading stands on."""
    if not origin:
        return item
    return dataclasses.replace(item, committee=origin[0], date=origin[1])
