"""Roll calls (voteringslistor, omröstningsbilagor, "… röstar Ja (7)"): each member's vote.

Three shapes are read:

1. **Tables** (``Page.tables``; written in the text with bars between the cells: rollcall_text.py).
   A header row names the member column (Ledamot, Namn, Ledamöter, "Ledamot/tjänstgörande
   ersättare") and either one column per choice — Ja | Nej | Avstår (| Frånvarande), also
   "Ja-röst | Nej-röst | Avstår från att rösta" (Ciceron), with a mark (X) in the member's
   column, as in Meetings Plus' "Voteringslista: §44" — or one result column (Resultat, Röst)
   with the word, as in Göteborg's omröstningsbilagor; a total row ("Resultat 6 7 0", "Summa")
   gives the list's own counts. A list that runs on over the next page continues in the next
   page's first table with the same columns.
2. **Lists in the text** (rollcall_list.py): the same columns read as text, one cell per line
   or one row per line ("Aslan Akbas / S / 1 / Ordförande / Ja"), after a header such as "Namn
   Parti Plats Funktion Resultat", with the list's counts above it ("Antal Ja: 43 Antal Nej: 38 …").
3. **Prose** (rollcall_prose.py): "Daniel Bernmar (V), …, och ordföranden Jonas Attenius (S)
   röstar Ja (7). Axel Josefson (M) … röstar Nej (6). Jörgen Fogelklou (SD) avstår från att
   rösta (1)."

Member names are normalised ("Akbas, Aslan" -> "Aslan Akbas", a name wrapped over two lines
joined), the role after the name kept ("Thomas Thim (M), ordförande"), party codes go through
the registry ("fp" -> L, noted; "-" for an independent). "Frånvarande" gives ``franvarande``;
a member who *kvittade* (paired off with a member of the other side, so that neither votes) is
counted ``franvarande`` with the note "kvittad" — present at the meeting but not voting. A
member row with no mark at all is ``franvarande`` with the note "no mark". Last, every member
is named as the rest of the document names them (rollcall_names.py: the name order, the party,
the substitute serving in the seat).

Which vote a roll call belongs to is decided in votes.py; this module only reads the lists.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..registry import code_pattern
from ..types import Document, Page, RollCallEntry, Table, VoteChoice
from .people import party_value

Counts = tuple[int | None, int | None, int | None, int | None]  # yes, no, abstain, absent


@dataclass(frozen=True)
class RollCall:
    """One list of members' votes as found, before it is joined to its vote."""

    entries: tuple[RollCallEntry, ...]
    page: int
    start: int  # span in Document.text of the list (its heading through its last member)
    end: int
    form: str  # "table" | "list" | "prose"
    item: str | None = None  # "§ 44" when the list names its §
    bilaga: int | None = None  # "Bilaga 2" heading over the list
    stated: Counts | None = None  # the list's own counts ("Resultat 6 7 0", "Antal Ja: 43 …")
    title: str | None = None  # "Omröstning angående återremiss", the Ärendemening

    def tally(self) -> Counts:
        c = Counter(e.vote for e in self.entries)
        return c["ja"], c["nej"], c["avstar"], c["franvarande"]

    def run_on(self, entries: Sequence[RollCallEntry], end: int, stated: Counts | None = None) -> RollCall:
        """The list with the members it goes on with past a page break (``stated``: counts first
        found there, under the list's last rows)."""
        return replace(self, entries=self.entries + tuple(entries), end=end, stated=stated or self.stated)


# ---- words ---------------------------------------------------------------------------------

_CHOICES: dict[str, tuple[VoteChoice, str | None]] = {
    "ja": ("ja", None), "nej": ("nej", None),
    "avstår": ("avstar", None), "avstod": ("avstar", None), "avstått": ("avstar", None),
    "avstå": ("avstar", None), "avst": ("avstar", None), "avst.": ("avstar", None), "avstar": ("avstar", None),
    "frånvarande": ("franvarande", None), "frånv": ("franvarande", None), "frånv.": ("franvarande", None),
    "ej närvarande": ("franvarande", None), "ej närv": ("franvarande", None),
    "kvittad": ("franvarande", "kvittad"), "kvittade": ("franvarande", "kvittad"),
    "kvittning": ("franvarande", "kvittad"), "kvitterad": ("franvarande", "kvittad"),
}
CHOICE_RE = r"(?:[Jj]a|JA|[Nn]ej|NEJ|[Aa]vst(?:år|od|ått|å|\.)?|AVSTÅR|[Ff]rånv(?:arande|\.)?|FRÅNVARANDE|[Ee]j närv(?:arande)?|[Kk]vitt(?:ad|ade|ning|erad))"
# a party code as a list writes it (the list readers share it): the registry's, older ones and
# lower case too, "-" for none, or a code of the list's own
CODE_RE = rf"(?:{code_pattern(former=True, lower=True)}|-|–|[A-ZÅÄÖ]{{2,5}})"
_MARKS = {"x", "×", "✓", "✔", "☒", "1", "•", "*", "ja", "nej", "avstår"}
_MARK_COLUMNS: dict[str, VoteChoice] = {
    "ja": "ja", "ja-röst": "ja", "nej": "nej", "nej-röst": "nej", "avstår": "avstar", "avstod": "avstar",
    "avst": "avstar", "avst.": "avstar", "frånvarande": "franvarande", "frånv": "franvarande",
    "frånv.": "franvarande", "ej närvarande": "franvarande",
}
_NAME_HEADS = {"ledamot", "ledamöter", "namn", "ledamot/ersättare", "ledamöter och ersättare", "ledamot / ersättare",
               "förtroendevald", "ledamot (parti)", "namn (parti)", "name"}
_PARTY_HEADS = {"parti", "partibeteckning", "grupp"}
_ROLE_HEADS = {"funktion", "roll", "uppdrag", "befattning"}
_SEAT_HEADS = {"plats", "nr", "platsnr", "mandat", "stol"}
_VOTE_HEADS = {"resultat", "röst", "röstar", "votering", "omröstning", "röstat", "avgiven röst"}
_TOTAL_ROW = re.compile(r"\s*(?:resultat|summa|totalt|antal|total|summering)\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"(?i)^(?:(?:1:e|2:e|3:e|förste|första|andre|andra|tredje)\s+)?(?:vice\s+|v\.?\s+)?"
    r"(?:ordf(?:örande|\.)?|ledamot|ersättare|tjänstgörande\s+ersättare|tj\.?\s*ersättare|ers\.?)$"
)

# ---- reading one member ----------------------------------------------------------------------

_FIRST_NAMES = r"[A-ZÅÄÖÉÜ][\wåäöé'’-]+(?:\s+[A-ZÅÄÖÉÜ][\wåäöé'’-]+)?"
_FIRST_NAMES_RE = re.compile(_FIRST_NAMES)
_LETTERS_RE = re.compile(r"[A-Za-zÅÄÖåäöÉé]{2}")
_CELL_RE = re.compile(
    r"^\s*(?P<name>[^()\n]+?)\s*(?:\((?P<party>[^)]{1,12})\))?\s*(?:,\s*(?P<role>[^,()]+?))?\s*$"
)


Who = tuple[str, str | None, str | None, str | None]  # a listed member: name, party, role, note


def member(cell: str, *, party: str = "", role: str = "", local: dict[str, str] | None = None
           ) -> Who | None:
    """(name, party, role, note) of one member as a list writes them: "Thomas Thim (M),
    ordförande", "Akbas, Aslan", "Robert Andersson\\nHammarstrand"; None for no name."""
    m = _CELL_RE.match(" ".join(cell.split()))
    if not m:
        return None
    name = m.group("name").strip(" ,")
    written_role = (m.group("role") or role or "").strip()
    after = (m.group("role") or "").strip()
    # "Akbas, Aslan": the part after the comma is a first name, not a role
    if after and not _ROLE_WORDS.match(after) and _FIRST_NAMES_RE.fullmatch(after):
        name = f"{after} {name}"
        written_role = role.strip()
    if not _LETTERS_RE.search(name) or _TOTAL_ROW.match(name):
        return None
    code, note = None, None
    written = (m.group("party") or party or "").strip()
    if written:
        code, original = party_value(written, local or {})
        if code is None:
            code = written  # a code the registry does not know: the list's own
        elif original and original.upper() != code.upper():
            note = f"{original} in the list"  # an older code (fp -> L), not a mere lower case
    return " ".join(name.split()), code, full_role(written_role) if written_role else None, note


_ROLE_ABBREVIATIONS = ((re.compile(r"\bv\b"), "vice"), (re.compile(r"\bordf\b"), "ordförande"),
                       (re.compile(r"\btj\b"), "tjänstgörande"), (re.compile(r"\bers\b"), "ersättare"))


def full_role(role: str) -> str:
    r = " ".join(role.lower().replace(".", " ").split())
    if r in ("ledamot", "ersättare", "ordförande"):
        return r
    for rx, word in _ROLE_ABBREVIATIONS:
        r = rx.sub(word, r)
    return r


def choice(word: str) -> tuple[VoteChoice, str | None] | None:
    return _CHOICES.get(" ".join(word.lower().split()).rstrip(":"))


# ---- 1. tables -------------------------------------------------------------------------------

# "Ja-röst", "Nej-röster", "Avstår från att rösta" (Ciceron): the choice the column marks
_HEAD_TAIL_RE = re.compile(r"(?:-?röst(?:er|ar)?|\s+(?:från\s+)?att\s+rösta)$")
# "Ledamot/tjänstgörande ersättare", "Ledamöter och tjänstgörande ersättare": the members
_NAME_HEAD_RE = re.compile(r"(?:ledamot|ledamöter|namn|förtroendevald)\b(?:\s*/\s*|\s+och\s+|\s+)?"
                           r"(?:tjänstgörande\s+)?(?:ersättare)?$")


def columns(row: Sequence[str]) -> dict[str, object] | None:
    """The roles of a header row's columns, or None when it is no roll-call header."""
    heads = [" ".join(c.lower().split()) for c in row]
    cols: dict[str, object] = {}
    marks: dict[int, VoteChoice] = {}
    for j, h in enumerate(heads):
        if h not in _MARK_COLUMNS and _HEAD_TAIL_RE.sub("", h) in _MARK_COLUMNS:
            h = _HEAD_TAIL_RE.sub("", h)
        if (h in _NAME_HEADS or _NAME_HEAD_RE.fullmatch(h)) and "name" not in cols:
            cols["name"] = j
        elif h in _PARTY_HEADS:
            cols["party"] = j
        elif h in _ROLE_HEADS:
            cols["role"] = j
        elif h in _SEAT_HEADS:
            cols["seat"] = j
        elif h in _VOTE_HEADS:
            cols["vote"] = j
        elif h in _MARK_COLUMNS:
            marks[j] = _MARK_COLUMNS[h]
    if "name" not in cols and marks:
        cols["name"] = 0  # "", Ja, Nej, Avstår: the first column holds the members
    if "name" not in cols or not ("vote" in cols or {"ja", "nej"} <= set(marks.values())):
        return None
    cols["marks"] = marks
    return cols


def table_rows(cols: dict[str, object], rows: Sequence[Sequence[str]], page: int, local: dict[str, str],
                spans: Sequence[tuple[int, int]] = ()) -> tuple[list[RollCallEntry], Counts | None]:
    """The members of a table's rows (``spans``: where each row stands in the text, when the
    table is written in it)."""
    entries: list[RollCallEntry] = []
    stated: Counts | None = None
    marks: dict[int, VoteChoice] = cols["marks"]  # type: ignore[assignment]

    def cell(row: Sequence[str], key: str) -> str:
        j = cols.get(key)
        return row[j].strip() if isinstance(j, int) and j < len(row) else ""

    for r, row in enumerate(rows):
        name_cell = cell(row, "name")
        if _TOTAL_ROW.match(name_cell) and marks:
            counts = {v: int(row[j]) for j, v in marks.items() if j < len(row) and row[j].strip().isdigit()}
            if counts:
                stated = (counts.get("ja"), counts.get("nej"), counts.get("avstar"), counts.get("franvarande"))
            continue
        if columns(row) is not None:
            continue  # the header repeated on a new page
        who = member(name_cell, party=cell(row, "party"), role=cell(row, "role"), local=local)
        if who is None:
            continue
        name, party, role, note = who
        vote: VoteChoice | None = None
        if "vote" in cols:
            got = choice(cell(row, "vote"))
            if got:
                vote, extra = got
                note = extra or note
        else:
            chosen = [v for j, v in marks.items() if j < len(row) and row[j].strip().lower() in _MARKS]
            if len(chosen) == 1:
                vote = chosen[0]
            elif not chosen:
                vote, note = "franvarande", "no mark"
        if vote is None:
            continue
        shown = " | ".join(c.strip() for c in row if c.strip())
        at = spans[r] if r < len(spans) else (0, 0)
        entries.append(RollCallEntry(name, party, vote, role, page, at[0], at[1], note, shown))
    return entries, stated


def _table_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    out: list[RollCall] = []
    open_cols: dict[str, object] | None = None  # the columns of a list that may run on
    for page in doc.pages:
        for ti, table in enumerate(page.tables):
            head = next((i for i, r in enumerate(table.rows[:3]) if columns(r) is not None), None)
            if head is None:
                # a table that runs on has the header's columns: one with fewer (a column that is
                # empty on this page left out by the reader) would shift the marks to other choices
                if open_cols is not None and ti == 0 and out \
                        and max(len(r) for r in table.rows) == open_cols["width"]:
                    entries, stated = table_rows(open_cols, table.rows, page.number, local)
                    if entries:
                        out[-1] = out[-1].run_on(entries, max(out[-1].end, page.start + 1), stated)
                        continue
                open_cols = None
                continue
            cols = columns(table.rows[head])
            assert cols is not None
            entries, stated = table_rows(cols, table.rows[head + 1:], page.number, local)
            open_cols = {**cols, "width": len(table.rows[head])}
            if not entries and stated is None:
                continue
            at = page.start + _offset_above(page, table)
            ctx = context(doc, page, at)
            out.append(RollCall(tuple(entries), page.number, min(ctx.start, at), max(at, ctx.start + 1), "table",
                                ctx.item, ctx.bilaga, stated or ctx.stated, ctx.title))
        if not page.tables:
            open_cols = None
    return out


def _offset_above(page: Page, table: Table) -> int:
    """Where a table stands in its page's text (its own text is left out of the body): after
    the last line above it when the page's layout is known, else at the end of the page."""
    if page.lines and table.bbox:
        above = [ln.end for ln in page.lines if ln.bottom <= table.bbox[1] + 1]
        if above:
            return max(above)
    return len(page.text)


@dataclass(frozen=True)
class _Context:
    item: str | None
    bilaga: int | None
    stated: Counts | None
    title: str | None
    start: int


_VOTLISTA_RE = re.compile(r"(?:Voteringslista|Omröstningslista|Votering|Omröstning)[ \t]*:?[ \t]*§[ \t]*(?P<n>\d+(?:[ \t]*[a-z]\b)?)", re.IGNORECASE)
_BILAGA_HEAD_RE = re.compile(r"(?:^|(?<=\f))[ \t]*Bilaga[ \t]+(?P<n>\d+)[ \t]*$", re.MULTILINE)
_ARENDE_RE = re.compile(r"Ärendemening:[ \t]*(?P<t>.+?)(?=\n[ \t]*(?:Antal|Namn|Ledamot)|\n\s*\n|$)", re.DOTALL)
TOPIC_RE = re.compile(r"(?m)^[ \t]*(?P<t>(?:Omröstning|Votering)[ \t]+(?:angående|om|rörande|gällande|avseende)[^\n]{3,200})$")
_N = r"(\d{1,3})"
_STATED_RE = re.compile(
    rf"(?:Antal[ \t]+)?Ja:?[ \t]*\n?[ \t]*{_N}[,;]?\s+(?:Antal[ \t]+)?Nej:?[ \t]*\n?[ \t]*{_N}"
    rf"(?:[,;]?\s+(?:Antal[ \t]+)?Avstår:?[ \t]*\n?[ \t]*{_N})?"
    rf"(?:[,;]?\s+(?:Antal[ \t]+)?(?:Frånv(?:arande)?\.?):?[ \t]*\n?[ \t]*{_N})?"
    rf"(?:[,;]?\s+(?:Antal[ \t]+)?Kvittade:?[ \t]*\n?[ \t]*{_N})?"
)


def context(doc: Document, page: Page, at: int, back: int = 900) -> _Context:
    """What stands above a list on its page: "Voteringslista: §44", "Bilaga 2", "Ärendemening:
    …", "Omröstning angående …", "Antal Ja: 43 …"."""
    text = doc.text
    lo = max(page.start, at - back)
    above = text[lo:at]
    item = bilaga = None
    v = None
    for v in _VOTLISTA_RE.finditer(above):
        pass
    if v:
        item = "§ " + re.sub(r"\s+", " ", v.group("n"))
    b = None
    for b in _BILAGA_HEAD_RE.finditer(above):
        pass
    if b:
        bilaga = int(b.group("n"))
    start = lo + min([x.start() for x in (v, b) if x is not None], default=len(above))
    title = None
    if (t := _ARENDE_RE.search(above)) or (t := TOPIC_RE.search(above)):
        title = " ".join(t.group("t").split())
    stated = None
    if (s := _STATED_RE.search(above)) and "Antal" in s.group(0):
        absent, paired = _int(s.group(4)), _int(s.group(5))
        if absent is None:  # the count's line set apart from the others by the page's reading order
            absent = _count_on_page(text[page.start:page.end], _ANTAL_FRANV_RE)
            paired = paired if paired is not None else _count_on_page(text[page.start:page.end], _ANTAL_KVITT_RE)
        if absent is not None and paired:
            absent += paired  # kvittade members vote no more than absent ones
        stated = (int(s.group(1)), int(s.group(2)), _int(s.group(3)), absent)
    return _Context(item, bilaga, stated, title, start)


# a list's own count heads, on a line of their own: "Antal Frånv: 0", "Antal Kvittade: 0"
_ANTAL_FRANV_RE = re.compile(r"(?m)^[ \t]*Antal[ \t]+Frånv(?:arande)?\.?:?[ \t]*(\d{1,3})[ \t]*$")
_ANTAL_KVITT_RE = re.compile(r"(?m)^[ \t]*Antal[ \t]+Kvittade:?[ \t]*(\d{1,3})[ \t]*$")


def _count_on_page(page_text: str, rx: re.Pattern[str]) -> int | None:
    """A list's count that the page's text layer set apart from the counts above the list (a
    Göteborg omröstningsbilaga whose "Antal Frånv: 0" is read after its first rows, among the
    column heads "Plats" and "Resultat"): the one such line on the page; None when there is none
    or more than one (two lists on a page: which is whose?)."""
    found = rx.findall(page_text)
    return int(found[0]) if len(found) == 1 else None


def _int(s: str | None) -> int | None:
    return int(s) if s is not None else None


# ---- all of them -----------------------------------------------------------------------------------

def find_roll_calls(doc: Document, known: dict[str, str] | None = None) -> list[RollCall]:
    """Every roll call in ``doc`` in text order (``known``: name -> party stated elsewhere in the
    document, for prose lists that name a member without a party)."""
    from .parties import local_parties
    from .rollcall_colon import colon_list_calls
    from .rollcall_list import text_list_calls
    from .rollcall_marks import mark_list_calls
    from .rollcall_seats import seat_form_calls
    from .rollcall_text import text_table_calls

    local = local_parties(doc.text)
    calls = _table_calls(doc, local)
    taken = [(c.start, c.end) for c in calls]
    # each later reader adds only the lists no earlier one found (the earlier reads better)
    for found in (mark_list_calls(doc, local), seat_form_calls(doc, local), text_table_calls(doc, local),
                  text_list_calls(doc, local), colon_list_calls(doc, local)):
        for c in found:
            if not any(a <= c.start < b or c.start <= a < c.end for a, b in taken):
                calls.append(c)
                taken.append((c.start, c.end))
    from .rollcall_prose import prose_calls

    for c in prose_calls(doc, local, known or {}):
        if not any(a <= c.start < b for a, b in taken):
            calls.append(c)
    calls.sort(key=lambda c: c.start)
    from .rollcall_names import as_elsewhere, one_code_per_party, substitutes

    subs = substitutes(doc.text, local)
    return one_code_per_party([as_elsewhere(c, local, known or {}, subs) for c in calls], doc.text, local)
