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

A text without those markers can name its own page marker (``--page-marker REGEX``):
a line matching it starts a new page and is kept, as a running header is. A text with
form feeds (``pdftotext -layout`` output) gets one page per form-feed page; ``--mono``
sets such a layout text in DejaVu Sans Mono without wrapping, so its columns (a roll
call's X under Ja or Nej) stay where pdftotext put them.

usage: python bench/gold/render_md.py IN.md OUT.pdf [--page-marker REGEX] [--mono]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import textwrap
from pathlib import Path

PAGE = re.compile(r"^<!-- sida \d+ -->$", re.MULTILINE)


def pages_of(markdown: str, marker: str | None = None) -> list[str]:
    """The text of each page, front matter dropped: pages start after each '<!-- sida N -->'
    line (dropped) or, given ``marker``, at each line matching it (kept)."""
    text = markdown
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        text = text[end + 5:]
    if "\f" in text and not marker:
        pages_ff = text.split("\f")
        if pages_ff and not pages_ff[-1].strip():
            pages_ff.pop()
        return [p.strip("\n") for p in pages_ff]
    if marker:
        pages: list[list[str]] = [[]]
        for line in text.split("\n"):
            if re.match(marker, line) and any(x.strip() for x in pages[-1]):
                pages.append([])
            pages[-1].append(line)
        return ["\n".join(p).strip("\n") for p in pages]
    parts = PAGE.split(text)
    return [p.strip("\n") for p in parts[1:]] if len(parts) > 1 else [text.strip("\n")]


def _font(family: str = "DejaVu Serif", name: str = "GoldSerif") -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path = subprocess.run(["fc-match", "-f", "%{file}", f"{family}:style=Book"],
                          capture_output=True, text=True, check=True).stdout
    pdfmetrics.registerFont(TTFont(name, path))
    return name


def render(markdown: str, dst: Path, marker: str | None = None, mono: bool = False) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font("DejaVu Sans Mono", "GoldMono") if mono else _font()
    c = canvas.Canvas(str(dst), pagesize=A4, invariant=1)
    w, h = A4
    for page in pages_of(markdown, marker):
        lines: list[str] = []
        for raw in page.split("\n"):
            if mono:  # keep pdftotext's columns: no wrapping, shrink to fit the widest line
                lines.append(raw.rstrip())
            else:
                lines.extend(textwrap.wrap(raw, 95) or [""])
        if mono:
            widest = max((len(x) for x in lines), default=1)
            size = min(8.0, (w - 80) / (0.6 * max(widest, 1)), (h - 80) / (1.3 * max(len(lines), 1)))
            left, top, lead = 40.0, h - 40, 1.3
        else:
            size = 10.0 if len(lines) <= 58 else max(5.0, 10.0 * 58 / len(lines))
            left, top, lead = 55.0, h - 50, 1.35
        c.setFont(font, size)
        y = top
        for line in lines:
            c.drawString(left, y, line)
            y -= size * lead
        c.showPage()
    c.save()
    return dst


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description="Render a page-marked Markdown extract into a PDF.")
    ap.add_argument("src", type=Path)
    ap.add_argument("dst", type=Path)
    ap.add_argument("--page-marker", default=None, help="regex of a (kept) line that starts a page")
    ap.add_argument("--mono", action="store_true", help="monospace, unwrapped (for layout text)")
    a = ap.parse_args(argv)
    render(a.src.read_text(encoding="utf-8"), a.dst, a.page_marker, a.mono)


if __name__ == "__main__":
    main(sys.argv[1:])
