"""The warehouse's core tables, defined in sql/core/: one file per table, named after it.

A fresh build creates the tables of BUILD_TABLES at its start (create_schema);
the series tables (etl.series.store.SERIES_TABLES) are made anew by the
series step of every build. Analysts read the views, never these tables.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from etl import SQL_DIR

# The tables a fresh build starts with, in the order it creates them; each is sql/core/<table>.sql.
BUILD_TABLES = (
    "documents",
    "figures",
    "builds",
    "build_documents",
    "metrics",
    "programs",
    "program_words",
    "qualifier_words",
    "words",
)
HISTORY_TABLES = ("builds", "build_documents")  # carried from build to build (build.copy_history)
# The catalog's rows (load.insert_catalog): what the catalog version says, kept by a build of the same one.
CATALOG_TABLES = ("metrics", "programs", "program_words", "qualifier_words", "words")


def table_sql(table: str, sql_dir: Path = SQL_DIR) -> str:
    """The statement that creates core.<table>, from sql/core/<table>.sql."""
    return (sql_dir / "core" / f"{table}.sql").read_text(encoding="utf-8")


def made_tables(sql_dir: Path = SQL_DIR) -> tuple[str, ...]:
    """The core tables a build makes, read off the statements of sql/core/ (so a new table is known where it is made)."""
    return tuple(
        re.search(r"create (?:or replace )?table core\.(\w+)", path.read_text(encoding="utf-8")).group(1)
        for path in sorted((sql_dir / "core").glob("*.sql"))
    )


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """The core schema of a fresh build, with its empty tables (the series tables come with the series)."""
    con.execute("create schema core")
    for table in BUILD_TABLES:
        con.execute(table_sql(table))
