"""The period a sentence's opening phrase sets: 五年来, 今年, 2018年，, “十三五”时期
(data/catalog/period_openers.csv, the named periods of periods.csv), read once per catalog into
one pattern per kind with a pre-check derived from the same words."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import NamedTuple

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.catalog.vocabularies import PERIOD_OPENERS
from etl.records import Context, Part
from etl.rules.speakers import COLON, NAME_LENGTHS
from etl.text.characters import (
    CLAUSE_BREAKS,
    CLOSE_PARENS,
    CLOSE_QUOTES,
    DATELINES,
    OPEN_PARENS,
    OPEN_QUOTES,
    ORDINAL_NUMERALS,
    SENTENCE_STOPS,
    SINGLE_CLOSE_QUOTE,
    SINGLE_NUMERALS,
    SINGLE_OPEN_QUOTE,
    SPEAKER_CLOSE,
    SPEAKER_OPEN,
)
from etl.text.years import YEAR, YEAR_STARTS, year_of

CHINESE_NUMERALS = ORDINAL_NUMERALS  # the position of a numeral is its value less one
TWO = CHINESE_NUMERALS[1]
# The slots of a period opener phrase: a small number of years, or a year.
SMALL_NUMBER = f"([{SINGLE_NUMERALS}]|[0-9]+)"
MONTH_OR_DAY = rf"(?:[0-9]{{1,2}}|[{ORDINAL_NUMERALS}]{{1,3}})"
# A day or part of a year after its 年, holding no value of its own (a {date} slot): 2024年6月, 2024年6月26日,
# 2024年1-6月, 2024年一季度, 2024年上半年, 2024年底.
DATE = rf"""(?:
    {MONTH_OR_DAY}(?:[-—~～至到]{MONTH_OR_DAY})?月份?(?:{MONTH_OR_DAY}[日号])?  # a month, months or a day
  | [上下]半年 | 前?[{ORDINAL_NUMERALS[:3]}]季度 | 第?[{ORDINAL_NUMERALS[:4]}]季度  # a part of the year
  | 年?[底末初]                                             # its end or start
)"""
# What began in a year, between it and 以来 (an {event} slot): 启动“暖心驿站”建设, a short clause's words.
EVENT = f"[^{CLAUSE_BREAKS}{SENTENCE_STOPS}\\d]{{1,24}}?"
SLOTS = {
    "{n}": (SMALL_NUMBER, f"{SINGLE_NUMERALS}0123456789"),
    "{year}": (f"({YEAR})", YEAR_STARTS),
    "{date}": (re.sub(r"\s+|#[^\n]*", "", DATE), ""),  # no group: the date names no year of its own
    "{event}": (EVENT, ""),  # no group either
    "{day}": (rf"({MONTH_OR_DAY})月{MONTH_OR_DAY}[日号]", f"0123456789{ORDINAL_NUMERALS}"),  # 3月8日: its month
}
SINCE = "以来"  # a named period's tail that says since its start (“十二五”以来), not the whole of it
ERA = "{era}"  # an event of eras.csv (党的十八大), its pattern made from the catalog's names
SLOT_SPLIT = re.compile("(" + "|".join(map(re.escape, (*SLOTS, ERA))) + ")")
SPAN_YEARS = 20  # a span of years opening a sentence (2021年至2023年，) is at most this long
# What must follow each kind of opener: 2018年， opens a year; 3年12月 is a date, not three years.
# 去年以来 (since last year) and 去年同期 (last year's same months) name no one year.
# A year opening a sentence without a comma (2024年全省各级工会举办…) is no date, span, deadline, part or
# measure of a year (2018年12月, 2021年以来, 2024年底前, 2024年度, 2024年的, 2024年同期).
YEAR_NOT_OPENING = r"[\d月度]|以来|来|至|到|前|底|的|同期|相比|水平"
YEAR_MARKS = ",，是"  # after a year opening the sentences that follow it: 2018年，, 2026年是
OPENER_GUARDS = {
    "year": f"(?:[{YEAR_MARKS}]|(?!{YEAR_NOT_OPENING}))",
    "year_span": r"(?:期间|间)?(?![\d月度])",  # 2021—2023年间，; not 2021-2023年度 nor a date
    "past_years": r"(?![\d月])",
    "year_before": "(?!以来|同期)",
    "plan_year": r"(?!\d)",
}
ENUMERATOR = f"[{OPEN_PARENS}][{CHINESE_NUMERALS}]+[{CLOSE_PARENS}]"  # (一) before an opener
SPEAKER = f"{SPEAKER_OPEN}[^{SPEAKER_CLOSE}\n]{{1,30}}{SPEAKER_CLOSE}"
# A news item's dateline before its lead: 本报讯（记者李晓燕 通讯员王浩）, 新华社北京1月8日电 (its place and day).
DATELINE = (
    rf"""(?:{"|".join(DATELINES)})[^{CLAUSE_BREAKS}{SENTENCE_STOPS}(（]{{0,16}}?(?:[(（][^)）\n]{{1,40}}[)）]|[ ])"""
)
DASH, QUOTES, UNQUOTES = (
    "——",
    OPEN_QUOTES[0] + SINGLE_OPEN_QUOTE,
    CLOSE_QUOTES[0] + SINGLE_CLOSE_QUOTE,
)  # “十三五”, ‘十四五’
QUOTE, UNQUOTE = f"[{QUOTES}]", f"[{UNQUOTES}]"
REPORTER_REACH = 40  # characters at most of who reports, before the report verb
# A transcript's speaker opening a sentence, as speakers.py finds one: a name and a colon (李建平：).
SPEAKER_NAME = rf"[^\W\d_]{{{min(NAME_LENGTHS)},{max(NAME_LENGTHS)}}}{COLON}"
OCCASION_REACH = 8  # characters at most of the clause before who reports: 发布会上，, 记者从省总工会获悉 …
TOPIC_REACH = 12  # characters at most of a topic opening a sentence, its tail and comma: 在职工技能提升方面，


NOW = Context(None, None, False)  # 目前，…: no period of its own; an aside before it ends (structure.py)


class OpenerRules(NamedTuple):
    """The opener patterns, composed once per catalog from period_openers.csv, words.csv
    and periods.csv, with the cheap pre-checks derived from the same words."""

    strip: re.Pattern  # addresses, enumerators and a transcript's speaker before the opener
    dateline: re.Pattern  # a news item's dateline: 本报讯（记者林晓）
    reporter: re.Pattern  # who reports what follows, a clause ending in a report verb: 人社部新闻发言人介绍，
    report_verb: re.Pattern  # where a report verb and its comma stand in a text (the reporter's pre-check)
    topic: re.Pattern  # a clause naming the topic a sentence speaks of (topic_tail of words.csv): 技能提升方面，
    topic_tail: re.Pattern  # where a topic's tail and its comma stand in a text (topic_led's search)
    topic_near: Callable[[str], object]  # does a text hold a topic's tail (the pre-check, on its first TOPIC_REACH)
    kinds: tuple[tuple[str, re.Pattern], ...]  # in the order they are tried
    named: re.Pattern  # “十三五”时期, 十二五期间
    any_opener: re.Pattern  # the pre-check: could this sentence open a period?
    first_characters: frozenset[str]  # the characters such a sentence starts with: the pre-check, in C
    alone: frozenset[str]  # those that may open a period alone (a slot's, a mark's: 2018年, “) ...
    first_pairs: frozenset[str]  # ... else the two characters it starts with (a word's: 据介, 党的, 五年)
    rest_of_year: re.Pattern  # 年底前, 10月至12月: the rest of the year a text is written in
    next_year_names: tuple[str, ...]  # 明年, 来年: the year after, by its name (next_year_word of words.csv)
    announces_list: Callable[[str], object]  # 以下, 如下: does a sentence announce the items after it
    states_goals: Callable[[str], object]  # 预期目标是: does a sentence say goals follow (goal_opener of words.csv)
    states_plans: Callable[[str], object]  # 将在, 计划: does it say what will be done (goal_word)
    plans_ahead: Callable[[str], object]  # 预算, 预计: does it hold a budget or a forecast word (words.csv)


def opener_rules(catalog: Catalog) -> OpenerRules:
    addresses = (*catalog.words["salutation"], *catalog.words["attribution"], *catalog.words["connective"])  # 此外，
    strip = rf"(?:{DASH}|(?:{alternation(addresses)})[,，]|{ENUMERATOR}|{QUOTE}|{SPEAKER}|{DATELINE})"
    # The first character, or the first two, that a sentence opening a period may start with: a word's
    # first two (据介绍: 据介, 党的十八大: 党的), a slot's or a mark's first one (2018年: 1 and 2; “)
    kinds, starts, pairs = [], set(OPEN_PARENS + QUOTES + SPEAKER_OPEN), set()

    def begins(words) -> None:
        for word in words:
            (pairs if len(word) > 1 else starts).add(word[:2])

    begins((DASH, *DATELINES, *addresses))
    slots = {**SLOTS, ERA: (f"({alternation(catalog.eras)})", "")}
    for kind, phrases in catalog.period_openers.items():
        alternatives = []
        for phrase in sorted(phrases, key=len, reverse=True):
            # words and slots in turn: 过去{n}年 -> 过去, {n}, 年; {year}—{year}年 -> "", {year}, —, {year}, 年
            pieces = SLOT_SPLIT.split(phrase)
            alternatives.append("".join(slots[p][0] if p in slots else re.escape(p) for p in pieces))
            if pieces[0]:
                begins((pieces[0],))
            elif pieces[1] == ERA:
                begins(catalog.eras)
            else:
                starts.update(slots[pieces[1]][1])
        kinds.append((kind, f"(?:{'|'.join(alternatives)}){OPENER_GUARDS.get(kind, '')}"))
    leads = catalog.words["named_period_lead"]
    begins(leads)
    begins(catalog.named_periods)
    named = (
        rf"(?:{alternation(leads)})?{QUOTE}?({alternation(catalog.named_periods)}){UNQUOTE}?"
        rf"(?:{alternation(catalog.words['named_period_tail'])})"
    )
    order = {kind: rank for rank, kind in enumerate(PERIOD_OPENERS)}  # the order they are tried in
    kinds.sort(key=lambda pair: order[pair[0]])
    verbs = alternation(catalog.words["report_verb"])
    tails = alternation(catalog.words["topic_tail"])
    return OpenerRules(
        strip=re.compile(f"^{strip}+"),
        dateline=re.compile(DATELINE),
        reporter=re.compile(
            rf"""
            (?:[^{CLAUSE_BREAKS}{SENTENCE_STOPS}]{{1,{OCCASION_REACH}}}[,，])?  # where or when: 发布会上，
            [^{CLAUSE_BREAKS}{SENTENCE_STOPS}]{{1,{REPORTER_REACH}}}?  # who: 人社部新闻发言人卢爱红, 1月23日
            (?:{verbs})                                               # reports: 介绍, 发布, 获悉
            [,，:：]                                                   # and its comma
          | {SPEAKER_NAME}                                            # or a transcript's speaker: 李建平：
            """,
            re.VERBOSE,
        ),
        report_verb=re.compile(f"(?:{verbs})[,，:：]"),
        topic=re.compile(rf"[^\W\d_]{{1,{TOPIC_REACH - 2}}}?(?:{tails})[,，]"),  # 在职工技能提升方面，
        topic_tail=re.compile(f"(?:{tails})[,，]"),
        topic_near=holds_any(catalog.words["topic_tail"]),
        kinds=tuple((kind, re.compile("^" + pattern)) for kind, pattern in kinds),
        named=re.compile("^" + named),
        any_opener=re.compile(f"{strip}*(?:{'|'.join(p for _, p in kinds)}|{named})"),
        first_characters=frozenset(starts.union(pair[0] for pair in pairs)),
        alone=frozenset(starts),
        first_pairs=frozenset(pairs),
        rest_of_year=re.compile(
            rf"""
            {alternation(catalog.words["rest_of_year"])}    # 年底前, 年内
          | {MONTH_OR_DAY}月(?:至|到|[-—~～]){MONTH_OR_DAY}月  # the months ahead: 10月至12月
            """,
            re.VERBOSE,
        ),
        next_year_names=catalog.words["next_year_word"],
        announces_list=holds_any(catalog.words["list_announcer"]),
        states_goals=holds_any(catalog.words["goal_opener"]),
        states_plans=holds_any(catalog.words["goal_word"]),
        plans_ahead=holds_any((*catalog.words["budget_word"], *catalog.words["forecast_word"])),
    )


def topic_led(text: str, texts: list[str], starts: list[int], rules: OpenerRules) -> set[int]:
    """The sentences that open with the topic they speak of and then a period phrase (技能提升方面，2024年…;
    在推进工资集体协商方面，截至9月底，…): one search of the text for the topics' tails."""
    found = set()
    for tail in rules.topic_tail.finditer(text):
        index = bisect_right(starts, tail.start()) - 1
        topic = rules.topic.match(texts[index]) if index >= 0 else None
        if topic is not None and rules.any_opener.match(texts[index], topic.end()):
            found.add(index)
    return found


def small_number(text: str) -> int:
    """五 -> 5, 两 -> 2, 12 -> 12 (the count of years in 五年来, 近两年, 过去12年)."""
    text = TWO if text == "两" else text  # 两 is a form of 二 (characters.py)
    return int(text) if text.isdigit() else CHINESE_NUMERALS.find(text) + 1 if text in CHINESE_NUMERALS else 1


def opened_context(
    sentence: str, part: Part, report_year: int | None, catalog: Catalog, delivered: int | None = None
) -> Context | None:
    """The period a sentence's opening phrase sets, or None when it opens with none.

    今年 is the year the report was given (`delivered`, from the manifest's published_on): a work
    report given in March speaks of the year after the one it reviews, a union's review or a press
    conference of the year it reviews. 今年以来 is that year so far; outside a plan part 今年 is that
    year, a goal only where its own words say so (今年一季度 is what was done). Without a date, 今年以来
    is the year after the one reviewed (a work report's), and 今年 outside a plan part sets no period."""
    rules = catalog.compiled(opener_rules)
    text = rules.strip.sub("", sentence)
    reported = rules.reporter.match(text)
    if reported is not None and rules.any_opener.match(text, reported.end()):
        text = rules.strip.sub("", text[reported.end() :])  # 人社部新闻发言人介绍，2024年，…: what the year opens
    topic = rules.topic.match(text) if rules.topic_near(text[:TOPIC_REACH]) else None  # a tail near: one test in C
    if topic is not None and rules.any_opener.match(text, topic.end()):
        text = text[topic.end() :]  # 技能提升方面，2024年全省各级工会…: the year after the topic
    # “十三五”时期，… opens a period; 编制西部大开发“十三五”规划 only names a plan.
    named = rules.named.match(text)
    if named:
        first, last = catalog.named_periods[named.group(1)]
        if named.group().endswith(SINCE) and report_year is not None and first <= report_year < last:
            return Context(first, report_year, False, look_back=True)  # “十二五”以来, in a review of 2012: 2011-2012
        return Context(first, last, report_year is not None and first > report_year)
    if report_year is None:
        return None
    for kind, pattern in rules.kinds:
        match = pattern.match(text)
        if match is None:
            continue
        slot, *more = [g for g in match.groups() if g is not None] or [None]
        if kind == "coming_years":
            return Context(report_year + 1, report_year + small_number(slot), True)
        if kind == "last_year" and match.group().endswith(SINCE) and delivered is not None:
            # 去年以来 in a news item of April 2025: 2024 to 2025, for its sentence
            first = min(delivered - 1, report_year)
            return Context(first, report_year, False, in_sentence=first < report_year)
        if kind == "last_year":
            return Context(report_year, report_year, False)
        if kind == "year_before":  # 去年 in a news item of January is the year before it, whatever it reviews
            year = report_year if delivered is None else delivered - 1
            return Context(year, year, False)
        if kind == "this_year_so_far":
            year = report_year + 1 if delivered is None else delivered
            return Context(year, year, False)
        if kind == "this_year" and part.kind == "plan":
            return Context(part.year, part.year, True)
        if kind == "this_year" and delivered is not None:  # a goal only by its own words: 今年一季度 is done;
            # 今年…主要预期目标是：…；…。全年计划…, and after the year reviewed 今年，我们将在…: goals to its paragraph's end
            goals = bool(rules.states_goals(text) or (delivered > report_year and rules.states_plans(text)))
            return Context(delivered, delivered, goals, in_paragraph=goals)
        if kind == "next_year":  # 明年, 下一步: a review is written in the year it reviews, whenever given;
            # but the next steps of a text given in that year (a news item, a press conference of July) that
            # name the rest of it are of that year: 下一步…计划在年底前再新建驿站10个, 计划在10月至12月再举办…
            steps = delivered == report_year and not match.group().startswith(rules.next_year_names)
            year = report_year if steps and rules.rest_of_year.search(text, match.end()) else report_year + 1
            return Context(year, year, True)
        if kind == "plan_year":  # 展望2026年: the year looked ahead to
            return Context(year_of(slot), year_of(slot), year_of(slot) > report_year)
        if kind == "since_year":  # 2021年以来; 党的十八大以来: an event's year (eras.csv)
            first = catalog.eras[slot] if slot in catalog.eras else year_of(slot)
            if first <= report_year:
                return Context(first, report_year, False, look_back=True)
        if kind == "year_span" and year_of(slot) < year_of(more[0]) <= year_of(slot) + SPAN_YEARS:
            first, last = year_of(slot), year_of(more[0])
            return Context(first, last, part.kind == "plan" and first > report_year)
        if kind == "year":  # 2024年全省各级工会举办…, no comma: of its own sentence only (structure.py)
            year = year_of(slot)
            unmarked = match.group()[-1] not in YEAR_MARKS
            # 2025年经费收入预算1.3亿元；其中职工活动支出预算8760万元: a budget or a forecast ahead, in all its pieces
            ahead = year > report_year and (part.kind == "plan" or (unmarked and bool(rules.plans_ahead(text))))
            return Context(year, year, ahead, in_sentence=unmarked)
        if kind == "lately":  # 近日，…: the year the text was given; a day named, in a news item only (本报讯…3月8日，)
            if delivered is None or (slot is not None and not rules.dateline.match(sentence)):
                return None
            return Context(delivered, delivered, False)
        if kind == "season":  # 本报讯（通讯员…）春节前后，…: of the year the news item was given
            return Context(delivered, delivered, False) if delivered and rules.dateline.match(sentence) else None
        if kind == "as_of":  # 截至2024年底，…；…。: its own sentence's only (structure.py); 截至9月底: the part's year
            year = year_of(slot) if slot is not None else part.year if part.kind == "plan" else report_year
            return Context(year, year, part.kind == "plan" and year > report_year, in_sentence=True, day=True)
        if kind == "now":
            return NOW
        if kind == "past_years":
            years = small_number(slot)
            if 1 < years <= 20 and part.kind != "plan":
                return Context(report_year - years + 1, report_year, False)
    return None
