"""`namndkoll blocs`: which parties vote together, from the stored roll calls."""

from __future__ import annotations

from typing import Any

import typer

from ..errors import NamndkollError
from ._output import (
    Col,
    DbOption,
    JsonOption,
    fail,
    print_csv,
    print_json,
    print_table,
    say_body_hint,
    say_undated,
)
from .lists import AsCsv, Committee, Municipality, Wide, Year

_PAIR_CSV = ["municipality", "party_a", "party_b", "votes", "together", "share"]


def blocs_cmd(
    db: DbOption = None, committee: Committee = None, municipality: Municipality = None, year: Year = None,
    as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
) -> None:
    """Which parties vote together: per municipality, how often each two parties voted the same
    way in the stored roll calls, and how united each party voted.

    A party's line in a vote is the most common choice (ja, nej, avstår) of its members present;
    an even split is no line. Two parties vote together when their lines are the same. The
    table shows the share per pair (blank: never both in a vote) and each party's cohesion, the
    share of its present members who voted its line. --csv gives one row per pair, --json pairs
    and parties.

    Example: namndkoll blocs --municipality Lomma --committee Kommunfullmäktige
    """
    from ..api import blocs

    try:
        res = blocs(db=db, committee=committee, municipality=municipality, year=year)
    except NamndkollError as exc:
        fail(exc)
    if not res["parties"]:
        say_body_hint(municipality, db, committee)
    if year is not None:
        say_undated(db, year=year, municipality=municipality, committee=committee)
    if as_json:
        print_json(res)
        return
    if as_csv:
        print_csv(res["pairs"], _PAIR_CSV)
        return
    if not res["parties"]:
        typer.echo("no roll calls stored under these filters: `namndkoll votes` lists the votes, and a "
                   "roll call is kept where a protocol lists each member's vote")
        return
    for muni in dict.fromkeys(p["municipality"] for p in res["parties"]):
        _matrix(muni, [p for p in res["parties"] if p["municipality"] == muni],
                [r for r in res["pairs"] if r["municipality"] == muni], wide)


def _matrix(muni: str | None, parties: list[dict[str, Any]], pairs: list[dict[str, Any]], wide: bool) -> None:
    """One municipality's parties × parties: the share of their common votes they voted
    together, and each party's cohesion and votes."""
    codes = [p["party"] for p in sorted(parties, key=lambda p: (-p["votes"], p["party"].casefold()))]
    share: dict[tuple[str, str], dict[str, Any]] = {}
    for pair in pairs:
        share[(pair["party_a"], pair["party_b"])] = share[(pair["party_b"], pair["party_a"])] = pair
    rows = []
    for p in sorted(parties, key=lambda p: codes.index(p["party"])):
        row: dict[str, Any] = {"party": p["party"], "votes": p["votes"],
                               "united": "" if p["cohesion"] is None else f"{p['cohesion']:.0%}"}
        for c in codes:
            r = share.get((p["party"], c))
            row[f"with {c}"] = "·" if c == p["party"] else f"{r['share']:.0%}" if r else ""
        rows.append(row)
    cols: list[str | Col] = [Col("party", kind="fixed"), Col("votes", kind="fixed", right=True),
                             Col("united", kind="fixed", right=True)]
    cols += [Col(f"with {c}", header=c, kind="fixed", right=True, keep=4) for c in codes]
    print_table(rows, cols, wide=wide, title=f"{muni or 'municipality not known'}: parties voting alike")


def register(app: typer.Typer) -> None:
    app.command("blocs")(blocs_cmd)
