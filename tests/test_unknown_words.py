"""`python -m etl words unknown`: what the reports say that the catalog does not know."""

from __future__ import annotations

import subprocess
import sys

from etl.catalog import load_catalog
from etl.rules.unknown import unknown_words

from .conftest import ROOT


def test_an_unknown_measure_word_and_an_unknown_counted_noun_are_counted():
    measures, nouns, examples = unknown_words(
        "全年新建骑行驿道3200廊。新认定夜市120个，新增示范夜市80个。", load_catalog()
    )
    assert measures == {"廊": 1}
    assert nouns == {"夜市": 2}
    assert examples["廊"] == "全年新建骑行驿道3200廊。新认"


def test_a_noun_the_references_know_is_not_listed():
    # 街巷 (streets and lanes) is in counted_nouns.csv: a place, counted as other
    assert unknown_words("新认定特色街巷120个。", load_catalog())[1] == {}


def test_known_words_dates_and_people_are_not_listed():
    measures, nouns, _ = unknown_words("2025年新增就业52万人，建成职工驿站300个，服务12万留守儿童。", load_catalog())
    assert (measures, nouns) == ({}, {})


def test_after_a_bare_magnitude_the_noun_is_counted_not_a_measure_word():
    measures, nouns, _ = unknown_words("增加500万沼气用户，解决6000万农村人口饮水问题，新增4万多亿元。", load_catalog())
    assert (measures, nouns) == ({}, {"用户": 1})  # 人口 counts people; 4万多亿元 is known


def test_the_command_lists_the_unknown_words_of_a_folder_most_frequent_first(tmp_path):
    (tmp_path / "a.txt").write_text("新建驿道3200廊、步道12廊，新认定夜市120个。", encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        "file,doc_id,title,publisher,published_on,report_year\na.txt,a,A,某市人民政府,,2025\n"
    )
    done = subprocess.run(
        [sys.executable, "-m", "etl", "words", "unknown", "--sources", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == ["measure word\tcount\texample", "廊\t2\t新建驿道3200廊、步道"]
    assert [line for line in lines if line.startswith("夜市")] == ["夜市\t1\t2廊,新认定夜市120个。"]
