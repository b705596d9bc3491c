-- How did each series change from the year before, catalogued or lined up by zhibiao, and how sure is the link? Like with like only.
-- year is the year the later figure describes (a target's year is the year it is for), report_year the year its
-- report reviews.
-- Like v1.yoy, keyed by series_id: the same series, publisher, unit, is_target, per-unit-ness and
-- basis class (new with new, change with change; a level and a cumulative total are both a stock),
-- single-year figures only. A catalogued figure must have its metric's unit and basis, as in
-- v1.metric_series. When several figures of a series state one year, the later report wins, then a
-- whole over a 其中 part, then the figure of the sentence naming the most metrics, then the first mention.
-- linked_by is 'catalog' when both figures are the metric's, else 'auto'; confidence is 1.0 for the
-- catalog, else the confidence of the automatic link into the report of the later value (links join report years).
-- change and pct_change are NULL when the two values are not stated alike (a bound or a range's end beside a
-- plain value: 突破90万亿元 beside 82.7万亿元, 6.5%-7% beside 7%左右): both values stand, the difference is not said.
-- The figure that speaks for each series and year is chosen when the warehouse is built
-- (core.series_years, etl/series_store.py), so that this view only pairs the years.
create or replace view v2.yoy as
with chosen as (
    select y.*, f.qualifier, f.qualifier in ('exact', 'approx') as plain  -- 约, 左右: a value still
    from core.series_years y
    join core.figures f using (figure_id)
),
links as (
    select series_id, publisher, year, is_target, unit, min(confidence) as confidence
    from core.series_links
    group by all
)
select
    cur.series_id,
    cur.year,
    d.report_year,
    cur.value,
    prev.value as previous_value,
    -- stated alike: both plain values (约 and 左右 included), or both bounds of one kind
    case when (cur.plain and prev.plain) or cur.qualifier = prev.qualifier then round(cur.value - prev.value, 6) end
        as change,
    case when change is not null and prev.value <> 0 then round(100 * (cur.value - prev.value) / prev.value, 2) end
        as pct_change,
    cur.publisher,
    cur.is_target,
    cur.unit,
    cur.doc_id,
    prev.doc_id as previous_doc_id,
    case when cur.linked_by = 'catalog' and prev.linked_by = 'catalog' then 'catalog' else 'auto' end as linked_by,
    case when cur.linked_by = 'catalog' and prev.linked_by = 'catalog' then 1.0 else l.confidence end as confidence,
    cur.figure_id,
    prev.figure_id as previous_figure_id,
    cur.qualifier,
    prev.qualifier as previous_qualifier
from chosen cur
join chosen prev
    on prev.series_id = cur.series_id
    and prev.publisher is not distinct from cur.publisher
    and prev.is_target = cur.is_target
    and prev.unit = cur.unit
    and prev.basis_class = cur.basis_class
    and prev.per_unit = cur.per_unit
    and prev.year = cur.year - 1
join v1.documents d on d.doc_id = cur.doc_id
left join links l
    on l.series_id = cur.series_id
    and l.publisher is not distinct from cur.publisher
    and l.year = d.report_year  -- a link is keyed by the report year it joins (a target describes the year after)
    and l.is_target = cur.is_target
    and l.unit = cur.unit;
