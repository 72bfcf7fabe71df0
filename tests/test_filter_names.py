"""Filters compare names as a user types them: any case, with or without å ä ö.

Walk 44: `search kompetensförsörjning --municipality Goteborg` (a keyboard without ö) and
`--municipality GÖTEBORG` said "no good match", and `--committee "barn- och ungdomsnamnden"`
found nothing, though the answer was in the corpus: SQLite's NOCASE and LIKE fold only A-Z.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_ingest_batch import make_pdf
from test_search import DOCS, indexed
from test_store_backends import store  # noqa: F401 - the SQLite / PostgreSQL store fixture
from typer.testing import CliRunner

from namndkoll.cli import app
from namndkoll.corpus.names import fold_name, names_like
from namndkoll.search import search

runner = CliRunner()

PROTOCOL = [("Göteborgs Stad\nBarn- och ungdomsnämnden\nPROTOKOLL\nSammanträdesdatum 2026-06-16\n\n"
             "§ 44 Dnr BUN 2026.156\nKompetensförsörjningsplan\nBeslut\n"
             "Barn- och ungdomsnämnden beslutar att anta kompetensförsörjningsplanen.")]


def test_name_key_folds_case_and_swedish_letters():
    assert fold_name("GÖTEBORG") == fold_name("Goteborg") == fold_name("göteborg") == "goteborg"
    assert fold_name("Vård- och  omsorgsnämnden") == "vard- och omsorgsnamnden"
    assert names_like(["Göteborg", "Göteborgs Stad", None], "goteborg", part=False) == ("Göteborg",)
    assert names_like(["Barn- och ungdomsnämnden", "Kommunstyrelsen"], "UNGDOMSNAMND", part=True) == (
        "Barn- och ungdomsnämnden",)


def test_search_filters_find_a_body_typed_without_a_ring_or_dots(db_path: Path):
    with indexed(db_path, DOCS) as (conn, emb):
        want = search(conn, "förskoleplatser", emb, municipality="Göteborg")
        assert want and all(h.metadata.municipality == "Göteborg" for h in want)
        for typed in ("Goteborg", "GÖTEBORG", "göteborg"):
            got = search(conn, "förskoleplatser", emb, municipality=typed)
            assert [h.chunk_id for h in got] == [h.chunk_id for h in want], typed
        got = search(conn, "förskoleplatser", emb, committee="kommunfullmaktige")
        assert [h.chunk_id for h in got] == [h.chunk_id for h in want]
        # still a filter: another body, or a name that is not one, finds nothing
        assert search(conn, "förskoleplatser", emb, municipality="Lund") == []
        assert search(conn, "förskoleplatser", emb, committee="%") == []


def test_listings_find_a_body_typed_without_a_ring_or_dots(tmp_path: Path, db_path: Path):
    make_pdf(tmp_path / "bun.pdf", PROTOCOL)
    result = runner.invoke(app, ["ingest", str(tmp_path / "bun.pdf"), "--db", str(db_path), "--no-index",
                                 "--quiet"])
    assert result.exit_code == 0, result.output

    def listed(*args: str) -> list[dict]:
        out = runner.invoke(app, ["documents", "--db", str(db_path), "--json", *args])
        assert out.exit_code == 0, out.output
        return json.loads(out.stdout)  # a hint on stderr when nothing is listed

    stored = listed()
    assert len(stored) == 1 and stored[0]["municipality"] == "Göteborg", stored
    assert stored[0]["committee"] == "Barn- och ungdomsnämnden"
    for args in (["--municipality", "Goteborg"], ["--municipality", "GÖTEBORG"],
                 ["--committee", "UNGDOMSNAMNDEN"], ["--committee", "barn- och ungdomsnämnden"]):
        assert len(listed(*args)) == 1, args
    assert listed("--municipality", "Göteb") == [] and listed("--committee", "%") == []
    # a genitive is the body's name (walk64): "Göteborgs", "Barn- och ungdomsnämndens"
    assert len(listed("--municipality", "Göteborgs")) == 1
    assert len(listed("--committee", "barn- och ungdomsnämndens")) == 1


def test_both_backends_fold_the_filters(store):  # noqa: F811 - the SQLite / PostgreSQL fixture
    st, emb = store
    assert [d.source for d in st.list_documents(municipality="goteborg")] == ["kf-2023-01-26.pdf"]
    assert [d.source for d in st.list_documents(committee="KOMMUNFULLMAKTIGE")] == ["kf-2023-01-26.pdf"]
    assert st.list_documents(committee="%") == []
    want = search(st, "förskoleplatser", emb, municipality="Göteborg")
    assert want and [h.chunk_id for h in search(st, "förskoleplatser", emb, municipality="GOTEBORG")] == [
        h.chunk_id for h in want]


def test_a_committee_no_stored_name_contains_is_named_with_the_stored_ones(tmp_path: Path, db_path: Path):
    """`--committee Finansnämnden` in a corpus without it said "0 documents", "[]" or "no good
    match" with no word on why, where `--municipality Malmö` names the stored bodies: now the
    committees stored are named on stderr (stdout stays clean for --json); a committee that is
    stored but has nothing to list gets no such line."""
    make_pdf(tmp_path / "bun.pdf", PROTOCOL)
    result = runner.invoke(app, ["ingest", str(tmp_path / "bun.pdf"), "--db", str(db_path), "--no-index",
                                 "--quiet"])
    assert result.exit_code == 0, result.output
    for cmd in (["documents"], ["figures"], ["decisions"], ["votes"]):
        out = runner.invoke(app, [*cmd, "--db", str(db_path), "--committee", "Finansnämnden", "--json"])
        assert out.exit_code == 0 and json.loads(out.stdout) == [], (cmd, out.output)
        assert "no stored committee's name contains 'Finansnämnden'; stored: Barn- och ungdomsnämnden" in out.stderr, cmd
    out = runner.invoke(app, ["votes", "--db", str(db_path), "--committee", "ungdomsnämnden", "--json"])
    assert json.loads(out.stdout) == [] and "no stored committee" not in out.stderr
