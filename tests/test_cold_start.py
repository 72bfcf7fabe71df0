"""A command's first answer from a cold process loads only what that command needs (issue 11:
``namndkoll search`` ≤ 2 s from a cold process): a list of documents loads no model, no numpy and none of
the readers' patterns, and a search asks its words' base forms without reading spaCy's whole
lemma table (660k entries, 0.5-2 s) once the data folder holds its copy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent

# what only ingest (reading PDFs, finding figures and people) or the embedding model needs
HEAVY = ("torch", "sentence_transformers", "openvino", "spacy", "pdfplumber",
         "namndkoll.ingest.metadata", "namndkoll.extract.people", "namndkoll.extract.pipeline")

PROBE = """
import json, runpy, sys
heavy = json.loads(sys.argv[2])
sys.argv = ["namndkoll", *json.loads(sys.argv[1])]
try:
    runpy.run_module("namndkoll.cli", run_name="__main__")
except SystemExit as exc:
    assert not exc.code, exc.code
from namndkoll.extract.figure_lemmas import lemma_table
print(json.dumps({"modules": sorted(m for m in sys.modules if m in heavy),
                  "lemma_tables_read": lemma_table.cache_info().currsize}))
"""


def cold(args: list[str], home: Path, also: tuple[str, ...] = ()) -> tuple[str, dict]:
    """``namndkoll ARGS`` in a fresh Python: its output, and which of ``HEAVY`` (and ``also``)
    it loaded."""
    env = {**os.environ, "NAMNDKOLL_HOME": str(home), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", PROBE, json.dumps(args), json.dumps([*HEAVY, *also])], env=env,
                         cwd=REPO, capture_output=True, text=True, timeout=600, check=True).stdout
    text, _, last = out.rstrip("\n").rpartition("\n")
    return text, json.loads(last)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from test_search import FakeEmbedder

    from namndkoll.api import ingest
    from namndkoll.corpus.db import open_db
    from namndkoll.search import index_corpus

    if not (REPO / "sample").is_dir():
        pytest.skip("sample/ is not here")
    db = tmp_path_factory.mktemp("cold") / "sample.db"
    assert ingest([REPO / "sample"], db=db, index=False).count("ingested") == 4
    conn = open_db(db)
    index_corpus(conn, FakeEmbedder())  # the passages a keyword search reads
    conn.close()
    return db


@pytest.mark.slow
def test_listing_documents_loads_no_model_and_no_reader(sample_db: Path, tmp_path: Path) -> None:
    text, seen = cold(["documents", "--db", str(sample_db)], tmp_path, also=("numpy",))
    assert "Göteborg" in text
    assert seen["modules"] == []
    assert seen["lemma_tables_read"] == 0


@pytest.mark.slow
@pytest.mark.parametrize("what", ["figures", "votes", "positions"])
def test_listing_what_was_extracted_loads_no_search_ranking(sample_db: Path, tmp_path: Path, what: str) -> None:
    # they cite through namndkoll.search.cite; importing the package once loaded hybrid search,
    # compare and numpy for that (~0.2 s of every such command)
    text, seen = cold([what, "--db", str(sample_db), "--json"], tmp_path,
                      also=("numpy", "namndkoll.search.hybrid", "namndkoll.search.compare"))
    assert isinstance(json.loads(text), list)
    assert seen["modules"] == []


@pytest.mark.slow
def test_a_search_reads_no_lemma_table_after_the_first(sample_db: Path, tmp_path: Path) -> None:
    # "ersatte": a strong verb's past, looked up in the lemma table to find "ersätter" too
    args = ["search", "Vem ersatte Alexander Aldäng?", "--mode", "keyword", "--db", str(sample_db), "-n", "1"]
    first, _ = cold(args, tmp_path)  # the first search of a data folder writes its copy
    text, seen = cold(args, tmp_path)
    assert text == first
    assert "Maja Bentzer" in text and "§ 2" in text
    assert seen["lemma_tables_read"] == 0
    assert seen["modules"] == []
