"""The plain data that flows between namndkoll's stages.

Offsets: every span is a pair of character offsets into ``Document.text``, which is the
clean text of all pages joined by a single form feed (``\\f``). ``Page.start`` is where a
page begins in that text, so ``Document.page_of(offset)`` maps any span back to its page
and ``offset - page.start`` gives the offset within the page text (what ``namndkoll show
DOC --page N`` prints). Page numbers are 1-based, as printed on the paper.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

# "unreadable": the page has a text layer that does not read as words (a broken font encoding)
# and Tesseract was not there to read it; its text is left out, like a "needs_ocr" page's
OcrState = Literal["text", "ocr", "needs_ocr", "unreadable"]
DocType = Literal[
    "protokoll",
    "protokollsutdrag",
    "tjansteskrivelse",
    "tjansteutlatande",
    "reservation",
    "sarskilt_yttrande",
    "motion",
    "skrivelse",
    "revisionsrapport",
    "initiativarende",
    "arsredovisning",
    "other",
]
# how a citation or a page names each kind (a document of kind "other" is named by its
# Metadata.kind word, "policy", "plan", or else "dokument"/"övrigt")
DOC_TYPE_NAMES: dict[str, str] = {
    "protokoll": "protokoll",
    "protokollsutdrag": "protokollsutdrag",
    "tjansteskrivelse": "tjänsteskrivelse",
    "tjansteutlatande": "tjänsteutlåtande",
    "reservation": "reservation",
    "sarskilt_yttrande": "särskilt yttrande",
    "motion": "motion",
    "skrivelse": "skrivelse",
    "revisionsrapport": "revisionsrapport",
    "initiativarende": "initiativärende",
    "arsredovisning": "årsredovisning",
}


def doc_kind_name(md: object) -> str | None:
    """What a citation calls a document: its kind's Swedish name, a kind "other" by its own word
    ("policy", "plan"), None when neither is known. ``md``: Metadata or a stored document."""
    doc_type = getattr(md, "doc_type", None) or ""
    if doc_type == "revisionsrapport":
        # the type files the auditors' other documents with their reports; a reference names what
        # is cited: "Revisorerna, Tolkförmedling Väst, revisionsberättelse 2026-04-08, s. 1" for
        # the "Revisionsberättelse för år 2025", not "revisionsrapport"
        title = (getattr(md, "title", None) or "").strip().casefold()
        named = next((k for k in AUDIT_KINDS if title.startswith(k)), None)
        if named:
            return named
    return DOC_TYPE_NAMES.get(doc_type) or (getattr(md, "kind", None) if doc_type == "other" else None)


AUDIT_KINDS = ("revisionsberättelse", "revisionsredogörelse", "revisionsplan")
# what kind of body a document comes from (Metadata.org_kind)
OrgKind = Literal["kommun", "region", "kommunalforbund", "other"]
VoteChoice = Literal["ja", "nej", "avstar", "franvarande"]
SectionKind = Literal[
    "beslut",
    "arendet",
    "yrkanden",
    "propositionsordning",
    "omrostning",
    "reservation",
    "sarskilt_uttalande",
    "protokollsanteckning",
    "jav",
    "other",
    "beredning",  # Beredning, Ärendets beredning, Tidigare behandling
    "expedieras",  # Expedieras till, Beslutet skickas till
    "beslutsunderlag",  # Beslutsunderlag, Handlingar
    "forslag",  # Förslag till beslut, Arbetsutskottets förslag, "<officer>s förslag"
]
PAGE_SEP = "\f"


@dataclass(frozen=True)
class Table:
    """A table found on one page: rows of cell strings ('' for an empty cell)."""

    page: int
    rows: tuple[tuple[str, ...], ...]
    bbox: tuple[float, float, float, float] | None = None  # x0, top, x1, bottom in PDF points
    # each cell's box, parallel to ``rows`` (None for a cell the reader drew no box for; () when
    # the table was read before cells kept their boxes)
    cells: tuple[tuple[tuple[float, float, float, float] | None, ...], ...] = ()
    # the table's title as the page sets it: a "Tabell 3 …" line under or over it, or a heading
    # right above it ("Antal årsarbetare per förvaltning"); '' when none (or read before captions)
    caption: str = ""

    def cell_box(self, row: int, col: int) -> tuple[float, float, float, float] | None:
        if row < len(self.cells) and col < len(self.cells[row]):
            return self.cells[row][col]
        return None

    def row_box(self, row: int) -> tuple[float, float, float, float] | None:
        """The row's band across the table (its cells' top and bottom, the table's width)."""
        boxes = [b for b in (self.cells[row] if row < len(self.cells) else ()) if b]
        if not boxes:
            return None
        x0 = self.bbox[0] if self.bbox else min(b[0] for b in boxes)
        x1 = self.bbox[2] if self.bbox else max(b[2] for b in boxes)
        return (x0, min(b[1] for b in boxes), x1, max(b[3] for b in boxes))


@dataclass(frozen=True)
class Line:
    """One line of a page as laid out: its span in ``Page.text`` (page-relative offsets), its box
    in PDF points measured from the page's top-left corner, and its dominant font."""

    start: int
    end: int
    x0: float
    top: float
    x1: float
    bottom: float
    size: float = 0.0  # font size in points (0: unknown, e.g. OCR)
    bold: bool = False


@dataclass(frozen=True)
class Page:
    number: int  # 1-based
    text: str  # clean body text: reading order, no running header/footer, hyphenation repaired
    start: int = 0  # offset of this page in Document.text
    header: str = ""  # running header lines removed from the body
    footer: str = ""  # running footer lines (page numbers etc.) removed from the body
    ocr: OcrState = "text"
    tables: tuple[Table, ...] = ()
    lines: tuple[Line, ...] = ()  # layout of the body lines (empty when unknown)
    width: float = 0.0  # page size in PDF points (0: unknown)
    height: float = 0.0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Section:
    """A part of a § item: Beslut, Ärendet, Yrkanden, Reservation, ..."""

    kind: SectionKind
    title: str  # the heading as written, e.g. "Särskilt uttalande"
    start: int
    end: int
    page_start: int
    page_end: int


@dataclass(frozen=True)
class Item:
    """A § item of a protocol (or, for other documents, one numbered ärende)."""

    number: str  # "9", "12 a"
    title: str
    start: int
    end: int
    page_start: int
    page_end: int
    sections: tuple[Section, ...] = ()
    diarienummer: tuple[str, ...] = ()
    # a § of another body's protocol bundled in the document (a protocol extract appended to an
    # audit report): that body and its meeting date; None for the document's own §§
    committee: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD


@dataclass(frozen=True)
class Metadata:
    title: str | None = None
    municipality: str | None = None
    committee: str | None = None  # "Socialnämnden", "Kommunfullmäktige", "Stadsrevisionen", ...
    doc_type: DocType | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    diarienummer: tuple[str, ...] = ()
    org_kind: OrgKind | None = None  # the body ``municipality`` names: kommun, region, kommunalförbund
    kind: str | None = None  # for doc_type "other": "policy", "plan", "strategi", ...
    # the year an undated budget, uppföljning or årsredovisning is about, as its title says
    # ("Fördjupad månadsuppföljning 2026", "Underlag ramar 2027-2029": 2027); never a made-up day,
    # so ``date`` stays None; with a date, the date's year is the document's
    year: int | None = None


@dataclass(frozen=True)
class Document:
    source: str  # the path as given to ingest
    sha256: str
    pages: tuple[Page, ...]
    metadata: Metadata = field(default_factory=Metadata)
    items: tuple[Item, ...] = ()
    size: int = 0  # bytes of the file
    warnings: tuple[str, ...] = ()  # e.g. "3 pages need OCR: install tesseract-ocr-swe"
    reader: str = ""  # the namndkoll that read it (ingest.version.reader_version); "" when unknown

    @property
    def text(self) -> str:
        return PAGE_SEP.join(p.text for p in self.pages)

    def page_of(self, offset: int) -> int:
        """The 1-based number of the page that holds ``offset`` of ``text``."""
        return page_at(self.pages, offset)

    def item_of(self, offset: int) -> Item | None:
        for item in self.items:
            if item.start <= offset < item.end:
                return item
        return None

    @property
    def needs_ocr(self) -> tuple[int, ...]:
        """Pages without usable text: no text layer, or one too garbled to read."""
        return tuple(p.number for p in self.pages if p.ocr in ("needs_ocr", "unreadable"))


def page_at(pages: Sequence[Page], offset: int) -> int:
    """The number of the page (of ``pages``, offsets set) that holds ``offset``; 1 if none."""
    i = bisect.bisect_right([p.start for p in pages], offset) - 1
    return pages[max(i, 0)].number if pages else 1


def with_offsets(pages: list[Page] | tuple[Page, ...]) -> tuple[Page, ...]:
    """Pages with ``start`` set so they tile ``PAGE_SEP.join(texts)``."""
    out, pos = [], 0
    for p in pages:
        out.append(replace(p, start=pos))
        pos += len(p.text) + len(PAGE_SEP)
    return tuple(out)


# ---- extraction -------------------------------------------------------------------------

@dataclass(frozen=True)
class Span:
    """Where something was found: document offsets, page and the quoted text."""

    start: int
    end: int
    page: int
    text: str


@dataclass(frozen=True)
class Figure:
    kind: Literal["amount", "count", "percent", "measure"]
    value: float
    # "SEK", "%", the counted noun's lemma ("plats", "tjänst", ...), or for a measure its
    # normalised unit ("km", "m²", "ha", "ton", "MWh", ...)
    unit: str
    text: str  # the matched words, e.g. "1 550 t kr"
    sentence: str
    page: int
    start: int
    end: int
    qualifier: str | None = None  # "ca", "minst", "närmare", "högst", "över", "under", ...
    per: str | None = None  # "månad", "år", ...
    table: bool = False  # read from a table cell (row/column headers in ``text``)
    # a table cell's place: the table's index on the page, the cell's span in that table's text
    # (``namndkoll.tables.table_text``) and the cell's box in PDF points (x0, top, x1, bottom;
    # the table's box where the reader kept no cell boxes)
    table_index: int | None = None
    table_span: tuple[int, int] | None = None
    bbox: tuple[float, float, float, float] | None = None
    # a range's high end ("2-3 mnkr": value 2 000 000, value_to 3 000 000), in the same unit
    value_to: float | None = None


@dataclass(frozen=True)
class PartyMention:
    code: str  # S M SD C V KD L MP Fi, or a local code such as D
    text: str
    page: int
    start: int
    end: int
    original: str | None = None  # an older or lower-case form as written ("fp", "Folkpartiet") -> code L
    local: bool = False  # a local party the registry does not know, under the document's own code/name


@dataclass(frozen=True)
class Person:
    name: str
    party: str | None  # today's code; "-" for an independent (politisk vilde), None if not stated
    role: str | None
    page: int
    start: int
    end: int
    party_original: str | None = None  # the code as written when it differs ("fp" -> party L)


@dataclass(frozen=True)
class Decision:
    body: str | None
    status: Literal["decided", "proposed"]
    date: str | None
    item: str | None  # "§ 9"
    text: str
    clauses: tuple[str, ...]
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class RollCallEntry:
    """One member's vote in a roll call (omröstningslista / voteringslista)."""

    name: str
    party: str | None
    vote: VoteChoice
    role: str | None = None  # "ledamot", "ersättare", "ordförande" ... as the list says
    page: int = 0
    start: int = 0  # span of the member's line in Document.text (0, 0 when read from a table)
    end: int = 0
    note: str | None = None  # what the list says beyond the choice: "kvittad", "FP in the list", ...
    text: str = ""  # the member's row as written ("Thomas Thim (M), ordförande | X")


@dataclass(frozen=True)
class Vote:
    item: str | None
    yes: int | None
    no: int | None
    abstain: int | None
    absent: int | None
    proposition: str | None
    page: int
    start: int
    end: int
    roll_call: tuple[RollCallEntry, ...] = ()  # every member's vote, when the protocol lists them
    note: str | None = None  # e.g. "the roll call counts 6 ja, the result says 7"


@dataclass(frozen=True)
class Position:
    parties: tuple[str, ...]
    kind: Literal[
        "reservation", "sarskilt_uttalande", "protokollsanteckning", "yrkande", "motion", "skrivelse"
    ]
    text: str
    page: int
    start: int
    end: int
    item: str | None = None
    people: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PER ORG LOC MISC, PARTY, BODY
    page: int
    start: int
    end: int


@dataclass(frozen=True)
class Extraction:
    """Everything extract/ found in one document."""

    figures: tuple[Figure, ...] = ()
    parties: tuple[PartyMention, ...] = ()
    people: tuple[Person, ...] = ()
    decisions: tuple[Decision, ...] = ()
    votes: tuple[Vote, ...] = ()
    positions: tuple[Position, ...] = ()
    entities: tuple[Entity, ...] = ()


# ---- search -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Chunk:
    """A passage to embed and index; never crosses a § item or a document."""

    text: str
    start: int
    end: int
    page_start: int
    page_end: int
    item: str | None = None  # § number
    section: str | None = None  # SectionKind or None; "table" for a table row
    table: tuple[int, int] | None = None  # (index of the table on its page, row) of a table row


@dataclass(frozen=True)
class HitCopy:
    """The same passage word for word in another place (a protocol and its extract, a tabled
    motion at each meeting, one protocol under two file names): a hit shows it once and names
    where else it stands (search/fold.py)."""

    chunk_id: int
    document_id: int
    source: str
    page: int
    citation: str


@dataclass(frozen=True)
class Hit:
    chunk_id: int
    document_id: int
    source: str
    text: str
    score: float
    page: int
    page_end: int
    item: str | None
    section: str | None
    start: int
    end: int
    citation: str
    metadata: Metadata
    highlights: tuple[tuple[int, int], ...] = ()  # spans in ``text`` that matched the query
    confidence: Literal["high", "weak"] = "high"  # weak: shown under "weak matches"
    also_in: tuple[HitCopy, ...] = ()  # the same text elsewhere, best-ranked first
    # a § of another body's protocol bundled in the document (an extract appended to an audit
    # report): the document it stands in (its body, type, date); ``metadata`` is the §'s own
    within: Metadata | None = None
