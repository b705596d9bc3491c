-- What value does each series have in each year, as an outcome and as a target: the one figure v2.yoy compares, which report said it, in which sentence, and how sure is its link?
-- One row per series, publisher, year (the figure's single year, period_start: the year it describes, a target's
-- the year it is for; report_year is the year its report reviews) and is_target, with
-- its unit, basis class and per-unit-ness: the figure chosen when the warehouse was built
-- (core.series_years, etl/series/store.py) as v2.yoy describes: single-year figures only, a
-- catalogued one with its metric's unit and basis; the later report wins, then a whole over a 其中
-- part, then the figure of the sentence naming the most metrics, then the first mention (an automatic
-- series whose figures of a year state two values has no point that year). The rest of the row is
-- the figure's v2.series row. name_zh is the metric's name for a catalogued series, else the label
-- as written in the automatic series' id (auto:<publisher>:<label>:…); name_en is the metric's
-- English name, NULL for an automatic series.
create or replace view v2.series_years as
select
    y.series_id,
    y.publisher,
    coalesce(m.name_zh, split_part(y.series_id, ':', 3)) as name_zh,
    m.name_en,
    y.year,
    s.report_year,
    y.is_target,
    y.value,
    y.unit,
    y.basis_class,
    s.basis,
    s.qualifier,
    s.linked_by,
    s.confidence,
    s.reason,
    s.n_years,
    s.series_confidence,
    y.figure_id,
    y.doc_id,
    s.sentence
from core.series_years y
join v2.series s
    on s.series_id = y.series_id
    and s.publisher is not distinct from y.publisher
    and s.figure_id = y.figure_id
left join core.metrics m on m.metric_id = y.series_id;
