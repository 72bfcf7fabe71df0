"""A motion is most often stored as the party's own paper: no §§, no diarienummer (the register
gives the number when it comes in). `namndkoll case` followed the case from the kommunfullmäktige
§ it was handed in at ("Motion av Amanda Andersson (MP) om att införa laddstationer …") through
the kommunstyrelse's answer, but the motion itself — what the party proposed — was not among the
steps (issue 8, the twenty-first session's leftover). It joins now when a § of the case handles a
motion, every content word of the motion's title stands in the § title and every person the
motion names is named in the §: another motion on a like subject, or by other signers, does not."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_batch import make_pdf

from namndkoll import api

MOTION = """2025-09-24
Motion till kommunfullmäktige om att införa laddstationer för Alingsås cyklister
Cykel är ett vanligt transportmedel i Alingsås kommun. Mängden elcyklar har ökat och det finns
få möjligheter att ladda elcyklar på allmänna platser.
Med hänvisning till ovanstående föreslår jag att kommunfullmäktige beslutar:
- att uppdra åt tekniska nämnden att införa stöldsäkra laddstationer för elcyklar.
Amanda Andersson
Miljöpartiet de gröna Alingsås
"""

# a like subject, another party's signer: no step of the MP motion's case
OTHER = """2025-09-20
Motion till kommunfullmäktige om laddstationer för elbilar vid Alingsås idrottsplatser
Fler laddstationer för elbilar behövs vid idrottsplatserna.
Med hänvisning till ovanstående föreslår jag att kommunfullmäktige beslutar:
- att uppdra åt tekniska nämnden att bygga laddstationer för elbilar.
Per Persson
Moderaterna Alingsås
"""

KF = """Alingsås kommun
Kommunfullmäktige
Protokoll
Sammanträdesdatum: 2025-09-24
§ 204 Dnr 2025.446 KS
Motion av Amanda Andersson (MP) om att införa laddstationer för Alingsås cyklister
Ärendebeskrivning
Amanda Andersson (MP) lämnar en motion om att införa laddstationer för Alingsås cyklister.
Beslut
Kommunfullmäktige beslutar
att motionen remitteras till kommunstyrelsen för beredning.
§ 205 Dnr 2025.450 KS
Taxa för torghandel
Ärendebeskrivning
En ny taxa för torghandel föreslås.
Beslut
Kommunfullmäktige beslutar
att anta taxan för torghandel.
"""


@pytest.fixture
def corpus(db: str, tmp_path: Path) -> str:
    make_pdf(tmp_path / "motion-laddstationer-mp.pdf", [MOTION])
    make_pdf(tmp_path / "motion-laddstationer-elbilar-m.pdf", [OTHER])
    make_pdf(tmp_path / "kf-2025-09-24.pdf", [KF])
    report = api.ingest(sorted(tmp_path.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    return db


def test_the_motion_joins_the_paragraph_it_was_handed_in_at(corpus: str) -> None:
    case = api.case_view("2025.446 KS", db=corpus)
    assert [(e["doc_type"], e["item"]) for e in case.entries] == [("motion", None), ("protokoll", "204")]
    motion = case.entries[0]
    assert motion["title"] == "Motion till kommunfullmäktige om att införa laddstationer för Alingsås cyklister"
    assert motion["source"].endswith("motion-laddstationer-mp.pdf")
    assert (motion["joined"]["committee"], motion["joined"]["item"], motion["joined"]["page"]) == (
        "Kommunfullmäktige", "204", 1)
    assert motion["joined"]["ref"].startswith("Motion av Amanda Andersson (MP)")
    assert [p["parties"] for p in motion["positions"]] == [["MP"]]  # the party's proposal, shown with it


def test_another_case_takes_up_no_motion(corpus: str) -> None:
    # the torghandel § handles no motion; the M motion on elbilar is no step of any stored case
    assert [e["item"] for e in api.case_view("2025.450 KS", db=corpus).entries] == ["205"]
    shown = {e["source"].rsplit("/", 1)[-1] for e in api.case_view("2025.446 KS", db=corpus).entries}
    assert "motion-laddstationer-elbilar-m.pdf" not in shown


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_cli_shows_the_motion_with_the_paragraph_that_joined_it(corpus: str) -> None:
    import json

    from typer.testing import CliRunner

    from namndkoll.cli import app

    r = CliRunner().invoke(app, ["case", "2025.446 KS", "--db", corpus, "--json"])
    assert r.exit_code == 0, r.output
    first = json.loads(r.output)["steps"][0]
    assert first["title"].startswith("Motion till kommunfullmäktige") and first["joined_by"]["item"] == "204"


@pytest.mark.parametrize(("motion", "item", "signers", "joins"), [
    ("Stärka stödet till det ukrainska folket",
     "Svar på motion gällande att stärka stödet till det ukrainska folket - Anton César (S) och Leif Hansson (S)",
     ["Anton Cesár", "Leif Hansson"], True),  # an accent written otherwise is the same name
    ("Stärka stödet till det ukrainska folket",
     "Svar på motion gällande att stärka stödet till det ukrainska folket - Anton César (S)",
     ["Anton César", "Leif Hansson"], False),  # a signer the § does not name
    ("Motion om laddstationer för elbilar", "Motion om att införa laddstationer för Alingsås cyklister - Per Persson (M)",
     ["Per Persson"], False),  # a word of the motion's title the § lacks
])
def test_title_words_and_signers_both_decide(motion: str, item: str, signers: list[str], joins: bool) -> None:
    from namndkoll.api.case_motions import _content_words, _held, _names_all, _title_words

    assert (_held(_content_words(motion), _title_words(item)) and _names_all(item, signers)) is joins


# the paper's title first: one type size here, where the real paper sets it large under its kind
INITIATIV = """Inrätta en kollektivtrafikdialog
Initiativ i kommunstyrelsen
11 maj 2026
av Jens Christian Berlin (L)
Förslag till beslut i kommunstyrelsen
Kollektivtrafikdialog ska hållas årligen med nämndpresidier och gruppledare.
Motivering
En väl fungerande kollektivtrafik är av stor betydelse för invånarna i Alingsås kommun.
Jens Christian Berlin (L)
"""

KS = """Alingsås kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2026-06-01
§ 104 Dnr 2026.263 KS
Initiativärende till kommunstyrelsen gällande att inrätta en kollektivtrafikdialog - Jens Christian Berlin (L)
Ärendebeskrivning
Jens Christian Berlin (L) har den 11 maj 2026 lämnat ett initiativärende om att inrätta en kollektivtrafikdialog.
Beslut
Kommunstyrelsen beslutar
att initiativärendet remitteras till tekniska nämnden.
"""


def test_an_initiativarende_joins_the_paragraph_that_handles_it(db: str, tmp_path: Path) -> None:
    """Members' initiativärende, stored as its own paper, joins the kommunstyrelse § that handles
    it (before: only motions did; Alingsås' dev archive: 2 initiativärenden, 0 -> 2 joined)."""
    make_pdf(tmp_path / "initiativarende-kollektivtrafikdialog-l.pdf", [INITIATIV])
    make_pdf(tmp_path / "ks-2026-06-01.pdf", [KS])
    report = api.ingest(sorted(tmp_path.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    case = api.case_view("2026.263 KS", db=db)
    assert [(e["doc_type"], e["item"]) for e in case.entries] == [("initiativarende", None), ("protokoll", "104")]
    assert case.entries[0]["title"] == "Inrätta en kollektivtrafikdialog"
    assert case.entries[0]["joined"]["item"] == "104"


@pytest.mark.parametrize(("paper", "item", "joins"), [
    # the paper asks in the imperative what the § names as a noun: "Utred" begins "utredning"
    ("Utred utökad parkeringskapacitet vid Nolhaga", ("Initiativärende till kommunstyrelsen gällande utredning av "
                                                      "utökad parkeringskapacitet vid Nolhaga - Jan-Erik Wallin (M) med flera"),
     True),
    # a word under five letters must stand whole: "park" is no "parkeringskapacitet"
    ("Rusta park vid Nolhaga", "Initiativärende gällande rustning av parkeringskapacitet vid Nolhaga", False),
])
def test_a_long_word_of_the_paper_may_begin_a_word_of_the_paragraph(paper: str, item: str, joins: bool) -> None:
    from namndkoll.api.case_motions import _content_words, _held, _title_words

    assert _held(_content_words(paper), _title_words(item)) is joins
