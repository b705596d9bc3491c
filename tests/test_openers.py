"""The period a sentence's opening phrase sets (etl/rules/openers.py): 今年 is the year the report was given."""

from __future__ import annotations

import pytest

from .helpers import figures_of

UNION_REVIEW = "今年以来，全市工会新建职工驿站12个，发展会员3.2万人。"
PLAN_IN_A_REVIEW = "全年新增就业1.2万人。今年，全市力争新增就业岗位1万个。"
SO_FAR_IN_A_REVIEW = "全年新增就业1.2万人。今年1-2月，全市新增就业岗位1万个。"


def _years(text: str, published_on: str | None) -> list[tuple[str, int, int, bool]]:
    found = figures_of(text, report_year=2024, published_on=published_on)
    return [(f.surface, f.period_start, f.period_end, f.is_target) for f in found]


@pytest.mark.parametrize(
    ("published_on", "year"),
    [
        ("2024-12-20", 2024),  # a union's review given in the year it reviews: this year so far is 2024
        ("2025-03-05", 2025),  # a work report given the March after: 2025 so far
        (None, 2025),  # no date: a work report's reading, the year after the one reviewed
    ],
)
def test_this_year_so_far_is_the_year_the_report_was_given(published_on, year):
    assert _years(UNION_REVIEW, published_on) == [("12个", year, year, False), ("3.2万人", year, year, False)]


def test_this_year_outside_a_plan_part_is_the_year_given_and_a_goal_only_by_its_own_words():
    assert _years(PLAN_IN_A_REVIEW, "2025-03-05") == [("1.2万人", 2024, 2024, False), ("1万个", 2025, 2025, True)]
    assert _years(SO_FAR_IN_A_REVIEW, "2025-03-05")[1] == ("1万个", 2025, 2025, False)  # done so far: no goal
    # Given in the year it reviews, 今年 is that year.
    assert _years(SO_FAR_IN_A_REVIEW, "2024-12-20")[1] == ("1万个", 2024, 2024, False)
    # Without a date 今年 sets no period: the sentence keeps the review's year.
    assert _years(SO_FAR_IN_A_REVIEW, None)[1] == ("1万个", 2024, 2024, False)


@pytest.mark.parametrize("published_on", ["2016-08-01", "2023-12-10"])
def test_a_date_that_is_no_delivery_of_the_year_reviewed_is_not_read(published_on):
    # a page's posting years later, or a date before the year reviewed: as without a date
    assert _years(SO_FAR_IN_A_REVIEW, published_on)[1] == ("1万个", 2024, 2024, False)
    assert [(f.period_start,) for f in figures_of(NEWS, report_year=2025, published_on=published_on)] == [(2025,)]


NEWS = "据介绍，去年全省工会共帮扶困难职工1.5万户。"


@pytest.mark.parametrize(
    ("published_on", "report_year", "year"),
    [
        ("2025-01-16", 2025, 2024),  # a news item of January: last year is the year before it
        ("2025-03-05", 2024, 2024),  # a work report given the March after the year it reviews
        ("2024-12-20", 2024, 2023),  # a union's review given in the year it reviews: the year before
        (None, 2025, 2025),  # no date: the year reviewed, as a work report's 去年
    ],
)
def test_last_year_is_the_year_before_the_one_the_report_was_given(published_on, report_year, year):
    found = figures_of(NEWS, report_year=report_year, published_on=published_on)
    assert [(f.surface, f.period_start, f.period_end) for f in found] == [("1.5万户", year, year)]


def test_last_years_same_months_name_no_year_before():
    found = figures_of("去年同期，全市工会帮扶困难职工1.5万户。", report_year=2025, published_on="2025-11-20")
    assert [(f.period_start, f.period_end) for f in found] == [(2025, 2025)]


def test_an_attribution_before_a_period_phrase_is_read_past():
    text = "据统计，2018年，全市新增就业5000人。"
    assert [(f.surface, f.period_start) for f in figures_of(text, report_year=2020)] == [("5000人", 2018)]


@pytest.mark.parametrize(
    "text",
    [
        "2021年以来，全市工会累计投入帮扶资金3.6亿元。",
        "自2021年以來，全市累計投入幫扶資金3.6億元。",
        "2021年来，全市工会累计投入帮扶资金3.6亿元。",
    ],
)
def test_since_a_year_is_from_that_year_to_the_one_reviewed(text):
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2024)] == [(2021, 2024)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("五年来，工会工作取得新进展。党的十八大以来，全省工会累计筹集帮扶资金12.5亿元。", 2012),
        ("自黨的十九大以來，全省工會累計籌集幫扶資金12.5億元。", 2017),
        ("新中国成立以来，全市累计建成职工疗休养基地86个。", 1949),
    ],
)
def test_since_an_event_of_eras_csv_is_from_its_year_to_the_one_reviewed(text, first):
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2022)] == [(first, 2022)]


def test_an_event_before_a_stretch_reviewed_is_an_aside_to_its_paragraphs_end():
    text = (
        "一、过去五年工作回顾\n党的十八大以来，集团工会累计建成职工书屋635个。\n"
        "五年来签订集体合同1280份；受理职工来信来访860件。"
    )
    found = [(f.surface, f.period_start, f.period_end) for f in figures_of(text, report_year=2023)]
    assert found == [("635个", 2012, 2023), ("1280份", 2019, 2023), ("860件", 2019, 2023)]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("本报讯（记者林晓）3月8日，澜海市首批20个职工驿站揭牌。", 2024),  # a news item's day: the year given
        ("近日，江川省总工会下拨疗休养补助资金300万元。", 2024),
        ("日前，江川铁路工会設立競賽獎勵資金600萬元。", 2024),
        ("3月8日，澜海市首批20个职工驿站揭牌。", 2023),  # a review's day: the year it reviews
    ],
)
def test_lately_is_the_year_the_text_was_given(text, year):
    found = figures_of(text, report_year=2023, published_on="2024-03-12")
    assert [(f.period_start, f.period_end) for f in found] == [(year, year)]
    assert [(f.period_start,) for f in figures_of(text, report_year=2023)] == [(2023,)]  # no date: the year reviewed


def test_now_ends_a_look_back_and_the_period_before_it_returns():
    text = "党的十八大以来，全市工会累计投入帮扶资金8.7亿元。目前全市健在的劳模约2200人。"
    assert [(f.surface, f.period_start) for f in figures_of(text, report_year=2024)] == [
        ("8.7亿元", 2012),
        ("2200人", 2024),
    ]
    # with no aside before it, 目前 changes nothing: a five-year review's present is its period's
    text = "五年来，全市工会建成职工驿站360个。目前全市共有劳模创新工作室120家。"
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2024)] == [(2020, 2024)] * 2


def test_an_event_named_in_a_sentence_opens_no_period():
    text = "全省深入学习贯彻党的二十大精神，举办职工培训班120期。"
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2024)] == [(2024, 2024)]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2021年至2023年，全市工会累计投入帮扶资金3.6亿元。", (2021, 2023)),
        ("2021—2023年間，全市工會累計投入幫扶資金3.6億元。", (2021, 2023)),
        ("2021-2023年全市工会累计投入帮扶资金3.6亿元。", (2021, 2023)),  # no comma: 2023 is not its own year
        ("2021-2023年度预算安排资金3.6亿元。", (2024, 2024)),  # a fiscal span's name opens no period
        ("2023年至2021年，全市累计投入3.6亿元。", (2024, 2024)),  # no span runs backwards
    ],
)
def test_a_span_of_years_opening_a_sentence_is_those_years(text, years):
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(text, report_year=2024)] == [
        (*years, False)
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("2024年6月，市总工会投入帮扶资金500万元。", (2024, 2024)),
        ("2024年6月26日，省人社厅等部门培训职工3万人次。", (2024, 2024)),
        ("2024年1-6月，全市新增就业2.1万人。", (2024, 2024)),
        ("2024年上半年，全市工會投入幫扶資金500萬元。", (2024, 2024)),
        ("2024年底，全市工会会员达到120万人。", (2024, 2024)),
        ("2024年6月以来，市总工会投入帮扶资金500万元。", (2024, 2025)),  # since then
        ("2024年底前，全市完成危房改造300户。", (2025, 2025)),  # a deadline, no date of the figure
    ],
)
def test_a_date_opening_a_sentence_sets_its_year(text, years):
    assert [(f.period_start, f.period_end) for f in figures_of(text, report_year=2025)] == [years]


def test_a_span_of_years_ahead_in_a_plan_part_is_a_goal():
    text = "一、2025年工作回顾\n过去一年，工作扎实推进。\n二、2026年工作安排\n2026年至2030年，全市新增就业50万人。"
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(text, 2025)] == [(2026, 2030, True)]


@pytest.mark.parametrize(
    ("text", "published_on", "year"),
    [
        ("明年，全市工会将资助困难职工子女3000名。", None, 2025),  # no date: the year after the one reviewed
        ("明年，全市工会将资助困难职工子女3000名。", "2024-12-20", 2025),  # given in the year it reviews
        ("明年全市工會要新建驛站200個。", "2025-01-20", 2025),  # given the January after: written in 2024
        ("下一步，全市工會將開展技能競賽500場。", "2025-01-20", 2025),  # the work ahead
    ],
)
def test_next_year_and_the_next_step_are_goals_of_the_year_after_the_one_reviewed(text, published_on, year):
    found = figures_of(text, report_year=2024, published_on=published_on)
    assert [(f.period_start, f.period_end, f.is_target) for f in found] == [(year, year, True)]


@pytest.mark.parametrize(
    "text",
    [
        "人社部新闻发言人卢爱红介绍，2024年，全国城镇新增就业1256万人，城镇调查失业率平均值为5.1%。",
        "省總工會負責人表示，2024年，全省工會新發展會員12萬人，理賠金額3.4億元。",
    ],
)
def test_who_reports_a_year_opening_what_follows_is_read_past(text):
    found = figures_of(text, report_year=2025, published_on="2025-01-24")
    assert [(f.period_start, f.period_end) for f in found] == [(2024, 2024), (2024, 2024)]


def test_a_report_verb_opening_no_period_phrase_changes_nothing():
    found = figures_of("省总工会主席表示，全省工会今年新建驿站200个。", report_year=2025, published_on="2025-01-24")
    assert [(f.period_start, f.is_target) for f in found] == [(2025, False)]


def test_who_reports_after_where_is_read_past():
    text = "发布会上，省总工会副主席介绍，2025年，全省工会共筹集送温暖资金4.86亿元，慰问一线职工126.5万人次。"
    found = figures_of(text, report_year=2026, published_on="2026-04-28")
    assert [f.period_start for f in found] == [2025, 2025]


@pytest.mark.parametrize(
    "text",
    [
        "市总工会负责人表示，2026年将继续实施职工服务实事，力争新建驿站120个，资助困难职工子女不少于2000名。",
        "2026年将继續實施職工服務實事，力爭新建驛站120個，資助困難職工子女不少於2000名。",
    ],
)
def test_a_year_and_what_it_will_see_open_a_goal_of_that_year_in_its_sentence(text):
    found = figures_of(text, report_year=2025, published_on="2026-01-09")
    assert [(f.period_start, f.period_end, f.is_target) for f in found] == [(2026, 2026, True)] * 2


def test_a_year_that_will_come_leaves_the_sentences_after_it_their_own():
    text = "过去一年，经济运行稳中向好。2035年将基本实现社会主义现代化。全年城镇新增就业12万人，城镇调查失业率5.1%。"
    found = figures_of(text, report_year=2025, published_on="2026-01-20")
    assert [(f.period_start, f.is_target) for f in found] == [(2025, False), (2025, False)]


def test_nearly_after_a_year_opens_nothing():
    found = figures_of("2025年将近1.2万名职工参加培训。", report_year=2025, published_on="2026-01-09")
    assert [(f.surface, f.qualifier, f.period_start) for f in found] == [("1.2万名", "approx", 2025)]


def test_a_speakers_turn_ends_the_period_the_turn_before_opened():
    text = (
        "【主持人】请介绍今年就业工作情况。\n"
        "【厅长】今年1-11月，全省城镇新增就业33.8万人。下一步，我们将力争2026年城镇新增就业35万人以上。\n"
        "【记者】请问养老金调整情况如何？\n"
        "【副厅长】全省退休人员基本养老金总体上调2%，惠及退休人员约365万人。"
    )
    found = figures_of(text, report_year=2025, published_on="2025-12-18")
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [
        ("33.8万人", 2025, False),
        ("35万人", 2026, True),
        ("2%", 2025, False),
        ("365万人", 2025, False),
    ]


def test_a_period_phrase_after_a_speaker_opens_the_period():
    text = "【厅长】“十四五”以来，全省城镇新增就业累计达到186.5万人。"
    found = figures_of(text, report_year=2025, published_on="2025-12-18")
    assert [(f.period_start, f.period_end) for f in found] == [(2021, 2025)]


def test_a_named_period_since_its_start_and_one_looked_ahead_to():
    since = "“十二五”以来，各级工会共投入帮扶资金98.6亿元。\n在推进工资集体协商方面，全国签订集体合同118.6万份。"
    assert [(f.period_start, f.period_end) for f in figures_of(since, report_year=2012)] == [(2011, 2012), (2012, 2012)]
    ahead = "二、2026年工作安排\n展望“十五五”，我们将力争到2030年，全省城镇化率达到68%。"
    assert [(f.period_start, f.period_end, f.is_target) for f in figures_of(ahead, report_year=2025)] == [
        (2026, 2030, True)
    ]


def _periods(text: str, report_year: int, published_on: str) -> list[tuple[str, int, int, bool]]:
    found = figures_of(text, report_year=report_year, published_on=published_on)
    return [(f.surface, f.period_start, f.period_end, f.is_target) for f in found]


@pytest.mark.parametrize(
    "text",
    [
        "省总工会召开大会。\n2024年全省各级工会举办职业技能竞赛1.4万场；培训职工62万人次。全年新建职工驿站12个。",
        "省總工會召開大會。\n2024年全省各級工會舉辦職業技能競賽1.4萬場；培訓職工62萬人次。全年新建職工驛站12個。",
    ],
)
def test_a_year_opening_a_sentence_with_no_comma_is_of_that_sentence_only(text):
    found = _periods(text, 2025, "2025-04-28")
    assert [(start, end) for _, start, end, _ in found] == [(2024, 2024), (2024, 2024), (2025, 2025)]


def test_a_topic_before_a_period_phrase_is_read_past():
    text = "省总工会召开大会。\n技能提升方面，2024年，全省各级工会举办职业技能竞赛1.4万场；培训职工62万人次。"
    assert [(start, end) for _, start, end, _ in _periods(text, 2025, "2025-04-28")] == [(2024, 2024)] * 2
    text = "“十二五”以来，各级工会共投入帮扶资金98.6亿元。在推进工资集体协商方面，2012年，全国签订集体合同118.6万份。"
    assert [(start, end) for _, start, end, _ in _periods(text, 2012, "2012-12-27")] == [(2011, 2012), (2012, 2012)]


def test_a_day_opening_a_sentence_dates_that_sentence_unless_the_period_around_it_holds_it():
    text = "省总工会召开大会。\n截至2024年底，全省工会会员总数达到1120万人；全年新建基层工会组织2100个。全省已建成职工驿站1.18万个。"
    assert _periods(text, 2025, "2025-04-28") == [
        ("1120万人", 2024, 2024, False),
        ("2100个", 2024, 2024, False),
        ("1.18万个", 2025, 2025, False),
    ]
    # in a review of 2018-2022 the end of 2022 is a day of the stretch: 五年新建 stays the five years'
    text = "五年来，全省工会建成职工驿站360个。截至2022年底，全省基层工会组织达到8.7万个；其中五年新建2180个。"
    assert [(start, end) for _, start, end, _ in _periods(text, 2022, "2023-01-10")] == [(2018, 2022)] * 3


@pytest.mark.parametrize(("published_on", "first"), [("2025-04-28", 2024), ("2026-01-20", 2025)])
def test_since_last_year_reaches_back_to_the_year_before_the_text_was_given(published_on, first):
    text = "省总工会召开大会。\n去年以来，全省工会累计筹集送温暖资金3.42亿元。全省已建成职工驿站1.18万个。"
    assert [(start, end) for _, start, end, _ in _periods(text, 2025, published_on)] == [(first, 2025), (2025, 2025)]


def test_what_a_meeting_settled_is_read_past_before_its_period():
    text = "全年新建工会组织19.6万个。会议明确，“十二五”期间，全国工会要推动企业法人单位建会率达到90%以上，职工入会率达到90%以上。"
    assert _periods(text, 2012, "2012-12-27") == [
        ("19.6万个", 2012, 2012, False),
        ("90%", 2011, 2015, True),
        ("90%", 2011, 2015, True),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全年新建职工驿站12个。\n今年全市工会工作的主要预期目标是：新建职工驿站10个；发展会员1.5万人。全年计划投入帮扶资金800万元。\n"
        "据介绍，去年全市工会筹集送温暖资金1200万元。",
        "全年新建職工驛站12個。\n今年全市工會工作的主要預期目標是：新建職工驛站10個；發展會員1.5萬人。全年計劃投入幫扶資金800萬元。\n"
        "據介紹，去年全市工會籌集送溫暖資金1200萬元。",
    ],
)
def test_goals_said_to_follow_this_year_hold_to_their_paragraphs_end(text):
    assert [(start, end, goal) for _, start, end, goal in _periods(text, 2024, "2025-01-20")] == [
        (2024, 2024, False),
        (2025, 2025, True),
        (2025, 2025, True),
        (2025, 2025, True),
        (2024, 2024, False),  # the next paragraph: the review again
    ]


@pytest.mark.parametrize(
    ("published_on", "goals"),
    [
        # given after the year it reviews: this year's is ahead, and what will be done is a goal
        ("2026-02-26", [True, True, True]),
        # given in that year (a July news item): this year's is under way, a goal only by its own words
        ("2025-07-20", [False, True, False]),
    ],
)
def test_what_this_year_will_do_is_a_goal_to_its_paragraphs_end_after_the_year_reviewed(published_on, goals):
    text = (
        "全年新发展会员3.2万人。\n今年，我们将在巩固已有成果的基础上，重点做好三方面工作。一是新建服务站点1000个；"
        "二是力争新发展会员20万人以上；三是调处劳动争议案件1500件。"
    )
    assert [goal for *_, goal in _periods(text, 2025, published_on)[1:]] == goals


@pytest.mark.parametrize(
    "text",
    [
        "全年经费收入1.2亿元。\n2025年经费收入预算1.3亿元，比上年增长4%；其中职工活动支出预算8760万元；维权支出2980万元。",
        "全年經費收入1.2億元。\n2025年經費收入預算1.3億元，比上年增長4%；其中職工活動支出預算8760萬元；維權支出2980萬元。",
    ],
)
def test_a_budget_of_the_year_ahead_opening_a_sentence_holds_for_all_its_pieces(text):
    assert [goal for *_, goal in _periods(text, 2024, "2025-03-01")] == [False, True, True, True, True]


@pytest.mark.parametrize(
    ("text", "published_on", "year"),
    [
        ("本报讯（通讯员 孙磊）春节前后，青岚市总工会共发放“暖心包”1.5万份。", "2024-02-26", 2024),
        ("本報訊（通訊員 孫磊）春節前後，青嵐市總工會共發放“暖心包”1.5萬份。", "2024-02-26", 2024),
        ("春节期间，街道总工会慰问困难职工110户。", "2024-02-26", 2023),  # no dateline: the year reviewed
    ],
)
def test_a_season_after_a_news_items_dateline_is_of_the_year_it_was_given(text, published_on, year):
    assert [(start, end) for _, start, end, _ in _periods(text, 2023, published_on)] == [(year, year)]
