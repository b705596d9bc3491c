"""Reading a warehouse's views for export: each view's rows, column names and SQL types, and its question.

Reads go through a read-only SQLAlchemy engine, with DuckDB's access to other files
switched off, so the same code can later point at a server database.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from etl import SQL_DIR
from etl.exports.errors import ExportError
from etl.exports.queries import NO_FILE_ACCESS, question


@dataclass
class View:
    """One view as read: its name, the question its SQL file opens with, its columns and rows."""

    name: str
    question: str
    columns: list[str]
    types: list[str]
    rows: list[tuple]
    version: str = "v1"

    @property
    def file_name(self) -> str:
        """Its name in an export: 'v1_figures' (the CSV file v1_figures.csv, the workbook's sheet v1_figures)."""
        return f"{self.version}_{self.name}"


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
    return View(name, about, [c for c, _ in types], [t for _, t in types], rows, version)


def read_views(db: Path, version: str = "v1") -> list[View]:
    """Every view of `version`, by name; a warehouse that cannot be read is one ExportError line."""
    return list(each_view(db, (version,)))


def each_view(db: Path, versions=("v1",)) -> Iterator[View]:
    """Every view of each version, by name, read one at a time (only the one yielded is in memory);
    a warehouse that cannot be read is one ExportError line."""
    eng = engine(db)
    try:
        for version in versions:
            for name in view_names(eng, version):
                yield read_view(eng, name, version)
    except sa.exc.SQLAlchemyError as err:
        reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
        raise ExportError(f"{db}: cannot be read: {reason}") from None
    finally:
        eng.dispose()
