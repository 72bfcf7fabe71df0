"""Ranges as one figure ("2-3 mnkr", "15-20 platser", "mellan 2 och 3 miljoner kronor"): read
from running text and table cells, stored with their high end on both backends, listed by
`namndkoll figures` (table, CSV, JSON) and the web page; and a spaced minus before a labelled
outcome ("Avvikelse mot budget - 3,5 mnkr")."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import served
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.extract.figures import find_figures, iter_figures, normalize_spaces
from namndkoll.types import Document, Extraction, Metadata, Page, Table, with_offsets

runner = CliRunner()


def ranges(text: str) -> list[tuple[str, float, float | None, str, str]]:
    t = normalize_spaces(text)
    return [(kind, value, value_to, unit, t[s:e]) for s, e, kind, value, unit, _q, _p, value_to in iter_figures(t)]


@pytest.mark.parametrize(("text", "want"), [
    ("Kostnaden beräknas till 2-3 mnkr per år.", ("amount", 2e6, 3e6, "SEK", "2-3 mnkr per år")),
    ("kostnaden blir 2–3 mnkr", ("amount", 2e6, 3e6, "SEK", "2–3 mnkr")),
    ("Det handlar om 15-20 platser.", ("count", 15.0, 20.0, "plats", "15-20 platser")),
    ("en ökning med 10–15 procent", ("percent", 10.0, 15.0, "%", "10–15 procent")),
    ("en ökning med 10-15 %", ("percent", 10.0, 15.0, "%", "10-15 %")),
    ("Den kostar mellan 2 och 3 miljoner kronor.",
     ("amount", 2e6, 3e6, "SEK", "mellan 2 och 3 miljoner kronor")),
    ("Kostnaden blir från 2 till 3 mnkr.", ("amount", 2e6, 3e6, "SEK", "från 2 till 3 mnkr")),
    ("Det behövs mellan två och tre tjänster.",
     ("count", 2.0, 3.0, "tjänst", "mellan två och tre tjänster")),
    ("en avgift på 1 500-2 000 kr per månad", ("amount", 1500.0, 2000.0, "SEK", "1 500-2 000 kr per månad")),
    ("ett underskott på 2,5–3,5 miljarder", ("amount", 2.5e9, 3.5e9, "SEK", "2,5–3,5 miljarder")),
    ("ett tillskott om 2 - 3 mnkr", ("amount", 2e6, 3e6, "SEK", "2 - 3 mnkr")),
])
def test_a_range_is_one_figure_with_a_low_and_a_high_end(text: str, want: tuple) -> None:
    assert ranges(text) == [want]


def test_a_ranges_qualifier_and_per_are_the_whole_ranges() -> None:
    t = "Kostnaden blir ca 2-3 mnkr per år."
    [(s, e, _kind, value, _unit, qual, per, value_to)] = list(iter_figures(t))
    assert (t[s:e], qual, per, value, value_to) == ("ca 2-3 mnkr per år", "ca", "år", 2e6, 3e6)


@pytest.mark.parametrize("text", [
    "Planen gäller åren 2024-2026 och ska följas upp.",
    "Beslutet togs 2026-05-12 av nämnden.",
    "Ärendet KS 2025-123 ärenden bereds vidare.",
    "Se §§ 12-14 platser i protokollet.",
    "Se sidan 12-14 i bilagan.",
    "Ring 08-123 456 78 för frågor.",
    "Handläggningen tar 2-3 veckor.",
    "Förskola för barn 0-3 år.",
    "Eleverna i åk 7-9 elever får stöd.",
    # (goteborg kf-2023-11-09, kf-2024-06-19)
    "värdet gällande personalförmåner fastställs för 2024 till 3 100 kronor per medarbetare",
    "att med 1–3 årsintervall göra kontroller av",
])
def test_what_is_no_range_stays_out(text: str) -> None:
    assert [v for _k, _v, v, *_ in ranges(text) if v is not None] == []
    assert all(kind != "count" or unit not in ("vecka", "år") for kind, *_, unit, _t in ranges(text))


def test_a_change_from_one_figure_to_another_is_no_range() -> None:
    assert ranges("Budgeten ökar från 2 till 3 mnkr.") == [("amount", 3e6, None, "SEK", "3 mnkr")]
    # (alingsas_bun_2026-06-16) a change two words before "från"
    assert ranges("att utöka skolorganisation från tre till fyra högstadieskolor i tätorten") == [
        ("count", 4.0, None, "högstadieskola", "fyra högstadieskolor")]


def test_two_numbers_with_och_are_not_a_range_without_mellan() -> None:
    # two figures, each in the list's unit (walk 20: "0,01 respektive 0,06 procentenheter"), no range
    assert ranges("Det finns 5 och 6 platser.") == [("count", 5.0, None, "plats", "5"),
                                                    ("count", 6.0, None, "plats", "6 platser")]


def test_a_downward_pair_is_no_range() -> None:
    # a table row's minus: "15 -3 mnkr" is a value 15 and a signed -3 mnkr, as before
    assert ranges("Utfall 15 -3 mnkr") == [("amount", -3e6, None, "SEK", "-3 mnkr")]


@pytest.mark.parametrize(("text", "want"), [
    ("Avvikelse mot budget - 3,5 mnkr.", (-3.5e6, "- 3,5 mnkr")),
    ("Prognos: - 3 mnkr", (-3e6, "- 3 mnkr")),
    ("Helårsprognosen - 1,2 mnkr för nämnden.", (-1.2e6, "- 1,2 mnkr")),
    ("Budgetavvikelse - 4 %", (-4.0, "- 4 %")),
    ("Nämnden har kostnader - 3 mnkr - som inte var budgeterade.", (3e6, "3 mnkr")),
    ("Resultatet visar kostnader - 3 mnkr i år.", (3e6, "3 mnkr")),
    ("Följande poster:\n- 3 mnkr för lokaler", (3e6, "3 mnkr")),
])
def test_a_spaced_dash_is_a_minus_only_where_the_text_makes_it_a_value(text: str, want: tuple) -> None:
    [(_k, value, _to, _u, shown)] = ranges(text)
    assert (value, shown) == want


def test_a_table_cell_with_a_spaced_minus_and_a_range_cell() -> None:
    rows = (("Post", "Prognos"), ("Lokaler", "- 3,5 mnkr"), ("Personal", "2-3 mnkr"))
    doc = Document("t.pdf", "d" * 64, with_offsets([Page(1, "Prognos per post", tables=(Table(1, rows),))]),
                   Metadata("Prognos", "Alingsås", "Kommunstyrelsen", "other", "2026-05-01"))
    got = {f.text: (f.value, f.value_to) for f in find_figures(doc) if f.table}
    assert got == {"Lokaler | Prognos: - 3,5 mnkr": (-3.5e6, None), "Personal | Prognos: 2-3 mnkr": (2e6, 3e6)}


TEXT = ("Socialnämnden\nKostnaden för nya boendet beräknas till 2–3 mnkr per år. "
        "Det handlar om 15-20 platser och en ökning med 12 tjänster.")


def _range_doc() -> Document:
    return Document("boende.pdf", "e" * 64, with_offsets([Page(1, TEXT)]),
                    Metadata("Nytt boende", "Lund", "Socialnämnden", "tjansteskrivelse", "2026-03-01"))


def _store(db: str) -> tuple[int, Extraction]:
    doc = _range_doc()
    ext = Extraction(figures=find_figures(doc))
    with opened(db, write=True) as st, st.transaction():
        doc_id = st.replace_document(doc)
        st.save_extraction(doc_id, doc, ext)
    return doc_id, ext


def test_a_range_round_trips_on_both_backends(db: str) -> None:
    doc_id, ext = _store(db)
    assert [(f.value, f.value_to) for f in ext.figures] == [(2e6, 3e6), (15.0, 20.0), (12.0, None)]
    with opened(db) as st:
        assert st.load_extraction(doc_id).figures == ext.figures
        listed = [(r["value"], r["value_to"], r["unit"]) for r in st.list_extracted("figures")]
    assert listed == [(2e6, 3e6, "SEK"), (15.0, 20.0, "plats"), (12.0, None, "tjänst")]


def test_namndkoll_figures_shows_the_range(tmp_path: Path) -> None:
    db = str(tmp_path / "corpus.db")
    _store(db)
    table = runner.invoke(app, ["figures", "--db", db, "--wide"])
    assert table.exit_code == 0, table.output
    assert "2 000 000–3 000 000 kr/år" in table.output and "15–20 platser" in table.output
    assert "12 tjänster" in table.output
    out = runner.invoke(app, ["figures", "--db", db, "--csv"])
    rows = list(csv.DictReader(io.StringIO(out.output)))
    assert [(r["value"], r["value_to"]) for r in rows] == [("2000000", "3000000"), ("15", "20"), ("12", "")]
    js = json.loads(runner.invoke(app, ["figures", "--db", db, "--json"]).output)
    assert [(r["value"], r["value_to"]) for r in js] == [(2e6, 3e6), (15.0, 20.0), (12.0, None)]


def test_the_web_figures_table_shows_the_range(tmp_path: Path) -> None:
    from test_search import FakeEmbedder


    db = str(tmp_path / "corpus.db")
    _store(db)
    with served(db, tmp_path, embedder=FakeEmbedder()) as client:
        page = client.get("/figures")
        assert page.status_code == 200
        assert "till (intervall)" in page.text
        assert '<td class="c-value">2 000 000</td>' in page.text
        assert '<td class="c-value_to">3 000 000</td>' in page.text
        down = client.get("/figures?format=csv")
        rows = list(csv.DictReader(io.StringIO(down.content.decode("utf-8-sig"))))
        assert [r["till (intervall)"] for r in rows] == ["3000000", "20", ""]
