"""A series node as core.series_nodes stores it: its id, its fields as JSON, and the row of it.

A build keeps every node of a publisher's series (keys.Node: the points of a
report year with one key) with its series and its link to the year before,
so that a later build can line up again only the report years whose
documents changed (etl.series.relink) and name the series over the nodes and
links of the other years as stored.
"""

from __future__ import annotations

import hashlib
import json
from typing import NamedTuple

from etl.series.keys import Node

NODE_COLUMNS = ("node_id", "publisher", "year", "node", "series_id", "earlier", "confidence", "reason")


class Stored(NamedTuple):
    """A row of core.series_nodes, its node read back."""

    node: Node
    series_id: str
    earlier: str | None  # the node_id of the year before it is linked to
    confidence: float | None
    reason: str | None


def node_id(n: Node) -> str:
    """A digest of the node's key (keys.nodes_of): publisher, report year, bucket, basis, words, metric."""
    key = (n.publisher, n.year, n.bucket, n.basis, "" if n.metric_id else n.words, n.metric_id)
    return hashlib.sha1(repr(key).encode()).hexdigest()[:16]


def to_json(n: Node) -> str:
    """The node's fields as a JSON list, sets sorted (from_json reads them back equal)."""
    fields = [*n[:2], list(n.bucket), *n[3:6], sorted(n.programs), *n[7:11], sorted(n.parts)]
    return json.dumps(fields, ensure_ascii=False)


def from_json(text: str) -> Node:
    publisher, year, bucket, basis, words, metric_id, programs, name, specific, alone, own_level, parts = json.loads(
        text
    )
    return Node(
        publisher,
        year,
        tuple(bucket),
        basis,
        words,
        metric_id,
        frozenset(programs),
        name,
        specific,
        alone,
        own_level,
        frozenset(parts),
    )


def node_rows(nodes: set[Node], links: list, series_of: dict[Node, str]) -> list[tuple]:
    """The core.series_nodes rows of a publisher's nodes (NODE_COLUMNS), each with its link to the year before."""
    before = {lk.later: lk for lk in links}
    rows = []
    for n in nodes:
        lk = before.get(n)
        earlier, confidence, reason = (node_id(lk.earlier), lk.confidence, lk.reason) if lk else (None, None, None)
        rows.append((node_id(n), n.publisher, n.year, to_json(n), series_of[n], earlier, confidence, reason))
    return rows


def read_stored(rows: list[tuple]) -> dict[str, Stored]:
    """Rows of core.series_nodes (node_id, node, series_id, earlier, confidence, reason), by node_id."""
    return {i: Stored(from_json(node), series, earlier, c, r) for i, node, series, earlier, c, r in rows}
