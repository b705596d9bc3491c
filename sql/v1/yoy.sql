-- How did each metric change from the year before? Like with like only: same publisher, unit and basis, outcomes with outcomes, targets with targets.
-- change is value minus previous_value in the metric's unit (percentage points for a rate);
-- pct_change is that change in percent of previous_value. Years without a comparable
-- previous year have no row.
create or replace view v1.yoy as
select
    cur.metric_id,
    cur.year,
    cur.value,
    prev.value as previous_value,
    round(cur.value - prev.value, 6) as change,
    case when prev.value <> 0 then round(100 * (cur.value - prev.value) / prev.value, 2) end as pct_change,
    cur.publisher,
    cur.is_target,
    cur.unit,
    cur.doc_id,
    prev.doc_id as previous_doc_id
from v1.metric_series cur
join v1.metric_series prev
    on prev.metric_id = cur.metric_id
    and prev.publisher is not distinct from cur.publisher
    and prev.is_target = cur.is_target
    and prev.unit = cur.unit
    and prev.basis is not distinct from cur.basis
    and prev.year = cur.year - 1;
