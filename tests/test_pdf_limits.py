"""What one PDF may cost: a page of 80,000 text runs, a page of 5 x 5 metres, a flate bomb, a
PDF without pages — each read in bounded time and memory or refused with a one-line message
that names the setting to raise (NAMNDKOLL_MAX_*). The files are written here as raw PDF."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from namndkoll.errors import IngestError
from namndkoll.ingest.ocr import ocr_dpi
from namndkoll.ingest.pdf import Limits, ocr_available, read_pdf


def raw_pdf(path: Path, pages: list[tuple[float, float, bytes]], *, filters: int = 0) -> Path:
    """A PDF of (width, height, content stream) pages, the streams behind ``filters`` Flate
    layers, Helvetica as /F1."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % (3 + 2 * i) for i in range(len(pages))),
                                                      len(pages))]
    font = 3 + 2 * len(pages)
    for i, (w, h, content) in enumerate(pages):
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (w, h, 4 + 2 * i, font))
        for _ in range(filters):
            content = zlib.compress(content, 9)
        names = b" ".join([b"/FlateDecode"] * filters)
        objs.append(b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter [%s]" % names if filters else b"")
                    + content + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def test_page_of_80000_text_runs_is_read_or_refused_by_its_limit(tmp_path):
    runs = b"".join(b"BT /F1 2 Tf %.1f %.1f Td (%c) Tj ET\n" % (10 + (i % 400) * 1.4, 830 - (i // 400) * 4.1, 97 + i % 26)
                    for i in range(80_000))
    pdf = raw_pdf(tmp_path / "runs.pdf", [(595, 842, runs)], filters=1)
    try:
        doc = read_pdf(pdf, ocr=False)
    except IngestError as exc:
        assert "NAMNDKOLL_MAX_" in str(exc)
    else:
        assert len(doc.pages[0].text) > 80_000 and doc.pages[0].lines
    with pytest.raises(IngestError, match="page 1 has .* characters of text .*NAMNDKOLL_MAX_PAGE_CHARS"):
        read_pdf(pdf, ocr=False, limits=Limits(page_chars=10_000))


def test_huge_page_is_not_rendered_for_ocr_beyond_the_pixel_cap(tmp_path):
    assert ocr_dpi(595, 842, 40_000_000) == 300  # A4 at full resolution
    assert 100 <= ocr_dpi(3000, 3000, 40_000_000) < 300  # a poster at a lower one
    assert ocr_dpi(14_400, 14_400, 40_000_000) == 0  # 5 x 5 m: refused
    pdf = raw_pdf(tmp_path / "huge.pdf", [(14_400, 14_400, b"")])
    doc = read_pdf(pdf)
    assert doc.pages[0].ocr == "needs_ocr"
    if ocr_available():
        assert any("too large to OCR" in w and "NAMNDKOLL_MAX_OCR_PIXELS" in w for w in doc.warnings)


def test_flate_bomb_is_refused_before_pdfium_inflates_it(tmp_path):
    content = b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n" + b" " * (12 << 20)
    pdf = raw_pdf(tmp_path / "bomb.pdf", [(595, 842, content)], filters=2)
    assert pdf.stat().st_size < 50_000
    with pytest.raises(IngestError, match="inflate to more than 8 MB.*NAMNDKOLL_MAX_INFLATED_MB"):
        read_pdf(pdf, limits=Limits(inflated_mb=8))
    assert read_pdf(pdf).pages[0].text == "bomb"  # within the default limit


def test_pdf_without_pages_says_so(tmp_path):
    pdf = raw_pdf(tmp_path / "empty.pdf", [])
    with pytest.raises(IngestError, match="^the PDF has no pages"):
        read_pdf(pdf)


def test_limits_come_from_the_environment(tmp_path, monkeypatch):
    pdf = raw_pdf(tmp_path / "p.pdf", [(595, 842, b"BT /F1 12 Tf 72 720 Td (Protokoll och beslut) Tj ET")])
    monkeypatch.setenv("NAMNDKOLL_MAX_PAGE_CHARS", "5")
    assert Limits.from_env().page_chars == 5
    with pytest.raises(IngestError, match="NAMNDKOLL_MAX_PAGE_CHARS"):
        read_pdf(pdf)
    monkeypatch.setenv("NAMNDKOLL_MAX_PAGE_CHARS", "many")
    with pytest.raises(IngestError, match="is not a number"):
        read_pdf(pdf)
    monkeypatch.delenv("NAMNDKOLL_MAX_PAGE_CHARS")
    assert read_pdf(pdf).pages[0].text == "Protokoll och beslut"
