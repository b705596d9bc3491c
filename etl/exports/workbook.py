"""The XLSX workbook: an "about" sheet, then one sheet per view, set up to be read.

A view's sheet is named as its CSV file (v1_figures, v2_series). A sheet holds at most
SHEET_ROWS rows, the first in the view's order: a larger view is cut there, and both the
"about" sheet and a last line under the rows say so and name the CSV file that holds them all.

Each view's sheet has its header row frozen and an autofilter on; column widths
fit the content (a Chinese character counts two); numbers never show as E+
(whole numbers `#,##0`, others with their decimals); dates are dates; ids and
other text are cells typed as text; sentences wrap. Text a spreadsheet would
run as a formula (formulas.py) is a cell typed as text with the quote prefix,
wherever it is, the "about" sheet included.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from wcwidth import wcswidth

from etl.exports.formulas import could_run
from etl.exports.views import View

CELL_LIMIT = 32000  # Excel holds at most 32,767 characters in a cell
SHEET_ROWS = 100_000  # rows a sheet holds; Excel's limit is 1,048,576, and a readable workbook far fewer
WIDEST = 60  # columns wider than this are cut (text stays whole in the cell)
WIDTH_SAMPLE = 500  # rows measured to fit a column's width
INTEGER_TYPES = {"TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT"}
WHOLE, DECIMAL, YEARLIKE = "#,##0", "#,##0.0#########", "0"
DATE, TIMESTAMP, TEXT = "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss", "@"
WRAP = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


class WorkbookWriter:
    """The workbook written one view at a time, row by row (openpyxl's write-only mode), so that only the view
    being written is in memory; the "about" sheet, which lists them all, is added last as the first sheet."""

    def __init__(self, path: Path):
        self.path = path
        self.book = Workbook(write_only=True)
        self.listed: list[tuple[str, int | str, str]] = []  # (sheet, rows, question) of each view added
        self.builds: View | None = None

    def add(self, view: View) -> None:
        _sheet(self.book.create_sheet(view.file_name[:31]), view)
        rows = len(view.rows) if len(view.rows) <= SHEET_ROWS else shown_rows(view)
        self.listed.append((view.file_name, rows, view.question))
        if view.file_name == "v1_builds":
            self.builds = view

    def save(self) -> None:
        _about(self.book.create_sheet("about", 0), self.listed, self.builds)
        self.book.save(self.path)

    def discard(self) -> None:
        """Close the sheets' temporary files of a workbook that will not be saved (an export that failed)."""
        for sheet in self.book.worksheets:
            if not sheet.closed:
                try:
                    sheet.close()
                except (OSError, ValueError):
                    pass


def write_workbook(path: Path, views: list[View], builds: View | None) -> None:
    """All of `views` in one workbook, with `builds` (else their v1_builds) on the "about" sheet."""
    writer = WorkbookWriter(path)
    for view in views:
        writer.add(view)
    writer.builds = builds or writer.builds
    writer.save()


def shown_rows(view: View) -> str:
    """The rows of the view its sheet holds: '527', or '100,000 of 1,300,000 (all in v2_series.csv)'."""
    if len(view.rows) <= SHEET_ROWS:
        return str(len(view.rows))
    return f"the first {SHEET_ROWS:,} of {len(view.rows):,} (all in {view.file_name}.csv)"


def _about(sheet, listed: list[tuple[str, int | str, str]], builds: View | None) -> None:
    for letter, width in zip("ABC", (22, 24, 100), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.append(_heading(sheet, ["zhibiao: figures from Chinese government work reports"]))
    sheet.append([f"exported {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"])
    sheet.append([])
    sheet.append(_heading(sheet, ["sheet", "rows", "what it holds"]))
    for name, rows, question in listed:
        sheet.append([_safe(sheet, name), rows, _safe(sheet, question)])
    sheet.append([])
    sheet.append(_heading(sheet, ["built by", "", "the build that made the warehouse (v1.builds)"]))
    if builds and builds.rows:
        for column, value in zip(builds.columns, builds.rows[-1], strict=True):
            sheet.append(
                [_safe(sheet, column), _cell(sheet, value, TIMESTAMP if isinstance(value, datetime) else None)]
            )
    sheet.append([])
    sheet.append(_heading(sheet, ["notes"]))
    sheet.append(["values", "", "in base units (亿 = 1e8, 万 = 1e4); unit and qualifier say what they count"])
    sheet.append(["texts", "", f"cut at {CELL_LIMIT:,} characters (documents.text); the CSV files hold them whole"])
    sheet.append(
        ["rows", "", f"a sheet holds at most {SHEET_ROWS:,} rows; the CSV file of a larger view holds them all"]
    )


def _heading(sheet, values: list[str]) -> list[WriteOnlyCell]:
    cells = [WriteOnlyCell(sheet, value) for value in values]
    for c in cells:
        c.font = BOLD
    return cells


def _cell(sheet, value, number_format: str | None = None, wrap: bool = False) -> WriteOnlyCell:
    c = WriteOnlyCell(sheet, _value(value))
    if isinstance(c.value, str) and could_run(c.value):
        c.data_type = "s"  # openpyxl would store '=…' as a formula
        c.number_format = TEXT
        c.quotePrefix = True
    elif number_format:
        c.number_format = number_format
    if wrap:
        c.alignment = WRAP
    return c


def _safe(sheet, value):
    """A value as it is, or text a spreadsheet would run as a formula in a cell typed as text."""
    return _cell(sheet, value) if isinstance(value, str) and could_run(value) else _value(value)


def _sheet(sheet, view: View) -> None:
    # A write-only sheet takes its layout before its rows.
    sheet.freeze_panes = "A2"
    rows = view.rows[:SHEET_ROWS]
    sheet.auto_filter.ref = f"A1:{get_column_letter(max(len(view.columns), 1))}{len(rows) + 1}"
    for i, name in enumerate(view.columns):
        sample = [_width(_shown(row[i])) for row in view.rows[:WIDTH_SAMPLE] if row[i] is not None]
        width = max([_width(name) + 3, *sample])  # + 3: room for the filter button
        sheet.column_dimensions[get_column_letter(i + 1)].width = min(width + 1, WIDEST)
    sheet.append(_heading(sheet, view.columns))
    formats = [_format(t) for t in view.types]
    wrapped = [name.endswith("sentence") for name in view.columns]
    texts = [name.endswith(("_id", "_ids")) or name == "sha256" for name in view.columns]
    for row in rows:
        cells = []
        for value, fmt, wrap, text in zip(row, formats, wrapped, texts, strict=True):
            if value is None:
                cells.append(None)
            elif text:
                cells.append(_cell(sheet, value, TEXT, wrap))
            elif fmt == DECIMAL:
                cells.append(_cell(sheet, value, WHOLE if float(value).is_integer() else DECIMAL, wrap))
            elif fmt or wrap:
                cells.append(_cell(sheet, value, fmt, wrap))
            else:
                cells.append(_safe(sheet, value))
        sheet.append(cells)
    if len(view.rows) > len(rows):
        sheet.append([])
        sheet.append(_heading(sheet, [f"Cut here: {shown_rows(view)}."]))


def _shown(value) -> str:
    """Roughly what Excel shows for a value in its format (too narrow a column shows ### for a number)."""
    if isinstance(value, bool):
        return "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return f"{value:,.10f}".rstrip("0").rstrip(".")
    if isinstance(value, datetime):
        return "2020-01-01 00:00:00"
    if isinstance(value, date):
        return "2020-01-01"
    return str(_value(value))


def _width(text: str) -> int:
    """Columns on screen: a Chinese character counts two."""
    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _format(sql_type: str) -> str | None:
    if sql_type in INTEGER_TYPES:
        return YEARLIKE  # years, offsets and counts: 2020, not 2,020
    if sql_type in ("DOUBLE", "FLOAT", "REAL") or sql_type.startswith("DECIMAL"):
        return DECIMAL
    if sql_type == "DATE":
        return DATE
    if sql_type.startswith("TIMESTAMP"):
        return TIMESTAMP
    return None


def _value(value):
    """A value openpyxl can store: text without control characters and within Excel's cell limit."""
    if isinstance(value, str):
        return ILLEGAL_CHARACTERS_RE.sub("", value[:CELL_LIMIT])
    if isinstance(value, datetime | date) or value is None:
        return value
    if isinstance(value, float) and value != value:
        return None
    return value
