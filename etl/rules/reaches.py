"""How far a period phrase opening a sentence holds: an aside (a past year, a look back) to its
paragraph's end, a headline's to its line's, a year with no comma (2024年全省…；培训…。) or a day
(截至2024年底，) to its sentence's; anything else until the next phrase, or, for goals a sentence opened
in a review (下一步，我们将…), until the review's next item on a line of its own (（二）…: only the
parenthesised items, which a review's sections number; structure.py's ENUMERATED reads all forms)."""

from __future__ import annotations

import re
from itertools import compress, count

from etl.records import Context, Sentence
from etl.text.characters import CLOSE_PARENS, OPEN_PARENS, ORDINAL_NUMERALS, SEMICOLONS, SENTENCE_STOPS

TITLE_NOT_ENDING = SENTENCE_STOPS + SEMICOLONS + "，,、的"  # a line ending so is a sentence or a piece of one
DIGIT = re.compile(r"\d")  # a headline states a figure; a heading states none
# An item of a section's list: （二）农业农村加快发展。
ITEM = re.compile(rf"[{OPEN_PARENS}][{ORDINAL_NUMERALS}]+[{CLOSE_PARENS}]")
INDENT = " \t\u3000"  # before an item on a line of its own


def is_aside(opened: Context, current: Context, report_year: int | None) -> bool:
    """A past year before the one reviewed, not a stretch of the review itself; the last years, two or
    more, of the stretch reviewed (近两年 in a review of five; 过去一年 turns the review to its last year,
    no aside); or a look back from the plans (去年以来…): each holds to the end of its paragraph."""
    if report_year is None or opened.period_end is None or opened.is_target:
        return False
    inside = (
        current.period_start is not None
        and opened.period_end == current.period_end
        and current.period_start < opened.period_start < opened.period_end
    )
    # 自2019年…以来 in a year's review; 党的十八大以来 in a review of 2019-2023: reaching back before its first year
    look_back = opened.look_back and (
        current.period_start == current.period_end
        or (current.period_start is not None and opened.period_start < current.period_start)
    )
    return opened.period_end < report_year or inside or current.is_target or look_back


def is_headline(sentence: Sentence, text: str) -> bool:
    """A line of its own, ending in no stop, that states a figure: a news item's headline, not a
    section's heading (二、“十四五”时期工作回顾), whose period holds over the section."""
    return (
        sentence.text[-1:] not in TITLE_NOT_ENDING
        and text[sentence.end : sentence.end + 1] in ("\n", "")
        and text[sentence.start - 1 : sentence.start] in ("\n", "")
        and DIGIT.search(sentence.text) is not None
    )


def sentence_end(sentences: list[Sentence], index: int, text: str) -> int:
    """The index of the sentence after the one, of pieces split at ；, that `index` opens."""
    following = index + 1
    while following < min(paragraph_end(sentences, index, text), len(sentences)) and (
        sentences[following - 1].text[-1:] not in SENTENCE_STOPS
    ):
        following += 1
    return following


def paragraph_end(sentences: list[Sentence], index: int, text: str) -> int:
    """The index of the first sentence after `index` that opens a new line of `text`."""
    following = index + 1
    while following < len(sentences) and "\n" not in text[sentences[following - 1].end : sentences[following].start]:
        following += 1
    return following


def item_starts(text: str, sentences: list[Sentence], firsts: list[str]) -> set[int]:
    """The sentences that open an item of a section's list on a line of their own (（二）农业农村加快发展。):
    in a review, where the goals the item before ended on (下一步，我们将…) end. `firsts`: each sentence's
    first character; only those opening with a parenthesis (a look at each, by map in C) are read."""
    found = set()
    for index in compress(count(), map(OPEN_PARENS.__contains__, firsts)):
        sentence = sentences[index]
        before = sentence.start
        while before and text[before - 1] in INDENT:
            before -= 1
        if (not before or text[before - 1] == "\n") and ITEM.match(sentence.text):
            found.add(index)
    return found
