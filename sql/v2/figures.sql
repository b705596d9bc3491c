-- Every figure of every report, as in v1.figures, with the series it belongs to (its metric when the catalog names one, else the series its words line up with), its measure word, which way a change moved, the whole a subset overlaps, and the value it gives its metric (a growth's fall negative).
create or replace view v2.figures as
select
    f.figure_id,
    f.doc_id,
    f.surface,
    f.value,
    f.unit,
    f.category,
    f.qualifier,
    f.basis,
    f.is_target,
    f.period_start,
    f.period_end,
    f.as_of,
    f.program,
    f.metric_id,
    f.parent_figure_id,
    f.label,
    f.sentence,
    f.sentence_start,
    f.sentence_end,
    f.char_start,
    f.char_end,
    f.mentions,
    s.series_id,
    f.measure,
    f.direction,
    f.subset_of_figure_id,
    f.metric_value
from core.figures f
left join core.series_figures using (figure_id)
left join core.series_points s using (point_id);
