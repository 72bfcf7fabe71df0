"""The app factory: ``create_app(db, read_only=...)`` gives the ASGI app `namndkoll serve` runs.

A thin layer over namndkoll.api, like the CLI: each page handler calls one API function and
renders a template; nothing here runs SQL or loads a model itself.
"""

from __future__ import annotations

import logging
import re
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NamndkollError, NotFoundError, UnavailableError
from .common import HERE, WebConfig, render
from .jobs import UploadJobs

API_TAGS = [
    {"name": "sök", "description": "Hybrid sökning och jämförelse av ståndpunkter"},
    {"name": "dokument", "description": "Lagrade dokument, sidor och ärenden"},
    {
        "name": "tabeller",
        "description": "Det som extraherats: siffror, beslut, omröstningar, ståndpunkter, personer",
    },
    {
        "name": "röstningar",
        "description": "Namnupprop: omröstningar, vem som röstade hur, ledamöter och partier som röstar lika",
    },
    {"name": "drift", "description": "Status och uppladdning"},
]


def create_app(
    db: str | Path,
    *,
    read_only: bool = False,
    embedder: Any = None,
    max_upload_mb: float = 50,
    cache_dir: str | Path | None = None,
    upload_dir: str | Path | None = None,
    warm: bool = True,
) -> FastAPI:
    """The web app over the corpus at ``db``. ``read_only`` refuses every write (uploads);
    ``embedder`` replaces the index's model (tests); ``warm`` loads the model at start-up in
    the background so that the first search does not wait for it."""
    from ..corpus import is_url

    cfg = WebConfig(
        db if is_url(db) else Path(db),  # a postgresql:// URL is no file name
        read_only=read_only,
        embedder=embedder,
        max_upload_bytes=int(max_upload_mb * 1024 * 1024),
        cache_dir=Path(cache_dir) if cache_dir else None,
        upload_dir=Path(upload_dir) if upload_dir else None,
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
        if warm and embedder is None:
            threading.Thread(
                target=_warm, args=(cfg.db,), daemon=True, name="namndkoll-warm"
            ).start()
        yield
        app.state.jobs.stop()

    app = FastAPI(
        title="namndkoll",
        description="Sök, citera och räkna i kommunala nämndhandlingar.",
        version=_version(),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        openapi_tags=API_TAGS,
        lifespan=lifespan,
        dependencies=[Depends(known_parameters)],
    )
    app.state.cfg = cfg
    app.state.jobs = UploadJobs()
    app.add_middleware(BodyLimit, max_bytes=cfg.max_upload_bytes)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        # everything the pages load comes from this server; inline script is never needed
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; object-src 'none'; "
            "frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        # browsers ask for /favicon.ico before reading the page's icon link; a 404 there is
        # an error in every visitor's console
        from fastapi.responses import FileResponse

        return FileResponse(HERE / "static" / "favicon.svg", media_type="image/svg+xml")
    from . import admin, basket, compare, documents, search, tables, votes, watches

    for module in (search, documents, tables, votes, compare, basket, watches, admin):
        app.include_router(module.router)
    _errors(app)
    return app


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route reads, by the names a caller writes (``from``, not ``year_from``),
    its dependencies' included."""
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """An /api/ call with a query parameter its route does not read is refused (422), naming the
    ones it reads: ``/api/search?year=2026`` or ``?year_from=2026`` answered every year as if
    filtered, and a script's author could not tell. The pages keep ignoring them (their form
    shows the filters that were applied)."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None or not request.url.path.startswith("/api/"):
        return
    known = _query_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise HTTPException(
            422,
            f"Okänd parameter {', '.join(unknown)}: {request.url.path} tar "
            f"{', '.join(sorted(known)) or 'inga parametrar'}",
        )


def _version() -> str:
    from .. import __version__

    return __version__


def _warm(db: Path) -> None:
    """Load the index's embedding model once (search.embed keeps it for the process)."""
    try:
        from ..corpus import opened
        from ..search import embedder_for

        with opened(db) as store:
            if store.get_model() is not None:
                embedder_for(store).embed(["uppvärmning"], kind="query")
    except Exception as exc:  # noqa: BLE001 - the first search reports it again, with its message
        logging.getLogger("namndkoll.web").warning(
            "the search model could not be loaded at start-up: %s", exc
        )


def _wants_json(request: Request) -> bool:
    # app.js's requests (X-Requested-With: fetch) read the error's JSON: the upload form showed
    # "Uppladdningen misslyckades (400)" for a file that is not a PDF, the HTML page's reason unread
    return (
        request.url.path.startswith("/api/")
        or "application/json" in request.headers.get("accept", "")
        or request.headers.get("x-requested-with") == "fetch"
    )


def _errors(app: FastAPI) -> None:
    def respond(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return render(request, "error.html", {"status": status, "message": message}, status=status)

    @app.exception_handler(NamndkollError)
    async def namndkoll_error(request: Request, exc: NamndkollError) -> Response:
        if isinstance(exc, UnavailableError):  # not the visitor's fault; where the database runs stays here
            logging.getLogger("namndkoll.web").error("%s", exc)
            return respond(request, 503, "Databasen går inte att nå just nu: försök igen om en stund.")
        return respond(request, 404 if isinstance(exc, NotFoundError) else 400, swedish_message(str(exc)))

    @app.exception_handler(Exception)
    async def database_error(request: Request, exc: Exception) -> Response:
        """What PostgreSQL refuses or breaks off mid-request (a lost connection, statement_timeout,
        a missing grant): the Swedish error page, 503 when trying again may help; the details
        go to the server's log. Anything else stays the plain 500 it was."""
        if not type(exc).__module__.startswith("psycopg"):
            return PlainTextResponse("Internal Server Error", status_code=500)
        logging.getLogger("namndkoll.web").error("the database refused a request: %s", exc)
        if type(exc).__name__ in _TRY_AGAIN or any(c.__name__ in _TRY_AGAIN for c in type(exc).__mro__):
            return respond(request, 503, "Databasen svarade inte just nu: försök igen om en stund.")
        return respond(request, 500, "Databasen vägrade svara på frågan: be den som driver tjänsten se över "
                                     "databasens behörigheter och inställningar.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "Fel i anropet"
        if exc.status_code == 404 and message == "Not Found":
            message = "Sidan finns inte."
        return respond(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'][1:])}: {swedish_error(e)}" for e in exc.errors()[:3]
        )
        return respond(request, 422, f"Ogiltiga parametrar ({where})")


# psycopg's errors after which the same request may well succeed (a restart, a timeout)
_TRY_AGAIN = frozenset({"OperationalError", "QueryCanceled"})

# what pydantic says of a parameter, as the page says it (its own messages are English)
_ERRORS = {
    "int_parsing": "ska vara ett heltal", "int_from_float": "ska vara ett heltal",
    "float_parsing": "ska vara ett tal", "bool_parsing": "ska vara ja eller nej (true/false)",
    "missing": "saknas", "date_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "greater_than_equal": "ska vara minst {ge}", "greater_than": "ska vara större än {gt}",
    "less_than_equal": "ska vara högst {le}", "less_than": "ska vara mindre än {lt}",
    "string_too_long": "får vara högst {max_length} tecken",
    "string_too_short": "ska vara minst {min_length} tecken",
    "literal_error": "ska vara en av {expected}", "enum": "ska vara en av {expected}",
    "string_pattern_mismatch": "ska vara en av {choices}",
}
# a choice's pattern as the routes write it: ^(thumb|page|large)$
_CHOICES = re.compile(r"^\^\(([\w|]+)\)\$$")

# the corpus's messages (English, naming CLI commands) that a page of the web app can meet,
# as the page says them; any other is shown as it is
_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"^no document with id (\d+)\b", "Dokument {0} finns inte i korpusen: Dokument listar dem som finns."),
    (r"^document (\d+) has (\d+) pages, not (\d+)", "Dokument {0} har {1} sidor, inte {2}."),
    (r"^document (\d+) has no § ?(.+)$", "Dokument {0} har ingen § {1}."),
    (r"^document (\d+) has no pages", "Dokument {0} har inga sidor."),
    (r"^--from (\d+) is after --to (\d+)", "Från {0} är efter Till {1}: inget år ligger mellan dem. Byt plats på dem."),
    (r"^the original PDF of document (\d+) is no longer at",
     "Originalets PDF för dokument {0} finns inte längre där den lästes in; läs in den igen."),
    (r"^the PDF has (\d+) pages, not (\d+)", "PDF-filen har {0} sidor, inte {1}."),
    # the watches' (web/watches.py); a topic is quoted as Python's repr quotes it
    (r"^(['\"])(.*)\1 is watched already with these filters \(watch (\d+)\)",
     "”{1}” bevakas redan med de här filtren (bevakning {2})."),
    (r"^no watch is (['\"])(.*?)\1", "Ingen bevakning har nummer {1}: Bevakningar listar dem som finns."),
    (r"^give words to watch", "Skriv vad som ska bevakas, t.ex. hemtjänst."),
    (r"^(['\"])(.*)\1 is no document type namndkoll stores", "”{1}” är ingen dokumenttyp som namndkoll lagrar."),
    (r"^(['\"])(.*)\1 is no party code namndkoll knows", "”{1}” är inget parti som namndkoll känner till."),
))


def swedish_message(message: str) -> str:
    """A corpus error's message as a page of the web app says it (see ``_MESSAGES``)."""
    for rx, text in _MESSAGES:
        m = rx.match(message)
        if m:
            return text.format(*m.groups())
    return message


def swedish_error(error: Any) -> str:
    """One pydantic validation error in Swedish; its own message where the kind is not listed."""
    text = _ERRORS.get(error.get("type", ""))
    if text is None:
        return str(error.get("msg", "ogiltigt värde"))
    ctx = dict(error.get("ctx") or {})
    if "pattern" in ctx:
        choices = _CHOICES.match(str(ctx["pattern"]))
        if choices is None:
            return "har fel form"
        ctx["choices"] = ", ".join(choices.group(1).split("|"))
    try:
        return text.format(**ctx)
    except (KeyError, IndexError):
        return text.split(" {", 1)[0]


class BodyLimit:
    """Refuse a request body over ``max_bytes`` (+ a little for the form around a file) with
    413, before it is read when the client says its length, else as soon as it is exceeded."""

    def __init__(self, app: Any, *, max_bytes: int) -> None:
        self.app = app
        self.max = max_bytes + 64 * 1024

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max):
            await self._refuse(send)
            return
        seen = 0
        exceeded = started = False

        async def counting() -> dict[str, Any]:
            # past the limit the app is told the client left: it stops reading, and the
            # answer it would give (an error about a broken body) becomes a 413
            nonlocal seen, exceeded
            if exceeded:
                return {"type": "http.disconnect"}
            msg = await receive()
            seen += len(msg.get("body", b""))
            if seen > self.max:
                exceeded = True
                return {"type": "http.disconnect"}
            return msg  # type: ignore[no-any-return]

        async def tracking(msg: dict[str, Any]) -> None:
            nonlocal started
            if exceeded:
                if msg["type"] == "http.response.start" and not started:
                    started = True
                    await self._refuse(send)
                return
            started = started or msg["type"] == "http.response.start"
            await send(msg)

        try:
            await self.app(scope, counting, tracking)
        except Exception:
            if not exceeded:
                raise
            if not started:
                await self._refuse(send)

    def _refuse(self, send: Any) -> Any:
        mb = (self.max - 64 * 1024) / (1024 * 1024)
        body = f"Filen är för stor: högst {mb:.0f} MB per uppladdning.".encode()

        async def go() -> None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 413,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})

        return go()
