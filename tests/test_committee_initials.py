"""A protocol that names its body only by its initials in the running head ("BUN
SAMMANTRÄDESPROTOKOLL", Lomma's NetPublicator protocols of 2024) is stored under the body the
document names in full whose initials these are; with none, under the initials as written;
never under a body the document does not name. Excerpt: Lomma barn- och utbildningsnämnden,
2024-02-06 (richardthorsell/lomma-partiguide)."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import _pdf

from namndkoll.ingest import read_document
from namndkoll.ingest.committee_initials import initials_skip

_HEAD = ["BUN SAMMANTRÄDESPROTOKOLL", "Plats: Sida 1 av 20", "Tid:", "Sammanträdesdatum", "2024-02-06",
         "Lomma kommun, Strandskolans matsal", "2024-02-06, klockan 18:30-21:45",
         "Utses att justera: Eva Netterlid §§ 1-10, Jonna Tingberg §§ 11-12", "Paragraf: §1-§12"]
_ITEMS = ["BUN SAMMANTRÄDESPROTOKOLL", "Sida 3 av 20", "§1 BUN/2024:26",
          "Rapport till socialnämnden om förbättring inom särskilda boenden (SÄBO)", "",
          "Barn- och utbildningsnämndens beslut", "Barn- och utbildningsnämnden beslutar att lägga rapporten",
          "till handlingarna.", "", "Ärendebeskrivning", "Socialnämnden har begärt en rapport om",
          "förbättringar inom särskilda boenden."]


def test_initials_in_the_running_head_name_the_body_the_document_names_in_full(tmp_path: Path) -> None:
    doc = read_document(str(_pdf(tmp_path / "bun.pdf", [_HEAD, _ITEMS])))
    assert doc.metadata.committee == "Barn- och utbildningsnämnden"


def test_initials_the_document_never_spells_out_stay_as_written(tmp_path: Path) -> None:
    items = [ln.replace("Barn- och utbildningsnämnden", "Nämnden").replace("Barn- och utbildningsnämndens",
                                                                             "Nämndens") for ln in _ITEMS]
    doc = read_document(str(_pdf(tmp_path / "bun.pdf", [_HEAD, items])))
    # socialnämnden is named, but its initials are not BUN: the head's own initials are kept
    assert doc.metadata.committee == "BUN"


def test_initials_spell_a_body_by_its_words_and_compound_joints() -> None:
    assert initials_skip("BUN", "Barn- och utbildningsnämnden") == 0
    assert initials_skip("SBN", "Samhällsbyggnadsnämnden") == 0
    assert initials_skip("KFN", "Kultur- och fritidsnämnden") == 0
    assert initials_skip("KS", "Kommunstyrelsen") == 0
    assert initials_skip("TN", "Tekniska nämnden") == 0
    # "SN" fits socialnämnden exactly and samhällsbyggnadsnämnden only by leaving a joint out
    assert initials_skip("SN", "Socialnämnden") == 0
    assert initials_skip("SN", "Samhällsbyggnadsnämnden") == 1
    assert initials_skip("BUN", "Socialnämnden") is None
    assert initials_skip("BN", "Barn- och utbildningsnämnden") is None
