"""Files for spreadsheets: CSV and XLSX with every text cell neutralised.

Document text comes from anyone who can get a PDF into the corpus. A cell that begins with
``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return) is run as a formula by Excel,
LibreOffice and Google Sheets: ``=HYPERLINK("http://…")``, ``+cmd|' /C calc'!A0``,
``@SUM(…)``. Following OWASP's CSV-injection guidance such a cell gets a leading ``'``, which
the spreadsheet shows as text. Every CSV or XLSX namndkoll writes (the CLI's ``--csv``, the
citation pack, the web app's downloads) goes through this module, so the rule lives in one
place. Numbers stay numbers; lists become ``"a; b"``; control characters are removed.
Markdown (the citation packs) gets the same care: ``markdown_text`` escapes what a renderer
would act on.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import IO, Any

__all__ = ["cell", "csv_cell", "csv_text", "markdown_text", "neutralise", "write_csv", "write_xlsx"]

# OWASP: = + - @ tab CR; the full-width forms too, which spreadsheets also take as operators
_FORMULA_START = frozenset("=+-@\t\r\uff1d\uff0b\uff0d\uff20")
# controls that have no business in a cell (tab, newline stay: they are quoted by csv)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell: control characters removed and a leading
    ``'`` when the cell (after leading spaces) would start a formula."""
    text = _CONTROL.sub("", text)
    stripped = text.lstrip(" ")
    if text == "-":
        return text  # an independent's party ("(-)" in the protocol): no formula, and "'-" in a party column misreads
    if text[:1] in _FORMULA_START or stripped[:1] in _FORMULA_START:
        return "'" + text
    return text


# what Markdown acts on inside a line: raw HTML (<script>, <img onerror>), links and images
# ([..](..)), emphasis, code, tables, headings, and the backslash itself
_MARKDOWN = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_text(text: str) -> str:
    """``text`` as one line of Markdown that shows as written: controls removed, whitespace
    (line breaks too, which would end a quote or start a heading) collapsed, and every
    character Markdown would act on escaped with a backslash (CommonMark), so document text
    in a citation pack renders no HTML, link or heading of its own."""
    flat = " ".join(_CONTROL.sub("", text).split())
    return _MARKDOWN.sub(r"\\\1", flat)


def cell(value: Any) -> Any:
    """One value as a spreadsheet cell: numbers and booleans as they are, None empty, lists
    joined with "; ", everything else as neutralised text."""
    if value is None:
        return ""
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple):
        return neutralise("; ".join("" if v is None else str(v) for v in value))
    return neutralise(str(value))


def csv_cell(value: Any) -> Any:
    """``cell``, and a whole number stored as a float written as a whole number: "1500", not
    "1500.0", which a spreadsheet set to Swedish (decimal comma) opens as text, so that an
    amount column of kronor sums there too. A fraction keeps its point ("66.6": plain numbers,
    README; ``--xlsx`` for a spreadsheet in any language)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return cell(value)


def write_csv(out: IO[str], rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> None:
    """A header and one line per row (only ``columns``, in that order) to ``out``."""
    w = csv.writer(out, lineterminator="\n")
    w.writerow([neutralise(c) for c in columns])
    for row in rows:
        w.writerow([csv_cell(row.get(c)) for c in columns])


def csv_text(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    write_csv(buf, rows, columns)
    return buf.getvalue()


def write_xlsx(path: str | Path | IO[bytes], rows: Iterable[Mapping[str, Any]],
               columns: Sequence[str], *, sheet: str = "namndkoll") -> None:
    """An XLSX workbook of ``rows`` (needs openpyxl: ``pip install namndkoll[xlsx]``).

    Text cells are neutralised as in CSV and also stored with the string type, so that not
    even a cell that reached here unneutralised is read as a formula."""
    try:
        from openpyxl import Workbook
    except ImportError as exc:  # pragma: no cover - depends on the installation
        from .errors import NamndkollError

        raise NamndkollError("writing XLSX needs openpyxl: `pip install openpyxl`, or use CSV"
                             ) from exc
    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = neutralise(sheet)[:31] or "namndkoll"
    ws.append([neutralise(c) for c in columns])
    for row in rows:
        ws.append([cell(row.get(c)) for c in columns])
    for line in ws.iter_rows():
        for c in line:
            if isinstance(c.value, str):
                c.data_type = "s"  # openpyxl turns a str starting with "=" into a formula
    wb.save(path)
