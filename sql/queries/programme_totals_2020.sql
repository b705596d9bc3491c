-- What total did each trade-union programme reach in 2020, unit by unit, how was each made (stated, or a sum of disjoint figures), and which figures were left out and why?
select program_id, program_name_zh, unit, total, how, no_total_reason, surfaces, left_out
from v2.program_totals
where publisher = '工人日报' and year = 2020 and not is_target
order by program_id, unit;
