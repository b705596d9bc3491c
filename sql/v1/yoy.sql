-- How did each metric change from the year before? Like with like only: same publisher, unit and basis, outcomes with outcomes, targets with targets.
-- A document without a publisher is a publisher of its own: its years are paired with its own only.
-- change is value minus previous_value in the metric's unit (percentage points for a rate);
-- pct_change is that change in percent of previous_value. Years without a comparable
-- previous year have no row. change and pct_change are NULL where v2.yoy, which pairs the same two figures,
-- says why no change is given (its no_change_reason: a bound beside a value, two vintages).
create or replace view v1.yoy as
select
    cur.metric_id,
    cur.year,
    cur.value,
    prev.value as previous_value,
    case when v2.no_change_reason is null then round(cur.value - prev.value, 6) end as change,
    case when v2.no_change_reason is null and prev.value <> 0
        then round(100 * (cur.value - prev.value) / prev.value, 2) end as pct_change,
    cur.publisher,
    cur.is_target,
    cur.unit,
    cur.doc_id,
    prev.doc_id as previous_doc_id
from v1.metric_series cur
join v1.metric_series prev
    on prev.metric_id = cur.metric_id
    and prev.publisher is not distinct from cur.publisher
    and case when prev.publisher is null then prev.doc_id end is not distinct from
        case when cur.publisher is null then cur.doc_id end  -- without a publisher, the same document (a join key)
    and prev.is_target = cur.is_target
    and prev.unit = cur.unit
    and prev.basis is not distinct from cur.basis
    and prev.year = cur.year - 1
left join v2.yoy v2
    on v2.series_id = cur.metric_id
    and v2.publisher is not distinct from cur.publisher
    and v2.year = cur.year
    and v2.is_target = cur.is_target
    and v2.unit = cur.unit
    and v2.figure_id = cur.figure_id
    and v2.previous_figure_id = prev.figure_id;
