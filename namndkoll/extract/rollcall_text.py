"""Roll-call tables written in the text, one row per line with the cells between bars:

    | Ledamot/tjänstgörande ersättare | Ja-röst | Nej-röst | Avstår från att rösta |
    | --- | --- | --- | --- |
    | Emanuel Forsell (M) | X | | |

as the Markdown and text exports of protocols write a PDF's vote table (Ciceron's "Ja-röst |
Nej-röst | Avstår från att rösta" list under "Omröstningsresultat"). The rows are read with the
same columns as a PDF's own tables (rollcall.py). A table that ends its page runs on in the
first table of the next page, whose first row is then a member, not a header (an export takes
the first row of every page's table for its header). A cell that wraps in the PDF is written
with Markdown's in-cell line break, "| Anna-Karin Granberg<br>(SD) |": the break is a space.
"""

from __future__ import annotations

import re

from ..types import Document, Page
from .rollcall import RollCall, columns, context, table_rows

_ROW_RE = re.compile(r"^[ \t]*\|(?P<cells>[^\n\f]*)\|[ \t]*$", re.MULTILINE)
_RULE_CELL_RE = re.compile(r"[ \t]*:?-{3,}:?[ \t]*")
_BREAK_RE = re.compile(r"<br[ \t]*/?>", re.IGNORECASE)
# what may stand on a page after a table that runs on: a footer line or two the reader left
_TAIL_LINES = 2

Block = list[tuple[int, int, list[str]]]  # (start, end in the page text, cells) of each row


def _blocks(text: str) -> list[Block]:
    """The runs of bar-delimited lines of a page, the Markdown rule rows left out."""
    out: list[Block] = []
    last_end = -2
    for m in _ROW_RE.finditer(text):
        cells = [_BREAK_RE.sub(" ", c).strip() for c in m.group("cells").split("|")]
        if m.start() != last_end + 1 or not out:
            out.append([])
        last_end = m.end()
        if all(_RULE_CELL_RE.fullmatch(c) for c in cells):
            continue
        out[-1].append((m.start(), m.end(), cells))
    return [b for b in out if b]


def _ends_page(page: Page, end: int) -> bool:
    rest = [ln for ln in page.text[end:].split("\n") if ln.strip()]
    return len(rest) <= _TAIL_LINES


def text_table_calls(doc: Document, local: dict[str, str]) -> list[RollCall]:
    """Every roll call written as a bar-delimited table in ``doc``'s text, in text order."""
    out: list[RollCall] = []
    open_cols: dict[str, object] | None = None  # the columns of a list that may run on
    for page in doc.pages:
        if "|" not in page.text:
            open_cols = None
            continue
        runs_on = open_cols
        open_cols = None
        for bi, block in enumerate(_blocks(page.text)):
            cells = [row for _s, _e, row in block]
            spans = [(page.start + s, page.start + e) for s, e, _row in block]
            end = block[-1][1]
            head = next((i for i, row in enumerate(cells[:3]) if columns(row) is not None), None)
            if head is None:
                width = runs_on.get("width") if runs_on else None
                if runs_on is not None and bi == 0 and out and len(cells[0]) == width:
                    entries, stated = table_rows(runs_on, cells, page.number, local, spans)
                    if entries:
                        out[-1] = out[-1].run_on(entries, page.start + end, stated)
                        open_cols = runs_on if _ends_page(page, end) else None
                continue
            cols = columns(cells[head])
            assert cols is not None
            entries, stated = table_rows(cols, cells[head + 1:], page.number, local, spans[head + 1:])
            if not entries and stated is None:
                continue
            at = page.start + block[0][0]
            ctx = context(doc, page, at)
            out.append(RollCall(tuple(entries), page.number, min(ctx.start, at), page.start + end, "table",
                                ctx.item, ctx.bilaga, stated or ctx.stated, ctx.title))
            open_cols = {**cols, "width": len(cells[head])} if _ends_page(page, end) else None
    return out
