"""The title and diarienummer of a § item: the heading line's words after number and
diarienummer, else the lines after it that are set as a title (bold or larger than the body
when the layout says so, else by the shape of the text).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import PAGE_SEP
from .diarienummer import find_diarienummer
from .sections import section_kind

if TYPE_CHECKING:
    from .structure import Body, Cand, Ln

# the diarienummer and codes a heading line carries before (or instead of) the title:
# "0120/22", "2026.156 BUN", "Ärendenummer SLK-2023-00027:45", "Dnr KS 2023/123", "KS 2019.123"
TITLE_STRIP = re.compile(
    r"^(?:(?:[ÄäAa]rendenummer|[Dd]iarienummer|[Dd]iarienr\.?|[Dd]nr\.?|DNR)\s*:?\s*)?"
    r"(?:(?:19|20)\d\d\.\d{1,5}(?:\s+[A-ZÅÄÖ]{2,6}(?:[ -]AU)?(?=\s|$))?"
    r"|(?:(?:[A-ZÅÄÖ]{1,6} )?[A-ZÅÄÖ]{1,6}[ /-]?\d[\d/:.\-]*\d|\d+[/:.\-]\d[\d/:.\-]*)(?:[-:.]\d+)*)\s*")
_TRAILING_DNR = re.compile(r"\s*[(,]?\s*(?:Dnr|Diarienummer|Ärendenummer)\.?:?\s+\S+(?:\s\S+)?\)?\s*$",
                           re.IGNORECASE)
_LABEL_ONLY = re.compile(r"^(?:Ärendenummer|Diarienummer|Dnr)\b\s*:?\s*$", re.IGNORECASE)
# the page number of a running header the text layer set on the heading's line ("SN § 82  Sida 14 av 16")
_PAGE_LABEL = re.compile(r"^Sid(?:a|an)\s+\d{1,4}(?:\s*(?:av|\(|/)\s*\d{1,4}\)?)?$", re.IGNORECASE)
_DATE_ONLY = re.compile(r"^(?:19|20)\d\d-\d\d-\d\d$")
# a second diarienummer after the first ("SN § 12  SN/2025:23, SN/2024:120")
_DNR_JOIN = re.compile(r"^(?:,|;|och\b)\s*")
# the running header's words the text layer set at the end of a title line beside it
# ("Information från förvaltningen      Sammanträdesdatum", the header's date on the next line)
_HEADER_TAIL = re.compile(r"(?:\s+(?:Sammanträdesdatum|SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll"
                          r"|Sid(?:a|an)\s+\d{1,4}\s*(?:av|/)\s*\d{1,4}))+$")
_HEADER_ONLY = re.compile(r"^(?:Sammanträdesdatum|Sammanträdesdag|SAMMANTRÄDESPROTOKOLL|Sammanträdesprotokoll)$")
META_LINE = re.compile(r"^(?:Protokoll nr|Sammanträdesdatum|Datum|Dnr|Diarienummer|Ärendenummer)\b")
_MP_DNR = re.compile(r"\b((?:19|20)\d\d\.\d{1,5}(?:\s+[A-ZÅÄÖ]{2,6}(?:[ -]AU)?)?)\b")
_FI_DNR = re.compile(r"^[A-ZÅÄÖ]{2,6}/\d{1,5}/[\d.]+/\d{4}$")


def _heading_title(c: Cand) -> str:
    if c.finnish:
        return c.rest
    title = TITLE_STRIP.sub("", c.rest, count=1)
    while title != c.rest and (j := _DNR_JOIN.match(title)):
        rest = title[j.end():]
        more = TITLE_STRIP.sub("", rest, count=1)
        if more == rest:
            break
        title = more
    title = _TRAILING_DNR.sub("", title).strip()
    # the running header's label set on the heading's line ("KS § 24    Sammanträdesdatum", its
    # date and the title on the lines below) is no title
    return "" if _LABEL_ONLY.match(title) or _PAGE_LABEL.match(title) or _HEADER_ONLY.match(title) else title


# a title line ending in a number range's hyphen ("… ekonomin åren 2027-" / "2029"): the range
# goes on without a space on the next line (a word hyphen is repaired at ingest; a digit isn't)
_RANGE_BREAK = re.compile(r"\d[-–]$")


def _join_wrapped(parts: list[str]) -> str:
    """A wrapped title's lines joined with single spaces, but a number range broken after its
    hyphen joined as printed on one line ("2027-2029", not "2027- 2029")."""
    out = ""
    for part in parts:
        out += part if out and _RANGE_BREAK.search(out) and part[:1].isdigit() else (" " if out else "") + part
    return out


def item_title(lines: list[Ln], c: Cand, end: int, body: Body) -> tuple[str, int]:
    """The § title and where the item's body starts: the heading line's words after number
    and dnr, else the next line(s) set as a title."""
    head = lines[c.idx]
    title = _heading_title(c)
    k = c.idx + 1
    if title and c.finnish and _section_sentence(lines, c.idx, end, body):
        return "", head.start  # a statute's "1 § Dessa föreskrifter innehåller …": no title, only text
    if title:
        # a title set apart from the body may wrap onto lines in the same font
        if body.styled(head):
            parts = [title]
            while k < len(lines) and lines[k].start < end and same_font(lines[k], head) \
                    and not section_kind(lines[k].text) and len(parts) < 4:
                parts.append(lines[k].text.strip())
                k += 1
            title = _join_wrapped(parts)
        return title, (lines[k].start if k < len(lines) and lines[k].start < end else head.end + 1)
    parts = []
    first: Ln | None = None
    last: Ln | None = None
    blank = False  # an empty line after the title's first line
    beside = False  # the running header stood beside the title: its date may follow
    while k < len(lines) and lines[k].start < end and len(parts) < 4:
        ln = lines[k]
        t = ln.text.strip().strip(PAGE_SEP)
        if (tail := _HEADER_TAIL.search(t)) and tail.start() > 0:
            t, beside = t[:tail.start()], True
        if not t:
            blank = first is not None
            k += 1
            continue
        if section_kind(t):
            break
        if META_LINE.match(t) or ((first is None or beside) and (
                _FI_DNR.match(t) or _DATE_ONLY.match(t) or not TITLE_STRIP.sub("", t, count=1).strip())):
            # the header's date and the item's dnr, set under a heading whose line the header took
            k += 1
            continue
        if first is not None:
            if body.styled(first):
                if not same_font(ln, first):
                    break  # the title is set apart from the body: it ends where its font does
            elif not t[:1].islower() and len(parts[-1]) < 45:
                break  # a short line ends the title unless the next plainly continues it
            elif _paragraph_break(last, ln) or (ln.layout is None and (blank or _sentence(lines, k, end))):
                break  # set like the body, the title is a paragraph of its own
        parts.append(t)
        first = first or ln
        last = ln
        k += 1
        if t.endswith((".", ":")) and not body.styled(first):
            break
    return _join_wrapped(parts), (lines[k].start if k < len(lines) and lines[k].start < end else end)


# a list item under a lead-in sentence ("5 § En parkeringsanmärkning ska innehålla uppgifter om" / "1. slag …")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|[a-z]\)|[•▪\-–])\s")
# a sentence's end: a full stop before a capital or at the line's end, a colon at the line's end
_SENTENCE_END = re.compile(r"(?<!\bm\.fl)(?<!\bbl\.a)(?<!\bt\.ex)(?<!\bnr)(?<!\bkap)(?:\.(?:[ \t]+[A-ZÅÄÖ]|[ \t]*$)|:[ \t]*$)")


def _section_sentence(lines: list[Ln], k: int, end: int, body: Body) -> bool:
    """Whether a number-first heading line in the body's own type ("1 § Dessa föreskrifter
    innehåller bestämmelser om …", a statute's or regulation's section) opens the section's
    text rather than a title: its words run on as a paragraph — the line or the lines that
    continue it in lower case end a sentence within a few lines, or they lead in to a
    numbered list. A title in the body's type ("1 § Namn och säte") is followed by a
    capitalised sentence; a wrapped one ends without a full stop; a styled heading (bold or
    larger, Nykarleby's "39 § Sammanträdets laglighet") is a title whatever follows."""
    head = lines[k]
    if head.layout is None or not body.known() or body.styled(head):
        return False
    text = head.text.strip()
    for i in range(k + 1, min(k + 5, len(lines))):
        if _SENTENCE_END.search(text):
            return True
        ln = lines[i]
        t = ln.text.strip().strip(PAGE_SEP)
        if ln.start >= end or not t or ln.page != head.page:
            return False
        if _LIST_ITEM.match(t):
            return True
        if not t[:1].islower() and not t.startswith("."):
            return False
        text = t
    return bool(_SENTENCE_END.search(text))


def _paragraph_break(a: Ln | None, b: Ln) -> bool:
    """Line ``b`` starts a new paragraph after line ``a``: the space between them is more than
    half a line (a wrapped title keeps its lines' spacing; the text under it follows a gap)."""
    if a is None or a.page != b.page or a.layout is None or b.layout is None:
        return False
    height = a.layout.bottom - a.layout.top
    return height > 0 and b.layout.top - a.layout.bottom > 0.6 * height


def _sentence(lines: list[Ln], k: int, end: int) -> bool:
    """A capitalised line that ends a sentence, alone or with the next line ("Protokoll för
    ärende om tillsyn … publiceras inte i sin helhet" / "på webben."): a note or the body
    under a title, where the layout is unknown (a title has no full stop)."""
    t = lines[k].text.strip()
    if not t[:1].isupper():
        return False
    nxt = lines[k + 1].text.strip() if k + 1 < len(lines) and lines[k + 1].start < end else ""
    return _FULL_STOP.search(t) is not None or (nxt[:1].islower() and _FULL_STOP.search(nxt) is not None)


# a full stop at the end of a line, not that of an abbreviation ("Anna Ek (S) m.fl.")
_FULL_STOP = re.compile(r"(?<!\bm\.fl)(?<!\bm\.m)(?<!\bbl\.a)(?<!\bt\.ex)(?<!\betc)(?<!\bnr)(?<!\bkap)(?<!\bresp)\.$")


def same_font(a: Ln, b: Ln) -> bool:
    if a.layout is None or b.layout is None:
        return False
    return a.layout.bold == b.layout.bold and abs(a.layout.size - b.layout.size) < 0.6


def item_dnr(lines: list[Ln], c: Cand, title: str) -> tuple[str, ...]:
    """Diarienummer of a § item: on its heading line (any form metadata knows, and Meetings
    Plus's "2026.156 BUN"), or alone on the line just above a Finnish heading."""
    head = lines[c.idx].text
    found = list(find_diarienummer(head + "\n" + title))
    if c.above and not found:
        found.append(c.rest[1:].strip())  # "§ 59, N609-4635/23"
    m = _MP_DNR.search(c.rest) if not c.finnish else None
    if m and not found and TITLE_STRIP.match(c.rest):
        found.append(m.group(1))
    if not found and not c.finnish:
        found.extend(_dnr_under(lines, c))
    for ln in lines[max(0, c.idx - 2):c.idx]:
        if _FI_DNR.match(ln.text.strip()):
            found.append(ln.text.strip())
    return tuple(dict.fromkeys(found))


def _dnr_under(lines: list[Ln], c: Cand) -> list[str]:
    """The diarienummer alone on a line under a heading whose line the running header took
    ("SN § 82   Sida 14 av 16" / "Sammanträdesdatum" / "2025-10-07" / "SN/2025:231" / title):
    the lines between the heading and the title are the header's and the item's own."""
    out: list[str] = []
    for ln in lines[c.idx + 1:c.idx + 6]:
        t = ln.text.strip().strip(PAGE_SEP).strip()
        if (tail := _HEADER_TAIL.search(t)) and tail.start() > 0:
            t = t[:tail.start()]
        if not t or _HEADER_ONLY.match(t) or _DATE_ONLY.match(t) or _PAGE_LABEL.match(t):
            continue
        dnrs = find_diarienummer(t)
        if dnrs and not TITLE_STRIP.sub("", t, count=1).strip():
            out.extend(dnrs)  # "SN/2025:231" alone
            continue
        if META_LINE.match(t) and dnrs:
            out.extend(dnrs)  # "Dnr KS 2023/512" alone
            continue
        if META_LINE.match(t):
            continue
        break  # the title: what follows is the item's text, whose case numbers are others'
    return out
