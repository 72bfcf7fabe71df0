"""Protocol structure: § items and their sections (Beslut, Yrkanden, Reservation, ...).

Works on the clean pages from ``pdf.py``: a § heading starts a line (``§ 17 0120/22``,
``§ 2 Ärendenummer SLK-2023-00027:45``, ``§ 75 Dnr VO 2024-00112``), § numbers only grow
within a document (so a wrapped reference like "§ 9 kommunallagen" at a line start is not
taken for a heading), and a section heading is a short line of its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import PAGE_SEP, Item, Metadata, Page, Section, SectionKind, page_at
from .metadata import find_diarienummer, read_metadata

__all__ = ["analyze", "find_items", "find_sections", "SECTION_HEADINGS"]

_PARA = re.compile(r"(?:^|(?<=\f))[ \t]*§[ \t]*(\d{1,4})(?:[ \t]?([a-e])\b)?[ \t]*([^\n\f]*)", re.MULTILINE)
_PARA_TITLE_STRIP = re.compile(
    r"^(?:(?:Ärendenummer|Diarienummer|Dnr\.?|Dnr:)\s*:?\s*)?(?:[A-ZÅÄÖ]{1,6}[ -])?\d[\d/:.\-]*\d(?:[-:.]\d+)*\s*", re.I)

# (kind, heading regex on a whole line). Order matters: first match wins.
SECTION_HEADINGS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (k, re.compile(p, re.IGNORECASE)) for k, p in (
        ("protokollsanteckning", r"protokollsanteckning(ar)?( från [^.]{1,40}| \([^)]{1,12}\))?"),
        ("sarskilt_uttalande", r"särskil(t|da) (uttalande|yttrande)(n|na)?( från [^.]{1,40}| \([^)]{1,12}\))?"),
        ("reservation", r"reservation(er)?( från [^.]{1,40}| \([^)]{1,20}\)| mot beslutet)?"),
        ("yrkanden", r"yrkande(n)?( under överläggningen)?"),
        ("propositionsordning", r"(propositionsordning|beslutsgång|proposition)( och beslutsgång)?"),
        ("omrostning", r"(omröstning|votering|omröstningsresultat)"),
        ("jav", r"(jäv|anmälan om jäv|jäv anmäls)"),
        ("beslut", r"(beslut|beslutet|[a-zåäö]+(nämndens|styrelsens|fullmäktiges|revisorernas) beslut|nämndens beslut)"),
        ("arendet", r"(ärendet|handling(ar)?|ärendebeskrivning|beskrivning av ärendet|sammanfattning( av ärendet)?"
                    r"|bakgrund|ärendets beredning|beslutsunderlag|underlag för beslut(et)?)"),
    )
)
_HEADING_SHAPE = re.compile(r"^[A-ZÅÄÖ][^\n]{0,70}$")


def analyze(pages: Sequence[Page], *, source: str = "") -> tuple[Metadata, tuple[Item, ...]]:
    """Metadata and § items of a document made of clean ``pages`` (offsets already set)."""
    text = PAGE_SEP.join(p.text for p in pages)
    items = find_items(text, pages)
    return read_metadata(pages, items, source=source), items


def find_items(text: str, pages: Sequence[Page]) -> tuple[Item, ...]:
    """§ items in reading order; each runs to the next § heading or the end."""
    cands: list[tuple[int, int, str, str, int]] = []  # number, start, label, rest of line, end of line
    for m in _PARA.finditer(text):
        rest = m.group(3).strip()
        if rest[:1].islower() or (rest[:1] != "" and rest[:1] in ",;.)") or re.match(r"^(st|mom|kap|p)\b", rest):
            continue  # "§ 9 kommunallagen", "§ 22, att": a reference, not a heading
        label = m.group(1) + (f" {m.group(2)}" if m.group(2) else "")
        cands.append((int(m.group(1)), m.start(), label, rest, m.end()))
    heads = [(c[1], c[2], c[3], c[4]) for c in _longest_chain(cands)]
    items = []
    for i, (start, number, rest, eol) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        while end > start and text[end - 1] in "\n\f ":
            end -= 1
        title, body_start = _title(text, rest, eol, end)
        sections = find_sections(text, body_start, end, pages)
        dnr = find_diarienummer(text[start:eol] + "\n" + title)
        items.append(Item(number, title, start, end, page_at(pages, start), page_at(pages, max(start, end - 1)),
                          sections, dnr))
    return tuple(items)


def _longest_chain(cands: list[tuple[int, int, str, str, int]]) -> list[tuple[int, int, str, str, int]]:
    """The longest run of candidates, in text order, whose § numbers grow by 1 to 40 each step
    (a protocol's §§ only grow; stray references in the text break the run and are dropped)."""
    if not cands:
        return []
    best = [1] * len(cands)
    prev = [-1] * len(cands)
    for i, (num, *_rest) in enumerate(cands):
        for j in range(max(0, i - 200), i):
            if cands[j][0] < num <= cands[j][0] + 40 and best[j] + 1 > best[i]:
                best[i], prev[i] = best[j] + 1, j
    i = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = prev[i]
    return chain[::-1]


def _title(text: str, rest: str, eol: int, end: int) -> tuple[str, int]:
    """The § title: the heading line's words after number and dnr, else the next line(s)."""
    title = _PARA_TITLE_STRIP.sub("", rest).strip()
    title = re.sub(r"^(Ärendenummer|Diarienummer|Dnr)\b\s*:?\s*$", "", title, flags=re.I).strip()
    pos = eol + 1
    if title:
        return title, pos
    lines = []
    while pos < end and len(lines) < 4:
        nl = text.find("\n", pos)
        nl = end if nl == -1 or nl > end else nl
        line = text[pos:nl].strip().strip(PAGE_SEP)
        if not line:
            pos = nl + 1
            continue
        # a title line wraps when it is long; a short one ends the title (unless the next
        # line plainly continues it in lower case)
        if _section_kind(line) or (lines and not line[:1].islower() and len(lines[-1]) < 45):
            break
        if re.match(r"^(Protokoll nr|Sammanträdesdatum|Datum|Dnr|Diarienummer)\b", line):
            pos = nl + 1
            continue
        lines.append(line)
        pos = nl + 1
        if line.endswith((".", ":")):
            break
    return " ".join(lines), pos


def _section_kind(line: str) -> SectionKind | None:
    line = line.strip().rstrip(":").strip()
    if not _HEADING_SHAPE.match(line) or line.endswith("."):
        return None
    for kind, rx in SECTION_HEADINGS:
        if rx.fullmatch(line):
            return kind
    return None


def _eol(text: str, pos: int, end: int) -> int:
    """End of the line at ``pos``: a newline or a page break, whichever comes first."""
    nl = text.find("\n", pos, end)
    ff = text.find("\f", pos, end)
    cands = [x for x in (nl, ff) if x != -1]
    return min(cands) if cands else end


def find_sections(text: str, start: int, end: int, pages: Sequence[Page]) -> tuple[Section, ...]:
    """Sections of ``text[start:end]``: from each heading line to the next one."""
    heads: list[tuple[int, SectionKind, str]] = []
    pos = start
    while pos < end:
        nl = _eol(text, pos, end)
        line = text[pos:nl]
        kind = _section_kind(line.strip(PAGE_SEP))
        if kind:
            heads.append((pos + (len(line) - len(line.lstrip(PAGE_SEP + " "))), kind, line.strip(PAGE_SEP + " :")))
        pos = nl + 1
    out = []
    for i, (s, kind, title) in enumerate(heads):
        e = heads[i + 1][0] if i + 1 < len(heads) else end
        while e > s and text[e - 1] in "\n\f ":
            e -= 1
        out.append(Section(kind, title, s, e, page_at(pages, s), page_at(pages, max(s, e - 1))))
    return tuple(out)
