"""Front pages and letterheads set as forms (issue 8, the twenty-fourth session's leftovers on
Alingsås' Meetings Plus protocols and styrdokument), rebuilt with reportlab at the positions,
sizes and weights the real pages have:

- a label wrapped over two lines ("Ej tjänstgörande" over "ersättare", "Justeringens plats och"
  over "tid") was read as a word put before the next line's name ("ersättare Adam Jansson (KD)")
  or as a line of its own ("tid"); it is one label on its first line;
- a front page whose labels' column is short beside its values (KF 2018-03-28 p. 3) was read as
  two columns, every label first and every value after;
- a letterhead's two blocks of fields ("Typ av styrdokument: Riktlinje | Gäller för: Samtliga
  verksamheter under vård-" over "Beslutande instans: … | och omsorgsnämnden") were read across,
  so a value wrapped in the right block went on the left block's field;
- the front page's date, the last line of the running head that stands lower on page 1 than on
  the others, was left in the body."""

from __future__ import annotations

from pathlib import Path

from namndkoll.ingest.pdf import read_pdf

W, H = 595.3, 841.9


def _page(c: object, items: list[tuple[float, float, float, bool, str]]) -> None:
    """(x, top of the line from the page's top, size, bold, text) drawn on the baseline a line of
    that size has there."""
    for x, top, size, heavy, text in items:
        # Helvetica's widths are near those of the protocols' font (DejaVu's bold runs wider)
        c.setFont("Helvetica-Bold" if heavy else "Helvetica", size)  # type: ignore[attr-defined]
        c.drawString(x, H - top - size * 0.9, text)  # type: ignore[attr-defined]
    c.showPage()  # type: ignore[attr-defined]


def _head(top: float, no: int, date: str = "2026-06-16") -> list[tuple[float, float, float, bool, str]]:
    return [(530, 20, 10, False, str(no)), (388, top, 12, True, "Barn- och"), (388, top + 13.8, 12, True, "ungdomsnämnden"),
            (388, top + 27.6, 12, True, "Protokoll"), (388, top + 54.8, 12, False, date)]


def _protocol(path: Path) -> Path:
    """Barn- och ungdomsnämnden 2026-06-16, pages 1-3: the front page (its head 27 points lower
    than on the other pages, as the logo pushes it), a § page and its next page."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=True)
    label = 9.0
    front = [*_head(62.7, 1),
             (71, 158, label, True, "Plats och tid"), (185, 158, 10, False, "Campus Alingsås/Utbildningens Hus,"),
             (363, 158, 10, True, "Paragrafer"), (429, 158, 10, False, "§§41-49"),
             (185, 169.6, 10, False, "Östra Ringgatan 16"), (185, 181.1, 10, False, "kl. 14:00-17:45"),
             (71, 204, label, True, "Beslutande"), (185, 204, 10, False, "Thomas Thim (M) (ordförande)"),
             (185, 215.6, 10, False, "Camilla Stensson (S) (vice ordförande)"),
             (185, 227.1, 10, False, "Annika Olofsson (S)"),
             (71, 250, label, True, "Ej tjänstgörande"), (185, 250, 10, False, "Dimitrios Diamantopolos (S)"),
             (71, 260.4, label, True, "ersättare"), (185, 261.5, 10, False, "Adam Jansson (KD)"),
             (185, 273, 10, False, "Irene Lidvall Gullersby (L) (tom. kl 16.00) §41"),
             (71, 296, label, True, "Övriga deltagare"), (185, 296, 10, False, "Helena Balte (Förvaltningschef)"),
             (71, 319, label, True, "Utses att justera"), (185, 319, 10, False, "Camilla Stensson (S)"),
             (71, 342, label, True, "Justeringens plats och"), (185, 342, 10, False, "Protokollet justeras på distans."),
             (71, 352.4, label, True, "tid"),
             (71, 400, label, True, "Sekreterare"), (183, 413, 10, False, "Karin Berg"),
             (66, 520, 10, False, ("Protokollet är justerat. Justeringen har tillkännagivits på Alingsås kommuns "
                                   "digitala anslagstavla.")),
             (438, 774.5, 7, False, "Utdragsbestyrkande")]
    _page(c, front)
    body = ["Förvaltningen redovisar den ekonomiska uppföljningen för perioden januari till maj.",
            "Nämnden prognostiserar ett underskott som beror på ökade kostnader för skolskjuts."]
    _page(c, [*_head(35.8, 2), (71, 173, 11, True, "§ 42 2026.010 BUN"), (71, 186, 11, True, "Ekonomisk uppföljning 2026"),
              *[(71, 210 + 13 * i, 11, False, t) for i, t in enumerate(body)], (438, 774.5, 7, False, "Utdragsbestyrkande")])
    _page(c, [*_head(35.8, 3), (71, 173, 11, True, "Beslut"),
              (71, 186, 11, False, "Barn- och ungdomsnämnden noterar informationen."),
              (438, 774.5, 7, False, "Utdragsbestyrkande")])
    c.save()
    return path


def test_a_wrapped_label_is_one_label_and_the_names_stay_names(tmp_path: Path) -> None:
    lines = read_pdf(_protocol(tmp_path / "bun.pdf")).pages[0].text.splitlines()
    assert "Ej tjänstgörande ersättare Dimitrios Diamantopolos (S)" in lines
    assert "Adam Jansson (KD)" in lines
    assert "Justeringens plats och tid Protokollet justeras på distans." in lines
    assert "tid" not in lines and not any(ln.startswith("ersättare") for ln in lines)


def test_the_front_pages_date_goes_with_its_running_head(tmp_path: Path) -> None:
    pages = read_pdf(_protocol(tmp_path / "bun.pdf")).pages
    assert pages[0].header.splitlines()[-1] == "2026-06-16" == pages[1].header.splitlines()[-1]
    assert "2026-06-16" not in pages[0].text
    assert pages[0].text.startswith("Plats och tid")


def test_a_label_over_two_lines_without_values_is_one_label(tmp_path: Path) -> None:
    """Överförmyndarnämnden 2018-02-13 p. 2: "Justeringens plats och" over "tid", neither with a
    value beside it; the page's other labels have theirs."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "ofn.pdf"), pagesize=(W, H), invariant=True)
    _page(c, [(71, 144, 9, True, "Plats och tid"), (185, 144, 10, False, "Väktaren, Rådhuset"),
              (185, 155.8, 10, False, "kl. 17:30-19:15"),
              (71, 178.7, 9, True, "Beslutande"), (185, 178.7, 10, False, "Holger Andersson (L) (ordförande)"),
              (185, 190.3, 10, False, "Birgit Thorman (S) (vice ordförande)"),
              (71, 270.7, 9, True, "Utses att justera"), (185, 270.7, 10, False, "Birgit Thorman (S)"),
              (71, 293.7, 9, True, "Justeringens plats och"), (71, 304.1, 9, True, "tid"),
              (71, 352.5, 9, True, "Sekreterare"), (183, 352.5, 10, False, "......................................"),
              (183, 365.8, 10, False, "Malin Lindholm")])
    c.save()
    lines = read_pdf(tmp_path / "ofn.pdf").text.splitlines()
    assert "Justeringens plats och tid" in lines and "tid" not in lines


def test_a_wrapped_heading_in_the_text_type_is_left_alone(tmp_path: Path) -> None:
    """Lines of running text in one type, the second starting lowercase beside a column of the
    same type, are no form's label: nothing is joined."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "text.pdf"), pagesize=(W, H), invariant=True)
    _page(c, [(71, 100, 10, False, "Namn"), (200, 100, 10, False, "Anna Berg (S)"),
              (71, 111.5, 10, False, "ersättare"), (200, 111.5, 10, False, "Per Ek (M)")])
    c.save()
    assert read_pdf(tmp_path / "text.pdf").text.splitlines() == ["Namn Anna Berg (S)", "ersättare Per Ek (M)"]


def test_a_short_column_of_labels_is_read_across_with_its_values(tmp_path: Path) -> None:
    """Kommunfullmäktige 2018-03-28 p. 3: below the list of guests the labels in bold 9 pt stand
    beside their values in 10 pt; the page was taken for two columns of text."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "kf.pdf"), pagesize=(W, H), invariant=True)
    guests = ["Erik Söderberg (EY, revisionsbyrå) §52", "Elin Mausén (EY, revisionsbyrå) §52",
              "Erik Stenkil Olsson (enhetschef planeringsenheten) §52", "Simon Lindau (finansekonom) §52",
              "Konrad Fredh (chefscontroller) §52", "Peter Öfverström (koncernredovisningschef) §52",
              "Maria Wallmyr (personalstrateg) §52"]
    dots = "................................................"
    _page(c, [*[(185, 117 + 11.5 * i, 10, False, g) for i, g in enumerate(guests)],
              (71, 209, 9, True, "Utses att justera"), (185, 209, 10, False, "Leif Hansson (S)"),
              (185, 220.5, 10, False, "Anita Brodén (L)"),
              (71, 243.5, 9, True, "Justeringens plats och"), (185, 243.5, 10, False, "Rådhuset, Alingsås , 2018-04-09 11:00"),
              (71, 253.8, 9, True, "tid"),
              (71, 302.3, 9, True, "Sekreterare"), (183, 302.3, 10, False, dots), (183, 315.5, 10, False, "Anci Eyoum"),
              (71, 338.7, 9, True, "Ordförande"), (183, 338.7, 10, False, dots),
              (183, 352, 10, False, "Kristina Grapenholm (L)"),
              (71, 375.2, 9, True, "Justerande"), (183, 375.2, 10, False, dots),
              (183, 388.4, 10, False, "Leif Hansson (S)"), (331, 388.4, 10, False, "Anita Brodén (L)")])
    c.save()
    lines = read_pdf(tmp_path / "kf.pdf").text.splitlines()
    assert lines[7:10] == ["Utses att justera Leif Hansson (S)", "Anita Brodén (L)",
                           "Justeringens plats och tid Rådhuset, Alingsås , 2018-04-09 11:00"]
    assert lines[10:13] == [f"Sekreterare {dots}", "Anci Eyoum", f"Ordförande {dots}"]


def test_a_letterheads_two_blocks_of_fields_are_read_block_by_block(tmp_path: Path) -> None:
    """Vård- och omsorgsnämnden's riktlinje (draft) p. 1: two blocks of fields in 9 pt, the right
    block's "Gäller för" wrapped onto the next line."""
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "riktlinje.pdf"), pagesize=(W, H), invariant=True)
    _page(c, [(77, 117.6, 36, True, "Registerkontroll vid"), (77, 244.4, 26, True, "Riktlinje"),
              (77, 644.7, 9, False, "Typ av styrdokument: Riktlinje"),
              (334, 644.7, 9, False, "Gäller för: Samtliga verksamheter under vård-"),
              (77, 657, 9, False, "Beslutande instans: Vård och omsorgsnämnden"), (334, 657, 9, False, "och omsorgsnämnden"),
              (77, 670.3, 9, False, "Datum för beslut: XXXX-XX-XX, § XX"), (334, 670.3, 9, False, "Giltighetstid: Tills vidare"),
              (77, 683.6, 9, False, "Diarienummer: XXXX.XXX VON"), (334, 683.6, 9, False, "Ersätter: 2023-04-27, § 43"),
              (334, 697, 9, False, "Dokumentansvarig: Utredare")])
    c.save()
    lines = read_pdf(tmp_path / "riktlinje.pdf").text.splitlines()
    assert lines[2:] == ["Typ av styrdokument: Riktlinje", "Beslutande instans: Vård och omsorgsnämnden",
                         "Datum för beslut: XXXX-XX-XX, § XX", "Diarienummer: XXXX.XXX VON",
                         "Gäller för: Samtliga verksamheter under vård-", "och omsorgsnämnden",
                         "Giltighetstid: Tills vidare", "Ersätter: 2023-04-27, § 43", "Dokumentansvarig: Utredare"]
