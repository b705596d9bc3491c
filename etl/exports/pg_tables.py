"""The PostgreSQL tables a publish writes: one per v1 and v2 view, with the contract's types and meanings.

A view's columns keep their names and order; each DuckDB type becomes its PostgreSQL twin, and text sorts
byte-wise (`collate "C"`, as DuckDB sorts), so a ready question orders its rows alike on both. A view whose
grain the contract states gets that primary key; the columns the ready questions filter on get an index.
Every identifier is quoted.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from etl import SQL_DIR
from etl.exports.contract_docs import column_meanings, meaning_of
from etl.exports.errors import ExportError
from etl.exports.queries import question

VERSIONS = ("v1", "v2")
TYPES = {
    "VARCHAR": 'text collate "C"',
    "INTEGER": "integer",
    "BIGINT": "bigint",
    "DOUBLE": "double precision",
    "BOOLEAN": "boolean",
    "DATE": "date",
    "TIMESTAMP": "timestamp",
}
# The grain of each view, as docs/schema.md and docs/series.md state it: one row per ….
KEYS = {
    ("v1", "documents"): ("doc_id",),
    ("v1", "figures"): ("figure_id",),
    ("v1", "sources"): ("doc_id",),
    ("v1", "metric_series"): ("metric_id", "publisher", "year", "is_target"),
    ("v1", "yoy"): ("metric_id", "publisher", "year", "is_target"),
    ("v1", "target_vs_actual"): ("metric_id", "publisher", "year"),
    ("v1", "program_summary"): ("program_id", "publisher", "year", "is_target"),
    ("v1", "program_figures"): ("figure_id", "year"),
    ("v1", "uncatalogued"): ("label",),
    ("v2", "figures"): ("figure_id",),
    ("v2", "series"): ("figure_id",),
    ("v2", "series_years"): ("figure_id",),  # one point per figure (a series may hold two of a year)
}
# The columns the ready questions (sql/queries/) and the site filter on.
INDEXED = ("publisher", "series_id", "metric_id", "program_id", "year", "doc_id")


@dataclass(frozen=True)
class Table:
    version: str
    name: str
    columns: tuple[tuple[str, str], ...]  # (name, DuckDB type)
    question: str

    @property
    def key(self) -> tuple[str, ...]:
        return KEYS.get((self.version, self.name), ())

    @property
    def indexed(self) -> list[str]:
        names = [c for c, _ in self.columns]
        first_of_key = self.key[0] if self.key else None  # its index serves the key's first column
        return [c for c in INDEXED if c in names and c != first_of_key]


def quote(name: str) -> str:
    """A PostgreSQL identifier, quoted: whatever it holds, it names one thing."""
    return '"' + name.replace('"', '""') + '"'


def literal(text: str) -> str:
    """A PostgreSQL string literal (standard_conforming_strings, the default since 9.1)."""
    return "'" + text.replace("'", "''") + "'"


def read_tables(con: duckdb.DuckDBPyConnection) -> list[Table]:
    """The v1 and v2 views of an open warehouse, in name order, with their columns' DuckDB types."""
    rows = con.execute(
        "select c.table_schema, c.table_name, list((c.column_name, c.data_type) order by c.ordinal_position) "
        "from information_schema.columns c join information_schema.tables t using (table_schema, table_name) "
        "where t.table_type = 'VIEW' and c.table_schema in ('v1', 'v2') group by all order by 1, 2"
    ).fetchall()
    tables = []
    for version, name, columns in rows:
        sql = SQL_DIR / version / f"{name}.sql"
        columns = tuple((c[0], c[1]) if isinstance(c, tuple) else (c["column_name"], c["data_type"]) for c in columns)
        for column, kind in columns:
            if kind not in TYPES:
                raise ExportError(f"{version}.{name}.{column}: type {kind} has no PostgreSQL twin here")
        tables.append(Table(version, name, columns, question(sql) if sql.exists() else ""))
    return tables


def create_statements(table: Table, schema: str) -> list[str]:
    """The table, empty, with its meaning and its columns' meanings as comments."""
    target = f"{quote(schema)}.{quote(table.name)}"
    columns = ",\n    ".join(f"{quote(c)} {TYPES[t]}" for c, t in table.columns)
    statements = [f"create table {target} (\n    {columns}\n)"]
    if table.question:
        statements.append(f"comment on table {target} is {literal(table.question)}")
    meanings = column_meanings()
    for column, _ in table.columns:
        meaning = meaning_of(meanings, table.version, table.name, column)
        if meaning:
            statements.append(f"comment on column {target}.{quote(column)} is {literal(meaning)}")
    return statements


def key_has_nulls(con: duckdb.DuckDBPyConnection, table: Table) -> bool:
    """True when a key column is NULL somewhere (a report without a publisher): no primary key then."""
    if not table.key:
        return False
    where = " or ".join(f"{quote(c)} is null" for c in table.key)
    return con.execute(f"select count(*) from {table.version}.{quote(table.name)} where {where}").fetchone()[0] > 0


def index_statements(table: Table, schema: str, key_has_nulls: bool = False) -> list[str]:
    """The primary key and the indexes, made once the rows are in (faster than keeping them up row by row).

    A key with a NULL in it (the publisher of a report without one) is a unique constraint instead.
    """
    target = f"{quote(schema)}.{quote(table.name)}"
    statements = []
    if table.key:
        kind = "unique" if key_has_nulls else "primary key"
        statements.append(f"alter table {target} add {kind} ({', '.join(quote(c) for c in table.key)})")
    for column in table.indexed:
        statements.append(f"create index on {target} ({quote(column)})")
    statements.append(f"analyze {target}")
    return statements
