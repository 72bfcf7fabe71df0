"""Votes, roll calls and positions against the hand-labelled structure gold (bench/gold/*.json,
format in bench/gold/README.md), through the product's own PDF ingest and extraction.

    .venv/bin/python bench/votes_gold.py [--gold bench/gold/dev] [--pdf-dir /work/gold-pdfs]
                                         [--show 20] [--json out.json]

Scored as bench/gold/README.md says:
- votes: a gold vote is found when a vote of the same § has the same yes and no (and the same
  abstain where the gold states it); extra votes are counted;
- roll call: each gold member vote is found when the matched vote's roll call has an entry of
  the same name (case- and space-insensitive) with the same vote; extra entries are counted;
- positions: a gold position is found when a found position of the same § (none for a
  document-level one) and kind names the party and holds the key phrase.

Sources: ``{"shared": path}`` is read from ../shared; ``{"shared_text": path, "render":
"formfeed"}`` is rendered one page per form-feed page (bench/make_corpus.py) into bench/out/gold;
``{"file": "dev/x.pdf"}`` is read from --pdf-dir. Never point this at a held-out split while
tuning.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"  # --shared changes it


def _norm(s: str | None) -> str:
    return " ".join((s or "").casefold().replace("-\n", "").split())


def _item(label: str | None) -> str | None:
    return label[2:].strip() if label and label.startswith("§ ") else label


def source_pdf(gold: dict[str, Any], pdf_dir: Path) -> Path | None:
    src = gold["source"]
    if "shared" in src:
        return SHARED / src["shared"]
    if "shared_text" in src:
        sys.path.insert(0, str(REPO / "bench"))
        import make_corpus  # type: ignore[import-not-found]

        txt = SHARED / src["shared_text"]
        out = REPO / "bench" / "out" / "gold" / (txt.stem + ".pdf")
        if not out.exists() or out.stat().st_mtime < txt.stat().st_mtime:
            out.parent.mkdir(parents=True, exist_ok=True)
            if src.get("render") == "text2pdf":  # as shared/tools/text2pdf.py, with its header
                from namndkoll.extract.evaluate import render_pdf

                render_pdf(txt.read_text(encoding="utf-8"), out, header=src.get("header", ""),
                           page_marker=src.get("page_marker"))
            else:
                make_corpus.render(txt, out)
        return out
    if "file" in src:
        return pdf_dir / src["file"]
    return None


def score(gold: dict[str, Any], ext: Any, c: Counter[str], misses: list[str]) -> None:
    gid = gold["id"]
    votes = list(ext.votes)
    used: set[int] = set()
    for g in gold.get("votes", []):
        c["votes_gold"] += 1
        match = None
        for i, v in enumerate(votes):
            if i in used or _item(v.item) != g["item"] or (v.yes, v.no) != (g["yes"], g["no"]):
                continue
            if g.get("abstain") is not None and v.abstain is not None and v.abstain != g["abstain"]:
                continue
            match = i
            break
        rc_gold = g.get("roll_call") or []
        c["rc_gold"] += len(rc_gold)
        c["votes_found_any_item"] += int(any((v.yes, v.no) == (g["yes"], g["no"]) for v in votes))
        if match is None:
            misses.append(f"{gid}: vote § {g['item']} {g['yes']}-{g['no']} not found")
            continue
        used.add(match)
        c["votes_found"] += 1
        mine = {_norm(e.name): e for e in votes[match].roll_call}
        for e in rc_gold:
            m = mine.pop(_norm(e["name"]), None)
            if m is not None and m.vote == e["vote"]:
                c["rc_found"] += 1
                c["rc_party_ok"] += int((m.party or None) == (e.get("party") or None))
            else:
                misses.append(f"{gid}: § {g['item']} {e['name']} ({e.get('party')}) {e['vote']}: "
                              + (f"found {m.vote}" if m else "not found"))
        c["rc_extra"] += len(mine) if rc_gold else 0
    c["votes_extra"] += len(votes) - len(used)
    for i, v in enumerate(votes):
        if i not in used:
            misses.append(f"{gid}: extra vote {v.item} {v.yes}-{v.no} p{v.page}")
    for g in gold.get("positions", []):
        c["pos_gold"] += 1
        ok = any(_item(p.item) == g.get("item") and p.kind == g["kind"] and g["party"] in p.parties
                 and _norm(g["key"]) in _norm(p.text) for p in ext.positions)
        c["pos_found"] += int(ok)
        # the same, whatever § it was put under: what a § reader's error costs
        c["pos_found_any_item"] += int(any(p.kind == g["kind"] and g["party"] in p.parties
                                           and _norm(g["key"]) in _norm(p.text) for p in ext.positions))
        if not ok:
            near = [(p.item, p.kind, p.parties) for p in ext.positions if _norm(g["key"]) in _norm(p.text)]
            misses.append(f"{gid}: position {g['party']} {g['kind']} § {g.get('item')} «{g['key']}» near={near[:3]}")
    c["pos_mine"] += len(ext.positions)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, default=REPO / "bench" / "gold" / "dev")
    ap.add_argument("--pdf-dir", type=Path, default=Path("/work/gold-pdfs"))
    ap.add_argument("--show", type=int, default=30)
    ap.add_argument("--only", help="ids containing this")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default ../shared)")
    args = ap.parse_args()
    globals()["SHARED"] = args.shared
    if "heldout" in str(args.gold):
        print("note: scoring a held-out split; do not tune on what this prints", file=sys.stderr)

    from namndkoll.extract import extract_document
    from namndkoll.ingest import read_document

    c: Counter[str] = Counter()
    misses: list[str] = []
    t0 = time.perf_counter()
    files = sorted(args.gold.glob("*.json"))
    for f in files:
        gold = json.loads(f.read_text(encoding="utf-8"))
        if args.only and args.only not in gold["id"]:
            continue
        if not gold.get("votes") and not gold.get("positions"):
            continue
        pdf = source_pdf(gold, args.pdf_dir)
        if pdf is None or not pdf.exists():
            print(f"skip {gold['id']}: no source at {pdf}", file=sys.stderr)
            continue
        doc = read_document(pdf, ocr=False)
        ext = extract_document(doc)
        c["documents"] += 1
        score(gold, ext, c, misses)
    summary = {
        "documents": c["documents"], "seconds": round(time.perf_counter() - t0, 1),
        "votes": {"gold": c["votes_gold"], "found": c["votes_found"], "extra": c["votes_extra"],
                  "found_under_any_item": c["votes_found_any_item"],
                  "recall": round(c["votes_found"] / c["votes_gold"], 3) if c["votes_gold"] else None},
        "roll_call": {"gold": c["rc_gold"], "found": c["rc_found"], "party_ok": c["rc_party_ok"],
                      "extra": c["rc_extra"],
                      "recall": round(c["rc_found"] / c["rc_gold"], 3) if c["rc_gold"] else None},
        "positions": {"gold": c["pos_gold"], "found": c["pos_found"], "mine": c["pos_mine"],
                      "found_under_any_item": c["pos_found_any_item"],
                      "recall": round(c["pos_found"] / c["pos_gold"], 3) if c["pos_gold"] else None},
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    print(f"\n## misses ({len(misses)}; first {args.show})")
    for m in misses[: args.show]:
        print(re.sub(r"\s+", " ", m))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "misses": misses}, ensure_ascii=False, indent=1),
                             encoding="utf-8")


if __name__ == "__main__":
    main()
