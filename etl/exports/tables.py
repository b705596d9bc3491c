"""Query results as text a person reads or pastes: an aligned table, CSV or Markdown.

Cells are written the same way in every format (cells.py): NULL as an empty cell, whole
numbers without a decimal point (13100000, not 13100000.0 or 1.31e+07), other
numbers in plain notation, dates as YYYY-MM-DD. csv and tsv are for a spreadsheet and
follow the CSV export's conventions: figure ids with the prefix `fig-`, text that a
spreadsheet would run as a formula with a leading `'`; csv starts with a byte order
mark (as the export's files), tsv has none (it is for pasting) and its cells hold no
tab or line break (each becomes a space), so that a paste fills one cell per value.
In the table, Chinese characters
count as two columns (tabulate measures them with wcwidth) and, given a width,
the widest text columns are wrapped so that the table fits it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal

import tabulate as tab
from wcwidth import wcswidth

from etl.exports.cells import cell, spreadsheet_rows

FORMATS = ("table", "csv", "tsv", "markdown")
BOM = "\ufeff"
GAP = 2  # columns between two columns of the table
NARROWEST = 10  # a wrapped column keeps at least this many columns


def render(columns: Sequence[str], rows: Sequence[Sequence], fmt: str = "table", width: int | None = None) -> str:
    """The rows under their column names, as `fmt` (table, csv, tsv or markdown)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(spreadsheet_rows(columns, rows))
        return BOM + out.getvalue()
    if fmt == "tsv":
        lines = [columns, *spreadsheet_rows(columns, rows)]
        return "".join("\t".join(_one_cell(v) for v in line) + "\n" for line in lines)
    text = [[cell(v) for v in row] for row in rows]
    numeric = [_is_numeric(rows, i) for i in range(len(columns))]
    align = ["right" if n else "left" for n in numeric]
    if fmt == "markdown":
        escaped = [[v.replace("|", "\\|").replace("\n", " ") for v in row] for row in text]
        return tab.tabulate(escaped, headers=list(columns), tablefmt="github", colalign=align, disable_numparse=True)
    if not rows:
        return "(no rows)"
    budget, limits = width, _fit(columns, text, numeric, width) if width else None
    while True:  # tabulate pads some columns: measure the result and tighten until it fits
        table = tab.tabulate(
            text, headers=list(columns), tablefmt="simple", colalign=align, disable_numparse=True, maxcolwidths=limits
        )
        over = max(wcswidth(line) for line in table.splitlines()) - width if width else 0
        tighter = _fit(columns, text, numeric, budget - over) if over > 0 else None
        if tighter is None or tighter == limits:
            return table
        budget, limits = budget - over, tighter


def _one_cell(text: str) -> str:
    """A tsv cell: its tabs and line breaks as spaces, so that a paste keeps one value per cell."""
    return " ".join(text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ").split("\n"))


def _is_numeric(rows: Sequence[Sequence], i: int) -> bool:
    values = [row[i] for row in rows if row[i] is not None]
    return bool(values) and all(isinstance(v, int | float | Decimal) and not isinstance(v, bool) for v in values)


def _fit(columns, text, numeric, width: int) -> list[int | None] | None:
    """Column limits that wrap the widest text columns until the table fits `width`, or None when it fits."""
    widths = [max([wcswidth(c)] + [wcswidth(row[i]) for row in text]) for i, c in enumerate(columns)]
    limits: list[int | None] = [None] * len(columns)
    over = sum(widths) + GAP * (len(columns) - 1) - width
    while over > 0:
        wrappable = [i for i, w in enumerate(widths) if not numeric[i] and w > NARROWEST]
        if not wrappable:
            break
        widest = max(wrappable, key=lambda i: widths[i])
        others = sorted((widths[i] for i in wrappable if i != widest), reverse=True)
        target = max(NARROWEST, widths[widest] - over, others[0] if others else NARROWEST)
        if target == widths[widest]:
            target -= 1
        over -= widths[widest] - target
        widths[widest] = limits[widest] = target
    return limits if any(limits) else None
