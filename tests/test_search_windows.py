"""Sentence windows of a passage (search/windows.py): what the dense side embeds besides the
passage, so that the one sentence that answers is not diluted by the sentences around it."""

import numpy as np
import pytest
from test_search import FakeEmbedder, report

from namndkoll.corpus import opened
from namndkoll.search import index as search_index
from namndkoll.search import index_corpus
from namndkoll.search.chunking import chunk_document
from namndkoll.search.hybrid import rank
from namndkoll.search.index import embed_text
from namndkoll.search.windows import MIN_TAIL, WINDOW_CHARS, windows
from namndkoll.types import Metadata

# a § of a protocol as the chunker stores it: line breaks inside sentences, a list of points
BESLUT = (
    "Kommunstyrelsen föreslår kommunfullmäktige att godkänna förslaget till ny taxa för\n"
    "bygglov. Förslaget har remitterats till byggnadsnämnden, som tillstyrker det.\n\n"
    "Yrkanden\n"
    "Anna Berg (S) yrkar bifall till kommunstyrelsens förslag. Per Ek (M) yrkar avslag på\n"
    "förslaget och att ärendet återremitteras för en ny konsekvensanalys av avgifterna för\n"
    "småhusägare och företag.\n\n"
    "Beslut\n"
    "Kommunfullmäktige beslutar\n"
    "• att anta taxan för bygglov enligt bilaga 1,\n"
    "• att taxan gäller från och med den 1 januari 2027.\n"
    "Maja Bentzer (V) utses till ny ersättare i valnämnden efter Lars Holm (V) som har\n"
    "avsagt sig sitt uppdrag."
)


def test_a_short_passage_is_its_own_window():
    text = "Maja Bentzer (V) utses till ny ersättare i valnämnden."
    assert windows(text) == [(0, len(text))]


def test_windows_keep_every_sentence_whole_and_in_order():
    spans = windows(BESLUT)
    assert len(spans) > 1
    assert all(b - a <= WINDOW_CHARS + MIN_TAIL for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    texts = [BESLUT[a:b] for a, b in spans]
    # the sentence that answers "Vem blev ny ersättare för Vänsterpartiet?" stands whole in one window
    answer = "Maja Bentzer (V) utses till ny ersättare i valnämnden efter Lars Holm (V) som har\navsagt sig sitt uppdrag."
    assert sum(answer in t for t in texts) == 1
    # nothing is lost: every word of the passage is in a window
    assert " ".join(" ".join(t.split()) for t in texts).split() == BESLUT.split()


def test_a_list_item_starts_a_sentence():
    spans = windows(BESLUT)
    texts = [BESLUT[a:b] for a, b in spans]
    # "• att anta taxan …" has no full stop before it; the window does not cut inside a point
    assert all(t.count("• att anta taxan för bygglov enligt bilaga 1,") <= 1 for t in texts)
    assert any("• att taxan gäller från och med den 1 januari 2027." in t for t in texts)


def test_a_sentence_longer_than_a_window_is_cut_at_spaces():
    names = ", ".join(f"Ledamot{i} Efternamn{i} (S)" for i in range(40)) + "."
    spans = windows(names)
    assert len(spans) > 1
    assert all(b - a <= WINDOW_CHARS + MIN_TAIL for a, b in spans)
    for a, b in spans:  # no word is split
        assert names[a:b] == names[a:b].strip()
        assert a == 0 or names[a - 1] == " "


# ---- stage 2: the windows in the index (migration 0021) and in the candidate stage, both backends

MD = Metadata("Protokoll kommunfullmäktige", "Lund", "Kommunfullmäktige", "protokoll", "2026-11-20")
SHORT = "Sammanträdet öppnas av ordföranden, som hälsar alla välkomna."
QUERY = "Vem blev ny ersättare i valnämnden efter Lars Holm?"


class DefaultLike(FakeEmbedder):
    """The fake embedder under the default model's id: its shipped weights read windows."""

    def __init__(self) -> None:
        super().__init__(model_id="test/multilingual-e5-small-int8")


def _doc(text: str = BESLUT):  # type: ignore[no-untyped-def]
    return report("kf-2026-11-20.pdf", [text], MD)


def _expected(doc) -> int:  # type: ignore[no-untyped-def]
    return sum(len(windows(c.text)) for c in chunk_document(doc) if len(c.text.strip()) > WINDOW_CHARS)


def _long_candidate(st, emb):  # type: ignore[no-untyped-def]
    ranked, _ = rank(st, QUERY, emb, st.resolve_filters(), mode="hybrid")
    rows = st.chunk_rows([r.chunk_id for r in ranked])
    return next(r for r in ranked if "Maja Bentzer" in rows[r.chunk_id]["text"]), rows


def test_index_embeds_the_windows_of_long_passages_and_the_search_reads_the_closest(db: str):
    doc, emb = _doc(), DefaultLike()
    assert _expected(doc) > 1
    calls: list[tuple[int, int]] = []
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(doc)
            short_doc = st.replace_document(report("kort.pdf", [SHORT], MD))
        rep = index_corpus(st, emb, window_progress=lambda done, total: calls.append((done, total)))
        assert rep.windows == _expected(doc) and calls and calls[-1][0] == calls[-1][1]
        texts = emb.texts
        again = index_corpus(st, emb)
        assert (again.windows, again.embedded, emb.texts) == (0, 0, texts)  # nothing embedded twice

        # the candidate stage: the long passage's closest window, the sentence that answers
        r, rows = _long_candidate(st, emb)
        row = rows[r.chunk_id]
        qv = emb.embed([QUERY], kind="query")[0]
        own = [float(emb.embed([embed_text(row["text"][a:b], row["context"])])[0] @ qv)
               for a, b in windows(row["text"])]
        assert r.window == pytest.approx(max(own), abs=1e-5)
        assert r.window > (r.similarity or 0.0) + 0.05  # closer than the whole passage
        # the short passage is its own window: none stored, none looked up
        short = st.chunk_ids(short_doc)
        assert short and st.window_similarities(qv, short) == {}


def test_a_changed_passage_gets_new_windows_and_a_rebuild_embeds_them_again(db: str):
    emb = DefaultLike()
    with opened(db, write=True) as st:
        with st.transaction():
            st.replace_document(_doc())
        index_corpus(st, emb)
        old, _ = _long_candidate(st, emb)
        changed = _doc(BESLUT.replace("Maja Bentzer (V) utses", "Maja Bentzer (V) väljs"))
        with st.transaction():
            st.replace_document(changed)
        rep = index_corpus(st, emb)
        assert rep.windows == _expected(changed)
        qv = emb.embed([QUERY], kind="query")[0]
        new, rows = _long_candidate(st, emb)
        assert "väljs" in rows[new.chunk_id]["text"] and new.window is not None
        if old.chunk_id != new.chunk_id:  # (SQLite may give the new passage the old id)
            assert st.window_similarities(qv, [old.chunk_id]) == {}
        assert st.count_windows_todo(350) == 0
        assert index_corpus(st, emb, rebuild=True).windows == _expected(changed)


def test_index_fills_the_windows_of_a_corpus_indexed_before_them(tmp_path, monkeypatch: pytest.MonkeyPatch):
    doc, emb = _doc(), DefaultLike()
    with opened(str(tmp_path / "c.db"), write=True) as st:
        with st.transaction():
            st.replace_document(doc)
        monkeypatch.setattr(search_index, "reads_windows", lambda model_id: False)  # as before migration 0021
        assert index_corpus(st, emb).windows == 0
        monkeypatch.undo()
        long = sum(len(c.text.strip()) > WINDOW_CHARS for c in chunk_document(doc))
        assert search_index.index_status(st)["windows_to_embed"] == long > 0  # `index --status` says so
        rep = index_corpus(st, emb)
        assert (rep.embedded, rep.windows) == (0, _expected(doc))
        assert search_index.index_status(st)["windows_to_embed"] == 0


def test_a_model_whose_weights_read_no_windows_embeds_none(tmp_path):
    emb = FakeEmbedder()  # the fake model's id: no shipped weights at all
    with opened(str(tmp_path / "c.db"), write=True) as st:
        with st.transaction():
            st.replace_document(_doc())
        assert index_corpus(st, emb).windows == 0
        r, _ = _long_candidate(st, emb)
        assert r.window is None
        assert st.count_windows_todo(350) > 0
        assert np.isfinite(r.similarity or 0.0)
