"""The series step of a build: figures read for etl.series.matching, members and links written back.

core.series_points (the figures of a report year that say the same: their
series, how they joined it and how sure), core.series_figures (each figure's
point), core.series_links (one row per automatic link between two report
years), core.series_years (the figure that speaks for each year) and
core.series_nodes (each node of a publisher's series, what a later refresh
lines up again from: etl.series.relink) are made at every refresh, after the
figures and catalogs are loaded and before the views that read them: anew by
a full build, only in the changed report years of the changed publishers by
an incremental one (etl.warehouse.incremental). Their tables are defined in
sql/core/, the SQL that fills them in sql/build/.

Series never cross publishers, so the figures are read publisher by publisher,
in record batches, and each publisher's series are written before the next is
read: memory is bounded by the largest publisher, not by the warehouse. Of the
figures that are one point (copies of one report), only the first is read;
the others join its point in SQL (sql/build/point_of.sql, series_figures.sql).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import duckdb
import pyarrow as pa

from etl import SQL_DIR
from etl.catalog import CATALOG_DIR, load_catalog
from etl.rules.publishers import metric_fits, rules_of
from etl.series.matching import Row, words_of
from etl.series.nodes import read_stored
from etl.series.relink import relink
from etl.series.writer import SeriesWriter

log = logging.getLogger("zhibiao")
# each sql/core/<table>.sql
SERIES_TABLES = ("series_points", "series_figures", "series_links", "series_years", "series_nodes")

ROWS_PER_READ = 20_000  # figures read at a time
FIGURES_PER_SHARE = 250_000  # figures whose series years DuckDB chooses at a time (write_years)
# Columns of points_to_match.sql whose values rows repeat: read as one string per distinct value (_rows).
# The columns of core.figures that sql/build/series_years.sql reads: the figures set apart (_set_apart) hold them.
YEARS_COLUMNS = (
    "figure_id, doc_id, metric_value, value, unit, is_target, period_start, period_end, parent_figure_id, "
    "sentence_start, char_start, basis, qualifier, metric_id"
)
REPEATED = {"own_doc", "publisher", "unit", "basis", "program", "metric_id", "metric_scope", "label", "measure"}


def write_series(
    con: duckdb.DuckDBPyConnection,
    directory: Path = CATALOG_DIR,
    *,
    documents: str = "core.documents",
    first_point: int = 0,
    years_of: str | None = None,
    again: str | None = None,
    renamed: str | None = None,
) -> None:
    """The core.series_* tables from the loaded figures, which the v2 views read.

    Run once per refresh, after the catalogs are loaded: it also warns, once,
    of each publisher no rule knows and each document without a publisher.

    By default every series is made anew. A refresh that extracted a few
    documents (etl.warehouse.incremental) makes only their publishers' series
    again: `documents` names the relation of those publishers' documents (it
    stands for core.documents in the statements of sql/build/), the rows of
    the others are kept, new points are numbered from `first_point`, and
    `years_of` names the relation of the (series_id, publisher, own_doc, year)
    whose years are chosen again (write_years). `again` names a relation of
    (publisher, report_year): those publishers' series are lined up again in
    those report years only (etl.series.relink; `documents` holds those years'
    documents), over their nodes of the other years as stored, whose points
    are updated; the series that points of other years left or joined are
    added to the table `renamed` (series_id, publisher).
    """
    catalog = load_catalog(Path(directory))
    words = words_of(catalog)
    scope_of = warn_of_publishers(con, directory)
    if documents == "core.documents":
        for table in SERIES_TABLES:
            con.execute(_sql("core", table))
    years = _again(con, again)
    stored = _take_nodes(con, again)  # the publishers' nodes as the last build left them
    con.execute("create schema scratch")  # the build's working tables, dropped below
    con.execute(_scoped(_sql("build", "point_of"), documents))
    con.execute(_sql("build", "point_firsts"))
    reader = con.cursor()  # reads the figures while `con` writes the series
    try:
        (database,) = con.execute("select current_database()").fetchone()
        reader.execute(f'use "{database}"')  # a cursor starts in the connection's default database
        batches = reader.execute(_scoped(_sql("build", "points_to_match"), documents)).to_arrow_reader(ROWS_PER_READ)
        writer = SeriesWriter(con, first_point)
        for (publisher, own_doc), rows in groupby(_rows(batches, scope_of), key=lambda r: (r.publisher, r.own_doc)):
            if own_doc is None and publisher in years:
                writer.relinked(publisher, relink(list(rows), words, stored.get(publisher, {}), years.pop(publisher)))
            else:
                writer.lined_up(list(rows), words, own_doc is None)
        for publisher, report_years in years.items():  # no figure left in those years
            writer.relinked(publisher, relink([], words, stored.get(publisher, {}), report_years))
        writer.flush()
        writer.update_points(renamed)
    finally:
        reader.close()
    con.execute(_sql("build", "series_figures"))
    con.execute("drop schema scratch cascade")
    write_years(con, years_of)


def _again(con: duckdb.DuckDBPyConnection, again: str | None) -> dict[str, set[int | None]]:
    """The report years of each publisher in the relation `again` (publisher, report_year)."""
    years: dict[str, set[int | None]] = {}
    if again is not None:
        for publisher, year in con.execute(f"select publisher, report_year from {again}").fetchall():
            years.setdefault(publisher, set()).add(year)
    return years


def _take_nodes(con: duckdb.DuckDBPyConnection, again: str | None) -> dict[str, dict]:
    """The stored nodes of the publishers of `again`, by publisher and node_id."""
    if again is None:
        return {}
    where = f"where publisher in (select publisher from {again})"
    rows = con.execute(
        f"select publisher, node_id, node, series_id, earlier, confidence, reason from core.series_nodes {where}"
    ).fetchall()
    return {
        publisher: read_stored([r[1:] for r in group])
        for publisher, group in groupby(sorted(rows, key=lambda r: r[0]), key=lambda r: r[0])
    }


def write_years(con: duckdb.DuckDBPyConnection, series: str | None = None) -> None:
    """core.series_years of every series, or of those in `series` (series_id, publisher, own_doc, year), replaced.

    A series' years are chosen among its own figures only, so the series are
    split by a hash of their id into shares of about FIGURES_PER_SHARE figures
    each: DuckDB holds one share's figures at a time, however large the corpus
    or a publisher. A year is chosen among the figures of that year only: a
    row of `series` with a year replaces that year of the series, one without
    (NULL) every year of it.

    For a few series (`series`), the series, their points and their figures'
    point rows are set apart first (temp tables), and the statements read
    those: left to find them itself, DuckDB joined every figure with every
    figure's point before keeping the few, and probed the relation `series`
    once per row of core.series_years (together 2 to 4 s of a one-report edit
    at 10,000 reports without publishers).
    """
    points, members = "core.series_points", "core.series_figures"
    if series is not None:
        _set_apart(con, series)
        points, members = "temp.years_points", "(select point_id, figure_id from temp.years_figures)"
    (n,) = con.execute(f"select count(*) from {members} join {points} using (point_id)").fetchone()
    shares = max(1, -(-n // FIGURES_PER_SHARE))
    for share in range(shares):
        part = f"(select * from {points} where hash(series_id) % {shares} = {share})"
        statement = _scoped(
            _scoped(_sql("build", "series_years"), part, "core.series_points"), members, "core.series_figures"
        )
        if series is not None:  # the figures set apart hold their rows: core.figures is not scanned again
            statement = _scoped(statement, "temp.years_figures f", "core.figures f")
        con.execute(statement)
    if series is not None:
        for table in ("years_of", "years_points", "years_figures"):
            con.execute(f"drop table temp.{table}")


def _set_apart(con: duckdb.DuckDBPyConnection, series: str) -> None:
    """The years of `series` deleted from core.series_years; the points, and the figures (with their point_id), to
    choose them again from."""

    def same(a: str, b: str) -> str:
        return (
            f"{a}.series_id = {b}.series_id and {a}.publisher is not distinct from {b}.publisher "
            f"and {a}.own_doc is not distinct from {b}.own_doc"
        )

    con.execute(
        f"create or replace temp table years_of as select distinct series_id, publisher, own_doc, year from {series} "
        "where series_id is not null"
    )
    # A series of every year covers its years of one.
    con.execute(
        "delete from temp.years_of s where year is not null "
        f"and exists (select 1 from temp.years_of p where p.year is null and {same('p', 's')})"
    )
    every, some = (
        "(select * from temp.years_of where year is null)",
        "(select * from temp.years_of where year is not null)",
    )
    con.execute(f"delete from core.series_years s where exists (select 1 from {every} p where {same('p', 's')})")
    con.execute(
        f"delete from core.series_years s where exists (select 1 from {some} p where {same('p', 's')} and p.year = s.year)"
    )
    con.execute(
        "create or replace temp table years_points as "
        f"select s.* from core.series_points s semi join temp.years_of p on {same('p', 's')}"
    )
    con.execute(
        "create or replace temp table years_figures as "
        f"select sf.point_id, f.* from core.series_figures sf join temp.years_points s using (point_id) "
        f"join (select {YEARS_COLUMNS} from core.figures) f using (figure_id) semi join {every} p on {same('p', 's')} "
        "union all "
        f"select sf.point_id, f.* from core.series_figures sf join temp.years_points s using (point_id) "
        f"join (select {YEARS_COLUMNS} from core.figures) f using (figure_id) "
        f"semi join {some} p on {same('p', 's')} and p.year = f.period_start"
    )


def _scoped(statement: str, relation: str, table: str = "core.documents") -> str:
    """A statement of sql/build/ reading `relation` where it reads `table` (the same columns, fewer rows)."""
    return statement if relation == table else statement.replace(table, relation)


def _sql(folder: str, name: str) -> str:
    """A statement of sql/core/ (a table) or sql/build/ (a step of the build), by its file's name."""
    return (SQL_DIR / folder / f"{name}.sql").read_text(encoding="utf-8")


def warn_of_publishers(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> dict[str | None, str]:
    """Warn, once each, of the publishers no rule knows and the documents without one; each publisher's scope.

    Each publisher is asked its scope once; the documents are read only when one has none to say (no
    publisher, or one no rule knows): the warnings name them.
    """
    rules = rules_of(load_catalog(Path(directory)))
    scopes = rules.scopes(p for (p,) in con.execute("select distinct publisher from core.documents").fetchall())
    if all(scopes.values()):
        return scopes
    publishers = dict(con.execute("select doc_id, publisher from core.documents").fetchall())
    for line in rules.warnings(publishers, scopes):
        log.warning(line)
    return scopes


def _rows(batches: pa.RecordBatchReader, scope_of: dict[str | None, str]) -> Iterator[Row]:
    """The rows of sql/build/points_to_match.sql as series.Row, a record batch at a time.

    A value that many rows repeat (a publisher, a unit, a label) is one Python string for
    all of them (_values), not one each: a publisher's rows are held whole while its
    series are lined up, and those strings were most of their memory.
    """
    for batch in batches:
        columns = (
            _values(column, name in REPEATED) for column, name in zip(batch.columns, batch.schema.names, strict=True)
        )
        for values in zip(*columns, strict=True):
            values = list(values)
            metric_id, metric_scope = values[10], values.pop(11)
            if metric_id and not metric_fits(metric_scope, scope_of.get(values[2], "")):
                values[10] = None  # 城镇新增就业 of a district or of no known publisher is not the nation's
            values[0] = (values[0],)  # the point's first figure: the others join it in sql/build/series_figures.sql
            yield Row(*values)


def _values(column: pa.Array, repeated: bool) -> list:
    """A column's values; those of a `repeated` column share one object per distinct value.

    Shared through a dict, not Arrow's dictionary_encode, which imports pyarrow.compute (0.05 s of a
    one-report edit, which imports nothing else of it)."""
    values = column.to_pylist()
    if repeated:
        shared: dict = {}
        values = [shared.setdefault(value, value) for value in values]
    return values
