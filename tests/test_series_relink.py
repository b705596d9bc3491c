"""Lining up again only the changed report years of a publisher (etl.series.relink) gives what lining it up whole gives.

Each case changes a publisher's rows of some report years (an edit, a drop, a
move to another year), lines the publisher up again with relink over the
nodes stored from the whole lining-up before, and holds the result, with the
points of the other years updated as relink says, to members() of the changed
rows: every point's series and link, every link, every stored node.
"""

from __future__ import annotations

import shutil
from itertools import groupby

import duckdb
import pytest

from etl.catalog import load_catalog
from etl.rules.publishers import rules_of
from etl.series import store
from etl.series.keys import Row, nodes_of
from etl.series.matching import assign, link, words_of
from etl.series.nodes import from_json, node_rows, read_stored, to_json
from etl.series.relink import relink

WORDS = words_of(load_catalog())


@pytest.fixture(scope="module")
def publishers(warehouse, tmp_path_factory) -> dict[str, list[Row]]:
    """The rows matching reads of each publisher of the shipped reports (a copy of the session's warehouse)."""
    db = tmp_path_factory.mktemp("relink") / "w.duckdb"
    shutil.copy(warehouse, db)
    con = duckdb.connect(str(db))
    try:
        con.execute("create schema scratch")
        con.execute(store._sql("build", "point_of"))
        rules = rules_of(load_catalog())
        scope_of = {
            p: rules.scope_of(p) for (p,) in con.execute("select distinct publisher from core.documents").fetchall()
        }
        batches = con.execute(store._sql("build", "points_to_match")).to_arrow_reader(20_000)
        rows = [r for r in store._rows(batches, scope_of) if r.own_doc is None]
    finally:
        con.close()
    return {p: list(group) for p, group in groupby(rows, key=lambda r: r.publisher)}


def _whole(rows: list[Row]):
    node_of = nodes_of(rows, WORDS)
    nodes = {n for n in node_of if n is not None}
    links = link(nodes)
    found = assign(rows, node_of, nodes, links)
    return found, sorted(node_rows(nodes, links, found.series_of))


def _point(m) -> tuple:
    return (m.figure_ids, m.series_id, m.linked_by, m.confidence, m.reason, m.node_id, m.year)


def _check(before: list[Row], after: list[Row], years: set) -> set[str]:
    """relink of `after`'s rows of `years` over the nodes of `before` equals the whole of `after`; the series renamed."""
    old, old_nodes = _whole(before)
    stored = read_stored([(r[0], *r[3:]) for r in old_nodes])
    new, new_nodes = _whole(after)
    again = relink([r for r in after if r.year in years], WORDS, stored, years)
    assert sorted(node_rows(again.nodes, again.links, again.found.series_of)) == new_nodes
    dropped = set(again.dropped)  # the stored rows that go, and those written in their place
    assert sorted([r for r in old_nodes if r[0] not in dropped] + again.rows) == new_nodes
    assert sorted(again.found.links) == sorted(new.links)
    updates = {i: rest for i, *rest in again.updates}
    kept = []
    for m in old.members:
        if m.year not in years:
            series_id, confidence, reason = updates.get(m.node_id, (m.series_id, m.confidence, m.reason))
            kept.append(m._replace(series_id=series_id, confidence=confidence, reason=reason))
    got = sorted(map(_point, kept + again.found.members))
    assert got == sorted(map(_point, new.members))
    moved = {m.series_id for m in old.members if m.year not in years} ^ {m.series_id for m in kept}
    assert moved <= again.renamed
    return again.renamed


def _relabel(rows: list[Row], year: int, every: int) -> list[Row]:
    """Every `every`-th row of `year` says something else (its words no longer those of its series)."""
    out, i = [], 0
    for r in rows:
        if r.year == year and not r.metric_id:
            i += 1
            if i % every == 0:
                r = r._replace(label="某某某某事项" + r.label[::-1], before="某某某某事项", after="")
        out.append(r)
    return out


@pytest.mark.parametrize("publisher", ["国务院", "海拉尔区人民政府"])
def test_an_edit_of_any_year_lined_up_again_equals_the_publisher_lined_up_whole(publishers, publisher):
    rows = publishers[publisher]
    years = sorted({r.year for r in rows})
    assert len(years) >= 8
    renamed = set()
    for year in years:  # the first, every middle and the last
        renamed |= _check(rows, _relabel(rows, year, 3), {year})
        renamed |= _check(rows, [r for r in rows if r.year != year], {year})  # dropped
        renamed |= _check([r for r in rows if r.year != year], rows, {year})  # added back
    assert renamed  # some edits renamed series whose points are in other years


def test_a_report_moved_to_another_year_is_lined_up_again_in_both(publishers):
    rows = publishers["国务院"]
    for was, now in ((2015, 2030), (2015, 2013), (2013, 2021), (2021, 2019)):
        moved = [r._replace(year=now) if r.year == was else r for r in rows]
        _check(rows, moved, {was, now})
        _check(moved, rows, {was, now})


def test_two_years_apart_are_lined_up_again_with_the_years_between(publishers):
    rows = publishers["海拉尔区人民政府"]
    _check(rows, _relabel(_relabel(rows, 2012, 2), 2016, 2), {2012, 2016})


def _catalogued(year: int, metric: str | None, doc: str) -> Row:
    return Row(
        (doc,), None, "国务院", year, "person", "new", False, False, 0, None, metric, "城镇新增就业人员",
        "城镇新增就业人员", "", 1.0e7, year, "", 1,
    )  # fmt: skip


def test_a_metric_no_longer_linked_before_a_year_lets_the_years_after_link_again():
    """A link never joins two metrics, so a metric gone from the first year changes the links two years on."""
    before = [_catalogued(2016, "jobs_a", "a"), _catalogued(2017, None, "b"), _catalogued(2018, "jobs_b", "c")]
    old, _ = _whole(before)
    assert [m.series_id for m in old.members] == ["jobs_a", "jobs_a", "jobs_b"]
    after = [_catalogued(2016, None, "a"), *before[1:]]
    renamed = _check(before, after, {2016})
    new, _ = _whole(after)
    assert [m.series_id for m in new.members] == ["jobs_b", "jobs_b", "jobs_b"]
    assert renamed == {"jobs_a", "jobs_b"}


def test_a_node_reads_back_from_its_json_equal(publishers):
    nodes = {n for n in nodes_of(publishers["国务院"], WORDS) if n is not None}
    assert len(nodes) > 500
    assert all(from_json(to_json(n)) == n for n in nodes)
