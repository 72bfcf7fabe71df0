"""A body named by its initials: "BUN SAMMANTRÄDESPROTOKOLL" in a running head, §§ numbered
"Bunau 26 Dnr ...": the body the document names in full whose initials these are."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .body_names import COMMITTEE, NOT_COMMITTEE, canon_committee

__all__ = ["abbreviated", "initials_skip", "spells_initials"]

# a running head that names the body by its initials before the kind of document
_ABBR_HEAD = re.compile(r"^\s*([A-ZÅÄÖ]{2,6})\s+(?:SAMMANTRÄDES|JUSTERAT\s+)?PROTOKOLL(?:SUTDRAG)?\b")
# where a body's name is compounded, the part after the joint starts a letter of its initials
_HEADS = ("nämnd", "styrelse", "fullmäktige", "utskott", "direktion", "beredning", "bygg", "revision")
_SMALL_WORDS = {"och", "samt", "för", "&"}


def abbreviated(lines: Sequence[str], text: str) -> str | None:
    """The body a protocol names only by its initials in its running head ("BUN
    SAMMANTRÄDESPROTOKOLL"): the body the document itself names in full whose initials these are
    ("Barn- och utbildningsnämnden" 22 times in the text), else the initials as written. Never a
    body the document does not name: with two that fit equally ("SN": socialnämnden and
    samhällsbyggnadsnämnden), the initials stay as written."""
    abbr = next((m.group(1) for ln in lines if (m := _ABBR_HEAD.match(ln))), None)
    if abbr is None:
        return _system_code_body(lines) or _item_prefix_body(text) or _item_run_body(text)
    fits: dict[str, int] = {}
    judged: set[str] = set()  # a body the text names 22 times is matched against the initials once
    for m in COMMITTEE.finditer(text):
        name = canon_committee(m.group(1))
        if name in judged or NOT_COMMITTEE.match(name):
            continue
        judged.add(name)
        skipped = initials_skip(abbr, name)
        if skipped is not None:
            fits[name] = skipped
    if not fits:
        return abbr
    best = min(fits.values())
    names = [n for n, k in fits.items() if k == best]
    return names[0] if len(names) == 1 else abbr


# a Finland-Swedish meeting system heads its contents and pages with the body's short form, the
# meeting's day and hour ("INNEHÅLLSFÖRTECKNING SFGE, 2016-06-13 18:00, Protokoll", "§ 68, SSTYR
# 2015-04-14 18:00 Sida 3"; a web copy may drop the day: "SSTYR, :00"); the short forms are the
# kommun's (K) or stad's (S) fullmäktige ("fge", "fm") and styrelse ("styr", "st")
_SYSTEM_HEAD = re.compile(r"(?<![\wÅÄÖåäö§-])([KS])(FGE|FM|STYR|ST),?\s+(?:(?:19|20)\d\d-\d\d-\d\d\s+)?\d{0,2}:\d\d(?!\d)")


def _system_code_body(lines: Sequence[str]) -> str | None:
    """The fullmäktige or styrelse a Finland-Swedish meeting system's head names by its short form."""
    m = next((m for ln in lines if (m := _SYSTEM_HEAD.search(ln))), None)
    if m is None:
        return None
    owner = "Kommun" if m.group(1) == "K" else "Stads"
    return owner + ("fullmäktige" if m.group(2) in ("FGE", "FM") else "styrelsen")


# a § numbered under the body's initials before its case number ("Bunau 26 Dnr BUN 2012/234",
# "GyN 103 Dnr"): initials ending in "au" are the arbetsutskott of the body whose initials precede
_ITEM_PREFIX = re.compile(r"(?<![\wåäö])([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{1,6})\s+\d{1,4}\s+Dnr\b")


def _item_prefix_body(text: str) -> str | None:
    """The body a protocol's §§ are numbered under, when its initials spell the one body the
    text names in full (an arbetsutskott's: the initials of its nämnd and "au"); None otherwise."""
    m = _ITEM_PREFIX.search(text)
    if m is None:
        return None
    abbr = m.group(1)
    committee_au = abbr.casefold().endswith("au") and len(abbr) >= 4
    base = abbr[:-2] if committee_au else abbr
    names = {canon_committee(c.group(1)) for c in COMMITTEE.finditer(text)}
    fits = sorted(n for n in names if not NOT_COMMITTEE.match(n) and initials_skip(base, n) is not None)
    if len(fits) != 1:
        return None
    name = fits[0]
    return f"{name}s arbetsutskott" if committee_au and name.endswith(("nämnden", "styrelsen")) else name


# a list of cases numbering its §§ under fullmäktige's or the styrelse's initials: "KF 59
# Godkännande av dagordning KF 60 Information KF 61 Allmänhetens frågestund"
_STANDARD_INITIALS = {"kf": "Kommunfullmäktige", "ks": "Kommunstyrelsen"}
_ITEM_UNDER = re.compile(r"(?<![\wåäö§/-])(KF|KS|Kf|Ks)\s+(\d{1,3})\s+(?=[A-ZÅÄÖ][a-zåäö])")


def _item_run_body(text: str) -> str | None:
    """The assembly or board whose §§ a protocol numbers under its standard initials, three in
    a row ("KF 59 ... KF 60 ... KF 61"), asked when neither its letterhead nor its notice of
    adjustment names the body: one item so numbered may be another body's decision the text
    cites, a run of them is the protocol's own list of cases."""
    numbers: dict[str, set[int]] = {}
    for m in _ITEM_UNDER.finditer(text):
        numbers.setdefault(m.group(1).casefold(), set()).add(int(m.group(2)))
    runs = [a for a, ns in numbers.items() if any(n + 1 in ns and n + 2 in ns for n in ns)]
    return _STANDARD_INITIALS[runs[0]] if len(runs) == 1 else None


def spells_initials(abbr: str, name: str) -> bool:
    """Whether ``abbr`` is ``name``'s initials as a protocol abbreviates it: "BUN" for "Barn-
    och ungdomsnämnden", "KS" for "Kommunstyrelsen", "SBN" for "Samhällsbyggnadsnämnden"."""
    return len(abbr) >= 2 and initials_skip(abbr, name) is not None


def initials_skip(abbr: str, name: str) -> int | None:
    """Whether ``abbr`` spells ``name``'s initials: each word's first letter, and letters where a
    compound joins ("utbildnings|nämnden", "kommun|styrelsen"), some of which an abbreviation may
    leave out; the body word's own letter (the N of nämnden) is never left out. The number of
    joints left out (fewer: a closer fit), or None when it does not spell them."""
    words = [w for w in re.split(r"[\s-]+", name.casefold()) if w and w not in _SMALL_WORDS]
    pattern = ""
    for n, w in enumerate(words):
        pattern += re.escape(w[0])
        joints = [i for i in range(2, len(w) - 2) if w[i - 1] == "s" and w[i] not in "aeiouyåäö"
                  or w.startswith(_HEADS, i)]
        head = max((i for i in joints if w.startswith(_HEADS, i)), default=None) if n == len(words) - 1 else None
        for i in joints:
            if head is not None and i > head:
                break  # inside the body word itself ("s|tyrelsen")
            pattern += re.escape(w[i]) if i == head else f"({re.escape(w[i])})?"
    m = re.fullmatch(pattern, abbr.casefold())
    if m is None:
        return None
    return sum(g is None for g in m.groups())
