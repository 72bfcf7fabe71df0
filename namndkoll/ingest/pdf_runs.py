"""A page's text runs in one pass over pdfium's characters (``pdf.py`` reads the pages).

The page text is cut at pdfium's line breaks and at the gaps it marks with generated spaces,
each stretch gets the loose boxes of its first and last characters (word by word where real
spaces hide a wide gap), and stretches on one baseline without a wide gap between them make
runs, each with its font size and weight: linear in the characters, whatever the number of
text objects. A footnote's mark set smaller and raised after a word is kept apart from it as
superscript digits after a space ("riktlinje ¹"; ``_marked``), a raised 2 or 3 after a unit of
length stays the area or volume ("km2", "m3/s").
"""

from __future__ import annotations

import ctypes
import re
from collections.abc import Iterator

from ..marks import SUPERSCRIPT_DIGITS
from .layout import Run, clean_text

# pdfium ends its lines with a generated CR LF, and writes a hyphen that ends a line as U+FFFE
# (or 0x02) with no line break after it: both end a piece of text
_PDFIUM_LINE = re.compile("[^\r\n\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
_WORD = re.compile(r"\S+")
_BOLD_NAME = re.compile(r"bold|black|heavy|demi|semibold|fett", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # font descriptor flag ForceBold


def _page_text(textpage: object, pdfium_c: object, n: int) -> str:
    """The page's characters as one string, one character per pdfium character index."""
    text = textpage.get_text_range()  # type: ignore[attr-defined]
    if len(text) == n:
        return text
    get = pdfium_c.FPDFText_GetUnicode  # type: ignore[attr-defined]
    raw = textpage.raw  # type: ignore[attr-defined]
    return "".join(chr(c) if 0 < (c := get(raw, i)) < 0x110000 else " " for i in range(n))


class _Chars:
    """pdfium's characters of one page, read through its C functions one call at a time."""

    def __init__(self, textpage: object, pdfium_c: object, n: int) -> None:
        self.text = _page_text(textpage, pdfium_c, n)
        self.raw = textpage.raw  # type: ignore[attr-defined]
        self.rect = pdfium_c.FS_RECTF()  # type: ignore[attr-defined]
        self.prect = ctypes.byref(self.rect)
        self.box_of = pdfium_c.FPDFText_GetLooseCharBox  # type: ignore[attr-defined]
        self.generated = pdfium_c.FPDFText_IsGenerated  # type: ignore[attr-defined]
        self.count_rects = pdfium_c.FPDFText_CountRects  # type: ignore[attr-defined]
        self.font_size = pdfium_c.FPDFText_GetFontSize  # type: ignore[attr-defined]
        self.font_info = pdfium_c.FPDFText_GetFontInfo  # type: ignore[attr-defined]
        self.matrix_of = pdfium_c.FPDFText_GetMatrix  # type: ignore[attr-defined]
        self.matrix = pdfium_c.FS_MATRIX()  # type: ignore[attr-defined]
        self.pmatrix = ctypes.byref(self.matrix)
        self.origin_of = pdfium_c.FPDFText_GetCharOrigin  # type: ignore[attr-defined]
        self.ox, self.oy = ctypes.c_double(), ctypes.c_double()
        self.porigin = (ctypes.byref(self.ox), ctypes.byref(self.oy))
        self.name = ctypes.create_string_buffer(128)
        self.flags = ctypes.c_int()
        self.pflags = ctypes.byref(self.flags)
        self.bold_of: dict[tuple[bytes, int], bool] = {}

    def box(self, i: int, j: int) -> tuple[float, float, float, float, bool] | None:
        """The box of characters ``i``..``j`` (one line of text) from their first and last
        characters' loose boxes, and whether the text is set vertically."""
        rect, raw = self.rect, self.raw
        if not self.box_of(raw, i, self.prect):
            return None
        x0, y0, x1, y1 = rect.left, rect.bottom, rect.right, rect.top
        if j > i and (self.box_of(raw, j, self.prect) or self.box_of(raw, j - 1, self.prect)):
            # the last letter beside the first: horizontal; above or below it: set vertically
            vertical = abs(rect.bottom + rect.top - y0 - y1) > max(rect.top - rect.bottom, y1 - y0, 1.0)
            return (min(x0, rect.left), min(y0, rect.bottom), max(x1, rect.right), max(y1, rect.top),
                    vertical)
        return x0, y0, x1, y1, False

    def font(self, i: int) -> tuple[float, bool]:
        key_len = self.font_info(self.raw, i, self.name, 128, self.pflags)
        key = (self.name.value if key_len <= 128 else b"", self.flags.value)
        bold = self.bold_of.get(key)
        if bold is None:
            bold = self.bold_of[key] = bool(key[1] & _FORCE_BOLD or _BOLD_NAME.search(key[0].decode("latin-1")))
        size = self.font_size(self.raw, i)
        if self.matrix_of(self.raw, i, self.pmatrix):
            m = self.matrix  # the size as printed: "1 Tf" scaled up by the text matrix is common
            scale = (m.c * m.c + m.d * m.d) ** 0.5
            if scale > 0:
                size *= scale
        return round(size, 1), bold

    def cell_starts(self, i: int, end: int) -> list[int]:
        """Where, inside characters ``i``..``end``, a word starts that is glued to the one before
        it with no space: a capital right after a small letter whose box it overlaps by a third
        of the letter's height or more — two table cells set touching ("Kostnad för kommunen" |
        "Minskat utbetalt …"), which pdfium gives as "kommunenMinskat"."""
        out = []
        for m in _GLUED.finditer(self.text, i, end):
            k = m.start()
            if not self.box_of(self.raw, k - 1, self.prect):
                continue
            right, height = self.rect.right, self.rect.top - self.rect.bottom
            if self.box_of(self.raw, k, self.prect) and right - self.rect.left > max(height, 1.0) / 3:
                out.append(k)
        return out

    def raised(self, k: int, ref: int) -> bool:
        """Whether character ``k`` is set as a superscript beside character ``ref``: in type at
        most ``_SUP_SIZE`` of its size, its baseline raised by ``_SUP_RISE`` of that size or more
        (but less than the size: higher up is the line above)."""
        size_ref = self.font(ref)[0]
        if size_ref <= 0 or self.font(k)[0] > size_ref * _SUP_SIZE:
            return False
        if not self.origin_of(self.raw, ref, *self.porigin):
            return False
        y_ref = self.oy.value
        if not self.origin_of(self.raw, k, *self.porigin):
            return False
        return _SUP_RISE * size_ref <= self.oy.value - y_ref < size_ref

    def superscripts(self, i: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, where the text goes on) of each run of superscript digits inside
        characters ``i``..``end`` glued to what stands before it ("riktlinje¹", "2024⁶", "nås.²", "m³"): the digits that end a
        run of digits, smaller and raised beside the character before the run (or, inside a
        number, beside its first digit: "100 000⁴"). Two checks per run of digits."""
        out = []
        text = self.text
        for m in _DIGITS.finditer(text, i, end):
            a, b = m.start(), m.end()
            glued = a > 0 and not text[a - 1].isspace()
            ref = a - 1 if glued else a
            if ref == b - 1 or not self.raised(b - 1, ref):
                continue
            s = b - 1
            while s > a and self.raised(s - 1, ref):
                s -= 1
            if s > a or glued:
                # pdfium ends a line after a superscript (its baseline is another) and starts
                # one at the sentence's stop or the word's hyphen, which the run joins with a
                # space ("råd² . Exempelvis", "SRHR⁶ -utbildning"): none on the page, none in the text
                gap = _GAP_BEFORE_MARK.match(text, b)
                resume = gap.end() if gap and all(self.generated(self.raw, k) for k in range(b, gap.end())) else b
                out.append((s, b, resume))
        return out

    def pieces(self) -> Iterator[tuple[int, int, tuple[float, float, float, float, bool]]]:
        """(start, end, box) of each stretch of text that no gap pdfium saw (a generated space)
        or line break parts; a stretch wider than its letters can fill (spaces that stand
        for a gap) is taken word by word instead. A line that is one text object (one
        rectangle for pdfium) is one stretch unless it is that wide."""
        text, raw, generated = self.text, self.raw, self.generated
        for line in _PDFIUM_LINE.finditer(text):
            start, end = line.start(), line.end()
            if self.count_rects(raw, start, end - start) <= 1:
                cuts = [end]
            else:
                cuts = [m.start() for m in _SPACE.finditer(text, start, end) if generated(raw, m.start())]
                cuts.append(end)
            stamp = _STAMP.search(text, start, end)
            if stamp:  # an e-signing stamp set in the line's own text object: a stretch of its own
                cuts = sorted({*cuts, stamp.start()})
            for k in cuts:
                i, j = start, k - 1
                start = k + 1
                while i <= j and text[i].isspace():
                    i += 1
                while j >= i and text[j].isspace():
                    j -= 1
                if i > j:
                    continue
                box = self.box(i, j)
                if box is None:
                    continue
                if not box[4] and (box[2] - box[0]) > (j - i + 1) * max(box[3] - box[1], 1.0) * 0.8 + 2:
                    for w in _WORD.finditer(text, i, j + 1):  # a gap hidden behind real spaces
                        wbox = self.box(w.start(), w.end() - 1)
                        if wbox is not None:
                            yield w.start(), w.end(), wbox
                    continue
                yield i, j + 1, box


_SPACE = re.compile(r"\s")
_DIGITS = re.compile(r"\d+")
_SUP_SIZE = 0.85  # a superscript's type is at most this share of the text's (Word sets it at 2/3) ...
_SUP_RISE = 0.15  # ... and its baseline this share of the text's size or more above the text's
_GAP_BEFORE_MARK = re.compile(r"\s+(?=[-.,;:!?)\]/])")
# an e-signing service's reference ("Document reference: 06e5506e-4aca-…") that a layout text sets
# after a space (pdfium gives its run of spaces as one) on one of the page's lines, e.g. a roll
# call's member row with its mark: cut off there, it makes a run that pdf.py drops as page
# furniture, and the row keeps its own box
_STAMP = re.compile(r"[ \t]+(?=(?:Document reference|Dokumentreferens|Document ID|Dokument-?ID|Verifikat)"
                    r"[ \t]*:?[ \t]*[0-9A-Za-z][0-9A-Za-z_-]{11,}[ \t]*$)", re.IGNORECASE)
_GLUED = re.compile(r"(?<=[a-zåäöéü])(?=[A-ZÅÄÖÉÜ])")


_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)
# a unit of length before a raised 2 or 3: an area or a volume ("m²", "km²", "m³/s", "Mm³")
_UNIT_BEFORE = re.compile(r"(?:^|[\W\d_])[kcdmM]?m$")


def _marked(text: str, a: int, b: int, cells: list[int], sups: list[tuple[int, int, int]]) -> str:
    """Characters ``a``..``b`` of the page text as a run's text: a space where two table cells
    were set touching (``cells``), and the superscripts (``sups``) kept apart from the word
    they are glued to. A footnote's mark becomes superscript digits after a space
    ("riktlinje1" -> "riktlinje ¹", "20246" -> "2024 ⁶"): the word and the year are words
    again for the keyword index (FTS5 and the regexes take "riktlinje¹" for one word, and a
    plain "2024 6" would be read as another number), while the quote still shows a footnote's
    mark, not a figure of the sentence. A raised 2 or 3 after a unit of length is an area or a
    volume and stays as it was read, glued ("km2", "m3"): the spelling the figure reader knows
    (``measures.py``) and a searcher types."""
    edits = sorted([(k, k, k) for k in cells] + sups)
    out: list[str] = []
    pos = a
    for s, e, resume in edits:
        if s < pos or s >= b:
            continue
        out.append(text[pos:s])
        pos = s
        if s == e:  # a space between two cells set touching
            out.append(" ")
            continue
        digits = text[s:e]
        unit = digits in ("2", "3") and _UNIT_BEFORE.search(text[max(0, s - 3):s]) is not None
        out.append(digits if unit else " " + digits.translate(_SUPERSCRIPT))
        pos = min(resume, b)
    out.append(text[pos:b])
    return "".join(out)


def page_runs(textpage: object, pdfium_c: object, n: int) -> tuple[list[Run], list[Run]]:
    """Runs of the page in one pass over its characters: stretches of text on one baseline
    without a gap wider than ~0.8 em, each with its box and the font of its first character
    (size; bold from the font's name or flags). Text set vertically (a signature key up the
    page's edge) makes runs of its own, the second list."""
    chars = _Chars(textpage, pdfium_c, n)
    text = chars.text
    runs: list[Run] = []
    rotated: list[Run] = []
    # [start, end, x0, y0, x1, y1, size, bold, vertical, cell starts, superscripts] of the run being built
    cur: list = []

    def flush() -> None:
        t = _marked(text, cur[0], cur[1], cur[9], cur[10])
        if t.endswith("\u00ad"):
            t = t[:-1] + "-"  # a soft hyphen shown at a line end
        t = clean_text(t).replace("\n", " ").lstrip()
        if t.strip():
            (rotated if cur[8] else runs).append(Run(cur[2], cur[3], cur[4], cur[5], t, cur[6], cur[7]))

    for i, end, (x0, y0, x1, y1, vertical) in chars.pieces():
        if cur:
            if vertical and cur[8]:
                cur[1], cur[2], cur[3], cur[4], cur[5] = (end, min(cur[2], x0), min(cur[3], y0),
                                                          max(cur[4], x1), max(cur[5], y1))
                continue
            h = max(cur[5] - cur[3], y1 - y0, 1.0)
            gap = x0 - cur[4]
            if (not vertical and not cur[8] and abs((cur[3] + cur[5]) - (y0 + y1)) / 2 < 0.45 * h
                    and -0.5 * h < gap < 0.7 * h):
                cur[1], cur[3], cur[4], cur[5] = end, min(cur[3], y0), max(cur[4], x1), max(cur[5], y1)
                cur[9] += chars.cell_starts(i, end)
                cur[10] += chars.superscripts(i, end)
                continue
            flush()
        size, bold = chars.font(i)
        cur = [i, end, x0, y0, x1, y1, size, bold, vertical, [] if vertical else chars.cell_starts(i, end),
               [] if vertical else chars.superscripts(i, end)]
    if cur:
        flush()
    return runs, rotated

