"""Case numbers (diarienummer) as documents write them, in every municipality's and region's
register format."""

from __future__ import annotations

import re

__all__ = ["find_diarienummer"]

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
