"""Ingest stage: PDF -> Document (clean pages, tables, OCR state, metadata, § items).

The PDF libraries sit behind ``ingest/pdf.py`` (with its ``pdf_*.py`` and ``ocr.py`` siblings);
``structure.py`` / ``metadata.py`` read the clean pages into § items, sections and document
metadata.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING

from ..types import Document

if TYPE_CHECKING:
    from .limits import Limits

__all__ = ["page_count", "read_document"]


def read_document(path: str | Path, *, ocr: bool | None = None, limits: Limits | None = None) -> Document:
    """Read one PDF into a Document with metadata and § items. Raises IngestError subclasses;
    ``limits``: what the file may cost (default: the NAMNDKOLL_MAX_* settings, see ``pdf.py``)."""
    from .pdf import read_pdf
    from .sanitize import sanitize_document
    from .structure import analyze

    # control characters made visible before structure and metadata are read from the text
    doc = sanitize_document(read_pdf(path, ocr=ocr, limits=limits))
    metadata, items = analyze(doc.pages, source=doc.source)
    from .version import reader_version

    return dataclasses.replace(doc, metadata=metadata, items=items, reader=reader_version())


def page_count(path: str | Path) -> int:
    """Pages in the PDF, or 0 when it cannot be opened (the reader reports why)."""
    try:
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()
    except Exception:  # noqa: BLE001 - any failure is reported properly by read_document
        return 0
