"""`copy_corpus` tells its progress display each document it copies by name, as an ingest does:
a file name holding control characters (an escape sequence that recolours or clears a terminal,
a newline that forges a second line) is shown neutralised, written as escapes.

Before: the copy passed the stored name as it was (``relative_path`` without ``shown_path``), so
a progress line printed from it ran the escape sequence; an ingest's lines already escaped it.

A real PDF (reportlab) under a hostile name, ingested into a real SQLite corpus and copied.
"""

from __future__ import annotations

from pathlib import Path

from test_ingest_batch import make_pdf

from namndkoll.api import Progress, copy_corpus, ingest

PAGE = ("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-03-12\n§ 41 Dnr KS 2024/0112\n"
        "Kommunstyrelsen beslutar att bevilja 100 tkr.\n")


def test_a_copied_file_name_with_an_escape_sequence_is_shown_neutralised(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "ks\x1b[2J\x1b[31mröd\nfailed all.pdf", [PAGE])
    src, dst = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    ingested: list[str] = []
    ingest([pdf], db=src, index=False, progress=Progress(advance=lambda r: ingested.append(r.path)))
    copied: list[str] = []
    rep = copy_corpus(src, dst, progress=Progress(advance=lambda r: copied.append(r.path)))
    assert rep.copied == 1
    assert len(copied) == 1
    line = copied[0]
    assert "\x1b" not in line and "\n" not in line
    assert line.endswith("ks\\x1b[2J\\x1b[31mröd\\nfailed all.pdf")
    assert line == ingested[0]  # named as the ingest named it
