-- What GDP growth did the State Council aim for each year, and what did the next report say it achieved?
select year, target, target_qualifier, actual, met, target_sentence
from v1.target_vs_actual
where metric_id = 'gdp_growth' and publisher = '国务院'
order by year;
