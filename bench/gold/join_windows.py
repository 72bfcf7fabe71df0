"""Rebuild a gold source text from search-index read_file windows and check its sha256.

The index returns a stored text in 16,000-character windows. Form feeds (page ends) are
counted in its offsets and total_chars but not shown, so a window's visible length is
16,000 less the form feeds inside it (the last window: total_chars - offset - form feeds).

Save each window as the JSON string literal of read_file's "text" (with or without the
surrounding quotes, so whitespace and escapes stay exact) in WINDIR/<offset>.json, then:

    python bench/gold/join_windows.py WINDIR TOTAL SHA256 OUT --ff '^KOMMUNSTYRELSEN  '

A form feed goes before every line (not the first) that matches one of the --ff regexes
(running heads, 'Bilaga ... § n/yy' attachment heads, 'E-Signing validat' pages) and at the
end (unless --no-end, for Markdown sources). The count placed in each window is checked
against the count the lengths imply; when the sha256 differs, each window whose count is
off is searched for the missing or extra form feeds at line starts (small searches only).
OUT is written only when the sha256 matches. No document text is kept in this script.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import re
import sys
from pathlib import Path

WINDOW = 16000
MAX_COMBOS = 2_000_000


def load_windows(windir: Path) -> list[tuple[int, str]]:
    wins = []
    for p in sorted(windir.glob("*.json"), key=lambda p: int(p.stem)):
        lit = p.read_text(encoding="utf-8").rstrip("\n")
        if not (len(lit) > 1 and lit[0] == '"' and lit[-1] == '"'):
            lit = '"' + lit + '"'
        wins.append((int(p.stem), json.loads(lit)))
    return wins


def build(vis: str, positions) -> str:
    out, last = [], 0
    for p in sorted(positions):
        out.append(vis[last:p])
        out.append("\f")
        last = p
    out.append(vis[last:])
    return "".join(out)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("windir", type=Path)
    ap.add_argument("total", type=int, help="read_file's total_chars")
    ap.add_argument("sha", help="the gold entry's text_sha256")
    ap.add_argument("out", type=Path)
    ap.add_argument("--ff", action="append", default=[], help="regex for a page's first line")
    ap.add_argument("--no-end", action="store_true", help="no form feed at the end")
    a = ap.parse_args(argv)

    wins = load_windows(a.windir)
    vis, bounds = "", []  # (visible start, visible end, form feeds the lengths imply)
    for i, (off, text) in enumerate(wins):
        end = wins[i + 1][0] if i + 1 < len(wins) else a.total
        if i + 1 < len(wins) and wins[i + 1][0] - off != WINDOW:
            print(f"warning: window {off} is not {WINDOW} characters before the next")
        bounds.append((len(vis), len(vis) + len(text), (end - off) - len(text)))
        vis += text
    print(f"visible {len(vis)}, total {a.total}, form feeds {a.total - len(vis)};",
          "per window", [b[2] for b in bounds])

    starts = [m.end() for m in re.finditer("\n", vis) if m.end() < len(vis)]

    def line(s: int) -> str:
        e = vis.find("\n", s)
        return vis[s:e if e >= 0 else len(vis)]

    pos = {s for s in starts if any(re.search(rx, line(s)) for rx in a.ff)}
    if not a.no_end:
        pos.add(len(vis))

    def window_of(p: int) -> int:
        for k, (vs, ve, _) in enumerate(bounds):
            if vs <= p < ve:
                return k
        return len(bounds) - 1

    def placed(ps) -> list[int]:
        have = [0] * len(bounds)
        for p in ps:
            have[window_of(p)] += 1
        return have

    have = placed(pos)
    print("placed per window", have)
    text = build(vis, pos)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != a.sha:
        diffs = [(k, b[2] - h) for k, (b, h) in enumerate(zip(bounds, have)) if b[2] != h]
        print("sha256 differs; window count differences", diffs)
        options = []
        for k, d in diffs:
            vs, ve, _ = bounds[k]
            if d > 0:
                cands = [s for s in starts if vs <= s < ve and s not in pos]
                options.append([("add", c) for c in itertools.combinations(cands, d)])
            else:
                cands = sorted(p for p in pos if window_of(p) == k)
                options.append([("drop", c) for c in itertools.combinations(cands, -d)])
        n = 1
        for o in options:
            n *= len(o)
        if not diffs or n > MAX_COMBOS:
            print("no search:", "counts match" if not diffs else f"{n} combinations")
            return 1
        for combo in itertools.product(*options):
            ps = set(pos)
            for kind, c in combo:
                ps = ps | set(c) if kind == "add" else ps - set(c)
            text = build(vis, ps)
            if hashlib.sha256(text.encode("utf-8")).hexdigest() == a.sha:
                print("found:", [(kind, [line(p)[:40] for p in c]) for kind, c in combo])
                break
        else:
            print("no placement matches")
            return 1
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(text, encoding="utf-8", newline="")
    print("OK", a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
