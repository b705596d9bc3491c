"""Normalised text to sentences, each with its offsets into the text."""

from __future__ import annotations

import re
from itertools import count, repeat
from re import Match
from typing import NamedTuple

# A sentence starts at a non-space character and ends at a full stop, a
# question or exclamation mark, a semicolon (reports chain whole statements
# with ；) or the end of its paragraph; a closing quote stays with it. Without a
# closing mark it ends at its last non-space character.
_SENTENCE = re.compile(r"[^\s。!?;](?:[^。!?;\n]*(?:[。!?;]+[”’\"')]?|[^\s。!?;]))?")


# Inside a sentence, clauses end at commas, semicolons and colons (after NFKC,
# full-width and plain forms both occur). classify and periods both read clauses.
CLAUSE_SPLIT = re.compile(r"[,，;；:：]")


def clause_breaks(sentence: str) -> list[int]:
    """Where the clauses of `sentence` break, in order: found once per sentence, then
    each of its figures finds its own clause with a bisect."""
    return [match.start() for match in CLAUSE_SPLIT.finditer(sentence)]


class Sentence(NamedTuple):
    """A sentence at text[start:end]. A NamedTuple, not a frozen dataclass: a report
    has thousands of sentences, and a tuple is built five times faster."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, without surrounding whitespace, in order.

    Built by map and zip rather than a loop: a report has thousands of sentences.
    """
    matches = list(_SENTENCE.finditer(text))
    fields = zip(count(), map(Match.start, matches), map(Match.end, matches), map(Match.group, matches))
    return list(map(tuple.__new__, repeat(Sentence), fields))
