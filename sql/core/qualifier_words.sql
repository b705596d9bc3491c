-- core.qualifier_words: the words of data/catalog/qualifiers.csv a build was made with, each with where it stands and the qualifier it gives (v2.compare_candidates writes a figure with them).
create table core.qualifier_words (word varchar, position varchar, qualifier varchar);
