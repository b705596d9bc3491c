"""What the site reads from the warehouse: one query per kind of row, on the views (never the core tables).

Nothing is worked out here. A series point is a row of v2.series_years (the figure that speaks
for a series, year and kind: catalogued and automatic series alike), a year-over-year change a row
of v2.yoy, a programme figure a row of v1.program_figures, which also says whether the figure was
added to the programme's totals (v1.program_summary) and, when not, why.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# The series the site shows: every catalogued one, and the automatic ones with points in two years
# or more (an automatic series of one year is one figure, shown on its report page).
SERIES_SQL = """
select series_id, publisher, name_zh, name_en, year, value, unit, qualifier, is_target, basis, doc_id, figure_id,
       sentence, linked_by, confidence, reason, series_confidence
from v2.series_years
where publisher is not null
qualify series_id not like 'auto:%' or count(distinct year) over (partition by series_id, publisher) >= 2
order by publisher, series_id, is_target, year
"""

YOY_SQL = """
select series_id, publisher, year, is_target, value, previous_value, change, pct_change, unit, doc_id,
       previous_doc_id, figure_id, previous_figure_id, linked_by, confidence
from v2.yoy
where publisher is not null
order by publisher, series_id, is_target, year, unit
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
left join (select distinct program_id, program_name_zh from v1.program_figures) p on p.program_id = f.program
left join (select distinct metric_id, metric_name_zh from v1.metric_series) m on m.metric_id = f.metric_id
order by f.doc_id, f.char_start, f.char_end
"""

PROGRAMMES_SQL = """
select program_id, program_name_zh, publisher, year, is_target, funds_yuan, people_reached, person_times,
       households, organizations, n_figures, figure_ids
from v1.program_summary
order by publisher, program_id, year, is_target
"""

# The figures of each programme year that has a page (a v1.program_summary row), in text order.
PROGRAMME_FIGURES_SQL = """
select f.program_id, f.publisher, f.year, f.is_target, f.figure_id, f.doc_id, f.surface, f.value, f.unit,
       f.label, f.parent_figure_id, f.subset_of_figure_id, f.added, f.left_out_reason
from v1.program_figures f
where (f.program_id, f.publisher, f.year) in (select (program_id, publisher, year) from v1.program_summary)
order by f.publisher, f.program_id, f.year, f.doc_id, f.char_start, f.figure_id
"""


@dataclass(frozen=True)
class Point:
    """A row of v2.series_years."""

    series_id: str
    publisher: str
    name_zh: str
    name_en: str | None
    year: int
    value: float
    unit: str
    qualifier: str
    is_target: bool
    basis: str | None
    doc_id: str
    figure_id: str
    sentence: str
    linked_by: str
    confidence: float | None
    reason: str
    series_confidence: float | None


@dataclass(frozen=True)
class Change:
    """A row of v2.yoy."""

    series_id: str
    publisher: str
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
    linked_by: str
    confidence: float | None


@dataclass
class Series:
    series_id: str
    publisher: str
    name_zh: str
    name_en: str | None
    points: list[Point] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def unit(self) -> str:
        """The unit most of its points have (a series may mix 'item' and 'other')."""
        units = [p.unit for p in self.points]
        return max(sorted(set(units)), key=units.count) if units else "other"

    @property
    def key(self) -> tuple[str, str]:
        return self.publisher, self.series_id

    @property
    def automatic(self) -> bool:
        """Lined up by zhibiao from the words, not named by a catalogued metric."""
        return self.series_id.startswith("auto:")


def _rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def read_series(con) -> list[Series]:
    """Every series the site shows, with its points and its year-over-year changes, per publisher."""
    grouped: dict[tuple[str, str], Series] = {}
    for row in _rows(con, SERIES_SQL):
        point = Point(**row)
        series = grouped.setdefault(
            (point.publisher, point.series_id),
            Series(point.series_id, point.publisher, point.name_zh, point.name_en),
        )
        series.points.append(point)
    for row in _rows(con, YOY_SQL):
        series = grouped.get((row["publisher"], row["series_id"]))
        if series is not None:
            series.changes.append(Change(**row))
    return list(grouped.values())


def read_documents(con) -> list[dict]:
    return _rows(con, DOCUMENTS_SQL)


def read_figures(con) -> list[dict]:
    return _rows(con, FIGURES_SQL)


def read_programmes(con) -> list[dict]:
    return _rows(con, PROGRAMMES_SQL)


def read_programme_figures(con) -> dict[tuple[str, str, int], list[dict]]:
    """(publisher, program_id, year) -> the programme's figures that year, outcomes and targets, in text order."""
    grouped: dict[tuple[str, str, int], list[dict]] = defaultdict(list)
    for f in _rows(con, PROGRAMME_FIGURES_SQL):
        grouped[(f["publisher"], f["program_id"], f["year"])].append(f)
    return grouped


def figures_by_doc(figures: list[dict]) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for f in figures:
        grouped[f["doc_id"]].append(f)
    return grouped
