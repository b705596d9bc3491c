-- How did each series change from the year before, catalogued or lined up by zhibiao, and how sure is the link? Like with like only.
-- Like v1.yoy, keyed by series_id: the same series, publisher, unit, is_target, per-unit-ness and
-- basis class (new with new, change with change; a level and a cumulative total are both a stock),
-- single-year figures only. A catalogued figure must have its metric's unit and basis, as in
-- v1.metric_series. When several figures of a series state one year, the later report wins, then a
-- whole over a 其中 part, then the figure of the sentence naming the most metrics, then the first mention.
-- linked_by is 'catalog' when both figures are the metric's, else 'auto'; confidence is 1.0 for the
-- catalog, else the confidence of the automatic link between the two years.
create or replace view v2.yoy as
with members as (
    select
        s.series_id,
        s.publisher,
        s.linked_by,
        f.figure_id,
        f.doc_id,
        f.value,
        f.unit,
        f.is_target,
        f.period_start as year,
        f.parent_figure_id,
        f.sentence_start,
        f.char_start,
        case when f.basis in ('new', 'change') then f.basis else 'stock' end as basis_class,
        f.qualifier = 'per_unit' as per_unit,
        d.report_year,
        d.published_on
    from core.series_points s
    join core.series_figures using (point_id)
    join core.figures f using (figure_id)
    join core.documents d using (doc_id)
    left join core.metrics m on m.metric_id = f.metric_id and s.linked_by = 'catalog'
    where f.period_start is not null
      and f.period_start = f.period_end
      and (
          m.metric_id is null
          or (
              (nullif(m.unit, '') is null or f.unit = m.unit)
              and (nullif(m.basis, '') is null or (m.basis = 'level' and f.basis is null) or f.basis = m.basis)
          )
      )
),
metrics_in_sentence as (
    select doc_id, sentence_start, count(distinct metric_id) as n
    from core.figures
    where metric_id is not null
    group by doc_id, sentence_start
),
points as (
    -- One figure per year, as a group's arg_max (cheaper than a window over every figure).
    select
        series_id, publisher, year, is_target, unit, basis_class, per_unit,
        arg_max(
            struct_pack(figure_id, doc_id, value, linked_by),
            struct_pack(
                ry := coalesce(report_year, -1),
                po := coalesce(published_on, date '0001-01-01'),
                doc_id,
                whole := parent_figure_id is null,
                n := coalesce(ms.n, 0),
                first := -char_start
            )
        ) as best
    from members
    left join metrics_in_sentence ms using (doc_id, sentence_start)
    group by all
),
chosen as (
    select
        series_id, publisher, year, is_target, unit, basis_class, per_unit,
        best.figure_id, best.doc_id, best.value, best.linked_by
    from points
),
links as (
    select series_id, publisher, year, is_target, unit, min(confidence) as confidence
    from core.series_links
    group by all
)
select
    cur.series_id,
    cur.year,
    cur.value,
    prev.value as previous_value,
    round(cur.value - prev.value, 6) as change,
    case when prev.value <> 0 then round(100 * (cur.value - prev.value) / prev.value, 2) end as pct_change,
    cur.publisher,
    cur.is_target,
    cur.unit,
    cur.doc_id,
    prev.doc_id as previous_doc_id,
    case when cur.linked_by = 'catalog' and prev.linked_by = 'catalog' then 'catalog' else 'auto' end as linked_by,
    case when cur.linked_by = 'catalog' and prev.linked_by = 'catalog' then 1.0 else l.confidence end as confidence,
    cur.figure_id,
    prev.figure_id as previous_figure_id
from chosen cur
join chosen prev
    on prev.series_id = cur.series_id
    and prev.publisher is not distinct from cur.publisher
    and prev.is_target = cur.is_target
    and prev.unit = cur.unit
    and prev.basis_class = cur.basis_class
    and prev.per_unit = cur.per_unit
    and prev.year = cur.year - 1
left join links l
    on l.series_id = cur.series_id
    and l.publisher is not distinct from cur.publisher
    and l.year = cur.year
    and l.is_target = cur.is_target
    and l.unit = cur.unit;
