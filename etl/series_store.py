"""The series tables of a warehouse: figures read for etl.series, members and links written back.

core.series_members (every figure's series, how it joined and how sure) and
core.series_links (one row per automatic link between two report years) are
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

FIGURES_SQL = """
select f.figure_id, f.doc_id, d.publisher, d.report_year, f.unit, f.basis, f.qualifier,
    f.is_target, f.period_end - f.period_start as span, f.program, f.metric_id, coalesce(m.scope, '') as metric_scope,
    f.label,
    substr(f.sentence, greatest(f.char_start - f.sentence_start - 60, 0) + 1,
           f.char_start - f.sentence_start - greatest(f.char_start - f.sentence_start - 60, 0)) as before,
    substr(f.sentence, f.char_end - f.sentence_start + 1, 24) as after,
    lag(f.label) over (partition by f.doc_id, f.sentence_start order by f.char_start) as previous_label
from core.figures f join core.documents d using (doc_id) left join core.metrics m using (metric_id)
order by f.doc_id, f.char_start
"""


def write_series(con: duckdb.DuckDBPyConnection, directory: Path = CATALOG_DIR) -> None:
    """core.series_members and core.series_links from the loaded figures, which the v2 views read.

    Run once per refresh, after the catalogs are loaded: it also warns, once,
    of each publisher no rule knows and each document without a publisher.
    """
    rules = load_rules(Path(directory))
    publisher_of = dict(con.execute("select doc_id, publisher from core.documents").fetchall())
    for line in rules.warnings(publisher_of):
        log.warning(line)
    scope_of = {p: rules.scope_of(p) for p in set(publisher_of.values())}
    rows = []
    for values in con.execute(FIGURES_SQL).fetchall():
        metric_id, metric_scope = values[10], values[11]
        if metric_id and not metric_fits(metric_scope, scope_of.get(publisher_of.get(values[1]), "")):
            metric_id = None  # 城镇新增就业 of a district or of no known publisher is not the nation's
        rows.append(Row(*values[:10], metric_id, *values[12:]))
    found, links = members(rows, load_words(Path(directory)))
    con.execute(MEMBERS_DDL)
    con.execute(LINKS_DDL)
    tables = (
        ("series_members", Member._fields, found),
        ("series_links", LINK_COLUMNS, links),
    )
    for table, columns, records in tables:
        if not records:
            continue
        con.register("new_rows", pa.table({c: [r[i] for r in records] for i, c in enumerate(columns)}))
        try:
            con.execute(f"insert into core.{table} by name select * from new_rows")
        finally:
            con.unregister("new_rows")


MEMBERS_DDL = """
create or replace table core.series_members (
    figure_id varchar primary key,
    series_id varchar not null,
    publisher varchar,
    year integer,
    linked_by varchar not null,
    confidence double,
    reason varchar not null
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
