"""The members of a roll call as the rest of the document names them: a list that writes a
member surname first, without a party, with a code of its own, or a member whose seat a
substitute took for this § (the attendance list's "Camilla Cronsjö (M) för Michelle Vithal
Bergström (KD), § 41") gets the name and party the document gives that member elsewhere, so
that one person or party is not counted as two. find_roll_calls (rollcall.py) applies it to
every list the readers found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..registry import INDEPENDENT, canonical_code
from .people import party_value
from .rollcall import RollCall

# (substitute, their party, the absent member's name tokens, the §§ or None for the meeting)
Substitute = tuple[str, str | None, frozenset[str], set[int] | None]

_NAME = r"[A-ZÅÄÖÉÜ][\wåäöéü'’-]+(?:[ \t]*\n?[ \t]*[A-ZÅÄÖÉÜ][\wåäöéü'’-]+){1,3}"
# the attendance list's serving substitutes: "Camilla Cronsjö (M) för Michelle Vithal Bergström
# (KD), § 41", "Janina Pettersson (M) för Marcus Magnusson Bergfors (M), §§ 40, 42"
_SUBSTITUTE = re.compile(
    rf"(?P<sub>{_NAME})[ \t]*\((?P<sp>[^()\d\n]{{1,6}})\)[ \t]+för[ \t]+(?P<abs>{_NAME})[ \t]*\((?P<ap>[^()\d\n]{{1,6}})\)"
    r"(?:,?[ \t]*§§?[ \t]*(?P<items>\d{1,4}(?:[ \t]*(?:,|och|-|–)[ \t]*\d{1,4})*))?")


def _tokens(name: str) -> frozenset[str]:
    return frozenset(name.casefold().split())


def substitutes(text: str, local: dict[str, str]) -> list[Substitute]:
    """(substitute, their party, the absent member's name tokens, the §§ it holds for or None
    for the whole meeting) of each "X (P) för Y (Q), § N" in ``text``."""
    out = []
    for m in _SUBSTITUTE.finditer(text):
        items: set[int] | None = None
        if m.group("items"):
            items = set()
            for part in re.split(r"[ \t]*(?:,|och)[ \t]*", m.group("items")):
                lo, _, hi = part.replace("–", "-").partition("-")
                if lo.strip().isdigit():
                    a = int(lo)
                    b = int(hi) if hi.strip().isdigit() else a
                    items |= set(range(a, min(b, a + 50) + 1))
        party = party_value(m.group("sp"), local)[0] or m.group("sp").strip()
        out.append((" ".join(m.group("sub").split()), party, _tokens(m.group("abs")), items))
    return out


def as_elsewhere(call: RollCall, local: dict[str, str], known: dict[str, str],
                 subs: list[Substitute]) -> RollCall:
    """Members as the rest of the document states them:

    * a name written surname first ("Karström Fredrik") in the order the document writes it
      elsewhere ("Fredrik Karström (M)"), also with all given names ("Larsson Gun Yvonne",
      "Ekström Tingberg Jonna" are "Gun Larsson (-)", "Jonna Tingberg (M)" in the attendance
      list), or fewer of them, when one name the document states elsewhere fits
      (``_fuller_or_shorter``); a list that writes the name in the document's order and in full
      ("Lena Lindström Olinder", "Lena Olinder (M)" in a § title) keeps its own form, as the page
      shows it (the shorter form still finds the member: ``corpus.members`` joins the two);
    * the serving substitute in the seat of a member the attendance list says was replaced for
      this § ("Camilla Cronsjö (M) för Michelle Vithal Bergström (KD), § 41");
    * a code no registry or the document knows ("Bo Nors (FB)" in a vote list, "(F)" for Fokus
      Bjärred in the attendance list), or none, as the party the document states for that
      member elsewhere, the list's own kept in the note: one party is not counted as two.
    """
    by_tokens = {_tokens(n): n for n in known}
    by_surname: dict[str, list[str]] = {}
    for n in known:
        by_surname.setdefault(n.split()[-1].casefold(), []).append(n)
    number = int(call.item.lstrip("§ ")) if call.item and call.item.lstrip("§ ").isdigit() else None
    fixed = []
    for e in call.entries:
        seat = _tokens(e.name)
        name = by_tokens.get(seat) or _fuller_or_shorter(seat, e.party, local, known, by_surname)
        said = e.name  # the name as the rest of the document states it
        if name and name != e.name:  # (the list's own row stays in the entry's text)
            said, seat = name, _tokens(name)
            if not _in_full(e.name, name):
                e = replace(e, name=name)
        sub = next((s for s in subs if s[2] == seat and (s[3] is None or number in s[3])), None)
        if sub is not None:
            e = replace(e, name=sub[0], party=sub[1], role="tjänstgörande ersättare",
                        note="; ".join(x for x in (e.note, f"in the seat of {e.name}") if x))
            said = e.name
        other = known.get(said)
        if other and other != e.party and (e.party is None or party_value(e.party, local)[0] is None):
            said = f"{e.party} in the list" if e.party else "party as the document states it elsewhere"
            e = replace(e, party=other, note="; ".join(x for x in (e.note, said) if x))
        fixed.append(e)
    return replace(call, entries=tuple(fixed))


def _in_full(listed: str, said: str) -> bool:
    """Whether a list's name is a fuller form of the name said elsewhere, in the same order: its
    first and last words are the other's, and it holds every other word ("Lena Lindström
    Olinder" of "Lena Olinder"; not "Larsson Gun Yvonne" of "Gun Larsson", written surname first)."""
    a, b = listed.casefold().split(), said.casefold().split()
    return len(a) > len(b) >= 2 and a[0] == b[0] and a[-1] == b[-1] and set(b) <= set(a)


def _fuller_or_shorter(seat: frozenset[str], party: str | None, local: dict[str, str], known: dict[str, str],
                       by_surname: dict[str, list[str]]) -> str | None:
    """The one name stated elsewhere in the document (given name first: its last word is the
    surname) whose words are all in the list's name, or that has all the list's words, with its
    surname among the list's words and no other party than the list's; None if none or several
    ("Larsson Gun Yvonne" is "Gun Larsson", not when a "Yvonne Larsson" is named too)."""
    if len(seat) < 2:
        return None
    said = party_value(party, local)[0] if party else None
    found = []
    for word in seat:
        for name in by_surname.get(word, ()):
            toks = _tokens(name)
            if len(toks) >= 2 and (toks < seat or seat < toks) and (
                    said is None or known[name] in (None, said)):
                found.append(name)
    return found[0] if len(set(found)) == 1 else None


def one_code_per_party(calls: list[RollCall], text: str, local: dict[str, str]) -> list[RollCall]:
    """The lists' own local code ("Bo Nors (FB)" in Lomma's vote lists) as the code the rest of
    the document gives the same members ("Bo Nors (F)" in the attendance list, "Ulf Richeberg
    (F) yrkar …"), when it gives them that code more often than the lists' own: compare and the
    vote's party columns then count one party once, not as "F" beside "FB". Only a code neither
    the registry nor "(-)" knows is read so; counting outside the lists, because every vote
    repeats its list and would outvote what the protocol's own sentences say. The list's code is
    kept in the note."""
    lists = [(c.start, c.end) for c in calls if c.form != "prose"]
    members: dict[str, set[str]] = {}
    for c in calls:
        for e in c.entries:
            if e.party and e.party != INDEPENDENT and canonical_code(e.party) is None:
                members.setdefault(e.party, set()).add(e.name)
    mapped: dict[str, str] = {}
    for code, names in members.items():
        seen: Counter[str] = Counter()
        for name in names:
            words = r"[ \t\n]+".join(re.escape(w) for w in name.split())
            for m in re.finditer(rf"(?<![\wåäö]){words}[ \t\n]*\((?P<code>[^()\d\n]{{1,6}}?),?\)", text):
                if not any(a <= m.start() < b for a, b in lists):
                    seen[party_value(m.group("code"), local)[0] or m.group("code").strip()] += 1
        if seen:
            top, n = seen.most_common(1)[0]
            if top != code and top != INDEPENDENT and n > seen[code]:
                mapped[code] = top
    if not mapped:
        return calls
    return [replace(c, entries=tuple(
        replace(e, party=mapped[e.party], note="; ".join(x for x in (e.note, f"{e.party} in the list") if x))
        if e.party in mapped else e for e in c.entries)) for c in calls]
