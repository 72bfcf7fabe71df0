"""What kind of organisation wrote a document, as the bodies it names and its own words tell: the
bodies only a kommun or only a region has by law, a förbund's direktion, the officers and premises
a body names only of its own; and whether the running head or letterhead names a body."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..types import OrgKind
from .body_names import joined_lines
from .doc_type import ITEM_HEAD

__all__ = ["FORBUND_OFFICER", "KOMMUN_ONLY_BODY", "REGION_ONLY_BODY", "heads_pages", "kind_by_own_words", "kind_of_body",
           "named_before_items", "own_body_of"]


# Bodies the law gives only a kommun (föräldrabalken's överförmyndare, vallagen's valnämnd,
# socialtjänstlagen's and plan- och bygglagen's nämnder): a protocol that names no organisation
# in its text (the kommun's name only in the logo) is still a kommun's. Regions' nämnder have
# other names (hälso- och sjukvårdsnämnd, patientnämnd), kommunalförbund a direktion. (Region
# Gotland, which does a kommun's work, names itself in its records, so find_organisation finds it.)
KOMMUN_ONLY_BODY = re.compile(
    r"(?:^|\s)(?:Överförmyndarnämnd|Valnämnd|Socialnämnd|Byggnadsnämnd|Bygg- och miljönämnd"
    r"|Miljö- och byggnadsnämnd|Samhällsbyggnadsnämnd"
    # the school below the gymnasium, leisure and the care of the old are a kommun's alone too
    r"|Barn- och (?:utbildnings|ungdoms|skol)nämnd|Grundskolenämnd|Förskolenämnd|Kultur- och fritidsnämnd"
    r"|Fritidsnämnd|Fritids- och [a-zåäö]+nämnd|Vård- och omsorgsnämnd|Äldrenämnd|Äldreomsorgsnämnd"
    # and so are the school's and the social services' bodies under other names ("Bildningsnämnden",
    # "Omsorgs- och arbetsmarknadsnämnden", "Socialutskottet")
    r"|Bildningsnämnd|Omsorgsnämnd|Omsorgs- och [a-zåäö]+nämnd|Socialutskott)", re.IGNORECASE)


# Bodies only a region (formerly a landsting) has: health care, dental care and patients'
# complaints are the regions' by law (hälso- och sjukvårdslagen, tandvårdslagen, lagen om
# patientnämndsverksamhet); a kommunalförbund is led by a direktion or a förbundsstyrelse
REGION_ONLY_BODY = re.compile(
    r"(?:^|\s)(?:(?:Regional|Operativ|Strategisk|Norra|Södra|Västra|Östra)a\s+)?(?:Hälso- och sjukvårdsnämnd"
    r"|Hälso- och sjukvårdsstyrelse|Patientnämnd|Tandvårdsnämnd|Primärvårdsnämnd|Psykiatrinämnd"
    r"|Nämnden för folkhälsa och sjukvård|Regionala utvecklingsnämnd)", re.IGNORECASE)
_FORBUND_BODY = re.compile(r"(?:Förbunds)?direktion(?:en)?\b|Förbundsstyrelse|Förbundsfullmäktige",
                           re.IGNORECASE)


# an officer titled by the förbund he heads ("Per Liljebäck, förbundschef för Samordningsförbundet
# Kungälv") is a guest of the body whose paper it is, not its own
_OF_NAMED_BODY = r"(?!\s+(?:för|i|vid|på)\s+(?-i:[A-ZÅÄÖ]))"


# words a body uses only of its own officers and premises: a document that names no body but
# has its förbundsdirektör or "Regionförbundets kansli" is a förbund's; its regiondirektör,
# landstingsråd or "Regionens hus" a region's (formerly a landsting's)
# A förbund's paper may name itself only by its kind ("Räddningstjänstförbundet" alone on a line, a
# table's head) and speak of its members ("Medlemskommunernas driftbidrag"): the kommuner it names
# then are its members, not its author; "förbundsmedlemmar" is the förbund's word for them
_OWN_FORBUND = re.compile(r"\b(?:(?:förbundsdirektör|förbundschef|förbundssekreterare)(?:en)?\b" + _OF_NAMED_BODY + "|"
                          # (not one it names by its county: "ansvarsfrihet för regionförbundet i Kalmar län")
                          r"regionförbunde[nt]s?(?!\s+i\s+(?-i:[A-ZÅÄÖ]))|kommunalförbundet|förbundsdirektionen|"
                          r"medlemskommun(?:er|erna|ernas)?|förbundsmedlem(?:mar|marna|marnas)?)\b|"
                          r"^(?-i:[A-ZÅÄÖ][a-zåäö]+förbundet)$", re.IGNORECASE | re.MULTILINE)
_OWN_REGION = re.compile(r"\b(?:regiondirektör(?:en)?|regionråd(?:et)?|landstingsdirektör(?:en)?|landstingsråd(?:et)?|"
                         r"landstingsrevisor\w*|regionkontoret|landstingshuset|landstingets\s+kansli|"
                         r"regionens\s+hus)\b", re.IGNORECASE)


# and a kommun's: its kommunchef or kommundirektör, its kommunledningskontor, its kommunrevisor
# (a region's and a förbund's own words are looked for first: they may name their members' officers)
_OWN_KOMMUN = re.compile(r"\b(?:kommunchef(?:en)?|kommundirektör(?:en)?|kommunrevisor\w*|kommunrevision(?:en|ens)?|"
                         r"kommunledningskontor(?:et)?|kommunledningsförvaltning(?:en)?|kommunkansli(?:et)?)\b",
                         re.IGNORECASE)


# a förbund's own officers: a document that has them is the förbund's, and the kommuner's
# anslagstavlor it names are its members' (a kommun's paper rarely lists a förbund's officers)
FORBUND_OFFICER = re.compile(r"\b(?:förbundsdirektör|förbundschef|förbundssekreterare)(?:en)?\b" + _OF_NAMED_BODY,
                              re.IGNORECASE)


def kind_by_own_words(text: str) -> OrgKind | None:
    if _OWN_FORBUND.search(text):
        return "kommunalforbund"
    if _OWN_REGION.search(text):
        return "region"
    if _OWN_KOMMUN.search(text):
        return "kommun"
    return None


def heads_pages(committee: str, header: str) -> bool:
    """Whether the running head of the pages names ``committee`` (wrapped lines joined)."""
    return committee.casefold() in " ".join(joined_lines(header.splitlines())).casefold()


def own_body_of(committee: str, *kinds: OrgKind) -> bool:
    """Whether ``committee``'s name alone says it is a body of one of ``kinds``."""
    if "region" in kinds and (committee.startswith(("Region", "Landsting")) or REGION_ONLY_BODY.search(committee)):
        return True
    return "kommunalforbund" in kinds and bool(_FORBUND_BODY.match(committee))


def named_before_items(name: str | None, header_lines: Sequence[str], page1: Sequence[str]) -> bool:
    """Whether ``name`` stands in the running head or the letterhead above the first § heading."""
    if not name:
        return False
    head = list(header_lines)
    for ln in page1:
        if ITEM_HEAD.match(ln):
            break
        head.append(ln)
    return name.casefold() in "\n".join(head).casefold()


def kind_of_body(committee: str | None) -> OrgKind | None:
    """The kind of organisation ``committee``'s name alone gives ("Regionstyrelsen", a valnämnd
    only a kommun has, a förbund's direktion), or None."""
    if not committee:
        return None
    if committee.startswith(("Region", "Kommun", "Landsting")):
        return "kommun" if committee.startswith("Kommun") else "region"
    if committee.startswith("Stads"):
        return "kommun"  # a stad is a kommun: "Stadsstyrelsen", "Stadsfullmäktige", "Stadsrevisionen"
    if KOMMUN_ONLY_BODY.search(committee):
        return "kommun"
    if REGION_ONLY_BODY.search(committee):
        return "region"
    if _FORBUND_BODY.match(committee):
        return "kommunalforbund"
    return None
