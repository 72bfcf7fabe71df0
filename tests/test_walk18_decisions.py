"""What the eighteenth session's walk found in `namndkoll decisions` (docs/walks/eighteenth-session.md),
on protocols drawn here in other names: a Beslut followed by a list that has a title of its own
("Delegationsbeslut", "Motioner"), and an arbetsutskott's proposal followed by a member's own
tillägg — as a political secretary reads every decision of a meeting."""

from __future__ import annotations

from pathlib import Path

from test_pdf import draw

from namndkoll.extract.decisions import find_decisions
from namndkoll.ingest import read_document


def protocol(path: Path, lines: list[str]) -> Path:
    """One page of a protocol, a line each."""
    return draw(path, [[(60, 60 + 14 * i, line) for i, line in enumerate(lines)]])


def test_a_decision_ends_before_a_list_with_a_title_of_its_own(tmp_path: Path) -> None:
    doc = read_document(protocol(tmp_path / "p.pdf", [
        "Miljönämnden", "Protokoll", "2025-03-04",
        "§ 12 2025.011 MN",
        "Redovisning av delegationsbeslut",
        "Sammanfattning",
        "Anmälan är en redovisning av beslut fattade enligt nämndens delegationsordning.",
        "Beslut",
        "Redovisningen godkänns.",
        "Delegationsbeslut",
        "•  2025.002 MN-014 Beslut om tillstånd för värmepump",
        "•  2025.002 MN-015 Föreläggande om åtgärder vid Lövsta reningsverk",
        "§ 13 2025.020 MN",
        "Förteckning över anmälningsärenden",
        "Beslut",
        "Antecknas.",
        "Efter förra sammanträdet har följande motioner kommit in.",
        "Motioner",
        "2025-02-11",
        "Motion av Olle Ek (MP) om fler laddplatser i Borgby",
    ]))
    got = {d.item: d.text for d in find_decisions(doc)}
    # the decision is the one line decided, not the reported list under its own title
    assert got["§ 12"] == "Redovisningen godkänns."
    assert "Antecknas." in got["§ 13"] and "Motion av Olle Ek" not in got["§ 13"]


def test_a_proposal_ends_before_a_members_own_tillagg(tmp_path: Path) -> None:
    doc = read_document(protocol(tmp_path / "p.pdf", [
        "Kulturnämnden", "Protokoll", "2025-05-20",
        "§ 30 2025.044 KN",
        "Biblioteksplan",
        "Förslag till beslut på sammanträdet",
        "Arbetsutskottets förslag till beslut:",
        "Biblioteksplanen antas.",
        "Karin Lund (KD) föreslår följande tillägg:",
        "Att filialen i Norrby hålls öppen på lördagar.",
        "Beslutsgång",
        "Ordföranden ställer tilläggsförslaget mot avslag och finner det avslaget.",
        "Beslut",
        "Biblioteksplanen antas.",
    ]))
    proposed = [d for d in find_decisions(doc) if d.status == "proposed"]
    # the arbetsutskott's proposal is its own; the member's tillägg is no part of it
    assert [d.text for d in proposed] == ["Biblioteksplanen antas."]
    assert [d.text for d in find_decisions(doc) if d.status == "decided"] == ["Biblioteksplanen antas."]


def test_a_decision_alone_under_the_items_title_is_found(tmp_path: Path) -> None:
    doc = read_document(protocol(tmp_path / "p.pdf", [
        "Fritidsnämnden", "Protokoll", "2025-09-09",
        "§ 71",
        "Anmälningar för kännedom",
        "Meddelandena noteras.",
        "Anmälningar",
        "•  2025.010 FN-004 Länsstyrelsens beslut om bidrag till Norrby simhall",
        "§ 72",
        "Information om badsäsongen",
        "Badsäsongen blev lång och besöken ökade jämfört med förra året.",
    ]))
    got = [(d.item, d.status, d.text, d.date) for d in find_decisions(doc)]
    # the one sentence under § 71's title is its decision; § 72's information decides nothing
    assert got == [("§ 71", "decided", "Meddelandena noteras.", "2025-09-09")]
