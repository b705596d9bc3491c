-- Every figure of every report: one row per fact, with its value in base units and the sentence it came from.
create or replace view v1.figures as
select
    figure_id,
    doc_id,
    surface,
    value,
    unit,
    category,
    qualifier,
    basis,
    is_target,
    period_start,
    period_end,
    as_of,
    program,
    metric_id,
    parent_figure_id,
    label,
    sentence,
    sentence_start,
    sentence_end,
    char_start,
    char_end,
    mentions
from core.figures;
