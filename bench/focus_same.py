#!/usr/bin/env python3
"""Proof that ``terms.FocusPattern`` (the focus pattern searched from its literal stems) finds
exactly what the focus regex as it was before (issue 13) finds: every match span, on every
passage (text, text + its § title, as ``hybrid.evidence`` reads them) and every sentence
(``grounds.sentences``, as ``figure_beside`` reads them) of bench/out/search-eval-default-pdf.db,
lower-cased as the callers search them, for each focus word of every question in
bench/questions/{dev,dev2,test,other-dev}.json (never held-out), with the query terms the search
builds for it (``plan.keyword_plan``: repaired typos, document counts).

usage: python bench/focus_same.py     # exits 1 on the first difference
"""

from __future__ import annotations

import json
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from namndkoll.corpus import as_store
from namndkoll.search.grounds import sentences
from namndkoll.search.plan import keyword_plan
from namndkoll.search.question import read_question
from namndkoll.search.terms import (
    _TAIL_ENDINGS,
    MIN_STEM,
    FocusPattern,
    Term,
    compound_tail,
    focus_pattern,
    stem,
)

HERE = Path(__file__).resolve().parent
DB = HERE / "out" / "search-eval-default-pdf.db"
SPLITS = ("dev", "dev2", "test", "other-dev")
_L = "[\\wåäöÅÄÖ]"


def old_focus_pattern(word: str, terms: Sequence[Term], doc_counts: Callable[[list[str]], dict[str, int]]
                      ) -> re.Pattern[str]:
    """``terms.focus_pattern`` as it was before the literal-first search (h-py26), verbatim."""
    term = next((t for t in terms if t.word == word), None)
    stems = sorted({stem(word), *(term.alts if term else ())}, key=len, reverse=True)
    if len(word) < MIN_STEM:
        return re.compile(rf"(?<!{_L}){re.escape(word.lower())}(?!{_L})")
    pat = rf"(?<!{_L})(?:{_L}{{3,}})?(?:" + "|".join(re.escape(s.lower()) for s in stems) + ")"
    tail = compound_tail(word, doc_counts)
    if tail:
        pat += rf"|(?<!{_L})(?:" + "|".join(re.escape(tail + e) for e in _TAIL_ENDINGS) + rf")(?!{_L})"
    return re.compile(pat)


def spans_new(fp: FocusPattern, text: str) -> list[tuple[int, int]]:
    """Every match, as ``finditer`` walks them (matches are never empty: each holds a stem)."""
    out, pos = [], 0
    while (m := fp.search(text, pos)) is not None:
        out.append(m.span())
        pos = m.end() if m.end() > m.start() else m.end() + 1
    return out


def main() -> int:
    conn = sqlite3.connect(f"file:{DB}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    store = as_store(conn)
    rows = conn.execute("SELECT text, context FROM chunks ORDER BY id").fetchall()
    texts = [r["text"].lower() for r in rows] + [(r["text"] + "\n" + (r["context"] or "")).lower() for r in rows]
    sents = [s.lower() for r in rows for s in sentences(r["text"])]
    print(f"{len(rows)} passages, {len(texts)} passage texts, {len(sents)} sentences")
    seen: dict[str, str] = {}
    n_q = n_hits = n_texts = 0
    t_old = t_new = 0.0
    for split in SPLITS:
        for item in json.loads((HERE / "questions" / f"{split}.json").read_text("utf-8")):
            question = read_question(item["q"])
            if not question.focus:
                continue
            n_q += 1
            terms = keyword_plan(store, item["q"])
            for w in question.focus:
                old = old_focus_pattern(w, terms, store.term_doc_counts)
                new = focus_pattern(w, terms, store.term_doc_counts)
                if new.pattern.pattern != old.pattern:
                    print(f"DIFFERENT PATTERN {item['q']!r} {w!r}: {old.pattern!r} / {new.pattern.pattern!r}")
                    return 1
                if old.pattern in seen:
                    continue
                seen[old.pattern] = w
                for t in texts + sents:
                    t0 = time.perf_counter()
                    a = [m.span() for m in old.finditer(t)]
                    t1 = time.perf_counter()
                    b = spans_new(new, t)
                    t2 = time.perf_counter()
                    t_old += t1 - t0
                    t_new += t2 - t1
                    n_texts += 1
                    n_hits += len(a)
                    if a != b:
                        print(f"DIFFERENT SPANS {item['q']!r} {w!r} {old.pattern!r}\n{t[:300]!r}\n{a}\n{b}")
                        return 1
    print(f"identical: {n_q} questions with a focus, {len(seen)} distinct focus patterns, "
          f"{n_texts} texts searched, {n_hits} match spans the same")
    print(f"all spans (finditer): old {t_old:.2f} s, new {t_new:.2f} s ({t_new / t_old:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
