#!/usr/bin/env python3
"""Embed the sentence windows (namndkoll/search/windows.py) of every passage of an evaluation
index into a side file, for ``bench/search_rerank.py --windows`` (issue 11, stage 1: the best
window's cosine as a reranker feature, measured before any schema change).

Each passage longer than ``windows.WINDOW_CHARS`` is cut into its windows and each window is
embedded as the index embeds a passage (``index.embed_text``: under the passage's title) with the
product's embedder; a shorter passage is its own one window, whose vector is the passage's, so
it is not embedded again. Written: ``bench/out/windows-<model>.npz`` with ``chunk_id`` (one per
window) and ``vectors`` (float32, normalised); the chunks' text hashes are stored too and the
file is remade when they differ from the index's.

usage: nice -n 10 python bench/search_windows.py --db bench/out/eval-s22.db [--model NAME]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))

from namndkoll.search.embed import get_embedder
from namndkoll.search.index import embed_text
from namndkoll.search.windows import windows


def side_file(model: str | None) -> Path:
    name = "".join(c if c.isalnum() else "-" for c in (model or "default").lower())
    return OUT / f"windows-{name}.npz"


def cut(db: Path) -> tuple[list[int], list[str], list[str]]:
    """Every window of a passage that has more than one: its chunk id and what the model reads;
    and the index's chunk hashes (what the side file was made from)."""
    conn = sqlite3.connect(db)
    ids, texts, hashes = [], [], []
    for cid, text, context, h in conn.execute("SELECT id, text, context, hash FROM chunks ORDER BY id"):
        hashes.append(f"{cid}:{h}")
        spans = windows(text)
        if len(spans) < 2:
            continue
        for a, b in spans:
            ids.append(cid)
            texts.append(embed_text(text[a:b], context))
    conn.close()
    return ids, texts, hashes


def load(db: Path, model: str | None) -> dict[int, np.ndarray]:
    """The side file's window vectors per chunk id (passages with more than one window)."""
    data = np.load(side_file(model))
    out: dict[int, list[np.ndarray]] = {}
    for cid, v in zip(data["chunk_id"].tolist(), data["vectors"], strict=True):
        out.setdefault(int(cid), []).append(v)
    return {cid: np.vstack(vs) for cid, vs in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch", type=int, default=256)
    args = ap.parse_args()
    ids, texts, hashes = cut(args.db)
    n_chunks = len(hashes)
    print(f"{n_chunks} passages, {len(set(ids))} longer than one window: {len(texts)} windows to embed "
          f"({(n_chunks - len(set(ids)) + len(texts)) / n_chunks:.2f} windows per passage in all)")
    emb = get_embedder(args.model)
    t0 = time.time()
    vecs = np.zeros((len(texts), emb.dimensions), np.float32)
    for a in range(0, len(texts), args.batch):
        vecs[a:a + args.batch] = emb.embed(texts[a:a + args.batch], kind="passage")
        done = min(a + args.batch, len(texts))
        print(f"\r{done}/{len(texts)} windows, {done / (time.time() - t0):.1f}/s", end="", file=sys.stderr)
    took = time.time() - t0
    print(file=sys.stderr)
    out = side_file(args.model)
    np.savez(out, chunk_id=np.array(ids, np.int64), vectors=vecs, hashes=np.array(hashes), model=emb.model_id)
    print(f"{len(texts)} windows embedded in {took:.0f} s ({len(texts) / took:.1f}/s) by {emb.model_id}; "
          f"{vecs.nbytes / 1e6:.1f} MB of float32 vectors -> {out.relative_to(REPO)}")


if __name__ == "__main__":
    main()
