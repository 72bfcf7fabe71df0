"""What every router shares: the server's settings, the templates, CSRF tokens, the citation
basket cookie, filters from the query string, and JSON for dataclasses."""

from __future__ import annotations

import dataclasses
import hmac
import inspect
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..display import STANCE_LABELS, copy_label, doc_title, format_figure, swedish_number
from ..types import DOC_TYPE_NAMES

if TYPE_CHECKING:
    from ..api.reading import BodyMiss

HERE = Path(__file__).resolve().parent
CSRF_COOKIE = "nk_csrf"
BASKET_COOKIE = "nk_basket"
BASKET_MAX = 200  # refs in the cookie: ~1.4 kB, well under a browser's 4 kB per cookie
_REF = re.compile(r"^[cfdvp]\d{1,12}$")
_SPAN = re.compile(r"^(\d{1,9})-(\d{1,9})$")
_BOX = re.compile(r"^(\d{1,5}),(\d{1,5}),(\d{1,5}),(\d{1,5})$")


@dataclass(frozen=True)
class WebConfig:
    db: str | Path  # a SQLite file or a postgresql:// URL
    read_only: bool = False
    embedder: Any = None  # None: the model the index was built with, loaded once and kept warm
    max_upload_bytes: int = 50 * 1024 * 1024
    cache_dir: Path | None = None  # page images; None: $NAMNDKOLL_HOME/cache/pages
    upload_dir: Path | None = None  # uploaded PDFs; None: $NAMNDKOLL_HOME/uploads

    @property
    def db_name(self) -> str:
        """What the pages name the corpus by: the file's name, or a PostgreSQL database (and its
        schema), without host, user or password."""
        from ..corpus import is_url

        if not is_url(self.db):
            return Path(self.db).name
        from urllib.parse import parse_qs, unquote, urlsplit

        u = urlsplit(str(self.db))
        name = unquote(u.path.lstrip("/")) or "postgres"
        schema = re.search(r"search_path\s*=\s*([^,\s]+)", " ".join(parse_qs(u.query).get("options", [])))
        return f"{name} ({schema.group(1)})" if schema else name


def config(request: Request) -> WebConfig:
    return request.app.state.cfg  # type: ignore[no-any-return]


# ---- templates ------------------------------------------------------------------------------

# autoescape everywhere: document text is untrusted and is never marked safe
_env = Environment(
    loader=FileSystemLoader(str(HERE / "templates")),
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
templates = Jinja2Templates(env=_env)
# a copy of a hit named by its file when its citation reads as the hit's own
_env.globals["copy_label"] = copy_label
# a figure's value as a Swedish reader writes it: "66,6", "838 500 000" (not "66.6")
_env.globals["swedish_number"] = swedish_number
# a table cell's figure in its unit ("2,0" under "Miljoner kronor" is 2 000 000 kr)
_env.globals["format_figure"] = format_figure


def counted(n: int, one: str, many: str) -> str:
    """ "1 ärende", "3 ärenden": a count with its noun in the right number."""
    return f"{n} {one if n == 1 else many}"


_env.globals["counted"] = counted

TYPE_NAMES = {**DOC_TYPE_NAMES, "other": "övrigt"}  # the filter's names: every kind


def doc_type_label(doc: Any) -> str:
    """A stored document's type as the pages show it: an "other" with its own word ("övrigt:
    pressmeddelande"), as the CLI's `documents` ("other: pressmeddelande") and the citation do."""
    doc_type = getattr(doc, "doc_type", None) or ""
    name = TYPE_NAMES.get(doc_type, doc_type)
    kind = getattr(doc, "kind", None)
    return f"{name}: {kind}" if doc_type == "other" and kind else name


_env.globals["doc_type_label"] = doc_type_label


def passage(text: str, spans: Any = (), *, max_chars: int = 700) -> list[tuple[str, bool]]:
    """A passage as (text, marked) segments for a template, whitespace collapsed, cut to
    ``max_chars`` around the first marked word. The template escapes every segment."""
    spans = sorted((int(a), int(b)) for a, b in spans or () if 0 <= a < b <= len(text))
    lead = max(0, spans[0][0] - 150) if spans and len(text) > max_chars else 0
    if lead:
        lead = text.find(" ", lead) + 1 or lead
    stop = min(len(text), lead + max_chars)
    out: list[tuple[str, bool]] = [("… ", False)] if lead else []
    pos = lead
    for a, b in spans:
        a, b = max(a, pos), min(b, stop)
        if a >= b:
            continue
        out.append((text[pos:a], False))
        out.append((text[a:b], True))
        pos = b
    out.append((text[pos:stop], False))
    if stop < len(text):
        out.append((" …", False))
    return [(re.sub(r"\s+", " ", s), m) for s, m in out if s]


def query_with(request: Request, **changes: Any) -> str:
    """The current URL's query string with ``changes`` (None removes a key)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return urlencode(params)


def _marks(start: int | None, end: int | None, box: Any, span_key: str) -> list[str]:
    """The query's mark of a page: a passage's span in the text, else (a table row or cell,
    which has none) its box in whole PDF points."""
    if start is not None and end is not None and start < end:
        return [f"{span_key}={start}-{end}"]
    return ["box=" + ",".join(str(round(x)) for x in box)] if box else []


def page_url(doc_id: int, page: int, start: int | None = None, end: int | None = None, box: Any = None) -> str:
    """The document page at ``page`` with a passage (or a table row or cell) marked."""
    return "&".join([f"/documents/{doc_id}?page={page}", *_marks(start, end, box, "hl")])


def image_url(doc_id: int, page: int, start: int | None = None, end: int | None = None,
              size: str | None = None, box: Any = None) -> str:
    """The page image with a passage (or a table row or cell) boxed."""
    query = [*_marks(start, end, box, "highlight"), *([f"size={size}"] if size else [])]
    return f"/documents/{doc_id}/pages/{page}.png" + ("?" + "&".join(query) if query else "")


# what the pages show for stored (English or ASCII) kinds; the downloads keep the stored value
KIND_NAMES = {
    "amount": "belopp", "count": "antal", "percent": "andel (%)", "measure": "mått",
    "decided": "beslut", "proposed": "förslag till beslut", **STANCE_LABELS,
}


def kind_name(kind: Any) -> Any:
    """A stored kind or status (amount, decided, sarskilt_uttalande) as the pages say it."""
    return KIND_NAMES.get(kind, kind) if isinstance(kind, str) else kind


_env.globals.update(
    kind_name=kind_name,
    doc_title=doc_title,
    passage=passage, type_name=lambda t: TYPE_NAMES.get(t or "", t or ""), query_with=query_with,
    page_url=page_url, image_url=image_url,
)


def body_miss(request: Request, municipality: str | None) -> BodyMiss | None:
    """A Kommun filter that names no stored body ("Göteborgs Stad", "VGR"): the bodies it
    most likely meant, else all (``api.reading.body_miss``); None when the name is stored or
    blank. Asked by a page only when its list came back empty."""
    from ..api.reading import body_miss as miss

    typed = (municipality or "").strip()
    return miss(typed, db=config(request).db) if typed else None


_env.globals["body_miss"] = body_miss

# what ingest says of an uploaded file (English, for the command line), as the upload page says
# it; "" where the file's Swedish status ('redan inläst') already says it all; any other as it is
_UPLOAD_MESSAGES: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), t) for p, t in (
    (r"^(.*?):? ?not a PDF \(no %PDF header\)", "{0}: inte en PDF (filen börjar inte med %PDF); bara PDF-filer kan läsas in"),
    (r"^(.*?):? ?empty file \(0 bytes\)", "{0}: tom fil (0 byte); ladda ner eller exportera den igen"),
    (r"^already ingested, by an older namndkoll", "läst av en äldre namndkoll (läses om med ingest --reread)"),
    (r"^already ingested", ""),
    (r"^same content as (.+)$", "samma innehåll som {0}, som redan är inläst"),
    (r"^cannot read file: (.+)$", "filen kan inte läsas: {0}"),
))


def upload_message(message: str | None) -> str:
    """An ingest message about an uploaded file in Swedish (see ``_UPLOAD_MESSAGES``)."""
    for rx, text in _UPLOAD_MESSAGES:
        m = rx.match(message or "")
        if m:
            return text.format(*m.groups()).removeprefix(": ")
    return message or ""


_env.globals["upload_message"] = upload_message


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    cfg = config(request)
    token = csrf_token(request)
    ctx = {
        "request": request,
        "cfg": cfg,
        "csrf": token,
        "basket_count": len(read_basket(request)),
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        **context,
    }
    response = templates.TemplateResponse(request, name, ctx, status_code=status)
    set_csrf_cookie(request, response)
    return response


# ---- CSRF: a random token in a SameSite cookie, repeated in every form (double submit) ------------


def csrf_token(request: Request) -> str:
    token = request.cookies.get(CSRF_COOKIE, "")
    if not re.fullmatch(r"[A-Za-z0-9_-]{32,64}", token):
        token = getattr(request.state, "new_csrf", None) or secrets.token_urlsafe(32)
        request.state.new_csrf = token
    return token


def set_csrf_cookie(request: Request, response: Any) -> None:
    new = getattr(request.state, "new_csrf", None)
    if new:
        response.set_cookie(CSRF_COOKIE, new, httponly=True, samesite="strict", path="/")


def check_csrf(request: Request, token: str | None) -> None:
    """A POST must carry the cookie's token (form field ``csrf`` or header X-CSRF-Token) and,
    when the browser says where it comes from, come from this server."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = token or request.headers.get("x-csrf-token", "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(
            403, "Formuläret saknar giltig CSRF-token: ladda om sidan och försök igen."
        )
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host", ""):
        raise HTTPException(403, "Anropet kommer från en annan webbplats och avvisas.")


def check_writable(request: Request) -> None:
    if config(request).read_only:
        raise HTTPException(403, "Servern är startad med --read-only: inget får ändras i korpusen.")


def safe_next(url: str | None, default: str = "/") -> str:
    """A redirect target on this server only (a path, never //host or a scheme)."""
    if (
        not url
        or not url.startswith("/")
        or url.startswith("//")
        or "\\" in url
        or "\n" in url
        or "\r" in url
    ):
        return default
    return url


# ---- the citation basket: refs in a cookie ---------------------------------------------------


def clean_refs(refs: Any) -> list[str]:
    out: list[str] = []
    for r in refs:
        r = r.strip()
        if _REF.match(r) and r not in out:
            out.append(r)
    return out[:BASKET_MAX]


def read_basket(request: Request) -> list[str]:
    return clean_refs(request.cookies.get(BASKET_COOKIE, "").split("."))


def write_basket(response: Any, refs: list[str]) -> None:
    response.set_cookie(
        BASKET_COOKIE,
        ".".join(clean_refs(refs)),
        httponly=True,
        samesite="lax",
        path="/",
        max_age=60 * 60 * 24 * 90,
    )


# ---- query strings ------------------------------------------------------------------------------


def span_param(value: str | None) -> tuple[int, int] | None:
    """ "START-END" (document offsets) -> (start, end); 400 for anything else."""
    if not value:
        return None
    m = _SPAN.match(value)
    if not m or int(m.group(1)) >= int(m.group(2)):
        raise HTTPException(400, "highlight/hl ska vara START-SLUT, två tal, t.ex. 120-480")
    return int(m.group(1)), int(m.group(2))


def box_param(value: str | None) -> tuple[float, float, float, float] | None:
    """ "X0,TOP,X1,BOTTOM" (whole PDF points from the page's top-left corner: a table row or
    cell) -> the box; 400 for anything else."""
    if not value:
        return None
    m = _BOX.match(value)
    if not m:
        raise HTTPException(400, "box ska vara X0,TOPP,X1,BOTTEN i hela punkter, t.ex. 100,150,400,190")
    x0, top, x1, bottom = (float(g) for g in m.groups())
    if x0 >= x1 or top >= bottom:
        raise HTTPException(400, "box: X0 < X1 och TOPP < BOTTEN")
    return x0, top, x1, bottom


# The query parameters the pages and their /api twins share, declared once: FastAPI reads the
# limits from these types, so a filter is refused alike (422) wherever it is given.
Text = Annotated[str | None, Query(max_length=200)]  # a filter typed in a form: kommun, nämnd, parti, typ
ShortText = Annotated[str | None, Query(max_length=100)]  # the same on the lists of records (tables, votes)
YearQ = Annotated[str | None, Query(max_length=4)]  # one year, read by ``year_param``
YearFrom = Annotated[YearQ, Query(alias="from")]  # the Från and Till of a year range (``year_range``)
YearTo = Annotated[YearQ, Query(alias="to")]
Limit = Annotated[int | None, Query(ge=1)]  # at most so many rows; none: all
Filters = dict[str, str | None]  # a route's filters as ``with_filters`` hands them over, by name


def with_filters(params: Mapping[str, Any], handler: Callable[..., Response]) -> Callable[..., Response]:
    """``handler`` as the route FastAPI reads, its parameter ``filters`` replaced in place by the
    query parameters ``params`` (name -> type, each None when not given), which reach the handler
    as one dict: a page and its /api twin list their filters once. (A FastAPI dependency would do
    the same but list them after the route's own parameters, reordering the API's schema.)"""
    sig = inspect.signature(handler, eval_str=True)  # its types read where it is written, not here
    kind = sig.parameters["filters"].kind
    declared = [inspect.Parameter(name, kind, default=None, annotation=t) for name, t in params.items()]
    listed = []
    for name, param in sig.parameters.items():
        listed += declared if name == "filters" else [param]

    def route(**given: Any) -> Response:
        return handler(filters={name: given.pop(name) for name in params}, **given)

    route.__signature__ = sig.replace(parameters=listed)  # type: ignore[attr-defined]
    route.__name__, route.__doc__ = handler.__name__, handler.__doc__  # the schema's operationId and text
    return route


def party_param(value: str | None) -> str | None:
    """A Parti field as typed: a code ("s", "fp") or a party's name ("Socialdemokraterna") as
    its code; anything else as it is (it then matches nothing, as before)."""
    from ..registry import party_code_of

    typed = blank(value)
    return (party_code_of(typed) or typed) if typed else None


def type_param(value: str | None) -> str | None:
    """A Typ field as typed ("tjänsteskrivelse", "Årsredovisning") as the stored code."""
    from ..api.reading import doc_type_of

    typed = blank(value)
    return (doc_type_of(typed) or typed) if typed else None


def year_param(value: str | None) -> int | None:
    if value is None or not value.strip():
        return None
    if not re.fullmatch(r"\d{4}", value.strip()):
        raise HTTPException(400, f"årtal ska vara fyra siffror, inte {value[:20]!r}")
    return int(value)


def year_range(year_from: str | None, year_to: str | None) -> tuple[int | None, int | None]:
    """The Från and Till fields as years (``year_param``); a range that runs backwards is an
    error (``corpus.index.check_years``), not an empty page."""
    from ..corpus.index import check_years

    first, last = year_param(year_from), year_param(year_to)
    check_years(first, last)
    return first, last


def blank(value: str | None) -> str | None:
    """An empty form field means no filter."""
    return value.strip() or None if value is not None else None


def file_name(source: Any) -> Any:
    """A document's ``source`` as the web gives it out: the PDF's file name. The stored path
    ("/root/.local/share/namndkoll/uploads/99385af6c46f0b09/…pdf" for an upload) is nothing a
    reader of a sheet or a script can open, and says where the server keeps its files; the
    document's id is the key to join on."""
    return PurePath(source).name if isinstance(source, str) and source else source


def named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows of a table or list with their ``source`` as the file name (``file_name``)."""
    return [{**r, "source": file_name(r["source"])} if "source" in r else r for r in rows]


def jsonable(obj: Any) -> Any:
    """Dataclasses, dicts and lists as JSON; every ``source`` as the PDF's file name."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: file_name(getattr(obj, f.name)) if f.name == "source" else jsonable(getattr(obj, f.name))
                for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): file_name(v) if k == "source" else jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set)):
        return [jsonable(v) for v in obj]
    if isinstance(obj, Path):
        return str(obj)
    return obj
