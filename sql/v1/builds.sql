-- Which code version, catalog version and view versions built this warehouse, from which sources, and when?
-- view_versions names each sql/vN folder with a digest of its view files, e.g. v1@1a2b3c4d5e6f.
-- The last build only; v2.builds keeps the history of every build with each document's figure count.
create or replace view v1.builds as
select
    built_at,
    code_version,
    catalog_version,
    view_versions,
    sources,
    n_documents,
    n_figures,
    n_extracted
from core.builds
where build_id = (select max(build_id) from core.builds);
