"""Document metadata against hand-made gold: per field and per template, with a baseline beside it.

    python bench/metadata_eval.py [--gold bench/gold/dev] [--pdfs DIR] [--baseline main] [--show]

Gold files (bench/gold/<split>/*.json) carry ``metadata`` with municipality, org_kind, committee,
doc_type, kind, date, title (and sometimes diarienummer); a value may be a list of accepted
values. Each document is read once (pdf.py); the metadata reader of this checkout and that of
``--baseline`` (a git ref: its ``namndkoll/ingest``, read with ``git archive``) both run on the
same pages, so the two columns differ only by the metadata reader. Held-out gold is refused: it
is for the final measurement only.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
FIELDS = ("municipality", "org_kind", "committee", "doc_type", "kind", "date", "title", "diarienummer")


def norm(v: Any, field: str = "") -> Any:
    """Compare as the gold's own scorer does (namndkoll eval structure): case and spacing never
    matter, and for titles punctuation does not either; an empty string is no value."""
    if not isinstance(v, str):
        return v
    s = unicodedata.normalize("NFC", v).casefold()
    if field == "title":
        s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split()) or None


def matches(field: str, got: Any, gold: Any) -> bool:
    if field == "diarienummer":
        want = gold if isinstance(gold, list) else [gold]
        return all(norm(w) in {norm(g) for g in got} for w in want)
    accepted = gold if isinstance(gold, list) else [gold]
    return norm(got, field) in {norm(a, field) for a in accepted}


def baseline_module(ref: str) -> ModuleType | None:
    """metadata.py as it is at git ``ref``, with the rest of that ref's ``namndkoll/ingest`` (the
    reader's rules stand in several modules: doc_type.py, doc_date.py, authors.py, committee.py
    ...), loaded as a package of its own beside this checkout's."""
    try:
        tar = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "namndkoll/ingest"],
                             capture_output=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None
    tmp = Path(tempfile.mkdtemp())
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        tf.extractall(tmp, filter="data")
    pkg = tmp / "namndkoll" / "ingest"
    name = "namndkoll._ingest_baseline"
    spec = importlib.util.spec_from_file_location(name, pkg / "__init__.py", submodule_search_locations=[str(pkg)])
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return importlib.import_module(f"{name}.metadata")


def source_pdf(gold: dict[str, Any], pdfs: Path, tmp: Path) -> Path | None:
    src = gold.get("source", {})
    if "shared" in src:
        return SHARED / src["shared"]
    if src.get("render") == "text2pdf" and (SHARED / src.get("shared_text", "")).is_file():
        from namndkoll.extract.evaluate import render_pdf

        text = (SHARED / src["shared_text"]).read_text(encoding="utf-8")
        return render_pdf(text, tmp / f"{gold.get('id', 'doc')}.pdf", header=src.get("header", ""),
                          page_marker=src.get("page_marker"))
    for key in ("shared_text", "file", "path", "pdf"):
        if key in src:
            p = pdfs / (Path(src[key]).stem + ".pdf")
            return p if p.exists() else pdfs / Path(src[key]).name
    if "url" in src:
        return pdfs / f"{gold['id']}.pdf"
    return None


def as_dict(md: Any) -> dict[str, Any]:
    return {f: (list(getattr(md, f, ())) if f == "diarienummer" else getattr(md, f, None)) for f in FIELDS}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=ROOT / "bench" / "gold" / "dev")
    ap.add_argument("--pdfs", type=Path, default=Path("/work/gold-pdfs/dev"),
                    help="where the gold's fetched PDFs lie (sources outside ../shared)")
    ap.add_argument("--baseline", default="main", help="git ref whose metadata.py is the baseline")
    ap.add_argument("--show", action="store_true", help="print every wrong field")
    ap.add_argument("--json", type=Path, help="write per-document results here")
    args = ap.parse_args()
    if "heldout" in str(args.gold) or "heldout" in str(args.pdfs):
        print("refusing held-out gold: it is kept for the final measurement", file=sys.stderr)
        return 2

    from namndkoll.ingest import metadata as current
    from namndkoll.ingest.pdf import read_pdf
    from namndkoll.ingest.structure import find_items
    from namndkoll.types import PAGE_SEP

    base = baseline_module(args.baseline)
    tmp = Path(tempfile.mkdtemp())
    tallies: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
    rows = []
    for gf in sorted(args.gold.glob("*.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pdf = source_pdf(gold, args.pdfs, tmp)
        if pdf is None or not pdf.exists():
            print(f"skip {gf.name}: no PDF ({pdf})", file=sys.stderr)
            continue
        doc = read_pdf(pdf)
        items = find_items(PAGE_SEP.join(p.text for p in doc.pages), doc.pages)
        now = as_dict(current.read_metadata(doc.pages, items, source=str(pdf)))
        before = as_dict(base.read_metadata(doc.pages, items, source=str(pdf))) if base else {}
        template = gold.get("template", "?")
        row = {"id": gold.get("id", gf.stem), "template": template, "fields": {}}
        for f in FIELDS:
            if f not in gold["metadata"]:
                continue
            g = gold["metadata"][f]
            ok = matches(f, now[f], g)
            ok_b = matches(f, before.get(f), g) if base else False
            for key in ("ALL", template):
                t = tallies[key][f]
                t[0] += ok
                t[1] += ok_b
                t[2] += 1
            row["fields"][f] = {"gold": g, "now": now[f], "before": before.get(f), "ok": ok, "ok_before": ok_b}
            if args.show and not ok:
                print(f"  {row['id']:45} {f:13} got {now[f]!r:50.50} gold {g!r:.80}")
        rows.append(row)
    print(f"\n{len(rows)} documents; accuracy per field, baseline ({args.baseline}) -> now")
    for key in ["ALL"] + sorted(k for k in tallies if k != "ALL"):
        cells = []
        for f in FIELDS:
            ok, ok_b, n = tallies[key][f]
            if n:
                cells.append(f"{f} {ok_b}/{n}->{ok}/{n}")
        print(f"{key:28} " + "  ".join(cells))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
