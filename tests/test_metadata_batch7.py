"""Openings of bodies the seventh batch of bench/openings.json brought (dev7), and the committee and
date misses of batches 5 and 6's held-out halves once those were spent: a running head a web copy
kept at the start of each flattened page ("2 Kultur- och fritidsnämnden Justerare ..."); a meeting's
web page titled "Beslut i korthet - regionstyrelsen 30 mars 2022"; a body's name ending in a period
before the front page's fields; a "Tid Tisdagen den 26 februari 2013" field run into its line; the
notice's sentences between "Organ" and the body; bodies only a kommun has under other names
(bildningsnämnd, omsorgs- och arbetsmarknadsnämnd, socialutskott); a förbund's officer who is a
guest; "Kommunfullmäktige kallas till sammanträde". Lines adapted from real records (Falkenberg,
Västervik, Region Norrbotten, Svalöv, Lomma, Vaggeryd, Vara, Ale, Arvidsjaur)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read

from namndkoll.ingest.authors import kind_by_own_words
from namndkoll.ingest.committee import _running_body


def test_a_running_head_at_the_start_of_each_flattened_page_names_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Närvarande. Ledamöter",
                           "1 Protokoll Nr 2 Sammanträdesdatum Sammanträdestid 13:00-16:00 Ajournerades 14:10-14:25",
                           "Närvarande Ledamöter Per Johansson (C) Christina Johansson (S) Angela Malmgren (M)",
                           "Tjänstemän Jan P Bordahl, förvaltningschef Anneli Lööf, sekreterare Paragrafer Justering",
                           "2 Kultur- och fritidsnämnden Justerare... Angela Malmgren Protokollet justerat och",
                           "anslaget Underskrift... Anneli Lööf 2",
                           "3 Kultur- och fritidsnämnden Innehåll Upprop Val av protokollsjusterare, förslag Angela",
                           "Malmgren 13 Redovisning delegationsärende februari - mars 2015/ Redovisning",
                           "4 Kultur- och fritidsnämnden Redovisning delegationsärende. Dnr 2015/5 1 anteckna lämnad"]])
    assert md.committee == "Kultur- och fritidsnämnden"
    assert md.doc_type == "protokoll"  # "1 Protokoll Nr 2": a numbered protocol after the page's number
    # in capitals, with the page count after the page number
    md = _read(tmp_path, [["Transkript",
                           "1 Kommunstyrelsen 3 (22) Ärendelista Ärenden till kommunfullmäktige: 12-13, Upprop och",
                           "val av justerare 2. Anmälan om delegationsbeslut 3. Kommundirektören informerar",
                           "2 Kommunstyrelsen 4 (22) 1. Upprop och val av justerare Tommy Ivarsson (SD) är i tur att",
                           "justera. 2. Anmälan om delegationsbeslut Kommundirektörens beslut Dnr 2015/"]])
    assert md.committee == "Kommunstyrelsen"
    md = _read(tmp_path, [["1 VÅRD- OCH OMSORGSNÄMNDEN Plats och tid Vård- och omsorgsförvaltningen klockan Öppet",
                           "för allmänheten Beslutande Ulrica Truedsson (S) ordförande, Lilli Marton (MP)",
                           "2 VÅRD- OCH OMSORGSNÄMNDEN Fastställande av dagordning Utsänd och föreslagen dagordning",
                           "3 VÅRD- OCH OMSORGSNÄMNDEN Information"]])
    assert (md.committee, md.org_kind) == ("Vård- och omsorgsnämnden", "kommun")
    # one page that opens with a body is that page's sentence, not a running head
    assert _running_body(["1 Rapport om läget", "2 Kommunstyrelsen beslutade i mars att utreda frågan.",
                          "3 Socialnämnden Information"]) is None
    # nor two bodies that each open a page
    assert _running_body(["2 Socialnämnden Information", "3 Kommunstyrelsen Information",
                          "4 Socialnämnden Beslut", "5 Kommunstyrelsen Beslut"]) is None


def test_a_meeting_page_titled_after_a_heading_and_a_dash(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Beslut i korthet - regionstyrelsen 30 mars 2022",
                           "Regionstyrelsen beslutade bland annat att godkänna strategi för kompetensförsörjning",
                           "2022-2024. Vidare beslutades att fastställa regler för Region Norrbotten.",
                           "Beslut i korthet",
                           "Nedan redovisas besluten kring merparten av ärendena vid regionstyrelsen."]])
    assert (md.committee, md.date) == ("Regionstyrelsen", "2022-03-30")


def test_a_body_named_with_a_period_before_the_front_page_fields(tmp_path: Path) -> None:
    md = _read(tmp_path, [["• No results found",
                           "Samhällsbyggnadsnämnden. Plats och tid Kommunhuset, Svalöv, kl Ajournering kl Beslutande.",
                           "Beslutande Olof Röstin (M), ordf Fredrik Jönsson (C), vice ordf Annie Karlsson (S)",
                           "Utses att justera Teddy Nilsson Justeringens tid och plats Kommunledningskontoret"]])
    assert md.committee == "Samhällsbyggnadsnämnden"


def test_a_tid_field_run_into_the_front_page_line_dates_the_meeting(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Stora sessionssalen, Kommunhuset. Miljö- och byggförvaltningen Miljö- och byggnadsnämnden",
                           "Download \"Stora sessionssalen. Miljö- och byggförvaltningen 2013-04-02. Miljö- och byggnadsnämnden\"",
                           "1 Sammanträdesdatum s. 1 (57) Plats Stora sessionssalen, Kommunhuset Tid Tisdagen den 26",
                           "februari 2013, kl Beslutande se nästa sida Övriga deltagande se nästa sida Utses att",
                           "justera Justeringens plats och tid Bengt Rask Miljö- och byggförvaltningen Underskrifter",
                           "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag. Organ",
                           "Miljö- och byggnadsnämnden Sammanträdesdatum Datum för anslags uppsättande"]])
    assert md.doc_type == "protokoll"
    assert md.date == "2013-02-26"
    # the adjustment's "plats och tid" in small letters is still the adjustment's
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Socialnämnden Plats och tid Kommunhuset",
                           "Beslutande Anna Andersson (S) Utses att justera Bo Berg Justeringens plats och tid 2017-05-30",
                           "Sammanträdesdatum 2017-05-23 Paragrafer 1-12"]])
    assert md.date == "2017-05-23"


def test_the_notices_sentences_between_organ_and_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 1 (36) Plats och tid Nämndrummet, Skillingehus, Skillingaryd kl. 13:00-17:20 ande",
                           "ledamöter Ej tjänstgörande ersättare Övriga närvarande Gert Jonsson (M) (ordförande),",
                           "Torbjörn Åkerblad (kanslichef/biträdande kommundirektör) Underskrifter Sekreterare...",
                           "Rose-Marie Moberg Ordförande Gert Jonsson (M) Justerande Christer Holmgren (M)",
                           "ANSLAG/BEVIS Organ Protokollet är justerat. Justeringen har tillkännagivits genom",
                           "anslag. Kommunstyrelsen (KS) Sammanträdesdatum Datum för anslags uppsättande",
                           "Förvaringsplats för protokollet Underskrift Kommunkontoret, Skillingaryd"]])
    assert (md.doc_type, md.committee) == ("protokoll", "Kommunstyrelsen")


def test_bodies_only_a_kommun_has_and_a_guest_forbundschef(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Sammanträdesdatum Bildningsnämnden",
                           "1 Bildningsnämnden Tid och plats Klockan , sammanträdesrum Huangshan, Kommunhuset",
                           "Beslutande Carl-Uno Olsson (S), ordf. Övriga närvarande Dzenan Mahic, bildningschef",
                           "Justerare Peter Jonsson ANSLAG/BEVIS Protokollet är justerat. Organ Bildningsnämnden"]])
    assert (md.committee, md.org_kind) == ("Bildningsnämnden", "kommun")
    md = _read(tmp_path, [["PROTOKOLL 1(21) Omsorgs- och arbetsmarknadsnämnden Sammanträdesdatum: 2014-08-28",
                           "1 PROTOKOLL 1(21) Plats och tid C-salen i Medborgarhuset Alafors, kl 12:30-17:00",
                           "Boel Holgersson (C), ordförande Lisbeth Tilly, sektorschef Hanna Henningsson,",
                           "Utses att justera Eva Eriksson Justeringens plats och tid Kommunhuset, Nödinge"]])
    assert (md.committee, md.org_kind) == ("Omsorgs- och arbetsmarknadsnämnden", "kommun")
    # a förbund's chief titled by the förbund he heads is a guest at the nämnd's meeting: no
    # word of the paper's own; the förbund's own chief is titled without it
    assert kind_by_own_words("Per Liljebäck, förbundschef för Samordningsförbundet Kungälv 81") is None
    assert kind_by_own_words("Per Liljebäck, förbundschef") == "kommunalforbund"
    md = _read(tmp_path, [["Protokoll från Socialutskottets sammanträde 2011-10-12",
                           "Plats och tid Förvaltningshuset, kl 09.00-17.00 Beslutande Annelie Hägg (C), ordförande",
                           "Utses att justera Marie-Louise Gunnarsson Justeringens plats och tid Förvaltningshuset"]])
    assert md.org_kind == "kommun"


def test_a_body_called_to_a_meeting_is_the_kallelses(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Ärenden: Kommunfullmäktige kallas till sammanträde Plats: Förvaltningsbyggnaden Arvidsjaur",
                           "Download \"Ärenden: Kommunfullmäktige kallas till sammanträde Tid: Måndag 1 juli kl 13.00 Datum 2013-06-20\"",
                           "1 Datum (2) Kommunfullmäktige kallas till sammanträde Plats: Förvaltningsbyggnaden",
                           "Arvidsjaur Tid: Måndag 1 juli kl Ärenden: 1. Sammanträdets öppnande 2. Upprop 3. Val av",
                           "justeringsmän 4. Anmälan av jäv 5. Allmänhetens frågestund"]])
    assert (md.doc_type, md.kind, md.committee) == ("other", "kallelse", "Kommunfullmäktige")
    assert md.date == "2013-06-20"


def test_a_justering_date_wrapped_onto_the_next_line_is_still_the_adjustments(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Protokoll. Barn- och utbildningsnämnden Sammanträdesdatum",
                           "1 1 Innehållsförteckning sid. 77 Val av justerare Fastställande av ärendelista",
                           "2 2 Plats och tid Timrå kommunhus 13:00 ande Övriga närvarande Utses att justera Maritza",
                           "Villanueva Contreras (V) Lisbeth Eklund (S) Rigmor Edelryd, sekreterare Justeringens plats och tid",
                           "Barn- och utbildningskontoret tisdag 18 september 2018 klockan 08:30 Ordförande Lisbeth Eklund"]])
    assert md.doc_type == "protokoll"
    assert md.date is None  # the meeting's own date was dropped by the web copy


def test_a_meeting_agenda_page_opens_with_its_standing_points(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Hoppa över navigering", "• 1", "Val av justerare", "• 2", "Fastställande av dagordningen",
                           "• Från ordförande föreslås att utvecklingsutskottet håller ett extra sammanträde den 7 juni.",
                           "• 5", "Projekt Team Gävleborg",
                           "• Region Gävleborg söker stöd för att genomföra projektet Team Gävleborg."]])
    assert md.doc_type == "other"
    assert md.committee == "Utvecklingsutskottet"


def test_a_report_letterhead_run_into_one_line_after_the_writing_office(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Stadsledningskontoret Tjänsteutlåtande Utfärdat 2018-02-19 Diarienummer 1900/16",
                           "Handläggare Bo Carlryd, Henrik Levin Telefon: 031-3680329 Nytt reglemente",
                           "för Göteborgs fastighetsnämnd Förslag till beslut I kommunstyrelse och",
                           "kommunalfullmäktige: Reglemente för Göteborgs fastighetsnämnd antas. Sammanfattning",
                           "Kommunstyrelsen behandlade 2018-01-10 § 20 förslag till nytt reglemente."]])
    assert (md.doc_type, md.date) == ("tjansteutlatande", "2018-02-19")


def test_a_forbunds_news_of_a_meeting_names_its_board(tmp_path: Path) -> None:
    # a samordningsförbund's article after a board meeting: no förbund named, its förbundschef writes
    md = _read(tmp_path, [["Styrelsesammanträdet 2022-09-21",
                           "Artikeln är skriven av Sophia Dahlgren, Förbundschef",
                           "Förbundet hade ett styrelsesammanträde den 21 september. Här kan du läsa en kort",
                           "summering om vilka beslut som togs och vilka uppdrag som gavs.",
                           "Styrelsen gav följande beslut",
                           "Styrelsen beslutade att skriva en viljeinriktning om att delta i kommande projekt."]])
    assert (md.org_kind, md.committee) == ("kommunalforbund", "Styrelsen")
    md = _read(tmp_path, [["Förbundsdirektionens ordförande Oskar Weinmar avtackas",
                           "Idag har Brandkåren Attunda tackat av Oskar Weinmar då han avslutar sin roll som ordförande.",
                           "Ny ordförande blir Emma Feldman, kommunstyrelsens ordförande i Järfälla.",
                           "Vid dagens möte avhandlades tertial 1. Vid direktionsmötet fattades det även beslut om",
                           "att flytta ramuppräkningen till i höst. Artikeln är skriven av Anna Berg, förbundsdirektör"]])
    assert (md.org_kind, md.committee) == ("kommunalforbund", "Direktionen")


def test_an_audit_report_for_the_kommuns_own_auditors(tmp_path: Path) -> None:
    md = _read(tmp_path, [["Granskningsrapport Helena Carlson Louise Cedemar Granskning av delårsrapport 2014",
                           "Sandvikens kommun",
                           "1 Sammanfattande bedömning Vi har på uppdrag av kommunens förtroendevalda revisorer",
                           "översiktligt granskat kommunens delårsrapport. Syftet är att ge kommunens revisorer ett",
                           "underlag för sin bedömning av om resultatet är förenligt med de mål som",
                           "kommunfullmäktige fastställt."]])
    assert md.doc_type == "revisionsrapport"
    assert md.committee == "Revisorerna"  # not the assembly the report names in a sentence


def test_an_agenda_headed_by_its_day_after_a_first_page_of_a_few_lines(tmp_path: Path) -> None:
    # the web copy's title and buttons fill the first page; the letterhead, run into one line,
    # opens the next: "Kommunstyrelsen 3 (22) Ärendelista 11 maj 2015"
    md = _read(tmp_path, [["Ärenden till kommunfullmäktige: 12-13, Upprop och val av justerare.",
                           "Save this PDF as:"],
                          ["WORD PNG TXT JPG", "Storlek: px", "Transkript",
                           "1 Kommunstyrelsen 3 (22) Ärendelista 11 maj 2015 Ärenden till kommunfullmäktige: 12-13,",
                           "Upprop och val av justerare 2. Anmälan om delegationsbeslut 3. Kommundirektören",
                           "informerar 4. Sommaravstängning Fiskaretorget i Västervik lokal trafikföreskrift",
                           "2 Kommunstyrelsen 4 (22) 1. Upprop och val av justerare Tommy Ivarsson (SD) är i tur att",
                           "justera. 2. Anmälan om delegationsbeslut Kommundirektörens beslut Dnr 2015/"]])
    assert (md.doc_type, md.kind) == ("other", "kallelse")
    assert (md.committee, md.date) == ("Kommunstyrelsen", "2015-05-11")
    # a protocol's contents headed "Ärendelista" stay a protocol's
    md = _read(tmp_path, [["1(36) Plats och tid Jan Sahléns tjänsterum, kommunhuset, 09.00-11.00 Beslutande ledamöter",
                           "Jan Sahlén (S) Justerare Justeringens plats och tid Ida Stafrin (C) Förvaltningen 6 mars",
                           "Underskrifter Sekreterare Paragrafer 26 -- 38 Maria Hedman ANSLAG/BEVIS Protokollet är",
                           "justerat. Organ Kommunstyrelsens arbetsutskott Protokollet anslås",
                           "2(36) Kommunstyrelsens arbetsutskott Ärendelista 26 Dnr KS 2018/14 Information... 3"]])
    assert md.doc_type == "protokoll"


def test_a_meeting_web_page_is_not_titled_by_its_skip_link(tmp_path: Path) -> None:
    # a Meetings Plus meeting page copied as text opens with the link screen readers use to skip
    # the site's menu, then the agenda's points: the meeting's agenda, named (like its other papers)
    # by body and day, never by that link nor by a point ("Val av justerare", "... strategi")
    md = _read(tmp_path, [["Hoppa över navigering", " •   1", "", "  Val av justerare", "", " •   2", "",
                           "  Fastställande av dagordningen", "",
                           " • Från ordförande föreslås att utvecklingsutskottet håller ett extra sammanträde",
                           "   den 7 juni 2023, kl 13-15.", "", " •   4", "", "  Regional utvecklingsstrategi"]])
    assert md.title is None  # was "Hoppa över navigering"
    assert md.doc_type == "other" and md.kind == "kallelse" and md.committee == "Utvecklingsutskottet"
