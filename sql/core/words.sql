-- core.words: the words of data/catalog/words.csv a build was made with, each with its role (v2.compare_candidates writes a growth's fall with its fall_verb: 下降3.8%).
create table core.words (word varchar, role varchar);
