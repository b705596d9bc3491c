-- What did each programme spend, whom and how many organisations did it reach, per publisher and year, and which figures were added up?
-- Outcomes and targets (is_target) are summed apart. A figure is added when it covers a single
-- year, is a whole (never a 其中 breakdown part, nor a subset overlapping the parts), is not a per-unit amount (每家, 人均) and is not
-- a change (增加, 增长); a cumulative stock (累计, 截至) is left out when the same programme and
-- year state a new flow in the same unit, since the stock already holds it.
create or replace view v1.program_summary as
with counted as (
    select
        f.*,
        d.publisher,
        f.period_start as year,
        coalesce(bool_or(f.basis = 'new') over (partition by f.program, d.publisher, f.period_start, f.is_target, f.unit), false) as has_new
    from core.figures f
    join core.documents d using (doc_id)
    where f.program is not null
      and f.period_start is not null
      and f.period_start = f.period_end
      and f.parent_figure_id is null
      and f.subset_of_figure_id is null
      and f.qualifier <> 'per_unit'
      and f.basis is distinct from 'change'
      and f.unit in ('yuan', 'person', 'person_time', 'household', 'organization', 'enterprise')
)
select
    c.program as program_id,
    p.name_zh as program_name_zh,
    c.publisher,
    c.year,
    c.is_target,
    sum(c.value) filter (where c.unit = 'yuan') as funds_yuan,
    sum(c.value) filter (where c.unit = 'person') as people_reached,
    sum(c.value) filter (where c.unit = 'person_time') as person_times,
    sum(c.value) filter (where c.unit = 'household') as households,
    sum(c.value) filter (where c.unit in ('organization', 'enterprise')) as organizations,
    count(*)::integer as n_figures,
    string_agg(c.figure_id, ',' order by c.doc_id, c.char_start) as figure_ids,
    string_agg(c.surface, '; ' order by c.doc_id, c.char_start) as surfaces,
    string_agg(distinct c.doc_id, ',' order by c.doc_id) as doc_ids
from counted c
join core.programs p on p.program_id = c.program
where c.basis is distinct from 'cumulative' or not c.has_new
group by all;
