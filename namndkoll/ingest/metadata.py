"""Document metadata from the document's own words: who wrote it, which body, what kind of
document, its date, its title and its diarienummer.

Read from the running headers/footers, the letterhead (the first lines of the first page) and,
for the date and signature, the closing lines. What is not found stays None: a wrong committee
or date in a citation is worse than none. The same rules serve every municipality, region and
kommunalförbund and every meeting system; ``orgs.py`` knows the bodies, ``dates.py`` the dates,
``committee.py`` the committees and ``titles.py`` the headings.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..registry import code_pattern, party_of_name
from ..types import DocType, Item, Metadata, OrgKind, Page
from . import dates as _dates
from .committee import (
    CALLED_TO_MEETING,
    addressee_block,
    breadcrumb_meeting,
    find_committee,
    joined_lines,
    titled_meeting,
    titled_meeting_day,
)
from .dates import MONTHS
from .orgs import (
    find_organisation,
    kommuner_of_members,
    named_bodies,
    org_by_name,
    org_in_file_name,
)
from .titles import COVER_LETTER as _COVER_LETTER
from .titles import find_title

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

# ---- diarienummer ------------------------------------------------------------------------
# SO 2020/0129, AMN 2020-0104-1.4, KS 2023/512, SLK-2023-00027:45, VO 2024-00112, Dnr 0120/22,
# IKN 2025–00217 (en dash), Alingsås "2025.503 KS"
_D = "[-–]"
# "KS 2019/123", "BUN-2024-00167"; and "SN/2025:31", "KS KF/2025:6" (a register's code, the year
# after a slash and the number after a colon, as NetPublicator's protocols print them)
_DNR_PREFIXED = re.compile(
    r"\b(?!SFS\b|EU\b|SOU\b|ISO\b|ISBN\b|NR\b|Nr\b)([A-ZÅÄÖ]{2,6}[ -–](?:19|20)\d\d[/\-–]\d{1,6}"
    r"(?:[-:.–]\d{1,4}(?:\.\d{1,3})*)?"
    r"|[A-ZÅÄÖ]{2,6}(?: [A-ZÅÄÖ]{2,6})?/(?:19|20)\d\d:\d{1,6})\b")
_DNR_LABELLED = re.compile(
    r"\b(?:Dnr|Dnr\.|Diarienummer|Diarienr|Ärendenummer|Ärendenr|Vårt dnr|Vår beteckning)\s*[:.]?\s*"
    r"((?:[A-ZÅÄÖ]{2,6}[ -–])?\d{1,6}[/\-–.]\d{2,6}(?:[-:.–]\d{1,6}(?:\.\d{1,3})*)?(?: [A-ZÅÄÖ]{2,5}\b)?)")
_DNR_BARE = re.compile(r"^§\s*\d+\s+(\d{3,5}/\d{2}|(?:19|20)\d\d\.\d{1,5} [A-ZÅÄÖ]{2,5})\b", re.MULTILINE)
_YEAR_RANGE_LIKE = re.compile(r"^[A-ZÅÄÖ]{2,6}[ -–](?:19|20)\d\d[-–]\d{1,2}[-–](?:19|20)\d\d$")
_DATE_LIKE = re.compile(r"^[A-ZÅÄÖ]{2,6}[ -–](?:19|20)\d\d[-–](0[1-9]|1[0-2])[-–](0[1-9]|[12]\d|3[01])$")


def find_diarienummer(text: str) -> tuple[str, ...]:
    """Every diarienummer in ``text`` in order of first appearance, as written."""
    found: list[tuple[int, str]] = []
    for rx in (_DNR_LABELLED, _DNR_PREFIXED, _DNR_BARE):
        for m in rx.finditer(text):
            d = re.sub(r"\s+", " ", m.group(1)).strip()
            if rx is _DNR_PREFIXED and (_DATE_LIKE.match(d) or _YEAR_RANGE_LIKE.match(d)):
                continue  # "SBN 2022-10-24": a committee and a date, not a case number
            found.append((m.start(1), d))
    out: list[str] = []
    for _, d in sorted(found):
        if d not in out and not any(d in o for o in out):
            out = [o for o in out if o not in d] + [d]
    return tuple(out)


# ---- type and kind -------------------------------------------------------------------------
_AUDITOR = re.compile(r"\b(?:revisor(?:er|erna|sgrupp\w*)?|stadsrevisionen|kommunrevisionen|regionrevisionen|"
                      r"revisionskontoret|sakkunnig\w*|PwC|KPMG|EY|Ernst & Young|Deloitte|Azets|"
                      r"Grant Thornton|BDO)\b", re.IGNORECASE)
_PROTOCOL_STRONG = re.compile(
    r"^(?:justerat\s+)?(?:sammanträdes|möte[s]?|besluts)?protokoll\b(?!\s+(?:från|över)\b.*\bsom\b)|"
    # "1 PROTOKOLL Landstingsfullmäktige Justerat ...": a web copy keeps the page's number before
    # the letterhead's kind word (in capitals, never an agenda's "5 Protokoll från ...")
    r"^\d{1,3}\s+(?-i:PROTOKOLL|SAMMANTRÄDESPROTOKOLL)\b|"
    r"\bsammanträdesprotokoll\b|\bprotokoll\s*$|^protokoll\s+(?:nr\.?\s*)?\d|"
    # "1 Protokoll Nr 2 Sammanträdesdatum": a numbered protocol after the web copy's page number
    r"^\d{1,3}\s+protokoll\s+nr\.?\s*\d|"
    # "VILHELMINA KOMMUN PROTOKOLL 1(54) Socialnämnden": the kind beside the page count
    r"\bprotokoll\s+(?:sida\s+)?\d{1,3}\s*\(\d{1,3}\)|"
    # "Landstingsstyrelsen PROTOKOLL. 14 december", "PROTOKOLL Sammanträde med ...": the kind word in
    # capitals after the body's name or before the meeting's (an agenda's "5 Protokoll från" is not)
    r"(?-i:[a-zåäö] PROTOKOLL\b)(?!\s+(?:från|över)\b)|(?-i:\bPROTOKOLL\s+Sammanträde)\b|"
    # "KARLSHAMNS KOMMUN PROTOKOLL", "PROTOKOLL FRÅN SAMMANTRÄDE MED GYMNASIENÄMNDEN": the letterhead's
    # organisation and kind word in capitals, or the heading of the meeting's record in capitals
    # (an agenda's point is set in small letters: "5 Protokoll från sammanträde med pensionärsrådet")
    r"(?-i:\b(?:KOMMUN|STAD|REGION|LANDSTING) (?:SAMMANTRÄDES)?PROTOKOLL\b)|(?-i:\bPROTOKOLL FRÅN SAMMANTRÄDE)",
    re.IGNORECASE)
# phrases only a protocol's front page has (who adjusts it, where and when, the notice of its
# adjustment); a web copy or an old template may run them into one line, so searched anywhere
_FRONT_PHRASES = (re.compile(r"\butses\s+att\s+justera\b", re.IGNORECASE),
                  # "Justerade paragrafer 1-12": the adjusted §§ are listed on the front page only
                  re.compile(r"\bjusteringens\s+(?:plats|tid)\b|\b(?:tid\s+och\s+plats|plats\s+och\s+tid)\s+för\s+"
                             r"justering\b|\bjusterade\s+paragrafer\b", re.IGNORECASE),
                  re.compile(r"\banslag\s*/\s*bevis\b|\bbevis\s*/\s*anslag\b|\bbevis\s+om\s+anslag\b|"
                             r"\banslagsbevis\b", re.IGNORECASE),
                  # "Protokollet är justerat", "Justering har tillkännagivits genom anslag"
                  # "Protokollet, som justerats den 7 mars 2014, finns tillgängligt i Stadshuset"
                  re.compile(r"\bprotokoll(?:et)?\s+(?:är|har)\s+(?:nu\s+)?justera|"
                             # "Justeringen av protokollet har tillkännagivits genom anslag på ..."
                             r"\bjustering(?:en)?(?:\s+av\s+protokollet)?\s+har\s+tillkännagivits\b|"
                             r"\bprotokollet,?\s+som\s+(?:har\s+)?justerats\b", re.IGNORECASE))
# an agenda headed by its meeting's day in a letterhead run into one line ("Kommunstyrelsen 3 (22)
# Ärendelista 11 maj 2015"); a protocol's contents headed "Ärendelista" carry no date
_AGENDA_DATED = (r"\bärendelista\s+(?:\d{1,2}\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september|"
                 r"oktober|november|december)\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)\b")
# a notice of a meeting to come: "Sammanträdet kommer att direktsändas via kommunens webbplats",
# "Sammanträdet är öppet för allmänheten" (a protocol tells of a meeting that has been held)
_MEETING_NOTICE = (r"\bsammanträdet\s+(?:kommer\s+att\s+(?:(?:direkt|webb)?sändas|hållas|äga\s+rum)|"
                   r"(?:direkt|webb)sänds|är\s+öppet\s+för\s+allmänheten)\b")
_TYPES: tuple[tuple[DocType | str, re.Pattern[str]], ...] = tuple((t, re.compile(p, re.IGNORECASE)) for t, p in (
    ("protokollsutdrag", (r"^(?:justerat\s+)?protokollsutdrag\b|^utdrag\s+ur\s+(?:sammanträdes|besluts)?"
                         r"protokoll|\bprotokollsutdrag\s*$|^(?:protokoll)?utdrag\s*$")),
    ("kallelse", (r"^(?:kallelse|föredragningslista|dagordning)\b|\b(?:kallelse|föredragningslista)\s*$|"
                  r"\bkallelse\s*/\s*föredragningslista\b|" + CALLED_TO_MEETING.pattern + "|" + _AGENDA_DATED + "|"
                  + _MEETING_NOTICE)),
    # "FÖRVALTNINGENS UTLÅTANDE": a förvaltning's statement to its nämnd, an officer's report
    # the writing office may head it on the same line: "Stadsledningskontoret Tjänsteutlåtande Utfärdat ..."
    # "1 TJÄNSTESKRIVELSE Handläggare ...", "2012-12-19 TJÄNSTEUTLÅTANDE DNR T2012-...": the kind word in
    # capitals after the web copy's page number or the report's date (a ToC's line is in small letters)
    ("tjansteutlatande", (r"^\s*(?:[A-ZÅÄÖ][a-zåäö]+(?:kontoret|förvaltningen)\s+)?tjänsteutlåtande\b|"
                         r"^\s*(?:\d{1,3}|(?:19|20)\d\d-\d\d-\d\d)\s+(?-i:TJÄNSTEUTLÅTANDE)\b|"
                         r"\btjänsteutlåtande\s*$|^\s*förvaltningens\s+utlåtande\s*$")),
    ("tjansteskrivelse", (r"^\s*(?:[A-ZÅÄÖ][a-zåäö]+(?:kontoret|förvaltningen)\s+)?tjänsteskrivelse\b|"
                         r"\btjänsteskrivelse\s*$|^\s*(?:\d{1,3}|(?:19|20)\d\d-\d\d-\d\d)\s+(?-i:TJÄNSTESKRIVELSE)\b")),
    ("sarskilt_yttrande", r"^\s*särskil(?:t|da)\s+(?:yttrande|uttalande)\b"),
    ("reservation", r"^\s*reservation\b"),
    # "Initiativ i kommunstyrelsen": a member's initiative put to the body it names
    ("initiativarende", (r"^\s*initiativ\s?ärende\b|\binitiativärende\s*$|"
                        r"^\s*initiativ\s+(?:i|till)\s+[\wåäö-]*(?:styrelsen|nämnden|fullmäktige)\b|"
                        r"^\s*nämndinitiativ\b")),
    ("motion", r"^\s*motion\b(?!\w)|\bmotion\s+till\s+(?:kommun|region)fullmäktige\b"),
    ("protokoll", _PROTOCOL_STRONG.pattern),
    ("revisionsrapport", (r"\b(?:revisionsrapport(?:en)?|rapportsammandrag|granskningsrapport|"
                         r"revisionsberättelse|revisionsredogörelse|revisionsplan)\b")),
    ("arsredovisning", r"^\s*årsredovisning\b|^\s*årsredovisning\s+(?:19|20)\d\d"),
))
# the points every agenda opens with, each standing alone on its line ("1 / Val av justerare / 2 /
# Fastställande av dagordningen"); a protocol's front page comes before them
_AGENDA_OPENER = re.compile(r"^\s*(?:[•\-–]?\s*\d{1,2}\.?\s+)?(?:val\s+av\s+(?:protokoll)?justerare?(?:\s+och\s+tid\s+för"
                            r"\s+justering)?|fastställande\s+av\s+(?:dagordning|föredragningslista|ärendelista)(?:en)?|"
                            r"upprop|sammanträdets\s+öppnande(?:\s+och\s+formalia)?|föregående\s+protokoll|"
                            r"godkännande\s+av\s+(?:dagordning|föredragningslista)(?:en)?)\s*$", re.IGNORECASE)
_ITEM_HEAD = re.compile(r"^\s*(?:[A-ZÅÄÖ]{1,6}\s+)?§\s*\d|^\s*\d{1,4}\s*§(?:\s|$)")
_AUDIT_WEAK = re.compile(r"^\s*(?:uppföljande\s+granskning|granskning\s+av|uppföljning\s+av\s+(?:tidigare\s+)?"
                         r"granskning|missiv|revisionsrapporter|(?:[a-zåäö]+s\s+)?årsredogörelse)\b",
                         re.IGNORECASE)
# "Handläggare: N N", or a form's row of labels in capitals ("ANSVARIG CHEF HANDLÄGGARE")
_OFFICER_BLOCK = re.compile(r"^\s*handläggare\b|^\s*(?-i:(?:[A-ZÅÄÖ-]{3,}\s+){1,3}HANDLÄGGARE)\s*$", re.IGNORECASE)
_OFFICER_INLINE = re.compile(r"\bhandläggare\b", re.IGNORECASE)
# a document whose first line names it a protocol ("SAMMANTRÄDESPROTOKOLL Sammanträdesdatum
# Kommunstyrelsen", "Protokoll Barn- och utbildningsnämnden"); never "Protokoll från ... som ..." text
_OPENS_AS_PROTOCOL = re.compile(r"^(?:justerat\s+)?(?:sammanträdes|besluts)?protokoll\b"
                                r"(?!\s+(?:från|över)\b.*\bsom\b)(?!\s*,)", re.IGNORECASE)
# a page of a web copy that ran each page into one paragraph: its number, then the kind word in capitals
_PAGE_OPENS_AS_PROTOCOL = re.compile(r"^\s*\d{1,3}\s+(?:SAMMANTRÄDESPROTOKOLL|PROTOKOLL)\b")
# the link a web page opens with for screen readers: the text is a web page, not a PDF
_SKIP_LINK = re.compile(r"^\s*(?:hoppa\s+över\s+navigering(?:en)?|gå\s+direkt\s+till\s+(?:huvud)?innehållet|"
                        r"till\s+(?:huvud)?innehållet|hoppa\s+till\s+(?:huvud)?innehållet)\s*$", re.IGNORECASE)
# an officer's report's kind word in capitals after its date or the web copy's page number
_REPORT_KIND_LINE = re.compile(r"^\s*(?:\d{1,3}|(?:19|20)\d\d-\d\d-\d\d)\s+(TJÄNSTEUTLÅTANDE|TJÄNSTESKRIVELSE)\b")
# the heading of a decision under delegation or of their list, for find_doc_type and as a kind in
# _KINDS (case-sensitive inside: the same under _KINDS' IGNORECASE)
_DELEGATION = r"^\s*(?-i:Delegations(?:beslut|lista)|DELEGATIONS(?:BESLUT|LISTA))(?:\s*$|\s+(?-i:[A-ZÅÄÖ][a-zåäö]))"
_DELEGATION_HEAD = re.compile(_DELEGATION)
_CASE_LABEL = re.compile(r"^\s*(?:datum|diarienr|diarienummer|dnr|ärendenummer)\b", re.IGNORECASE)
# kind words for doc_type "other", most specific first
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.IGNORECASE)) for k, p in (
    ("kallelse", r"\b(?:kallelse|föredragningslista|dagordning)\b|" + CALLED_TO_MEETING.pattern + "|" + _AGENDA_DATED + "|"
     + _MEETING_NOTICE),
    # a note to the press before or after a meeting ("Presskonferens inför barn- och
    # ungdomsnämndens sammanträde", "PRESSMEDDELANDE ... information från kommunstyrelsen")
    # a förbund's or region's news article after a meeting: "Artikeln är skriven av ..., Förbundschef"
    ("pressmeddelande", r"\b(?:pressmeddelande|presskonferens|pressinformation)\w*|\bartikeln\s+är\s+skriven\s+av\b"),
    ("delårsrapport", (r"\b(?:delårsrapport|delårsbokslut|tertialrapport|tertialuppföljning|"
                      r"månadsuppföljning|månadsrapport|uppföljningsrapport)\w*")),
    ("budget", r"\b(?:budget\w*|\w*ramar|ramberedning|flerårsplan|mål och budget|investering\w*)\b"),
    # a decision taken under delegation, or the list of such decisions reported to the nämnd
    # (a heading: capitalised, alone or before a name; not a wrapped agenda line's "delegationsbeslut")
    ("delegationsbeslut", _DELEGATION),
    ("beslut", r"^\s*beslut(?:\s+\d+\s*\(\d+\))?\s*$"),  # an authority's decision: "Beslut 1 (20)" heads it
    # a body's statute: reglemente, förbundsordning, bolagsordning, arbetsordning, stadgar
    ("reglemente", r"\breglemente\w*|\b(?:förbunds|bolags|arbets)ordning\w*|\bstadgar?\b"),
    ("delegationsordning", r"\bdelegationsordning\w*"),
    ("taxa", r"\b\w*taxa\b|\btaxor\b"),
    # kinds a document names by its first word only ("Regler för användande av betalkort",
    # "Anvisning för att förebygga …", "Överenskommelse om …"): in running text the words are common
    ("regler", r"^\s*regler\b"),
    ("anvisning", r"^\s*anvisning(?:ar|en|arna)?\b"),
    ("rutin", r"^\s*rutin(?:en|er)?\b|\btyp av (?:styr)?dokument\s*:\s*rutin\b"),
    ("överenskommelse", r"^\s*\w*överenskommelse(?:n|r|rna)?\b"),
    ("policy", r"\w*polic(?:y|yn|ies)\b"),
    ("riktlinje", r"\w*riktlinje(?:r|rna|n)?\b"),
    ("strategi", r"\w*strategi(?:n|er|erna)?\b"),
    ("program", r"\w*program(?:met)?\b"),
    ("verksamhetsberättelse", r"\bverksamhetsberättelse\w*"),
    ("bokslut", r"\b(?:bokslut|årsbokslut)\b"),
    ("plan", r"\w*plan(?:en|er|erna)?\b"),
    # an agreement titled by its parties ("Avtal mellan Västra hälso- och sjukvårdsnämnden och ...",
    # "Idéburet offentligt partnerskap mellan Alingsås kommun och ..."), by its first words only
    ("avtal", (r"^\s*(?:\w*avtal(?:et)?|(?:idéburet\s+offentligt\s+)?partnerskap)(?:\s+(?:mellan|om|avseende)\b|\s*$)|"
               r"^\s*idéburet\s+offentligt(?:\s+partnerskap)?\s*$")),
    # a nämnd's review of its own work ("Genomlysning 2026–2027 Bygg- och miljönämnden") is an inquiry
    ("utredning", r"\b(?:utredning|utvärdering|förstudie|kartläggning|analys|rapport|promemoria|PM|genomlysning)\w*"),
    ("yttrande", r"^\s*(?:yttrande|remissvar|remissyttrande)\b"),
    ("interpellation", r"^\s*interpellation\b"),
    ("medborgarförslag", r"^\s*medborgarförslag\b"),
))
# a member's name and party code as a signature ("Anna Berg (S)", an older record's "Per Ek (fp)")
_SIGNED_BY_MEMBER = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)+\s*\((?:"
                               + code_pattern(former=True, lower=True) + r")\)")
# a document that names its own kind in its text ("Vi skickar detta PM", "Denna rapport är ...")
_SELF_KIND = re.compile(r"\b(?:detta|denna|vårt|vår)\s+(?:PM|promemoria|rapport|utredning)\b", re.IGNORECASE)
_LETTER_CLOSE = re.compile(r"^\s*(?:med\s+)?vänlig(?:a)?\s+hälsning(?:ar)?\b", re.IGNORECASE)
_MOTION_BODY = re.compile(r"förslag till beslut i (?:kommun|region)fullmäktige|(?:jag|vi) (?:yrkar|föreslår)|"
                          r"yrkar (?:jag|vi)|föreslår (?:jag|vi)|(?:kommun|region)fullmäktige (?:besluta|beslutar|"
                          r"uppdrar|ger)\b", re.IGNORECASE)


# a template's list of document kinds, one word a line ("Strategi / Program / Plan / Policy /
# Riktlinjer / Regler", whichever is ticked): it names every kind, so none of them
_KIND_WORD = re.compile(r"^\s*(?:strategi|program|plan|policy|riktlinje[r]?|regler|reglemente|anvisning|taxa|"
                        r"handlingsplan|rutin)\s*$", re.IGNORECASE)


def find_kind(lines: Sequence[str]) -> str | None:
    """The kind word of a document of type "other" (policy, plan, budget ...), from the first
    line of ``lines`` that holds one."""
    for i, line in enumerate(lines):
        if _KIND_WORD.match(line) and any(0 <= j < len(lines) and _KIND_WORD.match(lines[j]) for j in (i - 1, i + 1)):
            continue
        for kind, rx in _KINDS:
            if rx.search(line):
                return kind
    return None


def find_doc_type(lines: Sequence[str], has_items: bool, *, first_text: str = "",
                  last_lines: Sequence[str] = (), first_line: str = "") -> DocType | None:
    """The document's type from its header and letterhead words (``lines``: running headers and
    the first lines of page 1), its layout and, for unlabelled motions and statements, how it is
    signed (``last_lines``). ``first_text``: the first pages' text, for the auditor test;
    ``first_line``: the first line of page 1's text (below any running header)."""
    top = list(lines[:20])
    if not has_items and breadcrumb_meeting(top[:3]):
        return "other"  # a web page's trail ends at a meeting: its agenda, whatever its items say
    if has_items:
        # in a protocol, "Reservation", "Motion …" below the first § heading are the item's
        # sections and titles, not what the document is
        first = next((i for i, ln in enumerate(top) if _ITEM_HEAD.match(ln)), None)
        if first:
            top = top[:first]
    if _OPENS_AS_PROTOCOL.match(first_line.strip()):
        # the first line names the document a protocol ("SAMMANTRÄDESPROTOKOLL Kommunstyrelsen"): a
        # ToC line below it that opens with "Motion om ..." or "Tjänsteskrivelse ..." is an item's title
        return "protokoll"
    for kind, rx in _TYPES:
        if any(rx.search(line) for line in top):
            if kind == "kallelse":
                return "other"
            if kind == "protokoll" and not has_items and not any(_PROTOCOL_STRONG.search(ln) for ln in top):
                continue
            return kind  # type: ignore[return-value]
    if not has_items and any(_DELEGATION_HEAD.match(ln) for ln in top[:4]):
        # "Delegationsbeslut / Delegationsnr: 6.4 / Datum: / Handläggare:", "DELEGATIONSLISTA
        # Barn- och ungdomsförvaltningen": an officer's decision under delegation (or the list of
        # them) reported to the nämnd, headed as such above its officer's form: not a report
        # asking the nämnd to decide
        return "other"
    front_lines = (first_text or "\n".join(lines)).splitlines()[:45]
    report = next((m.group(1) for ln in front_lines if (m := _REPORT_KIND_LINE.match(ln))), None)
    if report and not has_items:
        # below a web copy's buttons and attachment list: "2012-12-19 TJÄNSTEUTLÅTANDE DNR T2012-..."
        return "tjansteutlatande" if report.endswith("UTLÅTANDE") else "tjansteskrivelse"
    if any(_OFFICER_BLOCK.match(ln) for ln in top) and any(_CASE_LABEL.match(ln) for ln in top):
        return "tjansteskrivelse"  # "Datum: / Handläggare: / Diarienr:" heads an officer's report
    if not has_items and any(_OFFICER_INLINE.search(ln) and find_diarienummer(ln) for ln in top[:3]):
        # the same head run into one line by a web copy: "1 september 2014 KS-2014/742.912 1 (11)
        # HANDLÄGGARE Åsa Brunkvist": the case number and its officer open the report
        return "tjansteskrivelse"
    if any(_AUDIT_WEAK.match(ln) for ln in top) and _AUDITOR.search(first_text or "\n".join(lines)):
        return "revisionsrapport"
    if has_items and sum(1 for ln in top if re.match(r"^\s*(?:plats och tid|beslutande|justerare|"
                                                     r"närvarande|ledamöter)\b", ln, re.IGNORECASE)) >= 1:
        return "protokoll"
    front = first_text or "\n".join(lines[:40])
    if not has_items and sum(1 for rx in _FRONT_PHRASES if rx.search(front)) >= 2:
        return "protokoll"  # a protocol's front page (its first § on a later page)
    if not has_items and sum(1 for ln in front.splitlines()[:40] if _AGENDA_OPENER.match(ln)) >= 2:
        return "other"  # a meeting's agenda: its first points stand alone, with no front page
    if not has_items and any(_PAGE_OPENS_AS_PROTOCOL.match(ln) for ln in front.splitlines()[:80]):
        # a page of the web copy opens with the kind word after its number ("3 SAMMANTRÄDESPROTOKOLL
        # 1(40) Plats och tid"): the protocol, after a list of its cases the page put first
        return "protokoll"
    signed = [ln for ln in last_lines[-8:] if _SIGNED_BY_MEMBER.search(ln) or party_of_name(ln)]
    if signed and not has_items and _MOTION_BODY.search(first_text):
        return "motion"
    if find_kind(top):
        return "other"
    if has_items:
        return "protokoll"
    if any(party_of_name(x) for x in last_lines[-6:]):
        return "skrivelse"  # signed by a party: the party's own statement
    if _SELF_KIND.search(first_text):
        return "other"  # "Vi skickar detta PM": it says what it is, a kind without a type
    if any(_LETTER_CLOSE.match(x) for x in last_lines):
        return "skrivelse"  # "Med vänliga hälsningar": a letter
    return None


# ---- date ----------------------------------------------------------------------------------
_POLICY_KINDS = {"policy", "plan", "strategi", "riktlinje", "program", "reglemente", "delegationsordning",
                 "taxa", "regler", "anvisning", "överenskommelse", "rutin"}
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
        dated = next((d for ln in lines[:45] if _REPORT_KIND_LINE.match(ln) for _, d in _dates.dates_in(ln)), None)
        if dated:
            return dated
    if doc_type is None:
        return (_dates.labelled_date(top) or _labelled_meeting(top) or _dates.top_date(top, n=10)
                or _dates.closing_date(whole))
    return (_dates.labelled_date(top) or _dates.top_date(top) or _dates.leading_date(lines)
            or _dates.closing_date(whole))


def _labelled_meeting(lines: Sequence[str]) -> str | None:
    for i, line in enumerate(lines):
        if re.match(r"^\s*(?:sammanträdes\w*|mötesdatum)\b", line, re.IGNORECASE):
            return _dates.meeting_date([], lines[i:i + 2])
    return None


# ---- the whole ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Zones:
    header: str  # running headers and footers of the first pages
    lines: list[str]  # the first two non-empty pages' lines
    top: list[str]  # header lines + the first lines of page 1: where a document says what it is
    last: list[str]  # the last page's lines
    all_lines: list[str]
    first_text: str


def _zones(pages: Sequence[Page]) -> _Zones:
    firsts = [p for p in pages if p.text.strip()][:2]
    header = "\n".join(dict.fromkeys(h for p in pages[:3] for h in (p.header, p.footer) if h))
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


# Bodies the law gives only a kommun (föräldrabalken's överförmyndare, vallagen's valnämnd,
# socialtjänstlagen's and plan- och bygglagen's nämnder): a protocol that names no organisation
# in its text (the kommun's name only in the logo) is still a kommun's. Regions' nämnder have
# other names (hälso- och sjukvårdsnämnd, patientnämnd), kommunalförbund a direktion. (Region
# Gotland, which does a kommun's work, names itself in its records, so it is found above.)
_KOMMUN_ONLY_BODY = re.compile(
    r"(?:^|\s)(?:Överförmyndarnämnd|Valnämnd|Socialnämnd|Byggnadsnämnd|Bygg- och miljönämnd"
    r"|Miljö- och byggnadsnämnd|Samhällsbyggnadsnämnd"
    # the school below the gymnasium, leisure and the care of the old are a kommun's alone too
    r"|Barn- och (?:utbildnings|ungdoms|skol)nämnd|Grundskolenämnd|Förskolenämnd|Kultur- och fritidsnämnd"
    r"|Fritidsnämnd|Fritids- och [a-zåäö]+nämnd|Vård- och omsorgsnämnd|Äldrenämnd|Äldreomsorgsnämnd"
    # and so are the school's and the social services' bodies under other names ("Bildningsnämnden",
    # "Omsorgs- och arbetsmarknadsnämnden", "Socialutskottet")
    r"|Bildningsnämnd|Omsorgsnämnd|Omsorgs- och [a-zåäö]+nämnd|Socialutskott)", re.IGNORECASE)


# Bodies only a region (formerly a landsting) has: health care, dental care and patients'
# complaints are the regions' by law (hälso- och sjukvårdslagen, tandvårdslagen, lagen om
# patientnämndsverksamhet); a kommunalförbund is led by a direktion or a förbundsstyrelse
_REGION_ONLY_BODY = re.compile(
    r"(?:^|\s)(?:(?:Regional|Operativ|Strategisk|Norra|Södra|Västra|Östra)a\s+)?(?:Hälso- och sjukvårdsnämnd"
    r"|Hälso- och sjukvårdsstyrelse|Patientnämnd|Tandvårdsnämnd|Primärvårdsnämnd|Psykiatrinämnd"
    r"|Nämnden för folkhälsa och sjukvård|Regionala utvecklingsnämnd)", re.IGNORECASE)
_FORBUND_BODY = re.compile(r"(?:Förbunds)?direktion(?:en)?\b|Förbundsstyrelse|Förbundsfullmäktige",
                           re.IGNORECASE)


# an officer titled by the förbund he heads ("Per Liljebäck, förbundschef för Samordningsförbundet
# Kungälv") is a guest of the body whose paper it is, not its own
_OF_NAMED_BODY = r"(?!\s+(?:för|i|vid|på)\s+(?-i:[A-ZÅÄÖ]))"


# words a body uses only of its own officers and premises: a document that names no body but
# has its förbundsdirektör or "Regionförbundets kansli" is a förbund's; its regiondirektör,
# landstingsråd or "Regionens hus" a region's (formerly a landsting's)
# A förbund's paper may name itself only by its kind ("Räddningstjänstförbundet" alone on a line, a
# table's head) and speak of its members ("Medlemskommunernas driftbidrag"): the kommuner it names
# then are its members, not its author
_OWN_FORBUND = re.compile(r"\b(?:(?:förbundsdirektör|förbundschef|förbundssekreterare)(?:en)?\b" + _OF_NAMED_BODY + "|"
                          # (not one it names by its county: "ansvarsfrihet för regionförbundet i Kalmar län")
                          r"regionförbunde[nt]s?(?!\s+i\s+(?-i:[A-ZÅÄÖ]))|kommunalförbundet|förbundsdirektionen|"
                          r"medlemskommun(?:er|erna|ernas)?)\b|"
                          r"^(?-i:[A-ZÅÄÖ][a-zåäö]+förbundet)$", re.IGNORECASE | re.MULTILINE)
_OWN_REGION = re.compile(r"\b(?:regiondirektör(?:en)?|regionråd(?:et)?|landstingsdirektör(?:en)?|landstingsråd(?:et)?|"
                         r"landstingsrevisor\w*|regionkontoret|landstingshuset|landstingets\s+kansli|"
                         r"regionens\s+hus)\b", re.IGNORECASE)


# and a kommun's: its kommunchef or kommundirektör, its kommunledningskontor, its kommunrevisor
# (a region's and a förbund's own words are looked for first: they may name their members' officers)
_OWN_KOMMUN = re.compile(r"\b(?:kommunchef(?:en)?|kommundirektör(?:en)?|kommunrevisor\w*|kommunrevision(?:en|ens)?|"
                         r"kommunledningskontor(?:et)?|kommunledningsförvaltning(?:en)?|kommunkansli(?:et)?)\b",
                         re.IGNORECASE)


# a förbund's own officers: a document that has them is the förbund's, and the kommuner's
# anslagstavlor it names are its members' (a kommun's paper rarely lists a förbund's officers)
_FORBUND_OFFICER = re.compile(r"\b(?:förbundsdirektör|förbundschef|förbundssekreterare)(?:en)?\b" + _OF_NAMED_BODY,
                              re.IGNORECASE)


def _kind_by_own_words(text: str) -> OrgKind | None:
    if _OWN_FORBUND.search(text):
        return "kommunalforbund"
    if _OWN_REGION.search(text):
        return "region"
    if _OWN_KOMMUN.search(text):
        return "kommun"
    return None


# an extract is certified ("Utdragsbestyrkande", "Rätt utdraget betygar") and lacks the protocol's
# front page (where and when, who decided, who adjusts); a whole protocol has both
_EXTRACT_MARK = re.compile(r"utdragsbestyrkande|rätt\s+utdraget\s+(?:betygar|intygar)|utdraget\s+bestyrks|"
                           r"^\s*(?:protokolls)?utdrag\s*$", re.IGNORECASE | re.MULTILINE)
_FRONT_PAGE = re.compile(r"^\s*(?:plats\s+och\s+tid|tid\s+och\s+plats|beslutande|närvarande|ledamöter|"
                         r"utses\s+att\s+justera|justerare|justeringens\s+(?:plats|tid)|paragrafer)\b|"
                         r"\butses\s+att\s+justera\b|\bjusteringens\s+plats\s+och\s+tid\b|"
                         # a front page flattened into long lines keeps its field names mid-line
                         r"\bplats\s+och\s+tid\b|\btid\s+och\s+plats\b|\bbeslutande\s+ledamöter\b|"
                         r"\bej\s+tjänstgörande\s+ersättare\b",
                         re.IGNORECASE | re.MULTILINE)


def is_extract(pages: Sequence[Page], n_items: int = 1) -> bool:
    """Whether a document typed as a protocol is an extract of one: a few §§, certified as an
    extract ("Protokollsutdrag skickas till" in a whole protocol is not) and without a protocol's
    front page."""
    if n_items > 5:
        return False
    text = "\n".join(p.header + "\n" + p.text + "\n" + p.footer for p in pages)
    return bool(_EXTRACT_MARK.search(text)) and not _FRONT_PAGE.search(text)


_ENCLOSURE = re.compile(r"\bBilaga\s+[\d:.]+\s+till\s+((?:[a-zåäö]+-(?: och| samt) )?[a-zåäö]*(?:nämnden|styrelsen|"
                        r"fullmäktige|utskottet|direktionen))s\s+protokoll\s+(?:den\s+)?"
                        r"(\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d|(?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)


def _canon_body(name: str) -> str:
    return name[0].upper() + name[1:].lower()


def _heads_pages(committee: str, header: str) -> bool:
    """Whether the running head of the pages names ``committee`` (wrapped lines joined)."""
    return committee.casefold() in " ".join(joined_lines(header.splitlines())).casefold()


def _own_body_of(committee: str, *kinds: OrgKind) -> bool:
    """Whether ``committee``'s name alone says it is a body of one of ``kinds``."""
    if "region" in kinds and (committee.startswith(("Region", "Landsting")) or _REGION_ONLY_BODY.search(committee)):
        return True
    return "kommunalforbund" in kinds and bool(_FORBUND_BODY.match(committee))


def _named_before_items(name: str | None, header_lines: Sequence[str], page1: Sequence[str]) -> bool:
    """Whether ``name`` stands in the running head or the letterhead above the first § heading."""
    if not name:
        return False
    head = list(header_lines)
    for ln in page1:
        if _ITEM_HEAD.match(ln):
            break
        head.append(ln)
    return name.casefold() in "\n".join(head).casefold()


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
    skip = next((i for i, ln in enumerate(z.lines[:6]) if _SKIP_LINK.match(ln)), None)
    return _Front(first_page, page1, page1[:15], z.all_lines[min(15, len(page1)):],
                  [h for p in pages for h in (p.header + "\n" + p.footer).splitlines() if h.strip()],
                  "\n".join(z.all_lines[:80]), z.lines[skip + 1:skip + 3] if skip is not None else [])


def _type_and_kind(pages: Sequence[Page], items: Sequence[Item], z: _Zones) -> tuple[DocType | None, str | None]:
    """The type the head and letterhead give (``find_doc_type``), a protocol of a few certified
    §§ without a front page being an extract; for type "other" its kind word, from the head and
    letterhead or else the first lines."""
    doc_type = find_doc_type(z.top, bool(items), first_text=z.first_text, last_lines=z.last,
                             first_line=z.lines[0] if z.lines else "")
    if doc_type == "protokoll" and is_extract(pages, len(items)):
        doc_type = "protokollsutdrag"
    kind = find_kind(z.top) if doc_type == "other" else None
    if doc_type == "other" and kind is None:
        kind = find_kind(z.lines[:25])
    return doc_type, kind


def _organisation(front: _Front, own_kind: OrgKind | None) -> tuple[str | None, OrgKind | None]:
    """The organisation the text names as its author, before the committee is known: a förbund's
    paper (by its own words or officers) may name its member kommuner, which are then not its
    author."""
    org = find_organisation(front.letterhead, front.body_lines, header_lines=front.header_lines,
                            joint_body=own_kind == "kommunalforbund",
                            members_boards=bool(_FORBUND_OFFICER.search(front.opening)))
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
    return find_committee(z.header, z.lines if short_first else front.page1 or z.lines, doc_type,
                          text="\n".join(z.all_lines[:400]), org_kind=org_kind, last_lines=z.last,
                          more_lines=z.lines)


def _put_to_kommun(front: _Front, committee: str | None,
                   org: tuple[str | None, OrgKind | None]) -> tuple[str | None, OrgKind | None]:
    """The author of a paper put to a kommun's assembly or board: a region or förbund it only
    mentions is not its author; the kommun it names, where it names one, is."""
    if org[1] in ("region", "kommunalforbund") and re.match(r"Kommun(?:styrelsen|fullmäktige)", committee or ""):
        own = find_organisation(front.letterhead, front.body_lines, header_lines=front.header_lines,
                                kommun_body=True)
        if own:
            return own
    return org


def _kommun_pages(z: _Zones, front: _Front, doc_type: DocType | None, committee: str | None,
                  org: tuple[str | None, OrgKind | None]) -> tuple[str | None, OrgKind | None]:
    """The author of § pages whose running head names the body whose §§ these are (a kommun's
    nämnd or its utskott): a region or förbund its case speaks of ("Västra Götalandsregionen
    (VGR) har beslutat ...") is not the pages' author; the kommun it names is, and without one
    the author stays unknown."""
    municipality, org_kind = org
    if (org_kind in ("region", "kommunalforbund") and doc_type in _MEETING_PAPERS and committee
            and _heads_pages(committee, z.header) and not _own_body_of(committee, "region", "kommunalforbund")
            and not _named_before_items(municipality, front.header_lines, front.page1)):
        own = find_organisation(front.letterhead, front.body_lines, header_lines=front.header_lines,
                                kommun_body=True)
        return own if own and own[1] == "kommun" else (None, None)
    return org


def _statement_to_kommun(z: _Zones, doc_type: DocType | None, org_kind: OrgKind | None, committee: str | None,
                         kind: str | None) -> tuple[DocType | None, str | None, str | None]:
    """A förbund's or region's officer writing to a kommun's nämnd (a räddningstjänst's yttrande
    to the byggnadsnämnd's bygglov unit) sends a statement to another organisation (type "other"
    with its kind word), not a report to a body of its own, which the addressee's nämnd is not."""
    if (doc_type in ("tjansteskrivelse", "tjansteutlatande") and org_kind in ("kommunalforbund", "region", "other")
            and committee and _KOMMUN_ONLY_BODY.search(committee)):
        return "other", None, find_kind(z.top) or find_kind(z.lines[:25])
    return doc_type, committee, kind


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
    if (doc_type in (None, "other") and not items and any(_SKIP_LINK.match(ln) for ln in z.lines[:3])
            and any(_AGENDA_OPENER.match(ln) for ln in z.first_text.splitlines()[:40])):
        doc_type, kind = "other", "kallelse"
    return doc_type, committee, kind


def _kind_of_body(committee: str | None) -> OrgKind | None:
    """The kind of organisation ``committee``'s name alone gives ("Regionstyrelsen", a valnämnd
    only a kommun has, a förbund's direktion), or None."""
    if not committee:
        return None
    if committee.startswith(("Region", "Kommun", "Landsting")):
        return "kommun" if committee.startswith("Kommun") else "region"
    if _KOMMUN_ONLY_BODY.search(committee):
        return "kommun"
    if _REGION_ONLY_BODY.search(committee):
        return "region"
    if _FORBUND_BODY.match(committee):
        return "kommunalforbund"
    return None


def _kind_of_bodies_named(z: _Zones, doc_type: DocType | None, kind: str | None) -> OrgKind | None:
    """For a meeting's paper (protocol, agenda, web page) whose body named itself nowhere: the
    bodies its cases name ("Budgetuppföljning för Fritids- och folkhälsonämnden") tell a kommun's
    from a region's when of one kind only (a budget's rows "Barn- och ungdomsnämnden (6 000 tkr)"
    name the bodies it funds, not its own, so other papers are not read so)."""
    if not (doc_type in _MEETING_PAPERS or (doc_type == "other" and kind in (None, "kallelse"))):
        return None
    opening = "\n".join(z.all_lines[:150])
    kommun_only, region_only = _KOMMUN_ONLY_BODY.search(opening), _REGION_ONLY_BODY.search(opening)
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
    return (_kind_of_body(committee) or own_kind or ("kommunalforbund" if joint_members else None)
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
    if title and _COVER_LETTER.match(title):
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
    if title and _COVER_LETTER.match(title):
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
    own_kind = _kind_by_own_words(front.opening)
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
    return Metadata(title, municipality, committee, doc_type, date, dnr, org_kind, kind)


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
