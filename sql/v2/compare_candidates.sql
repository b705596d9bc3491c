-- Which figures could answer "what was this metric for this publisher in this year", outcome or target, and for which year does each speak?
-- One row per figure of a catalogued metric that fits its publisher (series_id = metric_id), with the
-- metric's unit and basis (as in v1.metric_series), that is not per unit (每家…) unless its metric is an amount
-- per head by name (城镇居民人均可支配收入: its name holds a per_unit word of qualifiers.csv, 人均, 户均), not a
-- part of a whole (其中…) nor a subset of the whole's own metric, and that speaks for one year (`reading`):
--   'single year': its period is one year, `year` is that year (a target's year is the year it is for);
--   'end of period level': a level reached at the end of a review period, stated as 从A提高到B (地区生产总值从
--       11.37万亿元提高到14.58万亿元 in a review of 2021-2025): B is the level of the period's last year. A
--       level of a period stated otherwise (五年累计, 连续跨越…, 年均) speaks for no single year.
-- A range (4.5%—5%, 6至8万人: the extraction gives its low end at_least and its high end at_most, side by
-- side) is one row: value the low end, value_high the high end, qualifier 'range';
-- value_high is NULL for any other figure. written is the figure as the sentence writes it, qualifier words
-- included (110万人以上, 5.5%左右, 4.5%—5%), and a growth's fall with its verb (下降3.8%, value -3.8).
create or replace view v2.compare_candidates as
with figures as (
    select
        f.*,
        d.publisher,
        d.report_year,
        f.char_start - f.sentence_start as starts_at,  -- offsets within the sentence (0-based)
        f.char_end - f.sentence_start as ends_at,
        lead(f.figure_id) over w as next_figure_id,
        lead(f.char_start) over w - f.sentence_start as next_at,
        lead(f.char_end) over w - f.sentence_start as next_ends_at,
        lead(f.qualifier) over w as next_qualifier,
        lead(f.metric_id) over w as next_metric_id,
        lead(f.unit) over w as next_unit,
        lead(f.metric_value) over w as next_value,
        lead(f.is_target) over w as next_is_target,
        lag(f.char_end) over w - f.sentence_start as previous_ends_at,
        lag(f.char_start) over w - f.sentence_start as previous_at,
        lag(f.unit) over w as previous_unit,
        lag(f.qualifier) over w as previous_qualifier,
        lag(f.metric_id) over w as previous_metric_id,
        lag(f.is_target) over w as previous_is_target,
        whole.metric_id as whole_metric_id  -- the metric of the whole a part or subset is of
    from v2.figures f
    join v1.documents d using (doc_id)
    left join v2.figures whole on whole.figure_id = coalesce(f.parent_figure_id, f.subset_of_figure_id)
    window w as (partition by f.doc_id, f.sentence_start order by f.char_start)
),
per_head as (
    -- the metrics that are an amount per head by name: 城镇居民人均可支配收入 holds 人均
    select distinct m.metric_id
    from core.metrics m
    join core.qualifier_words q on q.qualifier = 'per_unit' and q.position = 'clause' and contains(m.name_zh, q.word)
),
read as (
    select
        *,
        -- the low end of a range: at_least, then its at_most high end of the same metric after a dash, 至 or 到
        coalesce(qualifier = 'at_least'
            and next_qualifier = 'at_most'
            and next_metric_id = metric_id
            and next_unit = unit
            and next_is_target = is_target
            and next_value > metric_value
            and regexp_matches(substr(sentence, ends_at + 1, next_at - ends_at), '^\s*[-—–~～至到]+\s*$'), false)
            as opens_range,
        -- the high end of a range, read with its low end
        coalesce(qualifier = 'at_most'
            and previous_qualifier = 'at_least'
            and previous_metric_id = metric_id
            and previous_unit = unit
            and previous_is_target = is_target
            and regexp_matches(substr(sentence, previous_ends_at + 1, starts_at - previous_ends_at), '^\s*[-—–~～至到]+\s*$'), false)
            as closes_range,
        -- 从A提高到B: B, after a level A of the same unit that 从 or 由 opens
        coalesce(previous_unit = unit
            and regexp_matches(
                substr(sentence, previous_ends_at + 1, starts_at - previous_ends_at),
                '^(?:提高|增加|增长|上升|提升|扩大|跃升|增至|达|下降|降低|降|减少|缩小|缩减)?(?:到|至)$'
            )
            and regexp_matches(substr(sentence, 1, previous_at), '[从由]$'), false)
            as ends_from_to
    from figures
    where metric_id is not null
      and series_id = metric_id
      and (qualifier <> 'per_unit' or metric_id in (select metric_id from per_head))
      -- a part or a subset answers only a metric of its own, not its whole's (其中，中央财政赤字…，地方财政赤字7800亿元:
      -- the local deficit; 新增就业1300万人，其中高校毕业生800万人 answers no new_urban_jobs)
      and (coalesce(parent_figure_id, subset_of_figure_id) is null or whole_metric_id is distinct from metric_id)
),
candidates as (
    select
        r.metric_id,
        r.publisher,
        case when r.period_start = r.period_end then r.period_start else r.period_end end as year,
        r.is_target,
        r.metric_value as value,  -- a growth's fall negative: 下降3.8% is -3.8
        case when r.opens_range then r.next_value end as value_high,
        r.unit,
        r.measure,
        case when r.opens_range then 'range' else r.qualifier end as qualifier,
        -- as the sentence writes it: the number (both ends of a range) with the qualifier words around it
        -- the words of qualifiers.csv (core.qualifier_words) that bound or round a number, before it and after it,
        -- and for a growth's fall (value negative) the fall verb before them (words.csv's fall_verb: 下降3.8%)
        case when r.metric_value < 0 and r.value > 0 then
            regexp_extract(substr(r.sentence, 1, r.starts_at), '(' || v.falls || ')(?:' || w.before || ')?$', 1)
        else '' end
        || regexp_extract(substr(r.sentence, 1, r.starts_at), '(' || w.before || ')$', 1)
            || substr(r.sentence, r.starts_at + 1, case when r.opens_range then r.next_ends_at else r.ends_at end - r.starts_at)
            || regexp_extract(
                substr(r.sentence, case when r.opens_range then r.next_ends_at else r.ends_at end + 1, 4),
                '^(' || w.after || ')',
                1
            ) as written,
        r.basis,
        case when r.period_start = r.period_end then 'single year' else 'end of period level' end as reading,
        r.report_year,
        r.figure_id,
        r.doc_id,
        r.sentence,
        r.char_start,
        r.mentions
    from read r
    join core.metrics m on m.metric_id = r.metric_id
    join (
        -- longest first, so that 不超过 is read whole before 超过
        select
            coalesce(string_agg(word, '|' order by length(word) desc) filter (where position = 'before'), '') as before,
            coalesce(string_agg(word, '|' order by length(word) desc) filter (where position = 'after'), '') as after
        from core.qualifier_words
        where qualifier <> 'per_unit'
    ) w on true
    join (
        select coalesce(string_agg(word, '|' order by length(word) desc), '') as falls
        from core.words
        where role = 'fall_verb'
    ) v on true  -- (not `cross join`: DuckDB writes a stored view's cross join back as a comma, views_as_built)
    where not r.closes_range
      and (nullif(m.unit, '') is null or r.unit = m.unit)
      and (nullif(m.basis, '') is null or (m.basis = 'level' and r.basis is null) or r.basis = m.basis)
      and (
          r.period_start = r.period_end
          or (
              r.ends_from_to
              and r.basis is null
              and not r.is_target
              and r.period_start < r.period_end
              and r.period_end = r.report_year
          )
      )
)
select
    *,
    -- an outcome's level bounded where the one exact value stated for the same question satisfies it (突破2万亿元 beside
    -- 地区生产总值从1.6万亿元提高到2.03万亿元): the same fact stated loosely, which states no other value
    coalesce(
        not is_target
        and unit <> 'percent'  -- a level's (a rate's bound may be of another measure: 实际增长4%以上 beside 增长5%)
        and value_high is null
        and count(distinct value) filter (where qualifier = 'exact') over question = 1
        and (
            qualifier = 'at_least' and min(value) filter (where qualifier = 'exact') over question >= value
            or qualifier = 'at_most' and min(value) filter (where qualifier = 'exact') over question <= value
        ),
        false
    ) as bound_of_exact
from candidates
window question as (partition by metric_id, publisher, case when publisher is null then doc_id end, year, is_target);
