#!/usr/bin/env python3
"""Fit the hybrid reranker (namndkoll/search/rerank.py) on the dev questions.

For every question of the chosen splits this runs the product's candidate stage
(``hybrid.gather``: both sides, the search inside the best documents, votes and stances, the
keyword evidence, place and year fit) on the eval corpus of bench/search_eval.py, computes
``rerank.features`` per candidate and marks the candidates that answer (same document, a shared
run of six words with the gold passage). A logistic regression (L2, Newton steps, numpy) is
fitted on **dev only**: candidates of answerable questions that answer are positives, all others
(and every candidate of an unanswerable question) negatives.

Each fit is scored twice: by the reranker's order alone, and **as shown**: the product's own
``hybrid.final_order`` (the reranker, then the order rules of ``order.settle``, which were tuned
on top of the shipped weights) and ``fold_copies``, the answer told by ``evaluation.is_answer``
on each of the first ten hits and its copies: what ``search(..., limit=10, abstention=False)``
returns and bench/search_eval.py counts. Only the second says what a user sees; a feature or a
refit is judged by it. Check (2026-12-01, main at 9365001): with the shipped weights the as-shown
figures equal bench/search_eval.py's hybrid ones exactly (dev 0.815 / 0.963 / 0.876, test
0.767 / 0.956 / 0.847: recall@1 / @5 / MRR@10); the abstention (answered, refused) is not
scored here: run bench/search_eval.py and bench/search_other.py for it, and for other-dev.

Printed: 5-fold cross-validation on dev (folds by question, 5 shuffles), then the fit on all of
dev scored on test (never on heldout). The fit kept is that of the ``--l2`` with the best
as-shown dev cross-validation (recall@1, then MRR); ``--write`` stores it in
namndkoll/search/models/ (shipped: l2 = 1). Measured at 9365001 (``--l2 0.1 0.3 1 3 10 30``):
the as-shown dev CV is 0.765 / 0.954-0.956 / 0.841-0.842 for l2 0.1-1 (chosen 1), 0.756 for 3,
0.748 for 10 and 30; on test every refit shows 0.778-0.789 recall@1 against the shipped 0.767,
and so does the product's evaluation (0.767 -> 0.789, MRR 0.847 -> 0.861), but there every
refit tried (l2 0.3, 1, 3) loses other-dev (recall@1 0.779 -> 0.765, @5 0.956 -> 0.941), l2 1
and 3 a dev answer too (0.815 -> 0.806), so the shipped weights stay (docs/benchmarks.md, "The
eleventh session's search changes").

Until 2026-12-01 the candidates' rows of vote and stance questions (``subject.with_subject``
widens them into dicts) were stored with their column names as values (a dict zipped with its
keys), so their features were nonsense: part of why refits scored below the shipped weights.

``--splits`` gathers more splits (the tunable dev, dev2, dev5-dev11, and test; never held-out or the
fresh ones) and ``--loso`` fits with **leave-one-split-out** cross-validation over the tunable ones:
each split in turn is scored as shown by a fit on all the others, beside the shipped weights on the
same questions, per split and pooled (also without dev, where the shipped weights are in sample),
and with the reranker's order alone (the order rules were tuned on top of the shipped weights);
the L2 kept is the best pooled without dev, fitted on all of them. ``--fit`` chooses the fit:
``pointwise`` (the logistic regression above), ``prior`` (the same, its L2 pulling toward the
shipped coefficients instead of zero) or ``listwise`` (per answerable question a softmax over its
candidates, which puts its mass on those that answer, then a logistic calibration of that score
with the question's own columns such as ``figure_q``, so the output stays a chance of answering
for the abstention). Measured 2026-12-01 (fifteenth session, docs/benchmarks.md "Reranker refit on
eight splits"): pointwise refits lose out of sample at every l2 (0.3-300), the prior ties, the
listwise fit wins on the seven splits the shipped weights never saw but loses test's first places
and, with its chances, refuses fewer near misses in the product, so the shipped weights stay.

Two more fits serve as an **order head** beside the shipped chance (``rerank.Reranker.order``,
written by ``--write`` to the ``-order`` weights file, the chance file left as it is): the product
sorts by the head and every bar and order rule reading a chance reads the shipped fit's, so
answered and refused move only through the order. ``listwise-order``: the listwise softmax from
zero, as above; ``listwise-offset``: the same softmax over the shipped score plus a correction
whose L2 pulls it to zero, on the shipped fit's standardisation (a high L2 is the shipped order).
``--abstention`` scores each fold with the abstention on too: as shown (high before weak),
answered, weak of answered, refused and near misses shown high, shipped → fit. Measured
2026-12-01 (sixteenth session, docs/benchmarks.md "Listwise order, pointwise bars"): the offset
head at l2 50 wins out of sample (pooled without dev MRR 0.814 → 0.825, all nine 0.835 → 0.841,
6 of 9 folds higher, test 0.862 → 0.873) with answered and refused the same on every fold, and
ships for the default model; from zero it loses dev and test; for the fast model neither ships.

Since the nineteenth session the folds are every split ``--splits`` names of dev, dev2, dev5-dev11,
dev14, dev16 and test (test a fold too when named), each fold's line also gives the **product**
(the shipped chance with its order head, in sample on dev-dev11) and the answers the refit puts into
or out of the top five against it; after the LOSO, the fit on all folds is scored in sample against
the product, split by split. ``--offset-features`` lets the listwise-offset correction move some
weights only; ``--fit listwise-offset-head`` corrects the shipped order head itself. Measured
2026-12-01 (nineteenth session, twelve folds, 465 answerable questions, candidates after the
vote/stance rows fix; docs/benchmarks.md "Reranker refit on twelve splits"): the product pools
0.778 / 0.948 / 0.850 as shown. Out of sample, pooled without dev (351): pointwise l2 1-30
0.738-0.744 / 0.929-0.932 / 0.820-0.822; listwise-offset l2 10-300 0.752-0.764 / 0.934-0.937 /
0.831-0.839 (13 ranking features only, l2 10-100: 0.752-0.758 / 0.932-0.940 / 0.832-0.836);
offset of the shipped head l2 30-300 0.758-0.764 / 0.937-0.940 / 0.836-0.839; the product 0.769 /
0.940 / 0.843 (in sample on 8 of those 11). On the three folds the product never saw (dev14,
dev16, test) the head's offset at l2 300 gains one first place (dev14) and loses none; but every fit
on all twelve folds scores below the product in sample (best: head offset l2 300, 0.776 / 0.948 /
0.849; listwise-offset l2 100 0.774 / 0.946 / 0.848 and one answer out of dev8's top five): the
listwise loss does not buy the first places the order rules settle, so the shipped weights stay.

``--cached`` reuses the last run's candidates and computes their features anew (after a change to
rerank.py, passage.py or question.py; the order rules run anew too; a change to the candidate
stage or the evidence, e.g. grounds.py or asked.py, needs a run without it); ``--drop FEATURE …``
fits without some features.

usage: python bench/search_rerank.py [--model NAME] [--l2 0.3 1 3] [--write] [--cached] [--drop FEATURE ...]
       python bench/search_rerank.py --splits dev test dev2 dev5 dev6 dev7 dev8 dev9 dev10 dev11 dev14 dev16 --loso
           [--fit listwise | listwise-order | listwise-offset | listwise-offset-head] [--offset-features F ...]
           [--abstention] [--cached]
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import numpy as np

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "bench" / "out"
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db
from namndkoll.search import rerank as rr
from namndkoll.search.evaluation import is_answer
from namndkoll.search.fold import fold_copies, rows_matter, rows_text
from namndkoll.search.hybrid import RERANK_DEPTH, final_order, gather
from namndkoll.search.judge import Calibration, calibration_for, judge
from namndkoll.search.question import read_question

SHOWN = 10  # the hits a search shows and bench/search_eval.py counts (its ``limit``)


def candidates(db: Path, emb, qs: list[dict], depth: int = RERANK_DEPTH) -> list[dict]:  # type: ignore[no-untyped-def]
    store = as_store(open_db(db))
    total = store.chunk_total()
    bodies = store.bodies()
    out = []
    for q in qs:
        # ``hybrid.search``'s own candidates for a search of SHOWN hits (votes and stances
        # included), a deeper cut with ``--depth``
        ranked, rows, terms, _total, _question = gather(store, q["q"], emb, store.resolve_filters(),
                                                        wide=max(SHOWN, depth // 5), limit=SHOWN)
        ans = q.get("answerable", True)
        y = np.array([ans and is_answer(SimpleNamespace(source=rows[r.chunk_id]["source"], text=rows[r.chunk_id]["text"],
                                                        also_in=()),
                                        q.get("doc", ""), q["passage"], q.get("alt_docs", ())) for r in ranked], dtype=bool)
        # what the features are computed from, so that --cached recomputes them after a change
        out.append({"q": q["q"], "answerable": ans, "kind": q.get("kind"), "batch": q.get("batch"), "y": y, "ranked": ranked,
                    "gold": (q.get("doc", ""), q.get("passage", ""), tuple(q.get("alt_docs", ()))),
                    "rows": {cid: {k: row[k] for k in row.keys()} for cid, row in rows.items()},  # noqa: SIM118
                    "terms": terms, "total": total, "bodies": bodies})
    store.close()
    return [with_features(q) for q in out]


def with_features(q: dict) -> dict:
    """The question's candidates' ``rerank.features`` (the question read again: a change to
    search/question.py counts too)."""
    question = read_question(q["q"], q["bodies"])
    x = rr.features([{"chunk_id": r.chunk_id, "similarity": r.similarity, "dense_rank": r.dense_rank,
                      "keyword_rank": r.keyword_rank, "score": r.score, "keywords": r.keywords,
                      "place_ok": r.place_ok, "year_ok": r.year_ok} for r in q["ranked"]],
                    q["rows"], q["terms"], q["total"], question)
    return {**q, "x": x}


def fit(xs: list[np.ndarray], ys: list[np.ndarray], l2: float, iters: int = 30) -> tuple[np.ndarray, ...]:
    x = np.vstack(xs)
    y = np.concatenate(ys).astype(np.float64)
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    b = np.zeros(z.shape[1])
    reg = l2 * np.r_[np.ones(len(b) - 1), 0.0]
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-z @ b))
        grad = z.T @ (p - y) + reg * b
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(reg)
        step = np.linalg.solve(hess, grad)
        b -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, b[:-1], b[-1]


def fit_prior(xs: list[np.ndarray], ys: list[np.ndarray], l2: float, prior: rr.Reranker) -> tuple[np.ndarray, ...]:
    """``fit`` on the prior's standardisation with its L2 pulling toward the prior's coefficients
    instead of toward zero: a refit that moves from the shipped weights only as far as the new
    questions ask."""
    from scipy.optimize import minimize

    x = np.vstack(xs)
    y = np.concatenate(ys).astype(np.float64)
    mean, scale = prior.mean, prior.scale
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    b0 = np.r_[prior.coef, prior.intercept]
    reg = l2 * np.r_[np.ones(len(b0) - 1), 0.0]

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        s = z @ b
        p = 1.0 / (1.0 + np.exp(-s))
        return (float(np.logaddexp(0, s).sum() - y @ s + 0.5 * (reg * (b - b0)) @ (b - b0)),
                z.T @ (p - y) + reg * (b - b0))

    b = minimize(loss, b0, jac=True, method="L-BFGS-B").x
    return mean, scale, b[:-1], b[-1]


def fit_listwise(xs: list[np.ndarray], ys: list[np.ndarray], l2: float) -> tuple[np.ndarray, ...]:
    """A ranking fit: per answerable question the softmax of the scores over its candidates puts
    as much as it can on those that answer (the order within a question is what the user sees),
    L2 on the standardised coefficients; then one logistic fit of answer / not on that score
    (all candidates, unanswerable questions' too), so that the output stays a chance of
    answering, which the abstention reads."""
    from scipy.optimize import minimize

    x = np.vstack(xs)
    mean, scale = x.mean(0), x.std(0)
    scale[scale < 1e-9] = 1.0
    groups = [((xq - mean) / scale, yq) for xq, yq in zip(xs, ys, strict=True) if yq.any() and not yq.all()]

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * b @ b, l2 * b
        for z, y in groups:
            s = z @ b
            s = s - s.max()
            e = np.exp(s)
            p_all = e / e.sum()
            p_pos = np.where(y, e, 0.0) / e[y].sum()
            total += np.log(e.sum()) - np.log(e[y].sum())
            grad = grad + z.T @ (p_all - p_pos)
        return float(total), grad

    coef = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    # calibrate: answer ~ a * score + the question's own columns (the same on all its candidates,
    # which the softmax cannot weigh: vote_q, figure_q, ...) + c, over every candidate; the order
    # within a question stays the softmax's, the level is a chance of answering again
    own = [j for j in range(x.shape[1]) if all(np.ptp(xq[:, j]) < 1e-12 for xq in xs if len(xq))]
    z = (x - mean) / scale
    s = z @ coef
    cm, cs, cc, c = fit([np.hstack([s[:, None], z[:, own]])], [np.concatenate(ys)], 1.0)
    out = coef * float(cc[0] / cs[0])
    out[own] += cc[1:] / cs[1:]
    return mean, scale, out, float(c - cc @ (cm / cs))


def fit_listwise_offset(xs: list[np.ndarray], ys: list[np.ndarray], l2: float, prior: rr.Reranker,
                        free: list[int] | None = None) -> tuple[np.ndarray, ...]:
    """The listwise loss of ``fit_listwise`` on the prior's score plus a correction: per
    answerable question a softmax over ``prior.logits + z @ b`` (z standardised as the prior
    is), L2 pulling ``b`` toward zero, so the order moves from the shipped one only as far as the
    questions ask. No calibration: it is meant for the order head, beside the prior's chance.
    ``free``: the features whose coefficient the correction may move (default all)."""
    from scipy.optimize import minimize

    mean, scale = prior.mean, prior.scale
    cols = list(range(len(prior.coef))) if free is None else free
    groups = [((xq - mean) / scale, yq) for xq, yq in zip(xs, ys, strict=True) if yq.any() and not yq.all()]
    groups = [(z, z[:, cols], y) for z, y in groups]

    def loss(b: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * b @ b, l2 * b
        for z, zf, y in groups:
            s = z @ prior.coef + zf @ b
            s = s - s.max()
            e = np.exp(s)
            total += np.log(e.sum()) - np.log(e[y].sum())
            grad = grad + zf.T @ (e / e.sum() - np.where(y, e, 0.0) / e[y].sum())
        return float(total), grad

    b = minimize(loss, np.zeros(len(cols)), jac=True, method="L-BFGS-B").x
    coef = prior.coef.copy()
    coef[cols] += b
    return mean, scale, coef, prior.intercept


def scores(model: tuple[np.ndarray, ...], x: np.ndarray) -> np.ndarray:
    mean, scale, coef, icpt = model
    return ((x - mean) / scale) @ coef + icpt


def _recall(firsts: list[int | None]) -> dict[str, float]:
    """recall@1/@5 and MRR@10 from each answerable question's first answering place (None: not
    in the first ten)."""
    found = [f for f in firsts if f is not None]
    n = max(len(firsts), 1)
    return {"recall@1": sum(f == 0 for f in found) / n, "recall@5": sum(f < 5 for f in found) / n,
            "mrr": sum(1 / (f + 1) for f in found) / n}


def ranking(qs: list[dict], model: tuple[np.ndarray, ...] | None) -> dict[str, float]:
    return _recall(ranking_firsts(qs, model))


def ranking_firsts(qs: list[dict], model: tuple[np.ndarray, ...] | None) -> list[int | None]:
    """Each answerable question's first answering place in the reranker's order alone."""
    firsts = []
    for q in qs:
        if not q["answerable"]:
            continue
        if model is None:  # the fixed order without weights
            key = np.array([(r.similarity or 0) + 0.3 * r.keywords + 0.5 * r.score for r in q["ranked"]])
        else:
            key = scores(model, q["x"])
        order = np.argsort(-key, kind="stable")[:10]
        firsts.append(next((i for i, j in enumerate(order) if q["y"][j]), None))
    return firsts


def shown(qs: list[dict], model: rr.Reranker | None) -> dict[str, float]:
    """recall@1/@5 and MRR@10 of the order a user sees, before abstention: the product's own
    ``hybrid.final_order`` (the reranker ``model``, then ``order.settle``) and ``fold_copies``,
    the answer told by ``evaluation.is_answer`` on each hit and its copies, as
    bench/search_eval.py counts ``search(..., limit=10, abstention=False)``."""
    return _recall(shown_firsts(qs, model))


def shown_firsts(qs: list[dict], model: rr.Reranker | None, cal: Calibration | None = None) -> list[int | None]:
    """Each answerable question's first answering place in the order shown (``shown``); with
    ``cal``, after the abstention (``judge.judge``: high before weak, what lacks evidence dropped),
    as ``search(..., limit=10)`` returns it and bench/search_eval.py's "as shown" counts."""
    firsts = []
    for q in qs:
        if not q["answerable"]:
            continue
        rows = q["rows"]
        ordered = final_order(q["ranked"], model, q.get("xfull", q["x"]) if model is not None else None)
        if cal is not None:
            ordered = judge(ordered, cal, mode="hybrid")
        hits = fold_copies(ordered, rows_text(rows), SHOWN, rows_matter(rows))
        doc, passage, alt = q["gold"]
        firsts.append(next((i for i, (r, copies) in enumerate(hits) if is_answer(SimpleNamespace(
            source=rows[r.chunk_id]["source"], text=rows[r.chunk_id]["text"],
            also_in=tuple(SimpleNamespace(source=rows[c.chunk_id]["source"]) for c in copies)),
            doc, passage, alt)), None))
    return firsts


def abstained(qs: list[dict], model: rr.Reranker | None, cal: Calibration) -> dict[str, float]:
    """The abstention of ``search(...)`` with ``model`` as bench/search_eval.py counts it: the
    share of answerable questions answered (and of those, first hit weak), of unanswerable ones
    refused, and the near misses whose first hit is high (the count)."""
    pos = neg = answered = weak = refused = high = 0
    for q in qs:
        ordered = final_order(q["ranked"], model, q.get("xfull", q["x"]) if model is not None else None)
        judged = judge(ordered, cal, mode="hybrid")
        if q["answerable"]:
            pos += 1
            answered += bool(judged)
            weak += bool(judged) and judged[0].confidence == "weak"
        else:
            neg += 1
            refused += not judged
            high += bool(judged) and judged[0].confidence == "high" and q.get("kind") == "near-miss"
    return {"answered": answered / max(pos, 1), "weak": weak / max(answered, 1),
            "refused": refused / max(neg, 1), "near_high": float(high)}


def cross_validate(qs: list[dict], l2: float, k: int = 5, seeds: int = 5, batch: str | None = None,
                   wrap: Callable[[tuple[np.ndarray, ...]], rr.Reranker] | None = None
                   ) -> tuple[dict[str, float], dict[str, float] | None]:
    """k-fold by question, averaged over ``seeds`` shuffles (one split is noisy on 87 questions);
    with ``batch``, scored on that batch's questions only (still trained on every other fold).
    Two scores: the reranker's order alone, and (with ``wrap``, which makes a fit a
    ``rerank.Reranker``) the order a user sees (``shown``)."""
    keys = ("recall@1", "recall@5", "mrr")
    tot = dict.fromkeys(keys, 0.0)
    fin = dict.fromkeys(keys, 0.0)
    n = 0
    for seed in range(seeds):
        idx = np.random.RandomState(seed).permutation(len(qs))
        for fold in np.array_split(idx, k):
            held = set(fold.tolist())
            train = [qs[i] for i in idx if i not in held]
            model = fit([q["x"] for q in train], [q["y"] for q in train], l2)
            test = [qs[i] for i in fold if batch is None or qs[i].get("batch") == batch]
            m = ranking(test, model)
            f = shown(test, wrap(model)) if wrap is not None else m
            na = sum(q["answerable"] for q in test)
            for key in keys:
                tot[key] += m[key] * na
                fin[key] += f[key] * na
            n += na
    return ({key: v / max(n, 1) for key, v in tot.items()},
            {key: v / max(n, 1) for key, v in fin.items()} if wrap is not None else None)


def shipped(qs: list[dict], emb_id: str, cols: list[int]) -> dict[str, float] | None:
    """The order of the weights shipped now (``rerank.reranker_for``) on ``qs``."""
    model = rr.reranker_for(emb_id)
    if model is None or len(cols) != len(rr.FEATURES):
        return None
    return ranking_by(qs, model.logits)


def ranking_by(qs: list[dict], key: object) -> dict[str, float]:
    return ranking([{**q, "x": key(q["x"])[:, None]} for q in qs], (np.zeros(1), np.ones(1), np.ones(1), 0.0))


# the splits whose candidates may be gathered: the tunable ones (folds of ``--loso``) and test (scored,
# and a fold of ``--loso`` when ``--splits`` names it); held-out and the fresh or held-back splits
# (dev3, dev4, dev12, dev13, dev17, dev18, dev19, dev20, dev21, ...) never. dev14 (spent after the seventeenth session's
# blind runs) and dev16 (batch s140, twins, tunable from the start) are folds since the nineteenth,
# dev15 (batch s130, spent after four blind runs in the eighteenth and nineteenth) since the twentieth.
TUNABLE = ("dev", "dev2", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev14", "dev15",
           "dev16")
SCORED = (*TUNABLE, "test")


def _top5(a: list[int | None], b: list[int | None]) -> str:
    """Answers ``b`` puts in the top five that ``a`` does not (+), and the reverse (−)."""
    inn = sum((y is not None and y < 5) and not (x is not None and x < 5) for x, y in zip(a, b, strict=True))
    out = sum((x is not None and x < 5) and not (y is not None and y < 5) for x, y in zip(a, b, strict=True))
    return f"+{inn}/−{out}"


def gathered(splits: list[str], db: Path, emb, name: str, depth: int, cached: bool) -> dict[str, list[dict]]:  # type: ignore[no-untyped-def]
    """Each split's candidates with their features: with ``cached``, those of the last run
    (features computed anew), the splits never gathered gathered now; one cache file per split."""
    import search_eval  # type: ignore[import-not-found]

    data = {}
    for s in splits:
        cache = OUT / f"rerank-candidates-{name}-{depth}-{s}.pkl"
        if cached and cache.exists():
            data[s] = [with_features(q) for q in pickle.loads(cache.read_bytes())]
            continue
        t = time.time()
        data[s] = candidates(db, emb, search_eval.split_questions(s), depth)
        cache.write_bytes(pickle.dumps([{k: v for k, v in q.items() if k != "x"} for q in data[s]]))
        print(f"{s}: candidates of {len(data[s])} questions in {time.time() - t:.0f} s", file=sys.stderr)
    return data


def leave_one_split_out(data: dict[str, list[dict]], folds: list[str], l2s: list[float],
                        wrap: Callable[[tuple[np.ndarray, ...]], rr.Reranker], ship: rr.Reranker | None,
                        fitter: Callable[..., tuple[np.ndarray, ...]] = fit,
                        cal: Calibration | None = None, product: rr.Reranker | None = None
                        ) -> dict[float, dict[str, float]]:
    """Fit on every fold but one, score the one left out as shown, beside the shipped weights on
    the same questions; print per fold and pooled (every fold's answerable questions together).
    The shipped weights were fitted on dev, so their dev fold is in sample: the pooled figures are
    also given without dev. With ``product`` (the weights as the product ships them, an order head
    included, which the baseline leaves out), its figures on each fold too, after the refit's.
    Returns each l2's pooled refit figures (without dev)."""
    def fmt(m: dict[str, float]) -> str:
        return " / ".join(f"{v:.3f}" for v in m.values())

    ship_firsts = {f: shown_firsts(data[f], ship) for f in folds}
    prod_firsts = {f: shown_firsts(data[f], product) for f in folds} if product is not None else None
    out = {}
    print("leave-one-split-out, as shown, recall@1 / @5 / MRR@10: shipped → refit (+ more answers first, − fewer)")
    for l2 in l2s:
        refit_firsts: dict[str, list[int | None]] = {}
        alone_firsts: dict[str, list[int | None]] = {}
        for f in folds:
            train = [q for g in folds if g != f for q in data[g]]
            model = fitter([q["x"] for q in train], [q["y"] for q in train], l2)
            refit_firsts[f] = shown_firsts(data[f], wrap(model))
            alone_firsts[f] = ranking_firsts(data[f], model)
        print(f"l2={l2}")
        for f in folds:
            a, b = ship_firsts[f], refit_firsts[f]
            won = sum(x == 0 for x in b) - sum(x == 0 for x in a)
            mrr = _recall(b)["mrr"] - _recall(a)["mrr"]
            p = f" | product {fmt(_recall(prod_firsts[f]))}, top five {_top5(prod_firsts[f], b)}" if prod_firsts else ""
            print(f"  {f:6s} ({len(a):3d}) {fmt(_recall(a))} → {fmt(_recall(b))}  first {won:+d}, mrr {mrr:+.3f}"
                  + ("  (shipped in sample)" if f == "dev" else "") + p)
        for label, fs in (("pooled", folds), ("pooled without dev", [f for f in folds if f != "dev"])):
            a = [x for f in fs for x in ship_firsts[f]]
            b = [x for f in fs for x in refit_firsts[f]]
            p = (f" | product {fmt(_recall([x for f in fs for x in prod_firsts[f]]))}" if prod_firsts else "")
            print(f"  {label}: ({len(a)}) {fmt(_recall(a))} → {fmt(_recall(b))}{p}")
        if ship is not None and not any("xfull" in q for f in folds for q in data[f]):
            # the reranker's order alone (no order rules, no folding of copies): the rules were tuned
            # on top of the shipped weights, so this says whether the refit reranks better by itself
            def alone(key: Callable[[np.ndarray], np.ndarray], fs: list[str]) -> dict[str, float]:
                return ranking_by([q for f in fs for q in data[f]], key)
            nodev = [f for f in folds if f != "dev"]
            print(f"  reranker's order alone, pooled without dev: {fmt(alone(ship.logits, nodev))} → "
                  f"{fmt(_recall([x for f in nodev for x in alone_firsts[f]]))}")
        wins = sum(_recall(refit_firsts[f])["mrr"] > _recall(ship_firsts[f])["mrr"] + 1e-9 for f in folds)
        losses = sum(_recall(refit_firsts[f])["mrr"] < _recall(ship_firsts[f])["mrr"] - 1e-9 for f in folds)
        print(f"  folds where the refit's MRR is higher / lower: {wins} / {losses}")
        if cal is not None:  # the same folds' fits with the abstention on, as a user sees them
            print("  with the abstention, as shown (high before weak) r@1 / @5 / MRR; answered, weak of answered, "
                  "refused, near misses high: shipped → refit")
            pooled: dict[str, list[int | None]] = {"ship": [], "refit": []}
            for f in folds:
                train = [q for g in folds if g != f for q in data[g]]
                model = wrap(fitter([q["x"] for q in train], [q["y"] for q in train], l2))
                a, b = shown_firsts(data[f], ship, cal), shown_firsts(data[f], model, cal)
                pooled["ship"] += a if f != "dev" else []
                pooled["refit"] += b if f != "dev" else []
                x, y = abstained(data[f], ship, cal), abstained(data[f], model, cal)
                print(f"  {f:6s} {fmt(_recall(a))} → {fmt(_recall(b))}; "
                      + ", ".join(f"{k} {x[k]:.3f} → {y[k]:.3f}" if k != "near_high" else f"{k} {x[k]:.0f} → {y[k]:.0f}"
                                  for k in x))
            print(f"  pooled without dev, with the abstention: {fmt(_recall(pooled['ship']))} → "
                  f"{fmt(_recall(pooled['refit']))}")
        out[l2] = _recall([x for f in folds if f != "dev" for x in refit_firsts[f]])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default=None)
    ap.add_argument("--db", type=Path, default=None)
    ap.add_argument("--l2", type=float, nargs="+", default=[0.1, 0.3, 1.0, 3.0, 10.0],
                    help="the L2 grid; the fit kept: the best as-shown dev cross-validation")
    ap.add_argument("--write", action="store_true", help="store the fit kept in namndkoll/search/models/")
    ap.add_argument("--cached", action="store_true", help="reuse the candidates of the last run")
    ap.add_argument("--depth", type=int, default=RERANK_DEPTH, help="candidates judged per question")
    ap.add_argument("--drop", nargs="+", default=[], choices=rr.FEATURES, metavar="FEATURE",
                    help="fit without these features (to see what each one buys)")
    ap.add_argument("--splits", nargs="+", default=["dev", "test"], choices=SCORED,
                    help="the splits gathered (test is scored, never fitted on)")
    ap.add_argument("--loso", action="store_true",
                    help="leave-one-split-out cross-validation over the tunable --splits, fit on all of them")
    ap.add_argument("--fit", choices=("pointwise", "prior", "listwise", "listwise-order", "listwise-offset",
                                      "listwise-offset-head"),
                    default="pointwise",
                    help="with --loso: logistic per candidate (pointwise), the same pulled toward the shipped "
                         "weights (prior), softmax per question, calibrated (listwise), or that softmax as "
                         "the order head beside the shipped chance (listwise-order; --write writes the head), or a "
                         "listwise correction of the shipped score as that head (listwise-offset)")
    ap.add_argument("--offset-features", nargs="+", default=[], choices=rr.FEATURES, metavar="FEATURE",
                    help="with --fit listwise-offset: the features whose weight the correction may move (default all)")
    ap.add_argument("--abstention", action="store_true",
                    help="with --loso: also score each fold with the abstention on (answered, refused, as shown)")
    args = ap.parse_args()
    import search_eval

    name = "".join(c if c.isalnum() else "-" for c in (args.model or "default").lower())
    db = args.db or OUT / f"search-eval-{name}-pdf.db"
    emb = search_eval.get_embedder(args.model)
    splits = list(dict.fromkeys(["dev", *args.splits, "test"]))
    data = gathered(splits, db, emb, name, args.depth, args.cached)
    cols = [i for i, f in enumerate(rr.FEATURES) if f not in args.drop]
    if args.drop:  # the fit sees the kept columns; the product's Reranker takes them all (its ``columns``)
        data = {s: [{**q, "x": q["x"][:, cols], "xfull": q["x"]} for q in qs] for s, qs in data.items()}
    dev, test = data["dev"], data["test"]

    def wrap_one(m: tuple[np.ndarray, ...]) -> rr.Reranker:
        mean, scale, coef, icpt = m
        return rr.Reranker(emb.model_id, mean, scale, coef, float(icpt),
                           None if len(cols) == len(rr.FEATURES) else tuple(cols))

    wrap = wrap_one

    def fmt(m: dict[str, float] | None) -> str:
        return "—" if m is None else ", ".join(f"{k} {v:.3f}" for k, v in m.items())

    ship = product = rr.reranker_for(emb.model_id)
    if ship is not None and ship.order is not None:
        # the baseline is the chance's own order: a shipped order head was fitted on these splits
        print("shipped: the chance fit alone (its order head left out)")
        ship = replace(ship, order=None)
    fits = {}
    if args.loso:
        folds = [s for s in SCORED if s in args.splits]
        train = [q for f in folds for q in data[f]]
        if args.fit == "listwise-offset-head" and (product is None or product.order is None or args.drop):
            sys.exit("--fit listwise-offset-head needs a shipped order head (namndkoll/search/models/), and no --drop")
        if args.fit in ("prior", "listwise-offset") and (ship is None or ship.columns is not None or args.drop):
            sys.exit(f"--fit {args.fit} needs shipped weights over every feature, and no --drop")
        if args.fit == "listwise-order" and ship is None:
            sys.exit("--fit listwise-order needs shipped weights for the chance (namndkoll/search/models/)")
        fitter: Callable[..., tuple[np.ndarray, ...]] = {
            "pointwise": fit, "listwise": fit_listwise, "listwise-order": fit_listwise,
            "prior": lambda xs, ys, l2: fit_prior(xs, ys, l2, ship),
            "listwise-offset": lambda xs, ys, l2: fit_listwise_offset(
                xs, ys, l2, ship, [rr.FEATURES.index(f) for f in args.offset_features] if args.offset_features else None),
            # a correction of the shipped order head itself (fitted on dev-dev11: those folds are in its sample)
            "listwise-offset-head": lambda xs, ys, l2: fit_listwise_offset(
                xs, ys, l2, product.order, [rr.FEATURES.index(f) for f in args.offset_features] if args.offset_features else None),
        }[args.fit]
        if args.fit in ("listwise-order", "listwise-offset", "listwise-offset-head"):
            def wrap(m: tuple[np.ndarray, ...]) -> rr.Reranker:  # the shipped chance, the fit's order
                assert ship is not None
                return replace(ship, order=wrap_one(m))
        pooled = leave_one_split_out(data, folds, args.l2, wrap, ship, fitter,
                                     calibration_for(emb.model_id) if args.abstention else None, product)
        print(f"test, shipped as shown: {fmt(shown(test, ship))}")
        for l2 in args.l2:
            model = fitter([q["x"] for q in train], [q["y"] for q in train], l2)
            fits[l2] = (pooled[l2]["recall@1"], pooled[l2]["mrr"], model)
            print(f"l2={l2}: fit on {'+'.join(folds)}, test as shown {fmt(shown(test, wrap(model)))}")
            if product is not None:  # in sample: the fit on every fold against the product, fold by fold
                pa = {f: shown_firsts(data[f], product) for f in folds}
                pb = {f: shown_firsts(data[f], wrap(model)) for f in folds}
                print("  in sample, product → this fit, top five gained/lost: " + ", ".join(
                    f"{f} {_top5(pa[f], pb[f])}" for f in folds))
                print(f"  in sample, pooled: {fmt(_recall([x for f in folds for x in pa[f]]))} → "
                      f"{fmt(_recall([x for f in folds for x in pb[f]]))}")
        fitted_on, questions = folds, train
    else:
        print(f"fixed order: dev {fmt(ranking(dev, None))} | test {fmt(ranking(test, None))}")
        new = [q for q in dev if q.get("batch") == "s8"]
        print(f"shipped weights, reranker's order: dev {fmt(shipped(dev, emb.model_id, cols))} (in-sample but for s8) | "
              f"s8 {fmt(shipped(new, emb.model_id, cols))} | test {fmt(shipped(test, emb.model_id, cols))}")
        print(f"shipped weights, as shown (final_order): dev {fmt(shown(dev, ship))} | s8 {fmt(shown(new, ship))} | "
              f"test {fmt(shown(test, ship))}")
        for l2 in args.l2:
            model = fit([q["x"] for q in dev], [q["y"] for q in dev], l2)
            cv, cv_shown = cross_validate(dev, l2, wrap=wrap)
            assert cv_shown is not None
            fits[l2] = (cv_shown["recall@1"], cv_shown["mrr"], model)
            print(f"l2={l2}: dev 5-fold reranker {fmt(cv)} | as shown {fmt(cv_shown)} | "
                  f"test reranker {fmt(ranking(test, model))} | as shown {fmt(shown(test, wrap(model)))}")
        fitted_on, questions = ["dev"], dev
    # the fit chosen: the best cross-validation of the order a user sees (recall@1, then MRR)
    best = max(fits, key=lambda k: fits[k][:2])
    model = fits[best][2]
    print(f"chosen: l2={best} (cross-validated as shown: recall@1 {fits[best][0]:.3f}, mrr {fits[best][1]:.3f})")
    for f, c in sorted(zip([rr.FEATURES[i] for i in cols], model[2], strict=True), key=lambda t: -abs(t[1])):
        print(f"  {f:16s} {c:+.3f}")
    if args.write:
        fitted = wrap_one(model)
        weights = rr.WEIGHT_FILES[next(k for k in rr.WEIGHT_FILES if k in emb.model_id)]
        # an order head is written beside the shipped chance, which stays as it is
        target = REPO / "namndkoll/search/models" / (
            rr.order_file(weights) if args.fit.startswith("listwise-o") else weights)
        target.write_text(fitted.to_json(fit=args.fit, fitted_on=", ".join(f"bench/questions/{f}.json" for f in fitted_on), l2=best,
                                         questions=len(questions),
                                         candidates=int(sum(len(q["y"]) for q in questions))) + "\n",
                          encoding="utf-8")
        print(f"wrote {target.relative_to(REPO)}")
    (OUT / f"rerank-{name}.json").write_text(json.dumps({"l2": args.l2}), encoding="utf-8")


if __name__ == "__main__":
    main()
