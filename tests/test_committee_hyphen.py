"""A committee whose name lost the hyphen of its coordinated compound ("Beslutande instans: Vård
och omsorgsnämnden" on an Alingsås riktlinje) is the same committee as "Vård- och
omsorgsnämnden": `namndkoll stats` and `--committee` counted it as two. Read from a real PDF
made with reportlab."""

from __future__ import annotations

import pytest
from test_metadata_policy import metadata_of

from namndkoll.ingest.body_names import canon_committee


def test_a_guideline_decided_by_an_unhyphenated_committee_names_it_hyphenated(tmp_path) -> None:
    md = metadata_of(tmp_path, [[
        "Registerkontroll vid anställning",
        "Riktlinje",
        "",
        "Typ av styrdokument: Riktlinje",
        "Beslutande instans: Vård och omsorgsnämnden",
        "Datum för beslut: 2026-05-18, § 43",
        "Diarienummer: 2026.012 VON",
        "",
        "Inledning",
        "Riktlinjen gäller för all nyanställd personal inom förvaltningen i Alingsås kommun.",
    ]])
    assert md.committee == "Vård- och omsorgsnämnden"


@pytest.mark.parametrize(("name", "want"), [
    ("Kultur och fritidsnämnden", "Kultur- och fritidsnämnden"),
    ("Miljö och byggnadsnämndens arbetsutskott", "Miljö- och byggnadsnämndens arbetsutskott"),
    ("Barn- och ungdomsnämnden", "Barn- och ungdomsnämnden"),
    ("Kommunstyrelsen och socialnämnden", "Kommunstyrelsen och socialnämnden"),  # two bodies
])
def test_canonical_committee_name(name: str, want: str) -> None:
    assert canon_committee(name) == want
