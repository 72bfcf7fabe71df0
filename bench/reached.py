"""Which corpus words each query word reaches on the keyword side (issue 11, twenty-second
session): for every query of the tunable splits and the topics of ``compare`` in the walks, the
query's terms as the search plans them (``plan.keyword_plan``: stem prefixes, typo repairs,
other forms, compound parts) and the words of the index each one finds, with how it found them
and a first reading of their kinship to the query word:

- own: the query word's base form (its lemma, else the word less an inflection's ending; as a
  compound's head without its last vowel) starts the reached word or its lemma: an inflection or a compound of the word asked ("parkeringen",
  "parkeringsavgift" for "parkering");
- shorter: a shorter word whose base form starts the query word's ("park", "parker", "parkerna"
  for "parkering"): a word that happens to share the stem's letters;
- sibling: only the stem is shared ("parkera" for "parkering", "reservation" for "reserverade",
  "hantverk" for "hantering"): another form of the same word family or another word.

The kinship is a reading for the one who judges the list, not a verdict: the counts of words of
another meaning in docs/benchmarks.md were judged from it by reading.

usage: python bench/reached.py --db bench/out/eval-s22.db [--splits dev ...] [--topics] [--kinds shorter sibling]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.corpus import as_store
from namndkoll.corpus.db import open_db
from namndkoll.extract.figure_lemmas import lemma_of
from namndkoll.search.plan import keyword_plan
from namndkoll.search.terms import MIN_STEM

TUNABLE = ("dev", "dev2", "test", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev14", "dev15", "dev16")
# the topics `compare` was asked in the walks (docs/walks/*.md, docs/benchmarks.md)
TOPICS = ("parkering", "budget", "återremiss", "förskola", "kollektivtrafik", "laddstationer för cyklister", "motion",
          "medlemsbidrag", "kompetensförsörjning", "bostäder", "stödet till det ukrainska folket",
          "reservation mot beslutet", "parkeringskapacitet vid Nolhaga", "handlingsplan demografiska utmaningarna",
          "förslag till budget och flerårsplaner", "europeisk kulturhuvudstad", "lokalförsörjning")
_ENDINGS = ("arnas", "ernas", "ornas", "arna", "erna", "orna", "ens", "ets", "en", "et", "ar", "er", "or", "na",
            "s", "n", "a", "e")


def base(word: str) -> str:
    """The word's base form: its lemma, else the word less an inflection's ending (4 letters kept)."""
    lem = lemma_of("sv", word)
    if lem and lem[0] == word[0]:
        return lem
    end = next((e for e in _ENDINGS if word.endswith(e) and len(word) - len(e) >= MIN_STEM), "")
    return word[: len(word) - len(end)]


def kinship(query_word: str, word: str) -> str:
    b = base(query_word)
    wb = lemma_of("sv", word) or word
    # (a compound's head drops a final vowel: "skola" -> "skolmat", "förskola" -> "förskolechef")
    heads = (b, b[:-1]) if b[-1] in "aeo" and len(b) > MIN_STEM else (b,)
    if word.startswith(heads) or wb.startswith(heads) or wb == base(word) == b:
        return "own"
    if b.startswith(wb) and len(wb) < len(b):
        return "shorter"
    return "sibling"


def reached(store, term) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    """(word, how, passages) of the index's words the term finds: by its stem (a prefix, a short
    word whole), another form (typo, dotted spelling, root, joined compound), or a compound's part."""
    out: dict[str, tuple[str, int]] = {}

    def add(prefix: str, how: str, exact: bool) -> None:
        for w, n in store.vocabulary(prefix):
            if (not exact or w == prefix) and w not in out:
                out[w] = (how, n)

    add(term.stem if (term.stem != term.word or len(term.word) >= MIN_STEM) else term.word, "stem",
        not (term.stem != term.word or len(term.word) >= MIN_STEM))
    for a in term.alts:
        add(a, "form", len(a) < MIN_STEM)
    for w in term.whole:  # a verb's own noun or form its prefixes leave ("start" for "startade")
        add(w, "whole", True)
    for p in term.parts:
        add(p, "part", False)
    return sorted(((w, how, n) for w, (how, n) in out.items()), key=lambda x: -x[2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, default=REPO / "bench/out/eval-s22.db")
    ap.add_argument("--splits", nargs="+", default=list(TUNABLE))
    ap.add_argument("--no-topics", action="store_true")
    ap.add_argument("--kinds", nargs="+", default=["shorter", "sibling"], help="kinships listed word by word")
    ap.add_argument("--json", type=Path, help="write every (query, word, reached word) here")
    args = ap.parse_args()
    bad = [s for s in args.splits if s not in TUNABLE]
    if bad:
        raise SystemExit(f"not tunable (never run here): {bad}")
    store = as_store(open_db(args.db))
    queries = [(s, q["q"]) for s in args.splits
               for q in json.loads((REPO / "bench/questions" / f"{s}.json").read_text(encoding="utf-8"))]
    if not args.no_topics:
        queries += [("compare", t) for t in TOPICS]
    pairs: dict[tuple[str, str], tuple[str, str, int]] = {}
    per_query = Counter()
    rows = []
    for split, q in queries:
        for t in keyword_plan(store, q):
            if t.party:
                continue
            for w, how, n in reached(store, t):
                k = kinship(t.word, w)
                rows.append({"split": split, "query": q, "word": t.word, "reached": w, "how": how, "passages": n,
                             "kinship": k})
                per_query[split, k] += 1
                if k in args.kinds:
                    pairs.setdefault((t.word, w), (k, how, n))
    print("reached words per split (query word x corpus word, each query):")
    for split in dict.fromkeys(s for s, _ in queries):
        print(f"  {split:8} " + "  ".join(f"{k} {per_query[split, k]}" for k in ("own", "shorter", "sibling")))
    print(f"\ndistinct (query word -> reached word) pairs of kinship {', '.join(args.kinds)}: {len(pairs)}")
    for (qw, w), (k, how, n) in sorted(pairs.items()):
        print(f"  {k:8} {how:5} {qw} -> {w} ({n})")
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=0), encoding="utf-8")


if __name__ == "__main__":
    main()
