-- core.series_nodes: each node of a publisher's series (the points of a report year with one key, etl/series/keys.py),
-- with its series and its link to the year before: what a build that lines up only some report years again reads
-- (etl/series/relink.py). Documents without a publisher have none (they are lined up whole each time).
create or replace table core.series_nodes (
    node_id varchar not null,  -- a digest of the node's key (etl.series.nodes.node_id), as core.series_points.node_id
    publisher varchar not null,
    year integer not null,  -- the report year
    node varchar not null,  -- the node's fields as JSON (etl.series.nodes.to_json)
    series_id varchar not null,
    earlier varchar,  -- the node_id of the year before it is linked to, if it is
    confidence double,  -- that link's, as core.series_links
    reason varchar
);
