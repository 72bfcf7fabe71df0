"""Göteborg's bodies number a case with the code of the office that prepares it first
("GSF-2025-01221": grundskoleförvaltningen, for grundskolenämnden), while the §§ of other bodies
name a step by the body's initials ("Protokollsutdrag GSN 2024-03-26 § 59"). Alingsås writes the
body's code last ("2026.067 TEN"), which is how "§ 28 TEN" was resolved; "GSN" spells no word
joint of "Grundskolenämnden" the initials reader knows and no diarienummer ended in it, so
`namndkoll case` showed the kommunstyrelse's step alone (issue 8, twenty-first session's
leftover). The initials now resolve through the code a body's own numbers carry, first or last,
a nämnd's N its förvaltning's F."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_ingest_batch import make_pdf

from namndkoll import api

GSN = """Göteborgs Stad
Grundskolenämnden
Protokollsutdrag
Sammanträdesdatum: 2025-03-18
§ 40 Ärendenummer GSF-2025-00800
Skolskjuts i ytterområden
Beslut
1. Grundskolenämnden föreslår kommunstyrelsen att utöka skolskjutsen i ytterområden.
Ärendet
Förvaltningen har utrett behovet av skolskjuts i stadens ytterområden.
§ 41 Ärendenummer GSF-2025-00810
Lokalförsörjningsplan för grundskolan
Beslut
1. Grundskolenämnden godkänner lokalförsörjningsplanen.
Ärendet
Planen beskriver behovet av skollokaler till 2030.
"""

KS = """Göteborgs Stad
Kommunstyrelsen
Protokoll
Sammanträdesdatum: 2025-04-09
§ 120 Ärendenummer SLK-2025-00300
Skolskjuts i ytterområden
Beslut
1. Kommunstyrelsen beslutar att utöka skolskjutsen i ytterområden.
Handlingar
1. Stadsledningskontorets tjänsteutlåtande, daterat 2025-03-28
2. Protokollsutdrag GSN 2025-03-18 § 40
§ 121 Ärendenummer SLK-2025-00310
Budget för kulturskolan
Beslut
1. Kommunstyrelsen godkänner budgeten.
Handlingar
1. Stadsledningskontorets tjänsteutlåtande, daterat 2025-03-30
"""


@pytest.fixture
def corpus(db: str, tmp_path: Path) -> str:
    make_pdf(tmp_path / "gsn-2025-03-18.pdf", [GSN])
    make_pdf(tmp_path / "ks-2025-04-09.pdf", [KS])
    report = api.ingest(sorted(tmp_path.glob("*.pdf")), db=db, index=False)
    assert not report.failed, report.failed
    return db


def _steps(case: api.CaseView) -> list[tuple[str, str, str]]:
    return [(e["committee"], e["date"], e["item"]) for e in case.entries]


def test_goteborgs_initials_join_the_namnds_step_through_its_offices_code(corpus: str) -> None:
    ks = api.case_view("SLK-2025-00300", db=corpus)
    assert _steps(ks) == [("Grundskolenämnden", "2025-03-18", "40"), ("Kommunstyrelsen", "2025-04-09", "120")]
    assert ks.entries[0]["dnr"] == "GSF-2025-00800"
    assert ks.entries[0]["joined"]["ref"] == "GSN 2025-03-18 § 40"
    # and from the nämnd's own number forward
    assert _steps(api.case_view("GSF-2025-00800", db=corpus)) == _steps(ks)
    # the other §§ of both meetings stay their own cases
    assert _steps(api.case_view("GSF-2025-00810", db=corpus)) == [("Grundskolenämnden", "2025-03-18", "41")]
    assert _steps(api.case_view("SLK-2025-00310", db=corpus)) == [("Kommunstyrelsen", "2025-04-09", "121")]


@pytest.mark.parametrize(("dnr", "initials", "codes"), [
    ("GSF-2025-01221", "GSN", True),   # Göteborg: the förvaltning's code first
    ("SFF-2025-00571", "SFN", True),
    ("2026.067 TEN", "TEN", True),     # Alingsås: the body's code last
    ("GSF-2025-01221", "GSF", True),
    ("GSF-2025-01221", "KS", False),
    ("SLK-2023-00027", "SLN", False),  # only a nämnd's N stands for its förvaltning's F
    ("2026.067 TEN", "TN", False),
    ("N609-4635/23", "GSN", False),
])
def test_a_register_code_names_its_body(dnr: str, initials: str, codes: bool) -> None:
    from namndkoll.api.case_links import _codes_body

    assert _codes_body(dnr, initials) is codes
