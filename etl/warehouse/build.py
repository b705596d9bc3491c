"""The building warehouse: a file beside the target, opened, started afresh or from a copy, and its history.

A refresh builds into `.<name>.building-<pid>-<random>` beside the warehouse
(building_path: a name no one can guess, and a copy is created new, never
through a planted link) and publishes it by a rename (publish.py), or removes
it (remove). A refresh killed midway leaves its file, which the next refresh
removes (remove_stale_builds). Every build adds itself to the history that
the warehouse keeps (core.builds, core.build_documents).
"""

from __future__ import annotations

import logging
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from etl.series.store import SERIES_TABLES
from etl.warehouse import incremental
from etl.warehouse.identifiers import identifier, literal, qualified
from etl.warehouse.load import sql_path
from etl.warehouse.publish import new_name
from etl.warehouse.schema import CATALOG_TABLES, HISTORY_TABLES, made_tables
from etl.warehouse.views import current_view_versions

log = logging.getLogger("zhibiao")

MADE_TABLES = made_tables()  # the core tables of sql/core/: a clone empties them; others go
ROW_GROUP_ROWS = 122_880  # the rows of a DuckDB row group (its default ROW_GROUP_SIZE): fill_row_group


def open_build(building: Path, memory_limit: str) -> duckdb.DuckDBPyConnection:
    """A connection that builds the warehouse file `building`, written out once, when it is checkpointed.

    A build is published by renaming it over the old warehouse, or thrown away:
    it needs no write-ahead log (RECOVERY_MODE no_wal_writes), and it is
    checkpointed once, at the end. DuckDB's automatic checkpoints (every
    16 MB of log by default) rewrite the table's last row group each time, and
    every document's text is in it: a build's time grew with the square of its
    size, and the file was twice as large. What does not fit `memory_limit`
    spills to disk until the checkpoint, into the folder `<building>.tmp`
    beside it (which `remove` removes with the build): connected in memory,
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


def fill_row_group(con: duckdb.DuckDBPyConnection) -> None:
    """Lay out a core.documents written whole so that a later refresh's checkpoint writes no text again.

    core.documents holds every report's text. DuckDB appends to a table's last
    row group, and a checkpoint writes every column of a row group appended to
    again whole, the row group's full or not (it adds an empty segment to
    each column before it looks for room): below ROW_GROUP_ROWS documents all
    are in one row group, and a one-report edit wrote every text again (473 MB,
    1.6-2.0 s at 10,000 reports). So the first row groups are filled up with
    rows deleted at once, and one document is moved after them, into a last
    row group of its own: the documents a later refresh extracts, into a copy
    of this warehouse, are appended there, and the checkpoint writes only
    that row group. The filler's doc_ids start with NUL, which no manifest
    (csv refuses it) or file name holds. Each statement commits, so that the
    rows are the table's before they are deleted. tests/test_build.py checks
    that an edit leaves the first row group's blocks as they were.
    """
    (n,) = con.execute("select count(*) from core.documents").fetchone()
    if not n:
        return
    con.execute(
        "create temp table moved as select * from core.documents "
        "where doc_id = (select max(doc_id) from core.documents)"
    )
    con.execute("delete from core.documents where doc_id in (select doc_id from temp.moved)")
    missing = -n % ROW_GROUP_ROWS
    if missing:
        con.execute(
            "insert into core.documents (doc_id, file, report_year_inferred, sha256, encoding, n_chars, text, "
            f"extraction_key) select chr(0) || i, '', false, '', '', 0, '', '' from range({int(missing)}) r(i)"
        )
        con.execute("delete from core.documents where starts_with(doc_id, chr(0))")
    con.execute("insert into core.documents select * from temp.moved")
    con.execute("drop table temp.moved")


def keep_only(con: duckdb.DuckDBPyConnection, doc_ids: list[str], keep_series: bool = False) -> None:
    """In a clone of the published warehouse: keep the rows of `doc_ids`, drop what every build makes anew.

    Documents and figures of other doc_ids go; the build history stays; every
    other core table of sql/core/ (catalogs) is emptied, and every table,
    view and schema a build does not make is dropped, so that the build
    equals a fresh one. With `keep_series` (the clone was built by this code
    and catalog: incremental.possible), the series and catalog tables stay
    too, and the publishers of the documents that go are noted
    (incremental.note_dropped): the series step makes only theirs again, and
    the catalog's rows are not written again (each table written anew was
    written whole again by the checkpoint).
    """
    kept = {"documents", "figures", *HISTORY_TABLES, *((*SERIES_TABLES, *CATALOG_TABLES) if keep_series else ())}
    # Every other core table is emptied; whatever else the file holds goes too, so that the
    # build equals a fresh one: view schemas (created again), and anything someone added by
    # opening the warehouse for writing.
    # Names come from the file, so anyone's: each is quoted (identifiers.py), never SQL.
    here = "database_name = current_database()"
    for listing, statement in (
        (
            f"select table_name from duckdb_tables() where {here} and schema_name = 'core'",
            lambda name: (
                ""
                if name in kept
                else f"delete from {qualified('core', name)}"
                if name in MADE_TABLES
                else f"drop table {qualified('core', name)} cascade"  # added by hand: a fresh build lacks it
            ),
        ),
        (
            f"select schema_name from duckdb_schemas() where {here} and schema_name not in ('core', 'main')",
            lambda name: f"drop schema {identifier(name)} cascade",
        ),
        (
            f"select view_name from duckdb_views() where {here} and schema_name = 'main' and not internal",
            lambda name: f"drop view {qualified('main', name)}",
        ),
        (
            f"select table_name from duckdb_tables() where {here} and schema_name = 'main'",
            lambda name: f"drop table {qualified('main', name)} cascade",
        ),
    ):
        for (name,) in con.execute(listing).fetchall():
            if statement(name):
                con.execute(statement(name))
    # Those that go are listed, usually a few: SQL literals, not a parameter or an Arrow table,
    # either of which has DuckDB's client import pandas (a third of a one-report refresh).
    held = {doc_id for (doc_id,) in con.execute("select doc_id from core.documents").fetchall()}
    gone = sorted(held - set(doc_ids))
    con.execute(
        f"create temp table gone as select * from (values {', '.join(f'({literal(d)})' for d in gone) or '(null::varchar)'}) v(doc_id)"
    )
    try:
        if keep_series:
            incremental.note_dropped(con, "temp.gone")
        con.execute("delete from core.figures where doc_id in (select doc_id from temp.gone)")
        con.execute("delete from core.documents where doc_id in (select doc_id from temp.gone)")
    finally:
        con.execute("drop table temp.gone")


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


def note_extracted(con: duckdb.DuckDBPyConnection, extracted: list[str]) -> str:
    """The documents this build extracted, as the temporary relation it returns (doc_id): the loss guard
    and the history count their figures only. SQL literals, neither a parameter nor an Arrow table."""
    rows = ", ".join(f"({literal(doc_id)})" for doc_id in extracted)
    relation = f"select * from (values {rows}) v(doc_id)" if rows else "select null::varchar as doc_id where false"
    con.execute(f"create or replace temp table extracted as {relation}")
    return "temp.extracted"


def record_build(
    con: duckdb.DuckDBPyConnection, code_version: str, catalog_version: str, sources: str, extracted: list[str]
) -> None:
    """Add this build to the history, with each document's figure count and whether it was extracted anew.

    The figures of the documents extracted are counted; a document reused with
    the bytes of the last build keeps that build's count, which is its count
    (its rows are the published ones): counting every figure again grew with
    the warehouse, not with the edit.
    """
    (build_id,) = con.execute("select coalesce(max(build_id), 0) + 1 from core.builds").fetchone()
    # SQL literals, not parameters: a parameter has DuckDB's client import pandas (etl/series/few_rows.py).
    built_at = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    texts = ", ".join(literal(text) for text in (code_version, catalog_version, current_view_versions(), sources))
    con.execute(
        f"insert into core.builds select {int(build_id)}, timestamp '{built_at}', {texts}, "
        f"(select count(*) from core.documents), (select count(*) from core.figures), {len(extracted)}"
    )
    fresh = note_extracted(con, extracted)
    con.execute(
        f"""
        insert into core.build_documents
        with last as (
            select b.doc_id, b.n_figures from core.build_documents b join core.documents d using (doc_id, sha256)
            where b.build_id = (select max(build_id) from core.build_documents)
              and b.doc_id not in (select doc_id from {fresh})
        ),
        counted as (
            select doc_id, count(*) as n from core.figures
            where doc_id in (select doc_id from core.documents where doc_id not in (select doc_id from last))
            group by doc_id
        )
        select {int(build_id)}, d.doc_id, d.sha256, coalesce(l.n_figures, c.n, 0),
            d.doc_id in (select doc_id from {fresh})
        from core.documents d left join last l using (doc_id) left join counted c using (doc_id)
        """
    )


def building_path(db: Path) -> Path:
    """The file a refresh of `db` builds into: hidden beside it, named for the refresh's process and
    a random part, so that no one can plant a link there beforehand."""
    return new_name(db, "building")


def remove_stale_builds(db: Path) -> None:
    """Delete the temporary files of refreshes that were killed; a running one keeps its file."""
    for path in db.parent.glob(f".{db.name}.building-*"):
        # building-<pid>-<random>[.wal|.tmp]; "lock" is not a pid: the lock stays; .tmp is the spill folder.
        pid = path.name.removeprefix(f".{db.name}.building-").split("-")[0].split(".")[0]
        if not pid.isdigit() or (int(pid) != os.getpid() and process_alive(int(pid))):
            continue
        log.info("%s: removed, left by a refresh that did not finish", path)
        remove(path)


def remove(path: Path) -> None:
    """Remove a build, its log and what DuckDB spilled beside it, whichever exist."""
    shutil.rmtree(spill_folder(path), ignore_errors=True)  # what DuckDB spilled, if anything
    for candidate in (path, path.with_name(path.name + ".wal")):
        try:
            candidate.unlink()
        except FileNotFoundError:
            pass


def process_alive(pid: int) -> bool:
    """Is process `pid` running (another user's counts): a staging file or folder of a dead one is stale."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
