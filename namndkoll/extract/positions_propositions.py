"""A yrkande the protocol states only where the chair puts it to the vote: "Ordförande ställer
därefter proposition på frågan om bifall respektive avslag på Sandra Pilemalms yrkande om att
avslå alla utredningsuppdrag förutom nummer sex och sju, varefter …" (Lomma KF 2025-11-13 § 88).
The mover's party is not in the sentence but named with them elsewhere in the document
(``known``); a proposition on a yrkande already read (its content inside a found position) or
on bifall to the proposal on the table adds nothing.
"""

from __future__ import annotations

import re

from ..types import Document, Position
from .regions import item_label

_UP = "A-ZÅÄÖÉ"
# "… proposition på [frågan om bifall respektive avslag på] Sandra Pilemalms yrkande om att …, varefter"
_PUT_RE = re.compile(
    rf"proposition[ \t\n]+på[ \t\n]+(?:frågan[ \t\n]+om[ \t\n]+bifall[ \t\n]+(?:respektive|eller)[ \t\n]+"
    rf"avslag[ \t\n]+på[ \t\n]+)?(?P<name>[{_UP}][\w-]+(?:[ \t\n]+[{_UP}][\w-]+){{1,3}})s[ \t\n]+"
    r"(?:[a-zåäö]*yrkande)[ \t\n]+(?P<what>om[ \t\n]+[^.]{10,400}?)(?=,[ \t\n]+varefter|\.)")
_ON_THE_TABLE = re.compile(r"\bbifall|i[ \t\n]+enlighet[ \t\n]+med[ \t\n]+\w+s[ \t\n]+förslag", re.IGNORECASE)


def proposed(doc: Document, known: dict[str, str], found: list[Position]) -> list[Position]:
    """The yrkanden named only in a proposition sentence, with the mover's party."""
    text = doc.text
    out: list[Position] = []
    for m in _PUT_RE.finditer(text):
        name = " ".join(m.group("name").split())
        party = known.get(name)
        what = " ".join(m.group("what").split())
        if not party or _ON_THE_TABLE.search(what):
            continue
        key = what.lower()
        if any(key in p.text.lower() for p in found):
            continue  # the yrkande was read where it was moved
        start, end = m.start("name"), m.end("what")
        out.append(Position(parties=(party,), kind="yrkande", text=" ".join(text[start:end].split()),
                            page=doc.page_of(start), start=start, end=end,
                            item=item_label(doc, start), people=(name,)))
    return out
