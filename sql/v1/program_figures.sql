-- Which figures does each programme state for each year, and was each added to the programme's totals (v1.program_summary), or why not?
-- One row per figure of a programme and year its period covers (a 2016–2020 figure has a row for
-- each of the five years). Outcomes and targets (is_target) apart. A figure is added when it covers
-- this one year, is a whole (never a 其中 breakdown part, nor a subset overlapping the parts), is not
-- a per-unit amount (每家, 人均), is not a change (增加, 增长) and has a summed unit; a cumulative stock
-- (累计, 截至) is left out when the same programme, publisher, year and is_target state a new flow
-- (新增) that is added, in the same unit, since the stock already holds it. left_out_reason says the
-- first rule a figure fails, in this order; it is NULL exactly when the figure is added.
-- This is the one statement of the summing rule: v1.program_summary adds up the rows added here.
create or replace view v1.program_figures as
with years as (
    select
        f.*,
        d.publisher,
        unnest(generate_series(f.period_start, f.period_end))::integer as year
    from core.figures f
    join core.documents d using (doc_id)
    where f.program is not null
      and f.period_start is not null
),
summable as (
    select
        *,
        case
            when parent_figure_id is not null then 'breakdown (其中) of another figure'
            when subset_of_figure_id is not null then 'a subset overlapping the parts of another figure'
            when period_start <> period_end
                then format('covers several years ({}–{}), not {} alone', period_start, period_end, year)
            when qualifier = 'per_unit' then 'per-unit amount (每家, 人均), not a total'
            when basis = 'change' then 'a change (增加, 增长), not a level'
            when unit not in ('yuan', 'person', 'person_time', 'household', 'organization', 'enterprise')
                then format('unit ''{}'' is not summed', unit)
        end as not_summable
    from years
),
flows as (
    select
        *,
        coalesce(
            bool_or(not_summable is null and basis = 'new')
                over (partition by program, publisher, year, is_target, unit),
            false
        ) as has_new
    from summable
),
reasons as (
    select
        *,
        coalesce(
            not_summable,
            case
                when basis = 'cumulative' and has_new
                    then 'cumulative stock (累计): the year''s new flow is counted instead'
            end
        ) as left_out_reason
    from flows
)
select
    r.program as program_id,
    p.name_zh as program_name_zh,
    r.publisher,
    r.year,
    r.is_target,
    r.figure_id,
    r.doc_id,
    r.surface,
    r.value,
    r.unit,
    r.qualifier,
    r.basis,
    r.period_start,
    r.period_end,
    r.label,
    r.parent_figure_id,
    r.subset_of_figure_id,
    r.char_start,
    r.left_out_reason is null as added,
    r.left_out_reason
from reasons r
join core.programs p on p.program_id = r.program;
