-- Which programmes spent the most, summed over the years the reports review (outcomes, not plans)?
select
    program_id,
    program_name_zh,
    publisher,
    sum(funds_yuan) as funds_yuan,
    min(year) as first_year,
    max(year) as last_year,
    sum(n_figures)::integer as n_figures
from v1.program_summary
where not is_target and funds_yuan is not null
group by program_id, program_name_zh, publisher
order by funds_yuan desc, program_id
limit 10;
