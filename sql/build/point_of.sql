-- scratch.point_of: each figure with the first figure of its point, by id.
-- Figures that say the same in the same place of the same publisher's reports of a year (copies of
-- one report) are one point. Each figure is mapped to the first of its point by id (a window, which
-- DuckDB spills to disk, where a list of every point's figures had to fit in memory), and only those
-- first figures are read into Python (points_to_match.sql).
create table scratch.point_of as
select
    f.figure_id,
    min(f.figure_id) over (
        partition by
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
    ) as first_id
from core.figures f
join core.documents d using (doc_id);
