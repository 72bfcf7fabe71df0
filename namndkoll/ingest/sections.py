"""Sections of a § item: the parts under heading lines such as Ärendebeskrivning, Beredning,
Yrkanden, Beslutsgång, Omröstning, Beslut, Reservation, Protokollsanteckning, Expedieras till,
Beslutsunderlag — as the meeting systems print them (Meetings Plus, Göteborg, Finland-Swedish
"Välfärdsnämndens beslut:", older Word protocols). A section heading is a short line of its
own, optionally ending in a colon, that names one of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import cast

from ..types import PAGE_SEP, Page, Section, SectionKind, page_at

__all__ = ["SECTION_HEADINGS", "find_sections", "section_kind"]

_FROM = r"( från [^.]{1,40}| \([^)]{1,20}\))?"
# (kind, heading regex on a whole line). Order matters: first match wins.
SECTION_HEADINGS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (cast(SectionKind, k), re.compile(p, re.IGNORECASE)) for k, p in (
        ("protokollsanteckning", rf"(protokolls)?anteckning(ar)?{_FROM}"),
        ("sarskilt_uttalande", rf"särskil(t|da) (uttalande|yttrande)(n|na)?{_FROM}"),
        ("reservation", r"reservation(er)?( från [^.]{1,40}| \([^)]{1,20}\)| mot beslutet)?"),
        ("yrkanden", r"(tilläggs|ändrings|avslags|återremiss)?yrkande(n)?( under överläggningen| på sammanträdet)?"),
        ("propositionsordning", r"(propositionsordning|beslutsgång|proposition|beslutsordning)( och beslutsgång)?"),
        ("omrostning", r"(omröstning|votering|omröstningsresultat|voteringsresultat|voteringslista|omröstningslista)"),
        ("jav", r"(jäv|anmälan om jäv|jäv anmäls)"),
        ("forslag", (r"(förslag|förslag till beslut( på sammanträdet| i korthet)?|beslutsförslag"
                     r"|[a-zåäö]+(utskottets|nämndens|styrelsens|förvaltningens|kontorets) förslag( till beslut)?"
                     # Ciceron: what a styrelse decides to propose to the assembly
                     r"|beslut ?[–—-] ?förslag till [a-zåäö]+)")),
        ("beslut", (r"(beslut|beslutet|[a-zåäö]+(nämndens|styrelsens|fullmäktiges|revisorernas|utskottets) beslut"
                    r"|nämndens beslut|beslut i korthet)")),
        ("beredning", r"(beredning|ärendets beredning|tidigare behandling)"),
        ("expedieras", r"((beslutet|protokollsutdrag(et)?) )?(expedieras|skickas|sänds) till|sändlista|expediering"),
        ("beslutsunderlag", r"(beslutsunderlag|handling(ar)?( i ärendet)?|underlag för beslut(et)?)"),
        ("arendet", (r"(ärendet|ärendebeskrivning|beskrivning av ärendet|sammanfattning( av ärendet)?|bakgrund"
                     r"|ärendet i korthet)")),
    )
)
# all of them in one pattern, first match first (one regex call per line, not thirteen)
_ANY_HEADING = re.compile("|".join(f"(?P<k{i}>{rx.pattern})" for i, (_k, rx) in enumerate(SECTION_HEADINGS)),
                          re.IGNORECASE)
_HEADING_SHAPE = re.compile(r"^[A-ZÅÄÖ][^\n]{0,70}$")
# "Bildningsdirektör/t välfärdschef Teresia Tötermann-Engströms förslag:" (Finland): an
# officer's proposal, by name and with its colon (a wrapped sentence may end in "...s förslag",
# and "Enligt kommunstyrelsens förslag:" opens a decision)
_PROPOSER = re.compile(r"^[A-ZÅÄÖ][^.:\n]{2,80} [A-ZÅÄÖ][\w-]*s förslag( till beslut)?\s*:$")


def section_kind(line: str) -> SectionKind | None:
    """The kind of section ``line`` heads, if it is a section heading."""
    line = line.strip().strip(PAGE_SEP)
    if _PROPOSER.match(line):
        return "forslag"
    line = line.rstrip(":").strip()
    if not _HEADING_SHAPE.match(line) or line.endswith("."):
        return None
    m = _ANY_HEADING.fullmatch(line)
    return SECTION_HEADINGS[int(m.lastgroup[1:])][0] if m and m.lastgroup else None


def _eol(text: str, pos: int, end: int) -> int:
    """End of the line at ``pos``: a newline or a page break, whichever comes first."""
    nl = text.find("\n", pos, end)
    ff = text.find("\f", pos, end)
    cands = [x for x in (nl, ff) if x != -1]
    return min(cands) if cands else end


def find_sections(text: str, start: int, end: int, pages: Sequence[Page]) -> tuple[Section, ...]:
    """Sections of ``text[start:end]``: from each heading line to the next one. A heading
    right under another of the same kind ("Beslut" / "Kommunfullmäktiges beslut:") belongs
    to the first."""
    heads: list[tuple[int, SectionKind, str]] = []
    pos = start
    last_end = -1
    while pos < end:
        nl = _eol(text, pos, end)
        line = text[pos:nl]
        kind = section_kind(line)
        if kind:
            if not (heads and heads[-1][1] == kind and not text[last_end:pos].strip(PAGE_SEP + " \n:")):
                heads.append((pos + (len(line) - len(line.lstrip(PAGE_SEP + " "))), kind, line.strip(PAGE_SEP + " :")))
            last_end = nl
        pos = nl + 1
    out = []
    for i, (s, kind, title) in enumerate(heads):
        e = heads[i + 1][0] if i + 1 < len(heads) else end
        while e > s and text[e - 1] in "\n\f ":
            e -= 1
        out.append(Section(kind, title, s, e, page_at(pages, s), page_at(pages, max(s, e - 1))))
    return tuple(out)
