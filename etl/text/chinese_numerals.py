"""Chinese numerals in their one standard spelling, read without cn2an.

numbers.parse_numeral hands cn2an the Chinese numerals it cannot multiply out. Importing cn2an
costs more than a refresh of one report spends reading it (about 1.2 billion instructions,
0.1 s: it compiles its own patterns and those of `proces`, a data-masking package it imports,
at import time), and a report's numerals are mostly written in the one standard way (三百六十,
一千万, 两万, 一十八 once parse_numeral puts 一 before a leading 十). Such a numeral is read here
and cn2an is imported only for another: 1万6千, 四十五点八万, 一二三, 一万二 (its spoken forms,
decimals and mixes).

Three other shapes cn2an reads alike are read here too: a run of digits alone (五一, 二三, 六二六), which
it reads digit by digit (51, 23, 626); a 十 with two digits or more after it (十四五 of a plan's
name, as 一十四五); and a numeral ending in a unit that holds two units side by side in an order no
numeral writes (千千万万, 亿万, 万千: words). It refuses the last two (ValueError: numbers.parse_numeral
then tries its own reading of a magnitude or a decimal point).

A numeral is standard when its value, spelt again by `spelling` (digits with their units 千百十,
sections of 万 and 亿, one 零 for a gap), is the numeral itself (两 read as 二). cn2an reads
each standard spelling as its value; tests/test_chinese_numerals.py checks it on samples of values
up to a trillion, in both 二 and 两, and the other two shapes on every one of up to five characters
(every value below a million was checked once, with this module's first commit).
"""

from __future__ import annotations

DIGITS = "零一二三四五六七八九"
DIGIT_VALUE = {**{c: i for i, c in enumerate(DIGITS)}, "两": 2}
UNIT_VALUE = {"十": 10, "百": 100, "千": 1000}
SECTION_VALUE = {"万": 10**4, "亿": 10**8}
# The largest value read here: sections of 亿 above 万亿 are left to cn2an.
LARGEST = 10**12 - 1


REFUSED = "refused"  # what `value` gives for a numeral cn2an refuses


def value(text: str) -> int | str | None:
    """What cn2an reads `text` as: its value, REFUSED, or None when it is none of the shapes read here."""
    if len(text) > 1 and all(c in DIGIT_VALUE for c in text):
        return int("".join(str(DIGIT_VALUE[c]) for c in text))  # 五一: 51
    if len(text) > 3 and text[1] == TEN and text[0] in DIGIT_VALUE and text[0] != DIGITS[0]:
        if all(c in DIGIT_VALUE for c in text[2:]):
            return REFUSED  # 一十四五: no value
    if text[-1:] in UNITS and any(a + b in UNIT_CLASHES for a, b in zip(text, text[1:], strict=False)):
        return REFUSED  # 千千万万, 亿万
    return standard_value(text)


TEN = "十"
UNITS = "十百千万亿"
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
