#!/usr/bin/env python3
"""Search quality over other municipalities' records (issue 11): Lomma (NetPublicator),
Kungsbacka (Ciceron), Alingsås and Botkyrka — records the main evaluation
(bench/search_eval.py, built from sample/ and ../shared) never sees.

Corpus: the fixed list DOCUMENTS below, read from ``--pdf-dir`` (default /work/gold-pdfs/dev,
fetched public records that are never committed) by the product's ingest (``read_document``,
OCR off) and indexed once into bench/out/search-other-MODEL.db (incremental: a re-run stores
and embeds only what is new).

Questions: bench/questions/other-dev.json (tune on it freely; entries marked
``"batch": "walk20"`` were already tuned on) and other-heldout.json (report only: the
integrator runs it once). Both were written by reading the documents before any search ran on
them; see bench/questions/README.md. Figures come from the same
``namndkoll.search.evaluation.evaluate`` as the main evaluation, printed as a Markdown table per
split, with the misses of each split listed below it (``--misses``).

usage: python bench/search_other.py [--model NAME] [--splits other-dev] [--pdf-dir DIR] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
QUESTIONS = REPO / "bench" / "questions"
DEFAULT_PDF_DIR = Path("/work/gold-pdfs/dev")
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

# A mix a newsroom would load: Lomma's protocols with votes, reservations and yrkanden
# (NetPublicator), Kungsbacka's Ciceron protocols and extracts, Alingsås protocols and a
# routine, and Botkyrka's policies and rules.
DOCUMENTS = (
    "lomma-kf-2025-06-05.pdf",
    "lomma-ks-2025-11-19.pdf",
    "lomma-bun-2025-05-20.pdf",
    "lomma-sn-2025-10-07.pdf",
    "lomma-kf-2023-12-07.pdf",
    "lomma-kf-2025-10-16.pdf",
    "lomma-kf-2026-03-12.pdf",
    "kungsbacka-fg-2024-04-17.pdf",
    "kungsbacka-ks-2024-09-24.pdf",
    "kungsbacka-bygg-2024-06-11-p142-143.pdf",
    "kungsbacka-vo-2024-05-14-p75.pdf",
    "kungsbacka-ks-2026-08-25.pdf",
    "botkyrka-bemanningspolicy-2023.pdf",
    "botkyrka-regler-betalkort-drivmedelskort.pdf",
    "botkyrka-anvisning-alkohol-drogmissbruk-2015.pdf",
    "botkyrka-handlingsplan-bpsd-2025.pdf",
    "alingsas-rutin-hot-hat-vald-fortroendevalda-2026.pdf",
    "alingsas-kf-2026-06-10.pdf",
    "alingsas-bun-2026-05-26.pdf",
    "alingsas-ks-protokollsutdrag-77-rantepaslag.pdf",
    "alingsas-bun-2018-01-30.pdf",
    "alingsas-biblioteksplan-2027-2030.pdf",
)
SPLITS = ("other-dev", "other-heldout", "other-dev3", "other-dev4", "other-dev5")


def sources(pdf_dir: Path) -> list[Path]:
    """The corpus PDFs, or exit with a message that says what is missing and what to do."""
    if not pdf_dir.is_dir():
        sys.exit(f"search_other: {pdf_dir} does not exist: this evaluation needs the fetched records "
                 "(Lomma, Kungsbacka, Alingsås, Botkyrka); pass --pdf-dir DIR where they are. Skipped.")
    missing = [d for d in DOCUMENTS if not (pdf_dir / d).is_file()]
    if missing:
        sys.exit(f"search_other: {len(missing)} of {len(DOCUMENTS)} PDFs are not in {pdf_dir} "
                 f"(first: {missing[0]}); pass --pdf-dir DIR that holds them all. Skipped.")
    return [pdf_dir / d for d in DOCUMENTS]


def build(db: Path, pdfs: list[Path], embedder) -> dict:  # type: ignore[no-untyped-def]
    """Store every corpus PDF not stored yet (the product's ingest, OCR off), then index."""
    from search_eval import index_stored  # type: ignore[import-not-found]

    from namndkoll.corpus.db import open_db, transaction
    from namndkoll.corpus.store import replace_document
    from namndkoll.ingest import read_document

    conn = open_db(db)
    have = {r[0] for r in conn.execute("SELECT source FROM documents")}
    for pdf in pdfs:
        if str(pdf) in have:
            continue
        t = time.time()
        try:
            doc = read_document(pdf, ocr=False)
        except Exception as exc:  # noqa: BLE001 - one unreadable PDF must not stop the rest
            print(f"  {pdf.name}: {exc}; left out", file=sys.stderr)
            continue
        with transaction(conn):
            replace_document(conn, doc)
        print(f"  stored {pdf.name} ({time.time() - t:.1f} s)", file=sys.stderr, flush=True)
    return index_stored(conn, embedder)


def misses(conn, embedder, qs: list[dict]) -> list[str]:  # type: ignore[no-untyped-def]
    """Each hybrid miss as the integrator needs it to judge the cause: an answerable question
    refused or without its passage in the top 5 (as shown), an unanswerable one answered high;
    with the expected passage and the first three hits that came back."""
    from namndkoll.search.evaluation import is_answer
    from namndkoll.search.hybrid import search

    def brief(h) -> str:  # type: ignore[no-untyped-def]
        text = " ".join(h.text.split())[:140].replace("|", "/")
        return f"{Path(h.source).name} p{h.page} §{h.item or '-'} {h.confidence}: {text}"

    lines = []
    for q in qs:
        shown = search(conn, q["q"], embedder, limit=5)
        if q.get("answerable", True):
            gold = [h for h in shown if is_answer(h, q["doc"], q["passage"], q.get("alt_docs", ()))]
            if shown and gold:
                continue
            why = "refused" if not shown else "not in top 5"
            raw = search(conn, q["q"], embedder, limit=50, abstention=False)
            at = next((i for i, h in enumerate(raw) if is_answer(h, q["doc"], q["passage"])), None)
            why += f" (without abstention at rank {at + 1})" if at is not None else " (not in top 50)"
            lines.append(f"- **{q['q']}** — {why}; expected {q['doc']} p{q['page']}: «{q['passage']}»")
        else:
            if not shown or shown[0].confidence != "high":
                continue
            lines.append(f"- **{q['q']}** — unanswerable ({q.get('kind')}: {q.get('why', '')}) answered high")
        lines += [f"    - got {brief(h)}" for h in shown[:3]]
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None, help="embedder name (default: the product's default)")
    ap.add_argument("--pdf-dir", type=Path, default=DEFAULT_PDF_DIR)
    ap.add_argument("--db", type=Path, default=None, help="default: bench/out/search-other-MODEL.db")
    ap.add_argument("--splits", nargs="+", default=["other-dev"], choices=SPLITS,
                    help="other-heldout is for the integrator to run once, to report")
    ap.add_argument("--modes", nargs="+", default=["keyword", "dense", "hybrid"])
    ap.add_argument("--batch", default=None, help="only entries of this batch ('-' for those without one)")
    ap.add_argument("--misses", action="store_true", help="list the hybrid misses under each table")
    ap.add_argument("--build-only", action="store_true", help="store and index the corpus, evaluate nothing")
    args = ap.parse_args()
    pdfs = sources(args.pdf_dir)
    from search_eval import get_embedder, table  # type: ignore[import-not-found]

    from namndkoll.corpus.db import open_db
    from namndkoll.search.evaluation import evaluate

    OUT.mkdir(parents=True, exist_ok=True)
    name = re.sub(r"[^a-z0-9]+", "-", (args.model or "default").lower())
    db = args.db or OUT / f"search-other-{name}.db"
    emb = get_embedder(args.model)
    info = build(db, pdfs, emb)
    print(f"corpus: {info}", file=sys.stderr)
    if args.build_only:
        return
    lines = [(f"Model: `{emb.model_id}`. Corpus: {info['documents']} documents, {info['chunks']} chunks "
              "(Lomma, Kungsbacka, Alingsås, Botkyrka)."), ""]
    results = {}
    conn = open_db(db)
    for split in args.splits:
        qs = json.loads((QUESTIONS / f"{split}.json").read_text(encoding="utf-8"))
        if args.batch:
            qs = [q for q in qs if q.get("batch", "-") == args.batch]
        results[split] = evaluate(conn, emb, qs, modes=tuple(args.modes))
        lines += table(split + (f" (batch {args.batch})" if args.batch else ""), results[split])
        if args.misses and "hybrid" in args.modes:
            lines += [f"Hybrid misses in {split} (as shown, top 5):", "", *misses(conn, emb, qs), ""]
    conn.close()
    out = db.with_name(db.stem + "-" + "-".join(args.splits))
    out.with_suffix(".json").write_text(json.dumps({"corpus": info, "model": emb.model_id, "results": results},
                                                   ensure_ascii=False, indent=2), encoding="utf-8")
    print("\n".join(lines))
    out.with_suffix(".md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
