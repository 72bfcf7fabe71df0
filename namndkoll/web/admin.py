"""`/upload` (PDFs in, ingested in the background with progress), `/status` (what the corpus
holds and lacks), `/api/health`, and `/api/docs` (the OpenAPI description as a page, served
from here: no CDN)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, File, Form, HTTPException, Path, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response

from .. import api
from ..errors import IngestError
from .common import check_csrf, check_writable, config, jsonable, render, upload_message

router = APIRouter()

JobId = Annotated[str, Path(pattern="^[0-9a-f]{32}$")]
MAX_FILES = 50


@router.get("/upload", include_in_schema=False)
def upload_html(request: Request) -> Response:
    jobs = list(reversed(request.app.state.jobs.jobs.values()))[:10]
    return render(
        request, "upload.html", {"jobs": jobs, "max_mb": config(request).max_upload_bytes // 2**20}
    )


@router.post("/upload", include_in_schema=False)
async def upload(
    request: Request,
    files: Annotated[list[UploadFile], File()],
    csrf: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    check_writable(request)
    check_csrf(request, csrf)
    cfg = config(request)
    if len(files) > MAX_FILES:
        raise HTTPException(400, f"Högst {MAX_FILES} filer åt gången.")
    names, paths, rejected = [], [], []
    for f in files:
        name = (f.filename or "dokument.pdf")[:200]
        data = await f.read(cfg.max_upload_bytes + 1)
        if len(data) > cfg.max_upload_bytes:
            raise HTTPException(
                413, f"{name}: filen är för stor (högst {cfg.max_upload_bytes // 2**20} MB)."
            )
        try:
            paths.append(api.save_upload(name, data, folder=cfg.upload_dir))
            names.append(name)
        except IngestError as exc:
            rejected.append(str(exc))
    if not paths and rejected:
        raise HTTPException(400, "Inget att läsa in: " + "; ".join(upload_message(r) for r in rejected))
    job = request.app.state.jobs.submit(names, paths, rejected, db=cfg.db, embedder=cfg.embedder)
    if request.headers.get("x-requested-with") == "fetch":
        return JSONResponse(job.as_dict(), status_code=202)
    return RedirectResponse(f"/upload/{job.id}", status_code=303)


def _job(request: Request, job_id: str) -> Any:
    job = request.app.state.jobs.get(job_id)
    if job is None:
        raise HTTPException(404, "Ingen sådan uppladdning (servern kan ha startats om).")
    return job


@router.get("/upload/{job_id}", include_in_schema=False)
def job_html(request: Request, job_id: JobId) -> Response:
    return render(request, "job.html", {"job": _job(request, job_id)})


@router.get("/api/uploads/{job_id}", tags=["drift"], summary="En uppladdnings förlopp")
def job_api(request: Request, job_id: JobId) -> JSONResponse:
    """Läge (väntar, läser, indexerar, klar, fel), sidor och passager klara, och resultat per fil."""
    return JSONResponse(_job(request, job_id).as_dict())


@router.get("/status", include_in_schema=False)
def status_html(request: Request) -> Response:
    return render(request, "status.html", {"s": api.corpus_status(db=config(request).db)})


@router.get("/api/status", tags=["drift"], summary="Vad korpusen innehåller")
def status_api(request: Request) -> JSONResponse:
    """Antal per kommun, nämnd, typ och år; sidor som behöver OCR; dokument som saknar metadata; indexets modell."""
    return JSONResponse(jsonable(api.corpus_status(db=config(request).db)))


@router.get("/api/health", tags=["drift"], summary="Lever servern?")
def health(request: Request) -> JSONResponse:
    cfg = config(request)
    s = api.corpus_status(db=cfg.db)
    return JSONResponse(
        {
            "status": "ok",
            "documents": s["documents"],
            "chunks": s["index"]["chunks"],
            "model": s["index"]["model"],
            "read_only": cfg.read_only,
        }
    )


@router.get("/api/docs", include_in_schema=False)
def api_docs(request: Request) -> Response:
    return render(request, "apidocs.html", {"spec": request.app.openapi()})
