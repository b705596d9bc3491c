"""A year as reports write it, and the year it is: 2025年; in Taiwan's reports the Republic of China's
era, 民國114年, 114年 or 97年度 (1911 + 114: 2025; 1911 + 97: 2008). Every year pattern of the rules is
composed from YEAR and read with `year_of`, so that a report dated by either calendar has its periods,
goals and dates."""

from __future__ import annotations

import re

ERA = "民国"  # the Republic's era, as the rules read it (in simplified script: 民國 too)
ERA_START = 1911  # its year 0: 民國114年 is 2025
# 1990-2099, not a longer number's tail nor a document's number (〔2020〕): the look behind stands after
# two digits, so that re skips ahead to a 1 or a 2 instead of trying it at every character.
COMMON_ERA = r"(?:19|20)(?<![\d〔\[]..)\d{2}"
NAMED_ERA = rf"{ERA}\d{{2,3}}"  # the Republic's era named: 民國98年, 民国114年
# The era unnamed, 101-119 (2012-2030) and not a longer number's tail, before 年 as a year, not as
# years counted (建校110年来, 117年历史).
UNNAMED_ERA = r"1(?<![\d.,]1)(?:0[1-9]|1\d)(?=年(?!来|历史))"
# The era unnamed in two digits, 80-99 (1991-2010), not a longer number's tail, before 年 as a year (97年度,
# 97年本會…), not as a decade (80年代) nor years counted (建党90年来, 90年之际).
UNNAMED_SHORT_ERA = r"[89](?<![\d.,][89])\d(?=年(?!代|来|以来|历史|之|前|后|间|内|多|左右|以上))"
YEAR = f"(?:{COMMON_ERA}|{NAMED_ERA}|{UNNAMED_ERA}|{UNNAMED_SHORT_ERA})"  # no space, no group: it reads anywhere
YEAR_STARTS = "1289" + ERA[0]  # the characters a year starts with
MARKED_YEAR = re.compile(f"({YEAR})年")  # a year and its 年: 2025年, 114年


def year_of(text: str) -> int:
    """The year `text` (a match of YEAR) names: 2025 for 2025, 民国114 and 114."""
    value = int(text.removeprefix(ERA))
    return value if value > ERA_START else value + ERA_START
