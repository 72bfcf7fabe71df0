"""What kind of document a text is: its type (protocol, extract, officer's report, motion, audit
report ...) from the words of its head and letterhead, its layout and how it is signed, and for
type "other" its kind word (policy, plan, budget, kallelse ...)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..registry import code_pattern, party_of_name
from ..types import DocType, Page
from .committee import CALLED_TO_MEETING
from .diarienummer import find_diarienummer
from .meeting_pages import breadcrumb_meeting

__all__ = ["AGENDA_OPENER", "ITEM_HEAD", "REPORT_KIND_LINE", "SKIP_LINK", "find_doc_type", "find_kind",
           "is_extract", "signed_by_member"]

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
    # (an agenda's point is set in small letters: "5 Protokoll från sammanträde med pensionärsrådet");
    # "SUNDS KOMMUN PROTOKOLLSIDA": the Finland-Swedish form heads its front page "protokollsida"
    r"(?-i:\b(?:KOMMUN|STAD|REGION|LANDSTING) (?:SAMMANTRÄDES)?PROTOKOLL(?:SIDA)?\b)|(?-i:\bPROTOKOLL FRÅN SAMMANTRÄDE)",
    re.IGNORECASE)
# "NÄRVARANDE LEDAMÖTER", "Närvarande medlemmar": the field of those present at a meeting held (a
# notice lists its "Ledamöter"; "de närvarande ledamöterna" is a sentence's)
_PRESENT_FIELD = re.compile(r"\bnärvarande\s+(?:ledamöter|medlemmar)\b", re.IGNORECASE)
# phrases only a protocol's front page has (who adjusts it, where and when, the notice of its
# adjustment); a web copy or an old template may run them into one line, so searched anywhere
_FRONT_PHRASES = (re.compile(r"\butses\s+att\s+justera\b", re.IGNORECASE),
                  # "Justerade paragrafer 1-12": the adjusted §§ are listed on the front page only
                  re.compile(r"\bjusteringens\s+(?:plats|tid)\b|\b(?:tid\s+och\s+plats|plats\s+och\s+tid)\s+för\s+"
                             r"justering\b|\bjusterade\s+paragrafer\b", re.IGNORECASE),
                  # "ANSLAG/BEVIS", "BEVIS OM JUSTERING"
                  re.compile(r"\banslag\s*/\s*bevis\b|\bbevis\s*/\s*anslag\b|\bbevis\s+om\s+(?:anslag|justering)\b|"
                             r"\banslagsbevis\b", re.IGNORECASE),
                  _PRESENT_FIELD,
                  # "Protokollet är justerat", "Justering har tillkännagivits (tillkännagetts) genom anslag"
                  # "Protokollet, som justerats den 7 mars 2014, finns tillgängligt i Stadshuset"
                  re.compile(r"\bprotokoll(?:et)?\s+(?:är|har)\s+(?:nu\s+)?justera|"
                             # "Justeringen av protokollet har tillkännagivits genom anslag på ..."
                             r"\bjustering(?:en)?(?:\s+av\s+protokollet)?\s+har\s+tillkännag(?:ivits|etts)\b|"
                             r"\bprotokollet,?\s+som\s+(?:har\s+)?justerats\b", re.IGNORECASE))
# a Finland-Swedish front page's fields: "Protokolljustering" (where and when it is adjusted) and
# "Protokollet framlagt till påseende"; the notice of a meeting prints the same form, so they tell a
# protocol only where its attendance column is marked (one "X" or "-" a member: "Närv." / "Anna Ek X")
# or it lists those present
_FI_FRONT_PHRASES = (re.compile(r"\bprotokolljustering\b", re.IGNORECASE),
                     re.compile(r"\bprotokollet\s+(?:är\s+|finns\s+)?(?:framlagt|framläggs|framlades)\s+(?:till|för)\s+"
                                r"(?:allmänt\s+)?påseende\b|"
                                # "Det justerade protokollet med anvisning om rättelseyrkande ... hålls
                                # offentligt framlagt i stadshuset"
                                r"\bjusterade\s+protokollet\b[^.]{0,120}?\bhålls\s+(?:offentligt\s+)?framlagt\b",
                                re.IGNORECASE))
_ATTENDANCE_HEAD = re.compile(r"\bnärv(?:\.|arande\b)", re.IGNORECASE)
_ATTENDANCE_MARK = re.compile(r"(?:(?<=[a-zåäö.,])[ \t]+|^[ \t]*)[Xx](?=[ \t]+[A-ZÅÄÖ]|[ \t]*$)", re.MULTILINE)


def _front_phrases(front: str) -> int:
    """How many of a protocol's front-page phrases ``front`` has; the Finland-Swedish form's
    fields count where members' attendance is marked (at least three marks) or those present are listed."""
    n = sum(1 for rx in _FRONT_PHRASES if rx.search(front))
    marked = _ATTENDANCE_HEAD.search(front) and len(_ATTENDANCE_MARK.findall(front)) >= 3
    if marked or _PRESENT_FIELD.search(front):
        n += sum(1 for rx in _FI_FRONT_PHRASES if rx.search(front))
    return n


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
# a numbered point may end with a period ("1. Öppnande av dagens möte.", "2. Upprop.", "4. Utseende
# av justeringspersoner.")
AGENDA_OPENER = re.compile(r"^\s*(?:[•\-–]?\s*\d{1,2}\.?\s+)?(?:(?:val|utseende)\s+av\s+(?:protokoll)?(?:justerare?|"
                            r"justeringsm[äa]n|justeringspersoner?)(?:\s+och\s+tid\s+för\s+justering)?|"
                            r"fastställande\s+av\s+(?:dagordning|föredragningslista|ärendelista)(?:en)?|"
                            r"upprop|(?:sammanträdets|mötets)\s+öppnande(?:\s+och\s+formalia)?|"
                            r"öppnande\s+av\s+(?:dagens\s+)?(?:möte|sammanträde)t?|föregående\s+protokoll|"
                            r"godkännande\s+av\s+(?:kungörelse\s+och\s+)?(?:dagordning|föredragningslista)(?:en)?)"
                            r"\.?\s*$", re.IGNORECASE)
ITEM_HEAD = re.compile(r"^\s*(?:[A-ZÅÄÖ]{1,6}\s+)?§\s*\d|^\s*\d{1,4}\s*§(?:\s|$)")
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
SKIP_LINK = re.compile(r"^\s*(?:hoppa\s+över\s+navigering(?:en)?|gå\s+direkt\s+till\s+(?:huvud)?innehållet|"
                        r"till\s+(?:huvud)?innehållet|hoppa\s+till\s+(?:huvud)?innehållet)\s*$", re.IGNORECASE)
# an officer's report's kind word in capitals after its date or the web copy's page number
REPORT_KIND_LINE = re.compile(r"^\s*(?:\d{1,3}|(?:19|20)\d\d-\d\d-\d\d)\s+(TJÄNSTEUTLÅTANDE|TJÄNSTESKRIVELSE)\b")
# a web copy's page that opens, after its number, with a report's kind word and its own first page
# counter ("41 Tjänsteskrivelse Sida 1(2) Kommunledningsförvaltningen"): that report's first page
_PAGE_KIND_HEAD = re.compile(r"^\s*\d{1,3}\s+(Tjänsteutlåtande|Tjänsteskrivelse)\s+Sida\s+1\s*\(\s*\d{1,3}\s*\)")
_BARE_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
# the heading of a decision under delegation or of their list, for find_doc_type and as a kind in
# _KINDS (case-sensitive inside: the same under _KINDS' IGNORECASE)
_DELEGATION = r"^\s*(?-i:Delegations(?:beslut|lista)|DELEGATIONS(?:BESLUT|LISTA))(?:\s*$|\s+(?-i:[A-ZÅÄÖ][a-zåäö]))"
_DELEGATION_HEAD = re.compile(_DELEGATION)
# the head of an authority's regulation, whose "1 §" ... are its sections, not a meeting's items
_REGULATION = r"\w+s\s+författningssamling\b|^\s*[A-ZÅÄÖ]\w+s\s+föreskrifter\s+(?:om|och)\b"
_REGULATION_HEAD = re.compile(_REGULATION)
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
    # "Ramar 2027-2029", "Underlag ramar 2027-2029" (the years maybe on the next line), "budgetramar";
    # not the "ramar" of a process
    # ("Beskrivning av process och ramar inför muntlig dialog")
    ("budget", (r"\b(?:budget\w*|\w+ramar|ramar\s+(?:för\s+)?(?:19|20)\d\d|ramberedning|flerårsplan|mål och budget|"
                r"investering\w*)\b|^\s*ramar\b|\bramar\s*$")),
    # a decision taken under delegation, or the list of such decisions reported to the nämnd
    # (a heading: capitalised, alone or before a name; not a wrapped agenda line's "delegationsbeslut")
    ("delegationsbeslut", _DELEGATION),
    ("beslut", r"^\s*beslut(?:\s+\d+\s*\(\d+\))?\s*$"),  # an authority's decision: "Beslut 1 (20)" heads it
    # an authority's regulation: "Transportstyrelsens författningssamling", "Boverkets föreskrifter om ..."
    ("föreskrift", _REGULATION),
    # a body's statute: reglemente, förbundsordning, bolagsordning, arbetsordning, stadgar; and the
    # owner's standing directive to its company (ägardirektiv), adopted like them by fullmäktige
    ("reglemente", r"\breglemente\w*|\b(?:förbunds|bolags|arbets)ordning\w*|\bstadgar?\b|\bägardirektiv\w*"),
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
    # a consultant's "Samrådsunderlag" for a permit's consultation is an inquiry too
    ("utredning", (r"\b(?:utredning|utvärdering|förstudie|kartläggning|analys|rapport|promemoria|PM|genomlysning|"
                   r"samrådsunderlag)\w*")),
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


def signed_by_member(last_lines: Sequence[str]) -> bool:
    """Whether the last lines carry a member's signature with a party ("Anna Berg (S)"): a paper
    of a party's members, whatever its type word."""
    return any(_SIGNED_BY_MEMBER.search(ln) or party_of_name(ln) for ln in last_lines[-8:])


def find_kind(lines: Sequence[str], *, not_in_sentences: bool = False) -> str | None:
    """The kind word of a document of type "other" (policy, plan, budget ...), from the first
    line of ``lines`` that holds one. ``not_in_sentences``: a document's kind, so not a word that
    stands deep in a sentence of running text (what the text tells of: a news item's "… beslut om
    att flytta ramuppräkningen (budget 2021) till i höst.")."""
    for i, line in enumerate(lines):
        if _KIND_WORD.match(line) and any(0 <= j < len(lines) and _KIND_WORD.match(lines[j]) for j in (i - 1, i + 1)):
            continue
        for kind, rx in _KINDS:
            m = rx.search(line)
            if m and not (not_in_sentences and kind not in _PHRASE_KINDS and _deep_in_sentence(lines, i, m.start())):
                return kind
    return None


# kinds told by a phrase of running text ("kallas till sammanträde", "Artikeln är skriven av")
_PHRASE_KINDS = ("kallelse", "pressmeddelande")
_STOP = re.compile(r"[.!?:;](?:\s|$)")


def _deep_in_sentence(lines: Sequence[str], i: int, at: int) -> bool:
    """Whether the word at ``at`` of ``lines[i]`` follows eight words or more of a sentence that
    ends with a stop (over the lines it wraps onto, where they go on in small letters): a heading,
    or a page run on as one line, names its kind in its first words."""
    before, k = lines[i][:at], i
    # a line that goes on in small letters goes on with the sentence of the line above
    while not _STOP.search(before) and k > 0 and lines[k].lstrip()[:1].islower() and \
            not re.search(r"[.!?:;]$", lines[k - 1].rstrip()) and i - k < 3:
        k -= 1
        before = f"{lines[k]} {before}"
    words = len(_STOP.split(before)[-1].split())
    after = " ".join(lines[i:i + 2])[at:]
    return words >= 5 and _STOP.search(after) is not None


def find_doc_type(lines: Sequence[str], has_items: bool, *, first_text: str = "",
                  last_lines: Sequence[str] = (), first_line: str = "") -> DocType | None:
    """The document's type from its header and letterhead words (``lines``: running headers and
    the first lines of page 1), its layout and, for unlabelled motions and statements, how it is
    signed (``last_lines``). ``first_text``: the first pages' text, for the auditor test;
    ``first_line``: the first line of page 1's text (below any running header).

    The steps run in the order of trust, the first that answers deciding: the head's own words,
    a report's head, a meeting's layout, then the signature and kind words."""
    top = list(lines[:20])
    if any(_REGULATION_HEAD.search(ln) for ln in top[:4]):
        return "other"  # an authority's regulation, its "1 §" ... sections are no meeting's items
    if not has_items and breadcrumb_meeting(top[:3]):
        return "other"  # a web page's trail ends at a meeting: its agenda, whatever its items say
    if has_items:
        top = _above_items(top)
    return (_by_head_words(top, has_items, first_line=first_line)
            or _by_report_head(lines, top, has_items, first_text=first_text)
            or _by_meeting_layout(lines, top, has_items, first_text=first_text)
            or _by_signature_and_kind(top, has_items, first_text=first_text, last_lines=last_lines))


def _above_items(top: list[str]) -> list[str]:
    """The head lines above the first § heading: in a protocol, "Reservation", "Motion …" below
    it are the item's sections and titles, not what the document is."""
    first = next((i for i, ln in enumerate(top) if ITEM_HEAD.match(ln)), None)
    if first:
        top = top[:first]
    return top


def _by_head_words(top: list[str], has_items: bool, *, first_line: str) -> DocType | None:
    """The type the first line or the head's kind words name ("SAMMANTRÄDESPROTOKOLL",
    "Tjänsteskrivelse", "Motion"); a kallelse and a decision under delegation are "other"."""
    if _OPENS_AS_PROTOCOL.match(first_line.strip()):
        # the first line names the document a protocol ("SAMMANTRÄDESPROTOKOLL Kommunstyrelsen"): a
        # ToC line below it that opens with "Motion om ..." or "Tjänsteskrivelse ..." is an item's title
        return "protokoll"
    for kind, rx in _TYPES:
        if any((m := rx.search(line)) and not (not line[:m.start()].strip() and _goes_on_sentence(top, i))
               for i, line in enumerate(top)):
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
    return None


_SENTENCE_WRAP_MIN = 40  # a line this long that ends in a word of a sentence wraps it


def _goes_on_sentence(top: Sequence[str], i: int) -> bool:
    """Whether ``top[i]`` opens in small letters and goes on with the running sentence of the line
    above (a long line ending in a small word or a comma, no stop): its first word is the
    sentence's ("… Bakgrund till de föreslagna åtgärderna är en / motion Stimulera företagande …"),
    not a kind word heading the document."""
    if i == 0 or not top[i].lstrip()[:1].islower():
        return False
    above = top[i - 1].rstrip()
    return len(above) >= _SENTENCE_WRAP_MIN and re.search(r"[a-zåäöé,]$", above) is not None


def _by_report_head(lines: Sequence[str], top: list[str], has_items: bool, *, first_text: str) -> DocType | None:
    """An officer's report by its head (its kind word in capitals beside its date, the
    "Datum: / Handläggare: / Diarienr:" block, a case number beside its officer) or an audit
    report by an audit heading and the auditors named."""
    # a transcript's pages that kept no text are bare page numbers ("1", "2", ... "40"): no line of
    # the front
    front_lines = [ln for ln in (first_text or "\n".join(lines)).splitlines()
                   if ln.strip() and not _BARE_PAGE_NUMBER.match(ln)][:45]
    report = next((m.group(1) for ln in front_lines
                   if (m := REPORT_KIND_LINE.match(ln) or _PAGE_KIND_HEAD.match(ln))), None)
    if report and not has_items:
        # below a web copy's buttons and attachment list: "2012-12-19 TJÄNSTEUTLÅTANDE DNR T2012-...",
        # "41 Tjänsteskrivelse Sida 1(2) Kommunledningsförvaltningen"
        return "tjansteutlatande" if report.upper().endswith("UTLÅTANDE") else "tjansteskrivelse"
    if any(_OFFICER_BLOCK.match(ln) for ln in top) and any(_CASE_LABEL.match(ln) for ln in top):
        return "tjansteskrivelse"  # "Datum: / Handläggare: / Diarienr:" heads an officer's report
    if not has_items and any(_OFFICER_INLINE.search(ln) and find_diarienummer(ln) for ln in top[:3]):
        # the same head run into one line by a web copy: "1 september 2014 KS-2014/742.912 1 (11)
        # HANDLÄGGARE Åsa Brunkvist": the case number and its officer open the report
        return "tjansteskrivelse"
    if any(_AUDIT_WEAK.match(ln) for ln in top) and _AUDITOR.search(first_text or "\n".join(lines)):
        return "revisionsrapport"
    return None


def _by_meeting_layout(lines: Sequence[str], top: list[str], has_items: bool, *, first_text: str) -> DocType | None:
    """A protocol by its front page's fields or phrases, or by a web copy's page opening with
    the kind word; an agenda ("other") by its opening points standing alone."""
    if has_items and sum(1 for ln in top if re.match(r"^\s*(?:plats och tid|beslutande|justerare|"
                                                     r"närvarande|ledamöter)\b", ln, re.IGNORECASE)) >= 1:
        return "protokoll"
    front = first_text or "\n".join(lines[:40])
    if not has_items and _front_phrases(front) >= 2:
        return "protokoll"  # a protocol's front page (its first § on a later page)
    if not has_items and sum(1 for ln in front.splitlines()[:40] if AGENDA_OPENER.match(ln)) >= 2:
        return "other"  # a meeting's agenda: its first points stand alone, with no front page
    if not has_items and any(_PAGE_OPENS_AS_PROTOCOL.match(ln) for ln in front.splitlines()[:80]):
        # a page of the web copy opens with the kind word after its number ("3 SAMMANTRÄDESPROTOKOLL
        # 1(40) Plats och tid"): the protocol, after a list of its cases the page put first
        return "protokoll"
    return None


def _by_signature_and_kind(top: list[str], has_items: bool, *, first_text: str,
                           last_lines: Sequence[str]) -> DocType | None:
    """What is left: a motion signed by a member that proposes a decision; a kind word
    ("other"); §§ (a protocol); a party's or a letter's signature (a skrivelse); a text that
    names its own kind ("other")."""
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
