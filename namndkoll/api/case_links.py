"""A case followed across bodies that each give it their own diarienummer: Tekniska nämnden's
2026.067 TEN becomes Kommunstyrelsen's 2026.266 KS, and KS § 113 says "Tekniska nämnden har den
18 maj 2026, § 28 behandlat ärendet" and lists "§ 28 TEN" among its papers. A § joins the case
when a step's text names it (or it names a step) by body and number, the body resolved the way
the corpus names its committees, and the number (with the date, where written) names exactly
one stored § — never by a title's likeness.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Any

from ..corpus.base import Store
from ..corpus.web import dnr_key
from ..extract.case_refs import LIST_TITLE, CaseRef, case_refs, may_name
from ..ingest.committee_initials import initials_skip
from ..types import Document

__all__ = ["joined_steps"]

# a § naming more stored §§ than this is a list (of papers sent on, of meddelanden), no step
_MAX_TARGETS = 4
_MAX_STEPS = 40
# an undated "§ 28 TEN" names a § of the year before the naming § at most
_UNDATED_DAYS = 366
# a case's later steps stand within this many years of the § they name
_NAMING_YEARS = 3

# a register's code before the year ("GSF-2025-01221") or after the number ("2026.067 TEN")
_CODE_FIRST = re.compile(r"([A-ZÅÄÖ]{2,6})[ -–](?:19|20)\d\d[-–/]\d")
_CODE_LAST = re.compile(r"\d\s([A-ZÅÄÖ]{2,6})$")

# (document id, § number, where the § starts): a document bundling several bodies' extracts may
# hold two §§ of one number
Node = tuple[int, str, int]


class _Linker:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.docs: dict[int, Document] = {}
        self.items: dict[tuple[str | None, str], list[dict[str, Any]]] = {}
        self.bodies: dict[str | None, list[tuple[str, str | None]]] = {}

    def doc(self, document_id: int) -> Document:
        if document_id not in self.docs:
            self.docs[document_id] = self.store.load_document(document_id)
        return self.docs[document_id]

    def numbered(self, municipality: str | None, number: str) -> list[dict[str, Any]]:
        key = (municipality, number)
        if key not in self.items:
            self.items[key] = self.store.numbered_items(municipality, number)
        return self.items[key]

    def row(self, municipality: str | None, node: Node) -> dict[str, Any] | None:
        return next((r for r in self.numbered(municipality, node[1])
                     if r["document_id"] == node[0] and r["start"] == node[2]), None)

    def body(self, municipality: str | None, ref: CaseRef) -> str | None:
        """The stored committee a reference names: its name in any case ("kommunfullmäktige"), or
        initials that spell exactly one body's name (KS, KSAU), else the one body whose §§'
        own diarienummer carry them as their register's code ("2026.067 TEN": Tekniska nämnden;
        "GSF-2025-01221" of Göteborg's grundskolenämnden for "GSN")."""
        if municipality not in self.bodies:
            self.bodies[municipality] = self.store.body_numbers(municipality)
        pairs = self.bodies[municipality]
        names = sorted({c for c, _ in pairs})
        if not ref.initials:
            want = ref.body.casefold()
            return next((c for c in names if c.casefold() == want), None)
        fits = {c: k for c in names if (k := initials_skip(ref.body, c)) is not None}
        if fits:
            best = min(fits.values())
            found = [c for c, k in fits.items() if k == best]
            return found[0] if len(found) == 1 else None
        counts: dict[str, int] = {}
        for c, dnr in pairs:
            if dnr and _codes_body(dnr, ref.body):
                counts[c] = counts.get(c, 0) + 1
        total = sum(counts.values())
        top = max(counts.items(), key=lambda kv: kv[1], default=None)
        return top[0] if top and top[1] * 2 > total else None

    def target(self, municipality: str | None, ref: CaseRef, when: str | None) -> Node | None:
        body = self.body(municipality, ref)
        if body is None:
            return None
        rows = [r for r in self.numbered(municipality, ref.number) if r["committee"] == body]
        if ref.date:
            rows = [r for r in rows if r["date"] == ref.date]
        else:
            rows = [r for r in rows if r["date"] and when and 0 <= _days(r["date"], when) <= _UNDATED_DAYS]
        nodes = {(int(r["document_id"]), str(r["item"]), int(r["start"])) for r in rows}
        return nodes.pop() if len(nodes) == 1 else None

    def named(self, municipality: str | None, node: Node) -> list[tuple[Node, CaseRef]]:
        """The §§ of other meetings that § ``node`` says handled its case; none for a list §."""
        row = self.row(municipality, node)
        doc = self.doc(node[0])
        item = next((i for i in doc.items if i.number == node[1] and i.start == node[2]), None)
        if row is None or item is None or LIST_TITLE.search(item.title or ""):
            return []
        found: dict[Node, CaseRef] = {}
        for ref in case_refs(doc.text[item.start:item.end]):
            t = self.target(municipality, ref, row["date"])
            if t is None or t == node or t in found or _other_case(row, self.row(municipality, t)):
                continue
            found[t] = CaseRef(ref.body, ref.number, ref.date, ref.initials, item.start + ref.start,
                               item.start + ref.end, ref.text)
        return list(found.items()) if len(found) <= _MAX_TARGETS else []

    def naming(self, municipality: str | None, node: Node) -> list[tuple[Node, CaseRef]]:
        """The §§ whose text names § ``node`` as a step of their case."""
        out = []
        row = self.row(municipality, node)
        when = (row or {}).get("date")
        # a later meeting names an earlier one: documents from the §'s meeting on, a few years
        since, until = (when, _years_later(when, _NAMING_YEARS)) if when else (None, None)
        pages = self.store.documents_naming_item(municipality, node[1], since, until)
        # a page that writes "§ 28" in no form of a reference to a § 28 is not read further
        candidates = dict.fromkeys(d for d, text in pages if may_name(text, node[1]))
        for document_id in candidates:
            for item in self.doc(document_id).items:
                other = (document_id, item.number, item.start)
                if other == node:
                    continue
                for t, ref in self.named(municipality, other):
                    if t == node:
                        out.append((other, ref))
        return out


def _codes_body(dnr: str, initials: str) -> bool:
    """Whether a diarienummer carries the code of the body ``initials`` name: Alingsås writes the
    body's code last ("2026.067 TEN"), Göteborg the code of the office that prepares the body's
    cases first ("GSF-2025-01221": grundskoleförvaltningen, for grundskolenämnden's "GSN"; "SFF"
    for "SFN"), the nämnd's N a förvaltning's F."""
    abbr = initials.upper()
    m = _CODE_FIRST.match(dnr.upper()) or _CODE_LAST.search(dnr.upper())
    if m is None:
        return False
    code = m.group(1)
    return code == abbr or (len(abbr) >= 3 and abbr.endswith("N") and code == abbr[:-1] + "F")


def _other_case(row: dict[str, Any], other: dict[str, Any] | None) -> bool:
    """Whether two §§ of one body carry two numbers of its own: a body numbers a case once, so
    Stadsfastighetsnämnden's yttrande over an audit remark (SFF-2025-00571) that names the
    decision remarked on (SFF-2025-00146, "SFN 2025-02-26 § 27") is another case."""
    if other is None or row["committee"] != other["committee"] or not row["dnr"] or not other["dnr"]:
        return False
    return dnr_key(row["dnr"]) != dnr_key(other["dnr"])


def _years_later(when: str, years: int) -> str | None:
    try:
        d = Date.fromisoformat(when[:10])
    except ValueError:
        return None
    return f"{d.year + years:04d}{when[4:10]}"


def _days(earlier: str, later: str) -> int:
    try:
        return (Date.fromisoformat(later[:10]) - Date.fromisoformat(earlier[:10])).days
    except ValueError:
        return -1


def joined_steps(store: Store, entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The §§ joined to a case's entries through references between §§ (both ways, step by step),
    each as ``Store.case_step`` gives it with ``joined``: the reference that joined it (its text,
    and the § and page where it stands)."""
    linker = _Linker(store)
    seeds: dict[Node, str | None] = {}
    for e in entries:
        if not e.get("item") or e.get("mentioned"):
            continue
        # an entry's span is its §'s (or, for a § found by the number in its heading, that
        # number's): the § it stands in
        item = linker.doc(int(e["document_id"])).item_of(int(e["start"] or 0))
        if item is not None and item.number == str(e["item"]):
            seeds[(int(e["document_id"]), item.number, item.start)] = e.get("municipality")
    seen = set(seeds)
    queue = list(seeds.items())
    out: list[dict[str, Any]] = []
    while queue and len(seen) < _MAX_STEPS:
        node, municipality = queue.pop(0)
        links = [(t, ref, node) for t, ref in linker.named(municipality, node)]
        links += [(other, ref, other) for other, ref in linker.naming(municipality, node)]
        for new, ref, where in links:
            if new in seen:
                continue
            row = linker.row(municipality, new)
            step = store.case_step(int(row["item_id"])) if row else None
            if step is None:
                continue
            seen.add(new)
            if not LIST_TITLE.search(step.get("item_title") or ""):
                # "Anmälda initiativärenden", "Meddelanden": joined, but no hub for other cases
                queue.append((new, municipality))
            at = linker.row(municipality, where) or {}
            doc = linker.doc(where[0])
            step["joined"] = {"ref": ref.text, "document_id": where[0], "item": where[1],
                              "committee": at.get("committee"), "date": at.get("date"),
                              "page": doc.page_of(ref.start), "start": ref.start, "end": ref.end}
            out.append(step)
    return out
