"""The numbers that are no mentions, though a unit may follow them.

Thresholds inside a name (百人以上企业, 超千万人次的机场), codes (PM2.5, 12351,
%28) and numbers inside quotes or titles ("四个意识", 《…》) are parts of
words, not figures of the report.
Stop words (data/catalog/stop_words.csv) name the rest: years, dates, ordinals.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from etl.catalog import Catalog
from etl.catalog.gates import alternation, holds_any
from etl.text.characters import CLAUSE_ENDS, CLOSE_QUOTES, LETTER, OPEN_QUOTES, SINGLE_NUMERALS

# Words that make a number with 以上/以下 a threshold inside a name (百人以上企业).
NAME_AFTER_THRESHOLD = re.compile(
    r"""
    (?:以上|以下)               # a threshold
    (?=[^\W\d_])               # followed by a word: the name of a class
    (?!的?(?:目标|水平|增长|左右))  # unless it is the threshold of a goal or a level
    """,
    re.VERBOSE,
)
CLASS_AFTER_THRESHOLD = "的"  # 超千万人次的机场: an at-least amount before 的 names a class
CLASS_REACH = 40  # characters either side in which a class threshold's clause is read
# …的机场 of which there are 4: 第4个, 达4个, 有4座.
COUNT_OF_CLASS = re.compile(
    rf"""
    (?:第|达|有)              # the count of a class: its rank or its number
    [0-9{SINGLE_NUMERALS}]+   # in digits or numerals
    [个家座所]                # with the measure word of a place or a body
    """,
    re.VERBOSE,
)
CODE_BEFORE = "./#%=&?_"  # PM2.5, V2.0, %28: a number after these is part of a code
CALL_NUMBER_DIGITS = 5  # 12351, 12345: a number this long named as a line to call is its number


def call_number(catalog: Catalog) -> re.Pattern:
    """开通12351职工服务热线: the words after a long number that name it a line to call (words.csv)."""
    return re.compile(
        rf"""
        {LETTER}{{0,6}}?                                  # whose line: 职工服务
        (?:{alternation(catalog.words["call_line"])})     # a hotline, a service desk
        """,
        re.VERBOSE,
    )


def is_call_number(text: str, token: str, end: int, catalog: Catalog) -> bool:
    """12351职工服务热线, 12345热线: a long run of digits named a line to call is no figure."""
    return len(token) >= CALL_NUMBER_DIGITS and token.isdigit() and bool(catalog.compiled(call_number).match(text, end))


def excluded_before(text: str, start: int, catalog: Catalog) -> bool:
    """第七届, 以下10个方面, PM2.5, %28: a stop word (stop_words.csv) or a code stands before the number."""
    if start == 0:
        return False
    before = text[start - 1]
    if before in catalog.stop_before:
        return True
    if catalog.stop_before_words and text.endswith(catalog.stop_before_words, max(0, start - 4), start):
        return True  # 以下10个方面: the report's own sections
    # Codes and models: PM2.5, G20, 5G, V2.0, %28 in an address.
    return before.isascii() and (before.isalpha() or before in CODE_BEFORE)


def class_threshold(text: str, start: int, end: int, catalog: Catalog) -> bool:
    """吞吐量超千万人次的机场, 投资超5亿元的项目已达4个: an at-least amount before 的 names a
    class when its clause also counts members of the class (第4个, 达4个)."""
    if not text.startswith(CLASS_AFTER_THRESHOLD, end):
        return False
    if catalog.qualifiers_before.at_end(text[max(0, start - 12) : start]) != "at_least":
        return False
    window = max(0, start - CLASS_REACH), min(len(text), end + CLASS_REACH)  # bounded: tables have no commas
    clause_start = max(text.rfind(c, window[0], start) for c in CLAUSE_ENDS) + 1 or window[0]
    found = [i for i in (text.find(c, end, window[1]) for c in CLAUSE_ENDS) if i >= 0]
    clause_end = min(found, default=window[1])
    return COUNT_OF_CLASS.search(text, clause_start, clause_end) is not None and not (COUNT_OF_CLASS.match(text, start))


def _positions_of(characters: str, text: str) -> list[int]:
    """Where any of a few `characters` stand in `text`, in order.

    str.find looks for one character at C speed without a regular expression, and
    quote marks are rare.
    """
    positions = []
    for character in characters:
        at = text.find(character)
        while at >= 0:
            positions.append(at)
            at = text.find(character, at + 1)
    positions.sort()
    return positions


class QuotedSpans:
    """The stretches of a text inside quotation marks or a title (《…》), per paragraph.

    Found once per document, so that asking about a mention costs a bisect,
    not a scan of its paragraph.
    """

    def __init__(self, text: str):
        spans: list[tuple[int, int]] = []
        depth, opened, previous = 0, 0, 0
        # Only quote marks are visited; an open quote ends with its paragraph (a line).
        for at in _positions_of(OPEN_QUOTES + CLOSE_QUOTES, text):
            if depth:
                line_end = text.find("\n", previous, at)
                if line_end >= 0:
                    spans.append((opened, line_end))
                    depth = 0
            previous = at
            if text[at] in OPEN_QUOTES:
                if depth == 0:
                    opened = at
                depth += 1
            elif depth:
                depth -= 1
                if depth == 0:
                    spans.append((opened, at + 1))
        if depth:
            line_end = text.find("\n", opened)
            spans.append((opened, line_end if line_end >= 0 else len(text)))
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]


RANK_REACH = 40  # characters before the number that a ranking word may stand in


def rank_move(text: str, start: int, catalog: Catalog) -> bool:
    """排名上升3位, 位次前移2名: places moved in a ranking (a rank_word of words.csv in the clause
    before the number), no count of people, though 位 and 名 count people elsewhere (3位院士)."""
    rank_word = catalog.compiled(_rank_words)
    window = text[max(0, start - RANK_REACH) : start]
    if not rank_word(window):  # most counts of people: no ranking near, no clause to find
        return False
    return bool(rank_word(window[max(map(window.rfind, CLAUSE_ENDS)) + 1 :]))


def _rank_words(catalog: Catalog):
    return holds_any(catalog.words["rank_word"])
