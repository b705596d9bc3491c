"""Views to files an analyst opens in a spreadsheet: CSV per view, one XLSX workbook.

CSV is UTF-8 with a BOM so that Excel shows Chinese; numbers are written in
plain notation, never 2.492e+09; NULL is an empty cell. Figure ids are hex
digests that a spreadsheet reads as numbers (`12360353839e7040` becomes
1.24E+50, a 16-digit id loses its last digit), so in CSV they are written
with the prefix `fig-` (`fig-12360353839e7040`); strip it to look one up in
the warehouse. The workbook keeps them as they are, in cells typed as text.

Files are written into a temporary folder beside `out` and moved into place
only once all of them are written: a failure leaves an earlier export as it
was. Reads go through a SQLAlchemy engine so the same code can later point at
a server database.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from etl.exports.queries import NO_FILE_ACCESS, question
from etl.exports.tables import cell

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
ID_PREFIX = "fig-"
FIGURE_ID_COLUMNS = {"figure_id", "parent_figure_id", "figure_ids"}


class ExportError(Exception):
    """An export that could not be written, in one line."""


@dataclass
class View:
    name: str
    question: str
    columns: list[str]
    types: list[str]
    rows: list[tuple]


def engine(db: Path) -> sa.Engine:
    """A read-only SQLAlchemy engine on the warehouse; any file name works (`?`, `%20`, spaces)."""
    url = sa.engine.URL.create("duckdb", database=str(db))
    eng = sa.create_engine(url, connect_args={"read_only": True})
    sa.event.listen(eng, "connect", lambda dbapi_con, _record: dbapi_con.execute(NO_FILE_ACCESS))
    return eng


def view_names(eng: sa.Engine, version: str = "v1") -> list[str]:
    with eng.connect() as con:
        rows = con.execute(
            sa.text(
                "select table_name from information_schema.tables "
                "where table_schema = :schema and table_type = 'VIEW' order by table_name"
            ),
            {"schema": version},
        )
        return [r[0] for r in rows]


def read_view(eng: sa.Engine, name: str, version: str = "v1") -> View:
    """A view's rows as Python values, with its columns' SQL types."""
    with eng.connect() as con:
        types = con.execute(
            sa.text(
                "select column_name, data_type from information_schema.columns "
                "where table_schema = :schema and table_name = :name order by ordinal_position"
            ),
            {"schema": version, "name": name},
        ).all()
        rows = [tuple(r) for r in con.execute(sa.text(f'select * from {version}."{name}"'))]
    sql = SQL_DIR / version / f"{name}.sql"
    about = question(sql) if sql.exists() else ""
    return View(name, about, [c for c, _ in types], [t for _, t in types], rows)


def plain_number(value) -> str:
    """2492000000.0 -> '2492000000'; 0.125 -> '0.125'; never scientific notation."""
    return cell(value)


def csv_id(value: str | None) -> str:
    """'12360353839e7040' -> 'fig-12360353839e7040'; a comma-separated list gets the prefix on each id."""
    if not value:
        return ""
    return ",".join(ID_PREFIX + part for part in value.split(","))


def write_csv(path: Path, view: View) -> None:
    ids = [i for i, c in enumerate(view.columns) if c in FIGURE_ID_COLUMNS]
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(view.columns)
        for row in view.rows:
            text = [cell(v) for v in row]
            for i in ids:
                text[i] = csv_id(text[i])
            writer.writerow(text)


def export(db: Path, out: Path, version: str = "v1", workbook: bool = True) -> list[Path]:
    """Write one CSV per view of `version` (and one XLSX workbook) into `out`; the paths written."""
    from etl.exports.workbook import write_workbook

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
            write_workbook(staging / names[-1], views, builds)
        _move_into_place(staging, out, names)
    return [out / name for name in names]


@contextmanager
def staged(out: Path) -> Iterator[Path]:
    """A new staging folder beside `out`, removed whatever happens; a file-system error on the
    way is one ExportError line saying `out` is unchanged."""
    staging = _staging(out)
    try:
        yield staging
    except OSError as err:
        raise ExportError(f"{err.filename or out}: {err.strerror or err}; {out} is unchanged") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_views(db: Path, version: str = "v1") -> list[View]:
    eng = engine(db)
    try:
        return [read_view(eng, name, version) for name in view_names(eng, version)]
    except sa.exc.SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise ExportError(f"{db}: cannot be read: {reason}") from None
    finally:
        eng.dispose()


def _staging(out: Path) -> Path:
    """A new empty folder beside `out` (same file system, so the move is a rename)."""
    target = Path(os.path.abspath(out))
    existing = next(p for p in (target, *target.parents) if p.exists())
    if not existing.is_dir():
        raise ExportError(f"{existing}: not a folder; give another with OUT=<folder> (--out)")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        for stale in target.parent.glob(f".{target.name}.exporting-*"):
            if not _running(stale.name.rsplit("-", 1)[1]):  # left by an export that was killed
                shutil.rmtree(stale, ignore_errors=True)
        staging = target.parent / f".{target.name}.exporting-{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as err:
        raise ExportError(f"{err.filename or out}: {err.strerror or err}; nothing was exported") from None
    return staging


def _running(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _move_into_place(staging: Path, out: Path, names: list[str]) -> None:
    """A new folder appears whole; into an existing one each file replaces its old version."""
    if not out.exists():
        staging.rename(out)
        return
    for name in names:
        os.replace(staging / name, out / name)
