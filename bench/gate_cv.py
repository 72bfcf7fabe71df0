#!/usr/bin/env python3
"""Can a small learned gate refuse near misses out of sample (issue 11)? Leave-one-split-out
cross-validation of a logistic regression over query-level evidence at the search's final
decision (``bench/gate_dump.py`` writes it to bench/out/gate-dataset.json).

The gate acts only where the pipeline shows weak matches only, and never where a shown passage
holds the query's rare terms (``Ranked.rare``: a strong rare-term keyword match, always shown by
design); it refuses when the model's chance that the question is unanswerable reaches a bar
chosen on the training folds so that it refuses no answerable training question (``--allow``:
at most that share of the answerable training questions). The bar is chosen on out-of-fold
chances within the training folds (leave one training split out again), so that the held-out
fold is scored by a bar fitted honestly; ``--in-sample-bar`` picks it on the training fit itself.

    python bench/gate_cv.py [--allow 0.01] [--features best_sim top_answer ...]
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent / "out"
SPLITS = ("dev", "dev2", "test", "dev3", "dev4", "dev5")


def eligible(r: dict, strong_kw: float | None = None) -> bool:
    """Whether the gate may act: weak matches only, none holding the query's rare terms (with
    ``strong_kw``: none holding them with at least that keyword share)."""
    if r["decision"] != "weak":
        return False
    shown = [c for c in r["cands"] if c["confidence"]]
    return not any(c["rare"] and (strong_kw is None or c["keywords"] >= strong_kw) for c in shown)


def features(r: dict) -> dict[str, float]:
    """Query-level evidence at the final decision (all computed by the pipeline already)."""
    cands = r["cands"]
    shown = [c for c in cands if c["confidence"]]
    answers = sorted((c["answer"] or 0.0 for c in cands), reverse=True)
    top = answers[0] if answers else 0.0
    second = answers[1] if len(answers) > 1 else 0.0
    terms = r["terms"]
    idf_total = sum(t["idf"] for t in terms) or 1.0
    kinds = set(r["question"]["kinds"])
    s0 = shown[0] if shown else cands[0]
    return {
        "best_sim": max((c["similarity"] or 0.0) for c in cands),
        "shown_sim": max((c["similarity"] or 0.0) for c in shown),
        "top_answer": math.log(max(top, 1e-4)),
        "shown_answer": math.log(max(max((c["answer"] or 0.0) for c in shown), 1e-4)),
        "answer_ratio": math.log(max(top, 1e-4) / max(second, 1e-4)),
        "shown_kw": max(c["keywords"] for c in shown),
        "shown_pkw": max((c["place_keywords"] or c["keywords"]) for c in shown),
        "best_kw": max(c["keywords"] for c in cands),
        "n_shown": math.log1p(len(shown)),
        "absent_idf": sum(t["idf"] for t in terms if t["df"] == 0) / idf_total,  # query words the corpus lacks
        "rare_terms": float(any(t["rare"] and t["df"] > 0 for t in terms)),  # rare terms, none held by a shown passage
        "n_terms": math.log1p(len(terms)),
        "figure": float("figure" in kinds),
        "who": float("who" in kinds),
        "date": float("date" in kinds),
        "vote": float("vote" in kinds),
        "year": float(bool(r["question"]["years"])),
        "places": float(r["question"]["places"] > 0),
        "first_stated": float(s0["kind_stated"]),
        "first_asked": float(s0["asked"] and s0["thing_beside"] and s0["figure_beside"]),
        "first_focus": float(s0["focus_ok"]),
        "stated_share": sum(c["kind_stated"] for c in shown) / len(shown),
    }


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """L2-regularised logistic regression on standardised features: (mean, scale, weights+bias)."""
    from sklearn.linear_model import LogisticRegression

    mu, sd = x.mean(0), x.std(0) + 1e-9
    m = LogisticRegression(C=c, max_iter=1000).fit((x - mu) / sd, y)
    return mu, sd, np.r_[m.coef_[0], m.intercept_]


def prob(model: tuple[np.ndarray, np.ndarray, np.ndarray], x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    return 1.0 / (1.0 + np.exp(-(((x - mu) / sd) @ w[:-1] + w[-1])))


def bar(p: np.ndarray, y: np.ndarray, allowed: int) -> float:
    """The lowest chance from which at most ``allowed`` answerable questions (y == 0) reach it."""
    pos = np.sort(p[y == 0])[::-1]
    if len(pos) <= allowed:
        return 0.5
    return float(pos[allowed]) + 1e-9


def gate(train: list[dict], test: list[dict], names: list[str], c: float, allow: float,
         in_sample: bool) -> tuple[float, list[dict]]:
    """Fit on ``train``'s eligible questions, choose the bar (see the module), and return it with
    the eligible ``test`` questions the gate refuses."""
    tr = [r for r in train if r["elig"]]
    x = np.array([[r["f"][n] for n in names] for r in tr])
    y = np.array([0 if r["answerable"] else 1 for r in tr])
    allowed = math.floor(allow * sum(r["answerable"] for r in train) + 1e-9)
    if in_sample:
        t = bar(prob(fit(x, y, c), x), y, allowed)
    else:  # out-of-fold chances within the training splits
        oof = np.zeros(len(tr))
        for inner in {r["split"] for r in tr}:
            idx = np.array([r["split"] == inner for r in tr])
            if idx.all() or len(set(y[~idx])) < 2:
                continue
            oof[idx] = prob(fit(x[~idx], y[~idx], c), x[idx])
        t = bar(oof, y, allowed)
    te = [r for r in test if r["elig"]]
    if not te:
        return t, []
    p = prob(fit(x, y, c), np.array([[r["f"][n] for n in names] for r in te]))
    return t, [r for r, pr in zip(te, p) if pr >= t]


def score(data: list[dict], names: list[str], c: float, allow: float, in_sample: bool) -> tuple[int, int]:
    """(unanswerable refused more, answerable lost) over leave-one-split-out folds of ``data``."""
    gain = lost = 0
    for held in sorted({r["split"] for r in data}):
        _t, refuse = gate([r for r in data if r["split"] != held], [r for r in data if r["split"] == held],
                          names, c, allow, in_sample)
        gain += sum(not r["answerable"] for r in refuse)
        lost += sum(r["answerable"] for r in refuse)
    return gain, lost


# the feature sets tried (``--select`` picks one per outer fold by inner cross-validation)
CANDIDATE_SETS = [
    ["shown_answer"], ["top_answer"], ["best_sim"], ["year"], ["answer_ratio"],
    ["best_sim", "top_answer", "shown_kw", "rare_terms"],
    ["year", "places", "best_sim", "shown_answer"],
    ["year", "best_sim", "shown_answer"],
    ["year", "places", "shown_answer", "answer_ratio"],
    ["best_sim", "shown_answer", "best_kw"],
    ["year", "places", "best_sim", "shown_answer", "answer_ratio", "best_kw"],
    ["year", "shown_answer"],
    ["best_sim", "shown_answer", "first_asked", "year", "places", "figure"],
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=OUT / "gate-dataset.json")
    ap.add_argument("--features", nargs="+", default=["best_sim", "top_answer", "shown_kw", "rare_terms"])
    ap.add_argument("--c", type=float, default=0.3, help="inverse L2 strength")
    ap.add_argument("--allow", type=float, default=0.0, help="share of answerable training questions it may refuse")
    ap.add_argument("--in-sample-bar", action="store_true")
    ap.add_argument("--strong-kw", type=float, default=None,
                    help="a rare-term match counts as strong only from this keyword share (default: any)")
    ap.add_argument("--select", action="store_true",
                    help="pick the feature set per outer fold by inner cross-validation (CANDIDATE_SETS)")
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    data = json.loads(args.data.read_text(encoding="utf-8"))
    for r in data:
        r["elig"] = eligible(r, args.strong_kw)
        r["f"] = features(r) if r["decision"] == "weak" else {}
    tot = {"gain": 0, "lost": 0, "neg": 0, "pos": 0, "refused0": 0, "answered0": 0}
    rows = []
    for held in SPLITS:
        train = [r for r in data if r["split"] != held]
        test = [r for r in data if r["split"] == held]
        names = args.features
        if args.select:  # the set whose inner folds refuse most, an answerable lost weighing ten
            def merit(fs: list[str], train: list[dict] = train) -> int:
                gain, lost = score(train, fs, args.c, args.allow, args.in_sample_bar)
                return gain - 10 * lost
            names = max(CANDIDATE_SETS, key=merit)
        t, refuse = gate(train, test, names, args.c, args.allow, args.in_sample_bar)
        te = [r for r in test if r["elig"]]
        gain = sum(not r["answerable"] for r in refuse)
        lost = sum(r["answerable"] for r in refuse)
        neg = sum(not r["answerable"] for r in test)
        pos = sum(r["answerable"] for r in test)
        refused0 = sum(not r["answerable"] and r["decision"] == "refused" for r in test)
        answered0 = sum(r["answerable"] and r["decision"] != "refused" for r in test)
        nm = [r for r in test if r.get("kind") == "near-miss"]
        nm_ref0 = sum(r["decision"] == "refused" for r in nm)
        nm_gain = sum(r.get("kind") == "near-miss" for r in refuse)
        rows.append(f"| {held} | {len(te)} ({sum(not r['answerable'] for r in te)} unans.) | {t:.3f} | "
                    f"{refused0}/{neg} = {refused0 / neg:.3f} → {(refused0 + gain) / neg:.3f} (+{gain}) | "
                    f"{nm_ref0} → {nm_ref0 + nm_gain} of {len(nm)} | "
                    f"{answered0 / pos:.3f} → {(answered0 - lost) / pos:.3f} (−{lost}) |"
                    + (f" {' '.join(names)} |" if args.select else ""))
        for k, v in (("gain", gain), ("lost", lost), ("neg", neg), ("pos", pos), ("refused0", refused0),
                     ("answered0", answered0)):
            tot[k] += v
    label = "nested selection" if args.select else str(args.features)
    pool = [r for r in data if r["elig"]]
    print(f"eligible: {len(pool)} questions shown weak only without a strong rare-term hit (--strong-kw), "
          f"{sum(not r['answerable'] for r in pool)} of them unanswerable (of {tot['neg']}; "
          f"{sum(not r['answerable'] and r['decision'] == 'weak' for r in data)} unanswerable shown weak only, "
          f"{sum(not r['answerable'] and r['decision'] == 'high' for r in data)} high): a perfect gate refuses "
          f"{(tot['refused0'] + sum(not r['answerable'] for r in pool)) / tot['neg']:.3f} at most")
    if not args.quiet:
        print(f"features {label}, C={args.c}, allow={args.allow}, bar {'in-sample' if args.in_sample_bar else 'inner-CV'}, "
              f"strong rare match: {'any' if args.strong_kw is None else f'kw>={args.strong_kw}'}")
        print("| held-out split | eligible (weak only, no strong rare-term hit) | bar | refused (unanswerable) "
              "| near misses refused | answered (answerable) |" + (" features chosen |" if args.select else ""))
        print("|---|---|---|---|---|---|" + ("---|" if args.select else ""))
        print("\n".join(rows))
    print(f"all folds: refused {tot['refused0']}/{tot['neg']} → {tot['refused0'] + tot['gain']} (+{tot['gain']}); "
          f"answered {tot['answered0']}/{tot['pos']} → {tot['answered0'] - tot['lost']} (−{tot['lost']})  {label}")


if __name__ == "__main__":
    main()
