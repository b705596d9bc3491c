"""`make bench`: how fast zhibiao extracts and refreshes, measured against its targets.

`python -m bench` builds a corpus of copies of the reports in data/raw under
bench/corpus/ (each copy with its own doc_id and a small edit, so that no two
are byte-identical), then measures extraction, refresh, memory and queries as
medians of repeated runs, prints a table of target against measurement and
writes bench/results.json. `python -m bench --quick` is a small smoke run.
"""
