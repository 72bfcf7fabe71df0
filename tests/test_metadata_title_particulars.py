"""An officer's report's letterhead lists its particulars in a two-column form (date, officer,
direct number, case number). The direct number is no title; the heading below it is, even when
it is two capitalised words that look like a person's name ("Avtal Fritidsgården"). The words
are made up; the layout is that of a Word template's letterhead."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of


def test_the_direct_number_is_no_title_and_the_heading_below_is(tmp_path: Path) -> None:
    page = ["Datum                                       2019-02-14",
            "Handläggare:                                Sofia Berglund",
            "Direktnr:                                   4417",
            "Beteckning:                                 2019.031 KFN",
            "", "", "",
            "Avtal Fritidsgården",
            "Ärendebeskrivning",
            "",
            "Avtalet med föreningen om driften av fritidsgården löper ut vid årets slut och",
            "förvaltningen har förhandlat fram ett nytt avtal för perioden 2020–2022."]
    assert metadata_of(tmp_path, [page]).title == "Avtal Fritidsgården"


def test_a_telephone_line_is_no_title(tmp_path: Path) -> None:
    page = ["Tfn 0510-77 10 00", "", "Riktlinje för bidrag till studieförbund", "",
            "Kultur- och fritidsnämnden fördelar varje år bidrag till studieförbunden."]
    assert metadata_of(tmp_path, [page]).title == "Riktlinje för bidrag till studieförbund"
