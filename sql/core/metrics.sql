-- core.metrics: the metric catalog (data/catalog/metrics.csv) a build was made with, one row per metric.
create table core.metrics (metric_id varchar primary key, name_zh varchar, name_en varchar, category varchar, unit varchar, basis varchar, patterns varchar, scope varchar, falls varchar);
