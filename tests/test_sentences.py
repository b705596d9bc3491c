"""Sentences and their offsets."""

from __future__ import annotations

from etl.sentences import clause_breaks, split_sentences


def test_sentences_end_at_full_stops_semicolons_and_paragraphs():
    text = "甲乙。丙丁;戊\n己庚!"
    assert [s.text for s in split_sentences(text)] == ["甲乙。", "丙丁;", "戊", "己庚!"]


def test_offsets_reproduce_each_sentence():
    text = "全总安排资金24.92亿元。\n慰问职工551.07万人;援助1.05亿元。"
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_a_closing_quote_stays_with_its_sentence():
    assert [s.text for s in split_sentences("他说“好。”然后走了。")] == ["他说“好。”", "然后走了。"]


def test_a_sentence_without_a_closing_mark_ends_at_its_last_character():
    text = "一、总体要求  \n今年 的目标 。"
    assert [(s.start, s.end, s.text) for s in split_sentences(text)] == [
        (0, 6, "一、总体要求"),
        (9, 17, "今年 的目标 。"),
    ]


def test_clause_breaks_are_the_commas_semicolons_and_colons_of_a_sentence():
    sentence = "其中,劳模1689名，先进工作者804名;另有:300名"
    assert clause_breaks(sentence) == (2, 10, 20, 23)
    assert [sentence[i] for i in clause_breaks(sentence)] == [",", "，", ";", ":"]
