-- core.build_documents: every build's documents with their figure counts: the history a refresh keeps and v2.builds shows.
create table core.build_documents (
    build_id integer not null,
    doc_id varchar not null,
    sha256 varchar not null,
    n_figures integer not null,
    extracted boolean not null
);
