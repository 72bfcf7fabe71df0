"""People named in Swedish records: "Karin Ernlund (C)", "ledamoten Rashid Mohammed (V)",
"tjänstgörande ersättaren Farida al-Abani (Fi)", lists of them, and the signatures with a
title or a party under the name that end officer reports and party documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..types import Document, Person
from .parties import _CODE_FORMS, _NAME_STEMS, _NAMES_RE, LOCAL, _local_ok

_UP = "A-ZÅÄÖÉÜØÆ"
_LOW = "a-zåäöéüáàèíóúøæçñ"
_TOKEN = rf"(?:(?:al|el|von|van|af|de|da|di|du|la|le|bin|ben|ibn|abu)[- ])?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
_TOKEN_RE = re.compile(_TOKEN)
# capitalised words that start a phrase before a name but are no part of it
_NOT_NAME = {
    "ordförande", "ordföranden", "ledamot", "ledamoten", "ledamöterna", "ersättare", "ersättaren",
    "tjänstgörande", "förste", "första", "andre", "andra", "tredje", "vice", "kommunalråd",
    "kommunalrådet", "oppositionsråd", "oppositionsrådet", "borgarråd", "borgarrådet", "motion",
    "fråga", "interpellation", "yrkande", "yrkanden", "reservation", "av", "och", "enligt",
    "från", "för", "särskilt", "jäv", "protokollsanteckning", "justerare", "sekreterare",
    "beslut", "ärende", "ärendet", "handling", "mötets", "ordförandens", "gruppledare",
    "gruppledaren", "talman", "till", "med", "att", "även", "dessutom", "samt", "som", "den",
    "det", "de", "en", "ett", "svar", "anförande", "yttrande", "replik", "ajournering",
    "propositionsordning", "omröstning", "närvarande", "frånvarande",
}
_ROLE_RE = re.compile(
    r"(?P<role>(?:(?:förste|första|andre|andra|tredje)\s+)?(?:vice\s+)?(?:ordföranden?|ledamoten|ledamot|"
    r"(?:tjänstgörande\s+)?ersättaren|(?:tjänstgörande\s+)?ersättare|kommunalrådet|kommunalråd|"
    r"oppositionsrådet|oppositionsråd|borgarrådet|gruppledaren|gruppledare|justeraren|sekreteraren|"
    r"nämndsekreteraren|kommundirektören|stadsdirektören|förvaltningschefen|revisorn))\s+$",
    re.IGNORECASE,
)
_DEFINITE = (("ordföranden", "ordförande"), ("ersättaren", "ersättare"), ("ledamoten", "ledamot"),
             ("rådet", "råd"), ("ledaren", "ledare"), ("eraren", "erare"), ("ören", "ör"),
             ("chefen", "chef"), ("revisorn", "revisor"))
_PAREN_AFTER = re.compile(r"\s*\((?P<code>SD|KD|MP|FP|Fi|FI|S|M|C|V|L|D)\)")
_NAME_BEFORE = re.compile(rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,4}})[ \t]*$")
_NAME_LINE = re.compile(rf"[ \t]*(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,3}})[ \t]*")
_TITLE_LINE = re.compile(
    rf"[ \t]*(?P<title>(?:[{_UP}{_LOW}][{_LOW}-]*[ \t]+){{0,3}}[{_UP}{_LOW}][{_LOW}-]*?"
    r"(?:chef|direktör|handläggare|sekreterare|strateg|ordförande|råd|utredare|controller|ekonom|jurist|"
    r"samordnare|konsulent|ansvarig|ledare|specialist|revisor|analytiker|registrator|rådgivare|"
    r"planerare|utvecklare|assistent|intendent|inspektör|ingenjör|arkitekt|koordinator|förvaltare|"
    r"tjänsteperson|tjänsteman|ombudsman|justerare|ledamot|ersättare|kommunalråd|handledare))[ \t]*",
    re.IGNORECASE,
)


def _role(before: str) -> str | None:
    m = _ROLE_RE.search(before[-60:])
    if not m:
        return None
    role = " ".join(m.group("role").lower().split())
    for definite, base in _DEFINITE:
        if role.endswith(definite):
            return role[: -len(definite)] + base
    return role


def _trim_name(name: str, offset: int) -> tuple[str, int] | None:
    """Drop leading words that are roles or phrase starters; keep 2-4 name words."""
    words = list(re.finditer(r"\S+", name))
    while words and words[0].group().lower() in _NOT_NAME:
        words.pop(0)
    if len(words) < 2:
        return None
    words = words[-4:]
    start = words[0].start()
    return name[start:words[-1].end()], offset + start


def _party_of_name(text: str) -> str | None:
    m = _NAMES_RE.fullmatch(" ".join(text.split()))
    return _NAME_STEMS[int(m.lastgroup[1:])][1] if m else None  # type: ignore[index]


def iter_people(text: str, *, municipality: str | None = None) -> Iterator[tuple[int, int, str, str | None, str | None]]:
    """(start, end, name, party, role) of every person found in ``text``."""
    seen: set[int] = set()
    # 1. "Name (P)" with an optional role before the name
    for m in _PAREN_AFTER.finditer(text):
        line_start = max(text.rfind("\n", 0, m.start()), text.rfind("\f", 0, m.start())) + 1
        before = text[line_start:m.start()]
        nm = _NAME_BEFORE.search(before)
        if not nm:
            continue
        trimmed = _trim_name(nm.group("name"), line_start + nm.start("name"))
        if not trimmed:
            continue
        name, start = trimmed
        code: str | None = _CODE_FORMS[m.group("code").upper()]
        if code in LOCAL and not _local_ok(code, text, municipality):
            code = None
        seen.add(start)
        yield start, start + len(name), name, code, _role(text[max(0, start - 60):start])
    # 2. a role word before a name without a party: "socialdirektör Annika Pettersson"
    for m in re.finditer(rf"(?<![\w])(?:ordföranden?|ledamoten|ersättaren|kommunalrådet|borgarrådet)\s+"
                         rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,2}})(?![ \t]*\()", text, re.IGNORECASE):
        start = m.start("name")
        if start in seen or not m.group("name")[0].isupper():
            continue
        trimmed = _trim_name(m.group("name"), start)
        if trimmed:
            seen.add(trimmed[1])
            yield trimmed[1], trimmed[1] + len(trimmed[0]), trimmed[0], None, _role(text[max(0, start - 60):start])
    # 3. signatures: a line that is only a name, with a title or a party on the next line
    yield from _signatures(text, seen)


def _signatures(text: str, seen: set[int]) -> Iterator[tuple[int, int, str, str | None, str | None]]:
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n\f]*", text)]
    lines = [(s, ln) for s, ln in lines if ln.strip()]
    for i, (s, ln) in enumerate(lines):
        m = _NAME_LINE.fullmatch(ln)
        if not m or len(ln) > 60:
            continue
        name = m.group("name")
        if any(w.lower() in _NOT_NAME for w in name.split()) or _party_of_name(name):
            continue
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        prev = lines[i - 1][1] if i else ""
        party = _party_of_name(nxt)
        title = _TITLE_LINE.fullmatch(nxt)
        if not (party or title) and (tp := _TITLE_LINE.fullmatch(prev)) and _is_short(prev):
            title = tp
        if not (party or (title and _is_short(title.group()))):
            continue
        start = s + m.start("name")
        if start in seen:
            continue
        seen.add(start)
        role = " ".join(title.group("title").split()).lower() if title and not party else None
        yield start, start + len(name), name, party, role


def _is_short(line: str) -> bool:
    return len(line.split()) <= 4 and not line.rstrip().endswith((".", ":", ","))


def find_people(doc: Document) -> tuple[Person, ...]:
    """Every person named in ``doc``, with party code (or None), role (or None) and page."""
    text = doc.text
    found = sorted(iter_people(text, municipality=doc.metadata.municipality))
    return tuple(Person(name, party, role, doc.page_of(s), s, e) for s, e, name, party, role in found)
