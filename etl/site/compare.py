"""Comparison pages: per metric and year, what each publisher stated, side by side (v2.compare).

A page for metric M and year N puts each publisher on a row: the outcome of N (the year its report
reviews) and the target for N+1 (set in that report), each as the sentence writes it (110万人以上,
6%-6.5%) and linked to its sentence. Where a publisher's figures state different values, v2.compare
gives no answer and v2.compare_conflicts says which: the cell links each of them. Nothing is
worked out here: every cell is a row of one of those two views.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from etl.site.html import figure_href, link, page, series_page, slug, table, zh

COMPARE_SQL = """
select c.metric_id, coalesce(n.name_zh, c.metric_id) as name_zh, n.name_en, c.publisher, c.year, c.is_target,
       c.written, c.figure_id, c.doc_id
from v2.compare c
left join (select distinct series_id, name_zh, name_en from v2.series_years where series_id not like 'auto:%') n
    on n.series_id = c.metric_id
where c.publisher is not null
order by c.metric_id, c.year, c.publisher, c.is_target
"""

CONFLICTS_SQL = """
select k.metric_id, coalesce(n.name_zh, k.metric_id) as name_zh, n.name_en, k.publisher, k.year, k.is_target,
       list(struct_pack(written := f.surface, figure_id := f.figure_id, doc_id := f.doc_id)
            order by f.doc_id, f.char_start) as figures
from v2.compare_conflicts k
cross join unnest(string_split(k.figure_ids, ',')) as u(id)
join v2.figures f on f.figure_id = u.id
left join (select distinct series_id, name_zh, name_en from v2.series_years where series_id not like 'auto:%') n
    on n.series_id = k.metric_id
where k.publisher is not null
group by all
order by k.metric_id, k.year, k.publisher, k.is_target
"""


@dataclass(frozen=True)
class Stated:
    """What one publisher stated for a metric, year and kind: one answer, or the figures that disagree."""

    metric_id: str
    name_zh: str
    name_en: str | None
    publisher: str
    year: int
    is_target: bool
    answers: tuple[tuple[str, str, str], ...]  # (written, figure_id, doc_id): one, or each that disagrees

    @property
    def agreed(self) -> bool:
        return len(self.answers) == 1


def read_compare(con) -> list[Stated]:
    """Every row of v2.compare and v2.compare_conflicts, by metric, year and publisher."""
    rows = [Stated(*r[:6], ((r[6], r[7], r[8]),)) for r in con.execute(COMPARE_SQL).fetchall()]
    for r in con.execute(CONFLICTS_SQL).fetchall():
        answers = tuple((f["written"], f["figure_id"], f["doc_id"]) for f in r[6])
        rows.append(Stated(*r[:6], answers))
    return sorted(rows, key=lambda s: (s.metric_id, s.year, s.publisher, s.is_target))


def comparison_page(metric_id: str, year: int) -> str:
    return f"compare-{slug(metric_id)}-{year}.html"


def comparisons(stated: list[Stated]) -> dict[tuple[str, int], list[Stated]]:
    """(metric, year reviewed N) -> the outcomes of N and the targets for N+1 that the publishers stated."""
    pages: dict[tuple[str, int], list[Stated]] = {}
    for s in stated:
        pages.setdefault((s.metric_id, s.year - 1 if s.is_target else s.year), []).append(s)
    return dict(sorted(pages.items()))


def _cell(s: Stated | None) -> str:
    if s is None:
        return ""
    if s.agreed:
        written, figure_id, doc_id = s.answers[0]
        return f"{link(figure_href(doc_id, figure_id), written, lang='zh')} <small>{escape(doc_id)}</small>"
    links = "; ".join(
        f"{link(figure_href(doc_id, figure_id), written, lang='zh')} <small>{escape(doc_id)}</small>"
        for written, figure_id, doc_id in s.answers
    )
    return f'<span class="meta">no single answer, {len(s.answers)} figures differ:</span> {links}'


def comparison_page_html(metric_id: str, year: int, stated: list[Stated], series_pages: set[str]) -> str:
    """Publishers side by side: the outcome of `year` and the target for the year after, each linked to its sentence."""
    name_zh, name_en = stated[0].name_zh, stated[0].name_en
    by_publisher: dict[str, dict[bool, Stated]] = {}
    for s in stated:
        by_publisher.setdefault(s.publisher, {})[s.is_target] = s

    def publisher(name: str) -> str:  # to the publisher's series of the metric, when it has a page
        return (
            link(series_page(name, metric_id), name, lang="zh")
            if series_page(name, metric_id) in series_pages
            else zh(name)
        )

    rows = [[publisher(p), _cell(pair.get(False)), _cell(pair.get(True))] for p, pair in sorted(by_publisher.items())]
    headers = ["publisher", f"outcome of {year}", f"target for {year + 1}"]
    body = (
        f'<h1><span lang="zh">{escape(name_zh)}</span> <small>{escape(name_en or metric_id)}</small>: {year}</h1>\n'
        f'<p class="meta">What each publisher’s report states for <code>{escape(metric_id)}</code>: the outcome of '
        f"{year}, the year it reviews, and the target it sets for {year + 1}, as the sentence writes it (a range "
        "with both ends, 以上 and 左右 as written); each links to its sentence. Publishers are never added up. "
        "Read from v2.compare; where one publisher's figures state different values there is no answer, and "
        "v2.compare_conflicts names them.</p>\n"
        + table(f"{len(rows)} publisher{'' if len(rows) == 1 else 's'}", headers, rows)
    )
    return page(f"{name_zh} {year}", body, [("index.html#compare", "comparisons")])


def comparisons_index(pages: dict[tuple[str, int], list[Stated]]) -> str:
    """The index's section: per metric, its years, each linking to its comparison page."""
    metrics: dict[str, list[int]] = {}
    for metric_id, year in pages:
        metrics.setdefault(metric_id, []).append(year)
    rows = []
    for metric_id, years in metrics.items():
        first = pages[(metric_id, years[0])][0]
        n = len({s.publisher for y in years for s in pages[(metric_id, y)]})
        rows.append(
            [
                zh(first.name_zh),
                f"<code>{escape(metric_id)}</code>",
                str(n),
                " ".join(link(comparison_page(metric_id, y), str(y)) for y in years),
            ]
        )
    caption = f"{len(rows)} metrics: each year's outcome and the next year's target, publishers side by side"
    return (
        '<section id="compare"><h2>Publishers side by side</h2>\n'
        + table(caption, ["metric", "id", "publishers", "years"], rows, numeric={2})
        + "</section>"
    )
