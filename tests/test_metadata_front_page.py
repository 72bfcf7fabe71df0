"""A protocol's first page as other municipalities' templates print it: the kind in capitals
before the body's name, a utskott named by an adjective, a front page whose first § is on a later
page, and a body named only in the notice of adjustment (ANSLAG/BEVIS). Lines adapted from real
protocols (Växjö, Stenungsund, Upplands Väsby, Trollhättan, Vilhelmina)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import _pdf

from namndkoll.ingest import read_document

_FRONT = ["Plats och tid Kommunhuset, torsdagen den 9 juni 2016, kl 13.00-15.30",
          "Beslutande Anna Andersson (S), ordförande", "Bertil Berg (M)", "",
          "Utses att justera Bertil Berg (M)",
          "Justeringens plats och tid Kommunhuset den 16 juni 2016",
          "Underskrifter Sekreterare Paragrafer 49-64", ""]


def _read(tmp_path: Path, lines: list[str]):
    return read_document(str(_pdf(tmp_path / "p.pdf", [lines]))).metadata


def test_the_kind_in_capitals_does_not_swallow_the_bodys_capital(tmp_path: Path) -> None:
    md = _read(tmp_path, ["SAMMANTRÄDESPROTOKOLL Kultur- och fritidsnämnden", *_FRONT])
    assert md.committee == "Kultur- och fritidsnämnden"
    md = _read(tmp_path, ["PROTOKOLL Barn- och utbildningsnämnden", *_FRONT])
    assert md.committee == "Barn- och utbildningsnämnden"


def test_a_utskott_named_by_an_adjective(tmp_path: Path) -> None:
    md = _read(tmp_path, ["STENUNGSUNDS KOMMUN", "KOMMUNSTYRELSENS SOCIALA UTSKOTT", *_FRONT])
    assert md.committee == "Kommunstyrelsens sociala utskott"
    assert md.municipality == "Stenungsund"


def test_a_front_page_without_a_paragraph_is_a_protocol_of_its_meeting_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [*_FRONT, "ANSLAG/BEVIS", "Protokollet är justerat. Justeringen har tillkännagivits genom anslag",
                          "Organ Social- och äldrenämnden", "Förvaringsplats för protokollet Kommunhuset"])
    assert md.doc_type == "protokoll"
    assert md.date == "2016-06-09"  # the meeting's, not the adjustment's (16 June)
    assert md.committee == "Social- och äldrenämnden"


def test_the_notice_sentence_names_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [*_FRONT, "ANSLAG/BEVIS", "Kommunfullmäktiges protokoll är justerat.",
                          "Protokollet finns hos Stadskansliet"])
    assert md.committee == "Kommunfullmäktige"


def test_the_kind_beside_the_page_count(tmp_path: Path) -> None:
    md = _read(tmp_path, ["VILHELMINA KOMMUN PROTOKOLL 1(54)", "Socialnämnden",
                          "Plats och tid Folkets Hus, Vilhelmina, torsdagen den 9 juni 2016, kl 13.00",
                          "Beslutande Anna Andersson, ordf."])
    assert md.doc_type == "protokoll"
    assert md.date == "2016-06-09"
    assert md.committee == "Socialnämnden"
    assert md.municipality == "Vilhelmina"


def test_a_sentence_about_another_bodys_protocol_is_not_a_notice(tmp_path: Path) -> None:
    md = _read(tmp_path, ["Tjänsteskrivelse", "Datum: 2024-03-01", "Handläggare: Anna Andersson",
                          "Kultur- och fritidsnämnden", "",
                          "Kommunstyrelsens protokoll har justerats och beslutet gäller."])
    assert md.doc_type == "tjansteskrivelse"
    assert md.committee == "Kultur- och fritidsnämnden"
