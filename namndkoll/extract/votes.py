"""Votes (omröstningar): Ja/Nej/Avstår/frånvarande counts and the proposition voted on.

Shapes found in Swedish records:
``Omröstningen utfaller med 70 Ja mot 9 Nej. 2 ledamöter är frånvarande.``,
``… 5 ledamöter avstår från att rösta.``, ``Omröstningen utföll med 8 ja-röster mot 5 nej-röster``,
``Omröstningsresultat: 7 ja, 4 nej, 2 avstår``, a vote list's ``Antal Ja: 43 Antal Nej: 38 Antal
Avstår: 0 Antal Frånv: 0`` (Göteborg's bilagor), and vote tables with Ja / Nej / Avstår columns.
The proposition comes from the ``voteringsproposition`` (``Ja för bifall till …, Nej för …``).
A vote in a § that says ``Hur var och en röstar framgår av bilaga 2`` takes its abstentions and
absences from that bilaga's counts, and the bilaga is not reported a second time.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Document, Table, Vote
from .decisions import item_label

_N = r"(\d{1,3})"
_WS = r"[\s\f]+"
# "Omröstningen utfaller med 70 Ja mot 9 Nej", "utföll med 8 ja-röster mot 5 nej-röster"
_RESULT_RE = re.compile(
    r"(?:[Oo]mröstningen|[Vv]oteringen|[Oo]mröstning(?:sresultat)?)[^.\n]{0,40}?"
    r"(?:utfaller|utföll|gav|slutade|blev|resulterade)?[^.\d]{0,20}?"
    rf"{_N}{_WS}(?:ja|Ja|JA)(?:-?röster|-?röst)?(?:,?{_WS}(?:mot|och){_WS}|,{_WS}){_N}{_WS}(?:nej|Nej|NEJ)(?:-?röster|-?röst)?"
    rf"(?:,?{_WS}(?:och{_WS})?{_N}{_WS}(?:avstår|avstod|avstående|nedlagda(?:{_WS}röster)?)|)",
)
# "Ja: 43 Nej: 38 Avstår: 2", "Antal Ja: 43 Antal Nej: 38 Antal Avstår: 0 Antal Frånv: 0"
_COUNTS_RE = re.compile(
    rf"(?:Antal{_WS})?Ja:?{_WS}?{_N}[,;]?{_WS}(?:Antal{_WS})?Nej:?{_WS}?{_N}"
    rf"(?:[,;]?{_WS}(?:Antal{_WS})?Avstår:?{_WS}?{_N})?"
    rf"(?:[,;]?{_WS}(?:Antal{_WS})?(?:Frånv(?:arande)?\.?):?{_WS}?{_N})?",
)
_ABSTAIN_RE = re.compile(rf"{_N}{_WS}(?:ledam(?:ot|öter){_WS}|ersättare{_WS})?(?:avstår|avstod)\b")
_ABSENT_RE = re.compile(rf"{_N}{_WS}(?:ledam(?:ot|öter){_WS})?(?:är|var){_WS}frånvarande\b")
_BILAGA_REF_RE = re.compile(r"framgår[\s\f]+av[\s\f]+bilaga[\s\f]+(\d+)", re.IGNORECASE)
_BILAGA_RE = re.compile(r"(?:^|(?<=\f))Bilaga[ \t]+(\d+)[ \t]*$", re.MULTILINE)
_PROP_RE = re.compile(
    r"(?:voteringsproposition|propositionen|omröstningsproposition)[^:”\"\n]{0,40}:?[\s\f]*[”\"]?"
    r"(?P<p>(?:Ja|ja)[\s-][^”\"]{5,400}?)(?:[”\"]|\n\s*\n|$)"
    r"|(?P<q>(?:Ja|ja)-röst[^.\n]{3,200}[,.;][\s\f]*(?:nej|Nej)-röst[^.\n]{3,200}\.)",
)


def find_votes(doc: Document) -> tuple[Vote, ...]:
    """Every vote in ``doc``: in running text, in vote-list counts and in vote tables."""
    text = doc.text
    votes: list[Vote] = []
    used: list[tuple[int, int]] = []
    for m in _RESULT_RE.finditer(text):
        tail = text[m.end(): _sentence_run_end(text, m.end())]
        abstain = _int(m.group(3)) if m.group(3) else _first(_ABSTAIN_RE, tail)
        absent = _first(_ABSENT_RE, tail)
        end = m.end() + (len(tail) if (abstain is not None or absent is not None) else 0)
        votes.append(_vote(doc, m.start(), end, int(m.group(1)), int(m.group(2)), abstain, absent))
        used.append((m.start(), end))
    bilagor = _bilaga_counts(doc)
    consumed: set[int] = set()
    for i, v in enumerate(votes):
        ref = _BILAGA_REF_RE.search(text, v.end, min(len(text), v.end + 300))
        if not ref:
            continue
        b = bilagor.get(int(ref.group(1)))
        if b and b.yes == v.yes and b.no == v.no:
            votes[i] = replace(v, abstain=b.abstain if v.abstain is None else v.abstain,
                               absent=b.absent if v.absent is None else v.absent)
            consumed.add(b.start)
    for m in _COUNTS_RE.finditer(text):
        if m.start() in consumed or any(a <= m.start() < b for a, b in used):
            continue
        in_bilaga = any(b.start == m.start() for b in bilagor.values())
        votes.append(_vote(doc, m.start(), m.end(), int(m.group(1)), int(m.group(2)),
                           _int(m.group(3)), _int(m.group(4)), in_bilaga=in_bilaga))
    for page in doc.pages:
        for table in page.tables:
            tv = _table_vote(doc, page.number, page.start, table)
            if tv is not None:
                votes.append(tv)
    votes.sort(key=lambda v: v.start)
    return tuple(votes)


def _vote(doc: Document, start: int, end: int, yes: int, no: int, abstain: int | None,
          absent: int | None, *, in_bilaga: bool = False) -> Vote:
    item = None if in_bilaga else item_label(doc, start)
    return Vote(item=item, yes=yes, no=no, abstain=abstain, absent=absent,
                proposition=_proposition(doc, start, in_bilaga=in_bilaga),
                page=doc.page_of(start), start=start, end=end)


def _proposition(doc: Document, start: int, *, in_bilaga: bool) -> str | None:
    """The voteringsproposition stated before the result, within the same § item."""
    text = doc.text
    if in_bilaga:
        m = re.search(r"Ärendemening:\s*(.+?)\n\s*(?:Antal|\n)", text[max(0, start - 600):start], re.DOTALL)
        return re.sub(r"\s+", " ", m.group(1)).strip() if m else None
    item = doc.item_of(start)
    lo = max(item.start if item else 0, start - 1500)
    found = None
    for m in _PROP_RE.finditer(text, lo, start):
        found = m.group("p") or m.group("q")
    return re.sub(r"\s+", " ", found).strip().rstrip(".") + "." if found else None


def _bilaga_counts(doc: Document) -> dict[int, Vote]:
    """Vote-list counts by bilaga number: ``Bilaga 2 … Antal Ja: 43 Antal Nej: 38 …``."""
    text = doc.text
    out: dict[int, Vote] = {}
    for b in _BILAGA_RE.finditer(text):
        m = _COUNTS_RE.search(text, b.end(), min(len(text), b.end() + 600))
        if m and "Antal" in m.group(0):
            out[int(b.group(1))] = Vote(None, int(m.group(1)), int(m.group(2)), _int(m.group(3)),
                                        _int(m.group(4)), None, doc.page_of(m.start()), m.start(), m.end())
    return out


def _table_vote(doc: Document, page: int, page_start: int, table: Table) -> Vote | None:
    """A roll-call table: a header row with Ja and Nej columns, one member per row, a mark
    (X, x, 1) in the column of their vote; or a total row (Summa/Totalt/Antal)."""
    head_i = next((i for i, row in enumerate(table.rows)
                   if {"ja", "nej"} <= {c.strip().lower() for c in row}), None)
    if head_i is None:
        return None
    head = [c.strip().lower() for c in table.rows[head_i]]
    cols = {k: head.index(k) for k in ("ja", "nej", "avstår", "frånvarande") if k in head}
    counts = dict.fromkeys(cols, 0)
    total_row = None
    for row in table.rows[head_i + 1:]:
        first = (row[0] if row else "").strip().lower()
        if first.startswith(("summa", "totalt", "antal", "resultat")):
            total_row = row
            continue
        for k, j in cols.items():
            if j < len(row) and row[j].strip().lower() in ("x", "1", "✓", "ja", "nej", "avstår"):
                counts[k] += 1
    if total_row is not None:
        for k, j in cols.items():
            if j < len(total_row) and total_row[j].strip().isdigit():
                counts[k] = int(total_row[j].strip())
    if not any(counts.values()):
        return None
    # the table's place in the text: its first member's name, else the page start
    p = doc.pages[[pg.number for pg in doc.pages].index(page)]
    probe = next((r[0].strip() for r in table.rows[head_i + 1:] if r and r[0].strip()), "")
    off = p.text.find(probe) if probe else -1
    start = page_start + max(off, 0)
    return Vote(item=item_label(doc, start), yes=counts.get("ja"), no=counts.get("nej"),
                abstain=counts.get("avstår"), absent=counts.get("frånvarande"),
                proposition=_proposition(doc, start, in_bilaga=False), page=page,
                start=start, end=start + max(len(probe), 1))


def _sentence_run_end(text: str, pos: int) -> int:
    """The end of the one or two short sentences after a result ("2 ledamöter är frånvarande.")."""
    end = pos
    for _ in range(3):
        m = re.match(r"[.,]?[\s\f]*(?:och[\s\f]+)?\d{1,3}[^.]{0,60}?(?:avstår|avstod|frånvarande)[^.]{0,30}\.?",
                     text[end:end + 140])
        if not m:
            break
        end += m.end()
    return end


def _first(rx: re.Pattern[str], s: str) -> int | None:
    m = rx.search(s)
    return int(m.group(1)) if m else None


def _int(s: str | None) -> int | None:
    return int(s) if s is not None else None
