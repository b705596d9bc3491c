"""A few rows from Python into the build, without making DuckDB's client or pyarrow import pandas.

DuckDB's Python client imports pandas (about 0.3 s of CPU, a third of a
one-report refresh at 1,000 reports) the first time it is handed a parameter
or scans an Arrow table (it imports pyarrow.dataset, which imports pandas),
and pyarrow imports it for any array made from Python values. The rows of a
one-report edit (its document, its figures, the series points of its report
year) are a few hundred to a few thousand: they are written as JSON lines into
an anonymous file in memory (memfd_create, Linux) and read by DuckDB's own
read_json, every column's type given, in milliseconds and importing nothing.
Values come back as they went in: a double's shortest repr reads back the
same double, NaN and infinities included; text is UTF-8 as it is, NUL and
control characters escaped by JSON.

More than FEW rows, or where there is no memfd, go through an Arrow table as
before (bulk loads: Arrow is DuckDB's fastest path, and the import is paid once).

It stands in the series stage, the first that writes to DuckDB (writer.py); the
warehouse's loads and checks use it too.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date

import duckdb
import pyarrow as pa

FEW = 10_000  # rows read as JSON at most; more go through Arrow
ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
}
SQL_TYPES = {arrow: sql for sql, arrow in ARROW_TYPES.items()}


def possible() -> bool:
    """Can rows be handed to DuckDB as an anonymous file in memory here (Linux's memfd and /proc)?"""
    return hasattr(os, "memfd_create") and os.path.isdir("/proc/self/fd")


@contextmanager
def relation(
    con: duckdb.DuckDBPyConnection, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence]
) -> Iterator[str]:
    """A relation of `rows` (tuples in the order of `columns`, each (name, SQL type of ARROW_TYPES)) to read
    from within the block: read_json of a file in memory, or a registered Arrow table."""
    names = [name for name, _ in columns]
    if len(rows) > FEW or not possible():
        arrays = [pa.array([row[i] for row in rows], ARROW_TYPES[kind]) for i, (_, kind) in enumerate(columns)]
        con.register("few_rows", pa.table(arrays, names=names))
        try:
            yield "few_rows"
        finally:
            con.unregister("few_rows")
        return
    encode = json.JSONEncoder(ensure_ascii=False, check_circular=False, default=_iso).encode
    data = "\n".join(encode(dict(zip(names, row, strict=True))) for row in rows).encode("utf-8")
    types = ", ".join(f"'{name}': '{kind}'" for name, kind in columns)
    fd = os.memfd_create("zhibiao-rows", os.MFD_CLOEXEC)
    try:
        with open(fd, "wb", closefd=False) as fh:
            fh.write(data)
        yield (
            f"read_json('/proc/self/fd/{fd}', format = 'newline_delimited', records = true, "
            f"columns = {{{types}}}, maximum_object_size = {len(data) + 1})"
        )
    finally:
        os.close(fd)


def insert(con: duckdb.DuckDBPyConnection, into: str, names: Sequence[str], rows: Sequence[Sequence]) -> None:
    """Append `rows` (tuples in the order of `names`) to the table `into`, each column read as the table's type."""
    if not rows:
        return
    described = con.execute(f"select {', '.join(names)} from {into} limit 0").description
    columns = [(name, str(kind)) for name, kind, *_ in described]
    listed = ", ".join(names)
    with relation(con, columns, rows) as rows_in:
        con.execute(f"insert into {into} ({listed}) select {listed} from {rows_in}")


def temp_table(con: duckdb.DuckDBPyConnection, name: str, columns: Sequence[tuple[str, str]], rows: Sequence) -> str:
    """A temporary table `name` (replaced if there) of `columns` holding `rows`; its qualified name."""
    con.execute(f"create or replace temp table {name} ({', '.join(f'{c} {kind}' for c, kind in columns)})")
    if rows:
        listed = ", ".join(c for c, _ in columns)
        with relation(con, columns, rows) as rows_in:
            con.execute(f"insert into temp.{name} select {listed} from {rows_in}")
    return f"temp.{name}"


def _iso(value):
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a value of a warehouse column")
