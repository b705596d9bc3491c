-- Which figures does no metric of data/catalog/metrics.csv match yet? Grouped by the words before the number, most frequent first: what to catalogue next.
-- Each list is made from distinct (label, value) pairs first and joined once per label: listing every
-- figure's doc_id and then removing duplicates costs more than twice as much at 10,000 reports.
create or replace view v1.uncatalogued as
with uncatalogued as (
    select label, unit, doc_id, surface, sentence, figure_id
    from core.figures
    where metric_id is null
),
documents as (
    select label, count(*)::integer as n_documents, string_agg(doc_id, ',' order by doc_id) as doc_ids
    from (select distinct label, doc_id from uncatalogued)
    group by label
),
units as (
    select label, string_agg(unit, ',' order by unit) as units
    from (select distinct label, unit from uncatalogued)
    group by label
),
examples as (
    select
        label,
        count(*)::integer as n_figures,
        min(surface) as example_surface,
        arg_min(sentence, figure_id) as example_sentence
    from uncatalogued
    group by label
)
select e.label, e.n_figures, d.n_documents, u.units, d.doc_ids, e.example_surface, e.example_sentence
from examples e
join documents d using (label)
join units u using (label)
order by e.n_figures desc, d.n_documents desc, e.label;
