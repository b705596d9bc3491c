"""The automatic links of a built warehouse with the figures they join, to judge them by reading the sentences.

A link joins two nodes (figures of one key in one report year); each is shown
by its first figure. The links are made again from the warehouse's figures
exactly as the refresh made them (store.write_series): the same SQL, the same
rows, the same matching. Only reads the warehouse: the working table lives in
an in-memory database attached for the purpose.
"""

from __future__ import annotations

from itertools import groupby
from pathlib import Path
from typing import NamedTuple

import duckdb

from etl.catalog import CATALOG_DIR, load_catalog
from etl.rules.publishers import rules_of
from etl.series.matching import Link, link, nodes_of, words_of
from etl.series.store import _rows, _sql

BANDS = ((1.0, 1.01), (0.9, 1.0), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6))  # [low, high) of confidence


class JudgedLink(NamedTuple):
    """A link and the first figure of each end, as (doc_id, label, value)."""

    link: Link
    earlier: tuple[str, str, float]
    later: tuple[str, str, float]

    @property
    def key(self) -> tuple:
        """What a judge's file names a link by: the publisher and both ends' documents, labels and values."""
        return (self.link.earlier.publisher, *self.earlier, *self.later)


def links_with_figures(db: Path, directory: Path = CATALOG_DIR) -> list[JudgedLink]:
    """Every automatic link of the warehouse file `db`, with its ends' first figures, surest first."""
    con = duckdb.connect()
    try:
        path = str(db).replace("'", "''")
        con.execute(f"attach '{path}' as warehouse (read_only)")
        con.execute("use warehouse")
        con.execute("attach ':memory:' as scratch")  # sql/build/point_of.sql writes scratch.point_of
        return _links(con, directory)
    finally:
        con.close()


def _links(con: duckdb.DuckDBPyConnection, directory: Path) -> list[JudgedLink]:
    catalog = load_catalog(Path(directory))
    rules, words = rules_of(catalog), words_of(catalog)
    publishers = [p for (p,) in con.execute("select distinct publisher from core.documents").fetchall()]
    scope_of = {p: rules.scope_of(p) for p in publishers}
    figures = {
        f: (doc, label, value)
        for f, doc, label, value in con.execute("select figure_id, doc_id, label, value from core.figures").fetchall()
    }
    con.execute(_sql("build", "point_of"))
    rows = list(_rows(con.execute(_sql("build", "points_to_match")).to_arrow_reader(20_000), scope_of))
    found = []
    for _, group in groupby(rows, key=lambda r: (r.publisher, r.own_doc)):
        group = list(group)
        first: dict = {}
        for r, n in zip(group, nodes_of(group, words), strict=True):
            if n is not None:
                first.setdefault(n, r.figure_ids[0])
        found += [JudgedLink(lk, figures[first[lk.earlier]], figures[first[lk.later]]) for lk in link(set(first))]
    return sorted(found, key=lambda j: (-j.link.confidence, j.key))


def band_of(confidence: float) -> tuple[float, float]:
    return next(b for b in BANDS if b[0] <= confidence < b[1])
