"""The words of time, composed once per catalog from words.csv, periods.csv and year_modifiers.csv: a base year
compared with (比2002年), a deadline (到2025年), last year's level (从去年的2.1%), a starting level
(由10.2%), the end of a named period (“十三五”末), a year that describes another thing
(2029年及以后年度到期的债务, 结转至2024年资金). periods.py reads them for a figure's period,
targets.py for whether it is a target.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.text.characters import CLAUSE_BREAKS, CLOSE_QUOTES, NUMERAL_CHARACTERS, OPEN_QUOTES
from etl.text.years import YEAR

LAST_YEARS_TAILS = ("的", "底的", "末的")  # 从去年的2.1%, 上年末的: what may follow last year's name
PER_HEAD_REACH = 4  # characters after 每/人均/月 before a starting level's number: 每人每年, 月销售额
CAREER_GAP = 4  # characters between a career verb and its years: 扎根一线20年, 坚守岗位三十余年


class PeriodRules(NamedTuple):
    """The period patterns, composed once per catalog from words.csv."""

    compared_year: re.Pattern
    by_year: re.Pattern
    by_period_end: re.Pattern  # 到“十五五”末: a deadline at a named period's end (group 1 its name)
    last_years_level: re.Pattern
    last_years_endings: tuple[str, ...]
    last_years_reach: int
    starting_level: re.Pattern  # 由10.2%, 由每人每年380元: a starting level follows
    period_end: tuple[str, ...]
    year_end_openers: tuple[str, ...]
    whole_year_words: tuple[str, ...]  # 全年: a flow over the year, which a sentence's 年末 dates not
    year_clauses: re.Pattern  # a clause opening with 年末 or 2024年末 (groups end, y) or 全年 (group flow)
    year_end_in: Callable[[str], object]  # does a text hold 年末 anywhere (year_clauses' pre-check)
    compared_markers: tuple[str, ...]
    per_year_in: Callable[[str], object]  # 年均: does a text hold a per-year word (gates.holds_any)
    named: re.Pattern  # a named plan period: 十三五 (periods.csv)
    before_year: tuple[str, ...]  # 结转至: the year after it is where money is carried (year_modifiers.csv)
    after_year: tuple[str, ...]  # 及以后, 到期: the year before it bounds or dates another thing
    career: re.Pattern  # 从业30年: the years of one person's work, no period of the report's


def period_rules(catalog: Catalog) -> PeriodRules:
    words = catalog.words
    modifiers = catalog.year_modifiers
    markers, last_years = words["compared_marker"], words["last_year_word"]
    not_after_marker = "".join(f"(?<!{re.escape(w)})" for w in markers)
    ends = alternation(words["year_end_opener"])  # the year's end: 年末, 年底
    return PeriodRules(
        compared_year=re.compile(
            rf"""
            (?:{alternation(markers)})            # compared with: 比, 较
            ({YEAR})年(?:末|底)?                  # a base year, or its end
            (?:{alternation(words["change_verb"])})  # a verb of change: 增长, 降低
            """,
            re.VERBOSE,
        ),
        # 力争到2025年: a deadline
        by_year=re.compile(rf"(?:{alternation(words['to_word'])})({YEAR})年"),
        by_period_end=re.compile(
            rf"""
            (?:{alternation(words["to_word"])})       # to: 到, 至
            [{OPEN_QUOTES}]?({alternation(catalog.named_periods)})[{CLOSE_QUOTES}]?  # a named period: “十五五”
            (?:{alternation(words["period_end_word"])})  # its end: 末, 期末
            """,
            re.VERBOSE,
        ),
        # 赤字率从去年的2.1%提高到2.3%: a level of last year, named just before the number.
        last_years_level=re.compile(
            rf"""
            (?:{not_after_marker}                  # not 比去年: a comparison,
               (?:{alternation(last_years)})       # last year: 去年, 上年
               (?:{alternation(LAST_YEARS_TAILS)})?  # its end, and 的
            |(?:{alternation(markers)})            # but 比上年的352亿元: the level compared with,
               (?:{alternation(last_years)})       # last year's
               (?:{alternation(LAST_YEARS_TAILS)})  # with 的 before the number
            )$""",
            re.VERBOSE,
        ),
        last_years_endings=tuple({w[-1] for w in last_years + LAST_YEARS_TAILS}),
        # the words, a tail and a marker before them
        last_years_reach=max(map(len, last_years), default=0)
        + max(map(len, LAST_YEARS_TAILS))
        + max(map(len, markers), default=0),
        starting_level=re.compile(
            rf"""
            (?:{alternation(words["from_word"])})  # from: 由, 从
            (?:{YEAR}年(?:{alternation(words["year_end_opener"])})?的?  # a year the level held: 由2022年的
              |(?:{alternation(catalog.period_openers.get("now", ()))})的?)?  # or the present: 由目前的15间
            (?:(?:每|人均|生均|年|月)[^\d，,；;。]{{0,{PER_HEAD_REACH}}})?  # per head or month: 每人每年, 月销售额
            (?:[\d.]+[^\d、，,；;。]{{0,3}}、)*  # the starting levels listed before it: 分别从209元、280元
            $""",
            re.VERBOSE,
        ),
        period_end=words["period_end_word"],
        year_end_openers=words["year_end_opener"],
        whole_year_words=words["whole_year_word"],
        year_clauses=re.compile(
            rf"""
            (?:^|(?<=[{CLAUSE_BREAKS}]))                       # a clause's start
            (?:(?P<end>(?P<y>{YEAR})年(?:{ends}|[末底])          # the end of a year named: 2024年末, 2024年年底
                      |{ends})                                 # or of the year spoken of: 年末
               (?!前)                                          # not a deadline: 2028年年底前
              |(?P<flow>{alternation(words["whole_year_word"])}))  # or the whole year: 全年
            """,
            re.VERBOSE,
        ),
        year_end_in=holds_any(words["year_end_opener"]),
        compared_markers=markers,
        per_year_in=holds_any(words["per_year"]),
        named=re.compile(alternation(catalog.named_periods)),
        before_year=tuple(sorted(modifiers["before_year"], key=len, reverse=True)),
        after_year=tuple(sorted(modifiers["after_year"], key=len, reverse=True)),
        career=re.compile(
            rf"""
            (?:{alternation(words["career_verb"])})  # working at a trade: 从业, 扎根, 坚守
            (?!人员|者)                               # not the noun: 从业人员, 从业者
            [^\d，,；;。]{{0,{CAREER_GAP}}}          # where: 一线, 岗位
            (?:\d{{1,2}}|[{NUMERAL_CHARACTERS}]+)    # how many years: 30, 三十 (never a year: 从业人员2024年)
            (?:余|多)?年                              # 三十余年
            (?!以上|以下|以内|内|的|来)                # one person's, not a class of them (从教30年以上的教师)
            """,
            re.VERBOSE,
        ),
    )
