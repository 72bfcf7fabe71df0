#!/usr/bin/env python3
"""§ items against what people wrote down: the silver split of the 20 Göteborg KF protocols
(747 § items; machine-made by a third party, used for the numbers) and the hand-labelled
structure gold of other templates (dev split only: bench/gold/dev/*.json of the gold helper's
worktree — its labels, never this program's output).

    python bench/structure.py [--shared ../shared] [--gold /work/wt/gold/bench/gold/dev]
                              [--pdf-dir /work/gold-pdfs] [--show 10]

Per protocol it reads the PDF with the product's own path (``read_document``; the gold
documents with OCR where Tesseract is installed, as ingest does, unless ``--no-ocr``) and
compares:

- silver: the § numbers per protocol (found / missing / extra), as text (the extracted pages
  cleaned of running header and footer, like bench/silver.py) and through the PDF ingest of the
  rendered protocols (bench/make_corpus.py);
- gold, per template: § items as (number, start page) pairs — precision and recall —, the
  numbers alone, and titles equal to the gold title (whitespace and case aside);
- the table of contents the protocol prints, where one is found: its § numbers beside the items.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.ingest import read_document
from namndkoll.ingest.structure import table_of_contents


def _norm(title: str) -> str:
    return " ".join(title.replace("\u00ad", "").split()).casefold()


def silver(shared: Path, show: int) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import silver as silver_bench  # type: ignore[import-not-found]

    rows = [json.loads(ln) for ln in (shared / "data/protocols/goteborg-kf-paragrafer-2023-2024.silver.jsonl")
            .open(encoding="utf-8")]
    want: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    for r in rows:
        stem = r["id"].rsplit("-§", 1)[0]
        want[stem].append(r["paragrafNr"])
        titles[r["id"]] = r["rubrik"]
    txts = sorted((shared / "data/protocols/goteborg-kf").glob("kf-*.txt"))
    out = REPO / "bench/out/corpus"
    if len(list(out.glob("kf-*.pdf"))) < len(txts):
        import make_corpus  # type: ignore[import-not-found]

        make_corpus.main([str(out)])
    for mode in ("text", "pdf"):
        found = missing = extra = same_title = 0
        misses: list[str] = []
        for txt in txts:
            doc = silver_bench.protocol(txt) if mode == "text" else read_document(out / f"{txt.stem}.pdf", ocr=False)
            got = [i.number for i in doc.items]
            w = want[txt.stem]
            found += sum(1 for n in w if n in got)
            missing += sum(1 for n in w if n not in got)
            extra += sum(1 for n in got if n not in w)
            misses += [f"{txt.stem} §{n}" for n in w if n not in got] + [f"{txt.stem} +§{n}" for n in got if n not in w]
            for i in doc.items:
                same_title += _norm(i.title) == _norm(titles.get(f"{txt.stem}-§{i.number}", ""))
        print(f"silver, {mode:4s}: {found} / {found + missing} § items found, {extra} extra; "
              f"titles equal to the silver title: {same_title}")
        for m in misses[:show]:
            print("   ", m)


def _pdf(gold: dict, shared: Path, pdf_dirs: list[Path]) -> Path | None:
    src = gold["source"]
    if "shared" in src:
        return shared / src["shared"]
    if "shared_text" in src and src.get("render") == "formfeed":
        return REPO / "bench/out/corpus" / (Path(src["shared_text"]).stem + ".pdf")
    if "file" in src and not src["file"].startswith("heldout"):
        for d in pdf_dirs:
            if (d / src["file"]).is_file():
                return d / src["file"]
    return None


def gold(gold_dir: Path, shared: Path, pdf_dirs: list[Path], show: int, ocr: bool | None) -> None:
    if "heldout" in gold_dir.parts:
        sys.exit("the held-out gold is not for tuning: give the dev split")
    per: dict[str, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
    notes: list[str] = []
    for f in sorted(gold_dir.glob("*.json")):
        g = json.loads(f.read_text(encoding="utf-8"))
        if g.get("split") != "dev" or not g["items"]:
            continue
        path = _pdf(g, shared, pdf_dirs)
        if path is None or not path.is_file():
            notes.append(f"{g['id']}: PDF not found, skipped")
            continue
        doc = read_document(path, ocr=ocr)
        s = per[g["template"]]
        want = {(i["number"], i["page_start"]) for i in g["items"]}
        got = {(i.number, i.page_start) for i in doc.items}
        s["docs"] += 1
        s["gold"] += len(want)
        s["found"] += len(got)
        s["right"] += len(want & got)
        s["numbers"] += len({n for n, _ in want} & {n for n, _ in got})
        titles = {i.number: i.title for i in doc.items}
        s["titles"] += sum(_norm(i["title"]) == _norm(titles.get(i["number"], "")) for i in g["items"])
        toc = list(table_of_contents(doc.pages))
        notes.append(f"{g['id']} ({g['template']}): items {len(got)}, gold {len(want)}, right {len(want & got)}; "
                     f"printed table of contents: {_span(toc)}")
        for n, p in sorted(want - got, key=lambda x: int(re.sub(r'\D', '', x[0]) or 0))[:show]:
            notes.append(f"    missing § {n} (page {p}); found: {[x for x in got if x[0] == n]}")
        for n, p in sorted(got - want)[:show]:
            notes.append(f"    extra § {n} (page {p})")
        for i in g["items"]:
            if _norm(i["title"]) != _norm(titles.get(i["number"], "")) and show:
                notes.append(f"    title § {i['number']}: {titles.get(i['number'])!r} / gold {i['title']!r}")
    print("\n| template | docs | gold §§ | found | P (number, page) | R (number, page) | numbers R | titles |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    total: defaultdict[str, int] = defaultdict(int)
    for t, s in sorted(per.items()):
        for k, v in s.items():
            total[k] += v
        print(_row(t, s))
    print(_row("all", total))
    print()
    print("\n".join(notes))


def _row(name: str, s: dict[str, int]) -> str:
    p = s["right"] / s["found"] if s["found"] else 0.0
    r = s["right"] / s["gold"] if s["gold"] else 0.0
    return (f"| {name} | {s['docs']} | {s['gold']} | {s['found']} | {p:.3f} | {r:.3f} | "
            f"{s['numbers'] / max(s['gold'], 1):.3f} | {s['titles']} / {s['gold']} |")


def _span(nums: list[int]) -> str:
    return f"§§ {nums[0]}-{nums[-1]} ({len(nums)} entries)" if nums else "none found"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--gold", type=Path, default=Path("/work/wt/gold/bench/gold/dev"))
    ap.add_argument("--pdf-dir", type=Path, action="append", default=[Path("/work/gold-pdfs")])
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--no-silver", action="store_true")
    ap.add_argument("--no-ocr", action="store_true",
                    help="never OCR (default: OCR pages without readable text when Tesseract is installed)")
    a = ap.parse_args()
    if not a.no_silver:
        silver(a.shared, a.show)
    if a.gold.is_dir():
        gold(a.gold, a.shared, a.pdf_dir, a.show, False if a.no_ocr else None)


if __name__ == "__main__":
    main()
