"""Publishing the warehouse to PostgreSQL: its v1 and v2 views as tables of `<prefix>_v1` and `<prefix>_v2`.

Everything happens in one transaction, so a failure at any moment (a bad URL, no permission, a lost
connection, a full disk, Ctrl-C) leaves the server as it was: the new tables are created in staging schemas,
filled with COPY from DuckDB's Arrow batches (a few thousand rows at a time, so memory stays bounded), given
their keys and indexes, and only then swapped in: the published tables are locked, dropped, and the staging
schemas renamed to the published names. A reader sees the old tables or the new ones, never a mix: the swap
waits for readers of the old tables to finish (giving way, and trying again, rather than making any of them
wait long), and a reader arriving meanwhile waits for it and then reads the new ones.

`<prefix>_meta.published` records each publish with the build it published; the same build is not published
twice unless forced. The read-only role (`zhibiao_reader`) is created when the publishing user may create
roles, and granted reading the published schemas either way when it exists.
"""

from __future__ import annotations

import io
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import psycopg
import pyarrow.csv as pa_csv
import sqlalchemy as sa

from etl.exports import server
from etl.exports.pg_tables import (
    VERSIONS,
    Table,
    create_statements,
    index_statements,
    key_has_nulls,
    literal,
    quote,
    read_tables,
)
from etl.exports.queries import open_warehouse
from etl.warehouse.errors import is_interruption

PREFIX = "zhibiao"
READER = "zhibiao_reader"
BATCH_ROWS = 2048  # rows per COPY batch: v1.documents holds whole reports
LOCK_WAIT = "200ms"  # the swap gives way to readers after this (below deadlock_timeout, 1s)
SWAP_PATIENCE = 120.0  # seconds the swap keeps trying to get the old tables from their readers
# DuckDB draws no progress bar (the command prints one line) and hands freed memory back soon. The rows stream
# out in batches, but DuckDB reading v1.documents' texts costs about three times their size (docs/performance.md).
READING = ("set enable_progress_bar = false", "set allocator_flush_threshold = '64MB'")
BUILD_COLUMNS = ("built_at", "code_version", "catalog_version", "view_versions", "n_documents", "n_figures")

PUBLISHED_TABLE = """create table if not exists {meta}.published (
    published_at timestamptz not null default now(),
    build_key text not null,
    built_at timestamp not null,
    code_version text not null,
    catalog_version text not null,
    view_versions text not null,
    n_documents integer not null,
    n_figures integer not null,
    schemas text not null,
    n_rows bigint not null
)"""


@dataclass
class Published:
    url: str  # as shown: no password
    schemas: tuple[str, ...]
    tables: int
    rows: int
    build: dict
    up_to_date: bool = False
    reader: str | None = None  # the read-only role granted, None when there is none


def schema_names(prefix: str) -> dict[str, str]:
    return {"v1": f"{prefix}_v1", "v2": f"{prefix}_v2", "meta": f"{prefix}_meta"}


def publish(
    db: Path,
    url: str,
    *,
    prefix: str = PREFIX,
    force: bool = False,
    reader: str = READER,
    step: Callable[[str], None] = lambda _: None,
) -> Published:
    """Copy the warehouse's v1 and v2 views into the server at `url`; a ServerError line when it cannot."""
    parsed = server.parse(url)
    warehouse = open_warehouse(Path(db))
    try:
        for setting in READING:
            warehouse.execute(setting)
        row = warehouse.execute(f"select {', '.join(BUILD_COLUMNS)} from v1.builds").fetchone()
        build = dict(zip(BUILD_COLUMNS, row, strict=True))
        tables = read_tables(warehouse)
        eng = server.engine(parsed, "zhibiao publish")
        try:
            try:
                with eng.connect() as con:
                    return _publish(con, warehouse, tables, build, parsed, prefix, force, reader, step)
            finally:
                eng.dispose()  # a connection cut mid-publish may fail here too: one line, like the rest
        except (sa.exc.SQLAlchemyError, psycopg.Error) as err:
            raise server.ServerError(f"publish failed: {server.reason(err, parsed)}; {_unchanged(prefix)}") from None
        except (RuntimeError, duckdb.InterruptException) as err:  # Ctrl-C during a DuckDB read
            if is_interruption(err):
                raise KeyboardInterrupt from None
            raise
        except duckdb.Error as err:
            raise server.ServerError(
                f"publish failed: {db}: {str(err).splitlines()[0]}; {_unchanged(prefix)}"
            ) from None
    finally:
        warehouse.close()


def build_key(build: dict) -> str:
    return "|".join(str(build[c]) for c in BUILD_COLUMNS)


def _unchanged(prefix: str) -> str:
    names = schema_names(prefix)
    return f"{names['v1']} and {names['v2']} are unchanged"


def _publish(con, warehouse, tables, build, url, prefix, force, reader, step) -> Published:
    names = schema_names(prefix)
    published = (names["v1"], names["v2"])
    staging = {v: f"{names[v]}__publishing" for v in VERSIONS}
    key = build_key(build)
    with con.begin():
        if not con.execute(sa.text("select pg_try_advisory_xact_lock(hashtext(:p))"), {"p": prefix}).scalar():
            raise server.ServerError(f"another publish into {names['v1']} is running; {_unchanged(prefix)}")
        if not force and _current_key(con, names) == key:
            step("up to date")
            return Published(server.shown(url), published, len(tables), 0, build, up_to_date=True)
        n_rows = 0
        for version in VERSIONS:
            _run(con, f"drop schema if exists {quote(staging[version])} cascade")
            _run(con, f"create schema {quote(staging[version])}")
        for table in tables:
            step(f"copying {table.version}.{table.name}")
            for statement in create_statements(table, staging[table.version]):
                _run(con, statement)
            n_rows += _copy(con, warehouse, table, staging[table.version])
            for statement in index_statements(table, staging[table.version], key_has_nulls(warehouse, table)):
                _run(con, statement)
        _run(con, f"create schema if not exists {quote(names['meta'])}")
        _run(con, PUBLISHED_TABLE.format(meta=quote(names["meta"])))
        con.execute(
            sa.text(
                f"insert into {quote(names['meta'])}.published (build_key, {', '.join(BUILD_COLUMNS)}, schemas, n_rows) "
                f"values (:key, {', '.join(':' + c for c in BUILD_COLUMNS)}, :schemas, :n_rows)"
            ),
            {"key": key, **build, "schemas": ", ".join(published), "n_rows": n_rows},
        )
        granted = _grant(con, reader, [*staging.values(), names["meta"]])
        step("swapping")
        _swap(con, staging, names)
    return Published(server.shown(url), published, len(tables), n_rows, build, reader=granted)


def _run(con, statement: str) -> None:
    """One statement through the driver itself, in the transaction: no parameters, so a `%` is only a `%`."""
    con.connection.driver_connection.execute(statement)


def _current_key(con, names) -> str | None:
    """The build last published, when the published schemas are still there; else None."""
    present = con.execute(
        sa.text("select count(*) from pg_namespace where nspname in (:v1, :v2)"), {"v1": names["v1"], "v2": names["v2"]}
    ).scalar()
    meta = con.execute(sa.text("select to_regclass(:t)"), {"t": f"{quote(names['meta'])}.published"}).scalar()
    if present < 2 or meta is None:
        return None
    return con.execute(
        sa.text(f"select build_key from {quote(names['meta'])}.published order by published_at desc limit 1")
    ).scalar()


def _copy(con, warehouse, table: Table, schema: str) -> int:
    """COPY the view's rows in as CSV, batch by batch: an empty string quoted, NULL left empty."""
    columns = ", ".join(quote(c) for c, _ in table.columns)
    select = ", ".join(quote(c) for c, _ in table.columns)
    reader = warehouse.execute(f"select {select} from {table.version}.{quote(table.name)}").to_arrow_reader(BATCH_ROWS)
    options = pa_csv.WriteOptions(include_header=False)
    n = 0
    cursor = con.connection.driver_connection.cursor()
    with cursor.copy(f"copy {quote(schema)}.{quote(table.name)} ({columns}) from stdin (format csv)") as copy:
        for batch in reader:
            if batch.num_rows:
                buffer = io.BytesIO()
                pa_csv.write_csv(batch, buffer, options)
                copy.write(buffer.getbuffer())
                n += batch.num_rows
    return n


def _grant(con, reader: str, schemas: list[str]) -> str | None:
    """Create the read-only role when allowed and missing; grant it reading the schemas when it exists."""
    exists = con.execute(sa.text("select count(*) from pg_roles where rolname = :r"), {"r": reader}).scalar()
    if not exists:
        may = con.execute(
            sa.text("select rolcreaterole or rolsuper from pg_roles where rolname = current_user")
        ).scalar()
        if not may:
            return None
        _run(con, f"create role {quote(reader)} nologin")
    for schema in schemas:
        _run(con, f"grant usage on schema {quote(schema)} to {quote(reader)}")
        _run(con, f"grant select on all tables in schema {quote(schema)} to {quote(reader)}")
    return reader


def _swap(con, staging: dict[str, str], names: dict[str, str]) -> None:
    """Lock the published tables (waiting for their readers), drop them, and rename staging into place."""
    old = [
        f"{quote(schema)}.{quote(table)}"
        for schema, table in con.execute(
            sa.text(
                "select n.nspname, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                "where n.nspname in (:v1, :v2) and c.relkind in ('r', 'p', 'v', 'm', 'f') order by 1, 2"
            ),
            {"v1": names["v1"], "v2": names["v2"]},
        )
    ]
    deadline = time.monotonic() + SWAP_PATIENCE
    order = random.Random()
    while old:
        _run(con, "savepoint zhibiao_swap")
        try:
            _run(con, f"set local lock_timeout = {literal(LOCK_WAIT)}")
            # LOCK TABLE takes the tables one at a time: a reader's transaction that holds one of
            # them and then asks for one already taken deadlocks with the swap, which gives way.
            # Each try takes them in a new order, so a reader's order is soon one the swap follows.
            order.shuffle(old)
            _run(con, f"lock table {', '.join(old)} in access exclusive mode")
            # The drops also lock each table's TOAST table, which autovacuum may be reading: it gives way
            # after deadlock_timeout (1 s), so wait for it rather than fail.
            _run(con, "set local lock_timeout = 0")
            _run(con, "release savepoint zhibiao_swap")
            break
        except psycopg.errors.LockNotAvailable:
            _run(con, "rollback to savepoint zhibiao_swap")
            if time.monotonic() > deadline:
                raise server.ServerError(
                    f"publish failed: readers kept the published tables busy for {SWAP_PATIENCE:.0f} s; "
                    f"{names['v1']} and {names['v2']} are unchanged"
                ) from None
            time.sleep(0.05)
    for version in VERSIONS:
        mine = [o for o in old if o.startswith(quote(names[version]) + ".")]
        if mine:
            _run(con, f"drop table {', '.join(mine)}")
        _run(con, f"drop schema if exists {quote(names[version])}")
        _run(con, f"alter schema {quote(staging[version])} rename to {quote(names[version])}")
