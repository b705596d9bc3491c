"""One CSV row is all a rule word takes: each role of the catalog, extended by one row, changes a figure."""

from __future__ import annotations

from datetime import date

import pytest

from etl.catalog import load_catalog
from etl.catalog.schema import WORD_ROLES
from etl.records import Source
from etl.rules.pipeline import process
from etl.series.matching import words_of


@pytest.fixture
def folder(catalog_copy):
    return catalog_copy


def _add(folder, name: str, row: str) -> None:
    with (folder / name).open("a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    load_catalog.cache_clear()  # the same folder, read again


def _seen(folder, text: str, report_year, fields: tuple[str, ...], publisher: str | None = None) -> list:
    # a report year, or a report year and the day the text was given: (2022, "2022-07-26")
    report_year, published_on = report_year if isinstance(report_year, tuple) else (report_year, None)
    source = Source("t.txt", "t", publisher=publisher, published_on=published_on, report_year=report_year)
    _, figures = process(source, text.encode("utf-8"), load_catalog(folder))
    surface_of = {f.figure_id: f.surface for f in figures}

    def shown(figure, name: str):
        """A field's value; a figure id (parent_figure_id) as the surface of that figure."""
        value = getattr(figure, name)
        return surface_of.get(value, value) if name.endswith("figure_id") else value

    return [tuple(shown(f, n) for n in fields) if len(fields) > 1 else shown(f, fields[0]) for f in figures]


# role, the word added, an example, its report year, the fields shown, before, after
ROLE_EXAMPLES = [
    ("standard_word", "定额", "困难职工生活补助定额提高到600元。", 2020, ("qualifier",), ["exact"], ["per_unit"]),
    ("call_line", "电话", "开通12351职工维权电话。", 2020, ("surface",), ["12351"], []),
    ("helping_verb", "照看", "照看困难党员1200人。", 2020, ("category",), ["other"], ["beneficiaries"]),
    ("doing_verb", "核销", "核销票据3000件。", 2020, ("category",), ["other"], ["activities"]),
    ("duration_word", "旬", "审批周期缩短至2旬。", 2020, ("surface", "measure"), [], [("2旬", "旬")]),
    ("span_noun", "时效", "办件时效压缩至3天。", 2020, ("surface", "unit"), [], [("3天", "other")]),
    ("rate_word", "番", "人均补助标准翻了2番。", 2020, ("qualifier",), ["per_unit"], ["exact"]),
    ("goal_word", "争创", "争创示范单位300家。", 2020, ("is_target",), [False], [True]),
    ("package_noun", "清单", "落实十项任务清单。", 2020, ("surface",), ["十项"], []),
    (
        "unit_organ",
        "食堂",
        "中国电科38所食堂开展志愿服务，参与职工120人。",
        2020,
        ("surface",),
        ["38所", "120人"],
        ["120人"],
    ),
    ("benchmark_noun", "指标", "全年投资超出指标8.6%。", 2020, ("basis",), [None], ["change"]),
    ("density_base", "立方厘米", "铁的密度为7.9克/立方厘米。", 2020, ("qualifier",), ["per_unit"], ["exact"]),
    ("next_year_word", "翌年", "全市工会计划翌年新建驿站10个。", 2024, ("period_start",), [2024], [2025]),
    (
        "rest_of_year",
        "年终前",
        "下一步，全市工会将在年终前新建驿站10个。",
        (2022, "2022-07-26"),
        ("period_start",),
        [2023],
        [2022],
    ),
    ("tally_noun", "家数", "同比下降的企业家数为70家。", 2020, ("basis",), ["change"], [None]),
    ("level_noun", "存量", "截至年底，贷款存量达到500亿元。", 2020, ("basis",), ["cumulative"], [None]),
    ("not_goal", "目标群体", "目标群体达到5000人。", 2020, ("is_target",), [True], [False]),
    ("not_category", "帮扶对象", "帮扶对象会员1200人。", 2020, ("category",), ["beneficiaries"], ["members"]),
    ("forecast_word", "估计", "2021年全市新增就业估计达到5万人。", 2020, ("is_target",), [False], [True]),
    ("budget_word", "概算", "2021年市总工会经费收入概算1.5亿元。", 2020, ("is_target",), [False], [True]),
    ("goal_noun", "规划", "市总工会规划新建驿站50个。", 2020, ("is_target",), [False], [True]),
    ("plan_maker", "社", "合作社计划投入500万元。", 2020, ("is_target",), [False], [True]),  # 金秋助学计划 is a name
    ("gap_total", "存量", "农民工存量2.9亿。", 2020, ("category",), ["other"], ["workers"]),  # 农民工 is counted
    ("output_word", "总产出", "全市工业总产出收入增长6%。", 2020, ("category",), ["funds"], ["other"]),
    ("gap_verb", "高达", "农民工高达2.9亿。", 2020, ("category",), ["other"], ["workers"]),
    (
        "people_noun",
        "群体",
        "帮扶120万就业困难群体。",
        2020,
        ("surface", "unit"),
        [("120万", "other")],
        [("120万", "person")],
    ),
    (
        "counting_word",
        "栋",
        "建成300栋工会驿站。",
        2020,
        ("surface", "unit"),
        [("300栋", "other")],
        [("300栋", "organization")],
    ),
    ("label_opener", "首先", "首先新建工会组织300个。", 2020, ("label",), ["首先新建工会组织"], ["新建工会组织"]),
    ("label_tail", "计有", "工会会员计有300万人。", 2020, ("label",), ["工会会员计有"], ["工会会员"]),
    (
        "shared_head",
        "家庭",
        "城镇和农村家庭人均收入分别达35512元、25689元。",
        2020,
        ("label",),
        ["城镇", "农村家庭人均收入"],
        ["城镇家庭人均收入", "农村家庭人均收入"],
    ),
    (
        "change_verb",
        "攀升",
        "一、2015年工作回顾\n能耗比2010年攀升18.2%。",
        2015,
        ("period_start", "period_end"),
        [(2015, 2015)],
        [(2011, 2015)],
    ),
    (
        "compared_with",
        "较前年",
        "国内生产总值达到56.9万亿元，较前年增长7.7%。",
        2020,
        ("label",),
        ["国内生产总值", "较前年增长"],
        ["国内生产总值", "国内生产总值增长"],
    ),
    (
        "per_year",
        "平均每年",
        "国内生产总值达到56.9万亿元，平均每年增长7.7%。",
        2020,
        ("label",),
        ["国内生产总值", "平均每年增长"],
        ["国内生产总值", "国内生产总值平均每年增长"],
    ),
    (
        "real_terms",
        "扣除价格因素",
        "居民收入达到3万元，扣除价格因素增长5%。",
        2020,
        ("label",),
        ["居民收入", "扣除价格因素增长"],
        ["居民收入", "居民收入扣除价格因素增长"],
    ),
    (
        "reached_verb",
        "跨越",
        "国内生产总值跨越56.9万亿元，比上年增长7.7%。",
        2020,
        ("label",),
        ["国内生产总值跨越", "国内生产总值跨越增长"],
        ["国内生产总值跨越", "国内生产总值增长"],
    ),
    ("goal_opener", "我们的任务是", "我们的任务是，新发展会员1000万人。", 2020, ("is_target",), [False], [True]),
    ("achieved_word", "兑现", "兑现年度目标培训100万人次。", 2020, ("is_target",), [True], [False]),
    (
        "review_heading",
        "盘点",
        "一、2018年工作回顾\n城镇新增就业1361万人。\n二、2018年工作盘点和2019年安排\n新增就业1100万人。",
        2018,
        ("is_target",),
        [False, True],
        [False, False],
    ),
    (
        "plan_heading",
        "打算",
        "一、2018年工作回顾\n城镇新增就业1361万人。\n二、工作打算\n新增就业1100万人。",
        2018,
        ("is_target", "period_start"),
        [(False, 2018), (False, 2018)],
        [(False, 2018), (True, 2019)],
    ),
    (
        "salutation",
        "各位委员",
        "一、工作回顾\n各位委员，今后五年，新增就业5000万人。",
        2022,
        ("is_target", "period_start", "period_end"),
        [(False, 2022, 2022)],
        [(True, 2023, 2027)],
    ),
    (
        "named_period_lead",
        "整个",
        "整个“十三五”时期，新增就业6000万人。",
        2020,
        ("period_start", "period_end"),
        [(2020, 2020)],
        [(2016, 2020)],
    ),
    (
        "coordinator",
        "以及",
        "出口增长8.7%以及8.6%。",
        2020,
        ("label", "basis"),
        [("出口增长", "change"), ("出口增长8.7%以及", None)],
        [("出口增长", "change"), ("出口增长", "change")],
    ),
    (
        "relation_verb",
        "达成",
        "签约项目100个，达成计划的95%。",
        2020,
        ("label",),
        ["签约项目", "达成计划的"],
        ["签约项目", "签约项目达成计划的"],
    ),
    (
        "relation_word",
        "折合",
        "全省收入10万元，折合全国的14.3%。",
        2020,
        ("label",),
        ["全省收入", "折合全国的"],
        ["全省收入", "全省收入折合全国的"],
    ),
    (
        "breakdown_opener",
        "包括",
        "共表彰2493名，包括劳模1689名、先进工作者804名。",
        2020,
        ("surface", "parent_figure_id"),
        [("2493名", None), ("1689名", None), ("804名", None)],
        [("2493名", None), ("1689名", "2493名"), ("804名", "2493名")],
    ),
    (
        "share_word",
        "比重为",
        "完成投资9080亿元，其中社会事业投资比重为44%。",
        2020,
        ("surface", "parent_figure_id"),
        [("9080亿元", None), ("44%", None)],
        [("9080亿元", None), ("44%", "9080亿元")],
    ),
    (
        "restatement_opener",
        "明确",
        "二、2010年工作安排\n今年国内生产总值增长8%左右。\n明确国内生产总值增长8%左右，主要是强调好字当头。",
        2009,
        ("mentions",),
        [1, 1],
        [2],
    ),
    (
        "restatement_reason",
        "原因是",
        "二、2010年工作安排\n今年国内生产总值增长8%左右。\n提出国内生产总值增长8%左右，原因是强调好字当头。",
        2009,
        ("mentions",),
        [1, 1],
        [2],
    ),
    (
        "range_word",
        "或",
        "安置6或8万人。",
        2020,
        ("surface", "value", "qualifier"),
        [("8万人", 80000.0, "exact")],
        [("6", 60000.0, "at_least"), ("8万人", 80000.0, "at_most")],
    ),
    (
        "open_range_word",
        "或",
        "安置6或8万人。",
        2020,
        ("surface", "value"),
        [("8万人", 80000.0)],
        [("6", 60000.0), ("8万人", 80000.0)],
    ),
    ("negative_after", "速", "出口增速负3.9%。", 2020, ("surface", "value"), [("3.9%", 3.9)], [("负3.9%", -3.9)]),
    ("percentage_points", "个点", "失业率下降一个点。", 2020, ("surface", "basis"), [], [("一个", "change")]),
    ("doubling", "增", "经济总量增一番。", 2020, ("surface", "value"), [], [("一番", 1.0)]),
    ("exchange_word", "换", "1美元换7.1元。", 2020, ("surface",), ["1美元", "7.1元"], ["7.1元"]),
    (
        "compared_marker",
        "相对于",
        "一、2015年工作回顾\n能耗相对于2010年下降18.2%。",
        2015,
        ("period_start", "period_end"),
        [(2010, 2010)],
        [(2011, 2015)],
    ),
    (
        "last_year_word",
        "前年",
        "赤字率从前年的2.1%提高到2.3%。",
        2020,
        ("label",),
        ["赤字率从前年的", "赤字率"],
        ["赤字率", "赤字率"],
    ),
    (
        "not_last_year_after",
        "水平上",  # on last year's level: a base, no year of the figure's
        "二、2021年工作安排\n今年在去年水平上再新增就业岗位1200个。",
        2020,
        ("period_start", "is_target"),
        [(2020, False)],
        [(2021, True)],
    ),
    (
        "not_this_year",
        "现今",  # 现今 and 年产量, no 今年
        "二、2021年工作安排\n去年以来，各地推进改革。现今年产量达到3200吨。",
        2020,
        ("period_start",),
        [2021],
        [2020],
    ),
    (
        "from_word",
        "自",
        "贫困发生率自10.2%下降到3.1%。",
        2020,
        ("period_start", "period_end"),
        [(2020, 2020), (2020, 2020)],
        [(2019, 2019), (2020, 2020)],  # a starting level: the year before
    ),
    (
        "to_word",
        "为",
        "居民收入由1万元提高为2万元。",
        2020,
        ("label",),
        ["居民收入", "居民收入由1万元提高"],
        ["居民收入", "居民收入"],
    ),
    (
        "period_end_word",
        "收官",
        "收入较“十三五”收官的4100亿元增长10%。",
        2022,
        ("period_start", "period_end"),
        [(2016, 2020), (2016, 2020)],
        [(2020, 2020), (2021, 2022)],  # the level at the end, the change since it
    ),
    (
        "whole_year_word",
        "一年",
        "年末存栏120万头，一年出栏198.6万头。",
        2020,
        ("as_of",),
        [date(2020, 12, 31)] * 2,
        [date(2020, 12, 31), None],
    ),
    (
        "dated_base",
        "季末",
        "截至2020年底，全国建成站点8.5万个，比上年季末增加2.2万个。",
        2020,
        ("as_of",),
        [date(2020, 12, 31), None],
        [date(2020, 12, 31), date(2020, 12, 31)],
    ),
    ("year_end_opener", "年终", "年终全国就业人员74652万人。", 2020, ("as_of",), [None], [date(2020, 12, 31)]),
    (
        "respectively",
        "各",
        "二氧化硫、氮氧化物排放量各下降3%、5%。",
        2020,
        ("label",),
        ["氮氧化物排放量各下降", "氮氧化物排放量各下降"],
        ["二氧化硫排放量下降", "氮氧化物排放量下降"],
    ),
    (
        "named_period_tail",
        "阶段",
        "一、工作回顾\n“十三五”阶段，全市经济平稳运行。新增就业6000万人。",  # it opens the sentences after
        2021,
        ("period_start", "period_end"),
        [(2021, 2021)],
        [(2016, 2020)],
    ),
    ("qualifier_filler", "共", "参会人数超过共5000名。", 2020, ("qualifier",), ["exact"], ["at_least"]),
    ("set_measure", "座", "建成两座大桥投资5亿元。", 2020, ("surface",), ["两座", "5亿元"], ["5亿元"]),
    (
        "list_measure",
        "座",
        "经济总量跨越4万亿元、5万亿元两座台阶。",
        2020,
        ("surface",),
        ["4万亿元", "5万亿元", "两座"],
        ["4万亿元", "5万亿元"],
    ),
    ("bound_lookalike", "誓约", "签订安全誓约120份。", 2020, ("qualifier",), ["approx"], ["exact"]),
    ("basis_filler", "达", "工业增加值增长达3%。", 2020, ("basis",), [None], ["change"]),
    ("quota_noun", "招收名额", "2020年全省研究生拟定招收名额3.8万人。", 2020, ("is_target",), [True], [False]),
    ("rank_word", "排序", "全省排序上升3位。", 2020, ("surface",), ["3位"], []),
    ("name_former", "中国兵器", "与中国兵器52所共建实验室。", 2020, ("surface",), ["52所"], []),
    ("not_benefactive", "划为", "被划为会员发展对象1200人。", 2020, ("category",), ["beneficiaries"], ["members"]),
    ("effort_noun", "闯劲", "以百倍的闯劲完成任务。", 2020, ("surface",), ["百倍"], []),
    ("attribution", "据报道", "据报道，2018年，全市新增就业5000人。", 2020, ("period_start",), [2020], [2018]),
    (
        "topic_tail",
        "领域",
        "技能提升领域，2024年全省工会举办竞赛1.4万场，参赛职工286万人次。",
        (2025, "2025-04-28"),
        ("period_start",),
        [2024, 2025],
        [2024, 2024],
    ),
    (
        "list_announcer",
        "下列",
        "一、“十四五”时期和2025年工作回顾\n五年来，全市累计新增就业50万人。\n一年来，我们主要做了下列工作。\n"
        "（一）稳就业\n全年新增就业5万人。",
        2025,
        ("period_start",),
        [2021, 2021],
        [2021, 2025],
    ),
    (
        "connective",
        "再者",
        "五年来，全市工会建成职工驿站360个。再者，2021年，全市投入帮扶资金500万元。",
        2024,
        ("period_start",),
        [2020, 2020],
        [2020, 2021],
    ),
    ("career_verb", "任教", "任教20年，培养学生3000名。", 2020, ("period_start",), [2020], [None]),
    ("own_level", "本身", "市本身固定资产投资100亿元。", 2020, ("metric_id",), ["fixed_asset_investment"], [None]),
    (
        "other_statistic",
        "众数",
        "城镇居民人均可支配收入众数4万元。",
        2020,
        ("metric_id",),
        ["urban_disposable_income"],
        [None],
    ),
    ("whole_opener", "本区", "本区地区生产总值增长5.6%。", 2020, ("metric_id",), [None], ["gdp_growth"]),
    (
        "report_verb",
        "称",
        "市人社局负责人称，2023年，全市城镇新增就业5万人。",
        2024,
        ("period_start",),
        [2024],
        [2023],
    ),
    (
        "not_next_part",
        "再",
        "全年共筹集资金3.2亿元，其中全总下拨0.8亿元，再筹集1.1亿元。",
        2020,
        ("parent_figure_id",),
        [None, "3.2亿元", "3.2亿元"],
        [None, "3.2亿元", None],
    ),
    (
        "stretch_word",
        "力保",
        "二、2021年工作安排\n地区生产总值增长6%以上，力保7%。",
        2020,
        ("basis", "label"),
        [("change", "地区生产总值增长"), (None, "力保")],
        [("change", "地区生产总值增长"), ("change", "地区生产总值增长")],
    ),
    (
        "fall_verb",
        "压缩",  # a fall of bases.csv already (a fall_verb must be one: test_catalog)
        "全省固定资产投资压缩3%。",
        2020,
        ("metric_id", "metric_value"),
        [(None, None)],
        [("fixed_asset_investment_growth", -3.0)],
    ),
    (
        "aspect_noun",
        "单位面积产量",
        "棉花种植面积100万亩、单位面积产量120公斤。",
        2020,
        ("label",),
        ["棉花种植面积", "单位面积产量"],
        ["棉花种植面积", "棉花种植单位面积产量"],
    ),
]


def test_every_role_of_words_csv_has_an_example():
    assert sorted(role for role, *_ in ROLE_EXAMPLES) == sorted(WORD_ROLES)


@pytest.mark.parametrize(
    ("role", "word", "text", "report_year", "fields", "before", "after"),
    ROLE_EXAMPLES,
    ids=[c[0] for c in ROLE_EXAMPLES],
)
def test_one_row_of_words_csv_is_a_new_word_of_its_role(folder, role, word, text, report_year, fields, before, after):
    if role == "level_noun":  # a level noun undoes a sentence word of bases.csv, of which the catalog holds none
        _add(folder, "bases.csv", "截至,cumulative,sentence,")
    assert _seen(folder, text, report_year, fields) == before
    _add(folder, "words.csv", f"{word},{role},")
    assert _seen(folder, text, report_year, fields) == after


# file, the row added, an example, its report year, its publisher, the fields shown, before, after
FILE_EXAMPLES = [
    (
        "units.csv",
        "例,other,,,a case",
        "全年接诊病例4500例。",
        2020,
        None,
        ("surface", "unit"),
        [],
        [("4500例", "other")],
    ),
    (
        "units.csv",  # its category column: a currency's amounts are funds, whatever the clause says
        "比索,other,,funds,Philippine peso",
        "全年侨汇收入1200万比索。",
        2020,
        None,
        ("surface", "unit", "category"),
        [("1200万", "other", "other")],
        [("1200万比索", "other", "funds")],
    ),
    (
        "measure_words.csv",
        "廒,other,,,a reference,a granary",
        "新建粮仓12廒。",
        2020,
        None,
        ("surface", "unit"),
        [],
        [("12廒", "other")],
    ),
    (
        "unit_nouns.csv",
        "护工,person,人,",
        "全省新增1200护工。",
        2020,
        None,
        ("surface", "unit"),
        [],
        [("1200", "person")],
    ),
    (
        "counted_nouns.csv",
        "护理站,organization,organizations,,a test row",
        "新建护理站300个。",
        2020,
        None,
        ("surface", "unit", "category"),
        [("300个", "other", "other")],
        [("300个", "organization", "organizations")],
    ),
    ("qualifiers.csv", "不止,before,at_least", "安置不止3万户。", 2020, None, ("qualifier",), ["exact"], ["at_least"]),
    ("qualifiers.csv", "出头,after,approx", "安置3万户出头。", 2020, None, ("qualifier",), ["exact"], ["approx"]),
    ("qualifiers.csv", "每村,clause,per_unit", "每村补贴5万元。", 2020, None, ("qualifier",), ["exact"], ["per_unit"]),
    ("bases.csv", "扩增,new,before,", "会员扩增300万人。", 2020, None, ("basis",), [None], ["new"]),
    ("bases.csv", "新落地,new,clause,", "项目新落地120个。", 2020, None, ("basis",), [None], ["new"]),
    ("bases.csv", "至今,cumulative,sentence,", "至今建成书屋120个。", 2020, None, ("basis",), [None], ["cumulative"]),
    (
        "bases.csv",
        "涨,change,compared,rise",
        "人均收入比上年涨500元。",
        2020,
        None,
        ("basis", "direction"),
        [(None, None)],
        [("change", 1)],
    ),
    ("categories.csv", "护工,workers,person", "全省有护工3000人。", 2020, None, ("category",), ["other"], ["workers"]),
    ("stop_words.csv", "编号,before,", "编号300个。", 2020, None, ("surface",), ["300个"], []),
    ("stop_words.csv", "个梯队,after,a rank", "分300个梯队。", 2020, None, ("surface",), ["300个"], []),
    (
        "period_openers.csv",
        "本届政府{n}年,past_years,",
        "一、工作回顾\n本届政府五年来，经济实力明显增强。累计新增就业6000万人。",
        2022,
        None,
        ("period_start", "period_end"),
        [(2022, 2022)],
        [(2018, 2022)],
    ),
    (
        "periods.csv",
        "十六五,2031,2035",
        "“十六五”时期，新增就业6000万人。",
        2025,
        None,
        ("is_target", "period_start", "period_end"),
        [(False, 2025, 2025)],
        [(True, 2031, 2035)],
    ),
    (
        "programs.csv",
        "elder_care,养老服务,养老服务",
        "养老服务补贴5亿元。",
        2020,
        None,
        ("program",),
        [None],
        ["elder_care"],
    ),
    (
        "metrics.csv",
        "elder_subsidy,养老补贴,Elder care subsidy,funds,yuan,,养老补贴,,",
        "发放养老补贴5亿元。",
        2020,
        None,
        ("metric_id",),
        [None],
        ["elder_subsidy"],
    ),
    (
        "publisher_words.csv",
        "管委会,district,",
        "城镇登记失业率4.5%。",
        2020,
        "临港管委会",
        ("metric_id",),
        [None],
        ["district_registered_unemployment_rate"],
    ),
    (
        "publishers.csv",
        "^临港管委会$,national,",
        "城镇登记失业率4.5%。",
        2020,
        "临港管委会",
        ("metric_id",),
        [None],
        ["registered_unemployment_rate"],
    ),
]


@pytest.mark.parametrize(
    ("name", "row", "text", "report_year", "publisher", "fields", "before", "after"),
    FILE_EXAMPLES,
    ids=[f"{c[0]}:{c[1].split(',')[0]}" for c in FILE_EXAMPLES],
)
def test_one_row_of_any_other_catalog_file_is_used(
    folder, name, row, text, report_year, publisher, fields, before, after
):
    assert _seen(folder, text, report_year, fields, publisher) == before
    _add(folder, name, row)
    assert _seen(folder, text, report_year, fields, publisher) == after


def test_one_row_of_subject_pairs_csv_names_the_subjects_of_a_fenbie_list(folder):
    text = "中外游客人数分别增长5%和8%。"
    assert _seen(folder, text, 2020, ("label",)) == ["中外游客人数分别增长", "中外游客人数分别增长"]
    _add(folder, "subject_pairs.csv", "中外,国内|境外,")
    assert _seen(folder, text, 2020, ("label",)) == ["国内游客人数增长", "境外游客人数增长"]


def test_one_row_of_series_words_csv_is_a_filler_the_series_key_drops(folder):
    assert words_of(load_catalog(folder)).normalise("推动建成职工书屋") == "推动建成书屋"  # 职工 is a filler
    _add(folder, "series_words.csv", "推动,a verb of doing")
    assert words_of(load_catalog(folder)).normalise("推动建成职工书屋") == "建成书屋"
