"""The PDF reader, ``read_pdf(path) -> Document``. It and its siblings are the only modules
that talk to PDF libraries: ``pdf_runs.py`` (a page's text runs from pdfium's characters),
``pdf_tables.py`` (pdfplumber's table finder), ``ocr.py`` (Tesseract) and ``pdf_images.py``
(page images for ``namndkoll serve``).

Each page's text is read in one pass over pdfium's characters (linear in them, whatever the
number of text objects): the page text is cut at pdfium's line breaks and at the gaps it
marks with generated spaces, each stretch gets the loose boxes of its first and last
characters (word by word where real spaces hide a wide gap), and stretches on one baseline
without a wide gap between them make runs, each with its font size and weight
(``layout.py`` makes lines, reading order, margins and the page text from those). pdfplumber's table finder, which is precise but slow,
only runs on the pages that look like tables (ruling lines, or lines of aligned number
columns), and the table text is then left out of the body. Pages with no text layer, and
pages whose text layer is garbage (a broken font encoding: ``readable.py``), are OCR'd with
Tesseract when it is installed, otherwise marked ``needs_ocr`` / ``unreadable``. In a document
with such garbage pages, the other text pages with many unknown words are OCR'd too and the
reading with more known words is kept (``_Reader.second_look``).

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

import hashlib
import re
import time
from dataclasses import dataclass
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
from .ocr import OCR_HINT, OCR_INSTALL, OCR_MIN_DPI, ocr_available, ocr_dpi, ocr_page
from .pdf_runs import page_runs
from .pdf_tables import count_paths, find_tables, with_captions, without_tables
from .readable import unknown_words, unreadable
from .site_chrome import viewer_lines

__all__ = ["OCR_HINT", "Limits", "clean_text", "ocr_available", "read_pdf", "repair_hyphenation"]

# An e-signing service's reference stamped on every page ("Document reference: 6044_2025…",
# "Dokumentreferens: …", "Verifikat: …"), set beside whatever line stands at its height: page
# furniture, not part of that line (it would end a § heading's title or a roll-call row)
_SIGNING_STAMP = re.compile(r"^(?:Document reference|Dokumentreferens|Document ID|Dokument-?ID|Verifikat)\s*:?\s*"
                            r"[0-9A-Za-z][0-9A-Za-z_-]{11,}$", re.IGNORECASE)


# ---- the reader -------------------------------------------------------------------------

def open_pdf(data: bytes) -> object:
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
    broken: bool = False  # its text layer was judged unreadable: the document's fonts are broken
    switched: bool = False  # its text layer read, but Tesseract's reading was kept (see second_look)


# In a document with broken fonts, a text page with more than this share of words not in the
# lexicon (names count, so a clean page has a few) is read again by Tesseract ...
SECOND_LOOK_UNKNOWN = 0.04
SECOND_LOOK_MIN_WORDS = 5
# ... whose reading is kept when its share of unknown words is at most this part of the text
# layer's: on a near tie the text layer (exact characters, fonts for headings) is the better one
OCR_BETTER = 0.8


class _Reader:
    """One open PDF: pdfium always, pdfplumber once a page looks like a table."""

    def __init__(self, path: Path, data: bytes, ocr: bool | None, limits: Limits) -> None:
        import pypdfium2.raw as pdfium_c

        self.path, self.ocr, self.limits, self.c = path, ocr, limits, pdfium_c
        self.pdf = open_pdf(data)
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
                runs, rotated = page_runs(tp, self.c, n_chars) if n_chars else ([], [])
                runs = _on_page(runs, page)
            finally:
                tp.close()
            read = _PageRead([], "needs_ocr", [], width, height)
            if runs or rotated:
                read.lines, read.tables = self._text_lines(runs, page, i, n_chars, width, height)
                read.lines += [RawLine([r]) for r in rotated]  # after the page's own lines
                read.state = "text"
                if unreadable([ln.text() for ln in read.lines]):
                    read.state, read.lines, read.tables, read.broken = "unreadable", [], [], True
            if read.state != "text" and self.ocr is not False and ocr_available():
                dpi = ocr_dpi(width, height, self.limits.ocr_pixels)
                if dpi:
                    left = self.limits.page_seconds - (time.perf_counter() - started)
                    read.lines, read.state = ocr_page(page, dpi, left), "ocr"
                else:
                    self.warnings.append(
                        f"page {i + 1} ({width / 72 * 2.54:.0f} x {height / 72 * 2.54:.0f} cm) is too "
                        f"large to OCR at {OCR_MIN_DPI} dpi within NAMNDKOLL_MAX_OCR_PIXELS="
                        f"{self.limits.ocr_pixels}: raise it to OCR the page")
            return read
        finally:
            page.close()

    def second_look(self, i: int, read: _PageRead, started: float) -> None:
        """A text page of a document whose fonts are broken elsewhere: when many of its words
        are not words ("välfärdsscef", "Töterrann-ngströrs"), Tesseract reads it too and the
        reading with the larger share of known words is kept. Pages with tables keep their text
        layer (OCR has no cells)."""
        if read.state != "text" or read.tables or not read.lines:
            return
        unknown, words = unknown_words([ln.text() for ln in read.lines])
        if words < SECOND_LOOK_MIN_WORDS or unknown <= SECOND_LOOK_UNKNOWN * words:
            return
        dpi = ocr_dpi(read.width, read.height, self.limits.ocr_pixels)
        if not dpi:
            return
        page = self.pdf[i]  # type: ignore[index]
        try:
            lines = ocr_page(page, dpi, self.limits.page_seconds - (time.perf_counter() - started))
        finally:
            page.close()
        o_unknown, o_words = unknown_words([ln.text() for ln in lines])
        if o_words >= SECOND_LOOK_MIN_WORDS and o_unknown * words <= OCR_BETTER * unknown * o_words:
            read.lines, read.state, read.switched = lines, "ocr", True

    def _text_lines(self, runs: list[Run], page: object, i: int, n_chars: int, width: float,
                    height: float) -> tuple[list[RawLine], list[Table]]:
        runs = [r for r in runs if not _SIGNING_STAMP.match(r.text.strip())]
        lines = group_lines(runs) if runs else []
        tables: list[Table] = []
        # table cells make lines of several separate runs; prose pages skip the checks
        multi = sum(1 for ln in lines if len(ln.runs) >= 2)
        n_paths = count_paths(page, self.c) if multi >= 1 else 0
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
                    tables = find_tables(self.plumber, i, i + 1, ruled=n_paths >= 6)
                except Exception:  # noqa: BLE001 - a table we cannot read stays body text
                    tables = []
                if tables:
                    tables = with_captions(tables, lines, height)
                    lines = without_tables(lines, tables, height)
        return reading_order(lines, width, height), tables


def _on_page(runs: list[Run], page: object) -> list[Run]:
    """The runs not wholly left of the page's visible area: a template's text set there (the
    colour swatches' names "DARK BLUE", "CYAN 40" beside a consultant report's cover) is never
    seen, so it is no part of the document. Text past the right or bottom edge stays: lines too
    long for the page (a rendered roll-call table) run over it and are still the document's."""
    if not runs:
        return runs
    try:
        left = page.get_cropbox()[0]  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - without a box every run is kept
        return runs
    return [r for r in runs if r.x1 > left]


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
            _check_time(i, n, t_page, started, limits)
        if any(r.broken for r in reads) and ocr is not False and ocr_available():
            for i, r in enumerate(reads):  # only a document with broken fonts pays for this
                t_page = time.perf_counter()
                reader.second_look(i, r, t_page)
                _check_time(i, n, t_page, started, limits)
    finally:
        reader.close()
    return Document(source=str(path), sha256=sha, pages=with_offsets(_pages(reads)), size=len(data),
                    warnings=tuple(reader.warnings + _state_warnings(reads)))


def _check_time(i: int, n: int, t_page: float, started: float, limits: Limits) -> None:
    now = time.perf_counter()
    if now - t_page > limits.page_seconds:
        raise limit_error(f"page {i + 1} took {now - t_page:.0f} s to read", "PAGE_SECONDS",
                          limits.page_seconds)
    if now - started > limits.file_seconds:
        raise limit_error(f"reading took {now - started:.0f} s by page {i + 1} of {n}", "FILE_SECONDS",
                          limits.file_seconds)


def _pages(reads: list[_PageRead]) -> list[Page]:
    """Pages from the lines read: margins out of the body, then text and line boxes."""
    texts = [[ln.text() for ln in r.lines] for r in reads]
    plines = []
    for r, t in zip(reads, texts):
        if r.lines:
            plines.append(PageLines(t, [r.height - ln.top for ln in r.lines],
                                    [r.height - ln.bottom for ln in r.lines], r.height, r.state == "ocr"))
        else:
            plines.append(PageLines(t))
    margins = split_margins(plines)
    # a sharing site's viewer printed above the text (site_chrome.py): neither text nor passage
    viewer = viewer_lines([[t[k] for k in body] for t, (_h, body, _f) in zip(texts, margins)])
    pages = []
    for no, (r, t, (head, body, foot)) in enumerate(zip(reads, texts, margins), 1):
        site = viewer[no - 1]
        kept = [(k, s) for n, k in enumerate(body) if (s := site.get(n, t[k])) is not None]
        text, lines = compose([r.lines[k] for k, _s in kept], [s for _k, s in kept], r.height)
        pages.append(Page(no, text, 0, "\n".join(t[k] for k in head), "\n".join(t[k] for k in foot),
                          r.state, tuple(r.tables), lines, round(r.width, 1), round(r.height, 1)))  # type: ignore[arg-type]
    return pages


def _n_pages(n: int) -> str:
    """"1 page", "3 pages": a one-page scan is not reported as "1 pages"."""
    return f"{n} page" if n == 1 else f"{n} pages"


def _page_word(nums: list[int]) -> str:
    return "page" if len(nums) == 1 else "pages"


def _state_warnings(reads: list[_PageRead]) -> list[str]:
    out = []
    n = len(reads)
    missing = [no for no, r in enumerate(reads, 1) if r.state == "needs_ocr"]
    if missing:
        has, need = ("has", "needs") if len(missing) == 1 else ("have", "need")
        out.append(f"{len(missing)} of {_n_pages(n)} {has} no text layer and {need} OCR "
                   f"({_page_word(missing)} {_ranges(missing)}): {OCR_HINT}")
    bad = [no for no, r in enumerate(reads, 1) if r.state == "unreadable"]
    if bad:
        has = "has" if len(bad) == 1 else "have"
        out.append(f"{len(bad)} of {_n_pages(n)} {has} a text layer that does not read as words (a broken "
                   f"font encoding; {_page_word(bad)} {_ranges(bad)}), left out: {OCR_HINT}")
    switched = [no for no, r in enumerate(reads, 1) if r.switched]
    if switched:
        were = "was" if len(switched) == 1 else "were"
        out.append(f"{_n_pages(len(switched))} whose text layer reads partly wrong (the same broken fonts; "
                   f"{_page_word(switched)} {_ranges(switched)}) {were} read by OCR instead")
    ocrd = sum(r.state == "ocr" for r in reads)
    if ocrd:
        out.append(f"{_n_pages(ocrd)} read by OCR (Tesseract, swe): check quotes against the page")
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

