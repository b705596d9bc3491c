-- Which figures make up each series, year by year, and how sure is each link: by the catalog, or found by zhibiao from the words, with the reason?
-- One row per member figure. confidence and reason say how the member joined its series: 1.0 for a
-- catalogued metric; for an automatic link, the link to the year before (else to the year after).
-- series_confidence is the least confidence of the series' automatic links (1.0 when the catalog made it).
create or replace view v2.series as
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
    count(distinct s.year) over series as n_years,
    min(s.year) over series as first_year,
    max(s.year) over series as last_year,
    coalesce(min(s.confidence) over series, 1.0) as series_confidence,
    f.figure_id,
    f.doc_id,
    f.sentence
from core.series_members s
join core.figures f using (figure_id)
window series as (partition by s.series_id, s.publisher);
