-- Which reports are loaded, and how many figures, outcomes, targets, catalogued metrics and programme figures did each give?
create or replace view v1.sources as
select
    d.doc_id,
    d.title,
    d.publisher,
    d.published_on,
    d.report_year,
    d.encoding,
    d.n_chars,
    count(f.figure_id)::integer as n_figures,
    (count(f.figure_id) filter (where not f.is_target))::integer as n_actuals,
    (count(f.figure_id) filter (where f.is_target))::integer as n_targets,
    (count(f.figure_id) filter (where f.metric_id is not null))::integer as n_catalogued,
    (count(f.figure_id) filter (where f.figure_id is not null and f.metric_id is null))::integer as n_uncatalogued,
    (count(f.figure_id) filter (where f.program is not null))::integer as n_with_program,
    coalesce(sum(f.mentions), 0)::integer as n_mentions
from core.documents d
left join core.figures f using (doc_id)
group by all
order by d.doc_id;
