"""What the report site reads from the warehouse, and the little it works out itself.

Every read is one query on the v1 views (never the core tables behind them). The series come from one function,
`read_series`: today a series is a catalogued metric of one publisher (v1.metric_series);
when automatic series (v2.series) land, only that query changes. The year-over-year table
is worked out from those points (`year_over_year`), so it follows whatever series are read.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

SERIES_SQL = """
select metric_id as series_id, publisher, metric_name_zh as name_zh, metric_name_en as name_en,
       year, value, unit, qualifier, is_target, basis, doc_id, figure_id, sentence
from v1.metric_series
order by publisher, metric_id, is_target, year
"""

DOCUMENTS_SQL = """
select d.doc_id, d.title, d.publisher, d.published_on, d.report_year, d.text,
       s.n_figures, s.n_actuals, s.n_targets, s.n_catalogued, s.n_with_program
from v1.documents d join v1.sources s using (doc_id)
order by d.publisher, d.report_year, d.published_on, d.doc_id
"""

FIGURES_SQL = """
select f.figure_id, f.doc_id, f.surface, f.value, f.unit, f.category, f.qualifier, f.basis, f.is_target,
       f.period_start, f.period_end, f.program, coalesce(p.program_name_zh, f.program) as program_name_zh,
       f.metric_id, coalesce(m.metric_name_zh, f.metric_id) as metric_name_zh, f.parent_figure_id, f.label,
       f.sentence, f.char_start, f.char_end, d.publisher, f.subset_of_figure_id
from v2.figures f
join v1.documents d using (doc_id)
left join (select distinct program_id, program_name_zh from v1.program_summary) p on p.program_id = f.program
left join (select distinct metric_id, metric_name_zh from v1.metric_series) m on m.metric_id = f.metric_id
order by f.doc_id, f.char_start, f.char_end
"""

PROGRAMMES_SQL = """
select program_id, program_name_zh, publisher, year, is_target, funds_yuan, people_reached, person_times,
       households, organizations, n_figures, figure_ids
from v1.program_summary
order by publisher, program_id, year, is_target
"""

# The units v1.program_summary adds up; see sql/v1/program_summary.sql.
SUMMED_UNITS = ("yuan", "person", "person_time", "household", "organization", "enterprise")


@dataclass(frozen=True)
class Point:
    series_id: str
    publisher: str
    name_zh: str
    name_en: str
    year: int
    value: float
    unit: str
    qualifier: str
    is_target: bool
    basis: str | None
    doc_id: str
    figure_id: str
    sentence: str


@dataclass
class Series:
    series_id: str
    publisher: str
    name_zh: str
    name_en: str
    points: list[Point] = field(default_factory=list)

    @property
    def unit(self) -> str:
        """The unit most of its points have (a series may mix 'item' and 'other')."""
        units = [p.unit for p in self.points]
        return max(sorted(set(units)), key=units.count) if units else "other"

    @property
    def key(self) -> tuple[str, str]:
        return self.publisher, self.series_id


@dataclass(frozen=True)
class Change:
    year: int
    is_target: bool
    value: float
    previous_value: float
    change: float
    pct_change: float | None
    unit: str
    doc_id: str
    previous_doc_id: str
    figure_id: str
    previous_figure_id: str


def _rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_series(con) -> list[Series]:
    """Every series with its points (outcomes and targets), per publisher: the one place series are read."""
    grouped: dict[tuple[str, str], Series] = {}
    for row in _rows(con, SERIES_SQL):
        point = Point(**row)
        series = grouped.setdefault(
            (point.publisher, point.series_id),
            Series(point.series_id, point.publisher, point.name_zh, point.name_en),
        )
        series.points.append(point)
    return list(grouped.values())


def read_documents(con) -> list[dict]:
    return _rows(con, DOCUMENTS_SQL)


def read_figures(con) -> list[dict]:
    return _rows(con, FIGURES_SQL)


def read_programmes(con) -> list[dict]:
    return _rows(con, PROGRAMMES_SQL)


def year_over_year(series: Series) -> list[Change]:
    """Each point against the year before: like with like (outcomes or targets, same unit and basis), as v1.yoy."""
    by_key = {(p.is_target, p.unit, p.basis, p.year): p for p in series.points}
    changes = []
    for p in sorted(series.points, key=lambda p: (p.is_target, p.year)):
        prev = by_key.get((p.is_target, p.unit, p.basis, p.year - 1))
        if prev is None:
            continue
        change = round(p.value - prev.value, 6)
        pct = round(100 * (p.value - prev.value) / prev.value, 2) if prev.value != 0 else None
        changes.append(
            Change(
                year=p.year,
                is_target=p.is_target,
                value=p.value,
                previous_value=prev.value,
                change=change,
                pct_change=pct,
                unit=p.unit,
                doc_id=p.doc_id,
                previous_doc_id=prev.doc_id,
                figure_id=p.figure_id,
                previous_figure_id=prev.figure_id,
            )
        )
    return changes


def left_out_reason(figure: dict, year: int, added: set[str], new_flow_units: set[str]) -> str | None:
    """Why a programme figure of this year was not added to v1.program_summary's totals; None if it was.

    `new_flow_units` are the units in which the same programme, year and is_target state a new
    flow (新增): a cumulative stock in one of them is a subset of what is counted.
    """
    if figure["figure_id"] in added:
        return None
    if figure["parent_figure_id"] is not None:
        return "breakdown (其中) of another figure"
    if figure.get("subset_of_figure_id") is not None:
        return "a subset overlapping the parts of another figure"
    if figure["period_start"] != figure["period_end"]:
        return f"covers several years ({figure['period_start']}–{figure['period_end']}), not {year} alone"
    if figure["qualifier"] == "per_unit":
        return "per-unit amount (每家, 人均), not a total"
    if figure["basis"] == "change":
        return "a change (增加, 增长), not a level"
    if figure["unit"] not in SUMMED_UNITS:
        return f"unit '{figure['unit']}' is not summed"
    if figure["basis"] == "cumulative" and figure["unit"] in new_flow_units:
        return "cumulative stock (累计): the year's new flow is counted instead"
    return "not added"


def programme_figures(figures: list[dict], program_id: str, publisher: str, year: int) -> list[dict]:
    """The figures of a programme and publisher whose period includes `year`, in text order."""
    return [
        f
        for f in figures
        if f["program"] == program_id
        and f["publisher"] == publisher
        and f["period_start"] is not None
        and f["period_start"] <= year <= (f["period_end"] if f["period_end"] is not None else f["period_start"])
    ]


def new_flow_units(figures: list[dict], is_target: bool) -> set[str]:
    """Units in which these figures state a new flow (新增) that v1.program_summary counts."""
    return {
        f["unit"]
        for f in figures
        if f["basis"] == "new"
        and f["is_target"] == is_target
        and f["period_start"] == f["period_end"]
        and f["parent_figure_id"] is None
        and f["qualifier"] != "per_unit"
    }


def figures_by_doc(figures: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for f in figures:
        grouped[f["doc_id"]].append(f)
    return grouped
