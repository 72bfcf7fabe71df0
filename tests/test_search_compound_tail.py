"""(issue 11, twenty-third session) A rare compound is looked for in its parts; its last part by
its own forms where it is a noun's base form, not by its crude stem, which reaches longer words
("arbete" -> "arbet*": "arbetsplatsen", "arbetsgivarens"; "plats" -> "plat*": "plattform"). On
both backends."""

from __future__ import annotations

from test_search import FakeEmbedder, report

from namndkoll.corpus import opened
from namndkoll.search import index_corpus, search
from namndkoll.search.plan import keyword_plan
from namndkoll.search.terms import tail_stem
from namndkoll.types import Metadata

MD = Metadata("Kommunstyrelsen protokoll", "Alingsås", "Kommunstyrelsen", "protokoll", "2026-06-15")


def test_a_compounds_last_part_is_its_base_form_where_its_forms_begin_with_it():
    assert tail_stem("arbete") == "arbete" and tail_stem("plats") == "plats" and tail_stem("resurs") == "resurs"
    # a plural that drops the last vowel, an inflected form: the stem as before
    assert tail_stem("skola") == "skol" and tail_stem("timme") == "timm" and tail_stem("banan") == "bana"


def test_a_compounds_last_part_reaches_its_own_forms_not_longer_words(db: str):
    """"trygghetsarbete", a word no passage holds, is looked for in its parts: "arbete" by its
    own forms ("arbete", "arbetet", "arbeten"), not by the stem "arbet", which reaches
    "arbetsplatsen", "arbetsgivarens"."""
    passages = {"arbete.pdf": "Tryggheten i centrum ska öka genom ett gemensamt arbete med polisen.",
                "arbetsplats.pdf": "Tryggheten på arbetsplatsen är arbetsgivarens ansvar."}
    with opened(db, write=True) as st:
        for name, text in passages.items():
            with st.transaction():
                st.replace_document(report(name, [text], MD))
        index_corpus(st, FakeEmbedder())
        (t,) = keyword_plan(st, "trygghetsarbete")
        found = [h.source for h in search(st, "trygghetsarbete", None, mode="keyword", abstention=False)]
    assert t.parts == ("trygghet", "arbete")
    assert found == ["arbete.pdf"]
