"""A programme page: a programme's year for one publisher, its totals, the figures added and those left out.

The totals are v1.program_summary rows, the figures v1.program_figures rows, which say whether
each was added and, when not, why (the rule is stated there, once).
"""

from __future__ import annotations

from html import escape

from etl.site.format import format_value
from etl.site.html import figure_href, link, page, publisher_name, publisher_slug, report_page, table, zh

PROGRAMME_TOTALS = [
    ("funds_yuan", "funds", "yuan"),
    ("people_reached", "people reached", "person"),
    ("person_times", "person-times", "person_time"),
    ("households", "households", "household"),
    ("organizations", "organisations", "organization"),
]


def _figure_rows(figures: list[dict], why: bool = False) -> list[list[str]]:
    rows = []
    for f in figures:
        row = [
            link(figure_href(f["doc_id"], f["figure_id"]), f["surface"]),
            escape(format_value(f["value"], f["unit"], f.get("measure"))),
            zh(f["label"]),
            link(report_page(f["doc_id"]), f["doc_id"]),
        ]
        if why:
            reason = escape(f["left_out_reason"])
            whole = f["parent_figure_id"] or f["subset_of_figure_id"]
            if whole:
                reason += f" ({link(figure_href(f['doc_id'], whole), 'the whole')})"
            row.append(reason)
        rows.append(row)
    return rows


def programme_page_html(rows: list[dict], figures: list[dict]) -> str:
    """A programme's year for one publisher: totals, figures added, figures left out and why.

    `rows` are its v1.program_summary rows (outcomes, targets); `figures` its v1.program_figures
    rows, which say whether each figure was added and, when not, why.
    """
    first = rows[0]
    year, publisher = first["year"], publisher_name(first["publisher"])
    title = f"{first['program_name_zh']} · {publisher} · {year}"
    sections = []
    for is_target in (False, True):
        row = next((r for r in rows if r["is_target"] == is_target), None)
        these = [f for f in figures if f["is_target"] == is_target]
        if row is None and not these:
            continue
        added = [f for f in these if f["added"]]
        left_out = [f for f in these if not f["added"]]
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
            part += table(f"The {_figures(len(left_out))} left out", headers, _figure_rows(left_out, why=True), {1})
        else:
            part += '<p class="meta">No figure of this programme and year was left out.</p>'
        sections.append(part)
    body = (
        f'<h1><span lang="zh">{escape(first["program_name_zh"])}</span> {year}</h1>\n'
        f'<p class="meta">Programme <code>{escape(first["program_id"])}</code> of {zh(publisher)}. '
        "A figure is added when it covers this one year, is a whole (not a 其中 breakdown), is not per unit and "
        "is not a change; a cumulative stock is left out when the year states a new flow in the same unit "
        "(v1.program_figures).</p>\n" + "\n".join(sections)
    )
    return page(title, body, [(f"index.html#{publisher_slug(first['publisher'])}", publisher)])


def _figures(n: int) -> str:
    return f"{n} figure" if n == 1 else f"{n} figures"
