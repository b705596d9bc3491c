-- What fiscal deficit did each year's budget plan: the deficit ratio and the deficit in yuan, central and local?
select
    year,
    max(value) filter (where metric_id = 'deficit_ratio') as deficit_ratio_percent,
    max(value) filter (where metric_id = 'fiscal_deficit') as deficit_yuan,
    max(value) filter (where metric_id = 'central_deficit') as central_deficit_yuan,
    max(value) filter (where metric_id = 'local_deficit') as local_deficit_yuan,
    max(doc_id) as doc_id
from v1.metric_series
where is_target and publisher = '国务院'
  and metric_id in ('deficit_ratio', 'fiscal_deficit', 'central_deficit', 'local_deficit')
group by year
order by year;
