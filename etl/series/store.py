"""The series tables of a warehouse: figures read for etl.series.matching, members and links written back.

core.series_points (the figures of a report year that say the same: their
series, how they joined it and how sure), core.series_figures (each figure's
point) and core.series_links (one row per automatic link between two report
years) are
made anew at every refresh, after the figures and catalogs are loaded and
before the views that read them (load.create_views).

Series never cross publishers, so the figures are read publisher by publisher,
in record batches, and each publisher's series are written before the next is
read: memory is bounded by the largest publisher, not by the warehouse. Of the
figures that are one point (copies of one report), only the first is read;
the others join its point in SQL (POINT_OF_SQL, MEMBERS_SQL).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path

import duckdb
import pyarrow as pa

from etl.catalog import CATALOG_DIR, load_catalog
from etl.rules.publishers import metric_fits, rules_of
from etl.series.matching import Member, Row, members, words_of

log = logging.getLogger("zhibiao")
LINK_COLUMNS = ("series_id", "publisher", "year", "is_target", "unit", "confidence", "reason")

# Figures that say the same in the same place of the same publisher's reports of a year (copies of
# one report) are one point. Each figure is mapped to the first of its point by id (a window, which
# DuckDB spills to disk, where a list of every point's figures had to fit in memory), and only those
# first figures are read into Python.
POINT_OF_SQL = """
create table scratch.point_of as
select
    f.figure_id,
    min(f.figure_id) over (
        partition by
            case when d.publisher is null then f.doc_id end,  -- a document without a publisher is its own
            d.publisher,
            d.report_year,
            f.unit,
            f.basis,
            f.qualifier = 'per_unit',
            f.is_target,
            f.period_end - f.period_start,
            f.program,
            f.metric_id,
            f.label,
            f.char_start - f.sentence_start,  -- the same place in
            f.char_end - f.sentence_start,
            hash(f.sentence)  -- the same sentence
    ) as first_id
from core.figures f
join core.documents d using (doc_id)
"""

FIGURES_SQL = """
select
    f.figure_id,
    case when d.publisher is null then f.doc_id end as own_doc,
    d.publisher,
    d.report_year,
    f.unit,
    f.basis,
    f.qualifier = 'per_unit' as per_unit,
    f.is_target,
    f.period_end - f.period_start as span,
    f.program,
    f.metric_id,
    coalesce(m.scope, '') as metric_scope,
    f.label,
    -- the words around the figure: up to 60 characters before it, 24 after
    substr(f.sentence, greatest(f.char_start - f.sentence_start - 60, 0) + 1,
           least(f.char_start - f.sentence_start, 60)) as before,
    substr(f.sentence, f.char_end - f.sentence_start + 1, 24) as after
from scratch.point_of p
join core.figures f on f.figure_id = p.figure_id
join core.documents d using (doc_id)
left join core.metrics m using (metric_id)
where p.figure_id = p.first_id
order by d.publisher, own_doc, d.report_year, f.figure_id
"""

# Every figure of a point joins it: scratch.point_firsts holds each point's first figure, as written.
MEMBERS_SQL = """
insert into core.series_figures
select p.figure_id, s.point_id
from scratch.point_of p
join scratch.point_firsts s on s.first_id = p.first_id
"""

ROWS_PER_READ = 20_000  # figures read at a time
POINTS_PER_WRITE = 50_000  # series points held before they are written


def write_series(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> None:
    """The core.series_* tables from the loaded figures, which the v2 views read.

    Run once per refresh, after the catalogs are loaded: it also warns, once,
    of each publisher no rule knows and each document without a publisher.
    """
    rules, words = rules_of(load_catalog(Path(directory))), words_of(load_catalog(Path(directory)))
    scope_of = {p: rules.scope_of(p) for p in warn_of_publishers(con, directory)}
    for ddl in DDLS:
        con.execute(ddl)
    con.execute("create schema scratch")  # the build's working tables, dropped below
    con.execute(POINT_OF_SQL)
    con.execute("create table scratch.point_firsts (first_id varchar not null, point_id integer not null)")
    reader = con.cursor()  # reads the figures while `con` writes the series
    try:
        (database,) = con.execute("select current_database()").fetchone()
        reader.execute(f'use "{database}"')  # a cursor starts in the connection's default database
        batches = reader.execute(FIGURES_SQL).to_arrow_reader(ROWS_PER_READ)
        writer = _SeriesWriter(con)
        for _, rows in groupby(_rows(batches, scope_of), key=lambda r: (r.publisher, r.own_doc)):
            writer.add(*members(list(rows), words))
        writer.flush()
    finally:
        reader.close()
    con.execute(MEMBERS_SQL)
    con.execute("drop schema scratch cascade")
    con.execute(YEARS_SQL)


def warn_of_publishers(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> set[str | None]:
    """Warn, once each, of the publishers no rule knows and the documents without one; the publishers."""
    publishers = dict(con.execute("select doc_id, publisher from core.documents").fetchall())
    for line in rules_of(load_catalog(Path(directory))).warnings(publishers):
        log.warning(line)
    return set(publishers.values())


def _rows(batches: pa.RecordBatchReader, scope_of: dict[str | None, str]) -> Iterator[Row]:
    """The rows of FIGURES_SQL as series.Row, a record batch at a time."""
    for batch in batches:
        for values in zip(*(column.to_pylist() for column in batch.columns), strict=True):
            values = list(values)
            metric_id, metric_scope = values[10], values.pop(11)
            if metric_id and not metric_fits(metric_scope, scope_of.get(values[2], "")):
                values[10] = None  # 城镇新增就业 of a district or of no known publisher is not the nation's
            values[0] = (values[0],)  # the point's first figure: the others join it in MEMBERS_SQL
            yield Row(*values)


class _SeriesWriter:
    """Series points and links, written a few publishers at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self.points: list[Member] = []
        self.links: list[tuple] = []
        self.written = 0  # points written so far: the next point_id

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


POINTS_DDL = """
create or replace table core.series_points (
    point_id integer not null,
    series_id varchar not null,
    publisher varchar,
    year integer,
    linked_by varchar not null,
    confidence double,
    reason varchar not null
)"""

FIGURES_DDL = """
create or replace table core.series_figures (
    figure_id varchar not null,
    point_id integer not null
)"""

LINKS_DDL = """
create or replace table core.series_links (
    series_id varchar not null,
    publisher varchar,
    year integer not null,
    is_target boolean not null,
    unit varchar not null,
    confidence double not null,
    reason varchar not null
)"""

YEARS_DDL = """
create or replace table core.series_years (
    series_id varchar not null,
    publisher varchar,
    year integer not null,
    is_target boolean not null,
    unit varchar not null,
    basis_class varchar not null,
    per_unit boolean not null,
    figure_id varchar not null,
    doc_id varchar not null,
    value double not null,
    linked_by varchar not null
)"""

# The figure that speaks for each series, publisher, year and kind (v2.yoy pairs them): single-year
# figures only, a catalogued one with its metric's unit and basis; the later report wins, then a whole
# over a 其中 part, then the figure of the sentence naming the most metrics, then the first mention.
YEARS_SQL = """
insert into core.series_years
with members as (
    select
        s.series_id,
        s.publisher,
        s.linked_by,
        f.figure_id,
        f.doc_id,
        f.value,
        f.unit,
        f.is_target,
        f.period_start as year,
        f.parent_figure_id,
        f.sentence_start,
        f.char_start,
        case when f.basis in ('new', 'change') then f.basis else 'stock' end as basis_class,
        f.qualifier = 'per_unit' as per_unit,
        d.report_year,
        d.published_on
    from core.series_points s
    join core.series_figures using (point_id)
    join core.figures f using (figure_id)
    join core.documents d using (doc_id)
    left join core.metrics m on m.metric_id = f.metric_id and s.linked_by = 'catalog'
    where f.period_start is not null
      and f.period_start = f.period_end
      and (
          m.metric_id is null
          or (
              (nullif(m.unit, '') is null or f.unit = m.unit)
              and (nullif(m.basis, '') is null or (m.basis = 'level' and f.basis is null) or f.basis = m.basis)
          )
      )
),
metrics_in_sentence as (
    select doc_id, sentence_start, count(distinct metric_id) as n
    from core.figures
    where metric_id is not null
    group by doc_id, sentence_start
),
points as (
    -- One figure per year, as a group's arg_max (cheaper than a window over every figure).
    select
        series_id, publisher, year, is_target, unit, basis_class, per_unit,
        arg_max(
            struct_pack(figure_id, doc_id, value, linked_by),
            struct_pack(
                ry := coalesce(report_year, -1),
                po := coalesce(published_on, date '0001-01-01'),
                doc_id,
                whole := parent_figure_id is null,
                n := coalesce(ms.n, 0),
                first := -char_start
            )
        ) as best
    from members
    left join metrics_in_sentence ms using (doc_id, sentence_start)
    group by all
)
select
    series_id, publisher, year, is_target, unit, basis_class, per_unit,
    best.figure_id, best.doc_id, best.value, best.linked_by
from points
"""

DDLS = (POINTS_DDL, FIGURES_DDL, LINKS_DDL, YEARS_DDL)
