"""A document's kind word (budget, plan, policy ...) names what the document is. A news item
or a page of decisions in short tells of a budget in its sentences; that does not make it a
budget, and it must not be cited as one ("Direktionen, …, budget, s. 1"). The words are made up;
the shape is that of a förbund's news page after a meeting."""

from __future__ import annotations

from pathlib import Path

from test_metadata_policy import metadata_of


def test_a_news_item_that_mentions_a_budget_is_no_budget(tmp_path: Path) -> None:
    page = ["Ledamöter tackade för sin tid i förbundsstyrelsen",
            "",
            "I kväll tackade Räddningsförbundet Mittland av Gustav Lindqvist, som lämnar sitt",
            "uppdrag som styrelsens ordförande efter sex år.",
            "",
            "Vid kvällens sammanträde redovisades årets första uppföljning med ett överskott på",
            "2 400 000 kronor. Styrelsen beslutade också att skjuta upp arbetet med",
            "driftramarna (budget 2023) till efter sommaren. Skälet är det osäkra läget i",
            "ägarkommunerna.",
            "",
            "Mötet avslutades med en övning i brandsläckning för ledamöterna."]
    md = metadata_of(tmp_path, [page])
    assert md.kind != "budget"
    # a budget names itself so in its heading, and stays one
    budget = ["Budget 2025 med plan för 2026–2027", "",
              "Förbundsstyrelsen föreslår att förbundsfullmäktige fastställer budgeten för 2025 med",
              "en ram på 96 miljoner kronor."]
    (tmp_path / "b").mkdir()
    assert metadata_of(tmp_path / "b", [budget]).kind == "budget"
