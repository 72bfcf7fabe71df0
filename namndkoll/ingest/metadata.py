"""Document metadata from the document's own words: who wrote it, which body, what kind of
document, its date, its title and its diarienummer.

Read from the running headers/footers, the letterhead (the first lines of the first page) and,
for the date and signature, the closing lines. What is not found stays None: a wrong committee
or date in a citation is worse than none. The same rules serve every municipality, region and
kommunalförbund and every meeting system; ``orgs.py`` knows the bodies, ``dates.py`` the dates.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import DocType, Item, Metadata, OrgKind, Page
from . import dates as _dates
from .dates import MONTHS
from .orgs import find_organisation, is_self_name, org_by_name, without_self_names

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
_DNR_PREFIXED = re.compile(
    r"\b(?!SFS\b|EU\b|SOU\b|ISO\b|ISBN\b|NR\b|Nr\b)([A-ZÅÄÖ]{2,6}[ -–](?:19|20)\d\d[/\-–]\d{1,6}"
    r"(?:[-:.–]\d{1,4}(?:\.\d{1,3})*)?)\b")
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


# ---- committee ---------------------------------------------------------------------------
_BODY = (r"(?:nämnden|nämnd|styrelsen|fullmäktige|utskottet|utskott|direktionen|revisionen|"
         r"beredningen|presidiet|presidium)")
_COMMITTEE = re.compile(
    r"(?<![\wåäö-])("
    r"Nämnden för [A-ZÅÄÖa-zåäö][a-zåäö]+(?:(?:,| och| samt| &) [A-ZÅÄÖa-zåäö][a-zåäö]+)*"
    r"|(?:[A-ZÅÄÖ][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) [a-zåäö]*|[A-ZÅÄÖ][a-zåäö]*)" + _BODY +
    r"(?:s (?:arbetsutskott|[a-zåäö]+utskott)(?:et)?)?"
    r"|[A-ZÅÄÖ][a-zåäö]+a (?:nämnden|nämnd)"
    r"|Revisorerna|Stadsrevisionen|Kommunrevisionen|Regionrevisionen|Direktionen"
    r")(?![\wåäö])")
_NOT_COMMITTEE = re.compile(r"^(?:Nämnd|Styrelsen|Utskott|Presidiet|Presidium|Fullmäktige|Nämnden|"
                            r"Revisionen|Beredningen)$")
_LABEL = re.compile(
    r"^\s*(?:(?:datum|handläggare|diarienr|diarienummer|dnr|ärendenummer|sida|mottagare|"
    r"vår referens|er referens|beteckning|dokumentnamn|dokumenttyp|kontaktperson|foto\w*|"
    r"telefon|tel|e-post|epost|postadress|besöksadress|organisationsnummer|org\.?\s?nr|antal sidor|"
    r"dokumentansvarig|page|penneo dokumentnyckel|sekretess|godkännare\w*|fastställd av|"
    r"beslutad av|antagen av|gäller för|gäller från|giltig\w*|handling \d{4} nr|justerandes sign|"
    r"utdragsbestyrkande)\b\s*:?|(?:till|från|kopia|status|version|ansvarig|referens|bilaga|författare|"
    r"uppdragsgivare|projektledare)\s*:)", re.IGNORECASE)


def _canon_committee(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if re.search(r"nämnd$", name) and not name.startswith("Nämnden"):
        name += "en"
    return name[0].upper() + name[1:]


def _joined(lines: Sequence[str]) -> list[str]:
    """Lines with "Barn- och" + "ungdomsnämnden" put back together (a header wrapped narrow)."""
    out: list[str] = []
    for line in (ln.strip() for ln in lines):
        if out and re.search(r"(?:\b(?:och|samt)|-|,)$", out[-1]) and line[:1].islower():
            out[-1] = out[-1] + " " + line
        elif line:
            out.append(line)
    return out


_CAPS_RUN = re.compile(r"[A-ZÅÄÖ][A-ZÅÄÖ-]+(?:,? +[A-ZÅÄÖ][A-ZÅÄÖ-]*)*")


def _uncapped(line: str) -> str:
    """'BARN- OCH UTBILDNINGSNÄMNDEN Sidan 1' -> 'Barn- och utbildningsnämnden Sidan 1': older
    letterheads set the body's name in capitals."""
    return _CAPS_RUN.sub(lambda m: m.group(0).capitalize() if len(m.group(0)) >= 6 else m.group(0), line)


def _header_like(line: str, m: re.Match[str]) -> bool:
    """True when ``line`` is essentially the committee's name (a letterhead line), not a sentence
    or a table row that happens to name it."""
    rest = line[:m.start()] + " " + line[m.end():]
    rest = _LABEL.sub(" ", rest)
    rest = re.sub(r"\b(?:sammanträdes|justerat |möte[s]?)?protokoll(?:sutdrag)?\b|\butdrag\b|"
                  r"\btjänsteskrivelse\b|\btjänsteutlåtande\b|\bkallelse\b|\bföredragningslista\b",
                  " ", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\b(?:19|20)\d\d[-–.]\d{1,2}[-–.]\d{1,4}\b|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d", " ", rest)
    rest = re.sub(r"\bsida\s+\d+(?:\s*\(\d+\))?|\d+\s*\(\d+\)|\b\d{1,3}/(?:19|20)\d\d\b", " ", rest,
                  flags=re.IGNORECASE)
    rest = re.sub(r"^\s*\d{1,3}\b|\b\d{1,3}\s*$|[,:;|/()–-]", " ", rest)  # a page number at either end
    words = rest.split()
    return not any(ch.isdigit() for ch in rest) and len(words) <= 2


def find_committee(header: str, lines: Sequence[str], doc_type: str | None, *,
                   text: str = "", org_kind: OrgKind | None = None,
                   last_lines: Sequence[str] = (), more_lines: Sequence[str] = ()) -> str | None:
    """The body that wrote or decided: the committee in the running header or letterhead
    (``lines``: the first page's lines); for a motion the assembly it is addressed to; else the
    committee a proposal is put to ("Socialnämnden föreslås besluta"); for an audit report the
    auditors; for a report without any of these, the office that signs it."""
    text = text or "\n".join(lines)
    if doc_type in ("motion", "initiativarende"):
        m = re.search(r"(?:^\s*Till\s*:?\s*|motion till |förslag till beslut i |^\s*Till\s+)"
                      r"((?:kommun|region)fullmäktige|(?:kommun|region)styrelsen|[a-zåäö]+nämnden)\b",
                      text, re.IGNORECASE | re.MULTILINE)
        if m:
            return _canon_committee(m.group(1))
    # a protocol's letterhead can sit below a § that ran over from the previous page
    depth = 25 if doc_type in ("protokoll", "protokollsutdrag") else 10
    for src in (_joined(header.splitlines()), _joined(lines[:depth])):
        for line in src:
            line = _uncapped(line)
            for m in _COMMITTEE.finditer(line):
                if _NOT_COMMITTEE.match(m.group(1)):
                    continue
                if _header_like(line, m):
                    return _canon_committee(m.group(1))
    if doc_type == "revisionsrapport":
        m = re.search(r"\b(Stadsrevisionen|Kommunrevisionen|Regionrevisionen)\b", text)
        if m:
            return m.group(1)
        if re.search(r"\b(?:kommuns|regionens|regions|förbundets|de förtroendevalda) revisorer\b|"
                     r"\b[Rr]evisorerna\b", text):
            return "Revisorerna"
    m = re.search(r"(?<![\wåäö-])((?:[A-ZÅÄÖ][a-zåäö]+-(?:, [a-zåäö]+-)* (?:och|samt) [a-zåäö]*|[A-ZÅÄÖ][a-zåäö]*)"
                  r"(?:nämnden|styrelsen|fullmäktige|direktionen))\s+(?:föreslås|beslutar|beslöt|"
                  r"beslutade|föreslår|har att ta ställning)", text)
    if m and not _NOT_COMMITTEE.match(m.group(1)) and (doc_type in ("tjansteskrivelse", "tjansteutlatande", None)
                                                       or "föreslås" in m.group(0)):
        return _canon_committee(m.group(1))
    if doc_type == "arsredovisning" and org_kind == "kommunalforbund":
        m = re.search(r"\b(Förbundsdirektionen|Direktionen|Förbundsstyrelsen)\b", text)
        if m:
            return m.group(1)
    if doc_type in ("protokoll", "protokollsutdrag", "motion", "skrivelse", "reservation"):
        return None
    return _writing_office(list(lines[:30]) + list(more_lines[:40]), last_lines)


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


# ---- type and kind -------------------------------------------------------------------------
_AUDITOR = re.compile(r"\b(?:revisor(?:er|erna|sgrupp\w*)?|stadsrevisionen|kommunrevisionen|regionrevisionen|"
                      r"revisionskontoret|sakkunnig\w*|PwC|KPMG|EY|Ernst & Young|Deloitte|Azets|"
                      r"Grant Thornton|BDO)\b", re.IGNORECASE)
_PROTOCOL_STRONG = re.compile(
    r"^(?:justerat\s+)?(?:sammanträdes|möte[s]?|besluts)?protokoll\b(?!\s+(?:från|över)\b.*\bsom\b)|"
    r"\bsammanträdesprotokoll\b|\bprotokoll\s*$|^protokoll\s+(?:nr\.?\s*)?\d", re.IGNORECASE)
_TYPES: tuple[tuple[DocType | str, re.Pattern[str]], ...] = tuple((t, re.compile(p, re.IGNORECASE)) for t, p in (
    ("protokollsutdrag", (r"^(?:justerat\s+)?protokollsutdrag\b|^utdrag\s+ur\s+(?:sammanträdes|besluts)?"
                         r"protokoll|\bprotokollsutdrag\s*$|^(?:protokoll)?utdrag\s*$")),
    ("kallelse", r"^(?:kallelse|föredragningslista|dagordning)\b|\b(?:kallelse|föredragningslista)\s*$"),
    ("tjansteutlatande", r"^\s*tjänsteutlåtande\b|\btjänsteutlåtande\s*$"),
    ("tjansteskrivelse", r"^\s*tjänsteskrivelse\b|\btjänsteskrivelse\s*$"),
    ("sarskilt_yttrande", r"^\s*särskil(?:t|da)\s+(?:yttrande|uttalande)\b"),
    ("reservation", r"^\s*reservation\b"),
    ("initiativarende", r"^\s*initiativ\s?ärende\b|\binitiativärende\s*$"),
    ("motion", r"^\s*motion\b(?!\w)|\bmotion\s+till\s+(?:kommun|region)fullmäktige\b"),
    ("protokoll", _PROTOCOL_STRONG.pattern),
    ("revisionsrapport", (r"\b(?:revisionsrapport(?:en)?|rapportsammandrag|granskningsrapport|"
                         r"revisionsberättelse|revisionsredogörelse|revisionsplan)\b")),
    ("arsredovisning", r"^\s*årsredovisning\b|^\s*årsredovisning\s+(?:19|20)\d\d"),
))
_AUDIT_WEAK = re.compile(r"^\s*(?:uppföljande\s+granskning|granskning\s+av|uppföljning\s+av\s+(?:tidigare\s+)?"
                         r"granskning|missiv|revisionsrapporter)\b", re.IGNORECASE)
_OFFICER_BLOCK = re.compile(r"^\s*handläggare\b", re.IGNORECASE)
_CASE_LABEL = re.compile(r"^\s*(?:datum|diarienr|diarienummer|dnr|ärendenummer)\b", re.IGNORECASE)
# kind words for doc_type "other", most specific first
_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((k, re.compile(p, re.IGNORECASE)) for k, p in (
    ("kallelse", r"\b(?:kallelse|föredragningslista|dagordning)\b"),
    ("delårsrapport", (r"\b(?:delårsrapport|delårsbokslut|tertialrapport|tertialuppföljning|"
                      r"månadsuppföljning|månadsrapport|uppföljningsrapport)\w*")),
    ("budget", r"\b(?:budget\w*|\w*ramar|ramberedning|flerårsplan|mål och budget)\b"),
    ("reglemente", r"\breglemente\w*"),
    ("delegationsordning", r"\bdelegationsordning\w*"),
    ("taxa", r"\b\w*taxa\b|\btaxor\b"),
    ("policy", r"\w*polic(?:y|yn|ies)\b"),
    ("riktlinje", r"\w*riktlinje(?:r|rna|n)?\b"),
    ("strategi", r"\w*strategi(?:n|er|erna)?\b"),
    ("program", r"\w*program(?:met)?\b"),
    ("verksamhetsberättelse", r"\bverksamhetsberättelse\w*"),
    ("plan", r"\w*plan(?:en|er|erna)?\b"),
    ("utredning", r"\b(?:utredning|utvärdering|förstudie|kartläggning|analys|rapport|promemoria|PM)\w*"),
    ("yttrande", r"^\s*(?:yttrande|remissvar|remissyttrande)\b"),
    ("interpellation", r"^\s*interpellation\b"),
    ("medborgarförslag", r"^\s*medborgarförslag\b"),
))
_PARTY_NAME = re.compile(r"(Socialdemokraterna|Moderaterna|Sverigedemokraterna|Centerpartiet|Vänsterpartiet|"
                         r"Kristdemokraterna|Liberalerna|Miljöpartiet( de gröna)?|Feministiskt initiativ)", re.IGNORECASE)
_SIGNED_BY_MEMBER = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)+\s*\((?:S|M|SD|C|V|KD|L|MP|Fi)\)")
_MOTION_BODY = re.compile(r"förslag till beslut i (?:kommun|region)fullmäktige|(?:jag|vi) (?:yrkar|föreslår)|"
                          r"yrkar (?:jag|vi)|föreslår (?:jag|vi)|(?:kommun|region)fullmäktige (?:besluta|beslutar|"
                          r"uppdrar|ger)\b", re.IGNORECASE)


def find_kind(lines: Sequence[str]) -> str | None:
    """The kind word of a document of type "other" (policy, plan, budget ...), from the first
    line of ``lines`` that holds one."""
    for line in lines:
        for kind, rx in _KINDS:
            if rx.search(line):
                return kind
    return None


def find_doc_type(lines: Sequence[str], has_items: bool, *, first_text: str = "",
                  last_lines: Sequence[str] = ()) -> DocType | None:
    """The document's type from its header and letterhead words (``lines``: running headers and
    the first lines of page 1), its layout and, for unlabelled motions and statements, how it is
    signed (``last_lines``). ``first_text``: the first pages' text, for the auditor test."""
    top = list(lines[:20])
    for kind, rx in _TYPES:
        if any(rx.search(line) for line in top):
            if kind == "kallelse":
                return "other"
            if kind == "protokoll" and not has_items and not any(_PROTOCOL_STRONG.search(ln) for ln in top):
                continue
            return kind  # type: ignore[return-value]
    if any(_OFFICER_BLOCK.match(ln) for ln in top) and any(_CASE_LABEL.match(ln) for ln in top):
        return "tjansteskrivelse"  # "Datum: / Handläggare: / Diarienr:" heads an officer's report
    if any(_AUDIT_WEAK.match(ln) for ln in top) and _AUDITOR.search(first_text or "\n".join(lines)):
        return "revisionsrapport"
    if has_items and sum(1 for ln in top if re.match(r"^\s*(?:plats och tid|beslutande|justerare|"
                                                     r"närvarande|ledamöter)\b", ln, re.IGNORECASE)) >= 1:
        return "protokoll"
    signed = [ln for ln in last_lines[-8:] if _SIGNED_BY_MEMBER.search(ln) or _PARTY_NAME.fullmatch(ln.strip())]
    if signed and not has_items and _MOTION_BODY.search(first_text):
        return "motion"
    if find_kind(top):
        return "other"
    if has_items:
        return "protokoll"
    if any(_PARTY_NAME.fullmatch(x.strip()) for x in last_lines[-6:]):
        return "skrivelse"  # signed by a party: the party's own statement
    return None


# ---- date ----------------------------------------------------------------------------------
_POLICY_KINDS = {"policy", "plan", "strategi", "riktlinje", "program", "reglemente", "delegationsordning",
                 "taxa"}
_SIGNED_TYPES = {"motion", "skrivelse", "reservation", "sarskilt_yttrande", "initiativarende"}


def find_date(header: str, lines: Sequence[str], doc_type: str | None = None, kind: str | None = None, *,
              all_lines: Sequence[str] = ()) -> str | None:
    """The document's date, by kind: a protocol's meeting date; a report's ``Datum:``; a policy's
    or plan's adoption date; a signed statement's closing "Ort den ..." line."""
    head = [h for h in header.splitlines() if h.strip()]
    whole = list(all_lines) or list(lines)
    top = head + list(lines[:25])
    if doc_type in ("protokoll", "protokollsutdrag") or kind == "kallelse":
        return _dates.meeting_date(head, lines)
    if doc_type in _SIGNED_TYPES:
        return (_dates.closing_date(whole) or _dates.labelled_date(top)
                or _dates.labelled_date(whole[-15:]) or _dates.top_date(top, n=12))
    if kind in _POLICY_KINDS:
        return _dates.adoption_date(top + whole[:80]) or _dates.labelled_date(top) or _dates.top_date(top)
    if doc_type == "revisionsrapport":
        return _dates.labelled_date(top) or _dates.closing_date(whole) or _dates.top_date(top)
    if doc_type is None:
        return (_dates.labelled_date(top) or _labelled_meeting(top) or _dates.top_date(top, n=10)
                or _dates.closing_date(whole))
    return _dates.labelled_date(top) or _dates.top_date(top) or _dates.closing_date(whole)


def _labelled_meeting(lines: Sequence[str]) -> str | None:
    for i, line in enumerate(lines):
        if re.match(r"^\s*(?:sammanträdes\w*|mötesdatum)\b", line, re.IGNORECASE):
            return _dates.meeting_date([], lines[i:i + 2])
    return None


# ---- title -------------------------------------------------------------------------------
_FUNCTION_END = re.compile(r"(?:\b(?:av|och|för|i|mot|till|om|med|på|samt|inom|från|vid|under|efter|över|"
                           r"kring|hos|gällande|avseende|rörande|angående|den|det|de|en|ett|att|som|inför|"
                           r"utan|genom|mellan|enligt)|[-–,:&])$", re.IGNORECASE)
_ROLE = re.compile(r"(?:chef|direktör|sekreterare|handläggare|strateg|controller|ekonom|utredare|samordnare|"
                   r"ansvarig|ordförande|ledamot|assistent|jurist|planerare|ingenjör|arkitekt|specialist|"
                   r"rådgivare|konsult|koordinator|tjänsteman|förvaltare|kommunalråd|regionråd|revisor|"
                   r"utvecklare|analytiker|registrator|nämndsekreterare|kanslist)$", re.IGNORECASE)
_SECTION_HEAD = re.compile(
    r"^(?:sammanfattning|sammanfattande bedömning|ärendebeskrivning|ärendet|bakgrund|inledning|"
    r"förslag till beslut|beslutsunderlag|beslut|yrkande|innehåll|innehållsförteckning|syfte|"
    r"förvaltningens (?:yttrande|bedömning|förslag)|beskrivning av ärendet|underlag|ekonomisk bedömning)"
    r"\s*:?$", re.IGNORECASE)
_TYPE_LABEL = re.compile(
    r"^(?:tjänsteskrivelse|tjänsteutlåtande|protokoll|sammanträdesprotokoll|protokollsutdrag|rapport|"
    r"rapportsammandrag|missiv|motion|reservation|skrivelse|årsredovisning|delårsrapport|kallelse|"
    r"beslutsunderlag|underlag|promemoria|pm|yttrande|remissvar|utredning|policy|riktlinje|riktlinjer|"
    r"strategi|plan|program|styrdokument|budgetanvisningar|initiativärende|handling|bilaga|"
    r"ärende|beslut|information|dokument)$|^(?:bilaga|handling|ärende)\s*\d*$", re.IGNORECASE)
_YEARISH = re.compile(r"^(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?$")
_NAME_LINE = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:[ -](?:[A-ZÅÄÖ][a-zåäöéü]+|[A-ZÅÄÖ]\.)){1,3}$")


def _skip_title_line(s: str, committee: str | None, org_names: set[str]) -> bool:
    low = s.casefold()
    if len(s) < 4 or not re.search(r"[A-Za-zÅÄÖåäö]{3}", s) or _LABEL.match(s):
        return True
    if re.search(r"@|https?://|www\.|\b\d{3}[- ]\d{2,3} ?\d{2}", s):
        return True
    if committee and low == committee.casefold():
        return True
    if low.rstrip(".") in org_names or is_self_name(s) or _COMMITTEE.fullmatch(s) or re.fullmatch(
            r"[A-ZÅÄÖ]?[a-zåäö]*(?:förvaltningen|kontoret|avdelningen|enheten|sektionen|staben)", s):
        return True
    if _NAME_LINE.match(s) and not re.search(r"\b(?:och|av|för|i|till|om)\b", s):
        return True  # a person's name ("Jessica Persdotter Keding")
    if len(s.split()) <= 3 and _ROLE.search(s):
        return True  # "Biträdande verksamhetschef"
    if _TYPE_LABEL.match(s.rstrip(" –-:")) is not None:
        return True
    return _is_letterhead(s)


_OFFICE_WORD = re.compile(r"\b[A-ZÅÄÖ]?[a-zåäö]*(?:förvaltningen|kontoret|avdelningen|enheten|staben)\b")


def _is_letterhead(s: str) -> bool:
    """A letterhead run together on one line: a body's name with its committee, office, document
    type or date ("Lunds kommun Socialförvaltningen Tjänsteskrivelse", "Göteborgs Stad
    Stadsledningskontoret protokoll")."""
    rest = without_self_names(s)
    if rest == s and not _COMMITTEE.search(s):
        return False
    rest = _COMMITTEE.sub(" ", rest)
    rest = _OFFICE_WORD.sub(" ", rest)
    rest = re.sub(r"(?i)\b(?:tjänsteskrivelse|tjänsteutlåtande|(?:sammanträdes)?protokoll(?:sutdrag)?|kallelse|"
                  r"rapport|sida|datum)\b", " ", rest)
    rest = re.sub(r"[\d\W_]+", " ", rest)
    return len(rest.split()) == 0


def find_title(lines: Sequence[str], *, committee: str | None = None, org_names: Sequence[str] = (),
               page: Page | None = None) -> str | None:
    """The document's main heading: from the page layout when known (the largest type near the
    top), else the first title-like line of ``lines``, joined with the lines it wraps onto."""
    names = {n.casefold() for n in org_names}
    if page is not None:
        t = _title_by_layout(page, committee, names)
        if t:
            return t
    i, n = 0, len(lines[:40])
    while i < n:
        s = lines[i].strip()
        if _SECTION_HEAD.match(s):
            return None  # the body began without a title
        m = re.match(r"^(?:motion|ärende|initiativärende|interpellation|fråga)\s*:\s*(.+)$", s, re.IGNORECASE)
        if m and not lines[i].lower().startswith("ärende"):
            s = m.group(1).strip()
        elif _skip_title_line(s, committee, names):
            if len(s.split()) == 1 and i + 1 < n and _YEARISH.match(lines[i + 1].strip()) and \
                    not _LABEL.match(s) and re.search(r"[a-zåäö]{3}", s):
                return f"{s} {lines[i + 1].strip()}"  # "Årsredovisning" / "2025"
            i += 1
            continue
        if s[:1].islower() or (len(s.split()) == 1 and s.endswith(("-", "–"))):
            i += 1  # a fragment of a heading the text layer broke apart
            continue
        if len(s) > 160 or s.endswith(".") and len(s) > 60:
            return None  # a sentence: this document prints no title before its text
        return _continue_title(s, lines[i + 1:i + 6])
    return None


def _continue_title(title: str, following: Sequence[str]) -> str:
    for nxt in (ln.strip() for ln in following):
        if not nxt or _LABEL.match(nxt) or _SECTION_HEAD.match(nxt) or len(title) > 200:
            break
        if title.endswith((".", "?", "!")):
            break
        last = title.split()[-1]
        joins = (nxt[:1].islower() or _FUNCTION_END.search(title) is not None
                 or (_YEARISH.match(nxt) is not None and not re.search(r"(?:19|20)\d\d\b", title))
                 or (re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+s", last) is not None and nxt[:1].isupper()
                     and len(nxt) < 60))
        if not joins or len(nxt) > 90:
            break
        title = title + nxt if title.endswith(("-", "–")) and nxt[:1].islower() else f"{title} {nxt}"
    return re.sub(r"\s+", " ", title).strip(" :–-")


def _title_by_layout(page: Page, committee: str | None, names: set[str]) -> str | None:
    """The largest type in the top part of ``page`` (lines with a known font size), joined over
    the lines set in the same size right below it."""
    sized = [ln for ln in page.lines if ln.size > 0 and page.text[ln.start:ln.end].strip()]
    if len(sized) < 2:
        return None
    chars: dict[float, int] = {}
    for ln in sized:
        chars[round(ln.size)] = chars.get(round(ln.size), 0) + (ln.end - ln.start)
    body = max(chars, key=lambda k: chars[k])
    limit = (page.height or max(ln.bottom for ln in sized)) * 0.75
    cands = [ln for ln in sized if ln.size >= body * 1.2 and ln.top <= limit
             and not _skip_title_line(page.text[ln.start:ln.end].strip(), committee, names)]
    if not cands:
        return None
    big = max(ln.size for ln in cands)
    first = min((ln for ln in cands if ln.size >= big - 0.5), key=lambda ln: ln.top)
    parts, prev = [page.text[first.start:first.end].strip()], first
    for ln in sorted((x for x in sized if x.top > first.top), key=lambda x: x.top):
        gap = ln.top - prev.bottom
        if abs(ln.size - first.size) > 0.6 or gap > first.size * 1.2:
            break
        parts.append(page.text[ln.start:ln.end].strip())
        prev = ln
    out = parts[0]
    for p in parts[1:]:
        out = out + p if out.endswith(("-", "–")) and p[:1].islower() else f"{out} {p}"
    return re.sub(r"\s+", " ", out).strip(" :–-") or None


_COVER_LETTER = re.compile(r"^(?:missiv|följebrev)(?:\s+till\s+(?:ansvariga|berörda|samtliga)?\s*"
                           r"(?:nämnder|nämnden|styrelser|styrelsen|bolagsstyrelser|bolag)(?:\s+och\s+\w+)?)?$",
                           re.IGNORECASE)


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
    top = [h for h in header.splitlines() if h.strip()] + page1[:15]
    last = [ln.strip() for p in pages[-1:] for ln in p.text.splitlines() if ln.strip()]
    all_lines = [ln.strip() for p in pages for ln in p.text.splitlines() if ln.strip()]
    first_text = "\n".join(p.text for p in pages[:3])
    return _Zones(header, lines, top, last, all_lines, first_text)


def find_municipality(lines: Sequence[str]) -> str | None:
    """The body named in ``lines`` (letterhead first); kept for callers of the old API."""
    found = find_organisation(lines[:15], lines[15:])
    return found[0] if found else None


def read_metadata(pages: Sequence[Page], items: Sequence[Item], *, source: str = "") -> Metadata:
    """Metadata of a document made of clean ``pages`` with § ``items`` found by structure.py."""
    z = _zones(pages)
    doc_type = find_doc_type(z.top, bool(items), first_text=z.first_text, last_lines=z.last)
    kind = find_kind(z.top) if doc_type == "other" else None
    if doc_type == "other" and kind is None:
        kind = find_kind(z.lines[:25])
    first_page = [p for p in pages if p.text.strip()][:1]
    page1 = [ln.strip() for ln in (first_page[0].text.splitlines() if first_page else []) if ln.strip()]
    org = find_organisation(
        page1[:15], z.all_lines[min(15, len(page1)):],
        header_lines=[h for p in pages for h in (p.header + "\n" + p.footer).splitlines() if h.strip()])
    municipality, org_kind = org if org else (None, None)
    short_first = len(page1) < 12 and doc_type in ("protokoll", "protokollsutdrag")
    committee = find_committee(z.header, z.lines if short_first else page1 or z.lines, doc_type,
                               text="\n".join(z.all_lines[:400]),
                               org_kind=org_kind, last_lines=z.last, more_lines=z.lines)
    if org_kind is None and committee and committee.startswith(("Region", "Kommun")):
        org_kind = "region" if committee.startswith("Region") else "kommun"
    date = find_date(z.header, z.lines, doc_type, kind, all_lines=z.all_lines)
    if doc_type in ("protokoll", "protokollsutdrag"):
        title = None  # a protocol's "title" is its committee and date, stored as such
    else:
        o = org_by_name(municipality) if municipality else None
        names = {municipality} if municipality else set()
        if o is not None and o.kind == "kommun":
            names |= {f"{o.genitive} {o.suffix}", f"{o.name} kommun", f"{o.genitive} kommun", f"{o.genitive} stad"}
        title = find_title(page1 or z.lines, committee=committee, org_names=sorted(names),
                           page=first_page[0] if first_page and first_page[0].lines else None)
        if title and _COVER_LETTER.match(title):
            # "Missiv till ansvariga nämnder": a cover letter before the report, whose own
            # heading opens the next page
            for nxt in [p for p in pages if p.text.strip()][1:4]:
                first_lines = [ln.strip() for ln in nxt.text.splitlines() if ln.strip()]
                if first_lines and len(first_lines[0]) <= 75 and not first_lines[0].endswith("."):
                    title = find_title(first_lines, committee=committee, org_names=sorted(names),
                                       page=nxt if nxt.lines else None) or title
                    break
    text = "\n".join(p.header + "\n" + p.text for p in pages)
    dnr = find_diarienummer(text)
    return Metadata(title, municipality, committee, doc_type, date, dnr, org_kind, kind)
