"""Series that line up across report years by themselves, each link with a confidence and a reason.

Each figure has a key (keys.py). Figures of one publisher in consecutive
report years are linked when their keys agree on all but the words and the
words are alike: the Dice coefficient of their character bigrams, times
STOCK_MIX for a level beside a cumulative total, is at least SIMILAR (a key
with the same words is 1.0). Each figure links to at most one of the year
before and one of the year after, best score first. What is left is linked
when it is the only figure of its programme (programs.csv) and key in both
years and the words share a bigram (PROGRAMME_CONFIDENCE). A link may join a
figure to a catalogued series, never two metrics together.
Figures without a publisher are never linked to another document's.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from functools import lru_cache
from typing import NamedTuple

from etl.series.keys import ITEM_BREAK, Node, Row, Words, nodes_of, quantity_words, words_of
from etl.series.nodes import node_id

__all__ = [
    "ITEM_BREAK",
    "Assigned",
    "Link",
    "Member",
    "Node",
    "Row",
    "assign",
    "bigram_similarity",
    "link",
    "members",
    "quantity_words",
    "words_of",
]

SIMILAR = 0.5  # bigram Dice: 会员发展专项资金 ~ 入会专项资金 is 0.5, 进口 ~ 出口 is 0
PROGRAMME_CONFIDENCE = 0.6
STOCK_MIX = 0.9  # a level beside a cumulative total (总数达到 ~ 目前累计达): the same stock, less sure


class Link(NamedTuple):
    earlier: Node
    later: Node
    confidence: float
    reason: str


class Member(NamedTuple):
    figure_ids: tuple[str, ...]
    series_id: str
    publisher: str | None
    own_doc: str | None  # the doc_id when the document has no publisher: a publisher of its own
    year: int | None
    linked_by: str  # catalog or auto
    confidence: float | None
    reason: str
    node_id: str | None  # its node's (etl.series.nodes.node_id), None without a report year


class Assigned(NamedTuple):
    """What assign makes of a publisher's nodes and links."""

    members: list[Member]  # one per row given
    links: list[tuple]  # core.series_links rows, one per link
    series_of: dict[Node, str]
    joined: dict[Node, tuple[float, str]]  # how a node joined its series: its link to the year before, else after


def bigram_similarity(a: str, b: str) -> float:
    """Dice coefficient of the character bigrams of two texts (a one-character text is its own bigram)."""
    if a == b:
        return 1.0
    x, y = _bigrams(a), _bigrams(b)
    if not x or not y:
        return 0.0
    return 2 * len(x & y) / (len(x) + len(y))


def link(nodes: set[Node], behind: dict[Node, str] | None = None) -> list[Link]:
    """The links between nodes of consecutive years, best first, one each way per node.

    A link never joins two metrics: whether it would depends on the metric of the nodes already
    linked before each node. Lining up only some years (etl.series.relink), `behind` gives the
    metric linked before a node of the first year given, by links of years not given.
    """
    by_year: dict[tuple[str, int], list[Node]] = defaultdict(list)
    for n in sorted(nodes, key=_order):
        by_year[(n.publisher, n.year)].append(n)
    components = _Components()
    forward, backward = set(), set()  # nodes whose link to the year after / before is taken
    catalogued = {(n.publisher, n.year, n.bucket, n.metric_id) for n in nodes if n.metric_id}
    for n in nodes:
        components.add(n)
        if behind and n in behind:
            components.metric[n] = n.metric_id or behind[n]
        if n.metric_id and (n.publisher, n.year + 1, n.bucket, n.metric_id) in catalogued:
            forward.add(n)  # the catalog links it
        if n.metric_id and (n.publisher, n.year - 1, n.bucket, n.metric_id) in catalogued:
            backward.add(n)
    links: list[Link] = []
    for (publisher, year), earlier in sorted(by_year.items()):
        later = by_year.get((publisher, year + 1))
        if not later:
            continue
        buckets: dict[tuple, tuple[list, list]] = defaultdict(lambda: ([], []))
        for n in earlier:
            buckets[n.bucket][0].append(n)
        for n in later:
            buckets[n.bucket][1].append(n)
        for left, right in buckets.values():
            if not right or not left:
                continue

            def take(a: Node, b: Node, confidence: float, reason: str) -> None:
                if a in forward or b in backward or (a.metric_id and b.metric_id) or a.alone or b.alone:
                    return
                if a.own_level != b.own_level:
                    return  # 区本级固定资产投资 is not the district's 固定资产投资
                if a.parts and b.parts and not a.parts & b.parts:
                    return  # 城镇居民 is not 农村居民 (subject_pairs.csv), though their words are alike
                if not components.union(a, b):
                    return  # it would join two metrics
                forward.add(a)
                backward.add(b)
                links.append(Link(a, b, round(confidence, 2), reason))

            for score, reason, a, b in sorted(
                _candidates(left, right), key=lambda c: (-c[0], _order(c[2]), _order(c[3]))
            ):
                take(a, b, score, reason)
            for program in sorted(set().union(*(n.programs for n in left)) & set().union(*(n.programs for n in right))):
                (a, *more_a), (b, *more_b) = ([n for n in side if program in n.programs] for side in (left, right))
                if not more_a and not more_b and _bigrams(a.specific) & _bigrams(b.specific):
                    unit = a.bucket[1]
                    take(a, b, PROGRAMME_CONFIDENCE, f"the only {unit} figure of programme {program} in both years")
    return links


def _candidates(left: list[Node], right: list[Node]):
    """(score, reason, earlier, later) for every pair whose words are alike; only pairs sharing a bigram are compared."""
    index: dict[str, list[Node]] = defaultdict(list)
    for b in right:
        for gram in _bigrams(b.words):
            index[gram].append(b)
    for a in left:
        seen = set()
        for gram in _bigrams(a.words):
            for b in index.get(gram, ()):
                if b in seen:
                    continue
                seen.add(b)
                if not _bigrams(a.specific) & _bigrams(b.specific):
                    continue  # 沿河道路建设任务 ~ 大棚建设任务 share only generic words
                similarity = bigram_similarity(a.words, b.words)
                score = similarity * (STOCK_MIX if a.basis != b.basis else 1.0)
                if score < SIMILAR:
                    continue
                # The reason names the words as written (高效节水灌溉面积), the score compares the keys' words.
                x, y = a.name or a.words, b.name or b.words
                if similarity == 1.0:
                    reason = f"same words {x}" if x == y else f"same words {x} ~ {y}"
                else:
                    reason = f"words {x} ~ {y} (bigram similarity {similarity:.2f})"
                if a.basis != b.basis:
                    reason += f"; {a.basis or 'level'} beside {b.basis or 'level'}"
                yield score, reason, a, b


def members(rows: list[Row], words: Words) -> tuple[list[Member], list[tuple]]:
    """Every row's series, and the links (series_id, publisher, year, is_target, unit, confidence, reason)."""
    node_of = nodes_of(rows, words)
    nodes = {n for n in node_of if n is not None}
    found = assign(rows, node_of, nodes, link(nodes))
    return found.members, found.links


def assign(rows: list[Row], node_of: list[Node | None], nodes: set[Node], links: list[Link]) -> Assigned:
    """The series of `nodes` joined by `links` (a publisher's, every year), and the members of `rows`.

    The rows may be those of some report years only (node_of: their nodes): the series are named
    over every node and link given.
    """
    components = _Components()
    for n in nodes:
        components.add(n)
    for a, b, _, _ in links:
        components.union(a, b)
    series_of = {}
    for group in components.groups():
        metric = next((n.metric_id for n in group if n.metric_id), None)
        series_of.update((n, metric or _auto_id(min(group, key=_order_by_year))) for n in group)
    joined: dict[Node, tuple[float, str]] = {}
    for a, b, confidence, reason in sorted(links, key=lambda lk: -lk.earlier.year):
        joined[b] = (confidence, reason)  # how the later one joined
        joined.setdefault(a, (confidence, reason))
    out, ids = [], {}
    for r, n in zip(rows, node_of, strict=True):
        if n is None:
            series_id, linked_by, confidence, reason = f"auto:?{r.figure_ids[0]}", "auto", None, "no report year"
        elif r.metric_id:
            series_id, linked_by, confidence, reason = series_of[n], "catalog", 1.0, f"metric {r.metric_id}"
        else:
            confidence, reason = how_joined(n, joined)
            series_id, linked_by = series_of[n], "auto"
        node = None if n is None else ids.get(n) or ids.setdefault(n, node_id(n))
        out.append(Member(r.figure_ids, series_id, r.publisher, r.own_doc, r.year, linked_by, confidence, reason, node))
    link_rows = [
        (series_of[b], b.publisher, b.year, b.bucket[0], b.bucket[1], confidence, reason)
        for a, b, confidence, reason in links
    ]
    return Assigned(out, link_rows, series_of, joined)


def how_joined(n: Node, joined: dict[Node, tuple[float, str]]) -> tuple[float | None, str]:
    """The confidence and reason of an uncatalogued node's points: its link's, or why it has none."""
    return joined.get(n, (None, n.alone or "no figure of the year before or after is alike"))


def _order(n: Node) -> tuple:
    """A total order of nodes (their fields may be None), for results that do not depend on set order."""
    return (n.publisher, n.year, repr(n.bucket), n.basis or "", n.words, n.metric_id or "")


def _order_by_year(n: Node) -> tuple:
    return (n.year, *_order(n))


def _auto_id(n: Node) -> str:
    """auto:<publisher>:<words as written>:<unit>:<basis class>[:fall][:per_unit][:target][:<n>y]:<digest>, named by
    the series' earliest node; the digest of that node's key keeps apart series whose words read alike."""
    is_target, unit, basis, per_unit, span, _, *fall = n.bucket
    extras = ":fall" if fall else ""
    extras += (":per_unit" if per_unit else "") + (":target" if is_target else "") + (f":{span + 1}y" if span else "")
    digest = hashlib.sha1(repr(_order_by_year(n)).encode()).hexdigest()[:6]
    name = (n.name or n.words or "?").replace(":", "")
    return f"auto:{n.publisher}:{name}:{unit}:{basis}{extras}:{digest}"


class _Components:
    """Union-find over nodes; a component holds at most one metric."""

    def __init__(self):
        self.parent: dict[Node, Node] = {}
        self.metric: dict[Node, str | None] = {}

    def add(self, n: Node) -> None:
        if n not in self.parent:
            self.parent[n] = n
            self.metric[n] = n.metric_id

    def find(self, n: Node) -> Node:
        while self.parent[n] is not n:
            self.parent[n] = self.parent[self.parent[n]]
            n = self.parent[n]
        return n

    def union(self, a: Node, b: Node) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra is rb:
            return True
        ma, mb = self.metric[ra], self.metric[rb]
        if ma and mb and ma != mb:
            return False
        self.parent[rb] = ra
        self.metric[ra] = ma or mb
        return True

    def groups(self) -> list[list[Node]]:
        out: dict[Node, list[Node]] = defaultdict(list)
        for n in self.parent:
            out[self.find(n)].append(n)
        return list(out.values())


@lru_cache(maxsize=1 << 16)
def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) or frozenset(text)
