"""Chinese numerals as cn2an reads them, read without cn2an.

numbers.parse_numeral hands cn2an the Chinese numerals it cannot multiply out. Importing cn2an
costs more than a refresh of one report spends reading it (about 1.2 billion instructions,
0.1 s: it compiles its own patterns and those of `proces`, a data-masking package it imports,
at import time), and a report's numerals are mostly of a few shapes. Those are read here, as
cn2an reads them, and cn2an is imported only for another (四十五点八万, 一万二, 2千零30万):

- a standard spelling (三百六十, 一千万, 两万, 一十八 once parse_numeral puts 一 before a leading 十):
  one whose value, spelt again by `spelling` (digits with their units 千百十, sections of 万 and 亿,
  one 零 for a gap), is the numeral itself, 两 read as 二;
- a run of digits alone (五一, 六二六), which cn2an reads digit by digit (51, 626);
- Arabic digits and at most one unit (5千), and single Arabic digits among Chinese numerals (1万6千,
  which cn2an spells 一万六千 before reading it);
- numerals cn2an refuses (ValueError: parse_numeral then tries its own reading of a magnitude or
  a decimal point): a 十 with two digits or more after it (十四五 of a plan's name, as 一十四五), one
  ending in a unit with two units side by side in an order no numeral writes (千千万万, 亿万, 万千:
  words), and one whose 亿 is followed by a digit and 千 only (一亿三千).

tests/test_chinese_numerals.py checks each against cn2an: samples of standard spellings up to a
trillion, in 二 and in 两, and every numeral of up to three of parse_numeral's characters (digits,
the decimal point, Chinese digits and units). With this module's commits, every value below a
million, every numeral of up to four such characters and samples of up to twelve were checked.
"""

from __future__ import annotations

import re

DIGITS = "零一二三四五六七八九"
DIGIT_VALUE = {**{c: i for i, c in enumerate(DIGITS)}, "两": 2}
UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
SECTION_VALUE = {"万": 10**4, "亿": 10**8}
# The largest value read here: sections of 亿 above 万亿 are left to cn2an.
LARGEST = 10**12 - 1


REFUSED = "refused"  # what `value` gives for a numeral cn2an refuses


def value(text: str) -> int | str | None:
    """What cn2an reads `text` as: its value, REFUSED, or None when it is none of the shapes read here."""
    if not ARABIC.isdisjoint(text):
        return _with_digits(text)
    if len(text) > 1 and all(c in DIGIT_VALUE for c in text):
        return int("".join(str(DIGIT_VALUE[c]) for c in text))  # 五一: 51
    if len(text) > 3 and text[1] == TEN and text[0] in DIGIT_VALUE and text[0] != DIGITS[0]:
        if all(c in DIGIT_VALUE for c in text[2:]):
            return REFUSED  # 一十四五: no value
    if text[-1:] in UNITS and any(a + b in UNIT_CLASHES for a, b in zip(text, text[1:], strict=False)):
        return REFUSED  # 千千万万, 亿万
    last = text.rpartition(HUNDRED_MILLION)[2]
    if last != text and len(last) == 2 and last[0] in DIGIT_VALUE and last[1] == THOUSAND:
        return REFUSED  # 一亿三千: after 亿, cn2an reads a section of 万 or a 零, and 三千 is neither
    return standard_value(text)


def _with_digits(text: str) -> int | str | None:
    """cn2an's reading of a numeral holding Arabic digits, in two shapes: digits and at most one unit (5千,
    1.5千: the digits times the unit, as a Decimal cut to a whole number; digits alone, a float), and single digits among Chinese
    numerals (1万6千), which cn2an spells in Chinese (一万六千) before reading them."""
    digits_unit = DIGITS_AND_UNIT.fullmatch(text)
    if digits_unit and not digits_unit[2]:
        return float(text)
    if digits_unit:
        from decimal import Decimal  # as cn2an computes it (only for this shape, which few reports write)

        return int(Decimal(digits_unit[1]) * {**UNIT_VALUE, **SECTION_VALUE}[digits_unit[2]])
    if DECIMAL_MARKS.isdisjoint(text) and LONGER_DIGIT_RUN.search(text) is None:
        return value(text.translate(ARABIC_AS_CHINESE))
    return None


TEN = "十"
THOUSAND, HUNDRED_MILLION = "千", "亿"
UNITS = "十百千万亿"
ARABIC = frozenset("0123456789")
DIGITS_AND_UNIT = re.compile(r"(\d+(?:\.\d+)?)([十百千万亿]?)")
DECIMAL_MARKS = frozenset(".点")
LONGER_DIGIT_RUN = re.compile(r"\d\d|0")  # a run of two digits or more, or a 0: cn2an spells these otherwise
ARABIC_AS_CHINESE = str.maketrans("123456789", DIGITS[1:])
# Two units side by side that no numeral writes: a unit after a smaller one within a section (百千,
# 千千), a section after its own size or a larger one (万万, 亿万), 千 right after 万.
UNIT_CLASHES = frozenset(("十十", "十百", "十千", "百百", "百千", "千千", "万万", "亿万", "亿亿", "万千"))


def standard_value(text: str) -> int | None:
    """The value of `text` when it is a standard spelling of one (一千零五, 两万, 三亿二千六百万), else None."""
    total = section = digit = 0
    for c in text:
        if c in DIGIT_VALUE:
            digit = DIGIT_VALUE[c]
        elif c in UNIT_VALUE:
            section += digit * UNIT_VALUE[c]
            digit = 0
        elif c in SECTION_VALUE:
            total += (section + digit) * SECTION_VALUE[c]
            section = digit = 0
        else:
            return None
    value = total + section + digit
    if value > LARGEST or spelling(value) != text.replace("两", "二"):
        return None
    return value


def spelling(value: int) -> str:
    """The standard spelling of 0 <= value <= LARGEST: 1005 一千零五, 18 一十八, 100500 一十万零五百."""
    if value == 0:
        return DIGITS[0]
    parts, gap = [], False  # gap: a zero stands between the last part written and the next
    for size, word in ((10**8, "亿"), (10**4, "万"), (1, "")):
        part = value // size % 10**4 if size < 10**8 else value // size
        if part:
            if gap or (parts and part < 1000):
                parts.append(DIGITS[0])
            parts.append(_section(part) + word)
            gap = False
        elif parts:
            gap = True
    return "".join(parts)


def _section(value: int) -> str:
    """1 <= value <= 9999 as 千百十 and a digit: 1005 一千零五, 1050 一千零五十, 10 一十."""
    out, gap = [], False
    for size, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // size % 10
        if digit:
            if gap:
                out.append(DIGITS[0])
            out.append(DIGITS[digit] + word)
            gap = False
        elif out:
            gap = True
    return "".join(out)
