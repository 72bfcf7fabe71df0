"""Openings of Finland-Swedish and Åland bodies, the tenth batch of bench/openings.json (dev10):
a samkommun (Finland's kommunalförbund) and a landskapsförbund name themselves as Swedish joint
bodies never do ("X samkommun", "Österbottens förbund", a heading in capitals), a heading runs
the document's kind word into the kommun's name ("SAMMANTRÄDESPROTOKOLL KRONOBY KOMMUN"), and a
front page gives the meeting as "Sammanträdestid Måndagen den 4 april 2016" beside an adjustment
label wrapped over two lines ("Protokolljustering plats och / tid: Kronoby, den 6 april 2016").
Lines adapted from real records of Kronoby, Närpes, Kårkulla samkommun, Mellersta Österbottens
förbund and Ålands kommunförbund, set in other bodies' names where the rule is general."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_samkommun_heading_names_the_joint_body_that_wrote_the_protocol(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Optima samkommun. Styrelsen. Protokoll",
                           "Sammanträdestid: Torsdag kl. 09:30",
                           "Sammanträdesplats: Campus Optima, Jakobstad",
                           "Närvarande/beslutande",
                           "X Hertzberg Veronica, ordförande",
                           "X Kronqvist Bengt, viceordförande",
                           "X Marjamäki Märta, samkommunsdirektör, föredragare",
                           "Protokollet har framlagts Optima samkommun/centralförvaltningen i Jakobstad",
                           "182 Sammanträdets laglighet och beslutförhet"]])
    # a joint municipal authority, not a kommun, and not nameless
    assert (md.municipality, md.org_kind) == ("Optima samkommun", "kommunalforbund")


def test_a_landskapsforbund_heading_in_capitals_names_the_forbund(tmp_path: Path) -> None:
    md = _read(tmp_path, [["UUDENMAAN LIITTO - NYLANDS FÖRBUND FÖREDRAGNINGSLISTA",
                           "Landskapsfullmäktige 2/2015",
                           "Tid för mötet: kl. 13.00",
                           "Plats för mötet: Helsingfors",
                           "1 MÖTETS LAGENLIGHET OCH BESLUTFÖRHET",
                           "PROTOKOLLJUSTERING Protokollet har justerats och det konstaterats att det motsvarar",
                           "mötets gång. PROTOKOLLET HAR VARIT OFFENTLIGT FRAMLAGT På förbundets anslagstavla"]])
    assert (md.municipality, md.org_kind) == ("Nylands förbund", "kommunalforbund")


def test_a_forbundsstyrelse_naming_its_forbund_only_in_a_capitals_item_is_that_forbunds(tmp_path: Path) -> None:
    md = _read(tmp_path, [["FÖRBUNDSSTYRELSEN KALLELSE Nr 6 Tid Fredagen den kl. 13 Plats Jomala kommunkansli",
                           "Ärenden: 39 SAMMANTRÄDETS LAGLIGHET OCH BESLUTFÖRHET 40 PROTOKOLLJUSTERARE",
                           "41 GODKÄNNANDE AV FÖREDRAGNINGSLISTAN 42 BUDGET 2019 OCH EKONOMIPLAN",
                           "43 SAMRÅDSFÖRFARANDET OCH ÅLANDS KOMMUNFÖRBUNDS LAGSTADGADE UPPGIFTER",
                           "Håkan Lundberg, förbundsstyrelsens ordförande",
                           "Intygar Magnus Sandberg, förbundsdirektör"]])
    assert (md.municipality, md.org_kind) == ("Ålands kommunförbund", "kommunalforbund")


def test_a_heading_that_runs_the_kind_word_into_the_kommuns_name_keeps_the_name(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL NÄRPES STAD. Nr 5/2016. Organ. Sammanträdesdatum",
                           "STADSSTYRELSEN. Stadshuset",
                           "Sammanträdestid Måndagen den 4 april 2016, kl. 18:00-21:43",
                           "Sammanträdesplats Stadshuset, styrelserummet",
                           "Beslutande: Sjögård, Olav Jerkku, Sven Eklund, Tanja"]])
    assert md.municipality == "Närpes"


def test_a_finland_swedish_sammantradestid_is_the_meeting_not_the_wrapped_adjustment(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL KRONOBY KOMMUN. Nr 5/2016. Organ. Sammanträdesdatum Sida 5/105",
                           "KOMMUNSTYRELSEN. Kommungården",
                           "1 SAMMANTRÄDESPROTOKOLL Nr 5/2016 5/105 Sammanträdestid Måndagen den 4 april 2016, kl.",
                           "18:00-21:43 Sammanträdesplats Kommungården Beslutande: Ersättare: Byggmästar, Liane",
                           "Skullbacka, Bengt-Johan Dalvik, Sixten Dahlbacka, Mikaela Forsberg, Anders Hagström,",
                           "Paragrafer: Underskrifter: Ordförande: Protokollförare: Protokolljustering plats och",
                           "tid: Liane Byggmästar Kronoby, den 6 april 2016 Inger Bjon Protokollet framlagt till",
                           "påseende, plats och tid: Intygar, underskrift, tjänsteställning Karin Saarukka Kronoby,",
                           "den 12 april 2016 Inger Bjon, förvaltningschef Bengt-Johan Skullbacka"]])
    assert (md.municipality, md.date) == ("Kronoby", "2016-04-04")
