"""Openings of regions', kommunalförbund's and other municipalities' papers that the first
batch of openings lacked (bench/openings.json, dev2): a front page flattened into one long line
that opens with the body, a letterhead's value row with the case number before the addressee, a
kallelse whose kind and body are set in capitals, a förbund named in the genitive before a
compound in small letters, a municipality named by its genitive before one of its nämnder, a
district's nämnd. Lines adapted from real records (Region Kronoberg, Region Halland, Hallsberg,
Upplands-Bro, Lysekil, Medelpads räddningstjänstförbund, Söderåsens Miljöförbund, Östhammar,
Söderhamn, Lund, Ånge)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_flattened_front_page_opens_with_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [[("1 Trafiknämnden Tid 09:00 Plats Beslutande ledamöter Ej tjänstgörande ersättare "
                           "Utses att justera Region Kronoberg, Nygatan 20, Växjö Peter Freij (S) (ordförande)"),
                           "Helena Lagstrand (V) (vice ordförande) Justeringens plats och tid Region Kronoberg"]])
    assert md.committee == "Trafiknämnden"
    assert md.municipality == "Region Kronoberg"
    assert md.org_kind == "region"
    md = _read(tmp_path, [[("Protokoll Sammanträdesdatum 2014-04-30 Regionstyrelsen 65 87 Tid Onsdag 30 april "
                           "2014, kl 09:00 14:30 Plats Regionens Hus, Södra vägen 9, Halmstad Ledamöter "
                           "Gösta Bergenheim (M)"), ("65 Justering Regionstyrelsen utser Per Persson att jämte "
                           "ordföranden justera protokollet.")]])
    assert md.committee == "Regionstyrelsen"
    assert md.org_kind == "region"
    assert md.date == "2014-04-30"


def test_running_text_that_opens_with_a_body_is_not_a_letterhead() -> None:
    from namndkoll.ingest.committee import _leading

    assert _leading("Socialnämnden beslutar att godkänna rapporten och lägga den till handlingarna.") is None
    assert _leading("Enligt beslut i kommunfullmäktige 2019-05-12 ska Socialnämnden Tid") is None
    assert _leading("1 Trafiknämnden Tid 09:00 Plats") == "Trafiknämnden"


def test_a_flattened_front_page_is_a_protocol_not_an_extract(tmp_path: Path) -> None:
    md = _read(tmp_path, [[("1 SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Kommunfullmäktige Tid Plats 18:30-19:30 "
                           "Alléskolan aula, Hallsberg Beslutande ledamöter Hans Karlsson (S) (ordförande)"),
                           "Justerare signatur Utdragsbestyrkande Page 1 of 14"]])
    assert md.doc_type == "protokoll"
    assert md.committee == "Kommunfullmäktige"


def test_the_case_number_before_the_addressee_in_a_letterhead_row(tmp_path: Path) -> None:
    md = _read(tmp_path, [["TJÄNSTESKRIVELSE 1 (2)", "Datum Vår beteckning Er beteckning", "Lena Bergström",
                           "Socialkontoret", "2018-08-28 SN 18/0098 Socialnämnden",
                           "Postadress: Upplands-Bro kommun, 196 81 Kungsängen",
                           "Revidering av riktlinjer för ekonomiskt bistånd", "Förslag till beslut",
                           "Ärendet avser en delrevidering av riktlinjerna."]])
    assert md.doc_type == "tjansteskrivelse"
    assert md.committee == "Socialnämnden"
    assert md.municipality == "Upplands-Bro"


def test_a_kallelse_in_capitals_with_its_revisionsrapport_item(tmp_path: Path) -> None:
    md = _read(tmp_path, [[("1 Kommunstyrelseförvaltningen KALLELSE/FÖREDRAGNINGSLISTA SOCIALNÄMNDEN Tid och "
                           "plats: Ordförande: Sekreterare: Onsdagen den 25 maj 2016 kl. 8.15, Borgmästaren, "
                           "stadshuset, Lysekil Maria Forsberg Anne-Marie Mattsson ÄRENDEN Upprop samt val av "
                           "justerare 4. Förtydligande avseende revisionsrapport Lysekils kommun, Lysekil")]])
    assert md.doc_type == "other"
    assert md.committee == "Socialnämnden"
    assert md.date == "2016-05-25"
    assert md.municipality == "Lysekil"


def test_a_forbund_named_in_the_genitive_before_a_small_compound(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Direktionens protokoll 8 december 2023", "Närvarande", "Direktionens ledamöter",
                           "Stefan Broman (S)", "Justering och sekreterare",
                           "55 § Beslut om mål- och resursplan inklusive budget 2024",
                           "Direktionen beslutar", "att godkänna mål- och resursplan inklusive budget 2024.",
                           "Bakgrund", ("Medelpads räddningstjänstförbund (MRF) ska ha en årlig mål- och "
                           "resursplan. Detta framgår av ägaruppdraget.")]])
    assert md.municipality == "Medelpads räddningstjänstförbund"
    assert md.org_kind == "kommunalforbund"
    assert md.committee == "Direktionen"


def test_a_forbund_whose_compound_is_capitalised(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Direktionens protokoll 6 februari 2024",
                           "Söderåsens Miljöförbund, Storgatan 50 C, Klippan kl 08.30 - 11.45",
                           "Beslutande:", "Agneta Sörensson (M)", "Utses att justera:", "Agneta Sörensson (M)",
                           "Organ: Direktionen för Söderåsens Miljöförbund", "Sammanträdesdatum: 2024-02-06"]])
    assert md.municipality == "Söderåsens Miljöförbund"
    assert md.org_kind == "kommunalforbund"


def test_a_municipality_named_by_its_genitive_before_a_nämnd(tmp_path: Path) -> None:
    md = _read(tmp_path, [[("1 Socialnämnden SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Sid (18) Plats och tid "
                           "Beslutande Gröna rummet, Socialförvaltningen, kl.09:00-13:40 Utses att justera "
                           "Anna-Lena Söderblom (M) Organ ANSLAG/BEVIS Justeringen har tillkännagivits genom "
                           "anslag Östhammars socialnämnd Sammanträdesdatum")]])
    assert md.municipality == "Östhammar"
    assert md.committee == "Socialnämnden"


def test_a_districts_nämnd_keeps_its_area(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Barn- och skolnämnd Lund Öster Sammanträdesprotokoll 1 Sammanträdesdatum",
                           "Plats och tid: Byskolans matsal, Södra Sandby, kl 18:30-21:10",
                           "Ordförande: Nordbeck Carolina (FP)"]])
    assert md.committee == "Barn- och skolnämnd Lund Öster"


def test_the_wrapped_adjustment_label_is_not_the_meeting_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL", "SÖDERHAMNS KOMMUN", "Nämnd", "Sammanträdesdatum",
                           "Plats och tid", "Arbetsmarknads- och socialnämnden", "2019-01-28",
                           "Faxepark, Europa, 09:00 – 14:55", "Utses att justera Isabel Hildén", "Justeringens",
                           "plats och tid", "Förvaltningshuset, 2019-02-04, kl. 15:30", "Paragrafer 12 – 22"]])
    assert md.date == "2019-01-28"


def test_a_kommun_only_body_gives_the_kind_without_the_name(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Sida 1 (23) Barn- och utbildningsnämnden",
                           "Plats och tid Sätila 15 december 2016 kl 13.00 Beslutande Sofia Sjöstrand, ordförande",
                           "Utses att justera Urban Jernberg"]])
    assert md.committee == "Barn- och utbildningsnämnden"
    assert md.org_kind == "kommun"
