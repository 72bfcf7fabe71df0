"""A chart's axis labels are no figures (walk75: `namndkoll figures` on the Västra Götaland
region's train evaluation listed "45 %", "40 %" … "0 %" from the y axis of Figur 9, ten rows
that no reader wants in a spreadsheet; Tolkförmedling Väst's annual report the same from
Figur 6)."""

from __future__ import annotations

from namndkoll.extract import find_figures
from namndkoll.types import Document, Metadata, Page, with_offsets


def percents(text: str) -> list[float]:
    d = Document("t.pdf", "0" * 64, with_offsets([Page(1, text)]), Metadata())
    return [f.value for f in find_figures(d) if f.kind == "percent"]


def test_the_evenly_spaced_labels_of_an_axis_are_left_out():
    text = ("Det visar även att det finns stora skillnader i resande över dagen.\n"
            "45 %\n40 %\n35 %\n30 %\n25 %\n20 %\n15 %\n10 %\n5 %\n0 %\n1 2 3 4 5 6 7 8 9 10 11 12\n"
            "Timme på dygnet\nFigur 9 Genomsnittligt resande per timme.\n"
            "Andelen resor i rusningstid är 38 %.\n")
    assert percents(text) == [38.0]
    # a chart's own data labels are not evenly spaced; a sentence's percentages are figures
    assert percents("23% 18% 0% -4% -1% -2% -3% -5% -11% Figur 4 Förändring per språk.") == [
        23.0, 18.0, 0.0, -4.0, -1.0, -2.0, -3.0, -5.0, -11.0]
    assert percents("Andelen ökade från 10 % till 20 %, 30 % och 40 % under perioden.") == [10.0, 20.0, 30.0, 40.0]


def test_two_axes_side_by_side_and_a_label_before_them():
    text = ("utförs med respektive tågslag.\n90%\n100 80%\n80 70%\n60%\n60 50%\n40%\n40 30%\n20 20%\n"
            "10%\n0 0%\nKostnad per resa* Andel Resor\nFigur 13 Kostnad per resa.\n")
    assert percents(text) == []



def test_a_tick_beside_the_other_axis_label_is_no_thousands():
    # "120 100%": the left axis's 120 and the right axis's 100 % on one line, not 120 100 %
    text = ("utförs med respektive tågslag.\n120 100%\n90%\n100 80%\n80 70%\n60%\n60 50%\n40%\n40 30%\n"
            "20 20%\n10%\n0 0%\nKostnad per resa* Andel Resor\nFigur 13 Kostnad per resa.\n")
    assert percents(text) == []
    # a grouped percent in a sentence stays one number
    assert percents("Kostnaden har ökat med 1 200 % sedan 1990.") == [1200.0]
