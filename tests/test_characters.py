"""The character classes every rule shares, defined once in etl/text/characters.py."""

from __future__ import annotations

import re

from etl.text.characters import (
    CHINESE_DIGITS,
    CLAUSE_BREAKS,
    ITEM_ENDS,
    MAGNITUDE_CHARACTERS,
    ORDINAL_NUMERALS,
    SINGLE_NUMERALS,
)
from etl.text.numbers import parse_numeral


def test_the_chinese_digits_read_as_zero_to_nine():
    assert [parse_numeral(c) for c in CHINESE_DIGITS] == [0, 0, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9]  # 〇 and 两 too


def test_a_heading_numeral_is_worth_its_place_in_the_ordinals():
    assert [parse_numeral(c) for c in ORDINAL_NUMERALS] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]


def test_a_single_numeral_counts_one_to_ten_and_the_magnitudes_are_ten_to_a_hundred_million():
    assert [parse_numeral(c) for c in SINGLE_NUMERALS] == [1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert [parse_numeral("一" + c) for c in MAGNITUDE_CHARACTERS] == [10, 100, 1_000, 10_000, 100_000_000]


def test_clauses_break_inside_a_sentence_and_items_end_at_any_break():
    assert re.split(f"[{CLAUSE_BREAKS}]", "甲,乙；丙:丁。戊") == ["甲", "乙", "丙", "丁。戊"]
    assert re.split(f"[{ITEM_ENDS}]", "甲、乙。丙\n丁") == ["甲", "乙", "丙", "丁"]
