"""The places and years a question names, and whether a passage is about them (``question.py``
reads them into ``Question.places`` and ``Question.years``; ``hybrid.py`` and the grounds check
passages against them).

The places are Sweden's 290 municipalities and 21 regions (``ingest/data/organisations.tsv``,
read as data) plus every body the corpus itself holds (a kommunalförbund, a Finnish town).
A place name that is also a common word ("Mark", "Lund", "Vara") or of four letters or fewer
("Ale", "Hjo") counts only written with a capital letter inside the query or with
"kommun"/"stad" after it.
"""

from __future__ import annotations

import importlib.resources
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .terms import fold

if TYPE_CHECKING:
    from .question import Question

__all__ = ["PLACE_SUFFIXES", "TOKEN", "YEAR", "Place", "mentions_place", "mentions_year", "place_consistent",
           "place_key", "place_word", "places_in", "years_in"]


@dataclass(frozen=True)
class Place:
    phrase: str  # as the query has it ("Göteborgs", "alingsas", "Västra Götaland")
    names: frozenset[str]  # the stored body names it stands for ("Gotland", "Region Gotland")
    forms: tuple[str, ...]  # folded forms to find in a passage ("goteborg", "goteborgs")


YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_SUFFIXES = ("kommun", "stad", "kommuns", "stads")
# the words after a place's name that make it the body's ("Göteborgs Stad", "Alingsås kommun")
PLACE_SUFFIXES = frozenset(_SUFFIXES)
# place names that are also everyday words ("en lund", "ett berg", "boden"); names of four letters
# or fewer ("Ale", "Hjo", "Umeå") and the common words of ingest/data/sv_common.txt count the same way
_WORDS = frozenset(["berg", "boden", "kil", "lund", "skara", "säter", "sala", "tanum", "mora"])
TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")  # a word of a query


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Folded place forms -> the body names they stand for; and forms that are common words."""
    root = importlib.resources.files("namndkoll")
    rows = root.joinpath("ingest", "data", "organisations.tsv").read_text("utf-8")
    common = set(root.joinpath("ingest", "data", "sv_common.txt").read_text("utf-8").split())
    forms: dict[str, set[str]] = {}
    for line in rows.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, _code, name, genitive, _suffix, _county, aliases = (line.split("\t") + [""] * 7)[:7]
        keys = {name, genitive} if kind == "kommun" else {name, *aliases.split(";")}
        if kind == "region":  # "Region Gotland" is also "Gotland", "Västra Götalandsregionen" "Västra Götaland"
            short = name.removeprefix("Region ").removesuffix(" län")
            if short.endswith("sregionen"):
                short = short.removesuffix("sregionen")
            keys |= {short, short + "s"}
        for k in keys - {""}:
            forms.setdefault(place_key(k), set()).add(name)
    frozen = {k: frozenset(v) for k, v in forms.items()}
    return frozen, frozenset(k for k in frozen if k in common or k in _WORDS or len(k) <= 4)


def place_key(name: str) -> str:
    """A place name as the table keys it: folded, lower case, a hyphen a space."""
    return fold(name.casefold()).replace("-", " ")


def _place_forms(bodies: Iterable[str]) -> dict[str, frozenset[str]]:
    forms = dict(_table()[0])
    for b in bodies:  # the corpus's own bodies: "Tolkförmedling Väst", "Nykarleby"
        key = place_key(b)
        forms[key] = forms.get(key, frozenset()) | {b}
        forms.setdefault(key + "s", frozenset({b}))
    return forms


def places_in(query: str, bodies: Iterable[str] = ()) -> tuple[Place, ...]:
    """The places ``query`` names, in its order (``Question.places``), a name of three words or two
    read before the words inside it; ``bodies``: the municipality values the corpus stores."""
    forms = _place_forms(bodies)
    common = _table()[1]
    toks = [(m.group(0), m.start()) for m in TOKEN.finditer(query)]
    found: list[tuple[int, int, Place]] = []
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            phrase = query[toks[i][1]:toks[i + n - 1][1] + len(toks[i + n - 1][0])]
            key = place_key(" ".join(t for t, _ in toks[i:i + n]))
            if key not in forms or any(s <= i < e or s < i + n <= e for s, e, _ in found):
                continue
            if key in common:  # "mark", "lund": a place only as a name
                after = toks[i + n][0].casefold() if i + n < len(toks) else ""
                if not ((phrase[0].isupper() and i > 0) or after in _SUFFIXES):
                    continue
            found.append((i, i + n, Place(phrase, forms[key], _forms_of(forms[key], key))))
    return tuple(p for _, _, p in sorted(found, key=lambda f: f[0]))


def _forms_of(names: frozenset[str], typed: str) -> tuple[str, ...]:
    out = {typed}
    for n in names:
        f = fold(n.casefold())
        out.add(f)
        if f.startswith("region "):
            out.add(f.removeprefix("region "))
        if f.endswith("regionen"):
            out.add(f.removesuffix("regionen").strip())
    return tuple(sorted(out))


def mentions_place(place: Place, text: str) -> bool:
    """Whether ``text`` names the place, in any of its forms and their genitive."""
    return _place_rx(place.forms).search(_folded(text)) is not None


def place_word(place: Place, word: str) -> bool:
    """Whether a query's ``word`` names ``place``: a form of it, or one word of a place named by
    several ("tolkförmedling" and "väst" of "Tolkförmedling Väst": no word alone mentions it)."""
    if mentions_place(place, word):
        return True
    w = _folded(word)
    return any(w in f.split() for f in place.forms if " " in f)


@lru_cache(maxsize=2048)
def _folded(text: str) -> str:
    # remembered: a query asks it of each candidate's text twice or more (``place_consistent``,
    # ``grounds.names_own_place``, once per place), and casefold + fold of a passage is not free
    return fold(text.casefold())


@lru_cache(maxsize=256)
def _place_rx(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|:s|en|ens)?(?![\w])")


def years_in(text: str) -> set[int]:
    """Years a text names, a span "2027–2029" counting for every year in it."""
    return set(_years_in(text))


@lru_cache(maxsize=2048)
def _years_in(text: str) -> frozenset[int]:
    # remembered: a query asks it of each candidate (``mentions_year``), and the next query of
    # many of the same passages; a copy is handed out, as callers add to it
    out = {int(y) for y in YEAR.findall(text)}
    for a, b in _RANGE.findall(text):
        if 0 < int(b) - int(a) <= 30:
            out |= set(range(int(a), int(b) + 1))
    return frozenset(out)


def mentions_year(years: Iterable[int], text: str, date: str | None = None) -> bool:
    """Whether a passage (with its title) or its document's date is about one of ``years``."""
    have = years_in(text)
    if date and date[:4].isdigit():
        have.add(int(date[:4]))
    return any(y in have for y in years)


def place_consistent(q: Question, row: Mapping[str, Any],
                     doc_mentions: Callable[[Place, int], bool] | None = None) -> bool:
    """Whether a passage can be about the places the question names: its document is that
    body's, or the passage names the place, or its document is not one municipality's (a
    region's, a kommunalförbund's) and names it somewhere (``doc_mentions(place, document_id)``).
    One place that fits is enough, but where the question names several, a document that never
    names one of the others, and is not its body's, cannot be about it (issue 11, dev10: "vem
    sitter för malmö i tolkförmedling västs direktion" and the förbund's report, which names its
    member towns only)."""
    if not q.places:
        return True
    body = row["municipality"]
    if body is None:
        return True  # who wrote it is not known: nothing contradicts the question
    text = f"{row['text']}\n{row['context'] or ''}"
    doc = int(row["document_id"])
    if not any(body in p.names or mentions_place(p, text)
               or (row["org_kind"] != "kommun" and doc_mentions is not None and doc_mentions(p, doc))
               for p in q.places):
        return False
    return len(q.places) < 2 or doc_mentions is None or all(
        body in p.names or mentions_place(p, text) or doc_mentions(p, doc) for p in q.places)
