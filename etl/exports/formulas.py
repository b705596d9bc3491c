"""Text a spreadsheet would run as a formula: the one rule the CSV files and the workbook share.

A cell whose text starts with `=`, `+`, `-`, `@`, a tab or a carriage return
is read by Excel, LibreOffice and Google Sheets as a formula (OWASP's "CSV
injection"), unless it is a number: `-3.5` and `+12` stay numbers. Report
text and manifest values are anyone's words, so such cells are written as
text: in CSV with a leading `'` (csv_files.py), in the workbook as cells typed
as text with Excel's quote prefix (workbook.py).
"""

from __future__ import annotations

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
QUOTE = "'"


def could_run(text: str) -> bool:
    """True for text a spreadsheet would take as a formula: '=1+1', '-x', '@SUM(A1)'; not '-3.5', not 'abc'."""
    return text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text)


def as_text(text: str) -> str:
    """CSV text that no spreadsheet runs: '=1+1' -> "'=1+1"; anything else as it is."""
    return QUOTE + text if could_run(text) else text
