"""Figures as real reports write them (issue 11): each case a sentence and what it states."""

from __future__ import annotations

import pytest

from .helpers import figures_of, one


def facts(text: str, report_year: int = 2024) -> list[tuple]:
    return [(f.surface, f.value, f.unit, f.measure) for f in figures_of(text, report_year)]


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("安置困难职工不少于3万户。", "at_least"),
        ("粮食产量不低于1.3万亿斤。", "at_least"),
        ("全年至少培训50万人次。", "at_least"),  # 每年至少…: per_unit, an amount a year (per_unit wins)
        ("参赛职工不下200万人。", "at_least"),
        ("赤字率不超过3%。", "at_most"),
        ("新增债务不多于500亿元。", "at_most"),
        ("物价涨幅不高于3.5%。", "at_most"),
        ("单批参训最多30人。", "at_most"),  # 每批最多30人: per batch, per_unit (per_unit wins)
        ("不少于新建3万户。", "at_least"),  # before the verb
        ("安置困難職工不少於3萬戶。", "at_least"),  # 於, a simplified character too, read in both forms
        ("新增債務不高於500億元。", "at_most"),
    ],
)
def test_comparatives_and_negations(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新增发电装机1500万千瓦。", [("1500万千瓦", 15_000_000, "other", "千瓦")]),
        ("装机容量达到5000万千瓦以上。", [("5000万千瓦", 50_000_000, "other", "千瓦")]),
        ("新建铁路300千米。", [("300千米", 300, "other", "千米")]),
        ("发电量1.2万亿千瓦时。", [("1.2万亿千瓦时", 1_200_000_000_000, "other", "千瓦时")]),
        ("节能8000万吨标准煤。", [("8000万吨标准煤", 80_000_000, "other", "吨标准煤")]),
        ("港口吞吐量2500万标箱。", [("2500万标箱", 25_000_000, "other", "标箱")]),
        ("供气100亿立方米。", [("100亿立方米", 10_000_000_000, "other", "立方米")]),
    ],
)
def test_units_that_begin_with_a_numeral_and_magnitudes_inside_compound_units(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("比上年提高两个百分点。", [("两个百分点", 2, "percent", "个百分点")]),
        ("新增上市企业三家。", [("三家", 3, "enterprise", "家")]),
        ("分五批次组织疗休养。", [("五批次", 5, "time", "批次")]),  # a count of times in two characters
        ("召开五次全委会，建设二期工程。", []),  # 次, 期 alone after one numeral: an ordinal, a phase
        ("人均节约粮食近一吨。", [("一吨", 1, "other", "吨")]),
        ("投入四千万元。", [("四千万元", 40_000_000, "yuan", "元")]),
        ("惠及一千多万人。", [("一千多万人", 10_000_000, "person", "人")]),
        ("安排2千零30万元。", [("2千零30万元", 20_300_000, "yuan", "元")]),
        ("服务7万 5千 4百人。", [("7万 5千 4百人", 75_400, "person", "人")]),
        ("增长百分之1,111。", [("百分之1,111", 1111, "percent", "%")]),
        ("死亡率千分之三。", [("千分之三", 3, "other", "‰")]),
        ("单价50元6角。", [("50元6角", 50.6, "yuan", "元")]),
        ("人均十五斤半。", [("十五斤半", 15.5, "other", "斤")]),
        ("吸纳叁萬人。", [("叁萬人", 30_000, "person", "人")]),
        ("利用外资1200亿美元。", [("1200亿美元", 120_000_000_000, "other", "美元")]),
        ("收入200亿欧元。", [("200亿欧元", 20_000_000_000, "other", "欧元")]),
    ],
)
def test_numerals_as_reports_and_readers_write_them(text, expected):
    assert facts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("出口增长1.5倍。", [("1.5倍", 1.5, "other", "倍", "change")]),
        ("占全国4成。", [("4成", 40, "percent", "成", None)]),
    ],
)
def test_multiples_and_shares(text, expected):
    assert [(f.surface, f.value, f.unit, f.measure, f.basis) for f in figures_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "value", "direction"),
    [
        ("工业利润下降-22.2%。", -22.2, 1),  # fell by a negative amount: it rose
        ("增速为负3.9%。", -3.9, -1),  # a growth rate below zero: it fell
        ("进口同比增长-0.3%。", -0.3, -1),
        ("能耗下降3.1%。", 3.1, -1),
        ("出口增长5.9%。", 5.9, 1),
    ],
)
def test_signs_and_directions(text, value, direction):
    figure = one(text)
    assert (figure.value, figure.direction) == (value, direction)


@pytest.mark.parametrize(
    "text",
    [
        "经济增长连续8个季度保持在合理区间。",
        "重点做好以下10个方面工作。",
        "今年要重点抓好八个方面工作。",
        "揭阳潮汕机场成为全省第4个吞吐量超千万人次的机场。",
        "当日汇率为1美元兑7.1元人民币。",
        "详见https://example.cn/a?id=%28123%29。",
        "严格落实中央八项规定精神。",
        "纳入国家102项重大工程。",
    ],
)
def test_not_figures(text):
    assert [f.surface for f in figures_of(text) if f.measure != "元"] == []


def test_a_target_restated_where_it_is_explained_is_one_fact_counted_twice():
    text = (
        "二、2010年工作安排\n今年国内生产总值增长8%左右。\n"
        "这里要着重说明，提出国内生产总值增长8%左右，主要是强调好字当头。"
    )
    (figure,) = figures_of(text, 2009)
    assert (figure.surface, figure.is_target, figure.mentions) == ("8%", True, 2)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("培育市场主体120万户。", "enterprise"),
        ("新增经营主体3万户。", "enterprise"),
        ("新培育6个产业集群。", "organization"),
        ("建成创新平台12个。", "organization"),
        ("组建创新联合体15个。", "organization"),
        ("带动20万青年就业。", "person"),
        ("吸纳3万农民工。", "person"),
    ],
)
def test_units_from_the_counted_noun(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("会员净增120万人。", "new"),
        ("新签约项目300个。", "new"),
        ("新投产机组20台。", "new"),
        ("新核准企业80家。", "new"),
        ("新认定高新技术企业500家。", "new"),
        ("全市新登记经营主体5.6万户。", "new"),
        ("新修通村组硬化路87公里。", "new"),
        ("新改建農村公路100公里。", "new"),
        ("新创建全国文明城市13个。", "new"),
        ("全年新纳入帮扶36户。", "new"),
        ("港区工会计划再建驿站10个。", "new"),
        ("港區工會計劃再建驛站10個。", "new"),
        ("加上转移性收入后，市级收入总计568.2亿元。", None),  # a total, no sum over time
        ("2025年全體員工調薪3%。", "change"),
        ("職業災害較上年減少7件，減幅28%。", "change"),
        ("贷款多增1.2万亿元。", "change"),
        ("人民币贬值3%。", "change"),
        ("新增规上企业1494家、“小巨人”企业81家、上云企业2万家。", "new"),
        ("全市规上企业净增235家、达到1480家。", None),  # the level the item reached
        ("全網各平台累計播放量、閱讀量達1.25億次。", "cumulative"),  # a list of nouns, one figure
    ],
)
def test_basis_words(text, basis):
    assert figures_of(text)[-1].basis == basis


def test_a_budget_draft_is_a_target_for_its_year():
    text = (
        "一、2024年中央和地方预算执行情况\n收入219702.12亿元。\n二、2025年中央和地方预算草案\n中央财政赤字48600亿元。"
    )
    done, planned = figures_of(text, 2024)
    assert (done.is_target, done.period_start) == (False, 2024)
    assert (planned.is_target, planned.period_start) == (True, 2025)


def test_a_programme_named_in_a_later_sentence_is_not_the_figures_before_it():
    text = "全年安排资金3亿元，惠及职工50万人。开展疫情防控工作，下拨资金1亿元。"
    amounts = {f.surface: f.program for f in figures_of(text, 2020)}
    assert amounts == {"3亿元": None, "50万人": None, "1亿元": "covid19_response"}


def test_a_breakdown_part_takes_its_wholes_basis_and_a_subset_links_as_one():
    text = "新增就业1300万人，其中高校毕业生800万人。共表彰2493名，其中劳模1689名、先进工作者804名，有300多名抗疫先进典型。"
    figures = {f.surface: f for f in figures_of(text, 2020)}
    assert figures["800万人"].basis == "new"
    assert figures["300多名"].subset_of_figure_id == figures["2493名"].figure_id
    assert figures["300多名"].parent_figure_id is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("城乡居民收入比由2.5缩小到2.3。", [("2.5", 2.5), ("2.3", 2.3)]),
        ("城乡居民收入比从2.50:1缩小至2.27:1。", [("2.50:1", 2.5), ("2.27:1", 2.27)]),
        ("人均可支配收入比上年增长9.1%。", [("9.1%", 9.1)]),  # 比上年 is a comparison, not a ratio
    ],
)
def test_ratios_written_bare_where_the_sentence_says_what_they_are(text, expected):
    assert [(f.surface, f.value) for f in figures_of(text)] == expected


def test_doubling_is_counted_in_doublings():
    assert [(f.surface, f.value, f.measure, f.basis) for f in figures_of("居民收入比2010年翻一番。")] == [
        ("一番", 1, "番", "change")
    ]
    assert [f.surface for f in figures_of("经过一番努力，翻两番的目标实现了。")] == ["两番"]


def test_a_currency_sign_is_kept_as_the_measure_never_as_yuan():
    assert [(f.surface, f.value, f.unit, f.measure) for f in figures_of("出口额达$500亿，售价￥3.5万。")] == [
        ("$500亿", 50_000_000_000, "other", "$"),
        ("¥3.5万", 35_000, "other", "¥"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("资助金额约HK$1,073万。", ("HK$1,073万", "HK$", "approx")),  # the country's letters are the sign's
        ("資助金額約HK$1,073萬。", ("HK$1,073萬", "HK$", "approx")),
        ("出口额达US$5亿。", ("US$5亿", "US$", "exact")),
        ("补贴MOP$120万。", ("MOP$120万", "MOP$", "exact")),
        ("代码ABCD$30。", ("$30", "$", "exact")),  # a longer word of letters is no country's
    ],
)
def test_the_letters_of_a_dollars_country_are_part_of_its_sign(text, expected):
    (figure,) = figures_of(text)
    assert (figure.surface, figure.measure, figure.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("移动网络流量资费年内至少降低30%。", "at_least"),  # a bound before the verb of change bounds the change
        ("单位能耗至少下降3%。", "at_least"),
        ("收入增长6%。", "exact"),
    ],
)
def test_a_bound_before_the_verb_of_a_change_bounds_it(text, qualifier):
    assert one(text).qualifier == qualifier
