"""People named in Swedish records: "Karin Ernlund (C)", "ledamoten Rashid Mohammed (V)",
"tjänstgörande ersättaren Farida al-Abani (Fi)", lists of them, "Nina Miskovsky m.fl. (M)",
and the signatures with a title or a party under the name that end officer reports and party
documents — also several signatures on one line above their titles or party.

Party codes go through the registry (namndkoll/registry.py): "(s)" and "(fp)" give S and L
with the written form kept in ``Person.party_original``; "(-)" gives the party value "-" (an
independent, politisk vilde); a local party the document names keeps the document's code. A
name written without a party takes the party the same document gives that name elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import product

from ..registry import INDEPENDENT, canonical_code, code_pattern, names_pattern, party_of_name
from ..types import Document, Person
from .parties import local_ok, local_parties

# Latin letters with diacritics in names from across Europe and beyond ("Ermin Škorić",
# "Łukasz", "Şahin"): Latin-1 and Latin Extended-A/B, each letter in its case's class
_LATIN = [chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()]
_UP = "A-Z" + "".join(c for c in _LATIN if c.isupper())
_LOW = "a-z" + "".join(c for c in _LATIN if c.islower())
_TOKEN = rf"(?<![^\W\d])(?:(?:al|el|von|van|af|de|da|di|du|la|le|bin|ben|ibn|abu)[- ])?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)*"
_TOKEN_RE = re.compile(_TOKEN)
# capitalised words that start a phrase before a name but are no part of it
_NOT_NAME = {
    "ordförande", "ordföranden", "ledamot", "ledamoten", "ledamöterna", "ersättare", "ersättaren",
    "ersättarna", "tjänstgörande", "förste", "första", "andre", "andra", "tredje", "vice", "kommunalråd",
    "kommunalrådet", "oppositionsråd", "oppositionsrådet", "borgarråd", "borgarrådet", "motion",
    "fråga", "interpellation", "yrkande", "yrkanden", "reservation", "av", "och", "enligt",
    "från", "för", "särskilt", "jäv", "protokollsanteckning", "justerare", "sekreterare",
    "beslut", "ärende", "ärendet", "handling", "mötets", "ordförandens", "gruppledare",
    "gruppledaren", "talman", "till", "med", "att", "även", "dessutom", "samt", "som", "den",
    "det", "de", "en", "ett", "svar", "anförande", "yttrande", "replik", "ajournering",
    "propositionsordning", "omröstning", "närvarande", "frånvarande", "godkännare", "handläggare",
    "datum", "diarienr", "ärendebeskrivning", "bilaga", "sida", "protokoll", "kommunen", "kommun",
    # the labels of a protocol's attendance block: "Beslutande  Kent Perciwall (KD) (ordförande)"
    "beslutande", "övriga", "deltagande", "justerande", "underskrifter",
    "tjänstepersoner", "tjänstemän", "ledamöter",
    # a section heading run in before the names it introduces: "Anteckning Jan-Erik Wallin (M),
    # Lay France Mulumba (KD) och Jens Christian Berlin (L):" (Alingsås KSAU 2026-05-20 § 72)
    "anteckning", "anteckningar", "protokollsanteckningar", "reservationer", "beredning",
    "beslutsgång", "beslutsunderlag", "omröstningsresultat", "expedieras", "förslag",
}
_ROLE_RE = re.compile(
    r"(?P<role>(?:(?:förste|första|andre|andra|tredje)\s+)?(?:vice\s+)?(?:ordföranden?|ledamoten|ledamot|"
    r"(?:tjänstgörande\s+)?ersättar(?:en|na)|(?:tjänstgörande\s+)?ersättare|kommunalrådet|kommunalråd|"
    r"oppositionsrådet|oppositionsråd|borgarrådet|gruppledaren|gruppledare|justeraren|sekreteraren|"
    r"nämndsekreteraren|kommundirektören|stadsdirektören|förvaltningschefen|revisorn))\s+$",
    re.IGNORECASE,
)
# a role that follows "(P), " belongs to the name before the party, not to the one after it;
# so does one in parentheses after the party, as an attendance list writes it: "Kent Perciwall
# (KD) (ordförande)"
_ROLE_OF_PREVIOUS = re.compile(r"\)[ \t]*,[ \t]*$")
# so does a role in lower case right after the party on the same line, as an attendance list runs
# on without commas: "Thom Rasmusson (s) ordförande Solbritt Lindborg (mp) 1:e v ordf"; a
# capitalised one there heads the next names ("(SD) Ersättare Anders Roos (NP)")
_BARE_ROLE_OF_PREVIOUS = re.compile(r"\)[ \t]*\Z")
_AFTER_ROLE = (r"(?:(?:(?:förste|första|andre|andra|tredje)[ \t]+)?(?:vice[ \t]+)?"
               r"(?:ordförande|ledamot|(?:tjänstgörande[ \t]+)?ersättare|kommunalråd|oppositionsråd|"
               r"gruppledare|sekreterare|justerare)"
               # as attendance lists abbreviate the chairs: "1:e v ordf", "2:e vice ordf.", "v. ordf"
               r"|(?:[123]:[ae][ \t]+)?(?:v(?:ice)?\.?[ \t]*)?ordf\.?(?![\wåäö]))")
# the abbreviations' words in full
_ROLE_WORDS = (("1:a", "första"), ("1:e", "förste"), ("2:a", "andra"), ("2:e", "andre"), ("3:e", "tredje"),
               ("vice", "vice"), ("v.", "vice"), ("v", "vice"), ("ordf.", "ordförande"), ("ordf", "ordförande"))
_ROLE_AFTER_RE = re.compile(
    rf"[ \t]*(?:,[ \t]*(?P<role>{_AFTER_ROLE})(?![\wåäö])|\([ \t]*(?P<paren>{_AFTER_ROLE})[ \t]*\))"
    # the bare form, not a heading ("Tjänstgörande ersättare:") nor a column of roles flattened
    # after the last name ("Stig Svensson (S) ordförande 1:e vice ordförande ledamot ledamot")
    rf"|[ \t]+(?P<bare>{_AFTER_ROLE})(?![\wåäö:])(?![ \t]+(?:\d:[ae]|{_AFTER_ROLE}|v[ \t.]))",
    re.IGNORECASE,
)
_DEFINITE = (("ordföranden", "ordförande"), ("ersättaren", "ersättare"), ("ersättarna", "ersättare"),
             ("ledamoten", "ledamot"), ("rådet", "råd"), ("ledaren", "ledare"), ("eraren", "erare"),
             ("ören", "ör"), ("chefen", "chef"), ("revisorn", "revisor"))
_ANY_CODE = code_pattern(former=True, lower=True)
# "(S)", "(fp)", "(-)", a local code "(KV)"; "m.fl." / "med flera" may stand between
_PAREN_AFTER = re.compile(
    rf"(?P<mfl>[ \t]+(?:m\.[ \t]?fl\.?|med[ \t]+flera))?[ \t]*\n?[ \t]*"
    rf"\((?P<code>{_ANY_CODE}|-|–|[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{{0,5}})\)"
)
_CODE_PAREN = re.compile(rf"\((?P<code>{_ANY_CODE}|-|–|[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{{0,5}})\)")
_GAP_BEFORE = re.compile(r"(?:[ \t]+(?:m\.[ \t]?fl\.?|med[ \t]+flera))?[ \t]*\n?[ \t]*$")
_ONE_TOKEN = re.compile(rf"[ \t]*{_TOKEN}[ \t]*")
_MFL_RE = re.compile(rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,3}})[ \t]+(?:m\.[ \t]?fl\.?|med[ \t]+flera)(?![\wåäö])")
_NAME_BEFORE = re.compile(rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,4}})[ \t]*$")
_NAME_BEFORE_NL = re.compile(rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}[ \t]*\n[ \t]*{_TOKEN})[ \t]*$")
_NAME_LINE = re.compile(rf"[ \t]*(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,3}})[ \t]*")
_NAMES_LINE = re.compile(rf"[ \t]*(?P<names>{_TOKEN}(?:[ \t]+{_TOKEN}){{3,11}})[ \t]*")
# "Elin Bååth, Feministiskt initiativ"
_NAME_COMMA_PARTY = re.compile(rf"[ \t]*(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,3}}),[ \t]*(?P<party>[^\n,]{{1,40}}?)[ \t]*")
_TITLE_WORDS = (
    r"(?:chef|direktör|handläggare|sekreterare|strateg|ordförande|råd|utredare|controller|ekonom|jurist|"
    r"samordnare|konsulent|ansvarig|ledare|specialist|revisor|analytiker|registrator|rådgivare|"
    r"planerare|utvecklare|assistent|intendent|inspektör|ingenjör|arkitekt|koordinator|förvaltare|"
    r"tjänsteperson|tjänsteman|ombudsman|justerare|ledamot|ersättare|kommunalråd|handledare)"
)
_TITLE_LINE = re.compile(  # (a bare "Ordförande" too: the prefix of a compound title is optional)
    rf"[ \t]*(?P<title>(?:[{_UP}{_LOW}][{_LOW}-]*[ \t]+){{0,3}}(?:[{_UP}{_LOW}][{_LOW}-]*?)?{_TITLE_WORDS})[ \t]*",
    re.IGNORECASE,
)
# a signature line "Jan-Erik Wallin Kommunstyrelsens ordförande (M)", "Lady France Mulumba
# gruppledare (KD)", "Jens Christian Berlin gruppledare Alingsås (L)": the name, then the title
# (a body's genitive is the title's, not the name's) and perhaps the place, then the party
_GENITIVE = r"[\w-]*(?:styrelsens|nämndens|fullmäktiges|revisionens|utskottets|förbundets|regionens|kommunens)\b"
_NAME_TITLE = re.compile(
    rf"[ \t]*(?P<name>{_TOKEN}(?:[ \t]+(?!{_GENITIVE}){_TOKEN}){{1,3}})[ \t]+"
    rf"(?P<title>(?:{_GENITIVE}[ \t]+|(?:vice|förste|förste vice|andre vice)[ \t]+)?"
    rf"(?:[{_LOW}][{_LOW}-]*?)?{_TITLE_WORDS})(?:[ \t]+[{_UP}][{_LOW}]+)?[ \t]*")
_ONE_TITLE = rf"[{_UP}][{_LOW}-]*(?:[ \t]+[{_LOW}][{_LOW}-]*){{0,3}}"
# a title word before the body it is of: "Ordförande regionstyrelsen", "Ordförande miljö- och"
# (the body's name wrapping to the line below), beside another under a line of two signatures
_TITLE_FIRST = re.compile(rf"[ \t]*(?:vice[ \t]+)?{_TITLE_WORDS}(?:[ \t]+[{_LOW}][{_LOW}-]*){{1,3}}[ \t]*", re.IGNORECASE)
_PARTY_LINE_PREFIX = re.compile(r"[ \t]*(?:för[ \t]+)?", re.IGNORECASE)


def _role(before: str) -> str | None:
    m = _ROLE_RE.search(before[-60:])
    if not m:
        return None
    role = _base_role(m.group("role"))
    tail = before[-60:]
    prefix = tail[:m.start()]
    # "Anna Berg (s) ordförande Per Olsson (m)": Anna Berg's, read as _role_after reads it (the
    # name that follows stands in as "X")
    if _BARE_ROLE_OF_PREVIOUS.search(prefix) and _role_after(tail + "X", len(prefix.rstrip(" \t"))):
        return None
    if role == " ".join(m.group("role").lower().split()) and _ROLE_OF_PREVIOUS.search(prefix):
        # "Anna Berg (S), ordförande Per Olsson (M)": a role in the bare form after a comma is
        # Anna Berg's; the definite form names the next one ("(V), andre vice ordföranden Margareta …")
        return None
    return role


def _base_role(written: str) -> str:
    words = re.sub(r"\b(v\.|ordf\.)", r"\1 ", written.lower()).split()  # "v.ordf" -> "v. ordf"
    role = " ".join(dict(_ROLE_WORDS).get(w, w) for w in words)
    for definite, base in _DEFINITE:
        if role.endswith(definite):
            return role[: -len(definite)] + base
    return role


def _role_after(text: str, end: int) -> str | None:
    """The role written after a name's party, after a comma or in parentheses: "Anna Berg (S),
    vice ordförande", "Kent Perciwall (KD) (ordförande)"."""
    m = _ROLE_AFTER_RE.match(text, end, min(len(text), end + 60))
    if m and m.group("bare") and not next(c for c in m.group("bare") if c.isalpha()).islower():
        return None  # "(SD) Ersättare Anders Roos": a heading of the names after it
    return _base_role(m.group("role") or m.group("paren") or m.group("bare")) if m else None


# the last word of a line after a list entry's end (")", ":") or a word in small letters, and the
# two words of the next line: "justera Maritza / Villanueva Contreras", "(S) Erik / Bäckström
# Andersson", "och Agneta / Grange Petrusson (SD)"; not after a comma or a preposition of place,
# where a place stands ("Asa Folkhögskola, Sköldinge / Britta Bergström (S)", "i Sköldinge")
_PLACE_WORDS = r"i|på|från|vid|till|mot|över|under|inom|utanför|mellan|genom|via|kring|nära"
_WRAPPED_FIRST = re.compile(rf"(?:[):]|(?<![^\W\d])(?!(?:{_PLACE_WORDS})[ \t])[{_LOW}]+)[ \t]+(?P<first>{_TOKEN})[ \t]*$")
_NAME_OVER_NL = re.compile(rf"(?P<name>{_TOKEN}[ \t]*\n[ \t]*{_TOKEN}[ \t]+{_TOKEN})[ \t]*$")


@lru_cache(maxsize=1)
def _swedish_words() -> frozenset[str]:
    from importlib import resources

    from .figure_lemmas import lemmas

    common = resources.files("namndkoll.ingest").joinpath("data/sv_common.txt").read_text(encoding="utf-8").split()
    table = lemmas()
    return frozenset(common) | frozenset(table) | frozenset(table.values())


def _no_word(token: str) -> bool:
    """Whether ``token`` is no Swedish word (a given name: "Maritza", "Erik"), nor a label or role."""
    low = token.lower()
    return low not in _NOT_NAME and not any(part in _swedish_words() for part in (low, *low.split("-")))


def _trim_name(name: str, offset: int) -> tuple[str, int] | None:
    """Drop leading words that are roles or phrase starters; keep 2-4 name words."""
    words = list(re.finditer(r"\S+", name))
    while words and words[0].group().lower() in _NOT_NAME:
        words.pop(0)
    if len(words) < 2 or any(w.group().lower() in _NOT_NAME for w in words):
        return None
    words = words[-4:]
    start = words[0].start()
    return " ".join(name[start:words[-1].end()].split()), offset + start


def party_value(written: str, local: dict[str, str]) -> tuple[str | None, str | None]:
    """(party, original) of a code as a list or a parenthesis writes it: "(s)" -> ("S", "s"),
    "(-)" -> ("-", None), a local code the document names -> itself; (None, None) otherwise."""
    w = written.strip().strip("()").strip()
    if w in ("-", "–"):
        return INDEPENDENT, None
    code = canonical_code(w)
    if code is not None:
        return code, (w if w not in (code, code.upper()) else None)
    if w in local:
        return local[w], None
    return None, None


def iter_people(text: str, *, municipality: str | None = None, local: dict[str, str] | None = None
                ) -> Iterator[tuple[int, int, str, str | None, str | None, str | None]]:
    """(start, end, name, party, role, party as written) of every person found in ``text``."""
    local = local_parties(text) if local is None else local
    seen: set[int] = set()
    named: set[str] = set()  # names the document gives with a party: they tell signatures apart
    # 1. "Name (P)" with an optional role before the name, "Name m.fl. (P)"
    for m in _CODE_PAREN.finditer(text):  # from each "(" back: far fewer places to try than every space
        gap = _GAP_BEFORE.search(text, max(0, m.start() - 24), m.start())
        at = gap.start() if gap else m.start()
        line_start = max(text.rfind("\n", 0, at), text.rfind("\f", 0, at)) + 1
        before = text[line_start:at]
        nm = _NAME_BEFORE.search(before)
        if not nm and _ONE_TOKEN.fullmatch(before) and line_start > 1:
            # "… nattvandrar - Irene\nJonsson (S)": a name wrapped over two lines
            prev_start = max(text.rfind("\n", 0, line_start - 1), text.rfind("\f", 0, line_start - 1)) + 1
            two = _NAME_BEFORE_NL.search(text, prev_start, at)
            if two:
                nm, line_start = two, 0
        elif nm and not before[:nm.start("name")].strip() and len(nm.group("name").split()) == 2 and line_start > 1:
            # "… Utses att justera Maritza\nVillanueva Contreras (V)": a first name left at the end
            # of the line above a two-word surname
            prev_start = max(text.rfind("\n", 0, line_start - 1), text.rfind("\f", 0, line_start - 1)) + 1
            first = _WRAPPED_FIRST.search(text, prev_start, line_start - 1)
            if first and _no_word(first.group("first")) and (
                    three := _NAME_OVER_NL.search(text, first.start("first"), at)):
                nm, line_start = three, 0
        title = None
        if not nm and (nt := _NAME_TITLE.fullmatch(before)):
            nm, title = nt, " ".join(nt.group("title").split()).lower()
        if not nm:
            continue
        code, original = party_value(m.group("code"), local)
        if code is None and m.group("code") not in ("-", "–"):
            continue
        trimmed = _trim_name(nm.group("name"), line_start + nm.start("name"))
        if not trimmed or trimmed[0] in local or trimmed[0].endswith(("partiet", "parti")):
            continue  # "Kommunens Väl (KV)" names a party, not a person
        name, start = trimmed
        if code is not None and code != INDEPENDENT and not local_ok(code, text, municipality):
            code = None
        seen.add(start)
        named.add(name)
        end = line_start + nm.end("name")
        role = title or _role_after(text, m.end()) or _role(text[max(0, start - 60):start])
        yield start, end, name, code, role, original
    # 2. a role word before a name without a party: "ordföranden Annika Pettersson"; "Nina
    #    Miskovsky m.fl." without a party
    for m in re.finditer(rf"(?<![\w])(?:ordföranden?|ledamoten|ersättaren|kommunalrådet|borgarrådet)\s+"
                         rf"(?P<name>{_TOKEN}(?:[ \t]+{_TOKEN}){{1,2}})(?![ \t]*\()", text, re.IGNORECASE):
        start = m.start("name")
        if start in seen or not m.group("name")[0].isupper():
            continue
        # the name's words are capitalised: "Ordförande Mikael Lindwall rapporterar från mötet"
        # names "Mikael Lindwall" (the pattern ignores case for the role word before it)
        words = list(re.finditer(r"\S+", m.group("name")))
        upper = next((i for i, w in enumerate(words) if not w.group()[0].isupper()), len(words))
        if upper < 2:
            continue
        trimmed = _trim_name(m.group("name")[:words[upper - 1].end()], start)
        if trimmed:
            seen.add(trimmed[1])
            yield trimmed[1], trimmed[1] + len(trimmed[0]), trimmed[0], None, _role(text[max(0, start - 60):start]), None
    for m in (_MFL_RE.finditer(text) if "m.fl" in text or "m. fl" in text or "med flera" in text else ()):
        trimmed = _trim_name(m.group("name"), m.start("name"))
        if trimmed and trimmed[1] not in seen and not _PAREN_AFTER.match(text, m.end("name")):
            seen.add(trimmed[1])
            yield trimmed[1], trimmed[1] + len(trimmed[0]), trimmed[0], None, _role(text[max(0, trimmed[1] - 60):trimmed[1]]), None
    # 3. signatures: a line that is only a name (or several), with a title or a party on the next line
    yield from _signatures(text, seen, named)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for ln in text.replace("\f", "\n").split("\n"):  # one character for one: offsets stay
        if ln.strip():
            out.append((pos, ln))
        pos += len(ln) + 1
    return out


_NOT_SIGNATURE = re.compile(r"[\d.:;()!?§%\"”]")  # a signature line is names (and a comma) only
# a signed statement's closing line: "Göteborg den 13 april 2026", "Lund, 2016-04-13" (the
# names right under it sign it, with or without a title below; ingest/dates.py reads its date)
_CLOSING_LINE = re.compile(
    r"\s*[A-ZÅÄÖ][\wåäöé]+(?:[ -][A-ZÅÄÖ][\wåäöé]+)?(?:\s*,\s*(?:den\s+)?|\s+den\s+)"
    r"(?:\d{1,2}\s+[a-zåäö]+\.?\s+(?:19|20)\d\d|(?:19|20)\d\d[-–]\d\d[-–]\d\d)\s*\.?\s*")


def _party_line(line: str) -> list[str]:
    """The parties a signature's second line names: "Vänsterpartiet", "För Socialdemokraterna",
    "Socialdemokraterna Moderaterna", "Liberalerna i Alingsås"; [] for any other line."""
    if len(line) < 6 or not line.lstrip()[:1].isupper():
        return []  # "S", "Ja", "22": list cells, never a party's name
    s = _PARTY_LINE_PREFIX.sub("", line, count=1).strip()
    s = re.sub(r"\s+i\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+[a-zåäö]+)?$", "", s)
    if not s or len(s) > 80:
        return []
    code = party_of_name(s)
    if code:
        return [code]
    place = re.fullmatch(r"(?P<party>.+?)\s+(?P<place>[A-ZÅÄÖ][\wåäö-]+)", s)
    if place and not party_of_name(place.group("place")) and (code := party_of_name(place.group("party"))):
        return [code]  # "Miljöpartiet de gröna Alingsås": the party, then its place
    out: list[str] = []
    rest = s
    while rest:
        m = names_pattern().match(rest)  # the registry's names, of one word or more
        if not m:
            return []
        code = party_of_name(m.group())
        if code is None:
            return []
        out.append(code)
        rest = rest[m.end():].strip()
    return out


def _titles(line: str) -> list[str]:
    """Titles side by side on one line: "Biträdande kommundirektör Kanslichef och kommunjurist"."""
    parts = re.findall(_ONE_TITLE, line.strip())
    if parts and " ".join(parts) == " ".join(line.split()) and all(
            _TITLE_LINE.fullmatch(p) or _TITLE_FIRST.fullmatch(p) for p in parts):
        return [p.strip() for p in parts]
    # written in lower case ("ordförande vice ordförande"): each title ends at its title word; a
    # line joined by "och" is one title ("kanslichef och kommunjurist")
    words = line.split()
    if words and words[0][:1].islower() and not {"och", "samt"} & set(words):
        low = re.findall(rf"(?:[{_LOW}-]+[ \t]+)??[{_LOW}-]*?{_TITLE_WORDS}(?=[ \t]|$)", " ".join(words))
        if len(low) > 1 and " ".join(low) == " ".join(words):
            return low
    return []


def _signatures(text: str, seen: set[int], named: set[str]
                ) -> Iterator[tuple[int, int, str, str | None, str | None, str | None]]:
    lines = _lines(text)
    for i, (s, ln) in enumerate(lines):
        head = ln.lstrip()[:1]
        if not head.isupper() or len(ln) > 120 or " " not in ln.strip() or _NOT_SIGNATURE.search(ln):
            continue  # most lines: prose, numbers, headings with punctuation
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        prev = lines[i - 1][1] if i else ""
        closing = bool(_CLOSING_LINE.fullmatch(prev))
        many = _NAMES_LINE.fullmatch(ln)
        if many and len(ln) <= 120:
            found = list(_several(s + many.start("names"), many.group("names"), nxt, seen, named, closing))
            if found:
                yield from found
                continue
        m = _NAME_LINE.fullmatch(ln)
        if m and len(ln) <= 60:
            name = m.group("name")
            if any(w.lower() in _NOT_NAME for w in name.split()) or party_of_name(name):
                continue
            parties = _party_line(nxt)
            party = parties[0] if len(parties) == 1 else None
            title = _TITLE_LINE.fullmatch(nxt)
            above = _TITLE_LINE.fullmatch(prev) if _is_short(prev) else None
            after = lines[i + 2][1] if i + 2 < len(lines) else ""
            if above and not party and (not title or _labels_next(after)):
                # "Sekreterare / Karin Berg / Ordförande / Thomas Thim (M)": each label stands
                # above its name, so the one under this name is the next name's
                title = above
            if not (party or (title and _is_short(title.group())) or closing):
                continue
            start = s + m.start("name")
            if start in seen:
                continue
            seen.add(start)
            role = " ".join(title.group("title").split()).lower() if title and not party else None
            yield start, start + len(name), name, party, role, None
            continue
        c = _NAME_COMMA_PARTY.fullmatch(ln)
        if c and (code := party_of_name(c.group("party"))):
            start = s + c.start("name")
            if start not in seen:
                seen.add(start)
                yield start, start + len(c.group("name")), c.group("name"), code, None, None
            continue


def _labels_next(line: str) -> bool:
    """A line that is a name alone or a name with its party ("Thomas Thim (M)"): a title line
    above it labels it."""
    bare = _CODE_PAREN.sub("", line).strip()
    return bool(_NAME_LINE.fullmatch(bare)) and not any(w.lower() in _NOT_NAME for w in bare.split())


def _several(offset: int, names: str, nxt: str, seen: set[int], named: set[str], closing: bool = False
             ) -> Iterator[tuple[int, int, str, str | None, str | None, str | None]]:
    """Several signatures on one line above their parties or titles: "Anna Andersson Bo Berg"
    over "Vänsterpartiet" (all of that party) or over "Socialdemokraterna Moderaterna"; or,
    with nothing under them, right below a signed statement's closing line (``closing``)."""
    tokens = list(re.finditer(r"\S+", names))
    if any(t.group().lower() in _NOT_NAME or party_of_name(t.group()) for t in tokens):
        return
    parties = _party_line(nxt)
    titles = [] if parties else _titles(nxt)
    if not parties and not titles and not closing:
        return
    k = len(parties) if len(parties) > 1 else len(titles) if len(titles) > 1 else 0
    groups = _split([t.group() for t in tokens], k, named)
    if groups is None or (len(groups) == 1 and not k):
        return
    i = 0
    for j, size in enumerate(groups):
        part = tokens[i:i + size]
        i += size
        start = offset + part[0].start()
        if start in seen:
            continue
        seen.add(start)
        party = (parties[j] if len(parties) > 1 else parties[0]) if parties else None
        role = titles[j].lower() if titles else None
        yield start, offset + part[-1].end(), names[part[0].start():part[-1].end()], party, role, None


_SURNAME_END = re.compile(r"(?:s?son|berg|ström|strand|lund|gren|qvist|kvist|holm|dahl|stam|stedt|sten|blad|bäck"
                          r"|ling|ius|ell|man|ér|én|é|nen)$")


def _split(tokens: list[str], k: int, named: set[str]) -> tuple[int, ...] | None:
    """Sizes (2 or 3 words each) of the names in a line of ``tokens``: ``k`` names when the
    line below says how many. Names the document gives elsewhere decide; else a name should
    not start with a word shaped like a surname ("Ängberg", "Andersson"), and two-word names
    are the likeliest."""
    best: tuple[tuple[int, int, int], tuple[int, ...]] | None = None
    n = len(tokens)
    for parts in range(1, n // 2 + 1):
        if k and parts != k:
            continue
        for sizes in product((2, 3, 4), repeat=parts):
            if sum(sizes) != n or (4 in sizes and parts > 1):
                continue
            i, known, shape = 0, 0, 0
            for size in sizes:
                words = tokens[i:i + size]
                i += size
                known += " ".join(words) in named
                shape -= bool(_SURNAME_END.search(words[0].lower()))
                shape += bool(_SURNAME_END.search(words[-1].lower()))
            score = (known, shape, parts - sizes.count(3) - 2 * sizes.count(4))
            if best is None or score > best[0]:
                best = (score, sizes)
    return best[1] if best else None


def _is_short(line: str) -> bool:
    return len(line.split()) <= 4 and not line.rstrip().endswith((".", ":", ","))


def find_people(doc: Document) -> tuple[Person, ...]:
    """Every person named in ``doc``, with party code (or None), role (or None) and page. A
    name without a party takes the party the document gives the same name elsewhere."""
    text = doc.text
    found = sorted(iter_people(text, municipality=doc.metadata.municipality))
    # "bifall till Johan Tolinssons (S) m.fl. yrkande": the member in the genitive is the member
    # the document names elsewhere ("Johan Tolinsson (S)"), or is named so only here
    names = {f[2] for f in found}
    found = [(s, e, _nominative(name, text, e, names), party, role, orig)
             for s, e, name, party, role, orig in found]
    known: dict[str, str] = {}
    for _s, _e, name, party, _role, _orig in found:
        if party and party != INDEPENDENT:
            known.setdefault(name, party)
    return tuple(Person(name, party or known.get(name), role, doc.page_of(s), s, e, orig)
                 for s, e, name, party, role, orig in found)


# what a member in the genitive owns: "Johan Tolinssons (S) m.fl. yrkande", "Peter Lundins förslag"
# (positions.py reads it after a name and its party too: whose yrkande, not who states it)
GENITIVE_OWNED = (r"(?:m\.[ \t]?fl\.?[ \t\n]+|med[ \t]+flera[ \t\n]+)?(?:\w*yrkande\w*|förslag\w*|\w*motion\w*|"
                  r"initiativ\w*|reservation\w*)(?![\wåäö])")
_OWNED = re.compile(r"[ \t\n]*(?:\([^()\n]{1,12}\)[ \t\n]*)?" + GENITIVE_OWNED)


def _nominative(name: str, text: str, end: int, names: set[str]) -> str:
    """``name`` without its genitive s where the document names the member so elsewhere or what
    follows is the member's yrkande, förslag or motion; else ``name`` as written."""
    if not name.endswith("s") or name.endswith("ss"):
        return name
    base = name[:-1]
    return base if base in names or _OWNED.match(text, end) else name
