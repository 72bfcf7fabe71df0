"""Roll calls written as prose, as Göteborg's kommunstyrelsen and many nämnder write them:
"Daniel Bernmar (V), …, tjänstgörande ersättaren Johannes Hulter (S) och ordföranden Jonas
Attenius (S) röstar Ja (7). Axel Josefson (M) … röstar Nej (5). Jörgen Fogelklou (SD) avstår
från att rösta (1)."

The names before each "röstar Ja / röstar Nej / avstår från att rösta / är frånvarande" are
read from the verb backwards to the sentence before; a role before a name ("tjänstgörande
ersättarna") carries over to the names after it; a name without a party takes the party the
document gives it elsewhere. Sentences next to each other, each with another choice, are one
roll call; the numbers in parentheses are its stated counts. The choice may also come first:
"Vid upprop röstar A (S) … ja, medan …", or as a label over its names: "Ja-röster: A (S), B (S)
och C (V). Nej-röster: D (M) …".
"""

from __future__ import annotations

import re

from ..registry import code_pattern
from ..types import Document, RollCallEntry, VoteChoice
from .people import party_value
from .rollcall import Counts, RollCall

_PROSE_VERB_RE = re.compile(
    r"(?P<verb>(?:röstar|röstade|röstat)[ \t\n]+(?:för[ \t\n]+)?(?P<c>[Jj]a|JA|[Nn]ej|NEJ)(?![\wåäö])"
    r"|(?:avstår|avstod|avstått)(?:[ \t\n]+från[ \t\n]+att[ \t\n]+rösta)(?P<a>)"
    r"|(?:är|var)[ \t\n]+frånvarande(?P<f>))"
    r"(?:[ \t\n]*\((?P<n>\d{1,3})\))?"
)
_PERSON_IN_LIST = re.compile(
    rf"^(?P<role>(?:(?:tjänstgörande|förste|första|andre|andra|tredje|1:e|2:e|3:e)[ \t\n]+)?(?:vice[ \t\n]+)?"
    rf"(?:ordföranden|ledamoten|ledamöterna|ersättaren|ersättarna|tjänstgörande[ \t\n]+ersättar(?:en|na)))?[ \t\n]*"
    rf"(?P<name>[A-ZÅÄÖÉÜ][\wåäöéü'’-]+(?:[ \t\n]+(?:af|av|von|van|de|al|el|bin)?[ \t\n]*[A-ZÅÄÖÉÜ][\wåäöéü'’-]+){{1,3}})"
    rf"(?:[ \t\n]*\((?P<code>{code_pattern(former=True, lower=True)}|-|–|[A-ZÅÄÖ]{{2,5}})\))?$"
)


# the verb before the names and the choice after them: "Vid upprop röstar Camilla Widman (S), …
# och Azra Mustafic (V) ja, medan …" (the names run to a bare "ja"/"nej" that ends the clause)
_LEAD_VERB_RE = re.compile(r"(?<![\wåäö])(?:röstar|röstade)[ \t\n]+(?=[A-ZÅÄÖÉÜ])")
_LEAD_CHOICE_RE = re.compile(r"[ \t\n](?P<c>[Jj]a|JA|[Nn]ej|NEJ)(?=[ \t]*[,.;]|[ \t\n]+(?:medan|men|och|samt)[ \t\n])")

Found = tuple[int, int, VoteChoice, list[RollCallEntry], int | None]  # start, end, choice, members, (n)


def prose_calls(doc: Document, local: dict[str, str], known: dict[str, str]) -> list[RollCall]:
    text = doc.text
    found: list[Found] = []
    for m in _PROSE_VERB_RE.finditer(text):
        choice: VoteChoice = ("ja" if (m.group("c") or "").lower() == "ja" else "nej") if m.group("c") else \
            "avstar" if m.group("a") is not None else "franvarande"
        subj_start = _subject_start(text, m.start())
        entries = _prose_members(doc, subj_start, m.start(), choice, local, known)
        if entries:
            found.append((entries[0].start, m.end(), choice, entries, int(m.group("n")) if m.group("n") else None))
    found.extend(_lead_verb_lists(doc, local, known))
    found.extend(_labelled_lists(doc, local, known))
    groups: list[list[Found]] = []
    for start, end, choice, entries, n in sorted(found, key=lambda f: f[0]):
        last = groups[-1] if groups else None
        if last and start - last[-1][1] < 250 and not re.search(r"\n\s*\n[^\n]*[.:]\s*\n", text[last[-1][1]:start]) \
                and choice not in {g[2] for g in last}:
            last.append((start, end, choice, entries, n))
        else:
            groups.append([(start, end, choice, entries, n)])
    out: list[RollCall] = []
    for g in groups:
        counts = {c: n for _s, _e, c, _en, n in g if n is not None}
        stated: Counts | None = None
        if counts:
            stated = (counts.get("ja", 0 if "ja" not in {x[2] for x in g} else None),
                      counts.get("nej", 0 if "nej" not in {x[2] for x in g} else None),
                      counts.get("avstar", 0 if "avstar" not in {x[2] for x in g} else None),
                      counts.get("franvarande"))
        members = tuple(e for x in g for e in x[3])
        out.append(RollCall(members, doc.page_of(g[0][0]), g[0][0], g[-1][1], "prose", stated=stated))
    return out


def _lead_verb_lists(doc: Document, local: dict[str, str], known: dict[str, str]) -> list[Found]:
    """The members of "röstar A (S), B (V) och C (MP) ja": every piece between the verb and the
    choice a member (a clause whose words are not all names is no roll call)."""
    text = doc.text
    out: list[Found] = []
    for m in _LEAD_VERB_RE.finditer(text):
        c = _LEAD_CHOICE_RE.search(text, m.end(), min(len(text), m.end() + 800))
        if c is None or re.search(r"[.!?:;]\s", text[m.end():c.start()]):
            continue
        choice: VoteChoice = "ja" if c.group("c").lower() == "ja" else "nej"
        entries = _prose_members(doc, m.end(), c.start(), choice, local, known)
        if entries and entries[0].start == m.end():
            out.append((entries[0].start, c.end(), choice, entries, None))
    return out


# a list under its choice as a label: "Ja-röster: Anna Skarsjö (S), … och Håkan Eriksson (V)." /
# "Nej-röster: …" (Göteborg's inköps- och upphandlingsnämnd), "Avstår: …", "Frånvarande: …"
_LABEL_RE = re.compile(
    r"(?m)^[ \t]*(?:(?P<c>[Jj]a|[Nn]ej)(?:-röster|-röst)?|(?P<a>[Aa]vstår|[Aa]vstod|[Aa]vstående|[Nn]edlagda röster)"
    r"|(?P<f>[Ff]rånvarande))[ \t]*:[ \t]*(?=[A-ZÅÄÖÉÜ])")
_LABEL_END_RE = re.compile(r"\.(?=[ \t]*(?:\n|\f|$))|\n[ \t]*\n|:")


def _labelled_lists(doc: Document, local: dict[str, str], known: dict[str, str]) -> list[Found]:
    """The members after a "Ja-röster:" label, to the full stop that ends the line they end on:
    every piece a member (a "Ja: 43" count or a sentence is no list)."""
    text = doc.text
    out: list[Found] = []
    for m in _LABEL_RE.finditer(text):
        stop = _LABEL_END_RE.search(text, m.end(), min(len(text), m.end() + 800))
        if stop is None or stop.group() != ".":
            continue
        choice: VoteChoice = ("ja" if m.group("c").lower() == "ja" else "nej") if m.group("c") else \
            "avstar" if m.group("a") else "franvarande"
        entries = _prose_members(doc, m.end(), stop.start(), choice, local, known)
        if entries and entries[0].start == m.end():
            out.append((m.start(), stop.end(), choice, entries, None))
    return out


def _subject_start(text: str, verb: int) -> int:
    """Where the list of names before a verb begins: after the sentence before it, or after the
    "medan" that opens its clause ("A (S) röstar ja, medan B (M) … röstar nej")."""
    lo = max(0, verb - 800)
    best = lo
    for m in re.finditer(r"[.!?:”\"»][ \t]*\n|[.!?:”\"»][ \t]+(?=[A-ZÅÄÖ])|\n[ \t]*\n|\f"
                         r"|,?[ \t\n]+medan[ \t\n]+", text[lo:verb]):
        best = lo + m.end()
    return best


def _prose_members(doc: Document, start: int, end: int, choice: VoteChoice, local: dict[str, str],
                   known: dict[str, str]) -> list[RollCallEntry]:
    """The members named in text[start:end] ("A (V), B (S) och tjänstgörande ersättaren C (S)"),
    from the right: the list ends at the verb and starts where the first piece is no name."""
    text = doc.text
    pieces: list[tuple[int, int]] = []
    pos = start
    for sep in re.finditer(r",[ \t\n]*(?:och[ \t\n]+|samt[ \t\n]+)?|[ \t\n]+(?:och|samt)[ \t\n]+", text[start:end]):
        pieces.append((pos, start + sep.start()))
        pos = start + sep.end()
    pieces.append((pos, end))
    out: list[RollCallEntry] = []
    role_carry: str | None = None
    for s, e in pieces:
        raw = text[s:e].strip()
        if not raw:
            continue  # "… (S) och samt ordföranden …"
        m = _PERSON_IN_LIST.match(raw)
        if not m:
            out = []  # not a name: the list starts after it
            role_carry = None
            continue
        lead = len(text[s:e]) - len(text[s:e].lstrip())
        ns = s + lead + m.start("name")
        name = " ".join(m.group("name").split())
        role = m.group("role")
        if role:
            role_carry = _role_base(role) if role.lower().rstrip().endswith(("na", "erna")) else None
            role = _role_base(role)
        else:
            role = role_carry
        party, note = None, None
        if m.group("code"):
            party, original = party_value(m.group("code"), local)
            note = f"{original} in the list" if original and party and original.upper() != party.upper() else None
        else:
            party = known.get(name)
        out.append(RollCallEntry(name, party, choice, role, doc.page_of(ns), ns, s + lead + len(raw), note,
                                 " ".join(raw.split())))
    return out


def _role_base(role: str) -> str:
    r = " ".join(role.lower().split())
    for definite, base in (("ordföranden", "ordförande"), ("ersättarna", "ersättare"), ("ersättaren", "ersättare"),
                           ("ledamöterna", "ledamot"), ("ledamoten", "ledamot")):
        if r.endswith(definite):
            return r[: -len(definite)] + base
    return r
