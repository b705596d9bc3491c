-- How did each build change the warehouse: every build, oldest first, with each document's figure count then and before?
-- One row per build and document (a build of no documents has one row with doc_id NULL); doc_figures_before is the
-- document's figure count in the last earlier build that had it, NULL when none did.
create or replace view v2.builds as
with documents as (
    select
        build_id,
        doc_id,
        sha256,
        n_figures,
        extracted,
        lag(n_figures) over (partition by doc_id order by build_id) as n_figures_before
    from core.build_documents
)
select
    b.build_id,
    b.built_at,
    b.code_version,
    b.catalog_version,
    b.view_versions,
    b.sources,
    b.n_documents,
    b.n_figures,
    b.n_extracted,
    d.doc_id,
    d.sha256,
    d.n_figures as doc_figures,
    d.extracted as doc_extracted,
    d.n_figures_before as doc_figures_before
from core.builds b
left join documents d using (build_id)
order by b.build_id, d.doc_id;
