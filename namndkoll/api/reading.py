"""The Python API, reading side: list and show what a corpus holds, what extraction stored,
and who voted how."""

from __future__ import annotations

import copy
import dataclasses
import re
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from ..corpus import opened
from ..corpus.store import StoredDocument
from ..errors import NamndkollError
from ..types import Document

# ---- reading the corpus -------------------------------------------------------------------

def documents(
    *, db: str | Path | None = None, municipality: str | None = None, committee: str | None = None,
    doc_type: str | None = None, year: int | None = None, dnr: str | None = None,
) -> list[StoredDocument]:
    """Stored documents matching every filter given (``dnr``: follow a case by diarienummer)."""
    with opened(db) as store:
        docs = store.list_documents(municipality=municipality, committee=committee,
                                    doc_type=doc_type, year=year, dnr=dnr)
    if dnr:
        from ..corpus.web import dnr_matches

        # the store matches a prefix ("2026.13" also finds "2026.131 TEN"): a whole number only
        docs = [d for d in docs if any(dnr_matches(x, dnr) for x in d.diarienummer)]
    return docs


def show(ref: str, *, db: str | Path | None = None) -> Document:
    """A stored document by id, path or a unique part of its path/title."""
    with opened(db) as store:
        return store.load_document(store.resolve(ref))


def stats(*, db: str | Path | None = None) -> dict[str, Any]:
    """Counts by municipality, committee, type, year and reader; what needs OCR; and
    ``read_by_older``: documents another namndkoll read (``ingest --reread`` reads them again)."""
    with opened(db) as store:
        s = store.corpus_stats()
    s["read_by_older"] = read_by_older(s)
    return s


def read_by_older(corpus_stats: dict[str, Any]) -> int:
    """How many stored documents another namndkoll read (from a store's ``corpus_stats``)."""
    from ..ingest.version import reader_version

    return int(corpus_stats["documents"]) - int(corpus_stats.get("by_reader", {}).get(reader_version(), 0))


def undated_count(*, db: str | Path | None = None, municipality: str | None = None,
                  committee: str | None = None, doc_type: str | None = None) -> int:
    """How many stored documents matching the filters have no date: a year filter (--year,
    --from, --to) leaves them out, whatever they say."""
    with opened(db) as store:
        return store.count_undated(municipality=municipality, committee=committee, doc_type=doc_type)


def empty_corpus_hint(*, db: str | Path | None = None) -> str | None:
    """When the corpus holds no document at all (an ingest that read nothing still made the
    file), what to do: every list is empty and every search "no good match" for that reason,
    not the filters. None when it holds one."""
    from ..corpus import db_label
    from ..corpus.db import default_db

    with opened(db) as store:
        if int(store.corpus_stats().get("documents", 0)):
            return None
    where = db_label(db or default_db())
    return f"the corpus at {where} holds no documents yet: run `namndkoll ingest PDF... --db {where}`"


def years_missed(*, db: str | Path | None = None, year: int | None = None, year_from: int | None = None,
                 year_to: int | None = None) -> list[int] | None:
    """The years of the stored documents, when none is dated in the years a filter asks
    (``year``, or ``year_from``..``year_to``); None when one is, or no year was asked."""
    lo, hi = (year, year) if year is not None else (year_from, year_to)
    if lo is None and hi is None:
        return None
    with opened(db) as store:
        years = sorted(int(y) for y in store.corpus_stats().get("by_year", {}) if str(y).isdigit())
    if any((lo is None or y >= lo) and (hi is None or y <= hi) for y in years):
        return None
    return years


def year_hint(*, db: str | Path | None = None, year: int | None = None, year_from: int | None = None,
              year_to: int | None = None) -> str | None:
    """Why a year filter found nothing, when no stored document is dated in those years: the
    years stored. None when one is (the emptiness has another cause)."""
    years = years_missed(db=db, year=year, year_from=year_from, year_to=year_to)
    if years is None:
        return None
    lo, hi = (year, year) if year is not None else (year_from, year_to)
    asked = (str(lo) if lo == hi else f"{hi} or earlier" if lo is None else f"{lo} or later" if hi is None
             else f"{lo}–{hi}")
    if not years:
        return f"no stored document is from {asked}: no stored document has a date"
    return f"no stored document is from {asked}; stored years: {year_spans(years)}"


def year_spans(years: list[int]) -> str:
    """2018, 2021, 2022, 2023 -> "2018, 2021–2023"."""
    spans: list[list[int]] = []
    for y in years:
        if spans and y == spans[-1][1] + 1:
            spans[-1][1] = y
        else:
            spans.append([y, y])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in spans)


@dataclasses.dataclass(frozen=True)
class BodyMiss:
    """A ``municipality`` filter that names no stored body: the stored bodies it most likely
    meant (``near``), else every stored body (``stored``, sorted)."""

    typed: str
    near: tuple[str, ...]
    stored: tuple[str, ...]


def body_miss(municipality: str, *, db: str | Path | None = None) -> BodyMiss | None:
    """None when a stored document is from a body of that name (any case, with or without å ä
    ö); else which stored bodies were meant: the name a body uses of itself or its short form
    ("Göteborgs Stad", "VGR"), a part of a stored name from a word's start ("Tolkförmedling" ->
    "Tolkförmedling Väst"), or a stored name starting a word of the one typed ("Lunds kommun")."""
    with opened(db) as store:
        names = sorted(store.bodies())
    from ..corpus.names import fold_name, names_like

    wanted = fold_name(municipality)  # any case, with or without å ä ö, as the filters compare
    if names_like(names, municipality, part=False):
        return None
    # "VGR" is no "GR" (Göteborgsregionen): a part counts from a word's start only
    near = _official(wanted, names) or [n for n in names if wanted and (
        _at_word_start(wanted, fold_name(n)) or _at_word_start(fold_name(n), wanted))]
    return BodyMiss(municipality, tuple(near), tuple(names))


def body_hint(municipality: str, *, db: str | Path | None = None) -> str | None:
    """Why ``--municipality`` found nothing, when no stored document is from a body of that
    exact name (any case): the stored bodies it meant (``body_miss``), or else all of them (at
    most a dozen). None when the name is stored."""
    miss = body_miss(municipality, db=db)
    if miss is None:
        return None
    if miss.near:
        return (f"no document is from {municipality!r} (--municipality takes the whole name); "
                f"did you mean {' or '.join(miss.near[:12])}?")
    names = miss.stored
    if not names:
        return f"no document is from {municipality!r}: no stored document names its municipality or body"
    listed = ", ".join(names[:12]) + (f" … ({len(names)} in all)" if len(names) > 12 else "")
    return f"no document is from {municipality!r}; stored: {listed}"


def _at_word_start(part: str, whole: str) -> bool:
    """``part`` stands in ``whole`` from the start of one of its words."""
    return re.search(r"(?<![\w])" + re.escape(part), whole) is not None


def _official(wanted: str, names: list[str]) -> list[str]:
    """The stored names of the bodies (the shipped table of municipalities and regions) that
    call themselves ``wanted`` (folded): "göteborgs stad", "alingsas kommun", "vgr", or that
    their county's name makes of them ("region vastra gotaland", see _region_forms)."""
    from ..corpus.names import fold_name
    from ..ingest.org_table import organisations

    stored = {fold_name(n): n for n in names}
    out = []
    for org in organisations():
        forms = {org.name, *org.aliases}
        if org.genitive and org.suffix:
            forms |= {f"{org.genitive} {org.suffix}", org.genitive}
        if org.kind == "region":
            forms |= _region_forms(org.county)
        if wanted in {fold_name(f) for f in forms} and fold_name(org.name) in stored:
            out.append(stored[fold_name(org.name)])
    return out


def _region_forms(county: str) -> set[str]:
    """The names a region goes by, made from its county the way the other regions name
    themselves: "Västra Götalands län" -> "Region Västra Götaland", "Västra Götalandsregionen",
    "Region Västra Götalands län", "Västra Götalands län" (the county's name without "län" and
    its genitive s)."""
    if not county.endswith(" län"):
        return set()
    gen = county.removesuffix(" län")
    stem = gen.removesuffix("s")
    return {f"Region {stem}", f"Region {county}", f"{stem}sregionen", f"{gen}regionen", county,
            f"{gen} läns landsting", f"Landstinget {stem}"}


def committee_hint(committee: str, *, db: str | Path | None = None) -> str | None:
    """Why ``--committee`` found nothing, when no stored document (nor a bundled protocol's §)
    is from a committee whose name contains it: the committees stored (at most a dozen). None
    when one is, and the emptiness has another cause."""
    with opened(db) as store:
        if store.list_documents(committee=committee):
            return None
        names = sorted(str(k) for k in store.corpus_stats().get("by_committee", {}) if k and k != "unknown")
    if not names:
        return f"no document is from {committee!r}: no stored document names its committee"
    from ..ingest.committee_initials import spells_initials

    # "BUN", as the protocols abbreviate it (in their running heads and diarienummer)
    near = [n for n in names if spells_initials(committee.strip(), n)]
    if near:
        return (f"no stored committee's name contains {committee!r} (--committee takes a part of the name); "
                f"did you mean {' or '.join(near[:12])}?")
    # "; " between them: a committee's name may hold a comma ("Koncernkontoret, Regional …")
    listed = "; ".join(names[:12]) + (f" … ({len(names)} in all)" if len(names) > 12 else "")
    return f"no stored committee's name contains {committee!r}; stored: {listed}"


def other_units(unit: str, *, kind: str | None = None, db: str | Path | None = None) -> list[str] | None:
    """The units of the stored figures (of ``kind``), the most common first, when none has
    ``unit`` (as typed, or as it is stored: "platser" is "plats", "kr" is "SEK"); None when one
    has it, and an empty list of figures has another cause (another filter)."""
    with opened(db) as store:
        units = [u for u, _ in store.figure_units(kind)]
    return None if unit in units or stored_unit(unit) in units else units


def unit_hint(unit: str, *, kind: str | None = None, db: str | Path | None = None) -> str | None:
    """Why ``figures --unit`` found nothing, when no stored figure (of ``kind``) has that unit:
    the units stored (at most a dozen). None when one has."""
    units = other_units(unit, kind=kind, db=db)
    if units is None:
        return None
    what = f"{kind} figure" if kind else "figure"
    if not units:
        return f"no stored {what} has the unit {unit!r}: no {what}s are stored"
    listed = ", ".join(units[:12]) + (f" … ({len(units)} in all)" if len(units) > 12 else "")
    return f"no stored {what} has the unit {unit!r}; stored units: {listed}"


def read_document(path: str | Path, *, ocr: bool | None = None) -> Document:
    """Read one PDF (nothing stored): pages, metadata, § items."""
    from ..ingest import read_document as _read

    return _read(path, ocr=ocr)


def as_dict(obj: Any) -> Any:
    return dataclasses.asdict(obj)


# ---- what extract/ stored (namndkoll figures | decisions | votes | positions | people) -------

LISTS = ("figures", "decisions", "votes", "positions", "people")


def extracted(what: str, *, db: str | Path | None = None, **filters: Any) -> list[dict[str, Any]]:
    """Stored ``what`` (one of ``LISTS``) matching ``filters`` (municipality, committee, year,
    party, kind, unit, document, limit — those that apply), each row with its document, §
    item, page, quote and a copy-ready citation."""
    from ..search.cite import bundled_in, format_citation, last_page
    from ..types import Metadata

    if what not in LISTS:
        raise NamndkollError(f"cannot list {what!r}: choose one of {', '.join(LISTS)}")
    typed = filters.get("unit")
    if typed:
        filters["unit"] = stored_unit(typed)
    with opened(db) as store:
        rows = store.list_extracted(what, **filters)
        if not rows and typed and filters["unit"] != typed:  # a unit stored as typed after all
            rows = store.list_extracted(what, **{**filters, "unit": typed})
        dnrs = case_numbers(store, rows)
        # a row of another body's protocol extract bundled in the document is cited as that
        # extract in the document ("protokollsutdrag … § 27 i Stadsrevisionens revisionsrapport …")
        stored = {d: store.get_stored(d) for d in {r["document_id"] for r in rows}}
    for r, dnr in zip(rows, dnrs, strict=True):
        md = Metadata(r["title"], r["municipality"], r["committee"], r["doc_type"], r["date"],
                      kind=r.pop("doc_kind", None))
        r["citation"] = format_citation(md, item=item_number(r["item"]), page=r["page"],
                                        page_end=last_page(r), diarienummer=dnr, source=r["source"],
                                        within=bundled_in(r["committee"], stored[r["document_id"]]))
    return rows


_CURRENCY = {"kr", "kr.", "kronor", "krona", "sek", "tkr", "mkr", "mnkr"}
_PERCENT = {"%", "procent", "pct"}


def stored_unit(unit: str) -> str:
    """A unit as a reader types it, as extract/ stores it: "kr", "kronor" -> "SEK"; "procent"
    -> "%"; "m2", "kvm" -> "m²", "kilometer" -> "km"; a counted noun as its lemma ("platser"
    -> "plats"). `figures --unit m2` found nothing where the document writes "5 000 m2"."""
    from ..extract.figure_text import count_unit, lemma
    from ..measures import measure_unit

    word = " ".join(unit.split())
    if word.casefold() in _CURRENCY:
        return "SEK"
    if word.casefold() in ("euro", "eur", "€"):
        return "EUR"
    if word.casefold() in _PERCENT:
        return "%"
    measure = measure_unit(word)
    if measure:
        return measure
    if word.casefold() in ("procentenhet", "procentenheter"):
        return "procentenhet"
    return count_unit(lemma(word)) if word.isalpha() else word


def item_number(item: str | None) -> str | None:
    """A stored row's § item as a citation names it: "§ 12" and "12" are both "12"."""
    return (item or "").lstrip("§ ") or None


def ocr_read_pages(hits: list[Any], *, db: str | Path | None = None) -> dict[int, tuple[int, ...]]:
    """For each hit (by chunk id) the pages of its passage that Tesseract read: a quote from
    them is OCR's and is to be checked against the page. The pages' OCR marks alone are read,
    in one query (no document loaded)."""
    out: dict[int, tuple[int, ...]] = {}
    if not hits:
        return out
    with opened(db) as store:
        ocr = store.ocr_read_pages([h.document_id for h in hits])
    for h in hits:
        pages = tuple(n for n in range(h.page, (h.page_end or h.page) + 1) if n in ocr.get(h.document_id, ()))
        if pages:
            out[h.chunk_id] = pages
    return out


def document_json(md: dict[str, Any]) -> dict[str, Any]:
    """A search hit's document as JSON: its metadata with ``year`` the year it is filed under
    (``documents --year``, the facets), the date's year when it has a date. ``Metadata.year``
    holds only an undated document's title year, so a dated hit said "year": null."""
    date = md.get("date")
    year = md.get("year") or (int(date[:4]) if isinstance(date, str) and date[:4].isdigit() else None)
    return {**md, "year": year}


def doc_type_of(text: str) -> str | None:
    """The stored document type typed as Swedish writes it: any case, with or without å ä ö,
    a space or dash for the underscore ("Tjänsteskrivelse", "årsredovisning", "särskilt
    yttrande" -> "sarskilt_yttrande"); None when it is no type namndkoll stores."""
    from typing import get_args

    from ..corpus.names import fold_name
    from ..types import DocType

    code = fold_name(text).replace("-", " ").replace(" ", "_")
    return code if code in get_args(DocType) else None


def checked_doc_type(value: str) -> str:
    """A document type as typed (``doc_type_of``) as it is stored, or a NamndkollError naming
    the types and the nearest one ("protokol"): the one check of the CLI's ``--type`` (which
    says it as a usage error) and of ``watch_add``."""
    from typing import get_args

    from ..display import did_you_mean, one_line
    from ..types import DocType

    code = doc_type_of(value)
    if code is None:
        types = get_args(DocType)
        near = did_you_mean(value, types)
        raise NamndkollError(f"{one_line(value)!r} is no document type namndkoll stores; "
                             + (f"did you mean {near}? Or " if near else "") + f"use one of {', '.join(types)}")
    return code


def checked_party(value: str) -> str:
    """A party as typed ("S", "fp", "Socialdemokraterna", "moderater", "sossarna", "-") as
    today's code (``registry.party_code_of``), or a NamndkollError naming the codes and the
    nearest party ("Socialdemokaterna"): the one check of the CLI's ``--party`` (which says it as
    a usage error) and of ``watch_add``."""
    from ..display import did_you_mean, one_line
    from ..registry import PARTIES, party_code_of

    code = party_code_of(value)
    if code is None:
        near = did_you_mean(value, [p.name for p in PARTIES.values()])
        hint = f"did you mean {near} ({party_code_of(near)})? Or " if near else ""
        raise NamndkollError(f"{one_line(value)!r} is no party code namndkoll knows; "
                             f"{hint}use one of {' '.join(PARTIES)}, or - for members without a party")
    return code




def same_item(stored: str, typed: str) -> bool:
    """Whether ``typed`` names the § item numbered ``stored``, as people write a § ("§ 39",
    "39 §" in Finland-Swedish protocols, "§ 3 a", "3A"): the § sign and spaces left out,
    any case."""
    def norm(s: str) -> str:
        return "".join(s.replace("§", " ").split()).casefold()

    return norm(stored) == norm(typed)


def case_numbers(store: Any, rows: list[dict[str, Any]]) -> list[tuple[str, ...]]:
    """The diarienummer each stored row (a figure, decision, vote, position) may cite, as a
    search hit's citation does (its § item's own): a quote copied from a table or the basket
    names its case as the same passage found by search does."""
    keys = [(int(r["document_id"]), item_number(r.get("item"))) for r in rows]
    found = store.diarienummer_many(keys) if keys else {}
    return [found.get(k, ()) for k in keys]


# ---- roll calls: who voted how (namndkoll votes --member, namndkoll members) ---------------

def votes(*, db: str | Path | None = None, member: str | None = None, municipality: str | None = None,
          committee: str | None = None, year: int | None = None, document: int | None = None,
          limit: int | None = None) -> list[dict[str, Any]]:
    """Stored votes, each with its ``roll_call`` (every member's vote where the protocol lists
    them) and a ``note`` where the members do not add up to the stated result.

    ``member``: only the votes whose roll call lists that name, matched whole in any case and
    spacing ("aslan akbas"), each row with ``member_vote``; a part of a name ("Akbas") matches
    nothing, and a name no roll call lists is an error that names the members it is part of.
    """
    member = member_as_stored(db, member) if member else member
    rows = extracted("votes", db=db, member=member, municipality=municipality, committee=committee,
                     year=year, document=document, limit=limit)
    if member and not rows:
        check_member(db, member)
    return rows


def members(*, db: str | Path | None = None, party: str | None = None, committee: str | None = None,
            municipality: str | None = None, year: int | None = None, member: str | None = None,
            limit: int | None = None) -> list[dict[str, Any]]:
    """Every member of the stored roll calls (one municipality's name is one member): votes
    listed, ja / nej / avstår, absences, and how often they voted with the majority of the other
    members of their party present in the same vote (``with_party``, ``against_party``,
    ``with_party_share``; a vote where no other party member voted, or they split evenly, is not
    counted). ``party`` picks the members shown, not the votes the majorities come from."""
    member = member_as_stored(db, member) if member else member
    with opened(db) as store:
        rows = _remembered(store, db, ("members", party, committee, municipality, year, member, limit),
                           lambda: store.list_members(party=party, committee=committee, municipality=municipality,
                                                      year=year, member=member, limit=limit))
    if member and not rows:
        check_member(db, member)
    return rows


def blocs(*, db: str | Path | None = None, committee: str | None = None, municipality: str | None = None,
          year: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Which parties vote together in the stored roll calls: ``pairs`` (two parties of one
    municipality, the votes both had a line in, how many they voted together, the share) and
    ``parties`` (votes and cohesion: the share of its present members who voted the party's
    line). A party's line in a vote is its present members' most common choice; an even split
    is no line (corpus/blocs.py)."""
    with opened(db) as store:
        return _remembered(store, db, ("blocs", committee, municipality, year),  # type: ignore[no-any-return]
                           lambda: store.list_blocs(committee=committee, municipality=municipality, year=year))


# members and blocs count every roll-call row under their filters (~7 s at 1M rows,
# docs/scaling.md): a long-running process (the web app, a notebook) remembers the last answers
# for as long as the corpus's votes are the same (``Store.votes_version``)
_ROLL_ANSWERS: OrderedDict[tuple[Any, ...], tuple[tuple[int, ...], Any]] = OrderedDict()
_ROLL_ANSWERS_MAX = 32
_roll_lock = threading.Lock()


def _remembered(store: Any, db: str | Path | None, key: tuple[Any, ...], compute: Any) -> Any:
    at = (str(getattr(store, "location", "") or db), *key)
    version = store.votes_version()
    with _roll_lock:
        have = _ROLL_ANSWERS.get(at)
        if have is not None and have[0] == version:
            _ROLL_ANSWERS.move_to_end(at)
            return copy.deepcopy(have[1])  # callers add to the rows (the web app's links)
    value = compute()
    with _roll_lock:
        _ROLL_ANSWERS[at] = (version, copy.deepcopy(value))
        while len(_ROLL_ANSWERS) > _ROLL_ANSWERS_MAX:
            _ROLL_ANSWERS.popitem(last=False)
    return value


def member_as_stored(db: str | Path | None, member: str) -> str:
    """The name as the roll calls store it when ``member`` is typed without its å ä ö or
    accents ("Asa Hartzell" for "Åsa Hartzell", "Jorgen" for "Jörgen"), as every other filter
    takes a name; else ``member`` itself (a name matched in any case and spacing already)."""
    from ..corpus.extractions import name_key
    from ..corpus.names import fold_name

    with opened(db) as store:
        if any(name_key(n) == name_key(member) for n in store.member_names(member)):
            return member
        want = fold_name(member)
        for row in store.list_members():
            for name in (row["name"], *row.get("also_written", ())):
                if fold_name(name) == want:
                    return str(name)
    return member


def check_member(db: str | Path | None, member: str) -> None:
    """A name no roll call lists is an error that says which stored names it is part of."""
    from ..corpus.extractions import name_key

    with opened(db) as store:
        names = store.member_names(member)
    if any(name_key(n) == name_key(member) for n in names):
        return  # listed, only not under these filters
    hint = (f"did you mean {', '.join(names)}? (names are matched whole, in any case)" if names
            else "check the spelling; `namndkoll members` lists every member of the stored roll calls")
    raise NamndkollError(f"no roll call lists {member!r}: {hint}")

