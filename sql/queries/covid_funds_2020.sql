-- What did the trade unions spend on COVID-19 (疫情防控) in 2020, how many people did they reach, and from which figures?
select program_name_zh, year, funds_yuan, people_reached, n_figures, surfaces, figure_ids
from v1.program_summary
where program_id = 'covid19_response' and publisher = '工人日报' and year = 2020 and not is_target;
