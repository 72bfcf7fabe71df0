"""A scanned protocol whose date OCR read with letters for digits.

Kalmarsunds gymnasieförbund's scanned protocol (bench/openings.json, dev11) prints its meeting's
day only in each page's head, which OCR read as "20t7-04-2t"; its front page's adjustment and
posting dates are garbled past reading. The protocol had no date. A date of the full
year-month-day shape with one or two of OCR's letters for digits ("t", "l", "i", "I" for 1, "O",
"o" for 0) is now read as that date; lines adapted from that record, in another body's name."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of as _read

from namndkoll.ingest.dates import dates_in


def test_a_scanned_protocols_ocr_date_in_its_page_head_is_its_meeting_date(tmp_path: Path) -> None:
    md = _read(tmp_path, [["1 VÄTTERBYGDENS GYMNASIEFÖRBUND SAMMANTRÄDESPROTOKOLL Plats och tid Omfattning",
                           "Ledamöter Tjänstgörande ersättare Datum för justering Underskrifter",
                           "Förbundskontoret, klockan Ajournering klockan $$ Anna Berg (S), $$ Per Lind (C)",
                           "Ingrid Dahl, sekreterare 20r9-0f - ll Sekreterare Ordförande Justerande",
                           "Justering har tillkännagivits genom anslag på Jönköpings kommuns anslagstavl a20i9- ll"],
                          ["2 VÄTTERBYGDENS GYMNASIEFÖRBUND SAMMANTRÄDESPROTOKOLL 20t9-03-1t 2 $ 14",
                           "Utbildningsorganisation inför antagning till läsåret 2019/2020"]])
    assert md.date == "2019-03-11"


def test_ocr_letters_make_a_date_only_in_a_dates_whole_shape() -> None:
    assert [d for _, d in dates_in("Justerat 2018-1O-O4 i Borås")] == ["2018-10-04"]
    # a case number, a garbled date, three letters: no date
    assert not list(dates_in("Dnr GYF 2016l05s3, sekreterare 20r9-0f - ll, 2O19-1O-O3"))
