"""When a figure holds: its period, whether it is a goal, and the day it stood on.

A figure takes the period of its sentence (structure.py) unless its own words
say otherwise: a named period (“十三五”), a deadline (力争到2025年), a year in
its clause (2020年安排…), a span of years (过去五年累计…), a starting level
(由10.2%下降到…), or a date (截至2020年11月底); a career's years (从业30年) give it none. Whether it is a target is decided
first, by the rules of data/catalog/target_rules.csv (targets.py), and the period follows.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from etl.catalog import Catalog
from etl.catalog.gates import character_class, first_characters, holds_any, with_first_character_gate
from etl.records import Context, When
from etl.rules.named_years import (
    BASE_TAIL,
    BASE_VERBS,
    CLASS_MARK,
    DATED_LEVEL,
    DATED_LEVEL_REACH,
    REPORTED_REACH,
    class_year,
    compared_with_year,
    deadline_year,
    modifies,
    opening_year,
    years_in_clause,
)
from etl.rules.openers import SMALL_NUMBER, small_number
from etl.rules.period_words import PeriodRules, period_rules
from etl.rules.targets import is_target as target
from etl.rules.targets import target_rules
from etl.rules.this_year import next_year_named, year_named, year_words
from etl.text.characters import CLOSE_QUOTES, OPEN_QUOTES
from etl.text.sentences import CLAUSE_SPLIT
from etl.text.years import MARKED_YEAR, YEAR, year_of

THIS_YEAR = "今年"  # in AS_OF's rel: the year the report was given
AS_OF = re.compile(
    rf"""
    (?:截至|截止|到)                            # up to
    (?:(?P<y>{YEAR})年|(?P<rel>去年|上年|今年))?  # a year, last or this year's name, or the report year
    (?:(?P<m>\d{{1,2}})月(?:(?P<d>\d{{1,2}})日|底|末)?  # a month and its day or end
      |(?P<ye>年?底|年?末))                      # or the year's end
    """,
    re.VERBOSE,
)
# 过去五年累计筹集…, 五年共办理, 两年平均增长5.9% (not PM2.5年平均): a span of years named inside the sentence.
SPAN_LEADS, SPAN_TAILS = ("过去", "近", "最近"), ("年来", "年间", "年共", "年累计", "年平均", "年年均")
_YEARS_SPAN = rf"(?:(?:{'|'.join(SPAN_LEADS)}){SMALL_NUMBER}年|{SMALL_NUMBER}(?:{'|'.join(SPAN_TAILS)}))"
YEARS_IN_SENTENCE = re.compile(f"(?={character_class(first_characters(_YEARS_SPAN))})(?<![\\d.])(?:{_YEARS_SPAN})")
# The pre-check of YEARS_IN_SENTENCE, from its own words: a text holding none of them names no span.
MAY_NAME_SPAN = holds_any((*SPAN_LEADS, *SPAN_TAILS))


# 今明两年职业技能培训3500万人次, 三年内再支持5000所, 用两年时间提高到100元: a goal over the coming
# years that the sentence names itself, whatever part or opener it stands in. Behind the class of its
# first characters (gates.py): its last alternative starts with an optional word, which keeps re
# from skipping to a place where a match can start.
COMING_YEARS = with_first_character_gate(
    rf"""
    今明两年                           # this year and next
  | (?:今后|未来){SMALL_NUMBER}年      # the coming n years
  | (?:用|在)?{SMALL_NUMBER}年(?:内|时间)  # within n years, over n years' time
    """,
    re.VERBOSE,
)


FIRST_YEARS = re.compile(
    rf"""
    [{CLOSE_QUOTES}]?     # the named period's closing quote: “十一五”前四年
    前({SMALL_NUMBER})年  # its first N years
    """,
    re.VERBOSE,
)


def when(
    before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog, delivered: int | None = None
) -> When:
    """The period, target flag and as_of date of a figure, from the words before it.

    `before` is its sentence up to the figure, `clause` the part of that after
    the last clause break.
    """
    rules, year_names = catalog.compiled(period_rules), catalog.compiled(year_words)
    if context.period_start is not None and (
        context.is_target or context.period_start == delivered or year_names.holds_this_year(before)
    ):  # most figures: a report's review names no 今年 before them
        context = year_named(before, clause, context, report_year, delivered, catalog)  # 今年, 去年 (this_year.py)
    if not context.is_target and year_names.holds_next_year(before):  # 我们计划明年将…: nearly no statement
        context = next_year_named(context)
    # 截至…, 年末…: most sentences name no date (the words _as_of reads), and are spared the call
    as_of = (
        _as_of(before, _year_dated(context, report_year), rules, delivered, report_year)
        if "截" in before or rules.year_end_in(before)
        else None
    )
    # The words of the target rules the sentence holds: named periods, 由/从 and last year's name among
    # them, so that a sentence holding none (most) is spared the patterns that need them.
    table = catalog.compiled(target_rules)
    words = table.find(before)
    # target_rules.csv (targets.py); a sentence of none of its words: its context decides
    is_target = (
        table.no_words[context.is_target]
        if not words and table.no_words
        else target(before, clause, context, report_year, catalog, words)
    )
    named_match = rules.named.search(clause) if words else None
    named = catalog.named_periods[named_match.group()] if named_match else None
    at_end = named and _period_end_at(clause, _past_quote(clause, named_match.end()), rules)
    if named and _after_base_verb(clause, named_match.start()):
        named = None  # 是“十三五”末的1.5倍, 是“十三五”时期的1.4倍: a multiple of that period's, the sentence's own
    elif at_end == len(clause):
        # 较“十三五”末的4100亿元: a starting level at the end of the period named, right before the number
        return When(named[1], named[1], is_target, None)
    elif at_end and not is_target:
        # 较“十三五”末的3.8万元增加1.3万元: a change since that end, up to the year the sentence speaks of
        return When(named[1] + 1, max(named[1] + 1, context.period_end or report_year or named[1] + 1), False, as_of)
    elif at_end:
        named = None  # 力争较“十三五”末增长20%: a goal measured from that end, of the years its words name
    if named:
        return _of_named(named, clause, named_match.end(), report_year, is_target, as_of)
    by_year = is_target and deadline_year(before, rules)  # 力争到2020年，建成…: the deadline may open the sentence
    by_end = is_target and not by_year and words and rules.by_period_end.search(before)  # 到“十五五”末
    if by_year or by_end:
        deadline = year_of(by_year.group(1)) if by_year else catalog.named_periods[by_end.group(1)][1]
        # A goal set in the review part aims from the year after the one reviewed.
        start = context.period_start if context.is_target or report_year is None else report_year + 1
        return When(min(start, deadline) if start else start, deadline, True, None)
    coming = COMING_YEARS.search(before) if is_target and report_year is not None and "年" in before else None
    if coming and len(coming.group(2) or "") < 3:  # the goal's years (今明两年: two); 于2026年内 is a year
        start = context.period_start if context.is_target and context.period_start else report_year + 1
        named = coming.group(1) or coming.group(2)
        years = 2 if named is None else small_number(named)
        return When(start, start + years - 1, True, None)
    level = (
        words
        and report_year is not None
        and clause.endswith(rules.last_years_endings)
        and rules.last_years_level.search(clause, max(0, len(clause) - rules.last_years_reach))
    )
    if level:
        # 赤字率从去年的2.1%提高到2.3%: the 2.1% is last year's outcome, not this year's goal. 去年 is the
        # year before the report was given, the year reviewed; 上年 the year before the one the sentence
        # speaks of (从上年的5.3%降至5.0%, in a review of 2025: 2024).
        one_year = context.period_start is not None and context.period_start == context.period_end
        last = report_year if THE_YEAR_GIVEN in level.group() or not one_year else context.period_start - 1
        return When(last, last, is_target, None)
    since = compared_with_year(before, clause, rules, catalog) if "年" in before else None  # 比2002年: a year
    if since is not None:  # up to the year the sentence names (2007年参保人数…，比2002年增加…), else its context's
        named = (year_of(m[1]) for m in MARKED_YEAR.finditer(before) if not modifies(before, m, rules))
        named_years = [year for year in named if year > since]
        end = max(named_years) if named_years else context.period_end or report_year
    if since is not None and end is not None and since < end - 1 and not is_target:
        # 比2002年增长65.5%，年均增长10.6%: a change over the years since the base year.
        return When(since + 1, end, False, as_of)
    first, year = years_in_clause(clause, rules) or (None, None) if "年" in clause else (None, None)
    if first != year:  # 抽查…2021年至2023年就业补助资金247.8亿元: the span its clause names
        return When(first, year, is_target, None)
    if not year and CLASS_MARK in before:  # 2026届高校毕业生预计达到1270万人: the class's year
        year = class_year(before, clause)
    if not year and len(clause) < len(before) and "年" in before[:REPORTED_REACH]:
        year = opening_year(before, clause, rules, catalog)  # 2024年全市工会将…，资助困难职工子女3000名
    if not year and words and rules.starting_level.search(clause):
        # 贫困发生率由10.2%下降到3.1%, 补助由每人每年380元提高到420元: the starting level is the level
        # before the period the sentence speaks of, at the end of the year before it (none when no
        # period is known).
        before_period = context.period_start - 1 if context.period_start else None
        return When(before_period, before_period, is_target, None)
    if year:
        return When(year, year, is_target, None if is_target else as_of)
    if "年" in before and (rules.career.search(clause) or rules.career.search(before, 0, _first_break(before))):
        # 从业30年累计检修800余次, 扎根一线三十余年，带徒120名: a career's sum, its years in the figure's own
        # clause or opening the sentence
        return When(None, None, is_target, None)
    span = (
        YEARS_IN_SENTENCE.search(before)
        if report_year is not None and not context.is_target and "年" in before and MAY_NAME_SPAN(before)
        else None
    )
    if span and not FIRST_YEARS.match(before, span.start() - 1):  # “十一五”前四年累计…: the named period's first
        years = small_number(span.group(1) or span.group(2))
        if 1 < years <= 20:
            return When(report_year - years + 1, report_year, is_target, None if is_target else as_of)
    # “十一五”前四年累计…，化学需氧量…分别下降9.66%: a period that opens the sentence holds in its later
    # clauses too, when they name no year or span of their own
    opening = rules.named.match(before, before[:1] in OPEN_QUOTES) if words else None
    if opening is not None:
        named = catalog.named_periods[opening.group()]
        return _of_named(named, before, opening.end(), report_year, is_target, as_of)
    if as_of is not None and not is_target and context.period_start == context.period_end:
        # 截至去年底，全国工会会员已达2.58亿人, in a news item: the level of the year the date is in
        return When(as_of.year, as_of.year, False, as_of)
    # The context's years, as most figures have them: made by tuple.__new__ (a NamedTuple's __new__ is a Python call)
    return tuple.__new__(When, (context.period_start, context.period_end, is_target, None if is_target else as_of))


def _first_break(before: str) -> int:
    """Where the sentence's first clause ends: 张师傅扎根一线20年 (its subject and a career's years)."""
    found = CLAUSE_SPLIT.search(before)
    return found.start() if found else len(before)


def _of_named(
    named: tuple[int, int], text: str, end: int, report_year: int | None, is_target: bool, as_of: date | None
) -> When:
    """The timing of a figure of the named period `named` (its first and last year), named in `text`
    up to `end`: “十一五”前四年 is its first four years only."""
    start, last = named
    first = FIRST_YEARS.match(text, end)
    if first:
        last = min(last, start + small_number(first.group(1)) - 1)
    elif report_year is not None and start <= report_year < last and text.startswith(SINCE, _past_quote(text, end)):
        last = report_year  # “十四五”以来, in a review of 2023: up to the year reviewed
    future = report_year is not None and start > report_year
    return When(start, last, is_target, None if future else as_of)


THE_YEAR_GIVEN = "去年"  # last year counted from the day the report is given, not from the year it speaks of
SINCE = "以来"  # after a named period: from its start up to now


def _period_end_at(clause: str, at: int, rules: PeriodRules) -> int:
    """Where the end of a named period (末, 期末) read at `at` and its 的 end in `clause`; 0: none there."""
    word = next((w for w in rules.period_end if clause.startswith(w, at)), "")
    if not word:
        return 0
    end = at + len(word)
    return end + (clause[end : end + 1] == BASE_TAIL)


def _after_base_verb(clause: str, start: int) -> bool:
    """Whether a verb of a base (是, 相当于) stands before the named period at `start`, past its quote."""
    return clause.endswith(BASE_VERBS, 0, start - (clause[start - 1 : start] in OPEN_QUOTES))


def _past_quote(text: str, end: int) -> int:
    return end + (text[end : end + 1] in CLOSE_QUOTES)


def of_listed_year(label: str, timing: When) -> When:
    """A figure of a 分别 list whose own subject is a year is of that year: in 2020年、2021年分别新增
    就业3万人和5万人 the 3万人 is 2020's and the 5万人 2021's, whatever year the clause names last."""
    found = MARKED_YEAR.match(label)
    if found is None:
        return timing
    year = year_of(found.group(1))
    as_of = timing.as_of if timing.period_end == year else None  # a date of another year is not its own
    return timing._replace(period_start=year, period_end=year, as_of=as_of)


def _year_dated(context: Context, report_year: int | None) -> int | None:
    """The year a date without one (年末, 截至12月底) falls in: the sentence's, not after the one reviewed (a
    sentence after 2026年，…将… in a review of 2025 still tells of 2025's end)."""
    year = context.period_end
    return report_year if year is None or (report_year is not None and year > report_year) else year


def _as_of(
    before: str, year_spoken: int | None, rules: PeriodRules, delivered: int | None, report_year: int | None
) -> date | None:
    """截至2020年11月底 -> 2020-11-30; 由2020年底的26.1万户 -> 2020-12-31; 截至年底 -> the last day of the year the sentence speaks of
    (`year_spoken`: 2025年，…；年末在校生约470万人, in a release of 2026: 2025); a sentence or a clause
    of a statistics bulletin opening with 年末 (年末全国就业人员…; …，年末城镇登记失业率2.6%) -> the same,
    but not a clause of a flow over the whole year after it (年末…，全年生猪出栏198.6万头). 截至去年底 is the
    end of the year before the one the report was given (`delivered`), 截至今年6月底 a day of that year (as
    the openers 去年 and 今年以来 read them; without a date, the year reviewed and the one after)."""
    dated = DATED_LEVEL.search(before, max(0, len(before) - DATED_LEVEL_REACH))
    if dated is not None:
        return date(year_of(dated.group(1)), 12, 31)
    if rules.year_end_in(before):
        last = next(reversed(list(rules.year_clauses.finditer(before))), None)  # the clause nearest the figure
        if last is not None and last.group("end") is not None and (last.group("y") or year_spoken):
            return date(year_of(last.group("y")) if last.group("y") else year_spoken, 12, 31)
    if "截" not in before:
        return None
    match = next(reversed(list(AS_OF.finditer(before))), None)
    if match is None or not match.group(0).startswith(("截至", "截止")):
        return None
    year = year_of(match.group("y")) if match.group("y") else year_spoken
    if match.group("rel") and report_year is not None:
        given = delivered if delivered is not None else report_year + 1
        year = given if match.group("rel") == THIS_YEAR else given - 1
    if year is None:
        return None
    if match.group("ye"):
        return date(year, 12, 31)
    month = int(match.group("m"))
    if not 1 <= month <= 12:
        return None
    last_day = calendar.monthrange(year, month)[1]
    day = int(match.group("d")) if match.group("d") else last_day
    return date(year, month, min(max(day, 1), last_day))
