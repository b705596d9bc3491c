-- What value did each catalogued metric have in each year, as an outcome and as a target, which report said so, and in which sentence?
-- One row per metric, publisher, year and is_target. Only single-year figures count; a figure
-- must have the metric's unit and basis (basis 'level' in data/catalog/metrics.csv means a plain
-- level: no new, cumulative or change). When several reports of one publisher state the same
-- metric for the same year, the later report (report_year, then published_on) wins. Within a
-- report: a whole before a breakdown part, then the figure of the sentence that states the most
-- catalogued metrics (the report's headline sentence: 实现新增就业5650人,再就业2100人,城镇登记失业率…
-- rather than a sector's 新增就业3000人), then the first mention in the text. A document without a publisher
-- is a publisher of its own: its values are its own, not chosen over every document without one.
create or replace view v1.metric_series as
with figures as (
    select
        *,
        count(distinct metric_id) over (partition by doc_id, sentence_start) as metrics_in_sentence
    from core.figures
    where metric_id is not null  -- the only rows the series keeps, and the only ones the count counts
)
select
    f.metric_id,
    m.name_zh as metric_name_zh,
    m.name_en as metric_name_en,
    f.period_start as year,
    f.metric_value as value,  -- a growth's fall negative (下降3.8%: -3.8)
    f.unit,
    f.qualifier,
    f.is_target,
    f.doc_id,
    f.sentence,
    d.publisher,
    f.basis,
    f.figure_id
from figures f
join core.metrics m using (metric_id)
join core.documents d using (doc_id)
where f.period_start is not null
  and f.period_start = f.period_end
  and (nullif(m.unit, '') is null or f.unit = m.unit)
  and (
      nullif(m.basis, '') is null
      or (m.basis = 'level' and f.basis is null)
      or f.basis = m.basis
  )
qualify row_number() over (
    partition by f.metric_id, d.publisher, case when d.publisher is null then f.doc_id end, f.period_start, f.is_target
    order by
        d.report_year desc nulls last,
        d.published_on desc nulls last,
        f.doc_id desc,
        f.parent_figure_id is not null,
        f.metrics_in_sentence desc,
        f.char_start
) = 1;
