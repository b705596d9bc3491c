"""A fact stated twice is one row, identified by what it says."""

from __future__ import annotations

from .helpers import figures_of

PARAGRAPH = "全总对乡镇(街道)工会专项补助经费1.57亿元，年度新增社会化工会工作者3357人。"


def test_a_repeated_paragraph_gives_one_fact_with_mentions_counted():
    figures = figures_of(PARAGRAPH + "\n其他内容。\n" + PARAGRAPH)
    assert [(f.surface, f.mentions) for f in figures] == [("1.57亿元", 2), ("3357人", 2)]


def test_the_first_statement_keeps_its_offsets():
    text = PARAGRAPH + "\n" + PARAGRAPH
    first = figures_of(text)[0]
    assert (first.char_start, first.char_end) == (text.index("1.57亿元"), text.index("1.57亿元") + len("1.57亿元"))


def test_the_same_value_counting_something_else_is_another_fact():
    figures = figures_of("新建职工书屋200家。\n新建工会驿站200家。")
    assert [(f.label, f.mentions) for f in figures] == [("新建职工书屋", 1), ("新建工会驿站", 1)]


def test_the_id_of_a_fact_does_not_depend_on_its_position():
    a = figures_of("甲。\n" + PARAGRAPH)
    b = figures_of(PARAGRAPH + "\n乙。")
    assert [f.figure_id for f in a] == [f.figure_id for f in b]
