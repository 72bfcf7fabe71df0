"""Vote forms with a seat column and the vote as a word (NetPublicator's "Voteringsmall"):

    Votering #1:                                     Bilaga KF § 31/25
    Voteringsmall KF
    Resultat   Ja 22   Nej 10   Avstår 1   Totalt 33
    Stol  Namn                  Ersätter        Parti          Val
     1    Robert Wenglén (M)    Susanne         Moderaterna    Ja
                                Borgelius (M)
    29    Gun Larsson (-)                       Partitillhörighet saknas   Ja

The member cell carries the seat number ("1Robert Wenglén (M)" once the text layer glues them),
the party is written out ("Moderaterna", "Partitillhörighet saknas" for a member without one)
and the vote is a word. Such a form runs over two pages, without ruling lines, and the text
layer often sets its columns apart — every name first, the "Parti Val" cells after them, an
"Ersätter" name between — so a member's vote is seldom on the member's own line.

The reading: the members (seat number + "Name (P)") in reading order, and the "Party Vote"
cells in reading order; the k-th cell is the k-th member's. That pairing is only accepted when
there are as many cells as members, every pair's party agrees (a party the registry knows by
name has its code; a name it does not know, a local party such as "Fokus", must stand for one
code throughout the form, and "saknas" for "(-)") and the votes add up to the form's Resultat
box. Otherwise the form gives only its counts, so that its Resultat box is still no second vote.
"""

from __future__ import annotations

import re
from collections import Counter

from ..registry import INDEPENDENT, party_of_name
from ..types import Document, Page, RollCallEntry, VoteChoice
from .rollcall import Counts, RollCall, Who, member

_RESULT = re.compile(r"(?m)^[ \t]*Resultat[ \t]*$|(?<![\wåäö])Resultat(?=[ \t]+Ja\b)")
_COUNT = {w: re.compile(rf"(?m)^[ \t]*{w}(?:[ \t]+(?P<n>\d{{1,3}}))?[ \t]*$|(?<=[ \t]){w}[ \t]+(?P<m>\d{{1,3}})\b")
          for w in ("Ja", "Nej", "Avstår", "Frånvarande", "Totalt")}
# the member column's header and the vote column's ("Stol Namn Ersätter", "Parti Val")
_NAME_HEAD = re.compile(r"(?m)^[ \t]*(?:(?:Stol|Plats|Nr)[ \t]+)?Namn(?:[ \t]+(?:Ersätter|Parti|Val|Funktion))*[ \t]*$")
_VOTE_HEAD = re.compile(r"(?m)(?:^|[ \t])(?:Parti[ \t]+)?Val[ \t]*$")
_SEAT_MEMBER = re.compile(
    r"(?m)^[ \t]*(?P<seat>\d{1,3})[ \t]*(?P<who>[A-ZÅÄÖÉÜ][^()\n\d]{1,60}?[ \t]*\([^)\d\n]{1,12}\))")
# the party word and the vote word; a party name that fills its cell runs into the vote with no
# space ("SverigedemokraternaNej"): a capital right after a small letter splits them there
_CELL = re.compile(r"(?P<party>(?:Partitillhörighet\s+)?saknas|[A-ZÅÄÖÉÜ][\wåäöéü-]+?)(?:[ \t]+|(?<=[a-zåäöéü]))"
                   r"(?P<vote>Ja|Nej|Avstår|Frånvarande)[ \t]*$", re.MULTILINE)
_ITEM = re.compile(r"Bilaga[ \t]+(?:[A-ZÅÄÖ]{1,6}[ \t]+){0,2}§[ \t]*(?P<n>\d{1,4})(?:/\d{2,4})?\b")
_TITLE_LINE = re.compile(r"(?m)^[ \t]*(?:Votering|Omröstning|Voteringsmall)\b")
_VOTES: dict[str, VoteChoice] = {"Ja": "ja", "Nej": "nej", "Avstår": "avstar", "Frånvarande": "franvarande"}
_FIRST_LINE = re.compile(r"^\s*(?P<line>[^\n]*)")


def _stated(text: str, at: int) -> Counts | None:
    """The Resultat box's counts: Ja and Nej must be there, Avstår and Frånvarande may be empty."""
    box = text[at:at + 220]
    got: dict[str, int | None] = {}
    for w, rx in _COUNT.items():
        m = rx.search(box)
        got[w] = int(m.group("n") or m.group("m")) if m and (m.group("n") or m.group("m")) else None
    if got["Ja"] is None or got["Nej"] is None:
        return None
    return got["Ja"], got["Nej"], got["Avstår"], got["Frånvarande"]


def _continues(page: Page) -> bool:
    """Whether ``page`` is the form's next page: it opens with a member or a Party Vote cell."""
    first = _FIRST_LINE.match(page.text)
    line = first.group("line") if first else ""
    return bool(_SEAT_MEMBER.match(line) or _CELL.search(line))


def _party_agrees(word: str, code: str | None, seen: dict[str, str | None]) -> bool:
    if word.endswith("saknas"):
        return code in (None, INDEPENDENT)
    known = party_of_name(word)
    if known is not None:
        return known == code
    if word in seen:  # a name the registry does not know stands for one code in the whole form
        return seen[word] == code
    if code in seen.values():
        return False
    seen[word] = code
    return True


def seat_form_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    """Every seat-numbered vote form of ``doc`` as a roll call (no member votes where the
    pairing is not confirmed; the form's counts are then all it gives)."""
    out: list[RollCall] = []
    pages = doc.pages
    i = 0
    while i < len(pages):
        page = pages[i]
        r = _RESULT.search(page.text)
        if r is None or not _NAME_HEAD.search(page.text) or not _VOTE_HEAD.search(page.text):
            i += 1
            continue
        stated = _stated(page.text, r.start())
        form_pages = [page]
        while i + len(form_pages) < len(pages) and _continues(pages[i + len(form_pages)]):
            form_pages.append(pages[i + len(form_pages)])
        members: list[tuple[Who, Page, re.Match[str]]] = []
        cells: list[tuple[Page, re.Match[str]]] = []
        for p in form_pages:
            for m in _SEAT_MEMBER.finditer(p.text):
                who = member(m.group("who"), local=local)
                if who is not None:
                    members.append((who, p, m))
            cells += [(p, c) for c in _CELL.finditer(p.text)]
        title = _TITLE_LINE.search(page.text, 0, r.start())
        start = page.start + (title.start() if title else r.start())
        last = form_pages[-1]
        ends = [last.start + m.end() for w, p, m in members if p is last] + [last.start + 1]
        end = max(ends + [last.start + c.end() for p, c in cells if p is last])
        item = _ITEM.search(page.text)
        entries = _pair(members, cells, stated)
        if entries or stated is not None:
            out.append(RollCall(tuple(entries), page.number, start, max(end, start + 1), "table",
                                f"§ {item.group('n')}" if item else None, None, stated, None))
        i += len(form_pages)
    return out


def _pair(members: list[tuple[Who, Page, re.Match[str]]],
          cells: list[tuple[Page, re.Match[str]]], stated: Counts | None) -> list[RollCallEntry]:
    """The k-th Party Vote cell as the k-th member's vote, where the parties and the counts agree."""
    if not members or len(cells) != len(members):
        return []
    seen: dict[str, str | None] = {}
    entries: list[RollCallEntry] = []
    for ((name, party, role, note), p, m), (_, cell) in zip(members, cells, strict=True):
        if not _party_agrees(" ".join(cell.group("party").split()), party, seen):
            return []
        how = "vote read in row order, party checked"
        entries.append(RollCallEntry(name, party, _VOTES[cell.group("vote")], role, p.number,
                                     p.start + m.start(), p.start + m.end(),
                                     "; ".join(x for x in (how, note) if x), " ".join(m.group(0).split())))
    if stated is not None:
        t = Counter(e.vote for e in entries)
        if (t["ja"], t["nej"], t["avstar"]) != (stated[0], stated[1], stated[2] or 0):
            return []
    return entries
