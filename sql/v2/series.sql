-- Which figures make up each series, year by year, and how sure is each link: by the catalog, or found by zhibiao from the words, with the reason?
-- One row per member figure. year is the year the figure describes (a target's year is the year it is for; a
-- figure of several years, its last; a figure without a period, its report's year), report_year the year its
-- report reviews: the links join report years, and n_years counts them. first_year and last_year are the first
-- and last years the series' figures describe. confidence and reason say how the member joined its series: 1.0
-- for a catalogued metric; for an automatic link, the link to the report year before (else to the one after).
-- series_confidence is the least confidence of its members: 1.0 when the catalog made it, NULL when nothing links it.
-- value is the value the figure gives its metric (v2.figures metric_value: 下降3.8% is -3.8 of a growth), else as stated.
-- A document without a publisher is a publisher of its own: its series are counted over its own figures.
create or replace view v2.series as
with series as (
    select
        series_id,
        publisher,
        own_doc,
        count(distinct s.year) as n_years,
        min(coalesce(f.period_end, s.year)) as first_year,
        max(coalesce(f.period_end, s.year)) as last_year,
        min(s.confidence) as series_confidence
    from core.series_points s
    join core.series_figures using (point_id)
    join core.figures f using (figure_id)
    group by s.series_id, s.publisher, s.own_doc
)
select
    s.series_id,
    s.publisher,
    coalesce(f.period_end, s.year) as year,
    s.year as report_year,
    f.period_start,
    f.period_end,
    f.is_target,
    coalesce(f.metric_value, f.value) as value,  -- a metric's value (a growth's fall negative), else as stated
    f.unit,
    f.basis,
    f.qualifier,
    f.label,
    f.surface,
    s.linked_by,
    s.confidence,
    s.reason,
    a.n_years,
    a.first_year,
    a.last_year,
    a.series_confidence,
    f.figure_id,
    f.doc_id,
    f.sentence
from core.series_points s
join series a
    on a.series_id = s.series_id
    and a.publisher is not distinct from s.publisher
    and a.own_doc is not distinct from s.own_doc
join core.series_figures using (point_id)
join core.figures f using (figure_id);
