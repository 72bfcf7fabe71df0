#!/usr/bin/env python3
"""Render extracted protocol texts (form feed = page break) back into PDFs, one PDF page per
text page, keeping the running headers/footers that the texts carry ("3 (74)",
"Göteborgs Stad Kommunfullmäktige, protokoll", "Sammanträdesdatum: ...").

Used for the ingest benchmark corpus and for the bundled sample.

usage: python bench/make_corpus.py OUT_DIR [TXT ...]   (default: ../shared/data/protocols/goteborg-kf/*.txt)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from namndkoll.extract.evaluate import render_formfeed

SHARED = ROOT.parent / "shared"


def render(txt: Path, pdf: Path) -> int:
    """Render ``txt`` to ``pdf``; returns the number of pages."""
    return render_formfeed(txt.read_text(encoding="utf-8"), pdf)


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
