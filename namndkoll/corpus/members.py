"""Members and how they vote, from the stored roll calls: `namndkoll members`.

A member is a name (any case and spacing) in one municipality. Per member: how many roll calls
list them, their ja / nej / avstår, how often they were absent, and how often they voted with
their party: in each vote, the party's majority is the most common choice (ja, nej, avstår)
among the *other* members of the same party present in that vote — the member's own vote is
left out, so a party of one never "agrees with itself". Votes where no other member of the
party voted, or where the others split evenly, are not counted either way. Independents
("-") and members without a party have no party majority.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from .extractions import ORIGIN, name_key
from .store import document_where

_PRESENT = ("ja", "nej", "avstar")


def list_members(
    conn: Any, *, municipality: str | None = None, committee: str | None = None, year: int | None = None,
    party: str | None = None, member: str | None = None, limit: int | None = None,
) -> list[dict[str, Any]]:
    """One row per member of the stored roll calls matching the filters, sorted by party and name.
    The party filter picks members, never the votes a party majority is computed from."""
    return aggregate_members(roll_rows(conn, municipality=municipality, committee=committee, year=year),
                             party=party, member=member, limit=limit)


def list_blocs(conn: Any, *, municipality: str | None = None, committee: str | None = None,
               year: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Which parties vote together in the stored roll calls (corpus/blocs.py)."""
    from .blocs import aggregate_blocs

    return aggregate_blocs(roll_rows(conn, municipality=municipality, committee=committee, year=year))


def roll_rows(conn: Any, *, municipality: str | None = None, committee: str | None = None,
              year: int | None = None) -> Any:
    """Roll-call rows (vote_id, name, name_key, party, vote, municipality, committee, date) of
    the votes matching the filters, in date order (a bundled extract's vote under its own body
    and date)."""
    where, args = document_where("d.", municipality=municipality, committee=committee, year=year,
                                 columns=ORIGIN)
    return conn.execute(roll_sql(ORIGIN, where), args)


def roll_sql(origin: dict[str, str], where: list[str]) -> str:
    """The roll-call rows' query, on either backend (``origin``: its body and date expressions,
    ``where``: its document_where conditions)."""
    return ("SELECT rc.vote_id, rc.name, rc.name_key, rc.party, rc.vote, d.municipality,"
            f" {origin['committee']}, {origin['date']}"
            " FROM roll_call rc JOIN votes x ON x.id = rc.vote_id JOIN documents d ON d.id = x.document_id"
            " LEFT JOIN items i ON i.id = x.item_id" + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {origin['date']} IS NULL, {origin['date']}, rc.vote_id, rc.idx")


def aggregate_members(roll_rows: Any, *, party: str | None = None, member: str | None = None,
                      limit: int | None = None) -> list[dict[str, Any]]:
    """The member rows from roll-call rows (vote_id, name, name_key, party, vote, municipality,
    committee, date) in date order — the counting both backends share."""
    from ..registry import canonical_code

    by_vote: dict[int, list[Any]] = defaultdict(list)
    for r in roll_rows:
        by_vote[r[0]].append(r)

    stats: dict[tuple[str, str | None], dict[str, Any]] = {}
    for rows in by_vote.values():
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            if r[3] and r[3] != "-" and r[4] in _PRESENT:
                groups[r[3]][r[4]] += 1
        for _vid, name, key, code, vote, muni, comm, date in rows:
            s = stats.setdefault((key, muni), {
                "name": name, "party": code, "municipality": muni, "committees": set(), "votes": 0,
                "ja": 0, "nej": 0, "avstar": 0, "absent": 0, "with_party": 0, "against_party": 0,
                "first_date": date, "last_date": date})
            s["name"], s["party"], s["last_date"] = name, code, date or s["last_date"]
            if comm:
                s["committees"].add(comm)
            s["votes"] += 1
            if vote not in _PRESENT:
                s["absent"] += 1
                continue
            s[vote] += 1
            if not code or code == "-":
                continue
            others = groups[code].copy()
            others[vote] -= 1
            top = others.most_common(2)
            if not top or top[0][1] <= 0 or (len(top) > 1 and top[1][1] == top[0][1]):
                continue  # alone in the party, or the others split evenly
            s["with_party" if top[0][0] == vote else "against_party"] += 1

    want = (canonical_code(party) or party).casefold() if party else None
    key = name_key(member) if member else None
    out = []
    for (k, _muni), s in stats.items():
        if want and (s["party"] or "").casefold() != want:
            continue
        if key and k != key:
            continue
        compared = s["with_party"] + s["against_party"]
        s["compared"] = compared
        s["with_party_share"] = round(s["with_party"] / compared, 3) if compared else None
        s["committees"] = sorted(s["committees"])
        out.append(s)
    out.sort(key=lambda s: ((s["party"] or "~").casefold(), s["name"].casefold()))
    return out[:limit] if limit else out


def member_names(conn: Any, fragment: str, limit: int = 5) -> list[str]:
    """Stored member names containing ``fragment`` (any case): suggestions for a name not found."""
    rows = conn.execute("SELECT name, count(*) AS n FROM roll_call WHERE name_key LIKE ? GROUP BY name_key"
                        " ORDER BY n DESC, name LIMIT ?", (f"%{name_key(fragment)}%", limit)).fetchall()
    return [r[0] for r in rows]
