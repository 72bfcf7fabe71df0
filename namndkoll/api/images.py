"""Page images and original PDFs for the web page: a stored document's page rendered with a
passage (a span of its text) or a place (a table row or cell) boxed, cached in memory and on
disk; the original PDF, only while it is unchanged where it was ingested from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..corpus import opened
from ..corpus.store import StoredDocument
from ..home import cache_home
from .batch import sha256_file

Box = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points from the top-left corner


def clip_span(page: Any, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """``span`` (document offsets) cut to ``page``; None when it does not touch the page."""
    if span is None:
        return None
    a, b = max(span[0], page.start), min(span[1], page.end)
    return (a, b) if a < b else None


def row_boxes(store: Any, hits: Any) -> dict[int, Box]:
    """chunk id -> its row's box on the page, for the hits that are table rows (their page's
    tables read once per page; a table stored before cells kept their boxes: the whole table)."""
    from ..search.chunking import row_of

    out: dict[int, Box] = {}
    tables: dict[tuple[int, int], list[Any]] = {}
    for h in hits:
        if h.section not in ("table", "table_text") or h.end > h.start:
            continue
        key = (h.document_id, h.page)
        if key not in tables:
            tables[key] = store.page_tables(*key)
        at = row_of(tables[key], h.text)
        if at is not None:
            table = tables[key][at[0]]
            box = table.row_box(at[1]) or table.bbox
            if box:
                out[h.chunk_id] = tuple(round(float(x)) for x in box)  # type: ignore[assignment]
    return out


_verified: dict[tuple[str, int, int], str] = {}


def original_ok(stored: StoredDocument) -> Path | None:
    """The original PDF of a stored document if it is still where it was read from, unchanged."""
    path = Path(stored.source)
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _verified:
        try:
            _verified[key] = sha256_file(path)
        except OSError:
            return None
    return path if _verified[key] == stored.sha256 else None


def original_pdf(document_id: int, *, db: str | Path | None = None) -> tuple[Path, str]:
    """(path, file name) of a stored document's original PDF, by id only; NotFoundError when
    the file is gone or changed since it was read."""
    from ..errors import NotFoundError

    with opened(db) as store:
        stored = store.get_stored(document_id)
        if _redacted_pages(store, document_id):
            raise NotFoundError(f"document {document_id} names a person removed on request (namndkoll redact): "
                                "its original PDF, which still names them, is not served")
    path = original_ok(stored)
    if path is None:
        raise NotFoundError(f"the original PDF of document {document_id} is no longer at {stored.source} "
                            "(or has changed since it was read): ingest it again")
    return path, path.name


def _rules_version(store: Any) -> str:
    """'' without redaction rules; else a key that changes with each rule and what it changed
    (a page image cached before a rule is not served after it)."""
    rules = store.redaction_rules()
    return f"r{max(r['id'] for r in rules)}.{sum(r['places'] for r in rules)}" if rules else ""


def _redacted_pages(store: Any, document_id: int) -> dict[int, list[tuple[int, int]]]:
    """Page number -> the page-relative spans of removed names' marks, for a corpus with rules."""
    from ..corpus.redactions import mark_spans

    if not _rules_version(store):
        return {}
    out = {}
    for page in store.load_document(document_id).pages:
        spans = mark_spans(page.text)
        if spans:
            out[page.number] = spans
    return out


def store_rules(db: str | Path | None) -> list[str]:
    """The names of the corpus's redaction rules."""
    with opened(db) as store:
        return [str(r["name"]) for r in store.redaction_rules()]


def widen(estimated: tuple[Box, ...], glyphs: tuple[Box, ...]) -> tuple[Box, ...]:
    """``estimated`` (boxes cut from a line in proportion to its characters) with each glyph
    box of a removed name's word that meets one of them on its line added: a proportional font's
    wide letters otherwise leave the end of a name outside the black ("r (V)")."""
    out = list(estimated)
    for g in glyphs:
        for e in estimated:
            overlap = min(g[3], e[3]) - max(g[1], e[1])
            if overlap > 0.5 * min(g[3] - g[1], e[3] - e[1]) and g[0] < e[2] and e[0] < g[2]:
                out.append(g)
                break
    return tuple(out)


PAGE_SCALES = {"thumb": 0.5, "page": 1.5, "large": 2.5}
_image_cache: dict[tuple[Any, ...], bytes] = {}
_IMAGE_CACHE_MAX = 256


def span_boxes(page: Any, start: int, end: int) -> tuple[tuple[float, float, float, float], ...]:
    """Boxes (PDF points, top-left origin) covering page-relative offsets ``start``–``end`` of a
    page whose layout is known (``Page.lines``); a line partly inside is cut in proportion to
    its characters."""
    out = []
    for ln in page.lines:
        a, b = max(start, ln.start), min(end, ln.end)
        if a >= b or ln.end <= ln.start:
            continue
        width = (ln.x1 - ln.x0) / (ln.end - ln.start)
        out.append((ln.x0 + (a - ln.start) * width, ln.top, ln.x0 + (b - ln.start) * width, ln.bottom))
    return tuple(out)


def page_image(document_id: int, number: int, *, db: str | Path | None = None,
               highlight: tuple[int, int] | None = None, size: str = "page",
               cache_dir: str | Path | None = None, box: Box | None = None) -> bytes:
    """PNG of page ``number`` of a stored document, the ``highlight`` span (document offsets)
    boxed: from the page's layout when stored (``Page.lines``), else found in the PDF's text
    layer; ``box`` (PDF points from the top-left corner: a table row or cell) boxed too.
    Cached in memory and on disk by the document's hash, page, size, span and box."""
    from ..errors import NotFoundError
    from ..ingest.pdf_images import find_text_boxes, render_page, word_boxes

    if size not in PAGE_SCALES:
        raise NotFoundError(f"no image size {size!r}: choose one of {', '.join(PAGE_SCALES)}")
    with opened(db) as store:
        stored = store.get_stored(document_id)
        if not 1 <= number <= stored.pages:
            raise NotFoundError(f"document {document_id} has {stored.pages} pages, not {number}")
        rules = _rules_version(store)
    # keyed by the span asked for: a cached image costs no reading of the document
    span = highlight or (0, 0)
    mark = tuple(round(x) for x in box) if box else ()
    key = (stored.sha256, number, size, *span, *mark, rules)
    if key in _image_cache:
        return _image_cache[key]
    folder = Path(cache_dir) if cache_dir else cache_home() / "pages"
    # "w" after the rules: names' glyphs widened (an image cached with the shorter boxes is not served)
    cached = folder / stored.sha256 / (f"{number}-{size}-{span[0]}-{span[1]}"
                                       + "".join(f"-{x}" for x in mark) + (f"-{rules}w" if rules else "") + ".png")
    try:
        data = cached.read_bytes()
    except OSError:
        path = original_ok(stored)
        if path is None:
            raise NotFoundError(f"the original PDF of document {document_id} is no longer at {stored.source} "
                                "(or has changed): its pages cannot be shown; ingest it again") from None
        boxes: tuple[tuple[float, float, float, float], ...] = ()
        if highlight is not None:
            with opened(db) as store:
                page = store.load_document(document_id).pages[number - 1]
            on_page = clip_span(page, highlight)
            if on_page is not None:
                a, b = on_page[0] - page.start, on_page[1] - page.start
                boxes = span_boxes(page, a, b) if page.lines else find_text_boxes(
                    path, number, page.text[a:b].split("\n"))
        if mark:
            boxes = (*boxes, (float(mark[0]), float(mark[1]), float(mark[2]), float(mark[3])))
        blackout: tuple[tuple[float, float, float, float], ...] = ()
        if rules:  # names removed on request (namndkoll redact): the original PDF still shows them
            with opened(db) as store:
                removed = _redacted_pages(store, document_id).get(number, [])
                page = store.load_document(document_id).pages[number - 1]
            if removed and not page.lines:
                raise NotFoundError(f"page {number} of document {document_id} names a person removed on request "
                                    "and its layout is not stored (read before it was kept): its image is not "
                                    "shown; `namndkoll ingest --reread` the PDF")
            blackout = tuple(b for a, z in removed for b in span_boxes(page, a, z))
            if blackout:  # the glyphs of the rules' names where they meet those boxes, whole
                names = [w for r in store_rules(db) for w in r.split()]
                blackout = widen(blackout, word_boxes(path, number, names))
        data = render_page(path, number, scale=PAGE_SCALES[size], boxes=boxes, blackout=blackout)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            tmp.replace(cached)
        except OSError:
            pass  # a read-only data folder: the memory cache still serves it
    if len(_image_cache) >= _IMAGE_CACHE_MAX:
        _image_cache.pop(next(iter(_image_cache)))
    _image_cache[key] = data
    return data


# ---- compare matrix, cases, basket, status ------------------------------------------------
