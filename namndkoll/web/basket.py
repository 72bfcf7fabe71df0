"""`/basket`: a citation basket kept in the browser's cookie (nothing is stored on the server,
so it works with --read-only too): add hits, figures, decisions, votes and positions from any
page, reorder, export as Markdown with footnotes, CSV or DOCX, or copy as text.
`/basket?items=c12.f3` shows a shared basket without touching one's own."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response

from .. import api
from .common import check_csrf, clean_refs, config, read_basket, render, safe_next, write_basket
from .export import basket_csv, basket_docx, basket_markdown, basket_text

router = APIRouter()

Ref = Annotated[str, Form(max_length=20)]
Csrf = Annotated[str, Form(max_length=100)]
Next = Annotated[str, Form(max_length=2000)]
Items = Annotated[
    str | None, Query(max_length=3000, description="delad korg: ref åtskilda av punkt")
]


def _refs(request: Request, items: str | None) -> list[str]:
    return clean_refs(items.split(".")) if items else read_basket(request)


@router.get("/basket", include_in_schema=False)
def basket_html(request: Request, items: Items = None) -> Response:
    refs = _refs(request, items)
    entries = api.basket_items(refs, db=config(request).db)
    return render(
        request,
        "basket.html",
        {
            "entries": entries,
            "shared": items is not None,
            "share": ".".join(refs),
            "text": basket_text(entries),
        },
    )


@router.get("/basket/export", include_in_schema=False)
def basket_export(
    request: Request,
    format: Annotated[str, Query(pattern="^(md|csv|docx|txt)$")] = "md",
    items: Items = None,
) -> Response:
    entries = api.basket_items(_refs(request, items), db=config(request).db)
    if format == "csv":
        return Response(
            basket_csv(entries),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="citat.csv"'},
        )
    if format == "docx":
        return Response(
            basket_docx(entries),
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            headers={"Content-Disposition": 'attachment; filename="citat.docx"'},
        )
    if format == "txt":
        return PlainTextResponse(basket_text(entries))
    return PlainTextResponse(
        basket_markdown(entries),
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="citat.md"'},
    )


def _done(request: Request, refs: list[str], next_url: str) -> Response:
    """Back to the page the form was on (plain forms), or the new count (fetch from app.js)."""
    if request.headers.get("x-requested-with") == "fetch":
        response: Response = JSONResponse({"count": len(refs), "items": refs})
    else:
        response = RedirectResponse(safe_next(next_url, "/basket"), status_code=303)
    write_basket(response, refs)
    return response


@router.post("/basket/add", include_in_schema=False)
def basket_add(request: Request, ref: Ref, csrf: Csrf = "", next: Next = "/basket") -> Response:
    check_csrf(request, csrf)
    refs = read_basket(request)
    return _done(request, refs + clean_refs([ref]) if ref not in refs else refs, next)


@router.post("/basket/remove", include_in_schema=False)
def basket_remove(request: Request, ref: Ref, csrf: Csrf = "", next: Next = "/basket") -> Response:
    check_csrf(request, csrf)
    return _done(request, [r for r in read_basket(request) if r != ref], next)


@router.post("/basket/move", include_in_schema=False)
def basket_move(
    request: Request,
    ref: Ref,
    direction: Annotated[str, Form(pattern="^(up|down)$")],
    csrf: Csrf = "",
    next: Next = "/basket",
) -> Response:
    check_csrf(request, csrf)
    refs = read_basket(request)
    if ref in refs:
        i = refs.index(ref)
        j = i - 1 if direction == "up" else i + 1
        if 0 <= j < len(refs):
            refs[i], refs[j] = refs[j], refs[i]
    return _done(request, refs, next)


@router.post("/basket/clear", include_in_schema=False)
def basket_clear(
    request: Request,
    csrf: Csrf = "",
    items: Annotated[str, Form(max_length=3000)] = "",
    next: Next = "/basket",
) -> Response:
    """Empty the basket, or (``items``) replace it with a shared one."""
    check_csrf(request, csrf)
    return _done(request, clean_refs(items.split(".")) if items else [], next)
