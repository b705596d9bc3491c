"""Numerals as reports write them, to plain values."""

from __future__ import annotations

import cn2an
from hypothesis import given
from hypothesis import strategies as st

from etl.text.numbers import NUMERAL, parse_numeral, parse_percent_words


def test_arabic_numbers_with_decimals_and_separators():
    assert parse_numeral("41,101") == 41101
    assert parse_numeral("24.92") == 24.92
    assert parse_numeral("8,650万") == 86_500_000


def test_magnitudes():
    assert parse_numeral("24.92亿") == 2_492_000_000
    assert parse_numeral("551.07万") == 5_510_700
    assert parse_numeral("1.2万亿") == 1_200_000_000_000
    # every decimal counts: cn2an alone read 72.45472万 as 724547, dropping what falls below one
    assert parse_numeral("72.45472万") == 724_547.2
    assert parse_numeral("0.5万") == 5_000


def test_chinese_numerals():
    assert parse_numeral("三亿二千六百万") == 326_000_000
    assert parse_numeral("一百二十万") == 1_200_000
    assert parse_numeral("两千") == 2000
    assert parse_numeral("两万") == 20000
    assert parse_numeral("百") == 100
    assert parse_numeral("十五") == 15


def test_mixed_arabic_and_chinese():
    assert parse_numeral("1亿2千万") == 120_000_000
    assert parse_numeral("1万6千") == 16000


def test_chinese_decimals():
    assert parse_numeral("四十五点八万") == 458_000


def test_percent_words():
    assert parse_percent_words("百分之十五") == (15, "percent", "%")
    assert parse_percent_words("百分之九十二点三") == (92.3, "percent", "%")
    assert parse_percent_words("百分之1,111") == (1111, "percent", "%")
    assert parse_percent_words("千分之三") == (3, "other", "‰")
    assert parse_percent_words("万分之五") == (5, "other", "‱")


def test_traditional_and_financial_characters_read_as_plain_ones():
    assert parse_numeral("叁萬") == 30_000
    assert parse_numeral("壹億贰仟萬") == 120_000_000
    assert parse_numeral("兩千") == 2000


def test_mixed_and_spaced_numbers_give_one_value():
    assert parse_numeral("2千零30万") == 20_300_000
    assert parse_numeral("7万 5千 4百") == 75_400
    assert parse_numeral("四千万") == 40_000_000


def test_words_that_are_not_numbers():
    assert parse_numeral("万") is None
    assert parse_numeral("亿万") is None


def test_the_numeral_pattern_stops_a_thousands_separator_at_a_clause_comma():
    assert NUMERAL.match("37,开展").group() == "37"
    assert NUMERAL.match("41,101人").group() == "41,101"


@given(st.integers(min_value=0, max_value=10**12))
def test_any_integer_reads_back(number):
    assert parse_numeral(str(number)) == number


@given(st.integers(min_value=1, max_value=10**12))
def test_thousands_separators_do_not_change_the_value(number):
    assert parse_numeral(f"{number:,}") == number


@given(st.integers(min_value=1, max_value=99_999_999))
def test_chinese_numerals_read_like_their_arabic_twin(number):
    assert parse_numeral(cn2an.an2cn(number)) == number


@given(st.integers(min_value=1, max_value=9999), st.sampled_from([("万", 10**4), ("亿", 10**8), ("万亿", 10**12)]))
def test_a_magnitude_multiplies(number, magnitude):
    word, factor = magnitude
    assert parse_numeral(f"{number}{word}") == number * factor


@given(st.integers(min_value=0, max_value=9999), st.integers(min_value=1, max_value=99))
def test_decimals_with_magnitudes(whole, hundredths):
    assert abs(parse_numeral(f"{whole}.{hundredths:02d}万") - (whole + hundredths / 100) * 10**4) < 1e-6


def test_what_is_not_a_number_gives_none_and_never_raises():
    assert parse_numeral("一点百") is None
    assert parse_numeral("9" * 400) is None
    assert parse_numeral("一点〇五") == 1.05
