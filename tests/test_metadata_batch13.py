"""Openings of the thirteenth batch of bench/openings.json (dev13): a protocol whose notice names
its body in a "Nämnd/Styrelse" or "Forum" field while its §§ speak of a förbund's direktion; a
kommun's paper that names no kommun but speaks of a kommunalförbund; a decision's period ("gälla
från och med den 1 januari") that is no meeting day; a web copy whose first pages kept only their
numbers; notes about one meeting ("Kulturnämnden sammanträder onsdagen den ...", "Det beslutade
kommunfullmäktige ..."); "Kallelse/underrättelse Kommunfullmäktiges sammanträde"; a notice "BEVIS OM
JUSTERING"; a company's name wrapped over two lines; "Antagen av: kommunfullmäktige". Lines adapted
from real records (Högsby, Ljusdal, Falköping, Strängnäs, Tierp, Kristinehamn, Region Skåne,
Härjedalen, Mariestad, Sollefteå, Borgholm, Götene), set in other bodies' names where the rule is
general."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_the_notice_field_names_the_body_not_the_forbund_its_cases_speak_of(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Full text",
                           "(1)",
                           "Plats och tid Rådhussalen , måndagen den 2 oktober 2017 kl 18.30-20.10.",
                           "Beslutande Se bilaga",
                           "Övriga deltagande Eva Holm, kommunchef",
                           "Karin Ek, kommunsekreterare",
                           "Utses att justera Per Berg (M) och Lisa Ek (S)",
                           "Tid och plats för justering Måndagen den 9 oktober 2017 kl 16.00",
                           "Underskrifter Sekreterare ... Paragrafer 80 - 95",
                           "Karin Ek",
                           "Ordförande ...",
                           "Olle Sand",
                           "Justerande ...",
                           "Per Berg Lisa Ek"],
                          ["ANSLAG/BEVIS",
                           "Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
                           "Nämnd/Styrelse Kommunfullmäktige",
                           "Sammanträdesdatum 2017-10-02",
                           "Förvaringsplats för protokollet Kommunhuset",
                           "(2)",
                           "KF § 82 DNR: KU.2017.40",
                           "Förslag till nytt regelverk för enskilda vägar i Mönsterås kommun Förbundsdirektionen",
                           "har från kommunstyrelsen i Mönsterås, KS § 17, 2017-02-06, fått i uppdrag att se",
                           "över Mönsterås kommuns regelverk för enskilda vägar."]])
    # the §§ quote a förbund's board; the notice says whose protocol this is
    assert (md.committee, md.org_kind, md.municipality) == ("Kommunfullmäktige", "kommun", "Mönsterås")


def test_a_forum_field_names_the_utskott(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Transkript",
                           "1 Plats och tid Storsalen, Förvaltningshuset, Bollnäs klockan 9:00-12:40 Beslutande: Anna",
                           "Lind (S) Per Ström (M) Eva Nord (C) Övriga deltagande Olof Berg, kommunchef Utses att",
                           "justera Eva Nord Justeringens plats och tid Kommunkansliet, Förvaltningshuset, Bollnäs",
                           "Underskrifter Sekreterare... Paragrafer Maria Holm Ordförande... Anna Lind",
                           "2 ANSLAGSBEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag",
                           "Forum Kommunstyrelsens allmänna utskott Sammanträdesdatum för anslags upprättande",
                           "Förvaringsplats för protokollet Kommunkansliet Underskrift Maria Holm",
                           "3 Innehållsförteckning Sid nr 61 Gatubelysning i Bollnäs kommun Budget 2013 KLK"]])
    assert md.committee == "Kommunstyrelsens allmänna utskott"


def test_a_kommuns_kallelse_is_not_the_forbunds_its_item_names(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Kommunstyrelsen KALLELSE Datum Sida 1 (3)",
                           "Ledamöter Anna Berg (S), ordförande Per Holm (M), 1:e vice ordf.",
                           "Kommunstyrelsen kallas till sammanträde onsdagen den 9 mars 2016 klockan 13:00",
                           "i Lillsalen, Stadshuset, för att behandla följande ärenden.",
                           "1. Information om avfallsföreskrifter för kommunalförbundet Renhållning Vättern",
                           "Dnr 2016/12 Bilaga a) Direktionen för Renhållning Vättern 4/2016",
                           "2. Besvarande av motion om pendlingsparkering"]])
    # the förbund is what an item is about; the kommun calling its board is not named
    assert (md.municipality, md.org_kind, md.committee) == (None, "kommun", "Kommunstyrelsen")


def test_a_kommun_officers_report_on_a_forbunds_discharge_is_the_kommuns(tmp_path: Path) -> None:
    md = _read(tmp_path, [["TJÄNSTEUTLÅTANDE",
                           "Stabsavdelningen",
                           "Dnr KS/2017:120-106",
                           "2017-04-20 1/2",
                           "Ansvarsfrihet och årsredovisning 2016 för Västmanlands vattenförbund",
                           "Förslag till beslut",
                           "Kommunstyrelsen föreslår kommunfullmäktige besluta att direktionen för",
                           "kommunalförbundet Västmanlands vattenförbund samt de enskilda ledamöterna",
                           "i densamma beviljas ansvarsfrihet för 2016."]])
    assert (md.municipality, md.org_kind, md.committee) == (None, "kommun", "Kommunstyrelsen")


def test_the_period_a_decision_sets_is_no_meeting_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Kommunstyrelsen Dnr 2018/880",
                           "Arbetsordning för kommunfullmäktige",
                           "Beslut",
                           "Kommunstyrelsen föreslår kommunfullmäktige besluta att anta arbetsordning som ska gälla från",
                           "och med den 1 januari 2019 till och med 31 december 2022, samt att nu gällande",
                           "arbetsordning (KF 12/2014) upphävs den 1 januari 2019",
                           "Ordf sign Justerandes sign Sekr sign Utdragsbestyrkande"]])
    # the page gives no meeting day: the rule's first day of force is not one
    assert md.date is None


def test_a_report_behind_a_transcripts_empty_numbered_pages(tmp_path: Path) -> None:
    numbers = [str(i) for i in range(1, 35)]
    md = _read(tmp_path, [["Save this PDF as:", "Transkript", *numbers[:17]],
                          numbers[17:],
                          ["35 Tjänsteskrivelse Sida 1(2) Kommunledningsförvaltningen Eva Berg, Datum Ks/2013:",
                           "Ansökan om extra anslag för sommarjobb för ungdomar Sammanfattning",
                           "Fritidsnämnden har inkommit med ansökan om tilläggsanslag. VÄNERSBORGS KOMMUN",
                           "36 2 Förslag till beslut Kommunstyrelsens föreslås besluta att bevilja 500 tkr."]])
    assert (md.doc_type, md.committee) == ("tjansteskrivelse", "Kommunstyrelsen")


def test_a_press_release_about_a_meeting_gives_its_body_and_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Pressmeddelande -",
                           "Miljönämnden sammanträder den 14 mars",
                           "Pressinformation från Region Halland. Miljönämnden sammanträder tisdagen den",
                           "14 mars 2017 mellan klockan 09.00 och cirka 12.00.",
                           "Dagordning 1. Justering 2. Aktuell information"]])
    assert (md.committee, md.date) == ("Miljönämnden", "2017-03-14")


def test_a_news_page_of_a_decision_gives_the_deciding_body_and_day(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Beslut: Gemensam lönenämnd med Ånge och Bräcke",
                           "Blåsippor i backen.",
                           "Foto: P Ek",
                           "Kommunfullmäktige har beslutat om en gemensam lönenämnd för Sundsvalls kommun, Ånge",
                           "kommun och Bräcke kommun.",
                           "De tre kommunerna bildar från 1 januari 2024 en gemensam lönenämnd. Det beslutade",
                           "kommunfullmäktige 27 november 2023.",
                           "Ånge har varit värdkommun sedan 1 januari 2016.",
                           "Uppgifterna för nämnden beskrivs i en överenskommelse och det finns ett reglemente för nämnden.",
                           "Lönenämnden sköter lönerna för de tre kommunernas anställda.",
                           "Gemensam lönenämnd med Ånge och Bräcke kommuner",
                           "Kommunfullmäktiges ledamöter",
                           "Se kommunfullmäktiges möten i webb-tv",
                           "Senast uppdaterad: 27 november 2023 17:41",
                           "Redaktör för sidan: Eva Berg"]])
    assert (md.committee, md.date) == ("Kommunfullmäktige", "2023-11-27")


def test_a_kallelse_headed_by_the_assemblys_meeting(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Kommunfullmäktiges sammanträde",
                           "Storlek: px",
                           "Transkript",
                           "1 Kallelse/underrättelse Kommunfullmäktiges sammanträde Tid: Måndagen den 9",
                           "december 2019 kl Plats: Stadshuset i Skövde. Skövde den 2 december Eva Lund",
                           "ordförande Per Ek sekreterare ÄRENDELISTA Upprop Val av protokolljusterare",
                           "1. Handlingar att anmäla 2. Inrättande av en valnämnd samt reglemente för valnämnden"]])
    assert md.committee == "Kommunfullmäktige"


def test_bevis_om_justering_is_a_protocols_notice(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Kramfors kommun Kommunfullmäktige",
                           "1 1(30) Sammanträdestid kl Sammanträdesplats Beslutande Kramforssalen, kommunhuset",
                           "Enligt närvaro-/tjänstgöringslista Övriga närvarande Eva Lund, kommunsekreterare",
                           "Plats och tid för justering Kommunstyrelseförvaltningen, kl 9.00 Underskrifter",
                           "BEVIS OM JUSTERING Justeringen har tillkännagetts genom anslag på kommunens",
                           "anslagstavla i kommunhuset. Myndighet Datum när anslaget sätts upp tas ner"]])
    assert md.doc_type == "protokoll"


def test_a_companys_name_wrapped_over_two_lines_and_its_agardirektiv(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 (4) Antagna KF Fastställt Bolagsstämma Ägardirektiv. Ronneby Miljö",
                           "Teknik AB",
                           "",
                           "Detta ägardirektiv avser bolaget och är antaget av kommunfullmäktige och",
                           "fastställt på bolagsstämma. Bolaget ägs av Ronneby kommun."]])
    # the line break cut the company's name, not the name itself
    assert (md.municipality, md.doc_type) == ("Ronneby Miljö Teknik AB", "other")


def test_adopted_by_field_names_the_assembly_and_the_kind(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Reglemente för valnämnden",
                           "I varje kommun ska det finnas en valnämnd.",
                           "Gäller från: 2019-01-01",
                           "Antagen av: kommunfullmäktige",
                           "Datum för antagande: 2018-11-26 § 140",
                           "1 § Valnämnden ska inom sitt verksamhetsområde följa vad som anges i lag."]])
    assert (md.committee, md.org_kind, md.date) == ("Kommunfullmäktige", "kommun", "2018-11-26")
