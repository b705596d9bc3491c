"""Which year a figure's words name: the year of its clause (2020年安排…, 由2010年的162.4亿元), the year
its sentence opens with (2024年全市工会将…，资助…3000名), a deadline (力争到2020年), a base year compared
with (比2002年增长); never a year that modifies another thing (结转至2024年资金, year_modifiers.csv) nor a
base a multiple is of (是2020年的1.6倍). periods.when reads them."""

from __future__ import annotations

import re

from etl.catalog import Catalog
from etl.catalog.gates import alternation, character_class
from etl.rules.openers import REPORTER_REACH, SPAN_YEARS, TOPIC_REACH, opener_rules
from etl.rules.period_words import PeriodRules
from etl.rules.this_year import year_words
from etl.text.characters import RANGE_DASHES
from etl.text.years import MARKED_YEAR, YEAR, YEAR_STARTS, year_of

DIGIT = re.compile(r"\d")
NUMBER_AFTER_YEAR = re.compile(r"(?:年?[底末初])?的?\d")  # 2010年的21.6%, 2019年底5000户: that number's year


def compared_with_year(before: str, clause: str, rules: PeriodRules, catalog: Catalog) -> int | None:
    """The base year a change is measured from: 比2002年 in its clause, or earlier in its
    sentence when its clause averages over the years (年均增长)."""
    found = rules.compared_year.search(clause) if "年" in clause else None
    if found is None and rules.per_year_in(clause):
        found = rules.compared_year.search(before)
    return year_of(found.group(1)) if found else None


def modifies(text: str, year: re.Match, rules: PeriodRules) -> bool:
    """Whether the year `year` found in `text` is part of a modifier of another thing (year_modifiers.csv):
    在明确2029年及以后年度到期的…债务 names no year of a figure, 剔除…结转至2024年资金因素后 no deadline."""
    return text.endswith(rules.before_year, 0, year.start(1)) or text.startswith(rules.after_year, year.end())


def deadline_year(before: str, rules: PeriodRules) -> re.Match | None:
    """The first deadline (力争到2020年) of `before` that is no year of a modifier (结转至2024年)."""
    found = rules.by_year.search(before)
    while found and modifies(before, found, rules):
        found = rules.by_year.search(before, found.end())
    return found


SUBJECT_LENGTH = 8  # characters at most of who speaks before the year opening a sentence: 全总, 市总工会
OPENING_REACH = SUBJECT_LENGTH + 5  # characters from the sentence's start in which its year's 年 stands
REPORTED_REACH = OPENING_REACH + REPORTER_REACH  # … or after who reports it (市总工会负责人表示，2026年将…)


def opening_year_pattern(catalog: Catalog) -> re.Pattern:
    """A year opening a sentence, perhaps after who speaks (a name ending as plan_maker of words.csv ends:
    全总, 市总工会; not a verb whose object the year is: 加上2023年结转收入, 用好2023年增发国债资金)."""
    return re.compile(
        rf"""
        (?:[^\W\d_]{{0,{SUBJECT_LENGTH - 1}}}?(?:{alternation(catalog.words["plan_maker"])}))?  # perhaps who
        ({YEAR})年                        # a year opening the sentence without a comma after it,
        (?![\d月度]|以来|来|至|到|前|底)   # not a date, a span, a deadline or a year's part: 2018年12月, 2021年以来
        """,
        re.VERBOSE,
    )


def opening_year(before: str, clause: str, rules: PeriodRules, catalog: Catalog) -> int | None:
    """The year the figure's sentence opens with (2024年全市工会将继续实施金秋助学，资助…3000名: 2024; 全总2026年将
    实施…，计划培训职工1000万人次: 2026),
    for a figure of a later clause that names no year of its own, in a sentence that names no 今年
    before it (…，今年将…，新增就业10万人: this_year.py's words decide that one)."""
    pattern = catalog.compiled(opening_year_pattern)
    found = pattern.match(before) if "年" in before[:OPENING_REACH] else None  # a year this near, or none there
    if found is None:  # 市总工会负责人表示，2026年将…，力争…: past who reports, when a report verb and its comma stand
        opening = catalog.compiled(opener_rules)
        reported = opening.report_verb.search(before, 0, REPORTED_REACH) and opening.reporter.match(before)
        # or past an attribution, an address or a dateline (据悉，2024年市总工会计划…), or a topic (技能提升方面，)
        reported = reported or (before[:1] in opening.first_characters and opening.strip.match(before))
        topic = opening.topic_near(before[:TOPIC_REACH])  # a tail near: one test in C
        reported = reported or (topic and opening.topic.match(before))
        found = pattern.match(before, reported.end()) if reported else None
    if found is None or modifies(before, found, rules) or catalog.compiled(year_words).holds_this_year(before):
        return None
    return year_of(found.group(1))


BASE_VERBS = ("是", "为", "相当于")  # before a base year: 是2020年的1.6倍
BASE_TAIL = "的"  # right before the number


# the first year of a span and its dash or 至: 2021-, 2021年至 (characters.py's range dashes)
SPAN_START = re.compile(rf"({YEAR})年?(?:{character_class(RANGE_DASHES)}|至|到)$")
FISCAL = "度"  # after a span's last 年: the name of a span of fiscal years (2021-2023年度), no period


def years_in_clause(clause: str, rules: PeriodRules) -> tuple[int, int] | None:
    """The first and last year the figure's clause names: '2020年安排…' and '由2010年的162.4亿元' one year,
    '抽查…2021年至2023年就业补助资金' a span (opening the sentence, the opener's span holds it: openers.py);
    '比2010年增加' none."""
    if "年" not in clause:
        return None
    matches = [m for m in MARKED_YEAR.finditer(clause) if not modifies(clause, m, rules)]
    if not matches:
        return None
    match = matches[-1]
    last = year_of(match.group(1))
    span = SPAN_START.search(clause, 0, match.start())
    first, start = (year_of(span.group(1)), span.start(1)) if span else (last, match.start(1))
    tail = clause[match.end() :]
    if not first <= last <= first + SPAN_YEARS or (span and tail.startswith(FISCAL)):
        return None  # 2021-2023年度预算: a fiscal span's name
    if clause.endswith(rules.compared_markers, 0, start) or tail.startswith("以来"):
        return None
    if tail == BASE_TAIL and clause.endswith(BASE_VERBS, 0, start):
        return None  # 是2020年的1.6倍, 相当于2020年的80%: the year of the base the figure is measured against
    # 由2010年的21.6%提高到25.2%, 由2019年底5000户: the year belongs to the number right after it; inside its clause
    # (加上2023年结转收入391.87亿元、…), to a number after it; opening its clause, to the whole clause (2025年全省
    # 12345热线受理群众诉求486.3万件, 2007年中、高等职业教育在校生分别达到2000万人和861万人)
    opens = clause[:start] in YEAR_OPENS
    if FROM_DAY.match(tail):
        return first, last  # 自2024年1月1日起调整为每月2490元: the year it holds from
    if NUMBER_AFTER_YEAR.match(tail) or (not opens and DIGIT.search(tail)):
        return None
    return first, last


FROM_DAY = re.compile(r"\d{1,2}月(?:\d{1,2}[日号])?起")  # after a year: the day a level holds from (1月1日起)
# 由2020年底的26.1万户增加到2025年底的38.2万户: a level dated by the year's end right before it.
DATED_LEVEL = re.compile(
    rf"""
    ({YEAR})年   # a year
    (?:底|末)的$          # its end, right before the number: 2020年底的
    """,
    re.VERBOSE,
)
DATED_LEVEL_REACH = len("民国114年底的")  # characters from the end in which DATED_LEVEL can match (the era named)
CLASS_MARK = "届"  # 2026届, the class of a year (its graduates, its recruits): that year's
CLASS_YEAR = re.compile(rf"({YEAR}){CLASS_MARK}")  # a class's year naming the figure's year: 2026届高校毕业生
YEAR_LEADS = ("在", "于", "到", "至", "截至")  # a preposition or deadline before a year: 到2025年, 截至2023年底
SPOKEN_YEAR = re.compile(
    rf"""
    (?:{alternation(YEAR_LEADS)})?  # a preposition or a deadline
    ({YEAR})[年{CLASS_MARK}]  # the year a clause or a sentence opens with, or a class's (2026届毕业生),
    (?!(?:年?底)?(?:以)?前)         # not a deadline of what it names (2028年年底前需化解的债务)
    """,
    re.VERBOSE,
)
YEAR_OPENS = ("", *YEAR_LEADS)  # what may stand before a year that opens its clause: nothing, 在, 到 …
YEAR_ENDS = tuple(f"{digit}年" for digit in "0123456789")  # what a year in SPOKEN_YEAR ends with: 2024年
SPOKEN_YEAR_GATE = (*YEAR_ENDS, CLASS_MARK)  # a year's end, or a class's mark (2026届), which SPOKEN_YEAR needs
SPOKEN_STARTS = frozenset((*(lead[0] for lead in YEAR_LEADS), *YEAR_STARTS))  # what SPOKEN_YEAR's match starts with


def spoken_year(before: str, clause: str) -> int | None:
    """The year the figure's clause opens with, else the one its sentence opens with (2024年，…)."""
    found = (clause[:1] in SPOKEN_STARTS and SPOKEN_YEAR.match(clause)) or (
        before[:1] in SPOKEN_STARTS and SPOKEN_YEAR.match(before)
    )
    return year_of(found.group(1)) if found else None


def class_year(before: str, clause: str) -> int | None:
    """The year of a class named in the figure's clause, or opening its sentence (2026届高校毕业生预计达到
    1270万人，同比增加48万人: 2026 for both); not a class an earlier clause only mentions (提前谋划2026届高校
    毕业生就业，全年城镇新增就业12万人)."""
    found = CLASS_YEAR.search(clause) or CLASS_YEAR.match(before)
    return year_of(found.group(1)) if found else None
