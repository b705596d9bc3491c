"""When a figure holds: the report's review and plan parts, periods, as_of dates.

A work report first reviews the year behind it (report_year) and then sets
goals for the year ahead. Which part is which comes from the report's own
top-level headings ("一、2018年工作回顾", "二、2019年工作安排") and wording,
never from line numbers.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import compress, count
from operator import attrgetter, itemgetter
from typing import NamedTuple

from .catalog import Catalog

# A top-level heading is a line of its own: "一、2018年工作回顾", "第二部分 …".
_HEADING = r"(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)([^。\n]{0,60})$"
FIRST_LINE_HEADING = re.compile(_HEADING, re.M)
# Anchored on the line break itself, a literal re finds at C speed, not on ^, which
# re tries at every character (4x faster).
LATER_LINE_HEADING = re.compile("\n" + _HEADING, re.M)
REVIEW_WORDS = re.compile(r"回顾|过去|成就|成绩|总结|以来")
PLAN_WORDS = re.compile(r"任务|安排|部署|要求|目标|取向|建议|计划|展望|重点工作|思路")
# A year, not the tail of a longer number or a document number (〔2020〕): the check on
# the character before it stands after its first two digits, so that re skips ahead to
# a 1 or 2 instead of trying the lookbehind at every character (3x faster).
YEAR = re.compile(r"((?:19|20)(?<![\d〔\[]..)\d{2})年")
DELIVERED = re.compile(r"((?:19|20)\d{2})年\d{1,2}月\d{1,2}日")
AS_OF = re.compile(
    r"(?:截至|截止|到)(?:(?P<y>(?:19|20)\d{2})年)?"
    r"(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日|底|末)?|(?P<ye>年?底|年?末))"
)
BY_YEAR = re.compile(r"(?:到|至)((?:19|20)\d{2})年")
TARGET_WORDS = re.compile(r"目标|预期|力争|计划|拟|确保")  # 预计完成 is an estimated outcome, not a goal
DIGIT = re.compile(r"\d")
CHINESE_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")}


@dataclass(frozen=True)
class Part:
    """A stretch [start, end) of the text under one top-level heading."""

    start: int
    end: int
    kind: str  # review, plan or mixed
    year: int | None


class When(NamedTuple):
    """A figure's period, target flag and as_of date; a NamedTuple because every figure
    gets one, and a tuple is built several times faster than a frozen dataclass."""

    period_start: int | None
    period_end: int | None
    is_target: bool
    as_of: date | None


def infer_report_year(text: str) -> int | None:
    """The year a report reviews, read from its headings, date line or years named."""
    for _, heading in top_headings(text):
        if REVIEW_WORDS.search(heading):
            year = YEAR.search(heading)
            if year:
                return int(year.group(1))
    delivered = DELIVERED.search(text[:500])
    if delivered:
        return int(delivered.group(1)) - 1
    years = Counter(int(y) for y in YEAR.findall(text))
    return years.most_common(1)[0][0] if years else None


def top_headings(text: str) -> list[tuple[int, str]]:
    """(start, words after the enumerator) of each top-level heading, in order."""
    first = FIRST_LINE_HEADING.match(text)
    headings = [(0, first.group(1))] if first else []
    headings += [(match.start() + 1, match.group(1)) for match in LATER_LINE_HEADING.finditer(text)]
    return headings


def report_parts(text: str, report_year: int | None) -> list[Part]:
    """The review and plan parts of a report, in order, covering all of it."""
    parts: list[Part] = []
    kind, year, start = "review", report_year, 0
    for heading_start, heading in top_headings(text):
        review, plan = bool(REVIEW_WORDS.search(heading)), bool(PLAN_WORDS.search(heading))
        if review and plan:
            new_kind = "mixed"
        elif review and kind != "plan":
            new_kind = "review"
        elif plan or kind in ("plan", "mixed"):
            new_kind = "plan"
        else:
            new_kind = kind
        heading_year = YEAR.search(heading)
        if new_kind == "plan":
            new_year = int(heading_year.group(1)) if heading_year else _next(report_year)
            if kind == "plan" and not heading_year:
                new_year = year
        else:
            new_year = report_year
        if heading_start > start:
            parts.append(Part(start, heading_start, kind, year))
        kind, year, start = new_kind, new_year, heading_start
    parts.append(Part(start, len(text), kind, year))
    return parts


def _next(year: int | None) -> int | None:
    return None if year is None else year + 1


def _small_number(text: str) -> int:
    return int(text) if text.isdigit() else CHINESE_SMALL.get(text, 1)


# Phrases that open a sentence and set the period of what follows, until the
# next such phrase or heading: "五年来，", "刚刚过去的2017年，", "“十四五”时期".
OPENER_STRIP = re.compile(r"^(?:——|各位代表[,，]|同志们[,，]|[(（][一二三四五六七八九十]+[)）]|“)+")
PAST_YEARS = re.compile(r"^(?:过去|这|近|最近)?([一二两三四五六七八九十]|\d+)年(?:来|间|中|里)?(?![\d月])")
LAST_YEAR = re.compile(r"^(?:过去一年|一年来|去年|刚刚过去的一年|过去的一年)")
THIS_YEAR_SO_FAR = re.compile(r"^今年以来")
THIS_YEAR = re.compile(r"^今年")
COMING_YEARS = re.compile(r"^(?:今后|未来)([一二两三四五六七八九十]|\d+)年")
YEAR_OPENER = re.compile(r"^(?:刚刚过去的|过去的)?((?:19|20)\d{2})年[,，是]")


@dataclass(frozen=True)
class Context:
    """The period a sentence speaks of unless its own words say otherwise."""

    period_start: int | None
    period_end: int | None
    is_target: bool

    # The When of a figure that says nothing of its own period: most figures. Built
    # once per context rather than once per figure.
    @cached_property
    def outcome(self) -> When:
        return When(self.period_start, self.period_end, False, None)

    @cached_property
    def target(self) -> When:
        return When(self.period_start, self.period_end, True, None)


def sentence_contexts(sentences, parts: list[Part], report_year: int | None, catalog: Catalog) -> list[Context]:
    """For each sentence, the period set by its part and by the last period phrase before it.

    The context changes only where a part begins or a sentence opens with a period
    phrase; between those, sentences share it. A look at each sentence's first
    character, run by map in C, leaves the few that may open a period to the regex.
    """
    starts = list(map(attrgetter("start"), sentences))
    part_begins = [bisect_left(starts, part.start) for part in parts]  # first sentence of each part
    texts = list(map(attrgetter("text"), sentences))
    opens = catalog.period_opener_quick.match
    if catalog.period_opener_starts:
        first_characters = map(catalog.period_opener_starts.__contains__, map(itemgetter(0), texts))
        may_open = {index for index in compress(count(), first_characters) if opens(texts[index])}
    else:
        may_open = set(compress(count(), map(opens, texts)))
    contexts: list[Context] = []
    part_index = -1
    current = Context(report_year, report_year, False)
    for index in sorted(may_open.union(part_begins)):
        if index >= len(sentences):
            break
        contexts.extend([current] * (index - len(contexts)))
        while part_index + 1 < len(parts) and part_begins[part_index + 1] <= index:
            part_index += 1
            current = _part_context(parts[part_index], report_year)
        if index in may_open:
            opened = _opened_context(sentences[index].text, parts[max(part_index, 0)], report_year, catalog)
            if opened is not None:
                current = opened
        contexts.append(current)
    contexts.extend([current] * (len(sentences) - len(contexts)))
    return contexts


def _part_context(part: Part, report_year: int | None) -> Context:
    if part.kind == "plan":
        return Context(part.year, part.year, True)
    return Context(report_year, report_year, False)


def _opened_context(sentence: str, part: Part, report_year: int | None, catalog: Catalog) -> Context | None:
    text = OPENER_STRIP.sub("", sentence)
    # “十三五”时期，… opens a period; 编制西部大开发“十三五”规划 only names a plan.
    named = catalog.named_period_opener.match(text)
    if named:
        first, last = catalog.named_periods[named.group(1)]
        return Context(first, last, report_year is not None and first > report_year)
    if report_year is None:
        return None
    if match := COMING_YEARS.match(text):
        return Context(report_year + 1, report_year + _small_number(match.group(1)), True)
    if LAST_YEAR.match(text):
        return Context(report_year, report_year, False)
    if THIS_YEAR_SO_FAR.match(text):
        return Context(report_year + 1, report_year + 1, False)
    if THIS_YEAR.match(text) and part.kind == "plan":
        return Context(part.year, part.year, True)
    if match := YEAR_OPENER.match(text):
        year = int(match.group(1))
        return Context(year, year, part.kind == "plan" and year > report_year)
    if match := PAST_YEARS.match(text):
        years = _small_number(match.group(1))
        if 1 < years <= 20 and part.kind != "plan":
            return Context(report_year - years + 1, report_year, False)
    return None


def when(before: str, clause: str, context: Context, report_year: int | None, catalog: Catalog) -> When:
    """The period, target flag and as_of date of a figure, from the words before it.

    `before` is its sentence up to the figure, `clause` the part of that after
    the last clause break.
    """
    as_of = _as_of(before, report_year)
    is_target = context.is_target or _goal_in_clause(clause) or _goal_opens(before)
    named_match = catalog.named_periods_re.search(clause)
    named = catalog.named_periods[named_match.group()] if named_match else None
    if named:
        future = report_year is not None and named[0] > report_year
        return When(named[0], named[1], is_target or future, None if future else as_of)
    by_year = is_target and BY_YEAR.search(before)  # 力争到2020年，建成…: the deadline may open the sentence
    if by_year:
        deadline = int(by_year.group(1))
        # A goal set in the review part aims from the year after the one reviewed.
        start = context.period_start if context.is_target or report_year is None else report_year + 1
        return When(min(start, deadline) if start else start, deadline, True, None)
    if (
        report_year is not None
        and clause.endswith(LAST_YEARS_ENDINGS)
        and LAST_YEARS_LEVEL.search(clause, max(0, len(clause) - LAST_YEARS_REACH))
    ):
        # 赤字率从去年的2.1%提高到2.3%: the 2.1% is last year's outcome, not this year's goal.
        return When(report_year, report_year, False, None)
    year = _year_in_clause(clause)
    if not year and clause.endswith(FROM_WORDS):
        # 贫困发生率由10.2%下降到3.1%: the starting level holds at a time the text does not give.
        return When(None, None, False, None)
    if year:
        return When(year, year, is_target, None if is_target else as_of)
    span = (
        YEARS_IN_SENTENCE.search(before)
        if report_year is not None and not context.is_target and "年" in before
        else None
    )
    if span:
        # 全国工会过去五年累计筹集…: a span named inside the sentence, not only at its start.
        years = _small_number(span.group(1) or span.group(2))
        if 1 < years <= 20:
            return When(report_year - years + 1, report_year, is_target, None if is_target else as_of)
    if is_target or as_of is None:
        return context.target if is_target else context.outcome
    return When(context.period_start, context.period_end, False, as_of)


# Only unambiguous goal words: 计划 and 争取 are also nouns and verbs of outcomes
# (营养改善计划, 争取上级资金1.2亿元).
FROM_WORDS = ("由", "从")
# The lookahead names the characters a match starts with, so that re skips the rest (2x).
YEARS_IN_SENTENCE = re.compile(
    r"(?=[过近最一二两三四五六七八九十0-9])"
    r"(?:(?:过去|近|最近)([一二两三四五六七八九十]|\d+)年|([一二两三四五六七八九十]|\d+)年(?:来|间))"
)
LAST_YEARS_LEVEL = re.compile(r"(?<!比)(?:去年|上年)(?:的|底的|末的)?$")
# Searched from the longest match (上年底的) plus one before the end, not at every
# character, and only in a clause that ends the way a match does.
LAST_YEARS_REACH = 5
LAST_YEARS_ENDINGS = ("年", "的")
GOAL_OPENER = re.compile(r"目标是|目标为|预期目标|主要目标|力争")
ACHIEVED = re.compile(r"完成|实现|超额|达成|超过|惠及|受益")


def _goal_in_clause(clause: str) -> bool:
    """力争全年培训100万人次 is a goal; 营养改善计划惠及3200万, 完成目标任务的117% are outcomes."""
    return bool(TARGET_WORDS.search(clause)) and not ACHIEVED.search(clause)


def _goal_opens(before: str) -> bool:
    """目标是，新发展会员1000万人: a goal stated earlier in the sentence, not yet reported as met."""
    if "目标" not in before and "力争" not in before:
        return False
    goals = list(GOAL_OPENER.finditer(before))
    return bool(goals) and not ACHIEVED.search(before, goals[-1].end())


def _year_in_clause(clause: str) -> int | None:
    """'2020年安排…' or '由2010年的162.4亿元' name the year; '比2010年增加' does not."""
    if "年" not in clause:
        return None
    matches = list(YEAR.finditer(clause))
    if not matches:
        return None
    match = matches[-1]
    head = clause[max(0, match.start() - 1) : match.start()]
    tail = clause[match.end() :]
    if head in ("比", "较", "同") or tail.startswith("以来"):
        return None
    # 由2010年的21.6%提高到25.2%: the year belongs to the number right after it.
    if DIGIT.search(tail):
        return None
    return int(match.group(1))


def _as_of(before: str, report_year: int | None) -> date | None:
    """截至2020年11月底 -> 2020-11-30; 截至年底 -> the last day of the report year."""
    if "截" not in before:
        return None
    match = next(reversed(list(AS_OF.finditer(before))), None)
    if match is None or not match.group(0).startswith(("截至", "截止")):
        return None
    year = int(match.group("y")) if match.group("y") else report_year
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
