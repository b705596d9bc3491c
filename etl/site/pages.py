"""The report site's index, series and programme pages, as HTML strings.

Each function takes rows already read from the warehouse (etl/report_data.py) and returns
a whole page; nothing here reads or writes files. Every value shown links to the mark of
its figure on its report page (etl/report_text.py).
"""

from __future__ import annotations

from html import escape

from etl.site.data import Point, Series, left_out_reason, new_flow_units, year_over_year
from etl.site.format import format_change, format_pct, format_value, qualified
from etl.site.html import (
    figure_href,
    link,
    page,
    programme_page,
    publisher_slug,
    report_page,
    series_page,
    table,
    zh,
)
from etl.site.svg import ChartPoint, series_chart

PROGRAMME_TOTALS = [
    ("funds_yuan", "funds", "yuan"),
    ("people_reached", "people reached", "person"),
    ("person_times", "person-times", "person_time"),
    ("households", "households", "household"),
    ("organizations", "organisations", "organization"),
]


def kind(is_target: bool) -> str:
    return "target" if is_target else "outcome"


def point_label(p: Point) -> str:
    """The tooltip of a chart point: '2014 target: 7.5%左右 (govreport-2014)'."""
    return f"{p.year} {kind(p.is_target)}: {qualified(p.value, p.unit, p.qualifier)} ({p.doc_id})"


def chart_points(series: Series) -> list[ChartPoint]:
    return [
        ChartPoint(p.year, p.value, p.is_target, p.qualifier, figure_href(p.doc_id, p.figure_id), point_label(p))
        for p in series.points
    ]


def _value_link(p: Point | None) -> str:
    if p is None:
        return ""
    return link(figure_href(p.doc_id, p.figure_id), qualified(p.value, p.unit, p.qualifier), title=p.doc_id)


def values_table(series: Series) -> str:
    """One row per year: the outcome and the target, each linking to its sentence."""
    by_year: dict[int, dict[bool, Point]] = {}
    for p in series.points:
        by_year.setdefault(p.year, {})[p.is_target] = p
    rows = [
        [str(year), _value_link(pair.get(False)), _value_link(pair.get(True))] for year, pair in sorted(by_year.items())
    ]
    return table("Values by year (each links to its sentence)", ["year", "outcome", "target"], rows, numeric={1, 2})


def yoy_table(series: Series) -> str:
    rows = [
        [
            str(c.year),
            kind(c.is_target),
            link(figure_href(c.doc_id, c.figure_id), format_value(c.value, c.unit)),
            link(figure_href(c.previous_doc_id, c.previous_figure_id), format_value(c.previous_value, c.unit)),
            escape(format_change(c.change, c.unit)),
            escape(format_pct(c.pct_change)),
        ]
        for c in year_over_year(series)
    ]
    if not rows:
        return '<p class="meta">No two consecutive years to compare.</p>'
    headers = ["year", "kind", "value", "year before", "change", "change %"]
    return table("Change from the year before (like with like)", headers, rows, numeric={2, 3, 4, 5})


def sentences_list(series: Series) -> str:
    items = []
    for p in sorted(series.points, key=lambda p: (p.year, p.is_target)):
        items.append(
            f"<li><strong>{p.year} {kind(p.is_target)}</strong> "
            f"{link(figure_href(p.doc_id, p.figure_id), qualified(p.value, p.unit, p.qualifier))}"
            f" in {link(report_page(p.doc_id), p.doc_id)}"
            f'<blockquote lang="zh">{escape(p.sentence)}</blockquote></li>'
        )
    return f'<ol class="sentences">{"".join(items)}</ol>'


def series_page_html(series: Series) -> str:
    """A series: chart and table side by side, the year-over-year table, the sentences."""
    title = f"{series.name_zh} · {series.publisher}"
    n_out = sum(not p.is_target for p in series.points)
    chart = series_chart(chart_points(series), f"{series.name_zh} ({series.name_en}), {series.publisher}", series.unit)
    body = (
        f'<h1><span lang="zh">{escape(series.name_zh)}</span> <small>{escape(series.name_en)}</small></h1>\n'
        f'<p class="meta">Series <code>{escape(series.series_id)}</code> of {zh(series.publisher)}: '
        f"{n_out} outcomes and {len(series.points) - n_out} targets. Targets are drawn apart, as hollow diamonds "
        "on a dashed line: 以上 (at least) as a floor, 以下 (at most) as a ceiling, 左右 (about) as a band of "
        "±0.5 points for a rate or ±5% otherwise. Each point links to the sentence it came from.</p>\n"
        f'<div class="chart-and-table"><figure>{chart}'
        f"<figcaption>Outcomes (filled circles, solid line) and targets (hollow diamonds, dashed line) by year. "
        f"The table beside gives the same values.</figcaption></figure>\n{values_table(series)}</div>\n"
        f"<h2>Year over year</h2>\n{yoy_table(series)}\n"
        f"<h2>Sentences</h2>\n{sentences_list(series)}"
    )
    return page(title, body, [(f"index.html#{publisher_slug(series.publisher)}", series.publisher)])


def _figure_rows(figures: list[dict], reasons: dict[str, str] | None = None) -> list[list[str]]:
    rows = []
    for f in figures:
        row = [
            link(figure_href(f["doc_id"], f["figure_id"]), f["surface"]),
            escape(format_value(f["value"], f["unit"])),
            zh(f["label"]),
            link(report_page(f["doc_id"]), f["doc_id"]),
        ]
        if reasons is not None:
            why = escape(reasons[f["figure_id"]])
            whole = f["parent_figure_id"] or f.get("subset_of_figure_id")
            if whole:
                why += f" ({link(figure_href(f['doc_id'], whole), 'the whole')})"
            row.append(why)
        rows.append(row)
    return rows


def programme_page_html(rows: list[dict], figures: list[dict]) -> str:
    """A programme's year for one publisher: totals, figures added, figures left out and why.

    `rows` are its v1.program_summary rows (outcomes, targets); `figures` the programme's
    figures whose period includes the year (report_data.programme_figures).
    """
    first = rows[0]
    year, publisher = first["year"], first["publisher"]
    title = f"{first['program_name_zh']} · {publisher} · {year}"
    sections = []
    for is_target in (False, True):
        row = next((r for r in rows if r["is_target"] == is_target), None)
        these = [f for f in figures if f["is_target"] == is_target]
        if row is None and not these:
            continue
        added_ids = row["figure_ids"].split(",") if row else []
        by_id = {f["figure_id"]: f for f in these}
        added = [by_id[i] for i in added_ids if i in by_id]
        flows = new_flow_units(these, is_target)
        reasons = {f["figure_id"]: left_out_reason(f, year, set(added_ids), flows) for f in these}
        left_out = [f for f in these if reasons[f["figure_id"]] is not None]
        heading = "Plans (targets)" if is_target else "Outcomes"
        totals = [
            [escape(label), escape(format_value(row[col], unit))]
            for col, label, unit in PROGRAMME_TOTALS
            if row and row[col] is not None
        ]
        part = f"<h2>{heading}</h2>\n"
        if totals:
            part += table(f"What it {'planned' if is_target else 'spent and reached'}", ["total", "sum"], totals, {1})
        else:
            part += '<p class="meta">Nothing was added up.</p>'
        if added:
            headers = ["figure", "value", "label", "report"]
            part += table(f"The {_figures(len(added))} added", headers, _figure_rows(added), numeric={1})
        if left_out:
            headers = ["figure", "value", "label", "report", "why left out"]
            part += table(f"The {_figures(len(left_out))} left out", headers, _figure_rows(left_out, reasons), {1})
        else:
            part += '<p class="meta">No figure of this programme and year was left out.</p>'
        sections.append(part)
    body = (
        f'<h1><span lang="zh">{escape(first["program_name_zh"])}</span> {year}</h1>\n'
        f'<p class="meta">Programme <code>{escape(first["program_id"])}</code> of {zh(publisher)}. '
        "A figure is added when it covers this one year, is a whole (not a 其中 breakdown), is not per unit and "
        "is not a change; a cumulative stock is left out when the year states a new flow in the same unit.</p>\n"
        + "\n".join(sections)
    )
    return page(title, body, [(f"index.html#{publisher_slug(publisher)}", publisher)])


def _date(day) -> str:
    return f'<span class="nowrap">{escape(day.isoformat())}</span>' if day else ""


def _years_range(series: Series) -> str:
    years = sorted({p.year for p in series.points})
    return f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])


def _latest(series: Series) -> str:
    outcomes = [p for p in series.points if not p.is_target] or series.points
    p = max(outcomes, key=lambda p: p.year)
    return f"{p.year}: {qualified(p.value, p.unit, p.qualifier)}"


def index_html(documents: list[dict], series: list[Series], programmes: list[dict], build: dict | None) -> str:
    """The front page: per publisher, its reports, its series and its programmes."""
    publishers = sorted({d["publisher"] for d in documents if d["publisher"]})
    toc = "".join(f'<li><a href="#{publisher_slug(p)}" lang="zh">{escape(p)}</a></li>' for p in publishers)
    sections = []
    for publisher in publishers:
        docs = [d for d in documents if d["publisher"] == publisher]
        doc_rows = [
            [
                link(report_page(d["doc_id"]), d["doc_id"], class_="nowrap"),
                zh(d["title"]),
                escape(str(d["report_year"] or "")),
                _date(d["published_on"]),
                str(d["n_figures"]),
                str(d["n_actuals"]),
                str(d["n_targets"]),
                str(d["n_catalogued"]),
            ]
            for d in docs
        ]
        headers = ["report", "title", "reviews", "published", "figures", "outcomes", "targets", "catalogued"]
        part = f'<section id="{publisher_slug(publisher)}"><h2 lang="zh">{escape(publisher)}</h2>\n'
        part += table(f"{len(docs)} reports", headers, doc_rows, numeric={4, 5, 6, 7})
        mine = sorted((s for s in series if s.publisher == publisher), key=lambda s: s.series_id)
        if mine:
            series_rows = [
                [
                    link(series_page(s.publisher, s.series_id), s.name_zh, lang="zh"),
                    escape(s.name_en),
                    f'<span class="nowrap">{escape(_years_range(s))}</span>',
                    str(sum(not p.is_target for p in s.points)),
                    str(sum(p.is_target for p in s.points)),
                    escape(_latest(s)),
                ]
                for s in mine
            ]
            headers = ["series", "in English", "years", "outcomes", "targets", "latest"]
            part += table(f"{len(mine)} series", headers, series_rows, numeric={3, 4, 5})
        progs: dict[str, list[dict]] = {}
        for r in programmes:
            if r["publisher"] == publisher:
                progs.setdefault(r["program_id"], []).append(r)
        if progs:
            prog_rows = []
            for program_id, rows in sorted(progs.items()):
                years = sorted({r["year"] for r in rows})
                links = " ".join(link(programme_page(publisher, program_id, y), str(y)) for y in years)
                prog_rows.append([zh(rows[0]["program_name_zh"]), f"<code>{escape(program_id)}</code>", links])
            part += table(f"{len(progs)} programmes", ["programme", "id", "years"], prog_rows)
        sections.append(part + "</section>")
    built = ""
    if build:
        when = build["built_at"].strftime("%Y-%m-%d %H:%M")
        built = (
            f'<p class="meta">Built from the warehouse of {escape(when)} UTC '
            f"(code {escape(build['code_version'])}, catalog {escape(build['catalog_version'])}).</p>"
        )
    body = (
        "<h1>zhibiao: figures from work reports</h1>\n"
        '<p class="meta">Each number links to the sentence it came from. Publishers are never mixed: '
        "a series, a total or a target belongs to one publisher.</p>\n"
        f'{built}\n<nav aria-label="publishers"><ul>{toc}</ul></nav>\n' + "\n".join(sections)
    )
    return page("Reports, series and programmes", body)


def _figures(n: int) -> str:
    return f"{n} figure" if n == 1 else f"{n} figures"
