-- What did each publisher achieve in GDP growth each year N, and what did it promise for N+1, as its reports state them?
-- From v2.compare: one stated answer or none (v2.compare_conflicts says why none). Ranges keep both ends
-- (promised_high; promised_as_written 4.5%—5%). For another metric, change the two metric_id lines.
select
    coalesce(a.publisher, t.publisher) as publisher,
    coalesce(a.year, t.year - 1) as year,
    a.value as achieved,
    a.written as achieved_as_written,
    t.year as target_year,
    t.value as promised,
    t.value_high as promised_high,
    t.written as promised_as_written,
    a.doc_id as achieved_doc_id,
    t.doc_id as promised_doc_id
from (select * from v2.compare where metric_id = 'gdp_growth' and not is_target) a
full join (select * from v2.compare where metric_id = 'gdp_growth' and is_target) t
    on t.publisher = a.publisher and t.year = a.year + 1
order by publisher, year;
