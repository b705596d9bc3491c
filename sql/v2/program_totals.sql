-- What total does each programme reach for each year and unit, how was it made (stated, or a sum of disjoint figures), or why is there none, and which figures were left out and why?
-- One row per programme, publisher, year, is_target and summed unit that has figures (v1.program_figures, where
-- the rule is written). `total` is the figure the report states as the total (how = 'stated': a figure its clause
-- says is all of it, 共安排资金24.92亿元, or the one figure that may count), or the sum of the disjoint items of one
-- list in one clause (how = 'sum of N disjoint figures'); when none may be added, total and how are NULL and
-- no_total_reason says why. left_out lists every other figure with its reason.
create or replace view v2.program_totals as
select
    program_id,
    program_name_zh,
    publisher,
    year,
    is_target,
    unit,
    sum(value) filter (where added) as total,
    case
        when count(*) filter (where added) = 0 then null
        -- one figure: 'stated' only when its clause says it is all of it (states_total, as v1.program_figures
        -- reads it: the clause before the number, words holding 共 or 计 taken out), else the only figure
        when count(*) filter (where added) = 1 and bool_or(
            exists (
                select 1 from core.figures f join core.program_words w on w.role = 'states_total'
                where f.figure_id = v1.program_figures.figure_id
                  and contains(
                      regexp_replace(
                          regexp_extract(left(f.sentence, f.char_start - f.sentence_start), '[^,，;；:：]*$'),
                          (select string_agg(word, '|') from core.program_words where role = 'holds_total_word'), '_', 'g'
                      ),
                      w.word
                  )
            )
        ) filter (where added) then 'stated'
        when count(*) filter (where added) = 1 then 'only figure'
        else format('sum of {} disjoint figures', count(*) filter (where added))
    end as how,
    case
        when count(*) filter (where added) = 0
            then coalesce(
                min(left_out_reason) filter (
                    where left_out_reason like 'the report states % totals%' or left_out_reason like '%: none is added'
                ),
                'no figure may be added (left_out says why)'
            )
    end as no_total_reason,
    count(*) filter (where added)::integer as n_figures,
    string_agg(figure_id, ',' order by doc_id, char_start) filter (where added) as figure_ids,
    string_agg(surface, '; ' order by doc_id, char_start) filter (where added) as surfaces,
    string_agg(surface || ': ' || left_out_reason, '; ' order by doc_id, char_start) filter (where not added)
        as left_out,
    string_agg(distinct doc_id, ',' order by doc_id) as doc_ids
from v1.program_figures
where unit in ('yuan', 'person', 'person_time', 'household', 'organization', 'enterprise')
group by program_id, program_name_zh, publisher, year, is_target, unit;
