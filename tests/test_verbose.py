"""A re.VERBOSE pattern without its layout reads as re reads it; its first-character gate matches as it does."""

from __future__ import annotations

import re

from etl.catalog.gates import first_characters, with_first_character_gate
from etl.catalog.verbose import without_layout
from etl.rules.periods import AS_OF, COMING_YEARS, FIRST_YEARS

LAID_OUT = r"""
    (?:今后|未来)   # the coming
    [ #]\#          # a space or # in a class, an escaped #
    \ 年            # an escaped space
    [^]#]           # a ] right after [^
"""


def test_whitespace_and_comments_go_classes_and_escapes_stay():
    assert without_layout(LAID_OUT) == r"(?:今后|未来)[ #]\#\ 年[^]#]"


def test_the_rules_verbose_patterns_read_the_same_without_layout():
    texts = [
        "今明两年职业技能培训",
        "三年内再支持5000所",
        "用两年时间提高到100元",
        "截至2020年11月底",
        "“十一五”前四年",
    ]
    for pattern in (COMING_YEARS, AS_OF, FIRST_YEARS):
        plain = re.compile(without_layout(pattern.pattern))
        for text in texts:
            assert [m.group() for m in plain.finditer(text)] == [m.group() for m in pattern.finditer(text)]


def test_a_verbose_pattern_gets_its_gate_and_keeps_its_groups():
    assert first_characters("(?:今后|未来)  # the coming\n  \\ 年  # an escaped space", re.VERBOSE) == {"今", "未"}
    gated = with_first_character_gate("(今后|未来)([0-9]+)年  # the coming n years", re.VERBOSE)
    assert gated.pattern.startswith("(?=[今未])")
    assert gated.search("在今后3年内").groups() == ("今后", "3")
    assert COMING_YEARS.search("今后五年新增").group(1) == "五"
