-- What were the urban unemployment rates (surveyed and registered) each year, and their ceilings?
select metric_id, year, target, target_qualifier, actual, met
from v1.target_vs_actual
where metric_id in ('surveyed_unemployment_rate', 'registered_unemployment_rate') and publisher = '国务院'
order by metric_id, year;
