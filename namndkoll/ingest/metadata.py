"""Document metadata from the first pages: municipality, committee, type, date, dnr, title.

Everything is read from the document's own words (running headers first, then the top of the
first pages). What is not found stays None: a wrong committee in a citation is worse than none.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..types import DocType, Item, Metadata, Page

__all__ = ["read_metadata", "find_diarienummer", "find_municipality", "find_committee", "find_doc_type",
           "find_date", "MONTHS"]

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
     "november", "december"], 1)}

# ---- diarienummer ------------------------------------------------------------------------
# SO 2020/0129, AMN 2020-0104-1.4, KS 2023/512, SLK-2023-00027:45, VO 2024-00112, Dnr 0120/22
_DNR_PREFIXED = re.compile(
    r"\b(?!SFS\b|EU\b|SOU\b|ISO\b|ISBN\b|NR\b|Nr\b)([A-ZÅÄÖ]{2,6}[ -](?:19|20)\d\d[/-]\d{1,6}(?:[-:.]\d{1,4}(?:\.\d{1,3})*)?)\b")
_DNR_LABELLED = re.compile(
    r"\b(?:Dnr|Dnr\.|Diarienummer|Diarienr|Ärendenummer|Ärendenr)\s*[:.]?\s*"
    r"((?:[A-ZÅÄÖ]{2,6}[ -])?\d{1,6}[/-]\d{2,6}(?:[-:.]\d{1,6}(?:\.\d{1,3})*)?)")
_DNR_BARE = re.compile(r"^§\s*\d+\s+(\d{3,5}/\d{2})\b", re.MULTILINE)  # Göteborg "§ 17 0120/22"


def find_diarienummer(text: str) -> tuple[str, ...]:
    """Every diarienummer in ``text`` in order of first appearance, as written."""
    found: list[tuple[int, str]] = []
    for rx in (_DNR_LABELLED, _DNR_PREFIXED, _DNR_BARE):
        for m in rx.finditer(text):
            found.append((m.start(1), re.sub(r"\s+", " ", m.group(1)).strip()))
    out: list[str] = []
    for _, d in sorted(found):
        if d not in out and not any(d in o for o in out):
            out = [o for o in out if o not in d] + [d]
    return tuple(out)


# ---- municipality ------------------------------------------------------------------------
_MUNI = re.compile(r"\b([A-ZÅÄÖ][a-zåäöé]+(?:[ -][A-ZÅÄÖ][a-zåäöé]+)?)\s+(kommun|stad|Stad|Kommun)\b")
_REGION = re.compile(r"\bRegion\s+([A-ZÅÄÖ][a-zåäö]+(?:\s+[A-ZÅÄÖ][a-zåäö]+)?)")
_UPPER_MUNI = re.compile(r"\b([A-ZÅÄÖ]{3,}(?:[ -][A-ZÅÄÖ]{3,})?)\s+(KOMMUN|STAD)\b")
_NOT_PLACE = {"Den", "Denna", "Varje", "Hela", "Vår", "Egen", "Annan", "Samma", "Övrig", "Övriga", "Se",
              "Inom", "Från", "Till", "Och", "Om", "Vilken", "Alla", "Region", "Per", "Ny", "Nya"}


def _base(name: str) -> str:
    """'Lunds' -> 'Lund', 'Göteborgs' -> 'Göteborg'; 'Borås', 'Kramfors' stay."""
    if name.endswith("s") and len(name) > 3 and name[-2] not in "aeiouyåäös" and not name.endswith("fors"):
        return name[:-1]
    return name


def find_municipality(lines: Sequence[str]) -> str | None:
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        weight = 3 if i < 15 else 1
        for m in _MUNI.finditer(line):
            if m.group(1) not in _NOT_PLACE:
                counts[_base(m.group(1))] += weight
        for m in _UPPER_MUNI.finditer(line):
            counts[_base(m.group(1).title())] += weight
        for m in _REGION.finditer(line):
            if m.group(1) not in ("Skåne", "Stockholm", "Västra Götaland", "Halland") or "Regionfullmäktige" in line:
                counts[m.group(1)] += weight
    if not counts:
        return None
    return counts.most_common(1)[0][0]


# ---- committee ---------------------------------------------------------------------------
_COMMITTEE = re.compile(
    r"\b(Kommunfullmäktige|Regionfullmäktige|Kommunstyrelsen|Regionstyrelsen|Stadsrevisionen|"
    r"Revisorerna|[Kk]ommunrevisionen|Nämnden för [A-ZÅÄÖa-zåäö &\-]{3,40}?(?=\s*(?:\n|$|,|\.|\s{2}))|"
    r"[A-ZÅÄÖ][a-zåäö]+(?:-[a-zåäö]+)?(?:nämnden|styrelsen|nämnd))\b")
_COMMITTEE_LOWER = re.compile(r"\b(kommunfullmäktige|regionfullmäktige|kommunstyrelsen|[a-zåäö]{3,}nämnden)\b")


def _canon_committee(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip()
    if name.endswith("nämnd") and not name.startswith("Nämnden"):
        name += "en"
    return name[0].upper() + name[1:]


def find_committee(header: str, lines: Sequence[str], doc_type: str | None) -> str | None:
    """The body the document belongs to: headers first, then the first lines, then the most
    named committee in a tjänsteskrivelse's proposal ("Socialnämnden föreslås besluta")."""
    for src in (header.splitlines(), lines[:12]):
        for line in src:
            m = _COMMITTEE.search(line)
            if m and not re.search(r"\b(till|hos|av|från|för)\s+$", line[: m.start()]):
                return _canon_committee(m.group(1))
    text = "\n".join(lines)
    m = re.search(r"\b([A-ZÅÄÖ][a-zåäö]+(?:nämnden|styrelsen|fullmäktige))\s+(föreslås|beslutar|beslöt|beslutade)", text)
    if m:
        return _canon_committee(m.group(1))
    if doc_type in ("revisionsrapport",):
        m = re.search(r"\b(Stadsrevisionen|[Rr]evisorerna|[Kk]ommunrevisionen)\b", text)
        if m:
            return _canon_committee(m.group(1))
    return None


# ---- type --------------------------------------------------------------------------------
_TYPES: tuple[tuple[DocType, re.Pattern[str]], ...] = tuple((t, re.compile(p, re.IGNORECASE)) for t, p in (
    ("protokollsutdrag", r"\b(protokollsutdrag|utdrag ur (sammanträdes)?protokoll(et)?|justerat protokollsutdrag)\b"),
    ("tjansteutlatande", r"^\s*tjänsteutlåtande\b|\btjänsteutlåtande\s*$"),
    ("tjansteskrivelse", r"^\s*tjänsteskrivelse\b|\btjänsteskrivelse\s*$"),
    ("sarskilt_yttrande", r"^\s*särskilt yttrande\b"),
    ("reservation", r"^\s*reservation\b"),
    ("motion", r"^\s*motion\b|\bmotion till (kommun|region)fullmäktige\b"),
    ("revisionsrapport", r"\b(revisionsrapport|rapportsammandrag|granskningsrapport|revisionsberättelse|"
                         r"stadsrevisionen|granskning av)\b"),
    ("protokoll", r"\b(sammanträdesprotokoll|protokoll nr|protokoll)\b"),
    ("skrivelse", r"^\s*skrivelse\b"),
    ("other", r"\b(delårsrapport|årsredovisning|budgetanvisningar|tidplan|verksamhetsplan|rapport)\b"),
))


def find_doc_type(lines: Sequence[str], has_items: bool) -> DocType | None:
    for kind, rx in _TYPES:
        if any(rx.search(line) for line in lines[:15]):
            if kind == "protokoll" and not has_items and not any(
                    re.search(r"sammanträdesprotokoll|protokoll nr|^protokoll\b", ln, re.I) for ln in lines[:15]):
                continue  # "protokoll" named in passing
            return kind
    if has_items:
        return "protokoll"
    return None


_PARTY_NAME = re.compile(r"(Socialdemokraterna|Moderaterna|Sverigedemokraterna|Centerpartiet|Vänsterpartiet|"
                         r"Kristdemokraterna|Liberalerna|Miljöpartiet( de gröna)?|Feministiskt initiativ)", re.I)


# ---- date --------------------------------------------------------------------------------
_ISO = re.compile(r"\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b")
_LABELLED_DATE = re.compile(
    r"\b(?:Sammanträdesdatum|Sammanträdets datum|Datum|Mötesdatum|Sammanträde)\s*:?\s*\n?\s*"
    r"((?:19|20)\d\d-\d\d-\d\d)", re.IGNORECASE)
_WRITTEN = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def find_date(header: str, lines: Sequence[str]) -> str | None:
    top = header + "\n" + "\n".join(lines[:25])
    m = _LABELLED_DATE.search(top)
    if m:
        return m.group(1)
    m = _ISO.search(top)
    if m:
        return m.group(0)
    m = _WRITTEN.search("\n".join(lines[:10]))
    if m:
        return f"{m.group(3)}-{MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


# ---- title -------------------------------------------------------------------------------
_NOT_TITLE = re.compile(
    r"^(sida|datum|dnr|diarienummer|ärendenummer|protokoll|sammanträdesdatum|handläggare|till|från|"
    r"innehåll|innehållsförteckning|bilaga|justering|plats och tid|beslutande|lunds kommun|göteborgs stad)\b|"
    r"^\d|^[A-ZÅÄÖ][a-zåäö]+ [A-ZÅÄÖ][a-zåäö]+(?: [A-ZÅÄÖ][a-zåäö]+)?$|@|^\W", re.IGNORECASE)


def _title(lines: Sequence[str], committee: str | None, municipality: str | None) -> str | None:
    for i, line in enumerate(lines[:20]):
        s = line.strip()
        if len(s) < 12 or len(s) > 160 or _NOT_TITLE.search(s):
            continue
        if committee and s.casefold() == committee.casefold():
            continue
        if municipality and s.casefold().startswith(municipality.casefold()):
            continue
        if re.fullmatch(r"[A-ZÅÄÖ][a-zåäö]+( [a-zåäö]+)?", s) and len(s.split()) <= 2:
            continue  # a role or a single word ("Biträdande verksamhetschef")
        for nxt in lines[i + 1:i + 4]:  # a title wrapped over lines: "Missiv till granskningen av" / "arbetet mot ..."
            if s.endswith((".", ":", "?")) or not nxt[:1].islower() or len(s) > 200:
                break
            s += " " + nxt.strip()
        return s
    return None


def read_metadata(pages: Sequence[Page], items: Sequence[Item], *, source: str = "") -> Metadata:
    firsts = [p for p in pages if p.text.strip()][:2]
    header = "\n".join(dict.fromkeys(h for p in pages[:3] for h in (p.header, p.footer) if h))
    lines = [ln.strip() for p in firsts for ln in p.text.splitlines() if ln.strip()]
    top = header.splitlines() + lines
    last = [ln.strip() for p in pages[-1:] for ln in p.text.splitlines() if ln.strip()]
    doc_type = find_doc_type(top, bool(items))
    if doc_type is None and any(_PARTY_NAME.fullmatch(x) for x in last[-6:]):
        doc_type = "skrivelse"  # signed by a party: the party's own statement
    municipality = find_municipality(top) or find_municipality(
        [ln for p in pages for ln in (p.header + "\n" + p.footer + "\n" + p.text).splitlines()])
    committee = find_committee(header, lines, doc_type)
    date = find_date(header, lines)
    text = "\n".join(p.header + "\n" + p.text for p in pages)
    dnr = find_diarienummer(text)
    if doc_type in ("protokoll", "protokollsutdrag") and committee:
        title = f"{committee}, {'protokollsutdrag' if doc_type == 'protokollsutdrag' else 'protokoll'}" + (
            f" {date}" if date else "")
        if len(items) == 1 and items[0].title:
            title += f" § {items[0].number} {items[0].title}"
    else:
        title = _title(lines, committee, municipality)
    return Metadata(title, municipality, committee, doc_type, date, dnr)
