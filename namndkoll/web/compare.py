"""`/compare`: the positions matrix (items × parties) on a topic; `/cases/{dnr}`: a case followed
by its diarienummer through every body, as a timeline. Both also as JSON under /api."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from .common import (
    Filters,
    Text,
    YearFrom,
    YearTo,
    blank,
    config,
    jsonable,
    render,
    with_filters,
    year_range,
)

router = APIRouter()

By = Annotated[str, Query(pattern="^(party|committee|year)$")]
Dnr = Annotated[str, Path(min_length=1, max_length=80)]


# the filters of the compare page and its /api twin (``with_filters``), in the schema's order
FILTERS = {"municipality": Text, "committee": Text, "party": Text, "year_from": YearFrom, "year_to": YearTo}


def _filters(request: Request, filters: Filters) -> dict[str, Any]:
    """The form's fields as ``api.compare_matrix`` and ``api.compare_rows`` take them; a year
    range that runs backwards is an error. ``party``: only the §§ where that party took a stance
    (as `compare --party`), every party's cells beside it."""
    first, last = year_range(filters["year_from"], filters["year_to"])
    cfg = config(request)
    return {"db": cfg.db, "embedder": cfg.embedder, "municipality": blank(filters["municipality"]),
            "committee": blank(filters["committee"]), "party": blank(filters["party"]), "year_from": first,
            "year_to": last}


def compare_html(
    request: Request,
    topic: Annotated[str, Query(max_length=300)] = "",
    by: By = "party",
    *,
    filters: Filters,
) -> Response:
    m = api.compare_matrix(topic, by=by, **_filters(request, filters)) if topic.strip() else None
    args = {"municipality": filters["municipality"] or "", "committee": filters["committee"] or "",
            "party": filters["party"] or "", "from": filters["year_from"] or "", "to": filters["year_to"] or ""}
    return render(request, "compare.html", {"m": m, "topic": topic, "by": by, "args": args})


def compare_api(
    request: Request,
    topic: Annotated[str, Query(min_length=1, max_length=300)],
    by: By = "party",
    *,
    filters: Filters,
    format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json",
) -> Response:
    """En rad per §-ärende, en kolumn per parti; varje cell vad partiet gjorde där (reservation,
    yrkande, omröstning, anteckning …) med sida och citat. `format=csv|xlsx`: en rad per
    ståndpunkt för kalkylblad, som `namndkoll compare --csv`."""
    if format != "json":
        from ..search.compare import COMPARISON_COLUMNS
        from .tables import download

        rows = api.compare_rows(topic, by=by, **_filters(request, filters))
        return download("jamforelse", "Jämförelse", [(c, c) for c in COMPARISON_COLUMNS], rows, format)
    return JSONResponse(jsonable(api.compare_matrix(topic, by=by, **_filters(request, filters))))


router.add_api_route("/compare", with_filters(FILTERS, compare_html), methods=["GET"], include_in_schema=False)
router.add_api_route("/api/compare", with_filters(FILTERS, compare_api), methods=["GET"], tags=["sök"],
                     summary="Ståndpunkter i ett ämne: ärenden × partier")


@router.get("/cases/{dnr:path}", include_in_schema=False)
def case_html(request: Request, dnr: Dnr) -> Response:
    return render(request, "case.html", {"case": api.case_view(dnr, db=config(request).db)})


@router.get("/api/cases/{dnr:path}", tags=["dokument"], summary="Ett ärende genom alla organ")
def case_api(request: Request, dnr: Dnr) -> JSONResponse:
    """Varje dokument och §-ärende som nämner diarienumret, äldst först, med beslut och omröstningar."""
    return JSONResponse(jsonable(api.case_view(dnr, db=config(request).db)))
