"""Votes (omröstningar): Ja/Nej/Avstår/frånvarande counts and the proposition voted on.

Shapes found in Swedish records:
``Omröstningen utfaller med 70 Ja mot 9 Nej. 2 ledamöter är frånvarande.``,
``… 5 ledamöter avstår från att rösta.``, ``Omröstningen utföll med 8 ja-röster mot 5 nej-röster``,
``Omröstningsresultat: 7 ja, 4 nej, 2 avstår``, a vote list's ``Antal Ja: 43 Antal Nej: 38 Antal
Avstår: 0 Antal Frånv: 0`` (Göteborg's bilagor), and vote tables with Ja / Nej / Avstår columns.
The proposition comes from the ``voteringsproposition`` (``Ja för bifall till …, Nej för …``).
A vote in a § that says ``Hur var och en röstar framgår av bilaga 2`` takes its abstentions and
absences from that bilaga's counts, and the bilaga is not reported a second time.

Roll calls (rollcall.py) are joined to the vote they record, never reported as a second vote:
the vote whose § says "framgår av bilaga 2" gets Bilaga 2's list; a "Voteringslista: §44" gets
the vote of § 44 with the same counts (or the nearest vote before it with those counts, when
the § items were not found); a prose roll call ("… röstar Ja (7)") joins a result sentence of
its § with the same counts or is the vote itself; an Ärendemening that is a § title leads to
that §. A roll call that matches no vote is a vote of its own. Where the members' votes do not
add up to the stated result, ``Vote.note`` says so.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..types import Document, Person, RollCallEntry, Vote, VoteChoice
from .countwords import NUMBER, count
from .regions import item_label
from .rollcall import Counts, RollCall, find_roll_calls

_N = r"(\d{1,3})"
_NW = rf"({NUMBER})"  # a count in digits or in words ("fem ja-röster")
_WS = r"[\s\f]+"
_JA = rf"(?:ja|Ja|JA)(?:-?röster|-?röst)?(?:{_WS}röster)?"  # "5 ja-röster röster" (sic, Göteborg 2024)
_NEJ = r"(?:nej|Nej|NEJ)(?:-?röster|-?röst)?"
# "Omröstningen utfaller med 70 Ja mot 9 Nej", "utföll med 8 ja-röster mot 5 nej-röster"; and
# the result inside the chair's sentence, however far from the word omröstning: "Ordföranden
# finner att kommunstyrelsen, med 11 ja-röster mot 3 nej-röster och 1 som avstår, beslutar …"
# (Ciceron), "Nämnden beslutar med 7 ja-röster mot 6 nej-röster att …", "Med resultatet 5
# ja-röster mot 4 nej-röster beslutar nämnden …", "Med fem ja-röster mot sex nej-röster"
_RESULT_RE = re.compile(
    r"(?:(?:[Oo]mröstningen|[Vv]oteringen|[Oo]mröstning(?:sresultat)?|[Vv]oteringsresultat|[Rr]esultat(?:et)?)"
    r"[^.\n]{0,40}?"
    r"(?:utfaller|utföll|gav|slutade|blev|resulterade)?[^.\d]{0,20}?"
    rf"|(?<![\wåäö])[Mm]ed{_WS}(?:resultatet{_WS}|röstsiffrorna{_WS})?(?={NUMBER}{_WS}(?:ja|Ja|JA)-?röst(?:er)?{_WS}(?:röster{_WS})?mot{_WS}))"
    rf"{_NW}{_WS}{_JA}(?:,?{_WS}(?:mot|och){_WS}|,{_WS}){_NW}{_WS}{_NEJ}"
    rf"(?:,?{_WS}(?:och{_WS})?{_NW}{_WS}(?:som{_WS})?(?:avstår|avstod|avstående|nedlagda(?:{_WS}röster)?)|)",
)
# "Ja: 43 Nej: 38 Avstår: 2", "Antal Ja: 43 Antal Nej: 38 Antal Avstår: 0 Antal Frånv: 0",
# "Ja:2, Nej: 9" (Lomma BUN 2024: no space after the colon), "Ja 7, Nej 2, Avstår 2.",
# "Ja-röster: 6, Nej-röster: 5, Avstod: 0", "Ja 6 – Nej 5 – Avstår 0", "Nedlagda: 1"; a word's
# colon or a space, or both, stands between each word and its count
_SEP = rf"(?::(?:{_WS})?|{_WS})"
_NEXT = rf"(?:[,;]|[ \t]*[–-])?{_WS}"  # between one count and the next word
_ABSTAIN_WORD = rf"(?:Avstår|Avstod|Avstående|Nedlagda(?:{_WS}röster)?)"
_COUNTS_RE = re.compile(
    rf"(?<![\wåäö])(?:Antal{_WS})?Ja(?:-?röster)?{_SEP}{_N}{_NEXT}(?:Antal{_WS})?Nej(?:-?röster)?{_SEP}{_N}"
    rf"(?:{_NEXT}(?:Antal{_WS})?{_ABSTAIN_WORD}{_SEP}{_N})?"
    rf"(?:{_NEXT}(?:Antal{_WS})?(?:Frånv(?:arande)?\.?){_SEP}{_N})?",
)
# a result written as counts with dashes in the order ja-nej-avstår: "Omröstningen utföll 6-5-0",
# "Votering utfaller enligt följande: 6 - 5 - 0", "Med röstsiffrorna 6–5–0", "Resultat: 6-5-0";
# after the word omröstning or votering a verb must say the vote came out so (then two counts,
# "utföll 6-5", do too), never "Omröstning om punkterna 1-2-3", "Resultatet i årskurs 7-8-9"
_DASH = r"(?:[-–]|[ \t][-–][ \t])"  # "6-5", "6 - 5"; never "0 -215" (a negative amount)
_DASH_RE = re.compile(
    r"(?<![\wåäö])(?:"
    r"(?:[Oo]mröstningen|[Vv]oteringen|[Oo]mröstning|[Vv]otering)[^.\n\d§]{0,30}?"
    r"(?:utfaller|utföll|blev|slutade|gav|resulterade)(?![\wåäö])[^.\n\d§]{0,25}?"
    rf"(?P<y2>\d{{1,3}}){_DASH}(?P<n2>\d{{1,3}})(?:{_DASH}(?P<a2>\d{{1,3}}))?"
    r"|(?:(?:[Oo]mröstningsresultat(?:et)?|[Vv]oteringsresultat(?:et)?|[Rr]östsiffrorna)[^.\n\d§]{0,40}?"
    r"|(?m:^)[ \t]*Resultat(?:et)?[ \t]*:?[ \t]*)"  # "Resultat" opening a line, right before the counts
    rf"(?P<y3>\d{{1,3}}){_DASH}(?P<n3>\d{{1,3}}){_DASH}(?P<a3>\d{{1,3}})"
    r")(?![\d\wåäö]|[ \t]*[-–][ \t]*\d)",
)
_ABSTAIN_RE = re.compile(rf"{_NW}{_WS}(?:ledam(?:ot|öter){_WS}|ersättare{_WS}|stycken{_WS}|st\.?{_WS})?(?:som{_WS})?"
                         r"(?:avstår|avstod|avstående|nedlagda)\b")
# "Ingen ledamot avstod från att rösta.", "ingen avstod", "inga nedlagda röster": none abstained
_NO_ABSTAIN_RE = re.compile(rf"(?<![\wåäö])(?i:ingen|inga)(?:{_WS}(?:ledam(?:ot|öter)|ersättare))?(?:{_WS}som)?"
                            rf"{_WS}(?:avstår|avstod|avstått|nedlagda{_WS}röster|nedlagd{_WS}röst)\b")
_ABSENT_RE = re.compile(rf"{_NW}{_WS}(?:ledam(?:ot|öter){_WS})?(?:är|var){_WS}frånvarande\b")
_BILAGA_REF_RE = re.compile(r"framgår[\s\f]+av[\s\f]+bilaga[\s\f]+(\d+)", re.IGNORECASE)
_BILAGA_RE = re.compile(r"(?:^|(?<=\f))Bilaga[ \t]+(\d+)[ \t]*$", re.MULTILINE)
# "Ja för bifall …, Nej för …" after the word proposition; or the Ja-röst and Nej-röst lines of a
# propositionsordning ("− Ja-röst innebär att bifalla …" / "− Nej-röst innebär att bifalla
# Johan Tolinssons (S) m.fl. yrkande.": bullets between them, "m.fl." inside them)
# a sentence's character: a full stop only inside a word or an "m.fl." the sentence goes on after
_IN_SENTENCE = r"(?:[^.]|\.(?=[\wåäö])|(?<=m\.fl)\.(?=\s+[a-zåäö]))"
_PROP_RE = re.compile(
    r"(?:voteringsproposition|propositionen|omröstningsproposition|omröstningsordning|voteringsordning)"
    # ("voteringsproposition i omröstning om antagande av motförslag i huvudvotering:")
    r"[^:”\"\n]{0,80}:?[\s\f]*"
    # (quoted, it is all that stands between the quotes: "Ja för bifall till kommunstyrelsens
    # förslag. Nej för bifall till yrkandet från Nina Miskovsky m fl", "… Marie Brynolfsson m.fl.")
    r"(?:[”\"](?P<qt>(?:Ja|ja)[\s-][^”\"]{5,700}?)[”\"]|[”\"]?"
    # (unquoted, it ends with the sentence that says what nej means, not with the roll call after it)
    r"(?P<p>(?:Ja|ja)[\s-][^”\"]{5,400}?(?<![\wåäö])[Nn]ej(?![\wåäö])[^”\"]{2,300}?\.(?=[ \t]*\n)"
    r"|(?:Ja|ja)[\s-][^”\"]{5,400}?)(?:(?<=\.)|[”\"]|\n\s*\n|$))"
    # (a Ja-röst or Nej-röst line that wraps goes on on the next line, not past a blank line)
    # ("Ja-röster: Anna Skarsjö (S), …" is the roll call, not what ja means)
    r"|(?P<q>(?:Ja|ja)-röst(?![\wåäö])(?:[^.\n]|\.(?=[\wåäö])|\n(?![ \t]*\n)){3,200}[,.;][\s\f]*(?:[−–•-][ \t]*)?"
    r"(?:nej|Nej)-röst(?![\wåäö])"
    r"(?:[^.\n]|\.(?=[\wåäö])|(?<=m\.fl)\.(?=[ \t]+[a-zåäö])|\n(?![ \t]*\n)){3,200}\.)"
    # "Den som önskar bifalla Aron Regnélls yrkande röstar ja och den som önskar bifalla Oscar
    # Sediras yrkande röstar nej." (NetPublicator's protocols, and many a secretary's own words)
    rf"|(?P<r>(?<![\wåäö])[Dd]en[ \t\n]+som[ \t\n]{_IN_SENTENCE}{{3,300}}?röstar[ \t\n]+(?:[Jj]a|JA|[Nn]ej|NEJ)"
    rf"(?![\wåäö]){_IN_SENTENCE}{{3,300}}?röstar[ \t\n]+(?:[Jj]a|JA|[Nn]ej|NEJ)(?![\wåäö])[^.\n]{{0,40}}\.)",
)


def find_votes(doc: Document, people: Sequence[Person] = ()) -> tuple[Vote, ...]:
    """Every vote in ``doc`` — in running text, in vote-list counts, in vote tables and in roll
    calls — each once, with its members' votes where the protocol lists them (``people``: the
    people found in ``doc``, whose parties name the members a prose roll call lists bare)."""
    text = doc.text
    known = {p.name: p.party for p in people if p.party}
    calls = find_roll_calls(doc, known)
    lists = [(c.start, c.end) for c in calls if c.form != "prose"]
    votes: list[Vote] = []
    used: list[tuple[int, int]] = []
    # (a result without the words ja and nej, "beslutar med 33 röster mot 12", does not say which
    # count is the ja side's: it gives no counts rather than a guess)
    for m in _RESULT_RE.finditer(text):
        if any(a <= m.start() < b for a, b in lists):
            continue  # a list's own result line is no second vote
        tail = text[m.end(): _sentence_run_end(text, m.end())]
        abstain = count(m.group(3)) if m.group(3) else _stated_abstain(tail)
        absent = _first(_ABSENT_RE, tail)
        end = m.end() + (len(tail) if (abstain is not None or absent is not None) else 0)
        votes.append(_vote(doc, m.start(), end, count(m.group(1)), count(m.group(2)), abstain, absent))
        used.append((m.start(), end))
    for m in _DASH_RE.finditer(text):
        if any(a <= m.start() < b for a, b in lists + used):
            continue
        yes, no, abst = (m.group("y2"), m.group("n2"), m.group("a2")) if m.group("y2") else (
            m.group("y3"), m.group("n3"), m.group("a3"))
        tail = text[m.end(): _sentence_run_end(text, m.end())]
        abstain = int(abst) if abst is not None else _stated_abstain(tail)
        absent = _first(_ABSENT_RE, tail)
        end = m.end() + (len(tail) if (abst is None and abstain is not None or absent is not None) else 0)
        votes.append(_vote(doc, m.start(), end, int(yes), int(no), abstain, absent))
        used.append((m.start(), end))
    # a vote list whose members could not be read still gives its counts to the § that points to it
    bilagor = {n: b for n, b in _bilaga_counts(doc).items() if not any(a <= b.start < e for a, e in lists)}
    consumed: set[int] = set()
    for i, v in enumerate(votes):
        ref = _BILAGA_REF_RE.search(text, v.end, min(len(text), v.end + 300))
        b = bilagor.get(int(ref.group(1))) if ref else None
        if b and b.yes == v.yes and b.no == v.no:
            votes[i] = replace(v, abstain=b.abstain if v.abstain is None else v.abstain,
                               absent=b.absent if v.absent is None else v.absent)
            consumed.add(b.start)
    for m in _COUNTS_RE.finditer(text):
        if m.start() in consumed or any(a <= m.start() < b for a, b in used + lists):
            continue
        in_bilaga = any(b.start == m.start() for b in bilagor.values())
        votes.append(_vote(doc, m.start(), m.end(), int(m.group(1)), int(m.group(2)),
                           _int(m.group(3)), _int(m.group(4)), in_bilaga=in_bilaga))
    votes.sort(key=lambda v: v.start)
    return tuple(attach(doc, votes, calls))


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
        # without the bullet of the Nej-röst line
        found = m.group("qt") or m.group("p") or m.group("r") or re.sub(r"(?<=[.;,])\s*[−–•-]\s+", " ", m.group("q"))
    if found is None:
        return None
    return re.sub(r"\s+", " ", found).strip().rstrip(".") + "."


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


def _sentence_run_end(text: str, pos: int) -> int:
    """The end of the one or two short sentences after a result ("2 ledamöter är frånvarande."),
    also after the rest of the result's own sentence ("Med 6 ja-röster mot 1 nej-röst vinner
    yttrande från (C). 4 stycken avstod från att rösta.")."""
    end = pos
    rest = re.match(rf"[^.\d\f]{{1,200}}\.(?=[\s\f]+{NUMBER}[\s\f])", text[pos:pos + 210])
    if rest:
        after = _sentence_run_end(text, pos + rest.end())
        if after > pos + rest.end():
            return after
    for _ in range(3):
        m = re.match(rf"[.,]?[\s\f]*(?:och[\s\f]+)?(?:{NUMBER}|(?i:ingen|inga)(?![\wåäö]))[^.]{{0,60}}?"
                     r"(?:avstår|avstod|avstått|avstående|nedlagda?|frånvarande)[^.]{0,30}\.?",
                     text[end:end + 140])
        if not m:
            break
        end += m.end()
    return end


def _stated_abstain(tail: str) -> int | None:
    """The abstentions the sentences after a result state: a count, 0 for "ingen avstod", or
    None where they say nothing of abstentions."""
    n = _first(_ABSTAIN_RE, tail)
    return 0 if n is None and _NO_ABSTAIN_RE.search(tail) else n


def _first(rx: re.Pattern[str], s: str) -> int | None:
    m = rx.search(s)
    return count(m.group(1)) if m else None


def _int(s: str | None) -> int | None:
    return int(s) if s is not None else None


# ---- roll calls: which vote each list records ----------------------------------------------

_PAGES_BACK = 3  # a list stands at most this many pages after its vote ("i slutet av paragrafen")
_RESULT_AFTER = 300  # characters between a list and the result sentence that closes it


def attach(doc: Document, votes: Sequence[Vote], calls: Sequence[RollCall]) -> list[Vote]:
    """``votes`` with each roll call joined to its vote; a roll call without one becomes a vote."""
    text = doc.text
    pair: dict[int, int] = {}  # call -> vote

    def free(vi: int) -> bool:
        return vi not in pair.values()

    def same(v: Vote, c: RollCall) -> bool:
        s = c.stated or c.tally()
        return (v.yes, v.no) == (s[0], s[1])

    for vi, v in enumerate(votes):  # 1. "Hur var och en röstar framgår av bilaga 2"
        ref = _BILAGA_REF_RE.search(text, v.end, min(len(text), v.end + 300))
        if ref:
            ci = next((i for i, c in enumerate(calls) if c.bilaga == int(ref.group(1)) and i not in pair
                       and c.start > v.start), None)
            if ci is not None:
                pair[ci] = vi
    for ci, c in enumerate(calls):  # 2. a list that names its §, or stands right after its vote
        if ci in pair or c.form == "prose":
            continue
        before = [vi for vi, v in enumerate(votes) if free(vi) and v.start < c.start
                  and doc.page_of(v.start) >= c.page - _PAGES_BACK]
        in_item = [vi for vi, v in enumerate(votes) if free(vi) and c.item and v.item == c.item]
        titled = _titled_item(doc, c.title) if c.bilaga is not None and c.title else None
        in_title = [vi for vi, v in enumerate(votes) if free(vi) and titled and v.item == titled]
        # a list without counts of its own and the result sentence right after it
        after = [vi for vi, v in enumerate(votes) if free(vi) and c.end <= v.start < c.end + _RESULT_AFTER
                 and c.stated is None and same(v, c)]
        tries = ([vi for vi in in_item if same(votes[vi], c)] + [vi for vi in in_title if same(votes[vi], c)]
                 + [vi for vi in reversed(before) if same(votes[vi], c) and c.bilaga is None] + after[:1]
                 + in_item[-1:])
        pick = tries[0] if tries else None
        if pick is not None:
            pair[ci] = pick
    for ci, c in enumerate(calls):  # 3. a prose roll call and the result sentence of its §
        if ci in pair or c.form != "prose":
            continue
        item = item_label(doc, c.start)
        near = [vi for vi, v in enumerate(votes) if free(vi) and v.item == item and abs(v.start - c.start) < 1500
                and (same(v, c) or c.stated is None)]
        if near:
            pair[ci] = min(near, key=lambda vi: abs(votes[vi].start - c.start))
    out = list(votes)
    for ci, vi in pair.items():
        c = calls[ci]
        v = out[vi]
        s = c.stated or (None, None, None, None)
        # a result sentence silent on abstentions ("med 12 ja-röster mot 3 nej-röster") beside a
        # list of every member's vote (a table with an Avstår column): the list says how many
        # abstained, none included
        abstain = s[2] if s[2] is not None else (c.tally()[2] if c.form != "prose" and c.entries else None)
        # the list's own heading ("Omröstning gällande yttrande (C) mot yttrande från (M)") says
        # what was voted on where the text states no Ja/Nej proposition
        v = replace(v, item=c.item or v.item, roll_call=c.entries, proposition=v.proposition or c.title,
                    abstain=v.abstain if v.abstain is not None else abstain,
                    absent=v.absent if v.absent is not None else s[3])
        if _list_reversed(v, c):
            # "Ja-röst för bifall till motionen … Med 20 ja-röster och 26 nej-röster" over a list
            # whose rows and "Resultat 26 20 0" put the 26 under Ja: the two agree on the numbers
            # and on who voted together, only the list's Ja and Nej stand opposite to the §'s
            # beslutsgång (which the sentence and the decision follow); the members' votes are
            # read in the beslutsgång's terms, each keeping the column the list prints it under
            out[vi] = replace(v, roll_call=tuple(_reversed_entry(e) for e in c.entries),
                              note=f"the list prints ja and nej the other way round: its result and its members' "
                                   f"votes say {s[0]} ja, {s[1]} nej where the result sentence says {v.yes} ja, "
                                   f"{v.no} nej; the members' votes follow the result sentence")
            continue
        if _list_outweighs(v, c):
            # "Ja: 20, Nej: 5." over a list whose Resultat box says 40 and 5 and whose 45 rows
            # give 40 ja and 5 nej: two sources of the list agree, the sentence is a slip
            out[vi] = replace(v, yes=s[0], no=s[1], abstain=s[2] if s[2] is not None else v.abstain,
                              note=f"the result sentence says {v.yes} ja, {v.no} nej; the list's result "
                                   f"and its members' votes say {s[0]} ja, {s[1]} nej")
            continue
        out[vi] = replace(v, note=_check(v, c, own=False))
    for ci, c in enumerate(calls):
        if ci not in pair:
            out.append(_call_vote(doc, c))
    out.sort(key=lambda v: v.start)
    return out


def _call_vote(doc: Document, c: RollCall) -> Vote:
    """A roll call no vote of the text records: the vote itself, with the list's own counts
    (or its members' tally)."""
    s: Counts = c.stated or c.tally()
    t = c.tally()
    item = c.item or (None if c.bilaga is not None else item_label(doc, c.start))
    prop = c.title or (_proposition(doc, c.start, in_bilaga=False) if c.form == "prose" else None)
    v = Vote(item=item, yes=s[0], no=s[1], abstain=s[2] if s[2] is not None else (t[2] if c.entries else None),
             absent=s[3], proposition=prop, page=c.page, start=c.start, end=c.end, roll_call=c.entries)
    return replace(v, note=_check(v, c, own=True))


_CHOICE_NAMES = ("ja", "nej", "avstår", "frånvarande")


_OTHER_SIDE: dict[str, VoteChoice] = {"ja": "nej", "nej": "ja"}


def _list_reversed(v: Vote, c: RollCall) -> bool:
    """Whether a list's own result, which its members' votes bear out, is the § sentence's with
    ja and nej swapped (20 ja and 26 nej in the sentence, "Resultat 26 20 0" under the list):
    the same vote, the list's Ja/Nej columns opposite to the § beslutsgång."""
    if (c.stated is None or not c.entries or c.stated[0] is None or c.stated[1] is None
            or v.yes is None or v.no is None or v.yes == v.no):
        return False
    t = c.tally()
    agrees = all(c.stated[i] is None or c.stated[i] == t[i] for i in range(3))
    return agrees and (c.stated[0], c.stated[1]) == (v.no, v.yes)


def _reversed_entry(e: RollCallEntry) -> RollCallEntry:
    """A member's vote in the § beslutsgång's terms, where the list prints Ja and Nej the other
    way round; the note keeps the column the list prints it under."""
    if e.vote not in _OTHER_SIDE:
        return e
    printed = "Ja" if e.vote == "ja" else "Nej"
    note = f"{printed} in the list" + (f"; {e.note}" if e.note else "")
    return replace(e, vote=_OTHER_SIDE[e.vote], note=note)


def _list_outweighs(v: Vote, c: RollCall) -> bool:
    """Whether a list's own stated result, which its members' votes bear out, should stand
    over the § sentence's different ja/nej counts (a slip in the sentence)."""
    if c.stated is None or not c.entries or c.stated[0] is None or c.stated[1] is None:
        return False
    t = c.tally()
    agrees = all(c.stated[i] is None or c.stated[i] == t[i] for i in range(3))
    return agrees and (v.yes, v.no) != (c.stated[0], c.stated[1])


def _check(v: Vote, c: RollCall, *, own: bool) -> str | None:
    """Say where the members' votes do not add up to the stated result (or the list's own);
    ``own``: the vote was read from the list itself, so the list's counts are the only ones."""
    if not c.entries:
        return None
    t = c.tally()
    notes = []
    said_by = ([] if own else [("the result", (v.yes, v.no, v.abstain, None))]) + [("the list", c.stated)]
    for label, said in said_by:
        if said is None:
            continue
        # absences only where the list states them: many lists name only the members who voted
        idx = range(4) if c.stated is not None and c.stated[3] is not None else range(3)
        diff = [i for i in idx if said[i] is not None and said[i] != t[i]]
        if diff:
            notes.append(f"{label} says " + ", ".join(f"{said[i]} {_CHOICE_NAMES[i]}" for i in diff))
    if not notes:
        return None
    counted = ", ".join(f"{t[i]} {_CHOICE_NAMES[i]}" for i in range(4) if t[i])
    return f"the roll call counts {counted or 'no votes'}; " + "; ".join(dict.fromkeys(notes))


def _titled_item(doc: Document, title: str) -> str | None:
    """The § whose title a vote list's Ärendemening repeats (agenda numbers are no § numbers)."""
    want = _fold(title)
    for it in doc.items:
        have = _fold(it.title)
        if have and len(have) >= 12 and (want.startswith(have) or have.startswith(want[: len(have)])):
            return f"§ {it.number}"
    return None


def _fold(s: str) -> str:
    return re.sub(r"[^\wåäö]+", " ", s.casefold()).strip()
