-- core.series_years: the figure that speaks for each series, publisher, year and kind (v2.yoy pairs them).
-- A document without a publisher is a publisher of its own (own_doc, as matching has it): its years are chosen
-- among its own figures, never over every document without one.
-- Single-year figures only, a catalogued one with its metric's unit and basis; the later report wins, then a whole
-- over a 其中 part, then the figure of the sentence naming the most metrics, then the first mention. An automatic
-- series whose figures of a year state two values (two projects' 投资 of one report) has no point that year: two
-- readings, no choice.
insert into core.series_years
with members as (
    select
        s.series_id,
        s.publisher,
        s.own_doc,
        s.linked_by,
        f.figure_id,
        f.doc_id,
        coalesce(f.metric_value, f.value) as value,  -- a metric's value (a growth's fall negative), else as stated
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
    -- counted in the members' documents only: no other is looked up
    select doc_id, sentence_start, count(distinct metric_id) as n
    from core.figures
    where metric_id is not null and doc_id in (select doc_id from members)
    group by doc_id, sentence_start
),
points as (
    -- One figure per year, as a group's arg_max (cheaper than a window over every figure).
    select
        series_id, publisher, own_doc, year, is_target, unit, basis_class, per_unit,
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
        ) as best,
        count(distinct value) as n_values,
        bool_or(linked_by = 'catalog') as catalogued
    from members
    left join metrics_in_sentence ms using (doc_id, sentence_start)
    group by all
)
select
    series_id, publisher, own_doc, year, is_target, unit, basis_class, per_unit,
    best.figure_id, best.doc_id, best.value, best.linked_by
from points
where catalogued or n_values = 1;
