"""Tables of contents in a protocol: a run of § lines with titles and no bodies between them,
often under "Innehållsförteckning"/"Ärendelista" or with page numbers and dotted leaders, whose
numbers come back as headings further on. structure.py leaves them out of the items and lets
them bound which numbers may be items.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

from .sections import section_kind

if TYPE_CHECKING:
    from .structure import Cand, Ln

_TOC_TITLE = re.compile(
    r"^(?:innehåll(?:sförteckning)?|ärendelista|ärendeförteckning|föredragningslista|dagordning|"
    r"förteckning över ärenden|ärenden(?:\s+sida)?|paragrafer|§§|index)\s*:?$", re.IGNORECASE)
_TOC_LEADER = re.compile(r"(?:\.{3,}|(?:\. ){3,}|…{2,}|_{3,})\s*\d{0,4}\s*$|\s\d{1,3}$")


def _is_toc_run(run: list[Cand], lines: list[Ln], later: set[int]) -> bool:
    """A run of § lines without bodies is a table of contents when its numbers come back as
    headings later on, or most of them stand on consecutive lines, or it stands under a title
    like "Innehållsförteckning", or most of its lines end in page numbers or dotted leaders."""
    nums = [c.num for c in run]
    if sum(n in later for n in nums) >= max(2, 0.6 * len(nums)):
        return True
    adjacent = sum(b.idx - a.idx == 1 for a, b in pairwise(run))
    if len(run) >= 3 and adjacent >= 0.6 * (len(run) - 1):
        return True  # § lines one after another: a list of items, not the items themselves
    first = run[0].idx
    above = [ln.text.strip() for ln in lines[max(0, first - 4):first] if ln.text.strip()]
    if any(_TOC_TITLE.match(t) for t in above):
        return True
    ends = sum(bool(_TOC_LEADER.search(lines[c.idx].text.rstrip()))
               or any(_TOC_LEADER.search(lines[j].text.rstrip()) and re.search(r"\.{3}|…|_{3}", lines[j].text)
                      for j in range(c.idx + 1, min(c.idx + 3, len(lines))))
               for c in run)
    return ends * 2 > len(run) and len(run) >= 3


def find_toc(lines: list[Ln], cands: list[Cand]) -> list[list[Cand]]:
    """Runs of heading candidates that form tables of contents: three or more § lines in a
    row (two when numbers come back later), each at most three short lines from the next,
    with no section heading between them."""
    runs: list[list[Cand]] = []
    cur: list[Cand] = []
    for c in cands:
        if cur and _close(cur[-1], c, lines):
            cur.append(c)
            continue
        if cur:
            runs.append(cur)
        cur = [c]
    if cur:
        runs.append(cur)
    out: list[list[Cand]] = []
    chain: list[Cand] = []  # the table of contents read so far, to see whether it goes on
    for run in runs:
        after = run[-1].idx
        later = {c.num for c in cands if c.idx > after}
        if chain and chain[-1].idx < run[0].idx and _goes_on(chain, run[0], lines):
            out.append(run)  # the contents go on past a title that wrapped over several lines
            chain += run
            continue
        chain = []
        if len(run) == 1:
            if run[0].num in later and _lone_toc_entry(run[0], lines):
                out.append(run)
            continue
        if (len(run) >= 3 or all(c.num in later for c in run)) and _is_toc_run(run, lines, later):
            out.append(run)
            chain = list(run)
    return out


# a page reference in a table of contents: "7", "33 - 34", "12–14"
_PAGE_REF = re.compile(r"^\d{1,4}(?:\s*[-–]\s*\d{1,4})?$")


def _goes_on(toc: list[Cand], c: Cand, lines: list[Ln]) -> bool:
    """A § line soon after a table of contents, on the same page, still belongs to it when only
    a few short lines stand between — titles that wrapped and page references ("33 - 34") — and
    no section heading, and the contents give page references (between these lines or between
    their own): a body starts on its own text, not on a page number."""
    last = toc[-1]
    if c.num <= last.num or c.idx - last.idx > 7 or lines[c.idx].page != lines[last.idx].page:
        return False
    between = [ln.text.strip() for ln in lines[last.idx + 1:c.idx] if ln.text.strip()]
    if any(len(t) > 100 or section_kind(t) for t in between):
        return False
    span = [ln.text.strip() for ln in lines[toc[0].idx:last.idx + 3]]
    return any(_PAGE_REF.match(t) for t in between) or sum(bool(_PAGE_REF.match(t)) for t in span) >= 3


def _lone_toc_entry(c: Cand, lines: list[Ln]) -> bool:
    """The one § of an extract's index page ("Innehåll" / "§ 75 Dnr VO-2024-00167" / its title /
    "....... 3"): under an index title and ended by a dotted leader and page number, with the same
    § heading again further on."""
    above = [ln.text.strip() for ln in lines[max(0, c.idx - 4):c.idx] if ln.text.strip()]
    if not above or not _TOC_TITLE.match(above[-1]):
        return False
    after = [ln.text.rstrip() for ln in lines[c.idx:c.idx + 5] if ln.text.strip()]
    return any(re.search(r"(?:\.{3,}|…{2,}|_{3,})\s*\d{1,4}$", t) for t in after)


def _close(a: Cand, b: Cand, lines: list[Ln]) -> bool:
    if b.num <= a.num or b.idx - a.idx > 4:
        return False
    between = [ln.text.strip() for ln in lines[a.idx + 1:b.idx] if ln.text.strip()]
    return (len(between) <= 3 and sum(len(t) for t in between) < 300
            and not any(section_kind(t) for t in between))
