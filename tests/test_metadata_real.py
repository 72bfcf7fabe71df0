"""Metadata of real documents, with the values read off the documents themselves (pdftotext and
page images), not copied from namndkoll's output. The bundled samples always run; documents in
../shared are skipped when it is absent, and the large ones are marked slow. Kept to a few:
bench/metadata_eval.py measures the rest against the gold set."""

from __future__ import annotations

from pathlib import Path

import pytest

from namndkoll.ingest import read_document

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
SLOW = pytest.mark.slow

# file: (municipality, org_kind, committee, doc_type, kind, date, title)
CASES = {
    # issue 8: a tjänsteskrivelse headed Datum:/Handläggare:/Diarienr:, its motion, an audit
    # follow-up signed through Penneo, a Finland-Swedish protocol, a region, a kommunalförbund
    "pdf-other/alingsas_ts_svar_motion_ukraina.pdf": (
        "Alingsås", "kommun", "Kommunstyrelsen", "tjansteskrivelse", None, "2026-05-11",
        ("Svar på motion gällande att stärka stödet till det ukrainska folket - Anton Cesár (S) och "
        "Leif Hansson (S)")),
    "pdf-other/alingsas_motion_ukraina_s.pdf": (
        "Alingsås", "kommun", "Kommunfullmäktige", "motion", None, None, "Stärka stödet till det ukrainska folket"),
    "pdf-other/alingsas_revisionsrapport_uppfoljning_2026.pdf": (
        "Alingsås", "kommun", "Revisorerna", "revisionsrapport", None, "2026-03-24",
        "Uppföljande granskning av revisionsrapporter från 2023"),
    "pdf-other/nykarleby_FI_valfardsnamnden_2022-09-15.pdf": (
        "Nykarleby", "kommun", "Välfärdsnämnden", "protokoll", None, "2022-09-15", None),
    # slides whose only mention of the municipality is its logo (an image): nothing is guessed
    "pdf-other/alingsas_ramar_2027-2029.pdf": (None, None, None, "other", "budget", None, "Underlag ramar 2027-2029"),
    "pdf/motion-regionfullmaktige-gotland-vegetabilisk-kost-2016.pdf": (
        None, "region", "Regionfullmäktige", "motion", None, "2017-01-30",
        "Vegetabilisk kost som grund i skolbespisningen"),
}
SLOW_CASES = {
    "pdf-other/vgr_utvardering_malbild_tag_2035.pdf": (
        "Västra Götalandsregionen", "region", "Koncernkontoret, Regional samhällsplanering", "other", "utredning",
        "2025-10-08", "Utvärdering av Målbild tåg 2035"),
    "pdf-other/tfv_arsredovisning_2025.pdf": (
        "Tolkförmedling Väst", "kommunalforbund", "Direktionen", "arsredovisning", None, "2025-03-27",
        "Årsredovisning 2025"),
    # a cover letter ("Missiv till ansvariga nämnder") before the report: the report's heading
    "pdf/goteborg-stadsrevisionen/granskning_skapa_arbete.pdf": (
        "Göteborg", "kommun", "Stadsrevisionen", "revisionsrapport", None, "2025-10-14",
        "Göteborgs Stads arbete med att skapa trygga offentliga miljöer och bostadsområden"),
}
SAMPLES = {
    "goteborg-kf-2023-11-09.pdf": ("Göteborg", "kommun", "Kommunfullmäktige", "protokoll", None, "2023-11-09", None),
    "lund-socialnamnden-2016-reservation-v.pdf": (
        "Lund", "kommun", "Socialnämnden", "skrivelse", None, None,
        "Ärende 7: Åtgärder avseende resurserna för arbetsmarknadsåtgärder"),
    # the report's own heading on p2 (and in its footer), not the cover letter's "Missiv till
    # granskningen av ..." on p1: the convention of the structure gold's rapportsammandrag
    "goteborg-stadsrevisionen-kompetensforsorjning-socialtjansten.pdf": (
        "Göteborg", "kommun", "Stadsrevisionen", "revisionsrapport", None, "2023-09-01",
        "Granskning av kompetensförsörjning inom socialtjänsten"),
}


def _fields(path: Path) -> tuple:
    md = read_document(path).metadata
    return (md.municipality, md.org_kind, md.committee, md.doc_type, md.kind, md.date, md.title)


@pytest.mark.parametrize("name, expected", list(SAMPLES.items()), ids=list(SAMPLES))
def test_bundled_samples(name, expected):
    assert _fields(REPO / "sample" / name) == expected


@pytest.mark.parametrize("rel, expected", list(CASES.items()) + [pytest.param(k, v, marks=SLOW)
                                                                  for k, v in SLOW_CASES.items()],
                         ids=[Path(k).stem[:40] for k in list(CASES) + list(SLOW_CASES)])
def test_shared_documents(rel, expected):
    path = SHARED / rel
    if not path.exists():
        pytest.skip("../shared (development data) is not present")
    assert _fields(path) == expected


KUNGSBACKA = {  # Markdown extracts of Kungsbacka protocols (pdfplumber), drawn back into PDFs
    "ks-2026-08-25-protokoll-p179-180.md": ("Kommunstyrelsen", "2026-08-25"),
    "revision-2024-11-18-protokoll-p13.md": ("Kommunrevisionen", "2024-11-18"),
    "vo-2024-05-14-protokoll-p75.md": ("Nämnden för Vård & Omsorg", "2024-05-14"),
}


@pytest.mark.parametrize("name, expected", list(KUNGSBACKA.items()), ids=list(KUNGSBACKA))
def test_kungsbacka_protocols(name, expected, tmp_path):
    import re

    from namndkoll.extract.evaluate import render_pdf

    src = SHARED / "protocols" / "kungsbacka" / name
    if not src.exists():
        pytest.skip("../shared (development data) is not present")
    body = src.read_text(encoding="utf-8").split("---", 2)[2]
    body = re.sub(r"<!-- sida \d+ -->", "\n\x0c", body).strip()
    pdf = render_pdf(body, tmp_path / "k.pdf", page_marker="\x0c")
    committee, date = expected
    assert _fields(pdf) == ("Kungsbacka", "kommun", committee, "protokoll", None, date, None)
