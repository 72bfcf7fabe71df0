#!/usr/bin/env python3
"""Latency of a filtered hybrid query at 10k, 100k and 1M chunks, beside a numpy brute-force
dot product over the same vectors; memory and database size.

The big corpora replicate the real chunks of the eval corpus (bench/search_eval.py builds
it: Göteborg KF protocols, Stadsrevisionen reports, Lund documents, embedded with
multilingual-e5-small): chunk i is real chunk i mod R with its vector plus a little noise
(so copies are distinct neighbours), spread over 10 municipalities, 8 committees, 10 years
and 4 document types, each document a municipality's own (org_kind "kommun", as ingest marks
a kommun's records). Each size is built once into bench/out/search-N.db and re-used.
Queries are the eval questions (real e5 query vectors), each with a municipality and a year
range filter. Small corpora are searched exactly on float32 vectors; above 20k vectors
the dense side scans sign bits (vector minus corpus mean) and rescores on float32.

usage: nice python bench/search.py [--sizes 10000 100000 1000000]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))

from namndkoll.corpus import index as sql
from namndkoll.corpus.db import open_db, transaction
from namndkoll.corpus.sqlite import EXACT_LIMIT, OVERSAMPLE
from namndkoll.corpus.store import replace_document
from namndkoll.search.chunking import CHUNKER
from namndkoll.search.hybrid import search
from namndkoll.types import Chunk, Document, Metadata, Page, with_offsets

MUNICIPALITIES = ["Göteborg", "Lund", "Malmö", "Uppsala", "Umeå", "Kungsbacka", "Simrishamn", "Växjö",
                  "Luleå", "Örebro"]
COMMITTEES = ["Kommunfullmäktige", "Kommunstyrelsen", "Socialnämnden", "Förskolenämnden",
              "Grundskolenämnden", "Stadsrevisionen", "Miljö- och klimatnämnden", "Trafiknämnden"]
TYPES = ["protokoll", "tjansteskrivelse", "revisionsrapport", "reservation"]
PER_DOC = 50
NOISE = 0.02  # per-dimension std of the noise added to a copied vector (cosine to original ~0.9)


class Fixed:
    """An embedder that returns precomputed query vectors (the timing is of the index)."""

    def __init__(self, model_id: str, dims: int, table: dict[str, np.ndarray]) -> None:
        self.model_id, self.dimensions, self.table = model_id, dims, table

    def embed(self, texts, *, kind="query"):  # type: ignore[no-untyped-def]
        return np.stack([self.table[t] for t in texts])


def real_chunks(src: Path) -> tuple[list[tuple[str, str | None, str | None]], np.ndarray, str, np.ndarray]:
    conn = open_db(src)
    rows = conn.execute(
        "SELECT c.text, c.item, c.section, e.embedding, c.context FROM chunks c"
        " JOIN chunk_embeddings e ON e.chunk_id = c.id ORDER BY c.id").fetchall()
    rec = sql.get_model(conn)
    conn.close()
    assert rec is not None and rec.center is not None
    vecs = np.stack([np.frombuffer(r[3], dtype=np.float32) for r in rows])
    return [(r[0], r[1], r[2], r[4]) for r in rows], vecs, rec.model_id, rec.center


def build(path: Path, n: int, texts: list, vecs: np.ndarray, model_id: str, text_chars: int | None = None) -> None:
    """``text_chars``: keep only that many characters of each chunk's text (a smaller keyword
    index, for a 1M corpus that would otherwise not build in time on a shared 2-core machine)."""
    if path.exists():
        conn = open_db(path)
        have = sql.chunk_total(conn)
        if have == n:  # a corpus built before its documents carried their kind of body
            with transaction(conn):
                conn.execute("UPDATE documents SET org_kind = 'kommun' WHERE org_kind IS NULL AND source LIKE 'bench/%'")
        conn.close()
        if have == n:
            return
        path.unlink()
    t0 = time.time()
    conn = open_db(path)
    conn.execute("PRAGMA journal_mode = OFF")  # a throw-away build: no WAL copy of 2 GB
    rng = np.random.default_rng(0)
    R, D = vecs.shape
    with transaction(conn):
        sql.set_model(conn, model_id, D)
        sql.set_center(conn, vecs.mean(axis=0))
    center = vecs.mean(axis=0).astype(np.float32)
    for d0 in range(0, n, PER_DOC * 200):
        with transaction(conn):
            for d in range(d0, min(n, d0 + PER_DOC * 200), PER_DOC):
                k = d // PER_DOC
                md = Metadata(f"doc {k}", MUNICIPALITIES[k % 10], COMMITTEES[(k // 10) % 8], TYPES[(k // 80) % 4],  # type: ignore[arg-type]
                              f"{2015 + (k // 7) % 10}-03-01", org_kind="kommun")
                doc_id = replace_document(conn, Document(f"bench/{k}.pdf", hashlib.sha1(str(k).encode()).hexdigest(),
                                                         with_offsets([Page(1, "")]), md))
                idx = [(d + j) % R for j in range(min(PER_DOC, n - d))]
                cut = [texts[i][0][:text_chars] if text_chars else texts[i][0] for i in idx]
                chunks = [Chunk(t, 0, len(t), 1, 1, texts[i][1], texts[i][2]) for t, i in zip(cut, idx)]
                sql.replace_chunks(conn, doc_id, chunks, [str(d + j) for j in range(len(idx))], CHUNKER,
                                   [texts[i][3] for i in idx])
                ids = [r[0] for r in conn.execute("SELECT id FROM chunks WHERE document_id = ? ORDER BY idx", (doc_id,))]
                v = vecs[idx] + rng.normal(0, NOISE, (len(idx), D)).astype(np.float32)
                v /= np.linalg.norm(v, axis=1, keepdims=True)
                sql.insert_vectors(conn, ids, v.astype(np.float32), center)
        print(f"  {path.name}: {min(n, d0 + PER_DOC * 200)}/{n} chunks ({time.time() - t0:.0f} s)", file=sys.stderr, flush=True)
    conn.execute("INSERT INTO chunks_fts(chunks_fts) VALUES ('optimize')")
    conn.close()


def query_vectors(questions: list[str]) -> dict[str, np.ndarray]:
    cache = OUT / "bench-queries.json"
    table = json.loads(cache.read_text()) if cache.exists() else {}
    missing = [q for q in questions if q not in table]
    if missing:
        sys.path.insert(0, str(REPO / "bench"))
        from search_eval import get_embedder

        emb = get_embedder(None)
        for q, v in zip(missing, emb.embed(missing, kind="query")):
            table[q] = [float(x) for x in v]
        cache.write_text(json.dumps(table))
    return {q: np.asarray(table[q], dtype=np.float32) for q in questions}


def brute_force(conn, path: Path) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:  # type: ignore[no-untyped-def]
    """All vectors, municipalities and years in memory (cached as .npy beside the db)."""
    npy = path.with_suffix(".vecs.npy")
    if not npy.exists():
        rows = conn.execute("SELECT e.chunk_id, e.embedding, c.municipality, c.year FROM chunk_embeddings e"
                            " JOIN chunks c ON c.id = e.chunk_id ORDER BY e.chunk_id")
        ids, vs, ms, ys = [], [], [], []
        for r in rows:
            ids.append(r[0]); vs.append(np.frombuffer(r[1], dtype=np.float32)); ms.append(MUNICIPALITIES.index(r[2])); ys.append(r[3])
        np.save(npy, np.stack(vs))
        np.save(path.with_suffix(".meta.npy"), np.array([ids, ms, ys], dtype=np.int64))
    meta = np.load(path.with_suffix(".meta.npy"))
    return np.load(npy, mmap_mode=None), meta[0], meta[1], meta[2]


def pct(xs: list[float], p: float) -> float:
    return float(np.percentile(np.array(xs) * 1000, p))


def run(path: Path, queries: dict[str, np.ndarray], model_id: str, dims: int, repeat: int) -> dict:
    conn = open_db(path)
    emb = Fixed(model_id, dims, queries)
    n = sql.chunk_total(conn)
    qs = list(queries)
    filt = [(q, MUNICIPALITIES[i % 10], 2017 + i % 5) for i, q in enumerate(qs)]
    for q, m, y in filt[:3]:  # warm the page cache
        search(conn, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
    hyb, dense_only, unf = [], [], []
    for _ in range(repeat):
        for q, m, y in filt:
            t = time.perf_counter()
            search(conn, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10)
            hyb.append(time.perf_counter() - t)
            t = time.perf_counter()
            search(conn, q, emb, municipality=m, year_from=y, year_to=y + 3, limit=10, mode="dense")
            dense_only.append(time.perf_counter() - t)
            t = time.perf_counter()
            search(conn, q, emb, limit=10)
            unf.append(time.perf_counter() - t)
    V, ids, M, Y = brute_force(conn, path)
    bf, overlap = [], []
    rec = sql.get_model(conn)
    for _ in range(repeat):
        for q, m, y in filt:
            t = time.perf_counter()
            mask = (M == MUNICIPALITIES.index(m)) & (Y >= y) & (Y <= y + 3)
            s = V @ queries[q]
            s[~mask] = -2.0
            top = np.argpartition(-s, 10)[:10]
            top = top[np.argsort(-s[top])]
            bf.append(time.perf_counter() - t)
    # exactness of the sign-bit pass: share of numpy's exact top 10 that the index returns
    f_all = sql.Filters()
    for q in qs[:20]:
        exact = {int(i) for i in ids[np.argsort(-(V @ queries[q]))[:10]]}
        got = {cid for cid, _ in sql.knn(conn, queries[q], 10, f_all,
                                          coarse=50 * OVERSAMPLE if n > EXACT_LIMIT else None, center=rec.center)}  # type: ignore[union-attr]
        overlap.append(len(exact & got) / 10)
    conn.close()
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    return {"chunks": n, "hybrid_p50_ms": pct(hyb, 50), "hybrid_p95_ms": pct(hyb, 95),
            "dense_filtered_p50_ms": pct(dense_only, 50), "dense_filtered_p95_ms": pct(dense_only, 95),
            "hybrid_unfiltered_p50_ms": pct(unf, 50), "hybrid_unfiltered_p95_ms": pct(unf, 95),
            "numpy_p50_ms": pct(bf, 50), "numpy_p95_ms": pct(bf, 95),
            "dense_recall@10_vs_exact": float(np.mean(overlap)), "db_mb": size / 1e6,
            "vectors_in_ram_mb": V.nbytes / 1e6, "queries": len(hyb)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--source", type=Path, default=OUT / "search-eval.db")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--build-only", action="store_true", help="build the corpora, measure nothing")
    ap.add_argument("--text-chars", type=int, default=None,
                    help="store only this many characters per chunk (smaller keyword index; say so when reporting)")
    args = ap.parse_args()
    texts, vecs, model_id, _center = real_chunks(args.source)
    questions = [q["q"] for q in json.loads((REPO / "bench/questions.json").read_text(encoding="utf-8"))
                 if q.get("answerable", True)]
    queries = query_vectors(questions)
    results = []
    for n in args.sizes:
        path = OUT / f"search-{n}.db"
        build(path, n, texts, vecs, model_id, args.text_chars)
        if args.build_only:
            continue
        r = run(path, queries, model_id, vecs.shape[1], args.repeat)
        r["max_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(r), flush=True)
        results.append(r)
    (OUT / "search-latency.json").write_text(json.dumps(results, indent=2))
    cols = ["chunks", "hybrid_p50_ms", "hybrid_p95_ms", "dense_filtered_p95_ms", "hybrid_unfiltered_p95_ms",
            "numpy_p50_ms", "numpy_p95_ms", "dense_recall@10_vs_exact", "db_mb", "max_rss_mb"]
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in results:
        lines.append("| " + " | ".join(f"{r[c]:.3g}" if isinstance(r[c], float) else str(r[c]) for c in cols) + " |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
