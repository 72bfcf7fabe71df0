"""What the sixteenth session's walk left (docs/walks/sixteenth-session.md, checks 39, 52, 53 and
94), on PDFs drawn here in other names: web copies whose lines run on — an officer report's
proposal run on after its heading, a first name left at the end of the line above, a motion quoted
from the front page a copy runs on into its § — as a reader of other bodies' records meets them."""

from __future__ import annotations

import textwrap
from pathlib import Path

from test_pdf import draw

from namndkoll.extract.decisions import find_decisions
from namndkoll.ingest import read_document


def run_on_pdf(path: Path, text: str, width: int = 88) -> Path:
    """One page of ``text`` wrapped at ``width`` characters, as a web page's copy is printed."""
    lines = textwrap.wrap(text, width)
    return draw(path, [[(50, 60 + 13 * i, line) for i, line in enumerate(lines)]])


REPORT_TO_TWO = (
    "Samhällsbyggnadskontoret Tjänsteutlåtande Utfärdat 2021-03-08 Diarienummer 0412/20 Handläggare "
    "Karin Ek Telefon: 0411-123456 Ny taxa för Sjöbo hamnar Förslag till beslut I kommunstyrelse och "
    "kommunfullmäktige: Taxa för Sjöbo hamnar, i enlighet med bilaga 1 till samhällsbyggnadskontorets "
    "tjänsteutlåtande, antas. Sammanfattning Kommunstyrelsen behandlade 2021-01-20 ett förslag till ny "
    "taxa. Kommunstyrelsen beslöt att remittera förslaget till hamnstyrelsen. Hamnstyrelsen yttrade sig "
    "över remissen 2021-02-15."
)
REPORT_GENITIVE = (
    "2 mars 2020 TN-2020/118 1 (6) HANDLÄGGARE Olle Berg Tekniska nämnden Svar på revisionsskrivelse "
    "om vinterväghållning Förslag till beslut Tekniska nämndens beslut Som svar på revisionsskrivelsen "
    "från kommunens revisorer, daterad 2020-01-14, åberopas innehållet i förvaltningens "
    "tjänsteutlåtande, daterat den 2 mars 2020. Bakgrund Kommunens revisorer har granskat "
    "vinterväghållningen och önskar ta del av nämndens kommentarer."
)


def test_a_proposal_run_on_after_its_heading_is_read(tmp_path: Path) -> None:
    doc = read_document(run_on_pdf(tmp_path / "tu.pdf", REPORT_TO_TWO))
    proposed = [d for d in find_decisions(doc) if d.status == "proposed"]
    assert [d.clauses for d in proposed] == [(
        ("Taxa för Sjöbo hamnar, i enlighet med bilaga 1 till samhällsbyggnadskontorets "
        "tjänsteutlåtande, antas"),)]
    assert proposed[0].body == "Kommunstyrelse och kommunfullmäktige" and proposed[0].page == 1
    # the earlier decision the summary retells stays what it was, and the summary is no proposal
    decided = [d for d in find_decisions(doc) if d.status == "decided"]
    assert [d.clauses for d in decided] == [("att remittera förslaget till hamnstyrelsen",)]
    # "förslag till beslut" in a sentence, or after a word in a sentence, heads nothing
    text = ("Protokoll Kommunstyrelsen 2021-03-08. Ärendet gäller en ny taxa. Kontoret lämnar sitt "
            "förslag till beslut i ett senare skede. Nämnden har tagit del av Förslag till beslut "
            "som kontoret skrev förra året. Bakgrund Taxan är gammal.")
    doc = read_document(run_on_pdf(tmp_path / "p.pdf", text))
    assert [d for d in find_decisions(doc) if d.status == "proposed"] == []


def test_a_proposal_under_a_bodys_decision_heading_run_on(tmp_path: Path) -> None:
    doc = read_document(run_on_pdf(tmp_path / "ts.pdf", REPORT_GENITIVE))
    [d] = [d for d in find_decisions(doc) if d.status == "proposed"]
    assert d.body == "Tekniska nämnden"
    assert d.clauses == (("Som svar på revisionsskrivelsen från kommunens revisorer, daterad 2020-01-14, "
                         "åberopas innehållet i förvaltningens tjänsteutlåtande, daterat den 2 mars 2020"),)


def lines_pdf(path: Path, lines: list[str]) -> Path:
    return draw(path, [[(50, 60 + 16 * i, line) for i, line in enumerate(lines)]])


def test_a_first_name_left_on_the_line_above_is_part_of_the_name(tmp_path: Path) -> None:
    """An attendance list run on and wrapped: "… justera Yolanda / Fuentes Morales (V)" is Yolanda
    Fuentes Morales, "(S) Ingvar / Holmgren Svedin (S)" Ingvar Holmgren Svedin."""
    from namndkoll.extract.pipeline import extract_document

    lines = ["2 2 Plats och tid Ljusdals kommunhus 13:00 Beslutande Övriga närvarande Utses att justera Yolanda",
             "Fuentes Morales (V) Sören Ek (S) Kjell-Åke Brandt (S) Ove Lindqvist (S) Ingvar",
             "Holmgren Svedin (S) Greta Nylander (M)"]
    people = extract_document(read_document(lines_pdf(tmp_path / "n.pdf", lines))).people
    assert [(p.name, p.party) for p in people] == [
        ("Yolanda Fuentes Morales", "V"), ("Sören Ek", "S"), ("Kjell-Åke Brandt", "S"), ("Ove Lindqvist", "S"),
        ("Ingvar Holmgren Svedin", "S"), ("Greta Nylander", "M")]
    # a word or a surname on the line above is no first name
    lines = ["Närvarande ledamöter enligt upprop: Sören Ek (S), ordförande, Anna Olsson",
             "Greta Nylander (M), Beslutande",
             "Kommunstyrelsen",
             "Holmgren Svedin (S), Plats: Tallbacka folkhögskola, Rönninge",
             "Eva Lindgren (S) ordf, mötet hölls i Rönnåker",
             "Lisa Sandberg (C)"]
    named = [(p.name, p.party) for p in extract_document(read_document(lines_pdf(tmp_path / "m.pdf", lines))).people]
    assert ("Greta Nylander", "M") in named and ("Holmgren Svedin", "S") in named
    # a place after a comma or after "i" is no first name
    assert ("Eva Lindgren", "S") in named and ("Lisa Sandberg", "C") in named


def test_a_motion_in_a_run_on_copy_is_quoted_from_its_own_page(tmp_path: Path) -> None:
    """A web copy of a protocol runs its pages on: the motion of the § on page 2 is quoted from its
    heading, not from the front page's certificate above it."""
    from namndkoll.extract.pipeline import extract_document

    text = ("1 LYCKSELE KOMMUN PROTOKOLL 1 (12) Plats och tid Kommunhuset, Lycksele Beslutande Per Holm (C) "
            "ordförande Utses att justera Ulla Berg ANSLAG/BEVIS Protokollet är justerat. Justeringen har "
            "tillkännagivits genom anslag på kommunens anslagstavla. Organ Kommunstyrelsens arbetsutskott "
            "Sammanträdesdatum Datum då anslaget sätts upp Förvaringsplats för protokollet Kommunstyrelsens "
            "kansli Underskrift Eva Lund Utdragsbestyrkande 2 LYCKSELE KOMMUN PROTOKOLL 2 (12) KSAU 44 KS/2012: "
            "Motion - rökfria skolgårdar Lena Strand (V) har lämnat in rubricerad motion. I motionen skriver "
            "Strand att skolgårdarna ska vara rökfria.")
    doc = read_document(run_on_pdf(tmp_path / "m.pdf", text))
    [pos] = [p for p in extract_document(doc).positions if p.kind == "motion"]
    assert pos.parties == ("V",)
    assert pos.text.startswith("KSAU 44 KS/2012: Motion - rökfria skolgårdar Lena Strand (V) har lämnat in")
    assert "Sammanträdesdatum" not in pos.text
