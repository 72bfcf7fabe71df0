#!/usr/bin/env python3
"""Make namndkoll/ingest/data/sv_common.txt: the 5,000 most frequent lower-case Swedish words
(three letters or more) in the speeches of the Göteborg kommunfullmäktige debate records and
in the kommunfullmäktige protocols 2023-2024 (../shared/data/debates, data/protocols; public
records). The unreadable-page check uses it as a quick first
look before the full lexicon (namndkoll/ingest/readable.py).

    python bench/make_wordlist.py [--shared ../shared] [--n 5000]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "namndkoll/ingest/data/sv_common.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--n", type=int, default=5000)
    a = ap.parse_args()
    words = re.compile(r"[^\W\d_]{3,}")
    count: Counter[str] = Counter()

    for f in sorted((a.shared / "data/debates").glob("kf-*.json")):
        for speech in json.loads(f.read_text(encoding="utf-8"))["anföranden"]:
            count.update(w for w in words.findall(speech["text"]) if w.islower())
    for f in sorted((a.shared / "data/protocols/goteborg-kf").glob("kf-*.txt")):
        count.update(w for w in words.findall(f.read_text(encoding="utf-8")) if w.islower())
    top = sorted(w for w, _ in count.most_common(a.n))
    OUT.write_text("# made by bench/make_wordlist.py from Göteborg KF debates and protocols 2023-2024\n"
                   + "\n".join(top) + "\n", encoding="utf-8")
    print(f"{len(top)} words -> {OUT}")


if __name__ == "__main__":
    main()
