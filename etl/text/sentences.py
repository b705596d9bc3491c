"""Normalised text to sentences, each with its offsets into the text, and the
named slices of a sentence around each mention (records.Around)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import count, repeat
from operator import attrgetter, sub
from re import Match

from etl.records import Around, Mention, Sentence
from etl.text.characters import CLAUSE_BREAKS, LIST_MARK

# A sentence starts at a non-space character and ends at a full stop, a
# question or exclamation mark, a semicolon (reports chain whole statements
# with ；) or the end of its paragraph; a closing quote stays with it. Without a
# closing mark it ends at its last non-space character.
_SENTENCE = re.compile(
    r"""
    [^\s。!?;]                      # a sentence starts at a non-space character
    (?:
        [^。!?;\n]*                  # runs to the end of its paragraph at most
        (?:
            [。!?;]+[”’"')]?        # and ends at its closing marks, a closing quote kept
          | [^\s。!?;]               # or, without one, at its last non-space character
        )
    )?
    """,
    re.VERBOSE,
)

# Inside a sentence, clauses end at commas, semicolons and colons (characters.CLAUSE_BREAKS),
# but for a colon between digits (clause_breaks): 2.50:1 is a ratio (and 10:30 a time), one clause.
# A clause break; not a comma between a digit and three more (新臺幣27,470元, 4,320人次: a thousands separator)
# (the class first, so that re skips to a break at C speed; the lookahead asks a comma only)
CLAUSE_SPLIT = re.compile(f"[{CLAUSE_BREAKS}](?!(?<=\\d,)\\d{{3}}(?!\\d))")
_DIGIT_COLON = re.compile(r"(?<=\d):(?=\d)")
LIST_ITEM = LIST_MARK  # separates the items of a list inside a clause


# The longest sentence kept whole, in characters. A report's own sentences stay
# far below it (the longest in the corpus has 482), while a table pasted as text
# or a page without 。 can run on for 100,000: each figure's work reads its
# sentence up to the figure and every figure row stores it, so a longer one is cut.
MAX_SENTENCE = 1000
# A sentence over MAX_SENTENCE is no prose (a table or a page run into one line): it is cut into
# pieces of at most PIECE characters, clause by clause as far as it has clauses. Every figure keeps
# its sentence, so the piece bounds what a figure costs in memory, whatever the file's shape: a 2 MB
# line of figures held 1,000 characters per figure (about 1 GB) before.
PIECE = 200
# Where an over-long sentence is cut, best first; never inside a number. The
# piece ends where the match ends, without its trailing space.
_CUTS = tuple(
    re.compile(pattern, re.VERBOSE)
    for pattern in (
        r"""
        (?<!\d)[,，;；:：]             # after a clause break
      | [,，;；:：](?!\d)              # that is not inside a number: 1,234 and 10:30
        """,
        r"""
        (?<![\d万亿千百十零])[ ]         # else at a space between cells
      | [ ](?!\d)                      # that is not inside a number: 7万 5千
        """,
        r"""
        (?<![\d.,%万亿千百十零 ])(?=\d)   # else before a number (7万 5千 is one)
        """,
    )
)


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, without surrounding whitespace, in order, none
    longer than MAX_SENTENCE characters.

    Built by map and zip rather than a loop: a report has thousands of sentences.
    """
    matches = list(_SENTENCE.finditer(text))
    starts, ends = list(map(Match.start, matches)), list(map(Match.end, matches))
    if max(map(sub, ends, starts), default=0) > MAX_SENTENCE:
        spans = [piece for start, end in zip(starts, ends, strict=True) for piece in bounded(text, start, end)]
        starts, ends = [start for start, _ in spans], [end for _, end in spans]
        texts = map(text.__getitem__, map(slice, starts, ends))
    else:
        texts = map(Match.group, matches)  # each sentence's text as its match holds it
    return list(map(tuple.__new__, repeat(Sentence), zip(count(), starts, ends, texts)))


def bounded(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentence at text[start:end], over MAX_SENTENCE characters, in pieces of at most PIECE
    characters, each without surrounding spaces, cut at the best place _CUTS finds."""
    while end - start > PIECE:
        cut = _cut(text, start, start + PIECE)
        piece_end = cut
        while text[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = cut
        while text[start].isspace():
            start += 1
    yield start, end


def _cut(text: str, start: int, stop: int) -> int:
    """Where a piece of a sentence that starts at `start` ends, at `stop` at the latest.

    A piece with no break, space or number to end at ends at `stop`: inside a
    number only when all of it is digits, and a run of 1,000 digits is no number.
    """
    for pattern in _CUTS:
        cut = max((m.end() for m in pattern.finditer(text, start, stop + 1) if start < m.end() <= stop), default=0)
        if cut:
            return cut
    return stop


def clause_breaks(sentence: str) -> tuple[int, ...]:
    """Where the clauses of `sentence` break, in order; a colon between digits (2.50:1) is none."""
    breaks = tuple(map(Match.start, CLAUSE_SPLIT.finditer(sentence)))
    if ":" in sentence:
        ratios = {match.start() for match in _DIGIT_COLON.finditer(sentence)}
        if ratios:
            return tuple(b for b in breaks if b not in ratios)
    return breaks


def arounds(sentences: list[Sentence], mentions: list[Mention]) -> Iterator[Around]:
    """The slices around each mention, in order: a sentence's clause breaks are found
    once, then each of its mentions finds its own clause with a bisect."""
    starts = list(map(attrgetter("start"), sentences))
    current, breaks = None, ()
    for mention in mentions:
        sentence = sentences[bisect_right(starts, mention.char_start) - 1]
        if sentence is not current:
            current, breaks = sentence, clause_breaks(sentence.text)
        yield around(sentence, breaks, mention.char_start, mention.char_end)


def around(sentence: Sentence, breaks: tuple[int, ...], start: int, end: int) -> Around:
    """The slices of `sentence` around text[start:end] (see records.Around)."""
    text = sentence.text
    offset, end_offset = start - sentence.start, end - sentence.start
    in_clause = bisect_left(breaks, offset)  # breaks before the mention
    clause_before = text[breaks[in_clause - 1] + 1 if in_clause else 0 : offset]
    phrase = clause_before.rsplit(LIST_ITEM, 1)[-1]
    next_break = bisect_left(breaks, end_offset, in_clause)
    clause_after = text[end_offset : breaks[next_break] if next_break < len(breaks) else None]
    item = phrase + clause_after.split(LIST_ITEM, 1)[0]  # 高速公路6700多公里、农村公路29万公里
    # Made as split_sentences makes a Sentence, by tuple.__new__: a NamedTuple's own __new__ is a Python function.
    return tuple.__new__(
        Around,
        (sentence, offset, end_offset, text[:offset], clause_before, clause_after, phrase, item, breaks, in_clause),
    )
