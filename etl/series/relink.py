"""Lining up again only the report years of a publisher whose documents changed.

A publisher's points are partitioned by report year, and a node (keys.Node)
is made of the points of one report year, so the nodes of the other years
are as stored (core.series_nodes). Links join nodes of consecutive report
years only, and those between years Y and Y+1 depend on the nodes of those
two years and on one thing more (matching.link): the metric already linked
before each node of Y, since a link never joins two metrics. So after an edit
of the years `years`, the links from the year before the first to the year
after the last are made again, seeded with the stored metrics linked before
that first year; and if the metric linked before a node of the last year
changed, the next year's links could change too, so the span grows a year at
a time until it did not. The series are then named over every node and link
of the publisher (matching.assign: no words compared), and the points of the
other years whose series or link changed are updated (Relinked.updates).
"""

from __future__ import annotations

from typing import NamedTuple

from etl.series.keys import Node, Row, Words, nodes_of
from etl.series.matching import Assigned, Link, assign, how_joined, link
from etl.series.nodes import Stored, node_id, node_rows


class Relinked(NamedTuple):
    found: Assigned  # the members of the rows given (the changed years'), the publisher's links
    nodes: set[Node]  # every node of the publisher, and
    links: list[Link]  # every link
    updates: list[tuple]  # (node_id, series_id, confidence, reason) of the points of other years to change
    renamed: set[str]  # the series, old and new ids, that points of other years left or joined
    rows: list[tuple]  # the core.series_nodes rows to write: those of `years`, and the others' that changed
    dropped: list[str]  # the node_ids whose stored rows go: of `years`, and of the others that changed


def relink(rows: list[Row], words: Words, stored: dict[str, Stored], years: set[int | None]) -> Relinked:
    """The series of a publisher whose documents of report `years` changed: `rows` are those years' rows."""
    node_of = nodes_of(rows, words)
    fresh = {n for n in node_of if n is not None}
    nodes, links = relinked(stored, fresh, {y for y in years if y is not None})
    found = assign(rows, node_of, nodes, links)
    old_joined = _joined(stored)
    updates, renamed = [], set()
    for i, s in stored.items():
        n = s.node
        if n.year in years or n.metric_id:
            continue  # made again; a catalogued node's series is its metric
        series_id, (confidence, reason) = found.series_of[n], how_joined(n, found.joined)
        if (series_id, confidence, reason) != (s.series_id, *how_joined(n, old_joined)):
            updates.append((i, series_id, confidence, reason))
        if series_id != s.series_id:
            renamed |= {series_id, s.series_id}
    ids, before = {s.node: i for i, s in stored.items()}, {lk.later: lk for lk in links}
    changed = {n for n in nodes if n.year in years} | {
        n for n in nodes if n.year not in years and _stored(stored[ids[n]]) != _row(n, found, before, ids)
    }
    dropped = [i for i, s in stored.items() if s.node.year in years or s.node in changed]
    return Relinked(found, nodes, links, updates, renamed, node_rows(changed, links, found.series_of), dropped)


def _row(n: Node, found: Assigned, before: dict[Node, Link], ids: dict[Node, str]) -> tuple:
    """The series and the link to the year before of a node not lined up again, as core.series_nodes stores them."""
    lk = before.get(n)
    if lk is None:
        return (found.series_of[n], None, None, None)
    return (found.series_of[n], ids.get(lk.earlier) or node_id(lk.earlier), lk.confidence, lk.reason)


def _stored(s: Stored) -> tuple:
    return (s.series_id, s.earlier, s.confidence, s.reason)


def relinked(stored: dict[str, Stored], fresh: set[Node], years: set[int]) -> tuple[set[Node], list[Link]]:
    """Every node of the publisher (those of `years` from `fresh`, the others stored) and every link."""
    by_id = {i: s.node for i, s in stored.items()}
    old = [Link(by_id[s.earlier], s.node, s.confidence, s.reason) for s in stored.values() if s.earlier]
    nodes = {n for n in by_id.values() if n.year not in years} | fresh
    if not years:
        return nodes, old
    present = {n.year for n in nodes}
    old_behind = _behind(old)
    lo, hi = min(years) - 1, max(years) + 1
    while True:
        run = {n for n in nodes if lo <= n.year <= hi}
        seeds = {n: m for n in run if n.year == lo and (m := old_behind(n))}
        links = [lk for lk in old if not lo < lk.later.year <= hi] + link(run, seeds)
        new_behind = _behind(links)
        if hi + 1 not in present or all(new_behind(n) == old_behind(n) for n in run if n.year == hi):
            return nodes, links
        hi += 1  # a metric linked before the last year changed: the next year's links may too


def _behind(links: list[Link]):
    """The metric of a node or of the nodes linked before it (a series holds one metric at most)."""
    before = {lk.later: lk.earlier for lk in links}

    def metric(n: Node) -> str | None:
        while not n.metric_id and n in before:
            n = before[n]
        return n.metric_id

    return metric


def _joined(stored: dict[str, Stored]) -> dict[Node, tuple[float, str]]:
    """How each stored node joined its series: its link to the year before, else to the year after."""
    joined = {}
    for s in stored.values():
        if s.earlier:
            joined.setdefault(stored[s.earlier].node, (s.confidence, s.reason))
    for s in stored.values():
        if s.earlier:
            joined[s.node] = (s.confidence, s.reason)
    return joined
