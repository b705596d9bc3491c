-- core.builds: every build of this warehouse, oldest first: what made it (code, catalogs, views), from where, and its counts.
create table core.builds (
    build_id integer not null,
    built_at timestamp not null,
    code_version varchar not null,
    catalog_version varchar not null,
    view_versions varchar not null,
    sources varchar not null,
    n_documents integer not null,
    n_figures integer not null,
    n_extracted integer not null
);
