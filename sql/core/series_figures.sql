-- core.series_figures: each figure's series point (sql/build/series_figures.sql fills it).
create or replace table core.series_figures (
    figure_id varchar not null,
    point_id integer not null
);
