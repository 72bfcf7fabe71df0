"""Running headers and footers of OCR'd pages, which Tesseract reads differently on each page.

The same printed head comes back as "ÖR NYKARLEBY" / "SE NYKARLEBY" / "6 NYKARLEBY", "&j
UUSIKAARLEPYY" / "CzP VUSIKAARLEPYY", the logo above it as "<Ae", "-", "=" or nothing, and
"Protokoll 438 15.09.2022 Sida" as one line on one page and as "Protokoll" + "438 15.09.2022
Sida" on the next: ``layout.split_margins`` looks for lines repeated as written (numbers aside)
and finds none. Here a line of an OCR'd page is a running header or footer when most OCR'd
pages have a line at the same height whose letters (case folded, digits and signs left out)
are alike by difflib's ratio; a line beside such a line (the same row, split by OCR) and a
logo's specks between them go with it. Only OCR'd pages are compared, and only with each
other: text-layer pages keep the exact rules.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layout import PageLines

__all__ = ["OcrMargins"]

_BAR = 0.75  # difflib ratio of the letters: "czpvusikaarlepyy"/"juusikaarlepyy" 0.83, "protokoll"/"protokollsida" 0.82
_TOL = 10.0  # points of height between the same line on two pages (a logo's line wanders ~7)
_ROW = 3.0  # points: two lines this close in height are one printed row that OCR split
_SPECK = 4  # fewer word characters: a logo or a stain read as "<Ae", "-", "SOK", not a line
_MIN_LETTERS = 3
_WORD = re.compile(r"\w")


def _letters(line: str) -> str:
    return "".join(ch for ch in line.casefold() if ch.isalpha())


class OcrMargins:
    """The running header and footer lines of the OCR'd pages of one document.

    ``zones[k]`` holds the indexes of page k's lines near its top and its bottom edge as
    ``layout._zones`` gives them: only those are compared (a short page's last lines are not
    a footer for being at its end); pages that are not OCR'd or have no layout are left alone."""

    def __init__(self, pages: list[PageLines], zones: list[tuple[set[int], set[int]]], ocr: list[bool]) -> None:
        self.pages, self.ocr, self.zones = pages, ocr, zones
        # side -> height bucket -> letters -> [(page index, height)]
        self.pool: dict[str, dict[int, dict[str, list[tuple[int, float]]]]] = {
            "top": defaultdict(lambda: defaultdict(list)), "bottom": defaultdict(lambda: defaultdict(list))}
        used = [k for k in range(len(pages)) if self.applies(k)]
        self.need = max(2, (len(used) + 1) // 2)
        for k in used:
            for side, idx in zip(("top", "bottom"), zones[k]):
                for i in idx:
                    key = _letters(pages[k].texts[i])
                    if len(key) >= _MIN_LETTERS:
                        y = self._height(k, i, side)
                        self.pool[side][int(y // _TOL)][key].append((k, y))
        self._seen: dict[tuple[str, str, int], bool] = {}

    @staticmethod
    def _layout(p: PageLines) -> bool:
        return p.tops is not None and p.bottoms is not None and p.height > 0

    def applies(self, k: int) -> bool:
        return self.ocr[k] and bool(self.pages[k].texts) and self._layout(self.pages[k])

    def _height(self, k: int, i: int, side: str) -> float:
        """From the page's top for a header line, from its bottom for a footer line (pages of
        different sizes keep their footers the same distance from the bottom edge)."""
        p = self.pages[k]
        assert p.tops is not None and p.bottoms is not None
        return p.tops[i] if side == "top" else p.height - p.bottoms[i]

    def repeated(self, k: int, i: int, side: str) -> bool:
        """Line i of page k is alike (letters, height) to a line on most OCR'd pages."""
        s = self.pages[k].texts[i].strip()
        key = _letters(s)
        if i not in self.zones[k][side == "bottom"] or len(key) < _MIN_LETTERS or len(s) > 90 or s.endswith("."):
            return False  # deeper in the page, too short to compare, or a sentence
        y = self._height(k, i, side)
        memo = (side, key, round(y))
        if memo in self._seen:
            return self._seen[memo]
        sm = SequenceMatcher(autojunk=False)
        sm.set_seq2(key)
        pages: set[int] = set()
        buckets = self.pool[side]
        b = int(y // _TOL)
        for bucket in (buckets.get(b - 1, {}), buckets.get(b, {}), buckets.get(b + 1, {})):
            for other, where in bucket.items():
                near = {q for q, y2 in where if abs(y2 - y) <= _TOL and q not in pages}
                if not near:
                    continue
                sm.set_seq1(other)
                if other == key or (sm.real_quick_ratio() >= _BAR and sm.quick_ratio() >= _BAR
                                    and sm.ratio() >= _BAR):
                    pages |= near
                    if len(pages) >= self.need:
                        self._seen[memo] = True
                        return True
        self._seen[memo] = False
        return False

    def stack(self, k: int, order: list[int], side: str, margin: Callable[[int], bool]) -> set[int]:
        """The margin lines at one edge of page k, ``order`` running from the edge inwards:
        lines the exact rules (``margin``) or ``repeated`` take, lines on the same row as one of
        them, and specks between them; the stack ends at the last such line before one that is
        none of these (the body)."""
        p = self.pages[k]
        assert p.tops is not None
        tops = p.tops
        taken: dict[int, bool] = {}

        def take(i: int) -> bool:
            if i not in taken:
                taken[i] = margin(i) or self.repeated(k, i, side)
            return taken[i]

        out: set[int] = set()
        pending: list[int] = []
        for i in order:
            if take(i) or any(j != i and abs(tops[j] - tops[i]) <= _ROW and take(j) for j in order):
                out.update(pending)
                out.add(i)
                pending.clear()
            elif len(_WORD.findall(p.texts[i])) < _SPECK:
                pending.append(i)
            else:
                break
        return out
