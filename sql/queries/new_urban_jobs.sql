-- How many new urban jobs (城镇新增就业) did China create each year 2013-2021, against the target the State Council set?
select
    coalesce(a.year, t.year) as year,
    t.value as target,
    t.qualifier as target_qualifier,
    a.value as actual,
    case when a.value is not null and t.qualifier = 'at_least' then a.value >= t.value end as met,
    t.doc_id as target_doc_id,
    a.doc_id as actual_doc_id,
    a.sentence as actual_sentence
from (select * from v1.metric_series where metric_id = 'new_urban_jobs' and publisher = '国务院' and not is_target) a
full join (select * from v1.metric_series where metric_id = 'new_urban_jobs' and publisher = '国务院' and is_target) t
    using (year)
order by year;
