-- Which targets were missed: an outcome below an at-least target or above an at-most one?
select publisher, metric_id, year, target, target_qualifier, actual, target_doc_id, actual_doc_id
from v1.target_vs_actual
where met = false
order by publisher, metric_id, year;
