"""`/compare`: the positions matrix (items × parties) on a topic; `/cases/{dnr}`: a case followed
by its diarienummer through every body, as a timeline. Both also as JSON under /api."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from .common import Text, YearFrom, YearTo, blank, config, jsonable, render, year_range

router = APIRouter()

By = Annotated[str, Query(pattern="^(party|committee|year)$")]
Dnr = Annotated[str, Path(min_length=1, max_length=80)]


def _filters(request: Request, municipality: str | None, committee: str | None, year_from: str | None,
             year_to: str | None, party: str | None = None) -> dict[str, Any]:
    """The form's fields as ``api.compare_matrix`` and ``api.compare_rows`` take them; a year
    range that runs backwards is an error. ``party``: only the §§ where that party took a stance
    (as `compare --party`), every party's cells beside it."""
    first, last = year_range(year_from, year_to)
    cfg = config(request)
    return {"db": cfg.db, "embedder": cfg.embedder, "municipality": blank(municipality),
            "committee": blank(committee), "party": blank(party), "year_from": first, "year_to": last}


def _matrix(
    request: Request,
    topic: str,
    by: str,
    municipality: str | None,
    committee: str | None,
    year_from: str | None,
    year_to: str | None,
    party: str | None = None,
) -> api.CompareMatrix:
    return api.compare_matrix(topic, by=by, **_filters(request, municipality, committee, year_from, year_to, party))


@router.get("/compare", include_in_schema=False)
def compare_html(
    request: Request,
    topic: Annotated[str, Query(max_length=300)] = "",
    by: By = "party",
    municipality: Text = None,
    committee: Text = None,
    party: Text = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
) -> Response:
    m = (
        _matrix(request, topic, by, municipality, committee, year_from, year_to, party)
        if topic.strip()
        else None
    )
    return render(
        request,
        "compare.html",
        {
            "m": m,
            "topic": topic,
            "by": by,
            "args": {
                "municipality": municipality or "",
                "committee": committee or "",
                "party": party or "",
                "from": year_from or "",
                "to": year_to or "",
            },
        },
    )


@router.get("/api/compare", tags=["sök"], summary="Ståndpunkter i ett ämne: ärenden × partier")
def compare_api(
    request: Request,
    topic: Annotated[str, Query(min_length=1, max_length=300)],
    by: By = "party",
    municipality: Text = None,
    committee: Text = None,
    party: Text = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    format: Annotated[str, Query(pattern="^(json|csv|xlsx)$")] = "json",
) -> Response:
    """En rad per §-ärende, en kolumn per parti; varje cell vad partiet gjorde där (reservation,
    yrkande, omröstning, anteckning …) med sida och citat. `format=csv|xlsx`: en rad per
    ståndpunkt för kalkylblad, som `namndkoll compare --csv`."""
    if format != "json":
        from ..search.compare import COMPARISON_COLUMNS
        from .tables import download

        rows = api.compare_rows(topic, by=by, **_filters(request, municipality, committee, year_from, year_to, party))
        return download("jamforelse", "Jämförelse", [(c, c) for c in COMPARISON_COLUMNS], rows, format)
    return JSONResponse(
        jsonable(_matrix(request, topic, by, municipality, committee, year_from, year_to, party))
    )


@router.get("/cases/{dnr:path}", include_in_schema=False)
def case_html(request: Request, dnr: Dnr) -> Response:
    return render(request, "case.html", {"case": api.case_view(dnr, db=config(request).db)})


@router.get("/api/cases/{dnr:path}", tags=["dokument"], summary="Ett ärende genom alla organ")
def case_api(request: Request, dnr: Dnr) -> JSONResponse:
    """Varje dokument och §-ärende som nämner diarienumret, äldst först, med beslut och omröstningar."""
    return JSONResponse(jsonable(api.case_view(dnr, db=config(request).db)))
