"""Documents and figures into a DuckDB warehouse file, with its versioned views.

Tables live in the `core` schema; analysts query the views of `v1` (and of
later versions beside it), whose columns are a contract. Bulk loads go through
Arrow tables, DuckDB's native path, never row-by-row inserts.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.catalog import Catalog
from etl.records import Document, Figure
from etl.series import store as series_store
from etl.series.store import write_series
from etl.warehouse.rows import FIGURE_COLUMNS, documents_table, figures_table

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
VIEW_VERSIONS = ("v1", "v2")

DOCUMENTS_DDL = """
create table core.documents (
    doc_id varchar primary key,
    file varchar not null,
    title varchar,
    publisher varchar,
    published_on date,
    report_year integer,
    report_year_inferred boolean not null,
    sha256 varchar not null,
    encoding varchar not null,
    n_chars integer not null,
    text varchar not null,
    extraction_key varchar not null,
    file_size bigint,  -- the file's size and modification time as it was read:
    file_mtime_ns bigint  -- a refresh hashes only files whose stamp changed
)"""

FIGURES_DDL = """
create table core.figures (
    figure_id varchar not null,  -- unique (checks.py), without an index: an index would be held in memory whole
    doc_id varchar not null,
    surface varchar not null,
    value double not null,
    unit varchar not null,
    category varchar not null,
    qualifier varchar not null,
    basis varchar,
    is_target boolean not null,
    period_start integer,
    period_end integer,
    as_of date,
    program varchar,
    metric_id varchar,
    parent_figure_id varchar,
    label varchar not null,
    sentence varchar not null,
    sentence_start integer not null,
    sentence_end integer not null,
    char_start integer not null,
    char_end integer not null,
    measure varchar not null,
    direction integer,
    subset_of_figure_id varchar,
    mentions integer not null
)"""

CATALOG_DDL = (
    "create table core.metrics (metric_id varchar primary key, name_zh varchar, name_en varchar, "
    "category varchar, unit varchar, basis varchar, patterns varchar, scope varchar)",
    "create table core.programs (program_id varchar primary key, name_zh varchar, patterns varchar)",
)

BUILDS_DDL = """
create table core.builds (
    build_id integer not null,
    built_at timestamp not null,
    code_version varchar not null,
    catalog_version varchar not null,
    view_versions varchar not null,
    sources varchar not null,
    n_documents integer not null,
    n_figures integer not null,
    n_extracted integer not null
)"""

# Every build's documents with their figure counts: the history a refresh keeps and v2.builds shows.
BUILD_DOCUMENTS_DDL = """
create table core.build_documents (
    build_id integer not null,
    doc_id varchar not null,
    sha256 varchar not null,
    n_figures integer not null,
    extracted boolean not null
)"""
HISTORY_TABLES = ("builds", "build_documents")


def made_tables() -> tuple[str, ...]:
    """The core tables a build makes, read off their DDL (so a new table is known where it is made)."""
    ddls = (DOCUMENTS_DDL, FIGURES_DDL, BUILDS_DDL, BUILD_DOCUMENTS_DDL, *CATALOG_DDL, *series_store.DDLS)
    return tuple(re.search(r"create (?:or replace )?table core\.(\w+)", ddl).group(1) for ddl in ddls)


def open_build(building: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    """A connection that builds the warehouse file `building`, written out once, when it is checkpointed.

    A build is published by renaming it over the old warehouse, or thrown away:
    it needs no write-ahead log (RECOVERY_MODE no_wal_writes), and it is
    checkpointed once, at the end. DuckDB's automatic checkpoints (every
    16 MB of log by default) rewrite the table's last row group each time, and
    every document's text is in it: a build's time grew with the square of its
    size, and the file was twice as large. What does not fit `memory_limit`
    spills to disk until the checkpoint, into the folder `<building>.tmp`
    beside it (which a refresh removes with the build): connected in memory,
    DuckDB would otherwise spill into `.tmp` in the working directory.

    It starts on one thread, leaving the cores to the extraction workers;
    `reset threads` gives DuckDB them all once they are done.
    """
    spill = str(spill_folder(building))
    con = duckdb.connect(config={"memory_limit": memory_limit, "threads": 1, "temp_directory": spill})
    try:
        con.execute(f"attach '{sql_path(building)}' as build (recovery_mode no_wal_writes)")
        con.execute("use build")
        con.execute("set checkpoint_threshold = '1TB'")
    except BaseException:
        con.close()
        raise
    return con


def spill_folder(building: Path) -> Path:
    """Where DuckDB spills what a build cannot hold in memory: `<building>.tmp`, removed with the build."""
    return building.with_name(building.name + ".tmp")


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema core")
    for ddl in (DOCUMENTS_DDL, FIGURES_DDL, BUILDS_DDL, BUILD_DOCUMENTS_DDL, *CATALOG_DDL):
        con.execute(ddl)


def insert_documents(
    con: duckdb.DuckDBPyConnection, documents: list[Document] | pa.Table, extraction_key: str = ""
) -> None:
    """Append documents to core.documents: a list with their extraction key, or a table made by
    arrow_rows.documents_table (which holds the key)."""
    if not len(documents):
        return
    table = documents if isinstance(documents, pa.Table) else documents_table(documents, extraction_key)
    con.register("new_documents", table)
    try:
        con.execute(
            "insert into core.documents select doc_id, file, title, publisher, "
            "try_cast(published_on as date), report_year, report_year_inferred, sha256, encoding, "
            "n_chars, text, extraction_key, file_size, file_mtime_ns from new_documents"
        )
    finally:
        con.unregister("new_documents")


def insert_figures(con: duckdb.DuckDBPyConnection, figures: list[Figure] | pa.Table) -> None:
    """Append figures (a list, or a table made by arrow_rows.figures_table) to core.figures."""
    if not len(figures):
        return
    con.register("new_figures", figures if isinstance(figures, pa.Table) else figures_table(figures))
    try:
        con.execute(f"insert into core.figures ({', '.join(FIGURE_COLUMNS)}) select * from new_figures")
    finally:
        con.unregister("new_figures")


def copy_unchanged(con: duckdb.DuckDBPyConnection, previous: Path, doc_ids: list[str]) -> None:
    """Carry documents whose bytes and extraction inputs did not change, as they were."""
    if not doc_ids:
        return
    con.execute(f"attach '{sql_path(previous)}' as previous (read_only)")
    try:
        con.execute("create temp table keep as select unnest(?::varchar[]) as doc_id", [doc_ids])
        con.execute(
            "insert into core.documents by name "
            "select * from previous.core.documents where doc_id in (select doc_id from keep)"
        )
        con.execute(
            "insert into core.figures by name select * from previous.core.figures where doc_id in (select doc_id from keep)"
        )
        con.execute("drop table keep")
    finally:
        con.execute("detach previous")


def insert_catalog(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    metrics = {
        "metric_id": [m.metric_id for m in catalog.metrics],
        "name_zh": [m.name_zh for m in catalog.metrics],
        "name_en": [m.name_en for m in catalog.metrics],
        "category": [m.category for m in catalog.metrics],
        "unit": [m.unit for m in catalog.metrics],
        "basis": [m.basis for m in catalog.metrics],
        "patterns": [m.pattern.pattern for m in catalog.metrics],
        "scope": [m.scope for m in catalog.metrics],
    }
    programs = {
        "program_id": [p.program_id for p in catalog.programs],
        "name_zh": [p.name_zh for p in catalog.programs],
        "patterns": [p.pattern.pattern for p in catalog.programs],
    }
    for table, columns in (("metrics", metrics), ("programs", programs)):
        con.register("new_rows", pa.table(columns, schema=pa.schema([(name, pa.string()) for name in columns])))
        try:
            con.execute(f"insert into core.{table} by name select * from new_rows")
        finally:
            con.unregister("new_rows")


def clone_published(published: Path, building: Path) -> bool:
    """Start a build as a byte copy of the published warehouse; False when that is not safe.

    Copying the file is much faster than re-inserting every unchanged row
    (copy_unchanged), and the published file is only read. Not when a .wal
    lies beside it: its last changes would not be in the copy.
    """
    if not published.is_file() or published.with_name(published.name + ".wal").exists():
        return False
    shutil.copyfile(published, building)
    return True


def keep_only(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """In a clone of the published warehouse: keep the rows of `doc_ids`, drop what every build makes anew.

    Documents and figures of other doc_ids go; the build history stays; every
    other core table (catalogs) is emptied and every other schema dropped, to
    be filled and created again as in a fresh build.
    """
    con.register("keep", pa.table({"doc_id": pa.array(doc_ids, pa.string())}))
    try:
        con.execute("delete from core.figures where doc_id not in (select doc_id from keep)")
        con.execute("delete from core.documents where doc_id not in (select doc_id from keep)")
    finally:
        con.unregister("keep")
    # Every other core table is emptied; whatever else the file holds goes too, so that the
    # build equals a fresh one: view schemas (created again), and anything someone added by
    # opening the warehouse for writing.
    here = "database_name = current_database()"
    for listing, statement in (
        (
            f"select table_name from duckdb_tables() where {here} and schema_name = 'core' "
            "and table_name not in ('documents', 'figures', 'builds', 'build_documents')",
            'delete from core."{}"',
        ),
        (
            f"select schema_name from duckdb_schemas() where {here} and schema_name not in ('core', 'main')",
            'drop schema "{}" cascade',
        ),
        (
            f"select view_name from duckdb_views() where {here} and schema_name = 'main' and not internal",
            'drop view main."{}"',
        ),
        (
            f"select table_name from duckdb_tables() where {here} and schema_name = 'main'",
            'drop table main."{}" cascade',
        ),
    ):
        for (name,) in con.execute(listing).fetchall():
            con.execute(statement.format(name))


def copy_history(con: duckdb.DuckDBPyConnection, previous: Path) -> None:
    """Carry the build history of the published warehouse into a build that did not start as its copy.

    A warehouse from before the history kept only its last build, without a
    build_id: it becomes build 1.
    """
    con.execute(f"attach '{sql_path(previous)}' as previous (read_only)")
    try:
        tables = {
            name: [
                c
                for (c,) in con.execute(
                    "select column_name from duckdb_columns() where database_name = 'previous' "
                    "and schema_name = 'core' and table_name = ?",
                    [name],
                ).fetchall()
            ]
            for name in HISTORY_TABLES
        }
        if "build_id" in tables["builds"]:
            con.execute("insert into core.builds by name select * from previous.core.builds")
        elif tables["builds"]:
            con.execute(
                "insert into core.builds by name select *, (row_number() over (order by built_at))::integer "
                "as build_id from previous.core.builds"
            )
        if tables["build_documents"]:
            con.execute("insert into core.build_documents by name select * from previous.core.build_documents")
    finally:
        con.execute("detach previous")


def record_build(
    con: duckdb.DuckDBPyConnection, code_version: str, catalog_version: str, sources: str, extracted: list[str]
) -> None:
    """Add this build to the history, with each document's figure count and whether it was extracted anew."""
    (build_id,) = con.execute("select coalesce(max(build_id), 0) + 1 from core.builds").fetchone()
    con.execute(
        "insert into core.builds select ?, ?, ?, ?, ?, ?, (select count(*) from core.documents), "
        "(select count(*) from core.figures), ?",
        [
            build_id,
            datetime.now(UTC).replace(tzinfo=None),
            code_version,
            catalog_version,
            current_view_versions(),
            sources,
            len(extracted),
        ],
    )
    con.register("extracted", pa.table({"doc_id": pa.array(extracted, pa.string())}))
    try:
        con.execute(
            """
            insert into core.build_documents
            select ?, d.doc_id, d.sha256, count(f.figure_id), d.doc_id in (select doc_id from extracted)
            from core.documents d left join core.figures f using (doc_id)
            group by d.doc_id, d.sha256
            """,
            [build_id],
        )
    finally:
        con.unregister("extracted")


def current_view_versions() -> str:
    """v1@…,v2@…: each sql/vN folder with a digest of its view files, as a build records them."""
    return ",".join(f"{v}@{view_digest(v)}" for v in view_versions())


def view_versions() -> list[str]:
    return sorted(p.name for p in SQL_DIR.iterdir() if p.is_dir() and p.name.startswith("v") and p.name[1:].isdigit())


def view_digest(version: str) -> str:
    """A digest of a version's view files, so that a build says which views it created."""
    digest = hashlib.sha256()
    for path in sorted((SQL_DIR / version).glob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    """Every view of every version, in an order that satisfies their dependencies."""
    write_series(con)  # the core.series_* tables the v2 views read
    for version in view_versions():
        con.execute(f"create schema if not exists {version}")
        pending = sorted((SQL_DIR / version).glob("*.sql"))
        while pending:
            failed = []
            for path in pending:
                try:
                    con.execute(path.read_text(encoding="utf-8"))
                except duckdb.CatalogException:
                    failed.append(path)
            if len(failed) == len(pending):
                # Re-raise the first real error: the views cannot be created.
                con.execute(failed[0].read_text(encoding="utf-8"))
            pending = failed


def publish(built: Path, target: Path) -> None:
    """Swap the finished warehouse in with one rename, so readers never see half of it."""
    wal = target.with_name(target.name + ".wal")
    if wal.exists():
        wal.unlink()
    if target.exists():
        shutil.copymode(target, built)  # a warehouse shared with a group stays readable by it
    os.replace(built, target)
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
