"""A value as the text of a spreadsheet cell: the conventions the CSV files, the workbook and `make query`'s
csv and tsv share.

Cells are written the same way everywhere: NULL as an empty cell, whole numbers
without a decimal point (13100000, not 13100000.0 or 1.31e+07), other numbers in
plain notation, dates as YYYY-MM-DD. Figure ids are hex digests that a spreadsheet
reads as numbers (`12360353839e7040` becomes 1.24E+50, a 16-digit id loses its
last digit), so in text meant for a spreadsheet they are written with the prefix
`fig-` (`fig-12360353839e7040`); strip it to look one up in the warehouse. Text a
spreadsheet would run as a formula gets a leading `'` (formulas.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from etl.exports.formulas import as_text

ID_PREFIX = "fig-"
FIGURE_ID_COLUMNS = {"figure_id", "parent_figure_id", "subset_of_figure_id", "previous_figure_id", "figure_ids"}


def cell(value) -> str:
    """One value as text: None -> '', 2492000000.0 -> '2492000000', 0.125 -> '0.125', True -> 'true'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:
            return ""
        if value.is_integer():
            return str(int(value))
        return format(Decimal(repr(value)), "f")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def csv_id(value: str | None) -> str:
    """'12360353839e7040' -> 'fig-12360353839e7040'; a comma-separated list gets the prefix on each id."""
    if not value:
        return ""
    return ",".join(ID_PREFIX + part for part in value.split(","))


def spreadsheet_rows(columns: Sequence[str], rows) -> list[list[str]]:
    """Each row as the texts of its cells for a spreadsheet: plain numbers, `fig-` ids, no live formula."""
    ids = [i for i, c in enumerate(columns) if c in FIGURE_ID_COLUMNS]
    out = []
    for row in rows:
        text = [as_text(cell(v)) for v in row]
        for i in ids:
            text[i] = csv_id(text[i])
        out.append(text)
    return out
