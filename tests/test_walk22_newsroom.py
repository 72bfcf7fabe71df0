"""Walk 22 (docs/walks/twenty-second-session-newsroom.md): a newsroom's served corpus —
PostgreSQL + pgvector, ingest on Dask workers, `copy` between backends.

Real SQLite files and a real PostgreSQL server (the ``db`` / ``pg_url`` fixtures of conftest)."""

from __future__ import annotations

from pathlib import Path

from test_search import report

from namndkoll.api import copy_corpus
from namndkoll.corpus import opened
from namndkoll.types import Metadata

# "Underlag ramar 2027-2029" (Alingsås, ../shared/data/pdf-other): no date, the year its title is about
RAMAR = report("alingsas_ramar_2027-2029.pdf",
               ["Underlag ramar 2027-2029\nVård- och omsorgsnämnden 2027 Ram inkl PKV 1 049 382 tkr\n"],
               Metadata("Underlag ramar 2027-2029", "Alingsås", None, "other", None, (), "kommun", "budget",
                        year=2027))


def _stored(db: str) -> int:
    with opened(db, write=True) as st, st.transaction():
        return int(st.replace_document(RAMAR))


def test_an_undated_documents_title_year_is_read_back(db: str) -> None:
    doc_id = _stored(db)
    with opened(db) as st:
        assert st.load_document(doc_id).metadata.year == 2027
        assert st.load_document(doc_id) == RAMAR


def test_an_undated_documents_title_year_survives_a_copy(db: str, tmp_path: Path) -> None:
    """`copy` lost it: `documents --year 2027` and `figures --year 2027` found the budget in the
    corpus ingested, not in its copy (walk 22, check 13)."""
    _stored(db)
    target = str(tmp_path / "copy.db")
    copy_corpus(db, target)
    with opened(target) as st:
        assert [d.source for d in st.list_documents(year=2027)] == ["alingsas_ramar_2027-2029.pdf"]
        assert st.get_stored(st.resolve("alingsas_ramar")).year == 2027


def test_an_undated_documents_title_year_survives_a_copy_into_postgresql(tmp_path: Path, pg_url: str) -> None:
    lite = str(tmp_path / "ramar.db")
    _stored(lite)
    copy_corpus(lite, pg_url)
    with opened(pg_url) as st:
        assert [d.source for d in st.list_documents(year=2027)] == ["alingsas_ramar_2027-2029.pdf"]

