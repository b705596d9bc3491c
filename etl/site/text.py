"""A report page: the normalised text with every figure marked at its offsets.

Offsets are Python string (code point) indices into v1.documents.text, as the warehouse
stores them. Each figure becomes <mark class="fig" id="fig-…"> around exactly its surface,
with a link to itself (so that it can be focused) and a tooltip, shown on hover or focus, that
says its value, unit, qualifier, basis, period, programme and series. A table of all figures
follows the text, for readers who cannot hover and for print.
"""

from __future__ import annotations

from html import escape

from etl.site.data import Series
from etl.site.format import BASIS_WORDS, QUALIFIER_WORDS, format_value, period, plain
from etl.site.html import anchor, link, page, publisher_name, publisher_slug, series_page, table, zh


def series_of_figures(series: list[Series]) -> dict[str, Series]:
    """figure_id -> the series that plots it."""
    return {p.figure_id: s for s in series for p in s.points}


def spans(text: str, figures: list[dict]) -> list[tuple[int, int, dict | None]]:
    """The text cut into (start, end, figure or None) pieces covering it in order.

    A figure overlapping the one before starts where that one ends (it keeps its anchor,
    possibly empty), so that marks never nest or cross.
    """
    pieces, pos = [], 0
    for f in sorted(figures, key=lambda f: (f["char_start"], f["char_end"])):
        start = min(max(f["char_start"], pos), len(text))
        end = min(max(f["char_end"], start), len(text))
        if start > pos:
            pieces.append((pos, start, None))
        pieces.append((start, end, f))
        pos = end
    if pos < len(text) or not pieces:
        pieces.append((pos, len(text), None))
    return pieces


def tooltip_facts(f: dict, series: Series | None) -> list[tuple[str, str]]:
    """(term, escaped description) pairs the tooltip and the figures table show."""
    value = format_value(f["value"], f["unit"], f.get("measure"))
    facts = [
        ("value", f"{escape(value)} ({escape(plain(f['value']))} {escape(f['unit'])})"),
        ("unit", escape(f["unit"])),
        ("qualifier", escape(QUALIFIER_WORDS.get(f["qualifier"], f["qualifier"]))),
        ("basis", escape(BASIS_WORDS.get(f["basis"], f["basis"]))),
        ("period", escape(period(f["period_start"], f["period_end"]))),
        ("kind", "target" if f["is_target"] else "outcome"),
        ("programme", zh(f["program_name_zh"]) if f["program"] else "none"),
    ]
    if series is not None:
        facts.append(("series", zh(series.name_zh)))
    elif f["metric_id"]:
        facts.append(("series", f"{zh(f['metric_name_zh'])} (not the point plotted)"))
    else:
        facts.append(("series", "none"))
    return facts


def _mark(text: str, f: dict, series: Series | None) -> str:
    fid = anchor(f["figure_id"])
    target = " is-target" if f["is_target"] else ""
    facts = "".join(f"<dt>{term}</dt><dd>{desc}</dd>" for term, desc in tooltip_facts(f, series))
    return (
        f'<mark class="fig{target}" id="{fid}" data-figure-id="{escape(f["figure_id"])}">'
        f'<a href="#{fid}" aria-describedby="tip-{fid}">{escape(text)}</a></mark>'
        f'<span class="tip" role="tooltip" id="tip-{fid}"><dl>{facts}</dl></span>'
    )


def marked_text(text: str, figures: list[dict], series_by_figure: dict[str, Series]) -> str:
    """The whole text, escaped, with a <mark> per figure."""
    out = []
    for start, end, f in spans(text, figures):
        piece = text[start:end]
        out.append(escape(piece) if f is None else _mark(piece, f, series_by_figure.get(f["figure_id"])))
    return "".join(out)


def figures_table(figures: list[dict], series_by_figure: dict[str, Series]) -> str:
    rows = []
    for f in figures:
        s = series_by_figure.get(f["figure_id"])
        rows.append(
            [
                link(f"#{anchor(f['figure_id'])}", f["surface"]),
                escape(format_value(f["value"], f["unit"], f.get("measure"))),
                escape(QUALIFIER_WORDS.get(f["qualifier"], f["qualifier"])),
                escape(BASIS_WORDS.get(f["basis"], f["basis"])),
                escape(period(f["period_start"], f["period_end"])),
                "target" if f["is_target"] else "outcome",
                zh(f["label"]),
                zh(f["program_name_zh"]) if f["program"] else "",
                link(series_page(s.publisher, s.series_id), s.name_zh, lang="zh") if s else "",
            ]
        )
    headers = ["figure", "value", "qualifier", "basis", "period", "kind", "label", "programme", "series"]
    return table(f"All {len(figures)} figures, in text order", headers, rows, numeric={1})


def report_page_html(doc: dict, figures: list[dict], series_by_figure: dict[str, Series]) -> str:
    """The page of one report: facts about it, its marked text, the table of its figures."""
    published = doc["published_on"].isoformat() if doc["published_on"] else "unknown"
    body = (
        f'<h1 lang="zh">{escape(doc["title"] or doc["doc_id"])}</h1>\n'
        f'<dl class="facts"><dt>report</dt><dd>{escape(doc["doc_id"])}</dd>'
        f"<dt>publisher</dt><dd>{zh(publisher_name(doc['publisher']))}</dd>"
        f"<dt>published</dt><dd>{escape(published)}</dd>"
        f"<dt>reviews the year</dt><dd>{escape(str(doc['report_year'] or 'unknown'))}</dd>"
        f"<dt>figures</dt><dd>{len(figures)} ({doc['n_actuals']} outcomes, {doc['n_targets']} targets)</dd></dl>\n"
        "<h2>Text</h2>\n"
        '<p class="meta">Every figure zhibiao found is marked: outcomes in yellow, targets in red. '
        "Hover over a figure, or move to it with the Tab key, to see what it counts; the table below lists them all.</p>\n"
        f'<div class="report-text" lang="zh">{marked_text(doc["text"], figures, series_by_figure)}</div>\n'
        f"<h2>Figures</h2>\n{figures_table(figures, series_by_figure)}"
    )
    return page(
        doc["title"] or doc["doc_id"],
        body,
        [(f"index.html#{publisher_slug(doc['publisher'])}", publisher_name(doc["publisher"]))],
    )
