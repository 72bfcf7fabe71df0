"""Downloads: tables as CSV and XLSX, the citation basket as Markdown with footnotes, CSV,
DOCX or plain text.

Document text is untrusted in a spreadsheet too: a cell that begins with ``= + - @`` (or a
tab or carriage return) would be run as a formula by Excel or LibreOffice, so it gets a
leading apostrophe (OWASP's advice): the rule lives in ``namndkoll/export.py``, shared with
the CLI.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import PurePath
from typing import Any

from ..export import cell as export_cell
from ..export import csv_cell as export_csv_cell
from ..export import markdown_text


def neutralise(value: Any) -> Any:
    """A cell value that no spreadsheet runs as a formula (``export.cell``); numbers stay
    numbers, yes/no in Swedish for the web's readers."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return export_cell(value)


def csv_bytes(
    rows: Iterable[dict[str, Any]], columns: Sequence[str], headers: Sequence[str] | None = None
) -> bytes:
    """UTF-8 with a byte order mark, so Excel opens å/ä/ö right."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(headers or columns)
    for r in rows:
        # a whole number as one ("1500", not "1500.0": text in a spreadsheet set to Swedish)
        w.writerow([export_csv_cell(v) if isinstance(v := r.get(c), float) else neutralise(v) for c in columns])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def xlsx_bytes(
    rows: Iterable[dict[str, Any]],
    columns: Sequence[str],
    headers: Sequence[str] | None = None,
    *,
    sheet: str = "namndkoll",
) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook(write_only=False)
    ws = wb.active
    ws.title = sheet[:31]
    ws.append(list(headers or columns))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([neutralise(r.get(c)) for c in columns])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
    ws.freeze_panes = "A2"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# ---- the citation basket ---------------------------------------------------------------------

BASKET_COLUMNS = ("n", "label", "citation", "quote", "title", "page", "start", "end", "source")
BASKET_HEADERS = ("nr", "slag", "källa", "citat", "dokument", "sida", "start", "slut", "fil")


def _present(items: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"n": n, **it} for n, it in enumerate((i for i in items if not i.get("missing")), 1)]


def basket_markdown(items: Sequence[dict[str, Any]], *, title: str = "Citat") -> str:
    # document text is untrusted in Markdown too: a renderer would run its <script> or link
    lines, notes = [f"# {markdown_text(title)}", ""], []
    for it in _present(items):
        lines += [f"> ”{markdown_text(it['quote'])}”[^{it['n']}]", ""]
        notes.append(f"[^{it['n']}]: {markdown_text(it['citation'])}.")
    return "\n".join(lines + notes) + "\n"


def basket_text(items: Sequence[dict[str, Any]]) -> str:
    """For the clipboard: each quote followed by its reference in parentheses."""
    return "\n\n".join(f"”{it['quote']}” ({it['citation']})" for it in _present(items)) + "\n"


def basket_csv(items: Sequence[dict[str, Any]]) -> bytes:
    # "fil" is the PDF's name, as the document's page shows it: the path on the server
    # ("/root/.local/share/namndkoll/uploads/99385af6c46f0b09/…") is nothing a reader of the
    # sheet can open, and says where the server keeps its files
    rows = [{**it, "source": PurePath(it.get("source") or "").name} for it in _present(items)]
    return csv_bytes(rows, BASKET_COLUMNS, BASKET_HEADERS)


def basket_docx(items: Sequence[dict[str, Any]], *, title: str = "Citat") -> bytes:
    """A Word document: the quotes, each with a superscript note number, and the numbered
    references under "Källor" (python-docx writes no real footnotes; these read the same)."""
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    present = _present(items)
    for it in present:
        p = doc.add_paragraph(style="Quote")
        p.add_run(f"”{it['quote']}”")
        p.add_run(str(it["n"])).font.superscript = True
    if present:
        doc.add_heading("Källor", level=2)
        for it in present:
            doc.add_paragraph(f"{it['n']}. {it['citation']}.")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
