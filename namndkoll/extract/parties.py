"""Political parties named in Swedish records: codes, full names and their inflections.

``party_code`` normalises one mention ("(S)", "Socialdemokraterna", "Vänsterpartiets", "SD",
"Fi") to a code; ``find_parties`` finds every mention in a document. Single-letter codes are
only read where the context makes them a party — in parentheses, after "från"/"för", in
lists of codes, or as "S-gruppen" — never from "S:t", initials, list letters ("C. Förslag")
or other abbreviations ("SE", "SKR").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import Document, PartyMention

# code -> canonical names (first is the official one); local parties need context (LOCAL)
PARTIES: dict[str, tuple[str, ...]] = {
    "S": ("Socialdemokraterna", "Arbetarepartiet-Socialdemokraterna"),
    "M": ("Moderaterna", "Moderata samlingspartiet"),
    "SD": ("Sverigedemokraterna",),
    "C": ("Centerpartiet",),
    "V": ("Vänsterpartiet",),
    "KD": ("Kristdemokraterna",),
    "L": ("Liberalerna", "Folkpartiet liberalerna", "Folkpartiet"),
    "MP": ("Miljöpartiet de gröna", "Miljöpartiet"),
    "Fi": ("Feministiskt initiativ",),
    "D": ("Demokraterna",),
}
NATIONAL = ("S", "M", "SD", "C", "V", "KD", "L", "MP", "Fi")
# local parties: code -> municipalities where the bare code means that party
LOCAL: dict[str, tuple[str, ...]] = {"D": ("Göteborg", "Göteborgs")}

# spellings of codes in running text -> canonical code
_CODE_FORMS = {c.upper(): c for c in PARTIES} | {"FP": "L", "FI": "Fi", "MP": "MP"}

# full names and member nouns with their inflections -> code (matched case-insensitively
# on a word start; the stems end where Swedish adds -s, -n, -na, -er, -erna ...)
_NAME_STEMS: tuple[tuple[str, str], ...] = (
    (r"arbetarepartiet[- ]socialdemokraterna", "S"),
    (r"socialdemokrat(?:erna|erna?s|en|ens|er|ers|isk|iska|iskt)?", "S"),
    (r"moderat(?:erna|ernas)|moderata\s+samlingspartiet", "M"),
    (r"sverigedemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?", "SD"),
    (r"centerpartiet?s?|centerpartist(?:en|er|erna|ernas|s)?", "C"),
    (r"vänsterpartiet?s?|vänsterpartist(?:en|er|erna|ernas|s)?", "V"),
    (r"kristdemokrat(?:erna|ernas|en|ens|er|ers|isk|iska|iskt)?", "KD"),
    (r"liberalerna?s?|folkpartiet(?:\s+liberalerna)?s?", "L"),
    (r"miljöpartiet?s?(?:\s+de\s+gröna)?|miljöpartist(?:en|er|erna|ernas|s)?", "MP"),
    (r"feministiskt\s+initiativs?", "Fi"),
    (r"demokraterna?s?", "D"),
)
_NAMES_RE = re.compile(
    r"(?<![\wåäöÅÄÖ-])(?:" + "|".join(f"(?P<n{i}>{p})" for i, (p, _) in enumerate(_NAME_STEMS)) + r")(?![\wåäöÅÄÖ])",
    re.IGNORECASE,
)
_CODE = r"(?:SD|KD|MP|FP|Fi|FI|S|M|C|V|L|D)"
# "(S)", "(S och V)", "(S, V)"
_PAREN_RE = re.compile(rf"\((?P<codes>{_CODE}(?:\s*(?:,|och|&|\+)\s*{_CODE})*)\)")
# "från SD", "för S", "Ledamöterna från SD", "SD-ledamöterna", "S:s", lists "S, V och MP"
_CONTEXT_RE = re.compile(
    rf"(?:(?<=\bfrån\s)|(?<=\bför\s)|(?<=\bav\s)|(?<=\bmed\s))(?P<c1>{_CODE})(?![\wåäöÅÄÖ:(-])"
    rf"|(?<![\wåäöÅÄÖ.])(?P<c2>{_CODE})(?:-(?:ledamot|ledamöter|gruppen|grupp|företrädar|politiker|kommunalråd|ordförande)|:s\b)"
)
_LIST_RE = re.compile(
    rf"(?<![\wåäöÅÄÖ.(])(?P<list>{_CODE}(?:\s*,\s*{_CODE})*\s+(?:och|samt|&)\s+{_CODE})(?![\wåäöÅÄÖ:.(-])"
)
# multi-letter codes are safe as bare words (SE, SKR, SDG are not codes)
_BARE_RE = re.compile(r"(?<![\wåäöÅÄÖ(-])(?P<code>SD|KD|MP)(?![\wåäöÅÄÖ)])")


def party_code(text: str, *, municipality: str | None = None) -> str | None:
    """The party code of one mention, or None: '(S)' -> 'S', 'Vänsterpartiets' -> 'V', 'Fi' -> 'Fi'.

    A local code such as 'D' counts only where ``municipality`` says it is a party there, or
    when ``municipality`` is None (the caller vouches for the context).
    """
    t = " ".join(text.strip().strip("()").split())
    if not t:
        return None
    code = _CODE_FORMS.get(t.upper()) if len(t) <= 3 and (t.isupper() or t in ("Fi",)) else None
    if code is None:
        m = _NAMES_RE.fullmatch(t)
        if m is None:
            return None
        code = _NAME_STEMS[int(m.lastgroup[1:])][1]  # type: ignore[index]
    if code in LOCAL and municipality is not None and not _local_here(code, municipality):
        return None
    return code


def _local_here(code: str, municipality: str | None) -> bool:
    return municipality is not None and any(municipality.startswith(m) for m in LOCAL[code])


def _local_ok(code: str, doc_text: str, municipality: str | None) -> bool:
    """A bare local code counts where the municipality has that party or its name is in the text."""
    if code not in LOCAL:
        return True
    if _local_here(code, municipality):
        return True
    return any(re.search(rf"(?<![\wåäö]){re.escape(n)}", doc_text) for n in PARTIES[code])


def _codes_in(text: str) -> Iterator[tuple[int, int, str]]:
    for m in re.finditer(_CODE, text):
        yield m.start(), m.end(), _CODE_FORMS[m.group().upper()]


def iter_party_spans(text: str, *, municipality: str | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, code) of every party mention in ``text``, in order, without overlaps."""
    found: list[tuple[int, int, str]] = []
    for m in _NAMES_RE.finditer(text):
        code = _NAME_STEMS[int(m.lastgroup[1:])][1]  # type: ignore[index]
        if code == "D" and not _local_ok("D", text, municipality):
            continue
        found.append((m.start(), m.end(), code))
    for m in _PAREN_RE.finditer(text):
        off = m.start("codes")
        for s, e, code in _codes_in(m.group("codes")):
            found.append((off + s, off + e, code))
    for m in _CONTEXT_RE.finditer(text):
        g = "c1" if m.group("c1") else "c2"
        found.append((m.start(g), m.end(g), _CODE_FORMS[m.group(g).upper()]))
    for m in _LIST_RE.finditer(text):
        off = m.start("list")
        for s, e, code in _codes_in(m.group("list")):
            found.append((off + s, off + e, code))
    for m in _BARE_RE.finditer(text):
        found.append((m.start(), m.end(), m.group("code")))
    found.sort()
    last_end = -1
    for s, e, code in found:
        if s < last_end:
            continue
        if code in LOCAL and not _local_ok(code, text, municipality):
            continue
        last_end = e
        yield s, e, code


def find_parties(doc: Document) -> tuple[PartyMention, ...]:
    """Every party mention in ``doc`` with its code, page and offsets."""
    text = doc.text
    return tuple(
        PartyMention(code, text[s:e], doc.page_of(s), s, e)
        for s, e, code in iter_party_spans(text, municipality=doc.metadata.municipality)
    )
