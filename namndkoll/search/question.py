"""What a question asks about and what kind of answer it wants, read from its words.

Two uses. **Structure**: a question that names a municipality, region or year asks about that
body or year; a passage from another body's document that never names it, or from a year the
passage, its title and its document's date never mention, cannot answer it however close its
wording ("Hur röstade kommunfullmäktige i Uppsala …" on a corpus without Uppsala, "… år 2030"
on frames for 2027–2029). **Kind**: "Hur röstade …" wants a vote, "Vem …" a person, "Hur
mycket/många …" a figure, "När …" a date; a passage holding that kind of thing is likelier to be
the answer (a prior for the order, never a filter).

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
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .terms import fold

__all__ = ["Place", "Question", "mentions_place", "mentions_year", "place_consistent", "read_question",
           "years_in"]


@dataclass(frozen=True)
class Place:
    phrase: str  # as the query has it ("Göteborgs", "alingsas", "Västra Götaland")
    names: frozenset[str]  # the stored body names it stands for ("Gotland", "Region Gotland")
    forms: tuple[str, ...]  # folded forms to find in a passage ("goteborg", "goteborgs")


@dataclass(frozen=True)
class Question:
    places: tuple[Place, ...] = ()
    years: tuple[int, ...] = ()
    kinds: frozenset[str] = field(default_factory=frozenset)  # vote, who, figure, date, party


_KINDS = {
    "vote": re.compile(r"\b(röstade|röstar|rösta|omröstning\w*|votering\w*|röster|röstsiffr\w*|"
                       r"ja-röst\w*|nej-röst\w*)\b", re.IGNORECASE),
    "who": re.compile(r"^\W*(vem|vems)\b|\bvilka\s+(ledamöter|ledamot|politiker|personer|ersättare|"
                      r"ordförande)\b", re.IGNORECASE),
    "figure": re.compile(r"\bhur\s+(många|mycket|stor|stort|stora|hög|högt|höga|lång|långt|länge)\b|"
                         r"\bvad\s+(kostar|kostade)\b|\b(kostnad\w*|belopp\w*|antal\w*|andel\w*|procent\w*|"
                         r"mnkr|tkr|kronor|summa|ram|ramar|resultat\w*)\b", re.IGNORECASE),
    "date": re.compile(r"^\W*när\b|\bvilket\s+datum\b|\bvilken\s+dag\b", re.IGNORECASE),
    "party": re.compile(r"\bvilka\s+partier\b|\bvilket\s+parti\b", re.IGNORECASE),
}
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")
_TOKEN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")
_SUFFIXES = ("kommun", "stad", "kommuns", "stads")
# place names that are also everyday words ("en lund", "ett berg", "boden"); names of four letters
# or fewer ("Ale", "Hjo", "Umeå") and the common words of ingest/data/sv_common.txt count the same way
_WORDS = frozenset(["berg", "boden", "kil", "lund", "skara", "säter", "sala", "tanum", "mora"])


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
            forms.setdefault(_key(k), set()).add(name)
    frozen = {k: frozenset(v) for k, v in forms.items()}
    return frozen, frozenset(k for k in frozen if k in common or k in _WORDS or len(k) <= 4)


def _key(name: str) -> str:
    return fold(name.casefold()).replace("-", " ")


def _place_forms(bodies: Iterable[str]) -> dict[str, frozenset[str]]:
    forms = dict(_table()[0])
    for b in bodies:  # the corpus's own bodies: "Tolkförmedling Väst", "Nykarleby"
        key = _key(b)
        forms[key] = forms.get(key, frozenset()) | {b}
        forms.setdefault(key + "s", frozenset({b}))
    return forms


def read_question(query: str, bodies: Iterable[str] = ()) -> Question:
    """The places, years and kinds of answer ``query`` names; ``bodies``: the municipality
    values the corpus stores (so that its own kommunalförbund and foreign towns count)."""
    forms = _place_forms(bodies)
    common = _table()[1]
    toks = [(m.group(0), m.start()) for m in _TOKEN.finditer(query)]
    found: list[tuple[int, int, Place]] = []
    for n in (3, 2, 1):
        for i in range(len(toks) - n + 1):
            phrase = query[toks[i][1]:toks[i + n - 1][1] + len(toks[i + n - 1][0])]
            key = _key(" ".join(t for t, _ in toks[i:i + n]))
            if key not in forms or any(s <= i < e or s < i + n <= e for s, e, _ in found):
                continue
            if key in common:  # "mark", "lund": a place only as a name
                after = toks[i + n][0].casefold() if i + n < len(toks) else ""
                if not ((phrase[0].isupper() and i > 0) or after in _SUFFIXES):
                    continue
            found.append((i, i + n, Place(phrase, forms[key], _forms_of(forms[key], key))))
    years = {int(y) for y in _YEAR.findall(query)}
    kinds = frozenset(k for k, rx in _KINDS.items() if rx.search(query))
    return Question(tuple(p for _, _, p in sorted(found, key=lambda f: f[0])), tuple(sorted(years)), kinds)


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
    return _place_rx(place.forms).search(fold(text.casefold())) is not None


@lru_cache(maxsize=256)
def _place_rx(forms: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?:s|:s|en|ens)?(?![\w])")


def years_in(text: str) -> set[int]:
    """Years a text names, a span "2027–2029" counting for every year in it."""
    out = {int(y) for y in _YEAR.findall(text)}
    for a, b in _RANGE.findall(text):
        if 0 < int(b) - int(a) <= 30:
            out |= set(range(int(a), int(b) + 1))
    return out


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
    region's, a kommunalförbund's) and names it somewhere (``doc_mentions(place, document_id)``)."""
    if not q.places:
        return True
    body = row["municipality"]
    if body is None:
        return True  # who wrote it is not known: nothing contradicts the question
    text = f"{row['text']}\n{row['context'] or ''}"
    for p in q.places:
        if body in p.names or mentions_place(p, text):
            return True
        if row["org_kind"] != "kommun" and doc_mentions is not None and doc_mentions(p, int(row["document_id"])):
            return True
    return False
