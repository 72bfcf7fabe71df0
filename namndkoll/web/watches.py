"""`/watches` ("Bevakningar"): the watched topics of ``namndkoll watch`` (docs/watch.md), with a
form to add one and a button to remove one; `/watches/new` ("Vad är nytt"): a dry run of each
topic, its hits shown as the search page shows them; `/api/watches` the list, and with
``new=1`` the dry run as ``namndkoll watch run --json`` gives it.

A page never marks a topic run: a visitor looking must not use up the next run of the one who
runs ``namndkoll watch run`` after each night's ingest. Adding and removing are writes: the
CSRF token and ``--read-only`` as for uploads. A topic is searched with the server's model, as
the search page searches (``create_app``'s ``embedder``, else the index's, kept loaded)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .. import api
from ..api.reading import ocr_read_pages
from .common import (
    blank,
    check_csrf,
    check_writable,
    config,
    jsonable,
    party_param,
    render,
    year_range,
)

router = APIRouter()

Field = Annotated[str, Form(max_length=200)]
Csrf = Annotated[str, Form(max_length=100)]


def _dry_run(request: Request) -> tuple[list[api.WatchResult], dict[int, tuple[int, ...]]]:
    """Each topic's run without marking it, and the pages Tesseract read of its hits."""
    cfg = config(request)
    results = api.watch_run(db=cfg.db, dry_run=True, embedder=cfg.embedder)
    return results, ocr_read_pages([h for r in results for h in r.hits], db=cfg.db)


@router.get("/watches", include_in_schema=False)
def watches_html(request: Request) -> Response:
    db = config(request).db
    options = api.search_page("", db=db).options  # the search form's choices, no search made
    return render(request, "watches.html", {"watches": api.watch_list(db=db), "options": options})


@router.get("/watches/new", include_in_schema=False)
def watches_new_html(request: Request) -> Response:
    results, ocr = _dry_run(request)
    return render(request, "watches_new.html", {"results": results, "ocr": ocr})


@router.post("/watches/add", include_in_schema=False)
def watches_add(
    request: Request,
    topic: Annotated[str, Form(max_length=500)],
    municipality: Field = "",
    committee: Field = "",
    party: Field = "",
    type: Field = "",
    year_from: Annotated[str, Form(alias="from", max_length=4)] = "",  # Från år and Till år, as on the search page
    year_to: Annotated[str, Form(alias="to", max_length=4)] = "",
    csrf: Csrf = "",
) -> Response:
    check_writable(request)
    check_csrf(request, csrf)
    first, last = year_range(year_from, year_to)
    api.watch_add(topic, db=config(request).db, municipality=blank(municipality), committee=blank(committee),
                  doc_type=blank(type), party=party_param(party), year_from=first, year_to=last)
    return RedirectResponse("/watches", status_code=303)


@router.post("/watches/remove", include_in_schema=False)
def watches_remove(request: Request, id: Annotated[int, Form(ge=1)], csrf: Csrf = "") -> Response:
    check_writable(request)
    check_csrf(request, csrf)
    api.watch_remove(id, db=config(request).db)
    return RedirectResponse("/watches", status_code=303)


@router.get("/api/watches", tags=["sök"], summary="Bevakade ämnen, och vad som är nytt i dem")
def watches_api(
    request: Request,
    new: Annotated[bool, Query(description="vad som är nytt i varje ämne sedan dess senaste körning "
                                           "(torrkörning: inget ämne markeras som kört)")] = False,
) -> JSONResponse:
    """Utan ``new``: de bevakade ämnena med sina filter, som `namndkoll watch list --json`. Med
    ``new=1``: varje ämnes nya dokument och träffar, som `namndkoll watch run --dry-run --json`
    (``outcome``: no_new_documents, no_match eller hits)."""
    from ..commands.watch import result_json, watch_json

    if not new:
        return JSONResponse([watch_json(w) for w in api.watch_list(db=config(request).db)])
    results, ocr = _dry_run(request)
    # each source as the PDF's file name, as every answer of the web app gives it
    return JSONResponse(jsonable([result_json(r, ocr) for r in results]))

