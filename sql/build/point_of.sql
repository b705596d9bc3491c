-- scratch.point_of: each figure with the first figure of its point, by id.
-- Figures that say the same in the same place of the same publisher's reports of a year (copies of
-- one report) are one point. Each figure is mapped to the first of its point by id: the points' first
-- figures are grouped by the point's key, and each figure joins its point's by that key (a group and a
-- hash join, which DuckDB spills to disk, where a list of every point's figures had to fit in memory;
-- a window partitioned by the key's fourteen parts took twice as long). Only the first figures are read
-- into Python (points_to_match.sql).
create table scratch.point_of as
with keyed as (
    select
        f.figure_id,
        row(
            case when d.publisher is null then f.doc_id end,  -- a document without a publisher is its own
            d.publisher,
            d.report_year,
            f.unit,
            f.basis,
            f.qualifier = 'per_unit',
            f.is_target,
            f.period_end - f.period_start,
            f.program,
            f.metric_id,
            f.label,
            f.char_start - f.sentence_start,  -- the same place in
            f.char_end - f.sentence_start,
            hash(f.sentence)  -- the same sentence
        ) as point
    from core.figures f
    join core.documents d using (doc_id)
),
firsts as (
    select point, min(figure_id) as first_id from keyed group by point
)
select k.figure_id, p.first_id
from keyed k
join firsts p on k.point is not distinct from p.point;
