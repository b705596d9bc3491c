"""When a figure holds: review or plan part, period, target, as_of."""

from __future__ import annotations

from datetime import date

import pytest

from etl.catalog import CatalogError, load_catalog
from etl.records import Source
from etl.rules.period_words import period_rules
from etl.rules.pipeline import process

from .helpers import figures_of, one

GOV_REPORT = """政府工作报告
——2019年3月5日在第十三届全国人民代表大会第二次会议上
一、2018年工作回顾
城镇新增就业1361万人。
二、2019年经济社会发展总体要求和政策取向
今年发展的主要预期目标是：城镇新增就业1100万人以上。
三、2019年政府工作任务
今年拟安排地方政府专项债券2.15万亿元。
"""


def test_the_review_part_holds_outcomes_of_the_report_year():
    actual, target, bonds = figures_of(GOV_REPORT, report_year=2018)
    assert (actual.value, actual.is_target, actual.period_start, actual.period_end) == (13_610_000, False, 2018, 2018)


def test_the_plan_part_holds_targets_for_the_year_ahead():
    _, target, bonds = figures_of(GOV_REPORT, report_year=2018)
    assert (target.value, target.qualifier, target.is_target, target.period_start) == (
        11_000_000,
        "at_least",
        True,
        2019,
    )
    assert (bonds.is_target, bonds.period_end) == (True, 2019)


def test_a_target_in_the_review_part_is_a_target():
    assert one("力争全年培训职工100万人次。").is_target is True


def test_as_of_from_jiezhi():
    assert one("截至2020年11月底，返还工会经费51.83亿元。").as_of == date(2020, 11, 30)
    assert one("截至2021年6月30日，建成驿站8000个。").as_of == date(2021, 6, 30)
    assert one("截至年底，会员总数达2.6亿人。").as_of == date(2020, 12, 31)


def test_five_years_and_a_named_plan_period_span_several_years():
    five = one("一、过去五年工作回顾\n五年来，城镇新增就业6600万人以上。", report_year=2017)
    assert (five.period_start, five.period_end, five.is_target) == (2013, 2017, False)
    plan = one("“十二五”时期，城镇新增就业人数超过6400万人。", report_year=2015)
    assert (plan.period_start, plan.period_end) == (2011, 2015)


def test_a_period_phrase_carries_to_the_sentences_after_it():
    text = "一、过去五年工作回顾\n五年来，经济实力跃上新台阶。\n城镇新增就业6600万人以上。\n刚刚过去的2017年，目标全面完成。\n城镇新增就业1351万人。"
    five, one_year = figures_of(text, report_year=2017)
    assert (five.period_start, five.period_end) == (2013, 2017)
    assert (one_year.period_start, one_year.period_end) == (2017, 2017)


def test_two_years_are_two_and_the_last_two_of_a_review_hold_to_the_end_of_their_paragraph():
    two = one("一、过去五年工作回顾\n近两年，城镇新增就业2600万人。", report_year=2017)
    assert (two.period_start, two.period_end) == (2016, 2017)  # 两 is 2 (it was read as 1)
    text = "一、过去五年工作回顾\n五年来，经济实力跃上新台阶。\n近两年，节能减排成效显著。\n累计建成驿站8000个。"
    (after,) = figures_of(text, report_year=2017)
    assert (after.period_start, after.period_end) == (2013, 2017)  # the next paragraph: the review's five years again


def test_a_future_plan_period_is_a_target():
    text = "二、“十三五”时期发展成就和“十四五”时期主要目标任务\n过去五年，城镇新增就业超过6000万人。\n“十四五”时期是新征程的第一个五年。\n城镇调查失业率控制在5.5%以内。"
    past, future = figures_of(text, report_year=2020)
    assert (past.period_start, past.period_end, past.is_target) == (2016, 2020, False)
    assert (future.period_start, future.period_end, future.is_target) == (2021, 2025, True)


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        ("劳模张师傅从业30年累计检修设备800余次。", [(None, None)]),
        ("紮根一線三十餘年，帶徒120名。", [(None, None)]),  # the years open the sentence, the sum follows
        ("全市从业人员2024年达到30万人。", [(2024, 2024)]),  # 2024年 is a year, no career's length
        ("全市新增从业人员3万人。", [(2020, 2020)]),
        ("全市扎根一线10年以上的职工达1.2万人。", [(2020, 2020)]),  # a class of people, no one's career
        ("为从教30年以上的乡村教师发放补助1200万元。", [(2020, 2020)]),
        ("全市从业人员三年内完成轮训5万人次。", [(2020, 2020)]),  # 从业人员: the noun
        ("坚守岗位二十年的王师傅，今年带领团队完成技术革新120项。", [(2020, 2020)]),
    ],
)
def test_a_careers_years_give_its_sum_no_period(text, periods):
    assert [(f.period_start, f.period_end) for f in figures_of(text)] == periods


def test_a_year_in_the_clause_names_the_period_but_a_comparison_year_does_not():
    before, after = figures_of("地区生产总值由2010年的162.4亿元增加到2015年的287.9亿元。", report_year=2015)
    assert (before.period_start, after.period_start) == (2010, 2015)
    since_2010 = one("人均可支配收入比2010年增加13480元。", report_year=2015)
    assert (since_2010.period_start, since_2010.period_end) == (2011, 2015)  # the years since the base year


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a year opening the sentence without a comma holds in its later clauses too
        ("2024年全市工会将继续实施金秋助学，资助困难职工子女3000名。", [(2024, 2024, True)]),
        ("2015年旅遊收入達到69億元，旅遊接待人數達到607萬人次。", [(2015, 2015, False), (2015, 2015, False)]),
        # but not in a clause naming the year ahead, nor as a span's start
        (
            "二、2024年工作安排\n2023年全市城镇新增就业11万人，今年将新增就业10万人以上。",
            [(2023, 2023, False), (2024, 2024, True)],
        ),
        ("2021年以来，全市累计投入3.6亿元，新建驿站300个。", [(2021, 2023, False), (2021, 2023, False)]),
        # 今年 after a sentence's opening year is the year after it: after the year reviewed, a goal
        (
            "2023年，全市新增就业12万人，今年将继续实施就业优先战略，新增就业11万人。",
            [(2023, 2023, False), (2024, 2024, True)],
        ),
        (
            "二、2024年工作安排\n2023年，全市新增就业12万人，今年将继续实施就业优先战略，新增就业11万人。",
            [(2023, 2023, False), (2024, 2024, True)],
        ),
        ("2022年，全市新增就业12万人，今年新增就业11万人。", [(2022, 2022, False), (2023, 2023, False)]),
    ],
)
def test_a_year_opening_the_sentence_holds_in_its_later_clauses(text, periods):
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(text, 2023)] == periods


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # a named period since its start runs up to the year reviewed, not to its end
        ("“十四五”以来，全市新建驿站300个。", [(2021, 2023, False)]),
        # its end is a deadline, as a year is (到2030年)
        ("二、2024年工作安排\n力争到“十五五”末，全市地区生产总值突破1万亿元。", [(2024, 2030, True)]),
        # the base year of a multiple is the base's, not the multiple's
        ("全市地区生产总值是2020年的1.6倍。", [(2023, 2023, False)]),
        ("2023年全市旅遊收入是2020年的2.6倍。", [(2023, 2023, False)]),
        # 上年's level is the year before the one the sentence speaks of; 去年's the year reviewed
        ("城镇调查失业率从上年的5.3%降至5.0%。", [(2022, 2022, False), (2023, 2023, False)]),
        ("一般公共预算收入比上年的352亿元增加18亿元。", [(2022, 2022, False), (2023, 2023, False)]),  # compared with
        ("二、2024年工作安排\n赤字率从去年的2.1%提高到2.3%。", [(2023, 2023, False), (2024, 2024, True)]),
        # a named period's end: the level right before the number is that end's; a change since it runs
        # to the year spoken of; a multiple of it is the sentence's own year's
        ("较“十三五”末的3.8万元增加1.3万元。", [(2020, 2020, False), (2021, 2023, False)]),
        ("全市农产品加工业产值是“十三五”末的1.5倍。", [(2023, 2023, False)]),
        ("今年全市新增就业是“十三五”时期的1.4倍。", [(2023, 2023, False)]),  # of the whole period, too
        # a career opening the sentence after its subject gives the sum no period
        ("张师傅扎根一线20年，累计检修设备800余次。", [(None, None, False)]),
    ],
)
def test_since_a_named_period_by_its_end_against_a_base_year_and_over_a_career(text, periods):
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(text, 2023)] == periods


def test_an_estimated_outcome_is_not_a_target():
    assert one("社会消费品零售总额预计完成84亿元。", report_year=2011).is_target is False


def test_a_deadline_opening_the_sentence_ends_the_target_period():
    target = one("二、2019年工作安排\n力争到2020年，全国建成工会驿站15万个。", report_year=2018)
    assert (target.is_target, target.period_start, target.period_end) == (True, 2019, 2020)


def test_a_goal_stated_earlier_in_the_sentence_makes_a_target():
    assert one("全年目标是，新发展会员1000万人。").is_target is True
    assert one("超额完成全年目标任务，城镇新增就业1361万人。").is_target is False


def test_a_goal_word_beside_an_outcome_is_not_a_target():
    assert one("学生营养改善计划惠及3200万孩子。").is_target is False
    assert one("分别完成目标任务的117%。").is_target is False


def test_from_levels_carry_their_own_time():
    last_year, this_year = figures_of("二、2015年工作安排\n赤字率从去年的2.1%提高到2.3%。", report_year=2014)
    assert (last_year.is_target, last_year.period_start) == (False, 2014)
    assert (this_year.is_target, this_year.period_start) == (True, 2015)
    start, end = figures_of("贫困发生率由10.2%下降到3.1%。", report_year=2017)
    assert (start.period_start, end.period_start) == (2016, 2017)  # the level of the year before (issue 23)
    assert start.label == end.label == "贫困发生率"


def test_a_starting_level_of_a_year_named_is_that_years_among_goals():
    text = "今后五年工作的主要目标是：到2027年，高技能人才占比由2022年的28.5%提高到35%左右。"
    start, end = figures_of(text, report_year=2022, published_on="2023-05-10")
    assert [(f.value, f.is_target, f.period_start, f.period_end) for f in (start, end)] == [
        (28.5, False, 2022, 2022),
        (35, True, 2023, 2027),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "二、2026年工作安排\n力争服务站点由目前的15个增加到20个。",
        "二、2026年工作安排\n力爭服務站點由現時的15個增至20個。",
    ],
)
def test_a_starting_level_of_the_present_is_what_it_is_now(text):
    start, end = figures_of(text, report_year=2025, published_on="2026-01-10")
    assert [(f.is_target, f.period_start) for f in (start, end)] == [(False, 2025), (True, 2026)]


def test_a_starting_level_per_head_or_listed_is_the_level_before_the_period():
    text = "二、2016年工作安排\n财政补助由每人每年380元提高到420元。"
    start, end = figures_of(text, report_year=2015)
    assert [(f.value, f.is_target, f.period_start) for f in (start, end)] == [(380, False, 2015), (420, True, 2016)]
    text = "二、2026年工作安排\n补贴标准分别从每人每月209元、280元提高到217元、290元。"
    figures = figures_of(text, report_year=2025)
    assert [(f.value, f.is_target, f.period_start) for f in figures] == [
        (209, False, 2025),
        (280, False, 2025),
        (217, True, 2026),
        (290, True, 2026),
    ]
    (tax,) = [f for f in figures_of("起征点从月销售额3万元提高到10万元。", report_year=2018) if f.value == 3e4]
    assert tax.period_start == 2017  # the year before the period the report speaks of
    (hired,) = figures_of("从业人员达到5000人。", report_year=2018)  # 从 of 从业 opens no starting level
    assert hired.period_start == 2018


def test_as_of_at_the_end_of_a_named_year():
    assert one("截至2020年底，会员总数达2.6亿人。").as_of == date(2020, 12, 31)
    assert one("截止2020年末，建成驿站8000个。").as_of == date(2020, 12, 31)


def test_a_level_dated_by_a_years_end_right_before_it():
    found = figures_of("全市经营主体由2020年底的26.1万户增加到2025年底的38.2万户。", report_year=2025)
    assert [(f.surface, f.period_start, f.as_of) for f in found] == [
        ("26.1万户", 2020, date(2020, 12, 31)),
        ("38.2万户", 2025, date(2025, 12, 31)),
    ]


def test_a_class_year_names_the_figures_year():
    found = figures_of(
        "2026届高校毕业生预计达到1270万人，同比增加48万人。", report_year=2025, published_on="2025-12-18"
    )
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [
        ("1270万人", 2026, True),
        ("48万人", 2026, True),
    ]
    (done,) = figures_of("2024屆高校畢業生達到1179萬人。", report_year=2025, published_on="2026-01-10")
    assert (done.period_start, done.is_target) == (2024, False)
    # a class an earlier clause only mentions names no year of the figure's
    (jobs,) = figures_of("提前谋划2026届高校毕业生就业，全年城镇新增就业12万人。", report_year=2025)
    assert (jobs.period_start, jobs.is_target) == (2025, False)


def test_a_span_of_years_inside_the_sentence():
    assert (lambda f: (f.period_start, f.period_end))(one("全国工会过去五年累计筹集资金100亿元。")) == (2016, 2020)
    # the years before 共 or 累计: what was done in them (a career's years are no period: 从业15年累计…)
    assert (lambda f: (f.period_start, f.period_end))(one("法律援助机构五年共办理案件41.2万件。")) == (2016, 2020)
    assert (lambda f: (f.period_start, f.period_end))(one("从业15年累计检修设备800余次。")) == (None, None)


def test_a_goal_set_in_the_review_aims_from_the_next_year():
    goal = one("目标是到2025年新发展会员3000万人。")
    assert (goal.is_target, goal.period_start, goal.period_end) == (True, 2021, 2025)


def test_a_change_since_a_base_year_covers_the_years_since_never_one_annual_slot():
    text = "一、过去五年工作回顾\n2007年，国内生产总值达到24.66万亿元，比2002年增长65.5%，年均增长10.6%。"
    level, total, average = figures_of(text, report_year=2007)
    assert (level.period_start, level.period_end) == (2007, 2007)
    assert (total.surface, total.period_start, total.period_end) == ("65.5%", 2003, 2007)
    assert (average.surface, average.period_start, average.period_end) == ("10.6%", 2003, 2007)


def test_the_base_years_change_ends_in_the_year_its_sentence_names():
    (stock, change) = figures_of("2007年参保人数突破2亿人，比2002年增加5400多万人。", report_year=2006)
    assert (change.period_start, change.period_end) == (2003, 2007)


def test_a_statistics_sentence_opening_with_the_years_end_is_as_of_its_last_day():
    figure = one("年末全国就业人员74652万人。", report_year=2023)
    assert (figure.as_of, figure.period_start) == (date(2023, 12, 31), 2023)
    assert one("力争年底前完成改造3万户。", report_year=2023).as_of is None


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("全年新增就业5.86万人，年末城镇登记失业率2.6%。", [None, date(2023, 12, 31)]),  # a clause opening with it
        ("年末生猪存栏120万头，全年生猪出栏198.6万头，增长2.4%。", [date(2023, 12, 31), None, None]),  # a flow after it
        ("年末全市職工會員86萬人，全年新發展會員3.2萬人。", [date(2023, 12, 31), None]),
    ],
)
def test_the_years_end_dates_the_clauses_it_opens_and_the_whole_year_does_not(text, dates):
    assert [f.as_of for f in figures_of(text, report_year=2023)] == dates


@pytest.mark.parametrize(
    ("text", "as_of"),
    [
        ("2024年末全市常住人口城镇化率达67%。", date(2024, 12, 31)),
        ("2024年年末，国债余额345723.62亿元。", date(2024, 12, 31)),
        ("加上补充资金29.8亿元后，2024年年末调节基金余额2739.22亿元。", date(2024, 12, 31)),
        ("2023年底全市工會會員52萬人。", date(2023, 12, 31)),
        ("2028年年底前地方需化解的隐性债务降至2.3万亿元。", None),  # a deadline, no date of a level
    ],
)
def test_a_clause_opening_with_a_named_years_end_is_as_of_its_last_day(text, as_of):
    assert [f.as_of for f in figures_of(text, report_year=2024, published_on="2025-03-05")][-1] == as_of


def test_the_years_end_is_of_the_year_the_sentence_speaks_of():
    text = "2025年，全国技工院校招生规模达到168万人；年末在校生约470万人。"
    found = figures_of(text, report_year=2026, published_on="2026-04-24")
    assert [(f.period_start, f.as_of) for f in found] == [(2025, None), (2025, date(2025, 12, 31))]


def test_a_date_after_a_sentence_on_the_year_ahead_is_still_of_the_year_reviewed():
    text = "2026年，交通运输部将扩大有效投资。截至12月底，全国共有巡游出租汽车136万辆。"
    found = figures_of(text, report_year=2025, published_on="2026-01-20")
    assert [(f.period_start, f.as_of) for f in found] == [(2025, date(2025, 12, 31))]


@pytest.mark.parametrize(
    ("text", "report_year", "year"),
    [
        ("2025年全省12345热线受理群众诉求486.3万件。", 2026, 2025),  # a year opening its clause: the clause's
        ("2025年全省12345熱線受理群眾訴求486.3萬件。", 2026, 2025),
        ("加上2023年结转收入391.87亿元、超长期特别国债收入10000亿元。", 2024, 2024),  # inside it: the first item's
    ],
)
def test_a_year_opening_its_clause_holds_past_a_number_in_a_name(text, report_year, year):
    assert figures_of(text, report_year=report_year)[-1].period_start == year


@pytest.mark.parametrize(
    ("text", "report_year", "years"),
    [
        # who speaks, then the year: it holds for the statement's later clauses
        (
            "五年来，全总累计培训职工5000万人次。全总2026年将实施技能提升行动，计划培训职工1000万人次。",
            2025,
            [2021, 2026],
        ),
        (
            "五年来，全總累計培訓職工5000萬人次。市總工會2026年將實施技能提升行動，計劃培訓職工80萬人次。",
            2025,
            [2021, 2026],
        ),
        # a verb whose object the year is: no year of the statement
        ("加上2023年结转收入391.87亿元，收入总量为111482.27亿元。", 2024, [2023, 2024]),
    ],
)
def test_a_year_after_who_speaks_opens_the_statement(text, report_year, years):
    assert [f.period_start for f in figures_of(text, report_year=report_year)] == years


def test_a_starting_level_at_the_end_of_a_named_period_takes_its_last_year():
    level, start = figures_of(
        "一、工作回顾\n核心产业增加值达到9000亿元，较“十三五”末的4100亿元翻了一番多。", report_year=2025
    )
    assert (level.period_start, level.period_end) == (2025, 2025)
    assert (start.surface, start.period_start, start.period_end) == ("4100亿元", 2020, 2020)


def test_every_change_verb_of_the_catalog_spans_the_years_since_the_base_year():
    # 下降 and 降低 are both change_verb words (words.csv): the same change, the same span.
    spans = [
        (f.surface, f.period_start, f.period_end)
        for verb in ("下降", "降低", "减少")
        for f in figures_of(f"一、2015年工作回顾\n单位地区生产总值能耗比2010年{verb}18.2%。", report_year=2015)
    ]
    assert spans == [("18.2%", 2011, 2015), ("18.2%", 2011, 2015), ("18.2%", 2011, 2015)]


def test_a_named_period_opening_the_sentence_holds_for_its_later_clauses_and_first_years_are_its_first():
    text = "“十一五”前四年累计单位国内生产总值能耗下降14.38%，化学需氧量、二氧化硫排放量分别下降9.66%和13.14%。"
    assert [(f.surface, f.period_start, f.period_end) for f in figures_of(text, 2010)] == [
        ("14.38%", 2006, 2009),  # 前四年: 2006-2009, not the whole of 2006-2010
        ("9.66%", 2006, 2009),  # was 2010 alone: the period opens the sentence
        ("13.14%", 2006, 2009),
    ]
    # a later clause naming a year of its own keeps it
    text = "“十三五”时期粮食产量稳定在1.3万亿斤以上，2020年城镇新增就业1186万人。"
    assert [(f.surface, f.period_start, f.period_end) for f in figures_of(text, 2021)] == [
        ("1.3万亿斤", 2016, 2020),
        ("1186万人", 2020, 2020),
    ]


def test_a_goal_over_the_coming_years_the_sentence_names_covers_them():
    """今明两年, 三年内, 用两年时间: a target over more than the plan's year, which the sentence says itself."""
    from .helpers import figures_of

    plan = "二、2020年工作安排\n今明两年职业技能培训3500万人次以上，高职院校扩招200万人。"
    assert [(f.is_target, f.period_start, f.period_end) for f in figures_of(plan, 2019)] == [(True, 2020, 2021)] * 2
    within = "二、2009年工作安排\n三年内中央财政再支持5000所乡镇卫生院建设。"
    assert [(f.period_start, f.period_end) for f in figures_of(within, 2008)] == [(2009, 2011)]
    year = "二、2026年工作安排\n本会计划于2026年内办理教育训练50场次。"  # 2026年内 is a year, not 2026 years
    assert [(f.period_start, f.period_end) for f in figures_of(year, 2025)] == [(2026, 2026)]
    over = "二、2008年工作安排\n用两年时间，将筹资标准由每人每年50元提高到100元。"
    assert [(f.surface, f.is_target, f.period_start, f.period_end) for f in figures_of(over, 2007)] == [
        ("50元", False, 2007, 2007),  # the starting level: the year before
        ("100元", True, 2008, 2009),
    ]


BUDGET = "一、2025年预算执行情况\n城镇新增就业1250万人。\n二、2026年预算安排\n"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("抽查了9个县2021年至2023年就业补助资金247.8亿元。", [(2024, 2024), (2021, 2023)]),
        ("抽查了9個縣2021年至2023年就業補助資金247.8億元。", [(2024, 2024), (2021, 2023)]),
        ("全省2021—2023年累计投入帮扶资金3.6亿元。", [(2021, 2023)]),
        ("安排2021-2023年度预算资金3.6亿元。", [(2024, 2024)]),  # a fiscal span's name
        ("增速比2019—2021年平均水平高5%。", [(2024, 2024)]),  # compared with: no years of its own
    ],
)
def test_a_span_of_years_in_the_figures_clause_is_its_period(text, years):
    assert [(f.period_start, f.period_end) for f in figures_of(text, 2024)] == years


def test_a_year_describing_what_falls_due_is_no_year_of_the_figure():
    """2031年及以后年度到期的债务: the year bounds the debts' maturity; the 2000亿元 is this plan's."""
    text = BUDGET + "在明确2031年及以后年度到期的债务按原约定偿还的基础上，安排2000亿元债务限额。"
    amount = figures_of(text, report_year=2025)[-1]
    assert (amount.surface, amount.period_start, amount.period_end, amount.is_target) == ("2000亿元", 2026, 2026, True)
    due = BUDGET + "安排2027年到期的就业扶持政策补助资金300亿元。"
    last = figures_of(due, report_year=2025)[-1]
    assert (last.surface, last.period_start, last.period_end) == ("300亿元", 2026, 2026)


def test_a_year_money_is_carried_over_into_is_no_deadline():
    """结转至2025年资金: no deadline of the growth, which is this year's (今年) plan."""
    text = BUDGET + "今年转移支付安排9800亿元，剔除2024年增发国债结转至2025年资金因素后，同口径增长6.1%。"
    found = [(f.surface, f.period_start, f.period_end, f.is_target) for f in figures_of(text, report_year=2025)[1:]]
    assert found == [("9800亿元", 2026, 2026, True), ("6.1%", 2026, 2026, True)]
    deadline = BUDGET + "力争到2028年，改造老旧小区3万个。"  # 到 a year, with no carrying over: a deadline still
    last = figures_of(deadline, report_year=2025)[-1]
    assert (last.period_start, last.period_end, last.is_target) == (2026, 2028, True)


def test_a_bad_row_of_year_modifiers_names_file_line_and_column(catalog_copy):
    path = catalog_copy / "year_modifiers.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "届满,after,\n", encoding="utf-8")
    with pytest.raises(CatalogError) as raised:
        period_rules(load_catalog(catalog_copy))
    assert str(raised.value) == f"{path}:{text.count(chr(10)) + 1}: role 'after' is not one of after_year, before_year"


def test_a_word_added_to_year_modifiers_is_read_at_the_next_load(catalog_copy):
    text = BUDGET + "安排2027年届满的试点项目资金80亿元。"

    def period(folder):
        _, found = process(Source("t.txt", "t", report_year=2025), text.encode("utf-8"), load_catalog(folder))
        return found[-1].period_start

    assert period(catalog_copy) == 2027
    with (catalog_copy / "year_modifiers.csv").open("a", encoding="utf-8") as fh:
        fh.write("届满,after_year,\n")
    load_catalog.cache_clear()
    assert period(catalog_copy) == 2026


PLAN_2026 = "一、2025年工作回顾\n过去一年，工作扎实推进。\n二、2026年工作安排\n"


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # last year's name in the figure's clause, in a plan: last year's outcome, the base of the goal after it
        ("在去年新增就业12万人的基础上，今年新增城镇就业11万人。", [(2025, 2025, False), (2026, 2026, True)]),
        ("在去年新增就業12萬人的基礎上，今年新增城鎮就業11萬人。", [(2025, 2025, False), (2026, 2026, True)]),
        # not a comparison's year, a base named alone, nor what last year carried over into the budget
        ("今年城镇新增就业11万人，比去年多1万人。", [(2026, 2026, True), (2026, 2026, True)]),
        ("在去年基础上再新增驿站100个。", [(2026, 2026, True)]),
        ("加上上年结转收入54.2亿元，收入总量为2304.49亿元。", [(2026, 2026, True), (2026, 2026, True)]),
    ],
)
def test_last_years_name_in_a_plans_clause_names_the_figures_year(text, periods):
    found = figures_of(PLAN_2026 + text, 2025)
    assert [(f.period_start, f.period_end, f.is_target) for f in found] == periods


@pytest.mark.parametrize(
    ("text", "published_on", "expected"),
    [
        # last year's end in a news item: the level of that year, as of its last day
        ("截至去年底，全国工会会员已达2.58亿人。", "2012-04-28", (2011, 2011, "2011-12-31")),
        ("截至去年年底，全國工會會員總數達到3.02億人。", "2012-04-28", (2011, 2011, "2011-12-31")),
        # a day of the year the report was given
        ("截至今年6月底，全市工会会员达到126.8万人。", "2012-07-20", (2012, 2012, "2012-06-30")),
        # a year named: its level, though the news is of the year after
        ("截至2011年末，全市持证技能人才总量达到86万人。", "2012-04-28", (2011, 2011, "2011-12-31")),
        # a work report given in March: last year's end is the year reviewed
        ("截至去年底，全市常住人口达到1028.6万人。", "2013-03-05", (2012, 2012, "2012-12-31")),
    ],
)
def test_a_date_the_level_stood_on_gives_its_year(text, published_on, expected):
    (found,) = figures_of(text, 2012, published_on=published_on)
    assert (found.period_start, found.period_end, str(found.as_of)) == expected


def test_next_year_inside_a_statement_is_a_goal_of_the_year_after():
    text = "韩雪：试点自2022年7月启动以来，已在7个省市开展。我们计划明年将试点范围扩大到17个省份。"
    found = figures_of(text, report_year=2024, published_on="2024-10-25")
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [("7个", 2024, False), ("17个", 2025, True)]


@pytest.mark.parametrize(
    ("text", "report_year", "published_on", "year"),
    [
        ("区总工会负责人表示，下一步将继续做好服务保障工作，计划在年底前再新建驿站10个。", 2022, "2022-07-26", 2022),
        ("下一步，我们将开展专项服务行动，计划在10月至12月再举办专场招聘会5000场以上。", 2024, "2024-10-25", 2024),
        ("下一步，全市工会将新建驿站10个。", 2022, "2022-07-26", 2023),  # no rest of the year named: the year after
        ("下一步，全市工会将在年底前新建驿站10个。", 2022, "2023-01-20", 2023),  # a review given the year after
        ("下一步，力争全年完成职业技能培训60万人次。", 2023, "2023-10-26", 2023),  # a press conference of October
    ],
)
def test_next_steps_naming_the_rest_of_the_year_are_of_the_year_the_text_was_given(
    text, report_year, published_on, year
):
    (figure,) = figures_of(text, report_year=report_year, published_on=published_on)
    assert (figure.period_start, figure.is_target) == (year, True)


def test_a_stretch_since_a_year_something_began_holds_to_its_paragraphs_end():
    text = (
        "本报讯（记者李晓燕 通讯员王浩）11月14日，记者从市总工会获悉，自2019年启动“暖心驿站”建设以来，"
        "全市累计建成服务站点1236个，其中今年新建187个。截至10月底，各站点累计服务户外劳动者630万人次。\n"
        "记者了解到，全市户外劳动者总数约28万人。"
    )
    found = figures_of(text, report_year=2023, published_on="2023-11-15")
    assert [(f.surface, f.period_start, f.period_end) for f in found] == [
        ("1236个", 2019, 2023),
        ("187个", 2023, 2023),  # this year's part of the stretch
        ("630万人次", 2019, 2023),
        ("28万人", 2023, 2023),  # the next paragraph: the year of the item again
    ]


def test_a_headlines_stretch_of_years_is_its_own_lines_only():
    text = "五年建成服务站点1236个\n本报讯 今年以来，全市工会新建站点187个，走访慰问职工3万人次。"
    found = figures_of(text, report_year=2023, published_on="2023-11-15")
    assert [(f.surface, f.period_start) for f in found] == [("1236个", 2019), ("187个", 2023), ("3万人次", 2023)]


def test_this_year_in_a_goal_after_next_years_goals_is_the_year_the_item_was_given():
    text = (
        "该负责人表示，下一步，市总工会将力争到2025年底站点总数达到1500个。\n据悉，省总工会计划今年新建站点1000个以上。"
    )
    found = figures_of(text, report_year=2023, published_on="2023-11-15")
    assert [(f.surface, f.period_start, f.period_end, f.is_target) for f in found] == [
        ("1500个", 2024, 2025, True),
        ("1000个", 2023, 2023, True),
    ]


def test_an_average_over_years_named_in_the_sentence_spans_them():
    (level, change, average) = figures_of(
        "全省地区生产总值达到2.86万亿元，比上年增长8.1%，两年平均增长5.9%。", report_year=2021
    )
    assert [(f.period_start, f.period_end) for f in (level, change, average)] == [
        (2021, 2021),
        (2021, 2021),
        (2020, 2021),
    ]
    (pm,) = figures_of("设区城市PM2.5年平均浓度降至25微克/立方米。", report_year=2021)
    assert (pm.period_start, pm.period_end) == (2021, 2021)


@pytest.mark.parametrize(
    "text",
    [
        "据悉，2024年市总工会计划投入资金1.5亿元，实施为职工办实事项目12项，新建工会驿站不少于100个。",
        "據悉，2024年市總工會計劃投入資金1.5億元，實施為職工辦實事項目12項，新建工會驛站不少於100個。",
    ],
)
def test_a_year_opening_a_sentence_after_an_attribution_holds_in_its_later_clauses(text):
    found = figures_of(text, report_year=2023, published_on="2023-12-29")
    assert [(f.period_start, f.is_target) for f in found] == [(2024, True)] * 3


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("最低工资标准自2024年1月1日起调整为每月2490元、每小时25元。", [2024, 2024]),  # the year it holds from
        ("基本工資自113年1月1日起調整為每月新臺幣27,470元、每小時183元。", [2024, 2024]),
        ("技能提升方面，2024年全省各级工会举办竞赛1.4万场，参赛职工达286万人次。", [2024, 2024]),  # past a topic
    ],
)
def test_a_year_a_clause_names_holds_past_a_date_it_holds_from_and_a_topic(text, years):
    assert [f.period_start for f in figures_of(text, report_year=2023, published_on="2024-03-20")] == years
