"""The Markdown citation pack quotes each passage whole.

Walk 44 (an officer drafting a statement): `cite "räntepåslag Alingsåshem" --pick 1` quoted the
decision "1. ... 0,46 procent ... 4. Marknadsmässiga räntepåslag för Alingsås Energi AB fastställs
…" — cut at 400 characters before the last figure, while the footnote named the passage's whole
range and the CSV pack quoted it whole.
"""

from __future__ import annotations

from pathlib import Path

from test_search import indexed, report

from namndkoll.search import search
from namndkoll.search.cite import citation_pack_markdown
from namndkoll.types import Metadata

DECISION = ("Beslut\nMarknadsmässiga räntepåslag för AB Rådhuset fastställs till 0,46 procent för år 2027. "
            "Marknadsmässiga räntepåslag för Bostadsbolaget AB fastställs till 0,50 procent för år 2027. "
            "Marknadsmässiga räntepåslag för Bostadsbolaget lokaler AB fastställs till 0,49 procent för år 2027. "
            "Marknadsmässiga räntepåslag för Energibolaget AB fastställs till 0,39 procent för år 2027. "
            "Marknadsmässiga räntepåslag för Vattenbolaget AB fastställs till 0,41 procent för år 2027.")


def test_markdown_pack_quotes_the_whole_passage(db_path: Path):
    doc = report("ks-77.pdf", [DECISION], Metadata("Räntepåslag", "Alingsås", "Kommunstyrelsen",
                                                    "protokollsutdrag", "2026-05-11"))
    with indexed(db_path, [doc]) as (conn, emb):
        hits = search(conn, "räntepåslag", emb, limit=1, mode="keyword")
        assert hits and len(hits[0].text) > 400
        md = citation_pack_markdown(hits)
    assert "Vattenbolaget AB fastställs till 0,41 procent för år 2027.”[^1]" in md
    assert "…" not in md
