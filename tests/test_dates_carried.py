"""etl/rules/dates_carried.py: a date stated once holds for the statement after a ；, for a 其中 part and
for a parallel statement of its paragraph."""

from __future__ import annotations

from datetime import date

import pytest

from .helpers import figures_of

END = date(2025, 12, 31)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a statement after a ； goes on with the one before: every figure of it
        (
            "截至2025年12月底，全省基本养老保险参保人数达到4628万人；失业保险、工伤保险参保人数分别为726万人、835万人。",
            [END, END, END],
        ),
        ("年末金融機構各項存款餘額8000億元；各項貸款餘額5128.6億元。", [END, END]),
        # a part of a whole that is dated
        ("年末全市常住人口520万人。其中，城镇人口312.4万人。", [END, END]),
        # not a flow over the whole year, nor a statement after one
        ("年末各项贷款余额5128.6亿元；全年新增贷款300亿元。", [END, None]),
        ("年末生猪存栏126.3万头，全年生猪出栏198.6万头；家禽出栏2860万只。", [END, None, None]),
        # not a sentence after a full stop that opens no breakdown
        ("年末全市常住人口520万人。全市出生人口3万人。", [END, None]),
        # but one of its paragraph opening as the dated one did and counting what it counted: parallel
        (
            "年末全市参加城镇职工基本养老保险人数182.6万人。参加失业保险人数96.3万人，参加工伤保险人数108.7万人。",
            [END, END, END],
        ),
        ("年末全市參加城鎮職工基本養老保險人數182.6萬人。參加失業保險人數96.3萬人。", [END, END]),
        ("年末各项存款余额412.6亿元，增长11.2%。各项贷款余额268.9亿元。", [END, None, END]),
        # not a flow of the same subject (another unit), nor a new paragraph
        ("年末全省规模以上工业企业1.9万家。规模以上工业企业实现营业收入4.52万亿元。", [END, None]),
        ("年末全市参加城镇职工基本养老保险人数182.6万人。\n参加失业保险人数96.3万人。", [END, None]),
        # nor a date a statement did not open with: it dates its own clause only
        (
            "全省向2.3万名不符合条件人员发放养老金4516万元，截至2025年12月底已追回3962万元；6个市结余资金5.4亿元。",
            [None, None, END, None, None],
        ),
        (
            "全省向2.3萬名不符合條件人員發放養老金4516萬元，截至2025年12月底已追回3962萬元；6個市結餘資金5.4億元。",
            [None, None, END, None, None],
        ),
    ],
)
def test_a_date_holds_for_the_statement_after_it(text, dates):
    assert [f.as_of for f in figures_of(text, report_year=2025)] == dates


def test_a_goal_after_a_dated_statement_takes_no_date():
    stock, goal = figures_of("截至2025年10月底，全市职工驿站1200个；力争年内再建成100个。", report_year=2025)
    assert (stock.as_of, goal.is_target, goal.period_end, goal.as_of) == (date(2025, 10, 31), True, 2025, None)


def test_a_change_has_no_date_but_one_from_a_dated_level():
    over_year = figures_of("截至2020年底，全国建成服务站点8.5万个，比上年增长35.6%。", 2020)
    assert [(f.surface, f.as_of) for f in over_year] == [("8.5万个", date(2020, 12, 31)), ("35.6%", None)]
    from_year_end = figures_of("截至2020年底，全国建成服务站点8.5万个，比上年末增加2.2万个。", 2020)
    assert [f.as_of for f in from_year_end] == [date(2020, 12, 31), date(2020, 12, 31)]


def test_a_date_of_another_year_carries_its_year_to_a_statement_naming_none():
    # a May Day release of 2025: the statement after the ； is 2024's too; one naming its own year is not
    text = "截至2024年底，全省工会会员达到1120万人；全省基层工会组织达到16.8万个；2025年一季度新增会员3万人。"
    found = figures_of(text, report_year=2025, published_on="2025-04-28")
    assert [(f.surface, f.period_start, f.as_of) for f in found] == [
        ("1120万人", 2024, date(2024, 12, 31)),
        ("16.8万个", 2024, date(2024, 12, 31)),
        ("3万人", 2025, None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "截至2025年9月底，全省发放互助金2360万元，人均获得互助金约1300元。",
        "截至2025年9月底，全省發放互助金2360萬元，人均獲得互助金約1300元。",
    ],
)
def test_an_amount_of_money_per_head_is_a_rate_and_stands_on_no_day(text):
    total, per_head = figures_of(text, report_year=2025)
    assert (total.as_of, per_head.qualifier, per_head.as_of) == (date(2025, 9, 30), "per_unit", None)


def test_a_stock_per_head_keeps_its_day():
    found = figures_of("年末每万人口发明专利拥有量12.6件。", report_year=2025)
    assert [(f.qualifier, f.as_of) for f in found] == [("per_unit", END)]
