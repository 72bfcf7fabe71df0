"""The table of Sweden's municipalities and regions shipped in ``data/organisations.tsv`` and
the names it gives a body: the ways a body names itself ("Lunds kommun", "Göteborgs Stad",
"Västra Götalandsregionen"), its web-address stems, a municipality's genitive, a landsting's
old name, and the municipality a file's name gives. ``orgs`` weighs where a document names
them.
"""

from __future__ import annotations

import importlib.resources
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..types import OrgKind

__all__ = ["Organisation", "domains", "fold", "genitives", "is_self_name", "known", "landsting_names", "named_bodies",
           "org_by_name", "org_in_file_name", "organisations", "without_self_names"]


@dataclass(frozen=True)
class Organisation:
    kind: OrgKind
    code: str  # SCB kommunkod (4 digits) or länskod (2 digits)
    name: str  # as stored: "Lund", "Göteborg", "Region Skåne", "Västra Götalandsregionen"
    genitive: str  # "Lunds", "Göteborgs", "Falu" (empty for regions)
    suffix: str  # the word the body uses after its genitive: "kommun", "stad", "region"
    county: str
    aliases: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def organisations() -> tuple[Organisation, ...]:
    """The table of municipalities and regions shipped with the package."""
    text = importlib.resources.files(__package__).joinpath("data/organisations.tsv").read_text("utf-8")
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, code, name, gen, suffix, county, aliases = (line.split("\t") + [""] * 7)[:7]
        out.append(Organisation(kind, code, name, gen, suffix, county,  # type: ignore[arg-type]
                                tuple(a for a in aliases.split(";") if a)))
    return tuple(out)


def is_self_name(line: str) -> bool:
    """True when ``line`` is nothing but a body's name ("Lunds kommun", "Göteborgs Stad",
    "REGION SKÅNE", "Västra Götalandsregionen"): a letterhead, not a title."""
    m = known()[0].fullmatch(line.strip(" .,:;"))
    return m is not None


def without_self_names(line: str) -> str:
    """``line`` with every body's name taken out ("Lunds kommun Socialförvaltningen" ->
    " Socialförvaltningen")."""
    return known()[0].sub(" ", line)


def named_bodies(text: str) -> set[str]:
    """The table bodies ``text`` names ("Kommunstyrelsen Alingsås kommun" -> {"Alingsås"})."""
    rx, forms = known()
    return {forms[m.group(1).casefold()].name for m in rx.finditer(text) if m.group(1)[:1].isupper()}


def org_by_name(name: str) -> Organisation | None:
    """The table's organisation called ``name`` (case-insensitive), if any."""
    return _by_name().get(name.casefold())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Organisation]:
    return {o.name.casefold(): o for o in organisations()}


# a file's name puts the municipality first ("alingsas_ramar_2027-2029.pdf") or after the body
# whose paper it is ("motion-regionfullmaktige-gotland-vegetabilisk-kost-2016.pdf")
_WORDS = {"mark", "vara"}  # municipalities named by common words ("mark-och-exploatering.pdf")
_BODY_TOKEN = re.compile(r"(?:kommun|region|landsting|stad)\w*")


def org_in_file_name(source: str, org_kind: str | None = None) -> Organisation | None:
    """The municipality a file's name gives where the text names none: the name's first word,
    or the word after a body word, spelled as a web address spells a table municipality; with
    ``org_kind`` "region" the region of that name (Gotland: Region Gotland), else none."""
    stem = re.split(r"[/\\]", source)[-1].rsplit(".", 1)[0]
    tokens = [t for t in re.split(r"[-_.\s]+", stem.casefold()) if t]
    places = [0] + [i + 1 for i, t in enumerate(tokens) if _BODY_TOKEN.fullmatch(t)]
    kommuner = {fold(o.name): o for o in organisations() if o.kind == "kommun" and fold(o.name) not in _WORDS}
    hits: set[str] = set()
    for i in places:
        for n in (3, 2, 1):  # "upplands-bro", "malung-salen": a name of several words
            if i + n <= len(tokens) and (o := kommuner.get("".join(tokens[i:i + n]))) is not None:
                hits.add(o.name)
                break
    if len(hits) != 1:
        return None
    o = kommuner[fold(hits.pop())]
    if org_kind in (None, "kommun"):
        return o
    if org_kind == "region":
        return org_by_name(f"Region {o.name}")
    return None


def fold(s: str) -> str:
    """'Malung-Sälen' -> 'malungsalen': how names look in web addresses."""
    s = unicodedata.normalize("NFKD", s.casefold())
    return re.sub(r"[^a-z0-9]", "", "".join(c for c in s if not unicodedata.combining(c)))


@lru_cache(maxsize=1)
def known() -> tuple[re.Pattern[str], dict[str, Organisation]]:
    """One regex over every way a table body names itself, and the map from a form to its body."""
    forms: dict[str, Organisation] = {}
    for o in organisations():
        if o.kind == "kommun":
            for stem in {o.name, o.genitive}:
                for suf in ("kommun", "stad"):
                    forms[f"{stem} {suf}".casefold()] = o
        else:
            forms[o.name.casefold()] = o
            if o.name.endswith("regionen"):  # "Västra Götalandsregionens"
                forms[(o.name + "s").casefold()] = o
        for a in o.aliases:
            forms[a.casefold()] = o
    alts = sorted(forms, key=len, reverse=True)
    rx = re.compile(r"(?<![\wåäö])(" + "|".join(re.escape(a) for a in alts) + r")(?:s|en|ens|:s)?(?![\wåäö])",
                    re.IGNORECASE)
    return rx, forms


@lru_cache(maxsize=1)
def domains() -> dict[str, Organisation]:
    """Web-address stems: lund.se, goteborg.se, alingsas.se, vgregion.se, regionskane... Stems
    shared by two bodies (Håbo and Habo both fold to 'habo') are dropped."""
    seen: dict[str, list[Organisation]] = {}
    for o in organisations():
        stems = {fold(o.name)}
        if o.kind == "kommun":
            stems |= {fold(o.name) + "kommun", fold(o.name) + "stad"}
        for s in stems:
            seen.setdefault(s, []).append(o)
    out = {s: os[0] for s, os in seen.items() if len(os) == 1}
    # a kommun that is its county's only kommun does the region's work and names itself the
    # region (Region Gotland): its web address is the region's
    per_county: dict[str, list[Organisation]] = {}
    for o in organisations():
        per_county.setdefault(o.county, []).append(o)
    for members in per_county.values():
        kommuner = [o for o in members if o.kind == "kommun"]
        regions = [o for o in members if o.kind == "region"]
        if len(kommuner) == 1 and len(regions) == 1:
            out[fold(kommuner[0].name)] = regions[0]
    vgr = org_by_name("Västra Götalandsregionen")
    skane = org_by_name("Region Skåne")
    if vgr:
        out["vgregion"] = vgr
    if skane:
        out["skane"] = skane
    return out


@lru_cache(maxsize=1)
def genitives() -> dict[str, Organisation]:
    """A municipality's genitive ("Östhammars", "Lunds") -> the municipality; a genitive two share
    is left out."""
    seen: dict[str, list[Organisation]] = {}
    for o in organisations():
        if o.kind == "kommun" and o.genitive.endswith("s"):
            seen.setdefault(o.genitive, []).append(o)
    return {g: os[0] for g, os in seen.items() if len(os) == 1}


@lru_cache(maxsize=1)
def landsting_names() -> dict[str, Organisation]:
    """How a landsting named its county ("kronoberg", "kronobergs", "kalmar län", "sörmland") ->
    the region it became (the county's confirmation that a landsting is meant)."""
    out: dict[str, Organisation] = {}
    for o in organisations():
        if o.kind != "region":
            continue
        stem = o.county.removesuffix(" län")
        keys = {stem, stem.removesuffix("s"), o.county, o.name.removeprefix("Region ")}
        for k in keys:
            if k and k != o.name:
                out[k.casefold()] = o
    return out
