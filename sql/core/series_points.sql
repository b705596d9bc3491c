-- core.series_points: the figures of a report year that say the same (one point), with their series, how they joined it and how sure.
-- Made anew by every build's series step (sql/build/, etl/series/store.py), as are the other series tables.
create or replace table core.series_points (
    point_id integer not null,
    series_id varchar not null,
    publisher varchar,
    own_doc varchar,  -- the doc_id when the document has no publisher: a publisher of its own, as in matching
    year integer,
    linked_by varchar not null,
    confidence double,
    reason varchar not null,
    node_id varchar  -- its node (etl.series.nodes.node_id; core.series_nodes holds a publisher's), NULL without a report year
);
