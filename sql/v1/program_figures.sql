-- Which figures does each programme state for each year, and was each added to the programme's totals (v1.program_summary), or why not?
-- One row per figure of a programme and year its period covers (a 2016–2020 figure has a row for each of the five
-- years), outcomes and targets (is_target) apart. This is the one statement of the rule a total is made by:
-- v1.program_summary adds up the rows added, v2.program_totals says how each total was made. A total adds only
-- figures that are disjoint and of one kind; a total the report states is the total.
-- A figure may count when it
--   1. is a whole: no 其中 breakdown part of another figure, nor a subset overlapping the parts;
--   2. covers this one year; 3. is not a per-unit amount (每家, 人均); 4. is not a change (增加, 增长);
--   5. is in a summed unit (yuan, person, person_time, household, organization, enterprise);
--   6. is not a project's total investment (总投资: program_words.csv, project_total), which spans the project's years,
--      nor, in yuan, the size of what follows it (投资3.4亿元的…训练中心: an amount before 的 describes a project);
--   7. in yuan, is not goods and money together (物资和资金合计: goods), which is no amount of funds;
--   8. does not open its clause measuring the figure before against another amount (超过原定的2万亿元: compares);
--   9. is not a cumulative stock (累计) when the same programme, publisher, year, is_target and unit state a new flow.
-- Of the figures that may count, per programme, publisher, year, is_target and unit:
--   10. a figure whose clause says it is all of it (共, 合计: states_total) is the total, and the others are left out
--       (they may be part of it), when it is the only such figure and the others add up to no more than it
--       (年末全国共有595万人…，3340万人… is a list that 共 opens, not a total); two such figures: none is chosen.
--       A states_total word counts only as a word of its own, never as a piece of another word: the words that
--       hold one (program_words.csv's holds_total_word: 公共, 中共, 计划 …: 公共服务资金3亿元,
--       职工医保家庭共济金额, 合计划) are taken out of the clause before its words are looked for;
--   11. else the one figure that may count is the total (how = 'only figure': no word says it is all); figures of
--       one clause (the items of one list: 职工家庭2.1万户、农民工家庭5.1万户) add up only when they are of one kind:
--       the same category, unit, basis and measure word, each item naming the same thing (its label ends in the
--       same two characters, 家庭) after an owner of more than one character (再就业 after 新增就业 is a kind of
--       it, not another owner), and none a level reached (到 or 至 in the item's own words: 贫困人口减少到1万人);
--       otherwise none is added (产业园2个、产业集群1个; 新增就业5300人、再就业1500人). Figures of separate clauses
--       or statements may overlap (a project inside the year's whole): none is added, there is no total.
--       When in doubt, no total.
-- The two ends of a range (5-8亿元, 5至8亿元: a low end at_least, then after a dash, 至 or 到 its high end at_most of the
-- same unit, as v2.compare_candidates pairs them) are one amount, never a sum: neither end is added, and when no
-- figure states the total there is none (the range is as written in left_out).
-- left_out_reason names the first rule a figure fails; it is NULL exactly when the figure counts (added).
create or replace view v1.program_figures as
with years as (
    select
        f.*,
        d.publisher,
        unnest(generate_series(f.period_start, f.period_end))::integer as year,
        -- the words of the figure's clause before it: after the last clause break before the number
        regexp_extract(left(f.sentence, f.char_start - f.sentence_start), '[^,，;；:：]*$') as clause_before,
        f.char_start - length(clause_before) as clause_start,  -- where that clause starts in the text
        -- the clause with the words that hold a states_total word as a piece of them taken out (rule 10)
        regexp_replace(clause_before, (select string_agg(word, '|') from core.program_words where role = 'holds_total_word'), '_', 'g')
            as clause_words,
        -- the item's own words: after the figure before it in the clause (a list's 、), or from the clause start
        regexp_extract(clause_before, '[^、]*$') as item_before,
        -- a range: this figure's low end at_least, then its high end at_most after a dash, 至 or 到 (and back)
        coalesce(f.qualifier = 'at_least'
            and lead(f.qualifier) over s = 'at_most' and lead(f.unit) over s = f.unit
            and lead(f.is_target) over s = f.is_target and lead(f.value) over s > f.value
            and regexp_matches(
                substr(f.sentence, f.char_end - f.sentence_start + 1, lead(f.char_start) over s - f.char_end),
                '^\s*[-—–~～至到]+\s*$'
            ), false) as range_low,
        coalesce(f.qualifier = 'at_most'
            and lag(f.qualifier) over s = 'at_least' and lag(f.unit) over s = f.unit
            and lag(f.is_target) over s = f.is_target and lag(f.value) over s < f.value
            and regexp_matches(
                substr(f.sentence, lag(f.char_end) over s - f.sentence_start + 1, f.char_start - lag(f.char_end) over s),
                '^\s*[-—–~～至到]+\s*$'
            ), false) as range_high,
        case
            when range_low then f.surface || substr(f.sentence, f.char_end - f.sentence_start + 1,
                lead(f.char_end) over s - f.char_end)
            when range_high then substr(f.sentence, lag(f.char_start) over s - f.sentence_start + 1,
                lag(f.char_end) over s - lag(f.char_start) over s) || substr(f.sentence,
                lag(f.char_end) over s - f.sentence_start + 1, f.char_end - lag(f.char_end) over s)
        end as range_written
    from core.figures f
    join core.documents d using (doc_id)
    where f.program is not null
      and f.period_start is not null
    window s as (partition by f.doc_id, f.sentence_start order by f.char_start)
),
worded as (
    select
        y.*,
        exists (
            select 1 from core.program_words w where w.role = 'states_total' and contains(y.clause_words, w.word)
        ) as states_total,
        exists (
            select 1 from core.program_words w where w.role = 'project_total' and contains(y.clause_before, w.word)
        ) or (y.unit = 'yuan' and substr(y.sentence, y.char_end - y.sentence_start + 1, 1) = '的') as project_total,
        y.unit = 'yuan' and exists (
            select 1 from core.program_words w where w.role = 'goods' and contains(y.clause_before, w.word)
        ) as goods,
        exists (
            select 1 from core.program_words w
            where w.role = 'compares' and starts_with(ltrim(y.clause_before), w.word)
        ) and exists (
            select 1 from core.figures e
            where e.doc_id = y.doc_id and e.sentence_start = y.sentence_start
              and e.char_start < y.char_start and e.unit = y.unit
        ) as compares
    from years y
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
            when project_total then 'a project''s total investment (总投资), not the year''s spending'
            when goods then 'goods and money together (物资和资金), not funds alone'
            when compares then 'measures the figure before it against another amount (超过…), not an amount of its own'
        end as not_summable
    from worded
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
eligible as (
    select
        *,
        coalesce(
            not_summable,
            case
                when basis = 'cumulative' and has_new
                    then 'cumulative stock (累计): the year''s new flow is counted instead'
            end
        ) as first_reason
    from flows
),
totals as (
    select
        *,
        -- a figure its clause says is all of it, which the others that may count do not overrun
        states_total and first_reason is null and not (range_low or range_high)
            and coalesce(sum(value) filter (where first_reason is null) over total, 0) - value <= value as stated,
        count(*) filter (where first_reason is null) over total as n_may,
        any_value(range_written) filter (where first_reason is null and range_low) over total as range_of,
        -- the figures that may count are of one kind, each another owner of the same thing, and none a level reached
        count(distinct concat_ws('|', category, unit, basis, measure, right(item_before, 2)))
            filter (where first_reason is null) over total = 1
            and coalesce(bool_and(length(item_before) > 3 and not regexp_matches(item_before, '[到至]'))
                filter (where first_reason is null) over total, true) as one_kind,
        coalesce(bool_or(regexp_matches(item_before, '[到至]')) filter (where first_reason is null) over total, false)
            as has_level,
        min(doc_id || ':' || clause_start) filter (where first_reason is null) over total as first_clause,
        max(doc_id || ':' || clause_start) filter (where first_reason is null) over total as last_clause
    from eligible
    window total as (partition by program, publisher, year, is_target, unit)
),
groups as (
    select
        *,
        count(*) filter (where stated) over total as n_stated,
        any_value(surface) filter (where stated) over total as stated_surface
    from totals
    window total as (partition by program, publisher, year, is_target, unit)
),
reasons as (
    select
        *,
        coalesce(
            first_reason,
            case
                when n_stated = 1 and not stated
                    then format('the report states the total ({}): this figure may be part of it', stated_surface)
                when n_stated > 1
                    then format('the report states {} totals of this unit: none is chosen', n_stated)
                when n_stated = 0 and range_of is not null
                    then format('a range ({}) is one amount, never a sum of its ends: none is added', range_of)
                when n_stated = 0 and first_clause <> last_clause
                    then format('{} figures in separate clauses may overlap: none is added', n_may)
                when n_stated = 0 and n_may > 1 and has_level
                    then format(
                        '{} figures of one clause, one a level reached (到, 至), not a flow: none is added', n_may
                    )
                when n_stated = 0 and n_may > 1 and not one_kind
                    then format('{} figures of one clause are not of one kind: none is added', n_may)
            end
        ) as left_out_reason
    from groups
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
