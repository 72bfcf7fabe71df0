"""Decisions: who decided (or is proposed to decide) what, when, with its att-clauses.

Shapes found in Swedish records:
``Arbetsmarknadsnämnden beslutade att …``, ``Stadsdelsnämnden beslöt den 20 januari 2011 att …``,
``Socialnämnden gav vid sammanträdet den 13 april 2016 socialförvaltningen följande uppdrag: ”att …``,
a protocol's *Beslut* section (``Enligt kommunstyrelsens förslag: 1. … 2. …``, ``Kommunstyrelsen
godkänner …``) and an officer report's *Förslag till beslut* (``Socialnämnden föreslås besluta
– att … – att …``, status proposed).

Rules run on ``doc.text`` with plain regular expressions (Swedish decision wording is formulaic
and the offsets must be exact); the protocol's sections are used when ingest found them, and
headings such as "Beslut" are recognised in plain text when it did not.
"""

from __future__ import annotations

import re

from ..types import Decision, Document, Item
from .regions import HEADING_RE, ITEM_LINE_RE, item_label, iter_sentences, regions

# the record's parts moved to regions.py; their names stay importable from here
__all__ = ["clauses", "find_decisions", "item_label", "iter_sentences", "regions", "swedish_date"]

# ---- dates ------------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"], 1)}
_DATE_RE = re.compile(
    r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    r"|(?P<d>[0-3]?\d)(?:\s*:\s*e)?\s+(?P<m>" + "|".join(_MONTHS) + r")\s+(?P<y>(?:19|20)\d\d)",
    re.IGNORECASE,
)


def swedish_date(text: str) -> str | None:
    """The first date in ``text`` as ISO ``YYYY-MM-DD`` (``20 januari 2011``, ``2011-01-20``)."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    if m.group("iso"):
        return m.group("iso")
    return f"{m.group('y')}-{_MONTHS[m.group('m').lower()]:02d}-{int(m.group('d')):02d}"


# ---- clauses ----------------------------------------------------------------------------

_BULLET = r"[-–—•·*]"
_CLAUSE_START_RE = re.compile(
    rf"(?:^|\n|\f)[ \t]*(?:{_BULLET}[ \t]*(?=att\b)|{_BULLET}[ \t]+|\d{{1,2}}[.)][ \t]+|(?=att\b))"
    rf"|[ \t]+[-–—•][ \t]*(?=att\b)",  # inline "– att … – att …"
)


def clauses(text: str, *, paragraphs: bool = False) -> tuple[str, ...]:
    """The att-clauses or numbered points of a decision text, each on one line; with
    ``paragraphs`` a text without any is split into its paragraphs (a Beslut section written
    as sentences: "Kommunstyrelsen godkänner …")."""
    marks = [(m.start(), m.end()) for m in _CLAUSE_START_RE.finditer(text)]
    starts = [e for _, e in marks]
    if not starts:
        if paragraphs:
            return tuple(p for p in (_one_line(_drop_attachment(x)) for x in _paragraphs(text)) if p)
        # one sentence with an inline att-clause: "... beslutade att uppdra ..."
        m = re.search(r"\batt\b", text)
        return (_one_line(text[m.start():]),) if m else ()
    out = []
    for i, s in enumerate(starts):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        chunk = text[s:end]
        chunk = re.sub(rf"\n[ \t]*(?:{_BULLET}|\d{{1,2}}[.)])?[ \t]*$", "", chunk)
        chunk = _drop_attachment(chunk)
        line = _one_line(chunk)
        if line:
            out.append(line)
    return tuple(out)


def _paragraphs(text: str) -> list[str]:
    """The paragraphs of a Beslut section: split at blank lines; where ingest kept none (Kungsbacka's
    "Beslut" of two paragraphs arrives as plain lines), at a line that ends a sentence and is
    followed by a line that starts one."""
    if re.search(r"\n[ \t]*\n", text.strip()):
        return re.split(r"\n[ \t]*\n", text)
    return re.split(r"(?<=[.!?])[ \t]*[\n\f]+(?=[ \t]*[A-ZÅÄÖ])", text)


def _drop_attachment(chunk: str) -> str:
    """Without a last line that only points to an attachment ("Bilaga.", "Bilaga A.")."""
    return re.sub(r"[\n\f][ \t]*Bilaga(?:[ \t]+[\w§/]{1,8})?[ \t]*\.?\s*$", "", chunk)


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().rstrip(" ;,.”\"").strip()


# ---- the rules --------------------------------------------------------------------------

_BODY = (
    r"(?P<body>(?:[A-ZÅÄÖ][\wåäöé-]*(?:nämnd(?:en)?|styrelsen?|fullmäktige|revisionen|utskott(?:et)?"
    r"|beredningen|direktionen|[rR]ådet)"
    r"|Nämnden|Styrelsen|Fullmäktige|Direktionen|Revisorerna|Utskottet)"
    r"(?:[ \t]+för[ \t]+[A-ZÅÄÖ][\wåäö]*(?:[ \t]+(?:&|och)[ \t]+[A-ZÅÄÖ][\wåäö]*)?"
    r"|[ \t]+(?:[A-ZÅÄÖ][a-zåäö]+)(?=[ \t]+(?:beslut|beslöt|föreslås|gav|har)))?)"
)
_DATE_PHRASE = r"(?:[ \t\n]+(?:vid[ \t\n]+sitt[ \t\n]+sammanträde[ \t\n]+|vid[ \t\n]+sammanträdet[ \t\n]+)?den[ \t\n]+[^.\n]{4,22}?\d{4})?"
_DECIDED_RE = re.compile(
    _BODY + r"[ \t\n]+(?:har[ \t\n]+)?" + _DATE_PHRASE
    + r"[ \t\n]*(?P<verb>beslutade|beslöt|beslutat|beslutar|har[ \t\n]+beslutat)" + _DATE_PHRASE
    + r"[ \t\n]*(?::|,)?[ \t\n]*(?P<att>att\b|följande|\n)",
)
_ASSIGN_RE = re.compile(
    _BODY + r"[ \t\n]+gav" + r"(?P<rest>[^.]{0,160}?)(?:följande[ \t\n]+)?uppdrag(?:et)?[ \t\n]*:?[ \t\n]*[”\"']?(?=att\b)",
)
_PROPOSED_RE = re.compile(
    _BODY + r"[ \t\n]+(?:föreslås|föreslås[ \t\n]+att)[ \t\n]+(?:besluta|beslut|fatta[ \t\n]+följande[ \t\n]+beslut)[ \t\n]*:?",
)
_PRESENT_VERBS = (
    r"godkänner|antar|fastställer|beslutar|bifaller|avslår|uppdrar|ger|lägger|noterar|tillstyrker"
    r"|avstyrker|överlämnar|återremitterar|utser|väljer|förklarar|anser|översänder|beviljar|tar"
)


def find_decisions(doc: Document) -> tuple[Decision, ...]:
    """Every decision and proposed decision in ``doc``, in text order, without duplicates."""
    text = doc.text
    found: list[Decision] = []
    taken: list[tuple[int, int]] = []

    def add(body: str | None, status: str, date: str | None, start: int, end: int,
            section: bool = False) -> None:
        while end > start and text[end - 1] in " \t\n\f":
            end -= 1
        if end <= start or any(a <= start < b or start <= a < end for a, b in taken):
            return
        span = text[start:end]
        taken.append((start, end))
        found.append(Decision(
            body=_clean_body(body), status=status, date=date,  # type: ignore[arg-type]
            item=item_label(doc, start), text=re.sub(r"\s+", " ", span).strip(),
            clauses=clauses(span, paragraphs=section),
            page=doc.page_of(start), start=start, end=end,
        ))

    # 1. sections: a protocol's "Beslut", an officer report's "Förslag till beslut"
    for kind, s, e in regions(doc, {"beslut", "forslag"}):
        s = _skip_space(text, s)
        if e - s < 3:
            continue
        e = _before_next_case(text, s, _before_signatures(text, s, _section_end(text, s, e)))
        listed = _before_list_heading(text, s, e)
        if listed < e:
            listed = _before_list_intro(text, s, listed)
        e = _before_member_statement(text, s, listed)
        body_text = text[s:e]
        m = _PROPOSED_RE.match(body_text) or _DECIDED_RE.match(body_text)
        if m is None and _writes_out_decisions(body_text):
            # a page of decisions in brief ("Beslut i korthet: Nedan redovisas besluten …
            # Regionstyrelsen beslutar att …"): its opening is an introduction, the decisions are
            # the ones it writes out (found below, each with its own clauses)
            continue
        # a § of another body's protocol bundled in the document (an extract appended to an
        # audit report) was decided by that body at its meeting, not by the document's
        it = doc.item_of(s)
        own_body = (it.committee if it is not None and it.committee else None) or doc.metadata.committee
        own_date = (it.date if it is not None and it.date else None) or doc.metadata.date
        body = m.group("body") if m else _body_from_section(body_text) or own_body
        status = "proposed" if kind == "forslag" or (m and m.re is _PROPOSED_RE) else "decided"
        # a date between the body and its verb ("beslutade den 3 maj 2024 att"), not one in
        # the clauses ("… gäller från och med 2026-07-01")
        said = body_text[m.start("body"):m.start("verb")] if m and m.re is _DECIDED_RE else ""
        date = swedish_date(said) or (own_date if status == "decided" else None)
        add(body, status, date, s, e, section=True)

    # 2. decisions written out in running text
    for m in _RUN_ON_PROPOSAL_RE.finditer(text):
        stop = _RUN_ON_END_RE.search(text, m.end("text"), m.end("text") + 1500)
        if stop is None or HEADING_RE.match(text, text.rfind("\n", 0, m.start("head")) + 1):
            continue
        add(m.group("gen") or m.group("to"), "proposed", None, m.start("text"), stop.start() + 1, section=True)
    for m in _PROPOSED_RE.finditer(text):
        add(m.group("body"), "proposed", None, m.start(), _clause_block_end(text, m.end()))
    for m in _DECIDED_RE.finditer(text):
        date = swedish_date(text[m.start("body"):m.start("att")])
        add(m.group("body"), "decided", date, m.start(), _clause_block_end(text, m.start("att")))
    for m in _ASSIGN_RE.finditer(text):
        date = swedish_date(m.group("rest"))
        add(m.group("body"), "decided", date, m.start(), _clause_block_end(text, m.end()))
    # 3. a § with no sections whose decision stands alone under its title ("§ 49 / Anmälningar
    # för kännedom / Meddelandena noteras. / Anmälningar / • …")
    for it in doc.items:
        if it.sections or any(it.start <= d.start < it.end for d in found):
            continue
        at = _under_title(text, it)
        if at is None:
            continue
        m = _PASSIVE_DECISION_RE.match(text, at, it.end)
        if m:
            body = it.committee or doc.metadata.committee
            add(body, "decided", it.date or doc.metadata.date, m.start("text"), m.end("text"))
    found.sort(key=lambda d: d.start)
    return tuple(found)


# a decision written as one sentence in the passive, alone on its line(s) ("Meddelandena
# noteras.", "Redovisningen godkänns och läggs till handlingarna.")
_PASSIVE_DECISION_RE = re.compile(
    r"[ \t]*(?P<text>[A-ZÅÄÖ][^.\n§•]{2,140}?[ \t](?:noteras|godkänns|antas|antecknas|fastställs|beviljas"
    r"|avslås|bifalls|återremitteras|läggs[ \t]+till[ \t]+handlingarna)\.)[ \t]*(?:\n|$)"
)


def _under_title(text: str, it: Item) -> int | None:
    """Where the line after a § item's heading and title starts: the title's words are found
    after the "§ N" line (a title may wrap onto more lines); None when they are not."""
    title, start, end = it.title or "", it.start, it.end
    words = title.split()
    if not words:
        return None
    pattern = r"[ \t\n]+".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(text, start, min(end, start + 400))
    if m is None:
        return None
    nl = text.find("\n", m.end(), end)
    return None if nl == -1 else _skip_space(text, nl)


# a web copy runs an officer report's headings into its text: "… fastighetsnämnd Förslag till
# beslut I kommunstyrelse och kommunfullmäktige: Reglemente … antas. Sammanfattning …",
# "… revisionsskrivelse Förslag till beslut Kommunstyrelsens beslut Som svar på … Sammanfattning".
# The heading stands after a word that ends no sentence; the proposal is its sentences up to the
# next heading word of such a report.
_RUN_ON_PROPOSAL_RE = re.compile(
    r"(?<=[\wåäö)])[ \t\n]+(?P<head>Förslag)[ \t\n]+till[ \t\n]+beslut"
    r"(?:[ \t\n]+[Ii][ \t\n]+(?P<to>[a-zåäö][^:.]{2,80}?)[ \t\n]*:"
    r"|[ \t\n]+(?P<gen>(?:[A-ZÅÄÖ][a-zåäö]+a[ \t\n]+|[A-ZÅÄÖ][a-zåäö-]*)"
    r"(?:nämnden|styrelsen|fullmäktige|utskottet|direktionen)|Nämnden|Styrelsen|Direktionen)s[ \t\n]+beslut"
    r"|[ \t\n]*:)?[ \t\n]+(?P<text>[A-ZÅÄÖ])"
)
_RUN_ON_END_RE = re.compile(
    r"[.!?][ \t\n]+(?=(?:Sammanfattning|Ärendet|Bakgrund|Beskrivning[ \t\n]+av[ \t\n]+ärendet"
    r"|Ärendebeskrivning|Beslutsunderlag|Bilag(?:a|or)|Ekonomiska[ \t\n]+konsekvenser|Förvaltningens"
    r"[ \t\n]+bedömning|Bedömning|Motivering|Skäl[ \t\n]+för[ \t\n]+beslutet|Inledning)\b)"
)


def _writes_out_decisions(section: str) -> bool:
    """Whether a section that does not open with a decision writes out decisions of a body
    further on, each at the start of a line ("\nRegionstyrelsen beslutar att")."""
    return any(section[m.start() - 1:m.start()] in ("\n", "\f")
               for m in (*_DECIDED_RE.finditer(section, 1), *_PROPOSED_RE.finditer(section, 1)))


def _section_end(text: str, start: int, end: int) -> int:
    """A Beslut written as a list ends where a page turns after a finished clause and the next
    page starts with something else (Lomma's protocols put the initiative that the § decided
    on right after it, with no heading between)."""
    if not _in_list(text, start, end):
        return end
    for m in re.finditer(r"\f", text[start:end]):
        at = start + m.start()
        nxt = text[_skip_space(text, at):end]
        if text[start:at].rstrip().endswith((".", "”")) and nxt \
                and not re.match(rf"(?:{_BULLET}|\d{{1,2}}[.)]\s|att\b)", nxt):
            return at
    return end


_CAP_WORD = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?"
_NAMES_LINE = re.compile(rf"[ \t]*(?:{_CAP_WORD}[ \t]+){{1,7}}{_CAP_WORD}[ \t]*(?:\n|$)")


def _before_signatures(text: str, start: int, end: int) -> int:
    """Where a section's statement ends before the signatures under it: a line of names alone
    ("Jerker Gustafsson Cecilia Knutsson", "Anna Berg") after a finished sentence starts the
    officials' signature block of an officer report, no clause of its proposal."""
    pos = start
    while (nl := text.find("\n", pos, end)) != -1:
        names = _NAMES_LINE.match(text, nl + 1)
        if names and names.end() <= end + 1 and text[pos:nl].rstrip().endswith((".", "”")):
            return nl
        pos = nl + 1
    return end


# a line that is a case number alone ("NKBY/497/12.03.01/2022", "Dnr KS 2023/512"): in a
# Finland-Swedish protocol it stands above the next § heading and is that §'s
_CASE_LINE = re.compile(r"[ \t]*(?:Dnr\.?:?[ \t]*)?[A-ZÅÄÖ]{2,6}[ /-]?\d{1,5}[/.:-][\d./:-]*\d[ \t]*")


def _before_next_case(text: str, start: int, end: int) -> int:
    """Where a section ends before the next §'s case number, alone on the section's last line
    (the decision of § 41 read "Föredragningslistan godkändes. NKBY/497/12.03.01/2022")."""
    while end > start:
        trimmed = end
        while trimmed > start and text[trimmed - 1] in " \t\n\f":
            trimmed -= 1
        line = max(text.rfind("\n", start, trimmed), text.rfind("\f", start, trimmed)) + 1
        if line <= start or not _CASE_LINE.fullmatch(text, line, trimmed):
            return end
        end = line
    return end


# a one-word line that titles a list ("Delegationsbeslut", "Anmälningar", "Motioner") after a
# finished sentence, its first entry a bullet, a date or a case number on the next line
_LIST_HEADING_RE = re.compile(
    rf"(?<=[.”\"])[ \t]*\n[ \t]*(?P<head>[A-ZÅÄÖ][a-zåäöé]{{4,}})[ \t]*:?[ \t]*\n\s*"
    rf"(?:{_BULLET}[ \t]|(?:19|20)\d\d-[01]\d-[0-3]\d|\d{{4}}[./]\d)"
)


def _before_list_heading(text: str, start: int, end: int) -> int:
    """Where a section's decision ends before a list titled by a word of its own: "Beslut /
    Redovisningen godkänns. / Delegationsbeslut / • 2026.002 …" decided the first line; the
    list under "Delegationsbeslut" is what was reported, no clause of the decision."""
    m = _LIST_HEADING_RE.search(text, start, end)
    return m.start("head") if m else end


# the sentence that introduces a list ("Efter … har följande motioner inkommit till
# kommunfullmäktige.", "Följande ärenden anmäls:"): it points at what comes after it
_LIST_INTRO_RE = re.compile(r"\bföljande\b|:\s*$", re.IGNORECASE)


def _before_list_intro(text: str, start: int, end: int) -> int:
    """Where a decision cut before a titled list ends before the sentence that introduced that
    list ("Antecknas. / Efter … har följande motioner inkommit …" decided "Antecknas."): that
    sentence tells what the list holds, it decides nothing. Only a last sentence after a first
    finished one is left out."""
    span = text[start:end].rstrip()
    ends = [m.end() for m in re.finditer(r"[.!]\s+(?=[A-ZÅÄÖ])", span)]
    if not ends:
        return end
    last = ends[-1]
    return start + len(span[:last].rstrip()) if _LIST_INTRO_RE.search(span[last:]) else end


# a member's own proposal under the body's ("Anna Berg (C) föreslår följande tillägg:"): a name
# and a party in parentheses at the start of a line, then the verb
_MEMBER_STATEMENT_RE = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:[A-ZÅÄÖÉ][\w'-]+[ \t]+){1,4}\([A-ZÅÄÖ][A-Za-zåäö]{0,5}\)[ \t]+"
    r"(?:föreslår|yrkar|tillstyrker|instämmer|lämnar|ställer)\b"
)


def _before_member_statement(text: str, start: int, end: int) -> int:
    """Where a section ends before a member's own statement on a line of its own (an "au:s
    förslag till beslut:" followed by "Anna Berg (C) föreslår följande tillägg: …")."""
    m = _MEMBER_STATEMENT_RE.search(text, start + 1, end)
    return m.start() if m else end


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\n\f":
        i += 1
    return i


def _body_from_section(s: str) -> str | None:
    m = re.match(_BODY + r"[ \t\n]+(?:" + _PRESENT_VERBS + r")\b", s)
    return m.group("body") if m else None


def _clean_body(body: str | None) -> str | None:
    if not body:
        return None
    body = re.sub(r"\s+", " ", body).strip()
    return body[0].upper() + body[1:]


def _clause_block_end(text: str, pos: int) -> int:
    end = _block_end(text, pos)
    if not _in_list(text, pos, end) and not re.search(r"\s[-–—•]\s*att\b", text[pos:end]):
        m = re.search(r"[.!?][”\"]?(?=\s+[A-ZÅÄÖ])", text[pos:end])
        if m:
            return pos + m.end()
    return end


def _block_end(text: str, pos: int) -> int:
    """End of a decision that starts near ``pos``: its att-clauses / numbered points and their
    continuation lines, stopping at a blank line that is not followed by another clause, at a
    heading, or at the end of a sentence that has no list after it."""
    n = len(text)
    i = pos
    while i < n:
        nl = text.find("\n", i)
        if nl == -1:
            return n
        line_end = nl
        # look at what follows: blank lines, then the next non-blank line
        j = nl
        while j < n and text[j] in "\n \t\f":
            j += 1
        blank = text.count("\n", nl, j) >= 2 or "\f" in text[nl:j]
        nxt = text[j: text.find("\n", j) if text.find("\n", j) != -1 else n]
        is_clause = bool(re.match(rf"(?:{_BULLET}|\d{{1,2}}[.)]\s|att\b)", nxt))
        if HEADING_RE.match(nxt) or ITEM_LINE_RE.match(nxt):
            return line_end
        if blank and not is_clause:
            return line_end
        if not blank and not is_clause and text[i:line_end].rstrip().endswith((".", "”", "\"")) \
                and not _in_list(text, pos, line_end):
            return line_end
        i = j
    return n


def _in_list(text: str, start: int, end: int) -> bool:
    return bool(re.search(rf"(?:^|\n)[ \t]*(?:{_BULLET}|\d{{1,2}}[.)]\s)", text[start:end]))
