"""`/` and `/search`: hybrid search with facets; `/api/search` the same as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from ..api.reading import item_number
from ..display import copy_label
from .common import (
    Text,
    YearFrom,
    YearTo,
    blank,
    config,
    file_name,
    image_url,
    jsonable,
    page_url,
    party_param,
    render,
    type_param,
    year_range,
)
from .export import csv_bytes

router = APIRouter()

Q = Annotated[str, Query(max_length=500, description="Vad du letar efter, på svenska")]


def _search(
    request: Request,
    q: str,
    municipality: str | None,
    committee: str | None,
    party: str | None,
    doc_type: str | None,
    year_from: str | None,
    year_to: str | None,
    limit: int,
) -> api.SearchPage:
    first, last = year_range(year_from, year_to)
    cfg = config(request)
    return api.search_page(
        q,
        db=cfg.db,
        embedder=cfg.embedder,
        municipality=blank(municipality),
        committee=blank(committee),
        party=party_param(party),
        doc_type=type_param(doc_type),
        year_from=first,
        year_to=last,
        limit=limit,
    )


@router.get("/", include_in_schema=False)
@router.get("/search", include_in_schema=False)
def search_html(
    request: Request,
    q: Q = "",
    municipality: Text = None,
    committee: Text = None,
    party: Text = None,
    type: Text = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> Response:
    res = _search(request, q, municipality, committee, party, type, year_from, year_to, limit=limit)
    active = {
        k: v
        for k, v in (
            ("municipality", municipality),
            ("committee", committee),
            ("party", party),
            ("type", type),
            ("from", year_from),
            ("to", year_to),
        )
        if blank(v)
    }
    return render(request, "search.html", {"res": res, "q": q, "active": active})


def hit_json(h: Any, parties: tuple[str, ...] = (), box: tuple[float, ...] | None = None) -> dict[str, Any]:
    md = h.metadata
    return {
        "chunk_id": h.chunk_id,
        # document_id and item_number flat, as every list gives them: the keys a script joins on
        "document_id": h.document_id,
        "document": {"id": h.document_id, **jsonable(md)},
        "source": file_name(h.source),
        "item": h.item,
        "item_number": item_number(h.item),
        "section": h.section,
        "page": h.page,
        "page_end": h.page_end,
        "start": h.start,
        "end": h.end,
        "text": h.text,
        "score": h.score,
        "confidence": getattr(h, "confidence", None),
        "citation": h.citation,
        "highlights": [list(s) for s in h.highlights],
        "also_in": [{"chunk_id": c.chunk_id, "document_id": c.document_id, "source": file_name(c.source), "page": c.page,
                     "citation": c.citation, "label": copy_label(h.citation, c.citation, c.source, "fil"),
                     "url": page_url(c.document_id, c.page)} for c in h.also_in],
        "parties": list(parties),
        # a table row's passage has no span in the page text: its row's box on the page instead
        "box": [round(x) for x in box] if box else None,
        "url": page_url(h.document_id, h.page, h.start, h.end, box),
        "image": image_url(h.document_id, h.page, h.start, h.end, box=box),
    }


@router.get("/api/search", tags=["sök"], summary="Hybrid sökning med facetter")
def search_api(
    request: Request,
    q: Q,
    municipality: Text = None,
    committee: Text = None,
    party: Text = None,
    type: Text = None,
    year_from: YearFrom = None,
    year_to: YearTo = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Response:
    """De bästa passagerna för frågan (betydelse + svenska nyckelord), med citat, sida och
    facetter (kommun, nämnd, typ, år, parti). Tom lista när inget passar bra."""
    res = _search(request, q, municipality, committee, party, type, year_from, year_to, limit=limit)
    hits = [hit_json(h, res.parties.get(h.chunk_id, ()), res.boxes.get(h.chunk_id)) for h in res.hits]
    if format == "csv":
        # where else the same text stands, as `search --csv` writes it: a hit of a § whose
        # protokollsutdrag says the same words names the other file in the sheet too
        also = {h.chunk_id: " | ".join(copy_label(h.citation, c.citation, c.source) for c in h.also_in)
                for h in res.hits}
        rows = [
            {
                **h,
                "also_in": also.get(h["chunk_id"], ""),
                "rank": i,
                "title": h["document"]["title"],
                "date": h["document"]["date"],
                "text": " ".join(h["text"].split()),
                "document_id": h["document"]["id"],
            }
            for i, h in enumerate(hits, 1)
        ]
        # confidence: a weak hit (shown apart on the page) must not read as a sure one in a sheet;
        # the columns of `namndkoll search --csv`
        cols = ["rank", "score", "confidence", "citation", "title", "date", "item", "page", "page_end",
                "document_id", "source", "text", "also_in", "item_number"]
        return Response(
            csv_bytes(rows, cols),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="sokning.csv"'},
        )
    return JSONResponse(
        {
            "query": q,
            "total": res.total,
            "hits": hits,
            "facets": {
                k: [{"value": v, "count": n} for v, n in vals] for k, vals in res.facets.items()
            },
            "model": res.model,
        }
    )
