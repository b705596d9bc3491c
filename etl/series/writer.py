"""The series step's writer: points, links and nodes of a few publishers at a time, into core.series_*.

etl.series.store reads the figures and hands each publisher's rows here
(lined_up: made whole; relinked: some report years lined up again, the points
of the others updated). Each point's first figure goes to scratch.point_firsts,
through which sql/build/series_figures.sql joins every figure of the point.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa

from etl.series.keys import Words, nodes_of
from etl.series.matching import Assigned, Member, Row, assign, link
from etl.series.nodes import NODE_COLUMNS, node_rows
from etl.series.relink import Relinked

LINK_COLUMNS = ("series_id", "publisher", "year", "is_target", "unit", "confidence", "reason")
POINTS_PER_WRITE = 50_000  # series points held before they are written
UPDATE_SCHEMA = pa.schema(
    [
        ("node_id", pa.string()),
        ("publisher", pa.string()),
        ("series_id", pa.string()),
        ("confidence", pa.float64()),
        ("reason", pa.string()),
    ]
)


class SeriesWriter:
    """Series points, links and nodes, written a few publishers at a time."""

    def __init__(self, con: duckdb.DuckDBPyConnection, first_point: int = 0) -> None:
        self.con = con
        self.points: list[Member] = []
        self.links: list[tuple] = []
        self.nodes: list[tuple] = []
        self.updates: list[tuple] = []  # (node_id, publisher, series_id, confidence, reason) of kept points
        self.renamed: set[tuple[str, str]] = set()
        self.written = first_point  # the next point_id

    def lined_up(self, rows: list[Row], words: Words, keep_nodes: bool) -> None:
        """The series of a publisher (or of a document without one) made whole; a publisher's nodes kept."""
        node_of = nodes_of(rows, words)
        nodes = {n for n in node_of if n is not None}
        links = link(nodes)
        found = assign(rows, node_of, nodes, links)
        self.add(found, node_rows(nodes, links, found.series_of) if keep_nodes else [])

    def relinked(self, publisher: str, again: Relinked) -> None:
        """A publisher lined up again in some report years (etl.series.relink)."""
        self.updates += [(i, publisher, *rest) for i, *rest in again.updates]
        self.renamed |= {(series_id, publisher) for series_id in again.renamed}
        if again.dropped:  # before the new rows are written: a node lined up again keeps its node_id
            self.con.register("dropped_nodes", pa.table({"node_id": again.dropped}))
            try:
                self.con.execute(
                    "delete from core.series_nodes where publisher = $publisher "
                    "and node_id in (select node_id from dropped_nodes)".replace("$publisher", _literal(publisher))
                )
            finally:
                self.con.unregister("dropped_nodes")
        self.add(again.found, again.rows)

    def add(self, found: Assigned, nodes: list[tuple]) -> None:
        self.points += found.members
        self.links += found.links
        self.nodes += nodes
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
        _insert(con, _columns(LINK_COLUMNS, self.links), "core.series_links")
        _insert(con, _columns(NODE_COLUMNS, self.nodes), "core.series_nodes")
        self.written += len(found)
        self.points, self.links, self.nodes = [], [], []

    def update_points(self, renamed: str | None) -> None:
        """The points of the years not lined up again whose series or link changed; the series renamed noted."""
        names = ("node_id", "publisher", "series_id", "confidence", "reason")
        if self.updates:
            self.con.register(
                "changed_points",
                pa.Table.from_pylist([dict(zip(names, u, strict=True)) for u in self.updates], UPDATE_SCHEMA),
            )
            try:
                self.con.execute(
                    "update core.series_points s set series_id = u.series_id, confidence = u.confidence, "
                    "reason = u.reason from changed_points u where s.node_id = u.node_id and s.publisher = u.publisher"
                )
            finally:
                self.con.unregister("changed_points")
        if renamed is not None:
            _insert(self.con, _columns(("series_id", "publisher"), sorted(self.renamed)), renamed)


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _columns(names: tuple[str, ...], rows: list[tuple]) -> pa.Table:
    return pa.table({c: [r[i] for r in rows] for i, c in enumerate(names)})


def _insert(con: duckdb.DuckDBPyConnection, table: pa.Table, into: str) -> None:
    if not table.num_rows:
        return
    con.register("new_rows", table)
    try:
        con.execute(f"insert into {into} by name select * from new_rows")
    finally:
        con.unregister("new_rows")
