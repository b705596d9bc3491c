"""An ordered word list asked where a word stands (etl/catalog/wordindex.py)."""

from __future__ import annotations

from etl.catalog.wordindex import WordIndex

INDEX = WordIndex([("超过", "at_least"), ("逾", "at_least"), ("约", "approx")], fillers=("了",))


def test_the_word_ending_a_text_gives_its_payload_and_is_what_without_end_takes_off():
    assert INDEX.at_end("为逾") == "at_least"
    assert INDEX.without_end("为逾") == "为"
    assert INDEX.without_end("增长超过了") == "增长"  # with its filler
    assert (INDEX.at_end("为"), INDEX.without_end("为")) == (None, "为")  # no word ends it: as it is


def test_the_word_listed_first_decides_anywhere_in_a_text():
    assert INDEX.first_in("约3万人，超过去年") == "at_least"
