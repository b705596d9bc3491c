-- How did Hailar district's economy grow: regional GDP, retail sales, tourism revenue and tourist arrivals per year?
select
    year,
    max(value) filter (where metric_id = 'gdp') as gdp_yuan,
    max(value) filter (where metric_id = 'retail_sales') as retail_sales_yuan,
    max(value) filter (where metric_id = 'tourism_revenue') as tourism_revenue_yuan,
    max(value) filter (where metric_id = 'tourist_arrivals') as tourist_arrivals_person_time
from v1.metric_series
where publisher = '海拉尔区人民政府' and not is_target
  and metric_id in ('gdp', 'retail_sales', 'tourism_revenue', 'tourist_arrivals')
group by year
order by year;
