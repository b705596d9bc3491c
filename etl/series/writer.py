"""The series step's writer: points, links and nodes of a few publishers at a time, into core.series_*.

etl.series.store reads the figures and hands each publisher's rows here
(lined_up: made whole; relinked: some report years lined up again, the points
of the others updated). Each point's first figure goes to scratch.point_firsts,
through which sql/build/series_figures.sql joins every figure of the point.
"""

from __future__ import annotations

import duckdb

from etl.series import few_rows
from etl.series.keys import Words, nodes_of
from etl.series.matching import Assigned, Member, Row, assign, link
from etl.series.nodes import NODE_COLUMNS, node_rows
from etl.series.relink import Relinked

LINK_COLUMNS = ("series_id", "publisher", "year", "is_target", "unit", "confidence", "reason")
POINT_COLUMNS = ("point_id", *(name for name in Member._fields if name != "figure_ids"))
UPDATE_COLUMNS = (
    ("node_id", "VARCHAR"),
    ("publisher", "VARCHAR"),
    ("series_id", "VARCHAR"),
    ("confidence", "DOUBLE"),
    ("reason", "VARCHAR"),
)
POINTS_PER_WRITE = 50_000  # series points held before they are written


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
            dropped = few_rows.temp_table(
                self.con, "dropped_nodes", [("node_id", "VARCHAR")], [(i,) for i in again.dropped]
            )
            try:
                self.con.execute(
                    "delete from core.series_nodes where publisher = $publisher "
                    f"and node_id in (select node_id from {dropped})".replace("$publisher", _literal(publisher))
                )
            finally:
                self.con.execute(f"drop table {dropped}")
        self.add(again.found, again.rows)

    def add(self, found: Assigned, nodes: list[tuple]) -> None:
        self.points += found.members
        self.links += found.links
        self.nodes += nodes
        if len(self.points) >= POINTS_PER_WRITE:
            self.flush()

    def flush(self) -> None:
        found, con = self.points, self.con
        # Tuples through few_rows: a few points (an edit's) go in without Arrow, so without pandas.
        point_ids = range(self.written, self.written + len(found))
        few_rows.insert(
            con,
            "scratch.point_firsts",
            ("first_id", "point_id"),
            [(m.figure_ids[0], i) for m, i in zip(found, point_ids, strict=True)],
        )
        few_rows.insert(
            con, "core.series_points", POINT_COLUMNS, [(i, *m[1:]) for m, i in zip(found, point_ids, strict=True)]
        )
        few_rows.insert(con, "core.series_links", LINK_COLUMNS, self.links)
        few_rows.insert(con, "core.series_nodes", NODE_COLUMNS, self.nodes)
        self.written += len(found)
        self.points, self.links, self.nodes = [], [], []

    def update_points(self, renamed: str | None) -> None:
        """The points of the years not lined up again whose series or link changed; the series renamed noted."""
        if self.updates:
            changed = few_rows.temp_table(self.con, "changed_points", UPDATE_COLUMNS, self.updates)
            try:
                self.con.execute(
                    "update core.series_points s set series_id = u.series_id, confidence = u.confidence, "
                    f"reason = u.reason from {changed} u where s.node_id = u.node_id and s.publisher = u.publisher"
                )
            finally:
                self.con.execute(f"drop table {changed}")
        if renamed is not None:
            few_rows.insert(self.con, renamed, ("series_id", "publisher"), sorted(self.renamed))


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
