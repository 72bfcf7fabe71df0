"""Copy-ready citations, and citation packs (Markdown with footnotes, CSV) of selected hits.

A citation names the body, the municipality, the kind of document and its date, the § item,
the diarienummer and the page(s): ``Arbetsmarknadsnämnden, Stockholms stad, protokoll
2020-05-05 § 9, dnr AMN 2020-0104-1.4, s. 2``. Parts that are unknown are left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..types import Hit, Metadata, doc_kind_name


def pages_label(page: int, page_end: int) -> str:
    return f"s. {page}" if page_end <= page else f"s. {page}–{page_end}"


def last_page(row: dict[str, Any]) -> int:
    """The page a stored row's span ends on (its ``page_end``, ``corpus.extractions.PAGE_END``),
    never before the page it starts on: a reservation announced on one page and written out on
    the next is cited over both."""
    return max(row["page"], row.get("page_end") or row["page"])


def format_citation(
    md: Metadata, *, item: str | None, page: int, page_end: int, diarienummer: Sequence[str] = (),
    source: str | None = None, within: Metadata | None = None,
) -> str:
    """``within``: the document a § of another body's protocol stands in (a protocol extract
    bundled in an audit report), ``md`` then the §'s own body and meeting date: "Stadsfastighets-
    nämnden, Göteborg, protokollsutdrag 2025-02-26 § 27 i Stadsrevisionens revisionsrapport
    2026-04-13, s. 14" (the pages are the document's)."""
    kind = "protokollsutdrag" if within is not None else doc_kind_name(md) or "dokument"
    head = [p for p in (md.committee, md.municipality) if p]
    what = kind + (f" {md.date}" if md.date else "")
    if item:
        what += f" § {item}"
    if within is not None:
        host = doc_kind_name(within) or "dokument"
        what += " i " + (f"{genitive(within.committee)} {host}" if within.committee else host)
        what += f" {within.date}" if within.date else ""
    parts = head + [what]
    # without a body the title says which document it is: "policy 2023-09-19, s. 1" alone named
    # no policy (Botkyrka's Bemanningspolicy, decided by its förvaltning's managers)
    if not md.committee and md.title:
        parts.insert(0, f"”{md.title}”")
    if not head and not md.title and source:
        parts.insert(0, source.rsplit("/", 1)[-1])
    if diarienummer:
        parts.append("dnr " + ", ".join(diarienummer))
    parts.append(pages_label(page, page_end))
    return ", ".join(parts)


def bundled_in(committee: str | None, stored: Any) -> Metadata | None:
    """The document (``stored``: a StoredDocument) that a row of another body's protocol extract
    bundled in it stands in, for ``format_citation(within=…)``: a row whose body (``committee``,
    the §'s own where it has one) is not the document's. None for the document's own rows."""
    if not committee or committee == stored.committee:
        return None
    return Metadata(stored.title, stored.municipality, stored.committee, stored.doc_type, stored.date,
                    org_kind=stored.org_kind, kind=stored.kind)


def genitive(name: str) -> str:
    """A body's name in the genitive: "Stadsrevisionen" -> "Stadsrevisionens"; a name ending in
    s, x or z takes no s ("Revisionskontoret Västra Götalands" stays)."""
    return name if name[-1:].lower() in "sxz" else name + "s"


_ITEM_LINE = re.compile(r"^(?:§\s*\d+[a-z]?|\d+\s*§)(?:\s|$)")


def _label(line: str) -> bool:
    """A heading the quote may leave out: a section's name alone (Beslut, Reservation, Beredning,
    Ärendebeskrivning, Expedieras till …). Not a proposal's heading ("Förslag till beslut",
    "Arbetsutskottets förslag till beslut:"): without it a proposal would read as a decision. Not
    a heading with a colon ("Kommunfullmäktiges beslut:", "Stadsdirektör X:s förslag:"): it
    leads into its sentence and says whose words follow."""
    from ..ingest.sections import section_kind

    line = line.strip()
    return not line.endswith(":") and section_kind(line) not in (None, "forslag")


def quoted(text: str, start: int, section: str | None = None) -> tuple[str, int]:
    """A passage as a statement quotes it, and where that begins in the document's text: the
    heading lines it opens with left out. On the page a heading stands on a line of its own; put on
    one line it read as the quote's first word: "”Reservation Thomas Thim (M) … lämnar följande
    skriftliga reservation: …”", "”Beslut Kompetensförsörjningsplanen antas …”", "”§ 10 2026.031
    AVRF Budget 2027 och ramar 2028-2029 Ärendebeskrivning Fastställande …”". Left out: section
    headings (``_label``), and a § line with the title lines between it and such a heading. A
    table's passage, one of headings only, or one whose headings end a page (the text then starts
    on the next) is quoted as it is."""
    if section in ("table", "table_text"):
        return text, start
    lines = text.split("\n")
    cut = i = 0  # cut: lines to leave out
    while i < len(lines) - 1:
        line = lines[i].strip()
        if _label(line):
            i = cut = i + 1
            continue
        if _ITEM_LINE.match(line) and len(line) <= 60:
            # the § line, its title (up to three lines), then a section heading: all of it out
            ahead = next((j for j in range(i + 1, min(i + 5, len(lines) - 1)) if _label(lines[j])), None)
            if ahead is None or any(lines[k].rstrip().endswith((".", ":")) for k in range(i + 1, ahead)):
                break
            i = cut = ahead + 1
            continue
        break
    if not cut:
        return text, start
    head = "\n".join(lines[:cut]) + "\n"
    rest = text[len(head):]
    if "\f" in head or not rest.strip():
        return text, start
    return rest, start + len(head)


def quote(text: str, *, max_chars: int = 400) -> str:
    """The passage on one line, shortened at a word boundary for a footnote or table."""
    flat = re.sub(r"\s+", " ", text).strip()
    if len(flat) <= max_chars:
        return flat
    cut = flat.rfind(" ", 0, max_chars)
    return flat[: cut if cut > max_chars // 2 else max_chars] + " …"


def citation_pack_markdown(hits: Sequence[Hit], *, title: str | None = None, max_quote: int = 2000) -> str:
    """Quotes with numbered footnotes carrying the citations (and the source file). Each
    passage is quoted whole, as the CSV pack does (a passage is at most a chunk): the pack is
    what a statement quotes, and its footnote names the passage's whole character range."""
    from ..export import markdown_text  # document text is untrusted in Markdown too

    lines = [f"# {markdown_text(title)}", ""] if title else []
    notes = []
    for n, h in enumerate(hits, 1):
        text, start = quoted(h.text, h.start, h.section)
        lines.append(f"> ”{markdown_text(quote(text, max_chars=max_quote))}”[^{n}]")
        lines.append("")
        notes.append(f"[^{n}]: {markdown_text(h.citation)}. Källa: {markdown_text(h.source)},"
                     f" tecken {start}–{h.end}.")
    return "\n".join(lines + notes) + "\n"


CSV_COLUMNS = ("n", "citation", "quote", "source", "page", "page_end", "item", "section", "start", "end",
               "municipality", "committee", "doc_type", "date", "score", "document_id", "item_number")


def citation_pack_csv(hits: Sequence[Hit], *, max_quote: int = 2000) -> str:
    """One row per hit; every cell neutralised for spreadsheets (``namndkoll.export``)."""
    from ..export import csv_text

    rows = []
    for n, h in enumerate(hits, 1):
        md = h.metadata
        text, start = quoted(h.text, h.start, h.section)
        rows.append({"n": n, "citation": h.citation, "quote": quote(text, max_chars=max_quote),
                     "source": h.source, "page": h.page, "page_end": h.page_end, "item": h.item,
                     "section": h.section, "start": start, "end": h.end, "municipality": md.municipality,
                     "committee": md.committee, "doc_type": md.doc_type, "date": md.date,
                     "score": round(h.score, 4), "document_id": h.document_id,
                     "item_number": (h.item or "").lstrip("§ ") or None})
    return csv_text(rows, CSV_COLUMNS)
