"""A figure's metric (data/catalog/metrics.csv): the first catalogued metric of its
unit and its report's scope whose pattern finds its label, else its list item."""

from __future__ import annotations

import re
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import NEVER, alternation, holds_any, top_level_alternatives, with_first_character_gate
from etl.records import Metric

CHANGE = "change"  # the basis of every figure of a growth
SIGNABLE = ("exact", "approx")  # qualifiers that keep their sense when the value is negated
ANCHOR = "^"  # an alternative that must start the label: ^{whole_opener}*(?:地区)?生产总值…


class MayName(NamedTuple):
    """Whether a text may name one of some metrics: their patterns' alternatives anchored at the text's
    start (^…) as one alternation tried there only, and the rest as one searched; each behind a
    first-character gate derived from it. It finds a match wherever any single pattern would."""

    anchored: re.Pattern
    free: re.Pattern

    def __call__(self, text: str) -> bool:
        return self.anchored.match(text) is not None or self.free.search(text) is not None


Candidates = tuple[tuple[Metric, ...], MayName]


def _by_scope(_catalog: Catalog) -> dict[tuple[str, str], Candidates]:
    return {}


def candidates(catalog: Catalog, unit: str, scope: str) -> Candidates:
    """The metrics a figure of `unit` in a report of `scope` can be, in catalog order, and whether a
    text may name one of them (MayName).

    A report of unknown scope reads as national: local twins need a known local publisher.
    """
    scope = scope or "national"
    cache = catalog.compiled(_by_scope)
    found = cache.get((unit, scope))
    if found is None:
        metrics = tuple(m for m in catalog.metrics if (not m.unit or m.unit == unit) and m.scope in ("", scope))
        alternatives = [a for m in metrics for a in top_level_alternatives(m.pattern.pattern)]
        anchored = "|".join(a.removeprefix(ANCHOR) for a in alternatives if a.startswith(ANCHOR))
        free = "|".join(a for a in alternatives if not a.startswith(ANCHOR))
        may_name = MayName(with_first_character_gate(anchored or NEVER), with_first_character_gate(free or NEVER))
        found = cache[(unit, scope)] = (metrics, may_name)
    return found


MEMO_SIZE = 1 << 16  # texts remembered per catalog before the memo starts afresh (bounded memory)


def _memo(_catalog: Catalog) -> dict:
    return {}


class MetricFinder:
    """Metric lookups for one report (its scope fixed)."""

    def __init__(self, catalog: Catalog, scope: str):
        self.catalog = catalog
        self.scope = scope
        # The metric each text names, by (unit, scope, measure, text): labels recur (城镇新增就业,
        # 投资), within a report and across reports, and a lookup depends on nothing else.
        self.memo = catalog.compiled(_memo)

    def of(self, item: str, label: str, unit: str, measure: str, basis: str | None = None) -> str | None:
        """The metric `label` names, else the one its list item names, of a figure of this unit,
        measure and basis: a metric of a stated basis (metrics.csv) takes only figures of it (a
        change, 增加2000元, never fills a level's slot, 人均可支配收入)."""
        for text in (label, item):
            key = (unit, self.scope, measure, basis, text)
            found = self.memo.get(key, key)
            if found is key:
                if len(self.memo) >= MEMO_SIZE:
                    self.memo.clear()
                found = self.memo[key] = self._named_in(text, unit, measure, basis)
            if found is not None:
                return found
        return None

    def valued(self, metric: str | None, value: float, direction: int | None, qualifier: str, basis, label: str):
        """(metric, the value it takes, the figure's basis) of a figure of `value` labelled `label`.

        A metric whose fall is its negative (metrics.csv falls) is a growth: each of its figures is a
        change, whatever words carry it (经济增长预期目标6.5%), and a fall is signed, 下降3.8% -3.8
        (增长-0.3% stays -0.3). Two readings fill no growth: a label naming a fall (fall_verb of
        words.csv) whose figure says no fall (下降幅度为3.8%, 增速回落至3.5%, 下降、增长分别为3.8%和2%:
        the fall's size, or a level, or another item's); and a bounded fall, 下降3%以上, at least a
        fall of 3, at most -3, whose qualifier would turn over with its sign."""
        if metric is None or metric not in self.catalog.compiled(_falling):
            return metric, (None if metric is None else value), basis
        if (direction is None or direction > 0) and self.catalog.compiled(_fall_named)(label):
            return None, None, basis
        if direction is None:
            return metric, value, CHANGE
        if direction < 0 and qualifier not in SIGNABLE:
            return None, None, basis
        return metric, direction * abs(value), CHANGE

    def _named_in(self, text: str, unit: str, measure: str, basis: str | None) -> str | None:
        metrics, may_name = candidates(self.catalog, unit, self.scope)
        if not may_name(text):  # one match and one search of all their patterns rule out most texts
            return None
        # A metric is its publisher's whole area: 区本级固定资产投资 (the district government's own
        # level) is not the district's 固定资产投资, and a series mixing the two would compare them.
        # Nor is another statistic of it (人均可支配收入中位数 is no mean: other_statistic of words.csv).
        if self.catalog.compiled(own_level).search(text) or self.catalog.compiled(other_statistic).search(text):
            return None
        # A difference of rates (回落2.1个百分点, 下降0.3个百分点) is neither a rate nor a growth:
        # only a metric whose measures name it takes it.
        points = measure in self.catalog.words["percentage_points"]
        for metric in metrics:
            if (
                metric.pattern.search(text)
                and (measure in metric.measures if metric.measures or points else True)
                and _fits(metric.basis, basis)
            ):
                return metric.metric_id
        return None


def _falling(catalog: Catalog) -> frozenset[str]:
    """The metrics whose fall is their negative value (metrics.csv falls: negative)."""
    return frozenset(m.metric_id for m in catalog.metrics if m.falls == "negative")


def _fall_named(catalog: Catalog):
    """Whether a label names a fall: a test for the fall_verb words of words.csv (gates.holds_any)."""
    return holds_any(catalog.words["fall_verb"])


def own_level(catalog: Catalog) -> re.Pattern:
    """The words of words.csv that name a government's own level (本级), one alternation."""
    return re.compile(alternation(catalog.words["own_level"]))


def other_statistic(catalog: Catalog) -> re.Pattern:
    """The words of words.csv that name another statistic of a quantity (中位数), one alternation."""
    return re.compile(alternation(catalog.words["other_statistic"]))


def _fits(metric_basis: str, basis: str | None) -> bool:
    """Whether a figure of `basis` may join a metric of `metric_basis` (the rule of v1.metric_series):
    any basis when the metric states none, no basis (a plain amount) for `level`, else the same."""
    if not metric_basis:
        return True
    return basis is None if metric_basis == "level" else basis == metric_basis
