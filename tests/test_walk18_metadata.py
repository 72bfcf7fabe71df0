"""What the eighteenth session's walk found in `namndkoll documents` and the citations
(docs/walks/eighteenth-session.md): a web copy of an interim report was titled by its table of
contents ("INNEHÅLLSFÖRTECKNING... Sid. Förvaltningsberättelse … Driftredovisning...23"), and
every hit from it was cited under that title. Drawn here in other names."""

from __future__ import annotations

from pathlib import Path

from test_pdf import draw

from namndkoll.ingest import read_document


def _page(lines: list[str]) -> list[tuple[float, float, str]]:
    return [(50, 60 + 14 * i, line) for i, line in enumerate(lines)]


def test_a_table_of_contents_is_no_title(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "d.pdf", [_page([
        "INNEHÅLLSFÖRTECKNING... Sid. Verksamhetsberättelse, ekonomisk översikt Balansräkning",
        "helår Investeringsredovisning...31",
        "Save this PDF as:",
        "Sida 1 (2)",
    ]), _page(["Delårsrapport 2014 för Norrby kommun", "Resultatet för perioden är 12,4 mnkr."])])
    title = read_document(pdf).metadata.title
    assert title is None or "INNEHÅLL" not in title.upper() and "..." not in title, title
    # a heading that starts with the word and names something is still a title
    pdf = draw(tmp_path / "e.pdf", [_page(["Innehåll och form i Norrbys nya översiktsplan",
                                           "Planen beskriver hur kommunen ska växa."])])
    assert read_document(pdf).metadata.title == "Innehåll och form i Norrbys nya översiktsplan"
