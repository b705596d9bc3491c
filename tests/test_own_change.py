"""etl/rules/own_change.py: a change right after the level it changes has that level's years. Sentences
written for these tests in the style of a union's review (none copied from a report)."""

from __future__ import annotations

from .helpers import figures_of


def test_a_change_after_a_level_of_its_own_year_is_of_that_year():
    text = "“十三五”期间累计新发展会员3260万人，其中2020年新发展会员620万人，比上年增长8.4%。"
    assert [(f.surface, f.period_start, f.period_end) for f in figures_of(text, 2020)] == [
        ("3260万人", 2016, 2020),
        ("620万人", 2020, 2020),
        ("8.4%", 2020, 2020),  # the growth of the 620万人, not of the five years
    ]


def test_a_change_with_a_subject_of_its_own_keeps_the_sentences_years():
    text = "“十三五”期间累计新发展会员3260万人，其中2020年新发展会员620万人，会员总数比“十二五”末增长8.4%。"
    assert [(f.surface, f.period_start, f.period_end) for f in figures_of(text, 2020)][-1] == ("8.4%", 2016, 2020)
