"""Which body wrote a document: a municipality, a region or a kommunalförbund, as it names itself.

Sweden's 290 municipalities and 21 regions ship in ``data/organisations.tsv`` (``org_table.py``
reads the table and the names it gives a body). A document names
its own body in its letterhead, running header or footer, web address, self-descriptions ("X är
ett kommunalförbund", "tillkännagivits på X kommuns anslagstavla") and, more weakly, in its text.
Those *self* zones decide; places merely mentioned in the text only count when no zone names the
author, so a region's report is not stored as a municipality it sits in or mentions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import OrgKind
from .meeting_pages import breadcrumb_company
from .org_table import (
    domains,
    fold,
    genitives,
    known,
    landsting_names,
    org_by_name,
    organisations,
)

__all__ = ["OrgEvidence", "find_organisation", "kommuner_of_members", "without_guests_employers"]


# ---- patterns ----------------------------------------------------------------------------------
_WORD = r"[A-ZÅÄÖ][a-zåäöéü]+"
_SUFFIX = r"(?:kommun|stad|Kommun|Stad|KOMMUN|STAD)(?:s|en|ens)?"


# a domain may be written with its letters å, ä, ö ("alingsås.se", the name's IDN form): folded
# to the ASCII stem its table name gives ("alingsas")
_BARE_DOMAIN = re.compile(r"^\s*([a-z0-9åäö-]{2,40})\.(?:se|fi)\s*$")
_DOMAIN = re.compile(r"(?:www\.|@|https?://)(?:[a-z0-9åäö-]+\.)*?([a-z0-9åäö-]{2,40})\.(?:se|fi|f)\b")
_UNKNOWN_MUNI = re.compile(rf"\b({_WORD}(?:[ -]{_WORD})?)\s+(kommun|stad)(?:s)?\b")
_UPPER_MUNI = re.compile(r"\b([A-ZÅÄÖ]{3,}(?:[ -][A-ZÅÄÖ]{3,})?)\s+(KOMMUN|STAD)S?\b")
# "Tolkförmedling Väst är ett kommunalförbund", "Kommunalförbundet Sjuhärad", "Fyrbodals kommunalförbund"
_KF_NAME = rf"((?:{_WORD}|[A-ZÅÄÖ]{{2,}})(?:[ -](?:{_WORD}|[A-ZÅÄÖ]{{2,}}|och|i|för))*?)"
_KF_DECLARED = re.compile(_KF_NAME + r" (?:\([A-ZÅÄÖ]{2,6}\) )?är\s+ett\s+(?:kommunal)?förbund\b")
# greedy, so "kommunalförbundet Tolkförmedling Väst (organisationsnummer ...)" keeps "Väst"
_KF_NAME_WHOLE = rf"((?:{_WORD}|[A-ZÅÄÖ]{{2,}})(?:(?: (?:och|i|för))? (?:{_WORD}|[A-ZÅÄÖ]{{2,}}))*)"
_KF_PREFIXED = re.compile(r"\b[Kk]ommunalförbundet " + _KF_NAME_WHOLE + r"(?=[\s,.;:)]|$)")
_KF_SUFFIXED = re.compile(rf"\b((?:{_WORD} ){{1,3}}[Kk]ommunalförbund)\b")
# "Räddningstjänstförbundet Mitt Bohuslän", "Miljöförbundet Blekinge Väst" in a letterhead
_KF_COMPOUND = re.compile(rf"\b([A-ZÅÄÖ][a-zåäö]+förbundet(?: {_WORD}){{1,3}})\b")
# "Alingsås och Vårgårda Räddningstjänstförbund", "Södra Älvsborgs Räddningstjänstförbund": the
# members' or the area's names before the compound (a letterhead may wrap it over two lines)
# "Söderåsens Miljöförbund": the compound may itself be the capitalised word
_KF_KIND = r"(?:tjänst|miljö|samordnings|avfalls?|vatten|renhållnings|gymnasie|utbildnings)förbund"
_KF_PLACES = re.compile(rf"(?<![\wåäö])({_WORD}(?:(?:\s+och\s+|,\s*|\s+){_WORD})*\s+"
                        rf"(?:[A-ZÅÄÖ][a-zåäö]*{_KF_KIND}|(?:Miljö|Samordnings|Avfalls?|Vatten|Renhållnings|"
                        r"Gymnasie|Utbildnings)förbund))(?![\wåäö])(?:\s*\(([A-ZÅÄÖ]{2,6})\))?")
# "Medelpads räddningstjänstförbund (MRF)": an area's genitive before the compound in small letters
_KF_GENITIVE = re.compile(rf"(?<![\wåäö])({_WORD}s\s+[a-zåäö]*{_KF_KIND})(?![\wåäö])(?:\s*\(([A-ZÅÄÖ]{{2,6}})\))?")
# the same in a heading's capitals: "KALMARSUNDS GYMNASIEFÖRBUND SAMMANTRÄDESPROTOKOLL", "SÖDRA
# DALARNAS RÄDDNINGSTJÄNSTFÖRBUND" (the compound as the small-letter forms know it)
_KF_UPPER = re.compile(r"(?<![\wÅÄÖ])((?:(?:SÖDRA|NORRA|ÖSTRA|VÄSTRA|MELLERSTA)\s+)?[A-ZÅÄÖ]{3,}S)\s+([A-ZÅÄÖ]*"
                       r"(?:TJÄNST|MILJÖ|SAMORDNINGS|AVFALLS?|VATTEN|RENHÅLLNINGS|GYMNASIE|UTBILDNINGS)FÖRBUND)"
                       r"(?:ET)?(?![\wÅÄÖ])")
# OCR sets a capital Å, Ä or Ö of a word in capitals as its small letter ("GYMNASIEFöRBUND")
_OCR_SMALL_IN_CAPS = re.compile(r"(?<![\wåäöÅÄÖ])[A-ZÅÄÖ]+(?:[åäö][A-ZÅÄÖ]+)+(?![\wåäöÅÄÖ])")
# a web copy opens each page with its number: "1 KALMARSUNDS GYMNASIEFÖRBUND ..." still opens the line
_PAGE_NUMBER_BEFORE = re.compile(r"(?:^|\n)\s*\d{1,3}\s+$")
# a state authority naming itself in a letterhead or running header (decisions of a länsstyrelse or
# a court are filed among a kommun's papers): its documents are not the kommun's
_NOT_COUNTY = r"(?!Beslut|Datum|Dnr|Diarienummer|Sida|Yttrande|Protokoll)"
_COUNTY_WORD = rf"{_NOT_COUNTY}[A-ZÅÄÖ][a-zåäö]+"
_STATE = re.compile(rf"\b(Länsstyrelsen(?:\s+i)?\s+{_COUNTY_WORD}(?:[ -]{_COUNTY_WORD})?"
                    r"(?:\s+län)?|(?:Förvaltningsrätten|Kammarrätten)\s+i\s+[A-ZÅÄÖ][a-zåäö]+|"
                    r"Mark- och miljödomstolen|Skolinspektionen|Inspektionen för vård och omsorg|"
                    # a central authority's regulation names it in its head: "Transportstyrelsens
                    # författningssamling", "Boverkets föreskrifter om ..."
                    r"[A-ZÅÄÖ][a-zåäö]+(?:styrelsen|verket|myndigheten|inspektionen)(?=s\s+(?:författningssamling|"
                    r"föreskrifter\s+(?:om|och)\b)))(?:\b|(?=s\s))")
# "AB Alingsåshem (justerad soliditet)", "Alingsås Energi AB" alone on a cover line: a company's
# report, not its owner's
# the capitalised words that end a line, after its last sentence's end or any word in small letters
# (a heading in capitals before the name, "BORGENSAVGIFTER", is no part of it)
_WRAPPED_NAME_START = re.compile(r"(?:^|[.:;]\s+|\s)((?:[A-ZÅÄÖ][a-zåäö][\wåäö&-]*)"
                                 r"(?:\s+[A-ZÅÄÖ][a-zåäö][\wåäö&-]*){0,2})\s*$")
_COMPANY = re.compile(r"^((?:AB\s+[A-ZÅÄÖ][\wåäö&-]*(?:\s+[\wåäö&-]+){0,3})|"
                      r"(?:[A-ZÅÄÖ][\wåäö&-]*(?:\s+[\wåäö&-]+){0,3}\s+AB))(?:\s*\([^)]*\))?\s*$")
# a letterhead line of name, postal address and organisation number: "Alingsåshem Box 146 441 23
# Alingsås www.alingsåshem.se Org.nr 55642374". An organisation number opening with 5 is an
# aktiebolag's (2: the state's, a kommun's, a region's, a förbund's): the name is a company's, which
# may write itself without its "AB" (the text's "Alingsåshem AB", "bolagets")
_LETTERHEAD_ORGNR = re.compile(r"^((?:[A-ZÅÄÖ][\wåäö&-]+)(?:\s+[A-ZÅÄÖ][\wåäö&-]+){0,2})\s+"
                               r"(?:Box\s+\d|\d{3}\s?\d{2}\s|[A-ZÅÄÖ][a-zåäö]+(?:gatan|vägen)\s+\d)"
                               r".*\bOrg(?:anisations)?\.?\s?(?:nr|nummer)\.?\s*:?\s*(\d)")
# an association of a county's kommuner under its own name ("Skånes Kommuner", "Kommunförbundet
# Västernorrland", "Dalarnas kommunförbund"): a joint body of kommuner, never the national SKR
# ("Sveriges Kommuner och Regioner") nor the county's region
_ASSOCIATION = re.compile(rf"(?<![\wåäö])({_WORD}s\s+Kommuner(?!\s+och\s+(?:Regioner|Landsting))|"
                          rf"Kommunförbundet\s+{_WORD}(?:-{_WORD})?(?:\s+län)?|{_WORD}s\s+[Kk]ommunförbund)(?![\wåäö])")
# Finland's joint bodies. A samkommun is Finland's kommunalförbund ("Kårkulla samkommun"); a
# landskapsförbund names itself by its region's genitive ("Österbottens förbund", "Mellersta
# Österbottens förbund"); a heading may set either in capitals ("MELLERSTA ÖSTERBOTTENS FÖRBUND",
# "ÅLANDS KOMMUNFÖRBUNDS LAGSTADGADE UPPGIFTER")
_SAMKOMMUN = re.compile(rf"(?<![\wåäö])({_WORD}(?:[ -]{_WORD}){{0,2}})\s+samkommun(?:en|s)?(?![\wåäö])")
_REGION_WORD = r"(?:Mellersta|Södra|Norra|Östra|Västra|Egentliga)"
_LANDSKAP = re.compile(rf"(?<![\wåäö])((?:{_REGION_WORD}\s+)?{_WORD}s)\s+förbund(?![\wåäö])")
_LANDSKAP_UPPER = re.compile(r"(?<![\wÅÄÖ])((?:(?:MELLERSTA|SÖDRA|NORRA|ÖSTRA|VÄSTRA|EGENTLIGA)\s+)?[A-ZÅÄÖ]{3,}S)\s+"
                             r"(FÖRBUND|KOMMUNFÖRBUND)(?:ET|S)?(?![\wÅÄÖ])")
_SERVICE_NAME = re.compile(rf"(?<![\wåäö])((?:Brandkåren|Räddningstjänsten|Brandförsvaret)\s+{_WORD}(?:[ -]{_WORD})?)"
                           r"(?![\wåäö])")
# "GR:s diarienummer" in the letterhead and "GR:s förbundsstyrelse" in the text: a förbund
# writing under its short name
_ABBR_DNR = re.compile(r"\b([A-ZÅÄÖ]{2,6}):s\s+(?:diarienummer|dnr)\b")
_NOT_PLACE = {"Den", "Denna", "Varje", "Hela", "Vår", "Egen", "Annan", "Samma", "Övrig", "Övriga", "Se",
              "Inom", "Från", "Till", "Och", "Om", "Vilken", "Alla", "Region", "Per", "Ny", "Nya", "Din",
              "Er", "Vilka", "Respektive", "Aktuell", "Berörd", "Berörda", "Enskild", "Annen", "Större",
              "Mindre", "Liten", "Stor", "En", "Ett", "Svensk", "Svenska", "Finsk", "Finska", "Vilket",
              "Anslutande", "Närliggande", "Annat", "Medlem", "Ägande", "Hemort", "Förbundet", "Det", "Vi",
              "Detta", "Som", "Där", "Här", "Kommunens", "Kommunernas", "Medlemskommunernas", "Regionens",
              "Förbundets", "Länets", "Sveriges"}
# "tillkännagivits på Alingsås kommuns digitala anslagstavla": a protocol naming its own body
# a name after "med", "mellan" or "och" in a letterhead-like line is a counterpart, not the sender
_COUNTERPART = re.compile(r"(?<![\wåäö])(?:med|mellan|och|samt)\s+$", re.IGNORECASE)
_LONE_CONJUNCTION = re.compile(r"^\s*(?:med|mellan|och|samt)\s*$", re.IGNORECASE)
# the sender's postal address in a footer: "Adress Box 611, Kalmar", "Box 601, 391 26 Kalmar"
_POSTAL_BOX = re.compile(r"(?<![\wåäö])Box\s+\d{1,5},?\s+(?:\d{3}\s?\d{2}\s+)?([A-ZÅÄÖ][a-zåäö]+(?:-[A-ZÅÄÖ][a-zåäö]+)?)\b")
_SELF_CONTEXT = re.compile(r"anslagstavla|webbplats|hemsida|diarium|registrator|förvaltning", re.IGNORECASE)


# a protocol's list of those present who do not decide ("Övriga deltagare", "Övriga närvarande",
# "Adjungerade", "Inbjudna"): "Anna Vik, utvecklingsdirektör, Region Västernorrland" names where a
# guest works, not the body whose meeting it is. The list runs to the next field of the front page
# (the signatures, who adjusts, the §§, where and when) or the first § heading.
_GUEST_HEAD = re.compile(r"^\s*(?i:övriga\s+(?:deltagare|deltagande|närvarande)|närvarande\s+tjänstem[aä]n|"
                         r"dessutom\s+närvarande|adjungerade?|inbjudna|gäster)(?![\wåäö])|"
                         # a web copy that ran the front page into one paragraph keeps its capitals
                         r"(?<![\wåäö])(?:ÖVRIGA\s+(?:DELTAGARE|DELTAGANDE|NÄRVARANDE)|NÄRVARANDE\s+TJÄNSTEMÄN|"
                         r"DESSUTOM\s+NÄRVARANDE|ADJUNGERADE?|INBJUDNA|GÄSTER)(?![\wåäö])", re.MULTILINE)
_GUEST_END = re.compile(r"(?i:(?<![\wåäö])(?:underskrifter|utses\s+att\s+justera|justerare|justering(?:ens)?\s+"
                        r"(?:plats|tid)|paragrafer|plats\s+och\s+tid|tid\s+och\s+plats|beslutande|"
                        r"ej\s+tjänstgörande)(?![\wåäö]))|^\s*§", re.MULTILINE)
_GUEST_SPAN = 1500


def without_guests_employers(lines: Sequence[str]) -> list[str]:
    """``lines`` with the bodies named in a protocol's list of guests blanked out (the same
    lines, the same lengths): the employers of those present who do not decide."""
    text = "\n".join(lines)
    if not _GUEST_HEAD.search(text):
        return list(lines)
    chars = list(text)
    for head in _GUEST_HEAD.finditer(text):
        end = _GUEST_END.search(text, head.end(), head.end() + _GUEST_SPAN)
        stop = end.start() if end else min(len(text), head.end() + _GUEST_SPAN)
        for m in known()[0].finditer(text, head.end(), stop):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
        for m in _LANDSTING.finditer(text, head.end(), stop):
            chars[m.start():m.end()] = " " * (m.end() - m.start())
    return "".join(chars).split("\n")


# a member listed with the kommun she sits for: "Eva Lind, (S), Sundsvall", "Per Ek (M), Härnösand"
_MEMBER_FOR = re.compile(r"\((?:[A-ZÅÄÖ]{1,4}|[a-zåäö]{1,4}|-)\)[,.]?\s+([A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?)")


def kommuner_of_members(text: str) -> set[str]:
    """The table's kommuner that ``text``'s members are listed with ("Eva Lind, (S), Sundsvall"):
    several, and the body that decides is a joint body of theirs."""
    out: set[str] = set()
    for m in _MEMBER_FOR.finditer(text):
        name = m.group(1)
        o = org_by_name(name) or org_by_name(name.split()[0].split("-")[0])
        if o is not None and o.kind == "kommun":
            out.add(o.name)
    return out


@dataclass
class OrgEvidence:
    """Scores for one candidate body: ``self`` from zones where a body names itself, ``mention``
    from the running text."""

    name: str
    kind: OrgKind
    self_score: float = 0.0
    mention: float = 0.0
    first: int = 10**9  # order of first sighting, for ties


# a commissioned report's form: "Utförare" (or "Uppdragstagare"), the company on the same line or the next
_PERFORMER = re.compile(r"^(?:Utförare|Uppdragstagare)\s*:?\s*(.*)$")


def _performer(lines: Sequence[str]) -> str | None:
    """The company a commissioned report names as the one that made it ("Utförare / Naturcentrum
    AB"), if any."""
    for i, line in enumerate(lines):
        if not (m := _PERFORMER.match(line.strip())):
            continue
        nxt = m.group(1).strip() or next((x.strip() for x in lines[i + 1:i + 3] if x.strip()), "")
        if c := _COMPANY.match(nxt):
            return re.sub(r"\s+", " ", c.group(1))
    return None


def _add(found: dict[str, OrgEvidence], name: str, kind: OrgKind, *, self_w: float = 0.0,
         mention: float = 0.0, order: int = 0) -> None:
    ev = found.setdefault(name, OrgEvidence(name, kind))
    ev.self_score += self_w
    ev.mention += mention
    ev.first = min(ev.first, order)


_MAY_NAME = re.compile(r"kommun|stad|region|vgr", re.IGNORECASE)  # every form holds one of these
# "Östhammars socialnämnd", "Åtvidabergs kommunstyrelse": a municipality's genitive before one of
# its bodies names the municipality as surely as "Östhammars kommun" does
_GENITIVE_BODY = re.compile(r"(?<![\wåäö-])([A-ZÅÄÖ][\wåäö-]*s)\s+[a-zåäö-]*(?:nämnd|styrelse|fullmäktige|utskott)"
                            r"(?:en|ens|s)?(?![\wåäö])")


# a region's old name, before the landsting became a region (2019 at the latest): "Landstinget
# Kronoberg", "Landstinget i Östergötland", "Stockholms läns landsting", "ÖREBRO LÄNS LANDSTING",
# "Jämtlands läns landstingsstyrelse". Stored as the document names itself (the gold of bench/gold
# names a landsting's papers so), written the way the landsting wrote it: its region's county
# in the table confirms that a landsting is meant. (Metadata has no field for the region it became.)
_LANDSTING = re.compile(r"\blandstinget\s+(?:i\s+)?([A-ZÅÄÖ][\wåäö]+(?:\s+län)?)|"
                        r"(?<![\wåäö])([A-ZÅÄÖ][\wåäö]+)\s+läns\s+landsting(?:et|s[a-zåäö]*)?(?![\wåäö])",
                        re.IGNORECASE)


def _scan_landsting(line: str, found: dict[str, OrgEvidence], *, self_w: float, mention: float,
                    order: int) -> None:
    if "andsting" not in line and "ANDSTING" not in line:
        return
    for m in _LANDSTING.finditer(line):
        word = m.group(1) or m.group(2)
        o = landsting_names().get(word.casefold()) or landsting_names().get(word.split()[0].casefold())
        if o is None:
            continue
        place = word.split()[0]
        place = place[0].upper() + place[1:].lower()
        if m.group(2):
            name = f"{place} läns landsting"
        else:
            i = " i" if re.match(r"landstinget\s+i\s", m.group(0), re.IGNORECASE) else ""
            name = f"Landstinget{i} {place}" + (" län" if len(word.split()) > 1 else "")
        _add(found, name, "region", self_w=self_w, mention=mention, order=order)


def _scan(line: str, found: dict[str, OrgEvidence], *, self_w: float, mention: float, order: int,
          unknown_ok: bool, own_board: bool = True, after_counterpart: bool = False) -> None:
    _scan_landsting(line, found, self_w=self_w, mention=mention, order=order)
    for m in _GENITIVE_BODY.finditer(line):
        o = genitives().get(m.group(1))
        if o is not None:
            _add(found, o.name, o.kind, self_w=self_w, mention=mention, order=order)
    if not _MAY_NAME.search(line):
        return  # most lines name no body; the big alternation is slow
    rx, forms = known()
    taken: list[tuple[int, int]] = []
    for m in rx.finditer(line):
        text = m.group(1)
        if not text[:1].isupper():
            continue
        if text.isupper() and len(text) <= 3 and text != "VGR":
            continue
        o = forms[text.casefold()]
        if o.kind == "kommun" and o.name == "Gotland" and "region" in line[max(0, m.start() - 8):m.start()].lower():
            o = org_by_name("Region Gotland") or o
        w = self_w
        if w and (_COUNTERPART.search(line, 0, m.start()) or (after_counterpart and not line[:m.start()].strip())):
            # "Gemensam verksamhet med Borgholms kommun och Mörbylånga kommun": a partner; also
            # when a cover sets the conjunction on a line of its own ("Västra hälso- och
            # sjukvårdsnämnden / och / Alingsås kommun")
            w = 0.0
        if own_board and o.kind == "kommun" and _SELF_CONTEXT.search(line[m.end():m.end() + 40]):
            w = max(w, 3.0)
        _add(found, o.name, o.kind, self_w=w, mention=mention, order=order)
        taken.append(m.span())
    if not unknown_ok:
        return
    for rx2 in (_UNKNOWN_MUNI, _UPPER_MUNI):
        for m in rx2.finditer(line):
            if any(s <= m.start() < e for s, e in taken):
                continue
            name = m.group(1).title() if m.group(1).isupper() else m.group(1)
            words = name.split()
            if len(words) == 2 and _DOC_WORD.match(words[0]):
                # a heading run into the name: "SAMMANTRÄDESPROTOKOLL KRONOBY KOMMUN"
                name = words[1]
            name = _base(name)  # "Jakobstads stad" -> "Jakobstad"; "Närpes stad" stays
            first = name.split()[0].split("-")[0]
            if first in _NOT_PLACE or name.casefold() in known()[1]:
                continue
            # not in the table: a municipality only where it names itself (Nykarleby stad), so
            # only the self zones and repeated mentions count
            _add(found, name, "kommun", self_w=self_w, mention=mention * 0.5, order=order)


# a document's kind word that a heading sets before its body's name
_DOC_WORD = re.compile(r"^(?:sammanträdes)?(?:protokoll|kallelse)\w*$|^(?:föredragningslista|kungörelse|"
                       r"tjänsteskrivelse|tjänsteutlåtande|utdrag|beslut|protokollsutdrag)$", re.IGNORECASE)


def _base(name: str) -> str:
    """A name's base form from its genitive: 'Korsholms' -> 'Korsholm'; 'Närpes', 'Vasa' stay."""
    if name.endswith("s") and len(name) > 3 and name[-2] not in "aeiouyåäösxz":
        return name[:-1]
    return name


def _scan_kf(text: str, found: dict[str, OrgEvidence], *, declared: float, named: float, order: int,
             abbrs: dict[str, str] | None = None, spoken_of: bool = False) -> None:
    """Joint bodies: "X är ett kommunalförbund" declares the author (``declared``); "Kommunalförbundet
    X" and "X kommunalförbund" name one (``named``: self weight in a letterhead, 0 in the text).
    ``abbrs`` collects the short names given in brackets ("... Räddningstjänstförbund (AVRF)").
    ``spoken_of``: the text is a kommun body's, where "kommunalförbundet X" in small letters is a
    förbund it speaks of."""
    for m in (*_KF_PLACES.finditer(text), *_KF_GENITIVE.finditer(text)):
        name = re.sub(r"\s+", " ", m.group(1)).strip()
        if name.split()[0] in _NOT_PLACE:
            continue
        # a letterhead sets the name on lines of its own; inside a title or sentence ("Budget
        # 2027 för Alingsås och Vårgårda Räddningstjänstförbund") it is only mentioned
        alone = (m.start() == 0 or text[m.start() - 1] == "\n") and (m.end() == len(text) or text[m.end()] == "\n")
        _add(found, name, "kommunalforbund", self_w=named if alone else 0.0, mention=1.0, order=order)
        if m.group(2) and abbrs is not None:
            abbrs.setdefault(m.group(2), name)
    for m in _ASSOCIATION.finditer(text):
        name = re.sub(r"\s+", " ", m.group(1)).strip()
        if name.split()[0] in _NOT_PLACE:
            continue
        alone = (m.start() == 0 or text[m.start() - 1] == "\n") and (m.end() == len(text) or text[m.end()] == "\n")
        _add(found, name, "kommunalforbund", self_w=named if alone else 0.0, mention=1.0, order=order)
    for name, heads in _capitals_forbund(text):
        if name.split()[0] not in _NOT_PLACE:
            _add(found, name, "kommunalforbund", self_w=named if heads else 0.0, mention=1.0, order=order)
    for name, m in _finnish_joint_bodies(text):
        if name.split()[0] in _NOT_PLACE:
            continue
        # a heading that opens its line names the body it heads ("Kårkulla samkommun. Styrelsen.
        # Protokoll"); elsewhere it is a mention
        alone = (m.start() == 0 or text[m.start() - 1] == "\n") and (
            m.end() == len(text) or text[m.end()] in "\n.")
        _add(found, name, "kommunalforbund", self_w=named if alone else 0.0, mention=1.0, order=order)
    for rx, w in ((_KF_DECLARED, declared), (_KF_PREFIXED, named), (_KF_SUFFIXED, named),
                  (_KF_COMPOUND, named)):
        for m in rx.finditer(text):
            name = re.sub(r"\s+", " ", m.group(1)).strip()
            # a kommun body's paper: "ansvarsfrihet för direktionen för kommunalförbundet X" in small
            # letters inside a sentence is the förbund the paper speaks of, not its name over it
            w_here = 0.0 if spoken_of and rx is _KF_PREFIXED and m.group(0).startswith("k") else w
            if name and name.split()[0] not in _NOT_PLACE and len(name) > 2:
                _add(found, name, "kommunalforbund", self_w=w_here, mention=1.0, order=order)


def _finnish_joint_bodies(text: str) -> list[tuple[str, re.Match[str]]]:
    """Finland's joint bodies named in ``text``, as (name, match): "Kårkulla samkommun",
    "Mellersta Österbottens förbund", and the capitals of a heading written as the body writes
    itself ("ÅLANDS KOMMUNFÖRBUNDS" -> "Ålands kommunförbund")."""
    out: list[tuple[str, re.Match[str]]] = []
    for m in _SAMKOMMUN.finditer(text):
        out.append((re.sub(r"\s+", " ", m.group(1)) + " samkommun", m))
    for m in _LANDSKAP.finditer(text):
        out.append((re.sub(r"\s+", " ", m.group(1)) + " förbund", m))
    for m in _LANDSKAP_UPPER.finditer(text):
        place = " ".join(w.capitalize() for w in m.group(1).split())
        out.append((f"{place} {m.group(2).lower()}", m))
    return out


def _capitals_forbund(text: str) -> list[tuple[str, bool]]:
    """Swedish förbund a heading names in capitals ("KALMARSUNDS GYMNASIEFöRBUND
    SAMMANTRÄDESPROTOKOLL" -> "Kalmarsunds gymnasieförbund"), each with whether the heading opens
    its line (after a web copy's page number) and ends it or runs on into the document's kind word:
    the body the heading heads; elsewhere a mention."""
    caps = _OCR_SMALL_IN_CAPS.sub(lambda w: w.group(0).upper(), text)
    out: list[tuple[str, bool]] = []
    for m in _KF_UPPER.finditer(caps):
        place = " ".join(w.capitalize() for w in m.group(1).split())
        before = caps[max(0, m.start() - 8):m.start()]
        opens = m.start() == 0 or caps[m.start() - 1] == "\n" or bool(_PAGE_NUMBER_BEFORE.search(before))
        nxt = caps[m.end():].split(maxsplit=1)
        ends = not nxt or caps[m.end():].startswith("\n") or bool(_DOC_WORD.match(nxt[0]))
        out.append((f"{place} {m.group(2).lower()}", opens and ends))
    return out


def find_organisation(
    self_lines: Sequence[str], body_lines: Sequence[str], *, header_lines: Sequence[str] = (),
    kommun_body: bool = False, joint_body: bool = False, members_boards: bool = False,
) -> tuple[str, OrgKind] | None:
    """The body that wrote the document.

    ``header_lines``: running headers/footers (the strongest self zone); ``self_lines``: the
    letterhead, i.e. the first lines of the first page, where a document names its body;
    ``body_lines``: everything else. ``kommun_body``: the document is a kommun body's (put to
    kommunstyrelsen, kommunfullmäktige): when nothing names itself, a region or förbund it only
    mentions is not its author. ``joint_body``: the document speaks of its förbundsdirektör or
    förbund office: a municipality it only mentions (a member's delegate) is not its author.
    ``members_boards``: the document is a förbund's (its förbundsdirektör, förbundssekreterare):
    "anslag på Göteborgs Stads anslagstavla" is a member's board the förbund posts on, not its
    own name. Returns (name, kind) or None when nothing names a body."""
    found: dict[str, OrgEvidence] = {}
    order = 0
    body_lines = without_contents(body_lines)
    guarded = without_guests_employers([*self_lines, *body_lines])
    self_lines, body_lines = guarded[:len(self_lines)], guarded[len(self_lines):]
    for line in header_lines:
        _scan(line, found, self_w=4.0, mention=1.0, order=order, unknown_ok=True)
        _scan_domains(line, found, 4.0, order)
        _scan_state(line, found, 4.0, order)
        order += 1
    for i, line in enumerate(self_lines):
        # a letterhead line is short; a sentence near the top is text that mentions places
        short = len(line.split()) <= 8 and not line.rstrip().endswith((".", ",", ";"))
        after = i > 0 and bool(_LONE_CONJUNCTION.match(self_lines[i - 1]))
        _scan(line, found, self_w=(3.0 if i < 10 else 1.5) if short else 0.0, mention=1.0, order=order,
              unknown_ok=True, own_board=not members_boards, after_counterpart=after)
        _scan_domains(line, found, 2.0, order)
        if short:
            _scan_state(line, found, 3.0, order)
        m = _COMPANY.match(line.strip()) if i < 10 else None
        if m:  # weaker than a municipality's letterhead: a kommun's paper may list its companies
            name = re.sub(r"\s+", " ", m.group(1))
            # a name wrapped over two lines ("... Ägardirektiv. Borgholm Energi / Elnät AB"): the
            # capitalised words that end the line before begin it
            lead = _WRAPPED_NAME_START.search(self_lines[i - 1]) if i and not name.startswith("AB ") else None
            if lead and _COMPANY.match(f"{lead.group(1)} {name}"):
                name = f"{lead.group(1)} {name}"
            _add(found, name, "other", self_w=2.0, mention=1.0, order=order)
        m = _LETTERHEAD_ORGNR.match(line.strip()) if i < 3 else None
        if m and m.group(2) == "5":
            name = m.group(1)
            whole = re.search(rf"(?<![\wåäö])(?:AB {re.escape(name)}|{re.escape(name)} AB)(?![\wåäö])",
                              "\n".join(list(self_lines) + list(body_lines)))
            _add(found, whole.group(0) if whole else name, "other", self_w=4.0, mention=1.0, order=order)
        order += 1
    if performer := _performer([*self_lines, *body_lines[:80]]):
        # a consultant's report states who made it: "Beställare … / Utförare / Naturcentrum AB"
        _add(found, performer, "other", self_w=4.0, mention=1.0, order=0)
    if crumb := breadcrumb_company(self_lines[:3]):
        # a web page of a company's board meeting, its trail through the owning kommun
        _add(found, crumb, "other", self_w=4.0, mention=1.0, order=0)
    body = "\n".join(body_lines)
    abbrs: dict[str, str] = {}
    _scan_kf("\n".join(list(self_lines) + list(header_lines)), found, declared=5.0, named=3.0, order=0,
             abbrs=abbrs, spoken_of=kommun_body)
    _scan_kf(body, found, declared=4.0, named=0.0, order=order, abbrs=abbrs)
    for abbr, name in abbrs.items():  # "AVRF är kommunens sakkunniga": the short name is the body
        found[name].mention += len(re.findall(rf"(?<![\wåäö]){abbr}(?![\wåäö])", body))
    _scan_abbr_self(self_lines, body, found)
    _scan_joint_short_name("\n".join([*self_lines, *body_lines]), found, order)
    _scan_own_name_genitive("\n".join([*header_lines, *self_lines, *body_lines]), found, order)
    if joint_body:
        # a förbund's paper (its own officers and direktion) may name the förbund only by its
        # service's name: "Idag har Brandkåren Attunda tackat av ...", "Räddningstjänsten Storgöteborg"
        for m in _SERVICE_NAME.finditer("\n".join(list(self_lines) + list(body_lines))):
            _add(found, re.sub(r"\s+", " ", m.group(1)), "kommunalforbund", mention=1.0, order=order)
    for line in body_lines:
        _scan(line, found, self_w=0.0, mention=1.0, order=order, unknown_ok=True, own_board=not members_boards)
        _scan_domains(line, found, 0.5, order)
        order += 1
    _scan_display_place(" ".join([*self_lines, *body_lines]), found, order, met_in=kommun_body)
    for line in list(header_lines) + list(self_lines) + list(body_lines):
        for m in _POSTAL_BOX.finditer(line):
            o = org_by_name(m.group(1))
            if o is not None and o.kind == "kommun" and not any(e.kind != "kommun" and e.self_score > 0
                                                                for e in found.values()):
                _add(found, o.name, o.kind, self_w=1.5, mention=0.0, order=order)
    _merge_unknown_with_domains(found)
    _join_cut_names(found)
    if not found:
        # nothing names a body in any of its forms: a kommun's own steering paper may still use
        # its bare name throughout ("Vision för Ronneby", "Ronneby skall vara en framgångskommun")
        bare = _bare_kommun("\n".join([*header_lines, *self_lines, *body_lines]), kommun_body=kommun_body)
        return (bare, "kommun") if bare else None
    strong = [e for e in found.values() if e.self_score > 0]
    if strong:
        best = max(strong, key=lambda e: (e.self_score + 0.25 * min(e.mention, 8), -e.first))
        return best.name, best.kind
    # nothing names itself: the body most mentioned, if it is mentioned more than once or is
    # a table body ("Alingsås kommun deltar i ..." in a motion to that municipality)
    # (a body outside the table counts half per mention: one "Nykarleby stad" in the text is
    # enough when nothing else is named, never enough against a table body)
    cands = [e for e in found.values() if e.mention >= 0.5]
    if kommun_body:
        # a kommun body's paper that names no author: a region or förbund it only mentions is
        # not its author (a kommun it mentions may be)
        cands = [e for e in cands if e.kind == "kommun"]
    if joint_body:
        cands = [e for e in cands if e.kind != "kommun"]
    if not cands:
        return None
    # a region or joint body mentioned as often as a municipality is the likelier author: a
    # municipality's own text rarely names the region at length, the region's own text names
    # the municipalities it serves
    best = max(cands, key=lambda e: (e.mention * (1.5 if e.kind != "kommun" else 1.0), -e.first))
    return best.name, best.kind


# a table of contents or an agenda: its title, then the lines it lists (a page reference after a
# dotted leader "Placeringspolicy... 9", a bare page reference "33 - 34", a "§ 12" line)
_CONTENTS_TITLE = re.compile(r"(?<![\wåäö])(?:innehållsförteckning|innehåll|ärendelista|ärendeförteckning|"
                             r"föredragningslista|dagordning)(?![\wåäö])\s*:?", re.IGNORECASE)
_CONTENTS_MARK = re.compile(r"(?:\.{3,}|…{2,}|_{3,})\s*\d{1,4}\b|^\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*$|"
                            r"^\s*§\s*\d{1,4}\s*$")
_CONTENTS_GAP = 12  # lines between two of its marks: titles that wrap, run together in a copy


def without_contents(lines: Sequence[str]) -> list[str]:
    """``lines`` with their tables of contents and agendas blanked: a body an item's title names
    ("Samverkan med Region X om …") is a case on the agenda, not the document's author. A
    contents runs from its title to its last line with a page reference or "§ N", each within a
    few lines of the one before (titles wrap, and run together in a web copy); it has two such
    lines at least. The text before the title on its line stays; a title word without such
    lines after it is a word in a sentence and stays too."""
    out = list(lines)
    i = 0
    while i < len(out):
        m = _CONTENTS_TITLE.search(out[i])
        if not m or (m.group(0).lower().startswith("innehåll ") or m.group(0).lower() == "innehåll") and out[i][:m.start()].strip():
            i += 1
            continue
        marks = [i] if _CONTENTS_MARK.search(out[i][m.end():]) else []
        k = i + 1
        while k < len(out) and k - (marks[-1] if marks else i) <= _CONTENTS_GAP:
            if _CONTENTS_TITLE.search(out[k]):
                break  # another contents begins: what stands before its title is no entry
            if _CONTENTS_MARK.search(out[k]):
                marks.append(k)
            k += 1
        if len(marks) < 2:
            i += 1
            continue
        out[i] = out[i][:m.start()]
        for n in range(i + 1, marks[-1] + 1):
            out[n] = ""
        i = max(i + 1, marks[-1] + 1)
    return out


_BARE_MIN = 3  # a bare place name a paper uses this often is its subject, not a passing mention
_KOMMUN_WORD = re.compile(r"kommun", re.IGNORECASE)
_FIRST_NAME_BEFORE = re.compile(r"[A-ZÅÄÖ][a-zåäöé]+ $")
# a member's party before a place: "Richard Malm (S) Göteborg" is where the member lives
_PARTY_BEFORE = re.compile(r"\([A-ZÅÄÖ]{1,4}\),?\s*$")


def _bare_kommun(text: str, *, kommun_body: bool = False) -> str | None:
    """The one table kommun a text that speaks of a kommun ("kommunen", "Kommunfullmäktige",
    "framgångskommun") names by its bare name at least three times, where no other kommun's name
    stands that often; never a name that is also a common word or a person's name ("Mark", "Vara",
    "Berg"), nor a surname after a first name ("Eva Lund"), nor a member's home after their party
    ("Thore Hagman (KD) Göteborg").

    ``kommun_body``: the paper is a kommun body's (its committee is kommunfullmäktige's,
    kommunstyrelsen's or its utskott's: it belongs to one kommun, whichever that is). Then the
    one kommun it names at all is that kommun though it names it only in passing: bare once at
    least ("ett generellt problem i Alingsås", "Alingsås stadsplan") and twice at least with the
    words it begins ("alingsåspolitiken", "Alingsåshem"; a region's name, "Göteborgsregionen", is
    not the kommun's), where no other kommun is named bare; what a reader of such an extract
    answers. Without these the paper's kommun stays unknown."""
    if not _KOMMUN_WORD.search(text):
        return None
    hits = []
    named: list[tuple[str, int]] = []  # each kommun named bare: (name, bare and compound mentions)
    for o in organisations():
        if o.kind != "kommun" or fold(o.name) in _COMMON_WORD_NAMES or o.name not in text:
            continue
        bare = [m for m in re.finditer(rf"(?<![\wåäö-]){re.escape(o.name)}(?![\wåäö-])", text)
                if not _FIRST_NAME_BEFORE.search(text, max(0, m.start() - 20), m.start())
                and not _PARTY_BEFORE.search(text, max(0, m.start() - 12), m.start())]
        if len(bare) >= _BARE_MIN:
            hits.append(o.name)
        if bare:
            words = [m for m in re.finditer(rf"(?<![\wåäö-]){re.escape(o.name)}[a-zåäö]{{3,}}", text, re.IGNORECASE)
                     if "region" not in m.group(0).lower()]
            named.append((o.name, len(bare) + len(words)))
    if len(hits) == 1:
        return hits[0]
    if kommun_body and not hits and len(named) == 1 and named[0][1] >= _PASSING_MIN:
        return named[0][0]
    return None


_PASSING_MIN = 2  # a kommun body's paper naming one kommun this often, compounds counted, is that kommun's


# kommuner whose names are also common words or people's names
_COMMON_WORD_NAMES = {"mark", "vara", "berg", "kil", "boden", "nora", "salem", "eda", "lund", "ale"}


# where a protocol is adjusted or laid out for the public: the kommun's own hall ("Det justerade
# protokollet ... hålls offentligt framlagt i stadshuset i Pargas", "PROTOKOLLET HAR VARIT FRAMLAGT
# TILL PÅSEENDE Tid och plats 17.6.2016 ... Stadshuset i Närpes")
_DISPLAY_PLACE = re.compile(r"(?i:\b(?:framlag[dt]|framläggs|påseende|anslagstavla|justering)\b)[^§]{0,150}?"
                            r"(?i:\b(?:stadshuset|kommunhuset|kommunkansliet|stadskansliet|kommungården)\s+i\s+)"
                            r"([A-ZÅÄÖ][a-zåäö]+)(?![\wåäö-])")


# where the meeting was held: "Plats och tid Moraparken, Mora, måndagen …" (a table kommun only)
_MEETING_PLACE = re.compile(r"\bPlats\s+och\s+tid:?\s+[^,\n§]{2,60},\s*([A-ZÅÄÖ][a-zåäö]+)(?=[,\s])")


def _scan_display_place(text: str, found: dict[str, OrgEvidence], order: int, *, met_in: bool = False) -> None:
    """The kommun whose hall a protocol is laid out in, a mention worth half of one (a place
    outside the table names a kommun only when nothing else is named); with ``met_in`` (a kommun
    body's paper: a joint body meets in its members' halls) also the table kommun its meeting
    was held in."""
    for m in _MEETING_PLACE.finditer(text) if met_in else ():
        o = org_by_name(m.group(1))
        if o is not None and o.kind == "kommun" and m.group(1) not in _NOT_PLACE:
            _add(found, o.name, "kommun", mention=0.5, order=order)
    for m in _DISPLAY_PLACE.finditer(text):
        name = m.group(1)
        o = org_by_name(name)
        if name in _NOT_PLACE or (o is not None and o.kind != "kommun"):
            continue
        _add(found, o.name if o else name, "kommun", mention=0.5, order=order)


def _join_cut_names(found: dict[str, OrgEvidence]) -> None:
    """A förbund's name read once with its last word cut by OCR ("Kommunalförbundet Avfallshantering
    Östra Skara borg") and once whole ("... Östra Skaraborg"): the cut form is the whole name."""
    kf = [e for e in found.values() if e.kind == "kommunalforbund"]
    for short in kf:
        words = short.name.split()
        if len(words) < 2 or len(words[-1]) < 4:
            continue
        for whole in kf:
            w2 = whole.name.split()
            if (whole is not short and w2[:-1] == words[:-1] and w2[-1].startswith(words[-1])
                    and len(w2[-1]) - len(words[-1]) >= 3 and w2[-1][len(words[-1])].islower()):
                whole.self_score += short.self_score
                whole.mention += short.mention
                whole.first = min(whole.first, short.first)
                del found[short.name]
                break


def _scan_state(line: str, found: dict[str, OrgEvidence], weight: float, order: int) -> None:
    for m in _STATE.finditer(line):
        name = re.sub(r"\s+", " ", m.group(1))
        if name.startswith("Länsstyrelsen") and name.endswith("s"):
            name = name[:-1]  # "Länsstyrelsen Västra Götalands pris": no county's name ends in s
        _add(found, name, "other", self_w=weight, mention=1.0, order=order)


def _scan_abbr_self(self_lines: Sequence[str], body: str, found: dict[str, OrgEvidence]) -> None:
    """'GR:s diarienummer: 2026-00071' atop a letter whose text speaks of 'GR:s förbundsstyrelse'."""
    text = "\n".join(self_lines) + "\n" + body
    for line in self_lines[:6]:
        for m in _ABBR_DNR.finditer(line):
            abbr = m.group(1)
            if re.search(rf"\b{abbr}:s\s+(?:förbundsstyrelse|förbundsdirektion|direktion|förbundsfullmäktige)\b",
                         text):
                _add(found, abbr, "kommunalforbund", self_w=3.0,
                     mention=len(re.findall(rf"(?<![\wåäö]){abbr}(?![\wåäö])", text)), order=0)


# a joint body's assembly or board of the förbund or samkommun it names only by its short form:
# "väljer samkommunstämman ... samkommunstyrelse för SÖFUK", "förbundsdirektionen för SÄRF"
_JOINT_BOARD_OF = re.compile(r"(?i:\b(?:samkommun|förbunds)(?:styrelse|stämma|fullmäktige|direktion)(?:n|en|ns)?\s+"
                             r"(?:för|i)\s+)([A-ZÅÄÖ]{3,8})(?![\wÅÄÖåäö])")


def _scan_joint_short_name(text: str, found: dict[str, OrgEvidence], order: int) -> None:
    """A förbund or samkommun the text names by its short form after its own board's or
    assembly's name, a mention for each time the short form stands in the text."""
    for m in _JOINT_BOARD_OF.finditer(text):
        abbr = m.group(1)
        if org_by_name(abbr) is None and abbr not in found:
            _add(found, abbr, "kommunalforbund", mention=len(re.findall(rf"(?<![\wåäö]){abbr}(?![\wåäö])", text)),
                 order=order)


# a förbund that names itself by a name of its own, no word of its kind in it ("Sydarkivera", an
# archive förbund of kommuner in Kronoberg, Kalmar, Blekinge, Skåne): the name in the genitive before
# the förbund's own assembly or board, its office, its steering papers ("Kallelser och protokoll för
# Sydarkiveras förbundsfullmäktige", "Plats: Sydarkiveras kontor", "Förslag till Sydarkiveras
# arkivreglemente"). A kommun or region of the table in that place is a member ("Växjös utträde")
_OWN_NAME_GENITIVE = re.compile(rf"(?<![\wåäö-])({_WORD})s\s+(?:(förbunds(?:fullmäktige|styrelse|direktion))"
                                r"|kontor|[a-zåäö]*reglemente|förbundsordning|verksamhetsplan)(?![a-zåäö])")
# words a förbund uses of its own bodies and members
_FORBUND_ORGANS = re.compile(r"(?i:(?<![\wåäö])förbunds(?:fullmäktige|styrelse|direktion|medlem|ordning))")
_OWN_NAME_MIN = 2  # times the name stands in the text, bare or in the genitive


def _scan_own_name_genitive(text: str, found: dict[str, OrgEvidence], order: int) -> None:
    """A förbund named only by a name of its own (``_OWN_NAME_GENITIVE``) in a text that speaks of
    a förbund's assembly, board or members: a mention for each time the name stands in the text,
    and a letterhead's weight where its assembly or board is named as its ("Sydarkiveras
    förbundsfullmäktige"), above a member kommun the text names ("Hultsfreds kommun inträde") —
    unless a body's letterhead names itself (a member kommun's protocol electing its delegates
    to "Sydarkiveras förbundsfullmäktige" stays that kommun's). A name is always capitalised: a
    word the text also writes in small letters is a common word at a sentence's start
    ("Styrelsens reglemente"), as is one that says its kind ("Förbundets kontor")."""
    if not _FORBUND_ORGANS.search(text):
        return
    letterhead = any(e.self_score >= 3.0 for e in found.values())
    words = _ADDRESS.sub(" ", text)  # its web address and e-mail write it small ("www.sydarkivera.se")
    for m in _OWN_NAME_GENITIVE.finditer(text):
        name = m.group(1)
        if org_by_name(name) is not None or org_by_name(name + "s") is not None or name in _NOT_PLACE \
                or _KIND_IN_NAME.search(name) or re.search(rf"(?<![\wåäö-]){name.lower()}", words):
            continue
        times = len(re.findall(rf"(?<![\wåäö-]){name}s?(?![\wåäö-])", text))
        if times < _OWN_NAME_MIN:
            continue
        seen = name in found
        _add(found, name, "kommunalforbund", self_w=3.0 if m.group(2) and not letterhead else 0.0,
             mention=0.0 if seen else float(times), order=order)


_ADDRESS = re.compile(r"\S+@\S+|(?:https?://|www\.)\S+|\S+\.(?:se|nu|com|org|net|eu)\b\S*")
_KIND_IN_NAME = re.compile(r"(?i:förbund|kommun|region|landsting|stad|nämnd|styrelse|fullmäktige)")


def _scan_domains(line: str, found: dict[str, OrgEvidence], weight: float, order: int) -> None:
    if "www." not in line and "@" not in line and "http" not in line:
        # a line that is a web address alone, as a cover prints its logo's ("alingsas.se" under
        # Alingsås' Fördjupad månadsuppföljning): a known municipality's, a region's or förbund's
        bare = _BARE_DOMAIN.match(line.lower())
        o = domains().get(fold(bare.group(1))) if bare else None
        if o:
            _add(found, o.name, o.kind, self_w=weight, order=order)
        return
    doms = domains()
    for m in _DOMAIN.finditer(line.lower()):
        stem = fold(m.group(1))
        o = doms.get(stem)
        if o:
            _add(found, o.name, o.kind, self_w=weight, order=order)
        else:  # an unknown stem may confirm an unknown municipality named in the text
            found.setdefault("\0" + stem, OrgEvidence("\0" + stem, "other", self_score=weight, first=order))


def _initials(name: str) -> str:
    """A joint body's initials as its web address spells them: each word's first letter, and
    "f" for the förbund a compound ends in ("Alingsås och Vårgårda Räddningstjänstförbund" ->
    "avrf", "Södra Älvsborgs Räddningstjänstförbund" -> "särf" folded "sarf")."""
    out = ""
    for w in name.split():
        if w.casefold() in ("och", "i", "för", "samt"):
            continue
        out += w[0]
        low = w.casefold()
        if re.search(r".förbund(?:et)?$", low):
            out += "f"
    return fold(out)


def _merge_unknown_with_domains(found: dict[str, OrgEvidence]) -> None:
    """'www.nykarleby.fi' confirms 'Nykarleby stad'; unknown stems alone name nobody."""
    stems = {k[1:]: v for k, v in found.items() if k.startswith("\0")}
    for k in list(found):
        if k.startswith("\0"):
            del found[k]
    for ev in found.values():
        s = stems.get(fold(ev.name))
        if s is None and ev.kind == "kommunalforbund":
            # "www.avrf.se", "raddningstjansten@avrf.se": a förbund's address under its initials
            # ("Alingsås och Vårgårda Räddningstjänstförbund") is its own
            s = stems.get(_initials(ev.name))
        if s:
            ev.self_score += s.self_score
