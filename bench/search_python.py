#!/usr/bin/env python3
"""The Python time of one hybrid search() after its database queries, on the SQLite eval corpus,
per stage; every answer saved so that two versions can be proved to answer the same.

Questions: bench/questions/{dev,dev2,test}.json (never heldout), unfiltered, as the eval asks
them, on a copy of bench/out/search-eval-default-pdf.db (bench/out/search-python-copy.db; the index is
never rebuilt). The query vectors are embedded once with the product's default embedder and kept
in bench/out/search-python-vectors.npz (the embedding time is printed apart); search() then gets
them from a table, so the timed part holds no model.

What counts as "the database": every call of a public method of the Store (knn, keyword,
chunk_rows, term_doc_counts, diarienummer_many, ...), timed where it is called from search's
code (only the outermost call). "python" = search()'s wall time less those calls. The stages of
search/hybrid.py (``keyword_plan``, ``rank``, ``evidence``, ``candidate_features``, ``rerank``,
``settle``, ``judge``, ``fold_copies``, ``make_hit``) are wrapped in its namespace; a stage's own
Python is its wall time less the store calls and inner stages in it.

usage:
  python bench/search_python.py [--rounds 3] [--answers out.json] [--profile] [--out prof.json]
  python bench/search_python.py --compare A.json B.json     # the same answers?
  python bench/search_python.py --base DIR [--rounds 3]      # DIR: another checkout's root
      (each round runs this script once with DIR's namndkoll and once with this one's, in
      fresh processes, the order swapped every round; p50 / p95 of the python part per query)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SPLITS = ("dev", "dev2", "test")
SRC_DB = HERE / "out" / "search-eval-default-pdf.db"
VECTORS = HERE / "out" / "search-python-vectors.npz"
STAGES = ("keyword_plan", "rank", "evidence", "candidate_features", "rerank", "settle", "judge",
          "fold_copies", "make_hit")


def questions() -> list[str]:
    out: list[str] = []
    for split in SPLITS:
        out += [q["q"] for q in json.loads((HERE / "questions" / f"{split}.json").read_text("utf-8"))]
    return list(dict.fromkeys(out))


class Fixed:
    """Query vectors looked up, not computed."""

    def __init__(self, model_id: str, dims: int, table: dict[str, np.ndarray]) -> None:
        self.model_id, self.dimensions, self.table = model_id, dims, table

    def embed(self, texts: Any, *, kind: str = "query") -> np.ndarray:
        return np.stack([self.table[t] for t in texts])


def vectors(qs: list[str]) -> Fixed:
    if VECTORS.exists():
        z = np.load(VECTORS, allow_pickle=False)
        table = dict(zip([str(x) for x in z["texts"]], z["vecs"]))
        if all(q in table for q in qs):
            return Fixed(str(z["model_id"]), int(z["dims"]), table)
    from namndkoll.search.embed import get_embedder

    t = time.perf_counter()
    emb = get_embedder(None)
    vecs = np.asarray(emb.embed(qs, kind="query"), dtype=np.float32)
    secs = time.perf_counter() - t
    print(f"embedded {len(qs)} queries in {secs:.1f} s (model load included; not in the figures below)",
          file=sys.stderr)
    np.savez(VECTORS, texts=np.array(qs), vecs=vecs, model_id=np.array(emb.model_id), dims=np.array(emb.dimensions))
    return Fixed(emb.model_id, emb.dimensions, dict(zip(qs, vecs)))


class Clock:
    def __init__(self) -> None:
        self.stack: list[str] = []
        self.depth = 0  # inside a store call
        self.reset()

    def reset(self) -> None:
        self.store = 0.0
        self.stage: dict[str, float] = defaultdict(float)
        self.stage_db: dict[str, float] = defaultdict(float)
        self.stage_child: dict[str, float] = defaultdict(float)


CLOCK = Clock()


def instrument(store: Any) -> None:
    from namndkoll.search import hybrid

    def db(fn: Any) -> Any:
        def wrapper(*a: Any, **kw: Any) -> Any:
            if CLOCK.depth:
                return fn(*a, **kw)
            CLOCK.depth += 1
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                dt = time.perf_counter() - t
                CLOCK.depth -= 1
                CLOCK.store += dt
                if CLOCK.stack:
                    CLOCK.stage_db[CLOCK.stack[-1]] += dt
        return wrapper

    for name in dir(type(store)):
        if not name.startswith("_") and callable(getattr(type(store), name)):
            setattr(store, name, db(getattr(store, name)))

    def staged(name: str, fn: Any) -> Any:
        def wrapper(*a: Any, **kw: Any) -> Any:
            CLOCK.stack.append(name)
            t = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                CLOCK.stack.pop()
                dt = time.perf_counter() - t
                CLOCK.stage[name] += dt
                if CLOCK.stack:
                    CLOCK.stage_child[CLOCK.stack[-1]] += dt
        return wrapper

    for name in STAGES:
        if hasattr(hybrid, name):
            setattr(hybrid, name, staged(name, getattr(hybrid, name)))


def answer(hits: list[Any]) -> list[list[Any]]:
    return [[h.chunk_id, h.score, h.confidence, h.citation, [c.citation for c in h.also_in]] for h in hits]


def run(db: Path, rounds: int, profile: bool) -> dict[str, Any]:
    import namndkoll
    from namndkoll.corpus import as_store
    from namndkoll.corpus.db import open_db
    from namndkoll.search import hybrid

    print(f"code: {Path(namndkoll.__file__).parent.parent}", file=sys.stderr)
    qs = questions()
    emb = vectors(qs)
    store = as_store(open_db(db))
    instrument(store)
    for q in qs[:3]:  # warm the caches a long-running process has
        hybrid.search(store, q, emb, limit=10)
    python: dict[str, list[float]] = defaultdict(list)
    answers: dict[str, list[list[Any]]] = {}
    prof = None
    if profile:
        import cProfile

        prof = cProfile.Profile()
    for r in range(rounds):
        for q in qs:
            CLOCK.reset()
            if prof is not None:
                prof.enable()
            t = time.perf_counter()
            hits = hybrid.search(store, q, emb, limit=10)
            wall = time.perf_counter() - t
            if prof is not None:
                prof.disable()
            python["python (search less store calls)"].append(wall - CLOCK.store)
            python["store calls"].append(CLOCK.store)
            python["whole search()"].append(wall)
            for k in STAGES:
                v = CLOCK.stage.get(k, 0.0)
                python["  python in " + k].append(v - CLOCK.stage_db.get(k, 0.0) - CLOCK.stage_child.get(k, 0.0))
            if r == 0:
                answers[q] = answer(hits)
    if prof is not None:
        import io
        import pstats

        prof.dump_stats(HERE / "out" / "search-python.prof")  # for pstats' callers
        s = io.StringIO()
        pstats.Stats(prof, stream=s).sort_stats("tottime").print_stats(30)
        print(s.getvalue(), file=sys.stderr)
    return {"questions": len(qs), "rounds": rounds, "times": {k: v for k, v in python.items()}, "answers": answers}


def pct(xs: list[float], p: float) -> float:
    return round(float(np.percentile(np.array(xs) * 1000, p)), 2)


def summary(times: dict[str, list[float]]) -> dict[str, dict[str, float]]:
    return {k: {"p50_ms": pct(v, 50), "p95_ms": pct(v, 95), "mean_ms": round(float(np.mean(v)) * 1000, 2)}
            for k, v in times.items()}


def compare(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    aa, bb = a.get("answers", a), b.get("answers", b)
    differ = [q for q in aa if q not in bb or aa[q] != bb[q]] + [q for q in bb if q not in aa]
    return {"questions": len(aa), "identical": len(aa) - len([q for q in differ if q in aa]),
            "different": len(differ), "differences": differ[:20]}


def copy_db() -> Path:
    dst = HERE / "out" / "search-python-copy.db"  # a copy: searching writes nothing, but never the kept index
    if not dst.exists() or dst.stat().st_mtime < SRC_DB.stat().st_mtime:
        shutil.copyfile(SRC_DB, dst)
    return dst


def side_by_side(base: Path, rounds: int) -> None:
    """Each round: this script in a fresh process with each checkout's namndkoll."""
    per: dict[str, list[float]] = {"base": [], "branch": []}
    evidence: dict[str, list[float]] = {"base": [], "branch": []}  # the stage with the longest tail
    answers: dict[str, Any] = {}
    for r in range(rounds):
        order = [("base", base), ("branch", REPO)]
        if r % 2:
            order.reverse()
        for name, root in order:
            out = HERE / "out" / f"search-python-{name}.json"
            env = dict(os.environ, PYTHONPATH=str(root), NAMNDKOLL_SEARCH_PYTHON_CODE=str(root))
            subprocess.run([sys.executable, str(Path(__file__)), "--rounds", "1", "--save", str(out)],
                           env=env, check=True, stdout=subprocess.DEVNULL)
            got = json.loads(out.read_text("utf-8"))
            per[name] += got["times"]["python (search less store calls)"]
            evidence[name] += got["times"]["  python in evidence"]
            answers[name] = got
            s = summary({"x": got["times"]["python (search less store calls)"]})["x"]
            e = summary({"x": got["times"]["  python in evidence"]})["x"]
            print(f"round {r + 1} {name}: python p50 {s['p50_ms']} p95 {s['p95_ms']} ms; evidence p50 "
                  f"{e['p50_ms']} p95 {e['p95_ms']} ms", file=sys.stderr)
    sb, sr = summary({"x": per["base"]})["x"], summary({"x": per["branch"]})["x"]
    eb, er = summary({"x": evidence["base"]})["x"], summary({"x": evidence["branch"]})["x"]
    print(json.dumps({"base": sb, "branch": sr,
                      "ratio_p50": round(sr["p50_ms"] / sb["p50_ms"], 3),
                      "ratio_p95": round(sr["p95_ms"] / sb["p95_ms"], 3),
                      "ratio_mean": round(sr["mean_ms"] / sb["mean_ms"], 3),
                      "evidence": {"base": eb, "branch": er,
                                   "ratio_p50": round(er["p50_ms"] / eb["p50_ms"], 3),
                                   "ratio_p95": round(er["p95_ms"] / eb["p95_ms"], 3)},
                      "answers": compare(answers["base"], answers["branch"])}, indent=1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--answers", type=Path, help="write each question's top 10 here")
    ap.add_argument("--save", type=Path, help="write the times and the answers here (JSON)")
    ap.add_argument("--profile", action="store_true", help="cProfile the searches (by own time)")
    ap.add_argument("--compare", type=Path, nargs=2, metavar=("A", "B"))
    ap.add_argument("--base", type=Path, help="another checkout's root: measure both, alternating")
    args = ap.parse_args()
    if args.compare:
        res = compare(*(json.loads(p.read_text("utf-8")) for p in args.compare))
        print(json.dumps(res, ensure_ascii=False, indent=1))
        sys.exit(0 if res["different"] == 0 else 1)
    # this process's namndkoll: the checkout on PYTHONPATH (--base), else this one
    sys.path.insert(0, os.environ.get("NAMNDKOLL_SEARCH_PYTHON_CODE", str(REPO)))
    if args.base:
        copy_db()
        side_by_side(args.base.resolve(), args.rounds)
        return
    got = run(copy_db(), args.rounds, args.profile)
    if args.save:
        args.save.write_text(json.dumps(got, ensure_ascii=False), encoding="utf-8")
    if args.answers:
        args.answers.write_text(json.dumps(got["answers"], ensure_ascii=False, indent=0), encoding="utf-8")
    print(json.dumps({"questions": got["questions"], "rounds": got["rounds"], **summary(got["times"])}, indent=1))


if __name__ == "__main__":
    main()
