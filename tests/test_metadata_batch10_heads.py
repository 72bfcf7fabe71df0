"""Letterheads of Finland-Swedish and Åland records that named no body before: the kommun's
name in capitals straight before its body's ("SALTVIK KOMMUN KOMMUNSTYRELSEN"), a web copy's
page number before the kommun's and the body's names ("1 LARSMO KOMMUN Kommunstyrelsen
PROTOKOLL"), a row of labels run before its values ("Sammanträdesdatum Nr KOMMUNSTYRELSEN /10"),
a samkommun's bare "Styrelsen", and a protocol printed on the meeting notice's form
(SAMMANTRÄDESKALLELSE) whose attendance is marked and whose adjustment fields are filled.
Lines adapted from real records of Åland and Ostrobothnia, set in other bodies' names."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_kommuns_name_in_capitals_then_its_body_in_capitals_names_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SALTVIK KOMMUN KOMMUNFULLMÄKTIGE",
                           "1 SAMMANTRÄDESKALLELSE Sammanträdestid torsdagen kl. 19:00 Sammanträdesplats",
                           "Kommunkansliet KF 20 KF 21 KF 22 Kallelse och beslutförhet Godkännande av",
                           "föredragningslistan Val av protokolljusterare Budget 2019 Anmälningsärenden"]])
    assert md.committee == "Kommunfullmäktige"


def test_a_page_number_and_the_kommuns_name_before_the_body_in_a_flattened_letterhead(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Tisdagen den 4 april 2017, kl. 18.00. Kommunkansliet",
                           "1 LARSMO KOMMUN Socialnämnden PROTOKOLL Sammanträdestid: Sammanträdesplats:",
                           "Beslutande Tisdagen den 4 april 2017, kl Kommunkansliet Ersättare Ek, Anna",
                           "Berg, Per Lind, Eva Övriga närvarande Sten, Kaj Paragrafer Underskrifter"]])
    assert md.committee == "Socialnämnden"


def test_a_row_of_labels_run_before_its_values_names_the_body_before_the_meetings_number(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Webbkopia av protokoll",
                           "1 SUNDS KOMMUN PROTOKOLL Sammanträdesdatum Nr BYGGNADSNÄMNDEN /12 Sammanträdestid kl",
                           "Beslutande Kommunkansliet, sammanträdesrummet x Ek, Anna, ordförande x Berg, Per,",
                           "viceordf x Lind, Eva - Sten, Kaj Föredragande x Holm, Ida, byggnadsinspektör"]])
    assert md.committee == "Byggnadsnämnden"


def test_a_samkommuns_bare_styrelsen_is_its_board(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Norrvik samkommun. Styrelsen. Protokoll",
                           "Sammanträdestid: Onsdag kl. 13:00",
                           "Sammanträdesplats: Samkommunens kansli, Vasa",
                           "Närvarande/beslutande",
                           "X Holm Ida, ordförande",
                           "X Ek Anna, viceordförande",
                           "Övriga närvarande",
                           "X Berg Per, samkommunsdirektör, föredragande"]])
    assert (md.org_kind, md.committee) == ("kommunalforbund", "Styrelsen")


_NOTICE_FORM = ["1 VÅRDÖ KOMMUN SAMMANTRÄDESKALLELSE Organ Sammanträdesdatum Nr Socialnämnden Tid och",
                "plats 12 maj 2020 Klockan 18:00 Plats: Kommunkansliet Ordinarie ledamot Närv. Suppleant,",
                "personlig ersättare Närv. Beslutande Anna Ek, ordf {m} Per Ek - Eva Lind, vice ordf {m} Kaj Lind -",
                "Ida Holm {m} Bo Holm - Lars Berg {m} Siv Berg - Namn Närv. Funktion Övriga Karin Sten {m}",
                "Socialsekreterare Paragrafer Underskrifter Protokolljustering Vårdö, den Anna Ek, ordförande",
                "Vårdö, den Karin Sten, sekreterare Protokollet framlagt till påseende Ida Holm Lars Berg"]


def test_a_protocol_on_the_notice_form_with_attendance_marked_is_a_protocol_of_that_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [[ln.replace("{m}", "X") for ln in _NOTICE_FORM]])
    assert (md.doc_type, md.date) == ("protokoll", "2020-05-12")
    # the same form sent before the meeting: its fields are printed, its attendance unmarked
    blank = _read(tmp_path, [[ln.replace(" {m}", "") for ln in _NOTICE_FORM]])
    assert blank.doc_type != "protokoll"
