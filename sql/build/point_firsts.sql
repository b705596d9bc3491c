-- scratch.point_firsts: each series point's first figure, as the series writer writes the points (etl/series/store.py).
create table scratch.point_firsts (first_id varchar not null, point_id integer not null);
