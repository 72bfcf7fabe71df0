"""A body an opening names only in its running text, when nothing else names the committee: a
protocol whose letterhead the web page dropped lists its cases "för kulturnämnden" (Nacka), a
region's agenda speaks of "ledamot i Patientnämnden" (Västerbotten), a förbund's protocol of
"Direktionen för kommunalförbundet" (Boråsregionen). With two bodies named, neither is taken.
Lines adapted from real records."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read

_FRONT = ["1 1 (22) Plats och tid Nacka stadshus Kl BESLUTANDE Hans Peters (C) ordförande Susann",
          "Markow (M) 1:e v ordförande Mattias Qvarsell (S) 2:e v ordförande Ewa Jäderberg (S)",
          "Utses att justera Ewa Jäderberg Justeringsdatum 22 september Paragrafer Underskrifter",
          "Sekreterare Håkan Sundblad Ordförande Hans Peters Justerande Ewa Jäderberg BEVIS OM",
          "ANSLAGSDAG s protokoll är justerat Justeringen har tillkännagivits genom anslag",
          "Sammanträdesdatum 17 september 2014 Anslaget sätts upp 23 september 2014"]



def test_a_protocol_names_its_body_only_in_its_contents(tmp_path: Path) -> None:
    md = _read(tmp_path, [_FRONT, ["2 2 (22) Innehållsförteckning Utvärdering av musik och kulturskoleverksamheten",
                                   "Dnr KUN 2014/ Tertialbokslut 2 år 2014 för kulturnämnden Dnr KUN 2014/",
                                   "Mål och budget för år för kulturnämnden Dnr KUN 2014/"]])
    assert md.doc_type == "protokoll"
    assert md.committee == "Kulturnämnden"


def test_an_agenda_names_its_body_only_in_its_sentences(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1", "Justering", "Förslag till föredragningslista har upprättats.",
                           "Med anledning av att Philip Westin (MP) har lämnat sina uppdrag i Patientnämnden",
                           "har nämndens inkallelseordning reviderats.",
                           "Patientnämndens förvaltning lämnar information om drift och administrativ verksamhet."]])
    assert md.committee == "Patientnämnden"


def test_two_bodies_named_leave_the_committee_unknown(tmp_path: Path) -> None:
    md = _read(tmp_path, [_FRONT, ["2 2 (22) Innehållsförteckning Tertialbokslut 2 år 2014 för kulturnämnden",
                                   "Yttrande till kommunstyrelsen över förslag till mål och budget"]])
    assert md.committee is None
