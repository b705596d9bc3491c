"""The front page: the publishers, and per publisher its reports, its series (catalogued, then lined up by
zhibiao) and its programmes; then the metrics whose publishers can be read side by side, by year."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from etl.site.compare import Stated, comparisons_index
from etl.site.data import Series
from etl.site.html import (
    link,
    page,
    programme_page,
    publisher_name,
    publisher_slug,
    report_page,
    series_page,
    table,
    zh,
)
from etl.site.series import latest, name_en, years_range


def _date(day) -> str:
    return f'<span class="nowrap">{escape(day.isoformat())}</span>' if day else ""


def _series_link(s: Series) -> str:
    return link(series_page(s.publisher, s.series_id), s.name_zh, lang="zh")


def _series_facts(s: Series) -> list[str]:
    """Years, outcomes, targets and the latest value, as table cells."""
    return [
        f'<span class="nowrap">{escape(years_range(s))}</span>',
        str(sum(not p.is_target for p in s.points)),
        str(sum(p.is_target for p in s.points)),
        escape(latest(s)),
    ]


def _least_confidence(s: Series) -> str:
    """v2.series' series_confidence: the least confidence of its members ('' when nothing links one)."""
    confidence = s.points[0].series_confidence
    return "" if confidence is None else f"{confidence:.2f}"


@dataclass(frozen=True)
class LeftOut:
    """How many series and comparison pages the site leaves out to stay a size a browser takes in."""

    series: int = 0
    comparisons: int = 0

    def note(self) -> str:
        parts = []
        if self.series:
            parts.append(f"{self.series:,} series lined up by zhibiao (the least sure and shortest)")
        if self.comparisons:
            parts.append(f"{self.comparisons:,} comparison pages (the last metrics by id)")
        if not parts:
            return ""
        return (
            f'<p class="meta" id="left-out">Left out to keep the site small: {escape(" and ".join(parts))}. '
            "Every one is in the warehouse: v2.series and v2.compare (make shell, make export).</p>\n"
        )


def index_html(
    documents: list[dict],
    series: list[Series],
    programmes: list[dict],
    build: dict | None,
    compared: dict[tuple[str, int], list[Stated]] | None = None,
    left_out: LeftOut = LeftOut(),
) -> str:
    """The front page: per publisher, its reports, its series and its programmes; the comparisons."""
    publishers: list[str | None] = sorted({d["publisher"] for d in documents if d["publisher"] is not None})
    if any(d["publisher"] is None for d in documents):
        publishers.append(None)  # files without a manifest row: their reports are listed last
    toc = "".join(
        f'<li><a href="#{publisher_slug(p)}" lang="zh">{escape(publisher_name(p))}</a></li>' for p in publishers
    )
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
        part = f'<section id="{publisher_slug(publisher)}"><h2 lang="zh">{escape(publisher_name(publisher))}</h2>\n'
        part += table(f"{len(docs)} reports", headers, doc_rows, numeric={4, 5, 6, 7})
        mine = sorted((s for s in series if s.publisher == publisher), key=lambda s: s.series_id)
        catalogued = [s for s in mine if not s.automatic]
        if catalogued:
            headers = ["series", "in English", "years", "outcomes", "targets", "latest"]
            rows = [[_series_link(s), escape(name_en(s)), *_series_facts(s)] for s in catalogued]
            part += table(f"{len(catalogued)} catalogued series", headers, rows, numeric={3, 4, 5})
        automatic = [s for s in mine if s.automatic]
        if automatic:
            headers = ["series (its words)", "least confidence", "years", "outcomes", "targets", "latest"]
            rows = [[_series_link(s), escape(_least_confidence(s)), *_series_facts(s)] for s in automatic]
            caption = f"{len(automatic)} series lined up by zhibiao (two years or more)"
            part += table(caption, headers, rows, numeric={1, 3, 4, 5})
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
    n_series = len(series)
    contents = (
        f'<nav aria-label="contents"><p>{len(publishers)} publishers, {n_series:,} series '
        f'(<a href="#{publisher_slug(publishers[0]) if publishers else "main"}">by publisher</a>), '
        f'<a href="#compare">{len(compared or {}):,} comparisons of publishers side by side</a>.</p></nav>\n'
    )
    body = (
        "<h1>zhibiao: figures from work reports</h1>\n"
        '<p class="meta">Each number links to the sentence it came from. Publishers are never mixed: '
        "a series, a total or a target belongs to one publisher; the comparisons put them side by side.</p>\n"
        f"{built}\n{contents}{left_out.note()}"
        f'<h2>Publishers</h2>\n<nav aria-label="publishers"><ul>{toc}</ul></nav>\n'
        + "\n".join(sections)
        + ("\n" + comparisons_index(compared) if compared else "")
    )
    return page("Reports, series and programmes", body)
