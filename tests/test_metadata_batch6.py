"""Openings of bodies the sixth batch of bench/openings.json brought (dev6): a protocol's table of
contents whose first line names it a protocol while an item title below opens with "Motion om";
"Dag och tid Onsdag den 10 oktober 2012" wrapped over two lines; an officer's report whose
letterhead (date, case number, page count, "HANDLÄGGARE") a web copy ran into one line; a
räddningstjänstförbund's förbundsfullmäktige that posts on its member kommuner's anslagstavlor and
lists "Justerade paragrafer"; a kommunalförbund's name cut by OCR in its head ("Östra Skara borg").
Lines adapted from real records (Skövde, Ludvika, Huddinge, Räddningstjänsten Storgöteborg,
Avfallshantering Östra Skaraborg)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_the_first_line_names_a_protocol_before_an_item_title_that_opens_with_motion(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Sammanträdesdatum Kommunstyrelsen (35) Innehållsförteckning",
                           "Kommunstyrelsen (35) Innehållsförteckning Sida KS 107/16 Strategisk plan med budget",
                           "KS 108/16 Höjning och revidering av taxa för den allmänna VA-anläggningen i Skövde kommun",
                           "KS 112/16 Revidering av instruktioner för beredning medborgare och folkhälsa KS 113/16",
                           "Motion om att cellprov ska ingå i försörjningsstöd KS 114/16 Motion om att öppna ett",
                           "idrottsbibliotek i Skövde kommun KS 115/16 Motion om införande av ett klimatkompenseringssystem"]])
    assert md.doc_type == "protokoll"
    assert (md.municipality, md.committee) == ("Skövde", "Kommunstyrelsen")
    # a motion's own first line still makes it a motion
    md = _read(tmp_path, [["Motion om att öppna ett idrottsbibliotek", "Vi föreslår att kommunfullmäktige beslutar",
                           "att utreda ett idrottsbibliotek.", "Anna Andersson (S)"]])
    assert md.doc_type == "motion"


def test_dag_och_tid_labels_the_meeting_date_wrapped_over_two_lines(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL 1 (18) Plats Folkets Hus, Gillesalen Dag och tid Onsdag den 10",
                           "oktober 2012 kl. 14.00 15.30 ande Sören Finnström (S) ordförande Kenneth Andersson (S)",
                           "Kurt Josefsson (BOP) Maino Wohlfeil (S) Brittsiw Åsberg (S) Göran Gullbro (MP) Per",
                           "Underskrifter 37 49 Sekreterare Ordförande Justerande Ulla-Britt Öberg Sören Finnström",
                           "Göran Gullbro ANSLAG/BEVIS Protokollet från samhällsbyggnadsnämnden den 10 oktober 2012,",
                           "37 49 är justerat och tillkännagivet genom anslag Anslås under tiden. Protokollet",
                           "förvaras på samhällsbyggnadsförvaltningen, Folkets Hus, Ludvika Underskrift"]])
    assert md.doc_type == "protokoll"
    assert md.date == "2012-10-10"
    assert md.committee == "Samhällsbyggnadsnämnden"


def test_an_officers_report_whose_letterhead_runs_into_one_line(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 september 2014 KS-2014/742.912 1 (11) HANDLÄGGARE Åsa Brunkvist Pia Nordeman 08-535",
                           "303 11 08-535 313 61 Kommunstyrelsen Granskning av manuella utbetalningar svar på",
                           "revisionsskrivelse Förslag till beslut Kommunstyrelsens beslut Som svar på",
                           "revisionsskrivelsen från Huddinge kommuns revisorer, daterad 2014-04-22, åberopas",
                           "innehållet i kommunstyrelsens förvaltnings tjänsteutlåtande KS 2014/742.912, daterat den",
                           "1 september 2014. Sammanfattning Kommunens revisorer har med stöd av EY genomfört en",
                           "granskning av utbetalningar kopplade till social- och äldreomsorgsförvaltningen och"]])
    assert md.doc_type == "tjansteskrivelse"  # the auditors it answers did not write it
    assert md.committee == "Kommunstyrelsen"
    assert md.date == "2014-09-01"  # the report's, not the auditors' letter's 2014-04-22
    assert md.municipality == "Huddinge"


def test_a_forbunds_assembly_posts_on_its_members_boards(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Förbundsfullmäktige",
                           "1 (11) Tid och plats Onsdagen den 7 januari 2015 kl , Gårda Brandstation ande",
                           "Ledamöter Göteborg Ingrid Andreae (S) Tord Karlsson (S) Henrik Munck (MP) Kristina",
                           "Bergman Alme (FP) Ann Karlsson (V) Mölndal Ove Dröscher (S) Kenneth Wallin (M)",
                           "Kungsbacka Per Ödman (M) Eva Borg (S) Härryda - Partille Stefan Svensson (M) Bengt",
                           "Tjänstemän m fl Justering Lars Klevensparr förbundsdirektör, Anders Ekberg räddningschef,",
                           "Sigrun Hreidarsdottir förbundssekreterare. Saida Hussein (S) och Christer Holmgren (M)",
                           "Plats och tid Gårda brandstation, onsdagen den 14 januari 2015, kl Justerade paragrafer",
                           "1-12 Underskrifter Sekreterare Sigrun Hreidarsdottir Ordförande Stefan Svensson",
                           "Justeringen av protokollet har tillkännagivits genom anslag på Göteborgs Stads",
                           "anslagstavla, Gustav Adolfs torg 4, och för kännedom samma dag på kommunernas",
                           "anslagstavlor i Mölndals, Kungsbackas, Härrydas, Partille och Lerums stadshus."]])
    assert md.municipality is None  # Göteborg is a member; the förbund never names itself
    assert md.org_kind == "kommunalforbund"
    assert md.committee == "Förbundsfullmäktige"
    assert (md.doc_type, md.date) == ("protokoll", "2015-01-07")
    # a kommun's own protocol on its own board keeps its name
    md = _read(tmp_path, [["Kommunstyrelsen", "Plats och tid Stadshuset kl 13.00", "Utses att justera Eva Borg",
                           "Justeringen har tillkännagivits genom anslag på Mölndals stads anslagstavla",
                           "Paragrafer 1-12"]])
    assert md.municipality == "Mölndal"


def test_a_forbunds_name_cut_by_ocr_is_read_whole_where_it_is_spelled_whole(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Kommunalförbundet Avfallshantering Östra Skara borg",
                           "SAMMANTRÄDESPROTOKOLL", "Sammanträdesdatum",
                           "Plats och tid Kommunstyrelsesalen Stadshuset i Skövde, kl 13.00",
                           "Beslutande Martin Odenö, ordf. Karola Svensson Lena Sjödahl",
                           "Övriga deltagande Lars Persson, förbundschef", "Utses att justera Anita Löfgren"],
                          # the whole name only on the next page, in the notice and an item
                          ["ANSLAG Protokollet är justerat Kommunalförbundet Avfallshantering Östra Skaraborg",
                           "Medlemskap i kommunalförbundet Avfallshantering Östra Skaraborg (AÖS)",
                           "Direktionen föreslår att medlemskommunerna beslutar"]])
    assert md.municipality in ("Avfallshantering Östra Skaraborg", "Kommunalförbundet Avfallshantering Östra Skaraborg")
    assert md.org_kind == "kommunalforbund"
