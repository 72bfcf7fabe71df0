"""One passage, shown once: the same text standing in several places is one hit.

Municipal records repeat themselves word for word. A § of kommunstyrelsen's protocol is sent
on as a protokollsutdrag and attached to the next body's papers; a motion left on the table
("Ärendet bordläggs") is the same text at every meeting until it is decided; a protocol is
published twice under two file names. Shown as separate hits, such copies fill the first
five places with one answer and push the next answer out of sight. A copy is folded into the
best-ranked passage with the same words (case, spacing and punctuation aside), and the hit
says where else it stands (``Hit.also_in``), so a user can cite either and sees that the
matter came up more than once.

Only the same text is folded: a passage that says more, or less, is a different passage.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

__all__ = ["fold_copies", "passage_key", "rows_text"]

_NOT_WORD = re.compile(r"[\W_]+")
# a key is only worth comparing for a passage of some length: two three-word table headings
# that read alike are not one statement found twice
MIN_KEY_CHARS = 40

R = TypeVar("R")


def passage_key(text: str) -> str:
    """The passage's words in lower case, one space apart: what two copies share."""
    return _NOT_WORD.sub(" ", text.lower()).strip()


def fold_copies(ranked: Sequence[R], text_of: Callable[[R], str | None], limit: int) -> list[tuple[R, list[R]]]:
    """The first ``limit`` distinct passages of ``ranked`` (best first), each with the later
    candidates that are its copies (in rank order, looked for among all of ``ranked``).
    ``text_of`` gives a candidate's text, or None for one that cannot be shown (skipped)."""
    groups: list[tuple[R, list[R]]] = []
    by_key: dict[str, int] = {}
    for r in ranked:
        text = text_of(r)
        if text is None:
            continue
        key = passage_key(text)
        at = by_key.get(key) if len(key) >= MIN_KEY_CHARS else None
        if at is not None:
            groups[at][1].append(r)
        elif len(groups) < limit:
            if len(key) >= MIN_KEY_CHARS:
                by_key[key] = len(groups)
            groups.append((r, []))
    return groups


def rows_text(rows: Mapping[int, Any]) -> Callable[[Any], str | None]:
    """``text_of`` for ranked candidates whose chunk rows are in ``rows`` (by chunk id)."""
    def text_of(r: Any) -> str | None:
        row = rows.get(r.chunk_id)
        return None if row is None else str(row["text"])
    return text_of
