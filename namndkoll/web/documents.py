"""Documents: the list, one document at a page (image with the passage boxed, clean text,
§ navigation, metadata), page images and the original PDF — always by document id, so no
path from a request ever reaches the file system."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response

from .. import api
from ..corpus.store import StoredDocument
from .common import (
    TYPE_NAMES,
    Filters,
    Text,
    YearQ,
    blank,
    box_param,
    config,
    jsonable,
    render,
    span_param,
    type_param,
    with_filters,
    year_param,
)

router = APIRouter()

DocId = Annotated[int, Path(ge=1, le=2**62)]


def _documents(request: Request, filters: Filters) -> list[StoredDocument]:
    return api.documents(
        db=config(request).db,
        municipality=blank(filters["municipality"]),
        committee=blank(filters["committee"]),
        doc_type=type_param(filters["type"]),
        year=year_param(filters["year"]),
        dnr=blank(filters["dnr"]),
    )


# the filters of the documents' page and its /api twin (``with_filters``)
FILTERS = {"municipality": Text, "committee": Text, "type": Text, "year": YearQ, "dnr": Text}


def documents_html(request: Request, filters: Filters) -> Response:
    docs = _documents(request, filters)
    args = {k: filters[k] or "" for k in ("municipality", "committee", "type", "year")}
    return render(request, "documents.html",
                  {"docs": docs, "dnr": filters["dnr"] or "", "args": args, "type_names": TYPE_NAMES})


def documents_api(request: Request, filters: Filters) -> JSONResponse:
    """Dokument som matchar alla filter; `dnr` följer ett ärende via diarienummer."""
    docs = _documents(request, filters)
    # document_id as every other list gives it (id kept: the page's own links use it)
    return JSONResponse([{"document_id": d.id, **jsonable(d), "url": f"/documents/{d.id}"} for d in docs])


router.add_api_route("/documents", with_filters(FILTERS, documents_html), methods=["GET"], include_in_schema=False)
router.add_api_route("/api/documents", with_filters(FILTERS, documents_api), methods=["GET"], tags=["dokument"],
                     summary="Lagrade dokument")


@router.get("/documents/{document_id}", include_in_schema=False)
def document_html(
    request: Request,
    document_id: DocId,
    page: Annotated[int | None, Query(ge=1)] = None,
    item: Annotated[str | None, Query(max_length=20)] = None,
    hl: Annotated[str | None, Query(max_length=30)] = None,
    box: Annotated[str | None, Query(max_length=30)] = None,
) -> Response:
    view = api.document_view(
        document_id, db=config(request).db, page=page, item=item, highlight=span_param(hl),
        box=box_param(box),
    )
    return render(request, "document.html", {"v": view, "hl": hl})


@router.get(
    "/api/documents/{document_id}", tags=["dokument"], summary="Ett dokument med sidor och ärenden"
)
def document_api(request: Request, document_id: DocId) -> JSONResponse:
    """Metadata, sidornas rena text och § -ärenden med avsnitt; sidbilder under `pages/{n}.png`."""
    view = api.document_view(document_id, db=config(request).db)
    doc = view.document
    return JSONResponse(
        {
            **jsonable(view.stored),
            "pages": [
                {
                    "number": p.number,
                    "start": p.start,
                    "text": p.text,
                    "ocr": p.ocr,
                    "image": f"/documents/{document_id}/pages/{p.number}.png",
                }
                for p in doc.pages
            ],
            "items": jsonable(doc.items),
            "original": view.original,
            "download": f"/documents/{document_id}/original.pdf" if view.original else None,
        }
    )


@router.get(
    "/documents/{document_id}/pages/{number}.png",
    tags=["dokument"],
    summary="En renderad sida",
    response_class=Response,
    responses={200: {"content": {"image/png": {}}}},
)
def page_png(
    request: Request,
    document_id: DocId,
    number: Annotated[int, Path(ge=1, le=100_000)],
    highlight: Annotated[
        str | None, Query(max_length=30, description="START-SLUT i dokumentets text")
    ] = None,
    size: Annotated[str, Query(pattern="^(thumb|page|large)$")] = "page",
    box: Annotated[
        str | None, Query(max_length=30, description="X0,TOPP,X1,BOTTEN i PDF-punkter: en tabellrad eller cell")
    ] = None,
) -> Response:
    """Sidan som PNG (pypdfium2), med passagen `highlight` inramad; cachad per dokument och sida."""
    cfg = config(request)
    data = api.page_image(
        document_id,
        number,
        db=cfg.db,
        highlight=span_param(highlight),
        size=size,
        cache_dir=cfg.cache_dir,
        box=box_param(box),
    )
    return Response(
        data, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"}
    )


@router.get(
    "/documents/{document_id}/original.pdf",
    tags=["dokument"],
    summary="Originalets PDF",
    response_class=FileResponse,
)
def original(
    request: Request,
    document_id: DocId,
    inline: Annotated[bool, Query(description="Visa i webbläsarens PDF-läsare (länka med #page=N) i stället för att ladda ner")] = False,
) -> FileResponse:
    path, name = api.original_pdf(document_id, db=config(request).db)
    if not inline:
        return FileResponse(path, media_type="application/pdf", filename=name)
    # the browser's own PDF viewer opens it at #page=N; the page's policy (object-src 'none')
    # would block that viewer, so this answer allows the PDF itself and nothing else
    return FileResponse(path, media_type="application/pdf", filename=name, content_disposition_type="inline",
                        headers={"Content-Security-Policy": "default-src 'none'; object-src 'self'; "
                                 "frame-ancestors 'none'; base-uri 'none'; form-action 'none'"})
