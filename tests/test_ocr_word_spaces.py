"""OCR'd words are separated by a space however close Tesseract's boxes are (walk 21: the
scanned revisionsberättelse of Tolkförmedling Väst read "Granskningens resultatpresenteras",
"enligtgällande", "atträkenskapernai" where the page has spaces, so a quote was not the page's).
Tesseract itself is stubbed: its TSV of one line of words, 4 px apart at 300 dpi."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

import pytest

from namndkoll.ingest import ocr


class _Page:
    def render(self, scale: float, grayscale: bool) -> object:
        from PIL import Image

        return SimpleNamespace(to_pil=lambda: Image.new("L", (10, 10), 255))

    def get_height(self) -> float:
        return 842.0


def _tsv(words: list[str], gap: int) -> str:
    head = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
    rows, left = [head], 300
    for n, w in enumerate(words, 1):
        width = 22 * len(w)
        rows.append(f"5\t1\t1\t1\t1\t{n}\t{left}\t400\t{width}\t48\t95\t{w}")
        left += width + gap
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("gap", [4, 12, 30])
def test_close_words_keep_their_space(monkeypatch: pytest.MonkeyPatch, gap: int) -> None:
    words = ["Granskningens", "resultat", "presenteras", "i", "bifogad", "rapport."]
    done = subprocess.CompletedProcess([], 0, stdout=_tsv(words, gap), stderr="")
    monkeypatch.setattr(ocr.subprocess, "run", lambda *a, **k: done)
    (line,) = ocr.ocr_page(_Page(), 300, 10.0)
    assert line.text() == "Granskningens resultat presenteras i bifogad rapport."
