"""An incremental build: only the report years of the publishers whose documents changed are lined up again.

Series never cross publishers (etl.series.store), and a document without a
publisher is a publisher of its own. So when a refresh starts from a copy of
the published warehouse (clone.clone_published), made by the same code and
catalogs, the series rows of every other publisher are what a full build
would make again: they are kept. Of a publisher whose documents were
extracted, changed or dropped, only the points of those documents' report
years (old and new) are made again, and the links around them
(etl.series.relink, over the nodes the last build stored in
core.series_nodes); the points of its other years are updated where their
series changed, and the years of the series whose figures changed are chosen
again (only the years those figures are of, unless points of other years
changed series). A document without a publisher is made again whole. The
data checks already run on the extracted documents only
(checks.check_build). tests/test_incremental.py holds an incremental build
to the tables and views of a full one.

The working tables live in the build's schema `scope`, dropped at the end.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from etl.series import store as series
from etl.warehouse.identifiers import literal

SCOPE = "scope"
SINGLE_YEAR = "f.period_start is not null and f.period_start = f.period_end"  # the figures series years are of
# A row of {t} (a document or a point) is of a publisher's report year in scope.years (y).
IN_YEARS = "y.publisher = {t}.publisher and y.report_year is not distinct from {t}.{year}"


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
    """Before the documents of the relation `gone` are deleted: note their publishers' report years, as changed ones,
    and the years their figures were of (those series years are chosen again once they are gone)."""
    con.execute(f"create schema {SCOPE}")
    con.execute(
        f"create table {SCOPE}.years as select distinct publisher, report_year from core.documents "
        f"where publisher is not null and doc_id in (select doc_id from {gone})"
    )
    # A document without a publisher is a series group of its own: its points go with its figures.
    con.execute(
        f"create table {SCOPE}.own_points as select point_id from core.series_points "
        f"where own_doc in (select doc_id from {gone})"
    )
    # The years their figures were of: those figures' series years are chosen again without them.
    con.execute(
        f"create table {SCOPE}.gone_figures as select figure_id, period_start as year from core.figures f "
        f"where doc_id in (select doc_id from {gone}) and {SINGLE_YEAR}"
    )


def write_series(con: duckdb.DuckDBPyConnection, directory: Path, extracted: list[str]) -> None:
    """The series of the publishers' report years noted (note_dropped) and of the documents `extracted`,
    the others' kept: the report years lined up again (etl.series.relink), documents without a publisher whole."""
    rows = ", ".join(f"({literal(doc_id)})" for doc_id in extracted) or "(null::varchar)"
    con.execute(f"create table {SCOPE}.extracted as select * from (values {rows}) v(doc_id)")
    con.execute(
        f"insert into {SCOPE}.years select distinct publisher, report_year from core.documents "
        f"where publisher is not null and doc_id in (select doc_id from {SCOPE}.extracted) "
        f"except select publisher, report_year from {SCOPE}.years"
    )
    con.execute(
        f"create table {SCOPE}.own_documents as select doc_id from core.documents "
        f"where publisher is null and doc_id in (select doc_id from {SCOPE}.extracted)"
    )
    con.execute(
        f"create view {SCOPE}.documents as select * from core.documents d "
        f"where exists (select 1 from {SCOPE}.years y where {IN_YEARS.format(t='d', year='report_year')}) "
        f"or (publisher is null and doc_id in (select doc_id from {SCOPE}.own_documents))"
    )
    # The points made again: those of the changed publishers' report years, and of the documents without one.
    con.execute(
        f"create table {SCOPE}.stale as select point_id, series_id, publisher, own_doc from core.series_points s "
        f"where exists (select 1 from {SCOPE}.years y where {IN_YEARS.format(t='s', year='year')}) "
        f"or point_id in (select point_id from {SCOPE}.own_points)"
    )
    # Their series' years are chosen again: a publisher's where a figure's series changed or its document was
    # extracted, for the years of those figures (their figures gone were noted); the others' whole.
    con.execute(
        f"create table {SCOPE}.was as select sf.figure_id, s.series_id, s.publisher from {SCOPE}.stale s "
        f"join core.series_figures sf using (point_id) where s.own_doc is null"
    )
    con.execute(
        f"create table {SCOPE}.groups as select distinct w.series_id, w.publisher, null as own_doc, g.year "
        f"from {SCOPE}.was w join {SCOPE}.gone_figures g using (figure_id) "
        f"union select distinct series_id, publisher, own_doc, null from {SCOPE}.stale where own_doc is not null"
    )
    con.execute(f"delete from core.series_figures where point_id in (select point_id from {SCOPE}.stale)")
    con.execute(f"delete from core.series_points where point_id in (select point_id from {SCOPE}.stale)")
    con.execute(f"delete from core.series_links where publisher in (select publisher from {SCOPE}.years)")
    (first,) = con.execute("select coalesce(max(point_id) + 1, 0) from core.series_points").fetchone()
    con.execute(f"create table {SCOPE}.renamed (series_id varchar, publisher varchar)")
    new_points = f"core.series_points p join core.series_figures sf using (point_id) where p.point_id >= {int(first)}"
    con.execute(
        f"create view {SCOPE}.years_of as "
        f"with now as (select sf.figure_id, p.series_id, p.publisher from {new_points} and p.own_doc is null), "
        "moved as ("
        "select figure_id, w.series_id as was, n.series_id as now, coalesce(n.publisher, w.publisher) as publisher "
        f"from {SCOPE}.was w full join now n using (figure_id) where w.series_id is distinct from n.series_id "
        "union all select n.figure_id, null, n.series_id, n.publisher from now n semi join "
        f"(select figure_id from core.figures where doc_id in (select doc_id from {SCOPE}.extracted)) e using (figure_id)"
        ") "
        f"select * from {SCOPE}.groups "
        f"union select series_id, publisher, null, null from {SCOPE}.renamed "
        f"union select p.series_id, p.publisher, p.own_doc, null from {new_points} and p.own_doc is not null "
        "union select unnest([m.was, m.now]), m.publisher, null, f.period_start from moved m "
        # The few moved figures' years: DuckDB, left to join every figure, held them all in a hash table.
        "join (select figure_id, period_start, period_end from core.figures where figure_id in "
        f"(select figure_id from moved)) f using (figure_id) where {SINGLE_YEAR}"
    )
    series.write_series(
        con,
        directory,
        documents=f"{SCOPE}.documents",
        first_point=first,
        years_of=f"{SCOPE}.years_of",
        again=f"{SCOPE}.years",
        renamed=f"{SCOPE}.renamed",
    )
    con.execute(f"drop schema {SCOPE} cascade")
