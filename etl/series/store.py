"""The series step of a build: figures read for etl.series.matching, members and links written back.

core.series_points (the figures of a report year that say the same: their
series, how they joined it and how sure), core.series_figures (each figure's
point), core.series_links (one row per automatic link between two report
years) and core.series_years (the figure that speaks for each year) are made
anew at every refresh, after the figures and catalogs are loaded and before
the views that read them. Their tables are defined in sql/core/, the SQL that
fills them in sql/build/.

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
from etl.series.matching import Member, Row, members, words_of

log = logging.getLogger("zhibiao")
LINK_COLUMNS = ("series_id", "publisher", "year", "is_target", "unit", "confidence", "reason")
SERIES_TABLES = ("series_points", "series_figures", "series_links", "series_years")  # each sql/core/<table>.sql

ROWS_PER_READ = 20_000  # figures read at a time
POINTS_PER_WRITE = 50_000  # series points held before they are written
FIGURES_PER_SHARE = 250_000  # figures whose series years DuckDB chooses at a time (write_years)
# Columns of points_to_match.sql whose values rows repeat: read as one string per distinct value (_rows).
REPEATED = {"own_doc", "publisher", "unit", "basis", "program", "metric_id", "metric_scope", "label", "measure"}


def write_series(
    con: duckdb.DuckDBPyConnection,
    directory: Path = CATALOG_DIR,
    *,
    documents: str = "core.documents",
    first_point: int = 0,
    years_of: str | None = None,
) -> None:
    """The core.series_* tables from the loaded figures, which the v2 views read.

    Run once per refresh, after the catalogs are loaded: it also warns, once,
    of each publisher no rule knows and each document without a publisher.

    By default every series is made anew. A refresh that extracted a few
    documents (etl.warehouse.incremental) makes only their publishers' series
    again: `documents` names the relation of those publishers' documents (it
    stands for core.documents in the statements of sql/build/), the rows of
    the others are kept, new points are numbered from `first_point`, and
    `years_of` names the relation of the (series_id, publisher, own_doc) whose
    years are chosen again (write_years).
    """
    catalog = load_catalog(Path(directory))
    rules, words = rules_of(catalog), words_of(catalog)
    scope_of = {p: rules.scope_of(p) for p in warn_of_publishers(con, directory)}
    if documents == "core.documents":
        for table in SERIES_TABLES:
            con.execute(_sql("core", table))
    con.execute("create schema scratch")  # the build's working tables, dropped below
    con.execute(_scoped(_sql("build", "point_of"), documents))
    con.execute(_sql("build", "point_firsts"))
    reader = con.cursor()  # reads the figures while `con` writes the series
    try:
        (database,) = con.execute("select current_database()").fetchone()
        reader.execute(f'use "{database}"')  # a cursor starts in the connection's default database
        batches = reader.execute(_scoped(_sql("build", "points_to_match"), documents)).to_arrow_reader(ROWS_PER_READ)
        writer = _SeriesWriter(con, first_point)
        for _, rows in groupby(_rows(batches, scope_of), key=lambda r: (r.publisher, r.own_doc)):
            writer.add(*members(list(rows), words))
        writer.flush()
    finally:
        reader.close()
    con.execute(_sql("build", "series_figures"))
    con.execute("drop schema scratch cascade")
    write_years(con, years_of)


def write_years(con: duckdb.DuckDBPyConnection, series: str | None = None) -> None:
    """core.series_years of every series, or of those in `series` (series_id, publisher, own_doc), replaced.

    A series' years are chosen among its own figures only, so the series are
    split by a hash of their id into shares of about FIGURES_PER_SHARE figures
    each: DuckDB holds one share's figures at a time, however large the corpus
    or a publisher.

    For a few series (`series`), the series, their points and their figures'
    point rows are set apart first (temp tables), and the statements read
    those: left to find them itself, DuckDB joined every figure with every
    figure's point before keeping the few, and probed the relation `series`
    once per row of core.series_years (together 2 to 4 s of a one-report edit
    at 10,000 reports without publishers).
    """
    points, members = "core.series_points", "core.series_figures"
    if series is not None:
        same = (
            "p.series_id = s.series_id and p.publisher is not distinct from s.publisher "
            "and p.own_doc is not distinct from s.own_doc"
        )
        con.execute(
            f"create or replace temp table years_of as select distinct series_id, publisher, own_doc from {series}"
        )
        con.execute(f"delete from core.series_years s where exists (select 1 from temp.years_of p where {same})")
        con.execute(
            f"create or replace temp table years_points as "
            f"select s.* from core.series_points s semi join temp.years_of p on {same}"
        )
        con.execute(
            "create or replace temp table years_figures as "
            "select sf.* from core.series_figures sf semi join temp.years_points p using (point_id)"
        )
        points, members = "temp.years_points", "temp.years_figures"
    (n,) = con.execute(f"select count(*) from {members} join {points} using (point_id)").fetchone()
    shares = max(1, -(-n // FIGURES_PER_SHARE))
    for share in range(shares):
        part = f"(select * from {points} where hash(series_id) % {shares} = {share})"
        statement = _scoped(
            _scoped(_sql("build", "series_years"), part, "core.series_points"), members, "core.series_figures"
        )
        con.execute(statement)
    if series is not None:
        for table in ("years_of", "years_points", "years_figures"):
            con.execute(f"drop table temp.{table}")


def _scoped(statement: str, relation: str, table: str = "core.documents") -> str:
    """A statement of sql/build/ reading `relation` where it reads `table` (the same columns, fewer rows)."""
    return statement if relation == table else statement.replace(table, relation)


def _sql(folder: str, name: str) -> str:
    """A statement of sql/core/ (a table) or sql/build/ (a step of the build), by its file's name."""
    return (SQL_DIR / folder / f"{name}.sql").read_text(encoding="utf-8")


def warn_of_publishers(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> set[str | None]:
    """Warn, once each, of the publishers no rule knows and the documents without one; the publishers."""
    publishers = dict(con.execute("select doc_id, publisher from core.documents").fetchall())
    for line in rules_of(load_catalog(Path(directory))).warnings(publishers):
        log.warning(line)
    return set(publishers.values())


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
    """A column's values; those of a `repeated` column share one object per distinct value."""
    if not repeated:
        return column.to_pylist()
    encoded = column.dictionary_encode()
    distinct = encoded.dictionary.to_pylist()
    return [None if i is None else distinct[i] for i in encoded.indices.to_pylist()]


class _SeriesWriter:
    """Series points and links, written a few publishers at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection, first_point: int = 0) -> None:
        self.con = con
        self.points: list[Member] = []
        self.links: list[tuple] = []
        self.written = first_point  # the next point_id

    def add(self, found: list[Member], links: list[tuple]) -> None:
        self.points += found
        self.links += links
        if len(self.points) >= POINTS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        found, con = self.points, self.con
        point_ids = pa.array(range(self.written, self.written + len(found)), pa.int32())
        firsts = pa.table({"first_id": [m.figure_ids[0] for m in found], "point_id": point_ids})
        _insert(con, firsts, "scratch.point_firsts")
        points = {"point_id": point_ids}
        points.update((name, [m[i] for m in found]) for i, name in enumerate(Member._fields) if name != "figure_ids")
        _insert(con, pa.table(points), "core.series_points")
        _insert(con, pa.table({c: [r[i] for r in self.links] for i, c in enumerate(LINK_COLUMNS)}), "core.series_links")
        self.written += len(found)
        self.points, self.links = [], []


def _insert(con: duckdb.DuckDBPyConnection, table: pa.Table, into: str) -> None:
    if not table.num_rows:
        return
    con.register("new_rows", table)
    try:
        con.execute(f"insert into {into} by name select * from new_rows")
    finally:
        con.unregister("new_rows")
