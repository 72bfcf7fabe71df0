"""What the ``*_same.py`` benches share (``metadata_same``, ``figures_same``, ``orgs_same``,
``items_same``, ``extract_same``): the gold documents they read and the one JSON line each
answer is written as, so that two checkouts' outputs can be compared with ``diff``. And the
timing loop of the two claim benches (``pg_claims``, ``sqlite_claims``: ``claim_rounds``).

The documents are every PDF of ../shared/data/pdf, ../shared/data/pdf-other, the restored
structure gold's dev folder and the openings' folders under /work/gold-pdfs, and the openings'
text copies; never a held-out folder. Run a bench from the checkout it measures, with this file
beside it."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
GOLD = Path("/work/gold-pdfs")
PDF_SOURCES = (DATA / "pdf", DATA / "pdf-other", GOLD / "dev", GOLD)


def reachable(p: Path) -> bool:
    """Whether ``p`` may be read: nothing under a held-out folder."""
    return "heldout" not in str(p)


def gold_pdfs() -> list[Path]:
    found: set[Path] = set()
    for src in PDF_SOURCES:
        if not src.is_dir():
            continue
        if src == GOLD:  # the openings' folders only, never heldout
            paths = [p for d in sorted(src.glob("openings*")) for p in d.rglob("*.pdf")]
        else:
            paths = list(src.rglob("*.pdf"))
        found |= {p for p in paths if reachable(p)}
    return sorted(found)


def opening_texts() -> list[Path]:
    return sorted(p for d in GOLD.glob("openings*") for p in d.rglob("*.txt") if reachable(p))


def emit(name: str, call: str, variant: str, value: Any) -> None:
    """One answer: the document, the call, what varied, and the value as ``repr`` gives it."""
    print(json.dumps([name, call, variant, repr(value)], ensure_ascii=False))


def claim_rounds(claim: Callable[[], Sequence[Sequence[Any]]], release: Callable[[list[int]], None],
                 rounds: int) -> dict[str, Any]:
    """``rounds`` passage claims timed (``claim()``: the batch claimed, in a transaction of its
    own, its rows' first column the passage's id) and their releases (``release(ids)``: the
    claims given up, as after a failed embedding, so the next round finds the same head): the
    first claim's time alone (it may remove a crashed run's claims), the median and worst, the
    release's median, and how many passages the last claim got."""
    claim_ms, release_ms, got = [], [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        rows = claim()
        claim_ms.append((time.perf_counter() - t0) * 1000)
        got.append(len(rows))
        t0 = time.perf_counter()
        release([int(r[0]) for r in rows])
        release_ms.append((time.perf_counter() - t0) * 1000)
    return {"claim_ms_first": round(claim_ms[0], 2), "claim_ms_median": round(statistics.median(claim_ms), 2),
            "claim_ms_max": round(max(claim_ms), 2), "release_ms_median": round(statistics.median(release_ms), 2),
            "claimed": got[-1]}
