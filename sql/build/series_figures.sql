-- core.series_figures: every figure of a point joins it, through the point's first figure (scratch.point_firsts, as written).
insert into core.series_figures
select p.figure_id, s.point_id
from scratch.point_of p
join scratch.point_firsts s on s.first_id = p.first_id;
