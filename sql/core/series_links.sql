-- core.series_links: one row per automatic link between two report years of a series, with how sure and why.
create or replace table core.series_links (
    series_id varchar not null,
    publisher varchar,
    year integer not null,
    is_target boolean not null,
    unit varchar not null,
    confidence double not null,
    reason varchar not null
);
