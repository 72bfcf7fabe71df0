"""After an upgrade, what an older namndkoll read can be read again.

`ingest` skips a file whose bytes it has stored, so a corpus built before a better reader (a
committee's name, a § heading form, a vote list) kept the old reading for ever, and nothing told
the user. Each document now records which reader made it (``ingest.version.reader_version``): a
plain `ingest` leaves such files and says how many there are, `ingest --reread` reads them again.
Real PDFs made with reportlab; the older reader is a stored reading whose fingerprint and
committee are not today's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import served
from test_ingest_batch import make_pdf
from typer.testing import CliRunner

from namndkoll.api import copy_corpus, ingest
from namndkoll.cli import app
from namndkoll.corpus import opened
from namndkoll.ingest.version import reader_version

PROTOCOL = (
    "Lunds kommun\nSocialnämnden\nProtokoll\nSammanträdesdatum: 2025-03-12\n"
    "§ 21 Dnr SN 2025/14\nVerksamhetsplan\n"
    "Förvaltningen har 312 tolkar och 40 platser i Lunds kommun.\n"
    "Beslut\nSocialnämnden beslutar att godkänna verksamhetsplanen.\n"
)


def _as_if_an_older_reader(db: str | Path) -> int:
    """Make the stored reading look like an older namndkoll's: another fingerprint, and a
    committee today's reader would not give."""
    with opened(db, write=True) as st:
        doc_id = st.list_documents()[0].id
        q = "UPDATE documents SET reader = 'e1derreader1', committee = 'Gammal nämnd' WHERE id = "
        with st.transaction():
            st.conn.execute(q + ("%s" if st.backend != "sqlite" else "?"), (doc_id,))
    return doc_id


def _committee(db: str | Path) -> str | None:
    with opened(db) as st:
        return st.list_documents()[0].committee


def test_a_stored_reading_records_its_reader_and_an_older_one_is_read_again_on_request(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "lund-sn-2025-03-12.pdf", [PROTOCOL])
    db = tmp_path / "c.db"
    rep = ingest([pdf], db=db, index=False)
    assert rep.count("ingested") == 1
    with opened(db) as st:
        assert st.reader_of(st.list_documents()[0].id) == reader_version()
    again = ingest([pdf], db=db, index=False)
    assert again.count("unchanged") == 1 and again.older_reader == 0

    doc_id = _as_if_an_older_reader(db)
    plain = ingest([pdf], db=db, index=False)
    assert plain.count("unchanged") == 1 and plain.older_reader == 1
    assert "older namndkoll" in plain.results[0].message
    assert _committee(db) == "Gammal nämnd"  # left as it was: re-reading is asked for

    rep = ingest([pdf], db=db, index=False, reread=True)
    assert rep.count("replaced") == 1 and rep.older_reader == 0
    assert _committee(db) == "Socialnämnden"
    with opened(db) as st:
        new_id = st.list_documents()[0].id
        assert st.reader_of(new_id) == reader_version()
        assert new_id != doc_id or st.reader_of(doc_id) == reader_version()
        figures = st.conn.execute("SELECT count(*) FROM figures").fetchone()[0]
    assert figures >= 2  # the extraction was made again with the document, not lost


def test_the_cli_says_how_many_and_reads_them_with_reread(tmp_path: Path) -> None:
    runner = CliRunner()
    pdf = make_pdf(tmp_path / "lund-sn-2025-03-12.pdf", [PROTOCOL])
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["ingest", str(pdf), "--db", db, "--no-index"]).exit_code == 0
    _as_if_an_older_reader(db)
    out = runner.invoke(app, ["ingest", str(pdf), "--db", db, "--no-index"])
    assert out.exit_code == 0, out.output
    assert "1 unchanged file was read by an older namndkoll: add --reread" in out.output
    out = runner.invoke(app, ["ingest", str(pdf), "--db", db, "--no-index", "--reread"])
    assert out.exit_code == 0, out.output
    assert "1 replaced" in out.output and "older namndkoll" not in out.output
    assert _committee(db) == "Socialnämnden"
    assert "read by an older" not in runner.invoke(app, ["stats", "--db", db]).output
    _as_if_an_older_reader(db)
    out = runner.invoke(app, ["stats", "--db", db])
    assert "1 document was read by an older namndkoll: `namndkoll ingest PATH --reread`" in out.output, out.output


def test_a_document_stored_before_the_reader_was_recorded_counts_as_older(tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "lund-sn-2025-03-12.pdf", [PROTOCOL])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    with opened(db, write=True) as st, st.transaction():
        st.conn.execute("UPDATE documents SET reader = NULL")
    assert ingest([pdf], db=db, index=False).older_reader == 1


@pytest.mark.usefixtures("pg_server")
def test_postgresql_records_the_reader_and_a_copy_keeps_it(tmp_path: Path, pg_url: str) -> None:
    pdf = make_pdf(tmp_path / "lund-sn-2025-03-12.pdf", [PROTOCOL])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    _as_if_an_older_reader(db)
    copy_corpus(db, pg_url)
    with opened(pg_url) as st:
        assert st.reader_of(st.list_documents()[0].id) == "e1derreader1"  # as the source had it
    rep = ingest([pdf], db=pg_url, index=False)
    assert rep.count("unchanged") == 1 and rep.older_reader == 1
    assert ingest([pdf], db=pg_url, index=False, reread=True).count("replaced") == 1
    with opened(pg_url) as st:
        assert st.reader_of(st.list_documents()[0].id) == reader_version()
    assert _committee(pg_url) == "Socialnämnden"


def test_the_status_page_says_so_in_swedish(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from test_search import FakeEmbedder


    pdf = make_pdf(tmp_path / "lund-sn-2025-03-12.pdf", [PROTOCOL])
    db = tmp_path / "c.db"
    ingest([pdf], db=db, index=False)
    with served(db, tmp_path, embedder=FakeEmbedder()) as c:
        assert "äldre version" not in c.get("/status").text
        _as_if_an_older_reader(db)
        assert "1 dokument lästes av en äldre version av namndkoll" in c.get("/status").text
        assert c.get("/api/status").json()["read_by_older"] == 1
