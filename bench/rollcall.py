"""Roll calls on the development data: how many member lists are read and joined to their vote,
and whether the members' votes add up to the stated results.

    .venv/bin/python bench/rollcall.py [--shared ../shared] [--text] [--json out.json]

- Göteborg kommunfullmäktige 2023–2024 (20 protocols, rendered to PDF by bench/make_corpus.py
  and read by the product's ingest; ``--text`` reads the extracted texts instead): every
  omröstningsbilaga in the text ("Antal Ja: …" lists), the roll calls read, how many are joined
  to a vote of a §, how many members, and how many lists whose members' tally differs from the
  list's own counts or from the § vote (``Vote.note``); also the §'s "framgår av bilaga N"
  references whose bilaga is not in the text.
- Göteborg kommunstyrelsen 2024 (the § texts of ../shared/data/protocols/goteborg-ks): prose roll
  calls ("… röstar Ja (7)"), against the silver vote counts.
- Alingsås (Meetings Plus): the Voteringslista tables of the four protocols in data/pdf-other.

Counts only; the member-by-member check against hand-made labels is bench/votes_gold.py.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from namndkoll.extract.people import find_people
from namndkoll.extract.rollcall import find_roll_calls
from namndkoll.extract.votes import find_votes
from namndkoll.types import Document, Metadata, Page, with_offsets


def _lists(doc: Document, c: Counter[str], name: str, out: list[str]) -> None:
    votes = find_votes(doc, find_people(doc))
    calls = find_roll_calls(doc)
    c["roll_calls_read"] += len(calls)
    c["members"] += sum(len(x.entries) for x in calls)
    for v in votes:
        if not v.roll_call:
            continue
        c["joined_to_a_vote_of_a_paragraph" if v.item else "votes_of_their_own_without_paragraph"] += 1
        if v.note:
            c["tally_differs"] += 1
            out.append(f"{name} {v.item} p{v.page}: {v.note}")
        t = Counter(e.vote for e in v.roll_call)
        c["tally_equals_vote_yes_no"] += int((t["ja"], t["nej"]) == (v.yes, v.no))
        c["members_without_party"] += sum(1 for e in v.roll_call if not e.party)
    c["votes"] += len(votes)


def goteborg_kf(shared: Path, text: bool, c: Counter[str], out: list[str]) -> None:
    txts = sorted((shared / "data/protocols/goteborg-kf").glob("kf-*.txt"))
    for txt in txts:
        raw = txt.read_text(encoding="utf-8")
        c["bilagor_in_text"] += len(re.findall(r"(?m)^Antal Ja:", raw))
        c["references_to_a_bilaga"] += len(re.findall(r"framgår\s+av\s+bilaga", raw))
        if text:
            sys.path.insert(0, str(REPO / "bench"))
            from silver import protocol  # type: ignore[import-not-found]

            doc = protocol(txt)
        else:
            from namndkoll.ingest import read_document

            pdf = REPO / "bench/out/corpus" / (txt.stem + ".pdf")
            if not pdf.exists():
                sys.path.insert(0, str(REPO / "bench"))
                import make_corpus  # type: ignore[import-not-found]

                pdf.parent.mkdir(parents=True, exist_ok=True)
                make_corpus.render(txt, pdf)
            doc = read_document(pdf, ocr=False)
        _lists(doc, c, txt.stem, out)


def goteborg_ks(shared: Path, c: Counter[str], out: list[str]) -> None:
    for f in sorted((shared / "data/protocols/goteborg-ks").glob("ks-*.json")):
        for node in json.loads(f.read_text(encoding="utf-8"))["nodes"]:
            data = node.get("data") or {}
            body = data.get("fulltext") or ""
            if node.get("typ") != "paragraf" or not body:
                continue
            doc = Document(str(f), "", with_offsets([Page(1, body)]), Metadata(municipality="Göteborg"))
            votes = find_votes(doc, find_people(doc))
            silver = data.get("votering")
            if silver:
                c["silver_votes"] += 1
                c["silver_votes_found"] += int(any((v.yes, v.no) == (silver["ja"], silver["nej"]) for v in votes))
            for v in votes:
                if v.roll_call:
                    c["prose_roll_calls"] += 1
                    c["prose_members"] += len(v.roll_call)
                    c["prose_members_without_party"] += sum(1 for e in v.roll_call if not e.party)
                    if v.note:
                        c["prose_tally_differs"] += 1
                        out.append(f"{f.stem} {node.get('label')}: {v.note}")


def alingsas(shared: Path, c: Counter[str], out: list[str]) -> None:
    from namndkoll.ingest import read_document

    for pdf in sorted((shared / "data/pdf-other").glob("alingsas_*_protokoll.pdf")):
        doc = read_document(pdf, ocr=False)
        c["voteringslista_pages"] += sum("Voteringslista:" in p.text for p in doc.pages)
        _lists(doc, c, pdf.stem, out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--text", action="store_true", help="read the KF texts instead of the rendered PDFs")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    if not (args.shared / "data").is_dir():
        sys.exit(f"no shared data at {args.shared}")
    result = {}
    for name, fn in (("goteborg_kf", lambda c, o: goteborg_kf(args.shared, args.text, c, o)),
                     ("goteborg_ks_prose", lambda c, o: goteborg_ks(args.shared, c, o)),
                     ("alingsas_meetings_plus", lambda c, o: alingsas(args.shared, c, o))):
        c: Counter[str] = Counter()
        notes: list[str] = []
        t0 = time.perf_counter()
        fn(c, notes)
        result[name] = {**dict(c), "seconds": round(time.perf_counter() - t0, 1), "notes": notes[:20]}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
