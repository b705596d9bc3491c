-- Did each target come true? Every target of a metric beside the outcome a report gave for the same year, and whether it was met.
-- met follows the target's qualifier: at_least (以上, 超过) is met when actual >= target;
-- at_most (以内, 以下) when actual <= target; approx (左右) when the actual is within half a
-- percentage point of a rate, or within 5% of any other quantity; an exact or per-unit target
-- when equalled. met is NULL when no actual was reported, and when an exact or approximate
-- target was missed by more than that: the report does not say whether over or under is good
-- (inflation well under its 3%左右 is not a miss). A document without a publisher is a publisher of its own: its
-- targets are set beside its own outcomes only.
create or replace view v1.target_vs_actual as
select
    t.metric_id,
    t.year,
    t.value as target,
    t.qualifier as target_qualifier,
    a.value as actual,
    case
        when a.value is null then null
        when t.qualifier = 'at_least' then a.value >= t.value
        when t.qualifier = 'at_most' then a.value <= t.value
        when t.qualifier = 'approx' and t.unit = 'percent' and abs(a.value - t.value) <= 0.5 + 1e-9 then true
        when t.qualifier = 'approx' and t.unit <> 'percent' and abs(a.value - t.value) <= 0.05 * abs(t.value) then true
        when t.qualifier not in ('approx', 'at_least', 'at_most')
            and abs(a.value - t.value) <= 1e-9 * greatest(1, abs(t.value)) then true
    end as met,
    t.publisher,
    t.unit,
    t.doc_id as target_doc_id,
    a.doc_id as actual_doc_id,
    t.sentence as target_sentence,
    a.sentence as actual_sentence
from v1.metric_series t
left join v1.metric_series a
    on a.metric_id = t.metric_id
    and a.publisher is not distinct from t.publisher
    and case when a.publisher is null then a.doc_id end is not distinct from
        case when t.publisher is null then t.doc_id end  -- without a publisher, the same document (a join key)
    and a.year = t.year
    and a.unit = t.unit
    and not a.is_target
where t.is_target;
