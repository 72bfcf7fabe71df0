"""Openings of regions' and landsting's papers and of kommunalförbund that name no body in their
letterhead (bench/openings.json, dev3): a landsting's old name ("Landstinget Kronoberg",
"Stockholms läns landsting", "ÖREBRO LÄNS LANDSTING") is a region's, stored as it names itself; a region's own bodies
(hälso- och sjukvårdsnämnd, patientnämnd, landstingsfullmäktige) and officers (regiondirektör,
landstingsrevisorer) tell a region, a förbundsdirektör a kommunalförbund, whose members' delegates
are not its author; a meeting's web page titled by body and day; a web copy's page number before
"PROTOKOLL"; the notice of the meeting is not the meeting. Lines adapted from real records
(Landstinget Kronoberg, Stockholms läns landsting, Region Gävleborg, Boråsregionen, Västra
Götalandsregionen, Regionförbundet södra Småland)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_landsting_is_a_region_named_as_it_names_itself(tmp_path: Path) -> None:
    md = _read(tmp_path, [["PROTOKOLL LS (14) Landstingets kansli LS 11/2009",
                           "Landstingsstyrelsen", "Tid Måndagen den 7 december 2009, kl 09.00",
                           "Plats Föreläsningssalen, Sigfridsområdet, Växjö"],
                          ["252 Landstingsdirektörens rapport",
                           "Landstingsdirektören rapporterade om följande punkter:",
                           "- Landstinget Kronoberg nominerat till årets IT-pris"]])
    assert md.municipality == "Landstinget Kronoberg"
    assert md.org_kind == "region"
    assert md.committee == "Landstingsstyrelsen"
    for name, region in (("Stockholms läns landsting", "Stockholms läns landsting"),
                         ("ÖREBRO LÄNS LANDSTING", "Örebro läns landsting"),
                         ("Landstinget i Östergötland", "Landstinget i Östergötland"),
                         ("Landstinget i Kalmar län", "Landstinget i Kalmar län"),
                         ("LANDSTINGET DALARNA", "Landstinget Dalarna")):
        md = _read(tmp_path, [[name, "PROTOKOLL", "Landstingsfullmäktige", "Sammanträdesdatum 2009-06-16"]])
        assert (md.municipality, md.org_kind) == (region, "region"), name


def test_a_body_or_officer_only_a_region_or_forbund_has_gives_the_kind(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Plats och tid Styrelserummet, Regionkontoret kl. 10:15-15:00",
                           "Beslutande ledamöter Eva Lindberg (S) (ordförande)",
                           "Johan Färnstrand (Regiondirektör)"]])
    assert md.org_kind == "region"
    # the web copy runs the attendance into one line, where "Varbergs kommun" is a mention
    md = _read(tmp_path, [[("1 Plats och tid Borås, kl 09.00 Omfattning 1-17 Beslutande Ulf Olsson (S) ordförande "
                           "Margareta Lövgren (M) 1-e vice ordförande Annette Carlson (M) Adjungerade Jana "
                           "Nilsson (S) Varbergs kommun Cristina Bernevång (KD) Övriga Lena Brännmar, "
                           "förbundsdirektör Christina Klaar, förbundssekreterare Svante Stomberg, kommunchef")]])
    assert md.municipality is None  # Varberg sends a delegate; it did not write the protocol
    assert md.org_kind == "kommunalforbund"
    md = _read(tmp_path, [["Patientnämnden", "Sammanträdesdatum 2023-05-23", "Plats Umeå"]])
    assert md.org_kind == "region"


def test_the_notice_field_may_name_the_board_without_its_article(tmp_path: Path) -> None:
    md = _read(tmp_path, [[("Plats och tid Styrelserummet kl. 10:15-15:00 Beslutande ledamöter Eva Lindberg (S) "
                           "Utses att justera Henrik Olofsson (SVG) ANSLAG/BEVIS Protokollet är justerat. "
                           "Justeringen har tillkännagivits genom anslag. Organ Regionstyrelse Datum för "
                           "anslags uppsättande")]])
    assert md.committee == "Regionstyrelsen"
    assert md.org_kind == "region"


def test_a_meetings_web_page_is_titled_by_body_and_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Regionfullmäktige 27 februari 2024", "Plats: Kommunhuset, Sundsgatan 29, Vänersborg",
                           "Tid: Klockan 09:30 - 19:52", "Beslutsärenden",
                           "1. Avsägelser och anmälan om nyvalda till regionfullmäktige"]])
    assert (md.committee, md.date, md.doc_type, md.org_kind) == ("Regionfullmäktige", "2024-02-27", "other", "region")
    md = _read(tmp_path, [["Kulturnämndens sammanträde onsdagen den 22 februari", "Dag:",
                           "Onsdag den 22 februari 2017", "Dagordning", "1. Beslut om dagordning",
                           "7. Kulturnämndens synpunkter på landstingsrevisorernas delårsrapport"]])
    assert (md.committee, md.org_kind) == ("Kulturnämnden", "region")
    md = _read(tmp_path, [["Landstingsfullmäktige den 10 februari 2009 med tillägg", "Dag:",
                           "Tisdag den 10 februari 2009", "Plats:", "Landstingshuset, Hantverkargatan 45"]])
    assert (md.committee, md.org_kind) == ("Landstingsfullmäktige", "region")


def test_a_web_copys_page_number_before_protokoll_and_the_notice_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 PROTOKOLL Landstingsfullmäktige Justerat onsdagen den 7 december Conny Andersson",
                           "287 Inledning Ordföranden förklarade sammanträdet öppnat.",
                           "288 Kungörelse och annonsering Kungörelsen om fullmäktiges sammanträde",
                           "utsändes den 10 november 2005 till fullmäktiges ledamöter och ersättare.",
                           "289 Justering Att jämte ordföranden justera sammanträdets protokoll utsågs",
                           "förste och andre vice ordföranden. Protokollet ska justeras senast onsdagen den 7 december."]])
    assert md.doc_type == "protokoll"
    assert md.date is None  # the notice went out on 10 November; the meeting's day is not printed
    md = _read(tmp_path, [["1 PROTOKOLL Landstingsfullmäktige Justerat tisdagen den 7 oktober beträffande 281",
                           "punkten val till patientnämnden, i övrigt tisdagen den 21 oktober 2003 Conny Andersson",
                           "274 Inledning Ordföranden förklarade sammanträdet öppnat."]])
    assert md.date is None
