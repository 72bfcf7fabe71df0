"""Which parties vote together, from the stored roll calls: `namndkoll blocs`.

In each roll-call vote a party's line is the most common choice (ja, nej, avstår) of its
members present; a party whose present members split evenly has no line in that vote and is
paired with none in it. Two parties of the same municipality vote together in a vote when both have a
line and it is the same. Per pair: the votes both had a line in, how many of them they voted
together, and the share. Per party: the votes its members were present in and its cohesion,
the share of its present members who voted its most common choice (1.0: always as one; an even
split counts half). Independents ("-") and members without a
party belong to no party. Parties of different municipalities are never paired: S in Lomma and
S in Göteborg are two parties here.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

_PRESENT = ("ja", "nej", "avstar")


def party_lines(roll_rows: Any) -> list[tuple[str | None, dict[str, tuple[str | None, int, int]]]]:
    """Per vote (in the rows' order): its municipality and, per party present, (its line or
    None for an even split, members voting its most common choice, members present). Rows are (vote_id, name, name_key, party, vote,
    municipality, committee, date) as corpus/members.roll_rows gives them."""
    from ..registry import canonical_code

    by_vote: dict[Any, list[Any]] = defaultdict(list)
    for r in roll_rows:
        by_vote[r[0]].append(r)
    out = []
    for rows in by_vote.values():
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            code = (canonical_code(r[3]) or r[3]) if r[3] else None
            if code and code != "-" and r[4] in _PRESENT:
                counts[code][r[4]] += 1
        lines: dict[str, tuple[str | None, int, int]] = {}
        for code, c in counts.items():
            top = c.most_common(2)
            even = len(top) > 1 and top[1][1] == top[0][1]  # split evenly: no line in this vote
            lines[code] = (None if even else top[0][0], top[0][1], sum(c.values()))
        out.append((rows[0][5], lines))
    return out


def aggregate_blocs(roll_rows: Any) -> dict[str, list[dict[str, Any]]]:
    """{"pairs": [...], "parties": [...]} from roll-call rows: each pair of parties of one
    municipality with the votes both had a line in, ``together`` and ``share``, most together
    first; each party with its ``votes`` and ``cohesion``."""
    pairs: dict[tuple[str | None, str, str], list[int]] = defaultdict(lambda: [0, 0])
    parties: dict[tuple[str | None, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for muni, lines in party_lines(roll_rows):
        for code, (_line, voting, present) in lines.items():
            p = parties[(muni, code)]
            p[0] += 1
            p[1] += voting
            p[2] += present
        for a, b in combinations(sorted((c for c, x in lines.items() if x[0]), key=str.casefold), 2):
            pair = pairs[(muni, a, b)]
            pair[0] += 1
            pair[1] += lines[a][0] == lines[b][0]
    pair_rows: list[dict[str, Any]] = [{"municipality": m, "party_a": a, "party_b": b, "votes": n, "together": t,
                  "share": round(t / n, 3)} for (m, a, b), (n, t) in pairs.items()]
    pair_rows.sort(key=lambda r: (str(r["municipality"]), -r["share"], -r["votes"], r["party_a"], r["party_b"]))
    party_rows: list[dict[str, Any]] = [{"municipality": m, "party": code, "votes": n, "cohesion": round(v / p, 3) if p else None}
                  for (m, code), (n, v, p) in parties.items()]
    party_rows.sort(key=lambda r: (str(r["municipality"]), r["party"].casefold()))
    return {"pairs": pair_rows, "parties": party_rows}
