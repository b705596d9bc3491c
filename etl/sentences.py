"""Normalised text to sentences, each with its offsets into the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at a full stop, a question or exclamation mark, a semicolon
# (reports chain whole statements with ；) or the end of a paragraph.
_SENTENCE = re.compile(r"[^。!?;\n]*(?:[。!?;]+[”’\"')]?|\n|$)")


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of `text`, without surrounding whitespace, in order."""
    sentences: list[Sentence] = []
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences
