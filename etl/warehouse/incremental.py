"""An incremental build: only the series of the publishers whose documents changed are made again.

Series never cross publishers (etl.series.store), and a document without a
publisher is a publisher of its own. So when a refresh starts from a copy of
the published warehouse (clone.clone_published), made by the same code and
catalogs, the series rows of every other publisher are what a full build
would make again: they are kept, and only the publishers of the documents it
extracted, changed or dropped are built again (etl.series.store.write_series,
scoped to their documents). The data checks already run on the extracted
documents only (checks.check_build). tests/test_incremental.py holds an
incremental build to the tables and views of a full one.

The working tables live in the build's schema `scope`, dropped at the end.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.series import store as series
from etl.warehouse.identifiers import literal

SCOPE = "scope"


def possible(con: duckdb.DuckDBPyConnection, code_version: str, catalog_version: str) -> bool:
    """Were the series of this cloned build made by the code and catalogs of this refresh?"""
    try:
        row = con.execute(
            "select code_version, catalog_version from core.builds order by build_id desc limit 1"
        ).fetchone()
    except duckdb.Error:
        return False
    return row is not None and tuple(row) == (code_version, catalog_version)


def note_dropped(con: duckdb.DuckDBPyConnection, gone: str) -> None:
    """Before the documents of the relation `gone` are deleted: note their publishers, as changed ones."""
    con.execute(f"create schema {SCOPE}")
    con.execute(
        f"create table {SCOPE}.publishers as select distinct publisher from core.documents "
        f"where publisher is not null and doc_id in (select doc_id from {gone})"
    )
    # A document without a publisher is a series group of its own: its points go with its figures.
    con.execute(
        f"create table {SCOPE}.own_points as select point_id from core.series_points "
        f"where own_doc in (select doc_id from {gone})"
    )


def write_series(con: duckdb.DuckDBPyConnection, directory: Path, extracted: list[str]) -> None:
    """The series of the publishers noted (note_dropped) and of the documents `extracted`, the others' kept."""
    rows = ", ".join(f"({literal(doc_id)})" for doc_id in extracted) or "(null::varchar)"
    con.execute(f"create table {SCOPE}.extracted as select * from (values {rows}) v(doc_id)")
    con.execute(
        f"insert into {SCOPE}.publishers select distinct publisher from core.documents "
        f"where publisher is not null and doc_id in (select doc_id from {SCOPE}.extracted) "
        f"except select publisher from {SCOPE}.publishers"
    )
    con.execute(
        f"create table {SCOPE}.own_documents as select doc_id from core.documents "
        f"where publisher is null and doc_id in (select doc_id from {SCOPE}.extracted)"
    )
    con.execute(
        f"create view {SCOPE}.documents as select * from core.documents "
        f"where publisher in (select publisher from {SCOPE}.publishers) "
        f"or (publisher is null and doc_id in (select doc_id from {SCOPE}.own_documents))"
    )
    # The points made again: every point of a changed publisher, and those of dropped documents without one.
    con.execute(
        f"create table {SCOPE}.stale as select point_id, series_id, publisher, own_doc from core.series_points "
        f"where publisher in (select publisher from {SCOPE}.publishers) "
        f"or point_id in (select point_id from {SCOPE}.own_points)"
    )
    con.execute(f"delete from core.series_figures where point_id in (select point_id from {SCOPE}.stale)")
    con.execute(f"delete from core.series_points where point_id in (select point_id from {SCOPE}.stale)")
    con.execute(f"delete from core.series_links where publisher in (select publisher from {SCOPE}.publishers)")
    (first,) = con.execute("select coalesce(max(point_id) + 1, 0) from core.series_points").fetchone()
    # Their series' years are chosen again: those of the old points, and of the new ones once written.
    con.execute(
        f"create view {SCOPE}.years_of as select series_id, publisher, own_doc from {SCOPE}.stale "
        f"union select series_id, publisher, own_doc from core.series_points where point_id >= {int(first)}"
    )
    series.write_series(con, directory, documents=f"{SCOPE}.documents", first_point=first, years_of=f"{SCOPE}.years_of")
    con.execute(f"drop schema {SCOPE} cascade")
