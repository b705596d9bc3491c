"""The candidate pattern, which reads a number's first character by a class and the rest behind it,
finds what the pattern as written at the number's first character finds."""

from __future__ import annotations

import random
import re

from etl.catalog import load_catalog
from etl.catalog.gates import alternation
from etl.rules.candidates import candidate_pattern, candidate_start
from etl.text.characters import DECIMAL_POINT, NUMERAL_CHARACTERS
from etl.text.numbers import NUMERAL, PERCENT_WORDS

CATALOG = load_catalog()


def _as_written() -> re.Pattern:
    """(?=candidate_start)(?:percent words|NUMERAL): what the pattern was before it led with a class."""
    percent = rf"""
        (?P<pct>{alternation(PERCENT_WORDS)})
        (?:[{NUMERAL_CHARACTERS}{DECIMAL_POINT}]+ | \d{{1,3}}(?:,\d{{3}})+(?:\.\d+)? | \d+(?:\.\d+)?)
    """
    return re.compile(f"(?={candidate_start(CATALOG)})(?:{percent}|{NUMERAL.pattern})", re.VERBOSE)


def _found(pattern: re.Pattern, text: str) -> list[tuple[int, int, int]]:
    return [(m.start(), m.end(), m.end("pct")) for m in pattern.finditer(text)]


def test_the_candidate_pattern_finds_what_the_pattern_as_written_finds():
    written, fast = _as_written(), candidate_pattern(CATALOG)
    qualifiers = "".join(w for w, _ in (*CATALOG.qualifiers_before.entries, *CATALOG.qualifiers_after.entries))
    alphabet = [*"0123456789,.% 点分之个人元家吨次年号", *NUMERAL_CHARACTERS, *qualifiers, *list(CATALOG.units)[:40]]
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert _found(fast, text) == _found(written, text), text


def test_a_percent_word_is_its_whole_word():
    match = candidate_pattern(CATALOG).match("百分之十五")
    assert match.group() == "百分之十五" and match.end("pct") == 3
    assert candidate_pattern(CATALOG).match("千分之1,250").group() == "千分之1,250"
