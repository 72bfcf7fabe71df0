"""One passage, shown once: the same text standing in several places is one hit.

Municipal records repeat themselves word for word. A § of kommunstyrelsen's protocol is sent
on as a protokollsutdrag and attached to the next body's papers; a motion left on the table
("Ärendet bordläggs") is the same text at every meeting until it is decided; a protocol is
published twice under two file names. Shown as separate hits, such copies fill the first
five places with one answer and push the next answer out of sight. A copy is folded into the
best-ranked passage with the same words (case, spacing and punctuation aside), and the hit
says where else it stands (``Hit.also_in``), so a user can cite either and sees that the
matter came up more than once.

Only the same text is folded: a passage that says more, or less, is a different passage. And
only the same text about the same matter: a protocol repeats its formulas ("Kommunfullmäktige
beslutar i enlighet med kommunstyrelsens förslag") under many §§, and each is its own decision.
Two passages in §§ with different titles are never folded; one outside any § (a report quoting
a §) folds with the § it repeats.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["fold_copies", "passage_key", "rows_matter", "rows_text", "spread_tables"]

_NOT_WORD = re.compile(r"[\W_]+")
# a key is only worth comparing for a passage of some length: two three-word table headings
# that read alike are not one statement found twice
MIN_KEY_CHARS = 40
# rows of one table (a page's section "table" passages of one document and §) shown before the
# other passages of the same confidence: every cell of a budget table carries its column header
# ("Driftsprognos · Kommunstyrelsen · Budget 2026 · 0,0"), so "budget" found 29 rows of two
# tables before the first protocol § that decided a budget (walk 21)
TABLE_ROWS_FIRST = 2

R = TypeVar("R")


def passage_key(text: str) -> str:
    """The passage's words in lower case, one space apart: what two copies share."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def fold_copies(ranked: Sequence[R], text_of: Callable[[R], str | None], limit: int,
                matter_of: Callable[[R], str | None] | None = None) -> list[tuple[R, list[R]]]:
    """The first ``limit`` distinct passages of ``ranked`` (best first), each with the later
    candidates that are its copies (in rank order, looked for among all of ``ranked``).
    ``text_of`` gives a candidate's text, or None for one that cannot be shown (skipped);
    ``matter_of`` the title of the § it stands in (None outside a §): same words under two
    different titles are two passages."""
    groups: list[tuple[R, list[R]]] = []
    matters: list[set[str]] = []  # per group: the § titles it stands under
    by_key: dict[str, list[int]] = {}
    for r in ranked:
        text = text_of(r)
        if text is None:
            continue
        key = passage_key(text)
        matter = matter_of(r) if matter_of is not None else None
        matter = passage_key(matter) if matter else None
        at = None
        if len(key) >= MIN_KEY_CHARS:
            at = next((g for g in by_key.get(key, ()) if matter is None or not matters[g]
                       or matter in matters[g]), None)
        if at is not None:
            groups[at][1].append(r)
            if matter is not None:
                matters[at].add(matter)
        elif len(groups) < limit:
            if len(key) >= MIN_KEY_CHARS:
                by_key.setdefault(key, []).append(len(groups))
            groups.append((r, []))
            matters.append({matter} if matter is not None else set())
    return groups


def rows_matter(rows: Mapping[int, Any]) -> Callable[[Any], str | None]:
    """``matter_of`` for ranked candidates whose chunk rows are in ``rows``: the § title."""
    def matter_of(r: Any) -> str | None:
        row = rows.get(r.chunk_id)
        return None if row is None or row["item_title"] is None else str(row["item_title"])
    return matter_of


def rows_text(rows: Mapping[int, Any]) -> Callable[[Any], str | None]:
    """``text_of`` for ranked candidates whose chunk rows are in ``rows`` (by chunk id)."""
    def text_of(r: Any) -> str | None:
        row = rows.get(r.chunk_id)
        return None if row is None else str(row["text"])
    return text_of


def spread_tables(ranked: Sequence[R], rows: Mapping[int, Any], per_table: int = TABLE_ROWS_FIRST) -> list[R]:
    """``ranked`` with the rows of each table past its first ``per_table`` moved behind the other
    candidates of their confidence (high ones stay before weak ones): one table's cells are one
    answer's neighbours, not ten answers. A row's table: its document, § and page."""
    seen: dict[tuple[Any, ...], int] = {}
    later: set[int] = set()
    for i, r in enumerate(ranked):
        row = rows.get(r.chunk_id)  # type: ignore[attr-defined]
        if row is None or row["section"] != "table":
            continue
        key = (row["document_id"], row["item"], row["page_start"])
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > per_table:
            later.add(i)
    if not later:
        return list(ranked)
    tier = {"high": 0, "weak": 1}
    order = sorted(range(len(ranked)), key=lambda i: (tier.get(getattr(ranked[i], "confidence", None) or "", 2),
                                                      i in later, i))
    return [ranked[i] for i in order]
