"""Openings of bodies the fourth batch of bench/openings.json brought (dev4): a front page whose
notice reads "Bevis/Anslag ... Justering har tillkännagivits genom anslag"; a press note written
before or after a meeting ("Presskonferens inför barn- och ungdomsnämndens sammanträde",
"PRESSMEDDELANDE"); a meeting's web page under a breadcrumb trail ("Hem > Tyresö kommun >
Barn- och utbildningsnämnden > Sammanträde 2023-08-30"); a notice flattened into running lines
that keeps "Sammanträdesdatum 17 september 2014" among its posting dates. Lines adapted from real
records (Kungälv, Norrköping, Örnsköldsvik, Tyresö, Stockholm, Nacka)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_notice_written_bevis_anslag_marks_a_protocols_front_page(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 2008:16:2 Sida 1 (45) Plats och tid Bohusrummet, Beslutande Anders Holmensköld (m)",
                           "Ordförande Miguel Odhner (s) Vice ordförande Göran Oskarsson (fp) Brita Ullman (kd)",
                           "Sekreterare Sarah Hansson Paragraf 353-372 Ordförande Anders Holmensköld (m)",
                           "Bevis/Anslag Justering har tillkännagivits genom anslag Organ Kommunstyrelsen Datum",
                           "då anslag sätts upp Förvaringsplats för protokollet Kommunkansliet Underskrift"]])
    assert md.doc_type == "protokoll"
    assert md.committee == "Kommunstyrelsen"
    assert md.org_kind == "kommun"


def test_a_press_note_is_no_protocol_and_names_its_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 Barn- och ungdomsnämnden Presskonferens inför barn- och ungdomsnämndens sammanträde i",
                           "morgon, onsdag För ytterligare information kontakta Catharina Rosencrantz (M),",
                           "ordförande i barn- och ungdomsnämnden. Vänsterpartiet har skrivit en motion om",
                           "grönlistad fisk. Kommunfullmäktige tar det slutliga beslutet."]])
    assert (md.doc_type, md.kind) == ("other", "pressmeddelande")
    assert md.committee == "Barn- och ungdomsnämnden"
    assert md.org_kind == "kommun"
    md = _read(tmp_path, [["1 PRESSMEDDELANDE Ytterligare information: Glenn Nordlund, kommunstyrelsens 1e vice",
                           "ordförande, Matti Olsson, kommunstyrelsens sekreterare. Information från",
                           "kommunstyrelsen Här följer kortfattad information från kommunstyrelsens sammanträde i",
                           "Örnsköldsvik 10 april."]])
    assert (md.doc_type, md.kind) == ("other", "pressmeddelande")
    assert (md.committee, md.org_kind) == ("Kommunstyrelsen", "kommun")  # whose meeting it reports


def test_a_meetings_page_under_a_breadcrumb_trail(tmp_path: Path) -> None:
    for crumbs, body in (("Hem > Tyresö kommun > Barn- och utbildningsnämnden > Sammanträde",
                          "Barn- och utbildningsnämnden"),
                         ("Hem > Stockholms stad > Miljö- och hälsoskyddsnämnden > Sammanträde",
                          "Miljö- och hälsoskyddsnämnden")):
        md = _read(tmp_path, [[f"Din position: {crumbs}", "2010-09-21", "Sammanträde 2010-09-21", "Datum",
                               "Klockan", "17:00", "Plats", "Bolindersalen, Tekniska nämndhuset",
                               "2 Val av justerare och tid för justering", "3 Anmälan av föregående protokoll",
                               "4 Anmälan av delegationsbeslut"]])
        assert md.committee == body, crumbs
        assert md.doc_type == "other", crumbs  # its agenda: "föregående protokoll" is an item
        assert md.date == "2010-09-21"


def test_the_meeting_date_labelled_inside_a_flattened_notice(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 1 (22) Plats och tid Nacka stadshus Kl BESLUTANDE Hans Peters (C) ordförande",
                           "Utses att justera Ewa Jäderberg Justeringsdatum 22 september Paragrafer",
                           "Underskrifter Sekreterare Håkan Sundblad Ordförande Hans Peters Justerande",
                           "Ewa Jäderberg BEVIS OM ANSLAGSDAG s protokoll",
                           "är justerat Justeringen har tillkännagivits genom anslag Sammanträdesdatum 17 september",
                           "2014 Anslaget sätts upp 23 september 2014 Anslaget tas ned 14 oktober 2014"]])
    assert md.doc_type == "protokoll"
    assert md.date == "2014-09-17"
