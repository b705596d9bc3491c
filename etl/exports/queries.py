"""Reading a built warehouse: opening it safely, and the ready questions of sql/queries/.

Every reader opens the warehouse read-only, with DuckDB's access to other files
switched off (so a `COPY … TO` or `read_csv` in a query fails instead of
touching the disk), and first makes sure it is a zhibiao warehouse. Every
problem is a `WarehouseError` with a one-line message naming the file.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

# Readers never write, nor reach other files through SQL. Set once connected: given to
# connect(), DuckDB checks a wrong write-ahead-log name for a path holding "?".
NO_FILE_ACCESS = "set enable_external_access = false"


class WarehouseError(Exception):
    """A problem with the warehouse or a question, in one line."""


def open_warehouse(db: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to a zhibiao warehouse; a refresh can replace the file meanwhile."""
    db = Path(db)
    if not db.exists():
        raise WarehouseError(f"{db}: no warehouse here; run make refresh first")
    if not db.is_file():
        raise WarehouseError(f"{db}: not a file; give the warehouse file with DB=<path> (--db)")
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        raise WarehouseError(f"{db}: cannot be opened read-only: {_first_line(err)}") from None
    try:
        con.execute(NO_FILE_ACCESS)
        require_warehouse(con, db)
    except BaseException:
        con.close()
        raise
    return con


def require_warehouse(con, db: Path) -> None:
    """Raise unless the connection holds the v1 views of a zhibiao warehouse."""
    n = con.execute(
        "select count(*) from information_schema.tables where table_schema = 'v1' and table_name = 'figures'"
    ).fetchone()[0]
    if not n:
        raise WarehouseError(f"{db}: not a zhibiao warehouse (it has no v1.figures); build one with make refresh")


def names(folder: Path) -> list[str]:
    """The ready questions' names: the .sql files of the folder, without .sql."""
    return sorted(p.stem for p in Path(folder).glob("*.sql") if p.is_file())


def find(folder: Path, asked: str) -> Path:
    """The file of a ready question, asked as `new_urban_jobs`, `new_urban_jobs.sql` or `new urban jobs`.

    Only the questions of the folder are found: a path (`../x`) is not a name.
    """
    name = re.sub(r"[\s-]+", "_", asked.strip().lower())
    name = name.removesuffix(".sql")
    known = names(folder)
    if name not in known:
        raise WarehouseError(f"no ready question {asked!r}; there are: {', '.join(known)}")
    return Path(folder) / f"{name}.sql"


def question(path: Path) -> str:
    """The first comment line of a .sql file: the question it answers."""
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("--"):
            return line.lstrip("- ").strip()
    return ""


def ask(con, path: Path) -> tuple[list[str], list[tuple]]:
    """Run a ready question: its column names and rows. A failing question is one line naming its file."""
    try:
        result = con.execute(Path(path).read_text(encoding="utf-8"))
        if result.description is None:
            raise WarehouseError(f"{path}: not a question (it returns no table)")
        return [d[0] for d in result.description], result.fetchall()
    except duckdb.Error as err:
        raise WarehouseError(f"{path}: {_first_line(err)}") from None


def _first_line(err: Exception) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__


# The ready questions name the views as v1.x and v2.x; on a PostgreSQL server they are the tables of
# <prefix>_v1 and <prefix>_v2 (etl/exports/postgres.py). Names in string literals and comments stay.
_LITERAL = re.compile(r"('(?:[^']|'')*'|--[^\n]*)")  # string literals and comments
_VIEW_SCHEMA = re.compile(r'(?<![\w."])(v1|v2)\.(?=[A-Za-z_"])')


def on_server(sql: str, prefix: str) -> str:
    """The question's SQL with v1./v2. pointing at the published schemas."""
    parts = _LITERAL.split(sql)
    for i in range(0, len(parts), 2):
        parts[i] = _VIEW_SCHEMA.sub(lambda m: '"' + f"{prefix}_{m.group(1)}".replace('"', '""') + '".', parts[i])
    return "".join(parts)


def ask_server(url: str, path: Path, prefix: str) -> tuple[list[str], list[tuple]]:
    """Run a ready question on the published tables of a PostgreSQL server, in a read-only transaction."""
    import psycopg
    import sqlalchemy as sa

    from etl.exports import server

    parsed = server.parse(url)
    eng = server.engine(parsed, "zhibiao query")
    try:
        with eng.connect() as con:
            driver = con.connection.driver_connection
            driver.execute("set transaction read only")
            cursor = driver.execute(on_server(Path(path).read_text(encoding="utf-8"), prefix))
            if cursor.description is None:
                raise WarehouseError(f"{path}: not a question (it returns no table)")
            return [d.name for d in cursor.description], [tuple(r) for r in cursor.fetchall()]
    except (sa.exc.SQLAlchemyError, psycopg.Error) as err:
        hint = ""
        if getattr(getattr(err, "orig", err), "sqlstate", None) in ("42P01", "3F000"):  # no such table, schema
            hint = f"; publish the warehouse there first (make publish PG=…, schemas {prefix}_v1 and {prefix}_v2)"
        raise WarehouseError(f"{server.shown(parsed)}: {path.name}: {server.reason(err, parsed)}{hint}") from None
    finally:
        eng.dispose()
