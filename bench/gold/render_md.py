"""Render a page-marked Markdown extract of a committee record back into a PDF.

Some public repositories keep municipal records only as text extracted from the
original PDFs (e.g. moggleif/kommunhandlingar: YAML front matter, then the text of each
page after a ``<!-- sida N -->`` line). The gold set labels such a text through its
rendering, so the rendering has to be reproducible: the front matter is dropped (it
is the harvester's note, not part of the record), every marked page becomes one PDF
page, lines are wrapped at 95 characters and set in DejaVu Serif as
``namndkoll.extract.evaluate_structure.render_text`` does for form-feed texts, and
the PDF is written with reportlab's ``invariant`` flag so the same text always gives
the same bytes (and sha256).

usage: python bench/gold/render_md.py IN.md OUT.pdf
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

PAGE = re.compile(r"^<!-- sida \d+ -->$", re.MULTILINE)


def pages_of(markdown: str) -> list[str]:
    """The text of each marked page, front matter and the markers themselves dropped."""
    text = markdown
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        text = text[end + 5:]
    parts = PAGE.split(text)
    return [p.strip("\n") for p in parts[1:]] if len(parts) > 1 else [text.strip("\n")]


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Serif:style=Book"],
                          capture_output=True, text=True, check=True).stdout
    pdfmetrics.registerFont(TTFont("GoldSerif", path))
    return "GoldSerif"


def render(markdown: str, dst: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(dst), pagesize=A4, invariant=1)
    _, h = A4
    for page in pages_of(markdown):
        lines: list[str] = []
        for raw in page.split("\n"):
            lines.extend(textwrap.wrap(raw, 95) or [""])
        size = 10.0 if len(lines) <= 58 else max(5.0, 10.0 * 58 / len(lines))
        c.setFont(font, size)
        y = h - 50
        for line in lines:
            c.drawString(55, y, line)
            y -= size * 1.35
        c.showPage()
    c.save()
    return dst


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: render_md.py IN.md OUT.pdf")
    render(Path(sys.argv[1]).read_text(encoding="utf-8"), Path(sys.argv[2]))
