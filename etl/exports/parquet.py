"""The v2 views as a Parquet tree that Spark, Trino or DuckDB read where it lies (a disk, object storage).

Each view whose rows come from one report (a doc_id column) is written as a
folder partitioned hive-style by the publisher and report year of that
report: `v2_figures/publisher=国务院/report_year=2020/data_0.parquet` (the
publisher percent-encoded in the path, as hive does). The partition columns
live in the paths, not in the files; a view without them gets them from
core.documents. `v2.builds`, the history of builds, is one file,
`v2_builds.parquet`.

Like the CSV export (export.py, staging.py), the tree is written into a temporary folder
beside `out` and swapped into place once all is written (each view's folder replaced whole:
no partition of a report that has left lingers); a failure leaves an earlier export as it
was, in one line. The
warehouse is opened read-only, with file access allowed only into that
temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.exports.errors import ExportError
from etl.exports.queries import NO_FILE_ACCESS
from etl.exports.staging import Exported, move_into_place, staged
from etl.warehouse.load import sql_path

VERSION = "v2"
PARTITIONS = ("publisher", "report_year")
UNPARTITIONED = {"builds"}  # one row per build and document, documents that may be gone since


def export_parquet(db: Path, out: Path, version: str = VERSION) -> Exported:
    """Write every view of `version` as Parquet into `out`: the folders and files written, and how."""
    out = Path(out)
    with staged(out) as staging:
        try:
            names = _write(db, staging, version)
        except duckdb.Error as err:
            reason = str(err).strip().splitlines()[0]
            raise ExportError(f"{db}: cannot be exported: {reason}; {out} is unchanged") from None
        how = move_into_place(staging, out, names)
    return Exported([out / name for name in names], how)


def _write(db: Path, staging: Path, version: str) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        con.execute(f"set allowed_directories = ['{sql_path(staging)}/']")
        con.execute(NO_FILE_ACCESS)
        names = []
        for view, columns in _views(con, version):
            name = f"{version}_{view}"
            if view in UNPARTITIONED or "doc_id" not in columns:
                names.append(f"{name}.parquet")
                con.execute(
                    f"copy (select * from {version}.\"{view}\") to '{sql_path(staging / names[-1])}' (format parquet)"
                )
                continue
            names.append(name)
            extra = "".join(f", d.{c}" for c in PARTITIONS if c not in columns)
            con.execute(
                f'copy (select v.*{extra} from {version}."{view}" v left join core.documents d using (doc_id)) '
                f"to '{sql_path(staging / name)}' (format parquet, partition_by ({', '.join(PARTITIONS)}))"
            )
        return names
    finally:
        con.close()


def _views(con: duckdb.DuckDBPyConnection, version: str) -> list[tuple[str, list[str]]]:
    rows = con.execute(
        "select table_name, list(column_name order by ordinal_position) from information_schema.columns "
        "where table_schema = ? and table_name in "
        "(select table_name from information_schema.tables where table_schema = ? and table_type = 'VIEW') "
        "group by table_name order by table_name",
        [version, version],
    ).fetchall()
    return [(name, list(columns)) for name, columns in rows]
