"""Compare namndkoll's votes, yrkanden and reservations with the silver labels of the
Göteborg kommunfullmäktige protocols 2023–2024 (machine-made by a third party, unchecked).

    .venv/bin/python bench/silver.py [--shared ../shared] [--show 15] [--json out.json]

Each protocol text (form feed = page break) is cleaned of its running header and footer
lines (what ingest does for the PDF), split into § items by namndkoll's structure reader and
run through the same finders ingest uses. Per § item it compares:

- votes: the silver ``votering`` {ja, nej} with the votes found in that §;
- yrkanden: each silver yrkande (names, one party) with the yrkande of the same proposers
  found in that §: are the names the same, and is the silver party among the parties found;
- reservations: the number of reservations per § and their parties.

It prints agreement per kind and the disagreements, for a person to inspect.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.extract.parties import iter_party_spans
from namndkoll.extract.people import find_people
from namndkoll.extract.positions import find_positions
from namndkoll.extract.votes import find_votes
from namndkoll.ingest.structure import analyze
from namndkoll.types import Document, Page, with_offsets

_HEADER_FOOTER = re.compile(
    r"^(Göteborgs Stad Kommunfullmäktige, protokoll|\d+ \(\d+\)|Kommunfullmäktige"
    r"|Protokoll \(?nr \d+\)?|Sammanträdesdatum: .*)$"
)


def protocol(path: Path) -> Document:
    pages = []
    for i, raw in enumerate(path.read_text(encoding="utf-8").split("\f")):
        keep = [ln for ln in raw.split("\n") if not _HEADER_FOOTER.match(ln.strip())]
        pages.append(Page(i + 1, "\n".join(keep).strip("\n")))
    pages_t = with_offsets(pages)
    md, items = analyze(pages_t, source=str(path))
    md = replace(md, municipality="Göteborg", committee="Kommunfullmäktige", date=path.stem[3:])
    return Document(str(path), "", pages_t, md, items)


def _names(s: str) -> list[str]:
    return [n.strip() for n in re.split(r",|\boch\b", " ".join(s.split())) if n.strip()]


def _codes(s: str) -> set[str]:
    return {c for _s, _e, c in iter_party_spans(s, municipality="Göteborg")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--show", type=int, default=15, help="disagreements to print per kind")
    ap.add_argument("--json", type=Path, help="write every comparison here")
    ap.add_argument("--pdf", action="store_true",
                    help="read the protocols as PDFs through the product's ingest (rendered by bench/make_corpus.py)")
    args = ap.parse_args()
    root = args.shared / "data" / "protocols"
    silver = [json.loads(ln) for ln in (root / "goteborg-kf-paragrafer-2023-2024.silver.jsonl").open(encoding="utf-8")]

    t0 = time.perf_counter()
    mine: dict[str, dict[str, list]] = defaultdict(lambda: {"votes": [], "yrkanden": [], "reservations": []})
    words = 0
    paths = sorted((root / "goteborg-kf").glob("kf-*.txt"))
    if args.pdf:
        out = REPO / "bench" / "out" / "corpus"
        if len(list(out.glob("kf-*.pdf"))) < len(paths):
            sys.path.insert(0, str(REPO / "bench"))
            import make_corpus  # type: ignore[import-not-found]

            make_corpus.main([str(out)])
        paths = sorted(out.glob("kf-*.pdf"))
    for path in paths:
        if args.pdf:
            from namndkoll.ingest import read_document

            doc = read_document(path, ocr=False)
        else:
            doc = protocol(path)
        words += len(doc.text.split())
        for v in find_votes(doc):
            if v.item:
                mine[f"{path.stem}-§{v.item[2:]}"]["votes"].append(v)
        for p in find_positions(doc, find_people(doc), ()):
            if p.item and p.kind in ("yrkande", "reservation"):
                key = "yrkanden" if p.kind == "yrkande" else "reservations"
                mine[f"{path.stem}-§{p.item[2:]}"][key].append(p)
    seconds = time.perf_counter() - t0

    stats: dict[str, defaultdict[str, int]] = {k: defaultdict(int) for k in ("votes", "yrkanden", "reservations")}
    diffs: dict[str, list[dict]] = {k: [] for k in stats}
    for row in silver:
        sid = row["id"]
        m = mine.get(sid, {"votes": [], "yrkanden": [], "reservations": []})
        # votes
        sv = row.get("votering")
        found = [(v.yes, v.no) for v in m["votes"]]
        if sv:
            pair = (sv["ja"], sv["nej"])
            ok = pair in found
            stats["votes"]["agree" if ok else "disagree"] += 1
            stats["votes"]["silver"] += 1
            if not ok:
                diffs["votes"].append({"id": sid, "silver": pair, "mine": found})
            if len(found) > 1:
                stats["votes"]["extra_in_same_item"] += len(found) - 1
        elif found:
            stats["votes"]["only_mine"] += 1
            diffs["votes"].append({"id": sid, "silver": None, "mine": found})
        # yrkanden
        used = set()
        for y in row["yrkanden"]:
            stats["yrkanden"]["silver"] += 1
            names = _names(y["namn"])
            match = next((i for i, p in enumerate(m["yrkanden"]) if i not in used and names
                          and names[0] in p.people), None)
            if match is None:
                stats["yrkanden"]["silver_only"] += 1
                diffs["yrkanden"].append({"id": sid, "silver": y, "mine": None})
                continue
            used.add(match)
            p = m["yrkanden"][match]
            stats["yrkanden"]["matched"] += 1
            stats["yrkanden"]["same_people"] += int(list(p.people) == names)
            if y.get("parti") in p.parties:
                stats["yrkanden"]["silver_party_among_mine"] += 1
            else:
                diffs["yrkanden"].append({"id": sid, "silver": y, "mine": {"parties": p.parties, "people": p.people,
                                                                           "text": p.text[:200]}})
            stats["yrkanden"]["mine_has_several_parties"] += int(len(p.parties) > 1)
        for i, p in enumerate(m["yrkanden"]):
            if i not in used:
                stats["yrkanden"]["only_mine"] += 1
                diffs["yrkanden"].append({"id": sid, "silver": None, "mine": {"parties": p.parties, "text": p.text[:200]}})
        # reservations
        s_codes = [sorted(_codes(r)) for r in row["reservationer"]]
        m_codes = [sorted(p.parties) for p in m["reservations"]]
        stats["reservations"]["silver"] += len(s_codes)
        stats["reservations"]["mine"] += len(m_codes)
        if sorted(s_codes) == sorted(m_codes):
            stats["reservations"]["items_agree"] += 1 if s_codes or m_codes else 0
        else:
            stats["reservations"]["items_disagree"] += 1
            diffs["reservations"].append({"id": sid, "silver": row["reservationer"], "mine":
                                          [(p.parties, p.text[:160]) for p in m["reservations"]]})
    summary = {
        "protocols": len(list((root / "goteborg-kf").glob("kf-*.txt"))), "items_in_silver": len(silver),
        "words": words, "seconds": round(seconds, 2), "stats": {k: dict(v) for k, v in stats.items()},
    }
    print(json.dumps(summary, ensure_ascii=False, indent=2))
    for kind, rows in diffs.items():
        print(f"\n## {kind}: {len(rows)} disagreements (first {args.show})")
        for d in rows[: args.show]:
            print(json.dumps(d, ensure_ascii=False, default=str))
    if args.json:
        args.json.write_text(json.dumps({"summary": summary, "disagreements": diffs}, ensure_ascii=False,
                                        indent=1, default=str), encoding="utf-8")


if __name__ == "__main__":
    main()
