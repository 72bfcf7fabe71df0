"""Document metadata from the document's own words: who wrote it, which body, what kind of
document, its date, its title and its diarienummer.

Read from the running headers/footers, the letterhead (the first lines of the first page) and,
for the date and signature, the closing lines. What is not found stays None: a wrong committee
or date in a citation is worse than none. The same rules serve every municipality, region and
kommunalförbund and every meeting system; ``orgs.py`` knows the bodies, ``dates.py`` the dates,
``committee.py`` the committees and ``titles.py`` the headings; ``doc_type.py`` reads the type
and kind, ``doc_date.py`` the date by kind, ``authors.py`` the kind of organisation a body's name
or a text's own words give and ``diarienummer.py`` the case numbers. This module reads them in
order into one ``Metadata``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..types import DocType, Item, Metadata, OrgKind, Page
from . import dates as _dates
from .authors import (
    FORBUND_OFFICER,
    KOMMUN_ONLY_BODY,
    REGION_ONLY_BODY,
    heads_pages,
    kind_by_own_words,
    kind_of_body,
    named_before_items,
    own_body_of,
)
from .committee import addressee_block, find_committee
from .dates import MONTHS
from .diarienummer import find_diarienummer
from .doc_date import find_date
from .doc_type import (
    AGENDA_OPENER,
    SKIP_LINK,
    find_doc_type,
    find_kind,
    is_extract,
    signed_by_member,
)
from .meeting_pages import meeting_sentence, titled_meeting, titled_meeting_day
from .org_table import named_bodies, org_by_name, org_in_file_name
from .orgs import find_organisation, kommuner_of_members
from .titles import COVER_LETTER, find_title

__all__ = [
    "MONTHS",
    "find_committee",
    "find_date",
    "find_diarienummer",
    "find_doc_type",
    "find_kind",
    "find_municipality",
    "find_title",
    "read_metadata",
]


# ---- the whole ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Zones:
    header: str  # running headers and footers of the first pages
    lines: list[str]  # the first two non-empty pages' lines
    top: list[str]  # header lines + the first lines of page 1: where a document says what it is
    last: list[str]  # the last page's lines
    all_lines: list[str]
    first_text: str


_PAGE_OF = re.compile(r"\b(\d{1,4})\s*\(\s*\d{1,4}\s*\)\s*$", re.MULTILINE)


def _later_paper(p: Page) -> bool:
    """Whether the page's running lines count it as page k of a paper that begins after the
    file's first page ("Göteborgs Stad, Nämnden för funktionsstöd protokollsutdrag 1 (2)" on the
    file's third page): another paper's letterhead bundled in, not the file's own."""
    return any(int(m.group(1)) < p.number for m in _PAGE_OF.finditer(p.header + "\n" + p.footer))


def _zones(pages: Sequence[Page]) -> _Zones:
    firsts = [p for p in pages if p.text.strip()][:2]
    header = "\n".join(dict.fromkeys(h for p in pages[:3] if not _later_paper(p) for h in (p.header, p.footer) if h))
    lines = [ln.strip() for p in firsts for ln in p.text.splitlines() if ln.strip()]
    page1 = [ln.strip() for ln in (firsts[0].text.splitlines() if firsts else []) if ln.strip()]
    if len(page1) < 5 and len(firsts) > 1:
        # a first page of a few lines (a web copy's title and buttons, a bare cover): the
        # letterhead that says what the document is goes on over the next page
        page1 = page1 + [ln.strip() for ln in firsts[1].text.splitlines() if ln.strip()]
    top = [h for h in header.splitlines() if h.strip()] + page1[:15]
    last = [ln.strip() for p in pages[-1:] for ln in p.text.splitlines() if ln.strip()]
    all_lines = [ln.strip() for p in pages for ln in p.text.splitlines() if ln.strip()]
    first_text = "\n".join(p.text for p in pages[:3])
    return _Zones(header, lines, top, last, all_lines, first_text)


def find_municipality(lines: Sequence[str]) -> str | None:
    """The body named in ``lines`` (letterhead first); kept for callers of the old API."""
    found = find_organisation(lines[:15], lines[15:])
    return found[0] if found else None


_ENCLOSURE = re.compile(r"\bBilaga\s+[\d:.]+\s+till\s+((?:[a-zåäö]+-(?: och| samt) )?[a-zåäö]*(?:nämnden|styrelsen|"
                        r"fullmäktige|utskottet|direktionen))s\s+protokoll\s+(?:den\s+)?"
                        r"(\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)


def _canon_body(name: str) -> str:
    return name[0].upper() + name[1:].lower()



_MEETING_PAPERS = ("protokoll", "protokollsutdrag")


@dataclass(frozen=True)
class _Front:
    """What read_metadata's steps read besides the zones: the first page with text, the running
    heads of every page and the opening lines where a body names its own officers."""

    first_page: Page | None  # the first page with text
    page1: list[str]  # its non-empty lines, stripped
    letterhead: list[str]  # page 1's first lines: where a document names its body
    body_lines: list[str]  # every line of text after them
    header_lines: list[str]  # every page's running head and foot, line by line
    opening: str  # the first 80 lines of text
    below_skip: list[str]  # the two lines below a web page's skip link (none without one)


def _front(pages: Sequence[Page], z: _Zones) -> _Front:
    """The views of ``pages`` the steps share, each made once."""
    first_page = next((p for p in pages if p.text.strip()), None)
    page1 = [ln.strip() for ln in (first_page.text.splitlines() if first_page else []) if ln.strip()]
    skip = next((i for i, ln in enumerate(z.lines[:6]) if SKIP_LINK.match(ln)), None)
    return _Front(first_page, page1, page1[:15], z.all_lines[min(15, len(page1)):],
                  [h for p in pages for h in (p.header + "\n" + p.footer).splitlines() if h.strip()],
                  "\n".join(z.all_lines[:80]), z.lines[skip + 1:skip + 3] if skip is not None else [])


def _type_and_kind(pages: Sequence[Page], items: Sequence[Item], z: _Zones) -> tuple[DocType | None, str | None]:
    """The type the head and letterhead give (``find_doc_type``), a protocol of a few certified
    §§ without a front page being an extract; for type "other" its kind word, from the head and
    letterhead or else the first lines."""
    doc_type = find_doc_type(_above_first_item(z.top, pages, items), bool(items), first_text=z.first_text,
                             last_lines=z.last, first_line=z.lines[0] if z.lines else "")
    if doc_type == "protokoll" and is_extract(pages, len(items)):
        doc_type = "protokollsutdrag"
    return doc_type, _kind_word(z) if doc_type == "other" else None


def _above_first_item(top: list[str], pages: Sequence[Page], items: Sequence[Item]) -> list[str]:
    """The head lines above the first § heading, where that heading stands among them as the
    text reads it: on an OCR'd page "8 105 2026.220 KS" is "§ 105", and the case text under it
    ("Markanvisningsstrategin som låg ...") says nothing of what the document is."""
    if not items:
        return top
    page = next((p for p in pages if p.number == items[0].page_start), None)
    if page is None or not page.start <= items[0].start <= page.start + len(page.text):
        return top
    heading = page.text[items[0].start - page.start:].split("\n", 1)[0].strip()
    return top[:top.index(heading)] if heading and heading in top else top


def _kind_word(z: _Zones) -> str | None:
    """The kind word of a document of type "other": from the head and letterhead, or else the
    first lines."""
    if any(_DECISIONS_IN_BRIEF.match(ln) for ln in (*z.top[:3], *z.lines[:3])):
        return None
    return find_kind(z.top, not_in_sentences=True) or find_kind(z.lines[:25], not_in_sentences=True)


# a page that reports a meeting's decisions in brief ("Beslut i korthet - regionstyrelsen 30 mars
# 2022", "Kort om besluten") tells of the strategies, plans and policies decided: none is its kind
_DECISIONS_IN_BRIEF = re.compile(r"(?i)^\s*(?:beslut(?:en)?\s+i\s+korthet|kort\s+om\s+besluten)\b")


def _organisation(front: _Front, own_kind: OrgKind | None) -> tuple[str | None, OrgKind | None]:
    """The organisation the text names as its author, before the committee is known: a förbund's
    paper (by its own words or officers) may name its member kommuner, which are then not its
    author."""
    org = find_organisation(front.letterhead, front.body_lines, header_lines=front.header_lines,
                            joint_body=own_kind == "kommunalforbund",
                            members_boards=bool(FORBUND_OFFICER.search(front.opening)))
    return org if org else (None, None)


def _joint_members(municipality: str | None, doc_type: DocType | None, front: _Front) -> bool:
    """Whether a meeting's paper that names no organisation has a board whose members each sit
    for their own kommun ("Eva Lind, (S), Sundsvall / Per Ek, (M), Härnösand / ..."): a joint
    body of those kommuner, not one kommun's nämnd (the region its guests come from is not
    named: see without_guests_employers)."""
    return (municipality is None and doc_type in _MEETING_PAPERS
            and len(kommuner_of_members(front.opening)) >= 3)


def _committee(z: _Zones, front: _Front, doc_type: DocType | None, org_kind: OrgKind | None) -> str | None:
    """The body that wrote or decided (``find_committee``), looked for in page 1's lines, or in
    the first two pages' when a protocol's first page is short (a cover)."""
    short_first = len(front.page1) < 12 and doc_type in _MEETING_PAPERS
    lines = [ln for ln in (z.lines if short_first else front.page1 or z.lines) if not _RECEIVED.search(ln)]
    header = "\n".join(ln for ln in z.header.splitlines() if not _RECEIVED.search(ln))
    return find_committee(header, lines, doc_type,
                          text="\n".join(ln for ln in z.all_lines[:400] if not _RECEIVED.search(ln)),
                          org_kind=org_kind, last_lines=z.last,
                          more_lines=[ln for ln in z.lines if not _RECEIVED.search(ln)])


# the receiving body's stamp on a paper sent to it ("Bygg- och miljönämnden inkommen: 2026-04-30
# Dnr: 2026-841"): the body it came in to, not the one that wrote it
_RECEIVED = re.compile(r"\binkom(?:men|mit)?\s*:?\s*(?:den\s+)?(?:19|20)\d\d-\d\d-\d\d", re.IGNORECASE)


def _put_to_kommun(front: _Front, committee: str | None,
                   org: tuple[str | None, OrgKind | None]) -> tuple[str | None, OrgKind | None]:
    """The author of a paper put to a kommun's assembly or board: a region or förbund it only
    mentions is not its author; the kommun it names (or met in), where it names one, is."""
    if org[1] in ("region", "kommunalforbund", None) and re.match(r"Kommun(?:styrelsen|fullmäktige)", committee or ""):
        own = _kommun_named(front)
        if own:
            return own
        if org[1] is not None:
            # nothing names itself: the förbund or region its cases speak of ("information om
            # avfallsföreskrifter för kommunalförbundet X") is not the kommun's paper's author,
            # which stays unnamed
            return None, None
    return org


def _kommun_named(front: _Front) -> tuple[str, OrgKind] | None:
    """The author the text names when it is read as a kommun body's paper (``find_organisation``
    with ``kommun_body``): a region or förbund it only mentions is not its author."""
    return find_organisation(front.letterhead, front.body_lines, header_lines=front.header_lines,
                             kommun_body=True)


def _kommun_pages(z: _Zones, front: _Front, doc_type: DocType | None, committee: str | None,
                  org: tuple[str | None, OrgKind | None]) -> tuple[str | None, OrgKind | None]:
    """The author of § pages whose running head names the body whose §§ these are (a kommun's
    nämnd or its utskott): a region or förbund its case speaks of ("Västra Götalandsregionen
    (VGR) har beslutat ...") is not the pages' author; the kommun it names is, and without one
    the author stays unknown."""
    municipality, org_kind = org
    if (org_kind in ("region", "kommunalforbund") and doc_type in _MEETING_PAPERS and committee
            and heads_pages(committee, z.header) and not own_body_of(committee, "region", "kommunalforbund")
            and not named_before_items(municipality, front.header_lines, front.page1)):
        own = _kommun_named(front)
        return own if own and own[1] == "kommun" else (None, None)
    return org


def _statement_to_kommun(z: _Zones, doc_type: DocType | None, org_kind: OrgKind | None, committee: str | None,
                         kind: str | None) -> tuple[DocType | None, str | None, str | None]:
    """A förbund's or region's officer writing to a kommun's nämnd (a räddningstjänst's yttrande
    to the byggnadsnämnd's bygglov unit) sends a statement to another organisation (type "other"
    with its kind word), not a report to a body of its own, which the addressee's nämnd is not."""
    if (doc_type in ("tjansteskrivelse", "tjansteutlatande") and org_kind in ("kommunalforbund", "region", "other")
            and committee and KOMMUN_ONLY_BODY.search(committee)):
        return "other", None, _kind_word(z)
    return doc_type, committee, kind


# a meeting system's first point on a meeting's web page: "Protokollsjustering" (who adjusts the
# minutes); a front page's field of the same name is never below a skip link
_WEB_ADJUSTMENT_POINT = re.compile(r"^\s*(?:[•\-–]?\s*\d{1,2}\.?\s+)?protokolls?justering\s*$", re.IGNORECASE)


def _meeting_page(z: _Zones, front: _Front, items: Sequence[Item], doc_type: DocType | None,
                  committee: str | None, kind: str | None) -> tuple[DocType | None, str | None, str | None]:
    """Type "other" for what is still untyped or "other" yet says what it is by its layout: a
    letter to the bodies of several organisations, a web page titled below its skip link by a
    meeting's body and day (the body then its committee where none was found), a meeting's page
    titled by its body and day, and a meeting's web page that opens with the site's skip link
    and then the agenda's points (its agenda: kind "kallelse", named like a meeting's other
    papers by body and day; its points' words, "Regional utvecklingsstrategi", say what is on
    the agenda, not what the page is)."""
    to = addressee_block(front.page1)
    if doc_type is None and len(named_bodies(" ".join(front.page1[i] for i in to))) >= 2:
        doc_type = "other"
    if doc_type in (None, "other") and (skipped_body := titled_meeting(front.below_skip)):
        # "Regionstyrelsen 16 mars 2021" under a browser warning and "Gå direkt till huvudinnehållet"
        doc_type, committee = "other", committee or skipped_body
    if doc_type is None and titled_meeting(front.page1[:2] or z.lines[:2]):
        doc_type = "other"
    if (doc_type in (None, "other") and not items and any(SKIP_LINK.match(ln) for ln in z.lines[:3])
            and any(AGENDA_OPENER.match(ln) or _WEB_ADJUSTMENT_POINT.match(ln) for ln in z.first_text.splitlines()[:40])):
        doc_type, kind = "other", "kallelse"
    return doc_type, committee, kind


def _kind_of_bodies_named(z: _Zones, doc_type: DocType | None, kind: str | None) -> OrgKind | None:
    """For a meeting's paper (protocol, agenda, web page) whose body named itself nowhere: the
    bodies its cases name ("Budgetuppföljning för Fritids- och folkhälsonämnden") tell a kommun's
    from a region's when of one kind only (a budget's rows "Barn- och ungdomsnämnden (6 000 tkr)"
    name the bodies it funds, not its own, so other papers are not read so)."""
    if not (doc_type in _MEETING_PAPERS or (doc_type == "other" and kind in (None, "kallelse"))):
        return None
    opening = "\n".join(z.all_lines[:150])
    kommun_only, region_only = KOMMUN_ONLY_BODY.search(opening), REGION_ONLY_BODY.search(opening)
    if bool(kommun_only) != bool(region_only):
        return "kommun" if kommun_only else "region"
    return None


def _org_kind(z: _Zones, org_kind: OrgKind | None, *, committee: str | None, own_kind: OrgKind | None,
              joint_members: bool, doc_type: DocType | None, kind: str | None) -> OrgKind | None:
    """The kind of organisation when the text named none: from the committee's name, else the
    words a body uses of its own officers, else a board of several kommuners' members (a
    kommunalförbund), else the bodies a meeting's paper names."""
    if org_kind is not None:
        return org_kind
    return (kind_of_body(committee) or own_kind or ("kommunalforbund" if joint_members else None)
            or _kind_of_bodies_named(z, doc_type, kind))


def _enclosing_body(enclosed: re.Match[str] | None, committee: str | None, doc_type: DocType | None) -> str | None:
    """The committee of an enclosure ("Bilaga 6:7 till kommunstyrelsens protokoll den 19 mars
    2003"): the body whose protocol it belongs to, where the enclosure named none itself."""
    if enclosed and committee is None and doc_type not in _MEETING_PAPERS:
        return _canon_body(enclosed.group(1))
    return committee


def _read_date(z: _Zones, front: _Front, doc_type: DocType | None, kind: str | None,
               enclosed: re.Match[str] | None) -> str | None:
    """The document's date (``find_date``); an enclosure without one has its protocol's meeting
    day, and a meeting's own page the day its title names (the meeting's, whatever else it is
    dated)."""
    date = find_date(z.header, z.lines, doc_type, kind, all_lines=z.all_lines, first_page=front.page1)
    if enclosed and date is None and doc_type not in _MEETING_PAPERS:
        date = next((d for _, d in _dates.dates_in(enclosed.group(2))), None)
    if doc_type in (None, "other") and (day := titled_meeting_day(front.page1[:2] or z.lines[:2])
                                        or titled_meeting_day(front.below_skip)):
        date = next((d for _, d in _dates.dates_in(day)), None) or date
    if doc_type in (None, "other") and date is None and (day := meeting_sentence(front.page1 or z.lines)[1]):
        # a note about one meeting: "Kulturnämnden sammanträder onsdagen den 6 februari 2013"
        date = next((d for _, d in _dates.dates_in(day)), None)
    return date


def _org_names(municipality: str | None) -> list[str]:
    """The names the author goes by (a kommun's also as "Alingsås kommun", "Göteborgs stad"):
    a heading that is one of them is the letterhead, not the title."""
    o = org_by_name(municipality) if municipality else None
    names = {municipality} if municipality else set()
    if o is not None and o.kind == "kommun":
        names |= {f"{o.genitive} {o.suffix}", f"{o.name} kommun", f"{o.genitive} kommun", f"{o.genitive} stad"}
    return sorted(names)


def _read_title(pages: Sequence[Page], items: Sequence[Item], z: _Zones, front: _Front, *,
                doc_type: DocType | None, kind: str | None, municipality: str | None,
                committee: str | None) -> str | None:
    """The title: an extract of one § is named by that §'s title; a meeting's papers have none
    (they are named by committee and date, stored as such); anything else has the heading
    ``find_title`` finds on page 1, where that is no cover letter's."""
    if doc_type == "protokollsutdrag" and len(items) == 1:
        return items[0].title or None
    if doc_type in _MEETING_PAPERS or kind == "kallelse":
        return None
    names = _org_names(municipality)
    page = front.first_page if front.first_page is not None and front.first_page.lines else None
    title = find_title(front.page1 or z.lines, committee=committee, org_names=names, page=page)
    if title and COVER_LETTER.match(title):
        return _title_after_cover_letter(pages, committee=committee, org_names=names)
    return title


def _title_after_cover_letter(pages: Sequence[Page], *, committee: str | None, org_names: list[str]) -> str | None:
    """The title of a report behind a cover letter ("Missiv till ansvariga nämnder"): the heading
    that opens one of the next pages with text (a short line, no sentence). A letter's heading is
    not the report's title, so without that heading the title stays empty."""
    title = None
    for nxt in [p for p in pages if p.text.strip()][1:4]:
        first_lines = [ln.strip() for ln in nxt.text.splitlines() if ln.strip()]
        if first_lines and len(first_lines[0]) <= 75 and not first_lines[0].endswith("."):
            title = find_title(first_lines, committee=committee, org_names=org_names, page=nxt if nxt.lines else None)
            break
    if title and COVER_LETTER.match(title):
        return None
    return title


def read_metadata(pages: Sequence[Page], items: Sequence[Item], *, source: str = "") -> Metadata:
    """Metadata of a document made of clean ``pages`` with § ``items`` found by structure.py.

    The steps run in this order because each reads what the earlier ones decided: the type, the
    author as the text names it, the committee (which may correct the author), the type again
    for papers whose layout says what they are, the kind of author where none was named, then
    the date and title (which depend on all of these)."""
    z = _zones(pages)
    front = _front(pages, z)
    doc_type, kind = _type_and_kind(pages, items, z)
    own_kind = kind_by_own_words(front.opening)
    municipality, org_kind = _organisation(front, own_kind)
    joint_members = _joint_members(municipality, doc_type, front)
    committee = _committee(z, front, doc_type,
                           org_kind or own_kind or ("kommunalforbund" if joint_members else None))
    municipality, org_kind = _put_to_kommun(front, committee, (municipality, org_kind))
    municipality, org_kind = _kommun_pages(z, front, doc_type, committee, (municipality, org_kind))
    doc_type, committee, kind = _statement_to_kommun(z, doc_type, org_kind, committee, kind)
    doc_type, committee, kind = _meeting_page(z, front, items, doc_type, committee, kind)
    org_kind = _org_kind(z, org_kind, committee=committee, own_kind=own_kind, joint_members=joint_members,
                         doc_type=doc_type, kind=kind)
    enclosed = _ENCLOSURE.search(" ".join(z.lines[:20]))
    committee = _enclosing_body(enclosed, committee, doc_type)
    date = _read_date(z, front, doc_type, kind, enclosed)
    title = _read_title(pages, items, z, front, doc_type=doc_type, kind=kind, municipality=municipality,
                        committee=committee)
    dnr = find_diarienummer("\n".join(p.header + "\n" + p.text for p in pages))
    if doc_type is None and z.lines and not signed_by_member(z.last):
        # a paper that names no type of its own and has no meeting's, report's or motion's layout
        # (a consultant's report, an authority's letter) is of type "other", of the kind its head
        # names if any; decided last, so its date and title are read as before. One signed by
        # party members stays untyped: the position finder reads it as their motion if it is one;
        # and one with no text (pages that need OCR) tells nothing
        doc_type, kind = "other", kind or _kind_word(z)
    return Metadata(title, municipality, committee, doc_type, date, dnr, org_kind, kind,
                    year=None if date else title_year(title, doc_type, kind))


# the kinds of paper whose title names the year they account for or plan ("Budget 2027",
# "Delårsrapport 2026", "Fördjupad månadsuppföljning april 2026", "Underlag ramar 2027-2029")
_YEAR_KINDS = re.compile(r"budget|ramar|delårsrapport|uppföljning|bokslut|årsredovisning|prognos", re.IGNORECASE)
_TITLE_YEAR = re.compile(r"(?<![\d.:/-])((?:19|20)\d\d)(?![\d.:/])")


def title_year(title: str | None, doc_type: str | None, kind: str | None) -> int | None:
    """The year an undated budget, uppföljning or årsredovisning names in its title: the first
    year written there (a range's first, "ramar 2027-2029": 2027), for ``--year`` to find the
    document by; None for other papers or a title without a year (a diarienummer's "2025.503"
    or a date's year does not count)."""
    if not title or not (doc_type == "arsredovisning" or (doc_type == "other" and kind and _YEAR_KINDS.search(kind))):
        return None
    m = _TITLE_YEAR.search(title)
    return int(m.group(1)) if m else None


def with_file_name(md: Metadata, source: str) -> Metadata:
    """``md`` as a corpus stores it: where the text names no municipality, the one the file's
    name gives ("alingsas_ramar_2027-2029.pdf": slides whose only mention of Alingsås is its logo;
    "motion-regionfullmaktige-gotland-...": a motion to the regionfullmäktige of Gotland). The
    reader's own metadata stays what the text says."""
    if md.municipality or not source:
        return md
    o = org_in_file_name(source, md.org_kind)
    if o is None:
        return md
    return replace(md, municipality=o.name, org_kind=md.org_kind or o.kind)
