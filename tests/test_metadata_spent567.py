"""Metadata left open by the spent splits of batches 5-7 of bench/openings.json (issue 8's notes): an
OCR'd date whose year the scanner spaced around a narrow "1" ("14 december 20 1 1"); a protocol
whose notice of adjustment, the only place its meeting date stands, fell on a page after the first
two; a meeting web page that names its body only in its items, beside the utskott it elects a
member to, and whose only date is the adjustment's in the item "Val av justerare". The pages below
are written for these tests in the forms those records use (a docplayer copy's title and transcript,
a 5dok copy's front page, a Meetings Plus page's items), with other bodies, people and dates, drawn
with reportlab."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_metadata_policy import metadata_of

from namndkoll.ingest.dates import dates_in


@pytest.mark.parametrize(("text", "iso"), [
    ("PROTOKOLL. 8 november 20 1 2.", "2012-11-08"),
    ("Sammanträde den 3 maj 201 1", "2011-05-03"),
    ("30 juni 20 1 5, kl 13.00", "2015-06-30"),
])
def test_a_year_ocr_spaced_around_a_narrow_one_is_read(text: str, iso: str) -> None:
    assert [d for _, d in dates_in(text)] == [iso]


def test_an_ocrd_landsting_protocol_dated_only_in_its_copys_title(tmp_path: Path) -> None:
    # the scanned front page keeps the day and month without the year; the copy's title repeats
    # the date with the year's digits set apart
    md = metadata_of(tmp_path, [[
        "LANDSTINGET I VARMLAND. Sammanträde med landstingsstyrelsens handikappråd.",
        "Landstingsstyrelsen PROTOKOLL. 8 november",
        "Storlek: px",
        "Starta visningen från sidan:",
        'Download "LANDSTINGET I VARMLAND. Sammanträde med landstingsstyrelsens handikappråd.',
        'Landstingsstyrelsen PROTOKOLL. 8 november 20 1 2."',
        "Transkript",
        "1 Landstingsstyrelsen HANDLAGGARE Eva Sundin, LS-LED12-044 PROTOKOLL Sammanträde med",
        "landstingsstyrelsens handikappråd Datum: Plats: Ledamöter: Ersättare: Sekreterare:",
        "8 november Landstingshuset, Karlstad Per Ek (S) ordf Ann Lind (M) vice ordf",
    ]])
    assert md.doc_type == "protokoll"
    assert md.date == "2012-11-08"


def test_a_protocols_notice_of_adjustment_on_its_third_page_dates_it(tmp_path: Path) -> None:
    front = ["Miljönämnden. Plats och tid Rådhuset, Höör, kl Beslutande.",
             "Justerare Utdragsbestyrkande",
             "Beslutande",
             "Karin Holm (C), ordf",
             "Lars Berg (S), vice ordf",
             "Övriga deltagare",
             "Nils Ek, miljöchef Anna Sjö, nämndsekreterare"]
    second = ["Utses att justera",
              "Lars Berg",
              "Justeringens tid",
              "och plats",
              "Rådhuset, 2019-03-14 kl 15.00",
              "Justerade",
              "paragrafer",
              "§§ 12 – 20",
              "ANSLAG/BEVIS"]
    notice = ["Protokollet är justerat. Justeringen har tillkännagivits genom anslag.",
              "Organ Miljönämnden",
              "Sammanträdesdatum 2019-03-12 Anslaget under tiden",
              "Förvaringsplats",
              "för protokollet Rådhuset Underskrift"]
    md = metadata_of(tmp_path, [front, second, notice])
    assert md.doc_type == "protokoll"
    assert md.date == "2019-03-12"


def test_a_meeting_page_names_its_body_beside_its_utskott_and_dates_only_the_adjustment(
        tmp_path: Path) -> None:
    md = metadata_of(tmp_path, [
        ["Hoppa över navigering"],
        ["• Lokal: Sammanträdesrum Ekan i Stadshuset",
         "Datum: 14 mars 2021 kl. 10:00",
         "Förslag: Karin Lund (C)"],
        ["• 2", "Fastställande av föredragningslista"],
        ["• Kultur- och fritidsnämnden ska välja en ersättare till arbetsutskottet då Per Holm (V)",
         "har avsagt sig sina uppdrag i Kultur- och fritidsnämnden. Hans plats i arbetsutskottet",
         "är därför vakant."],
        ["• Förvaltningen har lämnat ett förslag på sammanträdesdagar för år 2022.",
         "Kultur- och fritidsnämndens sammanträden startar kl 13.00."],
    ])
    assert md.committee == "Kultur- och fritidsnämnden"
    assert md.date is None
