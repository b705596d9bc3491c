"""etl/rules/speakers.py: who reports or speaks a sentence, and the turns of a transcript. Lines written
for these tests in the style of a ministry's press conference (none copied from a transcript)."""

from __future__ import annotations

from .helpers import figures_of


def test_a_period_phrase_after_a_speakers_name_opens_its_period():
    (graduates,) = figures_of("李建平：2023年，高校毕业生规模预计达到1158万人。", 2022, published_on="2022-12-20")
    assert (graduates.period_start, graduates.period_end) == (2023, 2023)


def test_a_speakers_turn_ends_the_period_the_speaker_before_opened():
    text = "王林：2023年，全国城镇新增就业预计达到1200万人。\n李建平：全国零工市场已建成约3000家。"
    assert [(f.surface, f.period_start) for f in figures_of(text, 2022, published_on="2022-12-20")] == [
        ("1200万人", 2023),
        ("3000家", 2022),  # a new turn: the year reviewed again, not the 2023 of the answer before
    ]


def test_a_colon_near_the_texts_start_is_no_speaker():
    assert figures_of(":", 2022) == []
    assert [f.surface for f in figures_of("李:全年新增就业12万人。", 2022)] == ["12万人"]  # one letter: no name
