"""A view as a CSV file an analyst opens in a spreadsheet.

CSV is UTF-8 with a BOM so that Excel shows Chinese; numbers are written in
plain notation, never 2.492e+09; NULL is an empty cell. Figure ids are hex
digests that a spreadsheet reads as numbers (`12360353839e7040` becomes
1.24E+50, a 16-digit id loses its last digit), so in CSV they are written
with the prefix `fig-` (`fig-12360353839e7040`); strip it to look one up in
the warehouse. The workbook keeps them as they are, in cells typed as text.
A text cell that a spreadsheet would run as a formula (`=…`, `+…`, `-…`,
`@…`, and not a number) is written with a leading `'` (formulas.py).
"""

from __future__ import annotations

import csv
from pathlib import Path

from etl.exports.cells import cell, csv_id, spreadsheet_rows
from etl.exports.views import View

__all__ = ["csv_id", "plain_number", "write_csv"]


def plain_number(value) -> str:
    """2492000000.0 -> '2492000000'; 0.125 -> '0.125'; never scientific notation."""
    return cell(value)


def write_csv(path: Path, view: View) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(view.columns)
        writer.writerows(spreadsheet_rows(view.columns, view.rows))
