"""The published warehouse a refresh would replace: is it one, what it holds, what would be lost.

A refresh only ever replaces a zhibiao warehouse (its core.documents and
core.figures tables), or nothing: a DuckDB file of someone's notes, or any
other file, is refused, --force or not. So is a warehouse another program
holds open for writing. The published file is only ever opened read-only.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl.warehouse.errors import RefreshError
from etl.warehouse.identifiers import identifier, qualified, shown
from etl.warehouse.load import sql_path
from etl.warehouse.locks import holder_of, writer_message
from etl.warehouse.schema import made_tables
from etl.warehouse.views import create_views

log = logging.getLogger("zhibiao")

MAX_FIGURE_DROP = 0.5  # a document losing more than this share of its figures needs --force
WARN_FIGURE_DROP = 0.2  # a document losing more than this share of its figures is warned of
ELSEWHERE = "name another file with --db (make refresh DB=...), or move this one away"
FORCE_HINT = "to publish anyway: make refresh FORCE=1 (.venv/bin/python -m etl refresh --force)"


@dataclass(frozen=True)
class Losses:
    """What a new build loses against the published one."""

    lost: tuple[str, ...]  # doc_ids of the published warehouse that the new one lacks
    dropped: tuple[tuple[str, int, int], ...]  # (doc_id, published figures, new figures) that fell
    renamed: tuple[tuple[str, str], ...] = ()  # (old doc_id, new doc_id): the same file, the same bytes


@dataclass(frozen=True)
class Published:
    """The zhibiao warehouse a refresh would replace."""

    documents: dict[str, tuple[str, str, tuple, tuple | None]]  # see _documents
    foreign: tuple[str, ...]  # tables and views someone added, which no build makes: lost by a refresh
    view_versions: str = ""  # the view versions its last build created (v1@…,v2@…)


def inspect(db: Path) -> Published | None:
    """The zhibiao warehouse `db` (its documents, what someone added to it), None when there is nothing to lose.

    Anything else raises RefreshError: a file of something else, a warehouse a
    program holds for writing. One read-only connection answers both.
    """
    if not os.path.lexists(db):
        return None
    if db.is_dir():
        raise RefreshError(f"{db} is a folder, not a warehouse file; {ELSEWHERE}")
    if not db.is_file():
        raise RefreshError(f"{db} is not a regular file, so not a zhibiao warehouse; {ELSEWHERE}")
    if db.stat().st_size == 0:
        return None  # an empty file: nothing to lose
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error as err:
        message = str(err)
        if "Could not set lock" in message or "Conflicting lock" in message:
            raise RefreshError(writer_message(db, holder_of(message))) from None
        raise _not_a_warehouse(db, f"not a DuckDB database it can open: {message.splitlines()[0]}") from None
    try:
        try:
            con.execute("select 1 from core.figures limit 0")
            return Published(_documents(con), _foreign(con), _view_versions(con))  # the common case, at once
        except duckdb.CatalogException:
            pass
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database() "
            "union all select schema_name, view_name from duckdb_views() "
            "where database_name = current_database() and not internal order by all"
        ).fetchall()
    except duckdb.Error as err:
        raise _not_a_warehouse(db, f"it cannot be read: {str(err).splitlines()[0]}") from None
    finally:
        con.close()
    if not tables:
        return None  # an empty DuckDB database: nothing to lose
    names = [f"{schema}.{name}" for schema, name in tables]
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    raise _not_a_warehouse(db, f"it holds {shown}")


def _not_a_warehouse(db: Path, why: str) -> RefreshError:
    return RefreshError(
        f"{db} is not a zhibiao warehouse ({why}); a refresh replaces only a warehouse it built, "
        f"--force or not: {ELSEWHERE}"
    )


# What a build makes: the core tables (schema.made_tables, from sql/core/), and the views of the sql/vN folders.
CORE_TABLES = made_tables()


def _foreign(con: duckdb.DuckDBPyConnection) -> tuple[str, ...]:
    """Tables and views that no build makes: someone opened the warehouse for writing and added them."""
    rows = con.execute(
        f"""
        select schema_name, table_name from duckdb_tables()
        where database_name = current_database()
          and not (schema_name = 'core' and table_name in {CORE_TABLES})
        union all
        select schema_name, view_name from duckdb_views()
        where database_name = current_database() and not internal
          and not regexp_full_match(schema_name, 'v[0-9]+')
        order by all
        """
    ).fetchall()
    return tuple(shown(schema, name) for schema, name in rows)  # quoted when odd: a name is shown, never run


def views_as_built(db: Path) -> bool:
    """Are the views of `db` those a build makes, none changed by hand since (a view made to read a file, say)?

    The views of sql/ are created, in memory, on empty copies of `db`'s tables,
    and DuckDB's text of each compared with `db`'s. False whenever they cannot be
    compared: a refresh then builds the views again, which is always safe.
    """
    con = duckdb.connect()
    try:
        con.execute(f"attach '{sql_path(db)}' as published (read_only)")
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = 'published'"
        ).fetchall()
        for schema_name, table in tables:
            con.execute(f"create schema if not exists memory.{identifier(schema_name)}")
            con.execute(
                f"create table memory.{qualified(schema_name, table)} as "
                f"select * from published.{qualified(schema_name, table)} limit 0"
            )
        create_views(con)
        listing = "select schema_name, view_name, sql from duckdb_views() where database_name = ? and not internal"
        made = set(con.execute(listing, ["memory"]).fetchall())
        return bool(made) and made == set(con.execute(listing, ["published"]).fetchall())
    except duckdb.Error:
        return False
    finally:
        con.close()


def _view_versions(con: duckdb.DuckDBPyConnection) -> str:
    """The view versions of the last build, '' when the warehouse does not say."""
    try:
        row = con.execute("select view_versions from core.builds order by build_id desc limit 1").fetchone()
    except duckdb.Error:
        return ""
    return (row[0] or "") if row else ""


def _documents(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[str, str, tuple, tuple | None]]:
    """doc_id -> (sha256, extraction key, manifest fields, file stamp or None) of the published
    warehouse; {} for an older layout.

    Raises CatalogException without core.documents: not a warehouse.
    """
    con.execute("select 1 from core.documents limit 0")
    try:
        rows = con.execute(
            "select doc_id, sha256, extraction_key, file, title, publisher, "
            "strftime(published_on, '%Y-%m-%d'), report_year, report_year_inferred, file_size, file_mtime_ns "
            "from core.documents"
        ).fetchall()
    except duckdb.BinderException:
        return {}  # a column an older warehouse lacks: every document is extracted again
    return {
        r[0]: (r[1], r[2], (r[3], r[4], r[5], r[6], None if r[8] else r[7]), None if r[9] is None else (r[9], r[10]))
        for r in rows
    }


def losses(
    con: duckdb.DuckDBPyConnection, db: Path, share: float = WARN_FIGURE_DROP, extracted: str | None = None
) -> Losses:
    """The documents the build in `con` lost against `db`, and those whose figures fell by more than `share`.

    `extracted` names a relation (doc_id) of the documents this build extracted:
    only theirs are counted. Every other document of the build was reused, its
    rows those of `db` (the build started as its copy, or copied them), so its
    figures cannot have fallen; counting every figure of both warehouses grew
    with the warehouse, not with the edit. None counts every document.
    """
    try:
        con.execute(f"attach '{sql_path(db)}' as published (read_only)")
    except duckdb.Error as err:
        message = str(err)
        if "Could not set lock" in message or "Conflicting lock" in message:
            raise RefreshError(writer_message(db, holder_of(message))) from None
        raise RefreshError(f"{db} cannot be read to check that nothing is lost ({message.splitlines()[0]})") from None
    try:
        lost = con.execute(
            "select doc_id from published.core.documents except select doc_id from core.documents order by 1"
        ).fetchall()
        # A manifest row added or changed for a file already loaded gives its bytes a new doc_id: a rename.
        renamed = con.execute(
            """
            select p.doc_id, n.doc_id from published.core.documents p
            join core.documents n on n.file = p.file and n.sha256 = p.sha256
            where p.doc_id not in (select doc_id from core.documents)
              and n.doc_id not in (select doc_id from published.core.documents)
            order by 1
            """
        ).fetchall()
        scope = "" if extracted is None else f"where doc_id in (select doc_id from {extracted})"
        dropped = con.execute(
            f"""
            with old as (select doc_id, count(*) n from published.core.figures {scope} group by doc_id),
                 new as (select doc_id, count(*) n from core.figures {scope} group by doc_id)
            select old.doc_id, old.n, coalesce(new.n, 0) from old join core.documents d using (doc_id)
            left join new using (doc_id)
            where coalesce(new.n, 0) < old.n * (1 - cast({float(share)!r} as double)) order by 1
            """  # a literal: a parameter has DuckDB's client import pandas (etl/series/few_rows.py)
        ).fetchall()
    except duckdb.CatalogException:
        return Losses((), ())  # a warehouse from before core.documents existed: nothing to compare
    finally:
        con.execute("detach published")
    was = {old for old, _ in renamed}
    return Losses(tuple(d for (d,) in lost if d not in was), tuple(dropped), tuple(map(tuple, renamed)))


def guard_foreign(db: Path, foreign: tuple[str, ...], force: bool) -> None:
    """Refuse to drop tables someone added to the warehouse; with --force, say which go."""
    shown = ", ".join(foreign[:5]) + (f" and {len(foreign) - 5} more" if len(foreign) > 5 else "")
    if not force:
        raise RefreshError(
            f"{db} holds {shown}, which a refresh does not make (added by hand?) and would drop; "
            "keep your own tables in another DuckDB file, or\n" + FORCE_HINT
        )
    log.warning("%s: dropped %s, which a refresh does not make (--force)", db, shown)


def guard_against_loss(
    con: duckdb.DuckDBPyConnection, db: Path, force: bool, not_loaded=(), extracted: str | None = None
) -> None:
    """Refuse to publish a warehouse that lost a document or most of one's figures; warn of a fifth.

    A document whose file, with the same bytes, now has another doc_id (a manifest
    row added for it) is not lost: it was renamed, and the refresh says so.

    With --keep-going, the files that were not loaded are listed too: they are
    usually why a document went missing. With --force, what is lost is warned of.
    `extracted` (a relation of doc_ids) limits the counts of figures to the documents extracted (losses).
    """
    found = losses(con, db, WARN_FIGURE_DROP, extracted)
    for old, new in found.renamed:
        log.warning("%s is now %s", old, new)  # the same file and bytes under a new doc_id: nothing is lost
    gone = [f"document {d} is in {db} but not in this refresh" for d in found.lost]
    fell = [(d, old, new) for d, old, new in found.dropped if new < old * (1 - MAX_FIGURE_DROP)]
    if (gone or fell) and not force:
        reasons = gone + [
            f"document {d}: figures fell from {old} to {new} (more than {MAX_FIGURE_DROP:.0%})" for d, old, new in fell
        ]
        message = listing(reasons, "the refresh would lose data, so it was not published")
        if not_loaded:
            message += "\n" + listing(not_loaded, "these files were not loaded")
        raise RefreshError(message + "\n" + FORCE_HINT)
    for line in gone:
        log.warning("%s: it is gone (--force)", line)
    for doc_id, old, new in found.dropped:
        log.warning(
            "document %s: figures fell from %d to %d (%.0f%% fewer) since the last build; "
            "check its file, or the catalog edit that caused it",
            doc_id,
            old,
            new,
            100 * (old - new) / old,
        )


def listing(items, headline: str) -> str:
    return headline + ":\n" + "\n".join(f"  {item}" for item in items)
