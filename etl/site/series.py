"""A series page: its chart and values side by side, its year-over-year changes, its sentences.

The points are rows of v2.series_years and the changes rows of v2.yoy (etl/site/data.py);
nothing is worked out here. Every value links to the mark of its figure on its report page.
"""

from __future__ import annotations

from html import escape

from etl.site.data import Point, Series
from etl.site.format import format_change, format_pct, format_value, qualified
from etl.site.html import figure_href, link, page, publisher_slug, report_page, table, zh
from etl.site.svg import ChartPoint, series_chart


def kind(is_target: bool) -> str:
    return "target" if is_target else "outcome"


def shown(p: Point) -> str:
    """A point's value as its report writes it: with its measure word and qualifier, a range with both ends."""
    return qualified(p.value, p.unit, p.qualifier, p.measure, p.written)


def point_label(p: Point) -> str:
    """The tooltip of a chart point: '2014 target: 7.5%左右 (govreport-2014)'."""
    return f"{p.year} {kind(p.is_target)}: {shown(p)} ({p.doc_id})"


def chart_points(series: Series) -> list[ChartPoint]:
    return [
        ChartPoint(
            p.year, p.value, p.is_target, p.qualifier, figure_href(p.doc_id, p.figure_id), point_label(p), p.value_high
        )
        for p in series.points
    ]


def _value_link(p: Point | None) -> str:
    if p is None:
        return ""
    return link(figure_href(p.doc_id, p.figure_id), shown(p), title=p.doc_id)


def values_table(series: Series) -> str:
    """One row per year: the outcome and the target, each linking to its sentence."""
    by_year: dict[int, dict[bool, Point]] = {}
    for p in series.points:
        by_year.setdefault(p.year, {})[p.is_target] = p
    rows = [
        [str(year), _value_link(pair.get(False)), _value_link(pair.get(True))] for year, pair in sorted(by_year.items())
    ]
    return table("Values by year (each links to its sentence)", ["year", "outcome", "target"], rows, numeric={1, 2})


def _link_strength(linked_by: str, confidence: float | None) -> str:
    """'catalog', 'auto 0.80', or 'auto' for a figure nothing links."""
    if linked_by == "catalog" or confidence is None:
        return linked_by
    return f"{linked_by} {confidence:.2f}"


def yoy_table(series: Series) -> str:
    """The series' v2.yoy rows: like with like, with how sure the comparison is."""
    rows = [
        [
            str(c.year),
            kind(c.is_target),
            link(figure_href(c.doc_id, c.figure_id), format_value(c.value, c.unit, c.measure)),
            link(
                figure_href(c.previous_doc_id, c.previous_figure_id), format_value(c.previous_value, c.unit, c.measure)
            ),
            escape(format_change(c.change, c.unit, c.measure)),
            escape(format_pct(c.pct_change)),
            escape(_link_strength(c.linked_by, c.confidence)),
        ]
        for c in series.changes
    ]
    if not rows:
        return '<p class="meta">No two consecutive years to compare.</p>'
    headers = ["year", "kind", "value", "year before", "change", "change %", "linked by"]
    return table("Change from the year before (like with like)", headers, rows, numeric={2, 3, 4, 5})


def sentences_list(series: Series) -> str:
    items = []
    for p in sorted(series.points, key=lambda p: (p.year, p.is_target)):
        items.append(
            f"<li><strong>{p.year} {kind(p.is_target)}</strong> "
            f"{link(figure_href(p.doc_id, p.figure_id), shown(p))}"
            f" in {link(report_page(p.doc_id), p.doc_id)}"
            f' <span class="meta">({escape(_link_strength(p.linked_by, p.confidence))}: {zh(p.reason)})</span>'
            f'<blockquote lang="zh">{escape(p.sentence)}</blockquote></li>'
        )
    return f'<ol class="sentences">{"".join(items)}</ol>'


def name_en(series: Series) -> str:
    """The metric's English name, or what an automatic series is."""
    return series.name_en or "lined up by zhibiao"


def how_made(series: Series) -> str:
    if series.automatic:
        least = series.points[0].series_confidence
        sure = "" if least is None else f", its least sure link {least:.2f}"
        return (
            f"linked_by auto: zhibiao lined up its figures from their words, unit and basis{sure}; each sentence "
            "below says the confidence and the reason of its link (v2.series; docs/series.md)"
        )
    return "linked_by catalog: a catalogued metric (data/catalog/metrics.csv)"


def series_page_html(series: Series) -> str:
    """A series: chart and table side by side, the year-over-year table, the sentences."""
    title = f"{series.name_zh} · {series.publisher}"
    n_out = sum(not p.is_target for p in series.points)
    chart = series_chart(
        chart_points(series), f"{series.name_zh} ({name_en(series)}), {series.publisher}", series.unit, series.measure
    )
    body = (
        f'<h1><span lang="zh">{escape(series.name_zh)}</span> <small>{escape(name_en(series))}</small></h1>\n'
        f'<p class="meta">Series <code>{escape(series.series_id)}</code> of {zh(series.publisher)}, '
        f"{escape(how_made(series))}: "
        f"{n_out} outcomes and {len(series.points) - n_out} targets. Targets are drawn apart, as hollow diamonds "
        "on a dashed line: 以上 (at least) as a floor, 以下 (at most) as a ceiling, 左右 (about) as a band of "
        "±0.5 points for a rate or ±5% otherwise, a range (6%-6.5%) as a bar from one end to the other. Each point links to the sentence it came from.</p>\n"
        f'<div class="chart-and-table"><figure>{chart}'
        f"<figcaption>Outcomes (filled circles, solid line) and targets (hollow diamonds, dashed line) by year. "
        f"The table beside gives the same values.</figcaption></figure>\n{values_table(series)}</div>\n"
        f"<h2>Year over year</h2>\n{yoy_table(series)}\n"
        f"<h2>Sentences</h2>\n{sentences_list(series)}"
    )
    return page(title, body, [(f"index.html#{publisher_slug(series.publisher)}", series.publisher)])


def years_range(series: Series) -> str:
    years = sorted({p.year for p in series.points})
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def latest(series: Series) -> str:
    outcomes = [p for p in series.points if not p.is_target] or series.points
    p = max(outcomes, key=lambda p: p.year)
    return f"{p.year}: {shown(p)}"
