#!/usr/bin/env python3
"""Ingest speed: pages/s of the whole ingest beside plain text extraction of the same files.

Corpus: the 20 Göteborg KF protocols rendered to PDF (bench/make_corpus.py, ~1,300 pages)
plus the real PDFs in ../shared/data/pdf, or the Alingsås protocols of
../shared/data/pdf-other. Each round runs every variant once, alternating, so that machine
noise hits all of them alike; medians over the rounds are reported, with ratios against
pypdfium2's plain text extraction. ``--before DIR`` adds the whole ingest of another checkout
(e.g. the main branch) beside this one's, each timed inside its own subprocess.

  python bench/ingest.py [--rounds 3] [--plumber-pages 120] [--extract] [--before /work/main]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared"
sys.path.insert(0, str(HERE.parent))


def corpus(which: str = "all") -> list[Path]:
    out = HERE / "out" / "corpus"
    kf = sorted(out.glob("kf-*.pdf"))
    if len(kf) < 20:
        import make_corpus  # type: ignore[import-not-found]

        sys.path.insert(0, str(HERE))
        make_corpus.main([str(out)])
        kf = sorted(out.glob("kf-*.pdf"))
    real = sorted((SHARED / "data/pdf").rglob("*.pdf"))
    alingsas = sorted((SHARED / "data/pdf-other").glob("alingsas_*_protokoll.pdf"))
    return {"kf": kf, "real": real, "all": kf + real, "alingsas": alingsas}[which]


def pdfium_text(files: list[Path]) -> int:
    import pypdfium2 as pdfium

    n = 0
    for f in files:
        pdf = pdfium.PdfDocument(str(f))
        for page in pdf:
            page.get_textpage().get_text_range()
            n += 1
        pdf.close()
    return n


def plumber_text(files: list[Path], limit: int) -> int:
    import pdfplumber

    n = 0
    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text()
                n += 1
                if n >= limit:
                    return n
    return n


def whole_ingest(files: list[Path], jobs: int, extract: bool, ocr: bool = False) -> int:
    from namndkoll.api import ingest

    with tempfile.TemporaryDirectory() as tmp:
        rep = ingest(files, db=Path(tmp) / "b.db", jobs=jobs, extract=extract, index=False, ocr=ocr)
        bad = [r for r in rep.results if r.status == "failed"]
        if bad:
            print(f"  ({len(bad)} failed: {bad[0].path}: {bad[0].message})", file=sys.stderr)
        return rep.pages


_TIMED = """
import sys, tempfile, time
from pathlib import Path
sys.path.insert(0, {repo!r})
from namndkoll.api import ingest
with tempfile.TemporaryDirectory() as tmp:
    t = time.perf_counter()
    rep = ingest({files!r}, db=Path(tmp) / "b.db", jobs={jobs}, extract=False, index=False, ocr={ocr})
    print(rep.pages, time.perf_counter() - t)
"""


def timed_ingest(repo: Path, files: list[Path], jobs: int, ocr: bool) -> tuple[int, float]:
    """(pages, seconds) of the whole ingest by the checkout at ``repo``, timed in a subprocess."""
    import subprocess

    code = _TIMED.format(repo=str(repo), files=[str(f) for f in files], jobs=jobs, ocr=ocr)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=repo)
    pages, seconds = out.stdout.split()[-2:]
    return int(pages), float(seconds)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--plumber-pages", type=int, default=120)
    ap.add_argument("--extract", action="store_true", help="also time ingest with extraction")
    ap.add_argument("--set", default="kf", choices=["kf", "real", "all", "alingsas"],
                    help="kf: the 20 rendered Göteborg KF protocols (1,326 pages); real: ../shared/data/pdf; "
                         "alingsas: the four Alingsås protocols of ../shared/data/pdf-other")
    ap.add_argument("--before", type=Path, help="another checkout whose whole ingest runs beside this one's")
    ap.add_argument("--ocr", action="store_true", help="OCR pages without text (off: they are marked needs_ocr)")
    a = ap.parse_args()
    if not (SHARED / "data").is_dir():
        sys.exit("needs ../shared/data")
    files = corpus(a.set)
    variants = {
        "pypdfium2 text only": lambda: pdfium_text(files),
        "pdfplumber text only": lambda: plumber_text(files, a.plumber_pages),
        "namndkoll ingest, 1 job": lambda: whole_ingest(files, 1, False, a.ocr),
        "namndkoll ingest, 2 jobs": lambda: whole_ingest(files, 2, False, a.ocr),
    }
    if a.before:
        for label, repo in (("before", a.before), ("now", HERE.parent)):
            variants[f"{label}: ingest, 1 job (subprocess)"] = (
                lambda repo=repo: timed_ingest(repo, files, 1, a.ocr))
    if a.extract:
        variants["ingest + extract, 1 job"] = lambda: whole_ingest(files, 1, True, a.ocr)
        variants["ingest + extract, 2 jobs"] = lambda: whole_ingest(files, 2, True, a.ocr)
    rates: dict[str, list[float]] = {k: [] for k in variants}
    pages: dict[str, int] = {}
    for r in range(a.rounds):
        for name, fn in variants.items():
            t = time.perf_counter()
            n = fn()
            dt = time.perf_counter() - t
            if isinstance(n, tuple):  # timed by the variant itself
                n, dt = n
            rates[name].append(n / dt)
            pages[name] = n
            print(f"round {r + 1}: {name:28s} {n:5d} pages {dt:7.2f} s {n / dt:8.1f} pages/s", file=sys.stderr)
    base = statistics.median(rates["pypdfium2 text only"])
    print(f"\nset {a.set}: {len(files)} PDFs, OCR {'on' if a.ocr else 'off'}, cores: {os.cpu_count()}, "
          f"rounds: {a.rounds} (median pages/s)\n")
    print("| variant | pages | pages/s | ratio to pypdfium2 |")
    print("|---|---:|---:|---:|")
    for name in variants:
        m = statistics.median(rates[name])
        print(f"| {name} | {pages[name]} | {m:.1f} | {m / base:.3f} |")
    one = statistics.median(rates["namndkoll ingest, 1 job"])
    two = statistics.median(rates["namndkoll ingest, 2 jobs"])
    print(f"\n2 jobs / 1 job: {two / one:.2f}x")
    if a.before:
        now = statistics.median(rates["now: ingest, 1 job (subprocess)"])
        before = statistics.median(rates["before: ingest, 1 job (subprocess)"])
        print(f"now / before (1 job): {now / before:.3f}")


if __name__ == "__main__":
    main()
