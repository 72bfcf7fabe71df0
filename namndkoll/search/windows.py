"""Sentence windows of a passage, for the dense side: a question is usually answered by one
sentence, and a passage's one vector (up to ~1,100 characters, ``chunking.MAX_CHARS``) dilutes it
with the sentences around it. A passage longer than ``WINDOW_CHARS`` is cut into consecutive
windows of whole sentences, none longer than that; each is embedded under the passage's title
(``index.embed_text``) as the passage is, and the closest window's cosine is what the reranker
reads beside the passage's own.

Why this cut: windows do not overlap and are packed greedily, sentence after sentence, so every
sentence lies whole in exactly one window (the one that answers is never split between two) at
the least cost: ~1.6 windows per long passage here, where a window starting at every sentence
would embed ~4. ``WINDOW_CHARS`` = 350 characters (~60 Swedish words, ~100 e5 tokens) holds two
or three of a protocol's sentences: one sentence and what it refers to ("Kommunstyrelsen
föreslår …", "Fullmäktige beslutar enligt förslaget"). A sentence longer than that (a list of
names, a table row read as text) is cut at the last space before it; a tail shorter than
``MIN_TAIL`` joins the window before it, which may then be up to ``MIN_TAIL`` longer. A
passage of at most ``WINDOW_CHARS`` is its own one window: its vector is the passage's.
"""

from __future__ import annotations

import re

__all__ = ["MIN_TAIL", "WINDOW_CHARS", "windows"]

WINDOW_CHARS = 350
MIN_TAIL = 80
# a sentence ends at . ! ? : ; (a closing quote after it) before a capital, a digit, a quote or a
# dash, at a blank line (a paragraph) or before a line that opens a list item ("• Ekonomisk ram
# för …", "– …"): the chunker's own rule (``chunking._SENT``) plus paragraphs and list items
_END = re.compile(r"(?<=[.!?:;”\"])\s+(?=[A-ZÅÄÖ0-9”\"–-])|\n[ \t]*\n+|\s*\n(?=[ \t]*[•▪●◦*–-]\s)")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _END.finditer(text):
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _pieces(text: str, a: int, b: int, limit: int) -> list[tuple[int, int]]:
    """A sentence longer than ``limit`` cut at the last space before each ``limit`` characters."""
    out = []
    while b - a > limit:
        cut = text.rfind(" ", a + 1, a + limit + 1)
        if cut <= a:
            cut = a + limit
        out.append((a, cut))
        a = cut + 1 if text[cut:cut + 1] == " " else cut
    out.append((a, b))
    return out


def windows(text: str, limit: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """The windows of ``text`` as (start, end) spans into it, in order (see the module's
    docstring); one span over the whole text when it is at most ``limit`` long."""
    if len(text.strip()) <= limit:
        return [(0, len(text))]
    parts = [p for a, b in _sentences(text) for p in _pieces(text, a, b, limit)]
    out: list[tuple[int, int]] = []
    for a, b in parts:
        if out and b - out[-1][0] <= limit:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    if len(out) > 1 and out[-1][1] - out[-1][0] < MIN_TAIL:
        out[-2:] = [(out[-2][0], out[-1][1])]
    return out
