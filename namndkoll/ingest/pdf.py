"""The one module that talks to PDF libraries: ``read_pdf(path) -> Document``.

Each page's text is read in one pass over pdfium's characters (linear in them, whatever the
number of text objects): the page text is cut at pdfium's line breaks and at the gaps it
marks with generated spaces, each stretch gets the loose boxes of its first and last
characters (word by word where real spaces hide a wide gap), and stretches on one baseline
without a wide gap between them make runs, each with its font size and weight
(``layout.py`` makes lines, reading order, margins and the page text from those). pdfplumber's table finder, which is precise but slow,
only runs on the pages that look like tables (ruling lines, or lines of aligned number
columns), and the table text is then left out of the body. Pages with no text layer, and
pages whose text layer is garbage (a broken font encoding: ``readable.py``), are OCR'd with
Tesseract when it is installed, otherwise marked ``needs_ocr`` / ``unreadable``.

Limits per file (``limits.py``), each with a one-line message that names its setting
(environment variable, or the ``limits`` argument of ``read_pdf`` / ``read_document``):

- ``NAMNDKOLL_MAX_PAGE_CHARS`` (500000): characters of text on one page;
- ``NAMNDKOLL_MAX_TABLE_CHARS`` (30000): pages with more characters skip the table finder
  (pdfplumber's cost grows fast with the characters), with a warning;
- ``NAMNDKOLL_MAX_OCR_PIXELS`` (40000000): pixels of one page rendered for OCR; a bigger page
  is rendered at a lower resolution, down to 100 dpi, and below that left un-OCR'd;
- ``NAMNDKOLL_MAX_INFLATED_MB`` (256): megabytes the file's compressed streams (images
  aside) inflate to, checked before pdfium parses them (a "flate bomb" inflates to gigabytes);
- ``NAMNDKOLL_MAX_PAGE_SECONDS`` (120) and ``NAMNDKOLL_MAX_FILE_SECONDS`` (1800): reading time,
  checked between pages (and given to Tesseract as its time-out).
"""

from __future__ import annotations

import ctypes
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import EmptyFileError, EncryptedPdfError, IngestError, NotAPdfError
from ..types import Document, Page, Table, with_offsets
from .layout import (
    PageLines,
    RawLine,
    Run,
    clean_text,
    compose,
    group_lines,
    looks_tabular,
    reading_order,
    repair_hyphenation,
    split_margins,
)
from .limits import Limits, check_inflated, limit_error
from .readable import unreadable

__all__ = ["OCR_HINT", "Limits", "clean_text", "ocr_available", "read_pdf", "repair_hyphenation"]

OCR_INSTALL = "install Tesseract with Swedish (apt install tesseract-ocr tesseract-ocr-swe)"
OCR_HINT = f"{OCR_INSTALL} and ingest the file again with --ocr"


# ---- text runs from pdfium's characters -------------------------------------------------

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
_GLUED = re.compile(r"(?<=[a-zåäöéü])(?=[A-ZÅÄÖÉÜ])")


def _page_runs(textpage: object, pdfium_c: object, n: int) -> tuple[list[Run], list[Run]]:
    """Runs of the page in one pass over its characters: stretches of text on one baseline
    without a gap wider than ~0.8 em, each with its box and the font of its first character
    (size; bold from the font's name or flags). Text set vertically (a signature key up the
    page's edge) makes runs of its own, the second list."""
    chars = _Chars(textpage, pdfium_c, n)
    text = chars.text
    runs: list[Run] = []
    rotated: list[Run] = []
    # [start, end, x0, y0, x1, y1, size, bold, vertical, cell starts] of the run being built
    cur: list = []

    def flush() -> None:
        a, parts = cur[0], []
        for k in cur[9]:  # a space between two cells set touching
            parts.append(text[a:k])
            a = k
        t = " ".join([*parts, text[a:cur[1]]])
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
                continue
            flush()
        size, bold = chars.font(i)
        cur = [i, end, x0, y0, x1, y1, size, bold, vertical, [] if vertical else chars.cell_starts(i, end)]
    if cur:
        flush()
    return runs, rotated


# An e-signing service's reference stamped on every page ("Document reference: 6044_2025…",
# "Dokumentreferens: …", "Verifikat: …"), set beside whatever line stands at its height: page
# furniture, not part of that line (it would end a § heading's title or a roll-call row)
_SIGNING_STAMP = re.compile(r"^(?:Document reference|Dokumentreferens|Document ID|Dokument-?ID|Verifikat)\s*:?\s*"
                            r"[0-9A-Za-z][0-9A-Za-z_-]{11,}$", re.IGNORECASE)


# ---- tables -----------------------------------------------------------------------------

_NUMCELL = re.compile(r"^[-−–+]?\(?\d[\d  ,.]*\)?\s*%?$")


def _count_paths(page: object, pdfium_c: object, limit: int = 6) -> int:
    """Vector paths (ruling lines, boxes) on the page, counted up to ``limit``."""
    raw = page.raw  # type: ignore[attr-defined]
    n = 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):  # type: ignore[attr-defined]
        if pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i)) == pdfium_c.FPDF_PAGEOBJ_PATH:  # type: ignore[attr-defined]
            n += 1
            if n >= limit:
                break
    return n


def _tables(plumber_pdf: object, index: int, number: int, ruled: bool) -> list[Table]:
    page = plumber_pdf.pages[index]  # type: ignore[attr-defined]
    settings = {} if ruled else {"vertical_strategy": "text", "horizontal_strategy": "text",
                                 "min_words_vertical": 3, "min_words_horizontal": 2}
    out = []
    for t in page.find_tables(table_settings=settings):
        texts = [tuple(clean_text(c or "").replace("\n", " ").strip() for c in row) for row in t.extract()]
        boxes = [tuple(_box(b) for b in r.cells) for r in t.rows]
        if len(boxes) != len(texts):  # (pdfplumber gives both per row, in the same order)
            boxes = [()] * len(texts)
        kept = [(r, b) for r, b in zip(texts, boxes, strict=True) if any(r)]
        rows = tuple(r for r, _ in kept)
        cells: tuple[tuple[tuple[float, float, float, float] | None, ...], ...] = ()
        if rows:  # merged cells leave columns that are empty in every row: drop them
            width = max(len(r) for r in rows)
            keep = [i for i in range(width) if any(i < len(r) and r[i] for r in rows)]
            rows = tuple(tuple(r[i] if i < len(r) else "" for i in keep) for r in rows)
            cells = tuple(tuple(b[i] if i < len(b) else None for i in keep) for _, b in kept)
        if len(rows) < 2 or max(len(r) for r in rows) < 2:
            continue
        if not ruled and not any(_NUMCELL.match(c) for r in rows for c in r if c):
            continue  # text strategy on prose: not a table
        if _prose(rows):
            continue
        x0, top, x1, bottom = (float(x) for x in t.bbox)
        out.append(Table(number, rows, (x0, top, x1, bottom), cells))
    return out


def _box(b: object) -> tuple[float, float, float, float] | None:
    if not b:
        return None
    x0, top, x1, bottom = (round(float(x), 2) for x in b)  # type: ignore[attr-defined]
    return (x0, top, x1, bottom)


def _prose(rows: tuple[tuple[str, ...], ...]) -> bool:
    """Lines of prose cut into one-word cells (a title in a bordered box, read as a grid)."""
    cells = [c for r in rows for c in r if c]
    if max(len(r) for r in rows) < 8 or not cells:
        return False
    numeric = sum(bool(_NUMCELL.match(c)) for c in cells)
    words = sum(c.isalpha() for c in cells)
    return numeric < 0.2 * len(cells) and words >= 0.6 * len(cells)


def _without_tables(lines: list[RawLine], tables: list[Table], height: float) -> list[RawLine]:
    """Drop the runs that lie inside a table (pdfplumber boxes are top-down, pdfium bottom-up)."""
    boxes = [(t.bbox[0] - 2, height - t.bbox[3] - 2, t.bbox[2] + 2, height - t.bbox[1] + 2)
             for t in tables if t.bbox]
    out = []
    for ln in lines:
        keep = [r for r in ln.runs if not any(b[0] <= (r.x0 + r.x1) / 2 <= b[2] and b[1] <= (r.y0 + r.y1) / 2 <= b[3]
                                              for b in boxes)]
        if keep:
            out.append(RawLine(keep))
    return out


# ---- OCR --------------------------------------------------------------------------------

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


_OCR_DPI, _OCR_MIN_DPI = 300, 100


def _ocr_dpi(width: float, height: float, max_pixels: int) -> int:
    """The resolution to render a page of ``width`` x ``height`` points for OCR: 300 dpi, lower
    for a page that would exceed ``max_pixels``; 0 when even 100 dpi would."""
    inches = max(width, 1.0) * max(height, 1.0) / 72 / 72
    dpi = min(_OCR_DPI, int((max_pixels / inches) ** 0.5))
    return dpi if dpi >= _OCR_MIN_DPI else 0


def _ocr_page(page: object, dpi: int, timeout: float) -> list[RawLine]:
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
        lines.setdefault((cols[2], cols[3], cols[4]), []).append(
            Run(left * k, height - (top + h) * k, (left + w) * k, height - top * k, clean_text(cols[11])))
    return [RawLine(runs) for runs in lines.values()]


# ---- the reader -------------------------------------------------------------------------

def _open(data: bytes) -> object:
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise EncryptedPdfError(
                "password-protected PDF: remove the password (e.g. `qpdf --decrypt "
                "--password=PASSWORD in.pdf out.pdf`) and ingest the copy") from exc
        if re.search(rb"/Count\s+0\b", data) and not re.search(rb"/Count\s+[1-9]", data):
            raise IngestError("the PDF has no pages: re-export it") from exc
        raise IngestError(
            f"damaged or truncated PDF ({exc}): re-download or re-export it") from exc


@dataclass
class _PageRead:
    lines: list[RawLine]
    state: str  # OcrState
    tables: list[Table]
    width: float
    height: float


class _Reader:
    """One open PDF: pdfium always, pdfplumber once a page looks like a table."""

    def __init__(self, path: Path, data: bytes, ocr: bool | None, limits: Limits) -> None:
        import pypdfium2.raw as pdfium_c

        self.path, self.ocr, self.limits, self.c = path, ocr, limits, pdfium_c
        self.pdf = _open(data)
        self.plumber: object | None = None
        self.warnings: list[str] = []

    def close(self) -> None:
        self.pdf.close()  # type: ignore[attr-defined]
        if self.plumber is not None:
            self.plumber.close()  # type: ignore[attr-defined]

    def page(self, i: int, started: float) -> _PageRead:
        page = self.pdf[i]  # type: ignore[index]
        try:
            width, height = page.get_size()
            tp = page.get_textpage()
            try:
                n_chars = tp.count_chars()
                if n_chars > self.limits.page_chars:
                    raise limit_error(f"page {i + 1} has {n_chars:,} characters of text", "PAGE_CHARS",
                                 self.limits.page_chars)
                runs, rotated = _page_runs(tp, self.c, n_chars) if n_chars else ([], [])
            finally:
                tp.close()
            read = _PageRead([], "needs_ocr", [], width, height)
            if runs or rotated:
                read.lines, read.tables = self._text_lines(runs, page, i, n_chars, width, height)
                read.lines += [RawLine([r]) for r in rotated]  # after the page's own lines
                read.state = "text"
                if unreadable([ln.text() for ln in read.lines]):
                    read.state, read.lines, read.tables = "unreadable", [], []
            if read.state != "text" and self.ocr is not False and ocr_available():
                dpi = _ocr_dpi(width, height, self.limits.ocr_pixels)
                if dpi:
                    left = self.limits.page_seconds - (time.perf_counter() - started)
                    read.lines, read.state = _ocr_page(page, dpi, left), "ocr"
                else:
                    self.warnings.append(
                        f"page {i + 1} ({width / 72 * 2.54:.0f} x {height / 72 * 2.54:.0f} cm) is too "
                        f"large to OCR at {_OCR_MIN_DPI} dpi within NAMNDKOLL_MAX_OCR_PIXELS="
                        f"{self.limits.ocr_pixels}: raise it to OCR the page")
            return read
        finally:
            page.close()

    def _text_lines(self, runs: list[Run], page: object, i: int, n_chars: int, width: float,
                    height: float) -> tuple[list[RawLine], list[Table]]:
        runs = [r for r in runs if not _SIGNING_STAMP.match(r.text.strip())]
        lines = group_lines(runs) if runs else []
        tables: list[Table] = []
        # table cells make lines of several separate runs; prose pages skip the checks
        multi = sum(1 for ln in lines if len(ln.runs) >= 2)
        n_paths = _count_paths(page, self.c) if multi >= 1 else 0
        if multi >= 1 and looks_tabular(lines, n_paths, width, height):
            if n_chars > self.limits.table_chars:
                self.warnings.append(
                    f"page {i + 1} looks like a table but has {n_chars:,} characters: its tables were not "
                    f"read (NAMNDKOLL_MAX_TABLE_CHARS={self.limits.table_chars}; raise it to read them)")
            else:
                if self.plumber is None:
                    import pdfplumber

                    self.plumber = pdfplumber.open(self.path)
                try:
                    tables = _tables(self.plumber, i, i + 1, ruled=n_paths >= 6)
                except Exception:  # noqa: BLE001 - a table we cannot read stays body text
                    tables = []
                if tables:
                    lines = _without_tables(lines, tables, height)
        return reading_order(lines, width), tables


def read_pdf(path: str | Path, *, ocr: bool | None = None, limits: Limits | None = None) -> Document:
    """Read one PDF into a Document of clean pages (metadata and § items come later).

    ``ocr``: None = OCR pages without (readable) text when Tesseract is installed, True = the
    same but an error if it is not, False = never (such pages are marked ``needs_ocr`` or
    ``unreadable``). ``limits``: what one file may cost (default ``Limits.from_env()``).
    """
    path = Path(path)
    limits = limits or Limits.from_env()
    started = time.perf_counter()
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read the file ({exc.strerror}): check the path and permissions") from exc
    if not data:
        raise EmptyFileError("empty file (0 bytes): re-download or re-export it")
    if b"%PDF-" not in data[:1024]:
        raise NotAPdfError("not a PDF (no %PDF header): check the file, only PDFs are ingested")
    if ocr and not ocr_available():
        raise IngestError(f"--ocr asked for but Tesseract is missing: {OCR_INSTALL}")
    sha = hashlib.sha256(data).hexdigest()
    if b"/Encrypt" not in data:
        check_inflated(data, limits.inflated_mb)

    reader = _Reader(path, data, ocr, limits)
    reads: list[_PageRead] = []
    try:
        n = len(reader.pdf)  # type: ignore[arg-type]
        if n == 0:
            raise IngestError("the PDF has no pages: re-export it")
        for i in range(n):
            t_page = time.perf_counter()
            try:
                reads.append(reader.page(i, t_page))
            except IngestError:
                raise
            except Exception as exc:
                raise IngestError(f"page {i + 1} cannot be read ({exc}): the PDF is "
                                  f"damaged; re-download or re-export it") from exc
            now = time.perf_counter()
            if now - t_page > limits.page_seconds:
                raise limit_error(f"page {i + 1} took {now - t_page:.0f} s to read", "PAGE_SECONDS",
                             limits.page_seconds)
            if now - started > limits.file_seconds:
                raise limit_error(f"reading took {now - started:.0f} s by page {i + 1} of {n}", "FILE_SECONDS",
                             limits.file_seconds)
    finally:
        reader.close()
    return Document(source=str(path), sha256=sha, pages=with_offsets(_pages(reads)), size=len(data),
                    warnings=tuple(reader.warnings + _state_warnings(reads)))


def _pages(reads: list[_PageRead]) -> list[Page]:
    """Pages from the lines read: margins out of the body, then text and line boxes."""
    texts = [[ln.text() for ln in r.lines] for r in reads]
    plines = []
    for r, t in zip(reads, texts):
        if r.lines:
            plines.append(PageLines(t, [r.height - ln.top for ln in r.lines],
                                    [r.height - ln.bottom for ln in r.lines], r.height))
        else:
            plines.append(PageLines(t))
    pages = []
    for no, (r, t, (head, body, foot)) in enumerate(zip(reads, texts, split_margins(plines)), 1):
        text, lines = compose([r.lines[k] for k in body], [t[k] for k in body], r.height)
        pages.append(Page(no, text, 0, "\n".join(t[k] for k in head), "\n".join(t[k] for k in foot),
                          r.state, tuple(r.tables), lines, round(r.width, 1), round(r.height, 1)))  # type: ignore[arg-type]
    return pages


def _state_warnings(reads: list[_PageRead]) -> list[str]:
    out = []
    n = len(reads)
    missing = [no for no, r in enumerate(reads, 1) if r.state == "needs_ocr"]
    if missing:
        out.append(f"{len(missing)} of {n} pages have no text layer and need OCR "
                   f"(pages {_ranges(missing)}): {OCR_HINT}")
    bad = [no for no, r in enumerate(reads, 1) if r.state == "unreadable"]
    if bad:
        out.append(f"{len(bad)} of {n} pages have a text layer that does not read as words (a broken "
                   f"font encoding; pages {_ranges(bad)}), left out: {OCR_HINT}")
    ocrd = sum(r.state == "ocr" for r in reads)
    if ocrd:
        out.append(f"{ocrd} pages read by OCR (Tesseract, swe): check quotes against the page")
    return out


def _ranges(nums: list[int]) -> str:
    """"1, 3-5, 9" for [1, 3, 4, 5, 9]."""
    out: list[str] = []
    start = nums[0]
    for a, b in zip(nums, [*nums[1:], -1]):
        if b != a + 1:
            out.append(str(start) if start == a else f"{start}-{a}")
            start = b
    return ", ".join(out)


# ---- page images (namndkoll serve) -------------------------------------------------------

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the page's top-left


def render_page(path: str | Path, number: int, *, scale: float = 1.5, boxes: tuple[Box, ...] = ()) -> bytes:
    """Page ``number`` (1-based) of the PDF at ``path`` as PNG bytes, with ``boxes`` drawn as a
    translucent highlight. Raises NotFoundError for a page the PDF does not have."""
    import io

    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    from ..errors import NotFoundError

    pdf = _open(Path(path).read_bytes())
    try:
        if not 1 <= number <= len(pdf):  # type: ignore[arg-type]
            raise NotFoundError(f"the PDF has {len(pdf)} pages, not {number}")  # type: ignore[arg-type]
        page = pdf[number - 1]  # type: ignore[index]
        try:
            image = page.render(scale=scale).to_pil().convert("RGB")
        except pdfium.PdfiumError as exc:
            raise IngestError(f"page {number} cannot be drawn ({exc}): the PDF is damaged") from exc
        finally:
            page.close()
    finally:
        pdf.close()  # type: ignore[attr-defined]
    if boxes:
        overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
        draw = ImageDraw.Draw(overlay)
        pad = 1.5 * scale
        for x0, top, x1, bottom in boxes:
            rect = (x0 * scale - pad, top * scale - pad, x1 * scale + pad, bottom * scale + pad)
            draw.rectangle(rect, fill=(255, 214, 0, 90), outline=(214, 120, 0, 255), width=max(1, round(scale)))
        image = Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=1)  # level 1: a third of the time of the default, 15% bigger
    return buf.getvalue()


def find_text_boxes(path: str | Path, number: int, lines: list[str]) -> tuple[Box, ...]:
    """Boxes of ``lines`` (lines of a page's clean text, in order) found in the PDF's own text
    layer of page ``number``: for documents read before pages kept their layout (Page.lines).
    Each line is looked for after the previous match; a line that is not found as a whole
    (hyphenation repaired, a header removed) is looked for in two halves, else skipped."""
    import pypdfium2 as pdfium

    pdf = _open(Path(path).read_bytes())
    out: list[Box] = []
    try:
        if not 1 <= number <= len(pdf):  # type: ignore[arg-type]
            return ()
        page = pdf[number - 1]  # type: ignore[index]
        height = page.get_size()[1]
        tp = page.get_textpage()
        pos = 0

        def find(snippet: str) -> bool:
            nonlocal pos
            searcher = tp.search(snippet, match_case=False)
            first = None
            while (occ := searcher.get_next()) is not None:
                first = first or occ
                if occ[0] >= pos:
                    break
            else:
                occ = first
            searcher.close()
            if occ is None:
                return False
            for i in range(tp.count_rects(occ[0], occ[1])):
                left, bottom, right, top = tp.get_rect(i)
                out.append((left, height - top, right, height - bottom))
            pos = occ[0] + occ[1]
            return True

        try:
            for line in (x.strip() for x in lines):
                if len(line) < 3 or find(line):
                    continue
                cut = line.find(" ", len(line) // 2)
                if cut > 0:
                    find(line[:cut])
                    find(line[cut + 1:])
        except pdfium.PdfiumError:
            pass  # a broken text layer: the page is shown without boxes
        finally:
            tp.close()
            page.close()
    finally:
        pdf.close()  # type: ignore[attr-defined]
    return tuple(out)
