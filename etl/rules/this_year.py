"""今年 (and 明年) inside a sentence: the words that find it, for structure.py and periods.py.

A sentence of a plan part that names 今年 speaks of the plan's year wherever the word stands, not only
when it opens the sentence (the this_year opener of period_openers.csv): 为加快社会保障体系建设，今年中央
财政将安排2762亿元 is the plan year's though an earlier 去年以来 turned the part to the year reviewed
(this_year_in_plan, which structure.sentence_contexts ends with). Last year's name after it (去年, 上年: last_year_word of words.csv), not after a
comparison's marker (比上年, 较去年, 与上年) and with no number between it and a figure, names the year
before the plan's: 今年计划开工1200个，去年完成950个 (periods.py). One that a number follows named that
number's year only (由去年的48亿元增加到55亿元: the 55亿元 is this year's again). And in a sentence that
opens with last year's name, in any part, 今年 after it is the year after that one: 去年全市新增就业12万人，
今年新增就业3万人 (periods.py).

今年 is the phrase of the this_year opener of period_openers.csv, and last year's words those of
words.csv: the words are read off the catalog once (Catalog.compiled), and a text not holding 今年
(nearly all) costs one search in C.

Outside a plan part, a sentence opening with 今年 speaks of the year the report was given, its
published_on (openers.py): the year after the one reviewed for a government work report, that year
itself for a union's review or a news item (本报讯 今年以来…), which the words do not tell apart.
Without a date it is left to the sentence's context.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any, with_first_character_gate
from etl.records import Context, Part, Sentence

DIGIT = re.compile(r"\d")
# 至今 before 年均 or 年来 makes the 今年 in it no year (2012年至今年均增长 is a yearly average up to now),
# though 至今年底 is this year's end; the other words ending in 今 are not_this_year of words.csv (如今).
SINCE_NOW = "至"
NOT_THIS_YEAR_AFTER_SINCE = ("均", "来")
COMPARED_TOO = ("与",)  # 与上年相比, 与上年持平: a comparison, like the compared_marker words (比, 较, 同)


class YearWords(NamedTuple):
    """The words of this year and last year, and their pre-check, composed once per catalog."""

    holds_this_year: Callable[[str], object]  # a text holding none of these names no 今年 (re's search, in C)
    holds_last_year: Callable[[str], object]  # the same for last year's names: 去年, 上年
    holds_next_year: Callable[[str], object]  # and for next year's: 明年 (next_year_word of words.csv)
    found: re.Pattern  # a comparison's marker (group 1), then this year's (2) or last year's name (3)
    not_this_year: tuple[str, ...]  # words ending in the 今 of a 今年 that is no year: 如今 (words.csv)
    not_last_year_after: tuple[str, ...]  # after last year's name, no year of the figure's: 以来, 基础上 (words.csv)


def year_words(catalog: Catalog) -> YearWords:
    this_year = catalog.period_openers.get("this_year", ())
    markers = (*catalog.words["compared_marker"], *COMPARED_TOO)
    return YearWords(
        re.compile(alternation(this_year)).search,
        re.compile(alternation(catalog.words["last_year_word"])).search,
        holds_any(catalog.words["next_year_word"]),
        with_first_character_gate(  # its optional first word would keep re from skipping ahead
            rf"""
            ({alternation(markers)})?                      # 比上年: the year compared with
            (?:({alternation(this_year)})                   # this year: 今年
              |({alternation(catalog.words["last_year_word"])}))  # or last year: 去年, 上年
            """,
            re.VERBOSE,
        ),
        catalog.words["not_this_year"],
        catalog.words["not_last_year_after"],
    )


def this_year_at(text: str, catalog: Catalog) -> int:
    """Where the first 今年 of `text` that names this year stands (not 比今年, 如今年, 至今年均); -1: none."""
    words = catalog.compiled(year_words)
    if not words.holds_this_year(text):  # nearly every sentence
        return -1
    for found in words.found.finditer(text):
        marker, this_year, _ = found.groups()
        if this_year and not marker and _is_this_year(text, found.start(), found.end(), words):
            return found.start()
    return -1


def last_year_after_this_year(before: str, catalog: Catalog) -> bool:
    """Whether last year's name, after a 今年 of `before` (a figure's sentence up to the figure), names
    the figure's year: not a comparison's (比上年, 与上年相比, 上年同期), not since (去年以来), and with no
    number between it and the figure (由去年的48亿元增加到55亿元: the 55亿元 is this year's)."""
    words = catalog.compiled(year_words)
    if not words.holds_this_year(before):  # nearly every sentence
        return False
    return _last_year_named(before, words, after_this_year=True)


def last_year_in_clause(clause: str, catalog: Catalog) -> bool:
    """Whether last year's name in a figure's clause (up to the figure) names the figure's year: 在去年新增
    就业12万人的基础上 in a plan; not a comparison's (比去年), not since, the same months or a base (去年以来,
    去年同期, 在去年基础上: not_last_year_after of words.csv), and with no number between it and the figure."""
    words = catalog.compiled(year_words)
    if not words.holds_last_year(clause):  # nearly every clause
        return False
    return _last_year_named(clause, words, after_this_year=False)


def _last_year_named(text: str, words: YearWords, after_this_year: bool) -> bool:
    """Whether the last of last year's names in `text` (after its 今年, when `after_this_year`) names the
    year of the figure at its end; a comparison's (比上年) is passed over."""
    last = None if after_this_year else False  # None: no 今年 read yet, so no name counts
    for found in words.found.finditer(text):
        marker, this_year, _ = found.groups()
        if marker:
            continue  # 比上年增加458亿元: the year compared with, not the figure's
        if this_year:
            if after_this_year and _is_this_year(text, found.start(), found.end(), words):
                last = False
        elif last is not None:
            last = _names_the_year(text, found.end(), words)
    return bool(last)


OF_A_NUMBER = re.compile(r"的?\d")  # 去年的48亿元: the year of the number after it


def _names_the_year(text: str, end: int, words: YearWords) -> bool:
    """Whether last year's name ending at `end` names the year of the figure at the end of `text`: no
    since, same months or base after it (not_last_year_after: 去年以来, 在去年基础上), no number between."""
    return not text.startswith(words.not_last_year_after, end) and not DIGIT.search(text, end)


def this_year_after_last_year(before: str, catalog: Catalog, year: int | None = None) -> bool:
    """Whether `before` (a figure's sentence up to the figure) opens with last year's name (去年: its
    period opener), or with `year` named (2025年，…), and names 今年 after it, with no last year's name of
    the figure's after that: 去年全市新增就业12万人，今年新增就业3万人. 今年 is the year after the one the
    sentence opened with, whatever year the report is given in."""
    opened = (*catalog.words["last_year_word"], f"{year}年") if year is not None else catalog.words["last_year_word"]
    if not before.startswith(opened):
        return False
    words = catalog.compiled(year_words)
    at = words.holds_this_year(before)
    return (
        at is not None
        and this_year_at(before[at.start() :], catalog) >= 0
        and not last_year_after_this_year(before, catalog)
    )


def this_year_in_plan(
    contexts: list[Context],
    sentences: list[Sentence],
    parts: list[Part],
    starts: list[int],
    text: str,
    catalog: Catalog,
) -> list[Context]:
    """`contexts` (structure.sentence_contexts), where a sentence of a plan part naming 今年 before any
    number speaks of the plan's year, though it does not open with it and an earlier opener turned the
    part to another year (去年以来，… then 为加快社会保障体系建设，今年中央财政将安排2762亿元); for itself
    only. A sentence whose context is not its predecessor's opened a period of its own, and keeps it.
    Only the sentences holding the word are visited: re finds it in the part's text at C speed."""
    find = catalog.compiled(year_words).holds_this_year
    given = contexts[:]  # as the openers left them: a sentence is compared with its predecessor's
    for part in parts:
        if part.kind != "plan":
            continue
        plan = Context(part.year, part.year, True)  # a plan part's context (structure._part_context)
        found = find(text, part.start, part.end)
        while found is not None:
            index = max(bisect_right(starts, found.start()) - 1, 0)
            sentence = sentences[index]
            at = this_year_at(sentence.text, catalog)
            if (
                contexts[index] != plan
                and 0 < index
                and given[index] == given[index - 1]  # inherited, not opened by the sentence itself
                and at >= 0
                and DIGIT.search(sentence.text, 0, at) is None
            ):
                contexts[index] = plan
            found = find(text, max(sentence.end, found.end()), part.end)
    return contexts


def _is_this_year(text: str, start: int, end: int, words: YearWords) -> bool:
    """今年 at text[start:end] is this year, not the end of 如今 (not_this_year of words.csv: 如今年轻人) or of
    至今 (至今年均增长)."""
    if text.endswith(words.not_this_year, 0, start + 1):
        return False
    return not (text[start - 1 : start] == SINCE_NOW and text.startswith(NOT_THIS_YEAR_AFTER_SINCE, end))


def year_named(
    before: str, clause: str, context: Context, report_year: int | None, delivered: int | None, catalog: Catalog
) -> Context:
    """The context of a figure as the words before it name its year: 今年 before it (_this_year_in_sentence);
    去年 in its clause, in a plan the year before the plan's (在去年新增就业12万人的基础上), in a text speaking of
    the year it was given the year before that (全省各级工会去年组织开展各类竞赛1.2万场次, in a release of
    April 2026: 2025)."""
    words = catalog.compiled(year_words)
    if context.period_start is not None and words.holds_this_year(before):
        context = _this_year_in_sentence(before, context, report_year, delivered, catalog)
    if context.period_start is None or context.period_start != context.period_end:
        return context
    if context.is_target:  # a plan's 去年 in the figure's clause
        named = last_year_in_clause(clause, catalog)
    else:  # a statement of the year the text was given (a work report's is the year before: no call)
        named = (
            context.period_start == delivered
            and words.holds_last_year(before)
            and _last_year_of_statement(before, words)
        )
    return Context(context.period_start - 1, context.period_start - 1, False) if named else context


def next_year_named(context: Context) -> Context:
    """The context of a figure of a statement (not a goal: the caller saw) whose sentence names 明年 before it
    (the caller saw that too: YearWords.holds_next_year): a goal of the year after the one it speaks of
    (我们计划明年将试点范围扩大到17个省份, in a press conference on 2024: 2025). A goal's sentence is left as its
    opener or part set it (明年，全市工会将…: already the year after)."""
    if context.period_start is None or context.period_start != context.period_end:
        return context
    return Context(context.period_start + 1, context.period_start + 1, True)


def _last_year_of_statement(before: str, words: YearWords) -> bool:
    """Whether last year's name says when what the sentence states was done (全省各级工会去年组织开展各类竞赛
    1.2万场次，参赛职工超过260万人次: both of last year): not compared with (比去年), not since or a base
    (去年以来, 去年同期), not the year of a number right after it (由去年的48亿元增加到55亿元), no 今年 after it."""
    named = False
    for found in words.found.finditer(before):
        marker, this_year, _ = found.groups()
        if this_year:
            named = False
        elif not marker:
            end = found.end()
            named = not before.startswith(words.not_last_year_after, end) and not OF_A_NUMBER.match(before, end)
    return named


def _this_year_in_sentence(
    before: str, context: Context, report_year: int | None, delivered: int | None, catalog: Catalog
) -> Context:
    """The context of a figure whose sentence names 今年 before it: last year's name after 今年 in a
    plan's sentence is the year before (今年计划开工1200个，去年完成950个); 今年 after a sentence's opening
    去年 is the year after it (去年全市新增就业12万人，今年新增就业3万人); else the sentence's own.
    Such a 今年 after the year reviewed is the year the words are written in, still ahead: its figures
    are goals (二、2026年工作安排 … 2025年，全市新增就业12万人，今年将…新增就业11万人). In a stretch of
    years up to the one the text was given, 今年 is that year's part (自2019年…以来，累计建成1236个，其中今年
    新建187个). A goal's 今年 is the year the text was given, whatever year the goals before it spoke of."""
    if context.period_start != context.period_end:
        this_year = (
            not context.is_target
            and delivered is not None
            and context.period_start < delivered <= context.period_end
            and this_year_at(before, catalog) >= 0
        )
        return Context(delivered, delivered, False) if this_year else context
    if context.is_target and last_year_after_this_year(before, catalog):
        return Context(context.period_start - 1, context.period_start - 1, False)
    if this_year_after_last_year(before, catalog, context.period_start):
        year = context.period_start + 1
        return Context(year, year, context.is_target or (report_year is not None and year > report_year))
    if delivered is not None and context.period_start != delivered and this_year_at(before, catalog) >= 0:
        # 下一步，…力争到2025年底… then 省总工会计划今年在全省新建…, in a news item of 2023: 2023, the year it was
        # given; 江川省总工会印发通知，今年全省计划组织…3.5万人, in a news item of 2024 on 2023's work: 2024
        return Context(delivered, delivered, context.is_target)
    return context
