-- core.series_years: the figure that speaks for each series, publisher, year and kind, which v2.yoy pairs (sql/build/series_years.sql fills it).
create or replace table core.series_years (
    series_id varchar not null,
    publisher varchar,
    own_doc varchar,  -- the doc_id when the document has no publisher: its years are its own, never another's
    year integer not null,
    is_target boolean not null,
    unit varchar not null,
    basis_class varchar not null,
    per_unit boolean not null,
    figure_id varchar not null,
    doc_id varchar not null,
    value double not null,
    linked_by varchar not null
);
