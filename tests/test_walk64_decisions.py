"""A journalist reading Göteborg Stadsrevisionen's revisionsberättelse 2025, which bundles the
nämnder's protocol extracts: `decisions` said "Stadsrevisionen" decided "1.
Stadsfastighetsnämnden ger direktören i uppdrag att upprätta ett Triple Net-avtal …" on
2026-04-13 (the report's date), where Stadsfastighetsnämnden decided it at its meeting of
2025-02-26 (§ 27). A bundled §'s Beslut is its own body's, of its own meeting."""

from __future__ import annotations

from test_decisions_votes_positions import make_doc

from namndkoll.extract.decisions import find_decisions
from namndkoll.types import Document, Item, Section

REPORT = """Revisionsberättelse avseende Göteborgs Stads verksamheter under 2025
Revisorerna tillstyrker att kommunfullmäktige beviljar ansvarsfrihet.
"""
EXTRACT = """Stadsfastighetsnämnden
Protokollsutdrag
Sammanträdesdatum: 2025-02-26
§ 27 SFF-2025-00146
Yrkande från M, L och KD om att teckna ett Triple Net-avtal med Räddningsmissionen
Beslut
1. Stadsfastighetsnämnden ger direktören i uppdrag att upprätta ett Triple Net-avtal på 20 år med
Räddningsmissionen för befintliga lokaler på fastigheten Gårdsten.
"""


def test_a_bundled_items_decision_is_its_own_bodys_of_its_own_meeting() -> None:
    d = make_doc(REPORT + "\f" + EXTRACT, municipality="Göteborg", committee="Stadsrevisionen",
                 date="2026-04-13", doc_type="revisionsrapport", title="Revisionsberättelse 2025")
    text = d.text
    start = text.index("§ 27")
    beslut = text.index("Beslut", start)
    item = Item("27", "Yrkande från M, L och KD om att teckna ett Triple Net-avtal med Räddningsmissionen",
                start, len(text), 2, 2,
                (Section("beslut", "Beslut", beslut, len(text), 2, 2),),
                ("SFF-2025-00146",), committee="Stadsfastighetsnämnden", date="2025-02-26")
    doc = Document(d.source, d.sha256, d.pages, d.metadata, (item,))
    (dec,) = [x for x in find_decisions(doc) if x.item == "§ 27"]
    assert dec.status == "decided" and "Triple Net-avtal" in dec.text
    assert (dec.body, dec.date) == ("Stadsfastighetsnämnden", "2025-02-26")
    # the document's own decisions keep the document's body and date
    own = make_doc("Beslut\nRevisorerna tillstyrker att ansvarsfrihet beviljas.\n", municipality="Göteborg",
                   committee="Stadsrevisionen", date="2026-04-13", doc_type="protokoll", title="x")
    assert [(x.body, x.date) for x in find_decisions(own) if x.status == "decided"] in (
        [("Stadsrevisionen", "2026-04-13")], [("Revisorerna", "2026-04-13")])
