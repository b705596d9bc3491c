-- How did new urban jobs change from one year to the next, outcomes and targets apart?
select year, is_target, value, previous_value, change, pct_change
from v1.yoy
where metric_id = 'new_urban_jobs' and publisher = '国务院'
order by is_target, year;
