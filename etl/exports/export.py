"""`make export`: the views as files an analyst opens in a spreadsheet, a CSV per view and one XLSX workbook.

The views are read (views.py), each written as CSV (csv_files.py) and all into the workbook
(workbook.py), in a staging folder that is moved into place once everything is written
(staging.py): a failure leaves an earlier export as it was. The Parquet tree of the v2 views
is parquet.py.
"""

from __future__ import annotations

from pathlib import Path

from etl.exports import workbook as xlsx
from etl.exports.csv_files import write_csv
from etl.exports.errors import ExportError
from etl.exports.staging import move_into_place, staged
from etl.exports.views import read_views

__all__ = ["ExportError", "export"]


def export(db: Path, out: Path, version: str = "v1", workbook: bool = True) -> list[Path]:
    """Write one CSV per view of `version` (and one XLSX workbook) into `out`; the paths written."""
    out = Path(out)
    with staged(out) as staging:  # first: a folder that cannot be written fails before the reading
        views = read_views(db, version)
        builds = next((v for v in views if v.name == "builds"), None)
        names = []
        for view in views:
            names.append(f"{version}_{view.name}.csv")
            write_csv(staging / names[-1], view)
        if workbook:
            names.append(f"zhibiao_{version}.xlsx")
            xlsx.write_workbook(staging / names[-1], views, builds)
        move_into_place(staging, out, names)
    return [out / name for name in names]
