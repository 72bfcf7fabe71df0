"""`/figures`, `/decisions`, `/positions`, `/people`: what extraction stored, with the CLI's
filters, each row linked to its page; `?format=csv|xlsx` downloads all of it, and
`/api/<table>` gives the rows as JSON (or CSV). Votes, with their roll calls, have pages of
their own (web/votes.py) that download through ``download`` here."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from ..api.reading import other_units, undated_count, unit_hint, year_spans, years_missed
from .common import (
    Filters,
    Limit,
    ShortText,
    YearQ,
    blank,
    config,
    named,
    party_param,
    render,
    with_filters,
    year_param,
)
from .export import csv_bytes, xlsx_bytes

router = APIRouter()

SHOWN = 500  # rows on a page; the downloads hold all
DOC_COLUMNS = [
    ("date", "datum"),
    ("municipality", "kommun"),
    ("committee", "nämnd"),
    ("item", "§"),
    ("page", "sida"),
]
TAIL_COLUMNS = [
    ("citation", "källa"),
    ("title", "dokument"),
    ("document_id", "dokument-id"),
    ("start", "start"),
    ("end", "slut"),
    ("source", "fil"),
    # the § as search, compare and case entries give it ("44"; "§" is "§ 44"): the key to join on
    ("item_number", "item_number"),
]
TABLES: dict[str, dict[str, Any]] = {
    "figures": {
        "title": "Siffror",
        "ref": "f",
        "filters": ("kind", "unit"),
        "columns": DOC_COLUMNS
        + [
            ("kind", "slag"),
            ("value", "värde"),
            ("value_to", "till (intervall)"),
            ("unit", "enhet"),
            ("qualifier", "förbehåll"),
            ("per", "per"),
            ("text", "text"),
            ("quote", "mening"),
        ],
    },
    "decisions": {
        "title": "Beslut",
        "ref": "d",
        "filters": ("kind",),
        "columns": DOC_COLUMNS
        + [
            ("status", "status"),
            ("body", "organ"),
            ("decision_date", "beslutsdatum"),
            ("clauses", "att-satser"),
            ("quote", "citat"),
        ],
    },
    "positions": {
        "title": "Ståndpunkter",
        "ref": "p",
        "filters": ("party", "kind"),
        "columns": DOC_COLUMNS
        + [("kind", "slag"), ("parties", "partier"), ("people", "personer"), ("quote", "citat")],
    },
    "people": {
        "title": "Personer",
        "ref": None,
        "filters": ("party",),
        "columns": DOC_COLUMNS
        + [("name", "namn"), ("party", "parti"), ("role", "roll"), ("quote", "rad")],
    },
}
KIND_CHOICES = {
    "figures": ["amount", "count", "percent", "measure"],
    "decisions": ["decided", "proposed"],
    "positions": [
        "reservation",
        "sarskilt_uttalande",
        "protokollsanteckning",
        "yrkande",
        "motion",
        "skrivelse",
    ],
}


def _rows(request: Request, what: str, limit: int | None, **raw: Any) -> list[dict[str, Any]]:
    filters = {
        k: blank(v)
        for k, v in raw.items()
        if k in ("municipality", "committee") or k in TABLES[what]["filters"]
    }
    if filters.get("party"):
        filters["party"] = party_param(filters["party"])  # "Socialdemokraterna" is S
    return api.extracted(
        what, db=config(request).db, year=year_param(raw.get("year")), limit=limit, **filters
    )


def _download(what: str, rows: list[dict[str, Any]], fmt: str) -> Response:
    return download(what, TABLES[what]["title"], TABLES[what]["columns"] + TAIL_COLUMNS, rows, fmt)


def download(name: str, title: str, columns: list[tuple[str, str]], rows: list[dict[str, Any]],
             fmt: str) -> Response:
    """``rows`` as ``name``.csv or ``name``.xlsx (sheet ``title``), ``columns`` as (key, header)."""
    cols = [c for c, _ in columns]
    heads = [h for _, h in columns]
    rows = named(rows)  # "fil": the PDF's name, not where the server keeps it
    if fmt == "xlsx":
        return Response(
            xlsx_bytes(rows, cols, heads, sheet=title),
            media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={"Content-Disposition": f'attachment; filename="{name}.xlsx"'},
        )
    return Response(
        csv_bytes(rows, cols, heads),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )


# the query parameters that filter every table's page and API route (``with_filters``), in the
# order the API's schema lists them (a table without the column refuses or ignores one:
# TABLES[...]["filters"])
FILTERS: dict[str, Any] = {
    "municipality": ShortText,
    "committee": ShortText,
    "year": YearQ,
    "party": ShortText,
    "kind": ShortText,
    "unit": ShortText,
}


def _page(what: str) -> Any:
    def page(
        request: Request,
        filters: Filters,
        format: Annotated[str, Query(pattern="^(html|csv|xlsx)$")] = "html",
    ) -> Response:
        rows = _rows(request, what, None if format != "html" else SHOWN + 1, **filters)
        if format != "html":
            return _download(what, rows, format)
        # a unit no stored figure has ("bananer"): which units there are, not only "no figures"
        typed = blank(filters["unit"]) if what == "figures" and not rows else None
        units = other_units(typed, kind=blank(filters["kind"]), db=config(request).db) if typed else None
        # a year filter leaves out the documents whose date was not found: say how many
        year = year_param(filters["year"])
        undated = (undated_count(db=config(request).db, municipality=blank(filters["municipality"]),
                                 committee=blank(filters["committee"])) if year is not None else 0)
        # a year no stored document is from: which years there are, not only "no rows"
        missed = years_missed(db=config(request).db, year=year) if not rows else None
        return render(
            request,
            "table.html",
            {
                "what": what,
                "spec": TABLES[what],
                "rows": rows[:SHOWN],
                "more": len(rows) > SHOWN,
                "args": {k: v or "" for k, v in filters.items()},
                "kinds": KIND_CHOICES.get(what, []),
                "units": units,
                "undated": undated,
                "stored_years": year_spans(missed) if missed else ("–" if missed is not None else None),
            },
        )

    page.__name__ = f"{what}_html"
    return with_filters(FILTERS, page)


def _filter_hint(db: Any, municipality: str | None, committee: str | None, year: str | None) -> str | None:
    """Why a list under these filters is empty, when a filter names a year, municipality or
    committee no stored document has (``api.reading``'s hints); None otherwise."""
    from ..api.reading import body_hint, committee_hint, year_hint

    return (year_hint(db=db, year=year_param(year))
            or (body_hint(m, db=db) if (m := blank(municipality)) else None)
            or (committee_hint(c, db=db) if (c := blank(committee)) else None))


def _api(what: str) -> Any:
    def endpoint(
        request: Request,
        filters: Filters,
        limit: Limit = None,
        format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json",
    ) -> Response:
        # one endpoint per table, the same parameters on each: a filter this table has no column
        # for (/api/figures?party=S) is refused, not answered with every row as if filtered
        ignored = sorted(k for k in ("party", "kind", "unit")
                         if blank(filters[k]) and k not in TABLES[what]["filters"])
        if ignored:
            reads = ", ".join(["municipality", "committee", "year", *TABLES[what]["filters"]])
            raise HTTPException(422, f"/api/{what} filtrerar inte på {', '.join(ignored)}: den tar {reads}")
        rows = _rows(request, what, limit, **filters)
        response = _download(what, rows, format) if format != "json" else JSONResponse(named(rows))
        # a unit no stored figure has ("bananer"): the answer stays a plain list, and a header
        # says which units are stored (a unit's letters outside ASCII percent-encoded: "m%C2%B2")
        typed = blank(filters["unit"]) if what == "figures" and not rows else None
        hint = unit_hint(typed, kind=blank(filters["kind"]), db=config(request).db) if typed else None
        if not rows and not hint:
            # an empty list under a year, municipality or committee no stored document has: say
            # which are stored, as the CLI does on stderr
            hint = _filter_hint(config(request).db, filters["municipality"], filters["committee"],
                                filters["year"])
        if hint:
            response.headers["X-Namndkoll-Hint"] = "".join(
                c if c.isascii() and c.isprintable() else quote(c) for c in hint)
        return response

    endpoint.__name__ = f"{what}_api"
    endpoint.__doc__ = (
        f"{TABLES[what]['title']} med dokument, §, sida, citat och källa. Filter som i "
        f"`namndkoll {what}`; `format=csv|xlsx` för kalkylblad."
        + (" En enhet som ingen lagrad siffra har ger en tom lista och rubriken `X-Namndkoll-Hint` med de "
           "lagrade enheterna." if what == "figures" else "")
    )
    return with_filters(FILTERS, endpoint)


for _what in TABLES:
    router.add_api_route(f"/{_what}", _page(_what), methods=["GET"], include_in_schema=False)
    router.add_api_route(
        f"/api/{_what}",
        _api(_what),
        methods=["GET"],
        tags=["tabeller"],
        summary=TABLES[_what]["title"],
    )
