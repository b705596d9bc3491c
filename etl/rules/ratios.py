"""A bare number that is a ratio: the words before it name one (城乡居民收入比由2.5缩小到2.3, 人均收入比为2.13).

mentions.py reads such a number as a figure with no measure word; per_unit.py never reads it per unit, though
per-head words name what it is a ratio of (人均收入比: a ratio of incomes per head, no income per head).
"""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation

RATIO_MARK = "比"  # every way RATIO_BEFORE names a ratio holds it: a text without it names none
RATIO_NAME = "(?:比值?|之比)"  # a ratio by name (not 比上年: a comparison)
# A bare number is a ratio where the words before it name one: 城乡居民收入比由2.5缩小到2.3.
RATIO_BEFORE = re.compile(
    rf"""
    (?:{RATIO_NAME}           # a ratio (not 比上年: a comparison)
       (?:由|从|为|是|达到?)  # its value follows
      |(?<![同环相占对])比(?!重|例|上|去|前|同)  # or a ratio's name (收入比; not 同比, 相比, 占比, 比重, 比上年)
       [^\d，,。；;比]{{0,3}}[至到])  # and the level it moved to: 收入比缩小至
    [^，,。；;比]{{0,10}}$      # perhaps after the number it changed from (2.50:1缩小至)
    """,
    re.VERBOSE,
)
RATIO_REACH = 16
TO_ONE = (":1", "∶1")  # 2.50:1 after NFKC, and with the ratio sign (2.6∶1), which NFKC keeps
RATIO_SIGNS = ":∶"
# A term of a ratio that is not to one: 三次产业结构比为8:30:62 names no term (each is a sector's
# share by position, a word the report does not write), so no term is a figure.
RATIO_TERM_AFTER = re.compile(r"[:∶](?!1(?![\d.]))\d")


def ratio_change_before(catalog: Catalog) -> re.Pattern:
    """What stands before the change of a ratio stated in the clause before: 城乡居民人均可支配收入比值为2.31，
    比上年缩小0.03 (the 0.03 a bare number too). The moves are bases.csv's changes right before a number, the
    comparisons words.csv's compared_marker and last_year_word."""
    moves = [word for word, basis, position, _ in catalog.bases if basis == "change" and position == "before"]
    compared = [m + y for m in catalog.words["compared_marker"] for y in catalog.words["last_year_word"]]
    return re.compile(
        rf"""
        {RATIO_NAME}(?:为|是|达到?)         # a ratio's value follows: 比值为
        \d+(?:\.\d+)?(?:[:∶]1)?          # the value: 2.31, 2.5:1
        (?:[(（][^()（）]{{0,12}}[)）])?    # its base in a bracket: (以农村居民为1)
        [,，]                              # the next clause
        (?:{alternation(compared)})?       # compared with: 比上年
        (?:{alternation(moves)})           # moved by: 缩小, 扩大
        $""",
        re.VERBOSE,
    )


RATIO_CHANGE_REACH = 40  # characters from 比值为 to the change's number at most
