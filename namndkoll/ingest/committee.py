"""Which committee wrote or decided a document: the body in its running header or letterhead, the
assembly a motion is put to, the committee a proposal is addressed to, the auditors of an audit
report, or the office that signs a report that names no committee. ``body_names.py`` holds how a
body's name is written, ``committee_initials.py`` a body named by its initials and
``meeting_pages.py`` a meeting's page titled by its body and day."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import OrgKind
from .body_names import (
    COMMITTEE,
    LABEL,
    NOT_COMMITTEE,
    canon_committee,
    joined_lines,
    ocr_spelling,
    restored_diaeresis,
    uncapped,
)
from .committee_initials import abbreviated
from .meeting_pages import meeting_sentence, titled_meeting

__all__ = ["CALLED_TO_MEETING", "addressee_block", "find_committee"]


def _header_like(line: str, m: re.Match[str]) -> bool:
    """True when ``line`` is essentially the committee's name (a letterhead line), not a sentence
    or a table row that happens to name it."""
    rest = _stripped(line[:m.start()] + " " + line[m.end():])
    words = rest.split()
    return not any(ch.isdigit() for ch in rest) and len(words) <= 2


# what may stand before the body in a letterhead flattened into one long line: the page number,
# the kind of document, "Sammanträdesdatum" and the date, the förvaltning that sends a kallelse
_FRONT_WORD = re.compile(r"\b(?:Tid|TID|Plats|PLATS|Beslutande|Ledamöter|Sammanträde\w*|SAMMANTRÄDES\w*|Protokoll\w*|"
                         r"PROTOKOLL\w*|Kallelse|KALLELSE|Föredragningslista|Utses|Justera\w*|Sekreterare|"
                         r"Presskonferens|Pressmeddelande|PRESSMEDDELANDE|BEHANDLADE\s?ÄRENDEN|[Bb]ehandlade\s?ärenden)")
# "Samhällsbyggnadsnämnden. Plats och tid"; "Kommunstyrelsen /10": a row of labels ("Sammanträdesdatum
# Nr") run before its values, the meeting's number the first value left after the body
_NEXT_OK = re.compile(r"\.?\s*(?:$|[A-ZÅÄÖ0-9(]|/\d)")
# "KOMMUNSTYRELSEN SAMMANTRÄDESKALLELSE": a heading in capitals runs the body into the document's
# kind word, which uncapping leaves in small letters
_NEXT_KIND = re.compile(r"\s+(?:sammanträdes|justerat\s+)?(?:protokoll|kallelse|föredragningslista)\w*(?![\wåäö])")
# a Finland-Swedish head prints its row of labels before the values ("PROTOKOLLSIDA Nr Sida
# Kommunstyrelsen 11/"): the labels are no words of the body's
_LABEL_ROW = re.compile(r"(?<![\wåäö])(?:Protokollsida|Nr|Sida|Organ|Sammanträdesdatum)(?![\wåäö])")
_DISTRICT = re.compile(r" ((?:[A-ZÅÄÖ][a-zåäö]+)(?: [A-ZÅÄÖ][a-zåäö]+)?)(?= (?:Sammanträdesprotokoll|Protokoll|"
                       r"Kallelse|Föredragningslista)\b|\s*$)")


_OWN_ORG = re.compile(r"^[A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ]?[a-zåäö]+)? (?:kommun|stad)\b")


def _leading(line: str) -> str | None:
    """The body that opens a first line the web page or the PDF flattened ("1 Trafiknämnden Tid
    Plats ...", "Protokoll Sammanträdesdatum 2014-04-30 Regionstyrelsen 65 87 Tid ..."): at most
    one word that is not a page number, a date or a document word before it, and the next word
    not a sentence's ("Socialnämnden beslutar ..." is running text)."""
    if not _FRONT_WORD.search(line):
        return None  # a table row ("Kommunstyrelsen 157 429 0 15 330") is no front page
    m = next((c for c in COMMITTEE.finditer(line) if not NOT_COMMITTEE.match(c.group(1))), None)
    if m is None or not (_NEXT_OK.match(line, m.end()) or _NEXT_KIND.match(line, m.end())):
        return None
    before = _stripped(line[:m.start()])
    # OCR's specks before the letterhead ("1 vv,vv ===--=--~ ~ 1(2) BARN- OCH ...") are no words
    before = " ".join(w for w in before.split() if re.search(r"[A-Za-zÅÄÖåäö]{3}", w))
    # the organisation the body belongs to heads the letterhead before it ("1 EDSBY KOMMUN
    # Kommunstyrelsen PROTOKOLL"): its name is not a word of the body's
    before = _LABEL_ROW.sub(" ", _OWN_ORG.sub(" ", before)).strip()
    if any(ch.isdigit() for ch in before) or len(before.split()) > 1:
        return None
    return _with_district(line, m)


def _with_district(line: str, m: re.Match[str]) -> str:
    """The body ``m`` finds in a letterhead ``line``; "Barn- och skolnämnd Lund Öster
    Sammanträdesprotokoll": a district's nämnd, named in the indefinite form, keeps its area."""
    name = m.group(1)
    d = _DISTRICT.match(line, m.end()) if name.endswith("nämnd") else None
    if d and not re.match(r"(?:Sida|Sidan|Datum|Plats|Tid|Dnr)\b", d.group(1)):
        return name[0].upper() + name[1:] + " " + d.group(1)
    return canon_committee(name)


def _stripped(rest: str) -> str:
    """``rest`` without field labels, document words, dates, page numbers and case numbers."""
    rest = LABEL.sub(" ", rest)
    rest = re.sub(r"\b(?:sammanträdes|justerat |möte[s]?)?protokoll(?:sutdrag)?\b|\butdrag\b|"
                  r"\btjänsteskrivelse\b|\btjänsteutlåtande\b|\bkallelse\b|\bföredragningslista\b|"
                  r"\bsammanträdesdatum\b",
                  " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\b(?:19|20)\d\d[-–.]\d{1,2}[-–.]\d{1,4}\b|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d", " ", rest)
    # the meeting's number, its year dropped by a web copy ("5/ Social- och hälsovårdsnämnden")
    rest = re.sub(r"\bsida\s+\d+(?:\s*\(\d+\))?|\d+\s*\(\d+\)|\b\d{1,3}/(?:(?:19|20)\d\d\b|(?![\d/]))", " ", rest,
                  flags=re.IGNORECASE)
    # the range of §§ a protocol's title gives after the body ("Nämnd för trafik ... 53-65")
    rest = re.sub(r"(?:§\s*)?\b\d{1,3}\s*[-–]\s*\d{1,3}\s*$", " ", rest)
    # the case number beside the date in a letterhead's value row ("2018-08-28 SN 18/0098 Socialnämnden")
    rest = re.sub(r"\b[A-ZÅÄÖ]{1,6}[ -]?(?:19|20)?\d\d[/-]\d{1,5}\b", " ", rest)
    return re.sub(r"^\s*\d{1,3}\b|\b\d{1,3}\s*$|[,:;|/()–-]", " ", rest)  # a page number at either end


# a letter's address block: "Till:" and the bodies it is sent to, one a line ("Västra
# Götalandsregionen VGR – Delregional / nämnd västra / Kommunstyrelsen Alingsås kommun")
_TO_LABEL = re.compile(r"^\s*(?:till|mottagare|sändlista)\s*:\s*", re.IGNORECASE)
_ADDRESSEE_WORD = re.compile(r"nämnd|styrelse|fullmäktige|utskott|kommun|region|förvaltning|förbund|kontor",
                             re.IGNORECASE)


def addressee_block(lines: Sequence[str]) -> list[int]:
    """The indices of the lines of a letter's address block (the label line and the addressees
    after it), or none."""
    for i, line in enumerate(lines[:30]):
        m = _TO_LABEL.match(line)
        if m is None:
            continue
        block = [i]
        for j in range(i + 1, min(len(lines), i + 7)):
            nxt = lines[j].strip()
            if len(nxt.split()) > 8 or not _ADDRESSEE_WORD.search(nxt):
                break
            block.append(j)
        if len(block) > 1 or _ADDRESSEE_WORD.search(line[m.end():]):
            return block
    return []


def _without_addressees(lines: Sequence[str]) -> list[str]:
    drop = set(addressee_block(lines))
    return [ln for i, ln in enumerate(lines) if i not in drop]


def find_committee(header: str, lines: Sequence[str], doc_type: str | None, *,
                   text: str = "", org_kind: OrgKind | None = None,
                   last_lines: Sequence[str] = (), more_lines: Sequence[str] = ()) -> str | None:
    """The body that wrote or decided: the committee in the running header or letterhead
    (``lines``: the first page's lines); for a motion the assembly it is addressed to; else the
    committee a proposal is put to ("Socialnämnden föreslås besluta"); for an audit report the
    auditors; for a report without any of these, the office that signs it; failing all of these,
    the one body the opening names at all."""
    text = text or "\n".join(lines)
    # a copy that lost the body word's ä ("Omsorgsnamnden kallas härmed till sammanträde") names
    # the same body
    header, text = restored_diaeresis(header), restored_diaeresis(text)
    lines, last_lines, more_lines = ([restored_diaeresis(ln) for ln in src] for src in (lines, last_lines, more_lines))
    if doc_type not in ("motion", "initiativarende"):
        # the bodies a letter is sent to are its addressees, not its author ("Till: ...
        # Kommunstyrelsen Alingsås kommun / Kommunstyrelsen Lerums kommun")
        lines, more_lines = _without_addressees(lines), _without_addressees(more_lines)
        text = "\n".join(_without_addressees(text.splitlines()))
    found = _found_committee(header, lines, doc_type, text=text, org_kind=org_kind,
                             last_lines=last_lines, more_lines=more_lines)
    # an audit report names the bodies it audits ("Grundläggande granskning av kommunstyrelsen"): a
    # body named alone in its text is the audited one, not the author
    found = found or _running_body(text.splitlines()) or (
        _only_body_named(text, doc_type) if doc_type != "revisionsrapport" else None)
    return ocr_spelling(found, text) if found else None


# a page of a web copy that ran each page into one paragraph opens with the page's number and
# its running head: "2 Kultur- och fritidsnämnden Justerare ...", "2 Kommunstyrelsen 4 (22) 1.
# Upprop", "3 VÅRD- OCH OMSORGSNÄMNDEN Information"
_PAGE_OPENING = re.compile(r"^\s*(\d{1,3})\s+(?:\d{1,3}\s*\(\d{1,3}\)\s+)?(?=[A-ZÅÄÖ])")


_FIRST_PAGE_OPENING = re.compile(r"^\s*1\s+(?=\S)")


def _running_body(lines: Sequence[str]) -> str | None:
    """The body that opens two or more pages right after their page number: the running head a
    copy that flattened each page kept at the start of it. One body only; a body a single page
    opens with ("5 Kommunstyrelsen beslutar ...") may be that page's sentence."""
    pages: dict[str, set[str]] = {}
    for line in lines:
        m = _PAGE_OPENING.match(line)
        if m is None:
            continue
        rest = uncapped(line[m.end():m.end() + 80])
        c = COMMITTEE.match(rest)
        if c and not NOT_COMMITTEE.match(c.group(1)) and _NEXT_OK.match(rest, c.end()):
            pages.setdefault(canon_committee(c.group(1)), set()).add(m.group(1))
    heads = [name for name, nos in pages.items() if len(nos) >= 2]
    return heads[0] if len(heads) == 1 else None


# a body named in running text, in either case ("för kulturnämnden", "uppdrag i Patientnämnden",
# "Patientnämndens förvaltning", "Direktionen för kommunalförbundet"); the bare words
# ("nämnden", "styrelsen", "fullmäktige") name no body; "Direktionen" is a förbund's
_NAMED_BODY = re.compile(
    r"(?<![\wåäö-])((?:[A-ZÅÄÖa-zåäö][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) )?[A-ZÅÄÖa-zåäö]?[a-zåäö]*"
    r"(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen))s?(?![\wåäö])", re.IGNORECASE)
_BARE_BODY = {"nämnden", "styrelsen", "fullmäktige", "utskottet"}
# a state authority a municipality's paper cites ("enligt Socialstyrelsen") is none of its bodies
_STATE_BODY = re.compile(r"(?:Social|Läns?|Transport|Skogs|Rikspolis|Kriminalvårds|Sjöfarts|Arbetsmarknads|"
                         r"Jordbruks|Fiskeri)styrelsen$")
_OPENING_LINES = 60  # the front page and the first of the contents or §§ of a flattened page


def _only_body_named(text: str, doc_type: str | None = None) -> str | None:
    """The body an opening names in its running text when it is the only one it names: a
    protocol whose letterhead the web page dropped names its own body where it lists its cases
    ("Tertialbokslut 2 år 2014 för kulturnämnden"); with two bodies named, neither is taken, and
    a body named only outside a sentence (a budget's row "Kommunstyrelsen 157 429") is not."""
    names: set[str] = set()
    in_sentence = False
    opening = "\n".join(text.splitlines()[:_OPENING_LINES])
    # a body a meeting elects members to is another body ("Nämnden ska välja en ledamot till
    # trafikutskottet", "Val av ny vice ordförande i valnämnden" in fullmäktige's list of cases),
    # not the body the opening speaks for
    elected_to = {canon_committee(m.group(1)).casefold() for m in _ELECTED_TO.finditer(opening)}
    protocol = doc_type in ("protokoll", "protokollsutdrag")
    for m in _NAMED_BODY.finditer(opening):
        name = canon_committee(m.group(1))
        if name.casefold() in _BARE_BODY or _STATE_BODY.match(name) or name.casefold() in elected_to:
            continue
        # a protocol citing another meeting's protocol among its papers ("Beslutsunderlag ...
        # Arbetsutskottets protokoll"): that body prepared the case, it is not the meeting's own
        if protocol and _CITED_PROTOCOL.match(opening, m.end()):
            continue
        names.add(name.casefold())
        if len(names) > 1:
            return None
        in_sentence = in_sentence or bool(_SENTENCE_BEFORE.search(opening, 0, m.start())
                                          or _SENTENCE_AFTER.match(opening, m.end()))
    return canon_committee(names.pop()) if names and in_sentence else None


_ELECTED_TO = re.compile(r"\b(?:välja|väljer|valde|val\s+av|utse|utser|utsåg|fyllnadsval\s+av)\s+(?:en\s+|ny\s+|två\s+)?"
                         r"(?:[a-zåäö]+\s+){0,2}(?:ledamot|ledamöter|ersättare|ordförande)\s+(?:till|i)\s+"
                         r"([a-zåäö]*(?:utskottet|nämnden|styrelsen|beredningen))\b", re.IGNORECASE)
_CITED_PROTOCOL = re.compile(r"s?\s+(?:protokoll|protokollsutdrag)(?![\wåäö])", re.IGNORECASE)


# a word in small letters just before or after the name: the name stands in a sentence
_SENTENCE_BEFORE = re.compile(r"(?<![\wåäö])[a-zåäö]+ $")
_SENTENCE_AFTER = re.compile(r" [a-zåäö]+(?![\wåäö])")


def _found_committee(header: str, lines: Sequence[str], doc_type: str | None, *,
                     text: str, org_kind: OrgKind | None,
                     last_lines: Sequence[str], more_lines: Sequence[str]) -> str | None:
    """The body the steps below find, the first that finds one; each step applies to some
    document types only, and their order is the order of trust."""
    # a protocol's letterhead can sit below a § that ran over from the previous page
    depth = 25 if doc_type in ("protokoll", "protokollsutdrag") else 10
    return (_motion_assembly(text, doc_type)
            or _meeting_named(lines, doc_type)
            or _letterhead_body(header, lines, doc_type, depth=depth)
            or _auditors(text, doc_type)
            or _proposing_body(text, doc_type)
            or _adopting_body(lines, more_lines, doc_type)
            # a protocol's notice of adjustment names the body whose protocol it is ("Nämnd/Styrelse
            # Kommunfullmäktige"): a förbund's board its §§ speak of ("Förbundsdirektionen har från
            # kommunstyrelsen fått i uppdrag") is not that body
            or (_noticed_body(lines[:40]) or _noticed_body(more_lines[:60])
                if doc_type in ("protokoll", "protokollsutdrag") else None)
            or _forbund_body(text, doc_type, org_kind)
            or _last_resort_body(header, lines, doc_type, text=text, depth=depth, last_lines=last_lines,
                                 more_lines=more_lines))


def _motion_assembly(text: str, doc_type: str | None) -> str | None:
    """A motion's or initiative's body: the one it is addressed to ("Till kommunfullmäktige",
    "Initiativ i kommunstyrelsen"), else the kommun's assembly for a motion that speaks of
    fullmäktige and kommuner and of no region."""
    if doc_type not in ("motion", "initiativarende"):
        return None
    m = re.search(r"(?:^\s*Till\s*:?\s*|motion till |förslag till beslut i |^\s*initiativ (?:i|till) |"
                  r"^\s*Till\s+)"
                  r"((?:kommun|region)fullmäktige|(?:kommun|region)styrelsen|[a-zåäö]+nämnden)\b",
                  text, re.IGNORECASE | re.MULTILINE)
    if m:
        return canon_committee(m.group(1))
    if (doc_type == "motion" and re.search(r"\bfullmäktige\b", text, re.IGNORECASE)
            and re.search(r"\bkommun", text, re.IGNORECASE)
            and not re.search(r"\bregion|\blandsting", text, re.IGNORECASE)):
        # "Motion om att öka antalet ledamöter i fullmäktige": a motion is always put to the
        # assembly; one that speaks of kommuner and of no region is a kommun's
        return "Kommunfullmäktige"
    return None


def _meeting_named(lines: Sequence[str], doc_type: str | None) -> str | None:
    """For an untyped paper or one of type "other" (a protocol too, for a page title): the body
    its form names as deciding it, the body a notice calls to a meeting, the body and day a
    meeting's page is titled by, or the body whose meeting a note is about."""
    if doc_type in (None, "other"):
        decided = _deciding_body(lines[:30])
        if decided:
            return decided
    if doc_type in (None, "other"):
        # a notice's sentence: "Kommunfullmäktige kallas till sammanträde"
        called = _body_in_sentence(CALLED_TO_MEETING, lines)
        if called:
            return called
    if doc_type in (None, "other", "protokoll"):
        titled = titled_meeting(lines[:2])
        if titled:
            return titled
    if doc_type in (None, "other"):
        # a note about one meeting (a press note, a kallelse) names its body in the genitive:
        # "information från kommunstyrelsens sammanträde", "inför barn- och ungdomsnämndens sammanträde",
        # or in a sentence of its own: "Kulturnämnden sammanträder onsdagen den 6 februari 2013"
        return _body_in_sentence(_ABOUT_MEETING, lines) or meeting_sentence(lines)[0]
    return None


def _body_in_sentence(rx: re.Pattern[str], lines: Sequence[str]) -> str | None:
    """The body ``rx``'s first group names in the first ten lines run together (a sentence about
    a meeting), unless it is a bare body word."""
    m = rx.search(" ".join(ln.strip() for ln in lines[:10]))
    if m and not NOT_COMMITTEE.match(canon_committee(m.group(1))):
        return canon_committee(m.group(1))
    return None


def _letterhead_body(header: str, lines: Sequence[str], doc_type: str | None, *, depth: int) -> str | None:
    """The body the running head or the letterhead names on a line of its own; else (not for a
    motion, an initiative or an audit report) the body that opens a first line a web page or
    the PDF flattened."""
    for src in (joined_lines(header.splitlines()), joined_lines(lines[:depth])):
        for line in src:
            line = uncapped(line)
            for m in COMMITTEE.finditer(line):
                if NOT_COMMITTEE.match(m.group(1)):
                    continue
                if doc_type == "revisionsrapport" and m.group(1).endswith("fullmäktige"):
                    continue  # the assembly an audit report is handed to ("Handling 2026 nr 80")
                if _header_like(line, m):
                    return _with_district(line, m)
    if doc_type not in ("motion", "initiativarende", "revisionsrapport"):
        for line in lines[:2]:
            lead = _leading(uncapped(line.strip()))
            if lead:
                return lead
        # a web copy's transcript under its page title: page 1 opens with its number and the
        # letterhead run into one line ("1 Socialnämnden Ordförande/ N N Sekreterare/ N N KALLELSE")
        first = next((ln for ln in lines[:depth] if _FIRST_PAGE_OPENING.match(ln)), None)
        lead = _leading(uncapped(first.strip())) if first else None
        if lead:
            return lead
    return None


def _auditors(text: str, doc_type: str | None) -> str | None:
    """An audit report's author: the audit office it names, else its elected auditors."""
    if doc_type != "revisionsrapport":
        return None
    m = re.search(r"\b(Stadsrevisionen|Kommunrevisionen|Regionrevisionen)\b", text)
    if m:
        return m.group(1)
    if re.search(r"\b(?:kommuns|kommunens|regionens|regions|förbundets|(?:de|kommunens|regionens) förtroendevalda) revisorer\b|"
                 r"\b[Rr]evisorerna\b", text):
        return "Revisorerna"
    return None


def _proposing_body(text: str, doc_type: str | None) -> str | None:
    """The body a proposal is put to or that decides in the text ("Socialnämnden föreslås
    besluta"): for an officer's report or an untyped paper any such verb, for others only
    "föreslås"."""
    m = re.search(r"(?<![\wåäö-])((?:[A-ZÅÄÖ][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) [a-zåäö]*|[A-ZÅÄÖ][a-zåäö]*)"
                  r"(?:nämnden|styrelsen|fullmäktige|direktionen))"
                  # "Kommunstyrelsens föreslås besluta": a slip of the pen's genitive before the passive
                  r"(?:s(?=\s+föreslås\b))?"
                  # "Trafik- och renhållningsnämnden och exploateringsnämnden godkänner": the first of two
                  r"(?:\s+(?:och|samt)\s+[a-zåäö-]+(?:nämnden|styrelsen))?\s+(?:föreslås|beslutar|beslöt|"
                  # "Barn- och ungdomsnämnden hemställer hos kommunfullmäktige": the body that asks
                  r"beslutade|föreslår|har att ta ställning|godkänner|antar|fastställer|hemställer)\b", text)
    if m and not NOT_COMMITTEE.match(m.group(1)) and (doc_type in ("tjansteskrivelse", "tjansteutlatande", None)
                                                      or "föreslås" in m.group(0)):
        return canon_committee(m.group(1))
    return None


def _adopting_body(lines: Sequence[str], more_lines: Sequence[str], doc_type: str | None) -> str | None:
    """For an untyped paper or one of type "other": the body that adopted it ("Antagen i
    regionfullmäktige 17 februari 2026")."""
    m = None
    if doc_type in (None, "other"):
        m = _ADOPTED_BY.search("\n".join(list(lines[:30]) + list(more_lines[:40])))
    if m:
        return canon_committee(m.group(1))  # "Antagen i regionfullmäktige 17 februari 2026"
    return None


_FORBUND_BOARD = re.compile(r"^[^\n]{0,60}?\b(?:samkommun|\w*förbund)(?:en|et)?[.,:]?[ \t]+"
                            r"(Styrelsen|Direktionen|STYRELSEN|DIREKTIONEN)\b", re.MULTILINE)


def _forbund_body(text: str, doc_type: str | None, org_kind: OrgKind | None) -> str | None:
    """A kommunalförbund's deciding body, its direktion or styrelse, for its protocols, annual
    report and (by their meeting or decision words) its news of a meeting."""
    if org_kind == "kommunalforbund":
        # the letterhead names the förbund and then its board, bare ("Sydby samkommun. Styrelsen.
        # Protokoll", "Kustens kommunalförbund Direktionen Kallelse")
        m = _FORBUND_BOARD.search("\n".join(text.splitlines()[:10]))
        if m:
            return m.group(1).capitalize()
    if org_kind == "kommunalforbund" and doc_type in ("protokoll", "protokollsutdrag", "arsredovisning"):
        # a kommunalförbund's deciding body is its direktion (or förbundsstyrelse); its protocols
        # print the förbund's name where a kommun's print the nämnd ("finner att direktionen beslutar");
        # a PM or letter of the förbund's staff is not the direktion's
        m = re.search(r"\b(förbundsdirektionen|direktionen|förbundsstyrelsen)\b", text, re.IGNORECASE)
        if m:
            return canon_committee(m.group(1))
        # headed by its meeting only ("Direktionsmöte", "Valdirektionsmöte Protokoll 230118": the
        # first meeting of the direktion after an election)
        m = re.search(r"(?<![\wåäö])(?:val)?(förbundsdirektion|direktion)s(?:möte|sammanträde)", text, re.IGNORECASE)
        if m:
            return canon_committee(m.group(1).lower() + "en")
        # a samordningsförbund or an association of kommuner is led by its styrelse: "Protokoll
        # från styrelsens sammanträde" (a member's kommunstyrelse is one word, never matched here)
        m = re.search(r"\b(styrelsen)s?\s+(?:sammanträde|möte|beslutade|beslutar|har\s+beslutat)\b", text, re.IGNORECASE)
        if m:
            return "Styrelsen"
    if org_kind == "kommunalforbund" and doc_type in (None, "other"):
        # a förbund's news of a meeting: "Vid direktionsmötet fattades det även beslut", "Förbundet
        # hade ett styrelsesammanträde ... Styrelsen beslutade"
        m = re.search(r"(?<![\wåäö])(förbundsdirektion|direktion|förbundsstyrelse|styrelse)s?(?:mötet|möte|sammanträdet|"
                      r"sammanträde)\b|\b(förbundsdirektionen|direktionen|förbundsstyrelsen|styrelsen)\s+"
                      r"(?:beslutade|beslutar|har\s+beslutat|fattade)\b", text, re.IGNORECASE)
        if m:
            word = (m.group(1) or m.group(2)).lower()
            return canon_committee(word if word.endswith("en") else word + ("n" if word.endswith("e") else "en"))
    return None


def _last_resort_body(header: str, lines: Sequence[str], doc_type: str | None, *, text: str, depth: int,
                      last_lines: Sequence[str], more_lines: Sequence[str]) -> str | None:
    """What is left by type: a protocol's notice of adjustment or the initials in its running
    head; a motion, a statement or a reservation stays without a body; anything else the office
    that signs it."""
    if doc_type in ("protokoll", "protokollsutdrag"):
        # the notice of adjustment often has a page of its own after the front page (Anslag / Bevis)
        return (_noticed_body(lines[:40]) or _noticed_body(more_lines[:60])
                or abbreviated(list(header.splitlines()) + list(lines[:depth]), text))
    if doc_type in ("motion", "skrivelse", "reservation"):
        return None
    return _writing_office(list(lines[:30]) + list(more_lines[:40]), last_lines)


# the sentence that calls a body's members to a meeting: the paper is that body's kallelse
CALLED_TO_MEETING = re.compile(r"(?<![\wåäö-])((?:[A-ZÅÄÖa-zåäö][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) )?[A-ZÅÄÖa-zåäö]?[a-zåäö]*"
                               r"(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen))\s+kallas\s+(?:härmed\s+)?"
                               r"till\s+(?:extra\s+)?(?:sammanträde|möte)\b", re.IGNORECASE)
_ABOUT_MEETING = re.compile(r"\b(?:från|inför|till|kallelse(?:/underrättelse)?(?:\s+till)?)\s+((?:[a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) )?[a-zåäö]*"
                            r"(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen))s\s+(?:sammanträde|möte)\b",
                            re.IGNORECASE)


# the notice of a protocol's adjustment (ANSLAG/BEVIS) names the body in a field ("Organ
# Socialnämnden", "Instans", "Nämnd/styrelse") or in its sentence ("Kommunfullmäktiges protokoll
# är justerat", "Socialnämndens protokoll har justerats")
_NOTICE_FIELD = re.compile(r"\b(?:Organ|Instans|Beslutsinstans|Nämnd/[Ss]tyrelse|Forum)\s*:?\s+(?:och\s+)?"
                           r"(?:[A-ZÅÄÖ][\wåäö-]*(?:\s[A-ZÅÄÖ][\wåäö-]*)?\s(?:kommun|stad),\s*)?(?=[A-ZÅÄÖ])")
_NOTICE_SENTENCE = re.compile(r"(?<=[a-zåäö])s\s+protokoll(?:et)?\s+(?:är|har)\s+(?:nu\s+)?justera")


_NOTICE_WORDS = re.compile(r"(?:(?<=Organ )|(?<=Instans ))\s*(?:Protokollet\s+(?:är|har(?:\s+blivit)?)\s+justera\w*\.?\s*)?"
                           r"Justeringen\s+har\s+tillkännagivits\s+genom\s+anslag\.?\s*")
_OWNER_COMMA = re.compile(r"(\b(?:kommun|stad|region),\s*)([a-zåäö])(?=[a-zåäö-]*(?:nämnden|styrelsen|"
                          r"fullmäktige|utskottet|direktionen)\b)")
_INDEFINITE_BOARD = re.compile(r"([A-ZÅÄÖ][a-zåäö]+styrelse)(?![\wåäö])")


def _noticed_body(lines: Sequence[str]) -> str | None:
    """The body the front page's notice of adjustment names, when no letterhead line does."""
    # the notice's own sentences may sit between the field and its value ("Organ Protokollet är
    # justerat. Justeringen har tillkännagivits genom anslag. Kommunstyrelsen (KS)")
    text = _NOTICE_WORDS.sub("", " ".join(ln.strip() for ln in lines))
    # "Organ Hässleholms kommun, omsorgsnämnden": after its kommun the body may be in small letters
    text = _OWNER_COMMA.sub(lambda m: m.group(1) + m.group(2).upper(), text)
    for m in _NOTICE_FIELD.finditer(text):
        c = COMMITTEE.match(text, m.end())
        if c and not NOT_COMMITTEE.match(c.group(1)):
            return canon_committee(c.group(1))
        c = _INDEFINITE_BOARD.match(text, m.end())
        if c:  # "Organ Regionstyrelse": the field may name the board without its article
            return c.group(1) + "n"
    for m in _NOTICE_SENTENCE.finditer(text):
        for c in COMMITTEE.finditer(text, max(0, m.start() - 60), m.start()):
            if c.end() == m.start() and not NOT_COMMITTEE.match(c.group(1)):
                return canon_committee(c.group(1))
    return None


# a steering document's form: "Beslutande instans: Kommunfullmäktige Giltighetstid: Tillsvidare"
# (two columns on one line); the body is the shortest run of words up to a body word, so the
# other column's wrapped text after it ("Vård och omsorgsnämnden och omsorgsnämnden") is left
_DECIDING = re.compile(
    r"^\s*(?:beslutande\s+instans|beslutsinstans|beslutande\s+organ)\s*:\s*"
    r"([A-ZÅÄÖ][\wåäö-]*?(?:\s+[\wåäö&-]+?){0,4}?(?:nämnden|nämnd|styrelsen|fullmäktige|direktionen|"
    r"utskottet|utskott))(?![\wåäö])", re.IGNORECASE | re.MULTILINE)


def _deciding_body(lines: Sequence[str]) -> str | None:
    """The body a steering document's form names as deciding it ("Beslutande instans:
    Kommunstyrelsen"); None where the field is empty, a placeholder ("XX") or not a body (a unit
    of the förvaltning)."""
    for line in lines:
        m = _DECIDING.match(line)
        if m and m.group(1)[0].isupper():
            return canon_committee(m.group(1))
    return None


# "Antagen i regionfullmäktige 17 februari 2026", a web page's field "Antagen av: kommunfullmäktige"
_ADOPTED_BY = re.compile(r"^\s*(?:antagen|antaget|antagna|fastställd|fastställt|beslutad|beslutat)\s+(?:i|av)\s*:?\s+"
                         r"((?:kommun|region|landstings)fullmäktige|(?:kommun|region|landstings)styrelsen|"
                         r"[a-zåäö-]+nämnden)\b",
                         re.IGNORECASE | re.MULTILINE)
_OFFICE = re.compile(r"^((?:[A-ZÅÄÖ][a-zåäö]+-(?:, [a-zåäö]+-)* och [a-zåäö]+|[A-ZÅÄÖ][a-zåäö]*)"
                     r"(?:förvaltningen|kontoret)|Koncernkontoret|Kommunledningskontoret|Stadsledningskontoret|"
                     r"Regionkansliet|Kommunkansliet)(?:,\s*([A-ZÅÄÖ][a-zåäö]+(?: [a-zåäö]+){0,3}))?$")


def _writing_office(lines: Sequence[str], last_lines: Sequence[str]) -> str | None:
    """The office that wrote a report, when no committee is named: "Kontaktperson: N N,
    Koncernkontoret, Regional samhällsplanering", or the office line of the closing signature."""
    for line in lines:
        m = re.match(r"^\s*(?:kontaktperson|handläggare|författare|ansvarig)\s*:\s*[^,]+,\s*(.+)$", line, re.IGNORECASE)
        if m and _OFFICE.match(m.group(1).strip()):
            return m.group(1).strip()
    for line in last_lines[-12:]:
        m = _OFFICE.match(line.strip())
        if m:
            return m.group(0)
    return None
