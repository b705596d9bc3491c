"""今年 inside a sentence (etl/rules/this_year.py): in a plan part it is the plan's year wherever it
stands; after a sentence's opening 去年 it is the year after; last year's name after it is the year before."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.this_year import last_year_after_this_year, this_year_at

from .helpers import figures_of

PLAN = "二、2021年工作安排\n去年以来，各地加快推进医保改革。"  # an opener turns the rest of its paragraph to 2020


def timing(text: str, report_year: int | None = 2020) -> list[tuple[str, int | None, int | None]]:
    return [(f.surface, f.period_start, f.period_end) for f in figures_of(text, report_year=report_year)]


def test_this_year_in_a_plan_part_is_the_plans_year_after_an_opener_of_last_year():
    text = PLAN + "为推进乡村振兴，今年市级财政将安排资金32亿元，比上年增加3亿元。\n"
    assert timing(text) == [("32亿元", 2021, 2021), ("3亿元", 2021, 2021)]  # 比上年: the year compared with
    assert timing(PLAN + "今年一般公共预算支出安排420亿元，与上年相比增加15亿元。\n") == [
        ("420亿元", 2021, 2021),
        ("15亿元", 2021, 2021),
    ]
    two = PLAN + "为推进乡村振兴，今年市级财政将安排资金32亿元。\n为此，今年再安排资金5亿元。\n"  # each for itself
    assert timing(two) == [("32亿元", 2021, 2021), ("5亿元", 2021, 2021)]
    # without 今年 the opener still holds: what the report says of the years since, no plan
    assert timing(PLAN + "全市新增就业12万人。\n") == [("12万人", 2020, 2020)]


def test_last_year_after_this_year_in_a_plan_part_is_the_year_before():
    plan = "二、2021年工作安排\n"
    assert timing(plan + "今年计划开工改造老旧小区1200个，去年完成改造950个。\n") == [
        ("1200个", 2021, 2021),
        ("950个", 2020, 2020),
    ]
    # a number after last year's name: that number's year; the one after it is this year's again
    assert timing(plan + "今年全市教育投入将由去年的48亿元增加到55亿元。\n") == [
        ("48亿元", 2020, 2020),
        ("55亿元", 2021, 2021),
    ]


def test_this_year_after_an_opening_last_year_is_the_year_after_it_in_any_part():
    text = "去年全市新增就业12万人，今年新增就业3万人。"
    assert timing(text) == [("12万人", 2020, 2020), ("3万人", 2021, 2021)]
    assert timing("二、2021年工作安排\n" + text + "\n") == [("12万人", 2020, 2020), ("3万人", 2021, 2021)]
    assert timing("去年完成投资500亿元，比今年多。") == [("500亿元", 2020, 2020)]  # 比今年: compared with


def test_outside_a_plan_part_this_year_is_left_to_its_context():
    """A union's review or a news item may be given in the year it reviews: the words do not say
    whether 今年 is report_year or the year after, so the sentence's context stands."""
    assert timing("一、2020年工作回顾\n今年安排疫情防控资金5亿元。\n") == [("5亿元", 2020, 2020)]
    assert timing("本报讯 全市工会共发放助学金1200万元，今年再安排资金300万元。") == [
        ("1200万元", 2020, 2020),
        ("300万元", 2020, 2020),
    ]


def test_a_this_year_inside_a_statement_given_after_the_year_reviewed_is_the_year_given():
    # a news page of March 2024 on the work of 2023: 今年 is 2024, and its 计划 a goal
    found = figures_of("江川省总工会印发通知，今年全省计划组织职工疗休养3.5万人。", 2023, published_on="2024-03-12")
    assert [(f.surface, f.period_start, f.period_end, f.is_target) for f in found] == [("3.5万人", 2024, 2024, True)]
    # given in the year it reviews, 今年 is that year
    found = figures_of("江川省总工会印发通知，今年全省组织职工疗休养3.5万人。", 2023, published_on="2023-12-20")
    assert [(f.period_start, f.is_target) for f in found] == [(2023, False)]


def test_without_a_report_year_no_year_is_named():
    assert timing("去年全市新增就业12万人，今年新增就业3万人。", report_year=None) == [
        ("12万人", None, None),
        ("3万人", None, None),
    ]


def test_words_ending_in_jin_are_not_this_year():
    assert timing(PLAN + "如今全县农村公路总里程达到3200公里。\n") == [("3200公里", 2020, 2020)]


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("今年中央财政将安排", 0),
        ("为加快社会保障体系建设，今年中央财政将安排", 12),
        ("全县农村公路里程", -1),
        ("如今全县", -1),
        ("迄今年", -1),
        ("党的十八大以来至今年均增长", -1),  # 至今 and 年均: a yearly average up to now
        ("力争至今年底新建", 3),  # 至今年底: by the end of this year
        ("今年轻工业增加值", 0),  # 今年 and 轻工业 (如今年轻人: 如今 and 年轻)
        ("如今年轻人", -1),
        ("明年比今年增加", -1),  # the year compared with
    ],
)
def test_where_this_year_stands(text, at):
    assert this_year_at(text, load_catalog()) == at


@pytest.mark.parametrize(
    ("before", "last"),
    [
        ("今年安排6000亿元，去年完成", True),
        ("今年安排6000亿元，比去年增加", False),
        ("今年安排6000亿元，较上年增加", False),
        ("今年安排6000亿元，与上年相比增加", False),
        ("今年安排6000亿元，上年同期增加", False),
        ("今年安排6000亿元，去年以来累计", False),
        ("今年投入将由去年的48亿元增加到", False),
        ("今年投入将由去年的", True),
        ("去年完成5000亿元，今年安排", False),
        ("去年完成5000亿元", False),  # no 今年
    ],
)
def test_last_years_name_after_this_year(before, last):
    assert last_year_after_this_year(before, load_catalog()) is last


def test_the_words_are_the_catalogs(catalog_copy):
    """今年 is the this_year opener of period_openers.csv: a phrase added there is read too."""
    with (catalog_copy / "period_openers.csv").open("a", encoding="utf-8") as fh:
        fh.write("本年,this_year,\n")
    assert this_year_at("为此，本年中央财政将安排", load_catalog(catalog_copy)) == 3
    assert this_year_at("为此，本年中央财政将安排", load_catalog()) == -1


def test_last_years_name_before_a_base_word_is_no_year_of_the_figure():
    """在去年基础上 names last year as the base of this year's plan (not_last_year_after of words.csv)."""
    assert timing("二、2021年工作安排\n今年在去年基础上再新增就业岗位1200个。\n") == [("1200个", 2021, 2021)]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # in a release speaking of the year it was given, 去年 is the year before, for the whole statement
        ("全省各级工会去年组织开展各类竞赛1.2万场次，参赛职工超过260万人次。", [2025, 2025]),
        ("本會去年共召開理監事聯席會議6次。", [2025]),
        ("今年一季度全省新增就业12万人，比去年同期增加1万人。", [2026, 2026]),  # a comparison's
    ],
)
def test_last_year_says_when_a_statement_of_the_year_given_was_done(text, years):
    assert [f.period_start for f in figures_of(text, report_year=2026, published_on="2026-04-28")] == years
