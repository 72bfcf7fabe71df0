"""A kommunalförbund that names itself by a name of its own, with no word of its kind in it:
Sydarkivera, the archive förbund of kommuner in Kronoberg, Kalmar, Blekinge and Skåne (openings
batch 12's förbundsfullmäktige page, left by h-source119). Its pages name it only in the genitive
before its own assembly, office or steering papers ("Kallelser och protokoll för Sydarkiveras
förbundsfullmäktige", "Plats: Sydarkiveras kontor", "Förslag till Sydarkiveras
arkivreglemente") and bare ("Plats: Sydarkivera, sammanträdesrum"); the kommuner they name are its
members ("Hultsfreds kommun inträde", "Avsägelse Lessebo"), never its author. Lines from the
förbund's own web pages (2015, 2017, 2023)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of

_AGENDA_2015 = ["Underlag till ärenden 2015-10-23",
                "Information om sammanträdet",
                "Tid: Fredagen den 23 oktober 2015 kl. 10.00",
                "Plats: Sydarkivera, sammanträdesrum, Båtsmanstorget 2, Växjö.",
                "Ordförande: Börje Dovstad",
                "Sekreterare: Mats Porsklev",
                "Ärenden",
                "1. Öppnande av dagens möte.",
                "2. Upprop.",
                "5. Avsägelse som ledamot i förbundsfullmäktige och förbundsstyrelsen",
                "Monica Bernholtz (S) Lessebo (Avsägelse Lessebo).",
                "9. Delårsbokslut 2015.",
                "10. Sammanträdesplan 2016 för förbundsfullmäktige.",
                "11. Arkivreglemente Sydarkivera (Förslag till Sydarkiveras arkivreglemente).",
                "12. Mall för arkivreglemente för förbundsmedlemmar."]

_MEETINGS_2023 = ["Förbundsfullmäktige",
                  "Kallelser och protokoll för Sydarkiveras förbundsfullmäktige.",
                  "Inläggen är uppdelade efter sammanträdesdatum.",
                  "Kungörelse: Kallelse förbundsfullmäktige 2023-11-10",
                  "Protokoll: Protokoll förbundsfullmäktige 2023-11-10",
                  "Information om sammanträdet",
                  "Tid: Fredagen den 10 november 2023 kl. 10.00",
                  "Plats: Sydarkivera, Värendsgatan 10, Alvesta samt Zoom",
                  "Ordförande: Gustav Schyllert",
                  "Ärenden",
                  "1. Godkännande av dagordning",
                  "2. Utseende av justeringsperson",
                  "3. Delårsrapport 2023",
                  "4. Budgetrevidering inför 2024",
                  "5. Hultsfreds kommun inträde",
                  "6. Mötestider 2024",
                  "Kontakt: info@sydarkivera.se, www.sydarkivera.se"]


def test_a_forbund_named_by_its_own_name_in_its_agenda_is_that_forbund(tmp_path: Path) -> None:
    md = metadata_of(tmp_path, [_AGENDA_2015])
    assert (md.municipality, md.org_kind) == ("Sydarkivera", "kommunalforbund")


def test_a_member_kommun_joining_is_not_the_forbunds_author(tmp_path: Path) -> None:
    # "Hultsfreds kommun inträde": the kommun that joins the förbund, not the body that meets
    md = metadata_of(tmp_path, [_MEETINGS_2023])
    assert (md.municipality, md.org_kind) == ("Sydarkivera", "kommunalforbund")
    assert md.committee == "Förbundsfullmäktige"


def test_a_board_agenda_at_its_own_office_is_the_forbunds(tmp_path: Path) -> None:
    md = metadata_of(tmp_path, [["Underlag till ärenden 2017-12-01",
                                 "Information om sammanträdet",
                                 "Tid: Fredagen den 1 december 2017 kl. 10.00",
                                 "Plats: Sydarkiveras kontor, Värendsgatan 10 i Alvesta",
                                 "Ärenden",
                                 "1. Upprop",
                                 "4. Förbundsordning – Förändringar i samband med Växjös utträde",
                                 "5. Rapport från projektet Sydarkiveras Utveckling",
                                 "Förbundsstyrelsen 2017-10-06 – § 30"]])
    assert (md.municipality, md.org_kind) == ("Sydarkivera", "kommunalforbund")


def test_a_member_kommuns_protocol_electing_its_delegates_stays_the_kommuns(tmp_path: Path) -> None:
    md = metadata_of(tmp_path, [["Lessebo kommun",
                                 "Kommunfullmäktige",
                                 "Sammanträdesprotokoll 2023-11-20",
                                 "§ 112 Val av ersättare i Sydarkiveras förbundsfullmäktige",
                                 "Kommunfullmäktige väljer Anna Berg (S) till ersättare i",
                                 "förbundsfullmäktige i Sydarkivera för resten av mandatperioden."]])
    assert (md.municipality, md.org_kind) == ("Lessebo", "kommun")
