-- What did each programme spend, whom and how many organisations did it reach, per publisher and year, and which figures were added up?
-- The sums of the figures v1.program_figures adds (added), where the rule is stated: a figure
-- covering this one year, a whole (never a 其中 breakdown part, nor a subset overlapping the parts),
-- not a per-unit amount (每家, 人均), not a change (增加, 增长), in a summed unit; a cumulative stock
-- (累计, 截至) is left out when the same programme and year state a new flow in the same unit.
-- Outcomes and targets (is_target) are summed apart.
create or replace view v1.program_summary as
select
    program_id,
    program_name_zh,
    publisher,
    year,
    is_target,
    sum(value) filter (where unit = 'yuan') as funds_yuan,
    sum(value) filter (where unit = 'person') as people_reached,
    sum(value) filter (where unit = 'person_time') as person_times,
    sum(value) filter (where unit = 'household') as households,
    sum(value) filter (where unit in ('organization', 'enterprise')) as organizations,
    count(*)::integer as n_figures,
    string_agg(figure_id, ',' order by doc_id, char_start) as figure_ids,
    string_agg(surface, '; ' order by doc_id, char_start) as surfaces,
    string_agg(distinct doc_id, ',' order by doc_id) as doc_ids
from v1.program_figures
where added
group by all;
