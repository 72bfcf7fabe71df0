"""`/` and `/search`: hybrid search with facets; `/api/search` the same as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from ..api.reading import document_json, item_number, ocr_read_pages
from ..display import copy_label
from .common import (
    Filters,
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
    with_filters,
    year_range,
)
from .export import csv_bytes

router = APIRouter()

Q = Annotated[str, Query(max_length=500, description="Vad du letar efter, på svenska")]


# the filters of the search page and /api/search (``with_filters``); a year range is typed as
# ``from`` and ``to`` (the types' aliases)
FILTERS = {"municipality": Text, "committee": Text, "party": Text, "type": Text, "year_from": YearFrom,
           "year_to": YearTo}


def _search(request: Request, q: str, filters: Filters, limit: int) -> api.SearchPage:
    first, last = year_range(filters["year_from"], filters["year_to"])
    cfg = config(request)
    return api.search_page(
        q,
        db=cfg.db,
        embedder=cfg.embedder,
        municipality=blank(filters["municipality"]),
        committee=blank(filters["committee"]),
        party=party_param(filters["party"]),
        doc_type=type_param(filters["type"]),
        year_from=first,
        year_to=last,
        limit=limit,
    )


def search_html(
    request: Request,
    q: Q = "",
    *,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=50)] = 20,
) -> Response:
    res = _search(request, q, filters, limit=limit)
    # the filters given, by the names the page's links write ("from", "to")
    active = {k.removeprefix("year_"): v for k, v in filters.items() if blank(v)}
    # a hit quoting a page Tesseract read says so, as `namndkoll search` does: check it on the page
    ocr = ocr_read_pages(res.hits, db=config(request).db)
    return render(request, "search.html", {"res": res, "q": q, "active": active, "ocr": ocr})


router.add_api_route("/search", with_filters(FILTERS, search_html), methods=["GET"], include_in_schema=False)
router.add_api_route("/", with_filters(FILTERS, search_html), methods=["GET"], include_in_schema=False)


def hit_json(h: Any, parties: tuple[str, ...] = (), box: tuple[float, ...] | None = None) -> dict[str, Any]:
    md = h.metadata
    return {
        "chunk_id": h.chunk_id,
        # document_id and item_number flat, as every list gives them: the keys a script joins on
        "document_id": h.document_id,
        "document": {"id": h.document_id, **document_json(jsonable(md))},
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


def search_api(
    request: Request,
    q: Q,
    *,
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Response:
    """De bästa passagerna för frågan (betydelse + svenska nyckelord), med citat, sida och
    facetter (kommun, nämnd, typ, år, parti). Tom lista när inget passar bra."""
    res = _search(request, q, filters, limit=limit)
    # the passage's pages that Tesseract read, as `search --json` gives them: check the quote on the page
    ocr = ocr_read_pages(res.hits, db=config(request).db)
    hits = [{**hit_json(h, res.parties.get(h.chunk_id, ()), res.boxes.get(h.chunk_id)),
             "ocr_pages": list(ocr.get(h.chunk_id, ()))} for h in res.hits]
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
                "ocr_pages": " ".join(map(str, h["ocr_pages"])),
            }
            for i, h in enumerate(hits, 1)
        ]
        # confidence: a weak hit (shown apart on the page) must not read as a sure one in a sheet;
        # the columns of `namndkoll search --csv`: ocr_pages (the pages Tesseract read, "2 3")
        # before item_number, which stays last
        cols = ["rank", "score", "confidence", "citation", "title", "date", "item", "page", "page_end",
                "document_id", "source", "text", "also_in", "ocr_pages", "item_number"]
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


router.add_api_route("/api/search", with_filters(FILTERS, search_api), methods=["GET"], tags=["sök"],
                     summary="Hybrid sökning med facetter")
