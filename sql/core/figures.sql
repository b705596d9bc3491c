-- core.figures: every figure of every report, one row per fact, with where in its document it was stated.
create table core.figures (
    figure_id varchar not null,  -- unique (checks.py), without an index: an index would be held in memory whole
    doc_id varchar not null,
    surface varchar not null,
    value double not null,
    unit varchar not null,
    category varchar not null,
    qualifier varchar not null,
    basis varchar,
    is_target boolean not null,
    period_start integer,
    period_end integer,
    as_of date,
    program varchar,
    metric_id varchar,
    parent_figure_id varchar,
    label varchar not null,
    sentence varchar not null,
    sentence_start integer not null,
    sentence_end integer not null,
    char_start integer not null,
    char_end integer not null,
    measure varchar not null,
    direction integer,
    subset_of_figure_id varchar,
    mentions integer not null,
    metric_value double  -- the value its metric takes (a growth's fall negative), NULL without a metric
);
