"""Dates as Swedish (and Finland-Swedish) public documents write them, and which date is *the*
document's: the meeting date of a protocol, the ``Datum:`` of a report, the adoption date of a
policy or plan, the closing "Ort den 3 maj 2021" line of a signed statement.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

__all__ = [
    "MONTHS",
    "adoption_date",
    "closing_date",
    "dates_in",
    "labelled_date",
    "meeting_date",
    "noticed_meeting_date",
    "top_date",
    "without_adjustment_proposals",
]

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
     "november", "december"], 1)}
_MON_ABBR = {m[:3]: i for m, i in MONTHS.items()}

_DASH = "[-–‐‑]"  # hyphen, en dash and the Unicode hyphens some templates print: "2025–10–08"
_ISO = re.compile(rf"(?<![\d/.])((?:19|20)\d\d){_DASH}(0[1-9]|1[0-2]){_DASH}(0[1-9]|[12]\d|3[01])(?![\d])")
# a date in a scanned page's OCR text, a letter read for a digit: "20t7-04-2t" (2017-04-21), "2019-1O-O3";
# the year's first two digits as printed, at most two letters in all
_OCR_DIGIT = str.maketrans("tlIiOo", "111100")
_OCR_ISO = re.compile(rf"(?<![\w/.])((?:19|20)[\dtlIiOo]{{2}}){_DASH}([\dtlIiOo]{{2}}){_DASH}([\dtlIiOo]{{2}})(?![\w])")
# a date alone on its line with its parts spaced out, as covers set it: "2026 03 26", "2026 - 03 - 26",
# the year letter-spaced too ("2 0 2 6 - 03 - 26")
_SP = "(?: | [-–] )"
_ISO_SPACED = re.compile(rf"^\s*((?:19|20)\d\d|[12] [09] \d \d){_SP}(0[1-9]|1[0-2]){_SP}(0[1-9]|[12]\d|3[01])\s*$")
# Finland-Swedish and older Swedish: 15.9.2022, 15.09.2022
_DOTTED = re.compile(r"(?<![\d.])(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.((?:19|20)\d\d)(?![\d])")
# OCR sets a narrow "1" apart from its neighbours: "14 december 20 1 1", "3 maj 201 1" (a lone "1"
# among the year's digits; "20 11" or "2 011" are not taken, nor a year that runs on into more digits)
_OCR_YEAR = r"(?:19|20) ?(?:\d 1|1 \d)(?! ?\d)"
_WRITTEN = re.compile(r"(?<!\d)(\d{1,2})(?:\s*:e|\s*:a)?\s+(" + "|".join(MONTHS) + r"|"
                      + "|".join(_MON_ABBR) + r")\.?,?\s+((?:19|20)\d\d\b|" + _OCR_YEAR + ")", re.IGNORECASE)


def _valid(y: int, m: int, d: int) -> bool:
    import datetime

    try:
        datetime.date(y, m, d)
    except ValueError:
        return False
    return True


def dates_in(text: str) -> Iterator[tuple[int, str]]:
    """(offset, ISO date) of every date written in ``text``, in order."""
    found: list[tuple[int, str]] = []
    for m in _ISO.finditer(text):
        found.append((m.start(), f"{m.group(1)}-{m.group(2)}-{m.group(3)}"))
    for m in _OCR_ISO.finditer(text):
        letters = sum(c.isalpha() for c in m.group(0))
        y, mo, d = (int(g.translate(_OCR_DIGIT)) for g in m.groups())
        if 1 <= letters <= 2 and _valid(y, mo, d):
            found.append((m.start(), f"{y}-{mo:02d}-{d:02d}"))
    m2 = _ISO_SPACED.match(text)
    if m2:
        found.append((m2.start(1), f"{m2.group(1).replace(' ', '')}-{m2.group(2)}-{m2.group(3)}"))
    for m in _DOTTED.finditer(text):
        y, mo, d = int(m.group(3)), int(m.group(2)), int(m.group(1))
        if _valid(y, mo, d):
            found.append((m.start(), f"{y}-{mo:02d}-{d:02d}"))
    for m in _WRITTEN.finditer(text):
        word = m.group(2).lower()
        mo = MONTHS.get(word) or _MON_ABBR.get(word[:3], 0)
        y, d = int(m.group(3).replace(" ", "")), int(m.group(1))
        if mo and _valid(y, mo, d):
            found.append((m.start(), f"{y}-{mo:02d}-{d:02d}"))
    yield from sorted(found)


def _first(text: str) -> str | None:
    return next((d for _, d in dates_in(text)), None)


# ---- protocols -------------------------------------------------------------------------------
# lines whose dates are not the meeting's: adjusting, posting and removing the notice, signatures
_NOT_MEETING = re.compile(
    r"juster|anslag|tas ned|nedtag|uppsättande|underskrift|sekreterare|bevis|överklag|"
    r"publicer|intygar|signer|elektroniskt|utdrag|bestyrk|skickat|expedier|\bkl\b.*\bsenast\b|senast|"
    # the notice of the meeting ("Kungörelsen ... utsändes den 25 september 2003") came before it
    r"kungör|kungjor|utsändes|utsänts|annonser|"
    # the day the notice was issued ("KALLELSESIDA Utfärdat den 15.06.2016", "Kallelsen utfärdad Sund den ...")
    r"utfärda",
    re.IGNORECASE)
_MEETING_LABEL = re.compile(
    r"^\s*(?:sammanträdes(?:datum|dag|tid|tid och plats)|sammanträde\w*|mötesdatum|mötestid|möte|"
    r"datum för sammanträdet|datum och tid|tid och plats|plats och tid|tid|datum|organ.*datum)\b\s*:?",
    re.IGNORECASE)


# the end of a line whose adjustment label wrapped onto the next: "Justeringens", "Protokolljustering
# plats och", "Justering, plats och tid:"
_ADJUSTMENT_LABEL_END = re.compile(r"juster\w*(?:[\s,]+(?:plats|tid|ort|datum|och))*\s*:?\s*$", re.IGNORECASE)
_INLINE_MEETING_LABEL = re.compile(r"\bsammanträdes(?:datum|dag)\s*:?\s*|"
                                   # Finland-Swedish "Sammanträdestid Måndagen den 4 april 2016, kl. 18:00"
                                   r"\bsammanträdestid\s*:?\s*(?:[a-zåäö]+dag(?:en)?\s+)?(?:den\s+)?|"
                                   # "Dag och tid Onsdag den 10 oktober 2012 kl. 14.00": the label's
                                   # weekday and "den" before the date
                                   r"\b(?:dag|datum)\s+och\s+tid\s*:?\s*(?:[a-zåäö]+dag(?:en)?\s+)?(?:den\s+)?|"
                                   # a notice's sentence: "Valnämnden har haft sammanträde den 5 mars 2014"
                                   r"\b(?:har\s+haft|hade|höll)\s+sammanträde\s+(?:den\s+)?|"
                                   # a front page's field run into its line: "Plats Stora sessionssalen
                                   # Tid Tisdagen den 26 februari 2013, kl"; a field label is capitalised
                                   # ("Justeringens plats och tid 2017-05-23" is the adjustment's)
                                   r"(?-i:\b(?:Tid|Datum))\s*:?\s+(?:[a-zåäö]+dag(?:en)?\s+)?(?:den\s+)?",
                                   re.IGNORECASE)
# "Tid: 20230118 9.00-10.00": a web form's date written without separators, taken only after a label
_COMPACT = re.compile(r"(?<![\d.:/-])((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![\d/-])")


def _compact(text: str) -> str | None:
    m = _COMPACT.search(text)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def meeting_date(header_lines: Sequence[str], lines: Sequence[str]) -> str | None:
    """The date a protocol's meeting was held: a labelled meeting date ("Sammanträdesdatum",
    "Plats och tid ... 2023-11-09", Finnish "Sammanträdestid 15.9.2022 kl. 18.00"), else the date
    printed in the protocol's own header, else the first date on the first page that is not a
    justering, posting or signature date."""
    top = list(lines[:60])
    for i, line in enumerate(top):
        if i and _ADJUSTMENT_LABEL_END.search(top[i - 1]):
            # "Justeringens" / "plats och tid", "Protokolljustering plats och" / "tid: Kronoby, den
            # 6 april 2016": the label wrapped, it is the adjustment's
            continue
        if _MEETING_LABEL.match(line) and not _NOT_MEETING.search(line):
            d = _first(line) or (_first(top[i + 1]) if i + 1 < len(top) and len(top[i + 1]) < 60
                                 and not _NOT_MEETING.search(top[i + 1]) else None) or _compact(line)
            if d:
                return d
    for line in header_lines:
        if not _NOT_MEETING.search(line):
            d = _first(line)
            if d:
                return d
    # a notice flattened into running lines keeps "Sammanträdesdatum 17 september 2014" among
    # its adjustment and posting words (and may wrap the year): the label names its own date
    joined = " ".join(ln.strip() for ln in top[:40])
    for m in _INLINE_MEETING_LABEL.finditer(joined):
        d = next((d for at, d in dates_in(joined[m.end():m.end() + 30]) if at == 0), None)
        if d:
            return d
    for i, line in enumerate(top[:40]):
        if i and re.search(r"\bjusterat\b", top[i - 1], re.IGNORECASE) and not top[i - 1].rstrip().endswith("."):
            continue  # "Justerat tisdagen den 7 oktober ... / i övrigt den 21 oktober 2003": still the adjustment's
        if not _NOT_MEETING.search(line):
            for at, d in dates_in(line):
                if _OWN_MEETING_FIELD.search(line[:at]) and not (i and _ADJUSTMENT_LABEL_END.search(top[i - 1])):
                    # the meeting's own field on the date's line ("1 Protokoll 1 (50) Plats och tid:
                    # Regionkontoret, den 21 mars 2017"): whatever the line above ends with
                    # ("… pressekreterare") is another field's
                    return d
                # a front page flattened and wrapped: "Justeringens plats och tid Barn- och
                # utbildningskontoret / tisdag 18 september 2018": the words just before the date,
                # across the wrap, still say whose it is (a date that opens its line is a column's
                # value under a row of labels: "Sammanträdesdatum Justeringsdatum / 2023-05-10 2023-05-17")
                before = (top[i - 1][-50:] if i and line[:at].strip() else "") + " " + line[:at]
                if i > 1 and line[:at].strip() and top[i - 1][:1].islower() and len(top[i - 1]) < 25:
                    # the label itself wrapped over two lines: "Justeringens tid / och plats / Rådhuset, ..."
                    before = top[i - 2][-50:] + " " + before
                if not _NOT_MEETING.search(before[-70:]) and not _PERIOD_BOUND.search(before[-30:]):
                    return d
    return None


# a meeting's field run into a front page's line before its date, near enough to be its value
# ("Plats och tid: Regionkontoret, den 21 mars 2017"; never "Plats och tid för justering")
_OWN_MEETING_FIELD = re.compile(r"\b(?:plats\s+och\s+tid|tid\s+och\s+plats|sammanträdes(?:datum|dag))\s*:?"
                                r"(?!\s*för\b)[^.;:]{0,60}$", re.IGNORECASE)


# a period's bound in a decision's text ("som ska gälla från och med den 1 januari 2019 till och
# med 31 december 2022", "nu gällande arbetsordning upphävs den 1 januari 2019") is when a rule
# takes or loses effect, not when the meeting was held
_PERIOD_BOUND = re.compile(r"(?:från\s+och\s+med|till\s+och\s+med|fr\.\s*o\.?\s*m\.?|t\.\s*o\.?\s*m\.?|"
                           r"(?:gäller|gälla|gällande)\s+från|upphävs|upphör(?:\s+att\s+gälla)?|"
                           r"träder\s+i\s+kraft)\s+(?:den\s+)?$", re.IGNORECASE)



# the notice of adjustment (ANSLAG/BEVIS) repeats the meeting's date in a field of its own ("Organ
# Samhällsbyggnadsnämnden / Sammanträdesdatum 2017-05-23 Anslaget under tiden"); the notice may sit
# on a page after the front page
_NOTICE_HEAD = re.compile(r"\banslag\s*/\s*bevis\b|\bbevis\s*/\s*anslag\b|\bprotokollet\s+är\s+justerat\b|"
                          r"\bjusteringen\s+har\s+tillkännag", re.IGNORECASE)
_NOTICE_MEETING = re.compile(r"\bsammanträdesdatum\s*:?\s*", re.IGNORECASE)


def noticed_meeting_date(lines: Sequence[str]) -> str | None:
    """The date in the ``Sammanträdesdatum`` field of a protocol's notice of adjustment: the date
    that stands right after the label, never one of the notice's later fields (the days the notice
    is put up and taken down)."""
    for i, line in enumerate(lines):
        if not _NOTICE_HEAD.search(line):
            continue
        block = " ".join(ln.strip() for ln in lines[i:i + 8])
        for m in _NOTICE_MEETING.finditer(block):
            d = next((d for at, d in dates_in(block[m.end():m.end() + 30]) if at == 0), None)
            if d:
                return d
    return None


# a meeting web page's item "Val av justerare" lists the adjustment's room, day and the member
# proposed to adjust: "Lokal: Sessionssalen / Datum: 29 oktober 2019 kl. 11:00 / Förslag: N N (M)";
# its day is the adjustment's, not the meeting's or the page's
_PROPOSED_ADJUSTER = re.compile(r"^\W*förslag\s*:\s*[A-ZÅÄÖ][\wåäöé-]+(?:\s+[A-ZÅÄÖ][\wåäöé-]+)+\s*"
                                r"\((?-i:[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,3})\)\s*$", re.IGNORECASE)
_FIELD_LINE = re.compile(r"^\W*(?:lokal|plats|datum|tid|dag)\s*:", re.IGNORECASE)


def without_adjustment_proposals(lines: Sequence[str]) -> list[str]:
    """``lines`` with the place and day fields of an adjuster's proposal blanked out."""
    out = list(lines)
    for i, line in enumerate(lines):
        if _PROPOSED_ADJUSTER.match(line):
            j = i - 1
            while j >= 0 and i - j <= 3 and _FIELD_LINE.match(out[j]):
                out[j] = ""
                j -= 1
    return out

# ---- reports, policies, statements -------------------------------------------------------------
_DATE_LABEL = re.compile(
    r"^\s*(?:datum|dokumentdatum|upprättad|upprättat|daterad|rapportdatum|skrivelsens datum)\s*:?\s*"
    # a letterhead run into one line keeps its issue field after the type word: "Stadsledningskontoret
    # Tjänsteutlåtande Utfärdat 2018-02-19 Diarienummer 1900/16"
    r"|^.{0,60}?\b(?:utfärdad|utfärdat)\s*:?\s*(?=(?:19|20)\d\d-\d\d-\d\d|\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d)",
    re.IGNORECASE)


# the next field of a form whose two columns share a line: "Datum för beslut: Revideras senast:
# 2026-04-09" (the decision date is empty; the date is the review's)
_NEXT_FIELD = re.compile(r"\s[A-ZÅÄÖ][a-zåäö]+(?:\s[a-zåäö]+){0,2}\s*:")


def _own_field(rest: str) -> str:
    """``rest`` up to the next form field on the same line."""
    m = _NEXT_FIELD.search(rest)
    return rest[:m.start()] if m else rest


def labelled_date(lines: Sequence[str]) -> str | None:
    """A ``Datum: 2026-05-11`` (or ``Datum`` with the date on the next line) anywhere in ``lines``;
    never a date that belongs to the next field of a two-column form row."""
    for i, line in enumerate(lines):
        m = _DATE_LABEL.match(line)
        if not m:
            continue
        rest = _own_field(line[m.end():])
        d = _first(rest[:40])
        if d is None and not rest.strip() and i + 1 < len(lines) and len(lines[i + 1]) < 40:
            d = _first(lines[i + 1])
        if d:
            return d
    return None


# a document form's footer keeps its fields on one line: "Dokumenttyp: Motionssvar KF § 228 2025.493 KS
# Upprättad: 2026-01-28" (the date the document was drawn up, beside the other fields)
_FORM_DATE = re.compile(r"^\s*(?:dokumenttyp|dokumentansvarig|diarie\s?nr|dnr|beteckning)\s*:.*?\s"
                        r"(?:upprättad|upprättat|dokumentdatum)\s*:\s*", re.IGNORECASE)


def form_date(lines: Sequence[str]) -> str | None:
    """The ``Upprättad:`` date of a form footer whose fields share one line, or None."""
    for line in lines:
        m = _FORM_DATE.match(line)
        if m and (d := _first(line[m.end():m.end() + 20])):
            return d
    return None


_ADOPTED = re.compile(
    r"\b(?:antagen|antaget|antogs|antagna|fastställd|fastställt|fastställdes|beslutad|beslutat|"
    r"beslutsdatum|beslutades|godkänd|godkänt|datum för beslut)\b|"
    # a regulation's head: "Transportstyrelsens föreskrifter om ...; / beslutade den 28 augusti 2024."
    # alone on its line (never a sentence's "... Räddningstjänstförbund / beslutade den 17 april 2026, § 10, att")
    r"^\s*beslutade\s+den\b(?=\s+\d{1,2}\s+[a-zåäö]+\s+(?:19|20)\d\d\s*\.?\s*$)", re.IGNORECASE)
_VALIDITY = re.compile(r"\b(?:gäller|giltig|giltighet|revideras|ska revideras|uppföljning|upphör|"
                       r"nästa revidering|senast)\b", re.IGNORECASE)
_REVISED = re.compile(r"\b(?:reviderad|reviderat|reviderades|senast reviderad|uppdaterad|uppdaterat)\b",
                      re.IGNORECASE)
# a revision a body decided ("Reviderad av kommunfullmäktige 2019-05-12, § 40") adopted the text
# in force; a bare "Reviderat 2015-01-09" or "Uppdaterad 2023-09-19" is an editor's date
_REVISED_BY_BODY = re.compile(
    r"\b(?:reviderad|reviderat|reviderades|senast reviderad)\s+(?:av|i)\s+[\wåäö-]*(?:fullmäktige|styrelsen|"
    r"nämnden|direktionen)\b", re.IGNORECASE)


def adoption_date(lines: Sequence[str]) -> str | None:
    """The date a policy, plan or guideline was adopted ("Antagen av kommunfullmäktige
    2021-05-27 § 45", "Fastställd: 2020-01-15", "Reviderad av kommunstyrelsen 2019-05-12"),
    never its validity ("Gäller från", "Giltig till") nor a revision date no body decided
    ("Reviderat 2015-01-09"): without an adoption date there is none to read."""
    for rx in (_ADOPTED, _REVISED_BY_BODY):
        for i, line in enumerate(lines):
            m = rx.search(line)
            if not m or _VALIDITY.search(line[:m.start()]):
                continue
            tail = line[m.end():]
            cut = _VALIDITY.search(tail)
            tail = tail[:cut.start()] if cut else tail
            d = _first(tail[:90])
            if d is None and not tail.strip() and i + 1 < len(lines) and not _VALIDITY.search(lines[i + 1]):
                d = _first(lines[i + 1][:60])
            if d:
                return d
    return None


# "Göteborg den 3 februari 2026", "Lund, 2016-04-13", "Alingsås, den 3 maj 2021"
_CLOSING = re.compile(
    r"^\s*(?:[A-ZÅÄÖ][\wåäöé]+(?:[ -][A-ZÅÄÖ][\wåäöé]+)?)(?:\s*,\s*(?:den\s+)?|\s+den\s+)"
    r"(\d{1,2}\s+[a-zåäö]+\.?\s+(?:19|20)\d\d|(?:19|20)\d\d[-–]\d\d[-–]\d\d)\s*\.?\s*$")


def closing_date(lines: Sequence[str]) -> str | None:
    """The date of a signed statement's closing line ("Ort den 3 maj 2021"); the last one."""
    found = None
    for line in lines:
        m = _CLOSING.match(line)
        if m and not re.match(r"^\s*(?:Datum|Den|Dnr|Sida)\b", line, re.IGNORECASE):
            d = _first(m.group(1))
            if d:
                found = d
    return found


# a case number right after a date: "1 september 2014 KS-2014/742.912", "2019-03-04 Dnr 2019/12"
_CASE_NO_AFTER = re.compile(r"\s+(?:dnr\.?\s*:?\s*)?(?:[A-ZÅÄÖ]{2,6}[ -–]?)?(?:19|20)\d\d[/\-–.:]\d", re.IGNORECASE)


def leading_date(lines: Sequence[str], *, n: int = 3) -> str | None:
    """The date that opens one of the first lines and is followed by the case number: a web copy
    runs a report's letterhead ("1 september 2014 / KS-2014/742.912 / 1 (11) / HANDLÄGGARE") into
    one line, too long for ``top_date``."""
    for line in lines[:n]:
        s = line.strip()
        for rx in (_ISO, _WRITTEN, _DOTTED):
            m = rx.match(s)
            if m and _CASE_NO_AFTER.match(s[m.end():]):
                return _first(s[:m.end()])
    return None


# the version a steering document replaces, dated: "Ersätter: 2023-04-27, § 43" (a letterhead's field)
_REPLACES = re.compile(r"\bersätter\b", re.IGNORECASE)


def top_date(lines: Sequence[str], *, n: int = 25, revised: bool = True) -> str | None:
    """A date standing on its own short line near the top (a cover's or letterhead's date), not a
    validity, justering or posting date, nor the date of the version the document replaces; with
    ``revised=False`` not a revision date either."""
    for line in lines[:n]:
        s = line.strip()
        if (len(s) > 45 or _NOT_MEETING.search(s) or _VALIDITY.search(s) or _REPLACES.search(s)
                or (not revised and _REVISED.search(s))):
            continue
        d = _first(s)
        if d:
            return d
    return None
