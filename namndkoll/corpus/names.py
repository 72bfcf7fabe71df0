"""How a name typed in a filter is compared with the stored names of bodies and committees.

A user types ``--municipality Goteborg`` on a keyboard without å, ä and ö, ``GÖTEBORG`` with
caps lock, or ``--committee barn- och ungdomsnamnden``. SQLite's ``NOCASE`` and ``LIKE`` fold
only A-Z, so such a filter matched nothing and the answer in the corpus was reported as "no good
match". Names are compared by ``fold_name``: case folded, diacritics dropped (å ä → a, ö → o,
é → e, ü → u), runs of spaces as one. The stored value is what the filter then selects.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = ["FOLD_FROM", "FOLD_TO", "fold_name", "names_like"]

_SPACE = re.compile(r"\s+")
# the same folding as translate() in SQL (PostgreSQL), applied after lower()
FOLD_FROM = "åäöéèêëüáàæøóòíìúù"
FOLD_TO = "aaoeeeeuaaaooooiiuu"


def fold_name(name: str) -> str:
    """``name`` compared loosely: case folded, diacritics dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", bare.replace("æ", "a").replace("ø", "o")).strip()


def names_like(stored: Iterable[str | None], typed: str, *, part: bool) -> tuple[str, ...]:
    """The stored names (sorted, each once) that are ``typed`` (``part``: that contain it),
    compared by ``fold_name``."""
    want = fold_name(typed)
    out = {s for s in stored if s and (want in fold_name(s) if part else fold_name(s) == want)}
    return tuple(sorted(out))
