-- core.programs: the programme catalog (data/catalog/programs.csv) a build was made with, one row per programme.
create table core.programs (program_id varchar primary key, name_zh varchar, patterns varchar);
