"""Score extraction against hand-made gold files (``namndkoll eval extract GOLD_DIR``).

A gold file (format in ``../shared/README.md``) holds a source text and what a careful reader
finds in it. The text is rendered to a PDF the way ``shared/tools/text2pdf.py`` does (running
header, "Sida N (M)" footer, page breaks), read back with the ingest reader and extracted, so
the score covers the whole path a real PDF takes.

Figures are scored as a multiset on (kind, value): precision, recall, F1; optional figures
are neither rewarded nor penalised. Parties, people (with party), decisions and positions are
scored by recall; forbidden parties found are listed; metadata by accuracy per field.
"""

from __future__ import annotations

import json
import re
import subprocess
import tempfile
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import NamndkollError
from ..types import Document, Extraction

# ---- rendering a gold text to PDF ---------------------------------------------------------

def fonts() -> tuple[str, str]:
    """Regular and bold font names registered with reportlab (DejaVu Serif when installed)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    names = []
    for style, name in (("Book", "NkSerif"), ("Bold", "NkSerifBold")):
        try:
            path = subprocess.run(["fc-match", "-f", "%{file}", f"DejaVu Serif:style={style}"],
                                  capture_output=True, text=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError):
            path = ""
        if path.endswith(".ttf"):
            pdfmetrics.registerFont(TTFont(name, path))
            names.append(name)
        else:
            names.append("Helvetica" if style == "Book" else "Helvetica-Bold")
    return names[0], names[1]


def _pages_of(text: str, per_page: int, marker: str | None) -> list[list[str]]:
    pages: list[list[str]] = []
    cur: list[str] = []
    for raw in text.split("\n"):
        starts_page = re.match(marker, raw) if marker else re.match(r"^ \S", raw)
        if starts_page and cur:
            pages.append(cur)
            cur = []
        for line in ([raw.strip()] if "\t" in raw else textwrap.wrap(raw.strip(), 88) or [""]):
            cur.append(line)
            if len(cur) >= per_page:
                pages.append(cur)
                cur = []
    if cur:
        pages.append(cur)
    return pages


def render_pdf(text: str, dst: Path, *, header: str = "", page_marker: str | None = None, lines: int = 46) -> Path:
    """Render an extracted text back into a PDF, as ``shared/tools/text2pdf.py`` does."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise NamndkollError("eval extract renders gold texts with reportlab: pip install reportlab") from exc
    regular, bold = fonts()
    pages = _pages_of(text, lines, page_marker)
    c = canvas.Canvas(str(dst), pagesize=A4)
    w, h = A4
    for n, page in enumerate(pages, 1):
        if header:
            c.setFont(regular, 8)
            c.drawString(60, h - 40, header)
        y, prev = h - 80, ""
        for line in page:
            heading = (not prev and line[:1].isupper() and len(line.split()) <= 7
                       and not line.endswith((".", ",", ";", ":", "-")))
            prev = line
            c.setFont(bold if heading else regular, 10.5)
            if "\t" in line:
                for x, cell in zip((70, 200, 300, 420), line.split("\t")):
                    c.drawString(x, y, cell)
            else:
                c.drawString(70, y, line)
            y -= 14.5
        c.setFont(regular, 8)
        c.drawRightString(w - 60, 30, f"Sida {n} ({len(pages)})")
        c.showPage()
    c.save()
    return dst


def render_formfeed(text: str, dst: Path) -> int:
    """Render an extracted text to a PDF one page per form-feed page, its lines (running
    headers and "N (M)" counters included) wrapped at 95 characters and shrunk to fit a
    page; the structure gold's 'formfeed' documents and bench/make_corpus.py. Returns the
    number of pages."""
    try:
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas
    except ImportError as exc:
        raise NamndkollError("rendering gold texts needs reportlab: pip install reportlab") from exc
    regular, _ = fonts()
    c = canvas.Canvas(str(dst), pagesize=A4)
    _, h = A4
    pages = text.split("\f")
    for page in pages:
        lines: list[str] = []
        for raw in page.strip("\n").split("\n"):
            lines.extend(textwrap.wrap(raw, 95) or [""])
        size = 10.0 if len(lines) <= 58 else max(5.0, 10.0 * 58 / len(lines))
        c.setFont(regular, size)
        y = h - 50
        for line in lines:
            c.drawString(55, y, line)
            y -= size * 1.35
        c.showPage()
    c.save()
    return len(pages)


# ---- scoring ------------------------------------------------------------------------------

def _norm(s: str | None) -> str:
    return " ".join((s or "").split()).casefold()


def _key(kind: str, value: float) -> tuple[str, float]:
    return kind, round(float(value), 2)


@dataclass
class Counts:
    """True and false positives and misses, with the precision, recall and F1 they give (None
    where nothing was found or nothing was to be found); both evaluations count this way."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p is not None and r is not None and p + r else (0.0 if p is not None and r is not None else None)


@dataclass
class Tally(Counts):
    """Counts behind one score, summed over files."""

    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def as_dict(self, *, prf: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {"recall": rounded(self.recall), "found": self.tp, "missed": self.fn, "misses": self.misses}
        if prf:
            out = {"precision": rounded(self.precision), "recall": rounded(self.recall), "f1": rounded(self.f1),
                   "tp": self.tp, "fp": self.fp, "fn": self.fn, "misses": self.misses, "false_positives": self.extras}
        return out


def rounded(x: float | None) -> float | None:
    """A score as reports give it: four decimals, None kept."""
    return None if x is None else round(x, 4)


def score_figures(ext: Extraction, gold: dict[str, Any], tally: Tally, name: str) -> None:
    required = Counter(_key(f["kind"], f["value"]) for f in gold.get("figures_required", []))
    optional = Counter(_key(f["kind"], f["value"]) for f in gold.get("figures_optional", []))
    leftover = []
    for f in ext.figures:
        k = _key(f.kind, f.value)
        if required[k] > 0:
            required[k] -= 1
            tally.tp += 1
        else:
            leftover.append(f)
    for f in leftover:
        k = _key(f.kind, f.value)
        if optional[k] > 0:
            optional[k] -= 1
        else:
            tally.fp += 1
            tally.extras.append(f"{name} p.{f.page}: {f.kind} {f.value:g} {f.unit} «{f.text}»")
    for (kind, value), n in required.items():
        if n > 0:
            tally.fn += n
            texts = [g["text"] for g in gold["figures_required"] if _key(g["kind"], g["value"]) == (kind, value)]
            tally.misses.append(f"{name}: {kind} {value:g} x{n} ({'; '.join(texts)})")


def _recall(found: bool, tally: Tally, miss: str) -> None:
    if found:
        tally.tp += 1
    else:
        tally.fn += 1
        tally.misses.append(miss)


def score_file(doc: Document, ext: Extraction, gold: dict[str, Any], name: str, t: dict[str, Tally],
               metadata_errors: list[str], metadata_counts: Counter[str]) -> None:
    score_figures(ext, gold, t["figures"], name)
    codes = {p.code for p in ext.parties} | {p.party for p in ext.people if p.party}
    for code in gold.get("parties_required", []):
        _recall(code in codes, t["parties"], f"{name}: party {code}")
    for code in gold.get("parties_forbidden", []):
        if code in {p.code for p in ext.parties}:
            t["parties"].extras.append(f"{name}: forbidden party {code}")
    people = {(_norm(p.name), p.party) for p in ext.people}
    for g in gold.get("people_required", []):
        _recall((_norm(g["name"]), g.get("party")) in people, t["people"], f"{name}: {g['name']} ({g.get('party')})")
    for g in gold.get("decisions_required", []):
        ok = any(d.status == g["status"] and _norm(g.get("body")) in _norm(d.body)
                 and _norm(g["key"]) in _norm(d.text + " " + " ".join(d.clauses)) for d in ext.decisions)
        _recall(ok, t["decisions"], f"{name}: {g['status']} {g.get('body')} «{g['key']}»")
    for g in gold.get("positions", []):
        ok = any(g["party"] in p.parties and _norm(g["key"]) in _norm(p.text) for p in ext.positions)
        _recall(ok, t["positions"], f"{name}: {g['party']} «{g['key']}»")
    _score_metadata(doc, gold.get("metadata", {}), name, metadata_errors, metadata_counts)


def _score_metadata(doc: Document, gold: dict[str, Any], name: str, errors: list[str], counts: Counter[str]) -> None:
    md = doc.metadata
    got: dict[str, Any] = {"municipality": md.municipality, "committee": md.committee, "doc_type": md.doc_type,
                           "date": md.date, "diarienummer": sorted(md.diarienummer),
                           "paragraphs": [i.number for i in doc.items]}
    for fld, want in gold.items():
        if fld not in got:
            continue
        have = got[fld]
        if fld in ("committee", "doc_type") and isinstance(want, list):
            ok = have in want
        elif fld == "diarienummer":
            ok = sorted(want) == have
        else:
            ok = want == have
        counts["checked"] += 1
        counts["correct"] += ok
        if not ok:
            errors.append(f"{name}: {fld} = {have!r}, gold {want!r}")


def load_gold(path: Path) -> tuple[dict[str, Any], str]:
    """A gold file and its source text (``text`` may name a file relative to the gold file)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = gold.get("text", "")
    if "\n" not in text and len(text) < 300:
        src = (path.parent / text)
        if src.is_file():
            text = src.read_text(encoding="utf-8")
    return gold, text


def gold_files(gold_dir: Path) -> list[Path]:
    """The extraction gold files in ``gold_dir`` (JSON objects with a ``figures_required`` list)."""
    out = []
    for p in sorted(gold_dir.glob("*.json")):
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "figures_required" in data:
            out.append(p)
    return out


def evaluate(gold_dir: str | Path) -> dict[str, Any]:
    """Render, read and extract every gold file in ``gold_dir``; the scores and what went wrong."""
    from .pipeline import extract_file

    gold_dir = Path(gold_dir)
    files = gold_files(gold_dir)
    if not files:
        raise NamndkollError(f"no gold extraction files (*.json with figures_required) in {gold_dir}")
    t = {k: Tally() for k in ("figures", "parties", "people", "decisions", "positions")}
    md_errors: list[str] = []
    md_counts: Counter[str] = Counter()
    per_file = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            gold, text = load_gold(path)
            pdf = render_pdf(text, Path(tmp) / (path.stem + ".pdf"), header=gold.get("header", ""),
                             page_marker=gold.get("page_marker"))
            doc, ext = extract_file(str(pdf))
            before = {k: (v.tp, v.fp, v.fn) for k, v in t.items()}
            score_file(doc, ext, gold, path.stem, t, md_errors, md_counts)
            per_file.append({"file": path.name, "pages": len(doc.pages), "figures_found": len(ext.figures),
                             **{k: dict(zip(("tp", "fp", "fn"), (a - b for a, b in zip((v.tp, v.fp, v.fn), before[k]))))
                                for k, v in t.items()}})
    return {
        "files": per_file,
        "figures": t["figures"].as_dict(prf=True),
        "parties": {**t["parties"].as_dict(), "forbidden_found": t["parties"].extras},
        "people": t["people"].as_dict(),
        "decisions": t["decisions"].as_dict(),
        "positions": t["positions"].as_dict(),
        "metadata": {"accuracy": rounded(md_counts["correct"] / md_counts["checked"]) if md_counts["checked"] else None,
                     "checked": md_counts["checked"], "errors": md_errors},
    }
