"""OCR of a page with Tesseract (Swedish), for pages without a readable text layer: whether it
is installed, at what resolution a page is rendered within ``NAMNDKOLL_MAX_OCR_PIXELS``, and the
page's lines as Tesseract reads them."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from functools import lru_cache

from ..errors import IngestError
from .layout import RawLine, Run, clean_text
from .limits import limit_error

OCR_INSTALL = "install Tesseract with Swedish (apt install tesseract-ocr tesseract-ocr-swe)"
OCR_HINT = f"{OCR_INSTALL} and ingest the file again with --ocr"


@lru_cache(maxsize=1)
def ocr_available() -> bool:
    """Tesseract with Swedish installed?"""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        langs = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    return "swe" in (langs.stdout + langs.stderr).split()


OCR_DPI, OCR_MIN_DPI = 300, 100


def ocr_dpi(width: float, height: float, max_pixels: int) -> int:
    """The resolution to render a page of ``width`` x ``height`` points for OCR: 300 dpi, lower
    for a page that would exceed ``max_pixels``; 0 when even 100 dpi would."""
    inches = max(width, 1.0) * max(height, 1.0) / 72 / 72
    dpi = min(OCR_DPI, int((max_pixels / inches) ** 0.5))
    return dpi if dpi >= OCR_MIN_DPI else 0


def ocr_page(page: object, dpi: int, timeout: float) -> list[RawLine]:
    """The page's lines as Tesseract reads them (its TSV: words with boxes, in its reading
    order), boxes in PDF points from the bottom-left like pdfium's; no font."""
    bitmap = page.render(scale=dpi / 72, grayscale=True)  # type: ignore[attr-defined]
    image = bitmap.to_pil()
    height = page.get_height()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "page.png")
        image.save(png)
        del image, bitmap
        try:
            res = subprocess.run(["tesseract", png, "stdout", "-l", "swe", "--psm", "3", "tsv"],
                                 capture_output=True, text=True, timeout=max(timeout, 1.0), check=False,
                                 env={**os.environ, "OMP_THREAD_LIMIT": "1"})
        except subprocess.TimeoutExpired:
            raise limit_error(f"OCR of a page took more than {timeout:.0f} s", "PAGE_SECONDS", timeout) from None
    if res.returncode != 0:
        raise IngestError(f"Tesseract failed on a page: {res.stderr.strip()[:200]}")
    k = 72 / dpi
    lines: dict[tuple[str, str, str], list[Run]] = {}
    for row in res.stdout.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        left, top, w, h = (float(c) for c in cols[6:10])
        # each TSV row is a word, so a space follows it, however close the next word is:
        # ``RawLine.text`` reads a gap narrower than a third of the box's height as kerning, and
        # a word's box (ascenders to descenders) is taller than its letters, so Tolkförmedling
        # Väst's scanned revisionsberättelse read "enligtgällande", "atträkenskapernai" and a
        # stamped Alingsås extract "förAlingsås"
        lines.setdefault((cols[2], cols[3], cols[4]), []).append(
            Run(left * k, height - (top + h) * k, (left + w) * k, height - top * k, clean_text(cols[11]) + " "))
    return [RawLine(runs) for runs in lines.values()]
