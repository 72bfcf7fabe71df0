"""How a name typed in a filter is compared with the stored names of bodies and committees.

A user types ``--municipality Goteborg`` on a keyboard without å, ä and ö, ``GÖTEBORG`` with
caps lock, or ``--committee barn- och ungdomsnamnden``. SQLite's ``NOCASE`` and ``LIKE`` fold
only A-Z, so such a filter matched nothing and the answer in the corpus was reported as "no good
match". Names are compared by ``fold_name``: case folded, diacritics dropped (å ä → a, ö → o,
é → e, ü → u), runs of spaces as one, in Python on the stored names (``stored_names``), on
either backend alike; the stored values are what the search's filters and the listings'
conditions (``name_condition``) then select, exactly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import Any

__all__ = ["fold_name", "name_condition", "names_like", "stored_names"]

_SPACE = re.compile(r"\s+")


def fold_name(name: str) -> str:
    """``name`` compared loosely: case folded, diacritics dropped, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _SPACE.sub(" ", bare.replace("æ", "a").replace("ø", "o")).strip()


def names_like(stored: Iterable[str | None], typed: str, *, part: bool) -> tuple[str, ...]:
    """The stored names (sorted, each once) that are ``typed`` (``part``: that contain it),
    compared by ``fold_name``; when none is, those that are ``typed`` without a genitive -s, as
    Swedish writes a body's name before what it owns ("Kommunstyrelsens", "tekniska nämndens",
    "Lunds"): never when the name as typed is stored ("Alingsås", "Borås")."""
    names = [s for s in stored if s]
    want = fold_name(typed)

    def like(w: str) -> set[str]:
        return {s for s in names if (w in fold_name(s) if part else fold_name(s) == w)}

    out = like(want)
    if not out and len(want) > 3 and want.endswith("s") and not want.endswith("ss"):
        out = like(want[:-1])
    return tuple(sorted(out))


def stored_names(conn: Any, column: str) -> list[str]:
    """The distinct names a corpus stores in ``column`` of its documents ("municipality",
    "committee", "doc_type"); a committee also a bundled protocol extract's, on its §§."""
    also = f" UNION SELECT {column} FROM items" if column == "committee" else ""
    return [r[0] for r in conn.execute(f"SELECT DISTINCT {column} FROM documents{also}") if r[0]]


def name_condition(conn: Any, expr: str, column: str, typed: str, *, part: bool,
                   placeholder: str) -> tuple[str, list[str]]:
    """A SQL condition on ``expr`` (``column``'s value, or an expression of it) and its
    arguments: one of the stored names that are ``typed`` (``part``: contain it), as
    ``names_like`` compares; a condition nothing meets when none is."""
    names = names_like(stored_names(conn, column), typed, part=part)
    if not names:
        return "1 = 0", []
    return f"{expr} IN ({', '.join([placeholder] * len(names))})", list(names)
