"""What the site reads from the warehouse: one query per kind of row, on the views (never the core tables).

Nothing is worked out in Python. A series point is a row of v2.series_years (the figure that speaks
for a series, year and kind: catalogued and automatic series alike) with its measure word from
v2.figures and, when its figure is one end of a range (4.5%—5%: the extraction gives the low end
at_least and the high end at_most, side by side), the range as the sentence writes it, both ends
(RANGES_SQL reads them as v2.compare_candidates does, for every figure); a year-over-year change is a row
of v2.yoy, a programme figure a row of v1.program_figures, which also says whether the figure was
added to the programme's totals (v1.program_summary) and, when not, why.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

# The two ends of each range: a figure at_least, then one at_most of the same series, unit and kind after
# nothing but a dash, 至 or 到, the second above the first. One row per end, with the range's low and high
# ends and its text as the sentence writes it.
RANGES_SQL = r"""
with f as (
    select figure_id, series_id, value, unit, qualifier, is_target, sentence,
           char_start - sentence_start as starts_at, char_end - sentence_start as ends_at,
           lead(figure_id) over w as next_id, lead(series_id) over w as next_series_id, lead(value) over w as next_value,
           lead(qualifier) over w as next_qualifier, lead(unit) over w as next_unit,
           lead(is_target) over w as next_is_target, lead(char_start) over w - sentence_start as next_at,
           lead(char_end) over w - sentence_start as next_ends_at
    from v2.figures
    window w as (partition by doc_id, sentence_start order by char_start)
),
opening as (
    select figure_id, next_id, value as low, next_value as high,
           substr(sentence, starts_at + 1, next_ends_at - starts_at) as written
    from f
    where qualifier = 'at_least' and next_qualifier = 'at_most' and next_series_id is not distinct from series_id
      and next_unit = unit and next_is_target = is_target and next_value > value
      and regexp_matches(substr(sentence, ends_at + 1, next_at - ends_at), '^\s*[-—–~～至到]+\s*$')
)
select figure_id, low, high, written from opening
union all
select next_id, low, high, written from opening
"""

# The series the site shows: every catalogued one, and the automatic ones with points in two years
# or more (an automatic series of one year is one figure, shown on its report page), the surest first.
SERIES_SQL = f"""
with ranges as ({RANGES_SQL})
select y.series_id, y.publisher, y.name_zh, y.name_en, y.year, coalesce(r.low, y.value) as value, r.high as value_high,
       y.unit, f.measure, case when r.high is not null then 'range' else y.qualifier end as qualifier, r.written,
       y.is_target, y.basis, y.doc_id, y.figure_id, y.sentence, y.linked_by, y.confidence, y.reason,
       y.series_confidence
from v2.series_years y
join v2.figures f using (figure_id)
left join ranges r using (figure_id)
where y.publisher is not null
qualify y.series_id not like 'auto:%' or count(distinct y.year) over (partition by y.series_id, y.publisher) >= 2
order by y.series_id like 'auto:%', y.series_confidence desc nulls last,
         count(distinct y.year) over (partition by y.series_id, y.publisher) desc, y.publisher, y.series_id,
         y.is_target, y.year
"""

YOY_SQL = """
select y.series_id, y.publisher, y.year, y.is_target, y.value, y.previous_value, y.change, y.pct_change, y.unit,
       f.measure, y.doc_id, y.previous_doc_id, y.figure_id, y.previous_figure_id, y.linked_by, y.confidence
from v2.yoy y
join v2.figures f using (figure_id)
where y.publisher is not null
order by y.publisher, y.series_id, y.is_target, y.year, y.unit
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
       f.sentence, f.char_start, f.char_end, d.publisher, f.subset_of_figure_id, f.measure
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
       f.label, f.parent_figure_id, f.subset_of_figure_id, f.added, f.left_out_reason, m.measure
from v1.program_figures f
join v2.figures m using (figure_id)
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
    value_high: float | None
    unit: str
    measure: str | None
    qualifier: str
    written: str | None
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
    measure: str | None
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
    def measure(self) -> str | None:
        """The measure word most of its points have (万亿斤's 斤), or None: the unit's word stands."""
        words = [p.measure for p in self.points if p.measure]
        return max(sorted(set(words)), key=words.count) if words else None

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
