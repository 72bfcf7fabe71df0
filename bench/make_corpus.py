#!/usr/bin/env python3
"""Render extracted protocol texts (form feed = page break) back into PDFs, one PDF page per
text page, keeping the running headers/footers that the texts carry ("3 (74)",
"Göteborgs Stad Kommunfullmäktige, protokoll", "Sammanträdesdatum: ...").

Used for the ingest benchmark corpus and for the bundled sample.

usage: python bench/make_corpus.py OUT_DIR [TXT ...]   (default: ../shared/data/protocols/goteborg-kf/*.txt)
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def _font(pattern: str) -> str:
    return subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True,
                          check=True).stdout


def render(txt: Path, pdf: Path) -> int:
    """Render ``txt`` to ``pdf``; returns the number of pages."""
    if "Serif" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("Serif", _font("DejaVu Serif:style=Book")))
    pages = txt.read_text(encoding="utf-8").split("\f")
    c = canvas.Canvas(str(pdf), pagesize=A4)
    _w, h = A4
    for page in pages:
        lines: list[str] = []
        for raw in page.strip("\n").split("\n"):
            lines.extend(textwrap.wrap(raw, 95) or [""])
        size = 10.0 if len(lines) <= 58 else max(5.0, 10.0 * 58 / len(lines))
        c.setFont("Serif", size)
        y = h - 50
        for line in lines:
            c.drawString(55, y, line)
            y -= size * 1.35
        c.showPage()
    c.save()
    return len(pages)


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    srcs = [Path(a) for a in argv[1:]] or sorted((SHARED / "data/protocols/goteborg-kf").glob("*.txt"))
    total = 0
    for src in srcs:
        n = render(src, out / (src.stem + ".pdf"))
        total += n
        print(f"{src.name}: {n} pages")
    print(f"{total} pages in {len(srcs)} PDFs -> {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
