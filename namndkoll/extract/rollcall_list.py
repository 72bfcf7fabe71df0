"""Roll calls written as lists in the text: the columns of a vote table read as text, one cell
a line or one row a line ("Aslan Akbas / S / 1 / Ordförande / Ja"), after a header such as
"Namn Parti Plats Funktion Resultat", with the list's counts above it ("Antal Ja: 43 Antal Nej:
38 …").

The columns come in the order Namn, Parti, Plats, Funktion, Resultat, but a PDF's text often
scrambles the header (Göteborg's "Plats / Funktion / Resultat" cells land in the middle of the
list) and joins cells ("1 Ordförande"): so a member is read by its own shape — a name, a party
code, a seat number, a role, a vote — and stray header cells between members are skipped.
"""

from __future__ import annotations

import bisect
import re

from ..types import Document, RollCallEntry
from .people import party_value
from .rollcall import CHOICE_RE, CODE_RE, RollCall, choice, context, full_role, member

_LIST_START_RE = re.compile(r"(?:^|(?<=\f))[ \t]*(?:Namn|Ledamot|Ledamöter)(?:[ \t]+(?:Parti|Plats|Funktion|Roll|Resultat|Röst)\b)*[ \t]*$",
                            re.MULTILINE)
_WORD = (r"(?:(?:af|av|von|van|de|der|den|al|el|bin|da|di)[ \t]+)?[A-ZÅÄÖÉÜØ][a-zåäöéüáàèíóúøæçñß'’.]+"
         r"(?:[A-ZÅÄÖ][a-zåäöéü]+)*(?:-[A-ZÅÄÖÉÜa-zåäöéü][a-zåäöéüß'’.]+)*")  # "AnnaSara", "Britt-Marie"
_PERSON = rf"{_WORD}(?:[ \t]+{_WORD}){{0,4}}(?:,[ \t]*{_WORD}(?:[ \t]+{_WORD})?)?"
_ROLE = (r"(?:(?:\d:e|förste|första|andre|andra|tredje)[ \t]+)?(?:[Vv](?:ice)?\.?[ \t]+)?"
         r"(?:[Oo]rdf(?:örande|\.)?|[Ll]edamot|[Ee]rsättare|[Tt]jänstgörande[ \t]+ersättare|[Tt]j\.?[ \t]*[Ee]rs(?:ättare|\.)?|[Ee]rs\.)")
_MEMBER_RE = re.compile(
    rf"(?P<name>{_PERSON}(?:[ \t]*\n[ \t]*{_WORD}(?:[ \t]+{_WORD})?)?)"
    rf"(?:\s+\(?(?P<party>{CODE_RE})\)?)?,?"
    rf"(?:\s+(?P<seat>\d{{1,3}}))?"
    rf"(?:,?\s+(?P<role>{_ROLE}))?"
    rf"\s+(?P<vote>{CHOICE_RE})(?=[ \t]*(?:\n|\f|$))"
)
_SKIP_RE = re.compile(
    r"[ \t]*(?:Namn|Parti|Plats|Funktion|Roll|Resultat|Röst|Ledamot|Antal[ \t]+[\wåäö.]+:?[ \t]*\d+"
    r"|\d+[ \t]*\(\d+\)|Sida[ \t]+\d+(?:[ \t]*\(\d+\))?)[ \t]*(?:\n|(?=\f)|$)|\s+"
)


def text_list_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    text = doc.text
    out: list[RollCall] = []
    end_of_last = 0
    for h in _LIST_START_RE.finditer(text):
        if h.start() < end_of_last:
            continue
        pos = h.end()
        entries: list[RollCallEntry] = []
        while True:
            skip = pos
            for _ in range(12):  # header cells and page furniture between members
                m = _SKIP_RE.match(text, skip)
                if not m or m.end() == skip:
                    break
                skip = m.end()
            r = _MEMBER_RE.match(text, skip)
            if r is None:
                r = _after_furniture(text, skip)
            if r is None:
                break
            entry = _list_entry(doc, r, local)
            if entry is None:
                break
            entries.append(entry)
            pos = r.end()
        if len(entries) < 2:
            continue
        page = doc.pages[doc.page_of(h.start()) - 1]
        ctx = context(doc, page, h.start())
        if out and h.start() - end_of_last < 300 and not (ctx.item or ctx.bilaga or ctx.stated or ctx.title):
            # the same list running on after a break the reader could not pass
            out[-1] = out[-1].run_on(entries, pos)
            end_of_last = pos
            continue
        end_of_last = pos
        out.append(RollCall(tuple(entries), page.number, ctx.start, pos, "list", ctx.item,
                            ctx.bilaga, ctx.stated, ctx.title))
    return out


_SPACE_RE = re.compile(r"\s*")
_LINE_RE = re.compile(r"[^\n\f]{1,80}[\n\f]\s*")


def _after_furniture(text: str, pos: int) -> re.Match[str] | None:
    """The next member after a page's running header or footer that the reader left in the
    text ("Göteborgs Stad Stadsledningskontoret protokoll" at a page break): at most two short
    lines, and only where two members follow."""
    for _ in range(2):
        nl = _LINE_RE.match(text, pos)
        if nl is None:
            return None
        pos = nl.end()
        r = _MEMBER_RE.match(text, pos)
        if r is not None:
            again = _MEMBER_RE.match(text, r.end() + len(text[r.end():r.end() + 40]) - len(text[r.end():r.end() + 40].lstrip()))
            return r if again is not None else None
    return None


def _list_entry(doc: Document, r: re.Match[str], local: dict[str, str]) -> RollCallEntry | None:
    g = r.groupdict()
    if "," not in g["name"]:  # the shape already split name, party and role: only normalise them
        party, original = party_value(g["party"], local) if g.get("party") else (None, None)
        if g.get("party") and party is None:
            party = g["party"]
        note = f"{original} in the list" if original and party and original.upper() != party.upper() else None
        who: tuple[str, str | None, str | None, str | None] | None = (
            " ".join(g["name"].split()), party, full_role(g["role"]) if g.get("role") else None, note)
    else:
        who = member(g["name"], party=g.get("party") or "", role=g.get("role") or "", local=local)
    got = choice(g["vote"])
    if who is None or got is None:
        return None
    name, party, role, note = who
    vote, extra = got
    return RollCallEntry(name, party, vote, role, _page(doc, r.start()), r.start(), r.end(),
                         extra or note, " ".join(r.group().split()))


def _page(doc: Document, offset: int) -> int:
    """The page of ``offset``, with the page starts of the last document kept (a list asks
    once per member)."""
    if _PAGE_STARTS[0] is not doc.pages:  # the pages themselves, so no other document matches
        _PAGE_STARTS[:] = [doc.pages, [p.start for p in doc.pages]]
    starts: list[int] = _PAGE_STARTS[1]  # type: ignore[assignment]
    i = bisect.bisect_right(starts, offset) - 1
    return doc.pages[max(i, 0)].number if doc.pages else 1


_PAGE_STARTS: list[object] = [None, []]
