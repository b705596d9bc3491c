-- Which figures make up each series, year by year, and how sure is each link: by the catalog, or found by zhibiao from the words, with the reason?
-- One row per member figure. confidence and reason say how the member joined its series: 1.0 for a
-- catalogued metric; for an automatic link, the link to the year before (else to the year after).
-- series_confidence is the least confidence of its members: 1.0 when the catalog made it, NULL when nothing links it.
create or replace view v2.series as
with series as (
    select
        series_id,
        publisher,
        count(distinct year) as n_years,
        min(year) as first_year,
        max(year) as last_year,
        min(confidence) as series_confidence
    from core.series_points
    group by series_id, publisher
)
select
    s.series_id,
    s.publisher,
    s.year,
    f.period_start,
    f.period_end,
    f.is_target,
    f.value,
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
join series a on a.series_id = s.series_id and a.publisher is not distinct from s.publisher
join core.series_figures using (point_id)
join core.figures f using (figure_id);
