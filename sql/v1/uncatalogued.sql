-- Which figures does no metric of data/catalog/metrics.csv match yet? Grouped by the words before the number, most frequent first: what to catalogue next.
-- The unit and document lists are built as lists and sorted once per label: string_agg(distinct … order by …)
-- gives the same text but sorts inside the aggregate, twice as slow on a thousand reports.
create or replace view v1.uncatalogued as
select
    f.label,
    count(*)::integer as n_figures,
    count(distinct f.doc_id)::integer as n_documents,
    array_to_string(list_sort(list_distinct(list(f.unit))), ',') as units,
    array_to_string(list_sort(list_distinct(list(f.doc_id))), ',') as doc_ids,
    min(f.surface) as example_surface,
    arg_min(f.sentence, f.figure_id) as example_sentence
from core.figures f
where f.metric_id is null
group by f.label
order by n_figures desc, n_documents desc, f.label;
