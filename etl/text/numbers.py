"""Numbers as Chinese reports write them, turned into plain values.

A numeral is a run of Arabic digits (with decimals and thousands separators),
Chinese numerals, or both mixed with the magnitudes 万 and 亿 ("1亿2千万",
"2千零30万", "7万 5千 4百"). Traditional and financial characters (萬, 億, 兩,
壹, 贰) read as their plain forms. Chinese numerals in their standard spelling are read by
chinese_numerals.py, the others by cn2an, imported at the first of them (its import is most
of a one-report refresh's start); this module only prepares the string cn2an cannot read as is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from etl.text import chinese_numerals
from etl.text.characters import CHINESE_DIGITS, DECIMAL_POINT, MAGNITUDE_CHARACTERS, NUMERAL_CHARACTERS, ZERO

MAX_DIGITS = 24
DIGIT_VALUES = {**{c: i for i, c in enumerate("零一二三四五六七八九")}, "〇": 0, "两": 2}
MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4}  # longest first: 万亿 before 亿 and 万
# Largest value a report states as one figure (a country's assets run to a few hundred 万亿):
# 3万亿亿亿元 or 12万万万万人 is no figure.
MAX_VALUE = 1e16
CLEAN_WHOLE = 1e12  # the least whole number of thirteen digits: clean's .12g may round one from here on
# Traditional and financial forms, one character for one, so that text read through
# this table keeps every offset: matching runs on the plain copy, surfaces come from the text.
_FORMS = ("萬億兩個點壹貳贰叁參肆伍陸陆柒捌玖拾佰仟圓", "万亿两个点一二二三三四五六六七八九十百千元")
PLAIN_FORMS = str.maketrans(*_FORMS)
# Most reports hold none of them: one search (at C speed) spares them the translation. 伍, 陆
# and 拾 are also plain words (队伍, 大陆, 收拾): a report writing 伍佰 or 陆仟 has 佰 or 仟 beside.
COMMON_WORDS = "伍陆拾"
OTHER_FORMS = "".join(c for c in _FORMS[0] if c not in COMMON_WORDS)
HAS_OTHER_FORMS = re.compile(f"[{OTHER_FORMS}]")
ANY_FORM = re.compile(f"[{_FORMS[0]}]")  # every character PLAIN_FORMS replaces
PLAIN_FORM_OF = dict(zip(*_FORMS, strict=True))


def plain(text: str) -> str:
    """`text` with traditional and financial numeral characters as their plain forms.

    The same as text.translate(PLAIN_FORMS), which looks each character of a Chinese text up in the
    table (a dict lookup per character); each form the text holds (壹 in 壹号, 肆 in 肆虐) is replaced
    instead, by a str.replace at C speed. No plain form is itself a form, so the order does not matter."""
    if HAS_OTHER_FORMS.search(text) is None:
        return text
    for form in set(ANY_FORM.findall(text)):
        text = text.replace(form, PLAIN_FORM_OF[form])
    return text


# A numeral by its two forms, each as its first character and the rest: a scan that tests the
# first character alone, as a class re can skip to at C speed, then matches the rest behind it
# (candidates.py). \d then \d{0,2} or \d* tries the same lengths in the same order as \d{1,3} or \d+.
NUMERAL_FORMS = (
    (
        r"\d",
        rf"""
        (?:\d{{0,2}}(?:,\d{{3}})+(?!\d)|\d*)(?:\.\d+)?  # Arabic digits: a comma counts only before three digits,
                                                  # since after NFKC it is also the clause separator (完成37,开展)
        (?:                                       # mixed with magnitudes: 1亿2千万, 2千零30万
            [{MAGNITUDE_CHARACTERS}{ZERO}]+
            (?:
                (?:\ (?=\d+(?:\.\d+)?[{MAGNITUDE_CHARACTERS}]))?    # a space only before a group with its magnitude: 7万 5千
                (?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)  # the next group, its thousands separated too: 12萬6,400
                (?:\.\d+)?[{MAGNITUDE_CHARACTERS}{ZERO}]*
            )*
        )?
        """,
    ),
    (
        f"[{NUMERAL_CHARACTERS}]",
        rf"""
        [{NUMERAL_CHARACTERS}]*                   # Chinese numerals
        (?:{DECIMAL_POINT}[{CHINESE_DIGITS}]+[万亿]*)?  # with a decimal point: 四十五点八万
        """,
    ),
)
NUMERAL = re.compile("|".join(first + rest for first, rest in NUMERAL_FORMS), re.VERBOSE)
# The plainest mixed numeral, digits then one magnitude of MAGNITUDES (24.92亿, 1.2万亿): half the
# numerals of a report, read by multiplication here rather than by cn2an, which reads them alike.
DIGITS = re.compile(r"\d+(?:\.\d+)?")
DIGITS_TIMES_MAGNITUDE = re.compile(rf"(\d+(?:\.\d+)?)({'|'.join(MAGNITUDES)})")
PERCENT_WORDS = {"百分之": ("percent", "%"), "千分之": ("other", "‰"), "万分之": ("other", "‱")}


@lru_cache(maxsize=4096)
def parse_numeral(token: str) -> float | None:
    """The value of one numeral token (24.92亿 -> 2492000000.0), or None when it is not a number."""
    text = token.replace(",", "").replace(" ", "").translate(PLAIN_FORMS)
    if not text or len(text) > MAX_DIGITS:
        return None  # no report states a figure with more digits than a double holds
    if DIGITS.fullmatch(text):
        return float(text) if float(text) <= MAX_VALUE else None
    times = DIGITS_TIMES_MAGNITUDE.fullmatch(text)
    if times:
        value = float(times[1]) * MAGNITUDES[times[2]]
        return clean(value) if value <= MAX_VALUE else None
    # A bare 十/百/千 at the front reads as one of them (百家 = 100).
    if text[0] in "十百千":
        text = "一" + text
    if text in MAGNITUDES or text in ("万万",):
        return None
    text = text.replace("〇", "零")
    value = chinese_numerals.value(text)  # 三百六十, 两万: what cn2an reads them as, without importing it
    try:
        if value is None:
            value = _cn2an()(text, "smart")
        elif value is chinese_numerals.REFUSED:
            raise ValueError(text)
    except (ValueError, KeyError, IndexError, TypeError):
        value = _parse_decimal_magnitude(text)
    # Decimals times magnitudes carry binary noise: 2.18万亿 must be 2180000000000.
    return None if value is None or abs(float(value)) > MAX_VALUE else clean(float(value))


def _cn2an():
    """cn2an's reader, imported on first use: a report whose numerals are all standard never needs it."""
    import cn2an

    return cn2an.cn2an


def clean(value: float) -> float:
    """Drop the binary noise of decimal arithmetic: 2.18 * 1e12 is 2180000000000, not …0.0002.

    Report figures carry at most a dozen significant digits. A whole number of at most twelve
    digits (most figures: 2000.0, 12000.0) is its own .12g form, and is returned without the round trip.
    """
    if type(value) is float and value.is_integer() and -CLEAN_WHOLE < value < CLEAN_WHOLE:
        return value
    return float(f"{value:.12g}")


def _parse_decimal_magnitude(text: str) -> float | None:
    """Numerals cn2an refuses: '四十五点八万', '1.2万亿'."""
    for word, factor in MAGNITUDES.items():
        if text.endswith(word) and len(text) > len(word):
            head = parse_numeral(text[: -len(word)])
            return None if head is None else head * factor
    if "点" in text:
        whole, _, frac = text.partition("点")
        head = parse_numeral(whole) if whole else 0.0
        if head is None or not frac or any(c not in CHINESE_DIGITS for c in frac):
            return None  # 一点百 is not a decimal
        digits = "".join(str(DIGIT_VALUES[c]) for c in frac)
        return float(f"{int(head)}.{digits}")
    return None


def parse_percent_words(text: str) -> tuple[float, str, str] | None:
    """'百分之十五' -> (15.0, 'percent', '%'); '千分之3' -> (3.0, 'other', '‰')."""
    unit = PERCENT_WORDS.get(text[:3])
    value = parse_numeral(text[3:]) if unit else None
    return None if value is None else (value, *unit)
