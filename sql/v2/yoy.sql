-- How did each series change from the year before, catalogued or lined up by zhibiao, and how sure is the link? Like with like only.
-- year is the year the later figure describes (a target's year is the year it is for), report_year the year its
-- report reviews.
-- Like v1.yoy, keyed by series_id: the same series, publisher (a document without one is a publisher of its
-- own: two unrelated documents without a publisher are never paired), unit, is_target, per-unit-ness and
-- basis class (new with new, change with change; a level and a cumulative total are both a stock),
-- single-year figures only. A catalogued figure must have its metric's unit and basis, as in
-- v1.metric_series. When several figures of a series state one year, the later report wins, then a
-- whole over a 其中 part, then the figure of the sentence naming the most metrics, then the first mention.
-- linked_by is 'catalog' when both figures are the metric's, else 'auto'; confidence is 1.0 for the
-- catalog, else the confidence of the automatic link into the report of the later value (links join report years).
-- change and pct_change are NULL when the two values are not stated alike (a bound or a range's end beside a
-- plain value: 突破90万亿元 beside 82.7万亿元, 6.5%-7% beside 7%左右), or when they are of two vintages: from two
-- reports standing at different distances from the years they state (a level a five-year review restates as its
-- starting point, 从54万亿元提高到82.7万亿元, beside the value the year's own report gave: statistics are revised
-- between the two), or when an automatic link is uncertain (confidence below 0.8: the two values may measure
-- different things); both values stand, the difference is not said, and no_change_reason says why.
-- The figure that speaks for each series and year is chosen when the warehouse is built
-- (core.series_years, etl/series_store.py), so that this view only pairs the years.
create or replace view v2.yoy as
with links as (
    select series_id, publisher, year, is_target, unit, min(confidence) as confidence
    from core.series_links
    group by all
),
chosen as (
    select
        y.*,
        f.qualifier,
        f.qualifier in ('exact', 'approx') as plain,  -- 约, 左右: a value still
        d.report_year,
        d.report_year - y.year as distance  -- 0: the year's own review, -1: a target set the year before, 5: restated
    from core.series_years y
    join core.figures f using (figure_id)
    join core.documents d on d.doc_id = y.doc_id
),
paired as (
    select
        cur.*,
        prev.value as previous_value,
        prev.doc_id as previous_doc_id,
        prev.figure_id as previous_figure_id,
        prev.qualifier as previous_qualifier,
        cur.linked_by = 'catalog' and prev.linked_by = 'catalog' as catalogued,
        case when catalogued then 1.0 else l.confidence end as link_confidence,
        case
            when not ((cur.plain and prev.plain) or cur.qualifier = prev.qualifier)
                then format('not stated alike: {} beside {}', cur.qualifier, prev.qualifier)
            when cur.doc_id <> prev.doc_id and cur.distance <> prev.distance
                then format(
                    'two vintages: {} as the report on {} states it, {} as the report on {} does (figures are revised)',
                    cur.year, cur.report_year, cur.year - 1, prev.report_year
                )
            when coalesce(link_confidence, 0) < 0.8
                then format(
                    'an uncertain link (confidence {}): the two may measure different things',
                    coalesce(link_confidence::varchar, 'none recorded')
                )
        end as no_change_reason
    from chosen cur
    join chosen prev
        on prev.series_id = cur.series_id
        and prev.publisher is not distinct from cur.publisher
        and prev.own_doc is not distinct from cur.own_doc
        and prev.is_target = cur.is_target
        and prev.unit = cur.unit
        and prev.basis_class = cur.basis_class
        and prev.per_unit = cur.per_unit
        and prev.year = cur.year - 1
    left join links l
        on l.series_id = cur.series_id
        and l.publisher is not distinct from cur.publisher
        and l.year = cur.report_year  -- a link is keyed by the report year it joins (a target describes the year after)
        and l.is_target = cur.is_target
        and l.unit = cur.unit
)
select
    series_id,
    year,
    report_year,
    value,
    previous_value,
    case when no_change_reason is null then round(value - previous_value, 6) end as change,
    case when change is not null and previous_value <> 0
        then round(100 * (value - previous_value) / previous_value, 2) end as pct_change,
    publisher,
    is_target,
    unit,
    doc_id,
    previous_doc_id,
    case when catalogued then 'catalog' else 'auto' end as linked_by,
    link_confidence as confidence,
    figure_id,
    previous_figure_id,
    qualifier,
    previous_qualifier,
    no_change_reason
from paired;
