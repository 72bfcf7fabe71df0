"""Figures in Swedish records: amounts normalised to SEK, counts with the counted noun, percents,
measures (a length, area, volume, weight or energy) with their unit normalised
(``namndkoll.measures``).

A number becomes a figure only with a unit: a currency (``1 550 t kr``, ``24 mkr``,
``3,2 miljoner kronor``), a percent sign or word, or a counted noun (``tre tjänster``,
``5 OSA-platser``). Years, dates, § numbers, list numbering, diarienummer, page and report
numbers, phone numbers, addresses and clock times have no such unit or are ruled out by
their context. Tables (``Page.tables``) are read cell by cell with their row and column
headers; a "tkr"/"(mkr)" header scales the cells.

``figure_text.py`` reads the running text (with regular expressions: spaCy's tokenizer splits
"1 500 000" and "t kr" apart), ``figure_tables.py`` the table cells; this module puts a
document's figures together.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..types import Document, Figure, Page, Table
from .figure_tables import (
    Carried,
    carried_layout,
    header_key,
    money_columns,
    own_scale,
    scale_of,
    table_figures,
)
from .figure_text import iter_figures, lemma, normalize_spaces, sentence_around

__all__ = ["find_figures", "iter_figures", "lemma", "normalize_spaces", "sentence_around"]


def find_figures(doc: Document) -> tuple[Figure, ...]:
    """Every figure in ``doc``: text figures in reading order, then table cells per page."""
    out: list[Figure] = []
    spans = [(i.start, i.end) for i in doc.items]
    # the scale each table layout (its column headers, years aside) was read in: the same table
    # for the next year, on a page of its own, is in the same unit
    layouts: dict[tuple[str, ...], tuple[float, str]] = {}
    carried: Carried | None = None  # the last headed table of the page before
    bodies = [normalize_spaces(page.text) for page in doc.pages]
    all_text_figs = [[
        Figure(kind, value, unit, " ".join(body[s:e].split()), sentence_around(body, s, e),  # type: ignore[arg-type]
               page.number, page.start + s, page.start + e, qual, per, value_to=value_to)
        for s, e, kind, value, unit, qual, per, value_to in iter_figures(body)
    ] for page, body in zip(doc.pages, bodies, strict=True)]
    stated = _scaled_in_text([f for figs in all_text_figs for f in figs])
    for page, body, text_figs in zip(doc.pages, bodies, all_text_figs, strict=True):
        table_figs: list[Figure] = []
        text_scale = _text_scale(text_figs)
        hints: list[tuple[float, str] | None] = []
        for i, t in enumerate(page.tables):
            key = header_key(t)
            hint = layouts.get(key) if key else None
            hint = hint or text_scale
            echoed = None if hint or own_scale(t, body) else _echoed_scale(t, stated)
            if key and (scale := own_scale(t, body) or (hint if money_columns(t) else None) or echoed):
                layouts.setdefault(key, scale)
            hints.append(hint or echoed)
            table_figs += table_figures(page, t, body, i, hint or echoed, carried, any_columns=echoed is not None)
        carried = carried_layout(page, body, hints, carried)
        if table_figs:
            # a table whose text is also in the body: keep the table reading (it has headers)
            covered = {(f.start, f.end) for f in table_figs if f.end > f.start}
            text_figs = [f for f in text_figs
                         if not any(s <= f.start < e or f.start <= s < f.end for s, e in covered)]
        if spans:
            text_figs = [f for f in text_figs if not _listed_item(doc.text, f.start, spans)]
        text_figs = _without_axis_ticks(text_figs, body, page.start)
        text_figs = _without_box_numbers(text_figs, page, body)
        out.extend(sorted(text_figs + table_figs, key=lambda f: (f.start, f.end)))
    return tuple(_in_the_documents_currency(out))


_BOX_SIZE = 1.5  # times the page's body type


def _without_box_numbers(figs: list[Figure], page: Page, body: str) -> list[Figure]:
    """Leave out a figure whose number is a line of its own set in type half as large again as
    the page's text: a chart's or box's key figure ("83" in a box beside the paragraph), read
    apart from the sentence (``layout.py``), counts none of the words on the line below it
    ("83 / skalan 1 till 100", "92 / organisationen under flera år")."""
    sizes: dict[float, int] = {}
    for ln in page.lines:
        sizes[ln.size] = sizes.get(ln.size, 0) + ln.end - ln.start
    if not figs or not sizes:
        return figs
    text_size = max(sizes, key=lambda k: sizes[k])
    boxed = {(page.start + ln.start, page.start + ln.end) for ln in page.lines
             if text_size > 0 and ln.size >= text_size * _BOX_SIZE
             and re.fullmatch(r"[\d\s.,%−–+-]+", body[ln.start:ln.end]) is not None}
    if not boxed:
        return figs
    return [f for f in figs if not any(s <= f.start < e < f.end for s, e in boxed)]


def _text_scale(figs: list[Figure]) -> tuple[float, str] | None:
    """The scale a page's text writes all its amounts in, when it names one ("Ingaredsskolan
    (6 000 tkr)", "(4 000 tkr)"): a table of money columns on the page that states no unit of
    its own is in it. None when the text has no such amount, or amounts in more than one scale
    or in plain kronor."""
    scales = {scale_of(f.text) or (1.0, f.unit) for f in figs if f.kind == "amount"}
    if len(scales) != 1:
        return None
    scale = scales.pop()
    return scale if scale[0] > 1 else None


# a number as written, for comparing a table's cell with the text: "90 362" and "90 362tkr" -> "90362"
_WRITTEN = re.compile(r"[-−–+]?\s*(\d{1,3}(?:[ .]\d{3})+|\d+)(?:,(\d+))?")


def _written(s: str) -> str | None:
    m = _WRITTEN.search(normalize_spaces(s))
    return (m.group(1).replace(" ", "").replace(".", "") + ("," + m.group(2) if m.group(2) else "")) if m else None


def _scaled_in_text(figs: list[Figure]) -> dict[str, set[tuple[float, str]]]:
    """The numbers of four or more digits the document's running text writes as scaled amounts
    ("90 362tkr", "146,3 mnkr"), each with the scales it is written in."""
    out: dict[str, set[tuple[float, str]]] = {}
    for f in figs:
        if f.kind == "amount" and (scale := scale_of(re.sub(r"(?<=\d)(?=[^\W\d])", " ", f.text))) and scale[0] > 1 \
                and (w := _written(f.text)) and sum(c.isdigit() for c in w) >= 4:
            out.setdefault(w, set()).add(scale)
    return out


def _echoed_scale(table: Table, stated: dict[str, set[tuple[float, str]]]) -> tuple[float, str] | None:
    """The scale of a table that states none, neither does its page's text, when its cells repeat
    amounts the document's text writes with one: a budget's table "Medlemsbidrag 2027 | 90 362"
    on the page after "driftbidrag för 2027 uppgår samlat till 90 362tkr" is in tkr. None when no
    cell repeats such an amount or they repeat amounts of different scales."""
    scales: set[tuple[float, str]] = set()
    for row in table.rows:
        for cell in row:
            c = normalize_spaces(cell or "").strip()
            if c and _WRITTEN.fullmatch(c) and (w := _written(c)) in stated:
                scales |= stated[w]
    return scales.pop() if len(scales) == 1 else None


# an amount that names kronor: "kr", "kronor", "krona", "tkr", "mkr", "mnkr", "mdkr", "SEK", ":-"
_KRONOR = re.compile(r"kr\b|kron|sek\b|:-", re.IGNORECASE)


def _in_the_documents_currency(figs: list[Figure]) -> list[Figure]:
    """A document that counts in euro (a Finland-Swedish municipality's budget: "3,6 miljoner
    euro", "15,12 m€") and never names kronor writes its other amounts without the currency
    too ("utfallet blir kring 15,1 miljoner för skatterna"): those are euro, not kronor. Only
    running text's amounts that name no currency are changed; a document naming kronor
    anywhere keeps them in SEK."""
    euro = sum(1 for f in figs if f.kind == "amount" and f.unit == "EUR")
    if euro < 2 or any(f.kind == "amount" and f.unit == "SEK" and _KRONOR.search(f.text) for f in figs):
        return figs
    return [replace(f, unit="EUR") if f.kind == "amount" and f.unit == "SEK" and not f.table else f for f in figs]


_ITEM_LINE = re.compile(r"[ \t]*§[ \t]*\d+\b")


def _listed_item(text: str, at: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``at`` stands on a "§ 39 Tidsreglering av 30 parkeringsplatser" line outside every
    § item: a table of contents or agenda naming the item, whose figures the item itself holds
    (counted there, not twice)."""
    if any(s <= at < e for s, e in spans):
        return False
    line = max(text.rfind("\n", 0, at), text.rfind("\f", 0, at)) + 1
    return bool(_ITEM_LINE.match(text, line))


# "120 100%": a bare number and a percent tick side by side, read as one grouped number
_GROUPED_TICK = re.compile(r"\d{1,3} (\d{3}) ?%")
# between two tick labels of a chart's axis: nothing but space and the other axis's bare numbers
_TICK_GAP = re.compile(r"[\s\d]*")


def _without_axis_ticks(figs: list[Figure], body: str, offset: int) -> list[Figure]:
    """Leave out a chart's axis labels that the text layer reads as percentages: four or more
    in a row with only spaces (or the other axis's bare numbers) between them, evenly spaced
    and reaching 0 % ("45 % 40 % 35 % … 0 %", "80% 60% 40% 20% 0%"). A reader wants the
    chart's figures, not its scale; data labels are not evenly spaced and stay."""
    drop: set[int] = set()
    run: list[int] = []
    # a tick set beside the other axis's label reads as one grouped number: "120 100%" (the left
    # axis's 120, the right axis's 100 %) was 120 100 %; in a run of ticks it is its last group
    values = [float(m.group(1)) if f.kind == "percent" and (m := _GROUPED_TICK.fullmatch(f.text)) else f.value
              for f in figs]

    def close() -> None:
        # the group's evenly spaced stretches ("120 100%" before "90% … 0%" is another label)
        i = 0
        while i < len(run):
            j = i + 1
            if j < len(run):
                step = round(values[run[j]] - values[run[i]], 6)
                while j + 1 < len(run) and round(values[run[j + 1]] - values[run[j]], 6) == step:
                    j += 1
                stretch = run[i:j + 1]
                if len(stretch) >= 4 and step != 0 and any(values[k] == 0 for k in stretch):
                    drop.update(stretch)
            i = j

    for i, f in enumerate(figs):
        tick = f.kind == "percent" and f.value_to is None
        if tick and run and _TICK_GAP.fullmatch(body, figs[run[-1]].end - offset, f.start - offset):
            run.append(i)
            continue
        close()
        run = [i] if tick else []
    close()
    return [f for i, f in enumerate(figs) if i not in drop]
