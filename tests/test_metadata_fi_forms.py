"""Finland-Swedish and Åland record forms the reader did not know: a front page headed
"PROTOKOLLSIDA" with its row of labels before the values, a notice's head in capitals that runs
the body into its kind word, a meeting system's short forms of fullmäktige and styrelse
("INNEHÅLLSFÖRTECKNING SSTYR, 2015-04-14 18:00"), a bilingual Swedish/Finnish front page with
the meeting's number before its body ("3/ Tekniska nämnden TID - AIKA"), the kommun's hall where
the protocol is laid out, the notice's issue date on a protocol whose meeting day a web copy
dropped, and a samkommun known by its short form. Lines adapted from real records of Åland,
Ostrobothnia and Åboland, set in other bodies' and kommuner's names."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_protokollsida_with_labels_before_values_is_that_bodys_protocol(tmp_path: Path) -> None:
    md = _read(tmp_path, [
        ["VÅRDÖ KOMMUN PROTOKOLLSIDA",
         "1 VÅRDÖ KOMMUN PROTOKOLLSIDA Nr Sida Byggnadsnämnden 7/ Sammanträdestid Tisdagen den ,",
         "kl Sammanträdeslokal Kommunkansliet Närvarande Anna Ek, ordförande Per Berg, medlem",
         "Frånvarande Eva Lind, medlem Ärenden Underskrift Protokollet justerat Anna Ek Kaj Holm"],
        ["2 VÅRDÖ KOMMUN SAMMANTRÄDESKALLELSE sida 2 Kallelsedatum Kallelsenummer Byggnadsnämnden",
         "/2021 Sammanträdestid Tisdagen den 12 oktober 2021, kl Sammanträdesplats Kommunkansliet",
         "Kallelsen utfärdad Vårdö den 5 oktober 2021 Anna Ek byggnadsnämndens ordf."]])
    assert (md.doc_type, md.committee, md.date) == ("protokoll", "Byggnadsnämnden", "2021-10-12")


def test_a_capitals_head_that_runs_the_body_into_its_kind_word_names_the_body(tmp_path: Path) -> None:
    md = _read(tmp_path, [
        ["SOCIALNÄMNDEN F Ö R E D R A G N I N G S L I S T A",
         "1 SOCIALNÄMNDEN SAMMANTRÄDESKALLELSE SOCIALNÄMNDEN 4 Sammanträdestid Onsdagen den",
         "3 mars 2021 kl Sammanträdesplats Kommungården 1. Sn 20 Kallelse och beslutförhet",
         "2. Sn 21 Val av protokolljusterare 3. Sn 22 Budgetuppföljning Vårdö den 24 februari 2021"]])
    assert md.committee == "Socialnämnden"


def test_a_meeting_systems_short_form_of_styrelse_and_fullmaktige_names_the_body(tmp_path: Path) -> None:
    contents = ["INNEHÅLLSFÖRTECKNING. {code}, :00, Protokoll",
                "i INNEHÅLLSFÖRTECKNING {code}, 2019-03-11 19:00, Protokoll",
                "§ -1 Närvarande ... 1",
                "§ 12 Sammanträdets laglighet och beslutförhet ... 2",
                "§ 13 Ekonomisk uppföljning per 28.2.2019 ... 3",
                "-1, {code} 2019-03-11 19:00 Sida 2 SAMMANTRÄDESTID: kl. 19:00 SAMMANTRÄDESPLATS:",
                "Stadshuset NÄRVARANDE MEDLEMMAR: Ordförande Anna Ek PROTOKOLLET HAR JUSTERATS"]
    styrelse = _read(tmp_path, [[ln.format(code="SSTYR") for ln in contents]])
    # a stad is a kommun
    assert (styrelse.committee, styrelse.org_kind) == ("Stadsstyrelsen", "kommun")
    fullmaktige = _read(tmp_path, [[ln.format(code="KFGE") for ln in contents]])
    assert fullmaktige.committee == "Kommunfullmäktige"


_BILINGUAL = [["TID - AIKA KL. - KLO 17:00-19:10 Västanfjärd skola, Skolvägen 3, Västanfjärd",
               "Download \"TID - AIKA 04.09.2019 KL. - KLO 17:00-19:10 Västanfjärd skola\"",
               "1 3/ Tekniska nämnden TID - AIKA KL. - KLO 17:00-19:10 PLATS - PAIKKA Västanfjärd",
               "skola, Skolvägen 3 41 Sammanträdets laglighet Val av protokolljusterare Vägunderhåll",
               "55 Det justerade protokollet med anvisning om rättelseyrkande och besvärsanvisning",
               "hålls offentligt framlagt i original i stadshuset i Raseborg Ordförande: Anna Ek"],
              ["2 3/ Tekniska nämnden TID - AIKA KL. - KLO 17:00-19:10 PLATS - PAIKKA Västanfjärd",
               "{present} Ek Anna ordförande Berg Per viceordförande Lind Eva medlem Holm Kaj medlem",
               "ÖVRIGA NÄRVARANDE - MUUT LÄSNÄ OLLEET Sten Ida protokollförare"]]


def test_a_bilingual_front_page_names_its_body_kommun_and_day(tmp_path: Path) -> None:
    present = "NÄRVARANDE LEDAMÖTER - LÄSNÄ OLLEET JÄSENET"
    md = _read(tmp_path, [[ln.format(present=present) for ln in page] for page in _BILINGUAL])
    assert (md.doc_type, md.committee, md.date) == ("protokoll", "Tekniska nämnden", "2019-09-04")
    assert (md.municipality, md.org_kind) == ("Raseborg", "kommun")
    # the same form before the meeting lists the members called, none present: no protocol yet
    called = _read(tmp_path, [[ln.format(present="LEDAMÖTER - JÄSENET") for ln in page] for page in _BILINGUAL])
    assert called.doc_type != "protokoll"


def test_a_protocol_is_not_dated_by_its_notices_issue_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [
        ["SAMMANTRÄDESPROTOKOLL 1 Sammanträdestid Tisdagen den kl. 18:00-20.10 Sammanträdesplats",
         "Kommunkansliet Beslutande Ek Anna Berg Per Lind Eva Holm Kaj Övriga närvarande Sten Ida,",
         "kommundirektör Paragrafer 30-36 Underskrift Ordförande Anna Ek Protokollförare Ida Sten",
         "Justering, plats och tid Måndagen den 14.5.2018 kl. 16.00 på kommunkansliet",
         "KALLELSESIDA Utfärdat den 02.05.2018 2 Sammanträdestid Tisdagen den kl. 18:00",
         "Sammanträdesplats Kommunkansliet Ärendets nr Ärende 30 Laglighet och beslutförhet"]])
    assert md.doc_type == "protokoll"
    assert md.date is None


def test_a_samkommun_named_only_by_its_short_form_wrote_its_boards_news(tmp_path: Path) -> None:
    md = _read(tmp_path, [
        ["Samkommunstyrelsen 12.03.2019",
         "Enligt grundavtalet väljer samkommunstämman en samkommunstyrelse för NÖRUK.",
         "Samkommunstyrelsen konstaterar att samkommunstämmans beslut från 20.2.2019 fattats i",
         "lagenlig ordning och kan verkställas. Styrelsen godkände verksamhetsplanen.",
         "Vasa 12.03.2019"]])
    assert (md.municipality, md.org_kind) == ("NÖRUK", "kommunalforbund")
