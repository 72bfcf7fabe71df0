"""A document's title as printed: its main heading, not a letterhead, a field label, a signature
service's line or a person's name; from the page layout when the reader knows font sizes."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import Page
from .body_names import COMMITTEE, LABEL
from .org_table import is_self_name, without_self_names

__all__ = ["COVER_LETTER", "find_title"]

_FUNCTION_END = re.compile(r"(?:\b(?:av|och|för|i|mot|till|om|med|på|samt|inom|från|vid|under|efter|över|"
                           r"kring|hos|gällande|avseende|rörande|angående|den|det|de|en|ett|att|som|inför|"
                           r"utan|genom|mellan|enligt)|[-–,:&])$", re.IGNORECASE)
_ROLE = re.compile(r"(?:chef|direktör|sekreterare|handläggare|strateg|controller|ekonom|utredare|samordnare|"
                   r"ansvarig|ordförande|ledamot|assistent|jurist|planerare|ingenjör|arkitekt|specialist|"
                   r"rådgivare|konsult|koordinator|tjänsteman|förvaltare|kommunalråd|regionråd|revisor|"
                   r"utvecklare|analytiker|registrator|nämndsekreterare|kanslist)$", re.IGNORECASE)
_SECTION_HEAD = re.compile(
    r"^(?:sammanfattning|sammanfattande bedömning|samlad bedömning|ärendebeskrivning|ärendet|bakgrund|inledning|"
    r"förslag till beslut|beslutsunderlag|beslut|yrkande|innehåll|innehållsförteckning|syfte|"
    r"förvaltningens (?:yttrande|bedömning|förslag)|beskrivning av ärendet|underlag|ekonomisk bedömning|"
    # a notice of a meeting's section on absence: "Förhinder" over "Om du inte kan närvara …"
    r"förhinder)"
    r"\s*:?$", re.IGNORECASE)
_TYPE_LABEL = re.compile(
    r"^(?:tjänsteskrivelse|tjänsteutlåtande|protokoll|sammanträdesprotokoll|protokollsutdrag|rapport|"
    r"rapportsammandrag|missiv|motion|reservation|skrivelse|årsredovisning|delårsrapport|kallelse|"
    r"beslutsunderlag|underlag|promemoria|pm|yttrande|remissvar|utredning|policy|riktlinje|riktlinjer|"
    r"strategi|plan|program|styrdokument|budgetanvisningar|initiativärende|handling|bilaga|"
    r"handlingsplan|handlingsprogram|regler|anvisning|anvisningar|rutin|rutiner|instruktion|"
    r"ärende|beslut|information|dokument|(?:förvaltningens\s+)?utlåtande)$|^(?:bilaga|handling|ärende)\s*\d*$",
    re.IGNORECASE)
# "Till följande nämnder för yttrande:", "Till kommunfullmäktige för kännedom": a letter's addressees
_ADDRESS = re.compile(r"^till\s+(?:följande|samtliga|berörda|ansvariga|kommun\w*|region\w*|"
                      r"[\wåäö-]*(?:nämnd|styrelse|fullmäktige)\w*)\b", re.IGNORECASE)
_WEB = re.compile(r"@|https?://|www\.|^[\w.-]+\.(?:se|fi|nu|com|org|eu)$", re.IGNORECASE)
# a cover word that is part of the title set in the same type above it ("RAPPORT / BORGENSAVGIFTER")
_TITLE_WORD = re.compile(r"^(?:rapport|utredning)$", re.IGNORECASE)
_YEARISH = re.compile(r"^(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?$")
# a steering document's control box, not its title: "Dokumentet är beslutat av: …", "Dokumentet
# beslutades den: 2023-09-19", "Dokumentansvarig är: …", "Reviderat 2015-01-09", "Antagen av
# kommunfullmäktige …", "Gäller 2025-11-06 – 2028-10-31", "Gällande original hämtas från:"
_CONTROL = re.compile(
    r"^(?:dokumentet\s+(?:är\s+)?(?:beslutat|beslutades|gäller|ersätter|uppdaterat|uppdaterades|reviderat|"
    r"reviderades|fastställt|fastställdes|antaget|antogs)\b|dokumentansvarig|dokumentägare|beslutsinstans|"
    r"beslutande\s+instans|beslutsdatum|typ\s+av\s+(?:styr)?dokument|relaterade\s+dokument|"
    r"gällande\s+original|för\s+(?:revidering|uppföljning)\s+av\s+dokumentet|"
    r"gäller\s+(?:från|fr\.?\s*o\.?\s*m|till|t\.?\s*o\.?\s*m|tills\s*vidare|för\b|(?:19|20)\d\d)|giltig\w*\s+(?:från|till|t\.?o\.?m)|"
    r"(?:senast\s+)?(?:reviderad|reviderat|uppdaterad|uppdaterat|antagen|antaget|antagna|fastställd|fastställt|"
    r"beslutad|beslutat)\s*(?::|(?:av|i|den|vid)\b|(?:19|20)\d\d|\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d))",
    re.IGNORECASE)
# a line that is only a case number: "KSL/12/0177", "(KS/2009:517)", "Dnr: SMST 2510-0065"
_DNR_ONLY = re.compile(r"^\(?(?:dnr\.?\s*:?\s*)?[A-ZÅÄÖ]{2,6}\s?[/ -]\s?\d{1,4}[/:.-]\d{1,6}(?:[/:.-]\d{1,6})?\)?$",
                       re.IGNORECASE)
# an office or unit named alone on a line, as Word templates print it above the title:
# "Vård- och omsorgsförvaltningen", "Kommunledningsförvaltning", "Kost och måltidsenheten"
_UNIT_LINE = re.compile(
    r"^(?:[A-ZÅÄÖ][\wåäö]*-?(?:, [\wåäö]+-?)* (?:och|samt) )?[A-ZÅÄÖ]?[\wåäö]*"
    r"(?:förvaltning|förvaltningen|kontoret|avdelning|avdelningen|enheten|sektionen|staben|kansliet)$")
# the link a web page opens with for screen readers ("Hoppa över navigering", "Gå direkt till
# innehållet"): the site's, never the page's title
_SKIP_LINK = re.compile(r"^(?:hoppa\s+(?:över|till)\s+(?:navigering(?:en)?|(?:huvud)?innehållet)|"
                        r"gå\s+direkt\s+till\s+(?:huvud)?innehållet|till\s+(?:huvud)?innehållet)$", re.IGNORECASE)
# a web page's own furniture, printed into a copy of it: a menu entry or trail set as a list item
# ("• Hem", "» No results found"), a breadcrumb ("Din position: Hem > Kommun > Nämnd"), a search
# widget's empty answer, a cookie or browser notice, a document-sharing site's viewer and share
# buttons ("Storlek: px", "Download …", "Academic year: 2022", "Share …"): the site's text, never the
# document's heading, whatever the site
_BULLET = re.compile(r"^[•»›▪◦·]")
_CHROME = re.compile(
    r"^[•»›▪◦·]\s*|"
    r"^(?:din\s+position|du\s+är\s+här|du\s+befinner\s+dig\s+här)\s*:|^hem\s*(?:>|»|›|/|$)|\S\s+[>»›]\s+\S.*\s[>»›]\s|"
    r"\b(?:no\s+results?\s+found|inga\s+(?:sök)?(?:resultat|träffar)\s+(?:hittades|funna))\b|"
    r"\b(?:använder|accepter\w*|godkänn\w*|tillåt\w*|om|hantera|inställningar\s+för)\s+kakor\b|\bcookies?\b|"
    r"\b(?:din|en\s+modern|en\s+annan|uppdatera\s+din)\s+webbläsare\b|\binternet\s+explorer\b|"
    r"^(?:storlek\s*:\s*\d*\s*px|starta\s+visningen\s+från\s+sidan|download\s+[\"“”]|share\s+[\"“”]|"
    r"academic\s+year\s*:|save\s+this\s+(?:pdf|document|file)\s+as|transkript|n/a|protected|kopiera\s+länk|dela\s+sidan|skriv\s+ut|lyssna)\b",
    re.IGNORECASE)
# a table of contents, as a viewer names a copy by its first line ("INNEHÅLLSFÖRTECKNING... Sid.
# Förvaltningsberättelse … Driftredovisning...23"): a heading over the contents or an entry with a
# dot leader to its page number, no title
_CONTENTS = re.compile(r"^innehåll(?:sförteckning)?\b(?!\s+(?:och|i|av)\s)|\.{3,}\s*(?:sid(?:an)?\.?\s*)?\d{1,3}\b",
                       re.IGNORECASE)
# a letterhead's contact field ("Direktnr: 6654", "Tfn 0322-61 60 00"): its particulars, no title
_PARTICULARS = re.compile(r"^(?:direktnr|direkttelefon|tfn|tel|telefon|mobil|fax|växel)\.?\s*:?\s*[\d+(]",
                          re.IGNORECASE)
# a document's kind as a heading's first word: no one is called "Avtal" or "Policy"
_KIND_FIRST = re.compile(r"^(?:avtal|plan|policy|program|strategi|riktlinjer?|rutin|taxa|reglemente|budget|"
                         r"utredning|rapport|yttrande|motion|interpellation|medborgarförslag|handlingsplan)\s",
                         re.IGNORECASE)
_NAME_LINE = re.compile(r"^[A-ZÅÄÖ][a-zåäöéü]+(?:[ -](?:[A-ZÅÄÖ][a-zåäöéü]+|[A-ZÅÄÖ]\.)){1,3}$")
# a meeting's field labels over their values, the values lost ("TID - AIKA KL.", "Plats/Paikka"):
# Swedish labels and, in a bilingual Finnish protocol, their Finnish twins; a form, no title
_FIELD_LABEL = re.compile(
    r"(?i)\b(?:tid|plats|datum|kl|klockan|sammanträdestid|sammanträdesplats|mötestid|mötesplats|närvarande|"
    r"aika|paikka|klo|päivämäärä|kokousaika|kokouspaikka|läsnä)\b")
# the same label with its value ("TID - AIKA KL. - KLO 16:30-18:15 Houtskär …", "Tid: 18.00",
# "Plats: Kommunhuset"), or a front page's form run on into one line ("1 X KOMMUN PROTOKOLLSIDA Nr
# Sida Kommunstyrelsen 11/ Sammanträdestid Måndagen …"): the meeting's particulars, no title
_FIELD_VALUE = re.compile(
    r"(?i)^(?:\d+\s+)*(?:tid|plats|datum|kl|klockan|sammanträdestid|sammanträdesplats|mötestid|mötesplats)\.?"
    r"(?:\s*:|\s*[-–/]?\s*(?:aika|paikka|klo|päivämäärä)\b|\s+\d)")
_FORM_WORD = re.compile(r"(?i)\b(?:sammanträdestid|sammanträdesplats|sammanträdesdatum|justeringsdatum|"
                        r"justeringens\s+tid|protokolljusterare|närvarande\s+ledamöter|"
                        r"(?:tid|plats|kl)\.?\s*[-–/]?\s*(?:aika|paikka|klo))\b")
# a file's name shown as the page's title by a site that has no other ("arviointikertomus2015_ruotsi
# _netti" as "Arviointikertomus2015 ruotsi netti", "protokoll_ks_2014-03-10.pdf"): a name with a
# file's extension or underscores, or a word run into its number followed by lower-case words only
_FILE_NAME = re.compile(
    r"^[^/\\]{1,120}\.(?i:pdf|docx?|odt|rtf|xlsx?|pptx?)$|^\w+_\w+(?:_\w+)*$|"
    r"^[A-ZÅÄÖa-zåäö][a-zåäö]{5,}(?:19|20)\d\d(?: [a-zåäö0-9]+){1,5}$")


def _skip_title_line(s: str, committee: str | None, org_names: set[str]) -> bool:
    low = s.casefold()
    if len(s) < 4 or not re.search(r"[A-Za-zÅÄÖåäö]{3}", s) or LABEL.match(s):
        return True
    if _CONTROL.match(s) or _DNR_ONLY.match(s) or _UNIT_LINE.match(s) or _SKIP_LINK.match(s) or _CHROME.search(s) or \
            _PARTICULARS.match(s) or _FILE_NAME.match(s) or _FIELD_VALUE.match(s):
        return True
    if not re.sub(r"[\d\W_]+", " ", _FIELD_LABEL.sub(" ", s)).split():
        return True
    if re.search(r"@|https?://|www\.|\b\d{3}[- ]\d{2,3} ?\d{2}", s):
        return True
    if re.fullmatch(r"\w+s\s+författningssamling", s.strip(), re.IGNORECASE):
        return True  # the series a regulation is printed in ("Transportstyrelsens författningssamling")
    if committee and low == committee.casefold():
        return True
    if low.rstrip(".") in org_names or is_self_name(s) or COMMITTEE.fullmatch(s) or (
            s.isupper() and COMMITTEE.fullmatch(s.capitalize())) or re.fullmatch(
            r"[A-ZÅÄÖ]?[a-zåäö]*(?:förvaltningen|kontoret|avdelningen|enheten|sektionen|staben)", s):
        return True
    if _NAME_LINE.match(s) and not re.search(r"\b(?:och|av|för|i|till|om)\b", s) and not _KIND_FIRST.match(s):
        return True  # a person's name ("Jessica Persdotter Keding"), not "Avtal Ungdomsmottagningen"
    if len(s.split()) <= 3 and _ROLE.search(s):
        return True  # "Biträdande verksamhetschef"
    if _TYPE_LABEL.match(re.sub(r"\s+\d+\s*\(\d+\)$", "", s).rstrip(" –-:")) is not None or _ADDRESS.match(s):
        return True
    if org_names and _names_writer(s, org_names):
        return True
    return _is_letterhead(s)


def _names_writer(s: str, org_names: set[str]) -> bool:
    """'Revisorerna i Tolkförmedling Väst 2026-04-08': the writer's body, its organisation and a
    date, a letterhead line whatever the organisation is called."""
    rest = s.casefold()
    hit = False
    for n in sorted(org_names, key=len, reverse=True):
        if n and n in rest:
            rest, hit = rest.replace(n, " "), True
    if not hit:
        return False
    rest = re.sub(r"\b(?:revisorerna|revisionen|direktionen|förbundet|\w*nämnden|\w*styrelsen|\w*fullmäktige|"
                  r"i|för|vid|och)\b|[\d\W_]+", " ", rest)
    return not rest.split()


_OFFICE_WORD = re.compile(r"\b[A-ZÅÄÖ]?[a-zåäö]*(?:förvaltningen|kontoret|avdelningen|enheten|staben)\b")


def _is_letterhead(s: str) -> bool:
    """A letterhead run together on one line: a body's name with its committee, office, document
    type or date ("Lunds kommun Socialförvaltningen Tjänsteskrivelse", "Göteborgs Stad
    Stadsledningskontoret protokoll")."""
    rest = without_self_names(s)
    # a kommun or stad the table does not know is named by its form ("SUNDS KOMMUN", "Vasa stads")
    rest = re.sub(r"(?<![\wåäö-])[A-ZÅÄÖ][\wåäö-]+\s+(?:kommuns?|stads?)(?![\wåäö])", " ", rest, flags=re.IGNORECASE)
    if rest == s and not COMMITTEE.search(s):
        return False
    if rest.isupper():  # "KOMMUNSTYRELSEN" as "Kommunstyrelsen"
        rest = " ".join(w.capitalize() for w in rest.split())
    rest = COMMITTEE.sub(" ", rest)
    rest = _OFFICE_WORD.sub(" ", rest)
    rest = re.sub(r"(?i)\b(?:tjänsteskrivelse|tjänsteutlåtande|(?:sammanträdes)?protokoll(?:sutdrag)?|kallelse|"
                  r"(?:protokolls?|kallelse)sida|sammanträdeskallelse|rapport|sida|datum)\b", " ", rest)
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
    # a Markdown heading mark ("# HANDLINGSPLAN") left in a text made from a conversion is not
    # part of what it marks
    lines = [_MD_HEAD.sub("", ln) for ln in lines]
    breaks = _blank_before(lines, page) if page is not None else set()
    i, n = 0, len(lines[:40])
    running = -1  # the index of a line that continues a paragraph broken off above it
    while i < n:
        s = lines[i].strip()
        if _SECTION_HEAD.match(s) or _CONTENTS.search(s):
            return None  # the body (or its table of contents) began without a title
        if re.fullmatch(r"till\s*:?", s, re.IGNORECASE):
            i += 2  # "Till" over the addressee ("Fullmäktige i Västra Götalandsregionen")
            continue
        m = re.match(r"^(?:motion|ärende|ärendet|initiativärende|interpellation|fråga)\s*:\s*(.+)$", s,
                     re.IGNORECASE)
        if m and not lines[i].lower().startswith("ärende:"):
            s = m.group(1).strip()
        elif _skip_title_line(s, committee, names):
            if (_FIELD_VALUE.match(s) and _running_on(s)) or (
                    _CHROME.search(s) and sum(s.count(q) for q in "\"“”") % 2 == 1):
                # the particulars, or a viewer's 'Download "…' quoting them, go on over the next
                # line ("… Näsbyvägen / 214, 21670 Houtskär"")
                running = i + 1
            if len(s.split()) == 1 and i + 1 < n and _YEARISH.match(lines[i + 1].strip()) and \
                    not LABEL.match(s) and re.search(r"[a-zåäö]{3}", s):
                return f"{s} {lines[i + 1].strip()}"  # "Årsredovisning" / "2025"
            i += 1
            continue
        if s[:1].islower() or (len(s.split()) == 1 and s.endswith(("-", "–"))) or running == i:
            # a fragment of a heading the text layer broke apart, or the rest of a paragraph of
            # running text broken off at the line's end
            if running == i and _FORM_WORD.search(s):
                # a front page's form run on as one paragraph from the line above ("TID - AIKA
                # KL. - KLO / 1 KALLELSESIDA Sammanträdestid …"): as a candidate holding these
                # words, no title; a numbered point after it is the agenda's
                return None
            if _running_on(s) and (s[:1].islower() or running == i):
                running = i + 1
            i += 1
            continue
        if len(s) > 160 or s.endswith(".") and len(s) > 60:
            return None  # a sentence: this document prints no title before its text
        stop = next((k for k in range(i + 1, i + 6) if k in breaks), i + 6)
        title = _continue_title(s, lines[i + 1:stop])
        # a numbered point that ran on into a sentence ("1. Nämnden godkänner … / … som svar på
        # remissen."), or a page run on as one paragraph over many lines: text, not a heading
        if (re.match(r"\d{1,2}\.\s", title) and title.endswith(".") and len(title) > 60) or len(title) > 220 \
                or _FORM_WORD.search(title):
            return None
        return _without_control(title)
    return None


_MD_HEAD = re.compile(r"^\s*#{1,6}\s+")
# a cover run on into one line by a web copy, its control box after the heading: "Delårsrapport
# januari-augusti 2018 Godkänd av direktionen 2018-09-19 Dnr 740.2018-000996"
_RUN_ON_CONTROL = re.compile(
    r"\s+(?:(?:godkänd|godkänt|antagen|antaget|fastställd|fastställt|beslutad|beslutat)\s+(?:av|i)\s+"
    r"[\wåäö ]{3,60}?\s(?:19|20)\d\d[-–]\d\d[-–]\d\d\b|dnr\.?\s*:?\s*[\w.]*\d{2,}[/.:-]\d).*$", re.IGNORECASE)


def _without_control(title: str) -> str:
    """``title`` without the decision line or case number a web copy ran on after it (both
    are the document's particulars, never its heading); the title itself when that is all."""
    cut = _RUN_ON_CONTROL.sub("", title).strip(" :–-")
    return cut if len(cut.split()) >= 2 else title


def _running_on(prev: str) -> bool:
    """Whether ``prev`` is a line of running text broken off mid-sentence (a page of a web copy
    that runs a protocol's front page on as one paragraph): as long as a text line and ending
    without a stop, so the next line is the same paragraph."""
    p = prev.strip()
    return len(p.split()) >= 6 and not re.search(r"[.!?:;]$", p)


def _blank_before(lines: Sequence[str], page: Page) -> set[int]:
    """Indexes of ``lines`` (the page's non-empty lines, in order) set a blank line or more below
    the line before them: a title does not run on across such a gap ("Anvisning för att
    förebygga / alkohol-och drogmissbruk" over an empty line over "en bilaga till
    arbetsmiljöpolicyn"). Empty when the layout is unknown or does not match ``lines``."""
    laid = [ln for ln in page.lines if page.text[ln.start:ln.end].strip()]
    if len(laid) < len(lines[:40]) or any(
            _MD_HEAD.sub("", page.text[ln.start:ln.end].strip()) != s.strip() for ln, s in zip(laid, lines[:40])):
        return set()
    out: set[int] = set()
    for k in range(1, min(len(lines), 40)):
        prev, cur = laid[k - 1], laid[k]
        height = max(prev.size or (prev.bottom - prev.top), cur.size or (cur.bottom - cur.top), 1.0)
        if cur.top - prev.bottom > height:
            out.add(k)
    return out


def _continue_title(title: str, following: Sequence[str]) -> str:
    for nxt in (ln.strip() for ln in following):
        if (not nxt or LABEL.match(nxt) or _SECTION_HEAD.match(nxt) or _WEB.search(nxt) or len(title) > 200
                or _BULLET.match(nxt)):  # a list's item below a heading is not part of it
            break
        if title.endswith((".", "?", "!")):
            break
        last = title.split()[-1]
        joins = (nxt[:1].islower() or nxt[:1] == "(" or _FUNCTION_END.search(title) is not None
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
    if _SECTION_HEAD.match(page.text[first.start:first.end].strip()):
        return None  # "Sammanfattande bedömning" in the largest type: the body begins untitled
    parts, prev = [page.text[first.start:first.end].strip()], first
    above = [x for x in sized if x.bottom <= first.top and abs(x.size - first.size) <= 0.6
             and first.top - x.bottom <= first.size * 1.2]
    if above and _TITLE_WORD.match(page.text[above[-1].start:above[-1].end].strip()):
        parts.insert(0, page.text[above[-1].start:above[-1].end].strip())
    # the lines below it as the page is read: a column set beside the title (a regulation's
    # number "TSFS 2024:57" level with its first line) is read after the title's lines, higher up
    for ln in sized[sized.index(first) + 1:]:
        if ln.top <= prev.top:
            break
        gap = ln.top - prev.bottom
        if abs(ln.size - first.size) > 0.6 or gap > first.size * 1.2 or _WEB.search(page.text[ln.start:ln.end]):
            break
        parts.append(page.text[ln.start:ln.end].strip())
        prev = ln
    out = parts[0]
    for p in parts[1:]:
        out = out + p if out.endswith(("-", "–")) and p[:1].islower() else f"{out} {p}"
    # "…om parkeringsanmärkningar och felparkeringsavgift;" over "beslutade den …" in body type
    return re.sub(r"\s+", " ", out).strip(" :;–-") or None


# "Missiv", "Missiv till kommunstyrelsen samt ansvariga nämnder och bolag", "Missiv till
# granskningen av ...": a cover letter's heading, whoever it is addressed to
_COVER_LETTER = re.compile(r"^(?:missiv|följebrev)(?:\s+(?:till|avseende|för)\s+[^.]{3,90})?$", re.IGNORECASE)


COVER_LETTER = _COVER_LETTER
