"""Normalised text: NFKC, broken lines joined, headings kept apart."""

from __future__ import annotations

import pytest

from etl.records import Source
from etl.rules.pipeline import process
from etl.text.normalize import normalize


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


@pytest.mark.parametrize(
    "heading",
    [
        "附件:2025年省政府民生实事完成情况",
        "县总工会2026年工作思路",
        "三、2025年重点财政政策落实情况",
        "2024年预算执行情况",
        "附:2025年十件民生实事办理情况",  # how the tasks were done
        "陸、115年度施政重點",  # counted in financial numerals, as Taiwan's reports do
        "(肆)勞動檢查",
    ],
)
def test_a_heading_over_a_sections_plans_or_results_keeps_its_line(heading):
    assert normalize(f"{heading}\n全年新建驿站12个。") == f"{heading}\n全年新建驿站12个。"


def test_crlf_and_lone_cr_line_ends():
    assert normalize("甲。\r\n乙。\r丙。") == "甲。\n乙。\n丙。"


def test_indentation_and_blank_lines_go():
    assert normalize("\u3000\u3000各位代表：\n\n\n\u3000\u3000现在。") == "各位代表:\n现在。"


# --- issue 13 item 8: characters a reader does not see -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("全总安排资金1\u00a0234万元。", "1234万元", 12_340_000.0),  # no-break space
        ("全总安排资金1\u2009234万元。", "1234万元", 12_340_000.0),  # thin space
        ("全总安排资金1\u202f234\u202f567元。", "1234567元", 1_234_567.0),  # narrow no-break spaces
        ("全总安排资金12\u200b34万元。", "1234万元", 12_340_000.0),  # zero-width space
        ("全总安排资金12\u00ad34万元。", "1234万元", 12_340_000.0),  # soft hyphen
        ("全总安排资金12\x0034万元。", "1234万元", 12_340_000.0),  # NUL
        ("全总安排资金1\u00a0\u200b234万元。", "1234万元", 12_340_000.0),  # both at once
    ],
    ids=["nbsp", "thin-space", "narrow-nbsp", "zero-width-space", "soft-hyphen", "nul", "nbsp-and-zwsp"],
)
def test_an_invisible_character_inside_a_number_does_not_change_its_value_and_offsets_stay_exact(text, surface, value):
    document, figures = process(Source("s.txt", "s", report_year=2020), text.encode("utf-8"))
    assert [(f.surface, f.value) for f in figures] == [(surface, value)]
    f = figures[0]
    assert document.text[f.char_start : f.char_end] == surface
    assert document.text == "全总安排资金" + surface + "。"


def test_a_no_break_space_between_years_or_words_stays_a_space():
    assert normalize("2019\u00a02020年") == "2019 2020年"
    assert normalize("资金\u00a0100万元") == "资金 100万元"


def test_line_and_page_separators_break_lines():
    assert normalize("第一段。\u2028第二段。\x0c第三段。\u2029第四段。") == "第一段。\n第二段。\n第三段。\n第四段。"


# --- issue 13 item 1: tables pasted as text ----------------------------------------------------------


def test_each_row_of_a_table_pasted_as_text_keeps_its_line():
    rows = "困难职工帮扶 安排资金9326万元 慰问职工1034人\n困难职工帮扶  安排资金9327万元\t慰问职工1035人"
    assert normalize(rows) == (
        "困难职工帮扶 安排资金9326万元 慰问职工1034人\n困难职工帮扶 安排资金9327万元 慰问职工1035人"
    )


def test_a_row_with_thousands_separators_is_still_a_row():
    assert normalize("地区生产总值 1,234亿元 增长5.2%\n一般公共预算收入 567亿元") == (
        "地区生产总值 1,234亿元 增长5.2%\n一般公共预算收入 567亿元"
    )


def test_a_communiques_title_and_its_date_line_keep_their_lines():
    text = "2025年国民经济和社会发展统计公报\n全市统计局\n2026年3月10日\n年末全市就业人员486.5万人。"
    assert normalize(text) == text


def test_a_signature_line_is_not_joined_to_the_date_under_it():
    assert normalize("国务院总理 温家宝\n2010年3月5日") == "国务院总理 温家宝\n2010年3月5日"


def test_a_broken_line_with_a_space_before_its_unit_is_still_joined():
    assert normalize("认定事项149 项,\n取消评比达标表彰项目29项。") == "认定事项149 项,取消评比达标表彰项目29项。"


def test_latin_words_apart_by_spaces_are_prose_and_join_with_a_space():
    assert normalize("The economy grew\nsteadily.") == "The economy grew steadily."


def test_two_lines_of_digits_are_never_joined_into_one_number():
    assert normalize("附件1\n2026年省十件民生实事") == "附件1\n2026年省十件民生实事"
    assert normalize("12345\n67890") == "12345\n67890"


def test_a_long_column_of_digits_keeps_one_number_a_line():
    column = "".join(f"{i:010d}{i * 7919 % 10**10:010d}\n" for i in range(60_000))
    lines = normalize(column).split("\n")
    assert len(lines) == 60_000
    assert lines[1] == "00000000010000007919"


def test_a_long_paragraph_broken_over_many_lines_is_joined_whole():
    broken = "\n".join(["全年共安排资金"] + ["用于困难职工帮扶和慰问,"] * 5000 + ["共计9326万元。"])
    assert normalize(broken) == "全年共安排资金" + "用于困难职工帮扶和慰问," * 5000 + "共计9326万元。"


@pytest.mark.parametrize("opener", ["本报讯（记者 于洋）", "新华社北京1月8日电 ", "【厅长】"])
def test_a_headline_ends_before_a_dateline_or_a_speaker(opener):
    text = f"青岛：12.6万名新就业形态劳动者\n“扎根”工会大家庭\n\n{opener}全市累计吸纳劳动者入会12.6万名。"
    assert normalize(text).split("\n")[0] == "青岛:12.6万名新就业形态劳动者“扎根”工会大家庭"


def test_a_line_ending_in_another_situation_is_joined_as_prose():
    text = "全市各级工会深入一线摸排困难职工家庭生活情况\n和就业需求,为1.2万户困难职工建档。"
    assert normalize(text) == text.replace("\n", "")


@pytest.mark.parametrize(
    "headline, body",
    [
        (
            "区总工会帮扶困难职工超3000户",
            "今年以来,区总工会通过建档立卡、结对帮扶等方式,为困难职工家庭发放帮扶资金460万元,比上年增长8.5%。",
        ),
        (
            "市總工會服務職工逾12萬人次",
            "截至11月底,市總工會聯同各屬會開辦職業技能課程320班,參加學員8600人次,發放培訓津貼150萬元。",
        ),
    ],
)
def test_a_headline_without_punctuation_keeps_its_line_before_a_longer_paragraph(headline, body):
    # a layout breaks a paragraph's lines at one width: a line more than twice as long was not broken off it
    assert normalize(f"{headline}\n{body}").split("\n") == [headline, body]


def test_a_paragraphs_last_line_shorter_than_the_rest_is_still_joined():
    text = "全市工会全年共筹集帮扶资金4126万元,走访\n慰问困难职工和困难农民工23600余户,发放\n慰问金。"
    assert normalize(text) == text.replace("\n", "")


def test_a_line_leaving_a_bracket_open_goes_on_though_it_reads_like_a_table_row():
    text = "　　本报讯（记者李晓燕 通讯\n员王浩）11月14日，记者从市总工会获悉，全市建成站点1236个。"
    assert normalize(text) == "本报讯(记者李晓燕 通讯员王浩)11月14日,记者从市总工会获悉,全市建成站点1236个。"
