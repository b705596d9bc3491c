"""A report's structure: its review and plan parts, and the period each sentence speaks of.

A work report first reviews the year behind it (report_year) and then sets
goals for the year ahead. Which part is which comes from the report's own
top-level headings ("一、2018年工作回顾", "二、2019年工作安排") and wording,
never from line numbers. Inside a part, a sentence that opens with a period
phrase (五年来, 今年, “十三五”时期; data/catalog/period_openers.csv) sets the
period of the sentences after it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from itertools import accumulate, compress, count
from operator import attrgetter, itemgetter

from etl.catalog import Catalog, load_catalog
from etl.catalog.gates import alternation
from etl.records import Context, Part, Sentence
from etl.rules.openers import NOW, opened_context, opener_rules, topic_led
from etl.rules.reaches import TITLE_NOT_ENDING, is_aside, is_headline, item_starts, paragraph_end, sentence_end
from etl.rules.speakers import named_speakers, reported, speaker_turns, starting_at
from etl.rules.this_year import this_year_in_plan
from etl.text.characters import (
    CLOSE_PARENS,
    OPEN_PARENS,
    ORDINAL_NUMERALS,
    SEMICOLONS,
    SENTENCE_STOPS,
)
from etl.text.years import MARKED_YEAR, YEAR, year_of

CHINESE_NUMERALS = ORDINAL_NUMERALS  # headings count one to ten; the position of a numeral is its value less one
TWO = CHINESE_NUMERALS[1]
# A top-level heading is a line of its own: "一、2018年工作回顾", "第二部分 …".
_HEADING = rf"""
    (?:[{CHINESE_NUMERALS}]+、            # 一、
      |第[{CHINESE_NUMERALS}]+部分)       # or 第二部分
    ([^。\n]{{0,60}})$                     # and the heading's words
"""
FIRST_LINE_HEADING = re.compile(_HEADING, re.M | re.VERBOSE)
# Anchored on the line break itself, a literal re finds at C speed, not on ^, which
# re tries at every character.
LATER_LINE_HEADING = re.compile(r"\n" + _HEADING, re.M | re.VERBOSE)
TITLE_LENGTHS = range(1, 31)  # characters of a section's title line
LINE_ENDS = SENTENCE_STOPS + SEMICOLONS  # a line ending so ends a sentence: the next may be a title
# An item of an enumerated list: （一）, 一、, 1., ①, ●
LIST_OPENS = ("：", ":")  # a sentence ending so opens a list
ENUMERATED = re.compile(rf"[{OPEN_PARENS}]?[{CHINESE_NUMERALS}\d]+[{CLOSE_PARENS}、.．]|[①-⑳●•·■◆]")
DELIVERED = re.compile(rf"({YEAR})年\d{{1,2}}月\d{{1,2}}日")


def infer_report_year(text: str, catalog: Catalog | None = None) -> int | None:
    """The year a report reviews, read from its headings, date line or years named."""
    review = _heading_words(catalog or load_catalog())[0]
    for _, heading in top_headings(text):
        if review.search(heading):
            year = MARKED_YEAR.search(heading)
            if year:
                return year_of(year.group(1))
    delivered = DELIVERED.search(text[:500])
    if delivered:
        return year_of(delivered.group(1)) - 1
    years = Counter(map(year_of, MARKED_YEAR.findall(text)))
    return years.most_common(1)[0][0] if years else None


def _heading_words(catalog: Catalog) -> tuple[re.Pattern, re.Pattern]:
    return catalog.compiled(_compile_heading_words)


def _compile_heading_words(catalog: Catalog) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(alternation(catalog.words["review_heading"])), re.compile(
        alternation(catalog.words["plan_heading"])
    )


def top_headings(text: str) -> list[tuple[int, str]]:
    """(start, words after the enumerator) of each top-level heading, in order."""
    first = FIRST_LINE_HEADING.match(text)
    headings = [(0, first.group(1))] if first else []
    headings += [(match.start() + 1, match.group(1)) for match in LATER_LINE_HEADING.finditer(text)]
    return headings


def report_parts(text: str, report_year: int | None, catalog: Catalog | None = None) -> list[Part]:
    """The review and plan parts of a report, in order, covering all of it."""
    catalog = catalog or load_catalog()
    review_words, plan_words = _heading_words(catalog)
    parts: list[Part] = []
    kind, year, first, start = "review", report_year, None, 0
    for heading_start, heading in top_headings(text):
        heading_year = MARKED_YEAR.search(heading)
        review, plan = bool(review_words.search(heading)), bool(plan_words.search(heading))
        # 二、2026年主要工作, in a report on 2025: a heading naming a year still ahead is over plans
        plan = plan or (not review and heading_year is not None and _after(year_of(heading_year.group(1)), report_year))
        # 三、2025年重点财政政策落实情况 after the plans, in a report on 2025: a year reviewed, over no plans
        past = (
            not plan
            and heading_year is not None
            and report_year is not None
            and year_of(heading_year.group(1)) <= report_year
        )
        if review and plan:
            new_kind = "mixed"
        elif (review and kind != "plan") or past:
            new_kind = "review"
        elif plan or kind in ("plan", "mixed"):
            new_kind = "plan"
        else:
            new_kind = kind
        if new_kind == "plan":
            new_year = year_of(heading_year.group(1)) if heading_year else report_year and report_year + 1
            if kind == "plan" and not heading_year:
                new_year = year
        else:
            new_year = report_year
        if heading_start > start:
            parts.append(Part(start, heading_start, kind, year, first))
        first = _first_year_reviewed(heading, report_year, catalog) if new_kind != "plan" else None
        kind, year, start = new_kind, new_year, heading_start
    parts.append(Part(start, len(text), kind, year, first))
    return parts


def _first_year_reviewed(heading: str, report_year: int | None, catalog: Catalog) -> int | None:
    """一、过去五年工作回顾 -> the first of those five years: the heading opens a period as a
    sentence would, up to the year reviewed (二、“十四五”规划中期实施情况和2024年主要目标, in a report on
    2023: 2021); None when it names only the year reviewed (一、2019年工作回顾)."""
    opened = opened_context(heading, Part(0, 0, "review", report_year), report_year, catalog)
    if opened is None or None in (report_year, opened.period_start):  # 目前: no period
        return None
    if not opened.period_start < report_year <= opened.period_end:
        return None
    return opened.period_start


def _holds(context: Context, year: int | None) -> bool:
    return context.period_start is not None and year is not None and context.period_start <= year <= context.period_end


def _after(year: int | None, report_year: int | None) -> bool:
    return report_year is not None and year is not None and year > report_year


def sentence_contexts(
    sentences: list[Sentence],
    parts: list[Part],
    report_year: int | None,
    catalog: Catalog,
    text: str,
    delivered: int | None = None,
) -> list[Context]:
    """For each sentence, the period set by its part and by the last period phrase before it.

    The context changes only where a part, a title or a speaker's turn begins or a sentence opens
    with a period phrase (a look at each first character, run by map in C, leaves the few that may
    to the regex). A phrase naming a year before the one reviewed (2006年，… in a report on 2007) is an
    aside: it holds to its paragraph's end. `delivered`: the year the report was given, if known.
    """
    rules = catalog.compiled(opener_rules)
    starts = list(map(attrgetter("start"), sentences))
    part_begins = [bisect_left(starts, part.start) for part in parts]  # first sentence of each part
    texts = list(map(attrgetter("text"), sentences))
    firsts = list(map(itemgetter(0), texts))
    first_characters = map(rules.first_characters.__contains__, firsts)
    opens, alone, pairs = rules.any_opener.match, rules.alone, rules.first_pairs  # the few left: two characters
    may_open = {i for i in compress(count(), first_characters) if (texts[i][0] in alone or texts[i][:2] in pairs)}
    may_open = {i for i in may_open if opens(texts[i])}
    named = named_speakers(text, starts)  # 李建平：…, read once for both
    may_open.update(reported(text, texts, starts, rules, named), topic_led(text, texts, starts, rules))
    titles = section_titles(text, starts)
    turns = speaker_turns(text, starts, named)
    items = item_starts(text, sentences, firsts)
    contexts: list[Context] = []
    part_index = -1
    current = Context(report_year, report_year, False)
    none = len(sentences) + 1  # no aside: an aside's paragraph may end with the text
    aside_ends, before_aside = none, current  # where an aside's paragraph ends, and what returns
    # the period was opened by a sentence opening a list: ending in a colon, or announcing what follows
    listing = False  # 一年来，我们主要做了以下工作。
    for index in sorted(may_open.union(part_begins, titles, turns, items)):
        if index >= len(sentences):
            break
        if aside_ends <= index:
            contexts.extend([current] * (aside_ends - len(contexts)))
            current, aside_ends = before_aside, none
        contexts.extend([current] * (index - len(contexts)))
        while part_index + 1 < len(parts) and part_begins[part_index + 1] <= index:
            part_index += 1
            current, aside_ends, listing = _part_context(parts[part_index], report_year), none, False
        part = parts[max(part_index, 0)]
        heading = part_index >= 0 and part_begins[part_index] == index  # a part's heading: the part decides
        if index in titles and not heading and not (listing and ENUMERATED.match(texts[index])):
            # 数说2025：, （三）民生实事完成情况: a title ends the period a sentence opened, unless it heads an item
            # of a list that sentence opened (今后五年的主要目标是：\n（一）…)
            current, aside_ends, listing = _title_context(texts[index], part, report_year), none, False
        elif index in turns:  # a speaker's turn: back to its part's period
            current, aside_ends, listing = _part_context(part, report_year), none, False
        elif index in items and current.is_target and part.kind != "plan" and not listing:
            # 下一步，我们将…。\n（二）农业农村加快发展。: the review's next item, no goal
            current, aside_ends = _part_context(part, report_year), none
        if index in may_open:
            opened = opened_context(texts[index], part, report_year, catalog, delivered)
            if opened is not None and current.is_target and _after(opened.period_start, report_year):
                opened = opened._replace(is_target=True)  # 明年…工作：\n据悉，2025年区总工会计划…: still goals
            if opened is not None and opened.day and _holds(current, opened.period_start):
                opened = None  # 截至2022年底，… in a review of 2018-2022: a day of the stretch spoken of
            if opened is NOW:  # 目前全国健在的劳模约2.2万人 after 党的十八大以来…: the aside's period ends
                if aside_ends != none:
                    current, aside_ends = before_aside, none
                elif current.is_target and part.kind != "plan":  # 今后三年，力争…。目前全总已命名…: the present
                    current = _part_context(part, report_year)
            # an aside after an aside (“十一五”期间，…。“十二五”以来，…): an aside of the period before the first
            elif opened is not None and is_aside(opened, current if aside_ends == none else before_aside, report_year):
                if aside_ends == none:
                    before_aside = current
                reach = sentence_end if opened.in_sentence else paragraph_end  # 2024年全省…: its sentence only
                current, aside_ends = opened, reach(sentences, index, text)
            elif opened is not None and (
                opened.in_paragraph or opened.in_sentence or is_headline(sentences[index], text)
            ):
                if aside_ends == none:
                    before_aside = current
                # goals said to follow (今年…的主要预期目标是：…。全年计划…) hold to their paragraph's end, a year with
                # no comma (2024年全省…；培训…。) to its sentence's, a headline's period (五年建成站点1236个) its line's
                reach = paragraph_end if opened.in_paragraph else sentence_end if opened.in_sentence else None
                current, aside_ends = opened, reach(sentences, index, text) if reach else index + 1
            elif opened is not None:
                current, aside_ends = opened, none
                listing = texts[index].endswith(LIST_OPENS) or bool(rules.announces_list(texts[index]))
        contexts.append(current)
    if aside_ends != none:
        contexts.extend([current] * (aside_ends - len(contexts)))
        current = before_aside
    contexts.extend([current] * (len(sentences) - len(contexts)))
    return this_year_in_plan(contexts, sentences, parts, starts, text, catalog)  # 今年 inside a sentence


def section_titles(text: str, starts: list[int]) -> set[int]:
    """The sentences that are a section's title: a line of its own, short, ending in no stop, after a line
    that ends a sentence (not a piece of one a newspaper's layout broke off: …发展的\n主要目标\n是：…).
    Only the short lines are read in Python; their lengths and places are summed in C."""
    lines = text.split("\n")
    ends = list(accumulate(map(len, lines)))  # where each line ends, less the line breaks before it
    titles = set()
    for i in compress(count(), map(TITLE_LENGTHS.__contains__, map(len, lines))):
        words = lines[i].strip()
        if not words or words[-1] in TITLE_NOT_ENDING:
            continue
        before = i - 1
        while before >= 0 and not lines[before].strip():
            before -= 1
        if before >= 0 and lines[before].rstrip()[-1] not in LINE_ENDS:
            continue  # a piece of a sentence broken off
        start = (ends[i - 1] + i if i else 0) + lines[i].index(words[0])
        titles.add(starting_at(starts, start))
    return titles - {None}


A_MONTH = re.compile(r"\d{1,2}月")  # after a title's year: a date (2024年3月12日), no section's year


def _title_context(title: str, part: Part, report_year: int | None) -> Context:
    """The period of a section by its title: the year it names (附件：2025年民生实事完成情况 after the plans, a
    review; 县总工会2026年工作思路 in a review of 2025, plans), else its part's (数说：); a period phrase opening
    it (展望2026年, 五年来) is read after, as any sentence's. A day named (工人日报 2024年3月12日 第04版, a
    newspaper's masthead) is the date of the page, no section's year."""
    named = MARKED_YEAR.search(title)
    if named is None or A_MONTH.match(title, named.end()):
        return _part_context(part, report_year)
    year = year_of(named.group(1))
    return Context(year, year, _after(year, report_year))


def _part_context(part: Part, report_year: int | None) -> Context:
    if part.kind == "plan":
        return Context(part.year, part.year, True)
    if part.first_year is not None:  # a review of the years its heading names
        return Context(part.first_year, report_year, False)
    return Context(report_year, report_year, False)
