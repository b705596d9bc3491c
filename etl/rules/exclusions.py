"""The numbers that are no mentions, decided before their unit is known.

Codes (PM2.5, %28) and numbers inside quotes or titles ("四个意识", 《…》) are parts of
words, not figures of the report; quoted speech is (see _speech). Stop words (data/catalog/stop_words.csv) name the rest:
years, dates, ordinals, and an approximate order of magnitude (上百家, 数万: a word before a
numeral, `before_numeral`, which does not stop digits: 迈上6万亿元台阶). What is no figure
though its unit is known (百人以上企业, 排名上升3位, 12351职工服务热线) is the rule table of
not_figure_rules.csv (not_figures.py).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import repeat

from etl.catalog import Catalog
from etl.rules.compounds import noun_ending_at
from etl.text.characters import (
    CLOSE_QUOTES,
    MAGNITUDE_CHARACTERS,
    OPEN_QUOTES,
    SEMICOLONS,
    SENTENCE_STOPS,
    SINGLE_CLOSE_QUOTE,
    SINGLE_OPEN_QUOTE,
)

CODE_BEFORE = "./#%=&?_"  # PM2.5, V2.0, %28: a number after these is part of a code
# Quoted words are a name (“十四五”, “两不愁、三保障”, “稳就业，保民生”, 《…》); quoted speech is the report's own
# statement, its figures the report's: words in quotation marks (not a title's 《》) holding a sentence's stop
# (“下一步，我们将力争…工会驿站达到1000座。”). A quote or a title inside speech is a name again.
SPEECH_STOP = re.compile(f"[{SENTENCE_STOPS}{SEMICOLONS}]")
TITLE_OPEN = "《"  # a title's words are never speech, whatever they hold
INNER_OPEN, INNER_CLOSE = (
    OPEN_QUOTES + SINGLE_OPEN_QUOTE,
    CLOSE_QUOTES + SINGLE_CLOSE_QUOTE,
)  # the marks of a name inside speech


def excluded_before(text: str, start: int, catalog: Catalog) -> bool:
    """第七届, 以下10个方面, 上百家, PM2.5, %28: a stop word (stop_words.csv) or a code stands before
    the number (a word `before_numeral` only before an order of magnitude: 上百家, not 迈上6万亿元 nor 人数三百六十人)."""
    if start == 0:
        return False
    before = text[start - 1]
    if before in catalog.stop_before:
        return not noun_ending_at(text, start, catalog)  # 博士后2360人: the 后 ends a noun, no ordinal
    if before in catalog.stop_before_numeral and text[start] in MAGNITUDE_CHARACTERS:
        return True  # 上百家, 数十个; not 人数三百六十人, nor 迈上6万亿元
    if before in catalog.compiled(_stop_word_ends) and text.endswith(
        catalog.stop_before_words, max(0, start - 4), start
    ):
        return True  # 以下10个方面: the report's own sections
    # Codes and models: PM2.5, G20, 5G, V2.0, %28 in an address.
    return before.isascii() and (before.isalpha() or before in CODE_BEFORE)


def _stop_word_ends(catalog: Catalog) -> frozenset[str]:
    """The last characters of the stop words of more than one character: a number after any other
    character follows none of them, and is spared the endswith over all of them (most numbers)."""
    return frozenset(word[-1] for word in catalog.stop_before_words)


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
        self.text = text
        self.speech: dict[int, bool] = {}  # by span: whether a closed quote is speech, read when a number is in it
        self.closed: set[int] = set()  # the spans a closing quote ended (an open one runs to its line's end)
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
                    self.closed.add(len(spans))
                    spans.append((opened, at + 1))
        if depth:
            line_end = text.find("\n", opened)
            spans.append((opened, line_end if line_end >= 0 else len(text)))
        self.starts = [s for s, _ in spans]
        self.ends = [e for _, e in spans]

    def covers(self, pos: int) -> bool:
        i = bisect_right(self.starts, pos) - 1
        if i < 0 or pos >= self.ends[i]:
            return False
        if i not in self.closed:
            return True
        speech = self.speech.get(i)
        if speech is None:
            speech = self.speech[i] = _speech(self.text, self.starts[i] + 1, self.ends[i] - 1)
        return not speech or _in_inner_name(self.text, self.starts[i] + 1, pos)


def _speech(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], the words inside a pair of quotes, is speech rather than a name (read in
    place: one regex search, no copy of the words)."""
    return text[start - 1] != TITLE_OPEN and SPEECH_STOP.search(text, start, end) is not None


def _in_inner_name(text: str, start: int, pos: int) -> bool:
    """Whether `pos`, inside speech that starts at `start`, stands inside a quote or a title of its own
    (他说：“‘十四五’期间…落实‘两个确保’…。”): the last mark opened before it is not closed yet."""
    opened = max(map(text.rfind, INNER_OPEN, repeat(start), repeat(pos)))
    return opened >= 0 and opened > max(map(text.rfind, INNER_CLOSE, repeat(start), repeat(pos)))
