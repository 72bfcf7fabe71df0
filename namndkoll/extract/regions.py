"""A record's parts, as the extractors read them: its sections (from ingest where it found §
items with sections, else the text under heading lines such as "Beslut", "Yrkanden",
"Reservation"), the § an offset lies in (or, outside every §, the § whose paper it stands
in), and its sentences (not split inside a quotation).
``decisions``, ``positions`` and ``votes`` read through these; ``decisions`` keeps the names
importable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import Document

# ---- sections: from ingest when present, else from heading lines --------------------------

_HEADINGS: tuple[tuple[str, str], ...] = (
    ("beslut", r"(?:beslut|\w+s beslut|beslut i korthet)"),
    ("forslag", (r"(?:förslag till beslut|beslutsförslag|förslag till beslut i \w+|\w+s förslag till beslut"
                 r"|beslut ?[–—-] ?förslag till \w+)")),  # the last: Ciceron's "Beslut – Förslag till kommunfullmäktige"
    ("reservation", r"reservation(?:er)?(?: \d+)?"),
    ("sarskilt_uttalande", r"särskil(?:t|da) (?:uttalande|yttrande)(?:n)?"),
    ("protokollsanteckning", r"protokollsanteckning(?:ar)?"),
    # Kungsbacka's and Alingsås's "Förslag till beslut på sammanträdet" lists the members' yrkanden,
    # not a proposal of the body (a kind of its own: positions.py reads these statements itself)
    ("motet", r"förslag till beslut (?:på|under) sammanträdet"),
    ("yrkanden", r"yrkanden?"),
    ("propositionsordning", r"propositionsordning|beslutsgång|proposition(?:er)?"),
    ("omrostning", r"omröstning(?:sresultat)?|huvudvotering|votering"),
    ("jav", r"jäv"),
    # "other" ends with a rule of underscores: the end of a § in Lomma's protocols
    ("other", (r"handling(?:ar)?|protokollsutdrag skickas till|beslutet skickas till|expedieras till"
              r"|justering|sammanfattning(?: av ärendet)?|beslutsunderlag|underlag för beslutet"
              r"|ärendet|ärendebeskrivning|beskrivning av ärendet|tidigare behandling|information|bakgrund|styrande dokument"
              r"|bilag(?:a|or)(?: \d+)?|_{5,}|skäl för beslutet|motivering|bedömning|förvaltningens bedömning"
              r"|ordningsfråga|anteckning|yttrande|fråga \d+|interpellation(?: \d+)?|justerandes signatur"
              r"|deltar inte i beslut(?:et)?")),
)
HEADING_RE = re.compile(
    r"(?:^|(?<=\f))[ \t]*(?:" + "|".join(f"(?P<{k}{i}>{p})" for i, (k, p) in enumerate(_HEADINGS)) + r")[ \t]*:?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
ITEM_LINE_RE = re.compile(r"(?:^|(?<=\f))[ \t]*§[ \t]*\d+", re.MULTILINE)


def regions(doc: Document, kinds: set[str] | None = None) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the parts of ``doc``: sections from ingest where it found § items
    with sections, else the text under recognised heading lines up to the next heading."""
    text = doc.text
    out: list[tuple[str, int, int]] = []
    known_starts: list[int] = []
    for item in doc.items:
        for s in item.sections:
            known_starts.append(s.start)
            kind: str = s.kind
            if re.match(r"\s*förslag till beslut (?:på|under) sammanträdet", s.title, re.IGNORECASE):
                kind = "motet"
            elif kind == "beslut" and re.match(r"\s*förslag", s.title, re.IGNORECASE):
                kind = "forslag"
            # the body: after the heading line, up to a heading ingest does not split on
            # ("Protokollsutdrag skickas till")
            nl = text.find("\n", s.start, s.end)
            body = nl + 1 if nl != -1 and HEADING_RE.match(text, s.start) else s.start
            stop = HEADING_RE.search(text, body, s.end)
            out.append((kind, body, stop.start() if stop else s.end))
    stops = sorted(
        [(m.start(), m.end(), _kind_of(m)) for m in HEADING_RE.finditer(text)]
        + [(m.start(), m.start(), "item") for m in ITEM_LINE_RE.finditer(text)]
    )
    # headings ingest did not take (e.g. one right after a page break) count as well
    for i, (hs, he, kind) in enumerate(stops):
        if kind == "item" or any(hs <= k <= hs + 10 for k in known_starts):
            continue
        end = stops[i + 1][0] if i + 1 < len(stops) else len(text)
        out.append((kind, he, end))
    out.sort(key=lambda r: r[1])
    return [r for r in out if kinds is None or r[0] in kinds]


def _kind_of(m: re.Match[str]) -> str:
    for name, value in m.groupdict().items():
        if value is not None:
            return name.rstrip("0123456789")
    return "other"


def item_label(doc: Document, offset: int) -> str | None:
    item = doc.item_of(offset)
    return f"§ {item.number}" if item else None


# the most pages a position may stand after the title that opens its paper (a tjänsteutlåtande
# runs one to four pages; Göteborg RB 2025's revisionsredogörelse after the SFN tjänsteutlåtande,
# ten pages on, retells other meetings' reservations and is no paper of that §)
_PAPER_PAGES = 3


def paper_item(doc: Document, offset: int) -> str | None:
    """The § a position outside every § belongs to when it stands in a paper bundled after that
    § which opens with the §'s own title: an extract's "§ 31, 008/24" under "Yttrande gällande
    stadsrevisionens kritik avseende …", then the tjänsteutlåtande of the same title that
    quotes the party's initiative. The title stands at a line's start after the § ends, no other
    § begins between it and the position, and the position is at most three pages on; a title of
    fewer than four words ("Information", "Val av justerare") names no paper."""
    text = doc.text
    best: tuple[int, str] | None = None
    for item in doc.items:
        words = item.title.split()
        if item.end > offset or len(words) < 4:
            continue
        pat = re.compile(r"(?:^|(?<=[\n\f]))[ \t]*" + r"\s+".join(re.escape(w) for w in words))
        # the position's own scope may open with the title line
        found = [m.start() for m in pat.finditer(text, item.end, min(len(text), offset + 600)) if m.start() <= offset]
        if not found:
            continue
        at = found[-1]
        if any(at < other.start <= offset for other in doc.items) or doc.page_of(offset) - doc.page_of(at) > _PAPER_PAGES:
            continue  # another § began, or the position is pages on, in whatever paper follows
        if best is None or at > best[0]:
            best = (at, f"§ {item.number}")
    return best[1] if best else None


# ---- sentences ----------------------------------------------------------------------------

_QUOTES = "”\"“"


def _inside_quote(text: str, s: int, at: int, end: int) -> bool:
    """Whether ``at`` lies inside a quotation opened after ``s`` that closes before the next
    blank line (and within 800 characters): an unmatched quote mark opens nothing."""
    if sum(text.count(q, s, at) for q in _QUOTES) % 2 == 0:
        return False
    para = re.compile(r"\n[ \t]*\n").search(text, at, min(end, at + 800))
    stop = para.start() if para else min(end, at + 800)
    return any(q in text[at:stop] for q in _QUOTES)


def iter_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the sentences of ``text[start:end]``: split after . ! ? followed by a
    space and a capital letter, or at a blank line — but not inside a quotation that closes in
    the same paragraph ("… med förändringen att stycket ”Kommunen undviker … energikällor. I
    stället uppmuntras …” på sidan 18 ändras till …" is one statement)."""
    i = start
    for m in re.finditer(r"[.!?][”\"]?(?=\s+[A-ZÅÄÖ§])|\n[ \t]*\n", text[start:end]):
        j = start + m.end()
        if m.group().strip() and _inside_quote(text, i, j, end):
            continue
        if text[i:j].strip():
            yield i, j
        i = j
    if text[i:end].strip():
        yield i, end
