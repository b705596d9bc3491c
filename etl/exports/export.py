"""`make export`: the views as files an analyst opens in a spreadsheet, a CSV per view and one XLSX workbook.

The views of v1 and v2 are read (views.py), each written as CSV (csv_files.py) and all into the
workbook (workbook.py), in a staging folder that is swapped into place once everything is written
(staging.py): a failure leaves an earlier export as it was. The Parquet tree of the v2 views
is parquet.py.
"""

from __future__ import annotations

from pathlib import Path

from etl.exports import workbook as xlsx
from etl.exports.csv_files import write_csv
from etl.exports.errors import ExportError
from etl.exports.staging import Exported, move_into_place, staged
from etl.exports.views import each_view

__all__ = ["VERSIONS", "WORKBOOK", "ExportError", "Exported", "export"]

VERSIONS = ("v1", "v2")
WORKBOOK = "zhibiao.xlsx"


def export(db: Path, out: Path, versions=VERSIONS, workbook: bool = True) -> Exported:
    """Write one CSV per view of each version (and one XLSX workbook) into `out`."""
    out = Path(out)
    with staged(out) as staging:  # first: a folder that cannot be written fails before the reading
        book = xlsx.WorkbookWriter(staging / WORKBOOK) if workbook else None
        names = []
        try:
            for view in each_view(db, versions):  # one view in memory at a time
                names.append(f"{view.file_name}.csv")
                write_csv(staging / names[-1], view)
                if book:
                    book.add(view)
            if book:
                names.append(WORKBOOK)
                book.save()
        except BaseException:
            if book:
                book.discard()
            raise
        how = move_into_place(staging, out, names)
    return Exported([out / name for name in names], how)
