"""How far a period phrase holds (etl/rules/reaches.py and structure.py): the present ends a goal stretch
in a review; a later year under goals stays a goal."""

from __future__ import annotations

import pytest

from .helpers import figures_of


@pytest.mark.parametrize(
    "text",
    [
        "全年新建工会组织19.6万个。今后三年，力争把农民工会员发展到1.2亿人左右。目前全总已命名全国示范职工书屋1.2万家。",
        "全年新建工會組織19.6萬個。今後三年，力爭把農民工會員發展到1.2億人左右。目前全總已命名全國示範職工書屋1.2萬家。",
    ],
)
def test_the_present_after_goals_in_a_review_is_the_year_reviewed(text):
    found = figures_of(text, report_year=2012, published_on="2012-12-27")
    assert [(f.period_start, f.period_end, f.is_target) for f in found] == [
        (2012, 2012, False),
        (2013, 2015, True),
        (2012, 2012, False),
    ]


def test_a_later_year_opening_a_sentence_under_goals_is_a_goal():
    text = (
        "全年新发展会员3200人。\n明年区总工会将重点办好五方面工作\n"
        "据悉，2025年区总工会计划新发展会员3000人以上；新建户外劳动者服务站点10个。"
    )
    found = figures_of(text, report_year=2024, published_on="2024-12-30")
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [
        ("3200人", 2024, False),
        ("3000人", 2025, True),
        ("10个", 2025, True),
    ]


def test_a_year_before_the_one_reviewed_holds_to_its_paragraphs_end():
    text = "全年新建驿站20个。\n2019年，全市建成驿站80个。累计服务职工9万人次。\n全年服务职工3万人次。"
    found = figures_of(text, report_year=2024, published_on="2024-12-30")
    assert [(f.surface, f.period_start) for f in found] == [
        ("20个", 2024),
        ("80个", 2019),
        ("9万人次", 2019),
        ("3万人次", 2024),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "一、2018年工作回顾\n（一）工业经济提质增效。全年新增规模以上工业企业14家。下一步，我们将新建标准化厂房10万平方米。\n"
        "（二）农业农村加快发展。粮食总产量达到28.6万吨。",
        "一、2018年工作回顧\n（一）工業經濟提質增效。全年新增規模以上工業企業14家。下一步，我們將新建標準化廠房10萬平方米。\n"
        "（二）農業農村加快發展。糧食總產量達到28.6萬噸。",
    ],
)
def test_the_next_item_of_a_review_ends_the_goals_the_item_before_ended_on(text):
    found = figures_of(text, report_year=2018, published_on="2019-01-08")
    assert [(f.period_start, f.is_target) for f in found] == [(2018, False), (2019, True), (2018, False)]
