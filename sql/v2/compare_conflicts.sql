-- Where does a report (or a publisher's reports) state two different values for one metric, year and kind, so that v2.compare gives no answer?
-- One row per metric, publisher, year and is_target whose candidates in v2.compare_candidates state
-- two or more different values (an outcome's bound that its one exact value satisfies is none: bound_of_exact):
-- how many, the figures as written (with their reports, in text order) and their ids, so that a reader can
-- see which figures disagree and why none was chosen.
create or replace view v2.compare_conflicts as
select
    metric_id,
    publisher,
    year,
    is_target,
    count(distinct (value, value_high)) filter (where not bound_of_exact) as n_values,
    string_agg(written || ' (' || doc_id || ')', '; ' order by report_year, doc_id, char_start) as written,
    string_agg(figure_id, ',' order by report_year, doc_id, char_start) as figure_ids
from v2.compare_candidates
group by metric_id, publisher, case when publisher is null then doc_id end, year, is_target  -- without a publisher: its document alone
having count(distinct (value, value_high)) filter (where not bound_of_exact) > 1;
