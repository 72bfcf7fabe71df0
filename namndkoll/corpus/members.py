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
from collections.abc import Iterable
from typing import Any

from .extractions import ORIGIN, name_key
from .store import document_where, like_escape

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
    where, args = document_where(conn, "d.", municipality=municipality, committee=committee, year=year,
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
    from ..registry import party_code_of

    by_vote: dict[int, list[Any]] = defaultdict(list)
    for r in roll_rows:
        by_vote[r[0]].append(r)

    stats: dict[tuple[str, str | None], dict[str, Any]] = {}
    for rows in by_vote.values():
        groups: dict[str, Counter[str]] = defaultdict(Counter)
        for r in rows:
            if r[3] and r[3] != "-" and r[4] in _PRESENT:
                groups[r[3]][r[4]] += 1
        for vid, name, key, code, vote, muni, comm, date in rows:
            s = stats.get((key, muni))
            if s is None:
                s = stats[(key, muni)] = {
                    "name": name, "party": code, "municipality": muni, "committees": set(), "votes": 0,
                    "ja": 0, "nej": 0, "avstar": 0, "absent": 0, "with_party": 0, "against_party": 0,
                    "first_date": date, "last_date": date, "_written": Counter(), "_parties": Counter(),
                    "_votes": set()}
            s["party"], s["last_date"] = code, date or s["last_date"]
            s["_written"][name] += 1
            s["_parties"][code] += 1
            s["_votes"].add(vid)
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

    # one member however the lists write the name: the other forms' counts join the head's
    alias = _joined({k: (s["_parties"], s["_votes"]) for k, s in stats.items()})
    for (k, muni), head in alias.items():
        s, h = stats.pop((k, muni)), stats[(head, muni)]
        for f in ("votes", "ja", "nej", "avstar", "absent", "with_party", "against_party"):
            h[f] += s[f]
        h["committees"] |= s["committees"]
        h["_written"].update(s["_written"])
        h["first_date"] = min((d for d in (h["first_date"], s["first_date"]) if d), default=None)
        h["last_date"] = max((d for d in (h["last_date"], s["last_date"]) if d), default=None)

    want = (party_code_of(party) or party).casefold() if party else None
    key = name_key(member) if member else None
    out = []
    for (k, muni), s in stats.items():
        if want and (s["party"] or "").casefold() != want:
            continue
        if key and alias.get((key, muni), key) != k:
            continue
        forms = s.pop("_written").most_common()
        del s["_parties"], s["_votes"]
        s["name"] = forms[0][0]  # the way the lists write it most often
        s["also_written"] = sorted(f for f, _n in forms[1:] if name_key(f) != name_key(forms[0][0]))
        compared = s["with_party"] + s["against_party"]
        s["compared"] = compared
        s["with_party_share"] = round(s["with_party"] / compared, 3) if compared else None
        s["committees"] = sorted(s["committees"])
        out.append(s)
    out.sort(key=lambda s: ((s["party"] or "~").casefold(), s["name"].casefold()))
    return out[:limit] if limit else out


def member_names(conn: Any, fragment: str, limit: int = 5) -> list[str]:
    """Stored member names holding the words of ``fragment`` in its order (any case):
    suggestions for a name not found ("Lisbeth Andersson": "Lisbeth Sundén Andersson")."""
    rows = conn.execute("SELECT name, count(*) AS n FROM roll_call WHERE name_key LIKE ? ESCAPE '\\' GROUP BY name_key"
                        " ORDER BY n DESC, name LIMIT ?", (words_in_order(fragment), limit)).fetchall()
    return [r[0] for r in rows]


def words_in_order(fragment: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) for a name key holding ``fragment``'s words in its order."""
    return "%" + "%".join(like_escape(w) for w in name_key(fragment).split()) + "%"


def alias_map(entries: Iterable[tuple[str, str | None, str | None, Any]]) -> dict[tuple[str, str | None], str]:
    """(name key, municipality) -> the key it is one member with, from roll-call entries (name
    key, municipality, party, vote id): names of one party in one municipality with the same
    first and last word, one's words all in the other's ("Emma Altenhammar" / "Emma Ylivallo
    Altenhammar", "Eva Ternegren" / "Eva Ann-Mari Ternegren"), that never stand in the same
    vote; the most listed form is the key. Only names written in more than one way appear."""
    seen: dict[tuple[str, str | None], tuple[Counter[str | None], set[Any]]] = {}
    for key, muni, party, vote in entries:
        e = seen.setdefault((key, muni), (Counter(), set()))
        e[0][party] += 1
        e[1].add(vote)
    return _joined(seen)


def _joined(seen: dict[tuple[str, str | None], tuple[Counter[Any], set[Any]]]) -> dict[tuple[str, str | None], str]:
    """``alias_map`` from each name's (party counts, vote ids). Besides the names with one first
    and last word, a list that writes the surname first ("Larsson Gun Yvonne", Lomma's vote
    lists) joins the one name of the party whose words are all in it ("Gun Larsson"), when no
    other name of the party fits it too."""
    groups: dict[tuple[str | None, str | None], list[tuple[str, set[Any]]]] = defaultdict(list)
    for (key, muni), (parties, votes) in seen.items():
        words = key.split()
        party = parties.most_common(1)[0][0]
        if len(words) >= 2 and party and party != "-":
            groups[(muni, party)].append((key, votes))
    out: dict[tuple[str, str | None], str] = {}
    for (muni, _party), names in groups.items():
        if len(names) < 2:
            continue
        heads: list[tuple[str, set[str], set[Any]]] = []  # a member's key, words and votes
        for key, votes in sorted(names, key=lambda n: (-len(n[1]), n[0])):
            words = key.split()
            toks = set(words)
            fits = [h for h in heads if (toks <= h[1] or h[1] <= toks) and not votes & h[2]]
            ends = [h for h in fits if (h[0].split()[0], h[0].split()[-1]) == (words[0], words[-1])]
            # one first and last word; else the only name of the party it can be written surname first
            turned = [h for h in fits if _surname_first(key, h[0])]
            head = ends[0] if ends else turned[0] if len(turned) == 1 and sum(
                _surname_first(key, other) for other, _v in names) == 1 else None
            if head is None:
                heads.append((key, toks, set(votes)))
            else:
                head[2].update(votes)
                out[(key, muni)] = head[0]
    return out


def _surname_first(a: str, b: str) -> bool:
    """Whether one name is the other written surname first ("larsson gun yvonne" / "gun
    larsson"): the shorter's last word begins the longer and its first word follows it."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and long_[0] == short[-1] and short[0] in long_[1:]


def member_keys(rows: Iterable[tuple[str, str | None, str | None, Any]], member: str) -> set[str]:
    """The name keys that are ``member`` (by ``alias_map`` over ``rows``: name key,
    municipality, party, vote id of the names sharing its first and last word)."""
    key = name_key(member)
    rows = list(rows)
    alias = alias_map(rows)
    heads = {alias.get((key, muni), key) for _k, muni, _p, _v in rows if _k == key} or {key}
    return {k for k, muni, _p, _v in rows if alias.get((k, muni), k) in heads} | {key}


def member_rows_sql(ph: str) -> str:
    """The roll-call entries of the names that start with a member's first word (``ph``: the
    backend's placeholder; its argument: the first word and a space, as a LIKE prefix)."""
    return ("SELECT rc.name_key, d.municipality, rc.party, rc.vote_id FROM roll_call rc"
            " JOIN votes x ON x.id = rc.vote_id JOIN documents d ON d.id = x.document_id"
            f" WHERE rc.name_key LIKE {ph}")

