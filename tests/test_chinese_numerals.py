"""chinese_numerals.py reads what cn2an reads, as cn2an reads it, without importing cn2an."""

from __future__ import annotations

import itertools
import random
import subprocess
import sys

import cn2an
import pytest

from etl.text.chinese_numerals import DIGIT_VALUE, LARGEST, REFUSED, spelling, standard_value, value

NUMERAL_CHARACTERS = (*DIGIT_VALUE, *"十百千万亿")
WITH_ARABIC = (*NUMERAL_CHARACTERS, *"0123456789.", "点")  # what parse_numeral hands on


def cn2an_reads(text: str) -> int | float | str:
    try:
        return cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, IndexError, TypeError):
        return REFUSED


def test_standard_spellings():
    assert [spelling(v) for v in (0, 10, 18, 105, 1050, 10500, 100050000)] == [
        "零",
        "一十",
        "一十八",
        "一百零五",
        "一千零五十",
        "一万零五百",
        "一亿零五万",
    ]
    assert standard_value("三亿二千六百万") == 326_000_000
    assert standard_value("两万") == 20_000
    assert standard_value("一百十") is None  # not standard: cn2an reads it (110)


def test_cn2an_reads_each_standard_spelling_as_its_value():
    rng = random.Random(24)
    values = [*range(0, 2_000), *(rng.randrange(0, LARGEST + 1) for _ in range(2_000))]
    values += [10**k for k in range(12)] + [10**k + 5 for k in range(12)]
    for v in values:
        text = spelling(v)
        for written in (text, text.replace("二", "两")):
            assert value(written) == v == cn2an_reads(written), written


@pytest.mark.parametrize(
    ("letters", "longest"),
    [
        # every value below a million, and every string of up to five numeral characters, were checked once
        # when the module was written (about a minute); four characters keep the test short
        (NUMERAL_CHARACTERS, 4),
        (WITH_ARABIC, 3),  # with digits
    ],
)
def test_every_short_numeral_read_here_is_read_as_cn2an_reads_it(letters, longest):
    for n in range(1, longest + 1):
        for chars in itertools.product(letters, repeat=n):
            text = "".join(chars)
            read = value(text)
            if read is not None:
                expected = cn2an_reads(text)
                assert read == expected and type(read) is type(expected), text


def test_the_shapes_that_are_not_standard():
    assert value("五一") == 51
    assert value("六二六") == 626
    assert value("一十四五") is REFUSED
    assert value("一千千万") is REFUSED
    assert value("亿万") is REFUSED
    assert value("一亿三千") is REFUSED
    assert value("一万二") is None  # spoken: left to cn2an
    assert value("5千") == 5000
    assert value("1万6千") == 16_000
    assert value("2千零30万") is None  # a run of two digits: left to cn2an


def test_reading_a_report_of_standard_numerals_does_not_import_cn2an():
    code = (
        "import sys; from etl.text.numbers import parse_numeral; "
        "assert parse_numeral('三百六十') == 360 and parse_numeral('十四五') is None; "
        "print('cn2an' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
