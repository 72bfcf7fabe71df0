"""Footnote marks in a document's text: how the reader writes them, and the text without them.

A footnote's mark is set smaller and raised after a word ("riktlinje¹", "2023/2024⁶"). The PDF
reader keeps it apart from the word as superscript digits after a space ("riktlinje ¹",
"2024 ⁶": ``ingest/pdf_runs.py``): a quote still shows a mark, not a figure of the sentence, and
the word or year is a word again for the keyword index. A raised 2 or 3 after a unit of length
is no mark and stays a digit ("m3", "km2").

What the search model embeds is the text without the marks (``without_marks``): a mark says
where a footnote is, nothing of what the passage is about. The figure reader passes over a mark
after a number (``extract/figure_numbers.py``), and so does the evidence a search weighs (a
mark is no figure that answers "Hur många …").
"""

from __future__ import annotations

import re

__all__ = ["FOOTNOTE_MARK", "SUPERSCRIPT_DIGITS", "marks_as_digits", "without_marks"]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a mark as the reader writes it: superscript digits after a space, not glued to what follows
# (a superscript the PDF itself holds as a character, "m²", has no space before it)
FOOTNOTE_MARK = re.compile(rf"[ \t][{SUPERSCRIPT_DIGITS}]+(?![\w])")
_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")


def without_marks(text: str) -> str:
    """``text`` without its footnote marks: "riktlinje ¹ avseende" -> "riktlinje avseende",
    "råd ². Exempelvis" -> "råd. Exempelvis"."""
    return FOOTNOTE_MARK.sub("", text) if any(c in text for c in SUPERSCRIPT_DIGITS) else text


def marks_as_digits(text: str) -> str:
    """``text`` with each footnote mark as plain digits after the space ("riktlinje ¹" ->
    "riktlinje 1"): what a number reader saw of it before the reader set marks apart."""
    if not any(c in text for c in SUPERSCRIPT_DIGITS):
        return text
    return FOOTNOTE_MARK.sub(lambda m: m.group().translate(_DIGITS), text)
