"""`namndkoll figures | decisions | votes | positions | people | members`: what extraction stored.

A table for people, ``--csv`` for a spreadsheet and ``--json`` for scripts; every row carries
its document, § item, page, quote and a citation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

import typer

from ..display import STANCE_LABELS, format_figure, one_line
from ..errors import NamndkollError
from ._output import (
    Col,
    DbOption,
    JsonOption,
    PartyOption,
    WideOption,
    XlsxOption,
    counted,
    echo,
    fail,
    out_width,
    print_csv,
    print_json,
    print_table,
    say_body_hint,
    say_undated,
    write_xlsx_file,
)

Municipality = Annotated[str | None, typer.Option(help="e.g. Göteborg")]
Committee = Annotated[str | None, typer.Option(help="e.g. Socialnämnden (part of the name is enough)")]
Year = Annotated[int | None, typer.Option(help="Year of the document (meeting date).")]
Party = PartyOption
Limit = Annotated[int | None, typer.Option(help="At most this many rows.", min=1)]
AsCsv = Annotated[bool, typer.Option("--csv", help="Print CSV (one row each, for a spreadsheet).")]
AsXlsx = XlsxOption
Wide = WideOption

_DOC = ["document_id", "source", "title", "municipality", "committee", "doc_type", "date"]
_WHERE = ["item", "page", "start", "end"]
_PLACE: list[str | Col] = ["date", "municipality", "committee", "item", "page"]
_COLUMNS: dict[str, tuple[list[str | Col], list[str]]] = {  # (table columns, csv columns)
    "figures": (_PLACE + ["value", Col("quote", kind="text", keep=7, lines=2, min=18)],
                _DOC + _WHERE + ["kind", "value", "value_to", "unit", "qualifier", "per", "table", "table_index", "table_span",
                                 "bbox", "text", "quote", "citation"]),
    "decisions": (_PLACE + ["status", "body", "quote"],
                  _DOC + _WHERE + ["status", "body", "decision_date", "clauses", "quote", "citation"]),
    # the committee kept at 80 columns beside the municipality: over two municipalities it gave
    # way first, and KS § 114 and BUN § 44 read alike but for the date; the proposition a little
    # narrower for it, the absences (mostly none) the first to go
    "votes": (["date", "municipality", Col("committee", kind="short", keep=7, min=10, max=22, abbr="comm."),
               "item", "page", "yes", "no", "abstain", Col("absent", kind="fixed", keep=5, right=True),
               Col("proposition", kind="text", keep=8, lines=2, min=14)],
              _DOC + _WHERE + ["yes", "no", "abstain", "absent", "proposition", "quote", "citation"]),
    # the kind kept at 80 columns: "reservation" or "yrkande" is what a reader of positions asks;
    # likewise who: the parties of a joint reservation whole ("M, D, L, KD", not "M, KD,…"),
    # before the committee and the municipality; the quote a little narrower for them
    "positions": (_PLACE + [Col("kind", kind="short", keep=7, min=9, max=14),
                            Col("parties", kind="short", keep=7, min=11, max=20), "people",
                            Col("quote", kind="text", keep=7, lines=2, min=18)],
                  _DOC + _WHERE + ["kind", "parties", "people", "quote", "citation"]),
    "people": (_PLACE + ["name", "party", "role"],
               _DOC + _WHERE + ["name", "party", "role", "quote", "citation"]),
}
PositionKind = Literal["reservation", "sarskilt_uttalande", "protokollsanteckning", "yrkande", "motion", "skrivelse"]


def _list(what: str, db: str | None, as_json: bool, as_csv: bool, wide: bool = False,
          xlsx: Path | None = None, **filters: Any) -> None:
    from ..api import extracted

    try:
        rows = extracted(what, db=db, **filters)
    except NamndkollError as exc:
        fail(exc)
    if not rows:
        # --municipality and --committee compare whole names: say which stored body was meant
        say_body_hint(filters.get("municipality"), db, filters.get("committee"))
    if not rows and filters.get("unit"):
        from ..api.reading import unit_hint

        # a unit no stored figure has ("bananer", "mkr" for SEK is understood): say which are
        if hint := unit_hint(filters["unit"], kind=filters.get("kind"), db=db):
            echo(hint, err=True)
    if filters.get("year") is not None:
        # a year filter leaves out the documents whose date was not found: say how many, as
        # search and compare do ("figures --year 2026" left out Alingsås' undated budget frame)
        say_undated(db, year=filters["year"], municipality=filters.get("municipality"),
                    committee=filters.get("committee"))
    table_cols, csv_cols = _COLUMNS[what]
    if filters.get("member"):
        # the member's own vote is what `votes --member` asks: beside the counts, never the
        # column dropped at 80 columns (it was the last column, and the first to go)
        at = next(i for i, c in enumerate(table_cols) if c == "yes")
        table_cols = [*table_cols[:at], Col("member_vote", header="vote", kind="short", keep=9, min=4, max=12),
                      *table_cols[at:]]
    flat = [{**r, "roll_call": _members_cell(r["roll_call"])} if "roll_call" in r else r for r in rows]
    if xlsx is not None:
        write_xlsx_file(xlsx, flat, csv_cols, sheet=what)
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(flat, csv_cols)
    elif xlsx is not None:
        return
    else:
        fitted = out_width(wide) is not None
        print_table([_shown(what, r, fitted) for r in rows], table_cols, title=counted(len(rows), what), wide=wide)
        if what == "votes":
            _print_notes(rows)


def _print_notes(rows: list[dict[str, Any]]) -> None:
    """Under the votes table, each vote whose note says its roll call and its stated result
    disagree: the table's counts alone would read as settled (the note was in --json and
    --csv only)."""
    for r in rows:
        if r.get("note"):
            where = " ".join(str(x) for x in (r.get("date"), r.get("committee"), r.get("item")) if x)
            echo(f"note, {one_line(where)}: {one_line(r['note'])}")


def _shown(what: str, row: dict[str, Any], fitted: bool) -> dict[str, Any]:
    """A row as the table shows it: figures as a Swedish reader writes them, the figure's own
    words at the start of its quote, a decision's body only when it is not the committee."""
    if what == "figures":
        return {**row, "value": format_figure(row), "quote": _around(row.get("quote") or row.get("text") or "",
                                                                      row.get("text") or "", fitted)}
    if what == "positions":
        return {**row, "kind": STANCE_LABELS.get(row.get("kind") or "", row.get("kind"))}
    if what == "decisions" and (row.get("body") or "") == (row.get("committee") or ""):
        return {**row, "body": None}
    return row


def _around(quote: str, words: str, fitted: bool, lead: int = 2) -> str:
    """``quote`` begun ``lead`` words before ``words`` when the table is cut to the terminal,
    so that the figure as written ("1 550 t kr") is in the part that shows."""
    quote, words = one_line(quote), one_line(words)
    at = quote.find(words) if words else -1
    if at < 0 and words and quote and words.startswith(quote):
        return words  # a table cell: its quote is its row and column label, which its words begin with
    if at < 0:
        return f"{words}: {quote}" if words and fitted else quote
    if not fitted:
        return quote
    # no-break spaces inside the figure's words: the cell is wrapped, "1 550 t kr" stays whole
    quote = quote[:at] + words.replace(" ", "\u00a0") + quote[at + len(words):]
    before = quote[:at].split(" ")
    if len(before) <= lead + 1:
        return quote
    return "…" + " ".join(before[-lead - 1:]) + quote[at:]


def figures_cmd(
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, year: Year = None,
    kind: Annotated[Literal["amount", "count", "percent", "measure"] | None,
               typer.Option(help="amount, count, percent or measure (km, m², ha, ton, MWh …)")] = None,
    unit: Annotated[str | None, typer.Option(
        help="SEK, EUR (euro), %, the counted noun (plats, tjänst, hushåll ...) or a measure's unit (km, m², ha ...)")] = None,
    limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
    xlsx: AsXlsx = None,
) -> None:
    """List the figures found in stored documents: amounts (SEK), counts, percentages, measures.

    Example: namndkoll figures --kind amount --committee Socialnämnden --year 2021 --csv > belopp.csv
    """
    _list("figures", db, as_json, as_csv, wide, xlsx, municipality=municipality, committee=committee, year=year,
          kind=kind, unit=unit, limit=limit)


def decisions_cmd(
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, year: Year = None,
    kind: Annotated[Literal["decided", "proposed"] | None, typer.Option(help="decided or proposed")] = None,
    limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
    xlsx: AsXlsx = None,
) -> None:
    """List decisions (and proposed decisions) with body, date, § item and att-clauses.

    Example: namndkoll decisions --committee Kommunfullmäktige --year 2024 --json
    """
    _list("decisions", db, as_json, as_csv, wide, xlsx, municipality=municipality, committee=committee, year=year,
          kind=kind, limit=limit)


def votes_cmd(
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, year: Year = None,
    member: Annotated[str | None, typer.Option(
        help="Only the votes whose roll call lists this member (whole name, any case, with or without å ä ö), with their vote.")] = None,
    limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
    xlsx: AsXlsx = None,
) -> None:
    """List votes (omröstningar): Ja, Nej, Avstår, frånvarande and the proposition.

    Where the protocol lists each member's vote (a voteringslista, an omröstningsbilaga),
    --json gives each vote a roll_call list of {name, party, vote} (vote: ja, nej, avstar or
    franvarande) and --csv a roll_call column; a note says when the members' votes do not add
    up to the stated result.

    Example: namndkoll votes --municipality Göteborg --year 2023 --csv
    Example: namndkoll votes --member "Aslan Akbas" --json
    """
    if member:
        from ..api import check_member
        from ..api.reading import member_as_stored

        try:
            member = member_as_stored(db, member)  # "Asa Hartzell" is Åsa Hartzell, as other filters fold
            check_member(db, member)
        except NamndkollError as exc:
            fail(exc)
    _list("votes", db, as_json, as_csv, wide, xlsx, municipality=municipality, committee=committee, year=year,
          member=member, limit=limit)


def positions_cmd(
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, year: Year = None,
    party: Party = None,
    kind: Annotated[PositionKind | None, typer.Option(
        help="reservation, sarskilt_uttalande, protokollsanteckning, yrkande, motion or skrivelse")] = None,
    limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
    xlsx: AsXlsx = None,
) -> None:
    """List party positions (reservations, yrkanden, särskilda uttalanden, party documents ...).

    Each with the parties and people behind it: reservations, särskilda uttalanden,
    protokollsanteckningar, yrkanden, motions and skrivelser written by a party.

    Example: namndkoll positions --party SD --kind reservation --year 2024
    """
    _list("positions", db, as_json, as_csv, wide, xlsx, municipality=municipality, committee=committee, year=year,
          party=party, kind=kind, limit=limit)


def people_cmd(
    db: DbOption = None, municipality: Municipality = None, committee: Committee = None, year: Year = None,
    party: Party = None, limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False,
    wide: Wide = False, xlsx: AsXlsx = None,
) -> None:
    """List the people named in stored documents with their party and role.

    Example: namndkoll people --party MP --committee Kommunfullmäktige --csv
    """
    _list("people", db, as_json, as_csv, wide, xlsx, municipality=municipality, committee=committee, year=year,
          party=party, limit=limit)


# ---- roll calls (issue 8) -----------------------------------------------------------------

_COLUMNS["votes"][1].extend(["note", "roll_call", "member_vote"])
# what the vote was about: its § title, as --json gives it (a sheet of votes said "§ 2" and a
# proposition only; walk 23), before item_number so that every other column keeps its place
_COLUMNS["votes"][1].append("item_title")
# the § as search, compare and case entries give it ("44"; `item` is "§ 44"): the key to join on,
# last so that a sheet reading the columns by position still finds the others where they were
for _table, _csv_cols in _COLUMNS.values():
    _csv_cols.append("item_number")


def _members_cell(entries: list[dict[str, Any]]) -> str:
    """A roll call in one CSV cell: "Aslan Akbas (S) ja; Emma Altenhammar (SD) nej"."""
    return "; ".join(f"{e['name']} ({e['party'] or '?'}) {e['vote']}" for e in entries)


# the table: "with party" as "k of n" (n: the votes compared) and its share, kept at 80 columns
# before the municipality; a bare count there read "0" for a member whose party had no one
# else in the vote (nothing compared) and dropped the share, the answer a reader asks for.
# Likewise ja / nej / avstår, before the count of votes (their sum with the absences).
_MEMBER_COLUMNS: tuple[list[str | Col], list[str]] = (
    ["name", "party", "municipality", Col("votes", kind="fixed", keep=4, right=True),
     *(Col(k, kind="fixed", keep=8, right=True) for k in ("ja", "nej", "avstar")), "absent",
     Col("with_party", "with party", "fixed", keep=8, right=True),
     Col("with_party_share", "share", "fixed", keep=8, right=True)],
    ["name", "party", "municipality", "committees", "votes", "ja", "nej", "avstar", "absent",
     "with_party", "against_party", "compared", "with_party_share", "first_date", "last_date",
     "also_written"])


def members_cmd(
    db: DbOption = None, party: Party = None, committee: Committee = None, municipality: Municipality = None,
    year: Year = None,
    member: Annotated[str | None, typer.Option(help="Only this member (whole name, any case, with or without å ä ö).")] = None,
    limit: Limit = None, as_json: JsonOption = False, as_csv: AsCsv = False, wide: Wide = False,
    xlsx: AsXlsx = None,
) -> None:
    """List the members of the stored roll calls and how often each voted with their party.

    Per member: the votes their name is listed in, ja / nej / avstår, absences, and how often
    they voted with the majority of the *other* members of their party in the same vote (their
    own vote left out; a vote where no other party member voted, or the others split evenly, is
    not counted). --party picks the members shown, not the votes.

    Example: namndkoll members --party S --committee Kommunfullmäktige --csv
    """
    from ..api import members

    try:
        rows = members(db=db, party=party, committee=committee, municipality=municipality, year=year,
                       member=member, limit=limit)
    except NamndkollError as exc:
        fail(exc)
    if not rows:
        say_body_hint(municipality, db, committee)
        if party is None and member is None:
            _say_votes_without_lists(db, committee=committee, municipality=municipality, year=year)
    if year is not None:
        say_undated(db, year=year, municipality=municipality, committee=committee)
    table_cols, csv_cols = _MEMBER_COLUMNS
    if xlsx is not None:
        write_xlsx_file(xlsx, rows, csv_cols, sheet="members")
        if not as_json and not as_csv:
            return
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, csv_cols)
    else:  # the share as a percentage, as `blocs` shows it ("0.5" read as a count)
        shown = [{**r, "with_party": f"{r['with_party']} of {r['compared']}" if r.get("compared") else "–",
                  "with_party_share": "" if r.get("with_party_share") is None
                  else f"{r['with_party_share']:.0%}"} for r in rows]
        print_table(shown, table_cols, title=counted(len(rows), "members"), wide=wide)


def _say_votes_without_lists(db: str | None, *, committee: str | None, municipality: str | None,
                             year: int | None) -> None:
    """No member where the filters hold votes: that none of those protocols lists each
    member's vote (Göteborg KF 2023 gives only "Hur var och en röstar framgår av bilaga 2"),
    not that nobody voted."""
    from ..api import votes

    try:
        n = len(votes(db=db, committee=committee, municipality=municipality, year=year))
    except NamndkollError:
        return
    if n:
        echo(f"{counted(n, 'votes')} stored under these filters, none with each member's vote listed: "
             "`namndkoll votes` shows their results; a roll call is kept where a protocol lists each "
             "member's vote", err=True)


def register(app: typer.Typer) -> None:
    app.command("figures")(figures_cmd)
    app.command("decisions")(decisions_cmd)
    app.command("votes")(votes_cmd)
    app.command("positions")(positions_cmd)
    app.command("people")(people_cmd)
    app.command("members")(members_cmd)
