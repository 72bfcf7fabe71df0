"""A meeting's own page (a web agenda, a page of decisions) titled by its body and day, or a web
page whose breadcrumb trail ends at a meeting: the body and the day it names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .body_names import COMMITTEE, NOT_COMMITTEE, canon_committee

__all__ = ["breadcrumb_company", "breadcrumb_meeting", "meeting_sentence", "titled_meeting", "titled_meeting_day"]

# a meeting's own page (a web agenda, a page of decisions) is titled by its body and day:
# "Regionfullmäktige 27 februari 2024", "Kulturnämndens sammanträde onsdagen den 22 februari",
# "Landstingsfullmäktige den 10 februari 2009 med tillägg", "Kulturnämnden 2017-12-11"
_MONTHS = r"(?:januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)"
_TITLED = re.compile(
    # a heading before a dash may name what the page holds: "Beslut i korthet - regionstyrelsen 30 mars 2022"
    r"^(?:(?P<pre>[A-ZÅÄÖ][\wåäö]*(?: [\wåäö]+){0,4}) [-–] )?"
    r"(?P<body>(?(pre)[A-ZÅÄÖa-zåäö]|[A-ZÅÄÖ])[a-zåäö-]*(?:nämnd(?:en)?|styrelsen?|fullmäktige|utskott(?:et)?|direktion(?:en)?))"
    r"(s\s+(?:sammanträde|möte))?"
    r"\s+(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?"
    r"(?P<day>\d{1,2}\s+" + _MONTHS + r"(?:\s+(?:19|20)\d\d)?\b|\d{4}-\d{2}-\d{2}\b)")


# a web page's breadcrumb trail down to one meeting: "Din position: Hem > Tyresö kommun >
# Barn- och utbildningsnämnden > Sammanträde 2023-08-30"; the crumb before the meeting is its body
_CRUMB_MEETING = re.compile(r"(?:^|>)\s*([^>]+?)\s*>\s*Sammanträde(?:t|n)?\b")


def breadcrumb_meeting(lines: Sequence[str]) -> str | None:
    """The body of the meeting a web page's breadcrumb trail ends at, or None."""
    m = _CRUMB_MEETING.search(" ".join(ln.strip() for ln in lines))
    if m is None:
        return None
    c = COMMITTEE.fullmatch(m.group(1))
    return canon_committee(c.group(1)) if c and not NOT_COMMITTEE.match(c.group(1)) else None


# the same trail down to a company's board meeting: "Hem > Stockholms stad > AB Familjebostäder >
# Sammanträde 2013-04-09"; the company before the meeting holds it, not the kommun that owns it
_CRUMB_COMPANY = re.compile(r"(?:^|>)\s*((?:AB\s+[A-ZÅÄÖ][\wåäö&-]*(?:\s+[\wåäö&-]+){0,3}?)|"
                            r"(?:[A-ZÅÄÖ][\wåäö&-]*(?:\s+[\wåäö&-]+){0,3}?\s+AB))\s*>\s*Sammanträde(?:t|n)?\b")


def breadcrumb_company(lines: Sequence[str]) -> str | None:
    """The company ("AB X", "X AB") whose meeting a web page's breadcrumb trail ends at, or None."""
    m = _CRUMB_COMPANY.search(" ".join(ln.strip() for ln in lines))
    return re.sub(r"\s+", " ", m.group(1)) if m else None


def titled_meeting(lines: Sequence[str]) -> str | None:
    """The body a meeting's page is titled by ("Regionfullmäktige 27 februari 2024"), or None."""
    crumb = breadcrumb_meeting(lines)
    if crumb:
        return crumb
    for line in lines:
        m = _TITLED.match(line.strip())
        if m and not NOT_COMMITTEE.match(m.group("body")):
            return canon_committee(m.group("body"))
    return None


def titled_meeting_day(lines: Sequence[str]) -> str | None:
    """The day in the title of a meeting's own page ("Beslut i korthet - regionstyrelsen 30 mars
    2022", "Regionfullmäktige 24 februari 2015") as written, or None: the meeting's date."""
    for line in lines:
        m = _TITLED.match(line.strip())
        if m and not NOT_COMMITTEE.match(m.group("body")):
            return m.group("day")
    return None


# a note about one meeting says in a sentence which body meets or decided, and on which day: "Kulturnämnden
# sammanträder onsdagen den 6 februari 2013" (a press release before it), "Det beslutade kommunfullmäktige
# 28 november 2022", "Kommunfullmäktige har beslutat om ..." (a news page after it)
_BODY = r"(?P<body>[A-ZÅÄÖa-zåäö][a-zåäö-]*(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen))"
_DAY = (r"(?:\s+(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\s+)?(?:den\s+)?"
        r"(?P<day>\d{1,2}\s+" + _MONTHS + r"\s+(?:19|20)\d\d\b|\d{4}-\d{2}-\d{2}\b))?")
_MEETING_SENTENCES = (
    re.compile(r"(?<![\wåäö-])" + _BODY + r"\s+sammanträder\b" + _DAY),
    re.compile(r"(?<![\wåäö-])(?:[Dd]et|[Dd]etta|[Vv]ilket)\s+beslutade\s+" + _BODY + _DAY),
    re.compile(r"(?<![\wåäö-])" + _BODY + r"\s+har\s+beslutat\b"),
)


def meeting_sentence(lines: Sequence[str]) -> tuple[str | None, str | None]:
    """The body a note's sentence says meets or decided, and the day it names with its year, from
    the first lines run together; (None, None) where no such sentence is found. The first sentence
    with a day gives the day; the first with a body the body."""
    text = " ".join(ln.strip() for ln in lines[:15])
    body = day = None
    for rx in _MEETING_SENTENCES:
        for m in rx.finditer(text):
            if NOT_COMMITTEE.match(canon_committee(m.group("body"))):
                continue
            body = body or canon_committee(m.group("body"))
            if "day" in rx.groupindex and m.group("day"):
                day = day or m.group("day")
    return body, day
