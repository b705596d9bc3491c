"""A report's structure: its parts, headings and the year it reviews."""

from __future__ import annotations

import pytest

from etl.rules.structure import infer_report_year, report_parts, top_headings

from .helpers import figures_of
from .test_periods import GOV_REPORT


def test_parts_come_from_headings_not_line_numbers():
    parts = report_parts("一、2018年工作回顾\n甲。\n二、2019年工作安排\n乙。\n三、加强政府自身建设\n丙。", 2018)
    assert [(p.kind, p.year) for p in parts] == [("review", 2018), ("plan", 2019), ("plan", 2019)]


@pytest.mark.parametrize(
    "heading",
    [
        "二、2026年主要工作",
        "二、2026年政府工作",
        "三、紮實做好2026年政府工作",
        "三、全力以赴做好今年工作",
        "二、奋力开创新局面",
    ],
)
def test_a_heading_naming_a_year_ahead_or_the_work_to_be_done_is_over_plans(heading):
    parts = report_parts(f"一、2025年工作回顾\n甲。\n{heading}\n乙。", 2025)
    assert [(p.kind, p.year) for p in parts] == [("review", 2025), ("plan", 2026)]


def test_top_headings_are_lines_of_their_own_on_the_first_line_or_after_a_break():
    text = "一、2018年工作回顾\n城镇新增就业1361万人。二、不是标题\n二、2019年工作任务"
    assert top_headings(text) == [(0, "2018年工作回顾"), (32, "2019年工作任务")]
    assert text[32:34] == "二、" and text[31] == "\n"


def test_the_report_year_is_read_from_the_text_when_the_manifest_is_silent():
    assert infer_report_year(GOV_REPORT) == 2018
    assert infer_report_year("——2018年3月5日在第十三届全国人民代表大会第一次会议上\n各位代表：") == 2017


def test_a_review_headed_by_five_years_speaks_of_those_five_years():
    parts = report_parts("一、过去五年工作回顾\n甲。\n二、2008年主要任务\n乙。", 2007)
    assert [(p.kind, p.first_year, p.year) for p in parts] == [("review", 2003, 2007), ("plan", None, 2008)]


def test_a_heading_over_a_plans_progress_and_the_goals_ahead_reviews_the_plans_years_so_far():
    heading = "一、2023年工作回顾\n甲。\n二、“十四五”规划中期实施情况和2024年主要目标\n乙。\n三、2024年重点工作\n丙。"
    parts = report_parts(heading, 2023)
    assert [(p.kind, p.first_year, p.year) for p in parts] == [
        ("review", None, 2023),
        ("mixed", 2021, 2023),
        ("plan", None, 2024),
    ]
    text = heading.replace("乙。", "规划确定的38项主要指标中，31项进度符合预期。三年来累计完成投资7820亿元。")
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(text, 2023)] == [(2021, 2023, False)] * 3


def test_a_heading_opening_with_the_present_opens_no_years_of_a_review():
    parts = report_parts("一、目前工作情况\n甲。\n二、2024年工作安排\n乙。", 2023)
    assert [(p.kind, p.first_year, p.year) for p in parts] == [("review", None, 2023), ("plan", None, 2024)]


@pytest.mark.parametrize(
    "text",
    [
        "全年新建工会组织19.6万个。\n会议指出，“十一五”期间，各级工会新建工会组织83万个。“十二五”以来，各级工会投入帮扶资金98.6亿元。\n"
        "截至9月底，全国签订工资专项集体合同118.6万份。",
        "全年新建工會組織19.6萬個。\n會議指出，“十一五”期間，各級工會新建工會組織83萬個。“十二五”以來，各級工會投入幫扶資金98.6億元。\n"
        "截至9月底，全國簽訂工資專項集體合同118.6萬份。",
    ],
)
def test_an_aside_after_an_aside_ends_with_their_paragraph(text):
    assert [(f.period_start, f.period_end) for f in figures_of(text, 2012)] == [
        (2012, 2012),
        (2006, 2010),
        (2011, 2012),
        (2012, 2012),  # the next paragraph: the year reviewed again
    ]


def test_a_year_before_the_one_reviewed_holds_to_the_end_of_its_paragraph_only():
    text = (
        "一、过去五年工作回顾\n"
        "2006年，全国国有企业资产总额比2002年增长60.98%。实现利润增长2.23倍。\n"
        "平均每年城镇新增就业1000多万人。\n"
        "刚刚过去的2007年，经济平稳较快发展。\n"
        "城镇新增就业1204万人。"
    )
    periods = [(f.surface, f.period_start, f.period_end) for f in figures_of(text, report_year=2007)]
    assert periods == [
        ("60.98%", 2003, 2006),
        ("2.23倍", 2006, 2006),
        ("1000多万人", 2003, 2007),
        ("1204万人", 2007, 2007),
    ]


def test_a_look_back_from_the_plans_holds_to_the_end_of_its_paragraph_only():
    """去年… or 去年以来… inside the plans tells what was done, then the plans go on: the next paragraph's
    figures are the plan year's targets, not last year's outcomes."""
    text = (
        "二、2008年主要任务\n"
        "合理安排财政超收收入。\n"
        "去年全国财政比年度预算超收7239亿元。超收收入用于民生。\n"
        "同时，削减财政赤字450亿元；拟增加中央预算稳定调节基金1032亿元。"
    )
    said = [(f.surface, f.is_target, f.period_start) for f in figures_of(text, report_year=2007)]
    assert said == [("7239亿元", False, 2007), ("450亿元", True, 2008), ("1032亿元", True, 2008)]


REVIEW = """回眸2025｜东湖区这一年
全年地区生产总值增长6.1%。
五年回望：砥砺奋进 跨越发展
五年来，累计引进高层次人才1.2万名。
数说2025：
● 全年接待游客1860万人次；
展望2026：锚定目标 奋勇争先
展望2026年，东湖区将实施重大项目150个。
同时，新建3所学校。
"""


def test_a_sections_title_ends_the_period_a_sentence_before_it_opened():
    # 五年来 holds in its section only; 数说2025： is the year reviewed again, 展望2026： the year ahead
    found = [(f.surface, f.period_start, f.period_end, f.is_target) for f in figures_of(REVIEW, report_year=2025)]
    assert found == [
        ("6.1%", 2025, 2025, False),
        ("1.2万名", 2021, 2025, False),
        ("1860万人次", 2025, 2025, False),
        ("150个", 2026, 2026, True),
        ("3所", 2026, 2026, True),
    ]


def test_a_line_a_newspapers_layout_broke_off_is_no_title():
    text = "一、2026年工作安排\n“十五五”时期的目标是：\n坚持高质量发展。\n“十五五”时期经济社会发展的\n主要目标\n是：地区生产总值年均增长5%左右。"
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2025)] == [(2026, 2030)]


def test_a_heading_naming_the_year_reviewed_after_the_plans_is_a_review_again():
    text = (
        "一、2025年工作回顾\n全年新增就业5万人。\n二、2026年工作安排\n力争新增就业5.5万人。\n"
        "三、2025年重点财政政策落实情况\n全年发放育儿补贴3.8亿元。"
    )
    found = [(f.surface, f.period_start, f.is_target) for f in figures_of(text, report_year=2025)]
    assert found == [("5万人", 2025, False), ("5.5万人", 2026, True), ("3.8亿元", 2025, False)]


def test_a_sections_title_naming_a_year_speaks_of_that_year():
    text = "县总工会2025年工作回顾\n全年新建驿站12个。\n\n县总工会2026年工作思路\n新建户外劳动者服务站15个。"
    found = [(f.surface, f.period_start, f.is_target) for f in figures_of(text, report_year=2025)]
    assert found == [("12个", 2025, False), ("15个", 2026, True)]


def test_a_newspapers_masthead_dates_the_page_and_opens_no_section():
    text = "工人日报  2024年3月12日  第04版\n\n2023年，全市工会发放技能补贴1.08亿元。\n\n据介绍，全市建成实训基地42个。"
    found = figures_of(text, report_year=2023, published_on="2024-03-12")
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [
        ("1.08亿元", 2023, False),
        ("42个", 2023, False),
    ]


def test_an_enumerated_heading_ends_the_period_a_sentence_opened_unless_that_sentence_opened_its_list():
    review = "一、过去一年和“十四五”时期工作回顾\n五年来，全省规上工业企业由1.6万家增加到2.1万家。\n"
    found = figures_of(review + "（三）民生实事完成情况\n全年城镇新增就业48.6万人。", report_year=2025)
    assert [(f.surface, f.period_start) for f in found] == [("1.6万家", 2020), ("2.1万家", 2021), ("48.6万人", 2025)]
    listed = "二、2026年工作安排\n今后五年的主要目标是：\n（一）经济发展\n地区生产总值年均增长5%左右。"
    assert [(f.period_start, f.period_end) for f in figures_of(listed, report_year=2025)] == [(2026, 2030)]
    announced = "一、“十二五”时期和2015年工作回顾\n一年来，我们主要做了以下工作。\n（一）经济發展\n全年新增就業3000人。"
    assert [(f.period_start, f.period_end) for f in figures_of(announced, report_year=2015)] == [(2015, 2015)]
