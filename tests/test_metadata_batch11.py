"""Openings of Swedish bodies, the eleventh batch of bench/openings.json (dev11): a scanned
förbund protocol heads itself in capitals that OCR mixes with a small ö ("ÖSTERLENS
UTBILDNINGSFöRBUND SAMMANTRÄDESPROTOKOLL") and posts its notice on a member kommun's board; a
fullmäktige protocol names itself only by the "KF" its cases are numbered under, and its list
of cases elects to another body ("Val av ny ordförande i överförmyndarnämnden"); a protocol lists another meeting's protocol
among its papers ("Arbetsutskottets protokoll"). Lines adapted from real records (Kalmarsunds
gymnasieförbund, Karlsborg KF), set in other bodies' names where the rule is general."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read


def test_a_forbund_heading_in_ocr_capitals_names_the_forbund_not_the_kommun_whose_board_it_uses(
        tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 ÖSTERLENS UTBILDNINGSFöRBUND SAMMANTRÄDESPROTOKOLL Plats och tid",
                           "Förbundskontoret, klockan 13.00-16.00 Beslutande Ledamöter",
                           "Anna Berg (S), Per Lind (C), Eva Ek (M), Olof Sten (S)",
                           "Övriga deltagande Lars Holm, förbundschef Ingrid Dahl, sekreterare",
                           "Underskrifter Sekreterare Ordförande Justerande",
                           "Justering har tillkännagivits genom anslag på Simrishamns kommuns anslagstavla"],
                          ["2 ÖSTERLENS UTBILDNINGSFöRBUND SAMMANTRÄDESPROTOKOLL",
                           "§ 28 Utbildningsorganisation inför antagning till läsåret 2017/2018",
                           "Beslutsunderlag Förbundskontorets skrivelse, Arbetsutskottets protokoll"]])
    # the förbund the heading names wrote its protocol, not the kommun whose board it posts on
    assert (md.municipality, md.org_kind) == ("Österlens utbildningsförbund", "kommunalforbund")
    # the arbetsutskott whose protocol is a paper of the case prepared it; it is not the meeting
    assert md.committee != "Arbetsutskottet"


def test_a_fullmaktige_electing_to_a_namnd_is_not_that_namnds_protocol(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Sida 12",
                           "Plats och tid Kommunhuset, måndagen den 14 mars 2016, kl 18.30",
                           "Beslutande Enligt förteckning (bil. 3)",
                           "Utses att justera Karin Ahl (S) Bo Nyman (C)",
                           "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag",
                           "Innehållsförteckning § 12 Godkännande av dagordning § 13 Allmänhetens frågestund",
                           "§ 14 Val av ny ordförande i överförmyndarnämnden § 15 Svar på medborgarförslag"]])
    # the case elects a member of the överförmyndarnämnd: the assembly's protocol is not its
    assert md.committee != "Överförmyndarnämnden"


def test_a_protocol_numbering_its_cases_under_kf_is_fullmaktiges(tmp_path: Path) -> None:
    md = _read(tmp_path, [["SAMMANTRÄDESPROTOKOLL Sida 12",
                           "Plats och tid Kommunhuset, måndagen den 14 mars 2016, kl 18.30",
                           "Beslutande Enligt förteckning (bil. 3)",
                           "Utses att justera Karin Ahl (S) Bo Nyman (C)",
                           "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag",
                           "Innehållsförteckning KF 12 Godkännande av dagordning KF 13 Allmänhetens frågestund",
                           "KF 14 Val av ny ordförande i överförmyndarnämnden KF 15 Svar på medborgarförslag"]])
    # the front page's 'Organ' is empty: the list of cases under KF names the assembly
    assert md.committee == "Kommunfullmäktige"
