"""More Meetings Plus bodies (Alingsås' KS, KF, bygg- och miljönämnd, överförmyndarnämnd, 2018 and
2026): PDFs drawn with reportlab in the template's layout and read the product's way
(``extract_file``: ingest, then extract). The wording is that of public Alingsås protocols.

- a proposal announced as "föreslår nedanstående tillägg …." runs on to the next heading, so
  the added text (what was decided) is part of the yrkande;
- a tillägg handed in jointly ("Till dagens sammanträde har X (M), Y (S) … inkommit med följande
  två tillägg …:") is a yrkande of every party named;
- a protokollsanteckning that mentions "detta initiativärende" after its colon hands in no
  initiativärende;
- a protocol whose text names no organisation (the kommun's name only in the logo) is still a
  kommun's when its body exists only in a kommun (överförmyndarnämnd).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_structure_templates import _mp_header, draw

from namndkoll.extract.pipeline import extract_file
from namndkoll.types import Document, Extraction


def _lines(x: float, y: float, rows: list[tuple[str, bool]], size: int = 11) -> list[tuple]:
    out: list[tuple] = []
    for text, bold in rows:
        out.append((x, y, text, size, bold))
        y += 14
    return out


def _ks(tmp_path: Path) -> Path:
    p1 = _mp_header(1, "Kommunstyrelsen") + _lines(71, 140, [
        ("§ 114 2026.288 KS", False),
        ("Initiativärende till kommunstyrelsen gällande utredning av utökad", True),
        ("parkeringskapacitet vid Nolhaga - Jan-Erik Wallin (M) med flera", True),
        ("Ärendebeskrivning", True),
        ("Jan-Erik Wallin (M) och Lady France Mulumba (KD) har den 1 juni 2026 lämnat ett", False),
        ("initiativärende till kommunstyrelsen, gällande utredning av parkeringskapacitet.", False),
        ("Beslut", True),
        ("Initiativärendet avslås.", False),
        ("Anteckning", True),
        ("Jan-Erik Wallin (M) och Lady France Mulumba (KD) lämnar följande skriftliga", False),
        ("protokollsanteckning:", False),
        ("Det är svårt att förstå invändningarna mot detta initiativärende när problembilden", False),
        ("delas av flera partier.", False),
        ("Beslutsunderlag", True),
        ("• Initiativärende till kommunstyrelsen", False),
    ])
    p2 = _mp_header(2, "Kommunstyrelsen") + _lines(71, 140, [
        ("§ 115 2026.265 KS", False),
        ("Strategiska vägval storregional kollektivtrafik", True),
        ("Ärendebeskrivning", True),
        ("Västra Götalandsregionen har beslutat att revidera Målbild tåg 2035.", False),
        ("Förslag till beslut på sammanträdet", True),
        ("Heidi Hankanen Ängberg (C) föreslår nedanstående tillägg till Alingsås kommuns inspel till", False),
        ("strategiska vägval för storregional kollektivtrafik.", False),
        ("Följande stycke läggs till efter meningen ”Kommunen ser också att det är angeläget”:", False),
        ("Alingsås kommun vill betona att den storregionala kollektivtrafikplaneringen även behöver", False),
        ("omfatta landsbygden.", False),
        ("Beslutsgång", True),
        ("Ordföranden ställer tilläggsförslaget mot avslag och finner att det bifalls.", False),
        ("Beslut", True),
        ("Kommunstyrelsen antar tekniska nämndens förslag med tillägget.", False),
    ])
    p3 = _mp_header(3, "Kommunstyrelsen") + _lines(71, 140, [
        ("§ 116 2026.021 KS", False),
        ("Ramar 2027-2029 för Alingsås kommun", True),
        ("Ärendebeskrivning", True),
        ("Ramberedningen hölls den 13 maj 2026.", False),
        ("Förslag till beslut på sammanträdet", True),
        ("Till dagens sammanträde har Jan-Erik Wallin (M), Anton César (S), Sanna Dabolins (V) och", False),
        ("Janine Alm Ericson (MP) inkommit med följande två tillägg till arbetsutskottets förslag:", False),
        ("1. Vård- och omsorgsnämnden föreslås tillföras 13 miljoner kronor under 2027 för att", False),
        ("utveckla användningen av välfärdsteknik.", False),
        ("2. Barn- och ungdomsnämnden föreslås få 12 miljoner kronor under 2027.", False),
        ("Beslutsgång", True),
        ("Ordföranden ställer tilläggsförslaget mot avslag och finner att det bifalls.", False),
    ])
    return draw(tmp_path / "ks.pdf", [p1, p2, p3])


@pytest.fixture(scope="module")
def ks(tmp_path_factory: pytest.TempPathFactory) -> tuple[Document, Extraction]:
    doc, ext = extract_file(str(_ks(tmp_path_factory.mktemp("ks"))))
    assert [i.number for i in doc.items] == ["114", "115", "116"]
    return doc, ext


def test_a_note_that_mentions_an_initiative_hands_in_none(ks):
    _, ext = ks
    # the initiativärende itself is M's and KD's; their note after it is a note, not another one
    assert [p.item for p in ext.positions if p.kind == "motion"] == ["§ 114"]
    assert ("§ 114", "protokollsanteckning", ("M", "KD")) in {(p.item, p.kind, p.parties) for p in ext.positions}


def test_a_proposal_announced_as_nedanstaende_runs_to_the_next_heading(ks):
    _, ext = ks
    (c,) = [p for p in ext.positions if p.item == "§ 115"]
    assert (c.kind, c.parties) == ("yrkande", ("C",))
    assert "omfatta landsbygden" in c.text and "Ordföranden" not in c.text


def test_a_tillagg_handed_in_jointly_is_every_named_partys_yrkande(ks):
    _, ext = ks
    (joint,) = [p for p in ext.positions if p.item == "§ 116"]
    assert (joint.kind, joint.parties) == ("yrkande", ("M", "S", "V", "MP"))
    assert "utveckla användningen av välfärdsteknik" in joint.text and "Beslutsgång" not in joint.text


def test_a_motion_handed_in_is_still_no_yrkande(tmp_path):
    page = _mp_header(1, "Kommunfullmäktige") + _lines(71, 140, [
        ("§ 12 2026.100 KS", False),
        ("Anmälan av motion", True),
        ("Ärendebeskrivning", True),
        ("Anton César (S) har inkommit med en motion om fler förskoleplatser i Alingsås.", False),
        ("Beslut", True),
        ("Motionen överlämnas till kommunstyrelsen för beredning.", False),
    ])
    _, ext = extract_file(str(draw(tmp_path / "kf.pdf", [page])))
    assert [(p.kind, p.parties) for p in ext.positions] == [("motion", ("S",))]


def _ofn_2018(tmp_path: Path, body: str) -> Path:
    cover = [(200, 300, "Protokoll", 28), (200, 340, body, 12), (200, 356, "2018-02-13", 12)]
    head = [(300, 60, body, 11), (300, 74, "Protokoll", 11), (300, 100, "2018-02-13", 11)]
    p2 = head + _lines(40, 140, [
        ("Plats och tid               Väktaren, Rådhuset                        Paragrafer      §§1-2", False),
        ("                            kl. 17:30-19:15", False),
        ("Beslutande                  Holger Andersson (L) (ordförande)", False),
        ("                            Birgit Thorman (S) (vice ordförande)", False),
        ("Utses att justera           Birgit Thorman (S)", False),
        ("Förvaringsplats för          Rådhuset", False),
    ], size=10)
    p3 = head + _lines(40, 140, [("§1", True), ("Information", True), ("A/ Flerårsstrategi", False)])
    p4 = head + _lines(40, 140, [
        ("§ 2 2018.001 ÖN", False), ("Årsredovisning 2017", True), ("Beslut", True),
        ("Årsredovisning för år 2017 godkänns.", False)])
    return draw(tmp_path / "ofn.pdf", [cover, p2, p3, p4])


def test_a_body_only_a_kommun_has_makes_the_protocol_a_kommuns(tmp_path):
    doc, _ = extract_file(str(_ofn_2018(tmp_path, "Överförmyndarnämnden")))
    m = doc.metadata
    assert (m.municipality, m.committee, m.org_kind, m.date) == (None, "Överförmyndarnämnden", "kommun", "2018-02-13")
    assert [(i.number, i.title) for i in doc.items] == [("1", "Information"), ("2", "Årsredovisning 2017")]


def test_a_body_any_organisation_may_have_says_nothing_of_its_kind(tmp_path):
    doc, _ = extract_file(str(_ofn_2018(tmp_path, "Kulturnämnden")))  # regions have one too
    assert (doc.metadata.committee, doc.metadata.org_kind) == ("Kulturnämnden", None)
