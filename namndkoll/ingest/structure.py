"""Protocol structure: § items and their sections (Beslut, Yrkanden, Reservation, ...).

Works on the clean pages from ``pdf.py``, with their line layout when it is known. A §
heading is a line that starts with a § number in one of the forms the meeting systems print:
``§ 17 0120/22`` (Göteborg), ``§ 44 2026.156 BUN`` with the title on the next line (Meetings
Plus), ``§ 2 Ärendenummer SLK-2023-00027:45``, ``KS § 1`` and ``§ 3 a`` (older Word
protocols), ``39 § Sammanträdets laglighet`` (Finland). § numbers only grow within a protocol,
so a wrapped reference like "§ 9 kommunallagen" at a line start is not taken for a heading,
and a heading set like the others (left margin, same font) outweighs one that is not. On
OCR'd pages, where Tesseract reads the sign as "8", "$", "&" and the like ("41 8 Titel",
"8 42 Titel"), a heading is also read through the misread sign (``_ocr_readings``), the
page text left as OCR read it.

A table of contents — a run of § lines with titles and no bodies between them, often under
"Innehållsförteckning"/"Ärendelista" or with page numbers and dotted leaders, whose numbers
come back as headings further on — never becomes the items; it bounds which numbers may.
Titles are whole: the heading line's words after number and diarienummer, else the lines
after it that are set as a title (bold or larger than the body when the layout says so,
else by the shape of the text; ``item_titles.py``); an extract's "§ 59, N609-4635/23" line
has its title above it. Tables of contents are read by ``toc.py``, sections by their heading
lines (``sections.py``).
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import PAGE_SEP, Item, Line, Metadata, Page, page_at
from .bundles import EXTRACT_WORD, HEAD_DATE, extract_blocks, own_origins, page_origins, with_origin
from .item_titles import META_LINE, TITLE_STRIP, item_dnr, item_title, same_font
from .metadata import read_metadata
from .sections import SECTION_HEADINGS, find_sections
from .toc import find_toc

__all__ = ["SECTION_HEADINGS", "Body", "Cand", "Ln", "analyze", "find_items", "find_sections", "find_toc"]


@dataclass(frozen=True)
class Ln:
    """A line of the document text: its span, page, and layout when known."""

    start: int
    end: int
    text: str
    page: int
    layout: Line | None
    ocr: bool = False  # read by OCR, which takes "§" for "8" or "S" now and then


def _lines(text: str, pages: Sequence[Page]) -> list[Ln]:
    out: list[Ln] = []
    for p in pages:
        by_start = {ln.start: ln for ln in p.lines}
        pos = 0
        for raw in p.text.split("\n"):
            s = p.start + pos
            out.append(Ln(s, s + len(raw), raw, p.number, by_start.get(pos), p.ocr == "ocr"))
            pos += len(raw) + 1
    if not pages:  # text alone
        pos = 0
        for raw in re.split(r"[\n\f]", text):
            out.append(Ln(pos, pos + len(raw), raw, 1, None))
            pos += len(raw) + 1
    return out


# ---- § heading candidates ---------------------------------------------------------------

# "§ 17 ...", "§17", "§ 3 a ...", "KS § 1 ...", "BUN AU § 4"; and the Finnish "39 § ..." (not a
# footnote's "2 §34 Lag (2006:412) om …": a number glued after the sign is the § referred to)
_HEAD = re.compile(
    r"^[ \t]*(?:(?P<org>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5}(?:[ \t][A-ZÅÄÖ]{1,4})?)[ \t]+)?§[ \t]*(?P<num>\d{1,4})"
    r"(?:[ \t]?(?P<letter>[a-e])\b)?(?P<rest>[^\n]*)$"
    r"|^[ \t]*(?P<fnum>\d{1,4})[ \t]*§(?![§\d])(?P<frest>[^\n]*)$")
# what follows a § number that cites rather than heads: "§ 9 kommunallagen", "§ 22, att", a
# range "§ 57-§ 73" / "§ 57–73" (a cover's "Paragraf" line), "§ 71/25" (a bilaga's § and year)
_REFERENCE = re.compile(r"^(?:st|mom|kap|p|och|resp|samt|i|enligt)\b|^[,;.)]|^[-–—]\s*(?:§\s*)?\d|^/\s*\d")
_END_MATTER = re.compile(
    r"^(?:anvisning för begäran om omprövning|besvärsanvisning|besvärshänvisning|"
    r"överklagandehänvisning|hur man överklagar|anvisning om hur man överklagar|"
    r"omprövningsanvisning)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cand:
    idx: int  # index into the lines
    num: int
    label: str  # "9", "12 a"
    rest: str  # the heading line after the number
    finnish: bool
    above: bool = False  # "§ 59, N609-4635/23" in an extract: the title stands on the lines above
    guess: str = ""  # what OCR read for the sign of this heading ("8", "$", ...); "" if it read "§"
    alt: bool = False  # the second reading of an OCR line that reads both ways ("8 3 Titel")


# What Tesseract (swe) makes of the sign in a heading; it never read "§" on reportlab pages set
# in Liberation Sans/Serif and DejaVu Sans, 11/14 pt, regular/bold, scanned at 150-300 dpi, nor
# on Nykarleby's OCR'd pages: "41 8 Titel" (most often), "41 &", "43 $", "41 3", glued "418";
# "8 42 Titel", "$ 42", "& 42", "5 44", "3 45", glued "844", "$44"; "KS 8 48", "KS 848".
_SIGNS, _LETTER_SIGNS = "8S$&53", "8S$&"  # "5" and "3" only where the § numbers run on
_OCR_FIN = re.compile(r"^[ \t]*(?P<num>\d{1,3})(?:[ \t](?P<sign>[8S$&53])|(?P<glued>[8S$&]))(?P<rest>[ \t][^\n]*)$")
_OCR_SWE = re.compile(r"^[ \t]*(?:(?P<org>[A-ZÅÄÖ]{1,5}(?:[ \t][A-ZÅÄÖ]{1,4})?)[ \t]+)?"
                      r"(?:(?P<sign>[8S$&53])[ \t]|(?P<glued>[8S$&]))(?P<num>\d{1,3})(?P<rest>(?:[ \t][^\n]*)?)$")
# what may follow a guessed sign and number: a title, or (the sign before the number) nothing —
# the title on the next line — or a diarienummer "2022.156"/"2022/123" (Meetings Plus); not a
# running head's date ("438 15.09.2022 Sida" above Nykarleby's "438 Anmälningsärenden")
_OCR_REST = re.compile(r"^\s*(?:[A-ZÅÄÖ\"”»]|$)")
_OCR_DNR = re.compile(r"^\s*\d{4}[./]\d")
# a sign read as a digit glued to the number ("385 2026.019 KS" for "§ 85 2026.019 KS"): taken
# only before a Meetings Plus diarienummer, the one place a line opens with a number and a dnr
_OCR_GLUED_DIGIT = re.compile(r"^[ \t]*(?P<sign>[35])(?P<num>\d{1,3})(?P<rest>[ \t]+\d{4}\.\d{1,4}[ \t]+[A-ZÅÄÖ][^\n]*)$")
# a Beslutsunderlag entry whose bullet OCR dropped: "$26 KS Årsbokslut 2025 …", "8 3 VON - Årsbokslut
# …", "843 KSAU Årsredovisning …" — another body's § (its short name after the number), cited
_OCR_CITED_BODY = re.compile(r"^(?:[A-ZÅÄÖ]{2,5})[ \t]*(?:[-–][ \t]*\S|[ \t]+[A-ZÅÄÖ][a-zåäö])")
# a Meetings Plus heading: the number, then the case's diarienummer ("§ 105 2026.220 KS")
_MP_HEAD = re.compile(r"^\d{4}\.\d{1,4}\b")


def _ocr_readings(text: str) -> list[tuple[str, str]]:
    """The line as it reads with OCR's misread sign put back ("41 8 Titel" -> "41 § Titel"),
    and the sign OCR read; both readings of a line that reads both ways ("8 3 Titel")."""
    out = []
    if (m := _OCR_FIN.match(text)) and _OCR_REST.match(m.group("rest")) and m.group("rest").strip():
        out.append((f"{m.group('num')} §{m.group('rest')}", m.group("sign") or m.group("glued")))
    if (m := _OCR_SWE.match(text)) and (_OCR_REST.match(m.group("rest")) or _OCR_DNR.match(m.group("rest"))):
        org = f"{m.group('org')} " if m.group("org") else ""
        out.append((f"{org}§ {m.group('num')}{m.group('rest')}", m.group("sign") or m.group("glued")))
    elif m := _OCR_GLUED_DIGIT.match(text):
        out.append((f"§ {m.group('num')}{m.group('rest')}", m.group("sign")))
    return out


def _candidates(lines: list[Ln], blocks: dict[int, int] | None = None) -> list[Cand]:
    """§ heading candidates; ``blocks`` (page -> bundled extract) admits an extract's
    "§ 59, N609-4635/23" line under its title, which elsewhere reads as a citation."""
    out = []
    for k, ln in enumerate(lines):
        if "§" in ln.text:
            readings = [(ln.text, "")]
        elif ln.ocr:  # the quote keeps what OCR read; only the heading is read through it
            readings = _ocr_readings(ln.text)
        else:
            continue
        for n, (text, guess) in enumerate(readings):
            if (c := _candidate(lines, k, text, blocks)) is None:
                continue
            if ln.ocr and _OCR_CITED_BODY.match(c.rest):
                continue  # a cited § of another body in a list whose bullets OCR lost
            if guess and not c.rest and not _title_next(lines, k):
                continue  # "5 44" over a number, not a title: a table's row
            out.append(dataclasses.replace(c, guess=guess, alt=n > 0) if guess else c)
    return out


def _title_next(lines: list[Ln], k: int) -> bool:
    """The next line with text on line ``k``'s page starts like a title (a capital letter)."""
    nxt = next((ln.text.strip() for ln in lines[k + 1:k + 3] if ln.text.strip() and ln.page == lines[k].page), "")
    return nxt[:1].isupper()


def _candidate(lines: list[Ln], k: int, text: str, blocks: dict[int, int] | None) -> Cand | None:
    """The § heading candidate that line ``k`` reads as ``text``, if it is one."""
    m = _HEAD.match(text)
    if not m:
        return None
    if m.group("fnum"):
        num, letter, rest, fin = m.group("fnum"), None, m.group("frest").strip(), True
    else:
        num, letter, rest, fin = m.group("num"), m.group("letter"), m.group("rest").strip(), False
        if m.group("org") and m.group("org").lower() in ("och", "enligt", "se", "i", "samt"):
            return None
    above = not fin and blocks is not None and lines[k].page in blocks and _dnr_after_comma(rest) \
        and _title_above(lines, k) is not None
    if not above and (rest[:1].islower() or _REFERENCE.match(rest) or rest.startswith("§")):
        return None  # "§ 9 kommunallagen", "§ 22, att": a reference, not a heading
    if (fin or "§" not in lines[k].text) and _wrapped_reference(lines, k):
        return None  # "… medge undantag från" / "39 § BS, eftersom …": a law's § cited, wrapped
    if fin and not rest:
        return None  # "36 §" alone: a reference that wrapped
    label = num + (f" {letter}" if letter else "")
    return Cand(k, int(num), label, rest, fin, above)


def _dnr_after_comma(rest: str) -> bool:
    """The heading line goes on with a comma and a diarienummer only (", N609-4635/23")."""
    if not rest.startswith(","):
        return False
    dnr = rest[1:].strip()
    return bool(dnr) and TITLE_STRIP.match(dnr) is not None and not TITLE_STRIP.sub("", dnr, count=1).strip()


def _title_above(lines: list[Ln], k: int) -> list[Ln] | None:
    """The title lines set over an extract's "§ N, dnr" line ("Yrkande från S, V och MP om" /
    "kompletteringsbudget" / "§ 59, N609-4635/23"): the lines just above it on its page, below
    the extract's running head, in one font where the layout is known; none when the line
    above ends a sentence or a clause (a § cited in running text) or is the head itself."""
    head = lines[k]
    out: list[Ln] = []
    j = k - 1
    while j >= 0 and lines[j].page == head.page and len(out) < 4:
        ln = lines[j]
        t = ln.text.strip().strip(PAGE_SEP)
        if not t:
            if out:
                break
            j -= 1
            continue
        if EXTRACT_WORD.match(t) or HEAD_DATE.search(t) or META_LINE.match(t) or t.endswith((".", ":", ";")):
            break
        if not out and (t.endswith(",") or _OPEN_END.search(t)):
            return None  # the sentence above runs on into the § it cites
        if out and out[0].layout is not None and ln.layout is not None and not same_font(ln, out[0]):
            break
        out.insert(0, ln)
        j -= 1
    return out or None


# a line that cannot end before a heading: it stops on a preposition or conjunction, so the
# "N §" line after it continues its sentence, citing a law's or a plan's paragraph the way
# Swedish text does ("särskilda skäl att medge undantag från" / "39 § BS, eftersom …"); not
# for "§ N" lines, whose wrapped title above may end so in a table of contents
_OPEN_END = re.compile(r"(?:^|\s)(?:från|enligt|jämlikt|av|med|till|i|om|och|eller|samt|mot|vid|"
                       r"enl\.|kap\.|kapitlet|st\.|stycket)$", re.IGNORECASE)


def _wrapped_reference(lines: list[Ln], k: int) -> bool:
    """The § line ``k`` goes on with the sentence of the line just above it on its page."""
    if k == 0:
        return False
    above = lines[k - 1]
    return above.page == lines[k].page and bool(_OPEN_END.search(above.text.rstrip()))


# ---- tables of contents -----------------------------------------------------------------

def table_of_contents(pages: Sequence[Page]) -> tuple[int, ...]:
    """The § numbers that the document's tables of contents list (none: ``()``)."""
    lines = _lines(PAGE_SEP.join(p.text for p in pages), pages)
    return tuple(sorted({c.num for run in find_toc(lines, _candidates(lines)) for c in run}))


# ---- the chain of headings --------------------------------------------------------------

Style = tuple[float, bool]


class Body:
    """The (size, bold) of most characters of each page and of the document, when the layout
    is known: what a heading is set apart from (a page's own, since page fonts differ)."""

    def __init__(self, lines: list[Ln]) -> None:
        per: dict[int, Counter[Style]] = {}
        for ln in lines:
            if ln.layout is not None and ln.layout.size > 0:
                per.setdefault(ln.page, Counter())[(ln.layout.size, ln.layout.bold)] += ln.end - ln.start
        total: Counter[Style] = Counter()
        for c in per.values():
            total.update(c)
        self.doc: Style | None = total.most_common(1)[0][0] if total else None
        self.page = {p: c.most_common(1)[0][0] for p, c in per.items() if sum(c.values()) >= 300}

    def known(self) -> bool:
        return self.doc is not None

    def styled(self, ln: Ln) -> bool:
        """Set apart from the body text: bold where the body is not, or larger."""
        body = self.page.get(ln.page, self.doc)
        if body is None or ln.layout is None or ln.layout.size <= 0:
            return False
        return (ln.layout.bold and not body[1]) or ln.layout.size >= body[0] + 0.9


def _weights(cands: list[Cand], lines: list[Ln], body: Body) -> list[float]:
    """1 per candidate (0.75 for one whose sign OCR misread, so that a line with the sign read
    wins over it), and up to 0.5 more for one set like most candidates (same font, same left
    edge) or whose line or next line stands out as a heading."""
    if not body.known():
        return [0.75 if c.guess else 1.0 for c in cands]

    def style(c: Cand) -> tuple[float, bool, int] | None:
        lay = lines[c.idx].layout
        return (lay.size, lay.bold, round(lay.x0 / 6)) if lay else None

    common = Counter(style(c) for c in cands).most_common(1)[0][0]
    out = []
    for c in cands:
        w = 0.75 if c.guess else 1.0
        if common is not None and style(c) == common:
            w += 0.25
        nxt = next((ln for ln in lines[c.idx + 1:c.idx + 3] if ln.text.strip()), None)
        if body.styled(lines[c.idx]) or (nxt is not None and body.styled(nxt)):
            w += 0.25
        out.append(w)
    return out


def _chain(cands: list[Cand], weights: list[float]) -> list[Cand]:
    """The heaviest run of candidates, in text order, whose § numbers grow by 1 to 40 each step
    (a protocol's §§ only grow; stray references in the text break the run and are dropped);
    "§ 3 a" may follow "§ 3"."""
    if not cands:
        return []
    best = list(weights)
    prev = [-1] * len(cands)
    for i, c in enumerate(cands):
        for j in range(max(0, i - 200), i):
            d = cands[j]
            grows = d.num < c.num <= d.num + 40 or (d.num == c.num and c.label > d.label and " " in c.label)
            if grows and best[j] + weights[i] > best[i]:
                best[i], prev[i] = best[j] + weights[i], j
    i = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while i != -1:
        chain.append(cands[i])
        i = prev[i]
    return chain[::-1]


def _restarts(cands: list[Cand]) -> dict[int | None, list[Cand]]:
    """The candidates in one numbering, or split where a Meetings Plus heading ("§ 89 2026.112
    KS") does not go on from the one before it (§ 89 after § 105): extracts of other meetings
    put one after another (a nämnd's bundle of KS and KF extracts whose heads OCR garbled), each
    numbered its own way. In one protocol these headings only grow, so it stays one numbering."""
    groups: dict[int | None, list[Cand]] = {None: []}
    key: int | None = None
    last: int | None = None
    for c in cands:
        if not c.finnish and _MP_HEAD.match(c.rest):
            if last is not None and c.num <= last:
                key = c.idx
                groups[key] = []
            last = c.num
        groups[key].append(c)
    return groups


def _trusted(heads: list[Cand]) -> list[Cand]:
    """The chain without the headings whose sign OCR misread and that neither run on from or
    into a neighbour's number (41 after 40, or before 42) nor look like a heading on their own:
    a title after a sign that OCR reads for "§" often ("41 8 Godkännande …"), or a Meetings Plus
    diarienummer ("8 89 2026.112 KS"), not a digit it reads for it now and then ("41 3", "5 44")
    nor a line with nothing after the number."""
    out = []
    for i, c in enumerate(heads):
        prev = heads[i - 1].num if i > 0 else None
        nxt = heads[i + 1].num if i + 1 < len(heads) else None
        runs = prev in (c.num - 1, c.num) or nxt in (c.num + 1, c.num)
        titled = c.guess in _LETTER_SIGNS and _OCR_REST.match(c.rest) is not None and bool(c.rest)
        if not c.guess or runs or titled or _MP_HEAD.match(c.rest):  # "8 89 2026.112 KS": a dnr after it
            out.append(c)
    return out


# ---- items ------------------------------------------------------------------------------

def analyze(pages: Sequence[Page], *, source: str = "") -> tuple[Metadata, tuple[Item, ...]]:
    """Metadata and § items of a document made of clean ``pages`` (offsets already set)."""
    text = PAGE_SEP.join(p.text for p in pages)
    items = find_items(text, pages)
    md = read_metadata(pages, items, source=source)
    return md, own_origins(items, md)


def find_items(text: str, pages: Sequence[Page]) -> tuple[Item, ...]:
    """§ items in reading order; each runs to the next § heading or the end of the protocol
    (a closing appeal instruction is not part of the last one)."""
    lines = _lines(text, pages)
    blocks = extract_blocks(lines)
    cands = _candidates(lines, blocks)
    tocs = find_toc(lines, cands)
    in_toc = {c.idx for run in tocs for c in run}
    cands = [c for c in cands if c.idx not in in_toc]
    if tocs:  # the items are those the table of contents lists, in its range
        lo = min(c.num for run in tocs for c in run)
        hi = max(c.num for run in tocs for c in run)
        bounded = [c for c in cands if lo <= c.num <= hi]
        if len(bounded) * 2 >= len(cands):
            cands = bounded
    if not cands:
        return ()
    one = [c for c in cands if not c.alt]  # a line that reads both ways votes once
    finnish = sum(c.finnish for c in one) * 2 > len(one)
    cands = [c for c in cands if c.finnish == finnish]  # one numbering style per protocol
    body = Body(lines)
    weights = dict(zip((c.idx for c in cands), _weights(cands, lines, body), strict=True))
    groups: dict[int | None, list[Cand]] = {}
    for c in cands:
        groups.setdefault(blocks.get(lines[c.idx].page), []).append(c)
    if len(groups) < 2:  # one protocol (or one extract): one numbering
        groups = _restarts(cands)
    # a bundle of other bodies' extracts: each numbered apart by its head, or starting over
    origins = page_origins(lines) if blocks or len(groups) >= 2 else {}
    # bundled extracts of other protocols each number their §§ their own way
    heads = sorted((h for g in groups.values() for h in _chain(g, [weights[c.idx] for c in g])),
                   key=lambda c: c.idx)
    heads = _trusted(heads)
    block_end = {b: max(ln.end for ln in lines if blocks.get(ln.page) == b) for b in set(blocks.values())}
    items = []
    for i, c in enumerate(heads):
        ln = lines[c.idx]
        if i + 1 < len(heads):
            end = lines[heads[i + 1].idx].start
        else:
            end = next((x.start for x in lines[c.idx + 1:] if _END_MATTER.match(x.text.strip())), len(text))
        if (b := blocks.get(ln.page)) in block_end:
            end = min(end, block_end[b])  # an extract ends with its last page
        elif (o := origins.get(ln.page)) is not None:
            # a whole protocol bundled beside the extracts ("Protokoll nr 3") ends with the last
            # page under its head, not at the next extract after the papers between them
            last = ln.page
            while origins.get(last + 1) == o:
                last += 1
            end = min(end, max(x.end for x in lines if x.page == last))
        while end > ln.start and text[end - 1] in "\n\f ":
            end -= 1
        start = ln.start
        if c.above and (over := _title_above(lines, c.idx)):
            # the heading as printed starts with its title over the "§ N, dnr" line
            title, body_start, start = " ".join(x.text.strip() for x in over), ln.end + 1, over[0].start
        else:
            title, body_start = item_title(lines, c, end, body)
        sections = find_sections(text, body_start, end, pages)
        dnr = item_dnr(lines, c, title)
        items.append(with_origin(Item(c.label, title, start, end, ln.page, page_at(pages, max(ln.start, end - 1)),
                                      sections, dnr), origins.get(ln.page)))
    return tuple(items)
