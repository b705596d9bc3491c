"""Whether a figure is a target, by the rules of target_rules.csv: each cue deciding a figure, and the table as data."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog
from etl.rules.targets import target_rules

from .helpers import figures_of, keep_rows, refused_row

PLAN = "二、2021年工作安排\n"  # a report on 2020: what follows is its plan for 2021


@pytest.mark.parametrize(
    ("cue", "text", "targets"),
    [
        # the level at the end of a named period is where the change starts; the change is the goal
        ("period_end_level", PLAN + "力争服务业增加值较“十三五”末的4100亿元增长20%。", [False, True]),
        ("last_years_level", PLAN + "赤字率从去年的3.6%调低到3.2%左右。", [False, True]),
        ("starting_level", "力争到2025年，城镇调查失业率由5.6%下降到5%以内。", [False, True]),
        ("starting_level", "力爭到2025年，城鎮調查失業率由5.6%下降到5%以內。", [False, True]),
        ("past_quota", PLAN + "2020年全省普通高校招生计划38.5万人。", [False]),  # the quota allotted
        ("past_quota", PLAN + "2020年全省普通高校招生計劃38.5萬人。", [False]),
        ("goal_in_clause", "人力资源社会保障部将在20个城市开展试点。", [True]),  # what a ministry will do
        ("goal_in_clause", "人力資源社會保障部將在20個城市開展試點。", [True]),
        ("goal_in_clause", "会议提出，全省工会将新发展会员30万人以上。", [True]),  # 将 before a verb of doing
        ("goal_in_clause", "市總工會今年將投入500萬元。", [True]),
        ("goal_in_clause", "人社部还将组织开展职业技能培训1500万人次以上。", [True]),  # will also
        ("goal_in_clause", "人社部將組織開展職業技能培訓1500萬人次以上。", [True]),
        # a goal word right after a closing quote ends a programme's name: what it did is an outcome
        ("always", "开展“金秋助学”计划资助学生1200名。", [False]),
        ("always", "開展「金秋助學」計劃資助學生1200名。", [False]),
        # so does one right after any word but who plans, when, or an adverb (plan_maker)
        ("always", "金秋助学计划资助学生1200名。", [False]),
        ("always", "職工互助保障計劃參保人數較上年增長12%。", [False]),
        ("goal_in_clause", "市总工会计划资助学生1200名。", [True]),
        ("goal_in_clause", "今年計劃新建職工驛站50個。", [True]),
        ("goal_in_clause", "全市还计划投入500万元。", [True]),
        ("goal_in_clause", "本會並計畫新增會員工會5家。", [True]),  # 計畫 as Taiwan writes 计划
        # a year still ahead (the year after the one reviewed only with 将): a goal; not a deadline it names
        ("future_year", "2022年全市新增就业5万人。", [True]),
        ("future_year", "2021年，全市工会将新建职工驿站200个。", [True]),
        ("future_year", "2021年，全市工會將新建職工驛站200個。", [True]),
        ("future_year", "2021年春节期间，全省铁路客流预计达到5.4亿人次，同比增长5%左右。", [True, True]),  # forecast
        ("future_year", "2021年全市職工療休養有望達到3萬人次。", [True]),
        ("always", "2020年全市GDP预计增长5%。", [False]),  # the year reviewed: an estimated outcome
        ("always", "2021年，全市工会新建职工驿站200个。", [False]),  # given in 2021, what it did so far
        ("always", "2021年，全市将近3000人参加。", [False]),  # 将近 is nearly
        ("always", "2028年年底前需化解的债务从14.3万亿元降至2.3万亿元。", [False, False]),
        # a year reviewed, in the plan part, is what was done
        ("past_year", PLAN + "2020年全市工会会员达到98万人，今年力争突破100万人。", [False, True]),
        ("past_year", PLAN + "2020年全市已建成職工驛站860個。", [False]),
        ("plan_context", PLAN + "2020年全市新增就业11万人，今年将新增就业10万人以上。", [False, True]),  # 今年's clause
        # what was done beyond the plan or the goal is an outcome (achieved_word)
        ("always", "全年完成投资1200亿元，超年度计划160亿元。", [False, False]),
        ("always", "城鎮新增就業12萬人，比目標多1.6萬人。", [False, False]),
        # a goal a figure is measured against, not one set
        ("always", "地区生产总值年均增长6.4%，比规划目标高0.4个百分点。", [False, False]),
        ("always", "地區生產總值年均增長6.4%，比規劃目標高0.4個百分點。", [False, False]),
        ("goal_in_clause", "力争比目标多完成5%。", [True]),  # 力争 sets one all the same
        # next year, the next step: a goal stated earlier in the sentence
        ("goal_opens", "明年，全市工会将资助困难职工子女3000名。", [True]),
        ("goal_opens", "下一步，全市工會將開展技能競賽500場。", [True]),
        ("always", "人均预期寿命达到81岁。", [False]),  # 预期寿命 is life expectancy (not_goal), no goal
        ("plan_context", PLAN + "新建职工驿站300个。", [True]),
        ("plan_context", PLAN + "全省普通高校招生计划40万人。", [True]),  # a quota of the year ahead
        # the goals reported met: what follows was achieved, though 主要目标 opens a goal
        ("goals_met", "完成年初确定的主要目标，地区生产总值增长6.1%，城镇新增就业52万人。", [False, False]),
        ("goals_met", "完成年初確定的主要目標，地區生產總值增長6.1%，城鎮新增就業52萬人。", [False, False]),
        ("goal_opens", "全年目标是，新发展会员1000万人。", [True]),
        # the goal stated governs its list, whatever each item's verb (惠及, 实现: words of a goal met elsewhere)
        ("goal_opens", "年度目标为改造老旧小区1500个、惠及居民18万户。", [True, True]),
        ("goal_opens", "年度目標為城鎮新增就業75萬人、幫助就業困難人員實現就業6萬人。", [True, True]),
        ("always", "年度目标为新建驿站100个，实际建成136个。", [True, False]),  # 实际: what was done
        ("goal_opens", "全年目標是，新發展會員1000萬人。", [True]),
        ("future_period", "“十四五”期间新建职工驿站1000个。", [True]),
        ("future_period", "“十四五”期間新建職工驛站1000個。", [True]),
        ("service_standard", "为登记失业人员每人至少提供2次岗位推荐。", [True]),  # a standard of service
        ("service_standard", "為登記失業人員每人至少提供2次崗位推薦。", [True]),
        ("always", "新建职工驿站300个。", [False]),  # nothing says more: the last row
    ],
)
def test_each_cue_decides_a_figure(cue, text, targets):
    assert [f.is_target for f in _figures(text)] == targets


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("城镇调查失业率平均为5.1%，低于5.5%的控制目标。", [False, True]),
        ("居民消費價格漲幅為0.3%，低於3%左右的調控目標。", [False, True]),
        ("城镇新增就业72.6万人，完成年度目标的121%。", [False, False]),  # a share of the goal: what was done
        # a goal noun right before a figure whose share follows: the goal's value, the share what was done
        ("全区城镇新增就业1.86万人，完成年度目标任务1.6万人的116.3%。", [False, True, False]),
        ("完成年度計劃3000萬元的105%。", [True, False]),
        # the goal right after the figure, no 的 between
        ("全县城镇新增就业6.16万人，完成省下达的5.5万人目标任务的112%。", [False, True, False]),
        ("全縣城鎮新增就業6.16萬人，完成省下達的5.5萬人目標任務的112%。", [False, True, False]),
        ("全年实现高职院校扩招100万人目标。", [False]),  # a goal reached: what was done
    ],
)
def test_a_figure_a_goal_noun_names_right_after_it_is_the_goals_value(text, targets):
    assert [f.is_target for f in figures_of(text, report_year=2025)] == targets


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("“五一”期间，全省各级工会将开放职工书屋等阵地2600余个。", [True]),  # 将 before a verb: will
        ("省總工會還將聯合相關部門為5000名勞模安排療休養。", [True]),
        ("将制造业企业研发费用加计扣除比例提高到100%。", [False]),  # 将 taking an object to a level
        ("全市将近3000人参加。", [False]),  # nearly
    ],
)
def test_will_before_a_verb_is_a_goal(text, targets):
    assert [f.is_target for f in figures_of(text, report_year=2025)] == targets


def test_the_targets_met_last_year_are_outcomes_of_that_year():
    figures = _figures("全面完成年初确定的目标任务，地区生产总值增长6%，城镇新增就业52万人。")
    assert [(f.surface, f.is_target, f.period_start) for f in figures] == [("6%", False, 2020), ("52万人", False, 2020)]


def test_a_starting_level_before_a_deadline_is_the_level_before_the_period():
    start, end = _figures("到2025年，全员劳动生产率从人均9万元提高到12万元以上。", 2020, PLAN)
    assert [(f.surface, f.is_target, f.period_start, f.period_end) for f in (start, end)] == [
        ("9万元", False, 2020, 2020),
        ("12万元", True, 2021, 2025),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "近日，澜海市首批20个职工驿站揭牌，预计全年可服务新就业形态劳动者1.5万人次。",
        "近日，瀾海市首批20個職工驛站揭牌，預計全年可服務新就業形態勞動者1.5萬人次。",
    ],
)
def test_a_forecast_of_a_year_after_the_one_reviewed_is_an_expectation(text):
    # a news page of March 2024 on 2023's work: what it forecasts for 2024 is a goal, what it names done is not
    found = figures_of(text, 2023, published_on="2024-03-12")
    assert [(f.period_start, f.is_target) for f in found] == [(2024, False), (2024, True)]
    # in a review of 2024, of 2024: an estimate of the year reviewed
    assert [f.is_target for f in figures_of(text, 2024, published_on="2024-12-20")] == [False, False]


def test_a_goal_verb_governs_a_change_against_last_year_but_not_last_years_outcome():
    text = "今年全省计划组织职工疗休养3.5万人，比去年增加约3000人。省总工会拟投入资金1亿元，去年完成8000万元。"
    found = figures_of(text, 2023, published_on="2024-03-12")
    assert [(f.surface, f.period_start, f.is_target) for f in found] == [
        ("3.5万人", 2024, True),
        ("3000人", 2024, True),
        ("1亿元", 2024, True),
        ("8000万元", 2023, False),
    ]


def _figures(text: str, report_year: int = 2020, heading: str = "", catalog=None):
    return figures_of(heading + text, report_year, catalog)


def _rules(catalog_copy, keep) -> int:
    """Keep the rows of target_rules.csv `keep` accepts (the header always); the lines left."""
    return keep_rows(catalog_copy / "target_rules.csv", keep)


def test_without_the_goals_met_row_a_goal_opener_decides(catalog_copy):
    _rules(catalog_copy, lambda line: not line.startswith("goals_met,"))
    figures = _figures("完成年初确定的主要目标，地区生产总值增长6.1%。", catalog=catalog_copy)
    assert [f.is_target for f in figures] == [True]


def test_a_row_moved_first_wins(catalog_copy):
    path = catalog_copy / "target_rules.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    rows = [row for row in rows if not row.startswith("plan_context,")]
    path.write_text("\n".join([header, "plan_context,target,", *rows]) + "\n", encoding="utf-8")
    assert [
        f.is_target for f in _figures("城镇调查失业率由5.5%降到5.2%左右。", heading=PLAN, catalog=catalog_copy)
    ] == [
        True,
        True,
    ]


def test_an_unknown_cue_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "target_rules.csv", "goal_word,target,")
    assert said.startswith(
        f"{catalog_copy / 'target_rules.csv'}:{line}: cue 'goal_word' is not one of always, period_end_level,"
    )


def test_an_unknown_verdict_names_the_file_and_the_line(catalog_copy):
    line, said = refused_row(catalog_copy, "target_rules.csv", "goal_opens,goal,")
    assert said == f"{catalog_copy / 'target_rules.csv'}:{line}: verdict 'goal' is not one of target, outcome"


def test_the_table_is_read_once_per_catalog():
    catalog = load_catalog()
    table = catalog.compiled(target_rules)
    assert table is catalog.compiled(target_rules)
    assert [(cue.__name__, verdict) for _, (cue, verdict) in table.gate.rules] == [
        ("period_end_level", False),
        ("last_years_level", False),
        ("starting_level", False),
        ("past_quota", False),
        ("goal_in_clause", True),
        ("goal_in_sentence", True),
        ("future_year", True),
        ("forecast_ahead", True),
        ("past_year", False),
        ("plan_context", True),
        ("goals_met", False),
        ("goal_opens", True),
        ("future_period", True),
        ("service_standard", True),
    ]
    assert table.otherwise is False  # always,outcome: what nothing else decides was done
    assert table.no_words == (False, True)  # a sentence of none of the cues' words: its context decides


def test_a_sentence_without_the_words_of_a_cue_is_spared_it():
    gate = load_catalog().compiled(target_rules).gate
    assert [cue.__name__ for cue, _ in gate("新建职工驿站", 0, 6)] == ["plan_context"]
    assert [cue.__name__ for cue, _ in gate("2024年，新建职工驿站", 0, 11)] == [
        "future_year",
        "past_year",
        "plan_context",
    ]
    assert [cue.__name__ for cue, _ in gate("全年目标是，新发展会员", 0, 11)] == [
        "goal_in_clause",
        "goal_in_sentence",
        "plan_context",
        "goals_met",
        "goal_opens",
    ]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # a goal verb of an earlier clause governs the clauses after it
        ("省总工会今年拟投入帮扶资金1.2亿元，走访慰问困难职工5万户，资助困难职工子女3000名。", [True, True, True]),
        ("2024年，全省工会计划新建“爱心驿站”500个，新发展会员30万人。", [True, True]),
        ("省總工會今年將投入資金5000萬元，在全省新建職工驛站1000個。", [True, True]),
        # not after it is reported met, nor past a semicolon, nor a goal that is named (目标) or a name (计划)
        ("市总工会计划投入资金1亿元，实际完成1.2亿元。", [True, False]),
        ("原计划新建驿站100个，实际建成136个。", [True, False]),
        ("全省工会计划新建驿站500个；全年新发展会员30万人。", [True, False]),
        ("年度目标任务全面完成，新增就业12万人。", [False]),
        ("“金秋助学”计划资助学生1200名，发放助学金600万元。", [False, False]),
        # measured against a goal: what was done
        ("全年全国城镇新增就业1244万人，为年度目标的103.7%。", [False, False]),
        ("全省新发展会员86万人，超出年度目标16万人。", [False, False]),
        ("全市完成固定资产投资2360亿元，为年度计划的104.2%。", [False, False]),
    ],
)
def test_a_goal_verb_governs_the_clauses_after_it(text, targets):
    assert [f.is_target for f in figures_of(text, 2024, published_on="2024-03-10")] == targets


def test_what_a_body_says_will_be_reached_is_a_goal():
    found = figures_of("人社部预计，今年高校毕业生规模将达1222万人，同比增加43万人。", 2024, published_on="2024-06-01")
    assert [(f.surface, f.is_target) for f in found] == [("1222万人", True), ("43万人", True)]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        # an achieved word after a goal verb in its clause is part of the goal
        ("省總工會將於年內完成新就業形態勞動者入會10萬人，培訓工會幹部3000人次。", [True, True]),
        ("力争完成固定资产投资1000亿元。", [True]),
        # without one, it reports what was done
        ("全年全国城镇新增就业1244万人，完成年度目标的112%。", [False, False]),
    ],
)
def test_what_a_body_will_complete_is_a_goal(text, targets):
    assert [f.is_target for f in figures_of(text, 2023, published_on="2023-05-01")] == targets


def test_a_figure_measured_against_the_goal_is_what_was_done():
    found = figures_of("全年地区生产总值增长5.8%，高于年初预期目标0.3个百分点。", 2025, published_on="2026-01-20")
    assert [(f.surface, f.is_target) for f in found] == [("5.8%", False), ("0.3个百分点", False)]


@pytest.mark.parametrize(
    "text",
    [
        "（四）审查预算情况\n2025年市总工会本级经费收入预算1.92亿元，支出预算1.92亿元，收支平衡。",
        "（四）審查預算情況\n2025年市總工會本級經費收入預算1.92億元，支出預算1.92億元，收支平衡。",
    ],
)
def test_the_budget_of_the_year_after_the_one_reviewed_is_a_plan(text):
    found = figures_of(text, report_year=2024, published_on="2025-03-06")
    assert [(f.period_start, f.is_target) for f in found] == [(2025, True), (2025, True)]
