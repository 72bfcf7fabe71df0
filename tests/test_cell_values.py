"""The two readings of a table cell's number: ``tables.cell_value`` (the search passages'
cells) and ``extract.table_layout.cell_value`` (the figure reader's). They read a cleaned cell
the same way (``tables.cell_number``) and clean it differently, on purpose: what each docstring
says is what these pin."""

from __future__ import annotations

import pytest

from namndkoll.extract.table_layout import cell_value as figure_cell
from namndkoll.tables import cell_value as passage_cell


@pytest.mark.parametrize(("cell", "value"), [
    ("1 049 382", (1049382.0, None)),
    ("1\u00a0049\u202f382", (1049382.0, None)),  # Swedish thousands in fixed-width spaces
    ("-3,0", (-3.0, None)),
    ("\u2212427", (-427.0, None)),
    ("\u20135", (-5.0, None)),
    ("12 %", (12.0, "%")),
    ("1.049.382 tkr", (1049382.0, "tkr")),
    (" 7 ", (7.0, None)),
    ("Summa", None),
    ("2026-01-01", None),
])
def test_both_readings_agree_on_a_cell_of_one_line(cell: str, value: tuple[float, str | None] | None) -> None:
    assert figure_cell(cell) == value
    assert passage_cell(cell) == value


@pytest.mark.parametrize("cell", ["1 049\n382", "12  345", "\u20125"])
def test_only_the_passages_reading_joins_lines_and_runs_of_spaces_and_takes_the_figure_dash(cell: str) -> None:
    assert passage_cell(cell) is not None
    assert figure_cell(cell) is None
