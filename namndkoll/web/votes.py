"""Roll calls on the web: `/votes` lists the votes, each with its roll call grouped by party
(``?member=NAME``: that member's vote in each), `/members` every member of the roll calls and
how often they voted with their party, `/blocs` which parties vote together — the pages of
`namndkoll votes`, `members` and `blocs`, also as JSON under /api and as CSV or XLSX.

Names come from the documents and are untrusted: the templates escape them and every URL
that carries one is built with ``urlencode`` here."""

from __future__ import annotations

import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from .. import api
from ..errors import NamndkollError
from .common import (
    Filters,
    Limit,
    ShortText,
    Text,
    YearQ,
    blank,
    config,
    named,
    party_param,
    render,
    templates,
    with_filters,
    year_param,
)
from .tables import DOC_COLUMNS, TAIL_COLUMNS, download

router = APIRouter()

PER_PAGE = 100  # votes on a page (a roll call of a fullmäktige lists 61-101 members); downloads hold all
HtmlFormat = Annotated[str, Query(pattern="^(html|csv|xlsx)$")]
ApiFormat = Annotated[str, Query(pattern="^(json|csv|xlsx)$")]

CHOICES = {"ja": "ja", "nej": "nej", "avstar": "avstår", "franvarande": "frånvarande"}
VOTE_COLUMNS = DOC_COLUMNS + [
    ("item_title", "ärende"),
    ("yes", "ja"),
    ("no", "nej"),
    ("abstain", "avstår"),
    ("absent", "frånvarande"),
    ("proposition", "proposition"),
    ("note", "anmärkning"),
    ("quote", "citat"),
]
MEMBER_COLUMNS = [
    ("name", "namn"),
    ("party", "parti"),
    ("municipality", "kommun"),
    ("committees", "nämnder"),
    ("votes", "omröstningar"),
    ("ja", "ja"),
    ("nej", "nej"),
    ("avstar", "avstår"),
    ("absent", "frånvarande"),
    ("with_party", "med partiet"),
    ("against_party", "mot partiet"),
    ("with_party_share", "andel med partiet"),
    ("first_date", "första"),
    ("last_date", "senaste"),
    ("also_written", "även skrivet"),
]
PAIR_COLUMNS = [
    ("municipality", "kommun"),
    ("party_a", "parti A"),
    ("party_b", "parti B"),
    ("votes", "omröstningar"),
    ("together", "röstade lika"),
    ("share", "andel"),
]

# the notes extract/ writes are English; the pages are Swedish (the JSON keeps the original)
_NOTE_WORDS = [
    (r"\bthe list prints ja and nej the other way round\b",
     "listan har Ja och Nej åt motsatt håll mot paragrafens beslutsgång"),
    (r"\bits result and its members' votes say\b", "dess resultat och ledamöternas röster anger"),
    (r"\bwhere the result sentence says\b", "där paragrafens resultatmening anger"),
    (r"\bthe members' votes follow the result sentence\b", "ledamöternas röster följer resultatmeningen"),
    (r"\bthe result sentence says\b", "paragrafens resultatmening anger"),
    (r"\bthe list's result and its members' votes say\b", "listans resultat och ledamöternas röster anger"),
    (r"\bthe roll call counts\b", "namnuppropet räknar"),
    (r"\bthe result says\b", "resultatet anger"),
    (r"\bthe list says\b", "listan anger"),
    (r"\bno votes\b", "inga röster"),
    (r"\bin the seat of\b", "på platsen för"),
    (r"\bno mark\b", "ingen markering"),
    (r"\bparty as the document states it elsewhere\b", "partiet som dokumentet anger på annat ställe"),
    (r"\b(Ja|Nej) in the list\b", r"\1 i listan"),
    (r"\bin the list\b", "i listan"),
    (r"\bvote read in row order, party checked\b", "rösten läst i radordning, partiet kontrollerat"),
    (r"\bmark read in row order\b", "markeringen läst i radordning"),
]


def swedish_note(note: str | None) -> str:
    """A stored note in the pages' language: the phrases extract/ writes, put in Swedish."""
    out = note or ""
    for pattern, words in _NOTE_WORDS:
        out = re.sub(pattern, words, out)
    return out


def note_heading(note: str | None) -> str:
    """What a vote's note warns of, in a few Swedish words: the result sentence that the list
    outweighed (extract/votes.py's ``_list_outweighs``: the result shown is the list's), or a
    roll call that does not add up to the result shown."""
    if (note or "").startswith("the result sentence says"):
        return "Paragrafens text anger ett annat resultat än listan"
    if (note or "").startswith("the list prints ja and nej the other way round"):
        return "Listan har Ja och Nej åt motsatt håll mot paragrafens beslutsgång"
    return "Namnuppropet stämmer inte med resultatet"


def member_url(name: str, municipality: str | None = None) -> str:
    """`/votes` for one member (a name is one member per municipality)."""
    return "/votes?" + urlencode({"member": name, **({"municipality": municipality} if municipality else {})})


def by_party(roll_call: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A roll call grouped by party in the list's order: each group's members and how many of
    them voted ja, nej, avstår or were absent."""
    groups: dict[str, dict[str, Any]] = {}
    for entry in roll_call:
        party = entry.get("party") or ""
        label = {"": "parti okänt", "-": "partilösa"}.get(party, party)
        group = groups.setdefault(party, {"party": label, "members": [], "counts": dict.fromkeys(CHOICES, 0)})
        group["members"].append(entry)
        if entry.get("vote") in CHOICES:
            group["counts"][entry["vote"]] += 1
    return list(groups.values())


def _note_parts(note: str | None) -> list[str]:
    return [part.strip() for part in (note or "").split(";") if part.strip()]


def shared_notes(roll_call: list[dict[str, Any]]) -> list[str]:
    """The parts of a note ("; "-separated) that every entry of a roll call carries, in the
    first entry's order: said once above the list, not on each of its 45 rows."""
    if len(roll_call) < 2:
        return []
    first, *others = [_note_parts(entry.get("note")) for entry in roll_call]
    return [part for part in first if all(part in parts for parts in others)]


def own_note(note: str | None, shared: list[str]) -> str:
    """An entry's note without the parts every entry of its roll call shares."""
    return "; ".join(part for part in _note_parts(note) if part not in shared)


def bloc_tables(res: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Per municipality the parties × parties matrix of ``api.blocs``: the parties by votes
    (most first), each row a party with its votes, cohesion and its pair with every party."""
    out = []
    for muni in dict.fromkeys(p["municipality"] for p in res["parties"]):
        parties = sorted((p for p in res["parties"] if p["municipality"] == muni),
                         key=lambda p: (-p["votes"], p["party"].casefold()))
        codes = [p["party"] for p in parties]
        pairs: dict[tuple[str, str], dict[str, Any]] = {}
        for r in res["pairs"]:
            if r["municipality"] == muni:
                pairs[(r["party_a"], r["party_b"])] = pairs[(r["party_b"], r["party_a"])] = r
        rows = [{**p, "cells": [(c, pairs.get((p["party"], c))) for c in codes]} for p in parties]
        out.append({"municipality": muni, "codes": codes, "rows": rows})
    return out


templates.env.globals.update(
    choice_name=lambda v: CHOICES.get(v or "", v or ""), swedish_note=swedish_note, note_heading=note_heading, by_party=by_party,
    member_url=member_url, shared_notes=shared_notes, own_note=own_note,
)


def _votes(request: Request, filters: Filters, limit: int | None) -> list[dict[str, Any]]:
    return api.votes(db=config(request).db, member=blank(filters["member"]),
                     municipality=blank(filters["municipality"]), committee=blank(filters["committee"]),
                     year=year_param(filters["year"]), limit=limit)


def _members(request: Request, filters: Filters, *, member: str | None = None, limit: int | None = None,
             ) -> list[dict[str, Any]]:
    """``api.members`` under the filters given (those not given, party among them, are None)."""
    rows = api.members(db=config(request).db, municipality=blank(filters.get("municipality")),
                       committee=blank(filters.get("committee")), year=year_param(filters.get("year")),
                       party=party_param(filters.get("party")), member=blank(member), limit=limit)
    for r in rows:
        r["url"] = member_url(r["name"], r["municipality"])
    return rows


def _blocs(request: Request, filters: Filters) -> dict[str, list[dict[str, Any]]]:
    return api.blocs(db=config(request).db, municipality=blank(filters["municipality"]),
                     committee=blank(filters["committee"]), year=year_param(filters["year"]))


def _vote_columns(member: str | None) -> list[tuple[str, str]]:
    extra = [("member_vote", "röst"), ("member_party", "parti")] if blank(member) else []
    return VOTE_COLUMNS[:6] + extra + VOTE_COLUMNS[6:] + TAIL_COLUMNS


# the filters each page and its /api twin share, declared once (``with_filters``), in the
# schema's order; a route's own parameters stand after them
VOTE_FILTERS = {"municipality": ShortText, "committee": ShortText, "year": YearQ, "member": Text}
MEMBER_FILTERS = {"municipality": ShortText, "committee": ShortText, "year": YearQ, "party": ShortText}
BLOC_FILTERS = {"municipality": ShortText, "committee": ShortText, "year": YearQ}


def _args(filters: Filters) -> dict[str, str]:
    """The filters given, as the page's form and links write them back ("" for none)."""
    return {k: v or "" for k, v in filters.items()}


# ---- /votes ---------------------------------------------------------------------------------


def votes_html(
    request: Request,
    *,
    filters: Filters,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    format: HtmlFormat = "html",
) -> Response:
    args = _args(filters)
    member = filters["member"]
    try:
        rows = _votes(request, filters, page * PER_PAGE + 1 if format == "html" else None)
    except NamndkollError:
        if not blank(member):
            raise
        # a name no roll call lists: say so on the page, with the names it is part of
        return render(request, "votes.html", {"rows": [], "more": False, "page": 1, "args": args, "records": [],
                                              "unknown": member, "like": _names_like(request, member)})
    if format != "html":
        return download("votes", "Omröstningar", _vote_columns(member), rows, format)
    # the member's record beside their votes: one per municipality that lists the name
    records = _members(request, filters, member=member) if blank(member) else []
    return render(request, "votes.html", {
        "rows": rows[(page - 1) * PER_PAGE:page * PER_PAGE], "more": len(rows) > page * PER_PAGE,
        "page": page, "per_page": PER_PAGE, "args": args, "records": records, "unknown": None, "like": []})


def _names_like(request: Request, fragment: str | None) -> list[dict[str, Any]]:
    """Members whose name holds ``fragment`` (any case): a misspelt or partial name's hint."""
    words = (fragment or "").casefold().split()
    if not words:
        return []
    rows = _members(request, {})
    return [r for r in rows if all(w in r["name"].casefold() for w in words)][:10]


def votes_api(
    request: Request,
    *,
    filters: Filters,
    limit: Limit = None,
    format: ApiFormat = "json",
) -> Response:
    """Omröstningar med resultat (ja, nej, avstår, frånvarande), proposition, § med rubrik
    (`item_title`), sida, citat och källa; `roll_call` listar varje ledamots röst där protokollet
    gör det, och `note` säger när namnuppropet inte stämmer med resultatet. `member` (hela namnet,
    oavsett versaler) ger bara de omröstningar där ledamoten finns med, med `member_vote`.
    Filter som i `namndkoll votes`; `format=csv|xlsx` för kalkylblad."""
    rows = _votes(request, filters, limit)
    if format != "json":
        return download("votes", "Omröstningar", _vote_columns(filters["member"]), rows, format)
    return JSONResponse(named(rows))


router.add_api_route("/votes", with_filters(VOTE_FILTERS, votes_html), methods=["GET"], include_in_schema=False)
router.add_api_route("/api/votes", with_filters(VOTE_FILTERS, votes_api), methods=["GET"], tags=["röstningar"],
                     summary="Omröstningar med namnupprop")


# ---- /members -------------------------------------------------------------------------------


def members_html(request: Request, *, filters: Filters, format: HtmlFormat = "html") -> Response:
    rows = _members(request, filters)
    if format != "html":
        return download("members", "Ledamöter", MEMBER_COLUMNS, rows, format)
    return render(request, "members.html", {"rows": rows, "args": _args(filters)})


def members_api(
    request: Request,
    *,
    filters: Filters,
    member: Text = None,
    limit: Limit = None,
    format: ApiFormat = "json",
) -> Response:
    """Varje ledamot i de lagrade namnuppropen (ett namn i en kommun): omröstningar, ja, nej,
    avstår, frånvaro och hur ofta ledamoten röstade som majoriteten av de andra närvarande
    ledamöterna i sitt parti (`with_party`, `against_party`, `with_party_share`); `url` är
    ledamotens omröstningar. `party` väljer ledamöter, inte vilka röster majoriteten räknas på."""
    rows = _members(request, filters, member=member, limit=limit)
    if format != "json":
        return download("members", "Ledamöter", MEMBER_COLUMNS, rows, format)
    return JSONResponse(rows)


router.add_api_route("/members", with_filters(MEMBER_FILTERS, members_html), methods=["GET"],
                     include_in_schema=False)
router.add_api_route("/api/members", with_filters(MEMBER_FILTERS, members_api), methods=["GET"],
                     tags=["röstningar"], summary="Ledamöter och hur de röstar")


# ---- /blocs ---------------------------------------------------------------------------------


def blocs_html(request: Request, *, filters: Filters) -> Response:
    res = _blocs(request, filters)
    return render(request, "blocs.html", {"tables": bloc_tables(res), "args": _args(filters)})


def blocs_api(
    request: Request,
    *,
    filters: Filters,
    format: Annotated[str, Query(pattern="^(json|csv)$")] = "json",
) -> Response:
    """`pairs`: två partier i samma kommun, de omröstningar där båda hade en linje, hur många av
    dem de röstade lika (`together`) och andelen (`share`); `parties`: varje partis omröstningar
    och enighet (`cohesion`, andelen av dess närvarande ledamöter som röstade partiets linje).
    Ett partis linje är det val flest av dess närvarande ledamöter gjorde; lika delning är ingen
    linje. `format=csv` ger en rad per par."""
    res = _blocs(request, filters)
    if format == "csv":
        return download("blocs", "Partier som röstar lika", PAIR_COLUMNS, res["pairs"], format)
    return JSONResponse(res)


router.add_api_route("/blocs", with_filters(BLOC_FILTERS, blocs_html), methods=["GET"], include_in_schema=False)
router.add_api_route("/api/blocs", with_filters(BLOC_FILTERS, blocs_api), methods=["GET"], tags=["röstningar"],
                     summary="Partier som röstar lika")
