"""Lists read in order: each number of a list takes its own label by position (issue 22, item 5)."""

from __future__ import annotations

import pytest

from etl.catalog import load_catalog

from .conftest import query
from .helpers import figures_of


def labelled(text: str) -> list[tuple[float, str, str | None]]:
    return [(f.value, f.label, f.metric_id) for f in figures_of(text)]


URBAN, RURAL = "urban_disposable_income_growth", "rural_disposable_income_growth"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 分别 over subjects joined by 和, 与, 及 and 、
        (
            "城镇和农村居民人均可支配收入分别增长5%和6%。",
            [(5, "城镇居民人均可支配收入增长", URBAN), (6, "农村居民人均可支配收入增长", RURAL)],
        ),
        (
            "城镇与农村居民人均可支配收入分别增长5%、6%。",
            [(5, "城镇居民人均可支配收入增长", URBAN), (6, "农村居民人均可支配收入增长", RURAL)],
        ),
        (
            "城镇及农村居民人均可支配收入分别增长5%与6%。",
            [(5, "城镇居民人均可支配收入增长", URBAN), (6, "农村居民人均可支配收入增长", RURAL)],
        ),
        (
            "城镇、农村居民人均可支配收入分别增长5%及6%。",
            [(5, "城镇居民人均可支配收入增长", URBAN), (6, "农村居民人均可支配收入增长", RURAL)],
        ),
        # one word naming two subjects in order (subject_pairs.csv): urban, then rural
        (
            "城乡居民人均可支配收入分别增长4.4%、5.6%。",
            [(4.4, "城镇居民人均可支配收入增长", URBAN), (5.6, "农村居民人均可支配收入增长", RURAL)],
        ),
        ("进出口分别增长5%和6%。", [(5, "进口增长", None), (6, "出口增长", None)]),
        # three subjects over three figures
        (
            "用水量、能耗、二氧化碳排放量分别下降23%、15%、18%。",
            [(23, "用水量下降", None), (15, "能耗下降", None), (18, "二氧化碳排放量下降", None)],
        ),
    ],
)
def test_each_figure_of_a_fenbie_list_takes_the_subject_at_its_position(text, expected):
    assert labelled(text) == expected


def test_a_fenbie_list_naming_only_a_verb_takes_the_subjects_of_the_list_before_it_in_order():
    """Hailar 2018: the rural growth was read as the urban one's (+47.22% in v2.yoy)."""
    text = "城乡常住居民人均可支配收入分别完成37820元、28104元,同比分别增长6.5%、9.4%。"
    assert labelled(text) == [
        (37820, "城镇常住居民人均可支配收入完成", "urban_disposable_income"),
        (28104, "农村常住居民人均可支配收入完成", "rural_disposable_income"),
        (6.5, "城镇常住居民人均可支配收入增长", URBAN),
        (9.4, "农村常住居民人均可支配收入增长", RURAL),
    ]


def test_a_verb_only_list_after_figures_of_their_own_subjects_takes_them_in_order():
    """State Council 2010: both rates were read as the rural one's (the urban 9.8% in rural_disposable_income_growth)."""
    text = "城镇居民人均可支配收入17175元,农村居民人均纯收入5153元,实际增长9.8%和8.5%。"
    assert labelled(text)[2:] == [
        (9.8, "城镇居民人均可支配收入实际增长", "urban_disposable_income_growth"),
        (8.5, "农村居民人均纯收入实际增长", "rural_net_income_growth"),
    ]
    # one subject before a list of two, or two figures of one subject: the list keeps the subject it borrowed
    assert [f.label for f in figures_of("全年粮食产量6.5亿吨,增长2%和3%。")][1:] == ["粮食产量增长"] * 2
    assert [f.label for f in figures_of("工资由100元提高到200元,增长2%和3%。")][2:] == ["工资增长"] * 2


def test_a_verb_only_fenbie_list_takes_no_subjects_from_another_sentence_or_a_list_of_another_size():
    assert [f.label for f in figures_of("城乡居民人均可支配收入分别达4万元、2万元。同比分别增长6.5%、9.4%。")][2:] == [
        "同比分别增长",
        "同比分别增长",
    ]
    text = "城乡居民人均可支配收入分别达4万元、2万元,同比分别增长6.5%、9.4%、3%。"
    assert [f.label for f in figures_of(text)][2:] == ["同比分别增长"] * 3


def test_a_list_whose_subjects_are_not_one_per_figure_keeps_its_label():
    """Two readings are possible: no figure is given a subject it may not have."""
    assert [f.label for f in figures_of("城乡居民人均可支配收入分别增长4%、5%、6%。")] == [
        "城乡居民人均可支配收入分别增长"
    ] * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "粮食播种面积1584.6万亩、总产量132.4亿斤。",
            [(15846000, "粮食播种面积", None), (1.324e10, "粮食总产量", "grain_output")],
        ),
        (
            "实现粮食播种面积3320万亩、产量1285万吨以上。",
            [(33200000, "实现粮食播种面积", None), (12850000, "实现粮食产量", "grain_output")],
        ),
        # the item before names no aspect: the thing is not carried over
        ("钢铁产能5000万吨、产量300万吨。", [(50000000, "钢铁产能", None), (3000000, "产量", None)]),
    ],
)
def test_an_item_naming_only_an_aspect_takes_the_thing_of_the_item_before(text, expected):
    assert labelled(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "全体居民人均可支配收入增长5.3%，其中城镇居民增长4.5%、农村居民增长6.4%。",
            [
                (5.3, "全体居民人均可支配收入增长", "disposable_income_growth"),
                (4.5, "城镇居民人均可支配收入增长", "urban_disposable_income_growth"),
                (6.4, "农村居民人均可支配收入增长", "rural_disposable_income_growth"),
            ],
        ),
        ("工业企业利润增长5%，其中国有企业增长3%。", [(5, "工业企业利润增长", None), (3, "国有企业利润增长", None)]),
        # the figure before measures nothing more of the head: the label stays
        ("全市职工增长5%，其中女职工增长3%。", [(5, "全市职工增长", None), (3, "女职工增长", None)]),
    ],
)
def test_a_subject_ending_in_a_shared_head_measures_what_the_figure_before_measured_of_it(text, expected):
    """城镇居民增长 after 全体居民人均可支配收入增长: the urban residents' per-capita disposable income grew
    (shared_head of words.csv: 居民, 企业)."""
    assert labelled(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the terms of a ratio of three are shares by position that the report does not name: no figures
        ("三次产业结构比为8:30:62。", []),
        ("三次产业结构比为8∶30∶62。", []),
        ("两者之比为3:2。", []),
        # a ratio to one is one figure, and a colon inside a ratio breaks no clause
        ("城乡居民收入比为2.5:1。", [(2.5, "城乡居民收入比", None)]),
        ("城乡居民收入比从2.50:1缩小至2.27:1。", [(2.5, "城乡居民收入比", None), (2.27, "城乡居民收入比", None)]),
    ],
)
def test_ratios(text, expected):
    assert labelled(text) == expected


def test_hailar_2018_rural_income_in_v2_yoy_is_the_rural_figure(warehouse):
    """v2.yoy gave +47.22%: 城乡…分别完成37820元、28104元 had given the urban figure to the rural series."""
    rows = query(
        warehouse,
        "select value, previous_value, pct_change from v2.yoy"
        " where series_id = 'rural_disposable_income' and year = 2018 and doc_id = 'hailar-2019'",
    )
    assert rows == [(28104.0, 25689.0, 9.4)]


def test_each_figure_of_a_fenbie_list_has_the_programme_its_own_subject_names_or_none():
    """A programme named for the sentence is no programme of every listed subject: 蓝天 (air) is not the
    water's 267亿元; 居民医保 is the 30元's, not the public health service's 5元."""
    catalog = {p.program_id for p in load_catalog().programs}
    assert "medical_insurance" in catalog
    health = figures_of("居民医保和基本公共卫生服务经费人均财政补助标准分别再增加30元和5元。")
    assert [(f.value, f.program) for f in health] == [(30, "medical_insurance"), (5, None)]
    text = "打好蓝天、碧水、净土保卫战，中央财政大气、水、土壤污染防治专项资金分别安排340亿元、267亿元、44亿元。"
    assert [f.program for f in figures_of(text)] == [None, None, None]
    assert figures_of("打好蓝天保卫战，安排专项资金340亿元。")[0].program == "air_pollution_control"


def test_a_change_borrowing_the_subjects_of_a_level_list_never_takes_the_levels_metric():
    # metrics.csv: urban_disposable_income and rural_disposable_income are levels; 增加2000元 is a change of one
    assert labelled("城镇和农村居民人均可支配收入分别达到4万元和2万元，分别增加2000元和1500元。") == [
        (40000, "城镇居民人均可支配收入", "urban_disposable_income"),
        (20000, "农村居民人均可支配收入", "rural_disposable_income"),
        (2000, "城镇居民人均可支配收入增加", None),
        (1500, "农村居民人均可支配收入增加", None),
    ]


def test_a_list_of_years_gives_each_figure_its_own_year():
    figures = figures_of("2020年、2021年分别新增就业3万人和5万人。", 2022)
    assert [(f.value, f.label, f.period_start, f.period_end) for f in figures] == [
        (30000, "2020年新增就业", 2020, 2020),
        (50000, "2021年新增就业", 2021, 2021),  # the 3万人 was 2021's, the 5万人 2022's
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number before a list's joiner counts what the number after it counts
        ("增速分别高1.2和0.8个百分点。", [("1.2", "percent", "个百分点"), ("0.8个百分点", "percent", "个百分点")]),
        ("增速分別高0.9和1.3個百分點。", [("0.9", "percent", "个百分点"), ("1.3個百分點", "percent", "个百分点")]),
        # a measure word the next one begins is the next one's, cut short
        ("分别快于3.1个、1.9个百分点。", [("3.1个", "percent", "个百分点"), ("1.9个百分点", "percent", "个百分点")]),
        # a range's low end with a magnitude of its own counts what its high end counts
        ("新增城镇就业4万至5万人。", [("4万", "person", "人"), ("5万人", "person", "人")]),
        ("新增城鎮就業3萬~4萬人。", [("3萬", "person", "人"), ("4萬人", "person", "人")]),
    ],
)
def test_a_listed_or_ranged_amount_counts_what_the_next_one_counts(text, expected):
    assert [(f.surface, f.unit, f.measure) for f in figures_of(text)] == expected


PLAN = "一、2025年工作回顾\n过去一年，工作扎实推进。\n二、2026年工作安排\n"


@pytest.mark.parametrize(
    "text",
    [
        "地区生产总值增长5.5%以上，力争6%。",
        "全年实现地区生产总值增长5.5%左右、力争6%。",
        "地區生產總值增長5.5%左右，爭取6%。",
    ],
)
def test_a_higher_aim_after_a_figure_is_the_same_measure(text):
    # the metric's target stays the one stated first: v2.compare answers 5.5%, not two values
    found = figures_of(PLAN + text, 2025)
    assert [(f.value, f.basis, f.direction, f.label[-8:], f.metric_id, f.is_target) for f in found] == [
        (5.5, "change", 1, "地区生产总值增长", "gdp_growth", True),
        (6, "change", 1, "地区生产总值增长", None, True),
    ]


def test_a_higher_aim_with_words_of_its_own_is_its_own_figure():
    found = figures_of(PLAN + "城镇新增就业10万人以上，力争培训职工12万人。", 2025)
    assert [(f.value, f.basis, f.label) for f in found] == [
        (100000, "new", "城镇新增就业"),
        (120000, None, "力争培训职工"),
    ]
