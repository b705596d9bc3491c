"""Sentences and their offsets."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.records import Source
from etl.rules.pipeline import process
from etl.text.sentences import MAX_SENTENCE, PIECE, clause_breaks, split_sentences


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


# --- issue 13 item 1 and issue 27: no sentence longer than MAX_SENTENCE, pieces of a longer one at most PIECE ------------------------------------------

ROW = "困难职工帮扶 安排资金{}万元 慰问职工{}人"


def spans(text: str) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, s.text) for s in split_sentences(text)]


def test_the_limit_is_a_thousand_characters_and_a_longer_run_is_cut_into_pieces_of_200():
    assert (MAX_SENTENCE, PIECE) == (1000, 200)
    assert [len(s.text) for s in split_sentences("甲" * 999 + "。")] == [1000]  # within the limit: whole


def test_a_sentence_over_the_limit_is_cut_after_the_last_clause_break_of_each_piece():
    text = "甲" * 150 + "," + "乙" * 100 + "," + "丙" * 800 + "。"
    assert spans(text)[:2] == [(0, 151, "甲" * 150 + ","), (151, 252, "乙" * 100 + ",")]
    assert [len(s.text) for s in split_sentences(text)] == [151, 101, 200, 200, 200, 200, 1]


def test_without_clause_breaks_it_is_cut_at_a_space_which_neither_piece_keeps():
    text = "甲" * 150 + " " + "乙" * 150 + " " + "丙" * 800
    assert spans(text)[:2] == [(0, 150, "甲" * 150), (151, 301, "乙" * 150)]


def test_a_cut_never_falls_inside_a_number():
    # 1,234,567 holds commas and 7万 5千 a space, but neither is a break: the cut comes before the number.
    first, second = split_sentences("甲" * 190 + "1,234,567万元" + "乙" * 1000)[:2]
    assert (first.text, second.text[:11]) == ("甲" * 190, "1,234,567万元")
    first, second = split_sentences("甲" * 196 + "7万 5千人" + "乙" * 1000)[:2]
    assert (first.text, second.text[:6]) == ("甲" * 196, "7万 5千人")


def test_a_run_of_digits_longer_than_the_limit_is_no_number_and_is_cut_at_each_piece():
    assert [len(s.text) for s in split_sentences("1" * 2500)] == [200] * 12 + [100]


def test_words_without_a_break_space_or_number_are_cut_at_each_piece():
    assert [len(s.text) for s in split_sentences("甲" * 1500 + "。")] == [200] * 7 + [101]


def test_a_two_megabyte_line_of_figures_keeps_each_figure_to_a_piece():
    """Memory per file (issue 27): each figure carries its sentence, so a 2 MB line of figures held
    1,000 characters per figure, about 1 GB for a refresh; its pieces are 200 at most."""
    line = "，".join(f"安排资金{i}万元" for i in range(20_000))
    _, figures = process(Source("line.txt", "line", report_year=2024), line.encode("utf-8"))
    assert len(figures) == 20_000
    assert max(len(f.sentence) for f in figures) <= PIECE


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["甲", "乙", "1", "234", ",", ":", " ", "  ", "万", "、", ".5"]), max_size=1500),
    st.sampled_from(["", "。", "\n"]),
)
def test_every_sentence_is_within_the_limit_trimmed_and_at_its_exact_offsets(parts, end):
    text = ("".join(parts) + end) * 3  # up to 6,000 characters without a full stop
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert 0 < len(sentence.text) <= MAX_SENTENCE
        assert sentence.text == sentence.text.strip()


def test_a_table_on_one_line_is_cut_between_its_cells_with_exact_offsets():
    text = " ".join(ROW.format(9326 + i, 1034 + i) for i in range(6600))
    sentences = split_sentences(text)
    assert max(len(s.text) for s in sentences) <= MAX_SENTENCE
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert sentences[0].text.endswith("安排资金9332万元 慰问职工1040人")
    assert sentences[1].text.startswith("困难职工帮扶 安排资金9333万元")


def test_the_figures_of_a_6600_row_table_are_read_row_by_row_within_the_limit():
    rows = "\n".join(ROW.format(9326 + i, 1034 + i) for i in range(6600)) + "\n"
    document, figures = process(Source("table.txt", "table", report_year=2024), rows.encode("utf-8"))
    assert max(len(s.text) for s in split_sentences(document.text)) <= MAX_SENTENCE
    assert max(len(f.sentence) for f in figures) == len("困难职工帮扶 安排资金15925万元 慰问职工7633人")
    assert len(figures) == 13_200
    first, second = figures[:2]
    assert (first.surface, first.value, first.unit, first.category) == ("9326万元", 93_260_000.0, "yuan", "funds")
    assert (second.surface, second.value, second.unit, second.category) == ("1034人", 1034.0, "person", "beneficiaries")
    assert first.sentence == second.sentence == "困难职工帮扶 安排资金9326万元 慰问职工1034人"
    assert document.text[first.sentence_start : first.sentence_end] == first.sentence
    assert document.text[first.char_start : first.char_end] == "9326万元"
    last = figures[-1]
    assert (last.surface, last.sentence) == ("7633人", "困难职工帮扶 安排资金15925万元 慰问职工7633人")
    assert document.text[last.char_start : last.char_end] == "7633人"


def test_a_comma_between_a_digit_and_three_more_is_a_thousands_separator_not_a_break():
    sentence = "每月新臺幣27,470元、每小時183元,本會1,482件,2,150人次"
    assert [sentence[i - 1 : i + 2] for i in clause_breaks(sentence)] == ["元,本", "件,2"]
