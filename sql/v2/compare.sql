-- What did each publisher state for each metric and year, as an outcome and as a target: one answer the report states, or none?
-- One row per metric, publisher, year (the year a figure describes: a target's year is the year it is for)
-- and is_target, when the candidates of v2.compare_candidates for it state one value (and one high end):
-- the figures (and mentions) that state it again are the same answer, and the row is the first of them (the latest
-- report, then the first mention). An outcome's bound the one exact value satisfies (突破2万亿元 beside
-- 2.03万亿元: bound_of_exact) states no other value: the exact value answers. Where they state two or more
-- different values the view gives no answer: v2.compare_conflicts names the figures that disagree. Never a
-- sum and never a choice. A document without a publisher is a publisher of its own: its answers are its own.
create or replace view v2.compare as
with answers as (
    select
        metric_id,
        publisher,
        year,
        is_target,
        count(distinct (value, value_high)) filter (where not bound_of_exact) as n_values,
        sum(mentions)::bigint as n_mentions,
        arg_max(
            struct_pack(value, value_high, unit, measure, qualifier, written, reading, report_year, figure_id, doc_id, sentence),
            struct_pack(stated := not bound_of_exact, ry := coalesce(report_year, -1), doc_id, first := -char_start)
        ) as a
    from v2.compare_candidates
    group by metric_id, publisher, case when publisher is null then doc_id end, year, is_target  -- without a publisher: its document alone
)
select
    metric_id,
    publisher,
    year,
    is_target,
    a.value,
    a.value_high,
    a.unit,
    a.measure,
    a.qualifier,
    a.written,
    a.reading,
    n_mentions,
    a.report_year,
    a.figure_id,
    a.doc_id,
    a.sentence
from answers
where n_values = 1;
