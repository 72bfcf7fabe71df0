"""Words per second of the whole extraction (NER included) on one core, beside spaCy's blank
Swedish tokenizer alone, side by side on the same real text (the Göteborg KF protocols).

    .venv/bin/python bench/extract.py [--files N] [--repeat R] [--json]

Each stage is timed on the same documents in this process (one core: torch, numpy and BLAS
are held to one thread). Model loading is timed apart and not in the words/s.
"""

from __future__ import annotations

import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.types import Document, Metadata, Page, with_offsets

DATA = REPO.parent / "shared" / "data" / "protocols" / "goteborg-kf"


def load_docs(n: int) -> list[Document]:
    files = sorted(DATA.glob("kf-*.txt"))[:n]
    if not files:
        sys.exit(f"no protocols in {DATA}: this benchmark needs ../shared")
    docs = []
    for f in files:
        pages = [Page(i, t) for i, t in enumerate(f.read_text(encoding="utf-8").split("\f"), 1)]
        docs.append(Document(str(f), "", with_offsets(pages), Metadata(municipality="Göteborg")))
    return docs


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--files", type=int, default=4, help="protocols to use (each ~20-40k words)")
    ap.add_argument("--repeat", type=int, default=2, help="runs per stage; the best is reported")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    import spacy
    import torch

    torch.set_num_threads(1)
    docs = load_docs(a.files)
    words = sum(len(d.text.split()) for d in docs)

    from namndkoll.extract import extract_document, find_figures, find_parties, find_people
    from namndkoll.extract.decisions import find_decisions
    from namndkoll.extract.ner import find_entities
    from namndkoll.extract.positions import find_positions
    from namndkoll.extract.votes import find_votes

    t0 = time.perf_counter()
    extract_document(docs[0])  # loads the NER model, lemma table, rules
    load_s = time.perf_counter() - t0

    blank = spacy.blank("sv")
    blank.max_length = 10**8
    rows: dict[str, float] = {}
    rows["spacy.blank('sv') tokenization"] = best_of(a.repeat, lambda: [blank(d.text) for d in docs])
    rows["figures (text + tables)"] = best_of(a.repeat, lambda: [find_figures(d) for d in docs])
    rows["parties + people"] = best_of(a.repeat, lambda: [(find_parties(d), find_people(d)) for d in docs])
    rows["decisions"] = best_of(a.repeat, lambda: [find_decisions(d) for d in docs])
    rows["votes"] = best_of(a.repeat, lambda: [find_votes(d) for d in docs])
    rows["positions"] = best_of(a.repeat, lambda: [find_positions(d, find_people(d), find_parties(d)) for d in docs])
    rows["entities (NER + rules)"] = best_of(a.repeat, lambda: [find_entities(d) for d in docs])
    rows["whole extract_document"] = best_of(a.repeat, lambda: [extract_document(d) for d in docs])

    out = {
        "machine": f"{platform.machine()} {os.cpu_count()} cores, {platform.python_version()}",
        "documents": len(docs), "words": words, "model_load_s": round(load_s, 2),
        "stages": {k: {"seconds": round(v, 3), "words_per_s": round(words / v)} for k, v in rows.items()},
    }
    if a.json:
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return
    print(f"{out['documents']} Göteborg KF protocols, {words:,} words, one core "
          f"(model load {out['model_load_s']} s, not counted)")
    for k, v in out["stages"].items():
        print(f"  {k:34} {v['seconds']:8.3f} s  {v['words_per_s']:>10,} words/s")


if __name__ == "__main__":
    main()
