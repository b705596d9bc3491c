-- What did each trade-union programme spend and reach in 2020?
select program_id, program_name_zh, funds_yuan, people_reached, organizations, n_figures, surfaces
from v1.program_summary
where publisher = '工人日报' and year = 2020 and not is_target
order by funds_yuan desc nulls last, people_reached desc nulls last, program_id;
