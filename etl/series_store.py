"""The series tables of a warehouse: figures read for etl.series, members and links written back.

core.series_points (the figures of a report year that say the same: their
series, how they joined it and how sure), core.series_figures (each figure's
point) and core.series_links (one row per automatic link between two report
years) are
made anew at every refresh, after the figures and catalogs are loaded and
before the views that read them (load.create_views).
"""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pyarrow as pa

from .catalog import CATALOG_DIR
from .publishers import load_rules, metric_fits
from .series import Member, Row, load_words, members

log = logging.getLogger("zhibiao")
LINK_COLUMNS = ("series_id", "publisher", "year", "is_target", "unit", "confidence", "reason")

# Figures that say the same in the same place of the same publisher's reports of a year
# (copies of one report) are read as one row.
FIGURES_SQL = """
with grouped as (
    select
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
        f.label,
        f.char_start - f.sentence_start as at,
        f.char_end - f.sentence_start as upto,
        hash(f.sentence) as sentence_hash,
        any_value(f.sentence) as sentence,
        list(f.figure_id order by f.figure_id) as figure_ids
    from core.figures f
    join core.documents d using (doc_id)
    group by all
)
select
    g.figure_ids, g.own_doc, g.publisher, g.report_year, g.unit, g.basis, g.per_unit, g.is_target, g.span,
    g.program, g.metric_id, coalesce(m.scope, '') as metric_scope, g.label,
    substr(g.sentence, greatest(g.at - 60, 0) + 1, g.at - greatest(g.at - 60, 0)) as before,
    substr(g.sentence, g.upto + 1, 24) as after
from grouped g
left join core.metrics m using (metric_id)
order by g.publisher, g.report_year, g.figure_ids
"""


def write_series(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> None:
    """The core.series_* tables from the loaded figures, which the v2 views read.

    Run once per refresh, after the catalogs are loaded: it also warns, once,
    of each publisher no rule knows and each document without a publisher.
    """
    rules = load_rules(Path(directory))
    publishers = dict(con.execute("select doc_id, publisher from core.documents").fetchall())
    for line in rules.warnings(publishers):
        log.warning(line)
    scope_of = {p: rules.scope_of(p) for p in set(publishers.values())}
    table = con.execute(FIGURES_SQL).to_arrow_table()
    rows = []
    for values in zip(*(column.to_pylist() for column in table.columns), strict=True):
        values = list(values)
        metric_id, metric_scope = values[10], values.pop(11)
        if metric_id and not metric_fits(metric_scope, scope_of.get(values[2], "")):
            values[10] = None  # 城镇新增就业 of a district or of no known publisher is not the nation's
        values[0] = tuple(values[0])
        rows.append(Row(*values))
    found, links = members(rows, load_words(Path(directory)))
    for ddl in (POINTS_DDL, FIGURES_DDL, LINKS_DDL):
        con.execute(ddl)
    # Figures that say the same are one point: its row once, and one narrow row per figure.
    ids = pa.array([m.figure_ids for m in found], pa.list_(pa.string()))
    _insert(con, pa.table({"figure_id": ids.flatten(), "point_id": ids.value_parent_indices()}), "series_figures")
    points = {"point_id": list(range(len(found)))}
    points.update((name, [m[i] for m in found]) for i, name in enumerate(Member._fields) if name != "figure_ids")
    _insert(con, pa.table(points), "series_points")
    _insert(con, pa.table({c: [r[i] for r in links] for i, c in enumerate(LINK_COLUMNS)}), "series_links")


def _insert(con: duckdb.DuckDBPyConnection, table: pa.Table, into: str) -> None:
    if not table.num_rows:
        return
    con.register("new_rows", table)
    try:
        con.execute(f"insert into core.{into} by name select * from new_rows")
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

DDLS = (POINTS_DDL, FIGURES_DDL, LINKS_DDL)
