"""Metadata of steering documents whose cover carries a two-column decision form, as Alingsås'
styrdokument template prints it ("Typ av styrdokument: Rutin   Gäller för: …" / "Beslutande
instans: Kommunstyrelsen   Giltighetstid: …" / "Datum för beslut: 2026-04-13   Revideras senast:
…"): the deciding body and the adoption date are read from their own fields, never from the other
column's field on the same line. The excerpts are real (attachments of Alingsås' meetings, as
archived in Knarrbyn/Kommundata), drawn with reportlab with the form's two columns on one
baseline, as the Word export sets them."""

from __future__ import annotations

from pathlib import Path

from test_pdf import _font

from namndkoll.ingest import dates, read_document
from namndkoll.ingest.metadata import find_kind


def _pdf(path: Path, title: list[str], form: list[tuple[str, str]], body: list[str]) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    c = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    _, h = A4
    y = h - 80
    c.setFont(font, 24)
    for line in title:
        c.drawString(55, y, line)
        y -= 30
    y -= 20
    c.setFont(font, 9)
    for left, right in form:
        if left:
            c.drawString(55, y, left)
        if right:
            c.drawString(300, y, right)
        y -= 13
    y -= 30
    c.setFont(font, 11)
    for line in body:
        c.drawString(55, y, line)
        y -= 15
    c.showPage()
    c.save()
    return path


def test_adopted_routine_takes_its_deciding_body_date_and_kind(tmp_path):
    title = ["Rutin för att", "förebygga och", "hantera hot, hat", "och våld mot", "förtroendevalda"]
    form = [("Typ av styrdokument: Rutin", "Gäller för: Alingsås kommun"),
            ("Beslutande instans: Kommunstyrelsen", "Giltighetstid: Tills vidare"),
            ("Datum för beslut: 2026-04-13", "Revideras senast: Vid behov"),
            ("Diarienummer: 2025.354 KS", "Dokumentansvarig: Demokratistrateg")]
    body = ["Rutinen gäller för samtliga förtroendevalda i Alingsås kommun, oavsett uppdragets"]
    md = read_document(_pdf(tmp_path / "rutin.pdf", title, form, body)).metadata
    assert (md.municipality, md.doc_type, md.kind, md.committee, md.date) == (
        "Alingsås", "other", "rutin", "Kommunstyrelsen", "2026-04-13")
    assert md.title == "Rutin för att förebygga och hantera hot, hat och våld mot förtroendevalda"


def test_taxa_decided_by_the_assembly_with_its_paragraph(tmp_path):
    form = [("Typ av styrdokument: Taxa", "Gäller för: Kommunövergripande"),
            ("Beslutande instans: Kommunfullmäktige", "Giltighetstid: Tillsvidare"),
            ("Datum för beslut: 2023-09-27 § 165", "Revideras senast: Vid behov"),
            ("Diarienummer: 2023.291 KS", "Dokumentansvarig: Avdelningschef Stadsmiljö")]
    body = ["Grundläggande bestämmelser",
            "Trafikförordningen innehåller bestämmelser för alla trafikanter och trafik med fordon,"]
    md = read_document(_pdf(tmp_path / "taxa.pdf", ["Felparkeringsavgifter", "i Alingsås kommun"],
                            form, body)).metadata
    assert (md.kind, md.committee, md.date) == ("taxa", "Kommunfullmäktige", "2023-09-27")


def test_empty_decision_date_does_not_take_the_review_date_beside_it(tmp_path):
    title = ["Handlingsplan 2026", "Korttidstillsyn", "Allén", "Karamellen"]
    form = [("Typ av styrdokument: Ekonomisk handlingsplan", "Gäller för: KTS och KTV"),
            ("Beslutande instans: VOO Personlig assistans och stöd", "Giltighetstid: 2026 ht – 2027 vt"),
            ("Datum för beslut:", "Revideras senast: 2026-04-09"),
            ("Diarienummer:", "Dokumentansvarig: Jeanette Manninen")]
    body = ["Sammanfattning", "Korttidsverksamheten Myran och Tuvebo erbjuder vistelse för personer mellan åldrarna 6"]
    md = read_document(_pdf(tmp_path / "hp.pdf", title, form, body)).metadata
    # the deciding "instans" is a unit of the förvaltning, not a body: no committee
    assert (md.doc_type, md.kind, md.committee, md.date) == ("other", "plan", None, None)


def test_the_other_columns_wrapped_text_is_not_part_of_the_body(tmp_path):
    title = ["Registerkontroll vid", "anställning på vård- och", "omsorgsförvaltningen", "Riktlinje"]
    form = [("Typ av styrdokument: Riktlinje", "Gäller för: Samtliga verksamheter under vård-"),
            ("Beslutande instans: Vård och omsorgsnämnden", "och omsorgsnämnden"),
            ("Datum för beslut: XXXX-XX-XX, § XX", "Giltighetstid: Tills vidare"),
            ("Diarienummer: XXXX.XXX VON", "Ersätter: 2023-04-27, § 43")]
    body = ["Alla som erhåller anställning inom vård- och omsorgsförvaltningen i Alingsås kommun är"]
    md = read_document(_pdf(tmp_path / "rk.pdf", title, form, body)).metadata
    # an unfilled decision date; the replaced version's date is not the document's; the
    # committee under its one name, with the hyphen the form left out
    assert (md.kind, md.committee, md.date) == ("riktlinje", "Vård- och omsorgsnämnden", None)


def test_form_fields_on_one_line():
    assert dates.labelled_date(["Datum för beslut: Revideras senast: 2026-04-09"]) is None
    assert dates.labelled_date(["Datum: 2026-05-11 Handläggare: Anna Svensson"]) == "2026-05-11"
    assert dates.adoption_date(["Datum för beslut: 2023-09-27 § 165 Revideras senast: Vid behov"]) == "2023-09-27"
    assert find_kind(["Rutin för att", "förebygga och"]) == "rutin"
    assert find_kind(["Typ av styrdokument: Rutin Gäller för: Alingsås kommun"]) == "rutin"
