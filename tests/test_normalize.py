"""Normalised text: NFKC, broken lines joined, headings kept apart."""

from __future__ import annotations

from etl.normalize import normalize


def test_nfkc_turns_full_width_digits_and_punctuation_plain():
    assert normalize("４５．８万，增长５％") == "45.8万,增长5%"


def test_a_number_cut_from_its_unit_is_joined():
    assert normalize("安排资金4.6\n\n亿元。") == "安排资金4.6亿元。"


def test_a_sentence_broken_by_the_layout_is_joined():
    assert normalize("加强政治机关意识教育,广泛创建“忠诚\n\n党的事业、竭诚服务职工”模范政治机关。") == (
        "加强政治机关意识教育,广泛创建“忠诚党的事业、竭诚服务职工”模范政治机关。"
    )


def test_headings_and_finished_sentences_keep_their_lines():
    assert normalize("一、2018年工作回顾\n过去一年是开局之年。\n(上接第1版)\n(一)认真学习") == (
        "一、2018年工作回顾\n过去一年是开局之年。\n(上接第1版)\n(一)认真学习"
    )


def test_crlf_and_lone_cr_line_ends():
    assert normalize("甲。\r\n乙。\r丙。") == "甲。\n乙。\n丙。"


def test_indentation_and_blank_lines_go():
    assert normalize("\u3000\u3000各位代表：\n\n\n\u3000\u3000现在。") == "各位代表:\n现在。"
