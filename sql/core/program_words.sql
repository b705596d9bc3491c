-- core.program_words: the words of data/catalog/program_words.csv a build was made with, each with its role: what a programme's total adds (v1.program_figures reads them).
create table core.program_words (word varchar, role varchar);
