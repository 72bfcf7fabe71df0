"""The date of a document, by its kind: a protocol's meeting day, a notice's meeting, a signed
statement's closing line, a steering document's adoption, a report's own date; ``dates.py``
reads the dates themselves."""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import dates as _dates
from .doc_type import REPORT_KIND_LINE

__all__ = ["find_date"]

_POLICY_KINDS = {"policy", "plan", "strategi", "riktlinje", "program", "reglemente", "delegationsordning",
                 "taxa", "regler", "anvisning", "överenskommelse", "rutin", "föreskrift"}
_COVER_LINES = 5  # a cover's lines, its header's included
_SIGNED_TYPES = {"motion", "skrivelse", "reservation", "sarskilt_yttrande", "initiativarende"}


_NOTICE_WORD = re.compile(r"(?-i:\bKALLELSE\b)|^\s*kallelse\b", re.IGNORECASE | re.MULTILINE)


def find_date(header: str, lines: Sequence[str], doc_type: str | None = None, kind: str | None = None, *,
              all_lines: Sequence[str] = (), first_page: Sequence[str] = ()) -> str | None:
    """The document's date, by kind: a protocol's meeting date; a report's ``Datum:``; a policy's
    or plan's adoption date; a signed statement's closing "Ort den ..." line; failing those, the
    ``Upprättad:`` of a form footer ("Dokumenttyp: Motionssvar ... Upprättad: 2026-01-28")."""
    found = _find_date(header, lines, doc_type, kind, all_lines=all_lines, first_page=first_page)
    if found or doc_type in ("protokoll", "protokollsutdrag") or kind == "kallelse":
        return found
    return _dates.form_date(header.splitlines() + list(lines))


def _find_date(header: str, lines: Sequence[str], doc_type: str | None = None, kind: str | None = None, *,
               all_lines: Sequence[str] = (), first_page: Sequence[str] = ()) -> str | None:
    head = [h for h in header.splitlines() if h.strip()]
    whole = _dates.without_adjustment_proposals(list(all_lines) or list(lines))
    lines = _dates.without_adjustment_proposals(lines)
    top = head + list(lines[:25])
    if doc_type in ("protokoll", "protokollsutdrag"):
        # the notice of adjustment may stand on a page after the first two
        return _dates.meeting_date(head, lines) or _dates.noticed_meeting_date(whole[:200])
    if kind == "kallelse":
        # the day the notice's heading names ("KALLELSE 1 (2) Onsdagen den 28 mars, 2011 kl"), before
        # the dates of the papers it encloses (an earlier meeting's minutes)
        opening = "\n".join(lines[:15])
        called = next((d for k in _NOTICE_WORD.finditer(opening)
                       for _, d in _dates.dates_in(opening[k.end():k.end() + 60])), None)
        if called:
            return called
        # a notice names no adjustment or posting; in a letterhead flattened into one line its
        # date sits among "Ordförande: Sekreterare:" labels, which meeting_date distrusts
        return _dates.meeting_date(head, lines) or next(
            (d for ln in lines[:5] for _, d in _dates.dates_in(ln)), None)
    if doc_type in _SIGNED_TYPES:
        return (_dates.closing_date(whole) or _dates.labelled_date(top)
                or _dates.labelled_date(whole[-15:]) or _dates.top_date(top, n=12))
    if kind in _POLICY_KINDS:
        # a steering document's date is its adoption's; "Reviderat 2015-01-09" on its cover is not
        return (_dates.adoption_date(top + whole[:80]) or _dates.labelled_date(top)
                or _dates.top_date(top, revised=False))
    if doc_type == "revisionsrapport":
        # the report's own closing line (or its missiv's) on the first pages, before the later
        # closing lines of the attachments a report is often bundled with
        return (_dates.labelled_date(top) or _dates.closing_date(first_page) or _dates.closing_date(lines)
                or _dates.closing_date(whole) or _dates.top_date(top))
    if doc_type in ("tjansteskrivelse", "tjansteutlatande"):
        # "2012-12-19 TJÄNSTEUTLÅTANDE DNR ...": the report's date beside its kind word
        dated = next((d for ln in lines[:45] if REPORT_KIND_LINE.match(ln) for _, d in _dates.dates_in(ln)), None)
        if dated:
            return dated
    if doc_type is None:
        return (_dates.labelled_date(top) or _labelled_meeting(top) or _dates.top_date(top, n=10)
                or _dates.closing_date(whole))
    # a report's cover that states the body's approval ("Delårsrapport januari-augusti 2018
    # Godkänd av direktionen 2018-09-19 Dnr …", a web copy's one line) is dated by it
    return (_dates.labelled_date(top) or _dates.top_date(top) or _dates.leading_date(lines)
            or _dates.adoption_date(top[:_COVER_LINES]) or _dates.closing_date(whole))


def _labelled_meeting(lines: Sequence[str]) -> str | None:
    for i, line in enumerate(lines):
        if re.match(r"^\s*(?:sammanträdes\w*|mötesdatum)\b", line, re.IGNORECASE):
            return _dates.meeting_date([], lines[i:i + 2])
    return None

