"""Vote lists set as text with a mark under Ja, Nej or Avstår (NetPublicator's "Voteringsprotokoll").

A header line ends with the choices ("Voteringsprotokoll  Ja  Nej  Avstår", on a list's second
page "Kommunfullmäktige:  Ja  Nej  Avstår"), the members follow one per line ("Jens Thystrup (M)
x", "Marie Nilsson (M) (ordf.)"), then "Totalt" and the counts in the choices' columns ("7  2  2",
"19  23"). There are no ruling lines, so no table is found; which choice a mark stands for is
only visible from its x-position on the page.

In such PDFs the marks often do not stand on their members' lines: the text layer sets them
half a row lower, so that every other mark lands on a line of its own, on the header's line or
after "Totalt". The reading is therefore:

* the marks' x-positions fall into as many groups as there are choices in the header or fewer
  (split at the widest gaps); the groups, left to right, are the header's choices in order, or,
  where fewer groups than choices are marked, the order-keeping choice of columns whose sizes
  are the list's own counts;
* where every mark stands on a member's line, each member has their own mark (no mark: absent);
  where some do not but there are exactly as many marks as members, the k-th mark (in reading
  order) is the k-th member's — the list is then only accepted when its tally is the stated
  counts, which the order-based reading must reproduce; otherwise no member votes are given and
  the list gives only its counts;
* a list without a totals row of its own is read against
  the result the § states just above it ("Ja: 4, Nej 7"): those counts then choose the columns
  and must be what the order-based reading gives; they stay the vote's, not the list's;
* a member line whose party code lost a bracket ("Leslie Qvandrup M)") is still a member's, so
  the list does not end there.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from ..types import Document, Page, RollCallEntry, VoteChoice
from .people import party_value
from .rollcall import RollCall, Who, member

_CHOICE_WORDS: dict[str, VoteChoice] = {
    "ja": "ja", "nej": "nej", "avstår": "avstar", "avstod": "avstar", "avst": "avstar", "avst.": "avstar",
    "frånvarande": "franvarande", "frånv": "franvarande", "frånv.": "franvarande"}
_HEADER = re.compile(
    r"^(?P<pre>.{0,90}?)[ \t]*(?<![\wåäö])(?P<cols>(?:Ja|JA)(?:[ \t]+(?:Nej|Avstår|Avstod|Avst\.?|Frånvarande|Frånv\.?"
    r"|NEJ|AVSTÅR|AVSTOD|FRÅNVARANDE))+)[ \t]*$")
_HEADER_PRE = re.compile(r"^$|:$|\b(?:[Vv]otering|[Oo]mröstning|Ledamot|Ledamöter|Namn)", re.IGNORECASE)
_MARK = r"[Xx×✓✔☒]"
_MARK_ONLY = re.compile(rf"^{_MARK}$")
_MEMBER = re.compile(
    rf"^(?P<who>[A-ZÅÄÖÉÜ][^()\n]{{1,60}}?[ \t]*\([^)\d]{{1,12}}\))"
    r"(?:[ \t]*\((?P<role>(?:v\.?[ \t]*|vice[ \t]+|\d:e[ \t]+(?:vice[ \t]+)?)?ordf\.?|(?:vice[ \t]+)?ordförande|"
    r"ers\.?|ersättare|tj\.?[ \t]*ers\.?)\))?"
    rf"(?:,[ \t]*(?P<role2>[^,()\d]{{2,30}}?))?(?:[ \t]+(?P<mark>{_MARK}))?$")
# "Karström Fredrik, Ordförande M  Cronsjö Camilla, Ersättare M", "Vithal Bergström Michelle KD  X":
# a list that writes the party code bare after the name and role (NetPublicator's "Upprops- och
# voteringslista"), a serving substitute's cell beside the first rows
_BARE = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉÜ][a-zåäöéü'’-][\wåäöéü'’-]*(?:[ \t]+[A-ZÅÄÖÉÜ][a-zåäöéü'’-][\wåäöéü'’-]*){1,4})"
    r"(?:,[ \t]*(?P<role>[^,()\n]{2,50}?))?"
    r"[ \t]+(?P<party>[A-ZÅÄÖ]{1,4}|-)"
    r"(?:[ \t]+(?P<sub>[A-ZÅÄÖÉÜ][^,()\n]{1,50},[ \t]*(?:Ersättare|ersättare|Ers\.|ers\.)[ \t]+(?:[A-ZÅÄÖ]{1,4}|-)))?"
    rf"(?:[ \t]+(?P<mark>{_MARK}))?$")
# "Leslie Qvandrup M)", "Tina Falk (M": a member line whose party code lost one of its brackets
# (Lomma BUN 2024); only a known party code is taken, so a sentence's stray bracket is none
_HALF_BRACKET = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉÜ][a-zåäöéü'’-][\wåäöéü'’-]*(?:[ \t]+[A-ZÅÄÖÉÜ][a-zåäöéü'’-][\wåäöéü'’-]*){1,4})"
    r"[ \t]+(?:\((?P<open>[A-ZÅÄÖ]{1,4}|-)|(?P<close>[A-ZÅÄÖ]{1,4}|-)\))"
    rf"(?:[ \t]+(?P<mark>{_MARK}))?$")
_LABEL_MARK = re.compile(rf"^(?P<label>\S.{{0,40}}?)[ \t]+(?P<mark>{_MARK})$")
_TOTAL = re.compile(r"^(?:Totalt|Summa|Resultat|Antal|Total)\b[ \t:]*(?P<nums>\d{1,3}(?:[ \t]+\d{1,3}){0,3})?",
                    re.IGNORECASE)
_NUMBERS = re.compile(r"^\d{1,3}(?:[ \t]+\d{1,3}){0,3}$")
# "Bilaga KF § 34/26", "Bilaga A KF § 76" (a letter and the body's code before the §)
_ITEM = re.compile(r"(?:Bilaga[ \t]+(?:[A-ZÅÄÖ]{1,6}[ \t]+){0,2}|(?:Voteringslista|Omröstningslista)[ \t]*:?[ \t]*)"
                   r"§[ \t]*(?P<n>\d{1,4})(?:/\d{2,4})?\b")
_FURNITURE = re.compile(r"ledamot|ersättare|(?<![\wåäö])ers\.|namn|votering|omröstning", re.IGNORECASE)
# the result the § states just above its list ("Ja: 4, Nej 7", "Ja:2, Nej: 9", "Ja 7, Nej 2, Avstår 2"):
# what a list without a totals row of its own is read against
_RESULT_ABOVE = re.compile(r"(?<![\wåäö])Ja(?::[ \t]*|[ \t]+)(?P<ja>\d{1,3})[,;]?[ \t]+Nej(?::[ \t]*|[ \t]+)(?P<nej>\d{1,3})"
                           r"(?:[,;]?[ \t]+Avstår(?::[ \t]*|[ \t]+)(?P<avst>\d{1,3}))?")
_ABOVE = 400  # characters before a list's header searched for that result
_GAP = 3.0  # points between two marks' right edges that separate two columns


class _List:
    def __init__(self, cols: list[VoteChoice], start: int, page: int, item: str | None) -> None:
        self.cols = cols
        self.start = start
        self.end = start
        self.page = page
        self.item = item
        self.members: list[tuple[Who, int, int, int, str]] = []
        self.marks: list[tuple[float, int | None]] = []  # (x, index of the member on whose line) in order
        self.stated: list[int] | None = None
        self.totals = False
        self.hint: list[int] | None = None  # the result stated just above a list without totals


def _member_line(text: str, local: dict[str, str]) -> tuple[Who, bool] | None:
    """(member, whether a mark ends the line) of a list's member line, either form, or None."""
    m = _MEMBER.match(text)
    if m:
        who = member(m.group("who"), role=m.group("role") or m.group("role2") or "", local=local)
        return (who, bool(m.group("mark"))) if who is not None else None
    h = _HALF_BRACKET.match(text)
    if h:
        party = h.group("open") or h.group("close")
        if party != "-" and party_value(party, local)[0] is None:
            return None
        who = member(f"{h.group('name')} ({party})", local=local)
        return (who, bool(h.group("mark"))) if who is not None else None
    b = _BARE.match(text)
    if not b or (b.group("party") != "-" and party_value(b.group("party"), local)[0] is None):
        return None
    who = member(f"{b.group('name')} ({b.group('party')})", role=b.group("role") or "", local=local)
    return (who, bool(b.group("mark"))) if who is not None else None


def _lines(page: Page) -> list[tuple[str, int, int, float]]:
    """(text, start, end in Page.text, right edge) of each laid-out line of ``page``."""
    return [(page.text[ln.start:ln.end].strip(), ln.start, ln.end, ln.x1) for ln in page.lines]


def _header(text: str) -> list[VoteChoice] | None:
    m = _HEADER.match(text)
    if not m or not _HEADER_PRE.search(m.group("pre").strip()):
        return None
    cols = [_CHOICE_WORDS[w.lower()] for w in m.group("cols").split()]
    return cols if len(set(cols)) == len(cols) else None


def _header_on_member(lines: list[tuple[str, int, int, float]], i: int, local: dict[str, str]
                      ) -> tuple[list[VoteChoice], int, list[tuple[Who, int, int, str]]] | None:
    """A header the text layer set on a member's line ("Christer Philipson (KD)  Ja  Nej  Avstår"):
    its choices, where the list starts and its members so far — the members on the lines just
    above it and the one on its own line. Only taken under the list's own title or member-column
    header ("Voteringsprotokoll", "Ledamot/tjänstgörande ersättare") a few lines up, with no
    other line between, so a sentence ending in "ja" is never a header."""
    m = _HEADER.match(lines[i][0])
    if not m:
        return None
    pre = m.group("pre").strip()
    own = _member_line(pre, local)
    if own is None or own[1]:
        return None
    cols = [_CHOICE_WORDS[w.lower()] for w in m.group("cols").split()]
    if len(set(cols)) != len(cols):
        return None
    above: list[tuple[Who, int, int, str]] = []
    k = i - 1
    while k >= 0 and i - k <= 4:
        text, s, e, _ = lines[k]
        mm = _member_line(text, local)
        if mm is not None and not mm[1]:
            above.insert(0, (mm[0], s, e, text))
            k -= 1
            continue
        if len(text) < 60 and _FURNITURE.search(text):
            break
        return None
    else:
        return None
    who = own[0]
    text, s, e = lines[i][:3]
    first = above[0][1] if above else s
    return cols, first, [*above, (who, s, e, text)]


def _hint(doc: Document, lst: _List) -> None:
    """The counts of the last result stated above ``lst``, in its columns' order (a count the
    result leaves out, 0), for a list that turns out to have no totals of its own."""
    found = list(_RESULT_ABOVE.finditer(doc.text, max(0, lst.start - _ABOVE), lst.start))
    if found:
        m = found[-1]
        by: dict[VoteChoice, int] = {"ja": int(m.group("ja")), "nej": int(m.group("nej")),
                                     "avstar": int(m.group("avst") or 0)}
        lst.hint = [by.get(c, 0) for c in lst.cols]


def _scan(doc: Document, local: dict[str, str]) -> list[_List]:
    out: list[_List] = []
    for page in doc.pages:
        if not page.lines:
            continue
        lines = _lines(page)
        cur: _List | None = None
        head_at = -9
        # a list that ran off the previous page goes on under a header among this page's first lines
        carried = out[-1] if out and not out[-1].totals and out[-1].page == page.number - 1 else None
        for i, (text, s, e, x1) in enumerate(lines):
            if cur is None:
                cols = _header(text)
                if cols is None:
                    started = _header_on_member(lines, i, local)
                    if started is None:
                        continue
                    cols, first, members = started
                    above = page.text[max(0, first - 300):first]
                    found = list(_ITEM.finditer(above))
                    cur = _List(cols, page.start + first, page.number,
                                f"§ {found[-1].group('n')}" if found else None)
                    _hint(doc, cur)
                    out.append(cur)
                    cur.members.extend((who, page.number, page.start + ms, page.start + me, mt)
                                       for who, ms, me, mt in members)
                    cur.end = page.start + e
                    head_at = i
                    continue
                if carried is not None and i < 3 and carried.cols == cols:
                    cur = carried
                    carried = None
                else:
                    above = page.text[max(0, s - 300):s]
                    found = list(_ITEM.finditer(above))
                    cur = _List(cols, page.start + s, page.number, f"§ {found[-1].group('n')}" if found else None)
                    _hint(doc, cur)
                    out.append(cur)
                cur.page = page.number
                cur.end = page.start + e
                head_at = i
                continue
            if cur.totals:
                if _NUMBERS.match(text) and cur.stated is None:
                    cur.stated = [int(n) for n in text.split()]
                    cur.end = page.start + e
                    cur = None
                    continue
                if _MARK_ONLY.match(text):
                    cur.marks.append((x1, None))
                    cur.end = page.start + e
                    continue
                cur = None
                continue
            row = _member_line(text, local)
            if row is not None:
                who, marked = row
                cur.members.append((who, page.number, page.start + s, page.start + e, text))
                if marked:
                    cur.marks.append((x1, len(cur.members) - 1))
                cur.end = page.start + e
                continue
            t = _TOTAL.match(text)
            if t:
                cur.totals = True
                if t.group("nums"):
                    cur.stated = [int(n) for n in t.group("nums").split()]
                elif _LABEL_MARK.match(text):  # "Totalt  X": a mark set on the total's line
                    cur.marks.append((x1, None))
                cur.end = page.start + e
                if cur.stated is not None:
                    cur = None
                continue
            if _MARK_ONLY.match(text) or (not cur.members and _LABEL_MARK.match(text)) \
                    or (cur.members and _LABEL_MARK.match(text) and not any(ch.isdigit() for ch in text)
                        and len(text) < 45 and re.search(r"ledamot|ersättare|votering", text, re.IGNORECASE)):
                cur.marks.append((x1, None))
                cur.end = page.start + e
                continue
            if i - head_at <= 3 and len(text) < 60 and _FURNITURE.search(text):
                continue  # the member column's own header ("Ledamot/tjänstgörande ersättare")
            cur = None  # anything else ends the list (it may run on over the next page)
    return out


def _groups(xs: list[float], most: int) -> list[list[int]]:
    """Indexes of ``xs`` in at most ``most`` groups, split at the widest gaps of _GAP or more."""
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    gaps = sorted(((xs[order[k + 1]] - xs[order[k]], k) for k in range(len(order) - 1)
                   if xs[order[k + 1]] - xs[order[k]] >= _GAP), reverse=True)[:max(0, most - 1)]
    cuts = sorted(k for _, k in gaps)
    out: list[list[int]] = []
    lo = 0
    for k in cuts:
        out.append(order[lo:k + 1])
        lo = k + 1
    out.append(order[lo:])
    return [g for g in out if g]


def _counts(lst: _List) -> list[int] | None:
    """The list's own counts, or where it has none, the result stated just above it."""
    return lst.stated or lst.hint


def _columns(lst: _List) -> dict[int, VoteChoice] | None:
    """The choice each mark stands for, or None where the columns cannot be told apart."""
    xs = [x for x, _ in lst.marks]
    groups = _groups(xs, len(lst.cols))
    counts = _counts(lst)
    if len(groups) == len(lst.cols):
        chosen: tuple[int, ...] | None = tuple(range(len(groups)))
    elif counts:
        stated = counts + [0] * (len(lst.cols) - len(counts))
        chosen = next((c for c in combinations(range(len(lst.cols)), len(groups))
                       if all(len(g) == stated[ci] for g, ci in zip(groups, c, strict=True))
                       and sum(stated[ci] for ci in c) == sum(stated)), None)
    else:
        chosen = None
    if chosen is not None and counts and len(xs) == sum(counts) and [
            len(g) for g in groups] != [counts[ci] if ci < len(counts) else 0 for ci in chosen]:
        chosen = None  # the gaps' grouping contradicts the list's own counts: try the counts' split
    if chosen is None:
        return _split_by_counts(lst, xs)
    return {i: lst.cols[ci] for g, ci in zip(groups, chosen, strict=True) for i in g}


def _split_by_counts(lst: _List, xs: list[float]) -> dict[int, VoteChoice] | None:
    """The choice of each mark where the marks, left to right, fall into the header's columns
    in the sizes of the list's own counts ("6 5 0": the six leftmost marks are Ja, the next five
    Nej): a mark set a little off its column (a lower-case x drawn left of the Nej column's
    upper-case X) then still counts for its column. Only where every cut between two columns
    falls in a gap of _GAP or more, so no two marks at one x-position are split apart."""
    counts = _counts(lst)
    if not counts or len(xs) != sum(counts) or len(counts) > len(lst.cols):
        return None
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out: dict[int, VoteChoice] = {}
    lo = 0
    for ci, n in enumerate(counts):
        hi = lo + n
        if 0 < lo < len(order) and n and xs[order[lo]] - xs[order[lo - 1]] < _GAP:
            return None
        for i in order[lo:hi]:
            out[i] = lst.cols[ci]
        lo = hi
    return out


def _as_counts(cols: list[VoteChoice], nums: list[int] | None
               ) -> tuple[int, int, int | None, int | None] | None:
    if not nums:
        return None
    by = dict(zip(cols, nums, strict=False))
    return by.get("ja", 0), by.get("nej", 0), by.get("avstar"), by.get("franvarande")


def mark_list_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    """Every mark list of ``doc`` as a roll call (entries empty where the members' marks cannot
    be read with confidence; the list's own counts are then all it gives)."""
    calls: list[RollCall] = []
    for lst in _scan(doc, local):
        if not lst.members:
            continue
        stated = _as_counts(lst.cols, lst.stated)
        entries: list[RollCallEntry] = []
        choice = _columns(lst) if lst.marks else None
        if choice is not None:
            own = all(at is not None for _, at in lst.marks)
            if own:
                votes: dict[int, tuple[VoteChoice, str | None]] = {
                    at: (choice[i], None) for i, (_, at) in enumerate(lst.marks) if at is not None}
            elif len(lst.marks) == len(lst.members):
                votes = {k: (choice[k], "mark read in row order") for k in range(len(lst.marks))}
            else:
                votes = {}
            if votes:
                for k, ((name, party, role, note), page, s, e, text) in enumerate(lst.members):
                    vote, how = votes.get(k, ("franvarande", "no mark"))
                    entries.append(RollCallEntry(name, party, vote, role, page, s, e,
                                                 "; ".join(x for x in (how, note) if x) or None, text))
                tally = Counter(e.vote for e in entries)
                want = stated if stated is not None else _as_counts(lst.cols, lst.hint)
                if not own and want is not None and (tally["ja"], tally["nej"], tally["avstar"] or 0) != (
                        want[0], want[1], want[2] or 0):
                    entries = []  # an order-based reading the stated counts do not confirm
        if not entries and stated is None:
            continue
        calls.append(RollCall(tuple(entries), lst.page, lst.start, max(lst.end, lst.start + 1), "table",
                              lst.item, None, stated, None))
    return calls
