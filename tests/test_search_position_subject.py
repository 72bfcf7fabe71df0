"""A stance asked by its § subject (search/subject.py, issue 11): "Vilka ville bifalla motionen om
laddstationer för elcyklar?" asks who proposed bifall in the § about that motion, and the passage
that says so ("Förslag till beslut på sammanträdet / Janine Alm Ericson (MP), … föreslår att
motionen bifalls.") never names the motion: the § title and the Beredning above it do, and they
ranked first. For a question about a position the stance passages of the found §§ read their §
subject, and within the first screen a passage stating no stance goes below those that do.

Text: Alingsås kommunstyrelse 2026-06-01 § 103 (../shared/data/pdf-other, shortened), drawn with
reportlab, read by the product's ingest, stored in a real SQLite file and indexed with the fake
embedder."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_search import indexed
from test_structure_templates import draw

from namndkoll.corpus import as_store
from namndkoll.ingest import read_document
from namndkoll.search.hybrid import evidence, rank, search
from namndkoll.search.question import read_question
from namndkoll.search.subject import holds_position

KS_103 = """§ 103 2025.446 KS
Svar på motion gällande att införa laddstationer för Alingsås cyklister -
Amanda Andersson (MP)
Ärendebeskrivning
Amanda Andersson (MP) har till kommunfullmäktige den 24 september 2025, § 204 lämnat
en motion gällande att införa laddstationer för Alingsås cyklister.
Motionären föreslår följande:
• att kommunfullmäktige beslutar att uppdra åt tekniska nämnden i samverkan med
Alingsås Energi att införa stöldsäkra laddstationer för elcyklar i Alingsås kommun.
• att kommunfullmäktige uppmanar Alingsåshem att införa laddstationer för elcyklar i
större boendeområden
Tekniska nämnden beslutade den 15 december, § 65 att avstyrka motionen.
Beredning
Kommunledningskontoret har i skrivelse den 11 maj 2026 lämnat följande yttrande:
Efterfrågan på publika laddpunkter för elcyklar bedöms dock vara låg, särskilt i Alingsås
tätort där cykelavstånden är korta. Därför bedöms behovet av särskilda laddstationer för
elcyklar i det offentliga rummet som begränsat.
Kommunledningskontoret föreslår att båda förslagen i motionen ska avslås.
Förslag till beslut på sammanträdet
Janine Alm Ericson (MP), Martin Lindberg (V) och Heidi Hankanen Ängberg (C) föreslår att
motionen bifalls.
Beslutsgång
Ordföranden ställer förslagen mot varandra och finner att kommunstyrelsen beslutar att
bifalla arbetsutskottets förslag till beslut.
Beslut
Förslag till beslut i kommunfullmäktige
Motionen avslås i sin helhet."""

QUERY = "Vilka ville bifalla motionen om laddstationer för elcyklar?"


def _pdf(path: Path) -> Path:
    head = [(40, 40, "KOMMUNSTYRELSEN"), (330, 40, "SAMMANTRÄDESPROTOKOLL"), (330, 52, "2026-06-01"),
            (40, 70, "Beslutande Jan-Erik Wallin (M) (ordförande)")]
    return draw(path, [head + [(40, 100 + 13 * i, line) for i, line in enumerate(KS_103.splitlines())]])


@pytest.fixture
def stored(db_path: Path, tmp_path: Path):
    with indexed(db_path, [read_document(_pdf(tmp_path / "alingsas_ks_2026-06-01_protokoll.pdf"))]) as built:
        yield built


def test_who_wanted_bifall_finds_the_stance_not_the_subject(stored):
    conn, emb = stored
    hits = search(conn, QUERY, emb, limit=5)
    assert hits, "the § is there: no refusal"
    assert "föreslår att\nmotionen bifalls" in hits[0].text, [h.text[:60] for h in hits]
    assert hits[0].item == "103"


def test_the_stance_reads_its_subject_and_the_subject_states_no_stance(stored):
    conn, emb = stored
    store = as_store(conn)
    ranked, terms = rank(store, QUERY, emb, store.resolve_filters(), positions=True)
    ranked, rows, question = evidence(store, QUERY, ranked, terms)
    assert question.position
    by_section = {rows[r.chunk_id]["section"]: r for r in ranked}
    stance, subject = by_section["forslag"], by_section["arendet"]
    # its own words name no laddstationer; its § title and the § text before it do, and the
    # keyword evidence and the reranker read them as its context
    assert "laddstationer" not in rows[stance.chunk_id]["text"]
    assert "publika laddpunkter för elcyklar" in rows[stance.chunk_id]["context"]
    # the § title names the motion and its mover ("Amanda Andersson (MP)": a name, as "Vilka"
    # asks) but states no stance in the §: the first screen puts it below the stance
    assert stance.kind_stated and not subject.kind_stated


def test_a_question_about_a_position():
    for q in ("Vilka ville bifalla motionen om laddstationer för elcyklar?",
              "Vilka partier reserverade sig mot nedläggningen av Strandskolan?",
              "Vem föreslog att mopedparkeringen i Nolhaga skulle utredas vidare av förvaltningen?",
              "Vad ville SD ändra i måltidspolicyn?", "bekämpningsmedel arrende socialdemokraterna yrkande"):
        assert read_question(q).position, q
    # the matter asked, not a stance: a cost, a report's proposal, a person's motion's figure
    for q in ("Vad skulle det kosta att bifalla Ukrainamotionen?",
              "Vilka sju nya tågstationer föreslog Västtågsutredningen?",
              "Hur mycket ville Magdalena Sundqvist att kommunen skulle lägga på markköp per år?",
              "Hur röstade fullmäktige om budgeten?"):
        assert not read_question(q).position, q


def test_passages_that_state_a_stance():
    assert holds_position("Ulf Richeberg (F) meddelar att Fokus vill lämna en skriftlig reservation mot beslutet.", None)
    assert holds_position("Ingela Andreén (L) föreslår att ärendet fortsättningsvis hanteras av förvaltningen", None)
    assert holds_position("Motionen bifalls.", "forslag")
    assert not holds_position("Kommunledningskontoret föreslår att båda förslagen i motionen ska avslås.", "beredning")
