"""A small count in numerals that names a set rather than counting something of its own.

    跨越4万亿元、5万亿元两个台阶     两个: the figures just listed, counted again
    三项社会保险基金总收入2.36万亿元   三项: which funds the figure after it is of

Both are a determiner, not a figure: the first counts the items of the list before it (as many as
it says), the second names the subject of a number in its own clause: after a measure word of kinds
(项, 大, 类, 种: words.csv's set_measure), words with no clause break and no coordinator up to the number. A
count in digits is a count (12个重点项目完成投资3亿元), and so is a count of things (家, 个) or one a
joiner follows (三家企业上市融资5亿元, 两座大桥和3条隧道). A cue of not_figure_rules.csv
(not_figures.py), asked only of numbers whose unit's words are a measure word of `determiners`.
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation
from etl.rules.ties import list_words
from etl.text.characters import CLAUSE_ENDS
from etl.text.chinese_numerals import DIGIT_VALUE

SMALL = {numeral: value for numeral, value in DIGIT_VALUE.items() if value} | {"十": 10}  # 三: 3, 两: 2
SUBJECT_REACH = 12  # characters at most of the noun phrase between the count and the number it names
GOES_ON = "并"  # and then: a clause of its own goes on (三家企业上市并融资5亿元)
ENDS_A_FIGURE = re.compile(r"\d[^\W\d_]{0,4}$")  # the list's last item ends with a figure: 5万亿元
FIGURE_END_REACH = 6  # characters before the count in which ENDS_A_FIGURE can match: a digit and four letters


def determiners(catalog: Catalog) -> frozenset[str]:
    """The measure words after which a small count may name a set: of kinds (words.csv's set_measure:
    三项基金, 四大产业, 五类人员) and of the figures listed before it (list_measure: 两个台阶)."""
    return frozenset((*catalog.words["set_measure"], *catalog.words["list_measure"]))


def subject_then_number(catalog: Catalog) -> re.Pattern:
    """The words from the count's measure word to the number whose subject they name, composed once per
    catalog: letters only, none a list's joiner (words.csv's coordinator, 、) nor 并, then a digit."""
    joiners, _, _, _ = catalog.compiled(list_words)
    return re.compile(
        rf"""
        (?:(?!{alternation((*joiners, GOES_ON))})[^\W\d_]){{2,{SUBJECT_REACH}}}?  # a noun phrase, no joiner
        (?=\d)                                                                  # up to a number
        """,
        re.VERBOSE,
    )


def named_set(text: str, start: int, end: int, after: int, catalog: Catalog) -> bool:
    """Whether the numeral at text[start:end] (its unit's words end at `after`) names a set: the
    figures listed right before it, as many as it says, or the subject of a number after it."""
    value = SMALL.get(text[start:end])
    if value is None:  # digits, a magnitude or a longer numeral: a count
        return False
    return _counts_the_list_before(text, start, value, catalog) or (
        text[end:after] in catalog.words["set_measure"]
        and catalog.compiled(subject_then_number).match(text, after) is not None
    )


def _counts_the_list_before(text: str, start: int, value: int, catalog: Catalog) -> bool:
    """跨越4万亿元、5万亿元两个台阶: the clause before the count lists `value` items, each holding a figure,
    the last right before it."""
    if value < 2 or not ENDS_A_FIGURE.search(text, max(0, start - FIGURE_END_REACH), start):
        return False  # most counts: no figure right before them
    clause_start = max(text.rfind(c, max(0, start - 60), start) for c in CLAUSE_ENDS) + 1
    clause = text[clause_start:start]
    items = catalog.compiled(list_words)[1].split(clause)  # ties.py's joiners of listed figures
    return len(items) == value and all(any(c.isdigit() for c in item) for item in items)
