"""A motion (or a member's initiativärende) as a document of its own — the party's paper, without §§ and most often without a
diarienummer (the register gives the number when it comes in) — joined to the case of the § that
handles it: the kommunfullmäktige § it was handed in at ("Motion av Amanda Andersson (MP) om att
införa laddstationer"), the § that answers it ("Svar på motion gällande att stärka stödet till
det ukrainska folket - Anton César (S) och Leif Hansson (S)").

A motion carrying a diarienummer is found by it (``Store.case_entries``). One without is joined
when a § of the case says it handles a motion, every content word of the motion's title stands in
that §'s title, and every person the motion names (its signers) is named in the § — never by a
title's likeness alone. An initiativärende (the paper members hand in to a nämnd or the
kommunstyrelse) joins the same way the § that handles it ("Initiativärende till kommunstyrelsen
gällande utredning av utökad parkeringskapacitet vid Nolhaga - Jan-Erik Wallin (M) med flera"):
its title often asks in the imperative what the § names as a noun ("Utred …" for "utredning av
…"), so a word of five letters or more stands in the § title when it begins one of its words.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..corpus.base import Store

__all__ = ["joined_motions"]

# a § that handles a motion or an initiativärende: handed in, sent on, answered
_MOTION_ITEM = re.compile(r"\b(?:motion|initiativ)", re.IGNORECASE)
# the papers joined so: a party's motion, members' initiativärende
_PAPERS = ("motion", "initiativarende")
# the words a paper's title opens with that no § title repeats ("Motion till kommunfullmäktige om")
_OPENING = re.compile(r"^\s*(?:motion|initiativ(?:ärende)?)(?:\s+till\s+\w+)?"
                      r"(?:\s+(?:om|gällande|angående|avseende|kring))?\s*[:\-–]?\s*", re.IGNORECASE)
# a word this long stands in a § title when it begins one of its words ("utred" in "utredning")
_STEM_LETTERS = 5
_SMALL = {"att", "och", "om", "i", "på", "för", "till", "av", "med", "det", "den", "de", "en", "ett", "som",
          "samt", "vid", "från", "gällande", "angående", "avseende", "kring", "inom", "under", "är", "ska"}
# a title of fewer content words says too little to be the motion's
_MIN_WORDS = 2


def _fold(text: str) -> str:
    """Lower case, no accents ("Cesár" is "César" is "cesar"), one space between words."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) or c in "\u030a\u0308")
    return " ".join(re.findall(r"\w+", unicodedata.normalize("NFC", kept)))


def _content_words(title: str) -> set[str]:
    return {w for w in _fold(_OPENING.sub("", title)).split() if w not in _SMALL and not w.isdigit()}


def _title_words(title: str) -> set[str]:
    return set(_fold(title).split())


def _held(words: set[str], item_words: set[str]) -> bool:
    """Whether every one of a paper's title ``words`` stands among a § title's words
    (``_title_words``): the word itself, or, five letters or more, the beginning of one of them."""
    return all(w in item_words or (len(w) >= _STEM_LETTERS and any(t.startswith(w) for t in item_words))
               for w in words)


def _names_all(text: str, names: list[str]) -> bool:
    folded = f" {_fold(text)} "
    return bool(names) and all(f" {_fold(n)} " in folded for n in names)


def joined_motions(store: Store, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The motion documents (no §§, no diarienummer of the case) that a handled § of the case
    takes up, each shaped as a document entry of ``Store.case_entries`` with ``joined``: the §
    whose title names it."""
    shown = {e["document_id"] for e in entries}
    out: list[dict[str, Any]] = []
    motions: dict[str | None, list[Any]] = {}
    for e in sorted(entries, key=lambda e: (e["date"] is None, e["date"] or "")):
        if not e.get("item") or e.get("mentioned") or not _MOTION_ITEM.search(e.get("item_title") or ""):
            continue
        municipality = e.get("municipality")
        if municipality not in motions:
            motions[municipality] = [d for kind in _PAPERS
                                     for d in store.list_documents(municipality=municipality, doc_type=kind)
                                     if d.items == 0 and d.municipality == municipality]
        item_words = _title_words(e["item_title"])
        doc = None  # the § protocol, loaded once a paper's title words stand in the § title
        for m in motions[municipality]:
            if m.id in shown or (m.date and e["date"] and m.date > e["date"]):
                continue
            words = _content_words(m.title or "")
            if len(words) < _MIN_WORDS or not _held(words, item_words):
                continue
            if doc is None:
                doc = store.load_document(int(e["document_id"]))
                item_text = doc.text[int(e["start"] or 0):int(e["end"] or 0)]
            people = list(dict.fromkeys(p["name"] for p in store.list_extracted("people", document=m.id)))
            if not _names_all(item_text, people):
                continue
            shown.add(m.id)
            out.append(_entry(store, m, e, doc))
    return out


def _entry(store: Store, m: Any, by: dict[str, Any], doc: Any) -> dict[str, Any]:
    # the § title's place in the § text: where the reference that joined the motion stands
    head = doc.text.find(by["item_title"].split()[0], int(by["start"] or 0))
    start = head if 0 <= head < int(by["end"] or 0) else int(by["start"] or 0)
    return {"document_id": m.id, "source": m.source, "title": m.title, "municipality": m.municipality,
            "committee": m.committee, "doc_type": m.doc_type, "kind": m.kind, "date": m.date, "pages": m.pages,
            "dnr": None, "item_id": None, "item": None, "item_title": None, "page_start": 1, "start": None,
            "end": None, "decisions": [], "votes": [],
            "positions": store.list_extracted("positions", document=m.id),
            "joined": {"ref": by["item_title"], "document_id": by["document_id"], "item": by["item"],
                       "committee": by["committee"], "date": by["date"], "page": doc.page_of(start),
                       "start": start, "end": start + len(by["item_title"])}}
