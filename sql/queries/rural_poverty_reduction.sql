-- By how many people did rural poverty fall each year, against the 1000万以上 target?
select year, target, target_qualifier, actual, met
from v1.target_vs_actual
where metric_id = 'rural_poverty_reduction' and publisher = '国务院'
order by year;
