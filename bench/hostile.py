#!/usr/bin/env python3
"""Cheap-but-costly PDFs: seconds and peak memory of the reader on each, today's beside another
checkout's (the "before").

The files are made here from raw PDF bytes:

- ``runs``: one page with 80,000 tiny text runs (~200 KB compressed);
- ``huge``: one empty page of 14,400 pt x 14,400 pt (the largest a PDF allows), read with OCR on:
  a 300 dpi render would be 60,000 x 60,000 pixels;
- ``bomb``: one page whose content stream (two Flate layers, ~14 KB) inflates to 3 GiB;
- ``empty``: a PDF without pages.

Each read runs in its own subprocess (``python -c``), which reports its wall time, its peak
memory (``ru_maxrss``) and the reader's one-line answer.

  python bench/hostile.py [--before /work/main] [--timeout 300] [--only runs,huge] [--now-only]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def raw_pdf(pages: list[tuple[float, float, bytes, bool]]) -> bytes:
    """A PDF of ``pages``: (width, height, content stream, flate-compress it?), Helvetica as F1."""
    objs: list[bytes] = []
    kids = []
    font = 3 + 2 * len(pages)
    for i, (w, h, content, deflate) in enumerate(pages):
        page_no, content_no = 3 + 2 * i, 4 + 2 * i
        kids.append(f"{page_no} 0 R".encode())
        objs.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w:g} {h:g}] /Contents {content_no} 0 R "
                    f"/Resources << /Font << /F1 {font} 0 R >> >> >>".encode())
        data = zlib.compress(content, 9) if deflate else content
        filt = b" /Filter /FlateDecode" if deflate else b""
        objs.append(b"<< /Length %d%s >>\nstream\n" % (len(data), filt) + data + b"\nendstream")
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(kids) + b"] /Count %d >>" % len(pages)]
    return _assemble(head + objs + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def _assemble(objs: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def many_runs(n: int = 80_000) -> bytes:
    """One A4 page with ``n`` text objects of one tiny letter each, on a grid."""
    cols = 400
    parts = []
    for i in range(n):
        x, y = 10 + (i % cols) * 1.4, 830 - (i // cols) * 4.1
        parts.append(b"BT /F1 2 Tf %.1f %.1f Td (%c) Tj ET\n" % (x, y, 97 + i % 26))
    return raw_pdf([(595, 842, b"".join(parts), True)])


def huge_page() -> bytes:
    return raw_pdf([(14400, 14400, b"", False)])


def flate_bomb(inflated: int = 3 << 30) -> bytes:
    """One page whose content stream, behind two Flate filters, is ``inflated`` bytes of
    spaces (3 GiB by default; ~14 KB on disk, the inner layer ~3 MB)."""
    comp = zlib.compressobj(9)
    chunk = b" " * (1 << 22)
    inner = bytearray(comp.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n"))
    for _ in range(inflated // len(chunk)):
        inner += comp.compress(chunk)
    inner += comp.flush()
    data = zlib.compress(bytes(inner), 9)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
             b"/Resources << /Font << /F1 5 0 R >> >> >>"),
            (b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(data) + data
             + b"\nendstream"),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    return _assemble(objs)


def no_pages() -> bytes:
    return _assemble([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


FILES = {"runs": (many_runs, False), "huge": (huge_page, True), "bomb": (flate_bomb, False),
         "empty": (no_pages, False)}

_PROBE = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from namndkoll.ingest.pdf import read_pdf
t = time.perf_counter()
try:
    doc = read_pdf({path!r}, ocr={ocr!r})
    answer = f"ok: {{len(doc.pages)}} pages, {{len(doc.text)}} chars; " + " | ".join(doc.warnings)
except Exception as exc:
    answer = f"{{type(exc).__name__}}: {{exc}}"
print(json.dumps({{"s": time.perf_counter() - t, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "answer": answer}}))
"""


def probe(repo: Path, path: Path, ocr: bool, timeout: int) -> dict:
    code = _PROBE.format(repo=str(repo), path=str(path), ocr=ocr or None)
    try:
        res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout,
                             cwd=str(repo), check=False)
    except subprocess.TimeoutExpired:
        return {"s": float(timeout), "rss_mb": float("nan"), "answer": f"killed after {timeout} s"}
    lines = [ln for ln in res.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"s": float("nan"), "rss_mb": float("nan"), "answer": f"crashed: {res.stderr.strip()[-200:]}"}
    return json.loads(lines[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--before", type=Path, default=Path("/work/main"), help="checkout to compare with")
    ap.add_argument("--timeout", type=int, default=300, help="seconds before a read is killed")
    ap.add_argument("--only", default=",".join(FILES), help="comma-separated: " + ",".join(FILES))
    ap.add_argument("--now-only", action="store_true", help="skip the before checkout")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("| file | size | reader | seconds | peak MB | answer |")
        print("|---|---:|---|---:|---:|---|")
        for name in a.only.split(","):
            make, ocr = FILES[name]
            path = Path(tmp) / f"{name}.pdf"
            path.write_bytes(make())
            size = f"{path.stat().st_size / 1024:.0f} KB"
            for label, repo in (("before", a.before), ("now", REPO))[1 if a.now_only else 0:]:
                r = probe(repo, path, ocr, a.timeout)
                answer = r["answer"].replace("|", "/")[:140]
                print(f"| {name} | {size} | {label} | {r['s']:.2f} | {r['rss_mb']:.0f} | {answer} |", flush=True)


if __name__ == "__main__":
    main()
