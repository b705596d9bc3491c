-- Which figures does no metric of data/catalog/metrics.csv match yet? Grouped by the words before the number, most frequent first: what to catalogue next.
create or replace view v1.uncatalogued as
select
    f.label,
    count(*)::integer as n_figures,
    count(distinct f.doc_id)::integer as n_documents,
    string_agg(distinct f.unit, ',' order by f.unit) as units,
    string_agg(distinct f.doc_id, ',' order by f.doc_id) as doc_ids,
    min(f.surface) as example_surface,
    arg_min(f.sentence, f.figure_id) as example_sentence
from core.figures f
where f.metric_id is null
group by f.label
order by n_figures desc, n_documents desc, f.label;
