"""The corpus database: migrations, one-transaction writes, read-back, WAL."""

from __future__ import annotations

import pytest

from namndkoll.corpus import db as corpus_db
from namndkoll.corpus import store
from namndkoll.errors import CorpusError, ExtensionLoadError, NotFoundError
from namndkoll.types import Document, Item, Metadata, Page, Section, Table, with_offsets


def _doc(source: str = "/x/kf.pdf", sha: str = "a" * 64) -> Document:
    pages = with_offsets([
        Page(1, "§ 1 Justering\nBeslut\nProtokollet justeras.", header="Kommunfullmäktige",
             footer="1 (2)", tables=(Table(1, (("Post", "tkr"), ("Lön", "1 550")), (1.0, 2.0, 3.0, 4.0)),)),
        Page(2, "§ 2 Budget\nBeslut\nBudgeten fastställs.", footer="2 (2)", ocr="ocr"),
    ])
    t = "\f".join(p.text for p in pages)
    s2 = t.index("§ 2")
    items = (
        Item("1", "Justering", 0, s2 - 1, 1, 1, (Section("beslut", "Beslut", t.index("Beslut"), s2 - 1, 1, 1),)),
        Item("2", "Budget", s2, len(t), 2, 2, (), ("KS 2023/512",)),
    )
    md = Metadata("Protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", "2024-04-25", ("SLK-2024-00078",))
    return Document(source, sha, pages, md, items, size=1234, warnings=("w",))


def test_migrations_apply_once_and_wal(db_path):
    conn = corpus_db.open_db(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert corpus_db.migrate(conn) == []  # already applied
    assert conn.execute("select vec_version()").fetchone()[0].startswith("v")
    conn.close()


def test_roundtrip_keeps_pages_items_sections_tables(db_path):
    conn = corpus_db.open_db(db_path)
    doc = _doc()
    with corpus_db.transaction(conn):
        doc_id = store.replace_document(conn, doc)
    back = store.load_document(conn, doc_id)
    assert back == doc
    assert back.page_of(back.items[1].start) == 2
    stored = store.list_documents(conn, committee="fullmäktige", year=2024)
    assert [d.id for d in stored] == [doc_id]
    assert set(stored[0].diarienummer) == {"SLK-2024-00078", "KS 2023/512"}
    # following a case: however the dnr is spaced or hyphenated, and as a prefix
    for asked in ("ks 2023/512", "KS-2023/512", "SLK-2024-00078", "SLK 2024"):
        assert [d.id for d in store.list_documents(conn, dnr=asked)] == [doc_id], asked
    assert store.list_documents(conn, dnr="KS 2023/999") == []
    st = store.corpus_stats(conn)
    assert st["documents"] == 1 and st["pages"] == 2 and st["ocr_pages"] == 1 and st["items"] == 2


def test_replace_is_atomic_and_rollback_keeps_old_version(db_path):
    conn = corpus_db.open_db(db_path)
    with corpus_db.transaction(conn):
        old_id = store.replace_document(conn, _doc())
    with pytest.raises(RuntimeError), corpus_db.transaction(conn):
        store.replace_document(conn, _doc(sha="b" * 64))
        raise RuntimeError("crash in the middle")
    assert store.lookup_source(conn, "/x/kf.pdf") == (old_id, "a" * 64)
    assert conn.execute("select count(*) from pages").fetchone()[0] == 2
    with corpus_db.transaction(conn):
        new_id = store.replace_document(conn, _doc(sha="b" * 64))
    assert store.lookup_source(conn, "/x/kf.pdf") == (new_id, "b" * 64)
    # the old version's children are gone with it
    assert conn.execute("select count(*) from pages").fetchone()[0] == 2
    assert conn.execute("select count(*) from items").fetchone()[0] == 2


def test_resolve_by_id_path_and_name(db_path):
    conn = corpus_db.open_db(db_path)
    with corpus_db.transaction(conn):
        a = store.replace_document(conn, _doc("/x/kf-2024-04-25.pdf"))
        store.replace_document(conn, _doc("/x/kf-2024-05-23.pdf", sha="c" * 64))
    assert store.resolve(conn, str(a)) == a
    assert store.resolve(conn, "04-25") == a
    with pytest.raises(NotFoundError, match="several"):
        store.resolve(conn, "kf-2024")
    with pytest.raises(NotFoundError, match="namndkoll documents"):
        store.resolve(conn, "nothing-like-this")


def test_readonly_missing_db_says_what_to_do(tmp_path):
    with pytest.raises(CorpusError, match="namndkoll ingest"):
        corpus_db.open_db(tmp_path / "missing.db", readonly=True)


def test_sqlite_without_extensions_gives_the_fix(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_sqlean(name, *args, **kwargs):
        if name in ("sqlean", "pysqlite3.dbapi2"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_sqlean)
    import sqlite3

    if hasattr(sqlite3.Connection, "enable_load_extension"):
        pytest.skip("this Python's sqlite3 can load extensions")
    with pytest.raises(ExtensionLoadError, match="pip install sqlean-py"):
        corpus_db._sqlite_module()


@pytest.mark.parametrize("url", ["postgresql+psycopg://namndkoll:hemligt@dbhost/kommuner", "pgsql://dbhost/kommuner",
                                 "postgresql:/dbhost/kommuner", "postgresql//dbhost/kommuner"])
def test_a_url_that_is_not_postgresql_is_refused_not_made_a_file(url, tmp_path, monkeypatch):
    """`ingest --db postgresql+psycopg://…` (as SQLAlchemy writes it) or a mistyped
    `postgresql:/host/db` made a new SQLite corpus in folders named after the URL and reported
    "1 ingested": the newsroom's documents never reached its server. One line says how to write it."""
    from typer.testing import CliRunner

    from namndkoll.cli import app

    monkeypatch.chdir(tmp_path)
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4 not really")
    for args in (["ingest", str(pdf), "--db", url, "--no-index"], ["stats", "--db", url]):
        res = CliRunner().invoke(app, args)
        assert res.exit_code == 1, res.output
        assert "neither a SQLite file nor a postgresql:// URL" in res.output and "hemligt" not in res.output
    monkeypatch.setenv("NAMNDKOLL_DB", url)
    assert CliRunner().invoke(app, ["stats"]).exit_code == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.pdf"]
